//! Checking a draft against the product it orders and the provider's capabilities, before
//! anything is sent.
//!
//! The provider would refuse most of these problems too, but only after a round trip, one
//! problem at a time, and in its own words. Checked here, the widget shows every problem at
//! once next to the field it concerns, and a billable request is never spent on a draft that
//! cannot succeed.

use thiserror::Error;

use super::{DcvMethod, OrderDraft, Organization};
use crate::domain::{DomainError, DomainName, Reserved};
use crate::product::{Capabilities, CsrUse, FreeTwin, OrderField, Product, ProductKind};

/// One problem with a draft, naming the draft field it concerns.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum DraftProblem {
    /// The draft names another product than the one it is checked against.
    #[error("the draft is for product {draft}, not {product}")]
    ProductMismatch {
        /// The draft's product code.
        draft: String,
        /// The product checked against.
        product: String,
    },
    /// Neither a common name nor any other name.
    #[error("the order names no domain")]
    NoNames,
    /// A name that is not a valid certificate name, found when the draft is built
    /// ([`OrderDraft::parse_name`]).
    #[error("{name}: {reason}")]
    InvalidName {
        /// The name as typed.
        name: String,
        /// Why it is not valid.
        reason: DomainError,
    },
    /// A well-formed name no publicly trusted certificate can carry: reserved for
    /// documentation or testing (RFC 2606, RFC 6761), internal to a network (`.local`,
    /// `.internal`, an unknown top-level label) or a wildcard on a public suffix.
    #[error("{name} cannot be in a public certificate: {}", kind.description())]
    ReservedName {
        /// The name, in A-label form.
        name: String,
        /// Why it cannot be.
        kind: Reserved,
    },
    /// The same name twice.
    #[error("{name} is listed twice")]
    DuplicateName {
        /// The repeated name.
        name: String,
    },
    /// More names than the product allows.
    #[error("this product covers at most {max} names; the order has {count}")]
    TooManyNames {
        /// Names in the order, the common name counted and a free twin not.
        count: usize,
        /// The product's maximum.
        max: u32,
    },
    /// A wildcard where the product takes none, or a plain name where it takes a wildcard.
    #[error("{name}: {reason}")]
    WildcardMismatch {
        /// The name.
        name: String,
        /// What the product expects.
        reason: &'static str,
    },
    /// A CSR where the provider takes none, or none where it needs one.
    #[error("{0}")]
    Csr(&'static str),
    /// A period the product is not sold for.
    #[error("this product is not sold for {period}; choose one of: {allowed}")]
    Period {
        /// The draft's period.
        period: String,
        /// The periods on offer, comma-separated.
        allowed: String,
    },
    /// A DCV choice for a name that is not in the order.
    #[error("the DCV choice for {name} names a domain that is not in the order")]
    DcvUnknownName {
        /// The name the choice is for.
        name: String,
    },
    /// A DCV method that cannot validate the name with this product and provider.
    #[error("{method} validation is not available for {name}")]
    DcvMethod {
        /// The name.
        name: String,
        /// The method.
        method: DcvMethod,
    },
    /// Different methods per name where the provider takes one method per order.
    #[error("this provider takes one DCV method for the whole order")]
    DcvPerName,
    /// A change of DCV method the provider cannot make as asked: a name or an approver it
    /// needs is missing, or a name is given where it changes the whole order.
    #[error("{reason}")]
    DcvChange {
        /// The choice's field: `dcv.name` or `dcv.approver`.
        field: &'static str,
        /// What the provider needs.
        reason: &'static str,
    },
    /// A required field left empty.
    #[error("{field} is required for this product")]
    Missing {
        /// The draft field, as [`DraftProblem::field`] names it.
        field: &'static str,
    },
}

impl DraftProblem {
    /// The draft field the problem concerns, so a form can show it in place: `product`,
    /// `names`, `csr`, `period`, `dcv`, `approver`, `organization.city`, ….
    pub fn field(&self) -> &'static str {
        match self {
            Self::ProductMismatch { .. } => "product",
            Self::NoNames
            | Self::InvalidName { .. }
            | Self::ReservedName { .. }
            | Self::DuplicateName { .. }
            | Self::TooManyNames { .. }
            | Self::WildcardMismatch { .. } => "names",
            Self::Csr(_) => "csr",
            Self::Period { .. } => "period",
            Self::DcvUnknownName { .. } | Self::DcvMethod { .. } | Self::DcvPerName => "dcv",
            Self::Missing { field } | Self::DcvChange { field, .. } => field,
        }
    }
}

/// Checks `draft` against `product` and the provider's `capabilities`, returning every
/// problem found (empty when the draft can be sent).
///
/// What it checks: the product code; the names ([`before_sending`]: no duplicates, none
/// reserved; then within `max_names` with the product's free www/apex twin not counted, and
/// wildcards only where the product takes them);
/// the CSR against [`CsrUse`]; the period against the product's periods; each DCV choice
/// against the names and the methods allowed for that kind of name; and the product's and
/// provider's required fields. Fields the draft model does not carry (subscriber agreement
/// e-mail, AuthKey, separate admin/tech/billing contacts, provider-specific fields) are left
/// to the adapter, which asks for them in its own terms.
pub fn check(
    draft: &OrderDraft,
    product: &Product,
    capabilities: &Capabilities,
) -> Vec<DraftProblem> {
    let mut problems = Vec::new();
    if draft.product != product.id {
        problems.push(DraftProblem::ProductMismatch {
            draft: draft.product.clone(),
            product: product.id.clone(),
        });
    }
    let names = check_names(draft, product, &mut problems);
    check_csr(draft, capabilities, &mut problems);
    check_period(draft, product, &mut problems);
    check_dcv(draft, product, capabilities, &names, &mut problems);
    check_fields(draft, product, capabilities, &mut problems);
    problems
}

/// The check every adapter makes before it sends a draft, whatever the provider and without
/// its product: the first problem of the draft's names (a name listed twice, or a name no
/// public certificate can carry, [`DraftProblem::ReservedName`]). [`check`] reports the same
/// problems among all the others.
///
/// Reserved names are refused for every provider, the sandbox providers included: a CA
/// would refuse them after the order is paid for, and a test order through the sandbox is
/// an order like any other. So tests that order (through a draft) use names outside the
/// reserved ones (`sandbox-shop.net`, `acme-widgets.com`); the provider documents' own
/// examples with `example.com` stay in the tests of request and response formats, which
/// build wire bodies without a draft.
///
/// # Errors
///
/// The first [`DraftProblem`] of the names.
pub fn before_sending(draft: &OrderDraft) -> Result<(), DraftProblem> {
    let mut problems = Vec::new();
    distinct_names(draft, &mut problems);
    problems.into_iter().next().map_or(Ok(()), Err)
}

/// The draft's names, each once, in order (the common name first); a repeated name and a
/// reserved one are reported, the repetition left out.
fn distinct_names(draft: &OrderDraft, problems: &mut Vec<DraftProblem>) -> Vec<DomainName> {
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
fn check_names(
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

fn check_csr(draft: &OrderDraft, capabilities: &Capabilities, problems: &mut Vec<DraftProblem>) {
    match (capabilities.csr, draft.csr.is_some()) {
        (CsrUse::Required, false) => problems.push(DraftProblem::Csr(
            "this provider needs a certificate signing request",
        )),
        (CsrUse::NotAccepted, true) => problems.push(DraftProblem::Csr(
            "this provider makes the key itself and takes names only, not a CSR",
        )),
        _ => {}
    }
}

fn check_period(draft: &OrderDraft, product: &Product, problems: &mut Vec<DraftProblem>) {
    let Some(period) = draft.period else { return };
    if product.periods.is_empty()
        || product
            .periods
            .iter()
            .any(|p| p.in_months() == period.in_months())
    {
        return;
    }
    let allowed: Vec<String> = product.periods.iter().map(ToString::to_string).collect();
    problems.push(DraftProblem::Period {
        period: period.to_string(),
        allowed: allowed.join(", "),
    });
}

/// Each choice names a domain in the order and a method allowed for it: the product's list
/// when it has one, the provider's for that kind of name otherwise.
fn check_dcv(
    draft: &OrderDraft,
    product: &Product,
    capabilities: &Capabilities,
    names: &[DomainName],
    problems: &mut Vec<DraftProblem>,
) {
    if !capabilities.dcv.per_name
        && let Err(problem) = draft.one_dcv_method()
    {
        problems.push(problem);
    }
    for choice in &draft.dcv {
        let applies_to: Vec<&DomainName> = match &choice.name {
            None => names.iter().collect(),
            Some(named) => match names.iter().find(|n| *n == named) {
                Some(name) => vec![name],
                None => {
                    problems.push(DraftProblem::DcvUnknownName {
                        name: named.ascii().to_owned(),
                    });
                    continue;
                }
            },
        };
        for name in applies_to {
            let by_kind = capabilities.dcv.for_name(name.ascii());
            let allowed = by_kind.contains(&choice.method)
                && (product.dcv_methods.is_empty() || product.dcv_methods.contains(&choice.method));
            if !allowed {
                problems.push(DraftProblem::DcvMethod {
                    name: name.ascii().to_owned(),
                    method: choice.method.clone(),
                });
            }
        }
    }
}

/// The fields the product and provider require, and organisation details for OV/EV.
fn check_fields(
    draft: &OrderDraft,
    product: &Product,
    capabilities: &Capabilities,
    problems: &mut Vec<DraftProblem>,
) {
    let mut required: Vec<&OrderField> = product
        .required_fields
        .iter()
        .chain(&capabilities.order_fields)
        .collect();
    if product.validation.needs_organization() {
        required.push(&OrderField::Organization);
    }
    let mut missing: Vec<&'static str> = required
        .into_iter()
        .filter_map(|field| missing_field(draft, field))
        .collect();
    missing.sort_unstable();
    missing.dedup();
    problems.extend(
        missing
            .into_iter()
            .map(|field| DraftProblem::Missing { field }),
    );
}

/// The draft field `field` maps onto, when the draft leaves it empty.
fn missing_field(draft: &OrderDraft, field: &OrderField) -> Option<&'static str> {
    let filled = |value: Option<&str>| value.is_some_and(|v| !v.trim().is_empty());
    let (name, present) = match field {
        OrderField::DomainName => ("common_name", draft.common_name.is_some()),
        OrderField::Dcv => ("dcv", !draft.dcv.is_empty()),
        OrderField::Approver => (
            "approver",
            draft.approver.as_ref().is_some_and(|a| {
                filled(Some(a.email.as_str())) && filled(Some(a.last_name.as_str()))
            }),
        ),
        other => {
            // Not in the neutral draft: the adapter asks for these in its own terms.
            let (name, value) = organization_field(other)?;
            (name, filled(draft.organization.as_ref().and_then(value)))
        }
    };
    (!present).then_some(name)
}

/// Reads one organisation detail from a draft's organisation.
type OrganizationDetail = fn(&Organization) -> Option<&str>;

/// The organisation detail an order field names, and how to read it from the draft.
fn organization_field(field: &OrderField) -> Option<(&'static str, OrganizationDetail)> {
    Some(match field {
        OrderField::Organization => ("organization.name", |o| Some(o.name.as_str())),
        OrderField::Department => ("organization.department", |o| o.department.as_deref()),
        OrderField::Address => ("organization.address", |o| o.address.as_deref()),
        OrderField::PostalCode => ("organization.postal_code", |o| o.postal_code.as_deref()),
        OrderField::City => ("organization.city", |o| o.city.as_deref()),
        OrderField::State => ("organization.state", |o| o.state.as_deref()),
        OrderField::Country => ("organization.country", |o| o.country.as_deref()),
        OrderField::Coc => ("organization.registration_number", |o| {
            o.registration_number.as_deref()
        }),
        _ => return None,
    })
}
