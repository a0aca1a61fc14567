//! The Redis store: records and GCRA rate-limit counters shared by every instance that
//! points at the same Redis. Each step that reads and writes is one Lua script, so two
//! instances never both claim a key.

use std::time::Duration;

use redis::aio::ConnectionManager;

use super::{
    Begin, Limited, Outcome, RECORD_TTL, RateLimit, Record, Store, StoreError, StoreFuture,
};

/// Claims a key unless it exists; returns the existing record, or nil when claimed.
/// ARGV: the claim, the record lifetime in ms, the in-flight lease in ms. A record still in
/// flight (`outcome` null) past its lease becomes in doubt, in the same step: its age is
/// the lifetime it was set with minus what is left of it.
const BEGIN: &str = r"
local existing = redis.call('GET', KEYS[1])
if not existing then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return false
end
local record = cjson.decode(existing)
if record.outcome == cjson.null then
  local age = tonumber(ARGV[2]) - redis.call('PTTL', KEYS[1])
  if age >= tonumber(ARGV[3]) then
    record.outcome = 'InDoubt'
    existing = cjson.encode(record)
    redis.call('SET', KEYS[1], existing, 'PX', ARGV[2])
  end
end
return existing
";

/// GCRA (the algorithm governor implements): the theoretical arrival time per client.
/// ARGV: period in ms, burst. Returns 0 when allowed, else the ms until allowed.
const HIT: &str = r"
local period = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local tat = tonumber(redis.call('GET', KEYS[1]) or now)
if tat < now then tat = now end
local next_tat = tat + period
local excess = next_tat - now - burst * period
if excess > 0 then return excess end
redis.call('SET', KEYS[1], next_tat, 'PX', next_tat - now)
return 0
";

/// A store in Redis.
pub(crate) struct RedisStore {
    connection: ConnectionManager,
    limit: RateLimit,
    lease: Duration,
    prefix: String,
}

fn error(e: &redis::RedisError) -> StoreError {
    // The category only: a Redis message could quote the URL, which may hold a password.
    StoreError(format!("Redis error ({:?})", e.kind()))
}

impl RedisStore {
    /// Connects to `url`; keys are put under `prefix` (`certorder:`).
    pub(crate) async fn connect(
        url: &str,
        limit: RateLimit,
        lease: Duration,
        prefix: &str,
    ) -> Result<Self, StoreError> {
        let client = redis::Client::open(url).map_err(|e| error(&e))?;
        let connection = client
            .get_connection_manager()
            .await
            .map_err(|e| error(&e))?;
        Ok(Self {
            connection,
            limit,
            lease,
            prefix: prefix.to_owned(),
        })
    }

    fn key(&self, kind: &str, key: &str) -> String {
        format!("{}{kind}:{key}", self.prefix)
    }
}

fn ms(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}

fn encode(record: &Record) -> Result<String, StoreError> {
    serde_json::to_string(record).map_err(|e| StoreError(format!("cannot write a record: {e}")))
}

impl Store for RedisStore {
    fn begin<'a>(&'a self, key: &'a str, fingerprint: &'a str) -> StoreFuture<'a, Begin> {
        Box::pin(async move {
            let claim = encode(&Record {
                fingerprint: fingerprint.to_owned(),
                outcome: None,
            })?;
            let mut connection = self.connection.clone();
            let existing: Option<String> = redis::Script::new(BEGIN)
                .key(self.key("idem", key))
                .arg(claim)
                .arg(ms(RECORD_TTL))
                .arg(ms(self.lease))
                .invoke_async(&mut connection)
                .await
                .map_err(|e| error(&e))?;
            match existing {
                None => Ok(Begin::Started),
                Some(text) => {
                    let record: Record = serde_json::from_str(&text)
                        .map_err(|_| StoreError("an unreadable record".into()))?;
                    Ok(record.begin(fingerprint))
                }
            }
        })
    }

    fn finish<'a>(
        &'a self,
        key: &'a str,
        fingerprint: &'a str,
        outcome: Outcome,
    ) -> StoreFuture<'a, ()> {
        Box::pin(async move {
            let record = encode(&Record {
                fingerprint: fingerprint.to_owned(),
                outcome: Some(outcome),
            })?;
            let mut connection = self.connection.clone();
            redis::cmd("SET")
                .arg(self.key("idem", key))
                .arg(record)
                .arg("PX")
                .arg(ms(RECORD_TTL))
                .query_async::<()>(&mut connection)
                .await
                .map_err(|e| error(&e))
        })
    }

    fn abandon<'a>(&'a self, key: &'a str) -> StoreFuture<'a, ()> {
        Box::pin(async move {
            let mut connection = self.connection.clone();
            redis::cmd("DEL")
                .arg(self.key("idem", key))
                .query_async::<()>(&mut connection)
                .await
                .map_err(|e| error(&e))
        })
    }

    fn hit<'a>(&'a self, client: &'a str) -> StoreFuture<'a, Result<(), Limited>> {
        Box::pin(async move {
            let mut connection = self.connection.clone();
            let wait: u64 = redis::Script::new(HIT)
                .key(self.key("rate", client))
                .arg(ms(self.limit.period))
                .arg(self.limit.burst)
                .invoke_async(&mut connection)
                .await
                .map_err(|e| error(&e))?;
            Ok(if wait == 0 {
                Ok(())
            } else {
                Err(Limited {
                    retry_after: Duration::from_millis(wait),
                })
            })
        })
    }

    fn describe(&self) -> &'static str {
        "Redis (shared by every instance using it)"
    }
}
