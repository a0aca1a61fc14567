//! `certorder inspect` as a user runs it: the report, the JSON schema and the exit status.

// The helpers below run only in tests: a failed step is a failed test.
#![allow(clippy::expect_used)]

use serde_json::Value;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/csr")
        .join(name)
}

fn inspect(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_certorder"))
        .arg("inspect")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the certorder binary runs");
    let mut input = child.stdin.take().expect("stdin is piped");
    input
        .write_all(stdin.unwrap_or_default())
        .expect("stdin takes the input");
    drop(input);
    child.wait_with_output().expect("certorder finishes")
}

fn json(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout).expect("the output is JSON")
}

#[test]
fn a_clean_csr_exits_zero_with_its_names_in_the_json_report() {
    let file = fixture("widget/good.csr");
    let out = inspect(&["--json", file.to_str().unwrap()], None);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let report = json(&out);
    assert_eq!(report["schema"], "certorder.inspect/1");
    assert_eq!(report["outcome"], "csr");
    assert_eq!(report["acceptable"], true);
    assert_eq!(report["signature"]["status"], "valid");
    assert_eq!(report["key"]["algorithm"]["type"], "ec");
    assert_eq!(report["key"]["algorithm"]["curve"], "P-256");
    assert!(report["error"].is_null());
    let sha256 = report["fingerprints"]["sha256"].as_str().unwrap();
    assert_eq!(sha256.len(), 64);
    assert!(
        sha256
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
    );
}

#[test]
fn a_csr_with_error_findings_exits_one_and_lists_them() {
    let file = fixture("input/rsa3072-e3-sha1.csr.pem");
    let out = inspect(&["--json", file.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
    let report = json(&out);
    assert_eq!(report["acceptable"], false);
    let findings = report["findings"].as_array().unwrap();
    assert!(findings.iter().any(|f| f["severity"] == "error"));
    // Errors come first.
    assert_eq!(findings[0]["severity"], "error");
}

#[test]
fn a_private_key_exits_two_and_the_report_holds_none_of_it() {
    let key = std::fs::read(fixture("input/key-pkcs8.pem")).unwrap();
    let out = inspect(&["--json", "-"], Some(&key));
    assert_eq!(out.status.code(), Some(2));
    let report = json(&out);
    assert_eq!(report["outcome"], "not_csr");
    assert_eq!(report["error"]["kind"], "private_key");
    let body: String = String::from_utf8_lossy(&key)
        .lines()
        .filter(|l| !l.starts_with("-----"))
        .collect();
    let printed = String::from_utf8_lossy(&out.stdout);
    assert!(
        !printed.contains(&body[..40]),
        "the key leaked into the report"
    );
}

#[test]
fn standard_input_is_read_with_a_dash() {
    let csr = std::fs::read(fixture("input/paste-crlf.txt")).unwrap();
    let out = inspect(&["-"], Some(&csr));
    assert!(matches!(out.status.code(), Some(0 | 1)));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Signature"), "{text}");
    assert!(text.contains("Findings"), "{text}");
}

#[test]
fn an_oversized_input_is_refused_as_too_large() {
    let big = vec![b'A'; 70 * 1024];
    let out = inspect(&["--json", "-"], Some(&big));
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(json(&out)["error"]["kind"], "too_large");
}

#[test]
fn a_missing_file_exits_two_with_a_message() {
    let out = inspect(&["/nonexistent/request.csr"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read"));
}
