//! Credentials injected where each API wants them, replacing the browser's; cookies and
//! hop-by-hop headers dropped both ways; the widget's headers exposed.

use axum::body::Body;

use super::support::*;
use crate::serve::config::Mode;

fn text(body: &[u8]) -> String {
    String::from_utf8_lossy(body).into_owned()
}

// Guards: for all five providers the reseller's credentials reach the upstream in the
// provider's place (header, XML-RPC parameter, JSON fields), the browser's never do, and no
// secret comes back in any answer.
#[tokio::test]
async fn credentials_injected_for_all_five_providers() {
    let fake = Fake::start(json(200, r#"{"ok":true}"#)).await;
    let app = app(&fake);
    let browser = |r: axum::http::request::Builder| {
        r.header("authorization", "Bearer browser-token")
            .header("x-api-key", "browser-key")
            .header("cookie", "session=browser-cookie")
            .header("connection", "keep-alive, x-hop")
            .header("x-hop", "1")
            .header("content-type", "application/json")
    };
    let gj = format!("/api/gjirafa/api/v1/projects/{PROJECT}/certificates");
    let requests = [
        browser(request("GET", "/api/realtimeregister/v2/ssl/products")).body(Body::empty()),
        browser(request("GET", "/api/gandi-v5/v5/certificate/packages")).body(Body::empty()),
        browser(request("POST", "/api/ssl247/product-types")).body(Body::from(
            r#"{"u":"customer@example.com","p":"browser-pw","k":"browser-k"}"#,
        )),
        browser(request("POST", "/api/gandi-v3/xmlrpc/")).body(Body::from(xmlrpc(
            "cert.package.list",
            &param("browser-v3-key"),
        ))),
        browser(request("POST", &gj))
            .header("idempotency-key", "gj-1")
            .body(Body::from(
                r#"{"domainName":"a.example","additionalDomainNames":[],"scopeId":0}"#,
            )),
    ];
    let mut answers = Vec::new();
    for r in requests {
        let (_, headers, body) = send(&app, r.expect("request")).await;
        answers.push(format!("{headers:?}{body}"));
    }
    let got = fake.received();
    assert_eq!(got.len(), 5);
    assert_eq!(
        got[0].header("authorization"),
        Some(format!("ApiKey {}", rtr_key()).as_str())
    );
    assert_eq!(
        got[1].header("authorization"),
        Some("Bearer gandi-v5-secret")
    );
    let ssl: serde_json::Value = serde_json::from_slice(&got[2].body).expect("json");
    assert_eq!(
        (ssl["u"].as_str(), ssl["p"].as_str(), ssl["k"].as_str()),
        (
            Some("api@reseller.example"),
            Some("ssl247-secret-pw"),
            Some("ssl247-secret-key")
        )
    );
    let v3 = text(&got[3].body);
    assert!(
        v3.contains("gandi-v3-secret") && !v3.contains("browser-v3-key"),
        "{v3}"
    );
    assert_eq!(got[4].header("x-api-key"), Some("gjirafa-secret"));
    for (i, r) in got.iter().enumerate() {
        let all = format!("{:?}{}", r.headers, text(&r.body));
        for leaked in [
            "browser-token",
            "browser-key",
            "browser-cookie",
            "browser-pw",
            "browser-k\"",
        ] {
            assert!(!all.contains(leaked), "request {i} carried {leaked}: {all}");
        }
        assert!(
            r.header("cookie").is_none() && r.header("x-hop").is_none(),
            "request {i}"
        );
        assert!(
            r.header("connection").is_none_or(|c| !c.contains("x-hop")),
            "request {i}"
        );
    }
    for answer in answers {
        for secret in SECRETS.iter().chain([&TOKEN_SECRET]) {
            assert!(!answer.contains(secret), "an answer showed {secret}");
        }
    }
}

// Guards: in portal mode the customer's own credentials are relayed as they came.
#[tokio::test]
async fn portal_mode_relays_the_customers_credentials() {
    let fake = Fake::start(json(200, "[]")).await;
    let app = app_with(
        &fake,
        Options {
            mode: Mode::Portal,
            ..Options::default()
        },
    );
    let (status, _, _) = send(
        &app,
        request("GET", "/api/gandi-v5/v5/certificate/issued-certs")
            .header("authorization", "Bearer customer-pat")
            .header("cookie", "a=b")
            .body(Body::empty())
            .expect("request"),
    )
    .await;
    assert_eq!(status, 200);
    let got = fake.received();
    assert_eq!(got[0].header("authorization"), Some("Bearer customer-pat"));
    assert!(got[0].header("cookie").is_none());
}

// Guards: x-process-id and Location come back; Set-Cookie and hop-by-hop headers do not.
#[tokio::test]
async fn response_headers_exposed_and_dropped() {
    let fake = Fake::start(Behaviour::Answer(
        200,
        vec![
            ("content-type".into(), "application/json".into()),
            ("x-process-id".into(), "4242".into()),
            (
                "location".into(),
                "https://upstream.example/v2/processes/4242".into(),
            ),
            ("set-cookie".into(), "upstream=1".into()),
            ("keep-alive".into(), "timeout=5".into()),
            ("x-upstream-secret".into(), "internal".into()),
        ],
        b"{}".to_vec(),
    ))
    .await;
    let app = app(&fake);
    let (status, headers, _) = send(
        &app,
        request("GET", "/api/realtimeregister/v2/ssl/products")
            .body(Body::empty())
            .expect("request"),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(
        headers.get("x-process-id").map(|v| v.as_bytes()),
        Some(&b"4242"[..])
    );
    assert!(headers.get("location").is_some());
    // The provider's content type, once: no default type of the server's beside it.
    let types: Vec<_> = headers.get_all("content-type").iter().collect();
    assert_eq!(types, ["application/json"]);
    for dropped in ["set-cookie", "keep-alive", "x-upstream-secret"] {
        assert!(headers.get(dropped).is_none(), "{dropped} came back");
    }
    assert_eq!(
        headers.get("x-content-type-options").map(|v| v.as_bytes()),
        Some(&b"nosniff"[..])
    );
}
