//! The request's self-signature: its hash algorithm and whether it verifies.

use super::{Finding, Rule, Severity};
use crate::csr::{SignatureAlgorithm, SignatureCheck};

/// Signed with MD2, MD4, MD5 or SHA-1. These hashes have practical collisions, and
/// BR §7.1.3.2 allows only SHA-256, SHA-384 and SHA-512 in signatures; CAs refuse requests
/// signed with the old ones.
pub(super) const SIGNATURE_WEAK_HASH: Rule = Rule {
    code: "signature-weak-hash",
    severity: Severity::Error,
    reference: "CA/B BR §7.1.3.2",
    summary: "The request is signed with MD5, SHA-1 or an older hash.",
};

/// The self-signature does not verify. RFC 2986 §3 and §4.2: the signature over
/// CertificationRequestInfo with the subject's private key proves possession of that key.
pub(super) const SIGNATURE_INVALID: Rule = Rule {
    code: "signature-invalid",
    severity: Severity::Error,
    reference: "RFC 2986 §3, §4.2",
    summary: "The request's self-signature does not verify with its own public key.",
};

/// The self-signature uses an algorithm certorder cannot verify; the CA will check it.
/// RFC 2986 §4.2.
pub(super) const SIGNATURE_NOT_CHECKED: Rule = Rule {
    code: "signature-not-checked",
    severity: Severity::Info,
    reference: "RFC 2986 §4.2",
    summary: "The request's signature algorithm cannot be checked here.",
};

/// The browser is still checking the self-signature (WebCrypto answers asynchronously); the
/// finding is replaced by the outcome's as soon as it is in. RFC 2986 §4.2.
pub(super) const SIGNATURE_CHECKING: Rule = Rule {
    code: "signature-checking",
    severity: Severity::Info,
    reference: "RFC 2986 §4.2",
    summary: "The browser is still checking the request's self-signature.",
};

/// The codes of the findings that say how the self-signature check came out: the ones
/// [`crate::csr::Inspection::with_signature`] replaces.
pub(crate) const OUTCOME_CODES: [&str; 3] = [
    SIGNATURE_INVALID.code,
    SIGNATURE_NOT_CHECKED.code,
    SIGNATURE_CHECKING.code,
];

/// Signature OIDs whose hash is MD2, MD4, MD5 or SHA-1 (RFC 8017 App. A.2.4, RFC 3279 §2.2,
/// and the OIW names 1.3.14.3.2.3, .27 and .29).
const WEAK: &[(&str, &str)] = &[
    ("1.2.840.113549.1.1.2", "MD2"),
    ("1.2.840.113549.1.1.3", "MD4"),
    ("1.2.840.113549.1.1.4", "MD5"),
    ("1.3.14.3.2.3", "MD5"),
    ("1.2.840.113549.1.1.5", "SHA-1"),
    ("1.3.14.3.2.29", "SHA-1"),
    ("1.2.840.10045.4.1", "SHA-1"),
    ("1.2.840.10040.4.3", "SHA-1"),
    ("1.3.14.3.2.27", "SHA-1"),
];

/// OID of RSASSA-PSS (RFC 4055 §3.1): its hash is a parameter, named in the algorithm name.
const RSASSA_PSS: &str = "1.2.840.113549.1.1.10";

/// Checks the signature rules.
pub(super) fn check(
    algorithm: &SignatureAlgorithm,
    outcome: &SignatureCheck,
    out: &mut Vec<Finding>,
) {
    if let Some(hash) = weak_hash(algorithm) {
        out.push(SIGNATURE_WEAK_HASH.finding(format!(
            "the request is signed with {} ({hash}); CAs require SHA-256 or stronger: sign it \
             again with `openssl req -new -sha256 -key example.key -out example.csr`",
            algorithm.name
        )));
    }
    out.extend(outcome_finding(outcome));
}

/// The finding for the outcome of the self-signature check, if it needs one.
pub(crate) fn outcome_finding(outcome: &SignatureCheck) -> Option<Finding> {
    match outcome {
        SignatureCheck::Valid => None,
        SignatureCheck::Invalid { reason } => Some(SIGNATURE_INVALID.finding(format!(
            "the request's signature does not verify ({reason}): it was changed after signing \
             or signed with another key; make the CSR again from the private key, e.g. \
             `openssl req -new -key example.key -out example.csr`"
        ))),
        SignatureCheck::CannotCheck { algorithm } => Some(SIGNATURE_NOT_CHECKED.finding(format!(
            "the signature algorithm {algorithm} cannot be checked here; the CA will check \
             it when you order"
        ))),
        SignatureCheck::Checking => Some(
            SIGNATURE_CHECKING
                .finding("checking the self-signature with this browser's WebCrypto…"),
        ),
    }
}

/// The weak hash the algorithm uses, if any.
fn weak_hash(algorithm: &SignatureAlgorithm) -> Option<&'static str> {
    if let Some(&(_, hash)) = WEAK.iter().find(|(oid, _)| *oid == algorithm.oid) {
        return Some(hash);
    }
    // The report names the PSS hash, "rsassaPss (SHA-1)"; absent parameters default to SHA-1.
    (algorithm.oid == RSASSA_PSS && algorithm.name.contains("(SHA-1)")).then_some("SHA-1")
}
