//! The signature corpus shared by the native tests and the browser tests: every request listed
//! in `fixtures/csr/expected.json`, embedded, with the outcome it must have.
//!
//! `CASES` lives in `corpus_cases.rs`, generated from the manifest by the native test
//! `corpus_table_matches_the_manifest` (run it with `UPDATE_CORPUS=1` after editing the manifest).

use certorder::csr::{self, SignatureCheck};

/// What checking a request must give.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Expect {
    /// The signature verifies.
    Valid,
    /// The signature does not verify.
    Invalid,
    /// The algorithm cannot be checked.
    CannotCheck,
    /// The input is not a readable CSR at all.
    Unreadable,
    /// Still being checked: never the outcome a finished check may have.
    Checking,
}

/// One request of the corpus.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Case {
    /// Path relative to `fixtures/csr/`.
    pub(crate) file: &'static str,
    /// The file's bytes.
    pub(crate) bytes: &'static [u8],
    /// The outcome it must have.
    pub(crate) expect: Expect,
}

include!("corpus_cases.rs");

/// The kind of outcome an inspection had.
#[allow(dead_code)] // each test crate that includes this module uses part of it
pub(crate) fn outcome(result: &Result<csr::Inspection, csr::CsrError>) -> Expect {
    match result {
        Err(_) => Expect::Unreadable,
        Ok(inspection) => match inspection.signature {
            SignatureCheck::Valid => Expect::Valid,
            SignatureCheck::Invalid { .. } => Expect::Invalid,
            SignatureCheck::CannotCheck { .. } => Expect::CannotCheck,
            SignatureCheck::Checking => Expect::Checking,
        },
    }
}

/// Inspects one case and says what is wrong, if anything.
#[allow(dead_code)]
pub(crate) fn mismatch(case: &Case) -> Option<String> {
    let got = outcome(&csr::inspect(case.bytes));
    (got != case.expect)
        .then(|| format!("{}: expected {:?}, got {:?}", case.file, case.expect, got))
}

/// Every mismatch of the corpus.
#[allow(dead_code)]
pub(crate) fn mismatches() -> Vec<String> {
    CASES.iter().filter_map(mismatch).collect()
}
