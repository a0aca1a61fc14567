//! The DER shapes WebCrypto wants, from the ones a request carries: an RSA key under the
//! rsaEncryption OID, and an ECDSA signature as the two fixed-length integers r and s.

use super::super::Failure;
use x509_parser::prelude::FromDer as _;
use x509_parser::public_key::RSAPublicKey;

/// The largest modulus we ask about: CSRs with 8192-bit keys are real, 16384 bits keeps a
/// hostile input's cost bounded (the same limit as the native check).
const MAX_MODULUS_BITS: usize = 16384;

/// The largest public exponent we ask about, 2^33 - 1, as the native check (`rsa` 0.9) does.
const MAX_EXPONENT_BITS: usize = 33;

/// An RSA public key's modulus, big-endian without leading zeros.
#[derive(Debug)]
pub(super) struct RsaModulus<'a>(pub(super) &'a [u8]);

impl RsaModulus<'_> {
    /// The modulus length in bytes, which every signature must have (RFC 8017 §8.2.2).
    pub(super) fn len(&self) -> usize {
        self.0.len()
    }

    /// The modulus length in bits.
    pub(super) fn bits(&self) -> usize {
        bit_len(self.0)
    }
}

/// Reads an RSAPublicKey (RFC 8017 Appendix A.1.1) from the SPKI's BIT STRING contents and
/// checks what the native verifier checks before it does any arithmetic.
pub(super) fn rsa_key(der: &[u8]) -> Result<RsaModulus<'_>, Failure> {
    let malformed = || Failure::Invalid("the RSA public key is malformed".into());
    let (rest, key) = RSAPublicKey::from_der(der).map_err(|_| malformed())?;
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
    let modulus = strip_zeros(key.modulus);
    let exponent = strip_zeros(key.exponent);
    if bit_len(modulus) > MAX_MODULUS_BITS {
        return Err(Failure::CannotCheck(format!(
            "RSA key larger than {MAX_MODULUS_BITS} bits"
        )));
    }
    // An RSA modulus is the product of two odd primes, and e is at least 3 (RFC 8017 §3.1).
    if modulus.last().is_none_or(|b| b & 1 == 0) {
        return Err(Failure::Invalid(
            "the RSA public key is not usable: the modulus is even".into(),
        ));
    }
    if bit_len(exponent) < 2 {
        return Err(Failure::Invalid(
            "the RSA public key is not usable: the public exponent is below 2".into(),
        ));
    }
    if bit_len(exponent) > MAX_EXPONENT_BITS {
        return Err(Failure::CannotCheck(
            "RSA key with a public exponent above 2^33 - 1".into(),
        ));
    }
    Ok(RsaModulus(modulus))
}

/// The DER AlgorithmIdentifier of rsaEncryption with its NULL parameters (RFC 8017 A.1).
const RSA_ENCRYPTION_ALGORITHM: [u8; 15] = [
    0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00,
];

/// A SubjectPublicKeyInfo for `key` (RSAPublicKey DER) under rsaEncryption, which is what
/// WebCrypto's `importKey("spki")` takes for both RSASSA-PKCS1-v1_5 and RSA-PSS; a key
/// published as id-RSASSA-PSS (RFC 4055) is the same RSAPublicKey under another OID.
pub(super) fn rsa_spki(key: &[u8]) -> Vec<u8> {
    let mut bit_string = Vec::with_capacity(key.len() + 6);
    bit_string.push(0x03);
    push_len(&mut bit_string, key.len() + 1);
    bit_string.push(0x00);
    bit_string.extend_from_slice(key);
    let mut spki = vec![0x30];
    push_len(&mut spki, RSA_ENCRYPTION_ALGORITHM.len() + bit_string.len());
    spki.extend_from_slice(&RSA_ENCRYPTION_ALGORITHM);
    spki.extend_from_slice(&bit_string);
    spki
}

/// A DER definite length.
fn push_len(out: &mut Vec<u8>, len: usize) {
    if len < 0x80 {
        out.push(len as u8);
        return;
    }
    let bytes = len.to_be_bytes();
    let significant = strip_zeros(&bytes);
    out.push(0x80 | significant.len() as u8);
    out.extend_from_slice(significant);
}

/// An ECDSA signature, DER `Ecdsa-Sig-Value` (RFC 3279 §2.2.3), as WebCrypto takes it: r and s
/// as big-endian integers of the curve's field length each, one after the other (W3C Web
/// Cryptography API §23.4).
pub(super) fn ecdsa_fixed(der: &[u8], field_len: usize) -> Result<Vec<u8>, Failure> {
    let bad = || {
        Failure::Invalid(
            "the signature is not a valid ECDSA encoding (a DER SEQUENCE of r and s in 1..n-1)"
                .into(),
        )
    };
    let (tag, body, rest) = tlv(der).ok_or_else(bad)?;
    if tag != 0x30 || !rest.is_empty() {
        return Err(bad());
    }
    let (r, after_r) = positive_integer(body).ok_or_else(bad)?;
    let (s, after_s) = positive_integer(after_r).ok_or_else(bad)?;
    if !after_s.is_empty() || r.len() > field_len || s.len() > field_len {
        return Err(bad());
    }
    let mut fixed = vec![0u8; 2 * field_len];
    fixed[field_len - r.len()..field_len].copy_from_slice(r);
    fixed[2 * field_len - s.len()..].copy_from_slice(s);
    Ok(fixed)
}

/// A DER INTEGER that is positive and minimally encoded; its value without the sign octet.
fn positive_integer(der: &[u8]) -> Option<(&[u8], &[u8])> {
    let (tag, value, rest) = tlv(der)?;
    if tag != 0x02 {
        return None;
    }
    let (&first, tail) = value.split_first()?;
    if first & 0x80 != 0 {
        return None;
    }
    let value = if first == 0 {
        // A leading zero only where the next octet's top bit is set (X.690 §8.3.2).
        if tail.first().is_none_or(|b| b & 0x80 == 0) {
            return None;
        }
        tail
    } else {
        value
    };
    Some((value, rest))
}

/// One DER tag-length-value with a single-octet tag and a minimal definite length: the tag,
/// the value and what follows.
fn tlv(der: &[u8]) -> Option<(u8, &[u8], &[u8])> {
    let (&tag, rest) = der.split_first()?;
    let (&first, rest) = rest.split_first()?;
    let (len, rest) = match first {
        0..=0x7f => (usize::from(first), rest),
        0x81 => {
            let (&len, rest) = rest.split_first()?;
            (len >= 0x80).then_some((usize::from(len), rest))?
        }
        0x82 => {
            let (bytes, rest) = rest.split_at_checked(2)?;
            let len = usize::from(u16::from_be_bytes([bytes[0], bytes[1]]));
            (len >= 0x100).then_some((len, rest))?
        }
        // Signatures are a few hundred octets at most.
        _ => return None,
    };
    let (value, rest) = rest.split_at_checked(len)?;
    Some((tag, value, rest))
}

fn strip_zeros(bytes: &[u8]) -> &[u8] {
    let start = bytes.iter().position(|&b| b != 0).unwrap_or(bytes.len());
    &bytes[start..]
}

fn bit_len(bytes: &[u8]) -> usize {
    let bytes = strip_zeros(bytes);
    bytes
        .first()
        .map_or(0, |b| bytes.len() * 8 - b.leading_zeros() as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn r_and_s_are_left_padded_to_the_field_length() {
        // SEQUENCE { INTEGER 0x00 0x80, INTEGER 0x01 }
        let der = [0x30, 0x07, 0x02, 0x02, 0x00, 0x80, 0x02, 0x01, 0x01];
        assert_eq!(ecdsa_fixed(&der, 4), Ok(vec![0, 0, 0, 0x80, 0, 0, 0, 1]));
    }

    #[test]
    fn bad_ecdsa_encodings_are_invalid() {
        for der in [
            &[0x31, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01][..], // SET, not SEQUENCE
            &[0x30, 0x06, 0x02, 0x01, 0x81, 0x02, 0x01, 0x01],     // negative r
            &[0x30, 0x07, 0x02, 0x02, 0x00, 0x01, 0x02, 0x01, 0x01], // non-minimal r
            &[0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01, 0x00], // a byte after the sequence
            &[0x30, 0x03, 0x02, 0x01, 0x01],                       // no s
            &[0x30, 0x08, 0x02, 0x03, 0x01, 0x02, 0x03, 0x02, 0x01, 0x01], // r too long
            &[0x30, 0x81, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01], // long form for a short length
        ] {
            assert!(
                matches!(ecdsa_fixed(der, 2), Err(Failure::Invalid(reason)) if reason.contains("not a valid ECDSA encoding")),
                "{der:02x?}"
            );
        }
    }

    #[test]
    fn long_lengths_are_written_in_as_few_octets_as_they_need() {
        let mut out = Vec::new();
        push_len(&mut out, 0x7f);
        push_len(&mut out, 0x80);
        push_len(&mut out, 0x1234);
        assert_eq!(out, [0x7f, 0x81, 0x80, 0x82, 0x12, 0x34]);
    }

    /// RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER } from raw contents.
    fn key_der(modulus: &[u8], exponent: &[u8]) -> Vec<u8> {
        let mut body = vec![0x02, modulus.len() as u8];
        body.extend_from_slice(modulus);
        body.extend_from_slice(&[0x02, exponent.len() as u8]);
        body.extend_from_slice(exponent);
        let mut der = vec![0x30, body.len() as u8];
        der.extend_from_slice(&body);
        der
    }

    #[test]
    fn rsa_keys_the_native_check_refuses_are_refused_alike() {
        let odd = [0x00, 0xc1, 0, 0, 0, 0, 0, 0, 0x01];
        assert!(
            matches!(rsa_key(&key_der(&odd, &[0x03])), Ok(m) if m.len() == 8 && m.bits() == 64)
        );
        let even = [0x00, 0xc1, 0, 0, 0, 0, 0, 0, 0x02];
        assert!(matches!(
            rsa_key(&key_der(&even, &[0x03])),
            Err(Failure::Invalid(_))
        ));
        assert!(matches!(
            rsa_key(&key_der(&[0x81], &[0x03])),
            Err(Failure::Invalid(_))
        ));
        assert!(matches!(
            rsa_key(&key_der(&odd, &[0x01])),
            Err(Failure::Invalid(_))
        ));
        assert!(matches!(
            rsa_key(&key_der(&odd, &[0x01, 0, 0, 0, 0, 0x01])),
            Err(Failure::CannotCheck(_))
        ));
        let mut trailing = key_der(&odd, &[0x03]);
        trailing.push(0);
        assert!(matches!(rsa_key(&trailing), Err(Failure::Invalid(_))));
    }
}
