//! Pages of the widget.

mod csr_page;
mod orders;
mod status;

pub use csr_page::CsrPage;
pub(crate) use orders::OrdersPage;
pub(crate) use status::StatusPage;
