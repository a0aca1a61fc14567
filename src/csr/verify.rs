//! The CSR's self-signature: proof that whoever made it holds the private key.
//!
//! PKCS#10 (RFC 2986 §4.2) signs the DER encoding of `CertificationRequestInfo` with the
//! private key matching the public key inside it. We check that signature over the exact bytes
//! that were received:
//!
//! - RSASSA-PKCS1-v1_5 with MD5, SHA-1 and the SHA-2 family (RFC 8017 §8.2);
//! - RSASSA-PSS with MGF1 over the message hash, any salt length (RFC 8017 §8.1, RFC 4055);
//! - ECDSA on P-256, P-384 and P-521 with SHA-1 or any SHA-2 hash (RFC 5758 §3.2);
//! - Ed25519 (RFC 8410).
//!
//! Anything else (MD2, MD4, DSA, Ed448, other curves, unknown OIDs) is
//! [`SignatureCheck::CannotCheck`]: a signature we cannot check is never called invalid.
//!
//! Two verifiers, one set of rules. Natively ([`native`]) *ring* confirms the common cases and
//! the pure-Rust RustCrypto verifiers decide the rest. In the browser the check is the
//! browser's own WebCrypto (`SubtleCrypto.verify`): [`webcrypto`] decides, in plain Rust, what
//! to ask it with which parameters and how to read its answer, and `browser` only makes the
//! call. WebCrypto answers asynchronously, so in the browser [`crate::csr::inspect`] reports
//! [`SignatureCheck::Checking`] and the answer replaces it
//! ([`crate::csr::Inspection::with_signature`]). WebCrypto has no MD5 and no SHA-224 or
//! SHA-512/t: those requests cannot be checked in the browser.

mod algorithm;
#[cfg(target_arch = "wasm32")]
pub mod browser;
mod ecdsa;
#[cfg(not(target_arch = "wasm32"))]
mod eddsa;
#[cfg(not(target_arch = "wasm32"))]
mod fast;
#[cfg(not(target_arch = "wasm32"))]
mod native;
#[cfg(not(target_arch = "wasm32"))]
mod rsa;
// Natively the WebCrypto rules only run in their tests; the browser build uses them.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub mod webcrypto;

use self::algorithm::Scheme;
use serde::Serialize;
use x509_parser::certification_request::X509CertificationRequest;
use x509_parser::x509::SubjectPublicKeyInfo;

pub use webcrypto::SignatureRequest;

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
    /// The browser is checking it (WebCrypto answers asynchronously); never the final outcome
    /// of a native check.
    Checking,
}

/// Why a signature check did not succeed; converted into [`SignatureCheck`] at the end.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Failure {
    /// The reason the signature is bad.
    Invalid(String),
    /// The algorithm we have no verifier for.
    CannotCheck(String),
}

impl From<Failure> for SignatureCheck {
    fn from(failure: Failure) -> Self {
        match failure {
            Failure::Invalid(reason) => Self::Invalid { reason },
            Failure::CannotCheck(algorithm) => Self::CannotCheck { algorithm },
        }
    }
}

impl From<Result<(), Failure>> for SignatureCheck {
    fn from(result: Result<(), Failure>) -> Self {
        result.map_or_else(Self::from, |()| Self::Valid)
    }
}

/// OID of rsaEncryption (RFC 8017 Appendix A.1).
const RSA_ENCRYPTION: &str = "1.2.840.113549.1.1.1";
/// OID of id-ecPublicKey (RFC 5480 §2.1.1).
const EC_PUBLIC_KEY: &str = "1.2.840.10045.2.1";
/// OID of id-Ed25519 (RFC 8410 §3), the same for the key and the signature.
const ED25519: &str = "1.3.101.112";

/// The outcome of the check, and in the browser what to ask WebCrypto for it.
pub(crate) struct Checked {
    /// The outcome, or [`SignatureCheck::Checking`] while WebCrypto has the request.
    pub(crate) outcome: SignatureCheck,
    /// What to ask WebCrypto; `None` when the outcome is final.
    pub(crate) request: Option<SignatureRequest>,
}

/// Checks the self-signature over `signed_info`, the CertificationRequestInfo exactly as it
/// was received, when `csr` was parsed from a normalised copy of the request.
///
/// Natively the outcome is final. In the browser it is [`SignatureCheck::Checking`] with the
/// request for WebCrypto, unless the rules already decide (an algorithm we cannot check, a
/// malformed key or signature).
pub(crate) fn check_signed(csr: &X509CertificationRequest<'_>, signed_info: &[u8]) -> Checked {
    #[cfg(not(target_arch = "wasm32"))]
    {
        Checked {
            outcome: native::verify(csr, signed_info).into(),
            request: None,
        }
    }
    #[cfg(target_arch = "wasm32")]
    {
        match webcrypto::plan(csr, signed_info) {
            Ok(request) => Checked {
                outcome: SignatureCheck::Checking,
                request: Some(request),
            },
            Err(failure) => Checked {
                outcome: failure.into(),
                request: None,
            },
        }
    }
}

/// Parses a DER request and checks its self-signature natively.
///
/// For tests and benchmarks of the verifier on its own; applications use
/// [`crate::csr::inspect`], which reports the same outcome.
#[doc(hidden)]
#[cfg(not(target_arch = "wasm32"))]
pub fn verify_der(der: &[u8]) -> Result<SignatureCheck, super::CsrError> {
    use x509_parser::prelude::FromDer as _;
    let (_, csr) =
        X509CertificationRequest::from_der(der).map_err(|err| super::CsrError::MalformedDer {
            offset: 0,
            detail: err.to_string(),
        })?;
    Ok(check_signed(&csr, csr.certification_request_info.raw).outcome)
}

/// What both verifiers start from: the scheme, and the signature and key as whole octets
/// that fit each other.
struct Signed<'a> {
    scheme: Scheme,
    signature: &'a [u8],
    spki: &'a SubjectPublicKeyInfo<'a>,
    /// The subject public key's BIT STRING contents.
    key: &'a [u8],
}

/// Reads the algorithm, the signature and the key, and checks they belong together.
fn signed<'a>(csr: &'a X509CertificationRequest<'a>) -> Result<Signed<'a>, Failure> {
    // Learn the algorithm first: an algorithm we cannot check stays "cannot check" even when
    // the rest of the request looks odd to us.
    let scheme = algorithm::scheme(&csr.signature_algorithm)?;
    let spki = &csr.certification_request_info.subject_pki;

    // Every signature and key we verify is a whole number of octets (RFC 5280 §4.1.1.3).
    if csr.signature_value.unused_bits != 0 {
        return Err(Failure::Invalid(format!(
            "the signature BIT STRING has {} unused bits; signatures are whole octets",
            csr.signature_value.unused_bits
        )));
    }
    if spki.subject_public_key.unused_bits != 0 {
        return Err(Failure::Invalid(
            "the public key BIT STRING has unused bits; keys are whole octets".into(),
        ));
    }
    let key_oid = spki.algorithm.algorithm.to_id_string();
    match scheme {
        Scheme::RsaPkcs1(_) => {
            expect_key(&scheme, &key_oid, &[RSA_ENCRYPTION, algorithm::RSASSA_PSS])?;
            // RFC 4055 §1.2: a key published as id-RSASSA-PSS must only be used for PSS.
            if key_oid == algorithm::RSASSA_PSS {
                return Err(Failure::Invalid(format!(
                    "the key is an RSASSA-PSS key, which must not sign {} (RFC 4055 §1.2)",
                    scheme.name()
                )));
            }
        }
        Scheme::RsaPss { .. } => {
            expect_key(&scheme, &key_oid, &[RSA_ENCRYPTION, algorithm::RSASSA_PSS])?;
        }
        Scheme::Ecdsa(_) => expect_key(&scheme, &key_oid, &[EC_PUBLIC_KEY])?,
        Scheme::Ed25519 => expect_key(&scheme, &key_oid, &[ED25519])?,
    }
    Ok(Signed {
        scheme,
        signature: &csr.signature_value.data,
        spki,
        key: &spki.subject_public_key.data,
    })
}

/// A signature algorithm only fits keys of its own kind; anything else cannot have made it.
fn expect_key(scheme: &Scheme, key_oid: &str, allowed: &[&str]) -> Result<(), Failure> {
    if allowed.contains(&key_oid) {
        return Ok(());
    }
    let key = match key_oid {
        RSA_ENCRYPTION | algorithm::RSASSA_PSS => "an RSA key",
        EC_PUBLIC_KEY => "an EC key",
        ED25519 => "an Ed25519 key",
        "1.3.101.113" => "an Ed448 key",
        "1.2.840.10040.4.1" => "a DSA key",
        _ => "",
    };
    let key = if key.is_empty() {
        format!("a key of type {key_oid}")
    } else {
        key.to_string()
    };
    Err(Failure::Invalid(format!(
        "the request is signed with {} but its public key is {key}",
        scheme.name()
    )))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::csr::verify::algorithm::Hash;

    #[test]
    fn a_signature_algorithm_for_another_key_type_is_invalid() {
        let result = expect_key(
            &Scheme::Ecdsa(Hash::Sha256),
            RSA_ENCRYPTION,
            &[EC_PUBLIC_KEY],
        );
        assert!(
            matches!(result, Err(Failure::Invalid(reason)) if reason.contains("ecdsa-with-SHA256") && reason.contains("an RSA key"))
        );
    }

    #[test]
    fn an_unknown_key_type_is_named_by_its_oid() {
        let result = expect_key(&Scheme::Ed25519, "1.2.3.4", &[ED25519]);
        assert!(matches!(result, Err(Failure::Invalid(reason)) if reason.contains("1.2.3.4")));
    }

    #[test]
    fn outcomes_serialise_with_a_status_tag() {
        let json = serde_json::to_string(&SignatureCheck::CannotCheck {
            algorithm: "ED448".into(),
        });
        assert_eq!(
            json.ok().as_deref(),
            Some(r#"{"status":"cannot_check","algorithm":"ED448"}"#)
        );
        let json = serde_json::to_string(&SignatureCheck::Checking);
        assert_eq!(json.ok().as_deref(), Some(r#"{"status":"checking"}"#));
    }
}
