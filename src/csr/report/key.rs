//! The subject public key and the signature algorithm, named as OpenSSL names them.

use super::curves;
use crate::csr::{Curve, KeyAlgorithm, PublicKeyInfo, SignatureAlgorithm};
use x509_parser::asn1_rs::{FromDer, Oid, Tag};
use x509_parser::public_key::RSAPublicKey;
use x509_parser::signature_algorithm::RsaSsaPssParams;
use x509_parser::x509::{AlgorithmIdentifier, SubjectPublicKeyInfo};

const RSA_ENCRYPTION: &str = "1.2.840.113549.1.1.1";
const RSASSA_PSS: &str = "1.2.840.113549.1.1.10";
const EC_PUBLIC_KEY: &str = "1.2.840.10045.2.1";
const ED25519: &str = "1.3.101.112";
const ED448: &str = "1.3.101.113";

/// Why the key could not be read: its bit string holds no valid RSAPublicKey.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct BadRsaKey;

/// Describes the subject public key.
pub(super) fn public_key(spki: &SubjectPublicKeyInfo<'_>) -> Result<PublicKeyInfo, BadRsaKey> {
    let oid = spki.algorithm.algorithm.to_id_string();
    let algorithm = match oid.as_str() {
        RSA_ENCRYPTION | RSASSA_PSS => rsa(&spki.subject_public_key.data)?,
        EC_PUBLIC_KEY => ec(spki.algorithm.parameters.as_ref()),
        ED25519 => KeyAlgorithm::Ed25519,
        ED448 => KeyAlgorithm::Ed448,
        _ => KeyAlgorithm::Other { oid: oid.clone() },
    };
    let description = match &algorithm {
        KeyAlgorithm::Rsa { bits, .. } if oid == RSASSA_PSS => format!("RSASSA-PSS {bits} bits"),
        KeyAlgorithm::Rsa { bits, .. } => format!("RSA {bits} bits"),
        KeyAlgorithm::Ec {
            curve,
            explicit_parameters: true,
        } => format!("EC {} (explicit parameters)", curve_name(curve)),
        KeyAlgorithm::Ec { curve, .. } => format!("EC {}", curve_name(curve)),
        KeyAlgorithm::Ed25519 => "Ed25519".to_owned(),
        KeyAlgorithm::Ed448 => "Ed448".to_owned(),
        KeyAlgorithm::Other { oid } => match key_name(oid) {
            Some(name) => name.to_owned(),
            None => format!("unknown key algorithm {oid}"),
        },
    };
    Ok(PublicKeyInfo {
        algorithm,
        description,
    })
}

fn rsa(bits_data: &[u8]) -> Result<KeyAlgorithm, BadRsaKey> {
    let (_, key) = RSAPublicKey::from_der(bits_data).map_err(|_| BadRsaKey)?;
    // DER integers carry a leading zero when the top bit is set; the size counts from the
    // first set bit, as OpenSSL does.
    let modulus: Vec<u8> = key
        .modulus
        .iter()
        .copied()
        .skip_while(|b| *b == 0)
        .collect();
    let bits = match modulus.first() {
        Some(top) => {
            let whole = u32::try_from(modulus.len().saturating_sub(1))
                .unwrap_or(u32::MAX / 16)
                .saturating_mul(8);
            whole.saturating_add(8 - top.leading_zeros())
        }
        None => 0,
    };
    Ok(KeyAlgorithm::Rsa {
        bits,
        exponent: key.try_exponent().ok(),
        modulus,
    })
}

/// An EC key: its named curve, or the curve its explicit parameters spell out.
fn ec(parameters: Option<&x509_parser::asn1_rs::Any<'_>>) -> KeyAlgorithm {
    let Some(parameters) = parameters else {
        return KeyAlgorithm::Ec {
            curve: Curve::Other("no curve parameters".to_owned()),
            explicit_parameters: false,
        };
    };
    // `Any::as_oid` does not look at the tag: explicit parameters (a SEQUENCE) read as an
    // OID whose text is a hex dump of the parameters, so the tag decides.
    match parameters.tag() {
        Tag::Oid => KeyAlgorithm::Ec {
            curve: parameters.as_oid().map_or_else(
                |_| Curve::Other("an invalid curve OID".to_owned()),
                |oid| named_curve(&oid.to_id_string()),
            ),
            explicit_parameters: false,
        },
        Tag::Sequence => KeyAlgorithm::Ec {
            curve: curves::explicit(parameters.as_bytes()),
            explicit_parameters: true,
        },
        // implicitCurve (NULL) or anything else: no curve to speak of.
        _ => KeyAlgorithm::Ec {
            curve: Curve::Other("no named curve".to_owned()),
            explicit_parameters: false,
        },
    }
}

fn named_curve(oid: &str) -> Curve {
    match oid {
        "1.2.840.10045.3.1.7" => Curve::P256,
        "1.3.132.0.34" => Curve::P384,
        "1.3.132.0.35" => Curve::P521,
        "1.3.132.0.10" => Curve::Other("secp256k1".to_owned()),
        "1.2.840.10045.3.1.1" => Curve::Other("prime192v1".to_owned()),
        "1.3.132.0.33" => Curve::Other("secp224r1".to_owned()),
        "1.3.36.3.3.2.8.1.1.7" => Curve::Other("brainpoolP256r1".to_owned()),
        "1.3.36.3.3.2.8.1.1.11" => Curve::Other("brainpoolP384r1".to_owned()),
        "1.3.36.3.3.2.8.1.1.13" => Curve::Other("brainpoolP512r1".to_owned()),
        "1.2.156.10197.1.301" => Curve::Other("SM2".to_owned()),
        other => Curve::Other(other.to_owned()),
    }
}

fn curve_name(curve: &Curve) -> &str {
    match curve {
        Curve::P256 => "P-256",
        Curve::P384 => "P-384",
        Curve::P521 => "P-521",
        Curve::Other(name) => name,
    }
}

fn key_name(oid: &str) -> Option<&'static str> {
    Some(match oid {
        "1.2.840.10040.4.1" => "DSA",
        // The old OIW OID for DSA keys, which OpenSSL calls dsaEncryption-old.
        "1.3.14.3.2.12" => "DSA",
        "1.2.840.10046.2.1" => "DH",
        "1.3.101.110" => "X25519",
        "1.3.101.111" => "X448",
        "1.2.643.2.2.19" => "GOST R 34.10-2001",
        _ => return None,
    })
}

/// The signature algorithm with OpenSSL's name; RSASSA-PSS names its hash.
pub(super) fn signature_algorithm(alg: &AlgorithmIdentifier<'_>) -> SignatureAlgorithm {
    let oid = alg.algorithm.to_id_string();
    let name = if oid == RSASSA_PSS {
        let hash = alg
            .parameters
            .as_ref()
            .and_then(|p| RsaSsaPssParams::try_from(p).ok())
            .map(|p| hash_name(p.hash_algorithm_oid()));
        match hash {
            Some(hash) => format!("rsassaPss ({hash})"),
            None => "rsassaPss (invalid parameters)".to_owned(),
        }
    } else {
        signature_name(&oid).map_or_else(|| oid.clone(), str::to_owned)
    };
    SignatureAlgorithm { oid, name }
}

fn hash_name(oid: &Oid<'_>) -> String {
    match oid.to_id_string().as_str() {
        "1.3.14.3.2.26" => "SHA-1".to_owned(),
        "2.16.840.1.101.3.4.2.4" => "SHA-224".to_owned(),
        "2.16.840.1.101.3.4.2.1" => "SHA-256".to_owned(),
        "2.16.840.1.101.3.4.2.2" => "SHA-384".to_owned(),
        "2.16.840.1.101.3.4.2.3" => "SHA-512".to_owned(),
        other => other.to_owned(),
    }
}

fn signature_name(oid: &str) -> Option<&'static str> {
    Some(match oid {
        "1.2.840.113549.1.1.2" => "md2WithRSAEncryption",
        "1.2.840.113549.1.1.3" => "md4WithRSAEncryption",
        "1.2.840.113549.1.1.4" => "md5WithRSAEncryption",
        "1.2.840.113549.1.1.5" => "sha1WithRSAEncryption",
        "1.2.840.113549.1.1.11" => "sha256WithRSAEncryption",
        "1.2.840.113549.1.1.12" => "sha384WithRSAEncryption",
        "1.2.840.113549.1.1.13" => "sha512WithRSAEncryption",
        "1.2.840.113549.1.1.14" => "sha224WithRSAEncryption",
        "1.3.14.3.2.29" => "sha1WithRSA",
        "2.16.840.1.101.3.4.3.13" => "RSA-SHA3-224",
        "2.16.840.1.101.3.4.3.14" => "RSA-SHA3-256",
        "2.16.840.1.101.3.4.3.15" => "RSA-SHA3-384",
        "2.16.840.1.101.3.4.3.16" => "RSA-SHA3-512",
        "1.2.840.10045.4.1" => "ecdsa-with-SHA1",
        "1.2.840.10045.4.3.1" => "ecdsa-with-SHA224",
        "1.2.840.10045.4.3.2" => "ecdsa-with-SHA256",
        "1.2.840.10045.4.3.3" => "ecdsa-with-SHA384",
        "1.2.840.10045.4.3.4" => "ecdsa-with-SHA512",
        "2.16.840.1.101.3.4.3.9" => "ecdsa_with_SHA3-224",
        "2.16.840.1.101.3.4.3.10" => "ecdsa_with_SHA3-256",
        "2.16.840.1.101.3.4.3.11" => "ecdsa_with_SHA3-384",
        "2.16.840.1.101.3.4.3.12" => "ecdsa_with_SHA3-512",
        "1.2.840.10040.4.3" => "dsaWithSHA1",
        "1.3.14.3.2.27" => "dsaWithSHA1-old",
        "2.16.840.1.101.3.4.3.1" => "dsa_with_SHA224",
        "2.16.840.1.101.3.4.3.2" => "dsa_with_SHA256",
        "1.3.101.112" => "ED25519",
        "1.3.101.113" => "ED448",
        "1.2.156.10197.1.501" => "SM2-with-SM3",
        _ => return None,
    })
}
