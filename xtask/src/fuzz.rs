//! `cargo xtask fuzz [SECONDS]`: every fuzz target, with the nightly toolchain.

use crate::Result;

/// Runs the fuzz targets.
pub(crate) fn run(args: &[String]) -> Result {
    let _ = args;
    Err("no fuzz target yet".to_owned())
}
