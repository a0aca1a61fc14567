//! RSA signatures: RSASSA-PKCS1-v1_5 (RFC 8017 §8.2) and RSASSA-PSS (RFC 8017 §8.1).

use super::Failure;
use super::algorithm::Hash;
use rsa::traits::PublicKeyParts as _;
use rsa::{BigUint, Pkcs1v15Sign, Pss, RsaPublicKey};
use x509_parser::prelude::FromDer as _;
use x509_parser::public_key::RSAPublicKey as DerRsaKey;

/// The largest modulus we check. The `rsa` crate refuses more than 4096 bits by default, but
/// CSRs with 8192-bit keys are real; 16384 bits keeps a hostile input's cost bounded (one
/// modular exponentiation with a small exponent).
const MAX_MODULUS_BITS: usize = 16384;

/// DigestInfo prefix for MD5 (RFC 8017 §9.2, note 1). The other hashes get theirs from their
/// OID through the `rsa` crate.
const MD5_DIGEST_INFO: [u8; 18] = [
    0x30, 0x20, 0x30, 0x0c, 0x06, 0x08, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x02, 0x05, 0x05, 0x00,
    0x04, 0x10,
];

/// Decodes an RSAPublicKey (RFC 8017 Appendix A.1.1) from the SPKI's BIT STRING contents.
pub(super) fn public_key(der: &[u8]) -> Result<RsaPublicKey, Failure> {
    let malformed = || Failure::Invalid("the RSA public key is malformed".into());
    let (rest, key) = DerRsaKey::from_der(der).map_err(|_| malformed())?;
    if !rest.is_empty() {
        return Err(malformed());
    }
    // DER INTEGERs are two's complement: a set top bit without a leading zero is negative.
    if key.modulus.first().is_none_or(|b| b & 0x80 != 0) {
        return Err(Failure::Invalid(
            "the RSA modulus is empty or negative".into(),
        ));
    }
    if key.exponent.first().is_none_or(|b| b & 0x80 != 0) {
        return Err(Failure::Invalid(
            "the RSA public exponent is empty or negative".into(),
        ));
    }
    let n = BigUint::from_bytes_be(key.modulus);
    let e = BigUint::from_bytes_be(key.exponent);
    RsaPublicKey::new_with_max_size(n, e, MAX_MODULUS_BITS).map_err(|err| match err {
        rsa::Error::ModulusTooLarge => {
            Failure::CannotCheck(format!("RSA key larger than {MAX_MODULUS_BITS} bits"))
        }
        // The `rsa` crate caps e at 2^33 - 1; larger exponents are legal (RFC 8017 §3.1) but
        // unusual, so we decline rather than call the signature bad.
        rsa::Error::PublicExponentTooLarge => {
            Failure::CannotCheck("RSA key with a public exponent above 2^33 - 1".into())
        }
        other => Failure::Invalid(format!("the RSA public key is not usable: {other}")),
    })
}

/// The modulus and public exponent, big-endian without leading zeros (for [`super::fast`]).
pub(super) fn components(key: &RsaPublicKey) -> (Vec<u8>, Vec<u8>) {
    (key.n().to_bytes_be(), key.e().to_bytes_be())
}

/// Checks an RSASSA-PKCS1-v1_5 signature over `message`.
pub(super) fn verify_pkcs1(
    key: &RsaPublicKey,
    hash: Hash,
    message: &[u8],
    signature: &[u8],
) -> Result<(), Failure> {
    check_length(key, signature)?;
    let scheme = match hash {
        Hash::Md5 => Pkcs1v15Sign {
            hash_len: Some(hash.output_len()),
            prefix: Box::from(MD5_DIGEST_INFO),
        },
        Hash::Sha1 => Pkcs1v15Sign::new::<sha1::Sha1>(),
        Hash::Sha224 => Pkcs1v15Sign::new::<sha2::Sha224>(),
        Hash::Sha256 => Pkcs1v15Sign::new::<sha2::Sha256>(),
        Hash::Sha384 => Pkcs1v15Sign::new::<sha2::Sha384>(),
        Hash::Sha512 => Pkcs1v15Sign::new::<sha2::Sha512>(),
        Hash::Sha512_224 => Pkcs1v15Sign::new::<sha2::Sha512_224>(),
        Hash::Sha512_256 => Pkcs1v15Sign::new::<sha2::Sha512_256>(),
    };
    key.verify(scheme, &hash.digest(message), signature)
        .map_err(|_| mismatch())
}

/// Checks an RSASSA-PSS signature over `message`, MGF1 using the same hash.
pub(super) fn verify_pss(
    key: &RsaPublicKey,
    hash: Hash,
    salt_len: usize,
    message: &[u8],
    signature: &[u8],
) -> Result<(), Failure> {
    check_length(key, signature)?;
    // RFC 8017 §9.1.2 step 3: emLen < hLen + sLen + 2 is "inconsistent". Checking here first
    // also keeps the arithmetic inside the verifier from overflowing on 32-bit targets.
    if salt_len > key.size() {
        return Err(Failure::Invalid(format!(
            "the RSASSA-PSS salt length {salt_len} does not fit a {}-bit key",
            key.n().bits()
        )));
    }
    let scheme = match hash {
        Hash::Md5 => Pss::new_with_salt::<md5::Md5>(salt_len),
        Hash::Sha1 => Pss::new_with_salt::<sha1::Sha1>(salt_len),
        Hash::Sha224 => Pss::new_with_salt::<sha2::Sha224>(salt_len),
        Hash::Sha256 => Pss::new_with_salt::<sha2::Sha256>(salt_len),
        Hash::Sha384 => Pss::new_with_salt::<sha2::Sha384>(salt_len),
        Hash::Sha512 => Pss::new_with_salt::<sha2::Sha512>(salt_len),
        Hash::Sha512_224 => Pss::new_with_salt::<sha2::Sha512_224>(salt_len),
        Hash::Sha512_256 => Pss::new_with_salt::<sha2::Sha512_256>(salt_len),
    };
    key.verify(scheme, &hash.digest(message), signature)
        .map_err(|_| mismatch())
}

/// RFC 8017 §8.1.2 and §8.2.2 step 1: the signature is exactly as long as the modulus.
fn check_length(key: &RsaPublicKey, signature: &[u8]) -> Result<(), Failure> {
    if signature.len() == key.size() {
        Ok(())
    } else {
        Err(Failure::Invalid(format!(
            "the RSA signature is {} bytes long but the {}-bit key needs {}",
            signature.len(),
            key.n().bits(),
            key.size()
        )))
    }
}

fn mismatch() -> Failure {
    Failure::Invalid(
        "signature mismatch: the request was altered or signed with another key".into(),
    )
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    /// RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER } from raw contents.
    fn key_der(modulus: &[u8], exponent: &[u8]) -> Vec<u8> {
        let mut body = vec![0x02, u8::try_from(modulus.len()).unwrap()];
        body.extend_from_slice(modulus);
        body.push(0x02);
        body.push(u8::try_from(exponent.len()).unwrap());
        body.extend_from_slice(exponent);
        let mut der = vec![0x30, u8::try_from(body.len()).unwrap()];
        der.extend_from_slice(&body);
        der
    }

    /// 2^64 + 1: odd, and larger than the exponents below.
    const MODULUS: [u8; 9] = [0x01, 0, 0, 0, 0, 0, 0, 0, 0x01];

    #[test]
    fn a_negative_modulus_is_invalid() {
        assert!(matches!(
            public_key(&key_der(&[0x81], &[0x03])),
            Err(Failure::Invalid(_))
        ));
    }

    #[test]
    fn an_even_modulus_is_invalid() {
        let mut even = MODULUS;
        even[8] = 0x02;
        assert!(matches!(
            public_key(&key_der(&even, &[0x03])),
            Err(Failure::Invalid(_))
        ));
    }

    #[test]
    fn a_huge_exponent_cannot_be_checked() {
        // 2^40 + 1 is a legal exponent the rsa crate does not accept.
        let exponent = [0x01, 0, 0, 0, 0, 0x01];
        assert!(matches!(
            public_key(&key_der(&MODULUS, &exponent)),
            Err(Failure::CannotCheck(_))
        ));
    }

    #[test]
    fn trailing_bytes_after_the_key_are_invalid() {
        let mut der = key_der(&MODULUS, &[0x03]);
        der.push(0);
        assert!(matches!(public_key(&der), Err(Failure::Invalid(_))));
    }

    #[test]
    fn a_salt_longer_than_the_key_is_invalid_without_overflow() {
        let key = public_key(&key_der(&MODULUS, &[0x03])).unwrap();
        let signature = vec![0u8; key.size()];
        let result = verify_pss(&key, Hash::Sha256, usize::MAX, b"message", &signature);
        assert!(matches!(result, Err(Failure::Invalid(reason)) if reason.contains("salt")));
    }

    #[test]
    fn a_signature_of_the_wrong_length_is_invalid() {
        let key = public_key(&key_der(&MODULUS, &[0x03])).unwrap();
        let result = verify_pkcs1(&key, Hash::Sha256, b"message", &[0u8; 3]);
        assert!(matches!(result, Err(Failure::Invalid(reason)) if reason.contains("bytes long")));
    }
}
