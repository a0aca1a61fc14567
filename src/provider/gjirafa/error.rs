//! Gjirafa errors: the envelope's `errors[]` and `messages[]`, with the HTTP status that came
//! with them ("Errors" of each operation: 401, 403, 404, 500).

use std::fmt;

use thiserror::Error;

/// What Gjirafa answered instead of a result.
///
/// Built from an envelope with `success: false`, or from a documented error status. The
/// strings are Gjirafa's own text, kept in order; none of them echoes a credential, since
/// requests are never copied into errors.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error(
    "Gjirafa refused the request ({kind}, HTTP {status}){}",
    detail(errors, messages)
)]
pub struct GjirafaError {
    /// The HTTP status.
    pub status: u16,
    /// What the status means for the caller.
    pub kind: ErrorKind,
    /// `errors[]` of the envelope, verbatim (empty when there was no envelope).
    pub errors: Vec<String>,
    /// `messages[]` of the envelope, verbatim.
    pub messages: Vec<String>,
}

/// The first error, or the first message, after a colon.
fn detail(errors: &[String], messages: &[String]) -> String {
    errors
        .iter()
        .chain(messages)
        .find(|s| !s.is_empty())
        .map(|s| format!(": {s}"))
        .unwrap_or_default()
}

/// The documented error statuses ("Common Errors" in the reference), and the rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// 401: the API key or token is missing, wrong or expired.
    Unauthorized,
    /// 403: the key's role does not allow the operation, or the project is not the key's.
    Forbidden,
    /// 404: no such project or certificate.
    NotFound,
    /// 500: Gjirafa failed.
    ServerError,
    /// `success: false` with any other status (a refused request body, for example).
    Rejected,
}

impl ErrorKind {
    /// The kind for a status.
    pub(crate) const fn from_status(status: u16) -> Self {
        match status {
            401 => Self::Unauthorized,
            403 => Self::Forbidden,
            404 => Self::NotFound,
            500..=599 => Self::ServerError,
            _ => Self::Rejected,
        }
    }

    /// Whether the reference documents the status as an error answer.
    pub(crate) const fn is_documented(status: u16) -> bool {
        matches!(status, 401 | 403 | 404 | 500)
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Unauthorized => "unauthorized",
            Self::Forbidden => "forbidden",
            Self::NotFound => "not found",
            Self::ServerError => "server error",
            Self::Rejected => "rejected",
        })
    }
}
