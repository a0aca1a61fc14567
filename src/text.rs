//! The one catalog of user-facing strings (English). Components and rules take their words
//! from here, so another language is a second copy of these modules, not a code change.

pub mod wizard;
