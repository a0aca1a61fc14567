//! The product and provider rules of a draft: the CSR as the provider takes it, a period the
//! product is sold for, DCV choices for names in the order with methods allowed for them,
//! and the fields the product and provider require.

use super::DraftProblem;
use crate::domain::DomainName;
use crate::order::{OrderDraft, Organization};
use crate::product::{Capabilities, CsrUse, OrderField, Product};

pub(super) fn check_csr(
    draft: &OrderDraft,
    capabilities: &Capabilities,
    problems: &mut Vec<DraftProblem>,
) {
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

pub(super) fn check_period(
    draft: &OrderDraft,
    product: &Product,
    problems: &mut Vec<DraftProblem>,
) {
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
pub(super) fn check_dcv(
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
pub(super) fn check_fields(
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
