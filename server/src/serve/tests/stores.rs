//! The in-memory store against the shared store suite.

use std::time::Duration;

use crate::serve::store::{MemoryStore, RateLimit, suite};

const LEASE: Duration = Duration::from_secs(60);

// Guards: the in-memory store's idempotency semantics (the same suite as Redis).
#[tokio::test]
async fn memory_store_idempotency() {
    let store = MemoryStore::new(RateLimit::new(1, 3), LEASE);
    suite::idempotency(&store, "mem").await;
    suite::one_claim_wins(&store, "mem-race").await;
}

// Guards: the in-memory store's rate limit (the same suite as Redis).
#[tokio::test]
async fn memory_store_rate_limit() {
    let store = MemoryStore::new(RateLimit::new(1, 3), LEASE);
    suite::rate_limit(&store, "client").await;
}

// Guards: a key left in flight (its request never settled it) is in doubt after the
// lease, not 409 for a day, and never free to be sent again.
#[tokio::test]
async fn memory_store_in_flight_lease() {
    let store = MemoryStore::new(RateLimit::new(1, 3), suite::SHORT_LEASE);
    suite::lapsed_lease(&store, "mem-lease").await;
}
