//! What the widget adds to each provider call and takes from each answer, whatever carries
//! the bytes (docs/design.md, security model items 3 and 5):
//!
//! - the order tokens the server hands out when an order is placed, sent back on every
//!   order-scoped call ([`ORDER_TOKEN_HEADER`]);
//! - the `Idempotency-Key` made once per order attempt, on every billable call; a billable
//!   call without one is a bug and is refused before anything is sent;
//! - the error a customer sees ([`CallError`]): what happened, in plain words, and whether
//!   trying again is safe.
//!
//! Plain Rust, so every rule here is tested natively; `ui::transport` runs it over `fetch`.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::deployment::DeploymentError;
use crate::http::{HttpRequest, HttpResponse};
use crate::provider::{OperationClass, ProviderError, ProviderKind};
use crate::text::shell as text;

/// The request and response header that carries order tokens (comma-separated).
pub const ORDER_TOKEN_HEADER: &str = "certorder-order-token";
/// The request header that makes a billable call exactly-once.
pub const IDEMPOTENCY_KEY_HEADER: &str = "Idempotency-Key";

/// What one order's calls carry: the order's tokens and the order attempt's idempotency key.
///
/// Kept with the draft (the key) and with the order in the order book (the tokens), so a
/// reload or a retry sends the same ones.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallContext {
    /// The order tokens received so far for this order (one per order or process id).
    #[serde(default)]
    pub order_tokens: Vec<String>,
    /// The key of this order attempt; `None` where nothing billable is sent.
    #[serde(default)]
    pub idempotency_key: Option<String>,
}

impl CallContext {
    /// A context for placing an order under `key`.
    pub fn for_attempt(key: impl Into<String>) -> Self {
        Self {
            order_tokens: Vec::new(),
            idempotency_key: Some(key.into()),
        }
    }

    /// A context for an order already placed, known by its tokens.
    pub fn for_order(order_tokens: Vec<String>) -> Self {
        Self {
            order_tokens,
            idempotency_key: None,
        }
    }

    /// Adds what a call of `class` must carry. A billable call without a key is refused.
    ///
    /// `billables_before` counts the billable requests this flow has sent already. One
    /// attempt can send more than one (Realtime Register answers an order with the billables
    /// to acknowledge, and the order is sent again with them), and each is its own request
    /// to the server's exactly-once store: the first carries the attempt's key, the n-th
    /// `{key}.{n}`, so a retry after a reload sends the same keys in the same order.
    pub fn prepare(
        &self,
        request: &mut HttpRequest,
        class: OperationClass,
        billables_before: usize,
    ) -> Result<(), CallError> {
        if class.is_billable() {
            let key = self
                .idempotency_key
                .as_deref()
                .filter(|k| !k.is_empty())
                .ok_or(CallError::NoIdempotencyKey)?;
            match billables_before {
                0 => request.set_header(IDEMPOTENCY_KEY_HEADER, key),
                n => request.set_header(IDEMPOTENCY_KEY_HEADER, format!("{key}.{}", n + 1)),
            }
        }
        let order_scoped = matches!(
            class,
            OperationClass::Billable | OperationClass::OrderRead | OperationClass::OrderChange
        );
        if order_scoped && !self.order_tokens.is_empty() {
            request.set_header(ORDER_TOKEN_HEADER, self.order_tokens.join(", "));
        }
        Ok(())
    }

    /// Keeps every order token an answer carries (the browser joins repeated headers with
    /// commas).
    pub fn absorb(&mut self, response: &HttpResponse) {
        for (name, value) in &response.headers {
            if !name.eq_ignore_ascii_case(ORDER_TOKEN_HEADER) {
                continue;
            }
            for token in value.split(',').map(str::trim).filter(|t| !t.is_empty()) {
                if !self.order_tokens.iter().any(|t| t == token) {
                    self.order_tokens.push(token.to_owned());
                }
            }
        }
    }
}

/// Why a call failed, as the customer is told.
#[derive(Debug, Clone, PartialEq, Error)]
#[non_exhaustive]
pub enum CallError {
    /// The request failed in the browser (no connection, DNS, a reset) with no answer.
    #[error("network failure")]
    Network,
    /// A direct route's server did not allow this origin (failed CORS preflight).
    #[error("cross-origin call refused by {base_url}")]
    CorsRefused {
        /// The base URL called.
        base_url: String,
    },
    /// A billable call was sent and its outcome is unknown: never send it again, look at the
    /// order's status.
    #[error("the order is in doubt")]
    InDoubt,
    /// The same order attempt is still being carried out (a second click, a second tab).
    #[error("the order is still being placed")]
    InFlight,
    /// The provider did not answer in time (nothing billable was in flight).
    #[error("{provider} timed out")]
    Timeout {
        /// The provider.
        provider: ProviderKind,
    },
    /// Too many billable calls; wait `retry_after` seconds.
    #[error("rate limited")]
    RateLimited {
        /// Seconds to wait, from `Retry-After`.
        retry_after: Option<u64>,
    },
    /// The provider failed (a 5xx, an unreadable answer) for a call that charges nothing.
    #[error("{provider} failed")]
    ProviderFailed {
        /// The provider.
        provider: ProviderKind,
    },
    /// The provider answered with an error, or the call could not be built; the adapter's
    /// error is kept so callers can act on it (a changed price, not issued yet).
    #[error("{provider}: {error}")]
    Provider {
        /// The provider.
        provider: ProviderKind,
        /// What the adapter read.
        error: ProviderError,
    },
    /// The order's token is missing or wrong: this browser does not hold the order.
    #[error("order token refused")]
    OrderToken,
    /// The site's server refused the call (its own `{"error": {code, message}}` answer).
    #[error("refused ({code})")]
    Refused {
        /// The server's code (`unknown_operation`).
        code: String,
        /// The server's sentence.
        message: String,
    },
    /// A billable call without an idempotency key: refused before sending.
    #[error("no idempotency key")]
    NoIdempotencyKey,
    /// The deployment does not allow what was asked.
    #[error(transparent)]
    Configuration(#[from] DeploymentError),
}

impl CallError {
    /// The sentence shown to the customer.
    pub fn message(&self) -> String {
        match self {
            Self::Network => text::ERR_NETWORK.to_owned(),
            Self::CorsRefused { base_url } => text::err_cors(base_url),
            Self::InDoubt => text::ERR_IN_DOUBT.to_owned(),
            Self::InFlight => text::ERR_IN_FLIGHT.to_owned(),
            Self::Timeout { provider } => text::err_timeout(provider.name()),
            Self::RateLimited { retry_after } => text::err_rate_limited(*retry_after),
            Self::ProviderFailed { provider } => text::err_provider_failed(provider.name()),
            Self::Provider { provider, error } => {
                text::err_provider(provider.name(), &error.to_string())
            }
            Self::OrderToken => text::ERR_ORDER_TOKEN.to_owned(),
            Self::Refused { message, .. } => text::err_refused(message),
            Self::NoIdempotencyKey => text::ERR_NO_IDEMPOTENCY_KEY.to_owned(),
            Self::Configuration(e) => text::err_configuration(&e.to_string()),
        }
    }

    /// Whether sending the same call again is safe and may succeed. A billable retry is safe
    /// only with the same idempotency key, which the caller keeps; an order in doubt is
    /// never retried.
    pub fn retry_safe(&self) -> bool {
        match self {
            Self::Network
            | Self::InFlight
            | Self::Timeout { .. }
            | Self::RateLimited { .. }
            | Self::ProviderFailed { .. }
            // Never billable (that is in doubt): a gateway's answer without CORS headers (its
            // own 5xx) reads the same as a refused origin, and the operator may fix either.
            | Self::CorsRefused { .. } => true,
            Self::Refused { code, .. } => code == "store_unavailable",
            Self::Provider { error, .. } => matches!(error, ProviderError::NotIssued),
            Self::InDoubt
            | Self::OrderToken
            | Self::NoIdempotencyKey
            | Self::Configuration(_) => false,
        }
    }

    /// Whether the order may have been placed although no result came back: the widget
    /// then shows the order's status page, never a second order.
    pub fn is_in_doubt(&self) -> bool {
        matches!(self, Self::InDoubt)
    }
}

mod answer;

pub use answer::{from_provider, network_failure, server_refusal};

#[cfg(test)]
mod tests;
