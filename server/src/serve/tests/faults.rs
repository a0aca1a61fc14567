//! Upstream faults, each mapped to its error, with no upstream body in the answer.

use std::time::Duration;

use axum::body::Body;

use super::support::*;

// Guards: slow past the time-out, reset, 500 and a garbage body each give their own error,
// and the upstream's body never reaches the widget.
#[tokio::test]
async fn faults_map_to_structured_errors() {
    let fake = Fake::start(json(200, "{}")).await;
    let app = app_with(
        &fake,
        Options {
            total_timeout: Duration::from_millis(300),
            ..Options::default()
        },
    );
    let cases = [
        (
            Behaviour::Slow(Duration::from_secs(2)),
            504,
            "upstream_timeout",
        ),
        (Behaviour::Reset, 502, "upstream_reset"),
        (
            Behaviour::Answer(
                500,
                vec![("content-type".into(), "text/plain".into())],
                b"upstream-internal-detail".to_vec(),
            ),
            502,
            "upstream_error",
        ),
        (
            Behaviour::Answer(
                200,
                vec![("content-type".into(), "application/json".into())],
                b"<html>upstream-internal-detail".to_vec(),
            ),
            502,
            "upstream_unreadable",
        ),
    ];
    for (behaviour, status, want) in cases {
        fake.set(behaviour.clone());
        let (got, _, body) = send(
            &app,
            request("GET", "/api/realtimeregister/v2/ssl/products")
                .body(Body::empty())
                .expect("request"),
        )
        .await;
        assert_eq!((got, code(&body).as_str()), (status, want), "{behaviour:?}");
        assert!(!body.contains("upstream-internal-detail"), "{body}");
    }
    // A provider's own 4xx error is the adapter's to read: relayed as it is.
    fake.set(json(404, r#"{"type":"ObjectDoesNotExist"}"#));
    let (got, _, body) = send(
        &app,
        request("GET", "/api/realtimeregister/v2/ssl/products/x")
            .body(Body::empty())
            .expect("request"),
    )
    .await;
    assert_eq!(
        (got, body.as_str()),
        (404, r#"{"type":"ObjectDoesNotExist"}"#)
    );
    // Gandi v3: an XML-RPC fault is readable, garbage is not.
    fake.set(Behaviour::Answer(200, vec![("content-type".into(), "text/xml".into())],
        b"<?xml version=\"1.0\"?><methodResponse><fault><value><struct><member><name>faultCode</name><value><int>1</int></value></member><member><name>faultString</name><value><string>no</string></value></member></struct></value></fault></methodResponse>".to_vec()));
    let v3 = || {
        request("POST", "/api/gandi-v3/xmlrpc/")
            .body(Body::from(xmlrpc("cert.package.list", "")))
            .expect("request")
    };
    let (got, _, _) = send(&app, v3()).await;
    assert_eq!(got, 200);
    fake.set(Behaviour::Answer(
        200,
        vec![("content-type".into(), "text/xml".into())],
        b"<methodResponse>".to_vec(),
    ));
    let (got, _, body) = send(&app, v3()).await;
    assert_eq!((got, code(&body).as_str()), (502, "upstream_unreadable"));
}
