//! Order tokens: given on creation, required for order-scoped calls in reseller mode.

use axum::body::Body;

use super::support::*;

fn token_values(headers: &axum::http::HeaderMap) -> Vec<String> {
    headers
        .get_all("certorder-order-token")
        .iter()
        .filter_map(|v| v.to_str().ok().map(str::to_owned))
        .collect()
}

// Guards: creation returns a token for the process; with it the order is readable; without
// it, with another order's, another provider's or a tampered token it is not, and nothing
// unauthorised is forwarded.
#[tokio::test]
async fn tokens_missing_wrong_order_wrong_provider_tampered() {
    let fake = Fake::start(Behaviour::Answer(
        201,
        vec![
            ("content-type".into(), "application/json".into()),
            ("x-process-id".into(), "9001".into()),
        ],
        br#"{"commonName":"a.example"}"#.to_vec(),
    ))
    .await;
    let app = app(&fake);
    let (status, headers, _) = send(
        &app,
        request("POST", "/api/realtimeregister/v2/ssl/certificates")
            .header("idempotency-key", "order-1")
            .header("content-type", "application/json")
            .body(Body::from(
                r#"{"product":"p","period":12,"csr":"x","approver":{}}"#,
            ))
            .expect("request"),
    )
    .await;
    assert_eq!(status, 201);
    let tokens = token_values(&headers);
    assert_eq!(tokens.len(), 1, "{headers:?}");
    let token = tokens[0].clone();
    let forwarded = fake.received().len();

    let read = |uri: &str, token: Option<&str>| {
        let mut r = request("GET", uri);
        if let Some(t) = token {
            r = r.header("certorder-order-token", t);
        }
        r.body(Body::empty()).expect("request")
    };
    let (status, _, body) = send(
        &app,
        read("/api/realtimeregister/v2/processes/9001/info", None),
    )
    .await;
    assert_eq!((status, code(&body).as_str()), (401, "order_token_missing"));
    let (status, _, body) = send(
        &app,
        read("/api/realtimeregister/v2/processes/9002/info", Some(&token)),
    )
    .await;
    assert_eq!(
        (status, code(&body).as_str()),
        (403, "order_token_invalid"),
        "another order"
    );
    let (status, _, body) = send(
        &app,
        read(
            "/api/gandi-v5/v5/certificate/issued-certs/9001",
            Some(&token),
        ),
    )
    .await;
    assert_eq!(
        (status, code(&body).as_str()),
        (403, "order_token_invalid"),
        "another provider"
    );
    let (status, _, body) = send(
        &app,
        read(
            "/api/realtimeregister/v2/ssl/certificates/9001",
            Some(&token),
        ),
    )
    .await;
    assert_eq!(
        (status, code(&body).as_str()),
        (403, "order_token_invalid"),
        "process 9001 is not certificate 9001"
    );
    let mut tampered = token.clone().into_bytes();
    tampered[5] = if tampered[5] == b'x' { b'y' } else { b'x' };
    let tampered = String::from_utf8(tampered).expect("ascii");
    let (status, _, body) = send(
        &app,
        read(
            "/api/realtimeregister/v2/processes/9001/info",
            Some(&tampered),
        ),
    )
    .await;
    assert_eq!(
        (status, code(&body).as_str()),
        (403, "order_token_invalid"),
        "tampered"
    );
    assert_eq!(
        fake.received().len(),
        forwarded,
        "an unauthorised read was forwarded"
    );

    fake.set(json(200, r#"{"certificateId":555}"#));
    let (status, headers, _) = send(
        &app,
        read("/api/realtimeregister/v2/processes/9001/info", Some(&token)),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(fake.received().len(), forwarded + 1);
    // The process now names its certificate: a token for it comes with the answer.
    let linked = token_values(&headers);
    assert_eq!(linked.len(), 1);
    let (status, _, _) = send(
        &app,
        read(
            "/api/realtimeregister/v2/ssl/certificates/555",
            Some(&linked[0]),
        ),
    )
    .await;
    assert_eq!(status, 200);
    // Account-wide calls stay refused whatever token comes with them.
    let (status, _, body) = send(
        &app,
        read("/api/realtimeregister/v2/ssl/certificates", Some(&token)),
    )
    .await;
    assert_eq!((status, code(&body).as_str()), (403, "not_allowed"));
}
