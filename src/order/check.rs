//! Checking a draft against the product it orders and the provider's capabilities, before
//! anything is sent.
//!
//! The provider would refuse most of these problems too, but only after a round trip, one
//! problem at a time, and in its own words. Checked here, the widget shows every problem at
//! once next to the field it concerns, and a billable request is never spent on a draft that
//! cannot succeed.

mod name_rules;
mod product_rules;

use thiserror::Error;

use super::{DcvMethod, OrderDraft};
use crate::domain::{DomainError, Reserved};
use crate::product::{Capabilities, Product};
use name_rules::{check_names, distinct_names};
use product_rules::{check_csr, check_dcv, check_fields, check_period};

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
