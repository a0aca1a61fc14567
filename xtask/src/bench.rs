//! `cargo xtask bench [native] [browser] [size] [paste] [--seconds S] [--rounds N] [--runs N]`:
//! benchmarks, never part of the tests.
//!
//! - native: `inspect` (decode, parse, verify, lint) per key type in the `native` profile, the
//!   one native binaries ship with (examples/inspect_throughput.rs on bench/fixtures/*.csr);
//! - browser: the same corpus in headless Chromium through certorder compiled to wasm
//!   (bench/wasm) and through @peculiar/x509, interleaved in one page (bench/browser/);
//! - size: every file of the whole widget's page and of the CSR checker alone
//!   (`trunk build --release`), raw, gzip -9 and brotli -q 11, and what each wasm is made of
//!   (twiggy), see [`size`];
//! - paste: from a paste's input event to the report painted, in that build ([`paste`]).
//!
//! With no part named it runs all four, prints the Markdown table and writes it into
//! BENCHMARKS.md between the `bench:start` and `bench:end` markers. A part that cannot be
//! measured is reported as such, and the command then fails after writing the file.

mod json;
mod paste;
mod proxy;
mod size;

use self::json::Object;
use crate::run::{command, output, status};
use crate::setup::{self, Need};
use crate::{Result, root};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Stdio;

/// The corpus, in the order the results are reported: (file stem, label).
pub(crate) const KEYS: &[(&str, &str)] = &[
    ("rsa2048", "RSA 2048"),
    ("rsa3072", "RSA 3072"),
    ("rsa4096", "RSA 4096"),
    ("p256", "EC P-256"),
    ("p384", "EC P-384"),
    ("p521", "EC P-521"),
    ("ed25519", "Ed25519"),
];

const START: &str = "<!-- bench:start -->";
const END: &str = "<!-- bench:end -->";

/// Which parts to run and how long.
#[derive(Debug)]
struct Options {
    native: bool,
    browser: bool,
    size: bool,
    paste: bool,
    /// Seconds each key type is timed natively.
    seconds: String,
    /// Interleaved rounds in the browser.
    rounds: String,
    /// Pastes timed per key type.
    runs: String,
    /// Every part was asked for: write BENCHMARKS.md.
    write: bool,
}

fn options(args: &[String]) -> Result<Options> {
    let mut o = Options {
        native: false,
        browser: false,
        size: false,
        paste: false,
        seconds: "1.5".to_owned(),
        rounds: "8".to_owned(),
        runs: "15".to_owned(),
        write: false,
    };
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "native" => o.native = true,
            "browser" => o.browser = true,
            "size" => o.size = true,
            "paste" => o.paste = true,
            "--seconds" | "--rounds" | "--runs" => {
                let value = args
                    .next()
                    .filter(|v| v.parse::<f64>().is_ok_and(|n| n > 0.0))
                    .ok_or_else(|| format!("{arg} needs a positive number"))?;
                match arg.as_str() {
                    "--seconds" => o.seconds.clone_from(value),
                    "--rounds" => o.rounds.clone_from(value),
                    _ => o.runs.clone_from(value),
                }
            }
            _ => {
                return Err(format!(
                    "usage: cargo xtask bench [native] [browser] [size] [paste] [--seconds S] \
                     [--rounds N] [--runs N] (unknown argument {arg:?})"
                ));
            }
        }
    }
    if !(o.native || o.browser || o.size || o.paste) {
        (o.native, o.browser, o.size, o.paste, o.write) = (true, true, true, true, true);
    }
    Ok(o)
}

/// One measured engine on one key type.
#[derive(Debug, Clone, Copy)]
struct Rate {
    ops_per_sec: f64,
    median_ns: f64,
}

/// Per key type (in [`KEYS`] order): a rate or why there is none.
type Rates = Vec<std::result::Result<Rate, String>>;

/// What the browser part measured.
#[derive(Debug)]
struct Browser {
    certorder: Rates,
    peculiar: Rates,
}

/// Runs the benchmarks.
pub(crate) fn run(args: &[String]) -> Result {
    if args.first().map(String::as_str) == Some("proxy") {
        return proxy::run(&args[1..]);
    }
    let o = options(args)?;
    let root = root();
    let path = if o.browser || o.size || o.paste {
        setup::tools(Need::All)?.path
    } else {
        setup::tools_path()
    };

    let native = o.native.then(|| native(&root, &path, &o.seconds));
    let browser = o.browser.then(|| browser(&root, &path, &o.rounds));
    // The whole widget lands in dist/ (the paste part's page), the checker alone elsewhere.
    let sizes: Vec<_> = if o.size {
        size::PAGES
            .iter()
            .map(|page| {
                let files = size::page(&root, &path, page);
                let contributors = size::contributors(&root, &target_dir(&root), &path, page);
                (page, files, contributors)
            })
            .collect()
    } else {
        Vec::new()
    };
    let paste = o.paste.then(|| paste::run(&root, &path, &o.runs));

    let table = render(&root, &path, &o, native.as_ref(), browser.as_ref());
    let mut table = table;
    for (page, files, _) in &sizes {
        table.push_str("\n\n");
        table.push_str(&size::render_page(page, files));
    }
    for (page, _, contributors) in &sizes {
        table.push_str("\n\n");
        table.push_str(&size::render_contributors(page, contributors));
    }
    if let Some(paste) = &paste {
        table.push_str("\n\n");
        table.push_str(&paste::render(paste, &o.runs));
    }
    println!("{table}");
    if o.write {
        write_report(&root, &table)?;
        eprintln!("wrote BENCHMARKS.md");
    }
    let failed: Vec<String> = [
        native.and_then(std::result::Result::err),
        browser.and_then(std::result::Result::err),
        paste.and_then(std::result::Result::err),
    ]
    .into_iter()
    .flatten()
    .chain(sizes.into_iter().flat_map(|(_, files, contributors)| {
        [files.err(), contributors.err()].into_iter().flatten()
    }))
    .collect();
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "not everything was measured: {}",
            failed.join("; ")
        ))
    }
}

/// The target directory cargo uses: `CARGO_TARGET_DIR` when set, else the workspace's target/.
fn target_dir(root: &Path) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root.join("target"), |d| root.join(d))
}

/// Runs a command and returns its standard output lines; its standard error goes through.
pub(crate) fn lines(cmd: &mut std::process::Command) -> Result<Vec<String>> {
    let shown = format!("{cmd:?}");
    let out = cmd
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot start {shown}: {e}"))?;
    if !out.status.success() {
        return Err(format!("{shown} failed ({})", out.status));
    }
    Ok(String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_owned)
        .collect())
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

fn native(root: &Path, path: &[PathBuf], seconds: &str) -> Result<Rates> {
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

fn browser(root: &Path, path: &[PathBuf], rounds: &str) -> Result<Browser> {
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
    })
}

/// `npm ci` in `dir` unless node_modules is newer than package-lock.json.
pub(crate) fn npm_ci(dir: &Path, path: &[PathBuf]) -> Result {
    let modified = |p: PathBuf| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    let lock = modified(dir.join("package-lock.json"));
    let stamp = modified(dir.join("node_modules").join(".package-lock.json"));
    if let (Some(lock), Some(stamp)) = (lock, stamp)
        && stamp >= lock
    {
        return Ok(());
    }
    status(command("npm", dir, path).args(["ci", "--no-audit", "--no-fund"]))
}

/// Operations per second, rounded to three significant figures.
fn ops(rate: &std::result::Result<Rate, String>) -> String {
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
fn micros(rate: &std::result::Result<Rate, String>) -> String {
    match rate {
        Ok(r) if r.median_ns >= 1e6 => format!("{:.2} ms", r.median_ns / 1e6),
        Ok(r) => format!("{:.0} µs", r.median_ns / 1e3),
        Err(_) => "—".to_owned(),
    }
}

/// Standard output of a command run in the workspace, first line, trimmed.
fn first_line(program: &str, args: &[&str], root: &Path, path: &[PathBuf]) -> String {
    output(command(program, root, path).args(args))
        .and_then(|o| o.lines().next().map(|l| l.trim().to_owned()))
        .unwrap_or_else(|| format!("unknown ({program} did not answer)"))
}

/// The Markdown section: how and where it was measured, then one table per part.
fn render(
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
             median | Chromium: @peculiar/x509 | median | certorder / peculiar |"
        );
        let _ = writeln!(s, "|---|---:|---:|---:|---:|---:|---:|---:|");
        let none: Rates = KEYS.iter().map(|_| Err("not run".to_owned())).collect();
        let native_rates = match native {
            Some(Ok(r)) => r,
            _ => &none,
        };
        let (c, p) = match browser {
            Some(Ok(b)) => (&b.certorder, &b.peculiar),
            _ => (&none, &none),
        };
        for (i, (_, label)) in KEYS.iter().enumerate() {
            let n = &native_rates[i];
            let (c, p) = (&c[i], &p[i]);
            let ratio = match (c, p) {
                (Ok(c), Ok(p)) if p.ops_per_sec > 0.0 => {
                    format!("{:.2}×", c.ops_per_sec / p.ops_per_sec)
                }
                _ => "—".to_owned(),
            };
            let _ = writeln!(
                s,
                "| {label} | {} | {} | {} | {} | {} | {} | {ratio} |",
                ops(n),
                micros(n),
                ops(c),
                micros(c),
                ops(p),
                micros(p)
            );
        }
        s.push('\n');
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

/// Replaces the generated section of BENCHMARKS.md, keeping the text around it.
fn write_report(root: &Path, table: &str) -> Result {
    let file = root.join("BENCHMARKS.md");
    let old = std::fs::read_to_string(&file).unwrap_or_else(|_| "# Benchmarks\n".to_owned());
    let section = format!("{START}\n{table}\n{END}");
    let new = match (old.find(START), old.find(END)) {
        (Some(a), Some(b)) if a < b => {
            format!("{}{section}{}", &old[..a], &old[b + END.len()..])
        }
        _ => format!("{}\n\n{section}\n", old.trim_end()),
    };
    std::fs::write(&file, new).map_err(|e| format!("cannot write BENCHMARKS.md: {e}"))
}
