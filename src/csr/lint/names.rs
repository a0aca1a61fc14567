//! Each name on its own: a DNS name's syntax, wildcard, script and reach, an IP address's
//! reach. The common name is checked here only when it is not also a SAN, so a name is
//! judged once.

use super::parsed::{CnValue, Names};
use super::{Finding, Rule, Severity};
use crate::csr::{CsrInfo, San};
use crate::domain::{self, DomainError, DomainName};
use std::net::IpAddr;

/// A DNS name that is not a valid host name: empty labels, bad characters (underscores
/// included), hyphens at label edges, lengths beyond RFC 1035 §2.3.4, invalid IDNA labels.
/// RFC 5280 §4.2.1.6 requires the "preferred name syntax" of RFC 1034 §3.5 and BR §7.1.2.7.12
/// allows only P-Labels and Non-Reserved LDH Labels.
pub(super) const DNS_NAME_INVALID: Rule = Rule {
    code: "dns-name-invalid",
    severity: Severity::Error,
    reference: "RFC 5280 §4.2.1.6; CA/B BR §7.1.2.7.12",
    summary: "A DNS name (SAN or CN) is not a valid domain name.",
};

/// A `*` that is not the whole leftmost label, or more than one. BR §1.6.1 "Wildcard Domain
/// Name" and §3.2.2.6: only `*.` followed by a domain name; RFC 6125 §6.4.3.
pub(super) const WILDCARD_INVALID: Rule = Rule {
    code: "wildcard-invalid",
    severity: Severity::Error,
    reference: "CA/B BR §3.2.2.6, §1.6.1",
    summary: "A wildcard is not the whole leftmost label, or appears more than once.",
};

/// A dNSName written with non-ASCII characters (a U-label). dNSName is an IA5String
/// (RFC 5280 §4.2.1.6); internationalised names must be encoded as A-labels (RFC 5280 §7.2,
/// RFC 9549).
pub(super) const DNS_NAME_NOT_ASCII: Rule = Rule {
    code: "dns-name-not-ascii",
    severity: Severity::Error,
    reference: "RFC 5280 §4.2.1.6, §7.2",
    summary: "A SAN dNSName contains non-ASCII characters instead of its A-label form.",
};

/// An internationalised name (IDN). Shown in both forms so the person can check it is the
/// name they mean (RFC 5890 §2.3.2.1 A-label and U-label; look-alike characters).
pub(super) const IDN_NAME: Rule = Rule {
    code: "idn-name",
    severity: Severity::Info,
    reference: "RFC 5890 §2.3.2.1",
    summary: "A name is internationalised; its A-label and U-label forms are shown.",
};

/// A reserved or internal name (`localhost`, `.local`, `.test`, single labels, unknown
/// top-level domains, …). BR §4.2.2: CAs shall not issue certificates containing Internal
/// Names (BR §1.6.1).
pub(super) const INTERNAL_NAME: Rule = Rule {
    code: "internal-name",
    severity: Severity::Error,
    reference: "CA/B BR §4.2.2, §1.6.1",
    summary: "A name is internal or reserved and cannot be in a public certificate.",
};

/// A public IP address as a SAN or CN. BR §3.2.2.5 allows IP addresses, but only some
/// products (and CAs) offer them.
pub(super) const IP_ADDRESS_NAME: Rule = Rule {
    code: "ip-address-name",
    severity: Severity::Warning,
    reference: "CA/B BR §3.2.2.5",
    summary: "A name is an IP address, which only some products allow.",
};

/// A private, loopback, link-local or otherwise reserved IP address. BR §4.2.2: CAs shall not
/// issue certificates containing Reserved IP Addresses (BR §1.6.1, the IANA special-purpose
/// registries).
pub(super) const INTERNAL_IP: Rule = Rule {
    code: "internal-ip",
    severity: Severity::Error,
    reference: "CA/B BR §4.2.2, §1.6.1",
    summary: "An IP address is private or reserved and cannot be in a public certificate.",
};

/// Where a name comes from, for messages.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Source {
    San,
    CommonName,
}

impl Source {
    fn label(self) -> &'static str {
        match self {
            Self::San => "the SAN",
            Self::CommonName => "the common name",
        }
    }
}

/// Checks the per-name rules.
pub(super) fn check(info: &CsrInfo, names: &Names<'_>, out: &mut Vec<Finding>) {
    // `dns_sans` holds the dNSNames in SAN order: walk it beside the SANs, so the findings
    // keep the SANs' order.
    let mut dns_sans = names.dns_sans.iter();
    for san in &info.sans {
        match san {
            San::Dns(_) => {
                if let Some(dns) = dns_sans.next() {
                    dns_name(dns.raw, &dns.parsed, Source::San, out);
                }
            }
            San::Ip(ip) => ip_address(*ip, Source::San, out),
            San::Email(_) | San::Uri(_) | San::Other(_) => {}
        }
    }
    for cn in &names.common_names {
        if cn.in_sans {
            continue;
        }
        match &cn.value {
            CnValue::Ip(ip) => ip_address(*ip, Source::CommonName, out),
            CnValue::Domain(parsed) => dns_name(cn.raw, parsed, Source::CommonName, out),
        }
    }
}

fn dns_name(
    raw: &str,
    parsed: &Result<DomainName, DomainError>,
    source: Source,
    out: &mut Vec<Finding>,
) {
    let label = source.label();
    let name = match parsed {
        Ok(name) => name,
        Err(error) => return invalid(raw, source, error, out),
    };
    // A CN is a DirectoryString and may hold a U-label; a dNSName may not.
    if source == Source::San && !raw.is_ascii() {
        out.push(DNS_NAME_NOT_ASCII.finding(format!(
            "{label} \"{raw}\" is written in Unicode, but a dNSName must be ASCII: write it as \
             its A-label \"{}\" (U-label \"{}\") and make the CSR again",
            name.ascii(),
            name.unicode()
        )));
    } else if name.is_idn() || !raw.is_ascii() {
        out.push(IDN_NAME.finding(format!(
            "{label} \"{raw}\" is an internationalised name: A-label \"{}\", U-label \"{}\"; \
             check that the U-label is exactly the name you mean (some letters look alike)",
            name.ascii(),
            name.unicode()
        )));
    }
    if let Some(reserved) = name.reserved() {
        out.push(INTERNAL_NAME.finding(format!(
            "{label} \"{}\" cannot be in a publicly trusted certificate: {} ({}); use a public \
             domain name you control, or a private CA for internal hosts",
            name.unicode(),
            reserved.description(),
            reserved.source()
        )));
    }
}

fn invalid(raw: &str, source: Source, error: &DomainError, out: &mut Vec<Finding>) {
    let label = source.label();
    let finding = match error {
        DomainError::MisplacedWildcard { .. } | DomainError::BareWildcard => WILDCARD_INVALID
            .finding(format!(
                "{label} \"{raw}\" has an invalid wildcard: {error}; a certificate can cover \
                 one level of subdomains only, with \"*.\" at the start"
            )),
        DomainError::IpAddress(ip) if source == Source::San => DNS_NAME_INVALID.finding(format!(
            "the SAN DNS name \"{raw}\" is an IP address: list it as an IP address SAN \
             instead (`subjectAltName=IP:{ip}` in OpenSSL)"
        )),
        _ if source == Source::CommonName => DNS_NAME_INVALID.finding(format!(
            "{label} \"{raw}\" is not a domain name ({error}); the common name of a TLS \
             certificate must be one of its domain names: set CN to the main domain name, \
             e.g. `-subj \"/CN=www.example.com\"`"
        )),
        _ => DNS_NAME_INVALID.finding(format!(
            "{label} \"{raw}\" is not a valid domain name: {error}; correct it and make the \
             CSR again"
        )),
    };
    out.push(finding);
}

fn ip_address(ip: IpAddr, source: Source, out: &mut Vec<Finding>) {
    let label = source.label();
    if domain::is_internal_ip(ip) {
        out.push(INTERNAL_IP.finding(format!(
            "{label} {ip} is a private or reserved IP address; publicly trusted certificates \
             cannot contain it: remove it, and use a private CA for internal addresses"
        )));
    } else {
        out.push(IP_ADDRESS_NAME.finding(format!(
            "{label} {ip} is an IP address; only some products cover IP addresses: choose \
             one that does, or remove it and use a domain name"
        )));
    }
}
