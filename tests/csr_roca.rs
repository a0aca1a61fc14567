//! The ROCA fingerprint test (CVE-2017-15361) against the detection tool's published moduli,
//! ordinary OpenSSL keys and every RSA key in the CSR fixtures.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use certorder::csr::roca::is_vulnerable;
use std::path::{Path, PathBuf};
use x509_parser::prelude::{FromDer, X509CertificationRequest};
use x509_parser::public_key::PublicKey;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/csr")
}

/// Big-endian bytes of a hex number of any length (odd lengths get a leading zero nibble).
fn hex_bytes(hex: &str) -> Vec<u8> {
    let padded = if hex.len() % 2 == 1 {
        format!("0{hex}")
    } else {
        hex.to_string()
    };
    (0..padded.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&padded[i..i + 2], 16).expect("hex digit"))
        .collect()
}

/// The moduli of a text file: one hex number a line, `#` comments.
fn moduli(file: &str) -> Vec<Vec<u8>> {
    let text = std::fs::read_to_string(fixtures().join(file)).expect("moduli file");
    let moduli: Vec<_> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(hex_bytes)
        .collect();
    assert!(!moduli.is_empty(), "{file} has no moduli");
    moduli
}

#[test]
fn the_detection_tools_positive_samples_are_vulnerable() {
    for (i, modulus) in moduli("vectors/roca/vulnerable-moduli.txt")
        .iter()
        .enumerate()
    {
        assert!(is_vulnerable(modulus), "sample {i} not flagged");
    }
}

#[test]
fn leading_zero_bytes_do_not_change_the_verdict() {
    for modulus in moduli("vectors/roca/vulnerable-moduli.txt") {
        let mut padded = vec![0, 0];
        padded.extend_from_slice(&modulus);
        assert!(is_vulnerable(&padded));
    }
}

#[test]
fn changing_the_last_byte_clears_the_fingerprint() {
    for mut modulus in moduli("vectors/roca/vulnerable-moduli.txt") {
        if let Some(last) = modulus.last_mut() {
            *last ^= 0x02;
        }
        assert!(!is_vulnerable(&modulus));
    }
}

/// The residue test is what the paper publishes as the fingerprint; moduli crafted to pass it
/// are flagged too. This documents that known limit rather than hiding it.
#[test]
fn moduli_crafted_to_pass_the_residue_test_are_flagged() {
    for modulus in moduli("vectors/roca/crafted-moduli.txt") {
        assert!(is_vulnerable(&modulus));
    }
}

#[test]
fn ordinary_openssl_keys_are_not_vulnerable() {
    let all = moduli("signature/openssl-moduli.txt");
    assert!(all.len() >= 32);
    for (i, modulus) in all.iter().enumerate() {
        assert!(!is_vulnerable(modulus), "OpenSSL modulus {i} flagged");
    }
}

#[test]
fn the_detection_tools_positive_csr_is_vulnerable_and_its_negative_is_not() {
    let roca = fixtures().join("vectors/roca");
    let positive = rsa_modulus(&roca.join("csr05.pem")).expect("csr05 has an RSA key");
    let negative = rsa_modulus(&roca.join("csr03.pem")).expect("csr03 has an RSA key");
    assert!(is_vulnerable(&positive));
    assert!(!is_vulnerable(&negative));
}

/// Every RSA request in the fixtures except the one ROCA sample.
#[test]
fn no_rsa_key_in_the_csr_fixtures_is_vulnerable() {
    let mut checked = 0;
    for dir in [
        "signature",
        "vectors/acme",
        "vectors/certbot",
        "vectors/cryptography-vectors",
        "vectors/roca",
    ] {
        for entry in std::fs::read_dir(fixtures().join(dir)).expect("fixture directory") {
            let path = entry.expect("directory entry").path();
            if path.ends_with("vectors/roca/csr05.pem") {
                continue;
            }
            let Some(modulus) = rsa_modulus(&path) else {
                continue;
            };
            assert!(!is_vulnerable(&modulus), "{} flagged", path.display());
            checked += 1;
        }
    }
    assert!(checked >= 30, "only {checked} RSA requests found");
}

/// The RSA modulus of a CSR file, or `None` for other keys and unreadable files.
fn rsa_modulus(path: &Path) -> Option<Vec<u8>> {
    let bytes = std::fs::read(path).ok()?;
    let der = match path.extension()?.to_str()? {
        "der" => bytes,
        "pem" => pem::parse(&bytes).ok()?.into_contents(),
        _ => return None,
    };
    let (_, csr) = X509CertificationRequest::from_der(&der).ok()?;
    match csr.certification_request_info.subject_pki.parsed().ok()? {
        PublicKey::RSA(key) => Some(key.modulus.to_vec()),
        _ => None,
    }
}
