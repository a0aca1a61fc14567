//! The one catalog of the widget's user-facing strings (English). Components and rules take
//! their words from here, so another language is a second copy of these modules in the same
//! shape, not a code change; no component writes a sentence of its own.

pub mod shell;
pub mod status;
pub mod wizard;
