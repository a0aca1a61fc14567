//! `cargo xtask test`: every check and every test, in the order that fails fastest.

use crate::run::{Tally, command, status, tests};
use crate::setup::{self, Need};
use crate::{Result, root};

/// Installs what is missing, then runs formatting and lint checks, the native tests, the
/// browser tests in headless Chromium, the release build and the end-to-end tests.
pub(crate) fn run() -> Result {
    let started = std::time::Instant::now();
    let tools = setup::tools(Need::All)?;
    eprintln!(
        "xtask: setup done after {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let root = root();
    let path = &tools.path;
    let mut tally = Tally::default();

    status(command("cargo", &root, path).args(["fmt", "--all", "--", "--check"]))?;
    status(command("cargo", &root, path).args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))?;
    // The widget only exists for wasm32: lint it there too.
    status(command("cargo", &root, path).args([
        "clippy",
        "-p",
        "certorder",
        "--target",
        "wasm32-unknown-unknown",
        "--lib",
        "--bins",
        "--test",
        "web",
        "--",
        "-D",
        "warnings",
    ]))?;

    tests(
        command("cargo", &root, path).args(["test", "--workspace"]),
        &mut tally,
    )?;
    // Browser tests: wasm-bindgen-test-runner (the wasm32 runner in .cargo/config.toml)
    // drives headless Chromium through chromedriver.
    tests(
        command("cargo", &root, path).args([
            "test",
            "-p",
            "certorder",
            "--target",
            "wasm32-unknown-unknown",
            "--test",
            "web",
        ]),
        &mut tally,
    )?;

    status(command("trunk", &root, path).args(["build", "--release"]))?;
    // The end-to-end tests run the widget under `certorder serve` (e2e/support/server.mjs
    // starts target/debug/certorder). `cargo test --workspace` above already built that
    // binary for the server's own tests; asking for the same build again makes sure it is
    // there and costs nothing. A `cargo build -p certorder-server` would not: its features
    // are unified over one package without dev-dependencies, so it compiled the server's
    // dependencies a second time (139 s of a cold run).
    status(command("cargo", &root, path).args(["test", "--workspace", "--no-run"]))?;
    tests(
        command("npm", &root.join("e2e"), path).args(["test"]),
        &mut tally,
    )?;

    println!();
    eprintln!(
        "xtask: the whole test command took {:.1} s",
        started.elapsed().as_secs_f64()
    );
    println!(
        "all: {} passed, {} failed, {} skipped",
        tally.passed, tally.failed, tally.ignored
    );
    if tally.failed > 0 {
        return Err(format!("{} tests failed", tally.failed));
    }
    Ok(())
}
