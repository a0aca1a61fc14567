//! The proxy benchmark's Markdown table, and its place in BENCHMARKS.md.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use super::Figures;
use super::site::CATALOG;
use crate::Result;
use crate::run::{command, output};

const START: &str = "<!-- bench-proxy:start -->";
const END: &str = "<!-- bench-proxy:end -->";

/// How the run was made.
pub(super) struct Run {
    pub(super) seconds: u32,
    pub(super) rounds: u32,
    pub(super) connections: u32,
    pub(super) workers: u32,
    pub(super) size: usize,
    /// The load average before and after the rounds.
    pub(super) load: (String, String),
}

fn version(bin: &str, arg: &str, path: &[PathBuf]) -> String {
    // nginx prints its version on standard error: an empty standard output is no answer.
    output(command(bin, Path::new("."), path).arg(arg))
        .filter(|out| !out.trim().is_empty())
        .or_else(|| {
            Command::new(bin)
                .arg(arg)
                .output()
                .ok()
                .map(|o| String::from_utf8_lossy(&o.stderr).into_owned())
        })
        .unwrap_or_default()
        .lines()
        .next()
        .unwrap_or_default()
        .trim()
        .to_owned()
}

fn cpu(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_owned(), |v| format!("{v:.0}"))
}

/// The section between the markers: how it was measured, the table, the ratios.
pub(super) fn render(run: &Run, names: &[&str; 3], f: &[Figures], path: &[PathBuf]) -> String {
    let mut t = String::new();
    let _ = writeln!(t, "{START}");
    let _ = writeln!(
        t,
        "Catalog call (`GET {CATALOG}`, {} bytes of JSON), {} connections, {} s per route per round, {} interleaved rounds, median round; {} nginx workers and {} certorder runtime threads; {}, {}; load average {} before, {} after.\n",
        run.size,
        run.connections,
        run.seconds,
        run.rounds,
        run.workers,
        run.workers,
        version("oha", "--version", path),
        version("nginx", "-v", path),
        run.load.0,
        run.load.1,
    );
    let _ = writeln!(
        t,
        "| route | requests/s | × direct | p50 ms | p99 ms | added p50 ms | added p99 ms | upstream CPU µs/request | proxy CPU µs/request |"
    );
    let _ = writeln!(t, "|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    let direct = f[0].load;
    for (name, x) in names.iter().zip(f) {
        let l = x.load;
        let _ = writeln!(
            t,
            "| {name} | {:.0} | {:.2} | {:.3} | {:.3} | {:+.3} | {:+.3} | {} | {} |",
            l.rps,
            l.rps / direct.rps.max(1e-9),
            l.p50_ms,
            l.p99_ms,
            l.p50_ms - direct.p50_ms,
            l.p99_ms - direct.p99_ms,
            cpu(x.upstream_cpu_us),
            cpu(x.proxy_cpu_us),
        );
    }
    let (n, c) = (f[1].load, f[2].load);
    // A ratio of added latencies means something only when nginx added some: on a busy
    // machine the direct route's p99 can come out above a proxy's.
    let added = |c: f64, n: f64| {
        if n > 0.0 && c > 0.0 {
            format!("{:.2}×", c / n)
        } else {
            "not comparable (an added latency ≤ 0 in this run)".to_owned()
        }
    };
    let _ = write!(
        t,
        "\ncertorder ÷ nginx: throughput {:.2}×, added p50 {}, added p99 {}",
        c.rps / n.rps.max(1e-9),
        added(c.p50_ms - direct.p50_ms, n.p50_ms - direct.p50_ms),
        added(c.p99_ms - direct.p99_ms, n.p99_ms - direct.p99_ms),
    );
    if let (Some(nc), Some(cc)) = (f[1].proxy_cpu_us, f[2].proxy_cpu_us) {
        let _ = write!(t, ", CPU time per request {:.2}×", cc / nc.max(1e-9));
    }
    let _ = writeln!(t, ".");
    let _ = write!(t, "{END}");
    t
}

/// Replaces the section between the markers in BENCHMARKS.md (or appends one).
pub(super) fn write(root: &Path, table: &str) -> Result {
    let file = root.join("BENCHMARKS.md");
    let text = std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
    let updated = match (text.find(START), text.find(END)) {
        (Some(a), Some(b)) if a < b => format!("{}{table}{}", &text[..a], &text[b + END.len()..]),
        _ => format!("{}\n## Proxy route\n\n{table}\n", text.trim_end()),
    };
    std::fs::write(&file, updated).map_err(|e| format!("{}: {e}", file.display()))
}
