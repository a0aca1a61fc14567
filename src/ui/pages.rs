//! Pages of the widget.

mod csr_page;
pub(crate) mod order;

pub(crate) use csr_page::CsrPage;
pub(crate) use order::OrderWizard;
