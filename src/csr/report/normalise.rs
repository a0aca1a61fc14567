//! Requests OpenSSL reads but x509-parser refuses, rewritten into a copy it accepts.
//!
//! OpenSSL 3 reads requests that bend PKCS#10 or DER, and CAs accept them; x509-parser 0.18
//! refuses several of them as a whole:
//!
//! - no attributes field: `parse_cri_attributes` requires the `[0]` header, where OpenSSL's
//!   template makes it OPTIONAL ("it gets round invalid encodings");
//! - an extensionRequest with an empty SET: its parser wants the Extensions SEQUENCE there;
//! - a challengePassword that is not a UTF8String, PrintableString, UniversalString,
//!   BMPString or TeletexString, and even a BMPString or UniversalString one, which it reads
//!   with `as_str` (8-bit string types only);
//! - a length in the long form where the short one would do: its DER header parser refuses it
//!   (OpenSSL's BER reader does not).
//!
//! So the request is rebuilt with the shortest lengths, an empty attributes field where it had
//! none and without the attributes x509-parser cannot read; certorder reads attributes from
//! the original bytes itself (`attributes.rs`). The copy is only ever read: the signature is
//! checked over the CertificationRequestInfo exactly as received, and the fingerprints are of
//! the bytes received. What was bent is kept as [`Irregularity`] for the lint rules.

use super::attributes::{CHALLENGE_PASSWORD, EXTENSION_REQUEST, attribute_name};
use super::subject::universal_type_name;
use crate::csr::input::der::{self, CONTEXT_0, OID, SEQUENCE, SET, Tlv};
use crate::csr::{CsrError, Irregularity};
use std::borrow::Cow;
use x509_parser::asn1_rs::{FromDer, Oid};
use x509_parser::cri_attributes::X509CriAttribute;

/// The string types a challengePassword may have (RFC 2985 §5.4.1, DirectoryString):
/// TeletexString, PrintableString, UniversalString, UTF8String, BMPString.
const DIRECTORY_STRING_TAGS: [u8; 5] = [0x14, 0x13, 0x1C, 0x0C, 0x1E];

/// A request ready for x509-parser, and the parts of the original it must be judged by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Normalised<'a> {
    /// The request as received when x509-parser reads it, else the rebuilt copy.
    pub(super) der: Cow<'a, [u8]>,
    /// The CertificationRequestInfo exactly as received: what the signature covers.
    pub(super) signed_info: &'a [u8],
    /// The SubjectPublicKeyInfo exactly as received, and its offset.
    pub(super) spki: &'a [u8],
    /// Where the SubjectPublicKeyInfo starts in the original.
    pub(super) spki_offset: usize,
    /// What was bent, in the order met.
    pub(super) irregularities: Vec<Irregularity>,
}

/// Rebuilds `der`, whose fields the locator has already checked, where x509-parser needs it.
pub(super) fn normalise(der: &[u8]) -> Result<Normalised<'_>, CsrError> {
    let broken = || CsrError::MalformedDer {
        offset: 0,
        detail: "the request does not have the fields of a certification request".into(),
    };
    let (outer, _) = der::read(der, 0).map_err(|_| broken())?;
    let parts = outer.children().map_err(|_| broken())?;
    let [info, algorithm, signature] = parts.as_slice() else {
        return Err(broken());
    };
    let fields = info.children().map_err(|_| broken())?;
    let (version, subject, spki, attributes) = match fields.as_slice() {
        [version, subject, spki] => (version, subject, spki, None),
        [version, subject, spki, attributes] => (version, subject, spki, Some(attributes)),
        _ => return Err(broken()),
    };

    let mut irregularities = Vec::new();
    if header_is_long(&outer) || header_is_long(info) {
        irregularities.push(Irregularity::NonMinimalLength {
            part: "the request's outer structure".to_owned(),
        });
    }
    let mut info_content = Vec::with_capacity(info.content.len());
    for (tlv, part) in [
        (version, "the version"),
        (subject, "the subject"),
        (spki, "the public key"),
    ] {
        let minimal = der::minimal(tlv);
        note_length(&mut irregularities, tlv, &minimal, part);
        info_content.extend_from_slice(&minimal);
    }
    let mut kept = Vec::new();
    match attributes {
        None => irregularities.push(Irregularity::NoAttributesField),
        Some(field) => {
            if header_is_long(field) {
                irregularities.push(Irregularity::NonMinimalLength {
                    part: "the attributes field".to_owned(),
                });
            }
            for attribute in field.children().map_err(|_| broken())? {
                let read = read_attribute(&attribute);
                irregularities.extend(read.irregularities);
                if let Some(minimal) = read.kept {
                    kept.extend_from_slice(&minimal);
                }
            }
        }
    }
    info_content.extend(der::encode(CONTEXT_0, &kept));
    let mut request = der::encode(SEQUENCE, &info_content);
    for (tlv, part) in [
        (algorithm, "the signature algorithm"),
        (signature, "the signature"),
    ] {
        let minimal = der::minimal(tlv);
        note_length(&mut irregularities, tlv, &minimal, part);
        request.extend_from_slice(&minimal);
    }
    let request = der::encode(SEQUENCE, &request);
    Ok(Normalised {
        der: if request == der {
            Cow::Borrowed(der)
        } else {
            Cow::Owned(request)
        },
        signed_info: info.raw,
        spki: spki.raw,
        spki_offset: spki.offset,
        irregularities,
    })
}

/// Notes a part whose lengths are not all in the shortest form.
fn note_length(out: &mut Vec<Irregularity>, tlv: &Tlv<'_>, minimal: &[u8], part: &str) {
    if minimal != tlv.raw {
        out.push(Irregularity::NonMinimalLength {
            part: part.to_owned(),
        });
    }
}

/// True when the element's own length is not in the shortest form.
fn header_is_long(tlv: &Tlv<'_>) -> bool {
    let header = tlv.raw.len().saturating_sub(tlv.content.len());
    header != tlv.identifier().len() + der::length_octets(tlv.content.len()).len()
}

/// One attribute, judged: what is bent about it and, when x509-parser can read it, its
/// shortest encoding to keep in the copy.
struct ReadAttribute<'a> {
    kept: Option<Cow<'a, [u8]>>,
    irregularities: Vec<Irregularity>,
}

fn read_attribute<'a>(attribute: &Tlv<'a>) -> ReadAttribute<'a> {
    let mut irregularities = Vec::new();
    let minimal = der::minimal(attribute);
    let parts = attribute.children().unwrap_or_default();
    let oid = parts
        .first()
        .filter(|t| t.tag == OID)
        .map(|t| Oid::new(t.content.into()).to_id_string())
        .unwrap_or_default();
    let name = attribute_name(&oid).map_or_else(|| oid.clone(), str::to_owned);
    if *minimal != *attribute.raw {
        irregularities.push(Irregularity::NonMinimalLength {
            part: format!("the {name} attribute"),
        });
    }
    let values = parts
        .get(1)
        .filter(|t| t.tag == SET)
        .and_then(|set| set.children().ok())
        .unwrap_or_default();
    if values.is_empty() {
        irregularities.push(Irregularity::EmptyAttribute {
            attribute: name.clone(),
        });
    }
    if oid == CHALLENGE_PASSWORD
        && let Some(value) = values
            .iter()
            .find(|v| !DIRECTORY_STRING_TAGS.contains(&v.tag))
    {
        irregularities.push(Irregularity::ChallengePasswordType {
            found: type_name(value),
        });
    }
    let readable = matches!(X509CriAttribute::from_der(&minimal), Ok((rest, _)) if rest.is_empty());
    if !readable && oid == EXTENSION_REQUEST && !values.is_empty() {
        irregularities.push(Irregularity::UnreadableExtensionRequest);
    }
    ReadAttribute {
        kept: readable.then_some(minimal),
        irregularities,
    }
}

/// The ASN.1 name of an element's type: `IA5String`, `[APPLICATION 32]`, `[0]`, …
fn type_name(tlv: &Tlv<'_>) -> String {
    let number = tlv
        .number()
        .map_or_else(|| "?".to_owned(), |n| n.to_string());
    match tlv.tag & 0xC0 {
        0x00 => match tlv.number() {
            Some(n) => universal_type_name(n),
            None => format!("universal {number}"),
        },
        0x40 => format!("[APPLICATION {number}]"),
        0x80 => format!("[{number}]"),
        _ => format!("[PRIVATE {number}]"),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn tlv(bytes: &[u8]) -> Tlv<'_> {
        der::read(bytes, 0).unwrap().0
    }

    #[test]
    fn types_of_every_class_are_named() {
        assert_eq!(type_name(&tlv(&[0x16, 0x00])), "IA5String");
        assert_eq!(type_name(&tlv(&[0x02, 0x01, 0x01])), "INTEGER");
        assert_eq!(type_name(&tlv(&[0x7F, 0x20, 0x00])), "[APPLICATION 32]");
        assert_eq!(type_name(&tlv(&[0x80, 0x00])), "[0]");
    }

    #[test]
    fn an_empty_extension_request_is_dropped_from_the_copy_and_noted() {
        // SEQUENCE { extensionRequest, SET {} }
        let mut attribute = vec![0x30, 0x0D, 0x06, 0x09];
        attribute.extend([0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x09, 0x0E]);
        attribute.extend([0x31, 0x00]);
        let read = read_attribute(&tlv(&attribute));
        assert_eq!(read.kept, None);
        assert_eq!(
            read.irregularities,
            vec![Irregularity::EmptyAttribute {
                attribute: "extensionRequest".into()
            }]
        );
    }

    #[test]
    fn a_long_form_header_is_seen() {
        assert!(header_is_long(&tlv(&[0x30, 0x81, 0x00])));
        assert!(!header_is_long(&tlv(&[0x30, 0x00])));
    }
}
