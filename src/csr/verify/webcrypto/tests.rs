//! The WebCrypto plan against the native verifier, on the whole signature corpus.
//!
//! *ring* stands in for the browser where it has the same algorithm (it takes the same
//! SubjectPublicKeyInfo contents and the same r‖s signatures WebCrypto does), so the key,
//! signature and parameters the plan hands over are shown to verify, not only to look right.
//! The browser itself runs the corpus in `tests/web.rs`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::*;
use crate::csr::verify::check_signed;
use ring::signature::{self, RsaPublicKeyComponents, UnparsedPublicKey};
use x509_parser::prelude::FromDer as _;
use x509_parser::public_key::RSAPublicKey;
use x509_parser::x509::SubjectPublicKeyInfo;

/// The outcome's kind, without its text.
fn kind(check: &SignatureCheck) -> &'static str {
    match check {
        SignatureCheck::Valid => "valid",
        SignatureCheck::Invalid { .. } => "invalid",
        SignatureCheck::CannotCheck { .. } => "cannot_check",
        SignatureCheck::Checking => "checking",
    }
}

/// What WebCrypto would answer, played by *ring*; `None` where ring lacks the algorithm.
fn emulate(request: &SignatureRequest) -> Option<Answer> {
    let (_, spki) = SubjectPublicKeyInfo::from_der(&request.spki).expect("a DER SPKI");
    let point: &[u8] = &spki.subject_public_key.data;
    let rsa = |params: &'static signature::RsaParameters| -> Option<Answer> {
        assert_eq!(
            spki.algorithm.algorithm.to_id_string(),
            "1.2.840.113549.1.1.1"
        );
        let (_, key) = RSAPublicKey::from_der(point).unwrap();
        let n = key.modulus.strip_prefix(&[0]).unwrap_or(key.modulus);
        // ring takes 2048 bits and more here (1024 for some hashes); WebCrypto takes smaller
        // keys too, which ring cannot stand in for.
        if n.len() < 256 {
            return None;
        }
        let ok = RsaPublicKeyComponents { n, e: key.exponent }
            .verify(params, &request.message, &request.signature)
            .is_ok();
        Some(Answer::Verified(ok))
    };
    match request.algorithm {
        WebAlgorithm::RsaPkcs1 { hash } => rsa(match hash {
            "SHA-1" => &signature::RSA_PKCS1_1024_8192_SHA1_FOR_LEGACY_USE_ONLY,
            "SHA-256" => &signature::RSA_PKCS1_1024_8192_SHA256_FOR_LEGACY_USE_ONLY,
            "SHA-384" => &signature::RSA_PKCS1_2048_8192_SHA384,
            "SHA-512" => &signature::RSA_PKCS1_1024_8192_SHA512_FOR_LEGACY_USE_ONLY,
            other => panic!("not a WebCrypto hash: {other}"),
        }),
        WebAlgorithm::RsaPss { hash, salt_length } => match (hash, salt_length) {
            ("SHA-256", 32) => rsa(&signature::RSA_PSS_2048_8192_SHA256),
            ("SHA-384", 48) => rsa(&signature::RSA_PSS_2048_8192_SHA384),
            ("SHA-512", 64) => rsa(&signature::RSA_PSS_2048_8192_SHA512),
            _ => None,
        },
        WebAlgorithm::Ecdsa { named_curve, hash } => {
            let algorithm = match (named_curve, hash) {
                ("P-256", "SHA-256") => &signature::ECDSA_P256_SHA256_FIXED,
                ("P-384", "SHA-384") => &signature::ECDSA_P384_SHA384_FIXED,
                _ => return None,
            };
            let ok = UnparsedPublicKey::new(algorithm, point)
                .verify(&request.message, &request.signature)
                .is_ok();
            Some(Answer::Verified(ok))
        }
        WebAlgorithm::Ed25519 => {
            let ok = UnparsedPublicKey::new(&signature::ED25519, point)
                .verify(&request.message, &request.signature)
                .is_ok();
            Some(Answer::Verified(ok))
        }
    }
}

#[test]
fn the_plan_agrees_with_the_native_check_on_the_corpus() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/csr/");
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(format!("{root}expected.json")).unwrap()).unwrap();
    let (mut asked, mut answered, mut browser_limits) = (0, 0, Vec::new());
    for entry in manifest["requests"].as_array().unwrap() {
        let file = entry["file"].as_str().unwrap();
        let bytes = std::fs::read(format!("{root}{file}")).unwrap();
        let Ok(decoded) = crate::csr::input::decode(&bytes) else {
            continue;
        };
        // Requests x509-parser refuses are read from a normalised copy; the rest is enough.
        let Ok((_, csr)) = X509CertificationRequest::from_der(&decoded.der) else {
            continue;
        };
        let signed_info = csr.certification_request_info.raw;
        let native = check_signed(&csr, signed_info).outcome;
        match plan(&csr, signed_info) {
            Err(failure) => {
                let planned = SignatureCheck::from(failure);
                if let SignatureCheck::CannotCheck { algorithm } = &planned
                    && algorithm.contains("WebCrypto has no")
                {
                    assert_eq!(kind(&native), "valid", "{file}");
                    browser_limits.push(file);
                } else {
                    assert_eq!(kind(&planned), kind(&native), "{file}: {planned:?}");
                }
            }
            Ok(request) => {
                asked += 1;
                assert!(matches!(kind(&native), "valid" | "invalid"), "{file}");
                if let Some(answer) = emulate(&request) {
                    answered += 1;
                    let verdict = request.verdict(answer);
                    assert_eq!(kind(&verdict), kind(&native), "{file}: {verdict:?}");
                }
            }
        }
    }
    browser_limits.sort_unstable();
    assert_eq!(
        browser_limits,
        [
            "signature/ec-p256-sha224.pem",
            "signature/ec-p521-sha224.pem",
            "signature/rsa2048-md5.pem",
            "signature/rsa2048-sha224.pem",
            "signature/rsa2048-sha512-224.pem",
            "signature/rsa2048-sha512-256.pem",
        ]
    );
    assert!(asked >= 30, "only {asked} requests asked WebCrypto");
    assert!(answered >= 20, "only {answered} answered by the stand-in");
}

#[test]
fn an_rsa_key_is_handed_over_under_rsa_encryption_as_received() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/csr/signature/");
    for (file, algorithm) in [
        (
            "rsa2048-sha256.pem",
            WebAlgorithm::RsaPkcs1 { hash: "SHA-256" },
        ),
        (
            "rsapsskey-pss-sha256.pem",
            WebAlgorithm::RsaPss {
                hash: "SHA-256",
                salt_length: 32,
            },
        ),
    ] {
        let pem = ::pem::parse(std::fs::read(format!("{root}{file}")).unwrap()).unwrap();
        let (_, csr) = X509CertificationRequest::from_der(pem.contents()).unwrap();
        let info = &csr.certification_request_info;
        let request = plan(&csr, info.raw).unwrap();
        assert_eq!(request.algorithm, algorithm, "{file}");
        let (_, spki) = SubjectPublicKeyInfo::from_der(&request.spki).unwrap();
        assert_eq!(
            spki.algorithm.algorithm.to_id_string(),
            "1.2.840.113549.1.1.1"
        );
        assert_eq!(
            spki.subject_public_key.data,
            info.subject_pki.subject_public_key.data
        );
        if file == "rsa2048-sha256.pem" {
            // Already under rsaEncryption with NULL: the very bytes received.
            assert_eq!(request.spki, info.subject_pki.raw);
        }
    }
}

#[test]
fn only_a_false_from_verify_makes_a_signature_invalid() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/csr/signature/");
    let pem = ::pem::parse(std::fs::read(format!("{root}ec-p521-sha512.pem")).unwrap()).unwrap();
    let (_, csr) = X509CertificationRequest::from_der(pem.contents()).unwrap();
    let request = plan(&csr, csr.certification_request_info.raw).unwrap();
    assert_eq!(
        request.algorithm,
        WebAlgorithm::Ecdsa {
            named_curve: "P-521",
            hash: "SHA-512"
        }
    );
    assert_eq!(request.signature.len(), 132);
    assert_eq!(
        request.verdict(Answer::Verified(true)),
        SignatureCheck::Valid
    );
    assert!(matches!(
        request.verdict(Answer::Verified(false)),
        SignatureCheck::Invalid { reason } if reason.contains("mismatch")
    ));
    assert!(matches!(
        request.verdict(Answer::Refused("NotSupportedError: unsupported".into())),
        SignatureCheck::CannotCheck { algorithm } if algorithm.contains("ecdsa-with-SHA512") && algorithm.contains("NotSupportedError")
    ));
    assert!(matches!(
        request.verdict(Answer::Unavailable),
        SignatureCheck::CannotCheck { algorithm } if algorithm.contains("HTTPS")
    ));
}
