//! `cargo xtask`: the project's automation, so that a new machine needs nothing but `cargo`.
//!
//! - `cargo xtask demo`: install what is missing, then serve the widget on 127.0.0.1:8080.
//! - `cargo xtask test`: install what is missing, then run every check and test.
//! - `cargo xtask setup`: only install the tools.
//! - `cargo xtask bench`: the benchmarks (never part of `test`).
//! - `cargo xtask fuzz [SECONDS]`: run every fuzz target (nightly toolchain, cargo-fuzz).
//! - `cargo xtask psl`: regenerate the ICANN section of the Public Suffix List the crate reads.

mod bench;
mod demo;
mod fuzz;
mod psl;
mod run;
mod setup;
mod test;

use std::path::PathBuf;
use std::process::ExitCode;

/// What any step can fail with: a message for the person running the command.
type Result<T = ()> = std::result::Result<T, String>;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let outcome = match args.first().map(String::as_str) {
        Some("setup") => setup::tools(setup::Need::All).map(|_| ()),
        Some("demo") => demo::run(),
        Some("test") => test::run(),
        Some("bench") => bench::run(&args[1..]),
        Some("fuzz") => fuzz::run(&args[1..]),
        Some("psl") => psl::run(),
        _ => Err(usage()),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

fn usage() -> String {
    "usage: cargo xtask <demo|test|setup|bench|fuzz [SECONDS]|psl>".to_owned()
}

/// The workspace root (the parent of this crate's directory).
fn root() -> PathBuf {
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    here.parent().map(PathBuf::from).unwrap_or(here)
}
