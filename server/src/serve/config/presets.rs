//! Upstream base URLs: the production and test hosts each provider documents
//! (docs/providers.md §1.2, §1.5, §2.1, §3), by name, or any URL.

use certorder::provider::{ProviderKind, gandi_v3, gandi_v5, realtimeregister, ssl247};

use super::ConfigError;

/// The base URL of a named preset (`production`, `test`) for a provider, if it has one.
pub(crate) fn preset(kind: ProviderKind, name: &str) -> Option<&'static str> {
    match (kind, name) {
        (ProviderKind::GandiV3, "production") => Some(gandi_v3::PRODUCTION_BASE),
        (ProviderKind::GandiV3, "test") => Some(gandi_v3::OTE_BASE),
        (ProviderKind::GandiV5, "production") => Some(gandi_v5::PRODUCTION_BASE),
        (ProviderKind::GandiV5, "test") => Some(gandi_v5::SANDBOX_BASE),
        (ProviderKind::RealtimeRegister, "production") => Some(realtimeregister::PRODUCTION_BASE),
        (ProviderKind::RealtimeRegister, "test") => Some(realtimeregister::OTE_BASE),
        (ProviderKind::Ssl247, "production") => Some(ssl247::BASE_URL),
        // Gjirafa's documents do not name the API host; SSL247 names no test host.
        _ => None,
    }
}

/// The base URL used when credentials are set and no URL is: the production preset.
pub(super) fn default_for(kind: ProviderKind) -> Option<url::Url> {
    preset(kind, "production").and_then(|u| url::Url::parse(u).ok())
}

/// A preset name or a URL. Only `https` is accepted, except for a loopback host (a local
/// test upstream or benchmark); a URL with credentials, a query or a fragment is refused.
pub(super) fn resolve(
    kind: ProviderKind,
    setting: &str,
    text: &str,
) -> Result<url::Url, ConfigError> {
    let text = text.trim();
    if let Some(url) = preset(kind, text) {
        return url::Url::parse(url).map_err(|e| ConfigError::invalid(setting, e.to_string()));
    }
    if !text.contains("://") {
        return Err(ConfigError::invalid(
            setting,
            format!(
                "`{text}` is neither a URL nor a preset of {} (presets: {})",
                kind.name(),
                preset_names(kind)
            ),
        ));
    }
    checked_url(setting, text)
}

/// A URL (no preset). Only `https` is accepted, except for a loopback host; a URL with
/// credentials, a query or a fragment is refused.
pub(super) fn checked_url(setting: &str, text: &str) -> Result<url::Url, ConfigError> {
    let text = text.trim();
    let url = url::Url::parse(text)
        .map_err(|e| ConfigError::invalid(setting, format!("`{text}` is not a URL: {e}")))?;
    let loopback = match url.host() {
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    };
    match url.scheme() {
        "https" => {}
        "http" if loopback => {}
        _ => {
            return Err(ConfigError::invalid(
                setting,
                "must be an https URL (plain http only for a loopback host)",
            ));
        }
    }
    if url.host().is_none()
        || !url.username().is_empty()
        || url.password().is_some()
        || url.query().is_some()
        || url.fragment().is_some()
    {
        return Err(ConfigError::invalid(
            setting,
            "must be scheme://host[:port][/path] with no user, query or fragment",
        ));
    }
    Ok(url)
}

fn preset_names(kind: ProviderKind) -> String {
    let names: Vec<&str> = ["production", "test"]
        .into_iter()
        .filter(|n| preset(kind, n).is_some())
        .collect();
    if names.is_empty() {
        "none".to_owned()
    } else {
        names.join(", ")
    }
}
