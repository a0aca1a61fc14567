//! Requests OpenSSL reads although they bend PKCS#10 or DER: read, reported and judged by the
//! lint rules, never called damaged.
//!
//! Fixtures come from `tests/fixtures/csr/tolerated/generate.py` (each checked there with
//! `openssl req -verify`) and the third-party vectors under `tests/fixtures/csr/vectors/`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use certorder::csr::{
    CsrError, Inspection, Irregularity, San, SignatureCheck, fingerprint, inspect,
};

macro_rules! tolerated {
    ($name:literal) => {
        include_bytes!(concat!("fixtures/csr/tolerated/", $name)).as_slice()
    };
}

macro_rules! vector {
    ($name:literal) => {
        include_bytes!(concat!("fixtures/csr/vectors/cryptography-vectors/", $name)).as_slice()
    };
}

fn inspected(input: &[u8]) -> Inspection {
    inspect(input).unwrap_or_else(|e| panic!("not read: {e}"))
}

fn codes(inspection: &Inspection) -> Vec<&'static str> {
    inspection.findings.iter().map(|f| f.code).collect()
}

fn message(inspection: &Inspection, code: &str) -> String {
    inspection
        .findings
        .iter()
        .find(|f| f.code == code)
        .map(|f| f.message.clone())
        .unwrap_or_else(|| panic!("no {code} finding in {:?}", codes(inspection)))
}

fn der_of(pem_text: &[u8]) -> Vec<u8> {
    pem::parse(pem_text).unwrap().into_contents()
}

#[test]
fn an_empty_extension_request_is_read_as_asking_for_nothing() {
    let inspection = inspected(tolerated!("empty-extension-request.pem"));
    assert_eq!(inspection.signature, SignatureCheck::Valid);
    assert!(inspection.info.extensions.is_empty());
    assert_eq!(
        inspection.info.irregularities,
        vec![Irregularity::EmptyAttribute {
            attribute: "extensionRequest".into()
        }]
    );
    assert!(codes(&inspection).contains(&"attribute-empty"));
}

#[test]
fn the_device_request_with_an_empty_extension_request_verifies() {
    // Sent by a real phone system; OpenSSL and pyca/cryptography verify it.
    let inspection = inspected(vector!("zero-element-attribute.pem"));
    assert_eq!(inspection.signature, SignatureCheck::Valid);
    assert_eq!(inspection.info.common_name(), Some("mitel.blonay.ch"));
    assert!(codes(&inspection).contains(&"attribute-empty"));
}

#[test]
fn long_form_lengths_are_read_and_named() {
    let inspection = inspected(tolerated!("long-form-length.pem"));
    assert_eq!(inspection.signature, SignatureCheck::Valid);
    assert_eq!(
        inspection.info.sans,
        vec![San::Dns("long-form-length.example".into())]
    );
    let unstructured = inspection
        .info
        .attributes
        .iter()
        .find(|a| a.name.as_deref() == Some("unstructuredName"))
        .expect("the unstructuredName attribute");
    assert_eq!(unstructured.value.as_deref(), Some("long form"));
    let parts: Vec<&str> = inspection
        .info
        .irregularities
        .iter()
        .filter_map(|i| match i {
            Irregularity::NonMinimalLength { part } => Some(part.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(
        parts,
        [
            "the attributes field",
            "the unstructuredName attribute",
            "the extensionRequest attribute"
        ]
    );
    assert!(codes(&inspection).contains(&"not-der"));
}

#[test]
fn the_signature_covers_the_bytes_received_not_their_der_form() {
    // Signed over the DER re-encoding of its attributes, sent with long-form lengths.
    let inspection = inspected(tolerated!("long-form-length-signed-as-der.pem"));
    assert!(
        matches!(&inspection.signature, SignatureCheck::Invalid { reason } if reason.contains("mismatch")),
        "{:?}",
        inspection.signature
    );
}

#[test]
fn fingerprints_are_of_the_bytes_received() {
    let pem_text = tolerated!("long-form-length.pem");
    let der = der_of(pem_text);
    let inspection = inspected(pem_text);
    let expected = fingerprint::compute(&der, &[]);
    assert_eq!(inspection.info.fingerprints.md5, expected.md5);
    assert_eq!(inspection.info.fingerprints.sha256, expected.sha256);
}

#[test]
fn a_challenge_password_of_another_string_type_is_a_finding_and_stays_secret() {
    let inspection = inspected(tolerated!("challenge-ia5string.pem"));
    assert_eq!(inspection.signature, SignatureCheck::Valid);
    assert!(inspection.info.has_challenge_password());
    assert_eq!(
        inspection.info.irregularities,
        vec![Irregularity::ChallengePasswordType {
            found: "IA5String".into()
        }]
    );
    let said = message(&inspection, "challenge-password-type");
    assert!(said.contains("IA5String"), "{said}");
    let json = serde_json::to_string(&inspection.info).unwrap();
    assert!(!json.contains("ia5 secret"), "the password leaked: {json}");
    assert!(codes(&inspection).contains(&"challenge-password"));
}

#[test]
fn a_bmpstring_challenge_password_is_allowed_and_read() {
    let inspection = inspected(tolerated!("challenge-bmpstring.pem"));
    assert_eq!(inspection.signature, SignatureCheck::Valid);
    assert!(inspection.info.has_challenge_password());
    assert!(inspection.info.irregularities.is_empty());
    assert!(!codes(&inspection).contains(&"challenge-password-type"));
}

#[test]
fn an_integer_challenge_password_is_read_and_its_bad_signature_reported() {
    let inspection = inspected(vector!("challenge-invalid.der"));
    assert!(matches!(
        inspection.signature,
        SignatureCheck::Invalid { .. }
    ));
    assert!(message(&inspection, "challenge-password-type").contains("INTEGER"));
}

#[test]
fn a_long_form_tag_in_a_challenge_password_is_read() {
    // `7F 20 00`: [APPLICATION 32] with its tag number in the long form.
    let inspection = inspected(vector!("long-form-attribute.pem"));
    assert!(message(&inspection, "challenge-password-type").contains("[APPLICATION 32]"));
}

#[test]
fn no_attributes_field_and_a_512_bit_key_are_findings_not_damage() {
    let inspection = inspected(tolerated!("no-attributes-rsa512.pem"));
    assert_eq!(inspection.signature, SignatureCheck::Valid);
    assert!(inspection.info.attributes.is_empty());
    let found = codes(&inspection);
    assert!(found.contains(&"rsa-key-too-small"), "{found:?}");
    assert!(found.contains(&"attributes-field-missing"), "{found:?}");
    assert!(!inspection.is_acceptable());
}

#[test]
fn a_request_that_follows_the_rules_has_no_irregularities() {
    let inspection = inspected(include_bytes!("fixtures/csr/input/rsa-full.csr.pem"));
    assert!(inspection.info.irregularities.is_empty());
}

#[test]
fn an_attribute_without_its_set_is_still_damage() {
    // The empty-extension-request request with the attribute's SET (31 00) turned into NULL
    // (05 00): not an Attribute at all, so OpenSSL refuses it too.
    let mut der = der_of(tolerated!("empty-extension-request.pem"));
    let oid = [
        0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x09, 0x0E, 0x31, 0x00,
    ];
    let at = der
        .windows(oid.len())
        .position(|w| w == oid)
        .expect("the extensionRequest")
        + 9;
    der[at] = 0x05;
    match inspect(&der) {
        Err(CsrError::MalformedDer { offset, detail }) => {
            assert!(detail.contains("attribute"), "{detail}");
            assert!(offset > 0 && offset < at, "{offset}");
        }
        other => panic!("expected damage, got {other:?}"),
    }
}

#[test]
fn indefinite_lengths_are_still_damage() {
    let mut der = der_of(tolerated!("empty-extension-request.pem"));
    // The outer SEQUENCE's length (82 xx xx) becomes BER's indefinite form.
    der[1] = 0x80;
    assert!(matches!(inspect(&der), Err(CsrError::MalformedDer { .. })));
}

#[test]
fn the_old_oiw_dsa_oids_are_named() {
    let inspection = inspected(tolerated!("dsa-oiw-oids.pem"));
    assert_eq!(inspection.info.key.description, "DSA");
    assert_eq!(inspection.info.signature_algorithm.oid, "1.3.14.3.2.27");
    assert_eq!(inspection.info.signature_algorithm.name, "dsaWithSHA1-old");
    assert_eq!(
        inspection.signature,
        SignatureCheck::CannotCheck {
            algorithm: "dsaWithSHA1-old".into()
        }
    );
    let found = codes(&inspection);
    for code in [
        "key-algorithm-unsupported",
        "signature-weak-hash",
        "signature-not-checked",
    ] {
        assert!(found.contains(&code), "{code} missing from {found:?}");
    }
    assert!(message(&inspection, "key-algorithm-unsupported").contains("DSA"));
}
