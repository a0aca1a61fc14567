//! One provider's settings: a `[providers.{slug}]` table and the `CERTORDER_{PROVIDER}_*`
//! variables (the environment winning), including the route the widget takes to it.
//!
//! The route is `proxy` (the default: the widget calls `/api/{provider}/…` here and this
//! server adds the credentials, checks order tokens and places an order once) or `direct`
//! (the widget calls `browser_base_url` itself, which must answer CORS for the widget's
//! origin; nothing of it passes through this server, so none of the above applies).

use certorder::provider::ProviderKind;

use super::{ConfigError, EnvLookup, Mode, ProviderConfig, credentials, env_prefix, presets};

/// Keys a `[providers.*]` table may have; secrets are refused by name.
const PROVIDER_KEYS: [&str; 4] = ["base_url", "project", "route", "browser_base_url"];

/// A setting's value with the name it was read under (TOML key or variable), for errors.
type Named = Option<(String, String)>;

/// What a provider's table and variables say, before it is checked.
#[derive(Default)]
struct Raw {
    base_url: Named,
    project: Option<String>,
    route: Named,
    browser_base_url: Named,
}

fn read_table(kind: ProviderKind, table: Option<&toml::Table>) -> Result<Raw, ConfigError> {
    let slug = kind.slug();
    let prefix = env_prefix(kind);
    let mut raw = Raw::default();
    for (key, value) in table.into_iter().flatten() {
        let setting = format!("providers.{slug}.{key}");
        if !PROVIDER_KEYS.contains(&key.as_str()) {
            let reason = if credentials::looks_secret(key) {
                format!(
                    "secrets are never read from the configuration file: set {prefix}_… or {prefix}_…_FILE in the environment"
                )
            } else {
                format!("unknown setting (known: {})", PROVIDER_KEYS.join(", "))
            };
            return Err(ConfigError::invalid(setting, reason));
        }
        let text = value
            .as_str()
            .ok_or_else(|| ConfigError::invalid(&setting, "must be a string"))?
            .to_owned();
        match key.as_str() {
            "base_url" => raw.base_url = Some((setting, text)),
            "route" => raw.route = Some((setting, text)),
            "browser_base_url" => raw.browser_base_url = Some((setting, text)),
            _ => raw.project = Some(text),
        }
    }
    Ok(raw)
}

/// The provider's settings from its table (if any) and the environment.
pub(super) fn from(
    kind: ProviderKind,
    table: Option<&toml::Table>,
    env: EnvLookup<'_>,
    mode: Mode,
) -> Result<ProviderConfig, ConfigError> {
    let prefix = env_prefix(kind);
    let mut raw = read_table(kind, table)?;
    let named = |suffix: &str| {
        let name = format!("{prefix}_{suffix}");
        env(&name).map(|text| (name, text))
    };
    if let Some(found) = named("BASE_URL") {
        raw.base_url = Some(found);
    }
    if let Some(found) = named("ROUTE") {
        raw.route = Some(found);
    }
    if let Some(found) = named("BROWSER_BASE_URL") {
        raw.browser_base_url = Some(found);
    }
    if let Some(text) = env(&format!("{prefix}_PROJECT")) {
        raw.project = Some(text);
    }
    let (credentials, unused_credentials) = match mode {
        Mode::Reseller => (credentials::from_env(kind, env)?, Vec::new()),
        // In portal mode the customer brings their own; reseller credentials are not used
        // (docs/design.md, security model item 3), and the start-up line says so.
        Mode::Portal => (None, credentials::names_set(kind, env)),
    };
    let direct = direct_route(kind, &raw, credentials.is_some(), env)?;
    let base_url = match raw.base_url {
        Some((setting, text)) => Some(presets::resolve(kind, &setting, &text)?),
        None if credentials.is_some() => Some(presets::default_for(kind).ok_or_else(|| {
            ConfigError::invalid(
                format!("{prefix}_BASE_URL"),
                format!(
                    "{} has no known production host: set its base URL",
                    kind.name()
                ),
            )
        })?),
        None => None,
    };
    // The widget builds Gjirafa's paths with the project id, whichever route it takes.
    if kind == ProviderKind::Gjirafa && (base_url.is_some() || direct.is_some()) {
        let text = raw.project.as_deref().ok_or_else(|| {
            ConfigError::invalid(
                format!("{prefix}_PROJECT"),
                "the Gjirafa project id is required",
            )
        })?;
        certorder::provider::gjirafa::ProjectId::parse(text)
            .map_err(|_| ConfigError::invalid(format!("{prefix}_PROJECT"), "must be a uuid"))?;
    }
    Ok(ProviderConfig {
        kind,
        base_url,
        credentials,
        project: raw.project,
        unused_credentials,
        direct,
    })
}

/// The direct route's browser-facing base URL, or `None` on the proxy route. A direct route
/// sends nothing through this server, so an upstream URL or reseller credentials for it
/// would never be used: both are errors rather than silently ignored.
fn direct_route(
    kind: ProviderKind,
    raw: &Raw,
    has_credentials: bool,
    env: EnvLookup<'_>,
) -> Result<Option<url::Url>, ConfigError> {
    let prefix = env_prefix(kind);
    let direct = match &raw.route {
        None => false,
        Some((setting, text)) => match text.trim() {
            "proxy" => false,
            "direct" => true,
            other => {
                return Err(ConfigError::invalid(
                    setting,
                    format!("`{other}` is neither `proxy` nor `direct`"),
                ));
            }
        },
    };
    let browser_setting = format!(
        "{prefix}_BROWSER_BASE_URL (providers.{}.browser_base_url)",
        kind.slug()
    );
    if !direct {
        return match &raw.browser_base_url {
            Some((setting, _)) => Err(ConfigError::invalid(
                setting,
                "used only on the direct route: set the route to `direct`, or remove it",
            )),
            None => Ok(None),
        };
    }
    let Some((setting, text)) = &raw.browser_base_url else {
        return Err(ConfigError::invalid(
            browser_setting,
            "the direct route needs the base URL the browser calls",
        ));
    };
    let url = presets::checked_url(setting, text)?;
    if let Some((setting, _)) = &raw.base_url {
        return Err(ConfigError::invalid(
            setting,
            "not used on the direct route (the browser calls browser_base_url, not this server): remove it, or set the route to `proxy`",
        ));
    }
    if has_credentials {
        let names = credentials::names_set(kind, env).join(", ");
        return Err(ConfigError::invalid(
            names,
            "reseller credentials are never sent on the direct route (the browser calls browser_base_url, not this server): unset them, or set the route to `proxy`",
        ));
    }
    Ok(Some(url))
}
