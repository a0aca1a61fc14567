//! The in-memory store against the shared store suite.

use crate::serve::store::{MemoryStore, RateLimit, suite};

// Guards: the in-memory store's idempotency semantics (the same suite as Redis).
#[tokio::test]
async fn memory_store_idempotency() {
    let store = MemoryStore::new(RateLimit::new(1, 3));
    suite::idempotency(&store, "mem").await;
    suite::one_claim_wins(&store, "mem-race").await;
}

// Guards: the in-memory store's rate limit (the same suite as Redis).
#[tokio::test]
async fn memory_store_rate_limit() {
    let store = MemoryStore::new(RateLimit::new(1, 3));
    suite::rate_limit(&store, "client").await;
}
