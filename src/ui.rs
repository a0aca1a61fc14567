//! The Leptos widget (wasm32 only).

/// Mounts the widget on the page.
pub fn start() {}
