//! The CSR's self-signature: proof that whoever made it holds the private key.

use serde::Serialize;

/// The outcome of checking a CSR's self-signature.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum SignatureCheck {
    /// The signature verifies with the request's own public key.
    Valid,
    /// The signature does not verify: the request was altered or signed with another key.
    Invalid {
        /// Why, e.g. `signature mismatch` or `signature is not a valid ECDSA encoding`.
        reason: String,
    },
    /// The algorithm is one certorder cannot check (MD2, MD4, DSA, unknown OIDs, …).
    /// Never reported as invalid.
    CannotCheck {
        /// The algorithm's name or OID.
        algorithm: String,
    },
}

/// Checks the self-signature of a parsed request with its own subject public key.
pub(crate) fn check(
    csr: &x509_parser::certification_request::X509CertificationRequest<'_>,
) -> SignatureCheck {
    let _ = csr;
    SignatureCheck::CannotCheck {
        algorithm: "not implemented".into(),
    }
}
