//! The flow part of `cargo xtask bench`: what a customer feels of the order wizard on
//! loopback, in headless Chromium (bench/browser/flow.mjs): load to interactive (the first
//! product can be clicked), and the click on "Place the order" to the status page shown. The
//! widget is dist/ (the size part's release build), served by `certorder serve` built in the
//! `native` profile with every provider sandboxed.

use super::json::Object;
use super::{lines, npm_ci};
use crate::Result;
use crate::run::{command, status};
use std::path::{Path, PathBuf};

/// What is timed, in the order reported: (the script's name, the table's label).
const MEASURES: &[(&str, &str)] = &[
    ("load", "load to interactive (catalog shown)"),
    ("submit", "click on submit to status page shown"),
];

/// One measure's times, in milliseconds.
#[derive(Debug, Clone, Copy)]
pub(super) struct Timing {
    pub(super) runs: f64,
    pub(super) median_ms: f64,
    pub(super) max_ms: f64,
}

/// Per measure (in [`MEASURES`] order): the times, or why there are none.
pub(super) type Timings = Vec<std::result::Result<Timing, String>>;

/// Builds the server and runs the flow benchmark on dist/, which must hold a release build.
pub(super) fn run(root: &Path, path: &[PathBuf], runs: &str) -> Result<Timings> {
    eprintln!("bench: the order flow on loopback, headless Chromium");
    let dist = root.join("dist");
    if !dist.join("index.html").is_file() {
        return Err("dist/ holds no build (the size part builds it)".to_owned());
    }
    status(command("cargo", root, path).args([
        "build",
        "--quiet",
        "--profile",
        "native",
        "-p",
        "certorder-server",
    ]))?;
    npm_ci(&root.join("bench"), path)?;
    let out = lines(
        command("node", root, path)
            .arg(root.join("bench").join("browser").join("flow.mjs"))
            .arg("--bin")
            .arg(root.join("target").join("native").join("certorder"))
            .arg("--dist")
            .arg(&dist)
            .args(["--runs", runs]),
    )?;
    let objects: Vec<Object> = out.iter().filter_map(|l| Object::parse(l)).collect();
    Ok(MEASURES
        .iter()
        .map(|(measure, _)| {
            let o = objects
                .iter()
                .find(|o| o.str("measure").as_deref() == Some(measure))
                .ok_or_else(|| "not reported".to_owned())?;
            if let Some(error) = o.str("error") {
                return Err(error);
            }
            match (o.num("runs"), o.num("median_ms"), o.num("max_ms")) {
                (Some(runs), Some(median_ms), Some(max_ms)) => Ok(Timing {
                    runs,
                    median_ms,
                    max_ms,
                }),
                _ => Err("no figure reported".to_owned()),
            }
        })
        .collect())
}

/// The flow's times as a Markdown table.
pub(super) fn render(timings: &Result<Timings>, runs: &str) -> String {
    let mut s = format!(
        "### The order flow on loopback (headless Chromium, {runs} runs each)\n\n\
         *Load*: a new browser context opens the wizard's first step for Gandi v5; from the \
         navigation's start to the first animation frame with a product to click (the page, its \
         configuration and the catalog read through the proxy). *Submit*: from the click on \
         \"Place the order\" to the first frame with the status page's heading (the order placed \
         through the proxy). `certorder serve` in the `native` profile with the sandbox, \
         bench/browser/flow.mjs on the release build above.\n\n"
    );
    let timings = match timings {
        Ok(t) => t,
        Err(e) => return format!("{s}Not measured: {e}"),
    };
    s.push_str("| measure | median | slowest | runs |\n|---|---:|---:|---:|\n");
    for ((_, label), t) in MEASURES.iter().zip(timings) {
        match t {
            Ok(t) => s.push_str(&format!(
                "| {label} | {:.1} ms | {:.1} ms | {} |\n",
                t.median_ms, t.max_ms, t.runs
            )),
            Err(e) => s.push_str(&format!("| {label} | — | — | not measured: {e} |\n")),
        }
    }
    s.trim_end().to_owned()
}
