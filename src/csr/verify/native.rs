//! The native signature check: *ring* first ([`super::fast`]), then the RustCrypto verifiers,
//! which decide and explain what *ring* does not confirm.

use super::algorithm::Scheme;
use super::{Failure, ecdsa, eddsa, fast, rsa, signed};
use x509_parser::certification_request::X509CertificationRequest;

/// Checks the self-signature of `csr` over `message`, the CertificationRequestInfo as received.
pub(super) fn verify(csr: &X509CertificationRequest<'_>, message: &[u8]) -> Result<(), Failure> {
    let signed = signed(csr)?;
    let (key, signature) = (signed.key, signed.signature);
    match signed.scheme {
        Scheme::RsaPkcs1(hash) => {
            let key = rsa::public_key(key)?;
            let (n, e) = rsa::components(&key);
            if fast::rsa_pkcs1(&n, &e, hash, message, signature) {
                return Ok(());
            }
            rsa::verify_pkcs1(&key, hash, message, signature)
        }
        Scheme::RsaPss { hash, salt_len } => {
            let key = rsa::public_key(key)?;
            let (n, e) = rsa::components(&key);
            if fast::rsa_pss(&n, &e, hash, salt_len, message, signature) {
                return Ok(());
            }
            rsa::verify_pss(&key, hash, salt_len, message, signature)
        }
        Scheme::Ecdsa(hash) => {
            let curve = ecdsa::curve(&signed.spki.algorithm, &signed.scheme.name())?;
            if fast::ecdsa(curve, key, hash, message, signature) {
                return Ok(());
            }
            ecdsa::verify(curve, key, hash, message, signature)
        }
        Scheme::Ed25519 => eddsa::verify_ed25519(key, message, signature),
    }
}
