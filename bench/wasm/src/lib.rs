//! certorder's [`inspect`](certorder::csr::inspect) for the browser benchmark
//! (`bench/browser/`): built for wasm32 with the release profile, then `wasm-bindgen --target
//! web`. Natively this crate is empty.

#[cfg(target_arch = "wasm32")]
use certorder::csr::{SignatureCheck, inspect};
#[cfg(target_arch = "wasm32")]
use wasm_bindgen::prelude::wasm_bindgen;

/// Inspects `csr` (PEM text or DER, as the widget receives it) `times` times and returns how
/// many of those inspections found a valid self-signature.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen(js_name = inspectTimes)]
pub fn inspect_times(csr: &[u8], times: u32) -> u32 {
    let mut valid = 0;
    for _ in 0..times {
        if let Ok(inspection) = inspect(std::hint::black_box(csr))
            && inspection.signature == SignatureCheck::Valid
        {
            valid += 1;
        }
    }
    valid
}
