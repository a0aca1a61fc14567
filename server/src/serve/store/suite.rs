//! One test suite for every [`Store`]: the in-memory store runs it here, the Redis store
//! in `redis_tests` against a real `redis-server`.

use std::time::Duration;

use super::{Begin, Outcome, Store};

fn answered() -> Outcome {
    Outcome::Answered {
        status: 201,
        headers: vec![("certorder-order-token".into(), "t".into())],
        body: b"{\"id\":1}".to_vec(),
    }
}

/// Claim, in flight, mismatch, finish and replay, abandon, in doubt.
pub(crate) async fn idempotency(store: &dyn Store, key: &str) {
    let other = format!("{key}-other");
    assert_eq!(store.begin(key, "fp1").await, Ok(Begin::Started));
    assert_eq!(store.begin(key, "fp1").await, Ok(Begin::InFlight));
    assert_eq!(store.begin(key, "fp2").await, Ok(Begin::Mismatch));
    assert_eq!(store.finish(key, "fp1", answered()).await, Ok(()));
    assert_eq!(store.begin(key, "fp1").await, Ok(Begin::Done(answered())));
    assert_eq!(store.begin(key, "fp2").await, Ok(Begin::Mismatch));

    assert_eq!(store.begin(&other, "fp").await, Ok(Begin::Started));
    assert_eq!(store.abandon(&other).await, Ok(()));
    assert_eq!(store.begin(&other, "fp").await, Ok(Begin::Started));
    assert_eq!(store.finish(&other, "fp", Outcome::InDoubt).await, Ok(()));
    assert_eq!(
        store.begin(&other, "fp").await,
        Ok(Begin::Done(Outcome::InDoubt))
    );
}

/// Of many concurrent claims of one key, exactly one wins.
pub(crate) async fn one_claim_wins(store: &dyn Store, key: &str) {
    let claims = (0..50).map(|_| store.begin(key, "fp"));
    let results = futures::future::join_all(claims).await;
    let started = results.iter().filter(|r| **r == Ok(Begin::Started)).count();
    let in_flight = results
        .iter()
        .filter(|r| **r == Ok(Begin::InFlight))
        .count();
    assert_eq!((started, in_flight), (1, 49), "{results:?}");
}

/// A burst is allowed, the next request is limited with a wait of at most one period, and
/// clients are counted apart. The store must be made with a burst of 3 and a period of 1 min.
pub(crate) async fn rate_limit(store: &dyn Store, client: &str) {
    for i in 0..3 {
        assert_eq!(store.hit(client).await, Ok(Ok(())), "request {i}");
    }
    let limited = store.hit(client).await;
    let Ok(Err(limited)) = limited else {
        panic!("the fourth request was allowed: {limited:?}");
    };
    assert!(limited.retry_after > Duration::ZERO && limited.retry_after <= Duration::from_secs(60));
    assert_eq!(store.hit(&format!("{client}-other")).await, Ok(Ok(())));
}

/// A key left in flight past the store's lease is in doubt from then on, for the same
/// request; another request with the key is still a mismatch. The store must be made with
/// a lease of [`SHORT_LEASE`].
pub(crate) async fn lapsed_lease(store: &dyn Store, key: &str) {
    assert_eq!(store.begin(key, "fp1").await, Ok(Begin::Started));
    assert_eq!(store.begin(key, "fp1").await, Ok(Begin::InFlight));
    tokio::time::sleep(SHORT_LEASE + Duration::from_millis(100)).await;
    for _ in 0..2 {
        assert_eq!(
            store.begin(key, "fp1").await,
            Ok(Begin::Done(Outcome::InDoubt))
        );
    }
    assert_eq!(store.begin(key, "fp2").await, Ok(Begin::Mismatch));
    // A key settled in time is not touched by the lease.
    let settled = format!("{key}-settled");
    assert_eq!(store.begin(&settled, "fp").await, Ok(Begin::Started));
    assert_eq!(store.finish(&settled, "fp", answered()).await, Ok(()));
    tokio::time::sleep(SHORT_LEASE + Duration::from_millis(100)).await;
    assert_eq!(
        store.begin(&settled, "fp").await,
        Ok(Begin::Done(answered()))
    );
}

/// The lease [`lapsed_lease`] expects.
pub(crate) const SHORT_LEASE: Duration = Duration::from_millis(300);
