//! Ed25519 signatures (RFC 8410 §6, RFC 8032 §5.1.7).

use super::Failure;
use ed25519_dalek::Verifier as _;

/// Checks an Ed25519 signature by the 32-byte public key over `message`.
///
/// PureEdDSA signs the message itself, not a hash of it (RFC 8410 §6).
pub(super) fn verify_ed25519(key: &[u8], message: &[u8], signature: &[u8]) -> Result<(), Failure> {
    let key: &[u8; 32] = key.try_into().map_err(|_| {
        Failure::Invalid(format!(
            "the Ed25519 public key is {} bytes long, not 32",
            key.len()
        ))
    })?;
    let key = ed25519_dalek::VerifyingKey::from_bytes(key)
        .map_err(|_| Failure::Invalid("the Ed25519 public key is not a valid point".into()))?;
    let signature = ed25519_dalek::Signature::from_slice(signature).map_err(|_| {
        Failure::Invalid(format!(
            "the Ed25519 signature is {} bytes long, not 64",
            signature.len()
        ))
    })?;
    key.verify(message, &signature).map_err(|_| {
        Failure::Invalid(
            "signature mismatch: the request was altered or signed with another key".into(),
        )
    })
}
