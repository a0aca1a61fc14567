//! The Redis store against the shared store suite, on a real `redis-server` that the test
//! starts on a free loopback port and stops at the end (`cargo xtask setup` installs it).

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use crate::serve::store::{RateLimit, RedisStore, suite};

/// A `redis-server` of this test, killed when dropped.
struct Server {
    child: Child,
    port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    listener.local_addr().expect("addr").port()
}

async fn start() -> Server {
    let port = free_port();
    let child = Command::new("redis-server")
        .args([
            "--port",
            &port.to_string(),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| {
            panic!("redis-server could not start ({e}); `cargo xtask setup` installs it")
        });
    let server = Server { child, port };
    for _ in 0..100 {
        if tokio::net::TcpStream::connect(("127.0.0.1", port))
            .await
            .is_ok()
        {
            return server;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("redis-server did not listen on {port}");
}

// Guards: the Redis store passes the same idempotency and rate-limit suite as the memory
// store, and a second instance on the same Redis sees the first one's records.
#[tokio::test]
async fn redis_store_passes_the_store_suite() {
    let server = start().await;
    let url = format!("redis://127.0.0.1:{}/", server.port);
    let store = RedisStore::connect(&url, RateLimit::new(1, 3), Duration::from_secs(60), "test:")
        .await
        .expect("connect");
    suite::idempotency(&store, "redis").await;
    suite::one_claim_wins(&store, "redis-race").await;
    suite::rate_limit(&store, "client").await;
    let second = RedisStore::connect(&url, RateLimit::new(1, 3), Duration::from_secs(60), "test:")
        .await
        .expect("connect");
    use crate::serve::store::{Begin, Store};
    assert_eq!(
        second
            .begin("redis", "fp1")
            .await
            .map(|b| matches!(b, Begin::Done(_))),
        Ok(true)
    );
    assert!(
        second.hit("client").await.expect("redis").is_err(),
        "the limit is shared"
    );
    // A key left in flight is in doubt after the lease (the same suite as memory).
    let short = RedisStore::connect(&url, RateLimit::new(1, 3), suite::SHORT_LEASE, "test:")
        .await
        .expect("connect");
    suite::lapsed_lease(&short, "redis-lease").await;
}
