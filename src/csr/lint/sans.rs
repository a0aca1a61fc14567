//! The names as a set: is there any, does the CN match one, repeats and redundant names.

use super::parsed::{CommonName, Names};
use super::{Finding, Rule, Severity};
use crate::csr::{CsrInfo, San};
use crate::domain::{self, DomainName};
use std::net::IpAddr;

/// Neither a common name nor a subject alternative name: nothing to certify. BR §7.1.2.7.12
/// requires at least one SAN, which CAs take from the CSR (or its CN).
pub(super) const NO_NAMES: Rule = Rule {
    code: "no-names",
    severity: Severity::Error,
    reference: "CA/B BR §7.1.2.7.12",
    summary: "The request has no common name and no subject alternative names.",
};

/// A common name that is not among the SANs. BR §7.1.4.3: the CN, if present, "MUST contain
/// exactly one ... value that is one of the values contained in the subjectAltName extension".
/// CAs add it themselves, hence a warning; the SANs are what browsers check (RFC 6125 §6.4.4).
pub(super) const CN_NOT_IN_SANS: Rule = Rule {
    code: "cn-not-in-sans",
    severity: Severity::Warning,
    reference: "CA/B BR §7.1.4.3",
    summary: "The common name is not one of the subject alternative names.",
};

/// A SAN that is neither a dNSName nor an iPAddress. BR §7.1.2.7.12 allows only these two in
/// TLS server certificates.
pub(super) const SAN_TYPE_UNSUPPORTED: Rule = Rule {
    code: "san-type-unsupported",
    severity: Severity::Warning,
    reference: "CA/B BR §7.1.2.7.12",
    summary: "A SAN is an e-mail address, URI or other type TLS certificates cannot carry.",
};

/// The same name twice. Nothing forbids it in RFC 5280 §4.2.1.6, but some CAs refuse the
/// order or count the name twice.
pub(super) const SAN_DUPLICATE: Rule = Rule {
    code: "san-duplicate",
    severity: Severity::Warning,
    reference: "RFC 5280 §4.2.1.6",
    summary: "A SAN appears more than once.",
};

/// A name a wildcard SAN already matches (RFC 6125 §6.4.3: `*` stands for one whole label).
pub(super) const SAN_COVERED_BY_WILDCARD: Rule = Rule {
    code: "san-covered-by-wildcard",
    severity: Severity::Info,
    reference: "RFC 6125 §6.4.3",
    summary: "A SAN is already covered by a wildcard SAN.",
};

/// Checks the rules over the set of names.
pub(super) fn check(info: &CsrInfo, names: &Names<'_>, out: &mut Vec<Finding>) {
    let common_names: Vec<&CommonName<'_>> = names
        .common_names
        .iter()
        .filter(|cn| !cn.raw.trim().is_empty())
        .collect();
    if common_names.is_empty() && info.sans.is_empty() {
        out.push(NO_NAMES.finding(
            "the request has neither a common name nor subject alternative names, so there is \
             nothing to certify: make the CSR again with the names, e.g. `openssl req -new \
             -key example.key -subj \"/CN=www.example.com\" -addext \
             \"subjectAltName=DNS:www.example.com,DNS:example.com\" -out example.csr`",
        ));
    }
    let has_names = info
        .sans
        .iter()
        .any(|s| matches!(s, San::Dns(_) | San::Ip(_)));
    for cn in common_names {
        // An unparseable CN gets its own error from the name rules.
        if has_names && cn.is_name() && !cn.in_sans {
            let cn = cn.raw;
            out.push(CN_NOT_IN_SANS.finding(format!(
                "the common name \"{cn}\" is not among the subject alternative names; browsers \
                 look only at the SANs, so the CA will add it (some charge it as an extra name): \
                 add DNS:{cn} to the subjectAltName if you want it"
            )));
        }
    }
    for san in &info.sans {
        let (kind, value) = match san {
            San::Email(value) => ("an e-mail address (rfc822Name)", value),
            San::Uri(value) => ("a URI", value),
            San::Other(value) => ("a name of another type", value),
            San::Dns(_) | San::Ip(_) => continue,
        };
        out.push(SAN_TYPE_UNSUPPORTED.finding(format!(
            "the SAN \"{value}\" is {kind}; TLS certificates can hold only DNS names and IP \
             addresses, so the CA will drop it or refuse the order: remove it"
        )));
    }
    repeats(info, names, out);
}

/// Duplicates and names covered by a wildcard.
fn repeats(info: &CsrInfo, names: &Names<'_>, out: &mut Vec<Finding>) {
    let dns: Vec<(&str, &DomainName)> = names
        .dns_sans
        .iter()
        .filter_map(|san| san.parsed.as_ref().ok().map(|name| (san.raw, name)))
        .collect();
    let names: Vec<DomainName> = dns.iter().map(|(_, name)| (*name).clone()).collect();
    for (first, later) in domain::duplicates(&names) {
        if let (Some((a, _)), Some((b, _))) = (dns.get(first), dns.get(later)) {
            let same = if a == b {
                String::new()
            } else {
                format!(" (as \"{b}\")")
            };
            out.push(SAN_DUPLICATE.finding(format!(
                "the SAN \"{a}\" appears more than once{same}: remove the repeat"
            )));
        }
    }
    let ips: Vec<IpAddr> = info
        .sans
        .iter()
        .filter_map(|s| match s {
            San::Ip(ip) => Some(*ip),
            _ => None,
        })
        .collect();
    for (index, ip) in ips.iter().enumerate() {
        if ips.get(..index).is_some_and(|before| before.contains(ip)) {
            out.push(SAN_DUPLICATE.finding(format!(
                "the IP address SAN {ip} appears more than once: remove the repeat"
            )));
        }
    }
    for (covered, wildcard) in domain::covered_by_wildcard(&names) {
        if let (Some((name, _)), Some((star, _))) = (dns.get(covered), dns.get(wildcard)) {
            out.push(SAN_COVERED_BY_WILDCARD.finding(format!(
                "the SAN \"{name}\" is already covered by the wildcard \"{star}\"; you can \
                 leave it out unless your CA lists it separately"
            )));
        }
    }
}
