//! Drives an adapter against the sandbox in-process: each request is authenticated with the
//! sandbox credentials by the adapter itself, then answered by `Sandbox::handle`.

// Each test file uses the part of these helpers it needs.
#![allow(dead_code)]

use certorder::http::{HttpRequest, HttpResponse, Method};
use certorder::provider::flow::{self, Flow, RunError};
use certorder::provider::{OperationClass, Provider};
use certorder_sandbox::{Reply, Sandbox};
use serde_json::Value;

/// Sends one request the way the server's proxy does (credentials injected by the adapter).
pub(crate) fn send(sandbox: &Sandbox, provider: &dyn Provider, mut request: HttpRequest) -> Reply {
    let credentials = sandbox.credentials(provider.kind());
    provider
        .authenticate(&mut request, &credentials)
        .expect("authenticate");
    sandbox.handle(provider.kind(), &request)
}

/// The response of a request that must be answered.
pub(crate) fn respond(
    sandbox: &Sandbox,
    provider: &dyn Provider,
    request: HttpRequest,
) -> HttpResponse {
    match send(sandbox, provider, request) {
        Reply::Respond(r) => r,
        other => panic!("expected a response, got {other:?}"),
    }
}

/// Runs a flow; `log` gets every (operation class, status) exchanged.
pub(crate) fn run<T>(
    sandbox: &Sandbox,
    provider: &dyn Provider,
    flow: Flow<T>,
    log: &mut Vec<(OperationClass, u16)>,
) -> Result<T, RunError<String>> {
    flow::run_sync(flow, |request, class| {
        match send(sandbox, provider, request) {
            Reply::Respond(r) => {
                log.push((class, r.status));
                Ok(r)
            }
            other => Err(format!("{other:?}")),
        }
    })
}

/// Runs a flow that must succeed.
pub(crate) fn ok<T>(sandbox: &Sandbox, provider: &dyn Provider, flow: Flow<T>) -> T {
    let mut log = Vec::new();
    match run(sandbox, provider, flow, &mut log) {
        Ok(out) => out,
        Err(e) => panic!("flow failed: {e} after {log:?}"),
    }
}

/// A control call that must succeed.
pub(crate) fn control(
    sandbox: &Sandbox,
    provider: &dyn Provider,
    method: Method,
    path: &str,
    body: &str,
) -> Value {
    let r = sandbox.control(provider.kind(), method, path, body.as_bytes());
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    serde_json::from_slice(&r.body).expect("control answers JSON")
}

/// Marks order `id`'s DCV done through the control endpoint, as the customer's DNS record or
/// file would be found.
pub(crate) fn complete_dcv(
    sandbox: &Sandbox,
    provider: &dyn Provider,
    id: impl std::fmt::Display,
) -> Value {
    control(
        sandbox,
        provider,
        Method::Post,
        &format!("/orders/{id}/complete-dcv"),
        "",
    )
}

/// The JSON type of a value, for shape comparisons.
fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "bool",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// Asserts that `actual` has every field of `expected` (a document's example), with the same
/// JSON type, recursively; arrays are compared element by element against the example's first
/// element. `skip` names fields the example has that the simulated case does not (by path).
pub(crate) fn same_shape(expected: &Value, actual: &Value, path: &str, skip: &[&str]) {
    if skip.contains(&path) {
        return;
    }
    assert_eq!(kind(expected), kind(actual), "type of {path}: {actual}");
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (key, ev) in e {
                let sub = format!("{path}.{key}");
                if skip.contains(&sub.as_str()) {
                    continue;
                }
                let av = a
                    .get(key)
                    .unwrap_or_else(|| panic!("{sub} missing in {actual}"));
                same_shape(ev, av, &sub, skip);
            }
        }
        (Value::Array(e), Value::Array(a)) => {
            if let Some(first) = e.first() {
                for (i, av) in a.iter().enumerate() {
                    same_shape(first, av, &format!("{path}[]"), skip);
                    let _ = i;
                }
            }
        }
        _ => {}
    }
}

/// Whether an order status still waits for something (pending or processing).
pub(crate) trait Open {
    /// Pending or processing.
    fn is_open(&self) -> bool;
}

impl Open for certorder::order::OrderStatus {
    fn is_open(&self) -> bool {
        matches!(self, Self::Pending | Self::Processing)
    }
}

/// The draft with the provider's quote for it accepted, as the customer accepts the price
/// shown before ordering.
pub(crate) fn accepted(
    sandbox: &Sandbox,
    provider: &dyn Provider,
    mut draft: certorder::order::OrderDraft,
) -> certorder::order::OrderDraft {
    let quote = ok(sandbox, provider, provider.quote(&draft).expect("quote"));
    draft.accepted_quote = Some(quote);
    draft
}

/// Places the order of `draft` at the price the provider quotes for it, as the customer
/// accepts it; the order must be placed.
pub(crate) fn place(
    sandbox: &Sandbox,
    provider: &dyn Provider,
    draft: certorder::order::OrderDraft,
) -> certorder::order::OrderState {
    let draft = accepted(sandbox, provider, draft);
    ok(
        sandbox,
        provider,
        provider.create_order(&draft).expect("create"),
    )
}

/// A realistic catalog: at least one DV, OV and EV product, and at least one single-name,
/// multi-name and wildcard product.
pub(crate) fn every_level_and_kind(products: &[certorder::product::Product]) {
    use certorder::product::{ProductKind, ValidationLevel};
    for level in [
        ValidationLevel::Dv,
        ValidationLevel::Ov,
        ValidationLevel::Ev,
    ] {
        assert!(products.iter().any(|p| p.validation == level), "{level:?}");
    }
    for kind in [
        ProductKind::Single,
        ProductKind::Multi,
        ProductKind::Wildcard,
    ] {
        assert!(products.iter().any(|p| p.kind == kind), "{kind:?}");
    }
}
