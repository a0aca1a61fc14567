//! `cargo xtask bench`: benchmarks, never part of the tests.

use crate::Result;

/// Runs the benchmarks.
pub(crate) fn run(args: &[String]) -> Result {
    let _ = args;
    Err("no benchmark yet".to_owned())
}
