//! Pages of the widget.

mod csr_page;
pub(crate) mod order;
mod orders;
mod status;

pub use csr_page::CsrPage;
pub(crate) use order::OrderWizard;
pub(crate) use orders::OrdersPage;
pub(crate) use status::StatusPage;
