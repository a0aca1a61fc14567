//! The paste part of `cargo xtask bench`: from the input event of a pasted CSR to the report
//! painted, in the real widget (dist/ from the size part) in headless Chromium
//! (bench/browser/paste.mjs).

use super::json::Object;
use super::{KEYS, lines, npm_ci};
use crate::Result;
use crate::run::command;
use std::path::{Path, PathBuf};

/// Paste-to-report figures of one key type.
#[derive(Debug, Clone, Copy)]
pub(super) struct Paste {
    pub(super) runs: f64,
    /// The display's frame interval the page measured, in milliseconds.
    pub(super) frame_interval_ms: f64,
    /// The report in the DOM, its signature still being checked by WebCrypto.
    pub(super) report: Change,
    /// The signature's outcome in the DOM.
    pub(super) signed: Change,
}

/// When one change of the page happened after the paste's input event, over all the pastes.
#[derive(Debug, Clone, Copy)]
pub(super) struct Change {
    /// Event to the change in the DOM, median and slowest, in milliseconds.
    pub(super) dom_median_ms: f64,
    pub(super) dom_max_ms: f64,
    /// Event to the frame that showed it, median and slowest, in milliseconds.
    pub(super) shown_median_ms: f64,
    pub(super) shown_max_ms: f64,
    /// The latest frame that showed it, counted from the paste (1: the first frame after it).
    pub(super) frame_max: f64,
    /// How many pastes had it in the first frame after the event.
    pub(super) first_frame: f64,
}

impl Change {
    fn read(o: &Object, prefix: &str) -> Option<Self> {
        let num = |name: &str| o.num(&format!("{prefix}{name}"));
        Some(Self {
            dom_median_ms: num("dom_median_ms")?,
            dom_max_ms: num("dom_max_ms")?,
            shown_median_ms: num("shown_median_ms")?,
            shown_max_ms: num("shown_max_ms")?,
            frame_max: num("frame_max")?,
            first_frame: num("first_frame")?,
        })
    }
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
                o.num("frame_interval_ms"),
                Change::read(o, ""),
                Change::read(o, "signed_"),
            ) {
                (Some(runs), Some(frame_interval_ms), Some(report), Some(signed)) => Ok(Paste {
                    runs,
                    frame_interval_ms,
                    report,
                    signed,
                }),
                _ => Err("no figure reported".to_owned()),
            }
        })
        .collect())
}

/// The paste-to-report times as a Markdown table.
pub(super) fn render(pastes: &Result<Pastes>, runs: &str) -> String {
    let interval = pastes.iter().flatten().flatten().next().map_or_else(
        || "not measured".to_owned(),
        |p| format!("{:.1} ms", p.frame_interval_ms),
    );
    let mut s = format!(
        "### Paste to report in the widget (headless Chromium, {runs} pastes per key type)\n\n\
         The paste's `input` event is dispatched in a task between two frames, as a real paste \
         arrives. *In the DOM*: from the event to the report's verdict in the page (everything \
         but the signature, still \"checking\": the widget's own work) and to the signature's \
         outcome in it (WebCrypto has answered; every measured paste is checked anew). *Frame*: \
         which display frame after the paste first showed it, by the frames' timestamps (1 is \
         the first frame after the event: shown within one frame); *first frame* counts the \
         pastes shown there. *To the frame*: from the event to that frame's \
         `requestAnimationFrame` callback, mostly the wait for the display's next refresh (one \
         frame: {interval}). bench/browser/paste.mjs on the release build above.\n\n"
    );
    let pastes = match pastes {
        Ok(p) => p,
        Err(e) => return format!("{s}Not measured: {e}"),
    };
    s.push_str(
        "| key type | report in the DOM: median | slowest | signature in the DOM: median | \
         slowest | latest frame (report / signature) | first frame (report / signature) | \
         to the signature's frame: median | slowest |\n\
         |---|---:|---:|---:|---:|---:|---:|---:|---:|\n",
    );
    for ((_, label), p) in KEYS.iter().zip(pastes) {
        match p {
            Ok(p) => s.push_str(&format!(
                "| {label} | {:.1} ms | {:.1} ms | {:.1} ms | {:.1} ms | {} / {} | {} / {} of {} | \
                 {:.1} ms | {:.1} ms |\n",
                p.report.dom_median_ms,
                p.report.dom_max_ms,
                p.signed.dom_median_ms,
                p.signed.dom_max_ms,
                p.report.frame_max,
                p.signed.frame_max,
                p.report.first_frame,
                p.signed.first_frame,
                p.runs,
                p.signed.shown_median_ms,
                p.signed.shown_max_ms,
            )),
            Err(e) => s.push_str(&format!(
                "| {label} | — | — | — | — | — | — | — | not measured: {e} |\n"
            )),
        }
    }
    s.trim_end().to_owned()
}
