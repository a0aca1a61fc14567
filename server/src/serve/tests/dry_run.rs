//! Gandi v5 `Dry-Run: 1`: a check that orders nothing, so it needs no idempotency key and
//! mints no order token; without that exact header the same POST is the billable order.

use axum::body::Body;

use super::support::*;

const BODY: &str = r#"{"package":"cert_std_1_0_0","csr":"x"}"#;

fn create(dry_run: Option<&str>) -> axum::http::Request<Body> {
    let mut r = request("POST", "/api/gandi-v5/v5/certificate/issued-certs")
        .header("content-type", "application/json");
    if let Some(value) = dry_run {
        r = r.header("dry-run", value);
    }
    r.body(Body::from(BODY)).expect("request")
}

// Guards: in reseller mode a dry run passes without an Idempotency-Key and reaches the
// upstream with its header; the same POST without the header, or with a value the document
// does not give (`0`, `true`), is the billable order and is refused 400 before any call.
#[tokio::test]
async fn a_dry_run_is_a_check_and_anything_else_is_the_order() {
    let fake = Fake::start(json(200, r#"{"message":"Dry run: ok"}"#)).await;
    let app = app(&fake);
    let (status, headers, body) = send(&app, create(Some("1"))).await;
    assert_eq!(
        (status, body.as_str()),
        (200, r#"{"message":"Dry run: ok"}"#)
    );
    assert!(headers.get("certorder-order-token").is_none());
    let received = fake.received();
    assert_eq!(received.len(), 1);
    assert_eq!(received[0].method, "POST");
    assert_eq!(received[0].target, "/v5/certificate/issued-certs");
    assert_eq!(received[0].header("dry-run"), Some("1"));
    assert_eq!(received[0].body, BODY.as_bytes());
    for dry_run in [None, Some("0"), Some("true")] {
        let (status, _, body) = send(&app, create(dry_run)).await;
        assert_eq!(
            (status, code(&body).as_str()),
            (400, "idempotency_key_missing"),
            "{dry_run:?}"
        );
    }
    assert_eq!(fake.received().len(), 1);
}
