//! Step 7, the status page, in plain Rust: the orders placed in this browser (the order book
//! kept in `localStorage`), when to ask the provider again (polling with backoff, "last
//! checked"), what the customer must do per name (instruction texts, "copy all", the
//! validation file) and the file names of the downloads. The components in
//! `ui::pages::status` only render what these give.

pub mod book;
pub mod change;
pub mod downloads;
pub mod instructions;
pub mod poll;

pub use book::{OrderBook, PlacedOrder};
pub use downloads::{Download, certificate_downloads};
pub use instructions::{NameInstructions, copy_all, instructions, status_words};
pub use poll::{Backoff, last_checked};
