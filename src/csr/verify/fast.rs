//! The fast path: *ring*'s verifiers for the signatures nearly every request carries.
//!
//! The pure-Rust verifiers next to this module handle every algorithm certorder checks, and
//! they say precisely what is wrong with a bad signature; but their RSA public-key operation
//! (`rsa` 0.9 on `num-bigint-dig`) is several times slower than *ring*'s, natively and in the
//! browser. *ring* covers RSASSA-PKCS1-v1_5 with SHA-1/256/384/512 on 1024- to 8192-bit keys,
//! RSASSA-PSS with SHA-256/384/512 and a salt as long as the hash on 2048- to 8192-bit keys,
//! and ECDSA on P-256 and P-384 with SHA-256 or SHA-384 (uncompressed points).
//!
//! A signature *ring* accepts is valid. Anything else (an algorithm, key size or encoding
//! outside that set, or a signature that does not verify) goes on to the pure-Rust verifier,
//! which decides and explains: the fast path can only make a valid signature faster to
//! confirm, never change an outcome.

use super::algorithm::Hash;
use super::ecdsa::Curve;
use ring::signature::{self, RsaParameters, RsaPublicKeyComponents, UnparsedPublicKey};

/// Whether *ring* verifies an RSASSA-PKCS1-v1_5 signature. `n` and `e` are big-endian without
/// leading zeros.
pub(super) fn rsa_pkcs1(n: &[u8], e: &[u8], hash: Hash, message: &[u8], sig: &[u8]) -> bool {
    let params: &RsaParameters = match hash {
        Hash::Sha1 => &signature::RSA_PKCS1_1024_8192_SHA1_FOR_LEGACY_USE_ONLY,
        Hash::Sha256 => &signature::RSA_PKCS1_1024_8192_SHA256_FOR_LEGACY_USE_ONLY,
        Hash::Sha384 => &signature::RSA_PKCS1_2048_8192_SHA384,
        Hash::Sha512 => &signature::RSA_PKCS1_1024_8192_SHA512_FOR_LEGACY_USE_ONLY,
        Hash::Md5 | Hash::Sha224 | Hash::Sha512_224 | Hash::Sha512_256 => return false,
    };
    RsaPublicKeyComponents { n, e }
        .verify(params, message, sig)
        .is_ok()
}

/// Whether *ring* verifies an RSASSA-PSS signature (MGF1 with the same hash).
pub(super) fn rsa_pss(
    n: &[u8],
    e: &[u8],
    hash: Hash,
    salt_len: usize,
    message: &[u8],
    sig: &[u8],
) -> bool {
    // *ring* takes the salt to be as long as the hash, as RFC 8017 §9.1 recommends.
    if salt_len != hash.output_len() {
        return false;
    }
    let params: &RsaParameters = match hash {
        Hash::Sha256 => &signature::RSA_PSS_2048_8192_SHA256,
        Hash::Sha384 => &signature::RSA_PSS_2048_8192_SHA384,
        Hash::Sha512 => &signature::RSA_PSS_2048_8192_SHA512,
        _ => return false,
    };
    RsaPublicKeyComponents { n, e }
        .verify(params, message, sig)
        .is_ok()
}

/// Whether *ring* verifies a DER ECDSA signature by the SEC 1 point `point`.
pub(super) fn ecdsa(curve: Curve, point: &[u8], hash: Hash, message: &[u8], sig: &[u8]) -> bool {
    let algorithm = match (curve, hash) {
        (Curve::P256, Hash::Sha256) => &signature::ECDSA_P256_SHA256_ASN1,
        (Curve::P256, Hash::Sha384) => &signature::ECDSA_P256_SHA384_ASN1,
        (Curve::P384, Hash::Sha256) => &signature::ECDSA_P384_SHA256_ASN1,
        (Curve::P384, Hash::Sha384) => &signature::ECDSA_P384_SHA384_ASN1,
        _ => return false,
    };
    UnparsedPublicKey::new(algorithm, point)
        .verify(message, sig)
        .is_ok()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::super::algorithm;
    use super::*;
    use x509_parser::certification_request::X509CertificationRequest;
    use x509_parser::prelude::FromDer as _;

    /// Whether the fast path alone confirms a request of the signature corpus.
    fn confirms(file: &str) -> bool {
        let path = format!(
            "{}/tests/fixtures/csr/signature/{file}",
            env!("CARGO_MANIFEST_DIR")
        );
        let pem = ::pem::parse(std::fs::read(path).unwrap()).unwrap();
        let (_, csr) = X509CertificationRequest::from_der(pem.contents()).unwrap();
        let info = &csr.certification_request_info;
        let key: &[u8] = &info.subject_pki.subject_public_key.data;
        let signature: &[u8] = &csr.signature_value.data;
        match algorithm::scheme(&csr.signature_algorithm).unwrap() {
            algorithm::Scheme::RsaPkcs1(hash) => {
                let key = super::super::rsa::public_key(key).unwrap();
                let (n, e) = super::super::rsa::components(&key);
                rsa_pkcs1(&n, &e, hash, info.raw, signature)
            }
            algorithm::Scheme::RsaPss { hash, salt_len } => {
                let key = super::super::rsa::public_key(key).unwrap();
                let (n, e) = super::super::rsa::components(&key);
                rsa_pss(&n, &e, hash, salt_len, info.raw, signature)
            }
            algorithm::Scheme::Ecdsa(hash) => {
                let curve =
                    super::super::ecdsa::curve(&info.subject_pki.algorithm, "ecdsa").unwrap();
                ecdsa(curve, key, hash, info.raw, signature)
            }
            algorithm::Scheme::Ed25519 => false,
        }
    }

    #[test]
    fn ring_confirms_the_common_signatures() {
        for file in [
            "rsa2048-sha256.pem",
            "rsa2048-sha1.pem",
            "rsa2048-sha384.pem",
            "rsa2048-sha512.pem",
            "rsa4096-sha256.pem",
            "rsa8192-sha256.pem",
            "rsa2048-pss-sha256-salt32.pem",
            "ec-p256-sha256.pem",
            "ec-p256-sha384.pem",
            "ec-p384-sha384.pem",
            "ec-p384-sha256.pem",
        ] {
            assert!(confirms(file), "{file}");
        }
    }

    #[test]
    fn the_rest_is_left_to_the_pure_rust_verifiers() {
        for file in [
            "rsa2048-md5.pem",                 // no MD5 in ring
            "rsa2048-sha224.pem",              // no SHA-224
            "rsa2048-pss-sha384-salt20.pem",   // salt shorter than the hash
            "rsa2048-corrupted-signature.pem", // does not verify
            "rsa-tampered-subject.pem",
            "ec-p256-sha512.pem", // no SHA-512 on P-256
            "ec-p384-sha1.pem",
            "ec-p521-sha512.pem", // no P-521
            "ec-tampered-subject.pem",
            "p256-corrupted-signature.pem",
        ] {
            assert!(!confirms(file), "{file}");
        }
    }
}
