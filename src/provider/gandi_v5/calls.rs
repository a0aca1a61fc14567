//! One constructor per certificate endpoint (docs/providers.md §1.3), each a [`Prepared`] call:
//! the certificates here, DCV in `dcv`, packages and intermediates in `catalog`, tags in `tags`.

mod catalog;
mod dcv;
mod tags;

use serde::de::DeserializeOwned;

use super::error::{DeniedBody, Error, InvalidBody};
use super::wire::{ChangeRequest, CreateRequest, Created, IssuedCert, Message, Page};
use super::{BASE_PATH, V5DcvMethod, dry_run};
use crate::http::{HttpRequest, HttpResponse, Method, encode_path_segment};
use crate::provider::flow::Prepared;
use crate::provider::{OperationClass, ProviderError};

pub use catalog::{PackageQuery, intermediate_file, intermediates, package, packages};
pub use dcv::{change_dcv, dcv_params, preview_dcv_params, resend_dcv};
pub use tags::{TagsVerb, change_tags, tags};

/// Maps an error response onto [`Error`], keeping Gandi's structure.
pub fn error(response: &HttpResponse) -> ProviderError {
    let status = response.status;
    if let Ok(body) = response.json::<InvalidBody>() {
        return Error::Invalid {
            status,
            errors: body.errors,
        }
        .into();
    }
    match response.json::<DeniedBody>() {
        Ok(body) if body.message.is_some() || body.cause.is_some() => Error::Denied {
            status,
            cause: body.cause,
            code: body.code.unwrap_or(i64::from(status)),
            message: body.message.unwrap_or_default(),
            object: body.object,
        }
        .into(),
        _ => ProviderError::UnexpectedStatus { status },
    }
}

fn json<T: DeserializeOwned>(response: &HttpResponse) -> Result<T, ProviderError> {
    Ok(response.json()?)
}

fn message(response: &HttpResponse) -> Result<Message, ProviderError> {
    // Some answers (DELETE, PUT) may come without a body.
    if response.body.iter().all(u8::is_ascii_whitespace) {
        return Ok(Message::default());
    }
    json(response)
}

fn created(response: &HttpResponse) -> Result<Created, ProviderError> {
    let mut created: Created = if response.body.is_empty() {
        Created::default()
    } else {
        json(response)?
    };
    created.location = response.header("Location").map(str::to_owned);
    Ok(created)
}

fn count(response: &HttpResponse, name: &str) -> Option<u64> {
    response.header(name).and_then(|v| v.trim().parse().ok())
}

fn page<T: DeserializeOwned>(response: &HttpResponse) -> Result<Page<T>, ProviderError> {
    Ok(Page {
        items: json(response)?,
        total_count: count(response, "Total-Count"),
        filtered_count: count(response, "Filtered-Count"),
        link: response.header("Link").map(str::to_owned),
    })
}

fn text(response: &HttpResponse) -> Result<String, ProviderError> {
    Ok(response.text()?.to_owned())
}

fn path(tail: &str) -> String {
    format!("{BASE_PATH}{tail}")
}

fn cert_path(id: &str, tail: &str) -> Result<String, ProviderError> {
    if id.is_empty() {
        return Err(ProviderError::invalid("id", "is empty"));
    }
    Ok(path(&format!(
        "/issued-certs/{}{tail}",
        encode_path_segment(id)
    )))
}

fn rest<T>(
    name: &'static str,
    request: HttpRequest,
    class: OperationClass,
    parse: fn(&HttpResponse) -> Result<T, ProviderError>,
) -> Prepared<T> {
    Prepared::new(name, class, request, refusal, parse)
}

/// An answer that is not 2xx, read by [`error`].
fn refusal(response: &HttpResponse) -> Option<ProviderError> {
    (!response.is_success()).then(|| error(response))
}

fn with_json<B: serde::Serialize>(
    method: Method,
    path: String,
    body: &B,
) -> Result<HttpRequest, ProviderError> {
    Ok(HttpRequest::new(method, path).with_json(body)?)
}

fn check_method(word: Option<&str>) -> Result<(), ProviderError> {
    if let Some(word) = word {
        V5DcvMethod::parse_for(crate::provider::gandi::GandiApi::V5, word)?;
    }
    Ok(())
}

/// Filters of `GET /issued-certs`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ListQuery {
    /// Pattern such as `example*`.
    pub cn: Option<String>,
    /// Certificates covering this name (`covered_cn`).
    pub covered_cn: Option<String>,
    /// Certificates of this package.
    pub package: Option<String>,
    /// Page number (`page`).
    pub page: Option<u32>,
    /// Items per page (`per_page`).
    pub per_page: Option<u32>,
    /// Certificates of this organisation (`sharing_id`).
    pub sharing_id: Option<String>,
    /// created_at, updated_at, started_at, ends_at, subscription_ends_at, `-` to reverse.
    pub sort_by: Option<String>,
    /// Certificates in this status (pending, valid, revoked, replaced, replaced_rev, expired).
    pub status: Option<String>,
}

fn add_query(mut request: HttpRequest, pairs: &[(&str, Option<String>)]) -> HttpRequest {
    for (name, value) in pairs {
        if let Some(value) = value {
            request = request.with_query(*name, value.clone());
        }
    }
    request
}

/// `GET /issued-certs`.
pub fn list(query: &ListQuery) -> Prepared<Page<IssuedCert>> {
    let request = add_query(
        HttpRequest::new(Method::Get, path("/issued-certs")),
        &[
            ("cn", query.cn.clone()),
            ("covered_cn", query.covered_cn.clone()),
            ("package", query.package.clone()),
            ("page", query.page.map(|n| n.to_string())),
            ("per_page", query.per_page.map(|n| n.to_string())),
            ("sharing_id", query.sharing_id.clone()),
            ("sort_by", query.sort_by.clone()),
            ("status", query.status.clone()),
        ],
    );
    rest(
        "GET /issued-certs",
        request,
        OperationClass::AccountWide,
        page,
    )
}

/// `POST /issued-certs`: order (billable), or with `dry_run_only` only validate (a check,
/// its own operation: `Dry-Run: 1`, docs/providers.md §1.2).
pub fn create(
    body: &CreateRequest,
    dry_run_only: bool,
) -> Result<Prepared<Created>, ProviderError> {
    if body.package.is_empty() {
        return Err(ProviderError::invalid("package", "is required"));
    }
    if body.csr.is_none() && body.cn.is_none() {
        return Err(ProviderError::invalid("csr", "a CSR or a CN is required"));
    }
    if body.cn.as_ref().is_some_and(|cn| cn.chars().count() > 64) {
        return Err(ProviderError::invalid("cn", "at most 64 characters"));
    }
    check_method(body.dcv_method.as_deref())?;
    let request = dry_run::mark(
        with_json(Method::Post, path("/issued-certs"), body)?,
        dry_run_only,
    );
    let (name, class) = if dry_run_only {
        ("POST /issued-certs, Dry-Run: 1", OperationClass::Check)
    } else {
        ("POST /issued-certs", OperationClass::Billable)
    };
    Ok(rest(name, request, class, created))
}

/// `GET /issued-certs/{id}`.
pub fn get(id: &str) -> Result<Prepared<IssuedCert>, ProviderError> {
    Ok(rest(
        "GET /issued-certs/{id}",
        HttpRequest::new(Method::Get, cert_path(id, "")?),
        OperationClass::OrderRead,
        json,
    ))
}

/// `POST /issued-certs/{id}`: renew (billable).
pub fn renew(
    id: &str,
    body: &ChangeRequest,
    dry_run_only: bool,
) -> Result<Prepared<Created>, ProviderError> {
    check_method(body.dcv_method.as_deref())?;
    let request = dry_run::mark(
        with_json(Method::Post, cert_path(id, "")?, body)?,
        dry_run_only,
    );
    let (name, class) = if dry_run_only {
        ("POST /issued-certs/{id}, Dry-Run: 1", OperationClass::Check)
    } else {
        ("POST /issued-certs/{id}", OperationClass::Billable)
    };
    Ok(rest(name, request, class, created))
}

/// `PATCH /issued-certs/{id}`: update (reissue with a new CSR or names).
pub fn update(
    id: &str,
    body: &ChangeRequest,
    dry_run_only: bool,
) -> Result<Prepared<Created>, ProviderError> {
    check_method(body.dcv_method.as_deref())?;
    let request = dry_run::mark(
        with_json(Method::Patch, cert_path(id, "")?, body)?,
        dry_run_only,
    );
    let (name, class) = if dry_run_only {
        (
            "PATCH /issued-certs/{id}, Dry-Run: 1",
            OperationClass::Check,
        )
    } else {
        ("PATCH /issued-certs/{id}", OperationClass::OrderChange)
    };
    Ok(rest(name, request, class, created))
}

/// `DELETE /issued-certs/{id}`: revoke.
pub fn revoke(id: &str) -> Result<Prepared<Message>, ProviderError> {
    Ok(rest(
        "DELETE /issued-certs/{id}",
        HttpRequest::new(Method::Delete, cert_path(id, "")?),
        OperationClass::OrderChange,
        message,
    ))
}

/// `GET /issued-certs/{id}/crt`: the certificate as text.
pub fn crt(id: &str) -> Result<Prepared<String>, ProviderError> {
    let request =
        HttpRequest::new(Method::Get, cert_path(id, "/crt")?).with_header("Accept", "text/plain");
    Ok(rest(
        "GET /issued-certs/{id}/crt",
        request,
        OperationClass::OrderRead,
        text,
    ))
}
