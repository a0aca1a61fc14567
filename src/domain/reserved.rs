//! Names reserved for special use, or internal to a network: none can be validated as globally
//! unique, so none can be in a publicly trusted certificate (BR §4.2.2, and the definition of
//! "Internal Name" in BR §1.6.1).
//!
//! The special-use names are a short hand-written list, each with its source (the IANA
//! Special-Use Domain Names registry collects most of them). Everything else that is not in
//! the public DNS is found through the Public Suffix List: a top-level label it does not know
//! is not in the root zone. That covers the popular private choices (`.lan`, `.corp`, `.home`,
//! `.intranet`, `.private`, `.localdomain`) without listing them.

use serde::Serialize;

use super::suffix;

/// Why a name cannot be in a publicly trusted certificate although it is well formed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Reserved {
    /// `localhost` and names under it (RFC 6761 §6.3).
    Localhost,
    /// `.local`, the multicast DNS domain (RFC 6762 §3).
    Local,
    /// `.onion`, Tor onion services (RFC 7686). Some CAs issue for these under BR Appendix B,
    /// with their own validation; ordinary orders cannot.
    Onion,
    /// `.test` (RFC 2606 §2, RFC 6761 §6.2).
    Test,
    /// `.example` and `example.com`, `example.net`, `example.org` with their subdomains
    /// (RFC 2606 §2–3, RFC 6761 §6.5).
    Example,
    /// `.invalid` (RFC 2606 §2, RFC 6761 §6.4).
    Invalid,
    /// `.internal`, reserved for private use by ICANN (Board resolution 2024.07.29.06).
    Internal,
    /// `home.arpa`, home networks (RFC 8375).
    HomeArpa,
    /// `.alt`, names outside the DNS (RFC 9476).
    Alt,
    /// A single label such as `intranet` or `mail`: resolved only through a local search list.
    SingleLabel,
    /// A top-level label that is not in the Public Suffix List, hence not in the root zone
    /// (`.lan`, `.corp`, `.home`, `.intranet`, typing mistakes).
    UnknownTld,
    /// A wildcard directly on a public suffix, such as `*.co.uk`: it would cover every
    /// registrant's names under the suffix, and CAs must refuse it (BR §3.2.2.6).
    WildcardOnPublicSuffix,
}

impl Reserved {
    /// A short explanation for people, lower case.
    #[must_use]
    pub fn description(self) -> &'static str {
        match self {
            Self::Localhost => "localhost always means this computer",
            Self::Local => ".local names are resolved by multicast DNS on the local network",
            Self::Onion => ".onion names are Tor onion services, outside the DNS",
            Self::Test => ".test is reserved for testing",
            Self::Example => "example names are reserved for documentation",
            Self::Invalid => ".invalid is reserved for names that must never resolve",
            Self::Internal => ".internal is reserved for private networks",
            Self::HomeArpa => "home.arpa is reserved for home networks",
            Self::Alt => ".alt is reserved for names outside the DNS",
            Self::SingleLabel => "a name without a dot is only meaningful on a local network",
            Self::UnknownTld => "the top-level domain does not exist in the public DNS",
            Self::WildcardOnPublicSuffix => {
                "a wildcard directly on a public suffix would cover every registrant's names"
            }
        }
    }

    /// The document that reserves the name.
    #[must_use]
    pub fn source(self) -> &'static str {
        match self {
            Self::Localhost => "RFC 6761 §6.3",
            Self::Local => "RFC 6762 §3",
            Self::Onion => "RFC 7686",
            Self::Test => "RFC 6761 §6.2",
            Self::Example => "RFC 6761 §6.5",
            Self::Invalid => "RFC 6761 §6.4",
            Self::Internal => "ICANN Board resolution 2024.07.29.06",
            Self::HomeArpa => "RFC 8375",
            Self::Alt => "RFC 9476",
            Self::SingleLabel | Self::UnknownTld => "CA/Browser Forum BR §1.6.1 (Internal Name)",
            Self::WildcardOnPublicSuffix => "CA/Browser Forum BR §3.2.2.6",
        }
    }
}

/// Special-use names, each standing for itself and every name under it.
#[rustfmt::skip]
const SPECIAL_USE: &[(&str, Reserved)] = &[
    ("localhost", Reserved::Localhost),
    ("local", Reserved::Local),
    ("onion", Reserved::Onion),
    ("test", Reserved::Test),
    ("example", Reserved::Example),
    ("example.com", Reserved::Example),
    ("example.net", Reserved::Example),
    ("example.org", Reserved::Example),
    ("invalid", Reserved::Invalid),
    ("internal", Reserved::Internal),
    ("home.arpa", Reserved::HomeArpa),
    ("alt", Reserved::Alt),
];

/// Classifies a name in lower-case A-label form, without a wildcard.
pub(super) fn classify(name: &str) -> Option<Reserved> {
    let special = SPECIAL_USE.iter().find(|(zone, _)| {
        name == *zone
            || name
                .strip_suffix(zone)
                .is_some_and(|head| head.ends_with('.'))
    });
    if let Some(&(_, kind)) = special {
        return Some(kind);
    }
    if !name.contains('.') {
        return Some(Reserved::SingleLabel);
    }
    if suffix::public_suffix(name).is_none() {
        return Some(Reserved::UnknownTld);
    }
    None
}
