//! Exactly once: keys, replays, different bodies, concurrency, in doubt, rate limit.

use std::time::Duration;

use axum::body::Body;

use super::support::*;
use crate::serve::store::RateLimit;

fn order(key: Option<&str>, body: &str) -> axum::http::Request<Body> {
    let mut r = request("POST", "/api/gandi-v5/v5/certificate/issued-certs")
        .header("content-type", "application/json");
    if let Some(key) = key {
        r = r.header("idempotency-key", key);
    }
    r.body(Body::from(body.to_owned())).expect("request")
}

const BODY: &str = r#"{"package":"cert_std_1_0_0","csr":"x"}"#;

// Guards: no key → 400; the same key and body → the stored answer without a second upstream
// call; the same key with another body → 422.
#[tokio::test]
async fn replay_and_different_body() {
    let fake = Fake::start(Behaviour::Answer(
        202,
        vec![
            ("content-type".into(), "application/json".into()),
            (
                "location".into(),
                "https://api.gandi.net/v5/certificate/issued-certs/c-1".into(),
            ),
        ],
        br#"{"id":"c-1","message":"ok"}"#.to_vec(),
    ))
    .await;
    let app = app(&fake);
    let (status, _, body) = send(&app, order(None, BODY)).await;
    assert_eq!(
        (status, code(&body).as_str()),
        (400, "idempotency_key_missing")
    );
    assert!(fake.received().is_empty());
    let (status, first_headers, first) = send(&app, order(Some("k-1"), BODY)).await;
    assert_eq!(status, 202);
    assert!(first_headers.get("certorder-order-token").is_some());
    let (status, headers, again) = send(&app, order(Some("k-1"), BODY)).await;
    assert_eq!((status, again.as_str()), (202, first.as_str()));
    assert_eq!(
        headers.get("idempotent-replayed").map(|v| v.as_bytes()),
        Some(&b"true"[..])
    );
    assert_eq!(
        headers.get("certorder-order-token"),
        first_headers.get("certorder-order-token")
    );
    assert_eq!(fake.received().len(), 1);
    let (status, _, body) = send(&app, order(Some("k-1"), r#"{"package":"other"}"#)).await;
    assert_eq!(
        (status, code(&body).as_str()),
        (422, "idempotency_key_reused")
    );
    assert_eq!(fake.received().len(), 1);
}

// Guards: 100 concurrent identical billable requests make exactly one upstream call; the
// others are told it is in flight (409) or get its stored answer.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_duplicates_make_one_call() {
    let fake = Fake::start(Behaviour::Slow(Duration::from_millis(300))).await;
    let app = app(&fake);
    let mut tasks = Vec::new();
    for _ in 0..100 {
        let app = app.clone();
        tasks.push(tokio::spawn(async move {
            send(&app, order(Some("same"), BODY)).await
        }));
    }
    let mut statuses = Vec::new();
    for task in tasks {
        statuses.push(task.await.expect("task").0);
    }
    assert_eq!(fake.received().len(), 1, "upstream calls");
    let ok = statuses.iter().filter(|s| **s == 200).count();
    let conflict = statuses.iter().filter(|s| **s == 409).count();
    assert_eq!(ok + conflict, 100, "{statuses:?}");
    assert!(ok >= 1);
}

// Guards: a time-out after the request left is stored as in doubt, answered so, and never
// retried: a replay gets the same answer without an upstream call.
#[tokio::test]
async fn time_out_is_in_doubt_and_never_retried() {
    let fake = Fake::start(Behaviour::Slow(Duration::from_secs(3))).await;
    let app = app_with(
        &fake,
        Options {
            total_timeout: Duration::from_millis(300),
            ..Options::default()
        },
    );
    let (status, _, body) = send(&app, order(Some("slow"), BODY)).await;
    assert_eq!((status, code(&body).as_str()), (504, "in_doubt"));
    assert!(body.contains("status"), "{body}");
    fake.set(json(202, r#"{"id":"c-2"}"#));
    let (status, _, body) = send(&app, order(Some("slow"), BODY)).await;
    assert_eq!((status, code(&body).as_str()), (504, "in_doubt"));
    assert_eq!(fake.received().len(), 1, "the server retried");
}

// Guards: a refused connection sent nothing, so the key is freed and the order may be sent
// again.
#[tokio::test]
async fn refused_connection_frees_the_key() {
    let fake = Fake::start(json(202, r#"{"id":"c-3"}"#)).await;
    let closed = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        let addr = listener.local_addr().expect("addr");
        drop(listener);
        addr
    };
    let mut dead = fake.clone();
    dead.base = format!("http://{closed}");
    let store: std::sync::Arc<dyn crate::serve::store::Store> =
        std::sync::Arc::new(crate::serve::store::MemoryStore::new(
            RateLimit::new(1000, 1000),
            std::time::Duration::from_secs(60),
        ));
    let app_dead = app_with(
        &dead,
        Options {
            store: Some(store.clone()),
            ..Options::default()
        },
    );
    let (status, _, body) = send(&app_dead, order(Some("retry"), BODY)).await;
    assert_eq!(
        (status, code(&body).as_str()),
        (502, "upstream_unreachable")
    );
    let app_live = app_with(
        &fake,
        Options {
            store: Some(store),
            ..Options::default()
        },
    );
    let (status, _, _) = send(&app_live, order(Some("retry"), BODY)).await;
    assert_eq!(status, 202);
    assert_eq!(fake.received().len(), 1);
}

// Guards: billable calls are rate-limited per client with Retry-After; other calls are not.
#[tokio::test]
async fn billable_rate_limit_with_retry_after() {
    let fake = Fake::start(json(202, r#"{"id":"c-4"}"#)).await;
    let app = app_with(
        &fake,
        Options {
            limit: RateLimit::new(1, 2),
            ..Options::default()
        },
    );
    for i in 0..2 {
        let (status, _, _) = send(&app, order(Some(&format!("r-{i}")), BODY)).await;
        assert_eq!(status, 202);
    }
    let (status, headers, body) = send(&app, order(Some("r-3"), BODY)).await;
    assert_eq!((status, code(&body).as_str()), (429, "rate_limited"));
    let wait: u64 = headers
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    assert!((1..=60).contains(&wait), "Retry-After {wait}");
    let (status, _, _) = send(
        &app,
        request("GET", "/api/gandi-v5/v5/certificate/packages")
            .body(Body::empty())
            .expect("request"),
    )
    .await;
    assert_eq!(status, 202);
    assert_eq!(fake.received().len(), 3);
}
