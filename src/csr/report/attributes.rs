//! CSR attributes other than `extensionRequest`, read from the raw request info.
//!
//! x509-parser keeps only the header of attributes it does not know, so their values are
//! read here with the DER walker. A challengePassword's value is never copied.

use super::subject::{decode_string, push_hex};
use crate::csr::Attribute;
use crate::csr::input::der::{self, CONTEXT_0, OID, SET, Tlv};
use x509_parser::asn1_rs::Oid;

pub(super) const EXTENSION_REQUEST: &str = "1.2.840.113549.1.9.14";
pub(super) const CHALLENGE_PASSWORD: &str = "1.2.840.113549.1.9.7";

/// The attributes of a CertificationRequestInfo (its raw DER), in encoding order.
pub(super) fn attributes(cri_raw: &[u8]) -> Vec<Attribute> {
    let Ok((cri, _)) = der::read(cri_raw, 0) else {
        return Vec::new();
    };
    let Ok(fields) = cri.children() else {
        return Vec::new();
    };
    let Some(set) = fields.iter().find(|f| f.tag == CONTEXT_0) else {
        return Vec::new();
    };
    set.children()
        .unwrap_or_default()
        .iter()
        .filter_map(attribute)
        .collect()
}

fn attribute(attr: &Tlv<'_>) -> Option<Attribute> {
    let parts = attr.children().ok()?;
    let oid_tlv = parts.first().filter(|t| t.tag == OID)?;
    let oid = Oid::new(oid_tlv.content.into()).to_id_string();
    if oid == EXTENSION_REQUEST {
        return None;
    }
    let value = if oid == CHALLENGE_PASSWORD {
        // A secret shared with the CA: the report only says it is there.
        None
    } else {
        parts
            .get(1)
            .filter(|t| t.tag == SET)
            .and_then(|set| set.children().ok())
            .map(|values| values.iter().map(value_text).collect::<Vec<_>>().join(", "))
    };
    Some(Attribute {
        name: attribute_name(&oid).map(str::to_owned),
        oid,
        value,
    })
}

/// A string value as text; anything else as `#` and hex, as RFC 4514 writes it.
fn value_text(value: &Tlv<'_>) -> String {
    // Universal, primitive tags only: the low five bits are the tag number.
    let text = if value.tag & 0xE0 == 0 {
        decode_string(u32::from(value.tag), value.content)
    } else {
        None
    };
    text.unwrap_or_else(|| {
        let mut out = String::from("#");
        push_hex(&mut out, value.raw);
        out
    })
}

/// The PKCS#9 and Microsoft names of the attributes seen in requests.
pub(super) fn attribute_name(oid: &str) -> Option<&'static str> {
    Some(match oid {
        EXTENSION_REQUEST => "extensionRequest",
        CHALLENGE_PASSWORD => "challengePassword",
        "1.2.840.113549.1.9.2" => "unstructuredName",
        "1.2.840.113549.1.9.8" => "unstructuredAddress",
        "1.2.840.113549.1.9.15" => "SMIMECapabilities",
        "1.3.6.1.4.1.311.2.1.14" => "msExtReq",
        "1.3.6.1.4.1.311.13.2.1" => "msEnrollmentNameValuePair",
        "1.3.6.1.4.1.311.13.2.2" => "msEnrollmentCSPProvider",
        "1.3.6.1.4.1.311.13.2.3" => "msOSVersion",
        "1.3.6.1.4.1.311.21.20" => "msRequestClientInfo",
        _ => return None,
    })
}
