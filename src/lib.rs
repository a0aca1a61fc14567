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
//! - [`provider`]: one sans-IO adapter per provider API behind the [`provider::Provider`] trait;
//! - the widget's plain-Rust side: [`deployment`] (the runtime configuration), [`client`]
//!   (what each call carries, the errors a customer sees), [`status`] (the order book and the
//!   status page's rules) and [`text`] (the strings).
//!
//! The modules depend on each other in one direction: `http`, `domain` and `csr` at the
//! bottom; the model (`product`, `order`) above them; the provider layer (the trait, flows, the
//! common error) above the model; each adapter (`provider::gandi_v5`, …) on top, using none of
//! the others. `tests/layering.rs` fails when a module names one above it.
//!
//! Nothing here does I/O: the same code runs natively and in the browser (wasm32).
//!
//! # What is public, and for whom
//!
//! The main types are re-exported here at the root: [`Provider`] and [`ProviderKind`], the
//! order model ([`OrderDraft`], [`OrderState`], [`OrderHandle`], [`Product`]), [`inspect`] for
//! a CSR, and each layer's error ([`CsrError`], [`DomainError`], [`DraftProblem`],
//! [`ProviderError`], [`BodyError`]).
//!
//! - The server (`certorder-server`) uses [`Provider`] through its `recognise` and
//!   `authenticate`, [`provider::Operation`] and [`provider::OperationClass`] for its policy,
//!   [`http::Credentials`] and the [`http`] request and response types, and [`csr`] for its
//!   `inspect` command.
//! - The widget (the `ui` module, built for wasm32 only) drives orders through [`Provider`]
//!   and the model; it needs nothing beyond what a library user gets.
//! - A library user gets the same, and each adapter's typed calls and wire types
//!   (`provider::gandi_v5::calls`, `::wire`, …) for the raw API: one constructor per
//!   documented operation, as the fuzz targets, benchmarks and integration tests use them.
//!
//! Everything else is `pub(crate)`: helpers of one adapter, parsing internals, and the
//! mapping code between wire types and the model.
//!
//! ```
//! let report = certorder::inspect(b"not a csr");
//! assert!(report.is_err());
//! ```

pub mod client;
pub mod csr;
pub mod deployment;
pub mod domain;
pub mod http;
pub mod order;
pub mod product;
pub mod provider;
pub mod shell;
pub mod status;
pub mod text;
pub mod wizard;

#[cfg(all(feature = "ui", target_arch = "wasm32"))]
pub mod ui;

pub use csr::{CsrError, inspect};
pub use domain::{DomainError, DomainName};
pub use http::BodyError;
pub use order::{DraftProblem, OrderDraft, OrderHandle, OrderState, OrderStatus};
pub use product::{Capabilities, Product, ProviderKind};
pub use provider::{Provider, ProviderError};
