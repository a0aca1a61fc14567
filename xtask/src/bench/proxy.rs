//! `cargo xtask bench proxy [--seconds S] [--rounds N] [--connections C]`: latency and
//! throughput of a catalog call straight to a local upstream, through `certorder serve`'s
//! proxy route, and through nginx `proxy_pass` (keepalive) to the same upstream, in one run.
//!
//! The upstream is nginx serving a fixed Realtime Register product list. The load generator
//! is oha (installed from crates.io when missing); nginx comes from Debian. Rounds are
//! interleaved (direct, nginx, certorder, direct, …) and the median round is reported, since
//! the machine is shared. The table goes into BENCHMARKS.md between its markers.

use std::fmt::Write as _;
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::run::{command, output, status};
use crate::setup;
use crate::{Result, root};

const START: &str = "<!-- bench-proxy:start -->";
const END: &str = "<!-- bench-proxy:end -->";
const UPSTREAM_PORT: u16 = 18781;
const NGINX_PORT: u16 = 18782;
const CERTORDER_PORT: u16 = 18783;
const CATALOG: &str = "/v2/ssl/products";

/// A child process killed when dropped.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// One measured route.
#[derive(Debug, Clone, Copy)]
struct Figures {
    rps: f64,
    p50_ms: f64,
    p99_ms: f64,
}

struct Options {
    seconds: u32,
    rounds: u32,
    connections: u32,
}

fn options(args: &[String]) -> Result<Options> {
    let mut o = Options {
        seconds: 5,
        rounds: 3,
        connections: 16,
    };
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let value = args
            .next()
            .and_then(|v| v.parse::<u32>().ok())
            .filter(|n| *n > 0)
            .ok_or_else(|| format!("{arg} needs a positive whole number"))?;
        match arg.as_str() {
            "--seconds" => o.seconds = value,
            "--rounds" => o.rounds = value,
            "--connections" => o.connections = value,
            _ => {
                return Err(format!(
                    "usage: cargo xtask bench proxy [--seconds S] [--rounds N] [--connections C] (unknown {arg:?})"
                ));
            }
        }
    }
    Ok(o)
}

/// Runs the benchmark.
pub(crate) fn run(args: &[String]) -> Result {
    let o = options(args)?;
    let root = root();
    let path = setup::tools_path();
    tools(&root, &path)?;
    status(command("cargo", &root, &path).args([
        "build",
        "--quiet",
        "--profile",
        "serve",
        "-p",
        "certorder-server",
    ]))?;
    let dir = std::env::temp_dir().join(format!("certorder-bench-proxy-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("logs")).map_err(|e| format!("{}: {e}", dir.display()))?;
    let size = write_site(&dir)?;
    let _nginx = spawn(
        Command::new("nginx")
            .args(["-p"])
            .arg(&dir)
            .args(["-c", "nginx.conf"]),
        "nginx",
    )?;
    let key = "YmVuY2gvYmVuY2gta2V5"; // base64 of "bench/bench-key": a customer handle and a key
    let certorder = root.join("target").join("serve").join("certorder");
    let _serve = spawn(
        Command::new(&certorder)
            .args(["serve", "--listen", &format!("127.0.0.1:{CERTORDER_PORT}")])
            .env(
                "CERTORDER_REALTIMEREGISTER_BASE_URL",
                format!("http://127.0.0.1:{UPSTREAM_PORT}"),
            )
            .env("CERTORDER_REALTIMEREGISTER_API_KEY", key)
            .env("CERTORDER_TOKEN_SECRET", "bench")
            .env("CERTORDER_DIST", dir.join("no-widget"))
            .stderr(Stdio::null()),
        "certorder serve",
    )?;
    for port in [UPSTREAM_PORT, NGINX_PORT, CERTORDER_PORT] {
        wait_for(port)?;
    }
    let routes = [
        (
            "direct to the upstream",
            format!("http://127.0.0.1:{UPSTREAM_PORT}{CATALOG}"),
        ),
        (
            "nginx proxy_pass",
            format!("http://127.0.0.1:{NGINX_PORT}/api/realtimeregister{CATALOG}"),
        ),
        (
            "certorder serve",
            format!("http://127.0.0.1:{CERTORDER_PORT}/api/realtimeregister{CATALOG}"),
        ),
    ];
    let json_flag = oha_json_flag(&path);
    for (_, url) in &routes {
        check_ok(url)?;
        oha(&path, &json_flag, url, 1, o.connections)?;
    }
    let mut results: Vec<Vec<Figures>> = vec![Vec::new(); routes.len()];
    for round in 0..o.rounds {
        for (i, (name, url)) in routes.iter().enumerate() {
            let f = oha(&path, &json_flag, url, o.seconds, o.connections)?;
            eprintln!(
                "round {}: {name}: {:.0} req/s, p50 {:.3} ms, p99 {:.3} ms",
                round + 1,
                f.rps,
                f.p50_ms,
                f.p99_ms
            );
            results[i].push(f);
        }
    }
    let medians: Vec<Figures> = results.iter().map(|r| median(r)).collect();
    let table = render(&o, size, &routes.map(|(n, _)| n), &medians, &path);
    println!("{table}");
    let _ = std::fs::remove_dir_all(&dir);
    write_report(&root, &table)
}

fn tools(root: &Path, path: &[PathBuf]) -> Result {
    let have = |bin: &str, arg: &str| output(command(bin, root, path).arg(arg)).is_some();
    if !have("nginx", "-v") && output(Command::new("nginx").arg("-v")).is_none() {
        setup::apt_install(&["nginx"])?;
    }
    if !have("oha", "--version") {
        // oha 1.x declares rust-version 1.88, within the project's 1.95.
        status(command("cargo", root, path).args(["install", "--locked", "oha"]))?;
    }
    Ok(())
}

fn spawn(cmd: &mut Command, name: &'static str) -> Result<Running> {
    cmd.stdout(Stdio::null())
        .spawn()
        .map(Running)
        .map_err(|e| format!("cannot start {name}: {e}"))
}

fn wait_for(port: u16) -> Result {
    let until = Instant::now() + Duration::from_secs(20);
    while Instant::now() < until {
        if TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Err(format!("nothing listens on 127.0.0.1:{port}"))
}

/// The upstream's answer, a product list in Realtime Register's shape, and nginx's
/// configuration: the static upstream and the reverse proxy with keepalive to it.
fn write_site(dir: &Path) -> Result<usize> {
    let products: Vec<String> = (0..20)
        .map(|i| {
            format!(
                r#"{{"product":"sectigo_dv_{i}","brand":"Sectigo","name":"Sectigo DV {i}","validationType":"DOMAIN_VALIDATION","certificateType":"SINGLE_DOMAIN","features":["REISSUE"],"periods":[12,24],"requiredFields":["approver","dcv"],"optionalFields":[],"includedDomains":1,"maxDomains":1}}"#
            )
        })
        .collect();
    let body = format!(
        r#"{{"entities":[{}],"pagination":{{"total":20,"offset":0,"limit":20}}}}"#,
        products.join(",")
    );
    let site = dir.join("site").join("v2").join("ssl");
    std::fs::create_dir_all(&site).map_err(|e| e.to_string())?;
    let size = body.len();
    std::fs::write(site.join("products"), body).map_err(|e| e.to_string())?;
    let conf = format!(
        r#"worker_processes auto;
daemon off;
error_log logs/error.log warn;
pid logs/nginx.pid;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    keepalive_requests 100000;
    default_type application/json;
    upstream catalog {{
        server 127.0.0.1:{UPSTREAM_PORT};
        keepalive 32;
    }}
    server {{
        listen 127.0.0.1:{UPSTREAM_PORT};
        root {root};
        location / {{ try_files $uri =404; }}
    }}
    server {{
        listen 127.0.0.1:{NGINX_PORT};
        location /api/realtimeregister/ {{
            proxy_pass http://catalog/;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
        }}
    }}
}}
"#,
        root = dir.join("site").display()
    );
    std::fs::write(dir.join("nginx.conf"), conf).map_err(|e| e.to_string())?;
    Ok(size)
}

fn oha_json_flag(path: &[PathBuf]) -> Vec<&'static str> {
    let help = output(command("oha", Path::new("."), path).arg("--help")).unwrap_or_default();
    if help.contains("--output-format") {
        vec!["--output-format", "json"]
    } else {
        vec!["--json"]
    }
}

fn check_ok(url: &str) -> Result {
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

fn oha(
    path: &[PathBuf],
    json_flag: &[&str],
    url: &str,
    seconds: u32,
    connections: u32,
) -> Result<Figures> {
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
    // Every answer must be a 200: a proxy that fails fast would look fast.
    let codes = text
        .find("\"statusCodeDistribution\"")
        .map(|i| &text[i..])
        .unwrap_or_default();
    let codes = codes
        .get(..codes.find('}').unwrap_or(codes.len()))
        .unwrap_or_default();
    if codes.contains('"')
        && codes
            .split('"')
            .skip(3)
            .step_by(2)
            .any(|c| c != "200" && c.chars().all(|c| c.is_ascii_digit()) && !c.is_empty())
    {
        return Err(format!("{url}: not every answer was 200 ({codes})"));
    }
    Ok(Figures {
        rps: number("\"summary\"", "requestsPerSec")?,
        p50_ms: number("\"latencyPercentiles\"", "p50")? * 1000.0,
        p99_ms: number("\"latencyPercentiles\"", "p99")? * 1000.0,
    })
}

fn median(rounds: &[Figures]) -> Figures {
    let mut sorted = rounds.to_vec();
    sorted.sort_by(|a, b| a.rps.total_cmp(&b.rps));
    sorted.get(sorted.len() / 2).copied().unwrap_or(Figures {
        rps: 0.0,
        p50_ms: 0.0,
        p99_ms: 0.0,
    })
}

fn render(o: &Options, size: usize, names: &[&str; 3], f: &[Figures], path: &[PathBuf]) -> String {
    let version = |bin: &str, arg: &str| {
        output(command(bin, Path::new("."), path).arg(arg))
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
    };
    let mut t = String::new();
    let _ = writeln!(t, "{START}");
    let _ = writeln!(
        t,
        "Catalog call (`GET {CATALOG}`, {size} bytes of JSON), {} connections, {} s per route per round, {} interleaved rounds, median round; {}, {}.\n",
        o.connections,
        o.seconds,
        o.rounds,
        version("oha", "--version"),
        version("nginx", "-v")
    );
    let _ = writeln!(
        t,
        "| route | requests/s | × direct | p50 ms | p99 ms | added p50 ms | added p99 ms |"
    );
    let _ = writeln!(t, "|---|---:|---:|---:|---:|---:|---:|");
    let direct = f[0];
    for (name, x) in names.iter().zip(f) {
        let _ = writeln!(
            t,
            "| {name} | {:.0} | {:.2} | {:.3} | {:.3} | {:+.3} | {:+.3} |",
            x.rps,
            x.rps / direct.rps.max(1e-9),
            x.p50_ms,
            x.p99_ms,
            x.p50_ms - direct.p50_ms,
            x.p99_ms - direct.p99_ms
        );
    }
    let (n, c) = (f[1], f[2]);
    let _ = writeln!(
        t,
        "\ncertorder ÷ nginx: throughput {:.2}×, added p50 {:.2}×, added p99 {:.2}×.",
        c.rps / n.rps.max(1e-9),
        (c.p50_ms - direct.p50_ms) / (n.p50_ms - direct.p50_ms).max(1e-9),
        (c.p99_ms - direct.p99_ms) / (n.p99_ms - direct.p99_ms).max(1e-9)
    );
    let _ = write!(t, "{END}");
    t
}

fn write_report(root: &Path, table: &str) -> Result {
    let file = root.join("BENCHMARKS.md");
    let text = std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
    let updated = match (text.find(START), text.find(END)) {
        (Some(a), Some(b)) if a < b => format!("{}{table}{}", &text[..a], &text[b + END.len()..]),
        _ => format!("{}\n## Proxy route\n\n{table}\n", text.trim_end()),
    };
    std::fs::write(&file, updated).map_err(|e| format!("{}: {e}", file.display()))
}
