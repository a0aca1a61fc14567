//! The provider's own check of an order's names (docs/providers.md §3, "Names, approvers and
//! DCV"): `check-common-name` ("Validate common name towards the product") for the common
//! name, then `check-san` ("Validate subject alternative name towards the common name and the
//! product") for each SAN, one after the other.

use std::collections::VecDeque;

use super::calls;
use super::scalar::Scalar;
use crate::domain::DomainName;
use crate::order::{NameCheck, NameChecks, NameVerdict};
use crate::provider::ProviderError;
use crate::provider::flow::{self, Flow, Step};

/// The flow of [`Provider::check_names`](crate::provider::Provider::check_names): one call
/// per name, the common name first.
pub(crate) fn check(
    product: &str,
    common_name: &DomainName,
    sans: &[DomainName],
) -> Result<Flow<NameChecks>, ProviderError> {
    let product = product.to_owned();
    let cn = common_name.ascii().to_owned();
    let sans: VecDeque<String> = sans.iter().map(|s| s.ascii().to_owned()).collect();
    Ok(flow::then(
        calls::check_common_name(&product, &cn)?,
        move |answer| {
            let first = verdict(&cn, &answer)?;
            next_san(product, cn, sans, NameChecks { names: vec![first] })
        },
    ))
}

/// Asks about the next SAN, or ends with the verdicts gathered.
fn next_san(
    product: String,
    cn: String,
    mut sans: VecDeque<String>,
    mut checks: NameChecks,
) -> Result<Step<NameChecks>, ProviderError> {
    let Some(san) = sans.pop_front() else {
        return Ok(Step::Done(checks));
    };
    Ok(Step::Next(flow::then(
        calls::check_san(&product, &cn, &san)?,
        move |answer| {
            checks.names.push(verdict(&san, &answer)?);
            next_san(product, cn, sans, checks)
        },
    )))
}

/// One answer as a verdict: `valid` true accepts the name, false refuses it with `message`
/// as the reason. A `valid` that is neither (the document's placeholder `"boolean"`, or
/// nothing) says nothing about the name, so the check did not happen.
pub fn verdict(name: &str, answer: &calls::NameCheck) -> Result<NameCheck, ProviderError> {
    let valid = answer
        .valid
        .as_ref()
        .and_then(Scalar::as_bool)
        .ok_or_else(|| {
            ProviderError::UnexpectedResponse(format!(
                "SSL247 answered the check of {name} without a true or false `valid`"
            ))
        })?;
    let verdict = if valid {
        NameVerdict::Accepted
    } else {
        let reason = answer
            .message
            .as_ref()
            .map(|m| m.as_str().trim().to_owned())
            .unwrap_or_default();
        NameVerdict::Refused { reason }
    };
    Ok(NameCheck {
        name: name.to_owned(),
        verdict,
    })
}
