//! Gandi v3 DCV method words.

use std::fmt;
use std::str::FromStr;

use crate::order::DcvMethod;
use crate::provider::ProviderError;

/// A `DCVMethod` word (`auto` only at create/renew/update/get_dcv_params; `ChangeDCVMethod`
/// lacks it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum V3DcvMethod {
    /// `email`: "Send a mail to admin@" (the word is lost in the document's table; gandi.cli
    /// and the v5 API use `email`).
    Email,
    /// `dns`: "Check a dns record".
    Dns,
    /// `file`: "Check a file on http://".
    File,
    /// `https`: "Check a file on https://".
    Https,
    /// `auto`: Gandi alters the zone or puts the file on its proxy.
    Auto,
}

impl V3DcvMethod {
    /// The wire word.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Email => "email",
            Self::Dns => "dns",
            Self::File => "file",
            Self::Https => "https",
            Self::Auto => "auto",
        }
    }

    /// The neutral method.
    pub const fn to_neutral(self) -> DcvMethod {
        match self {
            Self::Email => DcvMethod::Email,
            Self::Dns => DcvMethod::Dns,
            Self::File => DcvMethod::Http,
            Self::Https => DcvMethod::Https,
            Self::Auto => DcvMethod::Automatic,
        }
    }

    /// From the neutral method.
    pub(crate) fn from_neutral(method: &DcvMethod) -> Result<Self, ProviderError> {
        Ok(match method {
            DcvMethod::Email => Self::Email,
            DcvMethod::Dns => Self::Dns,
            DcvMethod::Http => Self::File,
            DcvMethod::Https => Self::Https,
            DcvMethod::Automatic => Self::Auto,
            other => {
                return Err(ProviderError::invalid(
                    "dcv_method",
                    format!("Gandi has no {other} method"),
                ));
            }
        })
    }
}

impl fmt::Display for V3DcvMethod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for V3DcvMethod {
    type Err = ProviderError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "email" => Ok(Self::Email),
            "dns" => Ok(Self::Dns),
            "file" => Ok(Self::File),
            "https" => Ok(Self::Https),
            "auto" => Ok(Self::Auto),
            _ => Err(ProviderError::invalid(
                "dcv_method",
                "must be one of email, dns, file, https, auto",
            )),
        }
    }
}
