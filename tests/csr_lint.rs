//! The lint rules on `CsrInfo` values built directly, so they do not depend on the parser:
//! a clean baseline with no findings, one case per rule changing one thing, and the rules
//! table in `docs/lint-rules.md`.

// Test helpers fail loudly; a panic is the assertion.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use certorder::csr::lint::{self, check};
use certorder::csr::{
    Attribute, CsrInfo, Curve, ExtensionValue, Finding, Fingerprints, Irregularity, KeyAlgorithm,
    PublicKeyInfo, RULES, RequestedExtension, San, Severity, SignatureAlgorithm, SignatureCheck,
    SubjectAttribute,
};
use std::collections::BTreeSet;

/// A CSR under test: its report and the outcome of its signature check.
struct Csr {
    info: CsrInfo,
    signature: SignatureCheck,
}

/// Deterministic pseudo-random bytes: a modulus-like value that has no ROCA fingerprint.
fn modulus(bytes: usize) -> Vec<u8> {
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut out: Vec<u8> = (0..bytes)
        .map(|_| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            (state >> 33) as u8
        })
        .collect();
    out[0] |= 0x80;
    out[bytes - 1] |= 1;
    out
}

/// A 2048-bit value congruent to a power of 65537 modulo the product of the primes up to 701,
/// which is the fingerprint of keys from the Infineon library (CVE-2017-15361).
const ROCA_MODULUS: &str = "bd86053ea05b4dafb8872690bbcaaa3687aa822ce687ad3f23068d51e40dc2be\
    ec010d5e4454b9d75900d07b435c5f9d092787a24b3b306162b5d1af60f9d6ff1a30e2a6a7cf0adc21df1076fc\
    93390177fede5d30836cd7610ae786a2db556c2a9b3d70925ecc2861c9420ff06ae1307df7424d3b73d013f2f7\
    019f9c5faabb95d2dcec393d012f3d03d2fdfdce7d59226b0433af952e6bfebba5e104f6d057dd4737c466ec34\
    7617c0735c30223a030d15c408adfd0b5e481c76dfb1025ca8b43347208d7f255bdf71205032d78477c3f9c500\
    fa6da4c2363175b9b210e452c97dd6ea8c3f0463ce295b41fbe62efc7268ccfb172996b92da63ca3d7fe50b9";

fn hex(text: &str) -> Vec<u8> {
    let digits: Vec<u8> = text.bytes().filter(u8::is_ascii_hexdigit).collect();
    digits
        .chunks(2)
        .map(|pair| u8::from_str_radix(std::str::from_utf8(pair).unwrap(), 16).unwrap())
        .collect()
}

fn attribute(oid: &str, name: &str, value: &str) -> SubjectAttribute {
    SubjectAttribute {
        oid: oid.to_owned(),
        name: Some(name.to_owned()),
        value: value.to_owned(),
        string_type: "UTF8String".to_owned(),
    }
}

fn dns(name: &str) -> San {
    San::Dns(name.to_owned())
}

fn ip(address: &str) -> San {
    San::Ip(address.parse().unwrap())
}

fn rsa(bits: u32, exponent: Option<u64>) -> KeyAlgorithm {
    KeyAlgorithm::Rsa {
        bits,
        exponent,
        modulus: modulus(bits.div_ceil(8) as usize),
    }
}

impl Csr {
    /// A request every rule is happy with: RSA 2048 with exponent 65537, SHA-256, a valid
    /// signature, an organisation subject and the CN repeated among two public SANs.
    fn clean() -> Csr {
        let info = CsrInfo {
            version: 0,
            subject: vec![
                vec![attribute("2.5.4.6", "C", "US")],
                vec![attribute("2.5.4.8", "ST", "California")],
                vec![attribute("2.5.4.7", "L", "San Francisco")],
                vec![attribute("2.5.4.10", "O", "Acme Widgets, Inc.")],
                vec![attribute("2.5.4.3", "CN", "www.acme-widgets.com")],
            ],
            sans: vec![dns("www.acme-widgets.com"), dns("acme-widgets.com")],
            key: PublicKeyInfo {
                algorithm: rsa(2048, Some(65_537)),
                description: String::new(),
            },
            signature_algorithm: SignatureAlgorithm {
                oid: "1.2.840.113549.1.1.11".to_owned(),
                name: "sha256WithRSAEncryption".to_owned(),
            },
            extensions: vec![RequestedExtension {
                oid: "2.5.29.17".to_owned(),
                name: Some("subjectAltName".to_owned()),
                critical: false,
                value: ExtensionValue::SubjectAltName,
            }],
            attributes: Vec::new(),
            fingerprints: Fingerprints {
                md5: "00".repeat(16),
                sha256: "00".repeat(32),
                spki_sha256: "00".repeat(32),
            },
            irregularities: Vec::new(),
        };
        Csr {
            info,
            signature: SignatureCheck::Valid,
        }
    }

    fn findings(&self) -> Vec<Finding> {
        check(&self.info, &self.signature)
    }

    fn codes(&self) -> Vec<&'static str> {
        self.findings().iter().map(|f| f.code).collect()
    }

    fn key(&mut self, algorithm: KeyAlgorithm, description: &str) {
        self.info.key = PublicKeyInfo {
            algorithm,
            description: description.to_owned(),
        };
    }

    fn signed_with(&mut self, oid: &str, name: &str) {
        self.info.signature_algorithm = SignatureAlgorithm {
            oid: oid.to_owned(),
            name: name.to_owned(),
        };
    }

    /// Replaces the value of the first attribute with this OID, or appends it as a new RDN.
    fn subject(&mut self, oid: &str, name: &str, value: &str) {
        let existing = self
            .info
            .subject
            .iter_mut()
            .flatten()
            .find(|a| a.oid == oid);
        match existing {
            Some(a) => a.value = value.to_owned(),
            None => self.info.subject.push(vec![attribute(oid, name, value)]),
        }
    }

    fn without_subject(&mut self, oid: &str) {
        for rdn in &mut self.info.subject {
            rdn.retain(|a| a.oid != oid);
        }
        self.info.subject.retain(|rdn| !rdn.is_empty());
    }

    fn cn(&mut self, value: &str) {
        self.subject("2.5.4.3", "CN", value);
    }

    fn sans(&mut self, sans: Vec<San>) {
        self.info.sans = sans;
    }

    /// The one finding with this code; fails when there is none or more than one.
    fn finding(&self, code: &str) -> Finding {
        let matching: Vec<Finding> = self
            .findings()
            .into_iter()
            .filter(|f| f.code == code)
            .collect();
        assert_eq!(
            matching.len(),
            1,
            "expected one {code}, got {:#?}",
            self.findings()
        );
        matching.into_iter().next().unwrap()
    }
}

/// Asserts that the change produces exactly the findings `codes`, each with the severity its
/// rule declares, a reference and a message.
fn assert_codes(change: fn(&mut Csr), codes: &[&str]) {
    let mut csr = Csr::clean();
    change(&mut csr);
    let findings = csr.findings();
    let got: Vec<&str> = findings.iter().map(|f| f.code).collect();
    assert_eq!(got, codes, "{findings:#?}");
    for finding in &findings {
        let rule = RULES
            .iter()
            .find(|r| r.code == finding.code)
            .expect("a rule in RULES");
        assert_eq!(finding.severity, rule.severity, "{}", finding.code);
        assert_eq!(finding.reference, rule.reference, "{}", finding.code);
        assert!(finding.message.len() > 20, "{}", finding.message);
    }
}

/// One test per case, and the `CASES` table the coverage test reads.
macro_rules! rule_cases {
    ($($test:ident: $change:expr => [$($code:literal),+];)*) => {
        $(
            #[test]
            fn $test() {
                assert_codes($change, &[$($code),+]);
            }
        )*
        /// Every code some case above expects.
        const CASES: &[&[&str]] = &[$(&[$($code),+]),*];
    };
}

// Cases: the change applied to the clean request, and the exact findings it must produce.
rule_cases! {
    rsa_1024_bits_is_too_small: |c| c.key(rsa(1024, Some(65_537)), "RSA 1024 bits") => ["rsa-key-too-small"];
    rsa_16384_bits_is_too_large: |c| c.key(rsa(16_384, Some(65_537)), "RSA 16384 bits") => ["rsa-key-too-large"];
    rsa_2052_bits_is_not_whole_bytes: |c| c.key(rsa(2052, Some(65_537)), "RSA 2052 bits") => ["rsa-key-size-not-multiple-of-8"];
    rsa_exponent_1_is_invalid: |c| c.key(rsa(2048, Some(1)), "RSA") => ["rsa-exponent-invalid"];
    rsa_even_exponent_is_invalid: |c| c.key(rsa(2048, Some(65_536)), "RSA") => ["rsa-exponent-invalid"];
    rsa_exponent_3_is_small: |c| c.key(rsa(2048, Some(3)), "RSA") => ["rsa-exponent-small"];
    rsa_exponent_above_65537_is_unusual: |c| c.key(rsa(2048, Some(65_539)), "RSA") => ["rsa-exponent-unusual"];
    rsa_exponent_over_64_bits_is_unusual: |c| c.key(rsa(2048, None), "RSA") => ["rsa-exponent-unusual"];
    roca_modulus_is_refused: |c| c.key(
        KeyAlgorithm::Rsa { bits: 2048, exponent: Some(65_537), modulus: hex(ROCA_MODULUS) },
        "RSA 2048 bits",
    ) => ["rsa-key-roca"];
    secp256k1_is_unsupported: |c| c.key(KeyAlgorithm::Ec { curve: Curve::Other("secp256k1".into()), explicit_parameters: false }, "EC secp256k1") => ["ec-curve-unsupported"];
    p521_is_a_warning: |c| c.key(KeyAlgorithm::Ec { curve: Curve::P521, explicit_parameters: false }, "EC P-521") => ["ec-curve-p521"];
    explicit_p256_parameters_are_refused: |c| c.key(KeyAlgorithm::Ec { curve: Curve::P256, explicit_parameters: true }, "EC P-256 (explicit parameters)") => ["ec-explicit-parameters"];
    explicit_unknown_parameters_are_refused_once: |c| c.key(KeyAlgorithm::Ec { curve: Curve::Other("a curve without a name".into()), explicit_parameters: true }, "EC") => ["ec-explicit-parameters"];
    no_attributes_field_is_noted: |c| c.info.irregularities.push(Irregularity::NoAttributesField) => ["attributes-field-missing"];
    an_empty_attribute_is_noted: |c| c.info.irregularities.push(Irregularity::EmptyAttribute { attribute: "extensionRequest".into() }) => ["attribute-empty"];
    a_challenge_password_of_another_type_is_a_warning: |c| c.info.irregularities.push(Irregularity::ChallengePasswordType { found: "IA5String".into() }) => ["challenge-password-type"];
    a_long_form_length_is_not_der: |c| c.info.irregularities.push(Irregularity::NonMinimalLength { part: "the attributes field".into() }) => ["not-der"];
    an_unreadable_extension_request_is_an_error: |c| c.info.irregularities.push(Irregularity::UnreadableExtensionRequest) => ["extension-request-unreadable"];
    ed25519_is_unsupported: |c| c.key(KeyAlgorithm::Ed25519, "ED25519") => ["eddsa-key-unsupported"];
    ed448_is_unsupported: |c| c.key(KeyAlgorithm::Ed448, "ED448") => ["eddsa-key-unsupported"];
    dsa_is_unsupported: |c| c.key(KeyAlgorithm::Other { oid: "1.2.840.10040.4.1".into() }, "DSA") => ["key-algorithm-unsupported"];
    sha1_signature_is_weak: |c| c.signed_with("1.2.840.113549.1.1.5", "sha1WithRSAEncryption") => ["signature-weak-hash"];
    md5_signature_is_weak: |c| c.signed_with("1.2.840.113549.1.1.4", "md5WithRSAEncryption") => ["signature-weak-hash"];
    ecdsa_sha1_signature_is_weak: |c| c.signed_with("1.2.840.10045.4.1", "ecdsa-with-SHA1") => ["signature-weak-hash"];
    pss_sha1_signature_is_weak: |c| c.signed_with("1.2.840.113549.1.1.10", "rsassaPss (SHA-1)") => ["signature-weak-hash"];
    bad_signature_is_an_error: |c| c.signature = SignatureCheck::Invalid { reason: "signature mismatch".into() } => ["signature-invalid"];
    unknown_signature_is_info: |c| c.signature = SignatureCheck::CannotCheck { algorithm: "dsaWithSHA1".into() } => ["signature-not-checked"];
    checking_signature_is_info: |c| c.signature = SignatureCheck::Checking => ["signature-checking"];
    version_1_is_a_warning: |c| c.info.version = 1 => ["version-not-v1"];
    challenge_password_is_a_warning: |c| c.info.attributes.push(Attribute {
        oid: "1.2.840.113549.1.9.7".into(), name: Some("challengePassword".into()), value: None,
    }) => ["challenge-password"];
    ou_is_a_warning: |c| c.subject("2.5.4.11", "OU", "IT") => ["organizational-unit"];
    lower_case_country_is_invalid: |c| c.subject("2.5.4.6", "C", "us") => ["country-invalid"];
    uk_is_not_a_country_code: |c| c.subject("2.5.4.6", "C", "UK") => ["country-invalid"];
    three_letter_country_is_invalid: |c| c.subject("2.5.4.6", "C", "USA") => ["country-invalid"];
    user_assigned_country_is_invalid: |c| c.subject("2.5.4.6", "C", "XX") => ["country-invalid"];
    jurisdiction_country_is_checked: |c| c.subject("1.3.6.1.4.1.311.60.2.1.3", "jurisdictionC", "Germany") => ["country-invalid"];
    organization_of_65_characters_is_too_long: |c| c.subject("2.5.4.10", "O", &"a".repeat(65)) => ["subject-field-too-long"];
    locality_of_129_characters_is_too_long: |c| c.subject("2.5.4.7", "L", &"é".repeat(129)) => ["subject-field-too-long"];
    email_of_256_characters_is_too_long: |c| c.subject("1.2.840.113549.1.9.1", "emailAddress", &"a".repeat(256)) => ["subject-field-too-long"];
    street_of_129_characters_is_too_long: |c| c.subject("2.5.4.9", "street", &"a".repeat(129)) => ["subject-field-too-long"];
    no_cn_and_no_san_is_an_error: |c| { c.without_subject("2.5.4.3"); c.sans(Vec::new()); } => ["no-names"];
    cn_missing_from_sans_is_a_warning: |c| c.cn("shop.acme-widgets.com") => ["cn-not-in-sans"];
    email_san_is_unsupported: |c| c.info.sans.push(San::Email("admin@acme-widgets.com".into())) => ["san-type-unsupported"];
    duplicate_san_is_a_warning: |c| c.info.sans.push(dns("WWW.acme-widgets.com.")) => ["san-duplicate"];
    duplicate_ip_san_is_a_warning: |c| c.info.sans.extend([ip("8.8.8.8"), ip("8.8.8.8")]) => ["san-duplicate", "ip-address-name", "ip-address-name"];
    san_under_wildcard_is_info: |c| c.info.sans.push(dns("*.acme-widgets.com")) => ["san-covered-by-wildcard"];
    underscore_in_san_is_invalid: |c| c.info.sans.push(dns("my_host.acme-widgets.com")) => ["dns-name-invalid"];
    cn_that_is_not_a_name_is_invalid: |c| c.cn("Acme Widgets") => ["dns-name-invalid"];
    ip_written_as_dns_san_is_invalid: |c| c.info.sans.push(dns("8.8.4.4")) => ["dns-name-invalid"];
    double_wildcard_is_invalid: |c| c.info.sans.push(dns("*.*.acme-widgets.com")) => ["wildcard-invalid"];
    partial_wildcard_is_invalid: |c| c.info.sans.push(dns("www*.acme-widgets.com")) => ["wildcard-invalid"];
    unicode_dns_san_is_an_error: |c| c.info.sans.push(dns("bücher.acme-widgets.com")) => ["dns-name-not-ascii"];
    a_label_san_is_info: |c| c.info.sans.push(dns("xn--bcher-kva.acme-widgets.com")) => ["idn-name"];
    local_name_is_internal: |c| c.info.sans.push(dns("server.local")) => ["internal-name"];
    single_label_is_internal: |c| c.info.sans.push(dns("intranet")) => ["internal-name"];
    unknown_tld_is_internal: |c| c.info.sans.push(dns("nas.corp")) => ["internal-name"];
    public_ip_san_is_a_warning: |c| c.info.sans.push(ip("8.8.8.8")) => ["ip-address-name"];
    private_ip_san_is_an_error: |c| c.info.sans.push(ip("10.0.0.1")) => ["internal-ip"];
    private_ip_cn_is_an_error: |c| { c.cn("192.168.1.1"); c.sans(Vec::new()); } => ["internal-ip"];
}

// Guards the baseline every case starts from.
#[test]
fn clean_request_has_no_findings() {
    assert_eq!(Csr::clean().findings(), Vec::new());
}

// Guards that a rule never goes untested: every code in RULES appears in some case.
#[test]
fn every_rule_is_exercised_by_a_case() {
    let exercised: BTreeSet<&str> = CASES
        .iter()
        .flat_map(|codes| codes.iter().copied())
        .collect();
    let missing: Vec<&str> = RULES
        .iter()
        .map(|r| r.code)
        .filter(|code| !exercised.contains(code))
        .collect();
    assert!(missing.is_empty(), "rules without a test case: {missing:?}");
    let unknown: Vec<&&str> = exercised
        .iter()
        .filter(|code| !RULES.iter().any(|r| r.code == **code))
        .collect();
    assert!(
        unknown.is_empty(),
        "cases for codes not in RULES: {unknown:?}"
    );
}

// Guards that check() never stops at the first problem.
#[test]
fn five_problems_give_five_findings() {
    let mut csr = Csr::clean();
    csr.key(rsa(1024, Some(65_537)), "RSA 1024 bits");
    csr.signed_with("1.2.840.113549.1.1.5", "sha1WithRSAEncryption");
    csr.subject("2.5.4.11", "OU", "IT");
    csr.subject("2.5.4.6", "C", "UK");
    csr.info.sans.push(dns("server.local"));
    let codes: BTreeSet<&str> = csr.codes().into_iter().collect();
    let expected: BTreeSet<&str> = [
        "rsa-key-too-small",
        "signature-weak-hash",
        "organizational-unit",
        "country-invalid",
        "internal-name",
    ]
    .into();
    assert_eq!(codes, expected);
    assert_eq!(csr.findings().len(), 5);
}

// Guards the advice for the usual country mistakes.
#[test]
fn country_messages_suggest_the_code_meant() {
    for (typed, advice) in [
        ("us", "use C=US"),
        ("UK", "use C=GB"),
        ("usa", "use C=US"),
        ("DEU", "use C=DE"),
    ] {
        let mut csr = Csr::clean();
        csr.subject("2.5.4.6", "C", typed);
        let message = csr.finding("country-invalid").message;
        assert!(message.contains(advice), "{typed}: {message}");
    }
    let mut csr = Csr::clean();
    csr.subject("2.5.4.6", "C", "XX");
    let message = csr.finding("country-invalid").message;
    assert!(
        message.contains("not an assigned ISO 3166-1 country code"),
        "{message}"
    );
}

// Guards that messages name the value and say what to do.
#[test]
fn messages_name_the_value_and_the_fix() {
    let mut csr = Csr::clean();
    csr.key(rsa(1024, Some(65_537)), "RSA 1024 bits");
    let message = csr.finding("rsa-key-too-small").message;
    assert!(message.contains("1024 bits") && message.contains("openssl req -new -newkey rsa:2048"));

    let mut csr = Csr::clean();
    csr.info.sans.push(dns("bücher.acme-widgets.com"));
    let message = csr.finding("dns-name-not-ascii").message;
    assert!(
        message.contains("\"xn--bcher-kva.acme-widgets.com\""),
        "{message}"
    );

    let mut csr = Csr::clean();
    csr.info.sans.push(dns("xn--bcher-kva.acme-widgets.com"));
    let message = csr.finding("idn-name").message;
    assert!(message.contains("bücher.acme-widgets.com"), "{message}");

    let mut csr = Csr::clean();
    csr.info.sans.push(dns("my_host.acme-widgets.com"));
    let message = csr.finding("dns-name-invalid").message;
    assert!(message.contains("my_host.acme-widgets.com") && message.contains("underscore"));

    let mut csr = Csr::clean();
    csr.info.sans.push(dns("server.local"));
    let message = csr.finding("internal-name").message;
    assert!(
        message.contains("server.local") && message.contains("RFC 6762"),
        "{message}"
    );
}

// Guards that a Unicode CN is fine (a DirectoryString) and matches its A-label SAN.
#[test]
fn unicode_cn_matching_its_a_label_san_is_only_info() {
    let mut csr = Csr::clean();
    csr.cn("Bücher.acme-widgets.com");
    csr.sans(vec![dns("xn--bcher-kva.acme-widgets.com")]);
    assert_eq!(csr.codes(), ["idn-name"]);
}

// Guards that a name is judged once, whether it is the CN, a SAN or both.
#[test]
fn cn_repeated_in_sans_is_reported_once() {
    let mut csr = Csr::clean();
    csr.cn("server.local");
    csr.sans(vec![dns("server.local")]);
    assert_eq!(csr.codes(), ["internal-name"]);
}

// Guards a CN-only request: CAs copy the CN into the SANs, so it is not an error.
#[test]
fn cn_without_sans_is_accepted() {
    let mut csr = Csr::clean();
    csr.sans(Vec::new());
    assert_eq!(csr.codes(), Vec::<&str>::new());
}

// Guards the error-first order of the report.
#[test]
fn sort_puts_errors_first_keeping_rule_order() {
    let mut csr = Csr::clean();
    csr.info.version = 2;
    csr.signature = SignatureCheck::CannotCheck {
        algorithm: "ED448".into(),
    };
    csr.key(rsa(1024, Some(65_537)), "RSA 1024 bits");
    let mut findings = csr.findings();
    lint::sort(&mut findings);
    let severities: Vec<Severity> = findings.iter().map(|f| f.severity).collect();
    assert_eq!(
        severities,
        [Severity::Error, Severity::Warning, Severity::Info]
    );
}

// Guards the RULES table itself: stable, unique kebab-case codes, each documented.
#[test]
fn rules_have_unique_kebab_case_codes_and_docs() {
    let mut seen = BTreeSet::new();
    for rule in RULES {
        assert!(seen.insert(rule.code), "duplicate code {}", rule.code);
        assert!(
            rule.code.split('-').all(|part| !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())),
            "{} is not kebab-case",
            rule.code
        );
        assert!(!rule.reference.is_empty(), "{}", rule.code);
        assert!(rule.summary.ends_with('.'), "{}", rule.code);
    }
}

const RULES_DOC: &str = "docs/lint-rules.md";

const RULES_DOC_HEADER: &str = "# CSR lint rules

Every rule `certorder::csr::lint::check` applies to a certificate signing request, in the order
they run. An **error** means a CA will refuse the request (or it is unsafe to use), a
**warning** is likely a mistake or something the CA will change, **info** is worth knowing.
The codes are stable: they appear in `certorder inspect --json` and in the widget.

This file is generated from `RULES` in `src/csr/lint.rs`; `cargo test --test csr_lint` checks
it. After changing a rule, regenerate it with:

    UPDATE_RULES_DOC=1 cargo test --test csr_lint rules_table_in_docs_is_current

";

// Guards that docs/lint-rules.md lists exactly the rules in RULES.
#[test]
fn rules_table_in_docs_is_current() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(RULES_DOC);
    let expected = format!("{RULES_DOC_HEADER}{}", lint::rules_markdown());
    if std::env::var_os("UPDATE_RULES_DOC").is_some_and(|v| v == "1") {
        std::fs::write(&path, &expected).unwrap();
    }
    let actual = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        actual == expected,
        "{RULES_DOC} is out of date; regenerate it with \
         `UPDATE_RULES_DOC=1 cargo test --test csr_lint rules_table_in_docs_is_current`"
    );
}

/// End-to-end cases: an OpenSSL-made request (see `fixtures/csr/lint/generate.sh`) and the
/// codes `inspect` must report for it (a secp256k1 signature cannot be verified here).
#[rustfmt::skip]
const FIXTURES: &[(&str, &[&str])] = &[
    ("rsa-1024.csr", &["rsa-key-too-small"]),
    ("rsa-exponent-3.csr", &["rsa-exponent-small"]),
    ("ec-secp256k1.csr", &["ec-curve-unsupported", "signature-not-checked"]),
    ("ed25519.csr", &["eddsa-key-unsupported"]),
    ("sha1.csr", &["signature-weak-hash"]),
    ("ou.csr", &["organizational-unit"]),
    ("challenge-password.csr", &["challenge-password"]),
    ("idn.csr", &["idn-name"]),
    ("unicode-dns.csr", &["dns-name-not-ascii"]),
    ("ip.csr", &["ip-address-name"]),
    ("private-ip.csr", &["internal-ip"]),
    ("local.csr", &["internal-name"]),
    ("bad-wildcard.csr", &["wildcard-invalid"]),
    ("underscore.csr", &["dns-name-invalid"]),
    ("duplicate-san.csr", &["san-duplicate"]),
    ("wildcard-covers.csr", &["san-covered-by-wildcard"]),
    ("country-uk.csr", &["country-invalid"]),
    ("country-lower.csr", &["country-invalid"]),
    ("no-names.csr", &["no-names"]),
    ("cn-not-in-san.csr", &["cn-not-in-sans"]),
    ("ec-explicit-p256.csr", &["ec-explicit-parameters", "signature-not-checked"]),
    ("ec-explicit-p384.csr", &["ec-explicit-parameters", "signature-not-checked"]),
    ("ec-explicit-p521.csr", &["ec-explicit-parameters", "signature-not-checked"]),
    ("ec-explicit-secp256k1.csr", &["ec-explicit-parameters", "signature-not-checked"]),
];

fn fixture(file: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/csr/lint")
        .join(file);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

// Guards the whole path (decode, report, verify, lint) on a clean OpenSSL request.
#[test]
fn openssl_clean_request_inspects_without_findings() {
    let inspection = certorder::csr::inspect(&fixture("clean.csr")).unwrap();
    assert_eq!(inspection.findings, Vec::new());
    assert!(inspection.is_acceptable());
}

// Guards the browser's way: the report first with the signature "checking", then WebCrypto's
// outcome in its place, and the same inspection again once the outcome is the native one.
#[test]
fn a_later_signature_outcome_replaces_the_checking_finding() {
    let native = certorder::csr::inspect(&fixture("rsa-1024.csr")).unwrap();
    let codes =
        |i: &certorder::csr::Inspection| i.findings.iter().map(|f| f.code).collect::<Vec<_>>();

    let checking = native.clone().with_signature(SignatureCheck::Checking);
    assert_eq!(
        codes(&checking),
        ["rsa-key-too-small", "signature-checking"]
    );

    let invalid = checking.clone().with_signature(SignatureCheck::Invalid {
        reason: "signature mismatch".into(),
    });
    assert_eq!(codes(&invalid), ["rsa-key-too-small", "signature-invalid"]);
    assert!(!invalid.is_acceptable());

    let cannot = invalid.with_signature(SignatureCheck::CannotCheck {
        algorithm: "sha256WithRSAEncryption (this browser refused it)".into(),
    });
    assert_eq!(
        codes(&cannot),
        ["rsa-key-too-small", "signature-not-checked"]
    );

    assert_eq!(checking.with_signature(SignatureCheck::Valid), native);
}

// Guards that explicit curve parameters are named after the curve they are, and never shown.
#[test]
fn explicit_curve_parameters_are_named_never_dumped() {
    for (file, curve, description) in [
        (
            "ec-explicit-p256.csr",
            Curve::P256,
            "EC P-256 (explicit parameters)",
        ),
        (
            "ec-explicit-p384.csr",
            Curve::P384,
            "EC P-384 (explicit parameters)",
        ),
        (
            "ec-explicit-p521.csr",
            Curve::P521,
            "EC P-521 (explicit parameters)",
        ),
        (
            "ec-explicit-secp256k1.csr",
            Curve::Other("a curve without a name".into()),
            "EC a curve without a name (explicit parameters)",
        ),
    ] {
        let inspection = certorder::csr::inspect(&fixture(file)).unwrap();
        let key = &inspection.info.key;
        assert_eq!(
            key.algorithm,
            KeyAlgorithm::Ec {
                curve,
                explicit_parameters: true
            },
            "{file}"
        );
        assert_eq!(key.description, description, "{file}");
        let finding = inspection
            .findings
            .iter()
            .find(|f| f.code == "ec-explicit-parameters")
            .unwrap();
        assert!(finding.message.contains("named curves only"), "{file}");
        assert_eq!(finding.reference, "RFC 5480 §2.1.1");
        // The only long runs of hex digits are the fingerprints: the parameters are never
        // dumped, in the report or in a message.
        let json = serde_json::to_string(&inspection).unwrap();
        let prints = &inspection.info.fingerprints;
        let allowed = [&prints.md5, &prints.sha256, &prints.spki_sha256];
        for run in json.split(|c: char| !c.is_ascii_hexdigit()) {
            assert!(
                run.len() < 16 || allowed.iter().any(|p| p.as_str() == run),
                "{file}: a hex dump in {json}"
            );
        }
    }
}

// Guards that each rule fires on a real request, with exactly the expected codes.
#[test]
fn openssl_requests_report_their_rule() {
    let mut wrong = Vec::new();
    for (file, expected) in FIXTURES {
        let inspection = certorder::csr::inspect(&fixture(file)).unwrap();
        let codes: Vec<&str> = inspection.findings.iter().map(|f| f.code).collect();
        if codes != *expected {
            wrong.push(format!(
                "{file}: expected {expected:?}, got {:#?}",
                inspection.findings
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
