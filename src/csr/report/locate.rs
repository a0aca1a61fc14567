//! Where a request is broken, field by field.
//!
//! x509-parser's errors carry no position, and some of its parsers stop quietly at the first
//! element they cannot read (a name drops its remaining RDNs instead of failing). So the
//! request is walked field by field with the DER reader and each field, down to every RDN and
//! name attribute, is handed to x509-parser's parser for that field alone; the first field it
//! refuses gives the offset.
//!
//! What OpenSSL reads is let through (see `normalise.rs`): each field goes to x509-parser
//! with its lengths in the shortest form, the attributes field may be absent, and an
//! attribute only needs the shape OpenSSL reads, `SEQUENCE { OBJECT IDENTIFIER, SET }`; its
//! values are judged by the lint rules.

use crate::csr::CsrError;
use crate::csr::input::der::{self, BIT_STRING, CONTEXT_0, OID, SEQUENCE, SET, Tlv};
use x509_parser::asn1_rs::FromDer;
use x509_parser::x509::{
    AlgorithmIdentifier, AttributeTypeAndValue, RelativeDistinguishedName, SubjectPublicKeyInfo,
    X509Name, X509Version,
};

/// Checks every field of the request and names the first broken one.
pub(super) fn check(der: &[u8]) -> Result<(), CsrError> {
    find(der).map_err(|(offset, detail)| CsrError::MalformedDer { offset, detail })
}

type Found = (usize, String);

fn at(tlv: &Tlv<'_>, detail: &str) -> Found {
    (tlv.offset, detail.to_owned())
}

fn from_der_fault(fault: der::Fault) -> Found {
    (fault.offset, fault.detail)
}

fn find(der: &[u8]) -> Result<(), Found> {
    let (outer, _) = der::read(der, 0).map_err(from_der_fault)?;
    if outer.tag != SEQUENCE {
        return Err(at(&outer, "a request starts with a SEQUENCE"));
    }
    let parts = outer.children().map_err(from_der_fault)?;
    let mut parts = parts.iter();
    let info = expect(
        parts.next(),
        &outer,
        SEQUENCE,
        "the certification request info",
    )?;
    check_info(info)?;
    let algorithm = expect(parts.next(), &outer, SEQUENCE, "the signature algorithm")?;
    if AlgorithmIdentifier::from_der(&der::minimal(algorithm)).is_err() {
        return Err(at(algorithm, "invalid signature algorithm"));
    }
    let signature = expect(parts.next(), &outer, BIT_STRING, "the signature")?;
    if signature.content.first().is_none_or(|unused| *unused > 7) {
        return Err(at(signature, "invalid signature bit string"));
    }
    match parts.next() {
        Some(extra) => Err(at(extra, "unexpected field after the signature")),
        None => Ok(()),
    }
}

/// The next field, which must have `tag`; a missing field is reported at the end of its parent.
fn expect<'t, 'a>(
    field: Option<&'t Tlv<'a>>,
    parent: &Tlv<'_>,
    tag: u8,
    what: &str,
) -> Result<&'t Tlv<'a>, Found> {
    match field {
        Some(tlv) if tlv.tag == tag => Ok(tlv),
        Some(tlv) => Err(at(tlv, &format!("expected {what} here"))),
        None => Err((parent.end(), format!("{what} is missing"))),
    }
}

fn check_info(info: &Tlv<'_>) -> Result<(), Found> {
    let fields = info.children().map_err(from_der_fault)?;
    let mut fields = fields.iter();
    let version = expect(fields.next(), info, der::INTEGER, "the version")?;
    if X509Version::from_der(&der::minimal(version)).is_err() {
        return Err(at(version, "invalid version"));
    }
    let subject = expect(fields.next(), info, SEQUENCE, "the subject name")?;
    check_name(subject)?;
    let spki = expect(fields.next(), info, SEQUENCE, "the subject public key info")?;
    if SubjectPublicKeyInfo::from_der(&der::minimal(spki)).is_err() {
        return Err(at(spki, "invalid subject public key info"));
    }
    // Old OpenSSL versions left the attributes out; OpenSSL still reads such requests.
    let Some(attributes) = fields.next() else {
        return Ok(());
    };
    if attributes.tag != CONTEXT_0 {
        return Err(at(attributes, "expected the attributes ([0]) here"));
    }
    for attribute in attributes.children().map_err(from_der_fault)? {
        if attribute.tag != SEQUENCE {
            return Err(at(&attribute, "invalid attribute"));
        }
        let parts = attribute.children().map_err(from_der_fault)?;
        let shaped =
            matches!(parts.as_slice(), [oid, values] if oid.tag == OID && values.tag == SET);
        if !shaped {
            return Err(at(&attribute, "invalid attribute"));
        }
    }
    match fields.next() {
        Some(extra) => Err(at(extra, "unexpected field after the attributes")),
        None => Ok(()),
    }
}

fn check_name(name: &Tlv<'_>) -> Result<(), Found> {
    for rdn in name.children().map_err(from_der_fault)? {
        let attributes = rdn.children().map_err(from_der_fault)?;
        for atv in &attributes {
            if atv.tag != SEQUENCE || AttributeTypeAndValue::from_der(&der::minimal(atv)).is_err() {
                return Err(at(atv, "invalid attribute in the subject name"));
            }
        }
        if rdn.tag != der::SET
            || attributes.is_empty()
            || RelativeDistinguishedName::from_der(&der::minimal(&rdn)).is_err()
        {
            return Err(at(&rdn, "invalid RDN in the subject name"));
        }
    }
    match X509Name::from_der(&der::minimal(name)) {
        Ok(_) => Ok(()),
        Err(_) => Err(at(name, "invalid subject name")),
    }
}
