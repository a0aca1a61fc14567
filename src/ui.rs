//! The Leptos widget (wasm32 only). Components read state, dispatch and render; every rule
//! they show comes from the plain-Rust modules of this crate.

// Leptos' #[component] macro widens the visibility of the props types it generates.
#![allow(unreachable_pub)]

mod app;
mod components;
mod pages;
mod shell;
pub mod storage;
pub mod transport;

pub use app::{App, LiveRegion, announce, focus_heading, use_deployment};
pub use pages::CsrPage;

/// Mounts the widget on the page's `<body>`.
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}

/// Mounts the CSR checker alone (the report page, without the order steps) on the page's
/// `<body>`: the `certorder-csr` binary, for sites that embed only the checker.
pub fn start_csr_checker() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(pages::CsrPage);
}
