//! The sandbox providers in process (docs/design.md, "The embedded default"): a provider with
//! no credentials configured is answered by the `certorder-sandbox` simulator of its API,
//! behind the same proxy route, policy, order tokens and credential injection as a real
//! upstream, so the demo and the tests exercise the production path.
//!
//! The simulators' control calls (mark DCV done, arm a fault) are served at
//! `/sandbox/{provider}/…`, and only for providers in sandbox mode.

use std::sync::Arc;
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use certorder::http::{HttpRequest, Method};
use certorder::provider::ProviderKind;
use certorder_sandbox::{Reply, Sandbox};

use super::error::ApiError;
use super::state::AppState;
use super::upstream::{Upstream, UpstreamError, UpstreamFuture};

/// One provider's simulator, as an [`Upstream`].
pub(crate) struct SandboxUpstream {
    sandbox: Arc<Sandbox>,
    kind: ProviderKind,
    /// How long an armed "hang" fault keeps the proxy waiting: the upstream time-out, so the
    /// widget sees exactly what a provider that stops answering produces.
    hang: Duration,
}

impl SandboxUpstream {
    /// The simulator of `kind`; a hang fault lasts `hang`.
    pub(crate) const fn new(sandbox: Arc<Sandbox>, kind: ProviderKind, hang: Duration) -> Self {
        Self {
            sandbox,
            kind,
            hang,
        }
    }
}

impl Upstream for SandboxUpstream {
    fn send(&self, request: HttpRequest) -> UpstreamFuture<'_> {
        Box::pin(async move {
            match self.sandbox.handle(self.kind, &request) {
                Reply::Respond(response) => Ok(response),
                Reply::Hang => {
                    tokio::time::sleep(self.hang).await;
                    Err(UpstreamError::Timeout { sent: true })
                }
                Reply::Reset => Err(UpstreamError::Broken),
            }
        })
    }
}

/// `POST|DELETE /sandbox/{provider}/{*rest}`: a control call of that provider's simulator.
pub(crate) async fn control(
    State(state): State<Arc<AppState>>,
    Path((provider, rest)): Path<(String, String)>,
    method: axum::http::Method,
    body: Bytes,
) -> Response {
    match answer(&state, &provider, &rest, method.as_str(), &body) {
        Ok(response) => response,
        Err(error) => error.into_response(),
    }
}

fn answer(
    state: &AppState,
    provider: &str,
    rest: &str,
    method: &str,
    body: &[u8],
) -> Result<Response, ApiError> {
    let not_sandbox = || {
        ApiError::new(
            StatusCode::NOT_FOUND,
            "not_sandbox",
            format!("`{provider}` is not a provider in sandbox mode"),
        )
    };
    let kind = provider
        .parse::<ProviderKind>()
        .map_err(|_| not_sandbox())?;
    let sandbox = state
        .providers
        .get(&kind)
        .and_then(|p| p.sandbox.as_ref())
        .ok_or_else(not_sandbox)?;
    let method = method.parse::<Method>().map_err(|_| {
        ApiError::new(
            StatusCode::METHOD_NOT_ALLOWED,
            "method_not_allowed",
            "sandbox control calls are POST or DELETE",
        )
    })?;
    let reply = sandbox.control(kind, method, &format!("/{rest}"), body);
    let status = StatusCode::from_u16(reply.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut response = (status, reply.body).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    Ok(response)
}
