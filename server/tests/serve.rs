//! `certorder serve` as an operator runs it: start-up lines, configuration errors that name
//! the setting, `/healthz`, and a graceful stop on SIGTERM.

// The helpers below run only in tests: a failed step is a failed test.
#![allow(clippy::expect_used)]

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn free_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    listener.local_addr().expect("addr").port()
}

fn serve() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_certorder"));
    cmd.arg("serve");
    // Nothing from the caller's environment.
    for (name, _) in std::env::vars() {
        if name.starts_with("CERTORDER_") {
            cmd.env_remove(name);
        }
    }
    cmd
}

// Guards: a bad setting stops the start with exit status 2 and a message naming it, and the
// secret given inline never appears in the message.
#[test]
fn bad_configuration_names_the_setting() {
    let dir = std::env::temp_dir().join(format!("certorder-serve-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let file = dir.join("bad.toml");
    std::fs::write(
        &file,
        "[providers.gandi-v5]\ntoken = \"inline-secret-value\"\n",
    )
    .expect("write");
    let out = serve().arg("--config").arg(&file).output().expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("providers.gandi-v5.token"), "{stderr}");
    assert!(!stderr.contains("inline-secret-value"), "{stderr}");
    let out = serve()
        .env("CERTORDER_REALTIMEREGISTER_BASE_URL", "http://api.example")
        .env("CERTORDER_REALTIMEREGISTER_API_KEY", "k")
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("CERTORDER_REALTIMEREGISTER_BASE_URL"),
        "{stderr}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

fn get(port: u16, path: &str) -> Option<String> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut answer = String::new();
    stream.read_to_string(&mut answer).ok()?;
    Some(answer)
}

// Guards: with nothing configured the server starts, says "sandbox" once per provider and
// that the token secret was generated, answers /healthz, and stops cleanly on SIGTERM.
#[test]
fn starts_with_nothing_configured_and_stops_on_sigterm() {
    let port = free_port();
    let mut child = serve()
        .args([
            "--listen",
            &format!("127.0.0.1:{port}"),
            "--dist",
            "/nonexistent",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    let until = Instant::now() + Duration::from_secs(20);
    let mut health = None;
    while Instant::now() < until && health.is_none() {
        std::thread::sleep(Duration::from_millis(100));
        health = get(port, "/healthz");
    }
    let health = health.expect("the server answers");
    assert!(
        health.starts_with("HTTP/1.1 200") && health.contains(r#"{"status":"ok"}"#),
        "{health}"
    );
    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill");
    assert!(killed.success());
    let status = child.wait().expect("exits");
    let mut log = String::new();
    child
        .stderr
        .take()
        .expect("piped")
        .read_to_string(&mut log)
        .expect("log");
    assert!(status.success(), "{status} {log}");
    let sandbox_lines = log
        .lines()
        .filter(|l| l.contains("sandbox (no credentials configured"))
        .count();
    assert_eq!(sandbox_lines, 5, "{log}");
    assert!(log.contains("generated at start"), "{log}");
    assert!(log.contains("shutting down"), "{log}");
    // Not a terminal: JSON lines.
    assert!(
        log.lines()
            .all(|l| l.trim().is_empty() || serde_json::from_str::<serde_json::Value>(l).is_ok()),
        "{log}"
    );
}

/// A one-request upstream that answers a catalog after `delay`.
fn slow_upstream(delay: Duration) -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("addr").port();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            std::thread::spawn(move || {
                let mut buf = [0u8; 4096];
                let _ = stream.read(&mut buf);
                std::thread::sleep(delay);
                let body = r#"{"entities":[]}"#;
                let _ = write!(
                    stream,
                    "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                    body.len()
                );
            });
        }
    });
    port
}

// Guards: SIGTERM during a request lets it finish: the answer arrives, then the process
// exits successfully.
#[test]
fn sigterm_lets_the_request_in_flight_finish() {
    let upstream = slow_upstream(Duration::from_millis(1500));
    let port = free_port();
    let mut child = serve()
        .args([
            "--listen",
            &format!("127.0.0.1:{port}"),
            "--dist",
            "/nonexistent",
        ])
        .env(
            "CERTORDER_REALTIMEREGISTER_BASE_URL",
            format!("http://127.0.0.1:{upstream}"),
        )
        .env("CERTORDER_REALTIMEREGISTER_API_KEY", "YWNtZS9rZXk=")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("runs");
    let until = Instant::now() + Duration::from_secs(20);
    while Instant::now() < until && get(port, "/healthz").is_none() {
        std::thread::sleep(Duration::from_millis(100));
    }
    let request = std::thread::spawn(move || get(port, "/api/realtimeregister/v2/ssl/products"));
    std::thread::sleep(Duration::from_millis(500));
    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill");
    assert!(killed.success());
    let answer = request.join().expect("thread").expect("an answer");
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(answer.contains(r#"{"entities":[]}"#), "{answer}");
    let status = child.wait().expect("exits");
    assert!(status.success(), "{status}");
}
