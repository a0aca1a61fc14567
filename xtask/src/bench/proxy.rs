//! `cargo xtask bench proxy [--seconds S] [--rounds N] [--connections C] [--workers W]`:
//! latency, throughput and CPU time per request of a catalog call straight to a local
//! upstream, through nginx `proxy_pass` (keepalive) and through `certorder serve`'s proxy
//! route, to the same upstream, in one run.
//!
//! The upstream is one nginx serving a fixed Realtime Register product list; the nginx proxy
//! is another nginx with `W` worker processes, and certorder runs with `W` runtime threads
//! (`TOKIO_WORKER_THREADS`), so both proxies get the same parallelism. The load generator is
//! oha (installed from crates.io when missing); nginx comes from Debian. Rounds are
//! interleaved, the order of the two proxies alternating, and the median round by
//! requests/s is reported, since the machine is shared. The table goes into BENCHMARKS.md
//! between its markers.

mod oha;
mod processes;
mod report;
mod site;

use std::process::{Command, Stdio};

use crate::run::{command, status};
use crate::setup;
use crate::{Result, root};
use oha::Load;
use processes::{Running, cpu_seconds, load_average, spawn, wait_for};

const UPSTREAM_PORT: u16 = 18781;
const NGINX_PORT: u16 = 18782;
const CERTORDER_PORT: u16 = 18783;

/// How long, how often, how hard.
struct Options {
    seconds: u32,
    rounds: u32,
    connections: u32,
    workers: u32,
}

fn options(args: &[String]) -> Result<Options> {
    let mut o = Options {
        seconds: 5,
        rounds: 5,
        connections: 16,
        workers: 2,
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
            "--workers" => o.workers = value,
            _ => {
                return Err(format!(
                    "usage: cargo xtask bench proxy [--seconds S] [--rounds N] [--connections C] [--workers W] (unknown {arg:?})"
                ));
            }
        }
    }
    Ok(o)
}

/// One route in one round: what oha saw, and the CPU time per request of the upstream and
/// of the proxy in front of it (µs, from /proc).
#[derive(Debug, Clone, Copy)]
struct Figures {
    load: Load,
    upstream_cpu_us: Option<f64>,
    proxy_cpu_us: Option<f64>,
}

/// A route: its name, URL and the proxy process in front of the upstream (none: direct).
struct Route<'a> {
    name: &'static str,
    url: String,
    proxy: Option<&'a Running>,
}

/// Runs the benchmark.
pub(crate) fn run(args: &[String]) -> Result {
    let o = options(args)?;
    let root = root();
    let path = setup::tools_path();
    processes::tools(&root, &path)?;
    status(command("cargo", &root, &path).args([
        "build",
        "--quiet",
        "--profile",
        "native",
        "-p",
        "certorder-server",
    ]))?;
    let dir = std::env::temp_dir().join(format!("certorder-bench-proxy-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("logs")).map_err(|e| format!("{}: {e}", dir.display()))?;
    let size = site::write(&dir, UPSTREAM_PORT, NGINX_PORT, o.workers)?;
    let nginx = |conf: &str, name: &'static str| {
        spawn(
            Command::new("nginx").arg("-p").arg(&dir).args(["-c", conf]),
            name,
        )
    };
    let upstream = nginx("upstream.conf", "the upstream nginx")?;
    let proxy = nginx("proxy.conf", "nginx proxy_pass")?;
    let key = "YmVuY2gvYmVuY2gta2V5"; // base64 of "bench/bench-key": a customer handle and a key
    let certorder = root.join("target").join("native").join("certorder");
    let serve = spawn(
        Command::new(&certorder)
            .args(["serve", "--listen", &format!("127.0.0.1:{CERTORDER_PORT}")])
            .env(
                "CERTORDER_REALTIMEREGISTER_BASE_URL",
                format!("http://127.0.0.1:{UPSTREAM_PORT}"),
            )
            .env("CERTORDER_REALTIMEREGISTER_API_KEY", key)
            .env("CERTORDER_TOKEN_SECRET", "bench")
            .env("CERTORDER_DIST", dir.join("no-widget"))
            .env("TOKIO_WORKER_THREADS", o.workers.to_string())
            .stderr(Stdio::null()),
        "certorder serve",
    )?;
    for port in [UPSTREAM_PORT, NGINX_PORT, CERTORDER_PORT] {
        wait_for(port)?;
    }
    let catalog = site::CATALOG;
    let routes = [
        Route {
            name: "direct to the upstream",
            url: format!("http://127.0.0.1:{UPSTREAM_PORT}{catalog}"),
            proxy: None,
        },
        Route {
            name: "nginx proxy_pass",
            url: format!("http://127.0.0.1:{NGINX_PORT}/api/realtimeregister{catalog}"),
            proxy: Some(&proxy),
        },
        Route {
            name: "certorder serve",
            url: format!("http://127.0.0.1:{CERTORDER_PORT}/api/realtimeregister{catalog}"),
            proxy: Some(&serve),
        },
    ];
    let json_flag = oha::json_flag(&path);
    for route in &routes {
        oha::check_ok(&route.url)?;
        oha::run(&path, &json_flag, &route.url, 1, o.connections)?;
    }
    let load_before = load_average();
    let mut results: Vec<Vec<Figures>> = vec![Vec::new(); routes.len()];
    for round in 0..o.rounds {
        // The two proxies take turns at going first, so a trend in the machine's load
        // falls on both alike.
        let order: [usize; 3] = if round % 2 == 0 { [0, 1, 2] } else { [0, 2, 1] };
        for i in order {
            let route = &routes[i];
            let cpu = |p: Option<&Running>| p.and_then(|p| cpu_seconds(p.id()));
            let before = (cpu(Some(&upstream)), cpu(route.proxy));
            let load = oha::run(&path, &json_flag, &route.url, o.seconds, o.connections)?;
            let after = (cpu(Some(&upstream)), cpu(route.proxy));
            let per_request =
                |a: Option<f64>, b: Option<f64>| Some((b? - a?) / load.requests.max(1.0) * 1e6);
            let f = Figures {
                load,
                upstream_cpu_us: per_request(before.0, after.0),
                proxy_cpu_us: per_request(before.1, after.1),
            };
            eprintln!(
                "round {}: {}: {:.0} req/s, p50 {:.3} ms, p99 {:.3} ms, CPU µs/request upstream {:.0}, proxy {:.0}",
                round + 1,
                route.name,
                load.rps,
                load.p50_ms,
                load.p99_ms,
                f.upstream_cpu_us.unwrap_or(f64::NAN),
                f.proxy_cpu_us.unwrap_or(f64::NAN),
            );
            results[i].push(f);
        }
    }
    let load_after = load_average();
    let medians: Vec<Figures> = results.iter().map(|r| median(r)).collect();
    let run = report::Run {
        seconds: o.seconds,
        rounds: o.rounds,
        connections: o.connections,
        workers: o.workers,
        size,
        load: (load_before, load_after),
    };
    let table = report::render(&run, &routes.map(|r| r.name), &medians, &path);
    println!("{table}");
    let _ = std::fs::remove_dir_all(&dir);
    report::write(&root, &table)
}

/// The median round by requests/s.
fn median(rounds: &[Figures]) -> Figures {
    let mut sorted = rounds.to_vec();
    sorted.sort_by(|a, b| a.load.rps.total_cmp(&b.load.rps));
    sorted.get(sorted.len() / 2).copied().unwrap_or(Figures {
        load: Load {
            rps: 0.0,
            requests: 0.0,
            p50_ms: 0.0,
            p99_ms: 0.0,
        },
        upstream_cpu_us: None,
        proxy_cpu_us: None,
    })
}
