//! Every form a CSR is pasted or uploaded in, and every thing that is pasted instead of one.
//!
//! Fixtures come from `tests/fixtures/csr/input/generate.sh`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use certorder::csr::input::{KEY_REMOVED, PasteAction, decode, on_paste};
use certorder::csr::{CsrError, InputForm, MAX_INPUT_BYTES, PrivateKeyKind, Severity, inspect};

macro_rules! fixture {
    ($name:literal) => {
        include_bytes!(concat!("fixtures/csr/input/", $name)).as_slice()
    };
}

const CSR_PEM: &[u8] = fixture!("rsa-full.csr.pem");
const CSR_DER: &[u8] = fixture!("rsa-full.csr.der");

/// Decodes and expects the DER of the reference request in the given form, with no notices.
fn assert_reference_csr(input: &[u8], form: InputForm) {
    let decoded = decode(input).unwrap_or_else(|e| panic!("not decoded: {e}"));
    assert_eq!(decoded.form, form);
    assert_eq!(decoded.der, CSR_DER);
    assert!(decoded.notices.is_empty(), "{:?}", decoded.notices);
}

fn error_of(input: &[u8]) -> CsrError {
    // Checked through `inspect` so errors from the report parser are seen too.
    inspect(input).expect_err("expected an error")
}

// --- accepted forms ---

#[test]
fn plain_pem_is_decoded() {
    assert_reference_csr(CSR_PEM, InputForm::Pem);
}

#[test]
fn the_new_certificate_request_label_is_accepted() {
    assert_reference_csr(fixture!("paste-new-label.txt"), InputForm::Pem);
}

#[test]
fn crlf_line_endings_are_accepted() {
    assert_reference_csr(fixture!("paste-crlf.txt"), InputForm::Pem);
}

#[test]
fn indentation_and_surrounding_whitespace_are_accepted() {
    assert_reference_csr(fixture!("paste-indented.txt"), InputForm::Pem);
}

#[test]
fn a_whole_request_on_one_line_is_accepted() {
    let text = fixture!("paste-one-line.txt");
    assert!(!text.contains(&b'\n'));
    assert_reference_csr(text, InputForm::Pem);
}

#[test]
fn a_blank_line_inside_the_body_is_accepted() {
    assert_reference_csr(fixture!("paste-blank-line.txt"), InputForm::Pem);
}

#[test]
fn an_openssl_text_dump_around_the_pem_is_accepted() {
    assert_reference_csr(fixture!("paste-text-dump.txt"), InputForm::Pem);
}

#[test]
fn bare_base64_without_armour_is_accepted() {
    assert_reference_csr(fixture!("paste-bare-base64.txt"), InputForm::Base64);
    assert_reference_csr(
        fixture!("paste-bare-base64-one-line.txt"),
        InputForm::Base64,
    );
}

#[test]
fn base64_of_a_whole_pem_file_is_accepted() {
    // Kubernetes secrets and some APIs carry the PEM file itself base64-encoded.
    assert_reference_csr(fixture!("paste-base64-of-pem.txt"), InputForm::Base64);
}

#[test]
fn der_bytes_from_a_file_upload_are_accepted() {
    assert_reference_csr(CSR_DER, InputForm::Der);
}

#[test]
fn a_utf8_byte_order_mark_is_ignored() {
    let mut input = b"\xEF\xBB\xBF".to_vec();
    input.extend_from_slice(CSR_PEM);
    assert_reference_csr(&input, InputForm::Pem);
}

#[test]
fn a_file_saved_as_utf16_is_accepted() {
    let text = std::str::from_utf8(CSR_PEM).unwrap();
    let mut input = vec![0xFF, 0xFE];
    input.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    assert_reference_csr(&input, InputForm::Pem);
}

#[test]
fn a_paste_that_lost_dashes_is_accepted() {
    let text = std::str::from_utf8(CSR_PEM)
        .unwrap()
        .replace("-----", "----");
    assert_reference_csr(text.as_bytes(), InputForm::Pem);
}

#[test]
fn a_paste_that_lost_its_begin_line_is_read_as_base64() {
    let text = std::str::from_utf8(CSR_PEM).unwrap();
    let without_begin = text.split_once('\n').unwrap().1;
    assert_reference_csr(without_begin.as_bytes(), InputForm::Base64);
}

// --- private keys ---

#[test]
fn a_private_key_pasted_with_the_request_is_dropped_with_a_warning() {
    let decoded = decode(fixture!("paste-key-and-csr.txt")).unwrap();
    assert_eq!(decoded.der, CSR_DER);
    assert_eq!(decoded.notices.len(), 1);
    let notice = &decoded.notices[0];
    assert_eq!(notice.code, "private-key-in-paste");
    assert_eq!(notice.severity, Severity::Warning);
    assert_eq!(notice.reference, "certorder security model");
    assert!(notice.message.contains("must never be shared"));
    assert!(notice.message.contains("nothing of it was kept"));
}

#[test]
fn nothing_of_a_pasted_key_appears_in_the_result() {
    let key_text = std::str::from_utf8(fixture!("rsa2048.key")).unwrap();
    let key_line = key_text.lines().nth(3).unwrap();
    let decoded = decode(fixture!("paste-key-and-csr.txt")).unwrap();
    let shown = format!("{decoded:?}");
    assert!(!shown.contains(key_line));
    let inspection = inspect(fixture!("paste-key-and-csr.txt")).unwrap();
    let json = serde_json::to_string(&inspection).unwrap();
    assert!(!json.contains(key_line));
}

#[rustfmt::skip]
const PEM_KEYS: &[(&str, &[u8], PrivateKeyKind)] = &[
    ("PKCS#1", fixture!("key-rsa-pkcs1.pem"), PrivateKeyKind::Pkcs1Rsa),
    ("encrypted PKCS#1", fixture!("key-rsa-pkcs1-encrypted.pem"), PrivateKeyKind::Pkcs1Rsa),
    ("PKCS#8", fixture!("key-pkcs8.pem"), PrivateKeyKind::Pkcs8),
    ("encrypted PKCS#8", fixture!("key-encrypted-pkcs8.pem"), PrivateKeyKind::EncryptedPkcs8),
    ("EC", fixture!("key-ec.pem"), PrivateKeyKind::Ec),
    ("DSA", fixture!("key-dsa.pem"), PrivateKeyKind::Dsa),
    ("OpenSSH", fixture!("key-openssh.pem"), PrivateKeyKind::OpenSsh),
    ("Ed25519 PKCS#8", fixture!("ed25519.key"), PrivateKeyKind::Pkcs8),
];

#[test]
fn every_pem_private_key_is_refused_with_its_kind() {
    for (what, input, kind) in PEM_KEYS {
        let err = error_of(input);
        assert_eq!(err, CsrError::PrivateKey { kind: *kind }, "{what}");
        assert_eq!(err.kind(), "private_key");
    }
}

#[rustfmt::skip]
const DER_KEYS: &[(&str, &[u8], PrivateKeyKind)] = &[
    ("PKCS#1", fixture!("key-rsa-pkcs1.der"), PrivateKeyKind::Pkcs1Rsa),
    ("PKCS#8", fixture!("key-pkcs8.der"), PrivateKeyKind::Pkcs8),
    ("encrypted PKCS#8", fixture!("key-encrypted-pkcs8.der"), PrivateKeyKind::EncryptedPkcs8),
    ("EC", fixture!("key-ec.der"), PrivateKeyKind::Ec),
    ("DSA", fixture!("key-dsa.der"), PrivateKeyKind::Dsa),
    ("PKCS#12", fixture!("key-pkcs12.p12"), PrivateKeyKind::Pkcs12),
    ("PKCS#8 as bare base64", fixture!("key-pkcs8-bare-base64.txt"), PrivateKeyKind::Pkcs8),
];

#[test]
fn private_keys_without_a_label_are_recognised_by_their_shape() {
    for (what, input, kind) in DER_KEYS {
        assert_eq!(
            error_of(input),
            CsrError::PrivateKey { kind: *kind },
            "{what}"
        );
    }
}

#[test]
fn an_openssh_key_body_without_armour_is_recognised() {
    let text = std::str::from_utf8(fixture!("key-openssh.pem")).unwrap();
    let body: String = text.lines().filter(|l| !l.starts_with("-----")).collect();
    assert_eq!(
        error_of(body.as_bytes()),
        CsrError::PrivateKey {
            kind: PrivateKeyKind::OpenSsh
        }
    );
}

#[test]
fn the_private_key_message_says_it_was_not_kept() {
    let message = error_of(fixture!("key-pkcs8.pem")).to_string();
    assert!(message.contains("must never be shared"));
    assert!(message.contains("nothing of it was kept"));
}

// --- other things that are not a request ---

#[test]
fn a_certificate_is_named_in_every_form() {
    for input in [
        fixture!("cert.pem"),
        fixture!("cert.der"),
        fixture!("cert-bare-base64.txt"),
    ] {
        let err = error_of(input);
        assert_eq!(err, CsrError::Certificate);
        assert_eq!(err.kind(), "certificate");
    }
}

#[test]
fn a_certificate_under_a_request_label_is_still_a_certificate() {
    let text = std::str::from_utf8(fixture!("cert.pem"))
        .unwrap()
        .replace("CERTIFICATE", "CERTIFICATE REQUEST");
    assert_eq!(error_of(text.as_bytes()), CsrError::Certificate);
}

#[test]
fn a_crl_is_named_in_every_form() {
    let bare: String = std::str::from_utf8(fixture!("crl.pem"))
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with("-----"))
        .collect();
    for input in [fixture!("crl.pem"), fixture!("crl.der"), bare.as_bytes()] {
        let err = error_of(input);
        assert_eq!(err, CsrError::Crl);
        assert_eq!(err.kind(), "crl");
        assert!(err.to_string().contains("certificate revocation list"));
        assert!(!err.is_private_key());
    }
}

#[test]
fn a_putty_key_is_refused_as_a_private_key_and_never_echoed() {
    let ppk = fixture!("key-putty.ppk");
    let err = error_of(ppk);
    assert_eq!(err, CsrError::PuttyKey);
    assert_eq!(err.kind(), "putty_key");
    assert!(err.is_private_key());
    let message = err.to_string();
    assert!(message.contains("PuTTY private key"), "{message}");
    assert!(message.contains("nothing of it was kept"), "{message}");
    let text = std::str::from_utf8(ppk).unwrap();
    for line in text.lines().filter(|l| l.len() > 8 && !l.contains(':')) {
        assert!(!message.contains(line), "the key leaked into {message}");
    }
}

#[test]
fn a_request_pasted_with_a_putty_key_is_read_with_a_warning() {
    let text = [fixture!("key-putty.ppk"), CSR_PEM].concat();
    let decoded = decode(&text).unwrap();
    assert_eq!(decoded.der, CSR_DER);
    assert!(
        decoded
            .notices
            .iter()
            .any(|n| n.code == "private-key-in-paste")
    );
}

// --- what the text area keeps after a paste ---

#[test]
fn a_pasted_private_key_is_removed_in_every_form() {
    for input in [
        fixture!("key-pkcs8.pem"),
        fixture!("key-rsa-pkcs1.pem"),
        fixture!("key-ec.pem"),
        fixture!("key-openssh.pem"),
        fixture!("key-encrypted-pkcs8.pem"),
        fixture!("key-pkcs8-bare-base64.txt"),
        fixture!("key-putty.ppk"),
    ] {
        let text = std::str::from_utf8(input).unwrap();
        assert_eq!(
            on_paste(text),
            PasteAction::RemoveKey {
                keep: String::new()
            },
            "{text}"
        );
    }
}

#[test]
fn a_key_pasted_with_a_request_leaves_only_the_request() {
    for text in [
        std::str::from_utf8(fixture!("paste-key-and-csr.txt"))
            .unwrap()
            .to_owned(),
        [fixture!("key-putty.ppk"), CSR_PEM]
            .concat()
            .iter()
            .map(|b| char::from(*b))
            .collect(),
    ] {
        let PasteAction::RemoveKey { keep } = on_paste(&text) else {
            panic!("the key was kept");
        };
        assert!(!keep.contains("PRIVATE"), "{keep}");
        assert!(!keep.contains("PuTTY"), "{keep}");
        let decoded = decode(keep.as_bytes()).unwrap();
        assert_eq!(decoded.der, CSR_DER);
        assert!(decoded.notices.is_empty());
    }
}

#[test]
fn a_request_alone_is_kept() {
    let text = std::str::from_utf8(CSR_PEM).unwrap();
    assert_eq!(on_paste(text), PasteAction::Keep);
}

#[test]
fn the_removal_message_says_removed_never_sent_and_exposed_elsewhere() {
    assert!(KEY_REMOVED.contains("removed"));
    assert!(KEY_REMOVED.contains("never sent or stored"));
    assert!(KEY_REMOVED.contains("treat it as exposed"));
}

#[test]
fn a_public_key_is_named_in_every_form() {
    for input in [
        fixture!("pubkey.pem"),
        fixture!("pubkey.der"),
        fixture!("pubkey-rsa.pem"),
        fixture!("pubkey-openssh.txt"),
    ] {
        let err = error_of(input);
        assert_eq!(err, CsrError::PublicKey);
        assert_eq!(err.kind(), "public_key");
    }
}

#[test]
fn a_pkcs7_bundle_is_named_in_pem_and_der() {
    for input in [fixture!("cert.p7b.pem"), fixture!("cert.p7b.der")] {
        let err = error_of(input);
        assert_eq!(err, CsrError::Pkcs7);
        assert_eq!(err.kind(), "pkcs7");
    }
}

#[test]
fn another_pem_block_is_named_by_its_label() {
    let err = error_of(fixture!("ecparams.pem"));
    assert_eq!(
        err,
        CsrError::OtherPem {
            label: "EC PARAMETERS".into()
        }
    );
    assert_eq!(err.kind(), "other_pem");
}

#[test]
fn empty_and_blank_input_is_empty() {
    for input in [&b""[..], b"   \r\n\t \n"] {
        let err = error_of(input);
        assert_eq!(err, CsrError::Empty);
        assert_eq!(err.kind(), "empty");
    }
}

#[test]
fn input_over_the_limit_is_too_large() {
    let input = vec![b' '; MAX_INPUT_BYTES + 1];
    let err = error_of(&input);
    assert_eq!(
        err,
        CsrError::TooLarge {
            size: MAX_INPUT_BYTES + 1,
            limit: MAX_INPUT_BYTES
        }
    );
    assert_eq!(err.kind(), "too_large");
}

#[test]
fn prose_is_unrecognised() {
    for input in [&b"hello world"[..], b"not a csr", b"\x89PNG\r\n\x1a\n\0\0"] {
        let err = error_of(input);
        assert_eq!(err, CsrError::Unrecognised);
        assert_eq!(err.kind(), "unrecognised");
    }
}

// --- damaged requests ---

#[test]
fn a_begin_without_end_is_truncated() {
    let err = error_of(fixture!("broken-truncated.txt"));
    assert_eq!(
        err,
        CsrError::TruncatedPem {
            label: "CERTIFICATE REQUEST".into()
        }
    );
    assert_eq!(err.kind(), "truncated_pem");
}

#[test]
fn bad_base64_names_the_line() {
    let err = error_of(fixture!("broken-bad-base64.txt"));
    assert_eq!(
        err,
        CsrError::BadBase64 {
            line: 3,
            detail: "unexpected character '!'".into()
        }
    );
    assert_eq!(err.kind(), "bad_base64");
}

#[test]
fn bad_bare_base64_names_the_line() {
    let text = std::str::from_utf8(fixture!("paste-bare-base64.txt")).unwrap();
    let damaged = text.replacen('A', "*", 1);
    let line = damaged.lines().position(|l| l.contains('*')).unwrap() + 1;
    match error_of(damaged.as_bytes()) {
        CsrError::BadBase64 { line: got, .. } => assert_eq!(got, line),
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn a_lost_base64_character_is_bad_base64() {
    let text = std::str::from_utf8(CSR_PEM).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    lines[5].remove(7);
    let err = error_of(lines.join("\n").as_bytes());
    assert_eq!(err.kind(), "bad_base64", "{err}");
}

#[test]
fn cut_off_der_is_malformed_at_the_element_that_runs_past_the_end() {
    let err = error_of(&CSR_DER[..CSR_DER.len() - 10]);
    match &err {
        CsrError::MalformedDer { offset, detail } => {
            assert_eq!(*offset, 0);
            assert!(detail.contains("cut off"), "{detail}");
        }
        other => panic!("unexpected {other:?}"),
    }
    assert_eq!(err.kind(), "malformed_der");
}

#[test]
fn trailing_bytes_after_the_request_are_malformed_where_they_start() {
    let mut der = CSR_DER.to_vec();
    der.extend_from_slice(&[0x00, 0x00, 0x00]);
    match error_of(&der) {
        CsrError::MalformedDer { offset, detail } => {
            assert_eq!(offset, CSR_DER.len());
            assert!(detail.contains("3 unexpected bytes"), "{detail}");
        }
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn a_broken_version_field_is_malformed_at_its_offset() {
    // Outer header (4 bytes) and info header (4 bytes), then the version INTEGER at 8.
    let mut der = CSR_DER.to_vec();
    assert_eq!(&der[8..11], &[0x02, 0x01, 0x00]);
    der[8] = 0x04; // OCTET STRING where the version INTEGER belongs
    match error_of(&der) {
        CsrError::MalformedDer { offset, .. } => assert_eq!(offset, 8),
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn a_broken_subject_attribute_is_malformed_at_that_attribute() {
    // As `openssl asn1parse` shows: the subject SEQUENCE at 11 (3-byte header), its first
    // SET at 14 and the first AttributeTypeAndValue at 16.
    let mut der = CSR_DER.to_vec();
    assert_eq!(
        (der[11], der[14], der[16], der[18]),
        (0x30, 0x31, 0x30, 0x06)
    );
    der[16] = 0x04; // OCTET STRING where the AttributeTypeAndValue SEQUENCE belongs
    match error_of(&der) {
        CsrError::MalformedDer { offset, detail } => {
            assert_eq!(offset, 16, "{detail}");
            assert!(detail.contains("subject"), "{detail}");
        }
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn an_empty_request_block_is_malformed() {
    let input = b"-----BEGIN CERTIFICATE REQUEST-----\n-----END CERTIFICATE REQUEST-----\n";
    assert_eq!(error_of(input).kind(), "malformed_der");
}

// --- several requests ---

#[test]
fn of_several_requests_the_first_is_used_with_a_notice() {
    let decoded = decode(fixture!("paste-two-requests.txt")).unwrap();
    let first = decode(fixture!("ec-p256.csr.pem")).unwrap();
    assert_eq!(decoded.der, first.der);
    assert_eq!(decoded.notices.len(), 1);
    assert_eq!(decoded.notices[0].code, "several-requests");
    assert_eq!(decoded.notices[0].severity, Severity::Info);
}

#[test]
fn notices_reach_the_inspection_findings() {
    let inspection = inspect(fixture!("paste-key-and-csr.txt")).unwrap();
    assert!(
        inspection
            .findings
            .iter()
            .any(|f| f.code == "private-key-in-paste")
    );
}

// --- robustness ---

#[test]
fn no_prefix_or_single_byte_change_of_a_request_panics() {
    // A cheap stand-in for the fuzz target: every truncation and every byte flip.
    for len in 0..CSR_DER.len() {
        let _ = inspect(&CSR_DER[..len]);
    }
    for i in 0..CSR_DER.len() {
        for flip in [0x01u8, 0x80, 0xFF] {
            let mut der = CSR_DER.to_vec();
            der[i] ^= flip;
            let _ = inspect(&der);
        }
    }
    for len in 0..CSR_PEM.len() {
        let _ = inspect(&CSR_PEM[..len]);
    }
}
