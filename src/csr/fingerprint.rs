//! Hashes of a request and its key, in the upper-case hex CAs use for DCV.
//!
//! Sectigo-style DCV names the validation file and CNAME label after the MD5 of the DER request
//! and fills them with its SHA-256; the SPKI hash recognises a key reused across requests.

use super::Fingerprints;
use md5::Md5;
use sha2::{Digest, Sha256};

/// Computes the fingerprints of a request (`csr_der`) and its SubjectPublicKeyInfo (`spki_der`).
pub fn compute(csr_der: &[u8], spki_der: &[u8]) -> Fingerprints {
    Fingerprints {
        md5: upper_hex(&Md5::digest(csr_der)),
        sha256: upper_hex(&Sha256::digest(csr_der)),
        spki_sha256: upper_hex(&Sha256::digest(spki_der)),
    }
}

/// Upper-case hex without separators, as CAs print DCV hashes.
fn upper_hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 0x0F)]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_of_empty_input_match_the_published_vectors() {
        let f = compute(b"", b"abc");
        assert_eq!(f.md5, "D41D8CD98F00B204E9800998ECF8427E");
        assert_eq!(
            f.sha256,
            "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855"
        );
        assert_eq!(
            f.spki_sha256,
            "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD"
        );
    }
}
