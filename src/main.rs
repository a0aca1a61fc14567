//! The widget's entry point: Trunk builds this binary for wasm32-unknown-unknown.

#[cfg(target_arch = "wasm32")]
fn main() {
    certorder::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("the certorder widget runs in the browser: build it with `trunk build` (see README)");
    std::process::exit(2);
}
