//! Billable operations happen once (docs/design.md, security model item 5): each needs an
//! `Idempotency-Key`; a replay gets the stored outcome; a request that left and got no
//! answer is stored as in doubt and never sent again.

use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use certorder::http::HttpRequest;
use certorder::provider::ProviderKind;
use sha2::{Digest, Sha256};

use super::answer::{self, Answer};
use crate::serve::error::ApiError;
use crate::serve::state::AppState;
use crate::serve::store::{Begin, Outcome};

/// The request header.
pub(crate) const HEADER: &str = "idempotency-key";

/// A claimed key: scoped to the provider, with the fingerprint of its request.
pub(crate) struct Held {
    key: String,
    fingerprint: String,
}

/// Where a billable request stands after [`claim`].
pub(crate) enum Claim {
    /// Not billable: nothing to claim.
    NotBillable,
    /// This request holds the key and goes upstream.
    Holds(Held),
    /// Answered from the store.
    Replay(Response),
}

fn in_doubt() -> ApiError {
    ApiError::new(
        StatusCode::GATEWAY_TIMEOUT,
        "in_doubt",
        "the order request was sent but no answer came: it is in doubt. Check the order's status before ordering again; it will not be retried",
    )
}

fn store_down() -> ApiError {
    ApiError::new(
        StatusCode::SERVICE_UNAVAILABLE,
        "store_unavailable",
        "orders cannot be placed right now (the idempotency store is unavailable); nothing was sent",
    )
}

/// A hash of what makes two requests the same: method, path and query, body.
fn fingerprint(request: &HttpRequest) -> String {
    let mut hash = Sha256::new();
    hash.update(request.method.as_str().as_bytes());
    hash.update(b"\0");
    hash.update(request.path_and_query().as_bytes());
    hash.update(b"\0");
    hash.update(request.body.as_deref().unwrap_or_default());
    hash.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// Checks the key and the rate limit, then claims the key.
pub(crate) async fn claim(
    state: &AppState,
    kind: ProviderKind,
    headers: &HeaderMap,
    request: &HttpRequest,
    client: &str,
) -> Result<Claim, ApiError> {
    let key = headers
        .get(HEADER)
        .ok_or_else(|| {
            ApiError::new(
                StatusCode::BAD_REQUEST,
                "idempotency_key_missing",
                "billable operations need an Idempotency-Key header",
            )
        })?
        .to_str()
        .ok()
        .filter(|k| !k.is_empty() && k.len() <= 255 && k.bytes().all(|b| b.is_ascii_graphic()))
        .ok_or_else(|| {
            ApiError::new(
                StatusCode::BAD_REQUEST,
                "idempotency_key_invalid",
                "the Idempotency-Key must be 1 to 255 visible ASCII characters",
            )
        })?;
    match state.store.hit(client).await {
        Ok(Ok(())) => {}
        Ok(Err(limited)) => {
            let mut error = ApiError::new(
                StatusCode::TOO_MANY_REQUESTS,
                "rate_limited",
                "too many orders from this client; try again later",
            );
            error.retry_after = Some(limited.retry_after.as_secs_f64().ceil().max(1.0) as u64);
            return Err(error);
        }
        Err(_) => return Err(store_down()),
    }
    let held = Held {
        key: format!("{}:{key}", kind.slug()),
        fingerprint: fingerprint(request),
    };
    match state.store.begin(&held.key, &held.fingerprint).await {
        Ok(Begin::Started) => Ok(Claim::Holds(held)),
        Ok(Begin::InFlight) => Err(ApiError::new(
            StatusCode::CONFLICT,
            "idempotency_in_flight",
            "a request with this Idempotency-Key is still being carried out",
        )),
        Ok(Begin::Mismatch) => Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "idempotency_key_reused",
            "this Idempotency-Key was used for a different request",
        )),
        Ok(Begin::Done(Outcome::Answered {
            status,
            headers,
            body,
        })) => {
            let mut response = answer::relayed(status, &headers, body);
            response.headers_mut().insert(
                "idempotent-replayed",
                axum::http::HeaderValue::from_static("true"),
            );
            Ok(Claim::Replay(response))
        }
        Ok(Begin::Done(Outcome::InDoubt)) => Err(in_doubt()),
        Err(_) => Err(store_down()),
    }
}

/// Frees a key whose request never left.
pub(crate) async fn abandon(state: &AppState, held: &Held) {
    if state.store.abandon(&held.key).await.is_err() {
        tracing::warn!(target: "certorder::store", "could not free an idempotency key");
    }
}

/// Stores the outcome of the request holding `key` and answers it.
pub(crate) async fn settle(state: &AppState, held: &Held, answer: Answer) -> Response {
    let (outcome, response) = match answer {
        Answer::Relayed {
            status,
            headers,
            body,
        } => {
            let response = answer::relayed(status, &headers, body.clone());
            (
                Outcome::Answered {
                    status,
                    headers,
                    body,
                },
                response,
            )
        }
        Answer::Failed { error, sent: false } => {
            abandon(state, held).await;
            return error.into_response();
        }
        Answer::Failed { sent: true, .. } => (Outcome::InDoubt, in_doubt().into_response()),
    };
    if let Err(e) = state
        .store
        .finish(&held.key, &held.fingerprint, outcome)
        .await
    {
        tracing::warn!(target: "certorder::store", "could not store an outcome: {e}");
    }
    response
}
