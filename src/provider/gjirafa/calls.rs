//! One constructor per documented operation (the Gjirafa certificates reference); each returns
//! a [`Prepared`] call that carries the request and parses the envelope.
//!
//! Requests carry no credentials: [`super::Gjirafa`]'s `authenticate` adds `X-API-Key` or
//! `Authorization` (server-side in reseller mode).

use serde::de::{DeserializeOwned, IgnoredAny};

use super::error::{ErrorKind, GjirafaError};
use super::wire::{
    CertificateDetail, CertificateSummary, CreateCertificate, Envelope, ImportCertificate,
    ResultInfo, UpdateScope,
};
use super::{KeyImportConsent, ProjectId};
use crate::domain::DomainName;
use crate::http::{HttpRequest, HttpResponse, Method};
use crate::provider::flow::Prepared;
use crate::provider::{OperationClass, ProviderError};

/// A successful answer: the `result`, with the envelope's paging and messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer<T> {
    /// `result`.
    pub result: T,
    /// `resultInfo`, when present.
    pub result_info: Option<ResultInfo>,
    /// `messages[]`.
    pub messages: Vec<String>,
}

/// A call of `name`: its answer is read as the envelope around a `T`.
fn call<T: DeserializeOwned>(
    name: &'static str,
    class: OperationClass,
    request: HttpRequest,
) -> Prepared<Answer<T>> {
    Prepared::new(name, class, request, refusal, answer::<T>)
}

/// Reads the envelope: a `result` on success, a [`GjirafaError`] for `success: false` or a
/// documented error status.
pub fn parse<T: DeserializeOwned>(response: &HttpResponse) -> Result<Answer<T>, ProviderError> {
    match refusal(response) {
        Some(refused) => Err(refused),
        None => answer(response),
    }
}

/// A status that is not 2xx, with the envelope when there is one.
fn refusal(response: &HttpResponse) -> Option<ProviderError> {
    let status = response.status;
    if response.is_success() {
        return None;
    }
    // The reference shows no error body; take the envelope when there is one.
    Some(match response.json::<Envelope<IgnoredAny>>() {
        Ok(envelope) => refused(status, envelope.errors, envelope.messages),
        Err(_) if ErrorKind::is_documented(status) => refused(status, Vec::new(), Vec::new()),
        Err(_) => ProviderError::UnexpectedStatus { status },
    })
}

/// A 2xx answer's envelope: its `result`, or a [`GjirafaError`] for `success: false`.
fn answer<T: DeserializeOwned>(response: &HttpResponse) -> Result<Answer<T>, ProviderError> {
    let status = response.status;
    let envelope: Envelope<T> = response.json()?;
    if !envelope.success {
        return Err(GjirafaError {
            status,
            kind: ErrorKind::Rejected,
            errors: envelope.errors,
            messages: envelope.messages,
        }
        .into());
    }
    let result = envelope.result.ok_or_else(|| {
        ProviderError::UnexpectedResponse("Gjirafa reported success without a result".into())
    })?;
    Ok(Answer {
        result,
        result_info: envelope.result_info,
        messages: envelope.messages,
    })
}

fn refused(status: u16, errors: Vec<String>, messages: Vec<String>) -> ProviderError {
    GjirafaError {
        status,
        kind: ErrorKind::from_status(status),
        errors,
        messages,
    }
    .into()
}

/// `GET /api/v1/projects/{projectId}/certificates` ("GET Certificates"). The reference documents
/// no paging parameters, only `resultInfo` in the answer, so none are sent.
pub fn list(project: &ProjectId) -> Prepared<Answer<Vec<CertificateSummary>>> {
    call(
        super::OP_LIST,
        OperationClass::AccountWide,
        HttpRequest::new(Method::Get, project.certificates_path()),
    )
}

/// `GET …/certificates/{id}` ("GET Certificate").
pub fn get(project: &ProjectId, id: i32) -> Prepared<Answer<CertificateDetail>> {
    call(
        super::OP_GET,
        OperationClass::OrderRead,
        HttpRequest::new(Method::Get, format!("{}/{id}", project.certificates_path())),
    )
}

/// `POST …/certificates` ("POST Certificate", create). Every name is checked with
/// [`DomainName::parse`] first and sent in its A-label form; the error names the name.
pub fn create(
    project: &ProjectId,
    body: &CreateCertificate,
) -> Result<Prepared<Answer<CertificateDetail>>, ProviderError> {
    let body = checked_names(body)?;
    Ok(call(
        super::OP_CREATE,
        OperationClass::Billable,
        HttpRequest::new(Method::Post, project.certificates_path()).with_json(&body)?,
    ))
}

/// `POST …/certificates/import` ("POST Certificate", import). Sends a private key, so it
/// takes the customer's [`KeyImportConsent`] (docs/design.md, security model item 4).
pub fn import(
    project: &ProjectId,
    body: &ImportCertificate,
    consent: KeyImportConsent,
) -> Result<Prepared<Answer<CertificateDetail>>, ProviderError> {
    let KeyImportConsent(()) = consent;
    for (field, value) in [
        ("certificateBody", body.certificate_body.as_str()),
        (
            "certificatePrivateKey",
            body.certificate_private_key.expose(),
        ),
    ] {
        if value.trim().is_empty() {
            return Err(ProviderError::invalid(field, "is empty"));
        }
    }
    Ok(call(
        super::OP_IMPORT,
        OperationClass::AccountWide,
        HttpRequest::new(
            Method::Post,
            format!("{}/import", project.certificates_path()),
        )
        .with_json(body)?,
    ))
}

/// `PUT …/certificates/{id}` ("PUT Certificate", update): changes the scope.
pub fn update_scope(
    project: &ProjectId,
    id: i32,
    scope_id: i32,
) -> Result<Prepared<Answer<CertificateDetail>>, ProviderError> {
    Ok(call(
        super::OP_UPDATE,
        OperationClass::OrderChange,
        HttpRequest::new(Method::Put, format!("{}/{id}", project.certificates_path()))
            .with_json(&UpdateScope { scope_id })?,
    ))
}

/// `PUT …/certificates/{id}/validate` ("PUT Certificate", validate the challenge). No body.
pub fn validate(project: &ProjectId, id: i32) -> Prepared<Answer<CertificateDetail>> {
    call(
        super::OP_VALIDATE,
        OperationClass::OrderChange,
        HttpRequest::new(
            Method::Put,
            format!("{}/{id}/validate", project.certificates_path()),
        ),
    )
}

/// `DELETE …/certificates/{id}` ("DELETE Certificate").
pub fn delete(project: &ProjectId, id: i32) -> Prepared<Answer<CertificateDetail>> {
    call(
        super::OP_DELETE,
        OperationClass::OrderChange,
        HttpRequest::new(
            Method::Delete,
            format!("{}/{id}", project.certificates_path()),
        ),
    )
}

/// The create body with every name parsed, in A-label form, without duplicates. Reserved
/// names are refused earlier, by the check of the draft
/// ([`crate::order::check::before_sending`]).
fn checked_names(body: &CreateCertificate) -> Result<CreateCertificate, ProviderError> {
    let check = |field: &str, name: &str| -> Result<String, ProviderError> {
        let parsed = DomainName::parse(name)
            .map_err(|e| ProviderError::invalid(field, format!("{name:?}: {e}")))?;
        Ok(parsed.ascii().to_owned())
    };
    let domain_name = check("domainName", &body.domain_name)?;
    let mut seen = vec![domain_name.clone()];
    let mut additional = Vec::with_capacity(body.additional_domain_names.len());
    for name in &body.additional_domain_names {
        let ascii = check("additionalDomainNames", name)?;
        if seen.contains(&ascii) {
            return Err(ProviderError::invalid(
                "additionalDomainNames",
                format!("{name:?} is listed twice"),
            ));
        }
        seen.push(ascii.clone());
        additional.push(ascii);
    }
    Ok(CreateCertificate {
        domain_name,
        additional_domain_names: additional,
        scope_id: body.scope_id,
    })
}
