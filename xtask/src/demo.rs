//! `cargo xtask demo`: the widget served by trunk on 127.0.0.1:8080.

use crate::run::{command, status};
use crate::setup::{self, Need};
use crate::{Result, root};

/// Installs what is missing and serves the widget until interrupted.
pub(crate) fn run() -> Result {
    let tools = setup::tools(Need::Demo)?;
    let root = root();
    eprintln!("certorder demo: open http://127.0.0.1:8080/ (Ctrl-C stops it)");
    status(command("trunk", &root, &tools.path).args(["serve", "--release"]))
}
