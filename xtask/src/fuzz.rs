//! `cargo xtask fuzz [SECONDS] [TARGET…]`: every fuzz target (or those named) for SECONDS each
//! (default 60), with the nightly toolchain and cargo-fuzz, seeded from the test fixtures.

use crate::run::{command, output, status};
use crate::setup::tools_path;
use crate::{Result, root};
use std::path::Path;

/// The fuzz targets and the fixture folders that seed each one.
const TARGETS: &[(&str, &str)] = &[
    ("csr_inspect", "tests/fixtures/csr"),
    ("domain_parse", "tests/fixtures/domain"),
    ("xmlrpc_decode", "tests/fixtures/providers/gandi_v3"),
    ("gandi_v3_response", "tests/fixtures/providers/gandi_v3"),
    ("gandi_v5_response", "tests/fixtures/providers/gandi_v5"),
    (
        "realtimeregister_response",
        "tests/fixtures/providers/realtimeregister",
    ),
    ("ssl247_response", "tests/fixtures/providers/ssl247"),
    ("gjirafa_response", "tests/fixtures/providers/gjirafa"),
];

/// Runs the fuzz targets one after the other; a crash stops with cargo-fuzz's report.
pub(crate) fn run(args: &[String]) -> Result {
    let root = root();
    let path = tools_path();
    let seconds: u64 = match args.first() {
        Some(s) => s
            .parse()
            .map_err(|_| format!("SECONDS must be a number, not {s:?}"))?,
        None => 60,
    };
    let wanted: Vec<&str> = args.iter().skip(1).map(String::as_str).collect();
    if output(command("cargo", &root, &path).args(["+nightly", "fuzz", "--version"])).is_none() {
        status(command("cargo", &root, &path).args([
            "+nightly",
            "install",
            "cargo-fuzz",
            "--locked",
        ]))?;
    }
    for (target, seeds) in TARGETS {
        if !wanted.is_empty() && !wanted.contains(target) {
            continue;
        }
        let corpus = Path::new("fuzz").join("corpus").join(target);
        std::fs::create_dir_all(root.join(&corpus))
            .map_err(|e| format!("cannot create {}: {e}", corpus.display()))?;
        let mut cmd = command("cargo", &root, &path);
        cmd.args(["+nightly", "fuzz", "run", "--fuzz-dir", "fuzz", target])
            .arg(&corpus);
        if root.join(seeds).is_dir() {
            cmd.arg(seeds);
        }
        cmd.arg("--").arg(format!("-max_total_time={seconds}"));
        status(&mut cmd)?;
    }
    Ok(())
}
