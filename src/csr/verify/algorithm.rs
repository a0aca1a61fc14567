//! Which signature scheme and hash a request's `signatureAlgorithm` names.
//!
//! The hash always comes from the signature algorithm identifier, never from the key: OpenSSL
//! signs P-384 and P-521 requests with SHA-256 unless told otherwise, and RSA keys of any size
//! are used with any hash.

use super::Failure;
#[cfg(not(target_arch = "wasm32"))]
use sha2::Digest as _;
use x509_parser::signature_algorithm::RsaSsaPssParams;
use x509_parser::x509::AlgorithmIdentifier;

/// A hash function certorder can compute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Hash {
    Md5,
    Sha1,
    Sha224,
    Sha256,
    Sha384,
    Sha512,
    Sha512_224,
    Sha512_256,
}

impl Hash {
    /// The hash by its own OID, as found inside RSASSA-PSS-params (RFC 4055 §2.1).
    fn from_oid(oid: &str) -> Option<Self> {
        Some(match oid {
            "1.2.840.113549.2.5" => Self::Md5,
            "1.3.14.3.2.26" => Self::Sha1,
            "2.16.840.1.101.3.4.2.4" => Self::Sha224,
            "2.16.840.1.101.3.4.2.1" => Self::Sha256,
            "2.16.840.1.101.3.4.2.2" => Self::Sha384,
            "2.16.840.1.101.3.4.2.3" => Self::Sha512,
            "2.16.840.1.101.3.4.2.5" => Self::Sha512_224,
            "2.16.840.1.101.3.4.2.6" => Self::Sha512_256,
            _ => return None,
        })
    }

    /// The name OpenSSL uses for the hash.
    pub(super) fn name(self) -> &'static str {
        match self {
            Self::Md5 => "MD5",
            Self::Sha1 => "SHA1",
            Self::Sha224 => "SHA224",
            Self::Sha256 => "SHA256",
            Self::Sha384 => "SHA384",
            Self::Sha512 => "SHA512",
            Self::Sha512_224 => "SHA512-224",
            Self::Sha512_256 => "SHA512-256",
        }
    }

    /// Length of the digest in bytes.
    #[cfg(not(target_arch = "wasm32"))]
    pub(super) fn output_len(self) -> usize {
        match self {
            Self::Md5 => 16,
            Self::Sha1 => 20,
            Self::Sha224 | Self::Sha512_224 => 28,
            Self::Sha256 | Self::Sha512_256 => 32,
            Self::Sha384 => 48,
            Self::Sha512 => 64,
        }
    }

    /// The name WebCrypto knows the hash by, if it has it (W3C Web Cryptography API §30:
    /// SHA-1 and SHA-256/384/512 only).
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    pub(super) fn webcrypto_name(self) -> Option<&'static str> {
        match self {
            Self::Sha1 => Some("SHA-1"),
            Self::Sha256 => Some("SHA-256"),
            Self::Sha384 => Some("SHA-384"),
            Self::Sha512 => Some("SHA-512"),
            Self::Md5 | Self::Sha224 | Self::Sha512_224 | Self::Sha512_256 => None,
        }
    }

    /// The digest of `data`.
    #[cfg(not(target_arch = "wasm32"))]
    pub(super) fn digest(self, data: &[u8]) -> Vec<u8> {
        match self {
            Self::Md5 => md5::Md5::digest(data).to_vec(),
            Self::Sha1 => sha1::Sha1::digest(data).to_vec(),
            Self::Sha224 => sha2::Sha224::digest(data).to_vec(),
            Self::Sha256 => sha2::Sha256::digest(data).to_vec(),
            Self::Sha384 => sha2::Sha384::digest(data).to_vec(),
            Self::Sha512 => sha2::Sha512::digest(data).to_vec(),
            Self::Sha512_224 => sha2::Sha512_224::digest(data).to_vec(),
            Self::Sha512_256 => sha2::Sha512_256::digest(data).to_vec(),
        }
    }
}

/// What the signature algorithm identifier asks us to verify.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Scheme {
    /// RSASSA-PKCS1-v1_5 (RFC 8017 §8.2) with this hash.
    RsaPkcs1(Hash),
    /// RSASSA-PSS (RFC 8017 §8.1) with MGF1 over the same hash and this salt length.
    RsaPss {
        /// The message hash, also used by MGF1.
        hash: Hash,
        /// The salt length in bytes.
        salt_len: usize,
    },
    /// ECDSA (RFC 5758 §3.2) with this hash, whatever the curve.
    Ecdsa(Hash),
    /// Ed25519 (RFC 8410 §6): PureEdDSA over the message itself.
    Ed25519,
}

impl Scheme {
    /// The name of the scheme as OpenSSL prints it, for messages.
    pub(super) fn name(&self) -> String {
        match self {
            Self::RsaPkcs1(hash) => format!("{}WithRSAEncryption", hash.name().to_lowercase()),
            Self::RsaPss { hash, .. } => format!("rsassaPss ({})", hash.name()),
            Self::Ecdsa(hash) => format!("ecdsa-with-{}", hash.name()),
            Self::Ed25519 => "ED25519".into(),
        }
    }
}

/// OID of RSASSA-PSS (RFC 4055 §3.1), for signatures and for keys.
pub(super) const RSASSA_PSS: &str = "1.2.840.113549.1.1.10";
/// OID of MGF1 (RFC 8017 Appendix B.2.1).
const MGF1: &str = "1.2.840.113549.1.1.8";

/// Reads the signature algorithm identifier.
///
/// Algorithms we have no verifier for (MD2, MD4, DSA, Ed448, SHA-3, GOST, unknown OIDs) are
/// [`Failure::CannotCheck`]; a supported algorithm with broken parameters is
/// [`Failure::Invalid`].
pub(super) fn scheme(alg: &AlgorithmIdentifier<'_>) -> Result<Scheme, Failure> {
    let oid = alg.algorithm.to_id_string();
    // RFC 8017 Appendix A.2.4 and RFC 4055 §5: the PKCS #1 v1.5 OIDs; 1.3.14.3.2.3 and 1.3.14.3.2.29 are the
    // older OIW names for MD5 and SHA-1 with RSA that some toolkits still emit.
    let scheme = match oid.as_str() {
        "1.2.840.113549.1.1.4" | "1.3.14.3.2.3" => Scheme::RsaPkcs1(Hash::Md5),
        "1.2.840.113549.1.1.5" | "1.3.14.3.2.29" => Scheme::RsaPkcs1(Hash::Sha1),
        "1.2.840.113549.1.1.14" => Scheme::RsaPkcs1(Hash::Sha224),
        "1.2.840.113549.1.1.11" => Scheme::RsaPkcs1(Hash::Sha256),
        "1.2.840.113549.1.1.12" => Scheme::RsaPkcs1(Hash::Sha384),
        "1.2.840.113549.1.1.13" => Scheme::RsaPkcs1(Hash::Sha512),
        "1.2.840.113549.1.1.15" => Scheme::RsaPkcs1(Hash::Sha512_224),
        "1.2.840.113549.1.1.16" => Scheme::RsaPkcs1(Hash::Sha512_256),
        RSASSA_PSS => pss(alg)?,
        // RFC 3279 §2.2.3 (SHA-1) and RFC 5758 §3.2 (SHA-2).
        "1.2.840.10045.4.1" => Scheme::Ecdsa(Hash::Sha1),
        "1.2.840.10045.4.3.1" => Scheme::Ecdsa(Hash::Sha224),
        "1.2.840.10045.4.3.2" => Scheme::Ecdsa(Hash::Sha256),
        "1.2.840.10045.4.3.3" => Scheme::Ecdsa(Hash::Sha384),
        "1.2.840.10045.4.3.4" => Scheme::Ecdsa(Hash::Sha512),
        // RFC 8410 §3.
        "1.3.101.112" => Scheme::Ed25519,
        other => {
            return Err(Failure::CannotCheck(
                unsupported_name(other).unwrap_or(other).to_string(),
            ));
        }
    };
    Ok(scheme)
}

/// OpenSSL's names for signature algorithms we recognise but cannot verify.
fn unsupported_name(oid: &str) -> Option<&'static str> {
    Some(match oid {
        "1.2.840.113549.1.1.2" => "md2WithRSAEncryption",
        "1.2.840.113549.1.1.3" => "md4WithRSAEncryption",
        "1.2.840.10040.4.3" => "dsaWithSHA1",
        "1.3.14.3.2.27" => "dsaWithSHA1-old",
        "2.16.840.1.101.3.4.3.1" => "dsa_with_SHA224",
        "2.16.840.1.101.3.4.3.2" => "dsa_with_SHA256",
        "2.16.840.1.101.3.4.3.3" => "dsa_with_SHA384",
        "2.16.840.1.101.3.4.3.4" => "dsa_with_SHA512",
        "2.16.840.1.101.3.4.3.9" => "ecdsa_with_SHA3-224",
        "2.16.840.1.101.3.4.3.10" => "ecdsa_with_SHA3-256",
        "2.16.840.1.101.3.4.3.11" => "ecdsa_with_SHA3-384",
        "2.16.840.1.101.3.4.3.12" => "ecdsa_with_SHA3-512",
        "2.16.840.1.101.3.4.3.13" => "RSA-SHA3-224",
        "2.16.840.1.101.3.4.3.14" => "RSA-SHA3-256",
        "2.16.840.1.101.3.4.3.15" => "RSA-SHA3-384",
        "2.16.840.1.101.3.4.3.16" => "RSA-SHA3-512",
        "1.3.101.113" => "ED448",
        "1.2.643.2.2.3" => "GOST R 34.11-94 with GOST R 34.10-2001",
        "1.2.643.7.1.1.3.2" => "GOST R 34.10-2012 with GOST R 34.11-2012 (256 bit)",
        "1.2.643.7.1.1.3.3" => "GOST R 34.10-2012 with GOST R 34.11-2012 (512 bit)",
        "1.2.156.10197.1.501" => "SM2-with-SM3",
        _ => return None,
    })
}

/// Reads RSASSA-PSS-params (RFC 4055 §3.1).
///
/// Every field has a default (SHA-1, MGF1 with SHA-1, salt 20, trailer 1), but the parameters
/// themselves must be present in a signature's algorithm identifier (RFC 4055 §3.1: "the
/// parameters field MUST contain RSASSA-PSS-params").
fn pss(alg: &AlgorithmIdentifier<'_>) -> Result<Scheme, Failure> {
    let any = alg.parameters.as_ref().ok_or_else(|| {
        Failure::Invalid(
            "the RSASSA-PSS signature algorithm has no parameters (RFC 4055 §3.1)".into(),
        )
    })?;
    let params = RsaSsaPssParams::try_from(any)
        .map_err(|_| Failure::Invalid("the RSASSA-PSS parameters are malformed".into()))?;

    let hash_oid = params.hash_algorithm_oid().to_id_string();
    let hash = Hash::from_oid(&hash_oid)
        .ok_or_else(|| Failure::CannotCheck(format!("rsassaPss with hash {hash_oid}")))?;

    let mgf = params.mask_gen_algorithm().map_err(|_| {
        Failure::Invalid("the RSASSA-PSS mask generation parameters are malformed".into())
    })?;
    let mgf_oid = mgf.mgf.to_id_string();
    if mgf_oid != MGF1 {
        return Err(Failure::CannotCheck(format!(
            "rsassaPss with mask generation function {mgf_oid}"
        )));
    }
    // The verifier runs MGF1 with the message hash; every toolkit we know of signs that way.
    // A different MGF1 hash is legal (RFC 4055 §3.1) but rare, and we cannot check it.
    let mgf_hash_oid = mgf.hash.to_id_string();
    let mgf_hash = Hash::from_oid(&mgf_hash_oid);
    if mgf_hash != Some(hash) {
        let mgf_name = mgf_hash.map_or(mgf_hash_oid, |h| h.name().to_string());
        return Err(Failure::CannotCheck(format!(
            "rsassaPss ({}) with MGF1 over {mgf_name}",
            hash.name()
        )));
    }

    // RFC 4055 §3.1: trailerField 1 is the only defined value (the 0xBC octet of RFC 8017
    // §9.1.1); any other names an encoding nobody specified.
    let trailer = params.trailer_field();
    if trailer != 1 {
        return Err(Failure::CannotCheck(format!(
            "rsassaPss with trailer field {trailer}"
        )));
    }

    let salt_len = usize::try_from(params.salt_length())
        .map_err(|_| Failure::Invalid("the RSASSA-PSS salt length is too large".into()))?;
    Ok(Scheme::RsaPss { hash, salt_len })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use x509_parser::prelude::FromDer as _;

    /// The DER OID of RSASSA-PSS, 1.2.840.113549.1.1.10.
    const PSS_OID: [u8; 11] = [
        0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0a,
    ];

    fn parse(der: &[u8]) -> Result<Scheme, Failure> {
        let (_, alg) = AlgorithmIdentifier::from_der(der).unwrap();
        scheme(&alg)
    }

    /// An AlgorithmIdentifier for RSASSA-PSS with these DER parameters (or none).
    fn pss_with(params: &[u8]) -> Vec<u8> {
        let mut der = vec![0x30, u8::try_from(PSS_OID.len() + params.len()).unwrap()];
        der.extend_from_slice(&PSS_OID);
        der.extend_from_slice(params);
        der
    }

    #[test]
    fn the_hash_comes_from_the_signature_algorithm() {
        // ecdsa-with-SHA384, 1.2.840.10045.4.3.3, no parameters (RFC 5758 §3.2).
        let der = [
            0x30, 0x0a, 0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x03,
        ];
        assert_eq!(parse(&der), Ok(Scheme::Ecdsa(Hash::Sha384)));
    }

    #[test]
    fn md2_and_unknown_oids_cannot_be_checked() {
        // md2WithRSAEncryption, 1.2.840.113549.1.1.2, NULL.
        let md2 = [
            0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x02, 0x05,
            0x00,
        ];
        assert_eq!(
            parse(&md2),
            Err(Failure::CannotCheck("md2WithRSAEncryption".into()))
        );
        // 1.2.3.4
        let unknown = [0x30, 0x05, 0x06, 0x03, 0x2a, 0x03, 0x04];
        assert_eq!(parse(&unknown), Err(Failure::CannotCheck("1.2.3.4".into())));
    }

    #[test]
    fn pss_without_parameters_is_invalid() {
        assert!(matches!(parse(&pss_with(&[])), Err(Failure::Invalid(_))));
    }

    #[test]
    fn pss_with_every_default_is_sha1_and_salt_20() {
        // RFC 4055 §3.1: an empty RSASSA-PSS-params SEQUENCE.
        assert_eq!(
            parse(&pss_with(&[0x30, 0x00])),
            Ok(Scheme::RsaPss {
                hash: Hash::Sha1,
                salt_len: 20
            })
        );
    }

    #[test]
    fn pss_with_another_trailer_field_cannot_be_checked() {
        // trailerField [3] INTEGER 2
        let params = [0x30, 0x05, 0xa3, 0x03, 0x02, 0x01, 0x02];
        assert_eq!(
            parse(&pss_with(&params)),
            Err(Failure::CannotCheck(
                "rsassaPss with trailer field 2".into()
            ))
        );
    }

    #[test]
    fn pss_parameters_that_are_not_a_sequence_are_invalid() {
        assert!(matches!(
            parse(&pss_with(&[0x05, 0x00])),
            Err(Failure::Invalid(_))
        ));
    }
}
