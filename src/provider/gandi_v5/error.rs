//! Gandi v5 error envelopes (docs/providers.md §1.3).

use serde::Deserialize;
use thiserror::Error;

/// What Gandi v5 answered instead of a result, keeping its structure.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum Error {
    /// 400: `{"status": "error", "errors": [{description, location, name}]}`.
    #[error("Gandi refused the request: {}", describe(errors))]
    Invalid {
        /// The HTTP status.
        status: u16,
        /// One entry per offending parameter.
        errors: Vec<FieldError>,
    },
    /// 401/403 (and other statuses with the same body): `{cause, code, message, object}`.
    #[error("Gandi denied the request ({code}): {message}")]
    Denied {
        /// The HTTP status.
        status: u16,
        /// `cause` (`Unauthorized`, `Forbidden`, …).
        cause: Option<String>,
        /// `code`, usually the HTTP status again.
        code: i64,
        /// `message`.
        message: String,
        /// `object` (`HTTPUnauthorized`, …).
        object: Option<String>,
    },
}

fn describe(errors: &[FieldError]) -> String {
    if errors.is_empty() {
        return "no details".into();
    }
    errors
        .iter()
        .map(|e| format!("{} in {}: {}", e.name, e.location.as_str(), e.description))
        .collect::<Vec<_>>()
        .join("; ")
}

/// One item of `errors[]`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct FieldError {
    /// What is wrong.
    #[serde(default)]
    pub description: String,
    /// Where the parameter was.
    pub location: Location,
    /// The parameter's name.
    #[serde(default)]
    pub name: String,
}

/// `errors[].location`: header, path, querystring or body.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Location {
    /// A request header.
    Header,
    /// A path segment.
    Path,
    /// A query parameter.
    Querystring,
    /// A body field.
    Body,
    /// Another word.
    #[serde(untagged)]
    Other(String),
}

impl Location {
    /// The wire word.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Header => "header",
            Self::Path => "path",
            Self::Querystring => "querystring",
            Self::Body => "body",
            Self::Other(word) => word,
        }
    }
}

/// The 400 envelope.
#[derive(Deserialize)]
pub(super) struct InvalidBody {
    pub(super) errors: Vec<FieldError>,
}

/// The 401/403 envelope.
#[derive(Deserialize)]
pub(super) struct DeniedBody {
    pub(super) cause: Option<String>,
    pub(super) code: Option<i64>,
    pub(super) message: Option<String>,
    pub(super) object: Option<String>,
}
