//! Routing, the policy per mode and class, CORS and limits.

use axum::body::Body;

use super::support::*;
use crate::serve::config::Mode;

// Guards: /healthz answers; a catalog call of each provider reaches the upstream below its
// base URL, and its answer comes back.
#[tokio::test]
async fn catalog_calls_reach_each_upstream() {
    let fake = Fake::start(json(200, r#"{"ok":true}"#)).await;
    let app = app(&fake);
    let (status, _, body) = send(
        &app,
        request("GET", "/healthz")
            .body(Body::empty())
            .expect("request"),
    )
    .await;
    assert_eq!((status, body.as_str()), (200, r#"{"status":"ok"}"#));
    let calls = [
        (
            "GET",
            "/api/realtimeregister/v2/ssl/products",
            String::new(),
            "/v2/ssl/products",
        ),
        (
            "GET",
            "/api/gandi-v5/v5/certificate/packages",
            String::new(),
            "/v5/certificate/packages",
        ),
        (
            "POST",
            "/api/ssl247/product-types",
            "{}".to_owned(),
            "/api/v3/product-types",
        ),
        (
            "POST",
            "/api/gandi-v3/xmlrpc/",
            xmlrpc("cert.package.list", ""),
            "/xmlrpc/",
        ),
    ];
    for (i, (method, uri, body, upstream_target)) in calls.into_iter().enumerate() {
        if fake.received().len() != i {
            panic!("unexpected upstream calls before {uri}");
        }
        let (status, _, answer) = send(
            &app,
            request(method, uri)
                .body(Body::from(body))
                .expect("request"),
        )
        .await;
        if uri.contains("gandi-v3") {
            // Not XML-RPC: the fake's JSON is unreadable for Gandi v3.
            assert_eq!(
                (status, code(&answer).as_str()),
                (502, "upstream_unreadable"),
                "{uri}"
            );
        } else {
            assert_eq!((status, answer.as_str()), (200, r#"{"ok":true}"#), "{uri}");
        }
        let received = fake.received();
        assert_eq!(received.len(), i + 1, "{uri}");
        assert_eq!(received[i].target, upstream_target, "{uri}");
        assert_eq!(received[i].method, method, "{uri}");
    }
}

// Guards: the policy per mode: account-wide calls refused in reseller mode, relayed in
// portal mode; order reads need a token in reseller mode only.
#[tokio::test]
async fn policy_per_mode_and_class() {
    let fake = Fake::start(json(200, "[]")).await;
    let reseller = app(&fake);
    let portal = app_with(
        &fake,
        Options {
            mode: Mode::Portal,
            ..Options::default()
        },
    );
    let cases = [
        (
            "GET",
            "/api/gandi-v5/v5/certificate/issued-certs",
            403,
            "not_allowed",
            200,
        ),
        (
            "GET",
            "/api/realtimeregister/v2/ssl/certificates",
            403,
            "not_allowed",
            200,
        ),
        ("POST", "/api/ssl247/account", 403, "not_allowed", 200),
        (
            "GET",
            "/api/realtimeregister/v2/ssl/certificates/7",
            401,
            "order_token_missing",
            200,
        ),
        (
            "GET",
            "/api/realtimeregister/v2/processes/7/info",
            401,
            "order_token_missing",
            200,
        ),
        (
            "GET",
            "/api/realtimeregister/v2/ssl/dcvemailaddresslist/a.example",
            200,
            "",
            200,
        ),
        (
            "POST",
            "/api/realtimeregister/v2/ssl/certificates?quote=true",
            200,
            "",
            200,
        ),
    ];
    for (method, uri, status, want, portal_status) in cases {
        let body = if method == "POST" { "{}" } else { "" };
        let (got, _, answer) = send(
            &reseller,
            request(method, uri)
                .body(Body::from(body))
                .expect("request"),
        )
        .await;
        assert_eq!(
            (got, code(&answer).as_str()),
            (status, want),
            "reseller {method} {uri}"
        );
        let (got, _, _) = send(
            &portal,
            request(method, uri)
                .body(Body::from(body))
                .expect("request"),
        )
        .await;
        assert_eq!(got, portal_status, "portal {method} {uri}");
    }
    let forwarded = fake.received().len();
    assert_eq!(forwarded, 2 + cases.len(), "refused calls were forwarded");
}

// Guards: a provider without credentials answers sandbox_unavailable, never forwarding.
#[tokio::test]
async fn sandbox_mode_without_sandbox_is_a_clear_error() {
    let config = crate::serve::config::Config::load(None, &|_: &str| None, &Default::default())
        .expect("defaults");
    let state = crate::serve::state(&config).await.expect("state");
    let app = crate::serve::router(std::sync::Arc::new(state), None);
    let (status, _, body) = send(
        &app,
        request("GET", "/api/gandi-v5/v5/certificate/packages")
            .body(Body::empty())
            .expect("request"),
    )
    .await;
    assert_eq!((status, code(&body).as_str()), (503, "sandbox_unavailable"));
}

// Guards: CORS preflight for a configured origin is answered here (never forwarded) with
// the exposed headers; another origin is refused, preflight or not.
#[tokio::test]
async fn cors_only_for_configured_origins() {
    let fake = Fake::start(json(200, "{}")).await;
    let app = app(&fake);
    let preflight = |origin: &str| {
        request("OPTIONS", "/api/realtimeregister/v2/ssl/products")
            .header("origin", origin)
            .header("access-control-request-method", "POST")
            .header(
                "access-control-request-headers",
                "idempotency-key, content-type",
            )
            .body(Body::empty())
            .expect("request")
    };
    let (status, headers, _) = send(&app, preflight("https://shop.example")).await;
    assert_eq!(status, 200);
    assert_eq!(
        headers
            .get("access-control-allow-origin")
            .map(|v| v.as_bytes()),
        Some(&b"https://shop.example"[..])
    );
    let allowed = headers
        .get("access-control-allow-headers")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    assert!(allowed.contains("idempotency-key"), "{allowed}");
    let (status, _, body) = send(&app, preflight("https://evil.example")).await;
    assert_eq!((status, code(&body).as_str()), (403, "origin_not_allowed"));
    let (status, headers, _) = send(
        &app,
        request("GET", "/api/realtimeregister/v2/ssl/products")
            .header("origin", "https://shop.example")
            .body(Body::empty())
            .expect("request"),
    )
    .await;
    assert_eq!(status, 200);
    let exposed = headers
        .get("access-control-expose-headers")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    assert!(
        exposed.contains("x-process-id")
            && exposed.contains("location")
            && exposed.contains("certorder-order-token"),
        "{exposed}"
    );
    let (status, _, body) = send(
        &app,
        request("GET", "/api/realtimeregister/v2/ssl/products")
            .header("origin", "https://evil.example")
            .body(Body::empty())
            .expect("request"),
    )
    .await;
    assert_eq!((status, code(&body).as_str()), (403, "origin_not_allowed"));
    // Same origin as the Host: allowed without configuration.
    let (status, _, _) = send(
        &app,
        request("GET", "/api/realtimeregister/v2/ssl/products")
            .header("origin", "http://127.0.0.1:8787")
            .header("host", "127.0.0.1:8787")
            .body(Body::empty())
            .expect("request"),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(
        fake.received().len(),
        2,
        "only the two allowed GETs are forwarded"
    );
}

// Guards: a body over 64 KiB is refused, declared or streamed, and never forwarded.
#[tokio::test]
async fn oversize_bodies_are_refused() {
    let fake = Fake::start(json(200, "{}")).await;
    let app = app(&fake);
    let big = vec![b' '; 64 * 1024 + 1];
    let (status, _, body) = send(
        &app,
        request("POST", "/api/ssl247/product-types")
            .body(Body::from(big.clone()))
            .expect("request"),
    )
    .await;
    assert_eq!((status, code(&body).as_str()), (413, "body_too_large"));
    let stream = futures::stream::iter(vec![Ok::<_, std::io::Error>(bytes::Bytes::from(big))]);
    let (status, _, body) = send(
        &app,
        request("POST", "/api/ssl247/product-types")
            .body(Body::from_stream(stream))
            .expect("request"),
    )
    .await;
    assert_eq!((status, code(&body).as_str()), (413, "body_too_large"));
    assert!(fake.received().is_empty());
}
