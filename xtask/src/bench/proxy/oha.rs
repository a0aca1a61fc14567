//! Running the load generator, oha, and reading its JSON summary.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::Result;
use crate::run::{command, output};

/// What oha measured on one route in one round.
#[derive(Debug, Clone, Copy)]
pub(super) struct Load {
    /// Requests per second.
    pub(super) rps: f64,
    /// Requests answered.
    pub(super) requests: f64,
    /// Median latency, ms.
    pub(super) p50_ms: f64,
    /// 99th percentile latency, ms.
    pub(super) p99_ms: f64,
}

/// The flag that makes this oha print JSON (it changed between versions).
pub(super) fn json_flag(path: &[PathBuf]) -> Vec<&'static str> {
    let help = output(command("oha", Path::new("."), path).arg("--help")).unwrap_or_default();
    if help.contains("--output-format") {
        vec!["--output-format", "json"]
    } else {
        vec!["--json"]
    }
}

/// Fails unless `url` answers 200 (checked with curl when there is one).
pub(super) fn check_ok(url: &str) -> Result {
    let out = Command::new("curl")
        .args(["-s", "-o", "/dev/null", "-w", "%{http_code}", url])
        .output();
    match out {
        Ok(out) if out.stdout == b"200" => Ok(()),
        Ok(out) => Err(format!(
            "{url} answered {}",
            String::from_utf8_lossy(&out.stdout)
        )),
        // Without curl, oha's own status counts below still show a failing route.
        Err(_) => Ok(()),
    }
}

/// Loads `url` for `seconds` over `connections` keep-alive connections.
pub(super) fn run(
    path: &[PathBuf],
    json_flag: &[&str],
    url: &str,
    seconds: u32,
    connections: u32,
) -> Result<Load> {
    let text = output(
        command("oha", Path::new("."), path)
            .args([
                "--no-tui",
                "-z",
                &format!("{seconds}s"),
                "-c",
                &connections.to_string(),
            ])
            .args(json_flag)
            .arg(url),
    )
    .ok_or_else(|| format!("oha failed on {url}"))?;
    parse(&text, url)
}

/// The figures of oha's JSON summary; every answer must have been a 200, since a proxy
/// that fails fast would look fast.
fn parse(text: &str, url: &str) -> Result<Load> {
    let number = |scope: &str, key: &str| -> Result<f64> {
        let from = text
            .find(scope)
            .ok_or_else(|| format!("oha output has no {scope}"))?;
        let rest = text.get(from..).unwrap_or_default();
        let at = rest
            .find(&format!("\"{key}\""))
            .ok_or_else(|| format!("oha output has no {key}"))?;
        let value = rest
            .get(at + key.len() + 2..)
            .unwrap_or_default()
            .trim_start()
            .trim_start_matches(':')
            .trim_start();
        let end = value.find([',', '}']).unwrap_or(value.len());
        value[..end]
            .trim()
            .parse::<f64>()
            .map_err(|_| format!("oha's {key} is not a number"))
    };
    let codes = text
        .find("\"statusCodeDistribution\"")
        .map(|i| &text[i..])
        .unwrap_or_default();
    let codes = codes
        .get(..codes.find('}').unwrap_or(codes.len()))
        .unwrap_or_default();
    let statuses: Vec<&str> = codes.split('"').skip(3).step_by(2).collect();
    if statuses
        .iter()
        .any(|c| *c != "200" && !c.is_empty() && c.chars().all(|c| c.is_ascii_digit()))
    {
        return Err(format!("{url}: not every answer was 200 ({codes})"));
    }
    let rps = number("\"summary\"", "requestsPerSec")?;
    let ok = codes
        .split("\"200\"")
        .nth(1)
        .map(|rest| rest.trim_start().trim_start_matches(':').trim_start())
        .and_then(|rest| rest.split([',', '}']).next())
        .and_then(|n| n.trim().parse::<f64>().ok())
        .unwrap_or(0.0);
    Ok(Load {
        rps,
        requests: ok,
        p50_ms: number("\"latencyPercentiles\"", "p50")? * 1000.0,
        p99_ms: number("\"latencyPercentiles\"", "p99")? * 1000.0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    // Guards: oha's figures are read, and a route with a non-200 answer fails the run.
    #[test]
    fn reads_oha_json() {
        let good = r#"{"summary":{"successRate":1.0,"requestsPerSec":1234.5},"latencyPercentiles":{"p10":0.0001,"p50":0.0005,"p99":0.002},"statusCodeDistribution":{"200":6172}}"#;
        let load = parse(good, "u").expect("figures");
        assert!((load.rps - 1234.5).abs() < 1e-9);
        assert!((load.p50_ms - 0.5).abs() < 1e-9 && (load.p99_ms - 2.0).abs() < 1e-9);
        assert!((load.requests - 6172.0).abs() < 1e-9);
        let bad = good.replace(r#"{"200":6172}"#, r#"{"200":6000,"502":172}"#);
        assert!(parse(&bad, "u").is_err());
    }
}
