//! The process calls (docs/providers.md §2.3): a process and its certificate details, DCV
//! re-sent or switched per name, the subscriber agreement and the EV validation call.

use super::{json, process_info, rest, segment};
use crate::http::{HttpRequest, Method};
use crate::provider::flow::Prepared;
use crate::provider::realtimeregister::validate;
use crate::provider::realtimeregister::wire::{
    CertificateProcess, Dcv, Language, Process, ResendRequest, SubscriberAgreementRequest,
    ValidationCallRequest,
};
use crate::provider::{OperationClass, ProviderError};

/// `GET /v2/processes/{id}` (docs/providers.md §2.3).
pub fn process(id: &str) -> Result<Prepared<Process>, ProviderError> {
    let path = format!("/v2/processes/{}", segment("processId", id)?);
    Ok(rest(
        "GET /v2/processes/{id}",
        HttpRequest::new(Method::Get, path),
        OperationClass::OrderRead,
        json,
    ))
}

/// `GET /v2/processes/{id}/info` (docs/providers.md §2.3).
pub fn process_info_call(id: &str) -> Result<Prepared<CertificateProcess>, ProviderError> {
    let path = format!("/v2/processes/{}/info", segment("processId", id)?);
    Ok(rest(
        "GET /v2/processes/{id}/info",
        HttpRequest::new(Method::Get, path),
        OperationClass::OrderRead,
        process_info,
    ))
}

/// `POST /v2/processes/{id}/resend {dcv: [...]}`: resends, or switches a name's method
/// (docs/providers.md §2.3). The answer may be a process body or empty.
pub fn resend(id: &str, dcv: &[Dcv]) -> Result<Prepared<CertificateProcess>, ProviderError> {
    for (i, d) in dcv.iter().enumerate() {
        validate::dcv(&format!("dcv[{i}]"), d)?;
    }
    let path = format!("/v2/processes/{}/resend", segment("processId", id)?);
    let body = ResendRequest { dcv: dcv.to_vec() };
    let request = HttpRequest::new(Method::Post, path).with_json(&body)?;
    Ok(rest(
        "POST /v2/processes/{id}/resend",
        request,
        OperationClass::OrderChange,
        process_info,
    ))
}

/// `POST /v2/processes/{id}/send-subscriber-agreement {email, language?}`
/// (docs/providers.md §2.3).
pub fn send_subscriber_agreement(
    id: &str,
    body: &SubscriberAgreementRequest,
) -> Result<Prepared<CertificateProcess>, ProviderError> {
    validate::email("email", &body.email)?;
    if let Some(Language::Other(word)) = &body.language {
        return Err(ProviderError::invalid(
            "language",
            format!("{word} is not a documented language"),
        ));
    }
    let path = format!(
        "/v2/processes/{}/send-subscriber-agreement",
        segment("processId", id)?
    );
    let request = HttpRequest::new(Method::Post, path).with_json(body)?;
    Ok(rest(
        "POST /v2/processes/{id}/send-subscriber-agreement",
        request,
        OperationClass::OrderChange,
        process_info,
    ))
}

/// `POST /v2/processes/{id}/schedule-validation-call {date}` (docs/providers.md §2.3; EV, Dutch
/// office hours).
pub fn schedule_validation_call(
    id: &str,
    body: &ValidationCallRequest,
) -> Result<Prepared<CertificateProcess>, ProviderError> {
    if body.date.trim().is_empty() {
        return Err(ProviderError::invalid("date", "is required"));
    }
    let path = format!(
        "/v2/processes/{}/schedule-validation-call",
        segment("processId", id)?
    );
    let request = HttpRequest::new(Method::Post, path).with_json(body)?;
    Ok(rest(
        "POST /v2/processes/{id}/schedule-validation-call",
        request,
        OperationClass::OrderChange,
        process_info,
    ))
}
