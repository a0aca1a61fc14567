//! One constructor per documented operation (the Gjirafa certificates reference); each returns
//! an [`ApiCall`] that builds the request and parses the envelope.
//!
//! Requests carry no credentials: [`super::Gjirafa`]'s `authenticate` adds `X-API-Key` or
//! `Authorization` (server-side in reseller mode).

use std::fmt;
use std::marker::PhantomData;

use serde::de::{DeserializeOwned, IgnoredAny};

use super::error::{ErrorKind, GjirafaError};
use super::wire::{
    CertificateDetail, CertificateSummary, CreateCertificate, Envelope, ImportCertificate,
    ResultInfo, UpdateScope,
};
use super::{KeyImportConsent, ProjectId};
use crate::domain::DomainName;
use crate::http::{HttpRequest, HttpResponse, Method};
use crate::provider::{Call, OperationClass, ProviderError};

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

/// One documented request with its typed result.
///
/// `Debug` shows the operation and path only: the import body carries a private key.
pub struct ApiCall<T> {
    name: &'static str,
    class: OperationClass,
    method: Method,
    path: String,
    body: Option<Vec<u8>>,
    output: PhantomData<fn() -> T>,
}

impl<T> fmt::Debug for ApiCall<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ApiCall")
            .field("name", &self.name)
            .field("path", &self.path)
            .field("body_len", &self.body.as_ref().map(Vec::len))
            .finish()
    }
}

impl<T> ApiCall<T> {
    fn new(name: &'static str, class: OperationClass, method: Method, path: String) -> Self {
        Self {
            name,
            class,
            method,
            path,
            body: None,
            output: PhantomData,
        }
    }

    fn with_json(mut self, body: &impl serde::Serialize) -> Result<Self, ProviderError> {
        let bytes = serde_json::to_vec(body)
            .map_err(|e| ProviderError::UnexpectedResponse(format!("body: {e}")))?;
        self.body = Some(bytes);
        Ok(self)
    }

    /// The operation's name, as [`super::Gjirafa`]'s `recognise` reports it.
    pub const fn name(&self) -> &'static str {
        self.name
    }
}

impl<T: DeserializeOwned> Call for ApiCall<T> {
    type Output = Answer<T>;

    fn class(&self) -> OperationClass {
        self.class
    }

    fn request(&self) -> Result<HttpRequest, ProviderError> {
        let request = HttpRequest::new(self.method, self.path.clone());
        Ok(match &self.body {
            Some(body) => request.with_body("application/json", body.clone()),
            None => request,
        })
    }

    fn parse(&self, response: &HttpResponse) -> Result<Answer<T>, ProviderError> {
        parse(response)
    }
}

/// Reads the envelope: a `result` on success, a [`GjirafaError`] for `success: false` or a
/// documented error status.
pub fn parse<T: DeserializeOwned>(response: &HttpResponse) -> Result<Answer<T>, ProviderError> {
    let status = response.status;
    if !response.is_success() {
        // The reference shows no error body; take the envelope when there is one.
        return Err(match response.json::<Envelope<IgnoredAny>>() {
            Ok(envelope) => refused(status, envelope.errors, envelope.messages),
            Err(_) if ErrorKind::is_documented(status) => refused(status, Vec::new(), Vec::new()),
            Err(_) => ProviderError::UnexpectedStatus { status },
        });
    }
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
pub fn list(project: &ProjectId) -> ApiCall<Vec<CertificateSummary>> {
    ApiCall::new(
        super::OP_LIST,
        OperationClass::AccountWide,
        Method::Get,
        project.certificates_path(),
    )
}

/// `GET …/certificates/{id}` ("GET Certificate").
pub fn get(project: &ProjectId, id: i32) -> ApiCall<CertificateDetail> {
    ApiCall::new(
        super::OP_GET,
        OperationClass::OrderRead,
        Method::Get,
        format!("{}/{id}", project.certificates_path()),
    )
}

/// `POST …/certificates` ("POST Certificate", create). Every name is checked with
/// [`DomainName::parse`] first and sent in its A-label form; the error names the name.
pub fn create(
    project: &ProjectId,
    body: &CreateCertificate,
) -> Result<ApiCall<CertificateDetail>, ProviderError> {
    let body = checked_names(body)?;
    ApiCall::new(
        super::OP_CREATE,
        OperationClass::Billable,
        Method::Post,
        project.certificates_path(),
    )
    .with_json(&body)
}

/// `POST …/certificates/import` ("POST Certificate", import). Sends a private key, so it
/// takes the customer's [`KeyImportConsent`] (docs/design.md, security model item 4).
pub fn import(
    project: &ProjectId,
    body: &ImportCertificate,
    consent: KeyImportConsent,
) -> Result<ApiCall<CertificateDetail>, ProviderError> {
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
    ApiCall::new(
        super::OP_IMPORT,
        OperationClass::AccountWide,
        Method::Post,
        format!("{}/import", project.certificates_path()),
    )
    .with_json(body)
}

/// `PUT …/certificates/{id}` ("PUT Certificate", update): changes the scope.
pub fn update_scope(
    project: &ProjectId,
    id: i32,
    scope_id: i32,
) -> Result<ApiCall<CertificateDetail>, ProviderError> {
    ApiCall::new(
        super::OP_UPDATE,
        OperationClass::OrderChange,
        Method::Put,
        format!("{}/{id}", project.certificates_path()),
    )
    .with_json(&UpdateScope { scope_id })
}

/// `PUT …/certificates/{id}/validate` ("PUT Certificate", validate the challenge). No body.
pub fn validate(project: &ProjectId, id: i32) -> ApiCall<CertificateDetail> {
    ApiCall::new(
        super::OP_VALIDATE,
        OperationClass::OrderChange,
        Method::Put,
        format!("{}/{id}/validate", project.certificates_path()),
    )
}

/// `DELETE …/certificates/{id}` ("DELETE Certificate").
pub fn delete(project: &ProjectId, id: i32) -> ApiCall<CertificateDetail> {
    ApiCall::new(
        super::OP_DELETE,
        OperationClass::OrderChange,
        Method::Delete,
        format!("{}/{id}", project.certificates_path()),
    )
}

/// The create body with every name parsed, in A-label form, without duplicates; reserved
/// names are refused because Let's Encrypt will not issue for them.
fn checked_names(body: &CreateCertificate) -> Result<CreateCertificate, ProviderError> {
    let check = |field: &str, name: &str| -> Result<String, ProviderError> {
        let parsed = DomainName::parse(name)
            .map_err(|e| ProviderError::invalid(field, format!("{name:?}: {e}")))?;
        if let Some(reserved) = parsed.reserved() {
            return Err(ProviderError::invalid(
                field,
                format!("{name:?} cannot be in a public certificate ({reserved:?})"),
            ));
        }
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
