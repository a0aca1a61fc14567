//! When to ask the provider again, and how long ago it was last asked.
//!
//! The status page reads the order on load and then at growing intervals (5 s, doubling, at
//! most 5 minutes), so a page left open does not hammer the provider; a change of state, or
//! the customer pressing "check now", starts again from the shortest interval. Nothing is
//! polled once the order has reached a state that does not change by waiting.

use crate::order::OrderStatus;
use crate::text::status as text;

/// The first interval, in milliseconds.
const FIRST_MS: u64 = 5_000;
/// The longest interval, in milliseconds.
const LONGEST_MS: u64 = 300_000;

/// Polling intervals that double from 5 s up to 5 minutes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Backoff {
    attempt: u32,
}

impl Backoff {
    /// The wait before the next read, and the backoff after it.
    #[must_use]
    pub fn next(self) -> (u64, Self) {
        let delay = FIRST_MS
            .saturating_mul(1u64 << self.attempt.min(16))
            .min(LONGEST_MS);
        (
            delay,
            Self {
                attempt: self.attempt.saturating_add(1),
            },
        )
    }

    /// After a change of state or a "check now": the shortest interval again.
    #[must_use]
    pub fn reset(self) -> Self {
        Self::default()
    }

    /// Whether an order in `status` can still change by waiting (so is worth polling). An
    /// issued order is polled no more: its certificate is downloaded on demand.
    pub fn worth_polling(status: &OrderStatus) -> bool {
        matches!(
            status,
            OrderStatus::Pending | OrderStatus::Processing | OrderStatus::Unknown(_)
        )
    }
}

/// "Last checked …" for a read at `then_ms`, seen at `now_ms`.
pub fn last_checked(then_ms: Option<u64>, now_ms: u64) -> String {
    match then_ms {
        None => text::NOT_CHECKED_YET.to_owned(),
        Some(then) => text::last_checked(now_ms.saturating_sub(then) / 1000),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Guards: the interval doubles from 5 s, stops growing at 5 minutes and starts again on
    // reset; settled orders are not polled.
    #[test]
    fn backoff_doubles_and_caps() {
        let mut backoff = Backoff::default();
        let mut delays = Vec::new();
        for _ in 0..10 {
            let (delay, next) = backoff.next();
            delays.push(delay);
            backoff = next;
        }
        assert_eq!(
            delays,
            [
                5_000, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000, 300_000, 300_000
            ]
        );
        for _ in 0..100 {
            backoff = backoff.next().1;
        }
        assert_eq!(backoff.next().0, 300_000, "no overflow after many reads");
        assert_eq!(backoff.reset().next().0, 5_000);
        assert!(Backoff::worth_polling(&OrderStatus::Pending));
        assert!(Backoff::worth_polling(&OrderStatus::Processing));
        assert!(!Backoff::worth_polling(&OrderStatus::Issued));
        assert!(!Backoff::worth_polling(&OrderStatus::Rejected));
    }

    // Guards: "last checked" counts seconds, then minutes, and says when there was no read.
    #[test]
    fn last_checked_words() {
        assert_eq!(last_checked(None, 10), text::NOT_CHECKED_YET);
        assert_eq!(last_checked(Some(1_000), 1_500), "Last checked just now");
        assert_eq!(
            last_checked(Some(1_000), 43_000),
            "Last checked 42 seconds ago"
        );
        assert_eq!(last_checked(Some(0), 60_000), "Last checked 1 minute ago");
        assert_eq!(last_checked(Some(0), 185_000), "Last checked 3 minutes ago");
        assert_eq!(
            last_checked(Some(5_000), 1_000),
            "Last checked just now",
            "a clock going back"
        );
    }
}
