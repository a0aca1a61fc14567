//! Reading the browser's request: provider, checked path and query, allowed headers, and a
//! body of at most [`MAX_BODY`] bytes.

use axum::body::Body;
use axum::http::request::Parts;
use axum::http::{StatusCode, Version, header};
use certorder::http::{HttpRequest, Method};
use certorder::provider::ProviderKind;

use super::MAX_BODY;
use crate::serve::error::ApiError;
use crate::serve::headers;
use crate::serve::path;
use crate::serve::providers::ProviderRoute;
use crate::serve::state::AppState;

fn bad(code: &'static str, message: impl Into<String>) -> ApiError {
    ApiError::new(StatusCode::BAD_REQUEST, code, message)
}

/// The provider and the request as the adapter sees it (path below the base URL).
pub(crate) async fn read<'s>(
    state: &'s AppState,
    parts: &Parts,
    body: Body,
) -> Result<(&'s ProviderRoute, HttpRequest), ApiError> {
    // An absolute-form target (`GET http://other.example/ HTTP/1.1`) is how a client asks a
    // forward proxy for another host; this server is not one. (HTTP/2 always carries an
    // authority, which routing ignores.)
    if parts.version <= Version::HTTP_11 && parts.uri.authority().is_some() {
        return Err(bad(
            "absolute_target",
            "absolute-form request targets are not accepted",
        ));
    }
    if parts.headers.get_all(header::HOST).iter().count() > 1 {
        return Err(bad("bad_host", "more than one Host header"));
    }
    let raw = parts.uri.path();
    let rest = raw.strip_prefix("/api/").unwrap_or_default();
    let (slug, below) = match rest.find('/') {
        Some(i) => (
            rest.get(..i).unwrap_or_default(),
            rest.get(i..).unwrap_or_default(),
        ),
        None => (rest, ""),
    };
    let kind = slug.parse::<ProviderKind>().ok();
    if let Some(kind) = kind.filter(|k| state.direct.contains(k)) {
        return Err(ApiError::new(
            StatusCode::NOT_FOUND,
            "unknown_provider",
            format!(
                "{} is reached on its direct route, not through this server",
                kind.name()
            ),
        ));
    }
    let provider = kind
        .and_then(|kind| state.providers.get(&kind))
        .ok_or_else(|| {
            ApiError::new(
                StatusCode::NOT_FOUND,
                "unknown_provider",
                "no such provider (known: gandi-v3, gandi-v5, realtimeregister, ssl247, gjirafa)",
            )
        })?;
    let target = path::check(below, parts.uri.query())
        .map_err(|e| bad("bad_path", format!("refused path: {e}")))?;
    let method: Method = parts.method.as_str().parse().map_err(|_| {
        ApiError::new(
            StatusCode::METHOD_NOT_ALLOWED,
            "method_not_allowed",
            "the provider APIs use GET, POST, PUT, PATCH and DELETE only",
        )
    })?;
    let declared = parts
        .headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    let too_large = || {
        ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "body_too_large",
            format!("request bodies are limited to {} KiB", MAX_BODY / 1024),
        )
    };
    if declared.is_some_and(|n| n > MAX_BODY as u64) {
        return Err(too_large());
    }
    let bytes = axum::body::to_bytes(body, MAX_BODY)
        .await
        .map_err(|_| too_large())?;
    let mut request = HttpRequest::new(method, target.path);
    request.query = target.query;
    for (name, value) in &parts.headers {
        if headers::forward_request(state.mode, name.as_str())
            && let Ok(value) = value.to_str()
        {
            request
                .headers
                .push((name.as_str().to_owned(), value.to_owned()));
        }
    }
    if !bytes.is_empty() {
        request.body = Some(bytes.to_vec());
    }
    Ok((provider, request))
}

/// Who the client is, for the rate limit: the trusted load balancer's header when one is
/// configured (its last entry, the one the balancer itself added), else the peer address.
pub(crate) fn client(state: &AppState, parts: &Parts) -> String {
    if let Some(name) = &state.client_ip_header
        && let Some(value) = parts.headers.get_all(name).iter().next_back()
        && let Ok(text) = value.to_str()
        && let Some(last) = text
            .rsplit(',')
            .next()
            .map(str::trim)
            .filter(|s| !s.is_empty())
    {
        return last.to_owned();
    }
    parts
        .extensions
        .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        .map(|c| c.0.ip().to_string())
        .unwrap_or_else(|| "unknown".to_owned())
}
