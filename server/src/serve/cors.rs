//! Cross-origin calls: only from the configured origins. The preflight is answered here and
//! never forwarded; a request from any other site is refused before it is looked at.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use tower_http::cors::{AllowOrigin, CorsLayer};

use super::error::ApiError;
use super::headers::EXPOSED;
use super::state::AppState;

/// Headers the widget may send across origins.
const ALLOWED_HEADERS: [&str; 7] = [
    "content-type",
    "accept",
    "idempotency-key",
    "certorder-order-token",
    "dry-run",
    "authorization",
    "x-api-key",
];

/// The CORS layer for the configured origins.
pub(crate) fn layer(origins: &[String]) -> CorsLayer {
    let origins: Vec<HeaderValue> = origins
        .iter()
        .filter_map(|o| HeaderValue::from_str(o).ok())
        .collect();
    CorsLayer::new()
        .allow_origin(AllowOrigin::list(origins))
        .allow_methods([
            Method::GET,
            Method::POST,
            Method::PUT,
            Method::PATCH,
            Method::DELETE,
        ])
        .allow_headers(ALLOWED_HEADERS.map(HeaderName::from_static))
        .expose_headers(EXPOSED.map(HeaderName::from_static))
        .max_age(std::time::Duration::from_secs(600))
}

/// Whether the `Origin` is the server's own (same scheme-less authority as `Host`).
fn same_origin(origin: &str, host: Option<&str>) -> bool {
    let authority = origin
        .strip_prefix("https://")
        .or_else(|| origin.strip_prefix("http://"));
    matches!((authority, host), (Some(a), Some(h)) if a.eq_ignore_ascii_case(h))
}

/// Refuses a request whose `Origin` is neither the server's own nor a configured one.
/// Runs outside the CORS layer, so a preflight from an unknown origin is refused too.
pub(crate) async fn guard(
    State(state): State<Arc<AppState>>,
    request: Request,
    next: Next,
) -> Response {
    if let Some(origin) = request
        .headers()
        .get(header::ORIGIN)
        .map(|o| o.to_str().unwrap_or_default().to_owned())
    {
        let host = request
            .headers()
            .get(header::HOST)
            .and_then(|h| h.to_str().ok());
        let allowed = state.allowed_origins.contains(&origin) || same_origin(&origin, host);
        if !allowed {
            return ApiError::new(
                StatusCode::FORBIDDEN,
                "origin_not_allowed",
                "this site is not allowed to call the API",
            )
            .into_response();
        }
    }
    next.run(request).await
}
