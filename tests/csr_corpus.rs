//! The signature corpus natively; `web.rs` runs the very same cases in headless Chromium.

#[path = "support/corpus.rs"]
mod corpus;

use std::path::Path;

// Guards against the browser tests silently running a stale subset of the manifest.
#[test]
fn corpus_table_matches_the_manifest() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let manifest = std::fs::read_to_string(dir.join("fixtures/csr/expected.json")).unwrap();
    let manifest: serde_json::Value = serde_json::from_str(&manifest).unwrap();
    let mut table = String::from(
        "// Generated from fixtures/csr/expected.json by tests/csr_corpus.rs; do not edit.\n\n\
         /// Every request of the manifest.\npub(crate) const CASES: &[Case] = &[\n",
    );
    for request in manifest["requests"].as_array().unwrap() {
        let file = request["file"].as_str().unwrap();
        let expect = match request["expect"].as_str().unwrap() {
            "valid" => "Valid",
            "invalid" => "Invalid",
            "cannot_check" => "CannotCheck",
            "unreadable" => "Unreadable",
            other => panic!("unknown expectation {other} for {file}"),
        };
        table.push_str(&format!(
            "    Case {{\n        file: \"{file}\",\n        bytes: include_bytes!(\"../fixtures/csr/{file}\"),\n        expect: Expect::{expect},\n    }},\n"
        ));
    }
    table.push_str("];\n");
    let generated = dir.join("support/corpus_cases.rs");
    if std::env::var_os("UPDATE_CORPUS").is_some() {
        std::fs::write(&generated, &table).unwrap();
    }
    let current = std::fs::read_to_string(&generated).unwrap_or_default();
    assert!(
        current == table,
        "tests/support/corpus_cases.rs is stale: run `UPDATE_CORPUS=1 cargo test --test csr_corpus`"
    );
}

#[test]
fn every_request_of_the_corpus_has_its_expected_outcome_natively() {
    assert!(corpus::CASES.len() >= 50, "the corpus shrank");
    let wrong = corpus::mismatches();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
