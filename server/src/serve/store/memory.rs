//! The in-memory store: one instance's records in a map, rate limits by governor.

use std::collections::HashMap;
use std::num::NonZeroU32;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

use super::{
    Begin, Limited, Outcome, RECORD_TTL, RateLimit, Record, Store, StoreError, StoreFuture,
};

/// Records and counters of this process.
pub(crate) struct MemoryStore {
    records: Mutex<HashMap<String, (Instant, Record)>>,
    limiter: DefaultKeyedRateLimiter<String>,
    clock: DefaultClock,
    lease: Duration,
}

impl MemoryStore {
    /// An empty store with this rate limit and in-flight lease.
    pub(crate) fn new(limit: RateLimit, lease: Duration) -> Self {
        let burst = NonZeroU32::new(limit.burst).unwrap_or(NonZeroU32::MIN);
        let quota = Quota::with_period(limit.period)
            .unwrap_or_else(|| Quota::per_second(NonZeroU32::MIN))
            .allow_burst(burst);
        Self {
            records: Mutex::new(HashMap::new()),
            limiter: RateLimiter::keyed(quota),
            clock: DefaultClock::default(),
            lease,
        }
    }

    fn with_records<T>(
        &self,
        f: impl FnOnce(&mut HashMap<String, (Instant, Record)>) -> T,
    ) -> Result<T, StoreError> {
        let mut records = self
            .records
            .lock()
            .map_err(|_| StoreError("the record map is poisoned".into()))?;
        let now = Instant::now();
        // Expired records go first, so a map left running does not grow without bound.
        if records.len() > 1024 {
            records.retain(|_, (at, _)| now.duration_since(*at) < RECORD_TTL);
            self.limiter.retain_recent();
        }
        Ok(f(&mut records))
    }
}

impl Store for MemoryStore {
    fn begin<'a>(&'a self, key: &'a str, fingerprint: &'a str) -> StoreFuture<'a, Begin> {
        let result = self.with_records(|records| {
            let now = Instant::now();
            match records.get_mut(key) {
                Some((at, record)) if now.duration_since(*at) < RECORD_TTL => {
                    if record.fingerprint == fingerprint
                        && now.duration_since(*at) >= self.lease
                        && record.lapse()
                    {
                        // In doubt for a whole record lifetime from now.
                        *at = now;
                    }
                    record.begin(fingerprint)
                }
                _ => {
                    let record = Record {
                        fingerprint: fingerprint.to_owned(),
                        outcome: None,
                    };
                    records.insert(key.to_owned(), (now, record));
                    Begin::Started
                }
            }
        });
        Box::pin(async move { result })
    }

    fn finish<'a>(
        &'a self,
        key: &'a str,
        fingerprint: &'a str,
        outcome: Outcome,
    ) -> StoreFuture<'a, ()> {
        let result = self.with_records(|records| {
            let record = Record {
                fingerprint: fingerprint.to_owned(),
                outcome: Some(outcome),
            };
            records.insert(key.to_owned(), (Instant::now(), record));
        });
        Box::pin(async move { result })
    }

    fn abandon<'a>(&'a self, key: &'a str) -> StoreFuture<'a, ()> {
        let result = self.with_records(|records| {
            records.remove(key);
        });
        Box::pin(async move { result })
    }

    fn hit<'a>(&'a self, client: &'a str) -> StoreFuture<'a, Result<(), Limited>> {
        let result = self
            .limiter
            .check_key(&client.to_owned())
            .map_err(|not_until| Limited {
                retry_after: not_until.wait_time_from(self.clock.now()),
            });
        Box::pin(async move { Ok(result) })
    }

    fn describe(&self) -> &'static str {
        "in memory (this instance only)"
    }
}
