//! Errors of the provider layer.

use thiserror::Error;

use crate::http::BodyError;
use crate::order::{DraftProblem, Quote};
use crate::product::ProviderKind;

/// Why a provider call could not be built, or what the provider answered instead of a result.
///
/// Provider-specific errors keep the provider's own structure in a sub-error per adapter: a
/// Gandi operation error keeps its `errortype` and classification, an XML-RPC fault its code
/// and string. No message ever contains a credential: requests are
/// not echoed, and bodies appear only as the provider's own error text.
#[derive(Debug, Clone, PartialEq, Error)]
#[non_exhaustive]
pub enum ProviderError {
    /// The provider's API has no such operation, or the adapter does not offer it.
    #[error("{provider} does not support {operation}")]
    Unsupported {
        /// The provider.
        provider: ProviderKind,
        /// The operation asked for.
        operation: &'static str,
    },
    /// The credentials are of a style this provider does not accept.
    #[error("{provider} does not accept a {given}; it needs {expected}")]
    WrongCredentials {
        /// The provider.
        provider: ProviderKind,
        /// What it accepts.
        expected: &'static str,
        /// What was given ([`crate::http::Credentials::style`]).
        given: &'static str,
    },
    /// The input breaks a rule of the provider's API, found before anything is sent.
    #[error("invalid {field}: {reason}")]
    InvalidInput {
        /// The field, by its wire name.
        field: String,
        /// What is wrong with it.
        reason: String,
    },
    /// A paid order whose draft carries no quote the customer accepted; nothing was sent.
    /// The provider prices orders before charging them, so the customer sees that price first
    /// ([`crate::order::OrderDraft::accepted_quote`]).
    #[error("{provider} charges what it quotes: the order needs a quote the customer accepted")]
    QuoteNotAccepted {
        /// The provider.
        provider: ProviderKind,
    },
    /// The provider asks to charge something other than the quote the customer accepted
    /// (another price, other items); nothing was charged. Show `asked` and, if the customer
    /// accepts it, order again with it as the accepted quote.
    #[error("the price changed: {provider} now asks {} where {} was accepted", asked.total, accepted.total)]
    PriceChanged {
        /// The provider.
        provider: ProviderKind,
        /// What the customer accepted.
        accepted: Box<Quote>,
        /// What the provider asks for now.
        asked: Box<Quote>,
    },
    /// The certificate is not issued yet, so there is nothing to download; ask again once the
    /// order's status is issued.
    #[error("the certificate is not issued yet")]
    NotIssued,
    /// A status code the operation does not document, with no error body we understand.
    #[error("unexpected HTTP status {status}")]
    UnexpectedStatus {
        /// The status code.
        status: u16,
    },
    /// The body could not be read.
    #[error(transparent)]
    Body(#[from] BodyError),
    /// Gandi v3 answered with a fault or an operation in error.
    #[error(transparent)]
    GandiV3(#[from] crate::provider::gandi_v3::Error),
    /// Gandi v5 answered with an error envelope.
    #[error(transparent)]
    GandiV5(#[from] crate::provider::gandi_v5::Error),
    /// Gjirafa answered with an error envelope or a documented error status.
    #[error(transparent)]
    Gjirafa(#[from] crate::provider::gjirafa::GjirafaError),
    /// SSL247 answered with an error envelope or a failing status.
    #[error(transparent)]
    Ssl247(#[from] crate::provider::ssl247::Ssl247Error),
    /// Realtime Register answered with a `{type, message, violations[]}` error body.
    #[error(transparent)]
    RealtimeRegister(#[from] crate::provider::realtimeregister::RtrError),
    /// An XML-RPC document could not be decoded. A fault is not this: it is the provider's
    /// answer, kept in its one home, [`ProviderError::GandiV3`] (the one XML-RPC API).
    #[error("XML-RPC: {0}")]
    XmlRpc(crate::provider::xmlrpc::Error),
    /// The body was read but does not have the documented shape.
    #[error("unexpected response: {0}")]
    UnexpectedResponse(String),
}

impl From<DraftProblem> for ProviderError {
    /// A problem with the draft found before sending, named by the draft field.
    fn from(problem: DraftProblem) -> Self {
        Self::InvalidInput {
            field: problem.field().to_owned(),
            reason: problem.to_string(),
        }
    }
}

impl From<crate::provider::xmlrpc::Error> for ProviderError {
    /// A decoding error stays [`ProviderError::XmlRpc`]; a fault becomes Gandi v3's refusal.
    fn from(error: crate::provider::xmlrpc::Error) -> Self {
        match error {
            crate::provider::xmlrpc::Error::Fault(fault) => {
                Self::GandiV3(crate::provider::gandi_v3::Error::Fault(fault))
            }
            other => Self::XmlRpc(other),
        }
    }
}

/// The name whose approver mailboxes are asked for: a wildcard's are those of its base name
/// (docs/providers.md §5), found by [`crate::domain::DomainName::base`].
pub(crate) fn approver_domain(name: &str) -> Result<String, ProviderError> {
    crate::domain::DomainName::parse(name)
        .map(|n| n.base().ascii().to_owned())
        .map_err(|e| ProviderError::invalid("domainName", e.to_string()))
}

impl ProviderError {
    /// Shorthand for [`ProviderError::InvalidInput`].
    pub fn invalid(field: impl Into<String>, reason: impl Into<String>) -> Self {
        Self::InvalidInput {
            field: field.into(),
            reason: reason.into(),
        }
    }
}
