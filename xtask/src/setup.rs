//! Installs the tools the demo and the tests need, idempotently: each one is checked first
//! and installed only when it is missing or at the wrong version.
//!
//! Versions are pinned on purpose (see the README's "Toolchain" section): trunk 0.22 needs a
//! newer rustc than the project's 1.95, wasm-bindgen must equal the version in Cargo.lock or
//! trunk tries to download its own, and Debian's binaryen (wasm-opt 108) produces a wasm that
//! fails at load, so wasm-opt 132 comes from the npm registry.

use crate::run::{command, output, status};
use crate::{Result, root};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The trunk release that builds with rustc 1.95.
pub(crate) const TRUNK_VERSION: &str = "0.21.14";
/// The binaryen release whose wasm-opt trunk is pinned to (`version_132` in Trunk.toml).
pub(crate) const BINARYEN_VERSION: &str = "132.0.0";

/// Which tools a command needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Need {
    /// What `trunk serve` needs.
    Demo,
    /// Everything: the demo's tools, the browser, the end-to-end packages.
    All,
}

/// Where the installed tools are, to put on PATH for every child process.
#[derive(Debug, Clone)]
pub(crate) struct Tools {
    pub(crate) path: Vec<PathBuf>,
}

/// The directories the tools are installed in, to put first on PATH.
pub(crate) fn tools_path() -> Vec<PathBuf> {
    vec![
        cargo_home().join("bin"),
        binaryen_dir().join("node_modules").join(".bin"),
    ]
}

fn binaryen_dir() -> PathBuf {
    cache_dir().join(format!("binaryen-{BINARYEN_VERSION}"))
}

/// Checks every tool and installs what is missing.
pub(crate) fn tools(need: Need) -> Result<Tools> {
    let root = root();
    let binaryen_dir = binaryen_dir();
    let tools = Tools { path: tools_path() };

    wasm_target(&root, &tools)?;
    let bindgen = wasm_bindgen_version(&root)?;
    cargo_tool(&root, &tools, &trunk())?;
    cargo_tool(&root, &tools, &wasm_bindgen_cli(&bindgen))?;
    wasm_opt(&root, &tools, &binaryen_dir)?;
    // Trunk.toml's post-build hook writes the precompressed files with it.
    brotli()?;
    if need == Need::All {
        browser()?;
        redis()?;
        e2e_packages(&root, &tools)?;
    }
    // trunk runs cargo with --offline (Trunk.toml), so every crate must be present first.
    status(command("cargo", &root, &tools.path).arg("fetch"))?;
    Ok(tools)
}

fn cargo_home() -> PathBuf {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"))
}

fn cache_dir() -> PathBuf {
    std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
        .unwrap_or_else(|| PathBuf::from(".cache"))
        .join("certorder")
}

fn wasm_target(root: &Path, tools: &Tools) -> Result {
    let installed =
        output(command("rustup", root, &tools.path).args(["target", "list", "--installed"]))
            .unwrap_or_default();
    if installed
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        return Ok(());
    }
    status(command("rustup", root, &tools.path).args(["target", "add", "wasm32-unknown-unknown"]))
}

/// The exact wasm-bindgen version in Cargo.lock: the CLI must match it byte for byte.
fn wasm_bindgen_version(root: &Path) -> Result<String> {
    let lock = std::fs::read_to_string(root.join("Cargo.lock"))
        .map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "name = \"wasm-bindgen\""
            && let Some(version) = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = \""))
                .and_then(|v| v.strip_suffix('"'))
        {
            return Ok(version.to_owned());
        }
    }
    Err("Cargo.lock has no wasm-bindgen package".to_owned())
}

/// One tool from crates.io and how to build it.
struct CargoTool<'a> {
    /// The command it installs.
    binary: &'a str,
    /// Its crate.
    krate: &'a str,
    version: &'a str,
    /// `cargo install` arguments beyond the crate and version.
    args: &'a [&'a str],
    /// Settings of the release profile it is built with (`CARGO_PROFILE_RELEASE_*`), which
    /// override the crate's own.
    profile: &'a [(&'a str, &'a str)],
}

/// A release profile quick to build: no link-time optimisation, 16 codegen units. Building
/// the tools with their own profiles was most of a cold run's set-up.
const QUICK_TO_BUILD: &[(&str, &str)] = &[
    ("LTO", "false"),
    ("CODEGEN_UNITS", "16"),
    ("OPT_LEVEL", "1"),
];

/// [`QUICK_TO_BUILD`] without optimisation, for trunk: it installs in 270 s against 556 s at
/// opt-level 1, and a release build of the widget takes it the same time (about 35 s with the
/// cargo build done; its own work is a small part of that) and writes the same `dist/`, file
/// for file.
const UNOPTIMISED: &[(&str, &str)] = &[
    ("LTO", "false"),
    ("CODEGEN_UNITS", "16"),
    ("OPT_LEVEL", "0"),
];

/// Trunk, built for what it does here: it runs cargo, wasm-bindgen and wasm-opt and writes a
/// few small files, so its own speed hardly matters, while its release profile (fat LTO, one
/// codegen unit) made it the longest step of a cold run. Without its default features it has
/// no TLS stack and no update check: it never downloads anything here (`offline = true` in
/// Trunk.toml) and its development proxy talks plain HTTP to `certorder serve` on loopback.
fn trunk() -> CargoTool<'static> {
    CargoTool {
        binary: "trunk",
        krate: "trunk",
        version: TRUNK_VERSION,
        // Its lock file is needed: newer dependencies want a newer rustc.
        args: &["--locked", "--no-default-features"],
        profile: UNOPTIMISED,
    }
}

/// wasm-bindgen's CLI, at the version in Cargo.lock. Without its default features it has no
/// TLS stack (rustls and *ring*): its test runner only talks plain HTTP to chromedriver on
/// loopback. Built quickly, it rewrites the widget's release wasm as fast as with its own
/// profile (0.5 to 0.8 s either way) and writes the same files, byte for byte.
fn wasm_bindgen_cli(version: &str) -> CargoTool<'_> {
    CargoTool {
        binary: "wasm-bindgen",
        krate: "wasm-bindgen-cli",
        version,
        // Its own lock file names a crate version the registry may lack: let cargo resolve.
        args: &["--no-default-features"],
        profile: QUICK_TO_BUILD,
    }
}

/// Installs a cargo-installable tool unless `<binary> --version` already reports its version.
fn cargo_tool(root: &Path, tools: &Tools, tool: &CargoTool<'_>) -> Result {
    let reported =
        output(command(tool.binary, root, &tools.path).arg("--version")).unwrap_or_default();
    if reported.split_whitespace().any(|word| word == tool.version) {
        return Ok(());
    }
    eprintln!(
        "installing {} {} (a few minutes, once)",
        tool.krate, tool.version
    );
    let mut install = command("cargo", root, &tools.path);
    install
        .args(["install", tool.krate, "--version", tool.version, "--force"])
        .args(tool.args);
    for (setting, value) in tool.profile {
        install.env(format!("CARGO_PROFILE_RELEASE_{setting}"), value);
    }
    status(&mut install)
}

fn wasm_opt(root: &Path, tools: &Tools, dir: &Path) -> Result {
    let reported =
        output(command("wasm-opt", root, &tools.path).arg("--version")).unwrap_or_default();
    let major = BINARYEN_VERSION
        .split('.')
        .next()
        .unwrap_or(BINARYEN_VERSION);
    if reported.contains(&format!("version {major}")) {
        return Ok(());
    }
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    status(command("npm", root, &tools.path).args([
        "install",
        "--prefix",
        &dir.to_string_lossy(),
        "--no-audit",
        "--no-fund",
        &format!("binaryen@{BINARYEN_VERSION}"),
    ]))
}

/// Debian's Chromium and its matching driver: the browser tests and end-to-end tests use them.
fn browser() -> Result {
    let have = |bin: &str| output(Command::new(bin).arg("--version")).is_some();
    if have("chromium") && have("chromedriver") {
        return Ok(());
    }
    apt_install(&["chromium", "chromium-driver"])
}

/// Debian's brotli: the release build's post-build hook writes the precompressed files with it.
fn brotli() -> Result {
    if output(Command::new("brotli").arg("--version")).is_some() {
        return Ok(());
    }
    apt_install(&["brotli"])
}

/// Debian's redis-server: the server's Redis store tests start their own on a loopback port.
fn redis() -> Result {
    if output(Command::new("redis-server").arg("--version")).is_some() {
        return Ok(());
    }
    apt_install(&["redis-server"])
}

/// Installs Debian packages (as root directly, otherwise through sudo).
pub(crate) fn apt_install(packages: &[&str]) -> Result {
    let is_root = output(Command::new("id").arg("-u")).is_some_and(|id| id.trim() == "0");
    let apt = |args: &[&str]| {
        let mut cmd = if is_root {
            Command::new("apt-get")
        } else {
            Command::new("sudo")
        };
        if !is_root {
            cmd.arg("apt-get");
        }
        cmd.env("DEBIAN_FRONTEND", "noninteractive").args(args);
        status(&mut cmd)
    };
    apt(&["update", "-q"])?;
    let mut args = vec!["install", "-y", "-q", "--no-install-recommends"];
    args.extend_from_slice(packages);
    apt(&args)
}

/// The end-to-end tests' Node packages, installed from e2e/package-lock.json.
fn e2e_packages(root: &Path, tools: &Tools) -> Result {
    let e2e = root.join("e2e");
    let lock = e2e.join("package-lock.json");
    let stamp = e2e.join("node_modules").join(".package-lock.json");
    let fresh = match (std::fs::metadata(&lock), std::fs::metadata(&stamp)) {
        (Ok(lock), Ok(stamp)) => match (lock.modified(), stamp.modified()) {
            (Ok(l), Ok(s)) => s >= l,
            _ => false,
        },
        _ => false,
    };
    if fresh {
        return Ok(());
    }
    status(command("npm", &e2e, &tools.path).args(["ci", "--no-audit", "--no-fund"]))
}
