//! The server's own answers when it does not forward, or the upstream fails: JSON
//! `{ "error": { "code", "message" } }` with a fitting status. No message ever holds an
//! upstream body, a credential or a token.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

/// One refusal or failure, as the widget reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ApiError {
    /// The HTTP status.
    pub(crate) status: StatusCode,
    /// A stable machine-readable code (`unknown_operation`).
    pub(crate) code: &'static str,
    /// A sentence for a person.
    pub(crate) message: String,
    /// Seconds to wait before trying again (rate limit).
    pub(crate) retry_after: Option<u64>,
}

impl ApiError {
    /// An error with no `Retry-After`.
    pub(crate) fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            status,
            code,
            message: message.into(),
            retry_after: None,
        }
    }

    /// The JSON body.
    pub(crate) fn body(&self) -> Vec<u8> {
        serde_json::json!({ "error": { "code": self.code, "message": self.message } })
            .to_string()
            .into_bytes()
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = (self.status, self.body()).into_response();
        let headers = response.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        if let Some(seconds) = self.retry_after {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}
