//! What Gandi's two certificate APIs (XML-RPC v3 and REST v5) share when mapping onto the
//! neutral model: the package name grammar, the certificate status words, products from
//! package names, the names of a certificate, and DCV records and validations per name. Both
//! APIs sit on one back end, so these rules are one rule each, not two copies.

mod method;
mod package;

pub use method::{GandiApi, GandiDcvMethod};
pub(crate) use package::dcv_methods;
pub use package::{Category, Names, PackageName};

use crate::order::{
    CertificateFormat, DcvInstruction, DcvMethod, DcvStatus, DnsRecord, NameValidation, OrderDraft,
    OrderHandle, OrderStatus,
};
use crate::product::{OrderField, PeriodUnit, Product, ProductKind};
use crate::provider::capabilities::{Capabilities, CsrUse, DcvChange, DcvSupport};
use crate::provider::{ProviderError, ProviderKind};

/// What either API can do. They differ only in the `auto` DCV method, which only XML-RPC
/// has, and in dry runs, which only v5 offers (`Dry-Run: 1`, docs/providers.md §1.2).
pub(crate) fn capabilities(auto_dcv: bool, dry_run: bool) -> Capabilities {
    Capabilities {
        csr: CsrUse::Optional,
        dcv: DcvSupport::uniform(&dcv_methods(auto_dcv), false, false),
        wildcard_sans: false,
        // Some packages give it: the DigiCert single-name ones (`apex_only`, "Digicert only",
        // docs/providers.md §1.3), not the Sectigo ones. Each product's `free_twin` says which
        // (`PackageName::to_product`).
        free_www_twin: true,
        approver_lookup: false,
        name_checks: false,
        quotes: false,
        dry_run,
        dcv_preview: true,
        change_dcv: true,
        dcv_change: DcvChange::WholeOrder,
        resend_dcv: true,
        reissue: true,
        renew: true,
        cancel: false,
        revoke: true,
        period_unit: PeriodUnit::Years,
        order_fields: Vec::<OrderField>::new(),
        download_formats: vec![CertificateFormat::Pem],
    }
}

/// The draft's one `dcv_method`: both APIs take one method for the whole order
/// ([`OrderDraft::one_dcv_method`]).
pub(crate) fn one_dcv_method(draft: &OrderDraft) -> Result<Option<&DcvMethod>, ProviderError> {
    draft.one_dcv_method().map_err(|_| {
        ProviderError::invalid(
            "dcv_method",
            "Gandi takes one DCV method for the whole order",
        )
    })
}

/// Refuses a resend before it is sent where the order's method is not e-mail: resend only
/// applies to e-mail DCV (docs/providers.md §1.5). With no method kept, the provider decides.
pub(crate) fn check_resend(handle: &OrderHandle) -> Result<(), ProviderError> {
    match &handle.dcv_method {
        Some(method) if *method != DcvMethod::Email => Err(ProviderError::invalid(
            "dcv_method",
            format!("Gandi re-sends only DCV e-mails; this order validates by {method}"),
        )),
        _ => Ok(()),
    }
}

/// A draft's period as Gandi's `duration` in whole years (`None` for the default). A count
/// that does not fit is refused by name, never turned into another number.
pub(crate) fn years(draft: &OrderDraft) -> Result<Option<u32>, ProviderError> {
    match draft.period {
        None => Ok(None),
        Some(p) if p.unit == PeriodUnit::Years => Ok(Some(p.count)),
        Some(p) if p.unit == PeriodUnit::Months && p.count % 12 == 0 => Ok(Some(p.count / 12)),
        Some(_) => Err(ProviderError::invalid(
            "duration",
            "Gandi counts whole years",
        )),
    }
}

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
pub(crate) fn product(
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
pub(crate) fn names<'a>(
    cn: Option<&String>,
    altnames: impl IntoIterator<Item = &'a str>,
) -> Vec<String> {
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
pub(crate) fn dns_record_for(records: &[DnsRecord], name: &str, index: usize) -> Option<DnsRecord> {
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

/// The DNS records of a `dns_records` list; zone-file lines that do not parse are left out.
pub(crate) fn zone_records(lines: &[String]) -> Vec<DnsRecord> {
    lines
        .iter()
        .filter_map(|line| DnsRecord::from_zone_line(line))
        .collect()
}

/// One validation per name with the instruction `instruction(index, name)` gives, or else the
/// provider's explanation lines joined, since both APIs send those for every method and they
/// are all a customer can act on when no record or address applies.
pub(crate) fn validations(
    names: &[String],
    method: &DcvMethod,
    messages: &[String],
    mut instruction: impl FnMut(usize, &str) -> Option<DcvInstruction>,
) -> Vec<NameValidation> {
    let text = messages.join("\n");
    names
        .iter()
        .enumerate()
        .map(|(i, name)| NameValidation {
            name: name.clone(),
            method: method.clone(),
            status: DcvStatus::NotReported,
            instruction: instruction(i, name).or_else(|| {
                (!text.is_empty()).then(|| DcvInstruction::Text {
                    message: text.clone(),
                })
            }),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| (*s).to_owned()).collect()
    }

    // v5's `replaced_rev` is a revocation, and unknown words keep their text.
    #[test]
    fn status_words_of_both_apis_map_to_one_table() {
        assert_eq!(certificate_status("valid"), OrderStatus::Issued);
        assert_eq!(certificate_status("replaced_rev"), OrderStatus::Revoked);
        assert_eq!(
            certificate_status("odd"),
            OrderStatus::Unknown("odd".to_owned())
        );
    }

    // The common name leads and a SAN repeating it is not listed twice.
    #[test]
    fn names_put_the_common_name_first_once() {
        let cn = "example.com".to_owned();
        let names = names(Some(&cn), ["www.example.com", "example.com"]);
        assert_eq!(names, strings(&["example.com", "www.example.com"]));
    }

    // A record is matched by its owner before its position, and a wildcard by its base.
    #[test]
    fn dns_records_match_names_by_owner_then_position() {
        let records = zone_records(&strings(&[
            "_a.www.example.com. 10800 IN CNAME a.sectigo.com.",
            "garbage",
            "_b.example.com. 10800 IN CNAME b.sectigo.com.",
        ]));
        assert_eq!(records.len(), 2);
        let name_of = |name: &str, i| dns_record_for(&records, name, i).map(|r| r.name);
        assert_eq!(
            name_of("*.example.com", 0).as_deref(),
            Some("_b.example.com.")
        );
        assert_eq!(
            name_of("other.test", 0).as_deref(),
            Some("_a.www.example.com.")
        );
        assert_eq!(name_of("other.test", 5), None);
    }

    // Without an instruction of its own a name gets the provider's explanation lines.
    #[test]
    fn validations_fall_back_to_the_message_lines() {
        let names = strings(&["a.test", "b.test"]);
        let messages = strings(&["line 1", "line 2"]);
        let found = validations(&names, &DcvMethod::Http, &messages, |i, _| {
            (i == 0).then(|| DcvInstruction::Text {
                message: "own".to_owned(),
            })
        });
        let texts: Vec<_> = found
            .iter()
            .map(|v| match &v.instruction {
                Some(DcvInstruction::Text { message }) => message.as_str(),
                _ => "",
            })
            .collect();
        assert_eq!(texts, ["own", "line 1\nline 2"]);
        assert!(
            validations(&names, &DcvMethod::Http, &[], |_, _| None)
                .iter()
                .all(|v| v.instruction.is_none())
        );
    }
}
