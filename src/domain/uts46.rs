//! UTS #46 (IDNA) processing as the domain rules use it: non-transitional, STD3 rules,
//! CheckHyphens, CheckBidi and CheckJoiners, without DNS length checks (the rules check
//! lengths themselves, with their own messages).
//!
//! Two implementations of the same three functions. Natively ([`idna_crate`]) the `idna`
//! crate does all of it. In the browser ([`browser`]) the mapping and validation are the
//! browser's own URL parser (WHATWG URL's "domain to ASCII", the same UTS #46 with CheckBidi
//! and CheckJoiners), and the two checks it leaves out, STD3 rules and CheckHyphens, are
//! applied to its answer here: the browser already carries the Unicode tables, so the widget
//! does not ship a second copy of them (about 30 KB of its brotli size; BENCHMARKS.md). Only
//! Punycode decoding, which needs no table, comes from the `idna` crate on both.
//!
//! The browser tests (`tests/web.rs`) run both implementations in Chromium on the same
//! inputs, the native test table's and random ones, and require the same answers.

#[cfg(target_arch = "wasm32")]
pub mod browser;
pub mod idna_crate;

#[cfg(target_arch = "wasm32")]
pub use browser::{bidi_ok, label_to_ascii, to_unicode};
#[cfg(not(target_arch = "wasm32"))]
pub use idna_crate::{bidi_ok, label_to_ascii, to_unicode};
