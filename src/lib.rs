//! # certorder
//!
//! Order SSL/TLS certificates from a provider's API. This crate holds the logic shared by the
//! browser widget, the `certorder` server and the command line:
//!
//! - [`csr`]: read a certificate signing request as people paste it, report what it contains,
//!   verify its self-signature and lint it against RFC 2986/5280 and the CA/Browser Forum
//!   Baseline Requirements;
//! - [`domain`]: the rules for the names a certificate is ordered for (IDNA, wildcards,
//!   reserved names, the registrable domain, approver mailboxes);
//! - [`http`]: requests and responses as data, and the [`http::Credentials`] that authenticate
//!   them;
//! - [`product`]: the provider-neutral product model (validation level, names, periods, fields),
//!   the provider kinds and what each provider's API can do;
//! - [`order`]: order drafts, handles, state snapshots, DCV instructions and certificates;
//! - [`provider`]: one sans-IO adapter per provider API behind the [`provider::Provider`] trait.
//!
//! The modules depend on each other in one direction: `http`, `domain` and `csr` at the
//! bottom; the model (`product`, `order`) above them; the provider layer (the trait, flows, the
//! common error) above the model; each adapter (`provider::gandi_v5`, …) on top, using none of
//! the others. `tests/layering.rs` fails when a module names one above it.
//!
//! Nothing here does I/O: the same code runs natively and in the browser (wasm32).
//!
//! ```
//! let report = certorder::csr::inspect(b"not a csr");
//! assert!(report.is_err());
//! ```

pub mod csr;
pub mod domain;
pub mod http;
pub mod order;
pub mod product;
pub mod provider;

#[cfg(all(feature = "ui", target_arch = "wasm32"))]
pub mod ui;
