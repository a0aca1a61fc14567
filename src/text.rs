//! The one catalog of the widget's user-facing strings (English). Other languages come later
//! as data in the same shape; no component writes a sentence of its own.

pub mod shell;
pub mod status;
