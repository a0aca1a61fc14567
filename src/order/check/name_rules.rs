//! The name rules of a draft: each name once and none reserved, within the product's count
//! with its free twin not counted, wildcards only where the product takes them.

use super::DraftProblem;
use crate::domain::DomainName;
use crate::order::OrderDraft;
use crate::product::{FreeTwin, Product, ProductKind};

/// The draft's names, each once, in order (the common name first); a repeated name and a
/// reserved one are reported, the repetition left out.
pub(super) fn distinct_names(
    draft: &OrderDraft,
    problems: &mut Vec<DraftProblem>,
) -> Vec<DomainName> {
    let mut names: Vec<DomainName> = Vec::new();
    for name in draft.names() {
        if names.contains(name) {
            problems.push(DraftProblem::DuplicateName {
                name: name.ascii().to_owned(),
            });
            continue;
        }
        if let Some(kind) = name.reserved() {
            problems.push(DraftProblem::ReservedName {
                name: name.ascii().to_owned(),
                kind,
            });
        }
        names.push(name.clone());
    }
    names
}

/// The order's names in order (the common name first), each once, with their problems.
pub(super) fn check_names(
    draft: &OrderDraft,
    product: &Product,
    problems: &mut Vec<DraftProblem>,
) -> Vec<DomainName> {
    if draft.names().next().is_none() {
        // A CSR alone still names the domain; the adapter reads it from there.
        if draft.csr.is_none() {
            problems.push(DraftProblem::NoNames);
        }
        return Vec::new();
    }
    let names = distinct_names(draft, problems);
    check_wildcards(&names, product, problems);
    let counted = names.len() - usize::from(has_free_twin(&names, product.free_twin));
    if let Some(max) = product.max_names
        && counted > max as usize
    {
        problems.push(DraftProblem::TooManyNames {
            count: counted,
            max,
        });
    }
    names
}

/// Wildcards where the product kind allows them: a wildcard product's common name is one;
/// other names are wildcards only on multi-name products that take wildcard SANs.
fn check_wildcards(names: &[DomainName], product: &Product, problems: &mut Vec<DraftProblem>) {
    for (index, name) in names.iter().enumerate() {
        let reason = match (&product.kind, index, name.is_wildcard()) {
            (ProductKind::Wildcard, 0, false) => {
                Some("a wildcard product needs a wildcard common name, like *.example.com")
            }
            (ProductKind::Single, _, true) => {
                Some("this single-name product does not cover wildcards")
            }
            (ProductKind::Multi, _, true) if !product.wildcard_sans => {
                Some("this product does not take wildcard names")
            }
            (ProductKind::Wildcard, 1.., true) if !product.wildcard_sans => {
                Some("this product covers one wildcard only")
            }
            _ => None,
        };
        if let Some(reason) = reason {
            problems.push(DraftProblem::WildcardMismatch {
                name: name.ascii().to_owned(),
                reason,
            });
        }
    }
}

/// Whether another name is the common name's www/apex twin that the product adds free
/// ([`FreeTwin::twin_of`], the one rule the wizard counts by too).
fn has_free_twin(names: &[DomainName], twin: FreeTwin) -> bool {
    let [cn, rest @ ..] = names else {
        return false;
    };
    twin.twin_of(cn).is_some_and(|pair| rest.contains(&pair))
}
