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

use super::config::{Config, ConfigError, Mode, ProviderConfig, env_prefix};
use super::upstream::{Remote, Upstream};

/// Where a provider's requests go.
#[derive(Clone)]
pub(crate) enum Route {
    /// To an upstream (a remote API, or a sandbox), with the credentials to inject (none in
    /// portal mode, where the customer's own are relayed).
    Upstream {
        /// The upstream.
        upstream: Arc<dyn Upstream>,
        /// The reseller's credentials.
        credentials: Option<Arc<Credentials>>,
        /// How the start-up line describes it (`https://api.gandi.net`).
        description: String,
    },
    /// Sandbox mode, with no sandbox available: every request gets `sandbox_unavailable`.
    SandboxUnavailable,
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
}

impl ProviderRoute {
    /// The start-up line for this provider (never a secret).
    pub(crate) fn describe(&self, mode: Mode) -> String {
        match &self.route {
            Route::Upstream {
                description,
                credentials,
                ..
            } => {
                let who = match (mode, credentials) {
                    (Mode::Portal, _) => "customer credentials relayed",
                    (Mode::Reseller, Some(c)) => c.style(),
                    (Mode::Reseller, None) => "no credentials",
                };
                format!("{}: {description} ({who})", self.kind.slug())
            }
            Route::SandboxUnavailable => format!(
                "{}: sandbox (no credentials configured; the sandbox simulators are not built in yet)",
                self.kind.slug()
            ),
        }
    }
}

/// The adapter for a provider. Gjirafa's recognises only paths of the configured project;
/// in sandbox mode a fixed placeholder project is used.
fn adapter(config: &ProviderConfig) -> Result<Arc<dyn Provider>, ConfigError> {
    Ok(match config.kind {
        ProviderKind::GandiV3 => Arc::new(GandiV3),
        ProviderKind::GandiV5 => Arc::new(GandiV5),
        ProviderKind::RealtimeRegister => Arc::new(RealtimeRegister::default()),
        ProviderKind::Ssl247 => Arc::new(Ssl247),
        ProviderKind::Gjirafa => {
            let text = config
                .project
                .as_deref()
                .unwrap_or("00000000-0000-0000-0000-000000000000");
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

/// The route of a provider in sandbox mode (no credentials configured). This is where the
/// in-process sandbox plugs in: an [`Upstream`] that answers from the simulator, and the
/// sandbox's fixed credentials to inject, as `Route::Upstream`. Until then, a clear error.
fn sandbox_route(kind: ProviderKind) -> Route {
    let _ = kind;
    Route::SandboxUnavailable
}

/// Every provider's route, from the configuration.
pub(crate) fn routes(config: &Config) -> Result<Vec<ProviderRoute>, ConfigError> {
    config
        .providers
        .iter()
        .map(|p| {
            // Reseller mode without credentials is sandbox mode, whatever the base URL.
            let forwarded = match config.mode {
                Mode::Reseller => p.credentials.is_some(),
                Mode::Portal => true,
            };
            let route = match &p.base_url {
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
                    Route::Upstream {
                        upstream: Arc::new(remote),
                        credentials: p.credentials.clone().map(Arc::new),
                        description: base.as_str().trim_end_matches('/').to_owned(),
                    }
                }
                _ => sandbox_route(p.kind),
            };
            Ok(ProviderRoute {
                kind: p.kind,
                adapter: adapter(p)?,
                route,
            })
        })
        .collect()
}
