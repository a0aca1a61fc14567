//! Test helpers: CSRs made with rcgen, and the checks every issued certificate must pass
//! (it parses, carries the request's key and the ordered names, and chains to the sandbox
//! root with valid signatures).

// Each test file uses the part of these helpers it needs.
#![allow(dead_code)]

use certorder_sandbox::SandboxCa;
use rcgen::{CertificateParams, KeyPair};
use x509_parser::prelude::*;

/// A CSR (PEM) for `names` (the first is the common name) and its SubjectPublicKeyInfo (DER).
pub(crate) fn csr(names: &[&str]) -> (String, Vec<u8>) {
    csr_with_subject(names, &[])
}

/// A CSR whose subject also holds `attributes` (organisation, city, …).
pub(crate) fn csr_with_subject(
    names: &[&str],
    attributes: &[(rcgen::DnType, &str)],
) -> (String, Vec<u8>) {
    let key = KeyPair::generate().expect("key");
    let mut params =
        CertificateParams::new(names.iter().map(|n| (*n).to_owned()).collect::<Vec<_>>())
            .expect("params");
    params.distinguished_name = rcgen::DistinguishedName::new();
    params
        .distinguished_name
        .push(rcgen::DnType::CommonName, names[0]);
    for (kind, value) in attributes {
        params.distinguished_name.push(kind.clone(), *value);
    }
    let request = params.serialize_request(&key).expect("csr");
    let pem = request.pem().expect("pem");
    let der = request.der().to_vec();
    let (_, parsed) = X509CertificationRequest::from_der(&der).expect("parse csr");
    let spki = parsed.certification_request_info.subject_pki.raw.to_vec();
    (pem, spki)
}

/// [`check_issued`] on the first certificate of a PEM download.
pub(crate) fn check_issued_pem(
    ca: &SandboxCa,
    pem: &str,
    spki: Option<&[u8]>,
    names: &[&str],
    months: i64,
) {
    check_issued(ca, &first_der(pem), spki, names, months);
}

/// The DER of the first PEM block of `text`.
pub(crate) fn first_der(text: &str) -> Vec<u8> {
    ::pem::parse_many(text)
        .expect("pem")
        .first()
        .expect("one block")
        .contents()
        .to_vec()
}

/// Checks `leaf_der` against the order: its key is `spki` (when given), its SANs are `names`
/// in order, it is valid for about `months` months, and leaf → intermediate → root verify.
pub(crate) fn check_issued(
    ca: &SandboxCa,
    leaf_der: &[u8],
    spki: Option<&[u8]>,
    names: &[&str],
    months: i64,
) {
    let (_, leaf) = parse_x509_certificate(leaf_der).expect("leaf parses");
    if let Some(spki) = spki {
        assert_eq!(
            leaf.public_key().raw,
            spki,
            "the certificate carries the request's key"
        );
    }
    let sans: Vec<String> = leaf
        .subject_alternative_name()
        .expect("san extension")
        .expect("sans present")
        .value
        .general_names
        .iter()
        .map(|g| match g {
            GeneralName::DNSName(n) => (*n).to_owned(),
            other => panic!("unexpected SAN {other:?}"),
        })
        .collect();
    assert_eq!(sans, names, "SANs are the ordered names");
    let cn = leaf
        .subject()
        .iter_common_name()
        .next()
        .and_then(|c| c.as_str().ok());
    assert_eq!(cn, names.first().copied());
    let days =
        (leaf.validity().not_after.timestamp() - leaf.validity().not_before.timestamp()) / 86_400;
    let expected = months * 365 / 12;
    assert!(
        (days - expected).abs() <= 4,
        "{days} days for {months} months"
    );

    let (_, intermediate) = parse_x509_certificate(ca.intermediate_der()).expect("intermediate");
    let (_, root) = parse_x509_certificate(ca.root_der()).expect("root");
    assert_eq!(leaf.issuer(), intermediate.subject());
    assert_eq!(intermediate.issuer(), root.subject());
    leaf.verify_signature(Some(intermediate.public_key()))
        .expect("leaf signed by the intermediate");
    intermediate
        .verify_signature(Some(root.public_key()))
        .expect("intermediate signed by the root");
    root.verify_signature(None).expect("root self-signed");
    assert!(root.is_ca() && intermediate.is_ca() && !leaf.is_ca());
}
