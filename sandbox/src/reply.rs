//! Small builders for the simulators' answers.

use certorder::http::{HttpRequest, HttpResponse};
use serde::Serialize;

/// A JSON answer with `status`.
pub(crate) fn json<T: Serialize + ?Sized>(status: u16, value: &T) -> HttpResponse {
    let body = serde_json::to_vec(value).unwrap_or_default();
    HttpResponse::new(status, body).with_header("Content-Type", "application/json")
}

/// A plain-text answer.
pub(crate) fn text(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> HttpResponse {
    HttpResponse::new(status, body).with_header("Content-Type", content_type)
}

/// The value of query parameter `name`, from `query` or written into the path.
pub(crate) fn query(request: &HttpRequest, name: &str) -> Option<String> {
    all_query(request)
        .into_iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v)
}

/// The path split into segments, the query (if written into the path) removed.
pub(crate) fn segments(request: &HttpRequest) -> Vec<&str> {
    let path = request.path.split('?').next().unwrap_or_default();
    path.trim_matches('/')
        .split('/')
        .filter(|s| !s.is_empty())
        .collect()
}

/// Query parameters written into the path (`/a?b=c`) as well as in `query`.
pub(crate) fn all_query(request: &HttpRequest) -> Vec<(String, String)> {
    let mut out = request.query.clone();
    if let Some((_, q)) = request.path.split_once('?') {
        for pair in q.split('&').filter(|p| !p.is_empty()) {
            let (n, v) = pair.split_once('=').unwrap_or((pair, ""));
            out.push((n.to_owned(), v.to_owned()));
        }
    }
    out
}
