//! Browser tests (wasm-bindgen-test in headless Chromium): what only a browser can show.
//!
//! The parser and verifier run as WebAssembly on the same corpus as the native tests, and the
//! widget mounts and reports on a pasted request.
#![cfg(target_arch = "wasm32")]
// wasm_bindgen_test functions are tests too: a failed lookup is a failed test.
#![allow(clippy::unwrap_used)]

#[path = "support/corpus.rs"]
mod corpus;

use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// The corpus requests WebCrypto cannot check (it has no MD5, SHA-224 or SHA-512/t); natively
/// their signatures verify.
const WEBCRYPTO_LACKS: [&str; 6] = [
    "signature/ec-p256-sha224.pem",
    "signature/ec-p521-sha224.pem",
    "signature/rsa2048-md5.pem",
    "signature/rsa2048-sha224.pem",
    "signature/rsa2048-sha512-224.pem",
    "signature/rsa2048-sha512-256.pem",
];

#[wasm_bindgen_test]
async fn every_request_of_the_corpus_has_its_expected_outcome_with_webcrypto() {
    assert!(corpus::CASES.len() >= 50, "the corpus shrank");
    let mut wrong = Vec::new();
    for case in corpus::CASES {
        let expect = if WEBCRYPTO_LACKS.contains(&case.file) {
            corpus::Expect::CannotCheck
        } else {
            case.expect
        };
        let got = corpus::outcome(&certorder::csr::verify::browser::inspect(case.bytes).await);
        if got != expect {
            wrong.push(format!("{}: expected {expect:?}, got {got:?}", case.file));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[wasm_bindgen_test]
fn inspect_alone_reports_the_signature_as_checking_in_the_browser() {
    let case = corpus::CASES
        .iter()
        .find(|c| c.file == "signature/ec-p256-sha256.pem")
        .unwrap();
    let inspection = certorder::csr::inspect(case.bytes).unwrap();
    assert_eq!(
        inspection.signature,
        certorder::csr::SignatureCheck::Checking
    );
    assert!(
        inspection
            .findings
            .iter()
            .any(|f| f.code == "signature-checking")
    );
}

/// Waits a little for the browser (timers, WebCrypto's answers).
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Yields to the browser so the reactive system can update the page.
async fn tick() {
    let promise = js_sys::Promise::resolve(&wasm_bindgen::JsValue::NULL);
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

#[wasm_bindgen_test]
async fn pasting_a_request_into_the_mounted_widget_shows_its_report() {
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("section").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let _handle = leptos::mount::mount_to(host.clone().unchecked_into(), certorder::ui::CsrPage);

    let textarea: web_sys::HtmlTextAreaElement = host
        .query_selector("#csr-text")
        .unwrap()
        .unwrap()
        .unchecked_into();
    textarea.set_value(include_str!("fixtures/csr/widget/good.csr"));
    let input = web_sys::Event::new("input").unwrap();
    textarea.dispatch_event(&input).unwrap();
    tick().await;

    // At once: everything but the signature, which WebCrypto is still checking.
    let report = host
        .query_selector("[data-testid=report]")
        .unwrap()
        .unwrap();
    let verdict = || {
        host.query_selector("[data-testid=verdict]")
            .unwrap()
            .unwrap()
    };
    let text = report.text_content().unwrap();
    assert!(text.contains("shop.certorder-demo.nl"), "{text}");
    assert!(text.contains("P-256"), "{text}");
    assert!(text.contains("checking"), "{text}");
    assert_eq!(
        verdict().get_attribute("data-signature").as_deref(),
        Some("checking")
    );

    // Then WebCrypto's answer.
    for _ in 0..200 {
        if verdict().get_attribute("data-signature").as_deref() != Some("checking") {
            break;
        }
        sleep(10).await;
    }
    assert_eq!(
        verdict().get_attribute("data-signature").as_deref(),
        Some("valid")
    );
    let text = report.text_content().unwrap();
    assert!(text.contains("can be ordered"), "{text}");
    assert!(!text.contains("checking"), "{text}");
}

#[wasm_bindgen_test]
async fn a_private_key_pasted_into_the_mounted_widget_is_removed_at_once() {
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("section").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let _handle = leptos::mount::mount_to(host.clone().unchecked_into(), certorder::ui::CsrPage);

    // The widget's text area inside this host (other tests mount their own).
    let textarea: web_sys::HtmlTextAreaElement = host
        .query_selector("#csr-text")
        .unwrap()
        .unwrap()
        .unchecked_into();
    textarea.set_value(include_str!("fixtures/csr/input/key-pkcs8.pem"));
    let input = web_sys::Event::new("input").unwrap();
    textarea.dispatch_event(&input).unwrap();
    tick().await;

    assert_eq!(textarea.value(), "");
    let notice = host
        .query_selector("[data-testid=key-removed]")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(notice.contains("removed"), "{notice}");
    assert!(notice.contains("never sent or stored"), "{notice}");
    assert!(notice.contains("treat it as exposed"), "{notice}");
    let page = document.body().unwrap().inner_html();
    assert!(
        !page.contains("PRIVATE KEY-----"),
        "the key is still in the page"
    );
}

#[path = "support/domain_cases.rs"]
mod domain_cases;

/// The characters `DomainName::parse` lets through to UTS #46: what it does not refuse first
/// with a message of its own (other ASCII, whitespace, controls).
fn reaches_uts46(label: &str) -> bool {
    !label.is_empty()
        && label.chars().all(|c| {
            c.is_ascii_alphanumeric()
                || c == '-'
                || (!c.is_ascii() && !c.is_whitespace() && !c.is_control())
        })
}

#[wasm_bindgen_test]
fn the_domain_rules_give_the_native_answers_on_the_browsers_uts46() {
    use certorder::domain::DomainName;
    for &(input, ascii, unicode, wildcard) in domain_cases::VALID {
        let parsed = DomainName::parse(input).unwrap();
        assert_eq!(
            (parsed.ascii(), parsed.unicode(), parsed.is_wildcard()),
            (ascii, unicode, wildcard),
            "{input:?}"
        );
    }
    for (input, expected) in domain_cases::mistakes() {
        assert_eq!(DomainName::parse(&input), Err(expected), "{input:?}");
    }
}

#[wasm_bindgen_test]
fn the_browsers_uts46_answers_as_the_idna_crate_does() {
    use certorder::domain::uts46::{browser, idna_crate};
    let mut rng = domain_cases::Lcg(46);
    let (mut labels, mut names) = (0, 0);
    for _ in 0..8_000 {
        let input = rng.name();
        let mut ascii_labels = Vec::new();
        for label in input.split(['.', '\u{3002}', '\u{ff0e}', '\u{ff61}']) {
            if !reaches_uts46(label) {
                continue;
            }
            labels += 1;
            let expected = idna_crate::label_to_ascii(label);
            assert_eq!(browser::label_to_ascii(label), expected, "label {label:?}");
            ascii_labels.extend(expected);
        }
        if ascii_labels.iter().any(|l| l.starts_with("xn--")) {
            names += 1;
            let name = ascii_labels.join(".");
            let bidi_ok = idna_crate::bidi_ok(&name);
            assert_eq!(browser::bidi_ok(&name), bidi_ok, "name {name:?}");
            // `DomainName::parse` shows the U-labels only of a name that passed.
            if bidi_ok {
                assert_eq!(
                    browser::to_unicode(&name),
                    idna_crate::to_unicode(&name),
                    "name {name:?}"
                );
            }
        }
    }
    // The generator must reach both parts of the comparison often.
    assert!(
        labels > 8_000 && names > 1_500,
        "{labels} labels, {names} names"
    );
}
