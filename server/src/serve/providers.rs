//! One place that turns the configuration into, per provider, the adapter that recognises
//! its requests, the upstream they go to and the credentials injected into them.

use std::sync::Arc;

use certorder::http::Credentials;
use certorder::provider::gandi_v3::GandiV3;
use certorder::provider::gandi_v5::GandiV5;
use certorder::provider::gjirafa::{Gjirafa, ProjectId};
use certorder::provider::realtimeregister::RealtimeRegister;
use certorder::provider::ssl247::Ssl247;
use certorder::provider::{Provider, ProviderKind};
use certorder_sandbox::{Sandbox, SandboxSettings};

use super::config::{Config, ConfigError, Mode, ProviderConfig, env_prefix};
use super::sandbox::SandboxUpstream;
use super::upstream::{Remote, Upstream};

/// Where a provider's requests go: an upstream (a remote API, or the sandbox simulator), with
/// the credentials to inject (none in portal mode, where the customer's own are relayed).
#[derive(Clone)]
pub(crate) struct Route {
    /// The upstream.
    pub(crate) upstream: Arc<dyn Upstream>,
    /// The reseller's credentials (the sandbox's fixed ones in sandbox mode).
    pub(crate) credentials: Option<Arc<Credentials>>,
    /// How the start-up line describes it (`https://api.gandi.net`).
    pub(crate) description: String,
}

/// One provider, ready for the proxy.
#[derive(Clone)]
pub(crate) struct ProviderRoute {
    /// The provider.
    pub(crate) kind: ProviderKind,
    /// Its adapter (recognition and authentication).
    pub(crate) adapter: Arc<dyn Provider>,
    /// Where requests go.
    pub(crate) route: Route,
    /// The simulator answering this provider, in sandbox mode (its control calls are served).
    pub(crate) sandbox: Option<Arc<Sandbox>>,
}

impl ProviderRoute {
    /// The start-up line for this provider (never a secret).
    pub(crate) fn describe(&self, mode: Mode) -> String {
        let Route {
            description,
            credentials,
            ..
        } = &self.route;
        let who = match (mode, credentials, &self.sandbox) {
            (Mode::Portal, _, _) => "customer credentials relayed",
            (Mode::Reseller, _, Some(_)) => "no credentials configured",
            (Mode::Reseller, Some(c), None) => c.style(),
            (Mode::Reseller, None, None) => "no credentials",
        };
        format!("{}: {description} ({who})", self.kind.slug())
    }
}

/// The adapter for a provider. Gjirafa's recognises only paths of the configured project;
/// in sandbox mode, the sandbox's project.
fn adapter(config: &ProviderConfig, sandboxed: bool) -> Result<Arc<dyn Provider>, ConfigError> {
    Ok(match config.kind {
        ProviderKind::GandiV3 => Arc::new(GandiV3),
        ProviderKind::GandiV5 => Arc::new(GandiV5),
        ProviderKind::RealtimeRegister => Arc::new(RealtimeRegister::default()),
        ProviderKind::Ssl247 => Arc::new(Ssl247),
        ProviderKind::Gjirafa => {
            let text = match (&config.project, sandboxed) {
                (Some(project), false) => project.as_str(),
                _ => certorder_sandbox::GJIRAFA_PROJECT,
            };
            let project = ProjectId::parse(text).map_err(|_| {
                ConfigError::invalid(
                    format!("{}_PROJECT", env_prefix(config.kind)),
                    "must be a uuid",
                )
            })?;
            Arc::new(Gjirafa::new(project, 0))
        }
        _ => {
            return Err(ConfigError::invalid(
                format!("providers.{}", config.kind.slug()),
                "this provider is not supported by the server yet",
            ));
        }
    })
}

/// The route of a provider in sandbox mode (no credentials configured): its simulator, with
/// the sandbox's fixed credentials injected the way the real API takes them.
fn sandbox_route(sandbox: &Arc<Sandbox>, kind: ProviderKind, config: &Config) -> Route {
    Route {
        upstream: Arc::new(SandboxUpstream::new(
            sandbox.clone(),
            kind,
            config.limits.total_timeout,
        )),
        credentials: Some(Arc::new(sandbox.credentials(kind))),
        description: "sandbox".to_owned(),
    }
}

/// The sandbox, made once and only when some provider needs it (it makes a CA at start).
fn sandbox(slot: &mut Option<Arc<Sandbox>>, config: &Config) -> Result<Arc<Sandbox>, ConfigError> {
    if let Some(sandbox) = slot {
        return Ok(sandbox.clone());
    }
    let settings = SandboxSettings {
        max_orders: config.limits.sandbox_max_orders,
    };
    let made = Arc::new(
        Sandbox::new(settings)
            .map_err(|e| ConfigError::invalid("sandbox", format!("cannot start: {e}")))?,
    );
    *slot = Some(made.clone());
    Ok(made)
}

/// Every proxied provider's route, from the configuration. A provider on the direct route
/// has none: the widget calls it without this server, so its proxy route does not exist.
pub(crate) fn routes(config: &Config) -> Result<Vec<ProviderRoute>, ConfigError> {
    let mut shared_sandbox = None;
    config
        .providers
        .iter()
        .filter(|p| p.direct.is_none())
        .map(|p| {
            // Reseller mode without credentials is sandbox mode, whatever the base URL.
            let forwarded = match config.mode {
                Mode::Reseller => p.credentials.is_some(),
                Mode::Portal => true,
            };
            let (route, sandboxed) = match &p.base_url {
                Some(base) if forwarded => {
                    let remote = Remote::new(
                        base.clone(),
                        config.limits.connect_timeout,
                        config.limits.total_timeout,
                    )
                    .map_err(|e| {
                        ConfigError::invalid(
                            format!("{}_BASE_URL", env_prefix(p.kind)),
                            format!("cannot make an HTTPS client: {e}"),
                        )
                    })?;
                    let route = Route {
                        upstream: Arc::new(remote),
                        credentials: p.credentials.clone().map(Arc::new),
                        description: base.as_str().trim_end_matches('/').to_owned(),
                    };
                    (route, None)
                }
                _ => {
                    let sandbox = sandbox(&mut shared_sandbox, config)?;
                    (sandbox_route(&sandbox, p.kind, config), Some(sandbox))
                }
            };
            Ok(ProviderRoute {
                kind: p.kind,
                adapter: adapter(p, sandboxed.is_some())?,
                route,
                sandbox: sandboxed,
            })
        })
        .collect()
}
