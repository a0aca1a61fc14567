//! Running commands with the project's tool directories on PATH, and reading test counts.

use crate::Result;
use std::ffi::OsStr;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

/// The PATH every child gets: the tool directories first, then the caller's PATH.
pub(crate) fn path_with(dirs: &[PathBuf]) -> std::ffi::OsString {
    let current = std::env::var_os("PATH").unwrap_or_default();
    let mut all: Vec<PathBuf> = dirs.to_vec();
    all.extend(std::env::split_paths(&current));
    std::env::join_paths(all).unwrap_or(current)
}

/// A command in `dir`, with the tool directories on PATH.
pub(crate) fn command(program: impl AsRef<OsStr>, dir: &Path, tools: &[PathBuf]) -> Command {
    let mut cmd = Command::new(program);
    cmd.current_dir(dir).env("PATH", path_with(tools));
    cmd
}

/// Runs a command to completion, failing with its description when it does not succeed.
pub(crate) fn status(cmd: &mut Command) -> Result {
    let shown = describe(cmd);
    eprintln!("$ {shown}");
    let started = Instant::now();
    let status = cmd
        .status()
        .map_err(|e| format!("cannot start `{shown}`: {e}"))?;
    took(&shown, started);
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{shown}` failed ({status})"))
    }
}

/// Runs a command and returns its standard output, or None when it cannot run or fails.
pub(crate) fn output(cmd: &mut Command) -> Option<String> {
    let out = cmd.stderr(Stdio::null()).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Passed and failed test counts, added up over every runner of a test run.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Tally {
    pub(crate) passed: u64,
    pub(crate) failed: u64,
    pub(crate) ignored: u64,
}

impl Tally {
    /// Reads one line of runner output: cargo test / wasm-bindgen-test-runner summaries
    /// (`test result: ok. 12 passed; 0 failed; 1 ignored; …`) and node's test runner
    /// (`# pass 3`, `# fail 0`).
    pub(crate) fn read(&mut self, line: &str) {
        let line = line.trim();
        if let Some(rest) = line.strip_prefix("test result: ") {
            for part in rest.split([';', '.']) {
                let mut words = part.split_whitespace();
                if let (Some(n), Some(what)) = (words.next(), words.next()) {
                    let Ok(n) = n.parse::<u64>() else { continue };
                    match what {
                        "passed" => self.passed += n,
                        "failed" => self.failed += n,
                        "ignored" => self.ignored += n,
                        _ => {}
                    }
                }
            }
        } else if let Some(n) = line.strip_prefix("# pass ") {
            self.passed += n.trim().parse::<u64>().unwrap_or(0);
        } else if let Some(n) = line.strip_prefix("# fail ") {
            self.failed += n.trim().parse::<u64>().unwrap_or(0);
        }
    }
}

/// Runs a test command, echoing its output and adding its counts to `tally`.
pub(crate) fn tests(cmd: &mut Command, tally: &mut Tally) -> Result {
    let shown = describe(cmd);
    eprintln!("$ {shown}");
    let started = Instant::now();
    let mut child = cmd
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start `{shown}`: {e}"))?;
    if let Some(stdout) = child.stdout.take() {
        for line in BufReader::new(stdout)
            .lines()
            .map_while(std::result::Result::ok)
        {
            println!("{line}");
            tally.read(&line);
        }
    }
    let status = child.wait().map_err(|e| format!("`{shown}`: {e}"))?;
    took(&shown, started);
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{shown}` failed ({status})"))
    }
}

/// Every step says how long it took, so that a slow cold run shows where its time went.
fn took(shown: &str, started: Instant) {
    let seconds = started.elapsed().as_secs_f64();
    eprintln!("xtask: {seconds:.1} s for `{shown}`");
}

fn describe(cmd: &Command) -> String {
    std::iter::once(cmd.get_program())
        .chain(cmd.get_args())
        .map(|a| a.to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}
