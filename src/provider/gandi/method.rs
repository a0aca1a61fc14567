//! Gandi's DCV method words, one enum for both APIs. Both sit on one back end and share the
//! words `email`, `dns`, `file` and `https`; only XML-RPC v3 has `auto` (Gandi alters the
//! zone or puts the file on its proxy) and only REST v5 has `http` (docs/providers.md §1.3,
//! §1.5).

use std::fmt;
use std::str::FromStr;

use crate::order::DcvMethod;
use crate::provider::ProviderError;

/// Which of Gandi's two APIs a word is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GandiApi {
    /// XML-RPC v3 (`DCVMethod`).
    V3,
    /// REST v5 (`dcv_method`).
    V5,
}

/// A Gandi `dcv_method` word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GandiDcvMethod {
    /// `email`: "Send a mail to admin@".
    Email,
    /// `dns`: "Check a dns record".
    Dns,
    /// `file`: "Check a file on http://".
    File,
    /// `http` (v5 only).
    Http,
    /// `https`: "Check a file on https://".
    Https,
    /// `auto` (v3 only, and not for `cert.change_dcv`).
    Auto,
}

impl GandiDcvMethod {
    /// Every word, in the documents' order.
    pub const ALL: [Self; 6] = [
        Self::Email,
        Self::Dns,
        Self::File,
        Self::Http,
        Self::Https,
        Self::Auto,
    ];

    /// The wire word.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Email => "email",
            Self::Dns => "dns",
            Self::File => "file",
            Self::Http => "http",
            Self::Https => "https",
            Self::Auto => "auto",
        }
    }

    /// Whether `api` knows this word.
    pub const fn is_in(self, api: GandiApi) -> bool {
        !matches!(
            (self, api),
            (Self::Http, GandiApi::V3) | (Self::Auto, GandiApi::V5)
        )
    }

    /// The word for `api`, refused when that API does not know it.
    pub fn parse_for(api: GandiApi, word: &str) -> Result<Self, ProviderError> {
        Self::ALL
            .into_iter()
            .find(|m| m.is_in(api) && m.as_str() == word)
            .ok_or_else(|| {
                let words: Vec<&str> = Self::ALL
                    .iter()
                    .filter(|m| m.is_in(api))
                    .map(|m| m.as_str())
                    .collect();
                ProviderError::invalid("dcv_method", format!("must be one of {}", words.join(", ")))
            })
    }

    /// From the neutral method, for `api` (file over HTTP is sent as `file`).
    pub fn from_neutral(method: &DcvMethod, api: GandiApi) -> Result<Self, ProviderError> {
        let word = match method {
            DcvMethod::Email => Self::Email,
            DcvMethod::Dns => Self::Dns,
            DcvMethod::Http => Self::File,
            DcvMethod::Https => Self::Https,
            DcvMethod::Automatic if api == GandiApi::V3 => Self::Auto,
            other => {
                let api = match api {
                    GandiApi::V3 => "Gandi",
                    GandiApi::V5 => "Gandi v5",
                };
                return Err(ProviderError::invalid(
                    "dcv_method",
                    format!("{api} has no {other} method"),
                ));
            }
        };
        Ok(word)
    }

    /// The neutral method.
    pub const fn to_neutral(self) -> DcvMethod {
        match self {
            Self::Email => DcvMethod::Email,
            Self::Dns => DcvMethod::Dns,
            Self::File | Self::Http => DcvMethod::Http,
            Self::Https => DcvMethod::Https,
            Self::Auto => DcvMethod::Automatic,
        }
    }
}

impl fmt::Display for GandiDcvMethod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for GandiDcvMethod {
    type Err = ProviderError;

    /// Any word of either API; [`GandiDcvMethod::parse_for`] checks one API's.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|m| m.as_str() == s)
            .ok_or_else(|| {
                ProviderError::invalid(
                    "dcv_method",
                    "must be one of email, dns, file, http, https, auto",
                )
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Guards: each API takes its own words only, and the neutral mapping differs only in auto.
    #[test]
    fn each_api_takes_its_words() {
        let words = |api| -> Vec<&str> {
            GandiDcvMethod::ALL
                .iter()
                .filter(|m| m.is_in(api))
                .map(|m| m.as_str())
                .collect()
        };
        assert_eq!(
            words(GandiApi::V3),
            ["email", "dns", "file", "https", "auto"]
        );
        assert_eq!(
            words(GandiApi::V5),
            ["email", "dns", "file", "http", "https"]
        );
        assert!(GandiDcvMethod::parse_for(GandiApi::V3, "http").is_err());
        assert!(GandiDcvMethod::parse_for(GandiApi::V5, "auto").is_err());
        assert_eq!(
            GandiDcvMethod::from_neutral(&DcvMethod::Automatic, GandiApi::V3),
            Ok(GandiDcvMethod::Auto)
        );
        assert!(GandiDcvMethod::from_neutral(&DcvMethod::Automatic, GandiApi::V5).is_err());
        for word in GandiDcvMethod::ALL {
            assert_eq!(word.as_str().parse::<GandiDcvMethod>(), Ok(word));
        }
    }
}
