//! The SSL247 API v3 wire types, as the reference writes them: the two answer envelopes, the
//! catalog, the account (users, contact profiles, balance), certificates, orders and the
//! order requests, with the loose [`Scalar`] every answer value is.
//!
//! [`super::calls`] sends and reads them; [`super::map`] turns them into the neutral model.

pub mod account;
pub mod catalog;
pub mod certificate;
pub mod envelope;
pub mod order;
pub mod request;
pub(crate) mod scalar;
pub mod status;

pub use scalar::Scalar;
