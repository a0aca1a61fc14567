//! One constructor per documented endpoint, each a [`Prepared`] call: ordering and
//! certificates here, processes in `process`, products and approver look-ups in `catalog`.

mod catalog;
mod process;

pub use catalog::{ListQuery, dcv_email_addresses, product, products};
pub use process::{
    process, process_info_call, resend, schedule_validation_call, send_subscriber_agreement,
};

use serde::de::DeserializeOwned;

use super::error::{Envelope, RtrError};
use super::validate;
use super::wire::{
    AuthKey, AuthKeyRequest, CertificateProcess, CertificateRequest, DecodeCsrRequest, DecodedCsr,
    DeprecatedCreateRequest, DownloadFormat, ImportRequest, Page, QuoteResponse, SslCertificate,
};
use crate::http::{HttpRequest, HttpResponse, Method, encode_path_segment};
use crate::provider::flow::Prepared;
use crate::provider::{OperationClass, ProviderError};

/// The response header that carries the process id (docs/providers.md §2.3).
pub(crate) const PROCESS_ID_HEADER: &str = "x-process-id";

/// Maps an error response onto [`RtrError`]; a status with no RTR body becomes
/// [`ProviderError::UnexpectedStatus`].
pub fn error(response: &HttpResponse) -> ProviderError {
    match response.json::<Envelope>() {
        Ok(envelope) => RtrError::from_envelope(response.status, envelope).into(),
        Err(_) => ProviderError::UnexpectedStatus {
            status: response.status,
        },
    }
}

fn json<T: DeserializeOwned>(response: &HttpResponse) -> Result<T, ProviderError> {
    Ok(response.json()?)
}

fn text(response: &HttpResponse) -> Result<String, ProviderError> {
    Ok(response.text()?.to_owned())
}

/// The process answer, with the id from `x-process-id`; the body may be empty (resend).
fn process_info(response: &HttpResponse) -> Result<CertificateProcess, ProviderError> {
    let mut info: CertificateProcess = if response.body.iter().all(u8::is_ascii_whitespace) {
        CertificateProcess::default()
    } else {
        json(response)?
    };
    info.process_id = response
        .header(PROCESS_ID_HEADER)
        .map(|v| v.trim().to_owned());
    Ok(info)
}

fn segment(field: &str, value: &str) -> Result<String, ProviderError> {
    if value.is_empty() {
        return Err(ProviderError::invalid(field, "is empty"));
    }
    Ok(encode_path_segment(value))
}

fn rest<T>(
    name: &'static str,
    request: HttpRequest,
    class: OperationClass,
    parse: fn(&HttpResponse) -> Result<T, ProviderError>,
) -> Prepared<T> {
    Prepared::new(
        name,
        class,
        request.with_header("Accept", "application/json"),
        refusal,
        parse,
    )
}

/// An answer that is not 2xx, read by [`error`].
fn refusal(response: &HttpResponse) -> Option<ProviderError> {
    (!response.is_success()).then(|| error(response))
}

/// `POST /v2/ssl/certificates` (the RTR request-certificate reference).
pub fn request(body: &CertificateRequest) -> Result<Prepared<CertificateProcess>, ProviderError> {
    validate::certificate_request(body)?;
    let request = HttpRequest::new(Method::Post, "/v2/ssl/certificates").with_json(body)?;
    Ok(rest(
        "POST /v2/ssl/certificates",
        request,
        OperationClass::Billable,
        process_info,
    ))
}

/// `POST /v2/ssl/certificates?quote=true`: validates and prices without ordering.
pub fn quote(body: &CertificateRequest) -> Result<Prepared<QuoteResponse>, ProviderError> {
    validate::certificate_request(body)?;
    let request = HttpRequest::new(Method::Post, "/v2/ssl/certificates")
        .with_query("quote", "true")
        .with_json(body)?;
    Ok(rest(
        "POST /v2/ssl/certificates?quote=true",
        request,
        OperationClass::Quote,
        json,
    ))
}

/// The deprecated `POST /v2/customers/{customer}/certificates`
/// (the RTR deprecated create-certificate reference; 202 with no documented body).
pub fn create_deprecated(
    customer: &str,
    body: &DeprecatedCreateRequest,
) -> Result<Prepared<CertificateProcess>, ProviderError> {
    validate::deprecated_create(customer, body)?;
    let path = format!(
        "/v2/customers/{}/certificates",
        encode_path_segment(customer)
    );
    let request = HttpRequest::new(Method::Post, path).with_json(body)?;
    Ok(rest(
        "POST /v2/customers/{customer}/certificates",
        request,
        OperationClass::Billable,
        process_info,
    ))
}

/// The deprecated call with `?quote=true`.
pub fn quote_deprecated(
    customer: &str,
    body: &DeprecatedCreateRequest,
) -> Result<Prepared<QuoteResponse>, ProviderError> {
    validate::deprecated_create(customer, body)?;
    let path = format!(
        "/v2/customers/{}/certificates",
        encode_path_segment(customer)
    );
    let request = HttpRequest::new(Method::Post, path)
        .with_query("quote", "true")
        .with_json(body)?;
    Ok(rest(
        "POST /v2/customers/{customer}/certificates?quote=true",
        request,
        OperationClass::Quote,
        json,
    ))
}

/// `GET /v2/ssl/certificates` (docs/providers.md §2.3).
pub fn certificates(query: &ListQuery) -> Prepared<Page<SslCertificate>> {
    let request = query.apply(HttpRequest::new(Method::Get, "/v2/ssl/certificates"));
    rest(
        "GET /v2/ssl/certificates",
        request,
        OperationClass::AccountWide,
        json,
    )
}

/// `GET /v2/ssl/certificates/{id}` (docs/providers.md §2.3).
pub fn certificate(id: &str) -> Result<Prepared<SslCertificate>, ProviderError> {
    let path = format!("/v2/ssl/certificates/{}", segment("certificateId", id)?);
    Ok(rest(
        "GET /v2/ssl/certificates/{id}",
        HttpRequest::new(Method::Get, path),
        OperationClass::OrderRead,
        json,
    ))
}

/// `GET /v2/ssl/certificates/{id}/download?format=` (docs/providers.md §2.3). The body is the
/// file itself: PEM text for CRT, CSR, CA and CA_BUNDLE, PKCS7; ZIP is binary (use
/// [`download_bytes`]).
pub fn download(id: &str, format: DownloadFormat) -> Result<Prepared<String>, ProviderError> {
    let path = format!(
        "/v2/ssl/certificates/{}/download",
        segment("certificateId", id)?
    );
    let request = HttpRequest::new(Method::Get, path).with_query("format", format.as_str());
    Ok(Prepared::new(
        "GET /v2/ssl/certificates/{id}/download",
        OperationClass::OrderRead,
        request,
        refusal,
        text,
    ))
}

/// The download as raw bytes (for ZIP).
pub fn download_bytes(
    id: &str,
    format: DownloadFormat,
) -> Result<Prepared<Vec<u8>>, ProviderError> {
    Ok(download(id, format)?.with_parse(|r| Ok(r.body.clone())))
}

/// `POST /v2/ssl/authkey {product, csr}` (docs/providers.md §2.6).
pub fn authkey(body: &AuthKeyRequest) -> Result<Prepared<AuthKey>, ProviderError> {
    if body.product.is_empty() {
        return Err(ProviderError::invalid("product", "is required"));
    }
    if body.csr.trim().is_empty() {
        return Err(ProviderError::invalid("csr", "is required"));
    }
    let request = HttpRequest::new(Method::Post, "/v2/ssl/authkey").with_json(body)?;
    Ok(rest(
        "POST /v2/ssl/authkey",
        request,
        OperationClass::Lookup,
        json,
    ))
}

/// `POST /v2/ssl/decodecsr {csr}` (docs/providers.md §2.6).
pub fn decode_csr(body: &DecodeCsrRequest) -> Result<Prepared<DecodedCsr>, ProviderError> {
    if body.csr.trim().is_empty() {
        return Err(ProviderError::invalid("csr", "is required"));
    }
    let request = HttpRequest::new(Method::Post, "/v2/ssl/decodecsr").with_json(body)?;
    Ok(rest(
        "POST /v2/ssl/decodecsr",
        request,
        OperationClass::Lookup,
        json,
    ))
}

/// `POST /v2/ssl/import {customer, certificate, csr?, coc?, domainName?}` → 201
/// (docs/providers.md §2.6): adds a certificate issued elsewhere to the account, so it is listed
/// and monitored with the others. The answer has no documented body; the process id is read from
/// `x-process-id` when present.
pub fn import(body: &ImportRequest) -> Result<Prepared<CertificateProcess>, ProviderError> {
    if !body.customer.is_empty() {
        validate::handle("customer", &body.customer)?;
    }
    if !body.certificate.contains("-----BEGIN CERTIFICATE-----") {
        return Err(ProviderError::invalid(
            "certificate",
            "must be a PEM certificate (-----BEGIN CERTIFICATE-----)",
        ));
    }
    if let Some(csr) = &body.csr
        && !csr.contains("CERTIFICATE REQUEST-----")
    {
        return Err(ProviderError::invalid(
            "csr",
            "must be a PEM certificate request",
        ));
    }
    if let Some(name) = &body.domain_name {
        validate::domain("domainName", name)?;
    }
    let request = HttpRequest::new(Method::Post, "/v2/ssl/import").with_json(body)?;
    Ok(rest(
        "POST /v2/ssl/import",
        request,
        OperationClass::AccountWide,
        process_info,
    ))
}
