//! Which headers cross the proxy. Both directions are allow-lists, so cookies, hop-by-hop
//! headers (`Connection`, `Transfer-Encoding`, `Upgrade`, …), `Host`, `Origin` and anything
//! unknown are dropped without being named here.

use super::config::Mode;

/// Request headers the widget may send on to the provider.
const REQUEST: [&str; 4] = ["content-type", "accept", "accept-language", "dry-run"];

/// Request headers that carry the customer's own credentials: relayed in portal mode only.
const PORTAL_CREDENTIALS: [&str; 2] = ["authorization", "x-api-key"];

/// Response headers relayed to the widget.
pub(crate) const RESPONSE: [&str; 9] = [
    "content-type",
    "content-disposition",
    "location",
    "x-process-id",
    "total-count",
    "filtered-count",
    "link",
    "retry-after",
    "dry-run",
];

/// Response headers the widget's script may read across origins (CORS).
pub(crate) const EXPOSED: [&str; 8] = [
    "x-process-id",
    "location",
    "certorder-order-token",
    "retry-after",
    "total-count",
    "filtered-count",
    "link",
    "content-disposition",
];

/// Whether a request header goes upstream.
pub(crate) fn forward_request(mode: Mode, name: &str) -> bool {
    REQUEST.iter().any(|h| h.eq_ignore_ascii_case(name))
        || (mode == Mode::Portal
            && PORTAL_CREDENTIALS
                .iter()
                .any(|h| h.eq_ignore_ascii_case(name)))
}

/// Whether an upstream response header comes back to the widget.
pub(crate) fn forward_response(name: &str) -> bool {
    RESPONSE.iter().any(|h| h.eq_ignore_ascii_case(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    // Guards: cookies, hop-by-hop headers and credentials (in reseller mode) never cross.
    #[test]
    fn allow_lists() {
        for name in [
            "cookie",
            "connection",
            "transfer-encoding",
            "host",
            "upgrade",
            "te",
            "proxy-authorization",
            "x-forwarded-for",
            "origin",
            "idempotency-key",
            "certorder-order-token",
        ] {
            assert!(!forward_request(Mode::Reseller, name), "{name}");
            assert!(!forward_request(Mode::Portal, name), "{name}");
        }
        assert!(!forward_request(Mode::Reseller, "Authorization"));
        assert!(forward_request(Mode::Portal, "Authorization"));
        assert!(forward_request(Mode::Reseller, "Content-Type"));
        for name in [
            "set-cookie",
            "connection",
            "keep-alive",
            "server",
            "www-authenticate",
        ] {
            assert!(!forward_response(name), "{name}");
        }
        assert!(forward_response("X-Process-Id"));
    }
}
