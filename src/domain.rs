//! The rules for the names a certificate is ordered for.
//!
//! A name typed by a person goes through [`DomainName::parse`] once, at the boundary. The result
//! holds the A-label form used on the wire and in the CSR (`*.xn--bcher-kva.example`) next to the
//! U-label form shown to people (`*.bücher.example`). Everything else in this module works on
//! parsed names:
//!
//! - [`DomainName::reserved`]: names that cannot be in a publicly trusted certificate
//!   (special-use names from the RFCs, single labels, top-level labels outside the root zone);
//! - [`DomainName::registrable_domain`] and [`DomainName::public_suffix`]: the Public Suffix List,
//!   ICANN section only (CA/Browser Forum Baseline Requirements §3.2.2.6);
//! - [`DomainName::approver_candidates`]: the constructed mailboxes of BR §3.2.2.4.4;
//! - [`DomainName::covers`], [`duplicates`] and [`covered_by_wildcard`]: checks over the list of
//!   names in one order;
//! - [`ip_address`] and [`is_internal_ip`]: IP addresses are not domain names, but people type
//!   them into the same field.
//!
//! ```
//! use certorder::domain::DomainName;
//!
//! let name = DomainName::parse("*.Bücher.Example.")?;
//! assert_eq!(name.ascii(), "*.xn--bcher-kva.example");
//! assert_eq!(name.unicode(), "*.bücher.example");
//! assert!(name.is_wildcard());
//! # Ok::<(), certorder::domain::DomainError>(())
//! ```

mod approver;
mod error;
mod ip;
mod name;
mod parse;
mod reserved;
mod set;
mod suffix;
pub mod uts46;

pub use error::DomainError;
pub use ip::{ip_address, is_internal_ip};
pub use name::DomainName;
pub use reserved::Reserved;
pub use set::{covered_by_wildcard, duplicates};
