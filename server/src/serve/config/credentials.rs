//! Secrets from the environment or from files (`…_FILE`), and the credentials each provider
//! takes (docs/design.md, security model item 1).

use certorder::http::{Credentials, Secret};
use certorder::provider::ProviderKind;

use super::{ConfigError, EnvLookup, env_prefix};

/// Key names that hold a secret: refused in the TOML by name.
const SECRET_WORDS: [&str; 6] = ["key", "token", "password", "secret", "user", "credential"];

/// Whether a TOML key looks like it holds a secret (`api_key`, `token`, …).
pub(super) fn looks_secret(key: &str) -> bool {
    let key = key.to_ascii_lowercase();
    SECRET_WORDS.iter().any(|w| key.contains(w))
}

/// A value from `NAME` or from the file named by `NAME_FILE`; both at once is an error.
/// A file's trailing newline is not part of the secret.
pub(crate) fn secret(env: EnvLookup<'_>, name: &str) -> Result<Option<Secret>, ConfigError> {
    let file_var = format!("{name}_FILE");
    match (env(name), env(&file_var)) {
        (Some(_), Some(_)) => Err(ConfigError::invalid(
            name,
            format!("set either {name} or {file_var}, not both"),
        )),
        (Some(value), None) => non_empty(name, value).map(Some),
        (None, Some(path)) => {
            let text = std::fs::read_to_string(&path).map_err(|e| {
                ConfigError::invalid(&file_var, format!("cannot read `{path}`: {e}"))
            })?;
            non_empty(&file_var, text.trim_end_matches(['\r', '\n']).to_owned()).map(Some)
        }
        (None, None) => Ok(None),
    }
}

fn non_empty(setting: &str, value: String) -> Result<Secret, ConfigError> {
    if value.trim().is_empty() {
        return Err(ConfigError::invalid(setting, "is empty"));
    }
    Ok(Secret::new(value))
}

/// The environment variables that carry `kind`'s reseller credentials.
fn variables(kind: ProviderKind) -> &'static [&'static str] {
    match kind {
        ProviderKind::GandiV5 => &["TOKEN"],
        ProviderKind::Ssl247 => &["USER", "PASSWORD", "KEY"],
        _ => &["API_KEY"],
    }
}

/// The names (never the values) of `kind`'s credential variables that are set, `…_FILE`
/// forms included: in portal mode they are not used, and the server says so at start.
pub(super) fn names_set(kind: ProviderKind, env: EnvLookup<'_>) -> Vec<String> {
    let prefix = env_prefix(kind);
    variables(kind)
        .iter()
        .flat_map(|suffix| {
            let name = format!("{prefix}_{suffix}");
            [format!("{name}_FILE"), name]
        })
        .filter(|name| env(name).is_some())
        .collect()
}

/// The reseller's credentials for `kind`, or `None` when none is set (sandbox mode). A
/// partial set (an SSL247 key without its user) is an error naming what is missing.
pub(super) fn from_env(
    kind: ProviderKind,
    env: EnvLookup<'_>,
) -> Result<Option<Credentials>, ConfigError> {
    let prefix = env_prefix(kind);
    let get = |suffix: &str| secret(env, &format!("{prefix}_{suffix}"));
    Ok(match kind {
        ProviderKind::RealtimeRegister => get("API_KEY")?.map(|key| Credentials::ApiKey { key }),
        ProviderKind::GandiV3 => get("API_KEY")?.map(|key| Credentials::XmlRpcKey { key }),
        ProviderKind::GandiV5 => get("TOKEN")?.map(|token| Credentials::Bearer { token }),
        ProviderKind::Gjirafa => get("API_KEY")?.map(|key| Credentials::XApiKey { key }),
        ProviderKind::Ssl247 => {
            let user = get("USER")?;
            let password = get("PASSWORD")?;
            let key = get("KEY")?;
            match (user, key) {
                (None, None) if password.is_none() => None,
                (Some(user), Some(key)) => Some(Credentials::Ssl247 {
                    user: user.expose().to_owned(),
                    password,
                    key,
                }),
                (None, _) => {
                    return Err(ConfigError::invalid(
                        format!("{prefix}_USER"),
                        "required with the other SSL247 credentials",
                    ));
                }
                (Some(_), None) => {
                    return Err(ConfigError::invalid(
                        format!("{prefix}_KEY"),
                        "required with the other SSL247 credentials",
                    ));
                }
            }
        }
        // A provider added later has no credentials here yet: sandbox mode.
        _ => None,
    })
}
