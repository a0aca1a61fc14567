//! The report of a request, field by field, against what `openssl req -noout -text` shows.
//!
//! Fixtures come from `tests/fixtures/csr/input/generate.sh`; `*.expect` files hold the values
//! that change when the script makes new keys (hashes, moduli), computed there with openssl.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use certorder::csr::{CsrInfo, Curve, ExtensionValue, KeyAlgorithm, San, fingerprint, inspect};

macro_rules! fixture {
    ($name:literal) => {
        include_bytes!(concat!("fixtures/csr/input/", $name)).as_slice()
    };
}

fn info(input: &[u8]) -> CsrInfo {
    inspect(input)
        .unwrap_or_else(|e| panic!("not a readable CSR: {e}"))
        .info
}

/// A `key=value` line of an `.expect` file.
fn expected(file: &str, key: &str) -> String {
    file.lines()
        .find_map(|l| l.strip_prefix(key)?.strip_prefix('='))
        .unwrap_or_else(|| panic!("{key} missing from expect file"))
        .to_owned()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02X}")).collect()
}

/// Attribute labels and values of the subject, RDN by RDN.
fn subject_of(info: &CsrInfo) -> Vec<Vec<(String, String)>> {
    info.subject
        .iter()
        .map(|rdn| {
            rdn.iter()
                .map(|a| (a.label().to_owned(), a.value.clone()))
                .collect()
        })
        .collect()
}

fn rdn(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

// --- the full RSA request ---

#[test]
fn the_subject_lists_every_attribute_in_encoding_order() {
    let info = info(fixture!("rsa-full.csr.pem"));
    // openssl: C = DE, ST = Berlin, L = Berlin, street = Example Street 1, O = Example GmbH,
    // OU = IT, CN = www.example.com, emailAddress = hostmaster@example.com
    assert_eq!(
        info.subject_line(),
        "C=DE, ST=Berlin, L=Berlin, street=Example Street 1, O=Example GmbH, OU=IT, \
         CN=www.example.com, emailAddress=hostmaster@example.com"
    );
    assert_eq!(info.common_name(), Some("www.example.com"));
    let c = &info.subject[0][0];
    assert_eq!(
        (c.oid.as_str(), c.string_type.as_str()),
        ("2.5.4.6", "PrintableString")
    );
    let email = &info.subject[7][0];
    assert_eq!(email.oid, "1.2.840.113549.1.9.1");
    assert_eq!(email.string_type, "IA5String");
}

#[test]
fn version_is_the_encoded_value() {
    // openssl: Version: 1 (0x0)
    assert_eq!(info(fixture!("rsa-full.csr.pem")).version, 0);
}

#[test]
fn sans_of_every_type_are_listed_in_order() {
    let info = info(fixture!("rsa-full.csr.pem"));
    // openssl: DNS:www.example.com, DNS:example.com, IP Address:192.0.2.7,
    // IP Address:2001:DB8:0:0:0:0:0:1, email:admin@example.com, URI:https://example.com/,
    // othername: UPN::user@example.com
    assert_eq!(
        info.sans,
        vec![
            San::Dns("www.example.com".into()),
            San::Dns("example.com".into()),
            San::Ip("192.0.2.7".parse().unwrap()),
            San::Ip("2001:db8::1".parse().unwrap()),
            San::Email("admin@example.com".into()),
            San::Uri("https://example.com/".into()),
            San::Other("otherName 1.3.6.1.4.1.311.20.2.3".into()),
        ]
    );
    assert_eq!(
        info.dns_names().collect::<Vec<_>>(),
        ["www.example.com", "example.com"]
    );
}

#[test]
fn the_rsa_key_has_its_size_exponent_and_modulus() {
    let info = info(fixture!("rsa-full.csr.pem"));
    let expect = include_str!("fixtures/csr/input/rsa-full.expect");
    // openssl: Public-Key: (2048 bit), Exponent: 65537 (0x10001)
    match &info.key.algorithm {
        KeyAlgorithm::Rsa {
            bits,
            exponent,
            modulus,
        } => {
            assert_eq!(*bits, 2048);
            assert_eq!(*exponent, Some(65537));
            assert_eq!(hex(modulus), expected(expect, "modulus"));
            assert_ne!(modulus[0], 0, "leading zero kept");
        }
        other => panic!("not RSA: {other:?}"),
    }
    assert_eq!(info.key.description, "RSA 2048 bits");
}

#[test]
fn a_small_exponent_and_a_3072_bit_key_are_reported() {
    let info = info(fixture!("rsa3072-e3-sha1.csr.pem"));
    let expect = include_str!("fixtures/csr/input/rsa3072-e3-sha1.expect");
    match &info.key.algorithm {
        KeyAlgorithm::Rsa {
            bits,
            exponent,
            modulus,
        } => {
            assert_eq!((*bits, *exponent), (3072, Some(3)));
            assert_eq!(hex(modulus), expected(expect, "modulus"));
        }
        other => panic!("not RSA: {other:?}"),
    }
    assert_eq!(info.signature_algorithm.name, "sha1WithRSAEncryption");
    assert_eq!(info.signature_algorithm.oid, "1.2.840.113549.1.1.5");
}

#[test]
fn the_signature_algorithm_has_oid_and_openssl_name() {
    let info = info(fixture!("rsa-full.csr.pem"));
    assert_eq!(info.signature_algorithm.oid, "1.2.840.113549.1.1.11");
    assert_eq!(info.signature_algorithm.name, "sha256WithRSAEncryption");
}

#[test]
fn requested_extensions_are_decoded_with_their_critical_flag() {
    let info = info(fixture!("rsa-full.csr.pem"));
    let shown: Vec<String> = info.extensions.iter().map(ToString::to_string).collect();
    // openssl: Basic Constraints: critical CA:FALSE; Key Usage: critical Digital Signature,
    // Key Encipherment; Extended Key Usage: TLS Web Server/Client Authentication; SAN; 1.2.3.4.5
    assert_eq!(
        shown,
        [
            "basicConstraints (critical): CA:FALSE",
            "keyUsage (critical): digitalSignature, keyEncipherment",
            "extendedKeyUsage: serverAuth, clientAuth",
            "subjectAltName",
            "1.2.3.4.5: 8 bytes",
        ]
    );
    let unknown = &info.extensions[4];
    assert_eq!(unknown.name, None);
    assert_eq!(unknown.value, ExtensionValue::Unknown { length: 8 });
}

#[test]
fn a_challenge_password_is_flagged_but_its_value_is_never_kept() {
    let info = info(fixture!("rsa-full.csr.pem"));
    assert!(info.has_challenge_password());
    let password = &info.attributes[0];
    assert_eq!(password.name.as_deref(), Some("challengePassword"));
    assert_eq!(password.value, None);
    let everything = format!(
        "{:?}{}",
        inspect(fixture!("rsa-full.csr.pem")).unwrap(),
        serde_json::to_string(&inspect(fixture!("rsa-full.csr.pem")).unwrap()).unwrap()
    );
    assert!(!everything.contains("s3cret-challenge"));
}

#[test]
fn other_attributes_are_shown_as_text() {
    let info = info(fixture!("rsa-full.csr.pem"));
    // openssl: unstructuredName :Example Unstructured
    let unstructured = &info.attributes[1];
    assert_eq!(unstructured.oid, "1.2.840.113549.1.9.2");
    assert_eq!(unstructured.name.as_deref(), Some("unstructuredName"));
    assert_eq!(unstructured.value.as_deref(), Some("Example Unstructured"));
    assert_eq!(
        info.attributes.len(),
        2,
        "extensionRequest is not an attribute here"
    );
}

#[test]
fn fingerprints_match_openssl_dgst() {
    for (pem, expect) in [
        (
            fixture!("rsa-full.csr.pem"),
            include_str!("fixtures/csr/input/rsa-full.expect"),
        ),
        (
            fixture!("ec-p256.csr.pem"),
            include_str!("fixtures/csr/input/ec-p256.expect"),
        ),
    ] {
        let f = info(pem).fingerprints;
        assert_eq!(f.md5, expected(expect, "md5"));
        assert_eq!(f.sha256, expected(expect, "sha256"));
        assert_eq!(f.spki_sha256, expected(expect, "spki_sha256"));
    }
}

#[test]
fn fingerprints_are_the_same_whatever_the_input_form() {
    let from_pem = info(fixture!("rsa-full.csr.pem")).fingerprints;
    assert_eq!(info(fixture!("rsa-full.csr.der")).fingerprints, from_pem);
    assert_eq!(info(fixture!("paste-crlf.txt")).fingerprints, from_pem);
    assert_eq!(
        fingerprint::compute(fixture!("rsa-full.csr.der"), b"").sha256,
        from_pem.sha256
    );
}

// --- other keys and signatures ---

#[rustfmt::skip]
const EC_CASES: &[(&str, &[u8], Curve, &str, &str)] = &[
    ("P-256", fixture!("ec-p256.csr.pem"), Curve::P256, "EC P-256", "ecdsa-with-SHA256"),
    ("P-384", fixture!("ec-p384.csr.pem"), Curve::P384, "EC P-384", "ecdsa-with-SHA384"),
    ("P-521", fixture!("ec-p521.csr.pem"), Curve::P521, "EC P-521", "ecdsa-with-SHA512"),
];

#[test]
fn ec_keys_name_their_curve() {
    for (what, pem, curve, description, signature) in EC_CASES {
        let info = info(pem);
        assert_eq!(
            info.key.algorithm,
            KeyAlgorithm::Ec {
                curve: curve.clone(),
                explicit_parameters: false,
            },
            "{what}"
        );
        assert_eq!(info.key.description, *description);
        assert_eq!(info.signature_algorithm.name, *signature);
    }
}

#[test]
fn a_curve_without_a_variant_is_named_other() {
    // openssl: ASN1 OID: secp256k1
    let info = info(fixture!("ec-secp256k1.csr.pem"));
    assert_eq!(
        info.key.algorithm,
        KeyAlgorithm::Ec {
            curve: Curve::Other("secp256k1".into()),
            explicit_parameters: false,
        }
    );
}

#[test]
fn edwards_keys_are_recognised() {
    let ed25519 = info(fixture!("ed25519.csr.pem"));
    assert_eq!(ed25519.key.algorithm, KeyAlgorithm::Ed25519);
    assert_eq!(ed25519.signature_algorithm.name, "ED25519");
    assert_eq!(ed25519.signature_algorithm.oid, "1.3.101.112");
    let ed448 = info(fixture!("ed448.csr.pem"));
    assert_eq!(ed448.key.algorithm, KeyAlgorithm::Ed448);
    assert_eq!(ed448.signature_algorithm.name, "ED448");
}

#[test]
fn an_rsa_pss_signature_names_its_hash() {
    // openssl: Signature Algorithm: rsassaPss, Hash Algorithm: sha384
    let info = info(fixture!("rsa-pss-sig.csr.pem"));
    assert_eq!(info.signature_algorithm.oid, "1.2.840.113549.1.1.10");
    assert_eq!(info.signature_algorithm.name, "rsassaPss (SHA-384)");
    assert_eq!(info.key.description, "RSA 2048 bits");
}

#[test]
fn an_rsa_pss_key_is_reported_as_rsa() {
    // openssl: Public Key Algorithm: rsassaPss, Public-Key: (2048 bit)
    let info = info(fixture!("rsa-pss-key.csr.pem"));
    assert!(matches!(
        info.key.algorithm,
        KeyAlgorithm::Rsa {
            bits: 2048,
            exponent: Some(65537),
            ..
        }
    ));
    assert_eq!(info.key.description, "RSASSA-PSS 2048 bits");
    assert_eq!(info.signature_algorithm.name, "rsassaPss (SHA-256)");
}

#[test]
fn an_md5_signature_is_named() {
    let info = info(fixture!("rsa-md5.csr.pem"));
    assert_eq!(info.signature_algorithm.name, "md5WithRSAEncryption");
}

// --- subjects ---

#[test]
fn a_multi_valued_rdn_keeps_its_attributes_together() {
    // openssl RFC 2253 (reversed order): CN=multi.example.com+serialNumber=42,O=Multi Corp.
    // DER sorts the SET, so serialNumber (2.5.4.5) is encoded before CN (2.5.4.3's value).
    let info = info(fixture!("subject-multivalue.csr.pem"));
    assert_eq!(
        subject_of(&info),
        vec![
            rdn(&[("O", "Multi Corp")]),
            rdn(&[("serialNumber", "42"), ("CN", "multi.example.com")]),
        ]
    );
    assert_eq!(
        info.subject_line(),
        "O=Multi Corp, serialNumber=42 + CN=multi.example.com"
    );
}

#[test]
fn utf8_subjects_are_decoded() {
    let info = info(fixture!("subject-utf8.csr.pem"));
    assert_eq!(
        info.subject_line(),
        "CN=bücher.example, O=Grüße GmbH, L=東京"
    );
    assert!(
        info.subject
            .iter()
            .flatten()
            .all(|a| a.string_type == "UTF8String")
    );
}

#[test]
fn teletex_and_bmp_strings_are_decoded_to_utf8() {
    // openssl picks T61String for Latin-1 and BMPString for the rest of the BMP.
    let info = info(fixture!("subject-legacy.csr.pem"));
    let types: Vec<(&str, &str)> = info
        .subject
        .iter()
        .flatten()
        .map(|a| (a.value.as_str(), a.string_type.as_str()))
        .collect();
    assert_eq!(
        types,
        [
            ("legacy.example.com", "PrintableString"),
            ("Müller AG", "TeletexString"),
            ("日本語", "BMPString"),
            ("𝄞 Music", "UTF8String"),
        ]
    );
}

#[test]
fn ev_subject_attributes_have_their_short_names() {
    let info = info(fixture!("subject-ev.csr.pem"));
    assert_eq!(
        info.subject_line(),
        "jurisdictionC=DE, businessCategory=Private Organization, serialNumber=HRB 12345, \
         C=DE, ST=Bayern, L=München, postalCode=80331, street=Hauptstr. 1, O=EV Example AG, \
         CN=ev.example.com"
    );
    assert_eq!(
        info.subject[0][0].oid, "1.3.6.1.4.1.311.60.2.1.3",
        "jurisdictionC"
    );
}

#[test]
fn an_empty_subject_is_an_empty_list() {
    let info = info(fixture!("subject-empty.csr.pem"));
    assert!(info.subject.is_empty());
    assert_eq!(info.common_name(), None);
}

/// DER of one element.
fn tlv(tag: u8, content: &[u8]) -> Vec<u8> {
    let mut out = vec![tag];
    let len = content.len();
    if len < 0x80 {
        out.push(len as u8);
    } else {
        out.extend([0x82, (len >> 8) as u8, len as u8]);
    }
    out.extend_from_slice(content);
    out
}

/// A structurally valid request (its signature is not) with one CN of the given type.
fn request_with_cn(tag: u8, value: &[u8]) -> Vec<u8> {
    let cn = [tlv(0x06, &[0x55, 0x04, 0x03]), tlv(tag, value)].concat();
    let name = tlv(0x30, &tlv(0x31, &tlv(0x30, &cn)));
    let ed25519 = tlv(0x30, &tlv(0x06, &[0x2B, 0x65, 0x70]));
    let spki = tlv(0x30, &[ed25519.clone(), tlv(0x03, &[0u8; 33])].concat());
    let info = tlv(
        0x30,
        &[tlv(0x02, &[0]), name, spki, tlv(0xA0, &[])].concat(),
    );
    tlv(0x30, &[info, ed25519, tlv(0x03, &[0u8; 65])].concat())
}

#[test]
fn a_universal_string_is_decoded_to_utf8() {
    let value: Vec<u8> = "𝄞x"
        .chars()
        .flat_map(|c| (c as u32).to_be_bytes())
        .collect();
    let info = info(&request_with_cn(0x1C, &value));
    let cn = &info.subject[0][0];
    assert_eq!(cn.value, "𝄞x");
    assert_eq!(cn.string_type, "UniversalString");
}

#[test]
fn a_value_that_does_not_decode_is_shown_as_hex_der() {
    // A BMPString with an odd number of bytes cannot be UTF-16.
    let info = info(&request_with_cn(0x1E, &[0x00, 0x41, 0x00]));
    let cn = &info.subject[0][0];
    assert_eq!(cn.value, "#1E03004100");
    assert_eq!(cn.string_type, "BMPString");
}
