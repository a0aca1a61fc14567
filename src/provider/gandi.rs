//! What Gandi's two certificate APIs (XML-RPC v3 and REST v5) share when mapping onto the
//! neutral model: the certificate status words, products from package names, the names of a
//! certificate, and matching DCV records to names. Both APIs sit on one back end, so these
//! rules are one rule each, not two copies.

use crate::order::{DnsRecord, OrderStatus};
use crate::product::{Product, ProductKind};
use crate::provider::ProviderKind;
use crate::provider::gandi_v3::PackageName;

/// `CertificateStatus` → neutral status (pending, valid, revoked, replaced, expired; v5 adds
/// `replaced_rev`).
pub fn certificate_status(word: &str) -> OrderStatus {
    match word {
        "pending" => OrderStatus::Pending,
        "valid" => OrderStatus::Issued,
        "revoked" | "replaced_rev" => OrderStatus::Revoked,
        "replaced" => OrderStatus::Replaced,
        "expired" => OrderStatus::Expired,
        other => OrderStatus::Unknown(other.to_owned()),
    }
}

/// A package → product: the name's grammar, refined by the package's own `max_domains` (a
/// multi-name package then is `Multi`) and issuing CA. `None` for a name outside the grammar.
pub fn product(
    provider: ProviderKind,
    name: &str,
    max_domains: Option<u32>,
    ca: Option<&str>,
) -> Option<Product> {
    let parsed: PackageName = name.parse().ok()?;
    let mut product = parsed.to_product(provider, name);
    if let Some(max) = max_domains {
        product.max_names = Some(max);
        product.included_names = Some(max);
        if max > 1 && product.kind == ProductKind::Single {
            product.kind = ProductKind::Multi;
        }
    }
    if let Some(ca) = ca {
        product.brand = Some(ca.to_owned());
    }
    Some(product)
}

/// The names of a certificate: the common name first, then each alternative name once.
pub fn names<'a>(cn: Option<&String>, altnames: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut names: Vec<String> = cn.into_iter().cloned().collect();
    for alt in altnames {
        if !names.iter().any(|n| n == alt) {
            names.push(alt.to_owned());
        }
    }
    names
}

/// The DNS record that validates `name` (the `index`-th name): the one whose owner is
/// `_<hash>.<name>.` (the owner minus its first label, a wildcard's `*.` dropped), else the
/// record at the same position.
pub fn dns_record_for(records: &[DnsRecord], name: &str, index: usize) -> Option<DnsRecord> {
    let base = name.strip_prefix("*.").unwrap_or(name);
    records
        .iter()
        .find(|r| {
            let owner = r.name.trim_end_matches('.');
            owner.split_once('.').map(|(_, rest)| rest) == Some(base)
        })
        .or_else(|| records.get(index))
        .cloned()
}
