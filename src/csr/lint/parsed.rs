//! The request's names, each parsed once for every name rule.
//!
//! The set rules (`sans.rs`) and the per-name rules (`names.rs`) ask about the same names: is
//! the common name a domain name, is it among the SANs, is each SAN valid. Parsing a name runs
//! the IDNA rules, so it is done here once per name and the rules read the results.

use crate::csr::{CsrInfo, San};
use crate::domain::{self, DomainError, DomainName};
use std::net::IpAddr;

/// The OID of the subject's commonName (X.520).
const COMMON_NAME: &str = "2.5.4.3";

/// One dNSName SAN as written, and what parsing it gave.
pub(super) struct DnsSan<'a> {
    pub(super) raw: &'a str,
    pub(super) parsed: Result<DomainName, DomainError>,
}

/// What a common name is: an IP address, or what parsing it as a domain name gave.
pub(super) enum CnValue {
    Ip(IpAddr),
    Domain(Result<DomainName, DomainError>),
}

/// One common name as written, and what it is.
pub(super) struct CommonName<'a> {
    pub(super) raw: &'a str,
    pub(super) value: CnValue,
    /// Whether it is one of the SANs (see [`Names::in_sans`]).
    pub(super) in_sans: bool,
}

impl CommonName<'_> {
    /// An IP address or a valid domain name.
    pub(super) fn is_name(&self) -> bool {
        matches!(self.value, CnValue::Ip(_) | CnValue::Domain(Ok(_)))
    }
}

/// Every name of a request, parsed.
pub(super) struct Names<'a> {
    /// The dNSName SANs, in the request's order.
    pub(super) dns_sans: Vec<DnsSan<'a>>,
    /// Every commonName value of the subject, in order, blank ones included.
    pub(super) common_names: Vec<CommonName<'a>>,
}

impl<'a> Names<'a> {
    /// Parses every dNSName SAN and every common name of `info` once.
    pub(super) fn of(info: &'a CsrInfo) -> Self {
        let dns_sans: Vec<DnsSan<'a>> = info
            .dns_names()
            .map(|raw| DnsSan {
                raw,
                parsed: DomainName::parse(raw),
            })
            .collect();
        let common_names = info
            .subject_values(COMMON_NAME)
            .map(|raw| {
                let value = match domain::ip_address(raw) {
                    Some(ip) => CnValue::Ip(ip),
                    None => CnValue::Domain(DomainName::parse(raw)),
                };
                let in_sans = Self::in_sans(info, &dns_sans, raw, &value);
                CommonName {
                    raw,
                    value,
                    in_sans,
                }
            })
            .collect();
        Self {
            dns_sans,
            common_names,
        }
    }

    /// Whether a common name is one of the SANs: the same DNS name (compared in A-label form,
    /// ignoring case and a trailing dot) or the same IP address. A name that does not parse
    /// is compared as written, ignoring case and surrounding whitespace.
    fn in_sans(info: &CsrInfo, dns_sans: &[DnsSan<'_>], raw: &str, value: &CnValue) -> bool {
        let cn = match value {
            CnValue::Ip(ip) => return info.sans.contains(&San::Ip(*ip)),
            CnValue::Domain(parsed) => parsed.as_ref().ok(),
        };
        dns_sans.iter().any(|san| match (cn, &san.parsed) {
            (Some(cn), Ok(parsed)) => cn == parsed,
            _ => san.raw.trim().eq_ignore_ascii_case(raw.trim()),
        })
    }
}
