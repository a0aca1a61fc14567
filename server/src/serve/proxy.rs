//! The proxy route `/api/{provider}/{rest}`: only what the provider's adapter recognises
//! and the mode's policy allows is forwarded, to that provider's one upstream, with the
//! reseller's credentials injected (docs/design.md, security model items 1-3, 5-6).

mod answer;
mod exactly_once;
mod request;

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use certorder::provider::{Operation, OperationClass, ProviderKind};

use super::config::Mode;
use super::error::ApiError;
use super::log::RequestLog;
use super::policy::{self, Rule};
use super::providers::{ProviderRoute, Route};
use super::state::AppState;
use super::token;
use exactly_once::Claim;

/// The largest request body forwarded.
pub(crate) const MAX_BODY: usize = 64 * 1024;

/// The handler of `/api/{*rest}`.
pub(crate) async fn handle(State(state): State<Arc<AppState>>, request: Request) -> Response {
    let mut log = RequestLog::default();
    let mut response = match forward(&state, request, &mut log).await {
        Ok(response) => response,
        Err(error) => error.into_response(),
    };
    response.extensions_mut().insert(log);
    response
}

async fn forward(
    state: &AppState,
    request: Request,
    log: &mut RequestLog,
) -> Result<Response, ApiError> {
    let (parts, body) = request.into_parts();
    let (provider, incoming) = request::read(state, &parts, body).await?;
    log.provider = Some(provider.kind.slug());
    let operation = recognise(provider, &incoming)?;
    log.operation = Some(operation.name);
    log.class = Some(operation.class);
    let rule = policy::rule(state.mode, operation.class, operation.target.is_some());
    authorise(state, provider.kind, &operation, rule, &parts.headers)?;
    let Route {
        upstream,
        credentials,
        ..
    } = &provider.route;
    let claim = if operation.class.is_billable() {
        let client = request::client(state, &parts);
        exactly_once::claim(state, provider.kind, &parts.headers, &incoming, &client).await?
    } else {
        Claim::NotBillable
    };
    let key = match claim {
        Claim::Replay(response) => return Ok(response),
        Claim::Holds(key) => Some(key),
        Claim::NotBillable => None,
    };
    let mut outgoing = incoming;
    if let (Mode::Reseller, Some(credentials)) = (state.mode, credentials)
        && let Err(e) = provider.adapter.authenticate(&mut outgoing, credentials)
    {
        if let Some(key) = &key {
            exactly_once::abandon(state, key).await;
        }
        // The adapter's message names a field, never a value.
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "bad_request",
            format!("the request cannot be sent: {e}"),
        ));
    }
    let result = upstream.send(outgoing).await;
    let mint = state.mode == Mode::Reseller
        && (operation.class.is_billable() || rule == Rule::WithOrderToken);
    let answer = answer::from_upstream(state, provider.kind, result, mint);
    Ok(match key {
        Some(key) => exactly_once::settle(state, &key, answer).await,
        None => answer.into_response(),
    })
}

/// The documented operation a request is, or why it is refused.
fn recognise(
    provider: &ProviderRoute,
    incoming: &certorder::http::HttpRequest,
) -> Result<Operation, ApiError> {
    let body = incoming.body.as_deref().unwrap_or_default();
    if provider.kind == ProviderKind::GandiV3 {
        let call = std::str::from_utf8(body)
            .ok()
            .and_then(|text| certorder::provider::xmlrpc::decode_call(text).ok());
        if call.is_none() && incoming.method == certorder::http::Method::Post {
            return Err(ApiError::new(
                StatusCode::BAD_REQUEST,
                "malformed_xmlrpc",
                "the body is not an XML-RPC method call",
            ));
        }
    }
    provider.adapter.recognise(incoming).ok_or_else(|| {
        ApiError::new(
            StatusCode::NOT_FOUND,
            "unknown_operation",
            format!(
                "{} {} is not a documented operation of {} that this server forwards",
                incoming.method,
                incoming.path,
                provider.kind.name()
            ),
        )
    })
}

/// Applies the policy's rule; order-scoped calls need the order's token.
fn authorise(
    state: &AppState,
    kind: ProviderKind,
    operation: &Operation,
    rule: Rule,
    headers: &axum::http::HeaderMap,
) -> Result<(), ApiError> {
    match rule {
        Rule::Allow => Ok(()),
        Rule::Refuse => Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "not_allowed",
            format!(
                "{} ({}) is not allowed in {} mode",
                operation.name,
                class_name(operation.class),
                state.mode.as_str()
            ),
        )),
        Rule::WithOrderToken => {
            let Some(target) = &operation.target else {
                return Err(ApiError::new(
                    StatusCode::FORBIDDEN,
                    "not_allowed",
                    format!(
                        "{} names no order, so it is not allowed in reseller mode",
                        operation.name
                    ),
                ));
            };
            let values: Vec<&str> = headers
                .get_all(token::HEADER)
                .iter()
                .filter_map(|v| v.to_str().ok())
                .collect();
            if values.is_empty() {
                return Err(ApiError::new(
                    StatusCode::UNAUTHORIZED,
                    "order_token_missing",
                    format!(
                        "{} acts on an order: send that order's token in {}",
                        operation.name,
                        token::HEADER
                    ),
                ));
            }
            if state.tokens.verify(kind, target, values) {
                Ok(())
            } else {
                Err(ApiError::new(
                    StatusCode::FORBIDDEN,
                    "order_token_invalid",
                    "the order token does not belong to this order",
                ))
            }
        }
    }
}

/// The class as the policy table and the logs write it (`order_read`).
pub(crate) fn class_name(class: OperationClass) -> &'static str {
    match class {
        OperationClass::Catalog => "catalog",
        OperationClass::Lookup => "lookup",
        OperationClass::Check => "check",
        OperationClass::Quote => "quote",
        OperationClass::Billable => "billable",
        OperationClass::OrderRead => "order_read",
        OperationClass::OrderChange => "order_change",
        OperationClass::AccountWide => "account_wide",
    }
}
