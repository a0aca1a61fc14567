//! The subject name: RDNs in order, every ASN.1 string type decoded to UTF-8.

use crate::csr::SubjectAttribute;
use std::fmt::Write as _;
use x509_parser::asn1_rs::{Any, Class};
use x509_parser::x509::X509Name;

/// The subject as RDNs of one or more attributes, in encoding order.
pub(super) fn rdns(name: &X509Name<'_>) -> Vec<Vec<SubjectAttribute>> {
    name.iter_rdn()
        .map(|rdn| {
            rdn.iter()
                .map(|atv| {
                    let oid = atv.attr_type().to_id_string();
                    let value = atv.attr_value();
                    SubjectAttribute {
                        name: attribute_name(&oid).map(str::to_owned),
                        value: any_text(value),
                        string_type: string_type(value),
                        oid,
                    }
                })
                .collect()
        })
        .collect()
}

/// OpenSSL's short names for the attributes seen in subjects.
pub(super) fn attribute_name(oid: &str) -> Option<&'static str> {
    Some(match oid {
        "2.5.4.3" => "CN",
        "2.5.4.4" => "SN",
        "2.5.4.5" => "serialNumber",
        "2.5.4.6" => "C",
        "2.5.4.7" => "L",
        "2.5.4.8" => "ST",
        "2.5.4.9" => "street",
        "2.5.4.10" => "O",
        "2.5.4.11" => "OU",
        "2.5.4.12" => "title",
        "2.5.4.13" => "description",
        "2.5.4.15" => "businessCategory",
        "2.5.4.16" => "postalAddress",
        "2.5.4.17" => "postalCode",
        "2.5.4.18" => "postOfficeBox",
        "2.5.4.41" => "name",
        "2.5.4.42" => "GN",
        "2.5.4.43" => "initials",
        "2.5.4.44" => "generationQualifier",
        "2.5.4.45" => "x500UniqueIdentifier",
        "2.5.4.46" => "dnQualifier",
        "2.5.4.65" => "pseudonym",
        "2.5.4.97" => "organizationIdentifier",
        "1.2.840.113549.1.9.1" => "emailAddress",
        "1.2.840.113549.1.9.2" => "unstructuredName",
        "1.2.840.113549.1.9.8" => "unstructuredAddress",
        "0.9.2342.19200300.100.1.1" => "UID",
        "0.9.2342.19200300.100.1.25" => "DC",
        "1.3.6.1.4.1.311.60.2.1.1" => "jurisdictionL",
        "1.3.6.1.4.1.311.60.2.1.2" => "jurisdictionST",
        "1.3.6.1.4.1.311.60.2.1.3" => "jurisdictionC",
        _ => return None,
    })
}

/// The text of a value, or `#` and the hex of its DER (RFC 4514 §2.4) when it is not a
/// string or its bytes do not decode.
pub(super) fn any_text(value: &Any<'_>) -> String {
    let decoded = match value.class() {
        Class::Universal => decode_string(value.tag().0, value.data),
        _ => None,
    };
    decoded.unwrap_or_else(|| der_hex(value))
}

/// Decodes the content of a universal string type.
pub(super) fn decode_string(tag: u32, data: &[u8]) -> Option<String> {
    match tag {
        // UTF8String, NumericString, PrintableString, IA5String, VisibleString: all UTF-8
        // compatible; tools put UTF-8 into PrintableString too, so it is accepted as such.
        12 | 18 | 19 | 22 | 26 => std::str::from_utf8(data).ok().map(str::to_owned),
        // TeletexString: in practice Latin-1, as OpenSSL reads it.
        20 => Some(data.iter().map(|b| char::from(*b)).collect()),
        // BMPString: UTF-16BE (surrogate pairs accepted, unpaired ones refused).
        30 => {
            let pairs = data.chunks_exact(2);
            if !pairs.remainder().is_empty() {
                return None;
            }
            let units = pairs.map(|p| match p {
                [a, b] => u16::from_be_bytes([*a, *b]),
                _ => 0,
            });
            char::decode_utf16(units)
                .collect::<Result<String, _>>()
                .ok()
        }
        // UniversalString: UTF-32BE.
        28 => {
            let quads = data.chunks_exact(4);
            if !quads.remainder().is_empty() {
                return None;
            }
            quads
                .map(|q| match q {
                    [a, b, c, d] => char::from_u32(u32::from_be_bytes([*a, *b, *c, *d])),
                    _ => None,
                })
                .collect()
        }
        _ => None,
    }
}

/// The ASN.1 name of a value's type.
pub(super) fn string_type(value: &Any<'_>) -> String {
    if value.class() != Class::Universal {
        return format!("[{}]", value.tag().0);
    }
    universal_type_name(value.tag().0)
}

/// The ASN.1 name of a universal tag.
pub(super) fn universal_type_name(tag: u32) -> String {
    match tag {
        1 => "BOOLEAN",
        2 => "INTEGER",
        3 => "BIT STRING",
        4 => "OCTET STRING",
        5 => "NULL",
        6 => "OBJECT IDENTIFIER",
        12 => "UTF8String",
        16 => "SEQUENCE",
        17 => "SET",
        18 => "NumericString",
        19 => "PrintableString",
        20 => "TeletexString",
        21 => "VideotexString",
        22 => "IA5String",
        23 => "UTCTime",
        24 => "GeneralizedTime",
        25 => "GraphicString",
        26 => "VisibleString",
        27 => "GeneralString",
        28 => "UniversalString",
        30 => "BMPString",
        other => return format!("universal {other}"),
    }
    .to_owned()
}

/// `#` and the upper-case hex of the value's DER encoding.
fn der_hex(value: &Any<'_>) -> String {
    let class_bits: u8 = match value.class() {
        Class::Universal => 0x00,
        Class::Application => 0x40,
        Class::ContextSpecific => 0x80,
        Class::Private => 0xC0,
    };
    let constructed = if value.header.is_constructed() {
        0x20
    } else {
        0
    };
    let mut out = String::from("#");
    // Tags above 30 never occur in names; their header is not rebuilt.
    if let Ok(tag) = u8::try_from(value.tag().0)
        && tag < 0x1F
    {
        let mut header = vec![class_bits | constructed | tag];
        header.extend(crate::csr::input::der::length_octets(value.data.len()));
        push_hex(&mut out, &header);
    }
    push_hex(&mut out, value.data);
    out
}

pub(super) fn push_hex(out: &mut String, bytes: &[u8]) {
    for b in bytes {
        // Writing to a String cannot fail.
        let _ = write!(out, "{b:02X}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bmp_and_universal_strings_decode_to_utf8() {
        assert_eq!(
            decode_string(30, &[0x65, 0xE5, 0x67, 0x2C]).as_deref(),
            Some("日本")
        );
        assert_eq!(decode_string(28, &[0, 1, 0xD1, 0x1E]).as_deref(), Some("𝄞"));
        assert_eq!(decode_string(30, &[0xD8, 0x00]), None);
    }

    #[test]
    fn teletex_is_read_as_latin1() {
        assert_eq!(decode_string(20, b"M\xFCller").as_deref(), Some("Müller"));
    }
}
