//! Pages of the widget.

mod csr_page;

pub(crate) use csr_page::CsrPage;
