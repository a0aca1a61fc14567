//! What a DER blob is, judged by the shape of its outer two levels.
//!
//! Bare base64 and uploaded files carry no label, so the shape is all we have to tell a
//! request from a certificate, a key or a bundle. The checks read only tags and a few small
//! integers; nothing is kept.

use super::der::{self, BIT_STRING, CONTEXT_0, INTEGER, OCTET_STRING, OID, SEQUENCE, Tlv};
use crate::csr::PrivateKeyKind;

/// The DER encoding of the arc prefix 1.2.840.113549.1.7 (PKCS#7 content types).
const PKCS7_PREFIX: &[u8] = &[0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x07];

/// The identifier bytes of UTCTime and GeneralizedTime.
const UTC_TIME: u8 = 0x17;
const GENERALIZED_TIME: u8 = 0x18;

/// The magic at the start of an OpenSSH private key once its base64 is decoded.
const OPENSSH_MAGIC: &[u8] = b"openssh-key-v1\0";

/// What a DER blob looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// SEQUENCE { CertificationRequestInfo, AlgorithmIdentifier, BIT STRING }.
    Request,
    /// SEQUENCE { TBSCertificate, AlgorithmIdentifier, BIT STRING }.
    Certificate,
    /// SEQUENCE { TBSCertList, AlgorithmIdentifier, BIT STRING }: a certificate revocation list.
    Crl,
    /// A PKCS#7 / CMS ContentInfo.
    Pkcs7,
    /// Some form of private key.
    PrivateKey(PrivateKeyKind),
    /// A SubjectPublicKeyInfo or a PKCS#1 RSAPublicKey.
    PublicKey,
    /// Nothing we recognise (possibly a damaged request).
    Unknown,
}

/// Judges a blob by its shape.
pub(crate) fn shape(bytes: &[u8]) -> Shape {
    if bytes.starts_with(OPENSSH_MAGIC) {
        return Shape::PrivateKey(PrivateKeyKind::OpenSsh);
    }
    let Ok((outer, _)) = der::read(bytes, 0) else {
        return Shape::Unknown;
    };
    if outer.tag != SEQUENCE {
        return Shape::Unknown;
    }
    let Ok(items) = outer.children() else {
        return Shape::Unknown;
    };
    let tags: Vec<u8> = items.iter().map(|t| t.tag).collect();
    match tags.as_slice() {
        [SEQUENCE, SEQUENCE, BIT_STRING] => signed_shape(items.first()),
        [OID, ..]
            if items
                .first()
                .is_some_and(|t| t.content.starts_with(PKCS7_PREFIX)) =>
        {
            Shape::Pkcs7
        }
        [INTEGER, SEQUENCE, ..] if is_pfx(&items) => Shape::PrivateKey(PrivateKeyKind::Pkcs12),
        [INTEGER, SEQUENCE, OCTET_STRING, ..] => Shape::PrivateKey(PrivateKeyKind::Pkcs8),
        [SEQUENCE, OCTET_STRING] => Shape::PrivateKey(PrivateKeyKind::EncryptedPkcs8),
        [INTEGER, OCTET_STRING, ..] if items.first().and_then(der::small_uint) == Some(1) => {
            Shape::PrivateKey(PrivateKeyKind::Ec)
        }
        t if t.len() >= 9 && t.iter().all(|&x| x == INTEGER) => {
            Shape::PrivateKey(PrivateKeyKind::Pkcs1Rsa)
        }
        t if t.len() == 6 && t.iter().all(|&x| x == INTEGER) => {
            Shape::PrivateKey(PrivateKeyKind::Dsa)
        }
        [SEQUENCE, BIT_STRING] | [INTEGER, INTEGER] => Shape::PublicKey,
        _ => Shape::Unknown,
    }
}

/// Tells a certificate, a CRL and a request apart by the first signed structure: a CRL's
/// TBSCertList has its thisUpdate time after the signature algorithm and issuer (RFC 5280
/// §5.1: an optional version first), a certificate's TBSCertificate starts with
/// `[0] version` (v3) or has at least six fields (v1), while a CertificationRequestInfo has
/// four.
fn signed_shape(tbs: Option<&Tlv<'_>>) -> Shape {
    let Some(fields) = tbs.and_then(|t| t.children().ok()) else {
        return Shape::Unknown;
    };
    let tags: Vec<u8> = fields.iter().map(|f| f.tag).collect();
    if let [INTEGER, SEQUENCE, SEQUENCE, time, ..] | [SEQUENCE, SEQUENCE, time, ..] =
        tags.as_slice()
        && matches!(*time, UTC_TIME | GENERALIZED_TIME)
    {
        return Shape::Crl;
    }
    match fields.first() {
        Some(first) if first.tag == CONTEXT_0 => Shape::Certificate,
        Some(_) if fields.len() >= 6 => Shape::Certificate,
        Some(first) if first.tag == INTEGER => Shape::Request,
        _ => Shape::Unknown,
    }
}

/// A PFX (PKCS#12) is SEQUENCE { INTEGER 3, ContentInfo, MacData OPTIONAL }.
fn is_pfx(items: &[Tlv<'_>]) -> bool {
    let version = items.first().and_then(der::small_uint);
    let content_type = items
        .get(1)
        .and_then(|t| t.children().ok())
        .and_then(|c| c.first().copied())
        .filter(|t| t.tag == OID);
    version == Some(3) && content_type.is_some_and(|t| t.content.starts_with(PKCS7_PREFIX))
}
