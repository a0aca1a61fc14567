//! Gandi v3 errors: XML-RPC faults and operations in error, with the document's classification.

use std::fmt;

use thiserror::Error;

use crate::provider::xmlrpc::Fault;

/// What Gandi answered instead of a result.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum Error {
    /// The call was refused with an XML-RPC fault (bad key, bad parameter, no right).
    #[error("Gandi refused the call: {0}")]
    Fault(Fault),
    /// An operation (`certificate_create`, …) ended in error.
    #[error("Gandi operation {id} failed: {name} ({classification})")]
    Operation {
        /// The operation id.
        id: i64,
        /// The error identifier (`certificate:req_rejected`), or `unknown`.
        name: String,
        /// Who can recover from it.
        classification: Classification,
        /// Whether Gandi refunds the operation.
        refundable: Option<bool>,
        /// `last_error`, Gandi's message.
        last_error: Option<String>,
    },
}

/// The classification of an operation error ("Possible Errors" table,
/// the Gandi v3 certificate reference, CertificateOperationReturn).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Classification {
    /// `fatal`: the operation cannot succeed; order again.
    Fatal,
    /// `client_recoverable`: the customer can fix it (validate an e-mail, wait).
    ClientRecoverable,
    /// `support_recoverable`: Gandi's support must act.
    SupportRecoverable,
    /// `temporary`: retry later (rate limit, time-out).
    Temporary,
    /// `unknown`.
    Unknown,
    /// A word the table does not list.
    Other(String),
}

impl Classification {
    /// Maps the document's word.
    pub fn from_word(word: &str) -> Self {
        match word {
            "fatal" => Self::Fatal,
            "client_recoverable" => Self::ClientRecoverable,
            "support_recoverable" => Self::SupportRecoverable,
            "temporary" => Self::Temporary,
            "unknown" => Self::Unknown,
            other => Self::Other(other.to_owned()),
        }
    }

    /// The document's word.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Fatal => "fatal",
            Self::ClientRecoverable => "client_recoverable",
            Self::SupportRecoverable => "support_recoverable",
            Self::Temporary => "temporary",
            Self::Unknown => "unknown",
            Self::Other(word) => word,
        }
    }
}

impl fmt::Display for Classification {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The "Possible Errors" table, verbatim: identifier, classification word, description.
/// (`certificate:comomdo_unkonwn` is spelt as the document spells it.)
#[rustfmt::skip]
pub const ERROR_TYPES: &[(&str, &str, &str)] = &[
    ("authorization_error", "support_recoverable", "An authorization error happened"),
    ("certificate:already_expired", "fatal", "Certificate has already expired."),
    ("certificate:backend_error", "fatal", "The certificate request is in error."),
    ("certificate:backend_other", "support_recoverable", "An error happened during the backend API call."),
    ("certificate:bad_request", "support_recoverable", "No error code in return."),
    ("certificate:cert_revoked", "fatal", "This certificate has been revoked."),
    ("certificate:comomdo_unkonwn", "support_recoverable", "An unknown error occurred."),
    ("certificate:connection_error", "client_recoverable", "Connection error."),
    ("certificate:forbidden_country", "fatal", "Country is part of the banned country list."),
    ("certificate:free_email_dcv", "fatal", "An error occured, please retry to create your certificate. You can contact the support to delete the failed order"),
    ("certificate:invalid_arg", "support_recoverable", "The value of one argument is invalid."),
    ("certificate:invalid_email", "client_recoverable", "Your email is still not validated."),
    ("certificate:missing_arg", "support_recoverable", "One arguement is missing."),
    ("certificate:req_rejected", "fatal", "This certificate request has been rejected."),
    ("certificate:request_not_done", "client_recoverable", "The operation is still being treated."),
    ("certificate:timeout_error", "support_recoverable", "Timeout error."),
    ("certificate:unrecognised_arg", "support_recoverable", "Unrecognised argument!"),
    ("certificate:wait_for_revoke", "client_recoverable", "Waiting 48 hours before we revoke the replaced cert."),
    ("certificate:waiting_payement", "support_recoverable", "Waiting payment."),
    ("certificate:wrong_url", "support_recoverable", "Wrong url."),
    ("duplicate", "fatal", "The wanted object is duplicate"),
    ("ged_refused", "fatal", "The document were refused."),
    ("ged_still_not_valid", "client_recoverable", "The document are still not validated."),
    ("internal_error", "fatal", "Internal error."),
    ("invalid_address", "client_recoverable", "The contact postal address is not valid."),
    ("invalid_email", "client_recoverable", "The contact email address is not valid."),
    ("missing_parameter", "client_recoverable", "There is a missing parameter"),
    ("ratelimit", "temporary", "The query was ratelimited"),
    ("timeout", "temporary", "The query timeout"),
    ("unknown", "unknown", "Unknown"),
];

/// The classification and description of an error identifier, from [`ERROR_TYPES`].
pub fn classify(name: &str) -> Option<(Classification, &'static str)> {
    ERROR_TYPES
        .iter()
        .find(|(n, _, _)| *n == name)
        .map(|(_, c, d)| (Classification::from_word(c), *d))
}
