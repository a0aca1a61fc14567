//! `cargo xtask bench [native] [browser] [size] [paste] [flow] [--seconds S] [--rounds N] [--runs N]`:
//! benchmarks, never part of the tests.
//!
//! - native: `inspect` (decode, parse, verify, lint) per key type in the `native` profile, the
//!   one native binaries ship with (examples/inspect_throughput.rs on bench/fixtures/*.csr);
//! - browser: the same corpus in headless Chromium through certorder compiled to wasm
//!   (bench/wasm) and through @peculiar/x509, interleaved in one page (bench/browser/);
//! - size: every file of the whole widget's page and of the CSR checker alone
//!   (`trunk build --release`), raw, gzip -9 and brotli -q 11, and what each wasm is made of
//!   (twiggy), see [`size`];
//! - paste: from a paste's input event to the report painted, in that build ([`paste`]);
//! - flow: the order wizard's load to interactive and its submit to the status page, in that
//!   build under `certorder serve` with the sandbox ([`flow`]).
//!
//! With no part named it runs all five, prints the Markdown table and writes it into
//! BENCHMARKS.md between the `bench:start` and `bench:end` markers. The size part, alone or
//! with the others, writes its tables between `bench-size:start` and `bench-size:end`. A part
//! that cannot be measured is reported as such, and the command then fails after writing the
//! file.

mod csr;
mod flow;
mod json;
mod paste;
mod proxy;
mod report;
mod size;

use crate::run::{command, status};
use crate::setup::{self, Need};
use crate::{Result, root};
use std::path::{Path, PathBuf};
use std::process::Stdio;

/// The corpus, in the order the results are reported: (file stem, label).
pub(crate) const KEYS: &[(&str, &str)] = &[
    ("rsa2048", "RSA 2048"),
    ("rsa3072", "RSA 3072"),
    ("rsa4096", "RSA 4096"),
    ("p256", "EC P-256"),
    ("p384", "EC P-384"),
    ("p521", "EC P-521"),
    ("ed25519", "Ed25519"),
];

/// Which parts to run and how long.
#[derive(Debug)]
struct Options {
    native: bool,
    browser: bool,
    size: bool,
    paste: bool,
    flow: bool,
    /// Seconds each key type is timed natively.
    seconds: String,
    /// Interleaved rounds in the browser.
    rounds: String,
    /// Pastes timed per key type.
    runs: String,
    /// Every part was asked for: write BENCHMARKS.md.
    write: bool,
}

fn options(args: &[String]) -> Result<Options> {
    let mut o = Options {
        native: false,
        browser: false,
        size: false,
        paste: false,
        flow: false,
        seconds: "1.5".to_owned(),
        rounds: "8".to_owned(),
        runs: "15".to_owned(),
        write: false,
    };
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "native" => o.native = true,
            "browser" => o.browser = true,
            "size" => o.size = true,
            "paste" => o.paste = true,
            "flow" => o.flow = true,
            "--seconds" | "--rounds" | "--runs" => {
                let value = args
                    .next()
                    .filter(|v| v.parse::<f64>().is_ok_and(|n| n > 0.0))
                    .ok_or_else(|| format!("{arg} needs a positive number"))?;
                match arg.as_str() {
                    "--seconds" => o.seconds.clone_from(value),
                    "--rounds" => o.rounds.clone_from(value),
                    _ => o.runs.clone_from(value),
                }
            }
            _ => {
                return Err(format!(
                    "usage: cargo xtask bench [native] [browser] [size] [paste] [flow] \
                     [--seconds S] [--rounds N] [--runs N] (unknown argument {arg:?})"
                ));
            }
        }
    }
    if !(o.native || o.browser || o.size || o.paste || o.flow) {
        (o.native, o.browser, o.size, o.paste, o.flow, o.write) =
            (true, true, true, true, true, true);
    }
    Ok(o)
}

/// Runs the benchmarks.
pub(crate) fn run(args: &[String]) -> Result {
    if args.first().map(String::as_str) == Some("proxy") {
        return proxy::run(&args[1..]);
    }
    let o = options(args)?;
    let root = root();
    let path = if o.browser || o.size || o.paste || o.flow {
        setup::tools(Need::All)?.path
    } else {
        setup::tools_path()
    };

    let native = o.native.then(|| csr::native(&root, &path, &o.seconds));
    let browser = o.browser.then(|| csr::browser(&root, &path, &o.rounds));
    // The whole widget lands in dist/ (the paste part's page), the checker alone elsewhere.
    let sizes: Vec<_> = if o.size {
        size::PAGES
            .iter()
            .map(|page| {
                let files = size::page(&root, &path, page);
                let contributors = size::contributors(&root, &target_dir(&root), &path, page);
                (page, files, contributors)
            })
            .collect()
    } else {
        Vec::new()
    };
    let paste = o.paste.then(|| paste::run(&root, &path, &o.runs));
    let flow = o.flow.then(|| flow::run(&root, &path, &o.runs));

    let mut table = report::render(&root, &path, &o, native.as_ref(), browser.as_ref());
    if let Some(paste) = &paste {
        table.push_str("\n\n");
        table.push_str(&paste::render(paste, &o.runs));
    }
    if let Some(flow) = &flow {
        table.push_str("\n\n");
        table.push_str(&flow::render(flow, &o.runs));
    }
    // The sizes have their own section, which the size part writes whenever it runs.
    let size_tables = sizes
        .iter()
        .map(|(page, files, _)| size::render_page(page, files))
        .chain(
            sizes
                .iter()
                .map(|(page, _, contributors)| size::render_contributors(page, contributors)),
        )
        .collect::<Vec<_>>()
        .join("\n\n");
    println!("{table}\n\n{size_tables}");
    if o.write {
        report::write(&root, &table)?;
        eprintln!("wrote BENCHMARKS.md");
    }
    if o.size {
        report::write_size(&root, &path, &size_tables)?;
        eprintln!("wrote the size section of BENCHMARKS.md");
    }
    let failed: Vec<String> = [
        native.and_then(std::result::Result::err),
        browser.and_then(std::result::Result::err),
        paste.and_then(std::result::Result::err),
        flow.and_then(std::result::Result::err),
    ]
    .into_iter()
    .flatten()
    .chain(sizes.into_iter().flat_map(|(_, files, contributors)| {
        [files.err(), contributors.err()].into_iter().flatten()
    }))
    .collect();
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "not everything was measured: {}",
            failed.join("; ")
        ))
    }
}

/// The target directory cargo uses: `CARGO_TARGET_DIR` when set, else the workspace's target/.
fn target_dir(root: &Path) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root.join("target"), |d| root.join(d))
}

/// Runs a command and returns its standard output lines; its standard error goes through.
pub(crate) fn lines(cmd: &mut std::process::Command) -> Result<Vec<String>> {
    let shown = format!("{cmd:?}");
    let out = cmd
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot start {shown}: {e}"))?;
    if !out.status.success() {
        return Err(format!("{shown} failed ({})", out.status));
    }
    Ok(String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_owned)
        .collect())
}

/// `npm ci` in `dir` unless node_modules is newer than package-lock.json.
pub(crate) fn npm_ci(dir: &Path, path: &[PathBuf]) -> Result {
    let modified = |p: PathBuf| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    let lock = modified(dir.join("package-lock.json"));
    let stamp = modified(dir.join("node_modules").join(".package-lock.json"));
    if let (Some(lock), Some(stamp)) = (lock, stamp)
        && stamp >= lock
    {
        return Ok(());
    }
    status(command("npm", dir, path).args(["ci", "--no-audit", "--no-fund"]))
}
