//! Recognition of forwarded requests: every documented path of the SSL247 API v3 reference with
//! its operation class. Every operation is a `POST`; anything else is refused.

use serde_json::Value;

use super::status::DownloadType;
use crate::http::Method;
use crate::provider::{Operation, OperationClass, ProviderKind, Target};

use OperationClass::{
    AccountWide, Billable, Catalog, Check, Lookup, OrderChange, OrderRead, Quote,
};

/// Every documented operation, literal paths before patterns that would also match them
/// (`/certificate/{id}/renew` before `/certificate/{id}/{type}`). `{id}`,
/// `{original_certificate_id}` and `{order-id}` name the order the call acts on.
#[rustfmt::skip]
const OPERATIONS: &[(&str, OperationClass)] = &[
    ("POST /account", AccountWide),
    ("POST /account/users", AccountWide),
    ("POST /account/deposit", AccountWide),
    ("POST /account/monthly-allowance", AccountWide),
    ("POST /account/users/add", AccountWide),
    ("POST /account/user/{user-id}", AccountWide),
    ("POST /account/user/{user-id}/edit", AccountWide),
    ("POST /account/contact-profile/add", AccountWide),
    ("POST /account/contact-profile/{profile-id}", AccountWide),
    ("POST /account/contact-profile/{profile-id}/edit", AccountWide),
    ("POST /certificates", AccountWide),
    ("POST /certificates/get-approver-email/{product-code}/{common-name}", Lookup),
    ("POST /certificates/check-common-name/{product-code}/{common-name}", Check),
    ("POST /certificates/check-san/{product-code}/{common-name}/{san}", Check),
    ("POST /certificates/{status}", AccountWide),
    ("POST /certificate/{id}", OrderRead),
    ("POST /certificate/{id}/request-health-check", OrderChange),
    ("POST /certificate/{original_certificate_id}/renew", Billable),
    ("POST /certificate/{id}/reissue", OrderChange),
    ("POST /certificate/{id}/cancel", OrderChange),
    ("POST /certificate/{id}/revoke", OrderChange),
    ("POST /certificate/{id}/{type}", OrderRead),
    ("POST /orders/certificates/import", AccountWide),
    ("POST /orders/certificates/{status}", AccountWide),
    ("POST /order/certificate/validate", Quote),
    ("POST /order/certificate/place-order", Billable),
    ("POST /order/certificate/complete", OrderChange),
    ("POST /order/certificate/place-quick-order", Billable),
    ("POST /product-types", Catalog),
    ("POST /products/{product-type}", Catalog),
    ("POST /product/{product-code}", Catalog),
    ("POST /product/{product-code}/requirements", Catalog),
    ("POST /product/{product-code}/addons", Catalog),
    ("POST /product/{product-code}/prices", Catalog),
    ("POST /orders", AccountWide),
    ("POST /orders/invoice/{invoice-id}/{download}", AccountWide),
    ("POST /orders/{order-id}", OrderRead),
    ("POST /generic/get-country-list", Catalog),
    ("POST /generic/get-user-titles", Catalog),
    ("POST /generic/get-us-state-list", Catalog),
    ("POST /generic/get-internal-product-list", Catalog),
    ("POST /generic/get-external-product-list", Catalog),
    ("POST /generic/get-websites-list", Catalog),
];

/// Placeholders that name the order acted on.
const ORDER_PLACEHOLDERS: [&str; 3] = ["{id}", "{original_certificate_id}", "{order-id}"];

/// Matches `path` against one pattern; on a match, the segment bound to an order
/// placeholder, if any.
fn matches<'p>(pattern: &str, path: &'p str) -> Option<Option<&'p str>> {
    let mut target = None;
    let mut want = pattern.split('/');
    let mut have = path.split('/');
    loop {
        match (want.next(), have.next()) {
            (None, None) => return Some(target),
            (Some(w), Some(h)) if w.starts_with('{') => {
                if h.is_empty() {
                    return None;
                }
                if w == "{type}" && h.parse::<DownloadType>().is_err() {
                    return None;
                }
                if ORDER_PLACEHOLDERS.contains(&w) {
                    target = Some(h);
                }
            }
            (Some(w), Some(h)) if w == h => {}
            _ => return None,
        }
    }
}

/// Recognises a request as one documented operation.
pub(crate) fn recognise(method: Method, path: &str, body: &[u8]) -> Option<Operation> {
    if method != Method::Post {
        return None;
    }
    // One trailing slash is tolerated; a query has no meaning in this API.
    let path = path
        .strip_suffix('/')
        .filter(|p| !p.is_empty())
        .unwrap_or(path);
    if path.contains('?') || !path.starts_with('/') {
        return None;
    }
    let (name, class, target) = OPERATIONS.iter().find_map(|&(name, class)| {
        let pattern = name.strip_prefix("POST ")?;
        matches(pattern, path).map(|target| (name, class, target.map(str::to_owned)))
    })?;
    let mut target = target.map(Target::Order);
    // `complete` names its certificate in the body, not the path: it changes that order.
    if name == "POST /order/certificate/complete" {
        let body: Value = serde_json::from_slice(body).ok()?;
        let id = match body.get("certificate_id")? {
            Value::String(s) if !s.is_empty() => s.clone(),
            Value::Number(n) => n.to_string(),
            _ => return None,
        };
        target = Some(Target::Order(id));
    }
    Some(Operation {
        provider: ProviderKind::Ssl247,
        name,
        class,
        target,
    })
}
