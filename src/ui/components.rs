//! Reusable pieces of the widget.

mod csr_input;
mod csr_report;
mod findings_list;

pub(crate) use csr_input::{CsrInput, CsrSource};
pub(crate) use csr_report::CsrReport;
pub(crate) use findings_list::FindingsList;
