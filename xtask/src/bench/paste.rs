//! The paste part of `cargo xtask bench`: from the input event of a pasted CSR to the report
//! painted, in the real widget (dist/ from the size part) in headless Chromium
//! (bench/browser/paste.mjs).

use super::json::Object;
use super::{KEYS, lines, npm_ci};
use crate::Result;
use crate::run::command;
use std::path::{Path, PathBuf};

/// Paste-to-report times of one key type, in milliseconds: to the report painted (its
/// signature still being checked by WebCrypto), and to the signature's outcome painted.
#[derive(Debug, Clone, Copy)]
pub(super) struct Paste {
    pub(super) runs: f64,
    pub(super) median_ms: f64,
    pub(super) max_ms: f64,
    pub(super) signed_median_ms: f64,
    pub(super) signed_max_ms: f64,
}

/// Per key type (in [`KEYS`] order): the times, or why there are none.
pub(super) type Pastes = Vec<std::result::Result<Paste, String>>;

/// Runs the paste benchmark on dist/, which must hold a release build.
pub(super) fn run(root: &Path, path: &[PathBuf], runs: &str) -> Result<Pastes> {
    eprintln!("bench: paste to report in the widget, headless Chromium");
    let dist = root.join("dist");
    if !dist.join("index.html").is_file() {
        return Err("dist/ holds no build (the size part builds it)".to_owned());
    }
    npm_ci(&root.join("bench"), path)?;
    let out = lines(
        command("node", root, path)
            .arg(root.join("bench").join("browser").join("paste.mjs"))
            .arg("--dist")
            .arg(&dist)
            .args(["--runs", runs]),
    )?;
    let objects: Vec<Object> = out.iter().filter_map(|l| Object::parse(l)).collect();
    Ok(KEYS
        .iter()
        .map(|(key, _)| {
            let o = objects
                .iter()
                .find(|o| o.str("key").as_deref() == Some(key))
                .ok_or_else(|| "not reported".to_owned())?;
            if let Some(error) = o.str("error") {
                return Err(error);
            }
            match (
                o.num("runs"),
                o.num("median_ms"),
                o.num("max_ms"),
                o.num("signed_median_ms"),
                o.num("signed_max_ms"),
            ) {
                (
                    Some(runs),
                    Some(median_ms),
                    Some(max_ms),
                    Some(signed_median_ms),
                    Some(signed_max_ms),
                ) => Ok(Paste {
                    runs,
                    median_ms,
                    max_ms,
                    signed_median_ms,
                    signed_max_ms,
                }),
                _ => Err("no figure reported".to_owned()),
            }
        })
        .collect())
}

/// The paste-to-report times as a Markdown table.
pub(super) fn render(pastes: &Result<Pastes>, runs: &str) -> String {
    let mut s = format!(
        "### Paste to report in the widget (headless Chromium, {runs} pastes per key type)\n\n\
         From just before the text area's `input` event to the first animation frame after the \
         report is in the DOM (*report*: everything, the signature \"checking\"), and to the first \
         frame after WebCrypto's answer is (*signature*: the verdict final); \
         bench/browser/paste.mjs on the release build above. One frame at 60 Hz is 16.7 ms.\n\n"
    );
    let pastes = match pastes {
        Ok(p) => p,
        Err(e) => return format!("{s}Not measured: {e}"),
    };
    s.push_str(
        "| key type | report median | slowest | signature median | slowest | pastes |\n\
         |---|---:|---:|---:|---:|---:|\n",
    );
    for ((_, label), p) in KEYS.iter().zip(pastes) {
        match p {
            Ok(p) => s.push_str(&format!(
                "| {label} | {:.1} ms | {:.1} ms | {:.1} ms | {:.1} ms | {} |\n",
                p.median_ms, p.max_ms, p.signed_median_ms, p.signed_max_ms, p.runs
            )),
            Err(e) => s.push_str(&format!(
                "| {label} | — | — | — | — | not measured: {e} |\n"
            )),
        }
    }
    s.trim_end().to_owned()
}
