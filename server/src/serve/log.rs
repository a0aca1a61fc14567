//! One log line per request: method, provider, operation, class, status and duration, and
//! nothing else (docs/design.md, security model item 6): no path, no query, no header, no
//! body, so no credential, CSR or token can reach the log.

mod json;

use std::io::IsTerminal;
use std::time::Instant;

use axum::extract::Request;
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;
use certorder::provider::OperationClass;

use super::proxy::class_name;
pub(crate) use json::JsonLines;

/// What the proxy learnt about a request, attached to its response for the log line.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct RequestLog {
    /// The provider's slug.
    pub(crate) provider: Option<&'static str>,
    /// The documented operation's name.
    pub(crate) operation: Option<&'static str>,
    /// Its class.
    pub(crate) class: Option<OperationClass>,
}

/// The tracing subscriber: JSON lines when standard error is not a terminal, text when it
/// is; `RUST_LOG` filters (default `info`).
pub(crate) fn init() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    // A second initialisation (tests) keeps the first subscriber.
    let _ = if std::io::stderr().is_terminal() {
        builder.try_init()
    } else {
        builder.event_format(JsonLines).try_init()
    };
}

/// The middleware that writes the line once the response is ready, and sets the security
/// headers every response carries (one middleware rather than three layers: each layer
/// costs a service clone and a boxed future per request).
pub(crate) async fn line(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    let log = response
        .extensions()
        .get::<RequestLog>()
        .copied()
        .unwrap_or_default();
    let duration_ms = started.elapsed().as_secs_f64() * 1000.0;
    tracing::info!(
        target: "certorder::request",
        method = %method,
        provider = log.provider.unwrap_or("-"),
        operation = log.operation.unwrap_or("-"),
        class = log.class.map_or("-", class_name),
        status = response.status().as_u16(),
        duration_ms = (duration_ms * 1000.0).round() / 1000.0,
        "request"
    );
    response
}
