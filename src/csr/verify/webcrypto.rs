//! The signature check as the browser's WebCrypto makes it, decided in plain Rust.
//!
//! [`plan`] turns a request into a [`SignatureRequest`]: the algorithm and parameters for
//! `SubtleCrypto.importKey("spki", …)` and `SubtleCrypto.verify(…)` (W3C Web Cryptography API),
//! the key, the signature in the encoding WebCrypto takes, and the signed bytes; or into the
//! final outcome when the rules decide without asking (an algorithm we cannot check, a
//! malformed key or signature). [`SignatureRequest::verdict`] reads WebCrypto's answer into a
//! [`SignatureCheck`]. The browser part (`browser.rs`) only makes the two calls.
//!
//! A refusal by the browser (an algorithm or key it does not take, no WebCrypto on the page)
//! is "cannot check", never "invalid": only a `false` from `verify` says the signature is bad.

mod der;

use super::algorithm::{Hash, Scheme};
use super::{Failure, SignatureCheck, ecdsa, signed};
use x509_parser::certification_request::X509CertificationRequest;

/// The WebCrypto algorithm and its parameters, for `importKey` and `verify`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WebAlgorithm {
    /// `{name: "RSASSA-PKCS1-v1_5", hash}` to import; `{name}` to verify.
    RsaPkcs1 {
        /// `SHA-1`, `SHA-256`, `SHA-384` or `SHA-512`.
        hash: &'static str,
    },
    /// `{name: "RSA-PSS", hash}` to import; `{name, saltLength}` to verify (MGF1 with `hash`).
    RsaPss {
        /// `SHA-1`, `SHA-256`, `SHA-384` or `SHA-512`.
        hash: &'static str,
        /// The salt length in bytes.
        salt_length: u32,
    },
    /// `{name: "ECDSA", namedCurve}` to import; `{name, hash}` to verify.
    Ecdsa {
        /// `P-256`, `P-384` or `P-521`.
        named_curve: &'static str,
        /// `SHA-1`, `SHA-256`, `SHA-384` or `SHA-512`.
        hash: &'static str,
    },
    /// `{name: "Ed25519"}` for both.
    Ed25519,
}

impl WebAlgorithm {
    /// The algorithm's WebCrypto name.
    pub fn name(self) -> &'static str {
        match self {
            Self::RsaPkcs1 { .. } => "RSASSA-PKCS1-v1_5",
            Self::RsaPss { .. } => "RSA-PSS",
            Self::Ecdsa { .. } => "ECDSA",
            Self::Ed25519 => "Ed25519",
        }
    }
}

/// What to ask WebCrypto to check one request's self-signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignatureRequest {
    /// The algorithm and its parameters.
    pub algorithm: WebAlgorithm,
    /// The SubjectPublicKeyInfo DER for `importKey("spki", …)`.
    pub spki: Vec<u8>,
    /// The signature as `verify` takes it (r‖s for ECDSA).
    pub signature: Vec<u8>,
    /// The signed bytes: the CertificationRequestInfo as received.
    pub message: Vec<u8>,
    /// The signature scheme as OpenSSL names it, for messages.
    scheme: String,
}

/// What WebCrypto answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// `verify` resolved with this boolean.
    Verified(bool),
    /// `importKey` or `verify` rejected, with the exception's name and message.
    Refused(String),
    /// The page has no `crypto.subtle` (WebCrypto exists in secure contexts only: HTTPS or
    /// localhost).
    Unavailable,
}

impl SignatureRequest {
    /// The outcome WebCrypto's answer means.
    pub fn verdict(&self, answer: Answer) -> SignatureCheck {
        match answer {
            Answer::Verified(true) => SignatureCheck::Valid,
            Answer::Verified(false) => SignatureCheck::Invalid {
                reason: "signature mismatch: the request was altered or signed with another key"
                    .into(),
            },
            Answer::Refused(error) => SignatureCheck::CannotCheck {
                algorithm: format!("{} (this browser refused it: {error})", self.scheme),
            },
            Answer::Unavailable => SignatureCheck::CannotCheck {
                algorithm: format!(
                    "{} (this page has no WebCrypto; browsers offer it on HTTPS pages only)",
                    self.scheme
                ),
            },
        }
    }
}

/// Decides what to ask WebCrypto about the self-signature of `csr` over `message`, or the
/// outcome when no question is needed.
///
/// The key and the signature are checked first, as the native verifier does, so that a
/// malformed one is invalid whatever its hash; then a hash WebCrypto lacks (MD5, SHA-224,
/// SHA-512/224, SHA-512/256) is "cannot check".
pub(super) fn plan(
    csr: &X509CertificationRequest<'_>,
    message: &[u8],
) -> Result<SignatureRequest, Failure> {
    let signed = signed(csr)?;
    let scheme = signed.scheme.name();
    let lacking = |hash: Hash| {
        hash.webcrypto_name().ok_or_else(|| {
            Failure::CannotCheck(format!(
                "{scheme} (the browser's WebCrypto has no {})",
                hash.name()
            ))
        })
    };
    let (algorithm, spki, signature) = match signed.scheme {
        Scheme::RsaPkcs1(hash) => {
            rsa_signature_fits(signed.key, signed.signature)?;
            let hash = lacking(hash)?;
            (
                WebAlgorithm::RsaPkcs1 { hash },
                der::rsa_spki(signed.key),
                signed.signature.to_vec(),
            )
        }
        Scheme::RsaPss { hash, salt_len } => {
            let modulus = rsa_signature_fits(signed.key, signed.signature)?;
            // RFC 8017 §9.1.2 step 3: emLen < hLen + sLen + 2 is "inconsistent".
            if salt_len > modulus.len() {
                return Err(Failure::Invalid(format!(
                    "the RSASSA-PSS salt length {salt_len} does not fit a {}-bit key",
                    modulus.bits()
                )));
            }
            let salt_length = u32::try_from(salt_len)
                .map_err(|_| Failure::Invalid("the RSASSA-PSS salt length is too large".into()))?;
            let hash = lacking(hash)?;
            (
                WebAlgorithm::RsaPss { hash, salt_length },
                der::rsa_spki(signed.key),
                signed.signature.to_vec(),
            )
        }
        Scheme::Ecdsa(hash) => {
            let curve = ecdsa::curve(&signed.spki.algorithm, &scheme)?;
            ec_point_fits(curve, signed.key)?;
            let signature = der::ecdsa_fixed(signed.signature, curve.field_len())?;
            let hash = lacking(hash)?;
            (
                WebAlgorithm::Ecdsa {
                    named_curve: curve.name(),
                    hash,
                },
                signed.spki.raw.to_vec(),
                signature,
            )
        }
        Scheme::Ed25519 => {
            if signed.key.len() != 32 {
                return Err(Failure::Invalid(format!(
                    "the Ed25519 public key is {} bytes long, not 32",
                    signed.key.len()
                )));
            }
            if signed.signature.len() != 64 {
                return Err(Failure::Invalid(format!(
                    "the Ed25519 signature is {} bytes long, not 64",
                    signed.signature.len()
                )));
            }
            (
                WebAlgorithm::Ed25519,
                signed.spki.raw.to_vec(),
                signed.signature.to_vec(),
            )
        }
    };
    Ok(SignatureRequest {
        algorithm,
        spki,
        signature,
        message: message.to_vec(),
        scheme,
    })
}

/// The RSA key is usable and the signature exactly as long as its modulus (RFC 8017 §8.1.2
/// and §8.2.2 step 1).
fn rsa_signature_fits<'a>(key: &'a [u8], signature: &[u8]) -> Result<der::RsaModulus<'a>, Failure> {
    let modulus = der::rsa_key(key)?;
    if signature.len() != modulus.len() {
        return Err(Failure::Invalid(format!(
            "the RSA signature is {} bytes long but the {}-bit key needs {}",
            signature.len(),
            modulus.bits(),
            modulus.len()
        )));
    }
    Ok(modulus)
}

/// The SEC 1 point (§2.3.3) has the length of its form on the curve; whether it lies on the
/// curve is WebCrypto's to say.
fn ec_point_fits(curve: ecdsa::Curve, point: &[u8]) -> Result<(), Failure> {
    let len = curve.field_len();
    let fits = match point.first() {
        Some(0x04) => point.len() == 1 + 2 * len,
        Some(0x02 | 0x03) => point.len() == 1 + len,
        _ => false,
    };
    if fits {
        Ok(())
    } else {
        Err(Failure::Invalid(format!(
            "the EC public key is not a valid point on {}",
            curve.name()
        )))
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
