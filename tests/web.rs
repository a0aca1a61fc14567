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

#[wasm_bindgen_test]
fn every_request_of_the_corpus_has_its_expected_outcome_in_the_browser() {
    assert!(corpus::CASES.len() >= 50, "the corpus shrank");
    let wrong = corpus::mismatches();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
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

    let textarea: web_sys::HtmlTextAreaElement = document
        .get_element_by_id("csr-text")
        .unwrap()
        .unchecked_into();
    textarea.set_value(include_str!("fixtures/csr/widget/good.csr"));
    let input = web_sys::Event::new("input").unwrap();
    textarea.dispatch_event(&input).unwrap();
    tick().await;

    let report = document
        .query_selector("[data-testid=report]")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(report.contains("can be ordered"), "{report}");
    assert!(report.contains("shop.certorder-demo.nl"), "{report}");
    assert!(report.contains("P-256"), "{report}");
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
