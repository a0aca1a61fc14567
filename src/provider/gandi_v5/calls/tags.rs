//! `/issued-certs/{id}/tags` (docs/providers.md §1.3 lists the path and its five verbs, without
//! body shapes): bodies are passed through as JSON.

use super::{cert_path, json, rest, with_json};
use crate::http::{HttpRequest, HttpResponse, Method};
use crate::provider::flow::Prepared;
use crate::provider::{OperationClass, ProviderError};

/// What a call on `/issued-certs/{id}/tags` does. The document lists the five verbs on the
/// path, not what each does with the tags, so the names say only which verb is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TagsVerb {
    /// `POST`.
    Post,
    /// `PUT`.
    Put,
    /// `PATCH`.
    Patch,
    /// `DELETE`.
    Delete,
}

/// `GET /issued-certs/{id}/tags`: the certificate's tags, as Gandi returns them.
///
/// The body is kept as JSON: docs/providers.md §1.3 lists the endpoint without a response shape.
pub fn tags(id: &str) -> Result<Prepared<serde_json::Value>, ProviderError> {
    let request = HttpRequest::new(Method::Get, cert_path(id, "/tags")?);
    Ok(rest(
        "GET /issued-certs/{id}/tags",
        request,
        OperationClass::OrderRead,
        json_or_null,
    ))
}

/// `POST|PUT|PATCH|DELETE /issued-certs/{id}/tags` with `body` sent as given (no body for a
/// `DELETE` without one). Tags change no certificate, so the call is an order-scoped change.
pub fn change_tags(
    id: &str,
    verb: TagsVerb,
    body: Option<&serde_json::Value>,
) -> Result<Prepared<serde_json::Value>, ProviderError> {
    let method = match verb {
        TagsVerb::Post => Method::Post,
        TagsVerb::Put => Method::Put,
        TagsVerb::Patch => Method::Patch,
        TagsVerb::Delete => Method::Delete,
    };
    let path = cert_path(id, "/tags")?;
    let name = match verb {
        TagsVerb::Post => "POST /issued-certs/{id}/tags",
        TagsVerb::Put => "PUT /issued-certs/{id}/tags",
        TagsVerb::Patch => "PATCH /issued-certs/{id}/tags",
        TagsVerb::Delete => "DELETE /issued-certs/{id}/tags",
    };
    let request = match body {
        Some(body) => with_json(method, path, body)?,
        None => HttpRequest::new(method, path),
    };
    Ok(rest(
        name,
        request,
        OperationClass::OrderChange,
        json_or_null,
    ))
}

fn json_or_null(response: &HttpResponse) -> Result<serde_json::Value, ProviderError> {
    if response.body.iter().all(u8::is_ascii_whitespace) {
        return Ok(serde_json::Value::Null);
    }
    json(response)
}
