//! One log line per request, with the agreed fields and nothing secret.

use std::io::Write;
use std::sync::{Arc, Mutex};

use axum::body::Body;

use super::support::*;

#[derive(Clone, Default)]
struct Capture(Arc<Mutex<Vec<u8>>>);

impl Write for Capture {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().expect("lock").extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

// Guards: each request logs method, provider, operation, class, status and duration as one
// JSON line; no credential, token, token secret, body or CSR appears in the log.
#[tokio::test]
async fn one_line_per_request_and_nothing_secret() {
    let capture = Capture::default();
    let writer = capture.clone();
    let subscriber = tracing_subscriber::fmt()
        .event_format(crate::serve::log::JsonLines)
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let fake = Fake::start(Behaviour::Answer(
        202,
        vec![
            ("content-type".into(), "application/json".into()),
            ("set-cookie".into(), "s=upstream-cookie".into()),
        ],
        br#"{"id":"c-9"}"#.to_vec(),
    ))
    .await;
    let app = app(&fake);
    let csr = "-----BEGIN CERTIFICATE REQUEST-----MIIBcsr-----END CERTIFICATE REQUEST-----";
    let (_, headers, _) = send(
        &app,
        request("POST", "/api/gandi-v5/v5/certificate/issued-certs")
            .header("idempotency-key", "log-key-1")
            .header("authorization", "Bearer browser-token")
            .body(Body::from(format!(r#"{{"package":"p","csr":"{csr}"}}"#)))
            .expect("request"),
    )
    .await;
    let token = headers
        .get("certorder-order-token")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    assert!(!token.is_empty());
    send(
        &app,
        request("GET", "/api/gandi-v5/v5/certificate/issued-certs/c-9")
            .header("certorder-order-token", &token)
            .body(Body::empty())
            .expect("request"),
    )
    .await;
    send(
        &app,
        request("POST", "/api/ssl247/product-types")
            .body(Body::from(r#"{"p":"customer-pw"}"#))
            .expect("request"),
    )
    .await;
    send(
        &app,
        request("GET", "/api/nosuch/x")
            .body(Body::empty())
            .expect("request"),
    )
    .await;

    let text = String::from_utf8(capture.0.lock().expect("lock").clone()).expect("utf-8");
    let lines: Vec<serde_json::Value> = text
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .filter(|v: &serde_json::Value| v["target"] == "certorder::request")
        .collect();
    assert_eq!(lines.len(), 4, "{text}");
    let expect = [
        ("POST", "gandi-v5", "POST /issued-certs", "billable", 202),
        (
            "GET",
            "gandi-v5",
            "GET /issued-certs/{id}",
            "order_read",
            202,
        ),
        ("POST", "ssl247", "POST /product-types", "catalog", 202),
        ("GET", "-", "-", "-", 404),
    ];
    for (line, (method, provider, operation, class, status)) in lines.iter().zip(expect) {
        assert_eq!(line["method"], method, "{line}");
        assert_eq!(line["provider"], provider, "{line}");
        assert_eq!(line["operation"], operation, "{line}");
        assert_eq!(line["class"], class, "{line}");
        assert_eq!(line["status"], status, "{line}");
        assert!(line["duration_ms"].as_f64().is_some(), "{line}");
    }
    let mut forbidden: Vec<&str> = SECRETS.to_vec();
    forbidden.extend([
        TOKEN_SECRET,
        token.as_str(),
        "browser-token",
        "customer-pw",
        "MIIBcsr",
        "log-key-1",
        "upstream-cookie",
        "c-9",
    ]);
    for secret in forbidden {
        assert!(!text.contains(secret), "the log shows {secret}: {text}");
    }
}
