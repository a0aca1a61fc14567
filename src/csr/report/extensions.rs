//! Requested extensions (RFC 2985 §5.4.2) and the subject alternative names among them.

use crate::csr::{ExtensionValue, RequestedExtension, San};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use x509_parser::certification_request::X509CertificationRequest;
use x509_parser::cri_attributes::ParsedCriAttribute;
use x509_parser::extensions::{
    ExtendedKeyUsage, GeneralName, KeyUsage, ParsedExtension, X509Extension,
};

/// Every requested extension and every SAN, in encoding order.
pub(super) fn requested(csr: &X509CertificationRequest<'_>) -> (Vec<RequestedExtension>, Vec<San>) {
    let mut extensions = Vec::new();
    let mut sans = Vec::new();
    let requests = csr
        .certification_request_info
        .iter_attributes()
        .filter_map(|attr| match attr.parsed_attribute() {
            ParsedCriAttribute::ExtensionRequest(request) => Some(request),
            _ => None,
        });
    for request in requests {
        for ext in &request.extensions {
            if let ParsedExtension::SubjectAlternativeName(san) = ext.parsed_extension() {
                sans.extend(san.general_names.iter().map(general_name));
            }
            extensions.push(extension(ext));
        }
    }
    (extensions, sans)
}

fn extension(ext: &X509Extension<'_>) -> RequestedExtension {
    let oid = ext.oid.to_id_string();
    let value = match ext.parsed_extension() {
        ParsedExtension::SubjectAlternativeName(_) => ExtensionValue::SubjectAltName,
        ParsedExtension::KeyUsage(usage) => ExtensionValue::KeyUsage {
            usages: key_usages(usage),
        },
        ParsedExtension::ExtendedKeyUsage(eku) => ExtensionValue::ExtendedKeyUsage {
            purposes: purposes(eku),
        },
        ParsedExtension::BasicConstraints(bc) => ExtensionValue::BasicConstraints {
            ca: bc.ca,
            path_len: bc.path_len_constraint,
        },
        _ => ExtensionValue::Unknown {
            length: ext.value.len(),
        },
    };
    RequestedExtension {
        name: extension_name(&oid).map(str::to_owned),
        oid,
        critical: ext.critical,
        value,
    }
}

fn key_usages(usage: &KeyUsage) -> Vec<String> {
    [
        (usage.digital_signature(), "digitalSignature"),
        (usage.non_repudiation(), "nonRepudiation"),
        (usage.key_encipherment(), "keyEncipherment"),
        (usage.data_encipherment(), "dataEncipherment"),
        (usage.key_agreement(), "keyAgreement"),
        (usage.key_cert_sign(), "keyCertSign"),
        (usage.crl_sign(), "cRLSign"),
        (usage.encipher_only(), "encipherOnly"),
        (usage.decipher_only(), "decipherOnly"),
    ]
    .into_iter()
    .filter(|(set, _)| *set)
    .map(|(_, name)| name.to_owned())
    .collect()
}

fn purposes(eku: &ExtendedKeyUsage<'_>) -> Vec<String> {
    let known = [
        (eku.server_auth, "serverAuth"),
        (eku.client_auth, "clientAuth"),
        (eku.code_signing, "codeSigning"),
        (eku.email_protection, "emailProtection"),
        (eku.time_stamping, "timeStamping"),
        (eku.ocsp_signing, "OCSPSigning"),
        (eku.any, "anyExtendedKeyUsage"),
    ];
    known
        .into_iter()
        .filter(|(set, _)| *set)
        .map(|(_, name)| name.to_owned())
        .chain(eku.other.iter().map(|oid| {
            let oid = oid.to_id_string();
            purpose_name(&oid).map_or(oid, str::to_owned)
        }))
        .collect()
}

fn purpose_name(oid: &str) -> Option<&'static str> {
    Some(match oid {
        "1.3.6.1.5.5.7.3.17" => "ipsecIKE",
        "1.3.6.1.5.5.7.3.5" => "ipsecEndSystem",
        "1.3.6.1.5.5.7.3.6" => "ipsecTunnel",
        "1.3.6.1.5.5.7.3.7" => "ipsecUser",
        "1.3.6.1.4.1.311.10.3.3" => "msSGC",
        "2.16.840.1.113730.4.1" => "nsSGC",
        "1.3.6.1.4.1.311.20.2.2" => "msSmartcardLogin",
        "1.3.6.1.4.1.311.10.3.4" => "msEFS",
        _ => return None,
    })
}

/// OpenSSL's short names for the extensions seen in requests.
fn extension_name(oid: &str) -> Option<&'static str> {
    Some(match oid {
        "2.5.29.14" => "subjectKeyIdentifier",
        "2.5.29.15" => "keyUsage",
        "2.5.29.17" => "subjectAltName",
        "2.5.29.18" => "issuerAltName",
        "2.5.29.19" => "basicConstraints",
        "2.5.29.30" => "nameConstraints",
        "2.5.29.31" => "crlDistributionPoints",
        "2.5.29.32" => "certificatePolicies",
        "2.5.29.35" => "authorityKeyIdentifier",
        "2.5.29.37" => "extendedKeyUsage",
        "1.3.6.1.5.5.7.1.1" => "authorityInfoAccess",
        "1.3.6.1.5.5.7.1.24" => "tlsfeature",
        "1.3.6.1.4.1.11129.2.4.3" => "ct_precert_poison",
        "2.16.840.1.113730.1.1" => "nsCertType",
        "2.16.840.1.113730.1.13" => "nsComment",
        "1.3.6.1.4.1.311.20.2" => "msCertificateTemplateName",
        "1.3.6.1.4.1.311.21.7" => "msCertificateTemplate",
        "1.3.6.1.4.1.311.21.10" => "msApplicationPolicies",
        _ => return None,
    })
}

fn general_name(name: &GeneralName<'_>) -> San {
    match name {
        GeneralName::DNSName(dns) => San::Dns((*dns).to_owned()),
        GeneralName::RFC822Name(mail) => San::Email((*mail).to_owned()),
        GeneralName::URI(uri) => San::Uri((*uri).to_owned()),
        GeneralName::IPAddress(bytes) => ip(bytes),
        GeneralName::OtherName(oid, _) => San::Other(format!("otherName {}", oid.to_id_string())),
        // Written like the subject line, not with x509-parser's `Display` for names, which
        // builds its whole OID registry (about 20 KB of the browser's wasm) on first use.
        GeneralName::DirectoryName(dn) => San::Other(format!(
            "DirName:{}",
            crate::csr::model::name_line(&super::subject::rdns(dn))
        )),
        GeneralName::RegisteredID(oid) => {
            San::Other(format!("Registered ID:{}", oid.to_id_string()))
        }
        GeneralName::X400Address(_) => San::Other("X400Name".to_owned()),
        GeneralName::EDIPartyName(_) => San::Other("EdiPartyName".to_owned()),
        GeneralName::Invalid(tag, _) => San::Other(format!("invalid name (tag [{}])", tag.0)),
    }
}

fn ip(bytes: &[u8]) -> San {
    if let Ok(v4) = <[u8; 4]>::try_from(bytes) {
        return San::Ip(IpAddr::V4(Ipv4Addr::from(v4)));
    }
    if let Ok(v6) = <[u8; 16]>::try_from(bytes) {
        return San::Ip(IpAddr::V6(Ipv6Addr::from(v6)));
    }
    San::Other(format!("IP address of {} bytes", bytes.len()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use x509_parser::asn1_rs::FromDer;
    use x509_parser::x509::X509Name;

    #[test]
    fn a_directory_name_san_reads_like_the_subject_line() {
        // SEQUENCE { SET { CN UTF8String "Example" }, SET { O PrintableString "Acme" } }
        let der = [
            0x30, 0x21, 0x31, 0x10, 0x30, 0x0e, 0x06, 0x03, 0x55, 0x04, 0x03, 0x0c, 0x07, b'E',
            b'x', b'a', b'm', b'p', b'l', b'e', 0x31, 0x0d, 0x30, 0x0b, 0x06, 0x03, 0x55, 0x04,
            0x0a, 0x13, 0x04, b'A', b'c', b'm', b'e',
        ];
        let (rest, name) = X509Name::from_der(&der).expect("a valid name");
        assert!(rest.is_empty());
        assert_eq!(
            general_name(&GeneralName::DirectoryName(name)),
            San::Other("DirName:CN=Example, O=Acme".into())
        );
    }
}
