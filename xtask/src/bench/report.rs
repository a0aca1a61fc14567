//! The Markdown sections `cargo xtask bench` writes into BENCHMARKS.md: where and how it was
//! measured, then the CSR table; and the pages' sizes, which the size part writes on its own.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use super::csr::{Browser, Rate, Rates, micros, ops};
use super::{KEYS, Options};
use crate::Result;
use crate::run::{command, output};

const START: &str = "<!-- bench:start -->";
const END: &str = "<!-- bench:end -->";
const SIZE_START: &str = "<!-- bench-size:start -->";
const SIZE_END: &str = "<!-- bench-size:end -->";

/// Standard output of a command run in the workspace, first line, trimmed.
fn first_line(program: &str, args: &[&str], root: &Path, path: &[PathBuf]) -> String {
    output(command(program, root, path).args(args))
        .and_then(|o| o.lines().next().map(|l| l.trim().to_owned()))
        .unwrap_or_else(|| format!("unknown ({program} did not answer)"))
}

/// The Markdown section: how and where it was measured, then one table per part.
pub(super) fn render(
    root: &Path,
    path: &[PathBuf],
    o: &Options,
    native: Option<&Result<Rates>>,
    browser: Option<&Result<Browser>>,
) -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split_once(':'))
                .map(|(_, v)| v.trim().to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".to_owned());
    let cores = std::thread::available_parallelism().map_or(0, usize::from);
    // The machine is shared: the load at the end of the run says how noisy the figures are.
    let load = std::fs::read_to_string("/proc/loadavg")
        .ok()
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|| "unknown".to_owned());
    let mut s = String::new();
    let _ = writeln!(
        s,
        "Measured {} with `cargo xtask bench` (native: {} s per key type after a 0.3 s warm-up; \
         browser: {} interleaved rounds).\n",
        first_line("date", &["-u", "+%Y-%m-%d"], root, path),
        o.seconds,
        o.rounds
    );
    let _ = writeln!(
        s,
        "- machine: {cores} cores (nproc), {cpu}, load average {load}"
    );
    let _ = writeln!(s, "- {}", first_line("rustc", &["--version"], root, path));
    let _ = writeln!(
        s,
        "- {}",
        first_line("chromium", &["--version"], root, path)
    );
    let _ = writeln!(
        s,
        "- node {}",
        first_line("node", &["--version"], root, path)
    );
    s.push('\n');

    if native.is_some() || browser.is_some() {
        let _ = writeln!(
            s,
            "### CSR parse + verify (operations per second, higher is better)\n"
        );
        let _ = writeln!(
            s,
            "| key type | native `inspect` | native median | Chromium: certorder (wasm) | \
             median | Chromium: @peculiar/x509 | median | certorder / peculiar | \
             Chromium: WebCrypto alone | median | WebCrypto alone / peculiar |"
        );
        let _ = writeln!(s, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        let none: Rates = KEYS.iter().map(|_| Err("not run".to_owned())).collect();
        let native_rates = match native {
            Some(Ok(r)) => r,
            _ => &none,
        };
        let (c, p, w) = match browser {
            Some(Ok(b)) => (&b.certorder, &b.peculiar, &b.webcrypto),
            _ => (&none, &none, &none),
        };
        let mut ratios = (Vec::new(), Vec::new());
        for (i, (_, label)) in KEYS.iter().enumerate() {
            let n = &native_rates[i];
            let (c, p, w) = (&c[i], &p[i], &w[i]);
            let (against, floor) = (ratio(c, p), ratio(w, p));
            ratios.0.extend(against);
            ratios.1.extend(floor);
            let _ = writeln!(
                s,
                "| {label} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
                ops(n),
                micros(n),
                ops(c),
                micros(c),
                ops(p),
                micros(p),
                times(against),
                ops(w),
                micros(w),
                times(floor),
            );
        }
        s.push('\n');
        if !ratios.0.is_empty() {
            let _ = writeln!(
                s,
                "Geometric mean over the key types: certorder / peculiar {}, WebCrypto alone / \
                 peculiar {} (the most any engine that checks the signature through WebCrypto \
                 could reach).\n",
                times(geometric_mean(&ratios.0)),
                times(geometric_mean(&ratios.1)),
            );
        }
        let mut notes = Vec::new();
        for (what, rates) in [
            ("native", native.map(|r| r.as_ref().map(|r| r as &Rates))),
            (
                "certorder (wasm)",
                browser.map(|b| b.as_ref().map(|b| &b.certorder)),
            ),
            (
                "@peculiar/x509",
                browser.map(|b| b.as_ref().map(|b| &b.peculiar)),
            ),
            (
                "WebCrypto alone",
                browser.map(|b| b.as_ref().map(|b| &b.webcrypto)),
            ),
        ] {
            match rates {
                None => notes.push(format!("{what}: not run")),
                Some(Err(e)) => notes.push(format!("{what}: not measured: {e}")),
                Some(Ok(rates)) => {
                    for ((_, label), r) in KEYS.iter().zip(rates) {
                        if let Err(e) = r {
                            notes.push(format!("{what}, {label}: not measured: {e}"));
                        }
                    }
                }
            }
        }
        for note in notes {
            let _ = writeln!(s, "- {note}");
        }
        if !s.ends_with("\n\n") {
            s.push('\n');
        }
    }

    s.trim_end().to_owned()
}

/// How many times faster `a` is than `b`, when both were measured.
fn ratio(
    a: &std::result::Result<Rate, String>,
    b: &std::result::Result<Rate, String>,
) -> Option<f64> {
    match (a, b) {
        (Ok(a), Ok(b)) if b.ops_per_sec > 0.0 => Some(a.ops_per_sec / b.ops_per_sec),
        _ => None,
    }
}

fn times(ratio: Option<f64>) -> String {
    ratio.map_or_else(|| "—".to_owned(), |r| format!("{r:.2}×"))
}

fn geometric_mean(ratios: &[f64]) -> Option<f64> {
    (!ratios.is_empty())
        .then(|| (ratios.iter().map(|r| r.ln()).sum::<f64>() / ratios.len() as f64).exp())
}

/// Replaces the generated section of BENCHMARKS.md, keeping the text around it.
pub(super) fn write(root: &Path, table: &str) -> Result {
    write_between(root, START, END, table)
}

/// Replaces the size section of BENCHMARKS.md (`cargo xtask bench size` alone writes it, so
/// the pages' sizes stay current without the slower parts), with the date and compiler.
pub(super) fn write_size(root: &Path, path: &[PathBuf], tables: &str) -> Result {
    let heading = format!(
        "Measured {} with `cargo xtask bench size` ({}, trunk {}).",
        first_line("date", &["-u", "+%Y-%m-%d"], root, path),
        first_line("rustc", &["--version"], root, path),
        first_line("trunk", &["--version"], root, path)
            .trim_start_matches("trunk ")
            .to_owned(),
    );
    write_between(
        root,
        SIZE_START,
        SIZE_END,
        &format!("{heading}\n\n{tables}"),
    )
}

fn write_between(root: &Path, start: &str, end: &str, table: &str) -> Result {
    let file = root.join("BENCHMARKS.md");
    let old = std::fs::read_to_string(&file).unwrap_or_else(|_| "# Benchmarks\n".to_owned());
    let section = format!("{start}\n{table}\n{end}");
    let new = match (old.find(start), old.find(end)) {
        (Some(a), Some(b)) if a < b => {
            format!("{}{section}{}", &old[..a], &old[b + end.len()..])
        }
        _ => format!("{}\n\n{section}\n", old.trim_end()),
    };
    std::fs::write(&file, new).map_err(|e| format!("cannot write BENCHMARKS.md: {e}"))
}
