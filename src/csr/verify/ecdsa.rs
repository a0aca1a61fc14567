//! ECDSA signatures on the NIST prime curves (RFC 5758 §3.2, RFC 5480).

use super::Failure;
#[cfg(not(target_arch = "wasm32"))]
use super::algorithm::Hash;
#[cfg(not(target_arch = "wasm32"))]
use ecdsa::signature::hazmat::PrehashVerifier as _;
use x509_parser::x509::AlgorithmIdentifier;

/// A curve we can verify on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Curve {
    P256,
    P384,
    P521,
}

impl Curve {
    /// The curve's name as NIST and WebCrypto spell it (`P-256`).
    pub(super) fn name(self) -> &'static str {
        match self {
            Self::P256 => "P-256",
            Self::P384 => "P-384",
            Self::P521 => "P-521",
        }
    }

    /// The length of a field element, and so of r and s, in bytes.
    pub(super) fn field_len(self) -> usize {
        match self {
            Self::P256 => 32,
            Self::P384 => 48,
            Self::P521 => 66,
        }
    }
}

/// The named curve of an id-ecPublicKey SPKI (RFC 5480 §2.1.1).
///
/// Other named curves (secp256k1, brainpool, …) and explicit or implicit parameters are
/// [`Failure::CannotCheck`]: the key may be fine, we simply have no arithmetic for it.
pub(super) fn curve(key_alg: &AlgorithmIdentifier<'_>, scheme: &str) -> Result<Curve, Failure> {
    let Some(oid) = key_alg.parameters.as_ref().and_then(|p| p.as_oid().ok()) else {
        return Err(Failure::CannotCheck(format!(
            "{scheme} on a curve given by explicit or implicit parameters"
        )));
    };
    let oid = oid.to_id_string();
    match oid.as_str() {
        "1.2.840.10045.3.1.7" => Ok(Curve::P256),
        "1.3.132.0.34" => Ok(Curve::P384),
        "1.3.132.0.35" => Ok(Curve::P521),
        other => Err(Failure::CannotCheck(format!(
            "{scheme} on {}",
            curve_name(other).unwrap_or(other)
        ))),
    }
}

/// Names of curves seen in the wild that we do not verify on.
fn curve_name(oid: &str) -> Option<&'static str> {
    Some(match oid {
        "1.2.840.10045.3.1.1" => "P-192",
        "1.3.132.0.33" => "P-224",
        "1.3.132.0.10" => "secp256k1",
        "1.3.36.3.3.2.8.1.1.7" => "brainpoolP256r1",
        "1.3.36.3.3.2.8.1.1.11" => "brainpoolP384r1",
        "1.3.36.3.3.2.8.1.1.13" => "brainpoolP512r1",
        "1.2.156.10197.1.301" => "SM2",
        _ => return None,
    })
}

/// The same steps for each curve (natively; the browser asks WebCrypto); a macro rather than a generic function because the
/// `ecdsa` crate's trait bounds for DER signatures are long and name deprecated types.
#[cfg(not(target_arch = "wasm32"))]
macro_rules! verify_on {
    ($curve:ty, $field_len:expr, $name:expr, $point:expr, $digest:expr, $signature:expr) => {{
        let key = ecdsa::VerifyingKey::<$curve>::from_sec1_bytes($point).map_err(|_| {
            Failure::Invalid(format!(
                "the EC public key is not a valid point on {}",
                $name.name()
            ))
        })?;
        let signature = ecdsa::Signature::<$curve>::from_der($signature).map_err(|_| {
            Failure::Invalid(
                "the signature is not a valid ECDSA encoding (a DER SEQUENCE of r and s in 1..n-1)"
                    .into(),
            )
        })?;
        key.verify_prehash(&prehash($digest, $field_len), &signature)
            .map_err(|_| {
                Failure::Invalid(
                    "signature mismatch: the request was altered or signed with another key".into(),
                )
            })
    }};
}

#[cfg(not(target_arch = "wasm32"))]
/// Checks an ECDSA signature (DER `Ecdsa-Sig-Value`, RFC 5480 §2.2 / RFC 3279 §2.2.3) by the
/// SEC 1 point `point` over `message` hashed with `hash`.
pub(super) fn verify(
    curve: Curve,
    point: &[u8],
    hash: Hash,
    message: &[u8],
    signature: &[u8],
) -> Result<(), Failure> {
    let digest = hash.digest(message);
    match curve {
        Curve::P256 => verify_on!(
            p256::NistP256,
            curve.field_len(),
            curve,
            point,
            &digest,
            signature
        ),
        Curve::P384 => verify_on!(
            p384::NistP384,
            curve.field_len(),
            curve,
            point,
            &digest,
            signature
        ),
        Curve::P521 => verify_on!(
            p521::NistP521,
            curve.field_len(),
            curve,
            point,
            &digest,
            signature
        ),
    }
}

#[cfg(not(target_arch = "wasm32"))]
/// The hash as the verifier's input.
///
/// SEC 1 §4.1.4 step 5 / FIPS 186-5 §6.4.2: a hash shorter than the group order is used whole,
/// which is the same as left-padding it with zeros. The `ecdsa` crate refuses hashes shorter
/// than half the field (SHA-256 on P-521, SHA-1 on P-384) as a signing policy, so we pad them
/// ourselves; longer hashes are truncated to their leftmost bits by the crate.
fn prehash(digest: &[u8], field_len: usize) -> Vec<u8> {
    let mut prehash = vec![0u8; field_len.saturating_sub(digest.len())];
    prehash.extend_from_slice(digest);
    prehash
}
