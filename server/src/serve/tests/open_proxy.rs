//! Open-proxy and SSRF attempts: each refused, none forwarded.

use axum::body::Body;
use axum::http::Version;

use super::support::*;

// Guards: every trick in the path, target, Host, method or body is refused before the
// upstream sees anything, and a foreign Host header never changes where a request goes.
#[tokio::test]
async fn every_attempt_is_refused_and_never_forwarded() {
    let fake = Fake::start(json(200, "{}")).await;
    let app = app(&fake);
    let cases: Vec<(&str, &str, String, u16, &str)> = vec![
        (
            "GET",
            "/api/realtimeregister/https://evil.example/v2/ssl/products",
            String::new(),
            400,
            "bad_path",
        ),
        (
            "GET",
            "/api/realtimeregister//evil.example/v2/ssl/products",
            String::new(),
            400,
            "bad_path",
        ),
        (
            "GET",
            "/api/realtimeregister/v2/ssl/products/../../../admin",
            String::new(),
            400,
            "bad_path",
        ),
        (
            "GET",
            "/api/realtimeregister/v2/ssl/products/%2e%2e/%2e%2e/admin",
            String::new(),
            400,
            "bad_path",
        ),
        (
            "GET",
            "/api/realtimeregister/v2/ssl/products/a%2fb",
            String::new(),
            400,
            "bad_path",
        ),
        (
            "GET",
            "/api/realtimeregister/v2/ssl/dcvemailaddresslist/a%2F..%2Fadmin",
            String::new(),
            400,
            "bad_path",
        ),
        (
            "GET",
            "/api/nosuch/v2/ssl/products",
            String::new(),
            404,
            "unknown_provider",
        ),
        (
            "GET",
            "/api/gandi/v5/certificate/packages",
            String::new(),
            404,
            "unknown_provider",
        ),
        (
            "GET",
            "/api/realtimeregister/v2/domains",
            String::new(),
            404,
            "unknown_operation",
        ),
        (
            "DELETE",
            "/api/realtimeregister/v2/ssl/products",
            String::new(),
            404,
            "unknown_operation",
        ),
        (
            "GET",
            "/api/ssl247/product-types",
            String::new(),
            404,
            "unknown_operation",
        ),
        (
            "TRACE",
            "/api/realtimeregister/v2/ssl/products",
            String::new(),
            405,
            "method_not_allowed",
        ),
        (
            "POST",
            "/api/gandi-v3/xmlrpc/",
            xmlrpc("domain.list", &param("k")),
            404,
            "unknown_operation",
        ),
        (
            "POST",
            "/api/gandi-v3/xmlrpc/",
            xmlrpc("system.listMethods", ""),
            404,
            "unknown_operation",
        ),
        (
            "POST",
            "/api/gandi-v3/xmlrpc/",
            "<methodCall><methodName>cert.list".to_owned(),
            400,
            "malformed_xmlrpc",
        ),
        (
            "POST",
            "/api/gandi-v3/xmlrpc/",
            "not xml".to_owned(),
            400,
            "malformed_xmlrpc",
        ),
        (
            "POST",
            "/api/gandi-v3/other/",
            xmlrpc("cert.package.list", ""),
            404,
            "unknown_operation",
        ),
        (
            "POST",
            "/api/ssl247/product-types",
            " ".repeat(64 * 1024 + 1),
            413,
            "body_too_large",
        ),
    ];
    for (method, uri, body, status, want) in &cases {
        let (got, _, answer) = send(
            &app,
            request(method, uri)
                .body(Body::from(body.clone()))
                .expect("request"),
        )
        .await;
        assert_eq!(
            (got, code(&answer).as_str()),
            (*status, *want),
            "{method} {uri}"
        );
    }
    // An absolute-form target, as sent to a forward proxy.
    let absolute = request(
        "GET",
        "http://evil.example/api/realtimeregister/v2/ssl/products",
    )
    .version(Version::HTTP_11)
    .body(Body::empty())
    .expect("request");
    let (got, _, answer) = send(&app, absolute).await;
    assert_eq!((got, code(&answer).as_str()), (400, "absolute_target"));
    // Two Host headers.
    let two_hosts = request("GET", "/api/realtimeregister/v2/ssl/products")
        .header("host", "a.example")
        .header("host", "evil.example")
        .body(Body::empty())
        .expect("request");
    let (got, _, answer) = send(&app, two_hosts).await;
    assert_eq!((got, code(&answer).as_str()), (400, "bad_host"));
    assert!(
        fake.received().is_empty(),
        "refused requests reached the upstream: {:?}",
        fake.received()
    );

    // A foreign Host (and X-Forwarded-Host) header: the request still goes to the one
    // configured upstream, which sees its own host.
    let foreign = request("GET", "/api/realtimeregister/v2/ssl/products")
        .header("host", "evil.example")
        .header("x-forwarded-host", "evil.example")
        .body(Body::empty())
        .expect("request");
    let (got, _, _) = send(&app, foreign).await;
    assert_eq!(got, 200);
    let received = fake.received();
    assert_eq!(received.len(), 1);
    let host = received[0].header("host").unwrap_or_default();
    assert!(fake.base.ends_with(host), "upstream saw Host {host}");
    assert!(received[0].header("x-forwarded-host").is_none());
}
