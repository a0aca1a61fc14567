//! The set-up every simulator test repeats: a sandbox with the default settings, names as a
//! draft holds them, JSON bodies both ways.

// Each test file uses the part of these helpers it needs.
#![allow(dead_code)]

use certorder::domain::DomainName;
use certorder::http::{HttpRequest, HttpResponse, Method};
use certorder::provider::Provider;
use certorder_sandbox::{Sandbox, SandboxSettings};
use serde_json::Value;

/// A sandbox with the default settings.
pub(crate) fn sandbox() -> Sandbox {
    Sandbox::new(SandboxSettings::default()).expect("a sandbox with the default settings")
}

/// A name as a draft holds it.
pub(crate) fn dn(name: &str) -> DomainName {
    DomainName::parse(name).expect("a valid name")
}

/// A response body read as JSON.
pub(crate) fn body_json(r: &HttpResponse) -> Value {
    serde_json::from_slice(&r.body).expect("a JSON body")
}

/// A JSON `POST` to `path`, authenticated by `provider` and answered by the sandbox.
pub(crate) fn post_json(
    sandbox: &Sandbox,
    provider: &dyn Provider,
    path: &str,
    body: &Value,
) -> HttpResponse {
    let request = HttpRequest::new(Method::Post, path)
        .with_json(body)
        .expect("a JSON body");
    super::drive::respond(sandbox, provider, request)
}
