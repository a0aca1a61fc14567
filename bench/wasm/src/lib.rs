//! certorder's CSR inspection for the browser benchmark (`bench/browser/`): built for wasm32
//! with the release profile, then `wasm-bindgen --target web`. Natively this crate is empty.
//!
//! As in the widget, the self-signature is checked by the browser's WebCrypto
//! ([`certorder::csr::verify::browser::inspect`]): parse, lints, then the asynchronous check.

#[cfg(target_arch = "wasm32")]
use certorder::csr::SignatureCheck;
#[cfg(target_arch = "wasm32")]
use certorder::csr::verify::browser::inspect;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen::prelude::wasm_bindgen;

/// Inspects `csr` (PEM text or DER, as the widget receives it) `times` times, one after the
/// other, and resolves to how many of those inspections found a valid self-signature.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen(js_name = inspectTimes)]
pub async fn inspect_times(csr: Vec<u8>, times: u32) -> u32 {
    let mut valid = 0;
    for _ in 0..times {
        if let Ok(inspection) = inspect(std::hint::black_box(&csr)).await
            && inspection.signature == SignatureCheck::Valid
        {
            valid += 1;
        }
    }
    valid
}

/// Reads `csr` once, then asks WebCrypto about its self-signature `times` times, one after the
/// other, exactly as [`inspect_times`] does after parsing; resolves to how many answers were
/// valid. The time of this is what WebCrypto (with the calls into it) costs an inspection: the
/// floor under any engine that checks the signature there.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen(js_name = verifyTimes)]
pub async fn verify_times(csr: Vec<u8>, times: u32) -> u32 {
    use certorder::csr::{inspect_deferred, verify::browser::verify};
    let Ok((_, Some(request))) = inspect_deferred(&csr) else {
        return 0;
    };
    let mut valid = 0;
    for _ in 0..times {
        if verify(std::hint::black_box(&request)).await == SignatureCheck::Valid {
            valid += 1;
        }
    }
    valid
}
