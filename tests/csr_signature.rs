//! The CSR self-signature check against every request in `tests/fixtures/csr/expected.json`:
//! the OpenSSL-generated corpus under `signature/`, the requests OpenSSL reads although they
//! bend PKCS#10 or DER under `tolerated/`, and the third-party vectors under `vectors/`.
//!
//! The manifest is embedded with `include_str!` and read by plain functions so a browser test
//! can walk the same expectations. The native verifier only: in the browser the check is
//! WebCrypto's, which `tests/web.rs` runs on the same corpus.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use certorder::csr::verify::verify_der;
use certorder::csr::{SignatureCheck, inspect};
use serde::Deserialize;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

const MANIFEST: &str = include_str!("fixtures/csr/expected.json");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Manifest {
    #[allow(dead_code)]
    about: String,
    requests: Vec<Expected>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    /// Path relative to `tests/fixtures/csr/`.
    file: String,
    expect: Outcome,
    /// For `cannot_check`: the algorithm name reported.
    algorithm: Option<String>,
    /// For `invalid`: a fragment of the reason.
    reason_contains: Option<String>,
    /// `refuses` when x509-parser alone refuses the request (certorder reads a normalised copy).
    x509_parser: Option<String>,
    /// What `openssl req -verify` printed: `ok`, `failure` or an error.
    openssl: String,
    #[allow(dead_code)]
    note: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Outcome {
    Valid,
    Invalid,
    CannotCheck,
    /// x509-parser refuses the DER, so there is no signature outcome at all.
    Unreadable,
}

fn manifest() -> Manifest {
    serde_json::from_str(MANIFEST).expect("expected.json parses")
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/csr")
}

/// The DER of a fixture: `.der` files as they are, anything else as PEM.
fn der_of(file: &str, bytes: &[u8]) -> Vec<u8> {
    if file.ends_with(".der") {
        bytes.to_vec()
    } else {
        pem::parse(bytes)
            .unwrap_or_else(|e| panic!("{file}: not PEM: {e}"))
            .into_contents()
    }
}

/// Compares one outcome with its expectation; `None` when they agree.
fn disagreement(expected: &Expected, got: &SignatureCheck) -> Option<String> {
    let ok = match (expected.expect, got) {
        (Outcome::Valid, SignatureCheck::Valid) => true,
        (Outcome::Invalid, SignatureCheck::Invalid { reason }) => expected
            .reason_contains
            .as_deref()
            .is_none_or(|fragment| reason.contains(fragment)),
        (Outcome::CannotCheck, SignatureCheck::CannotCheck { algorithm }) => expected
            .algorithm
            .as_deref()
            .is_none_or(|name| name == algorithm),
        _ => false,
    };
    (!ok).then(|| format!("{}: expected {:?}, got {got:?}", expected.file, expected))
}

/// Through the public entry point, from the file's bytes as a user would upload them.
#[test]
fn every_request_in_the_manifest_has_its_expected_outcome() {
    let manifest = manifest();
    let mut failures = Vec::new();
    for expected in &manifest.requests {
        let bytes = std::fs::read(fixtures().join(&expected.file))
            .unwrap_or_else(|e| panic!("{}: {e}", expected.file));
        match (expected.expect, inspect(&bytes)) {
            (Outcome::Unreadable, Err(_)) => {}
            (_, Ok(inspection)) => failures.extend(disagreement(expected, &inspection.signature)),
            (_, Err(e)) => failures.push(format!("{}: not inspected: {e}", expected.file)),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The verifier on its own, from DER parsed by x509-parser alone, agrees with the manifest
/// too, and refuses exactly the requests the manifest says x509-parser refuses.
#[test]
fn the_verifier_alone_agrees_with_the_manifest() {
    let manifest = manifest();
    let mut failures = Vec::new();
    for expected in &manifest.requests {
        let bytes = std::fs::read(fixtures().join(&expected.file))
            .unwrap_or_else(|e| panic!("{}: {e}", expected.file));
        let der = der_of(&expected.file, &bytes);
        let refused = expected.x509_parser.as_deref() == Some("refuses");
        match (expected.expect, verify_der(&der)) {
            (Outcome::Unreadable, Err(_)) => {}
            (_, Err(_)) if refused => {}
            (_, Ok(_)) if refused => {
                failures.push(format!("{}: x509-parser reads it after all", expected.file))
            }
            (_, Ok(got)) => failures.extend(disagreement(expected, &got)),
            (_, Err(e)) => failures.push(format!("{}: does not parse: {e}", expected.file)),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_fixture_file_is_in_the_manifest_once() {
    let manifest = manifest();
    let mut listed = BTreeSet::new();
    for expected in &manifest.requests {
        assert!(
            listed.insert(expected.file.clone()),
            "{} is listed twice",
            expected.file
        );
    }
    let mut on_disk = BTreeSet::new();
    for dir in ["signature", "tolerated", "vectors"] {
        collect(&fixtures(), Path::new(dir), &mut on_disk);
    }
    let missing: Vec<_> = on_disk.difference(&listed).collect();
    let stale: Vec<_> = listed.difference(&on_disk).collect();
    assert!(missing.is_empty(), "not in expected.json: {missing:?}");
    assert!(
        stale.is_empty(),
        "in expected.json but not on disk: {stale:?}"
    );
}

/// Every request file below `dir` (relative to `root`), skipping the READMEs and the script.
fn collect(root: &Path, dir: &Path, out: &mut BTreeSet<String>) {
    let entries = std::fs::read_dir(root.join(dir)).expect("fixture directory");
    for entry in entries {
        let entry = entry.expect("directory entry");
        let relative = dir.join(entry.file_name());
        if entry.file_type().expect("file type").is_dir() {
            collect(root, &relative, out);
            continue;
        }
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".pem") || name.ends_with(".der") {
            out.insert(relative.to_string_lossy().replace('\\', "/"));
        }
    }
}

/// Where OpenSSL and certorder could disagree, the manifest says so explicitly: a request
/// OpenSSL verifies is never `invalid` here, and one OpenSSL rejects is never `valid` unless
/// OpenSSL could not check it at all.
#[test]
fn expectations_agree_with_openssl_where_both_can_check() {
    for expected in manifest().requests {
        match (expected.expect, expected.openssl.as_str()) {
            (Outcome::Invalid, "ok") => panic!("{}: OpenSSL verifies it", expected.file),
            (Outcome::Valid, "failure") => panic!("{}: OpenSSL rejects it", expected.file),
            (Outcome::Valid, other) if other != "ok" => assert!(
                other.contains("unknown signature algorithm") || other.contains("unsupported"),
                "{}: OpenSSL says {other}",
                expected.file
            ),
            _ => {}
        }
    }
}

#[test]
fn the_corpus_covers_each_outcome() {
    let manifest = manifest();
    for outcome in [Outcome::Valid, Outcome::Invalid, Outcome::CannotCheck] {
        for source in ["signature/", "vectors/"] {
            assert!(
                manifest
                    .requests
                    .iter()
                    .any(|e| e.expect == outcome && e.file.starts_with(source)),
                "no {outcome:?} request under {source}"
            );
        }
    }
}

#[test]
fn garbage_is_a_parse_error_not_a_verdict() {
    assert!(verify_der(b"").is_err());
    assert!(verify_der(&[0x30, 0x03, 0x02, 0x01, 0x00]).is_err());
}
