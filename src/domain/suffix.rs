//! Public suffixes and registrable domains, from the compiled-in Public Suffix List.
//!
//! Only the ICANN section counts. The private section lists names such as `github.io` whose
//! owners hand out subdomains; CAs validate control of a name up to the ICANN registrable
//! domain, and BR §3.2.2.6 says a CA using the list "SHOULD consult the ICANN DOMAINS section
//! only, not the PRIVATE DOMAINS section". So `foo.github.io` has the registrable domain
//! `github.io` here.

use psl::{List, Psl, Type};

/// The ICANN public suffix of a name in lower-case A-label form, without a wildcard. `None`
/// when no rule of the ICANN section matches, i.e. the top-level label is not in the list.
pub(super) fn public_suffix(name: &str) -> Option<&str> {
    let mut info = List.find(name.rsplit('.').map(str::as_bytes));
    // A private rule is longer than the ICANN rule it sits under (`github.io` under `io`):
    // look again with fewer labels until an ICANN rule or none matches.
    while info.typ == Some(Type::Private) {
        let suffix = name.get(name.len().checked_sub(info.len)?..)?;
        let labels = suffix.split('.').count().checked_sub(1)?;
        if labels == 0 {
            return None;
        }
        info = List.find(name.rsplit('.').take(labels).map(str::as_bytes));
    }
    if info.typ != Some(Type::Icann) || info.len == 0 {
        return None;
    }
    name.get(name.len().checked_sub(info.len)?..)
}

/// The registrable domain: the ICANN public suffix plus one label. `None` for a public suffix
/// itself and for names under a top-level label that is not in the list.
pub(super) fn registrable_domain(name: &str) -> Option<&str> {
    let suffix = public_suffix(name)?;
    let prefix = name.strip_suffix(suffix)?.strip_suffix('.')?;
    let label = prefix.rsplit('.').next()?;
    name.get(name.len().checked_sub(label.len() + 1 + suffix.len())?..)
}
