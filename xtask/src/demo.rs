//! `cargo xtask demo`: the widget built for release and served by `certorder serve` on
//! 127.0.0.1:8787, with its proxy route, from one URL.

use crate::run::{command, status};
use crate::setup::{self, Need};
use crate::{Result, root};

/// Installs what is missing, builds the widget, then serves it until interrupted. Ctrl-C
/// reaches both this process and the server (same process group); the server finishes the
/// requests in flight and exits.
pub(crate) fn run() -> Result {
    let tools = setup::tools(Need::Demo)?;
    let root = root();
    status(command("trunk", &root, &tools.path).args(["build", "--release"]))?;
    eprintln!("certorder demo: open http://127.0.0.1:8787/ (Ctrl-C stops it)");
    status(command("cargo", &root, &tools.path).args([
        "run",
        "--quiet",
        "--profile",
        "serve",
        "-p",
        "certorder-server",
        "--",
        "serve",
        "--listen",
        "127.0.0.1:8787",
        "--dist",
        "dist",
    ]))
}
