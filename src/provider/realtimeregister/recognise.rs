//! Which documented operation a forwarded request is, and its class for the server's policy.

use crate::http::Method;
use crate::provider::{Operation, OperationClass, ProviderKind, Target};

/// Whether the query string asks for a quote (`quote=true`).
fn is_quote(query: &str) -> bool {
    query
        .split('&')
        .any(|pair| pair.eq_ignore_ascii_case("quote=true"))
}

/// Recognises `method path` (path below the base URL, query allowed) as an RTR operation.
/// The body is not needed: every operation is told apart by method and path.
pub(crate) fn recognise(method: Method, path: &str) -> Option<Operation> {
    use Method::{Get, Post};
    use OperationClass::{AccountWide, Billable, Catalog, Lookup, OrderChange, OrderRead, Quote};
    let (path, query) = path.split_once('?').unwrap_or((path, ""));
    let rest = path.strip_prefix("/v2/")?;
    let parts: Vec<&str> = rest.trim_end_matches('/').split('/').collect();
    if parts.iter().any(|p| p.is_empty()) {
        return None;
    }
    let quote = is_quote(query);
    let (name, class, target): (&'static str, _, Option<Target>) = match (method, parts.as_slice())
    {
        (Get, ["ssl", "products"]) => ("GET /v2/ssl/products", Catalog, None),
        (Get, ["ssl", "products", _]) => ("GET /v2/ssl/products/{product}", Catalog, None),
        (Get, ["ssl", "dcvemailaddresslist", _]) => {
            ("GET /v2/ssl/dcvemailaddresslist/{domainName}", Lookup, None)
        }
        (Post, ["ssl", "authkey"]) => ("POST /v2/ssl/authkey", Lookup, None),
        (Post, ["ssl", "decodecsr"]) => ("POST /v2/ssl/decodecsr", Lookup, None),
        (Post, ["ssl", "import"]) => ("POST /v2/ssl/import", AccountWide, None),
        (Post, ["ssl", "certificates"]) if quote => {
            ("POST /v2/ssl/certificates?quote=true", Quote, None)
        }
        (Post, ["ssl", "certificates"]) => ("POST /v2/ssl/certificates", Billable, None),
        (Post, ["customers", _, "certificates"]) if quote => (
            "POST /v2/customers/{customer}/certificates?quote=true",
            Quote,
            None,
        ),
        (Post, ["customers", _, "certificates"]) => {
            ("POST /v2/customers/{customer}/certificates", Billable, None)
        }
        (Get, ["ssl", "certificates"]) => ("GET /v2/ssl/certificates", AccountWide, None),
        (Get, ["ssl", "certificates", id]) => (
            "GET /v2/ssl/certificates/{id}",
            OrderRead,
            Some(Target::Order((*id).to_owned())),
        ),
        (Get, ["ssl", "certificates", id, "download"]) => (
            "GET /v2/ssl/certificates/{id}/download",
            OrderRead,
            Some(Target::Order((*id).to_owned())),
        ),
        (Get, ["processes", id]) => (
            "GET /v2/processes/{id}",
            OrderRead,
            Some(Target::Operation((*id).to_owned())),
        ),
        (Get, ["processes", id, "info"]) => (
            "GET /v2/processes/{id}/info",
            OrderRead,
            Some(Target::Operation((*id).to_owned())),
        ),
        (Post, ["processes", id, "resend"]) => (
            "POST /v2/processes/{id}/resend",
            OrderChange,
            Some(Target::Operation((*id).to_owned())),
        ),
        (Post, ["processes", id, "send-subscriber-agreement"]) => (
            "POST /v2/processes/{id}/send-subscriber-agreement",
            OrderChange,
            Some(Target::Operation((*id).to_owned())),
        ),
        (Post, ["processes", id, "schedule-validation-call"]) => (
            "POST /v2/processes/{id}/schedule-validation-call",
            OrderChange,
            Some(Target::Operation((*id).to_owned())),
        ),
        _ => return None,
    };
    Some(Operation {
        provider: ProviderKind::RealtimeRegister,
        name,
        class,
        target,
    })
}
