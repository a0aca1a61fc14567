//! Where exactly-once records and rate-limit counters live: in memory for one instance, or
//! in Redis for several behind a load balancer (`CERTORDER_REDIS_URL`). Both implement
//! [`Store`] with the same semantics and pass the same tests.

mod memory;
mod redis;

use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use serde::{Deserialize, Serialize};
use thiserror::Error;

pub(crate) use memory::MemoryStore;
pub(crate) use redis::RedisStore;

/// How long an idempotency record is kept.
pub(crate) const RECORD_TTL: Duration = Duration::from_secs(24 * 60 * 60);

/// How much longer than the upstream's total time-out a key may stay in flight.
pub(crate) const LEASE_MARGIN: Duration = Duration::from_secs(30);

/// How long a key may stay "in flight". The request holding it settles it within the
/// upstream's total time-out, so a key still in flight after that plus a margin was left by
/// a request that never finished (the process died, the client hung up and its handler was
/// dropped, the store write failed). Its order may or may not have been placed, so the key
/// is then answered as in doubt, for the rest of [`RECORD_TTL`], and never sent again.
pub(crate) fn in_flight_lease(total_timeout: Duration) -> Duration {
    total_timeout.saturating_add(LEASE_MARGIN)
}

/// A boxed store future.
pub(crate) type StoreFuture<'a, T> =
    Pin<Box<dyn Future<Output = Result<T, StoreError>> + Send + 'a>>;

/// The store could not be used (Redis unreachable, a record unreadable).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("the idempotency store is unavailable: {0}")]
pub(crate) struct StoreError(pub(crate) String);

/// What a billable request led to, kept for replays.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) enum Outcome {
    /// The provider answered: status, relayed headers (order tokens included) and body.
    Answered {
        /// The status.
        status: u16,
        /// The headers sent to the widget.
        headers: Vec<(String, String)>,
        /// The body.
        body: Vec<u8>,
    },
    /// The request left and no answer came: it may or may not have been carried out.
    InDoubt,
}

/// The state of an idempotency key when a request with it arrives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Begin {
    /// The key was free: this request now holds it and must finish or abandon it.
    Started,
    /// A request with this key is still being carried out.
    InFlight,
    /// The key was used with a different request.
    Mismatch,
    /// The key's request is done; here is its outcome.
    Done(Outcome),
}

/// A client over its rate limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Limited {
    /// When the next request will be allowed.
    pub(crate) retry_after: Duration,
}

/// The record stored under a key, in both stores.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Record {
    /// The request's fingerprint (a hash: no body, no credential).
    pub(crate) fingerprint: String,
    /// `None` while in flight.
    pub(crate) outcome: Option<Outcome>,
}

impl Record {
    /// What a new request with `fingerprint` finds under an existing record (an in-flight
    /// record whose lease is over has been turned into in doubt by then, see
    /// [`Record::lapse`]).
    pub(crate) fn begin(&self, fingerprint: &str) -> Begin {
        if self.fingerprint != fingerprint {
            Begin::Mismatch
        } else {
            match &self.outcome {
                None => Begin::InFlight,
                Some(outcome) => Begin::Done(outcome.clone()),
            }
        }
    }

    /// Marks an in-flight record whose lease is over as in doubt; whether it changed.
    pub(crate) fn lapse(&mut self) -> bool {
        let in_flight = self.outcome.is_none();
        if in_flight {
            self.outcome = Some(Outcome::InDoubt);
        }
        in_flight
    }
}

/// Idempotency records and rate-limit counters.
pub(crate) trait Store: Send + Sync {
    /// Claims `key` for a request with `fingerprint`, or says what holds it. A key in
    /// flight for longer than the store's lease ([`in_flight_lease`]) is in doubt from then on.
    fn begin<'a>(&'a self, key: &'a str, fingerprint: &'a str) -> StoreFuture<'a, Begin>;

    /// Stores the outcome of the request holding `key`.
    fn finish<'a>(
        &'a self,
        key: &'a str,
        fingerprint: &'a str,
        outcome: Outcome,
    ) -> StoreFuture<'a, ()>;

    /// Frees `key`: its request never reached the provider, so it may be sent again.
    fn abandon<'a>(&'a self, key: &'a str) -> StoreFuture<'a, ()>;

    /// Counts one billable request of `client`; `Err(Limited)` when over the limit.
    fn hit<'a>(&'a self, client: &'a str) -> StoreFuture<'a, Result<(), Limited>>;

    /// Which store this is, for the start-up line.
    fn describe(&self) -> &'static str;
}

/// The rate limit: `burst` requests at once, then one every `period`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RateLimit {
    /// The sustained interval between requests.
    pub(crate) period: Duration,
    /// How many requests may come at once.
    pub(crate) burst: u32,
}

impl RateLimit {
    /// `per_minute` sustained, `burst` at once.
    pub(crate) fn new(per_minute: u32, burst: u32) -> Self {
        Self {
            period: Duration::from_millis(60_000 / u64::from(per_minute.max(1))),
            burst: burst.max(1),
        }
    }
}

#[cfg(test)]
pub(crate) mod suite;
