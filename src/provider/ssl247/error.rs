//! SSL247 errors: the error envelope and a failing status in the success envelope.

use thiserror::Error;

/// What SSL247 answered instead of a result (the SSL247 API v3 reference, "Schema Definitions →
/// Error" and every operation's "Response Example (default)").
///
/// Only the provider's own code and message are kept; the request (which carries `u`/`p`/`k`)
/// never appears here.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum Ssl247Error {
    /// The error envelope `{"Response":{"Error":{"Code","Message"},"Date"}}`.
    #[error("SSL247 error {code}: {message}")]
    Api {
        /// `Response.Error.Code`, verbatim.
        code: String,
        /// `Response.Error.Message`, verbatim.
        message: String,
        /// `Response.Date`, when present.
        date: Option<String>,
        /// The HTTP status the envelope came with.
        http_status: u16,
    },
    /// The success envelope with a `StatusCode` that is an HTTP error code (4xx/5xx).
    #[error("SSL247 status {status_code}: {description}")]
    Status {
        /// `StatusCode`, verbatim.
        status_code: String,
        /// `StatusDescription`, verbatim (empty when absent).
        description: String,
    },
    /// `POST /order/certificate/validate` answered `"Valid": false`.
    #[error("SSL247 found the order invalid")]
    OrderInvalid,
}

impl Ssl247Error {
    /// The provider's error code, when it gave one.
    pub fn code(&self) -> Option<&str> {
        match self {
            Self::Api { code, .. } => Some(code),
            Self::Status { status_code, .. } => Some(status_code),
            Self::OrderInvalid => None,
        }
    }
}
