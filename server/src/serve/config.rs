//! The server's configuration: a TOML file plus environment variables, the environment
//! winning, and the command line's flags over both.
//!
//! Secrets (provider credentials, the order-token secret) come only from the environment or
//! from a file named by `…_FILE`, never from the TOML or the command line, so that a
//! configuration file can be committed and shown. Every error names the setting at fault.

mod credentials;
mod limits;
mod presets;
mod provider;

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use certorder::http::{Credentials, Secret};
use certorder::provider::ProviderKind;
use serde::Deserialize;
use thiserror::Error;

use limits::FileLimits;
pub(crate) use limits::Limits;

/// The default listen address.
pub(crate) const DEFAULT_LISTEN: &str = "127.0.0.1:8787";

/// Where a setting's value is looked up: the process environment in production, a map in
/// tests.
pub(crate) type EnvLookup<'a> = &'a dyn Fn(&str) -> Option<String>;

/// A configuration that cannot be used. The message names the setting.
#[derive(Debug, Error)]
pub(crate) enum ConfigError {
    /// The configuration file could not be read.
    #[error("cannot read the configuration file {path}: {reason}")]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        reason: String,
    },
    /// The TOML is malformed or has an unknown key.
    #[error("configuration file {path}: {reason}")]
    Toml {
        /// The file.
        path: PathBuf,
        /// The parser's message (names the key and line).
        reason: String,
    },
    /// One setting has a bad value.
    #[error("{setting}: {reason}")]
    Invalid {
        /// The setting, as written in the TOML or the environment.
        setting: String,
        /// What is wrong.
        reason: String,
    },
}

impl ConfigError {
    pub(crate) fn invalid(setting: impl Into<String>, reason: impl Into<String>) -> Self {
        Self::Invalid {
            setting: setting.into(),
            reason: reason.into(),
        }
    }
}

/// Who holds the provider credentials.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Mode {
    /// The server injects the reseller's credentials; order-scoped calls need order tokens.
    Reseller,
    /// The widget sends the customer's own credentials; the server relays them.
    Portal,
}

impl Mode {
    fn parse(setting: &str, text: &str) -> Result<Self, ConfigError> {
        match text.trim() {
            "reseller" => Ok(Self::Reseller),
            "portal" => Ok(Self::Portal),
            other => Err(ConfigError::invalid(
                setting,
                format!("`{other}` is neither `reseller` nor `portal`"),
            )),
        }
    }

    /// The mode's name, as configured.
    pub(crate) const fn as_str(self) -> &'static str {
        match self {
            Self::Reseller => "reseller",
            Self::Portal => "portal",
        }
    }
}

/// One provider's settings.
#[derive(Debug, Clone)]
pub(crate) struct ProviderConfig {
    /// The provider.
    pub(crate) kind: ProviderKind,
    /// The upstream base URL; `None` when none is configured (sandbox mode).
    pub(crate) base_url: Option<url::Url>,
    /// The reseller's credentials; `None` in sandbox mode or portal mode.
    pub(crate) credentials: Option<Credentials>,
    /// Gjirafa's project id (`CERTORDER_GJIRAFA_PROJECT`).
    pub(crate) project: Option<String>,
    /// Reseller credential variables set in the environment but not used (portal mode).
    pub(crate) unused_credentials: Vec<String>,
    /// The base URL the widget calls itself, on the direct route (`route = "direct"`,
    /// `browser_base_url`); `None` on the proxy route, the default.
    pub(crate) direct: Option<url::Url>,
}

/// The whole configuration.
#[derive(Debug, Clone)]
pub(crate) struct Config {
    /// The address to listen on.
    pub(crate) listen: SocketAddr,
    /// The mode.
    pub(crate) mode: Mode,
    /// Origins (`https://shop.example`) that may call the API from another site.
    pub(crate) allowed_origins: Vec<String>,
    /// A header set by a trusted load balancer naming the client's address
    /// (`x-forwarded-for`); without it the peer address is the client.
    pub(crate) client_ip_header: Option<String>,
    /// The built widget.
    pub(crate) dist: PathBuf,
    /// Limits.
    pub(crate) limits: Limits,
    /// Every provider, in [`ProviderKind::ALL`] order.
    pub(crate) providers: Vec<ProviderConfig>,
    /// The order-token secret; `None` makes the server generate one at start.
    pub(crate) token_secret: Option<Secret>,
    /// The shared store (`CERTORDER_REDIS_URL`); `None` keeps it in memory.
    pub(crate) redis_url: Option<Secret>,
}

impl Config {
    /// The origins the widget calls directly (`https://gateway.example`), once each, in
    /// provider order: what the page's Content-Security-Policy adds to `connect-src`.
    pub(crate) fn direct_origins(&self) -> Vec<String> {
        let mut origins: Vec<String> = Vec::new();
        for url in self.providers.iter().filter_map(|p| p.direct.as_ref()) {
            let origin = url.origin().ascii_serialization();
            if !origins.contains(&origin) {
                origins.push(origin);
            }
        }
        origins
    }

    /// In portal mode with reseller credentials in the environment, the one start-up line
    /// that says they are not used (variable names only, never a value).
    pub(crate) fn unused_credentials_notice(&self) -> Option<String> {
        let names: Vec<&str> = self
            .providers
            .iter()
            .flat_map(|p| p.unused_credentials.iter().map(String::as_str))
            .collect();
        (!names.is_empty()).then(|| {
            format!(
                "portal mode: the reseller credentials in {} are NOT used (the customer's own are relayed); unset them, or set CERTORDER_MODE=reseller",
                names.join(", ")
            )
        })
    }
}

/// The command line's overrides.
#[derive(Debug, Clone, Default)]
pub(crate) struct Overrides {
    /// `--listen`.
    pub(crate) listen: Option<SocketAddr>,
    /// `--dist`.
    pub(crate) dist: Option<PathBuf>,
}

/// The TOML file's shape. Unknown keys are errors, so a typo is never a silent default.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileConfig {
    listen: Option<String>,
    mode: Option<String>,
    allowed_origins: Option<Vec<String>>,
    client_ip_header: Option<String>,
    dist: Option<PathBuf>,
    limits: Option<FileLimits>,
    #[serde(default)]
    providers: BTreeMap<String, toml::Table>,
}

impl Config {
    /// Reads the file (if any), then the environment, then the overrides.
    pub(crate) fn load(
        file: Option<&Path>,
        env: EnvLookup<'_>,
        overrides: &Overrides,
    ) -> Result<Self, ConfigError> {
        let parsed = match file {
            Some(path) => {
                let text = std::fs::read_to_string(path).map_err(|e| ConfigError::Read {
                    path: path.to_owned(),
                    reason: e.to_string(),
                })?;
                toml::from_str::<FileConfig>(&text).map_err(|e| ConfigError::Toml {
                    path: path.to_owned(),
                    reason: e.message().to_owned(),
                })?
            }
            None => FileConfig::default(),
        };
        Self::build(parsed, env, overrides)
    }

    fn build(
        file: FileConfig,
        env: EnvLookup<'_>,
        overrides: &Overrides,
    ) -> Result<Self, ConfigError> {
        let listen = match (overrides.listen, env("CERTORDER_LISTEN"), file.listen) {
            (Some(addr), _, _) => addr,
            (None, Some(text), _) => parse_listen("CERTORDER_LISTEN", &text)?,
            (None, None, Some(text)) => parse_listen("listen", &text)?,
            (None, None, None) => parse_listen("listen", DEFAULT_LISTEN)?,
        };
        let mode = match (env("CERTORDER_MODE"), file.mode) {
            (Some(text), _) => Mode::parse("CERTORDER_MODE", &text)?,
            (None, Some(text)) => Mode::parse("mode", &text)?,
            (None, None) => Mode::Reseller,
        };
        let allowed_origins = match env("CERTORDER_ALLOWED_ORIGINS") {
            Some(text) => parse_origins(
                "CERTORDER_ALLOWED_ORIGINS",
                text.split(',').map(str::trim).filter(|s| !s.is_empty()),
            )?,
            None => parse_origins(
                "allowed_origins",
                file.allowed_origins.iter().flatten().map(String::as_str),
            )?,
        };
        let client_ip_header = env("CERTORDER_CLIENT_IP_HEADER")
            .or(file.client_ip_header)
            .map(|h| h.trim().to_ascii_lowercase())
            .filter(|h| !h.is_empty());
        if let Some(h) = &client_ip_header
            && axum::http::HeaderName::from_bytes(h.as_bytes()).is_err()
        {
            return Err(ConfigError::invalid(
                "client_ip_header",
                "not a header name",
            ));
        }
        let dist = overrides
            .dist
            .clone()
            .or_else(|| env("CERTORDER_DIST").map(PathBuf::from))
            .or(file.dist)
            .unwrap_or_else(|| PathBuf::from("dist"));
        let limits = limits::from(file.limits.unwrap_or_default(), env)?;
        for name in file.providers.keys() {
            if name.parse::<ProviderKind>().is_err() {
                return Err(ConfigError::invalid(
                    format!("providers.{name}"),
                    "unknown provider (known: gandi-v3, gandi-v5, realtimeregister, ssl247, gjirafa)",
                ));
            }
        }
        let providers = ProviderKind::ALL
            .into_iter()
            .map(|kind| provider::from(kind, file.providers.get(kind.slug()), env, mode))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Self {
            listen,
            mode,
            allowed_origins,
            client_ip_header,
            dist,
            limits,
            providers,
            token_secret: credentials::secret(env, "CERTORDER_TOKEN_SECRET")?,
            redis_url: credentials::secret(env, "CERTORDER_REDIS_URL")?,
        })
    }
}

fn parse_listen(setting: &str, text: &str) -> Result<SocketAddr, ConfigError> {
    text.trim()
        .parse()
        .map_err(|_| ConfigError::invalid(setting, format!("`{text}` is not an address:port")))
}

/// Origins as the browser sends them: scheme, host and port, no path.
fn parse_origins<'a>(
    setting: &str,
    origins: impl Iterator<Item = &'a str>,
) -> Result<Vec<String>, ConfigError> {
    origins
        .map(|text| {
            let url = url::Url::parse(text)
                .map_err(|_| ConfigError::invalid(setting, format!("`{text}` is not an origin")))?;
            let origin = url.origin();
            if !origin.is_tuple() || !matches!(url.path(), "" | "/") || url.query().is_some() {
                return Err(ConfigError::invalid(
                    setting,
                    format!("`{text}` is not an origin (scheme://host[:port], no path)"),
                ));
            }
            Ok(origin.ascii_serialization())
        })
        .collect()
}

/// The environment-variable prefix of a provider: `CERTORDER_GANDI_V5`.
pub(crate) fn env_prefix(kind: ProviderKind) -> String {
    format!(
        "CERTORDER_{}",
        kind.slug().to_ascii_uppercase().replace('-', "_")
    )
}

#[cfg(test)]
mod tests;
