//! The CSR checker alone: the report page without the order steps, for sites that embed only
//! the checker (`csr.html`; `trunk build --release csr.html`).

#[cfg(target_arch = "wasm32")]
fn main() {
    certorder::ui::start_csr_checker();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "the certorder CSR checker runs in the browser: build it with `trunk build csr.html`"
    );
    std::process::exit(2);
}
