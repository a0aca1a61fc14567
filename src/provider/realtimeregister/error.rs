//! Realtime Register error envelopes: `{type, message, violations?[]}` (docs/providers.md §2.1).

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use thiserror::Error;

use super::wire::Billable;

/// The `type` of an RTR error body; docs/providers.md §2.1 lists these, others are kept as sent.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub enum ErrorType {
    /// 400: a parameter is missing or malformed.
    InvalidParameter,
    /// 400: the call costs money; resend with the returned `billables`.
    BillableAcknowledgmentNeededException,
    /// 401.
    AuthenticationFailed,
    /// 403.
    AuthorizationFailed,
    /// 404.
    ObjectDoesNotExist,
    /// 409.
    ObjectExists,
    /// 429.
    RateLimitExceeded,
    /// A field failed validation.
    ValidationError,
    /// `violations[]` name the fields.
    ConstraintViolationException,
    /// The account's balance is too low.
    InsufficientCreditException,
    /// The CA is in maintenance between `startDate` and `endDate`.
    ProviderUnavailable,
    /// The body has a field the API does not know.
    UnrecognizedPropertyException,
    /// The account has no contract for the product.
    NoContractException,
    /// The CA could not be reached.
    ProviderConnectionError,
    /// A type word not listed.
    #[serde(untagged)]
    Other(String),
}

impl ErrorType {
    /// The wire word.
    pub fn as_str(&self) -> &str {
        match self {
            Self::InvalidParameter => "InvalidParameter",
            Self::BillableAcknowledgmentNeededException => "BillableAcknowledgmentNeededException",
            Self::AuthenticationFailed => "AuthenticationFailed",
            Self::AuthorizationFailed => "AuthorizationFailed",
            Self::ObjectDoesNotExist => "ObjectDoesNotExist",
            Self::ObjectExists => "ObjectExists",
            Self::RateLimitExceeded => "RateLimitExceeded",
            Self::ValidationError => "ValidationError",
            Self::ConstraintViolationException => "ConstraintViolationException",
            Self::InsufficientCreditException => "InsufficientCreditException",
            Self::ProviderUnavailable => "ProviderUnavailable",
            Self::UnrecognizedPropertyException => "UnrecognizedPropertyException",
            Self::NoContractException => "NoContractException",
            Self::ProviderConnectionError => "ProviderConnectionError",
            Self::Other(word) => word,
        }
    }
}

/// One `violations[]` item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Violation {
    /// The field, by its wire path.
    #[serde(default)]
    pub field: String,
    /// What is wrong.
    #[serde(default)]
    pub message: String,
    /// The value refused, when echoed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Value>,
}

/// The error body as sent.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct Envelope {
    #[serde(rename = "type")]
    pub(super) error_type: ErrorType,
    #[serde(default)]
    pub(super) message: Option<String>,
    #[serde(default)]
    pub(super) violations: Vec<Violation>,
    #[serde(default)]
    pub(super) billables: Vec<Billable>,
    #[serde(flatten)]
    pub(super) other: Map<String, Value>,
}

/// What Realtime Register answered instead of a result, keeping its structure.
#[derive(Debug, Clone, PartialEq, Error)]
#[error("Realtime Register {status} {}: {}{}", error_type.as_str(), message, describe(&details.violations))]
pub struct RtrError {
    /// The HTTP status.
    pub status: u16,
    /// `type`.
    pub error_type: ErrorType,
    /// `message`.
    pub message: String,
    /// The lists and other fields, boxed to keep [`crate::provider::ProviderError`] small.
    pub details: Box<Details>,
}

/// The structured parts of an error body.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Details {
    /// `violations[]`, one per offending field.
    pub violations: Vec<Violation>,
    /// `billables[]` of a `BillableAcknowledgmentNeededException`, to acknowledge.
    pub billables: Vec<Billable>,
    /// Other fields (`startDate`/`endDate` of `ProviderUnavailable`, …), as sent.
    pub other: Map<String, Value>,
}

impl RtrError {
    /// Whether this is the billing handshake rather than a failure.
    pub fn needs_acknowledgement(&self) -> bool {
        self.error_type == ErrorType::BillableAcknowledgmentNeededException
    }

    /// `violations[]`.
    pub fn violations(&self) -> &[Violation] {
        &self.details.violations
    }

    /// `billables[]`.
    pub fn billables(&self) -> &[Billable] {
        &self.details.billables
    }

    pub(super) fn from_envelope(status: u16, envelope: Envelope) -> Self {
        Self {
            status,
            error_type: envelope.error_type,
            message: envelope.message.unwrap_or_default(),
            details: Box::new(Details {
                violations: envelope.violations,
                billables: envelope.billables,
                other: envelope.other,
            }),
        }
    }
}

fn describe(violations: &[Violation]) -> String {
    violations
        .iter()
        .map(|v| format!("; {}: {}", v.field, v.message))
        .collect()
}
