//! The widget's answer from the upstream's: relayed headers and body, or a structured error
//! for every fault, with no upstream body or credential in it.

use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use certorder::http::HttpResponse;
use certorder::provider::ProviderKind;
use certorder::provider::xmlrpc;

use crate::serve::error::ApiError;
use crate::serve::headers;
use crate::serve::state::AppState;
use crate::serve::token;
use crate::serve::upstream::UpstreamError;

/// What the upstream exchange gave.
#[derive(Debug)]
pub(crate) enum Answer {
    /// A readable answer to relay: status, headers (order tokens added), body.
    Relayed {
        /// The status.
        status: u16,
        /// The headers for the widget.
        headers: Vec<(String, String)>,
        /// The body.
        body: Vec<u8>,
    },
    /// A fault. `sent` says whether the request may have reached the provider.
    Failed {
        /// The error for the widget.
        error: ApiError,
        /// Whether the provider may have acted on it.
        sent: bool,
    },
}

impl IntoResponse for Answer {
    fn into_response(self) -> Response {
        match self {
            Self::Relayed {
                status,
                headers,
                body,
            } => relayed(status, &headers, body),
            Self::Failed { error, .. } => error.into_response(),
        }
    }
}

/// A relayed answer as a response (also used for replays).
pub(crate) fn relayed(status: u16, headers: &[(String, String)], body: Vec<u8>) -> Response {
    // `Response::new`, not `(status, body).into_response()`: the latter adds its own
    // `content-type: application/octet-stream` beside the provider's.
    let mut response = Response::new(axum::body::Body::from(body));
    *response.status_mut() = StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_GATEWAY);
    let map = response.headers_mut();
    for (name, value) in headers {
        if let (Ok(name), Ok(value)) = (
            HeaderName::from_bytes(name.as_bytes()),
            HeaderValue::from_str(value),
        ) {
            map.append(name, value);
        }
    }
    map.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

fn failed(status: StatusCode, code: &'static str, message: String, sent: bool) -> Answer {
    Answer::Failed {
        error: ApiError::new(status, code, message),
        sent,
    }
}

/// Whether the adapter can read a successful body: XML-RPC for Gandi v3 (a fault is
/// readable), JSON where the answer says JSON or says nothing; other types (a certificate
/// file, a zip) are relayed as they are.
fn readable(kind: ProviderKind, response: &HttpResponse) -> bool {
    if response.body.iter().all(u8::is_ascii_whitespace) {
        return true;
    }
    if kind == ProviderKind::GandiV3 {
        return matches!(
            response.text().map(xmlrpc::decode_response),
            Ok(Ok(_) | Err(xmlrpc::Error::Fault(_)))
        );
    }
    let content_type = response
        .header("content-type")
        .unwrap_or_default()
        .to_ascii_lowercase();
    if content_type.is_empty() || content_type.contains("json") {
        serde_json::from_slice::<serde::de::IgnoredAny>(&response.body).is_ok()
    } else {
        true
    }
}

/// Maps an upstream result. With `mint`, a successful answer gets an order token for every
/// order or operation id it names.
pub(crate) fn from_upstream(
    state: &AppState,
    kind: ProviderKind,
    result: Result<HttpResponse, UpstreamError>,
    mint: bool,
) -> Answer {
    let name = kind.name();
    let response = match result {
        Ok(response) => response,
        Err(UpstreamError::Connect) => {
            return failed(
                StatusCode::BAD_GATEWAY,
                "upstream_unreachable",
                format!("{name} could not be reached; nothing was sent"),
                false,
            );
        }
        Err(UpstreamError::Timeout { sent }) => {
            return failed(
                StatusCode::GATEWAY_TIMEOUT,
                "upstream_timeout",
                format!("{name} did not answer in time"),
                sent,
            );
        }
        Err(UpstreamError::Broken) => {
            return failed(
                StatusCode::BAD_GATEWAY,
                "upstream_reset",
                format!("the connection to {name} broke before its answer"),
                true,
            );
        }
        Err(UpstreamError::Unreadable) => {
            return failed(
                StatusCode::BAD_GATEWAY,
                "upstream_unreadable",
                format!("{name}'s answer could not be read"),
                true,
            );
        }
    };
    if response.status >= 500 {
        return failed(
            StatusCode::BAD_GATEWAY,
            "upstream_error",
            format!("{name} failed (status {})", response.status),
            true,
        );
    }
    if !readable(kind, &response) {
        return failed(
            StatusCode::BAD_GATEWAY,
            "upstream_unreadable",
            format!("{name}'s answer could not be read"),
            true,
        );
    }
    let mut relayed_headers: Vec<(String, String)> = response
        .headers
        .iter()
        .filter(|(n, _)| headers::forward_response(n))
        .map(|(n, v)| (n.to_ascii_lowercase(), v.clone()))
        .collect();
    if mint && response.is_success() {
        for target in certorder::provider::named_targets(kind, &response) {
            relayed_headers.push((token::HEADER.to_owned(), state.tokens.mint(kind, &target)));
        }
    }
    Answer::Relayed {
        status: response.status,
        headers: relayed_headers,
        body: response.body,
    }
}
