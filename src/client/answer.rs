//! Reading a failed call: the site's server's own refusals, the provider's errors, and what
//! the browser reports when no answer came.

use serde::Deserialize;

use super::CallError;
use crate::http::HttpResponse;
use crate::provider::{OperationClass, ProviderError, ProviderKind};

/// The server's own error document, `{"error": {"code", "message"}}`.
#[derive(Deserialize)]
struct ServerError {
    error: ServerErrorBody,
}

#[derive(Deserialize)]
struct ServerErrorBody {
    code: String,
    message: String,
}

/// Codes of the server's refusals that mean the upstream failed after the request left.
const UPSTREAM_FAILED_AFTER_SENDING: [&str; 4] = [
    "upstream_timeout",
    "upstream_reset",
    "upstream_unreadable",
    "upstream_error",
];

/// The codes the site's server (not the provider) answers with. A provider error body is
/// never taken for one: the provider's errors are read by its adapter.
const SERVER_CODES: [&str; 26] = [
    "upstream_unreachable",
    "upstream_timeout",
    "upstream_reset",
    "upstream_unreadable",
    "upstream_error",
    "in_doubt",
    "store_unavailable",
    "idempotency_key_missing",
    "idempotency_key_invalid",
    "rate_limited",
    "idempotency_in_flight",
    "idempotency_key_reused",
    "order_token_missing",
    "order_token_invalid",
    "not_allowed",
    "unknown_operation",
    "unknown_provider",
    "malformed_xmlrpc",
    "absolute_target",
    "bad_path",
    "method_not_allowed",
    "body_too_large",
    "bad_request",
    "origin_not_allowed",
    "not_sandbox",
    "unknown_order",
];

/// The server's own refusal in `response`, if it is one, for a call of `class` to
/// `provider`; `None` for a provider's answer, which the adapter reads.
pub fn server_refusal(
    provider: ProviderKind,
    class: OperationClass,
    response: &HttpResponse,
) -> Option<CallError> {
    if response.is_success() {
        return None;
    }
    let parsed: ServerError = serde_json::from_slice(&response.body).ok()?;
    let ServerErrorBody { code, message } = parsed.error;
    if !SERVER_CODES.contains(&code.as_str()) {
        return None;
    }
    let billable = class.is_billable();
    Some(match code.as_str() {
        "in_doubt" => CallError::InDoubt,
        c if billable && UPSTREAM_FAILED_AFTER_SENDING.contains(&c) => CallError::InDoubt,
        "upstream_timeout" => CallError::Timeout { provider },
        "upstream_reset" | "upstream_unreadable" | "upstream_error" | "upstream_unreachable" => {
            CallError::ProviderFailed { provider }
        }
        "idempotency_in_flight" => CallError::InFlight,
        "idempotency_key_missing" | "idempotency_key_invalid" => CallError::NoIdempotencyKey,
        "rate_limited" => CallError::RateLimited {
            retry_after: response
                .header("retry-after")
                .and_then(|v| v.trim().parse().ok()),
        },
        "order_token_missing" | "order_token_invalid" => CallError::OrderToken,
        _ => CallError::Refused { code, message },
    })
}

/// A provider's error, as read by its adapter. Errors that say the answer could not be read
/// are the provider failing, not refusing.
pub fn from_provider(provider: ProviderKind, error: ProviderError) -> CallError {
    match error {
        ProviderError::UnexpectedStatus { status } if status >= 500 => {
            CallError::ProviderFailed { provider }
        }
        ProviderError::Body(_)
        | ProviderError::XmlRpc(_)
        | ProviderError::UnexpectedResponse(_) => CallError::ProviderFailed { provider },
        error => CallError::Provider { provider, error },
    }
}

/// A request that got no answer. A billable one may have reached the provider: in doubt,
/// even when the failure was a CORS check (the browser does not say whether the preflight or
/// the answer failed it, and an answer without CORS headers comes after the order was sent).
/// `cors_refused` is set when the route is cross-origin and its server was reachable without
/// CORS, so the browser refused the answer for want of the server's permission.
pub fn network_failure(class: OperationClass, cors_refused: Option<&str>) -> CallError {
    match cors_refused {
        _ if class.is_billable() => CallError::InDoubt,
        Some(base_url) => CallError::CorsRefused {
            base_url: base_url.to_owned(),
        },
        None => CallError::Network,
    }
}
