//! Native throughput of [`certorder::csr::inspect`] (decode, parse, verify, lint) per key type.
//!
//! `cargo run --release --example inspect_throughput -- [CORPUS_DIR] [SECONDS]`
//!
//! For every key type of the benchmark corpus (`bench/fixtures/<key>.csr` by default) it warms
//! up, then calls `inspect` back to back for SECONDS (default 1.5) and prints one JSON object per
//! line: `{"key", "ops", "seconds", "ops_per_sec", "median_ns", "valid"}`, or `{"key", "error"}`
//! when the request cannot be read or its signature does not verify. `cargo xtask bench` runs
//! it and collects those lines; it is not a test.

use certorder::csr::{SignatureCheck, inspect};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The corpus, in the order the results are reported.
const KEYS: &[&str] = &[
    "rsa2048", "rsa3072", "rsa4096", "p256", "p384", "p521", "ed25519",
];

/// How long each key type runs before measuring.
const WARM_UP: Duration = Duration::from_millis(300);

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("bench/fixtures"),
        PathBuf::from,
    );
    let seconds = match args.next().map(|s| s.parse::<f64>()) {
        None => 1.5,
        Some(Ok(s)) if s > 0.0 && s.is_finite() => s,
        Some(_) => {
            eprintln!("inspect_throughput: SECONDS must be a positive number");
            std::process::exit(2);
        }
    };
    let window = Duration::from_secs_f64(seconds);
    for key in KEYS {
        let line = match measure(&dir.join(format!("{key}.csr")), window) {
            Ok(m) => serde_json::json!({
                "key": key,
                "ops": m.ops,
                "seconds": m.elapsed.as_secs_f64(),
                "ops_per_sec": m.ops as f64 / m.elapsed.as_secs_f64(),
                "median_ns": m.median_ns,
                "valid": true,
            }),
            Err(error) => serde_json::json!({ "key": key, "error": error }),
        };
        println!("{line}");
    }
}

/// What one key type measured.
struct Measurement {
    /// How many `inspect` calls ran in the window.
    ops: u64,
    /// The window's real length.
    elapsed: Duration,
    /// The median time of one call.
    median_ns: u64,
}

/// Inspects one request, failing unless its signature verifies.
fn inspect_valid(bytes: &[u8]) -> Result<(), String> {
    let inspection = inspect(black_box(bytes)).map_err(|e| e.to_string())?;
    match black_box(inspection).signature {
        SignatureCheck::Valid => Ok(()),
        other => Err(format!("signature not valid: {other:?}")),
    }
}

/// Warms up, then runs `inspect` on the file's bytes for `window`, timing every call.
fn measure(path: &Path, window: Duration) -> Result<Measurement, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    inspect_valid(&bytes)?;
    let warm = Instant::now();
    while warm.elapsed() < WARM_UP {
        inspect_valid(&bytes)?;
    }
    let mut times: Vec<u64> = Vec::with_capacity(1 << 16);
    let start = Instant::now();
    loop {
        let t = Instant::now();
        inspect_valid(&bytes)?;
        let now = Instant::now();
        times.push(u64::try_from((now - t).as_nanos()).unwrap_or(u64::MAX));
        if now - start >= window {
            let elapsed = now - start;
            times.sort_unstable();
            let median_ns = times.get(times.len() / 2).copied().unwrap_or(0);
            return Ok(Measurement {
                ops: times.len() as u64,
                elapsed,
                median_ns,
            });
        }
    }
}
