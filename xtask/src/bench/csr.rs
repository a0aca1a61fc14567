//! The CSR parts of `cargo xtask bench`: `inspect` natively (examples/inspect_throughput.rs)
//! and in headless Chromium next to @peculiar/x509 (bench/browser/), read from the JSON
//! lines both print.

use std::path::{Path, PathBuf};

use super::json::Object;
use super::{KEYS, lines, npm_ci, target_dir};
use crate::Result;
use crate::run::{command, status};

/// One measured engine on one key type.
#[derive(Debug, Clone, Copy)]
pub(super) struct Rate {
    pub(super) ops_per_sec: f64,
    pub(super) median_ns: f64,
}

/// Per key type (in [`KEYS`] order): a rate or why there is none.
pub(super) type Rates = Vec<std::result::Result<Rate, String>>;

/// What the browser part measured.
#[derive(Debug)]
pub(super) struct Browser {
    pub(super) certorder: Rates,
    pub(super) peculiar: Rates,
    /// Only certorder's WebCrypto calls, the request read once beforehand.
    pub(super) webcrypto: Rates,
}

/// The rate on one line, or its error.
fn rate(o: &Object) -> std::result::Result<Rate, String> {
    if let Some(error) = o.str("error") {
        return Err(error);
    }
    match (o.num("ops_per_sec"), o.num("median_ns")) {
        (Some(ops_per_sec), Some(median_ns)) => Ok(Rate {
            ops_per_sec,
            median_ns,
        }),
        _ => Err("no figure reported".to_owned()),
    }
}

/// Picks, for every key type, the line of `engine` (any line when None).
fn rates(objects: &[Object], engine: Option<&str>) -> Rates {
    KEYS.iter()
        .map(|(key, _)| {
            objects
                .iter()
                .find(|o| {
                    o.str("key").as_deref() == Some(key)
                        && engine.is_none_or(|e| o.str("engine").as_deref() == Some(e))
                })
                .map_or_else(|| Err("not reported".to_owned()), rate)
        })
        .collect()
}

pub(super) fn native(root: &Path, path: &[PathBuf], seconds: &str) -> Result<Rates> {
    eprintln!("bench: native inspect, {seconds} s per key type");
    let fixtures = root.join("bench").join("fixtures");
    let out = lines(command("cargo", root, path).args([
        "run",
        "--quiet",
        "--profile",
        "native",
        "--package",
        "certorder",
        "--example",
        "inspect_throughput",
        "--",
        &fixtures.to_string_lossy(),
        seconds,
    ]))?;
    let objects: Vec<Object> = out.iter().filter_map(|l| Object::parse(l)).collect();
    Ok(rates(&objects, None))
}

pub(super) fn browser(root: &Path, path: &[PathBuf], rounds: &str) -> Result<Browser> {
    eprintln!("bench: certorder (wasm) and @peculiar/x509 in headless Chromium");
    let target = target_dir(root);
    status(command("cargo", root, path).args([
        "build",
        "--release",
        "--target",
        "wasm32-unknown-unknown",
        "--package",
        "certorder-bench-wasm",
    ]))?;
    let wasm = target
        .join("wasm32-unknown-unknown")
        .join("release")
        .join("certorder_bench_wasm.wasm");
    let pkg = target.join("bench").join("pkg");
    status(
        command("wasm-bindgen", root, path)
            .args(["--target", "web", "--out-dir"])
            .arg(&pkg)
            .arg(&wasm),
    )?;
    // The same optimisation trunk applies to the widget (data-wasm-opt="z" in index.html).
    let bg = pkg.join("certorder_bench_wasm_bg.wasm");
    status(
        command("wasm-opt", root, path)
            .arg("-Oz")
            .arg(format!("--output={}", bg.display()))
            .arg(&bg),
    )?;
    npm_ci(&root.join("bench"), path)?;
    let out = lines(
        command("node", root, path)
            .arg(root.join("bench").join("browser").join("bench.mjs"))
            .arg("--pkg")
            .arg(&pkg)
            .arg("--out")
            .arg(target.join("bench").join("site"))
            .args(["--rounds", rounds]),
    )?;
    let objects: Vec<Object> = out.iter().filter_map(|l| Object::parse(l)).collect();
    Ok(Browser {
        certorder: rates(&objects, Some("certorder")),
        peculiar: rates(&objects, Some("peculiar")),
        webcrypto: rates(&objects, Some("webcrypto")),
    })
}

/// Operations per second, rounded to three significant figures.
pub(super) fn ops(rate: &std::result::Result<Rate, String>) -> String {
    match rate {
        Ok(r) => {
            let digits = r.ops_per_sec.max(1.0).log10().floor() as i32;
            let unit = 10f64.powi((digits - 2).max(0));
            format!("{}", (r.ops_per_sec / unit).round() * unit)
        }
        Err(_) => "—".to_owned(),
    }
}

/// A median time per operation, in µs below a millisecond, else in ms.
pub(super) fn micros(rate: &std::result::Result<Rate, String>) -> String {
    match rate {
        Ok(r) if r.median_ns >= 1e6 => format!("{:.2} ms", r.median_ns / 1e6),
        Ok(r) => format!("{:.0} µs", r.median_ns / 1e3),
        Err(_) => "—".to_owned(),
    }
}
