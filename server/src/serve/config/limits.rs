//! Limits on requests and on the upstream calls: `[limits]` and `CERTORDER_*` variables.

use std::time::Duration;

use serde::Deserialize;

use super::{ConfigError, EnvLookup};

/// Limits on requests and on the upstream calls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Limits {
    /// Billable operations one client may make per minute (sustained rate).
    pub(crate) billable_per_minute: u32,
    /// Billable operations one client may make in a burst.
    pub(crate) billable_burst: u32,
    /// Time allowed to connect to an upstream.
    pub(crate) connect_timeout: Duration,
    /// Time allowed for a whole upstream exchange.
    pub(crate) total_timeout: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            billable_per_minute: 10,
            billable_burst: 5,
            connect_timeout: Duration::from_secs(5),
            total_timeout: Duration::from_secs(30),
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FileLimits {
    billable_per_minute: Option<u32>,
    billable_burst: Option<u32>,
    connect_timeout_secs: Option<u64>,
    total_timeout_secs: Option<u64>,
}

/// The limits from the `[limits]` table and the environment (the environment winning).
pub(super) fn from(file: FileLimits, env: EnvLookup<'_>) -> Result<Limits, ConfigError> {
    let defaults = Limits::default();
    let number = |env_name: &str, toml_name: &str, file_value: Option<u64>, default: u64| {
        let value = match env(env_name) {
            Some(text) => text.trim().parse::<u64>().map_err(|_| {
                ConfigError::invalid(env_name, format!("`{text}` is not a whole number"))
            })?,
            None => file_value.unwrap_or(default),
        };
        if value == 0 {
            return Err(ConfigError::invalid(
                format!("{env_name} (limits.{toml_name})"),
                "must be at least 1",
            ));
        }
        Ok(value)
    };
    let small = |value: u64, setting: &str| {
        u32::try_from(value).map_err(|_| ConfigError::invalid(setting, "too large"))
    };
    Ok(Limits {
        billable_per_minute: small(
            number(
                "CERTORDER_BILLABLE_PER_MINUTE",
                "billable_per_minute",
                file.billable_per_minute.map(u64::from),
                u64::from(defaults.billable_per_minute),
            )?,
            "limits.billable_per_minute",
        )?,
        billable_burst: small(
            number(
                "CERTORDER_BILLABLE_BURST",
                "billable_burst",
                file.billable_burst.map(u64::from),
                u64::from(defaults.billable_burst),
            )?,
            "limits.billable_burst",
        )?,
        connect_timeout: Duration::from_secs(number(
            "CERTORDER_CONNECT_TIMEOUT_SECS",
            "connect_timeout_secs",
            file.connect_timeout_secs,
            defaults.connect_timeout.as_secs(),
        )?),
        total_timeout: Duration::from_secs(number(
            "CERTORDER_TOTAL_TIMEOUT_SECS",
            "total_timeout_secs",
            file.total_timeout_secs,
            defaults.total_timeout.as_secs(),
        )?),
    })
}
