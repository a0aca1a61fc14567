//! The JSON report, schema `certorder.inspect/1` (documented in the README).
//!
//! The schema is stable: fields are only ever added. `outcome` says which half is filled:
//! `"csr"` fills the report fields and leaves `error` null; `"not_csr"` fills `error` only.

use certorder::csr::{
    Attribute, CsrError, Finding, Fingerprints, InputForm, Inspection, PublicKeyInfo,
    RequestedExtension, San, SignatureAlgorithm, SignatureCheck, SubjectAttribute,
};
use serde::Serialize;

/// The schema identifier, bumped only on an incompatible change.
pub(crate) const SCHEMA: &str = "certorder.inspect/1";

#[derive(Serialize)]
struct Report<'a> {
    schema: &'static str,
    outcome: &'static str,
    error: Option<ErrorReport>,
    form: Option<InputForm>,
    acceptable: Option<bool>,
    version: Option<u64>,
    subject: Option<&'a [Vec<SubjectAttribute>]>,
    subject_line: Option<String>,
    cn: Option<&'a str>,
    sans: Option<&'a [San]>,
    key: Option<&'a PublicKeyInfo>,
    signature_algorithm: Option<&'a SignatureAlgorithm>,
    signature: Option<&'a SignatureCheck>,
    extensions: Option<&'a [RequestedExtension]>,
    attributes: Option<&'a [Attribute]>,
    fingerprints: Option<&'a Fingerprints>,
    findings: &'a [Finding],
}

#[derive(Serialize)]
struct ErrorReport {
    kind: &'static str,
    message: String,
}

/// Renders the outcome as pretty-printed JSON.
pub(crate) fn render(outcome: &Result<Inspection, CsrError>) -> String {
    let report = match outcome {
        Ok(i) => Report {
            schema: SCHEMA,
            outcome: "csr",
            error: None,
            form: Some(i.form),
            acceptable: Some(i.is_acceptable()),
            version: Some(i.info.version),
            subject: Some(&i.info.subject),
            subject_line: Some(i.info.subject_line()),
            cn: i.info.common_name(),
            sans: Some(&i.info.sans),
            key: Some(&i.info.key),
            signature_algorithm: Some(&i.info.signature_algorithm),
            signature: Some(&i.signature),
            extensions: Some(&i.info.extensions),
            attributes: Some(&i.info.attributes),
            fingerprints: Some(&i.info.fingerprints),
            findings: &i.findings,
        },
        Err(e) => Report {
            schema: SCHEMA,
            outcome: "not_csr",
            error: Some(ErrorReport {
                kind: e.kind(),
                message: e.to_string(),
            }),
            form: None,
            acceptable: None,
            version: None,
            subject: None,
            subject_line: None,
            cn: None,
            sans: None,
            key: None,
            signature_algorithm: None,
            signature: None,
            extensions: None,
            attributes: None,
            fingerprints: None,
            findings: &[],
        },
    };
    // Serialising plain data with string keys cannot fail; fall back to a minimal object.
    serde_json::to_string_pretty(&report).unwrap_or_else(|e| {
        format!("{{\"schema\":\"{SCHEMA}\",\"outcome\":\"internal_error\",\"message\":\"{e}\"}}")
    })
}
