//! The sandbox CA issues real certificates: for the request's key and the ordered names, for
//! the ordered period, chaining to its root; PKCS#7 and generated-key issuance too.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

#[path = "support/pki.rs"]
mod pki;

use certorder_sandbox::SandboxCa;
use x509_parser::prelude::*;

// Guards: key, names, period and chain of an issued certificate.
#[test]
fn issues_for_the_requests_key_and_names() {
    let ca = SandboxCa::new().unwrap();
    let names = ["shop.example.org", "*.shop.example.org", "www.example.org"];
    let (_, spki) = pki::csr(&names);
    let owned: Vec<String> = names.iter().map(|n| (*n).to_owned()).collect();
    for months in [1, 12, 24] {
        let issued = ca.issue(&spki, &owned, months).unwrap();
        pki::check_issued(&ca, &issued.der, Some(&spki), &names, i64::from(months));
        assert_eq!(pki::first_der(&issued.pem), issued.der);
        assert_eq!(issued.serial.len(), 32);
        assert!(issued.private_key_pem.is_none());
    }
    // Two CAs are two different roots: nothing is shared between runs.
    let other = SandboxCa::new().unwrap();
    assert_ne!(other.root_der(), ca.root_der());
    let issued = ca.issue(&spki, &owned, 12).unwrap();
    let (_, leaf) = parse_x509_certificate(&issued.der).unwrap();
    let (_, foreign) = parse_x509_certificate(other.intermediate_der()).unwrap();
    assert!(leaf.verify_signature(Some(foreign.public_key())).is_err());
}

// Guards: a key the CA generates (names-only issuance) matches the certificate.
#[test]
fn issues_with_a_generated_key() {
    let ca = SandboxCa::new().unwrap();
    let names = vec!["cdn.example.net".to_owned(), "*.cdn.example.net".to_owned()];
    let issued = ca.issue_generated(&names, 3).unwrap();
    let key_pem = issued.private_key_pem.clone().unwrap();
    let key = rcgen::KeyPair::from_pem(&key_pem).unwrap();
    use rcgen::PublicKeyData;
    let spki = key.subject_public_key_info();
    pki::check_issued(
        &ca,
        &issued.der,
        Some(&spki),
        &["cdn.example.net", "*.cdn.example.net"],
        3,
    );
}

// Guards: the chain and bundle texts, and a PKCS#7 that holds leaf, intermediate and root.
#[test]
fn chain_bundle_and_pkcs7() {
    let ca = SandboxCa::new().unwrap();
    let (_, spki) = pki::csr(&["example.com"]);
    let issued = ca.issue(&spki, &["example.com".to_owned()], 12).unwrap();
    let blocks = ::pem::parse_many(ca.bundle_pem(&issued)).unwrap();
    let ders: Vec<&[u8]> = blocks.iter().map(|b| b.contents()).collect();
    assert_eq!(
        ders,
        vec![&issued.der[..], ca.intermediate_der(), ca.root_der()]
    );
    let p7 = ca.pkcs7(&issued);
    // ContentInfo SEQUENCE, then the signedData OID 1.2.840.113549.1.7.2.
    assert_eq!(p7[0], 0x30);
    let oid = [
        0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02,
    ];
    assert!(p7.windows(oid.len()).any(|w| w == oid));
    for der in [&issued.der[..], ca.intermediate_der(), ca.root_der()] {
        assert!(
            p7.windows(der.len()).any(|w| w == der),
            "each certificate is inside"
        );
    }
}
