//! The programs the proxy benchmark runs: installing them, starting and stopping them, and
//! reading how much CPU time they used.

use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::Result;
use crate::run::{command, output, status};
use crate::setup;

/// A child process killed when dropped.
pub(super) struct Running(Child);

impl Running {
    /// The process id.
    pub(super) fn id(&self) -> u32 {
        self.0.id()
    }
}

impl Drop for Running {
    /// SIGTERM first: nginx's master then stops its workers (a SIGKILL would leave them
    /// listening), and certorder finishes its requests; SIGKILL if it is still there later.
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.0.id().to_string()])
            .status();
        let until = Instant::now() + Duration::from_secs(5);
        while Instant::now() < until {
            if let Ok(Some(_)) = self.0.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// nginx from Debian and oha from crates.io, installed when missing.
pub(super) fn tools(root: &Path, path: &[PathBuf]) -> Result {
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

/// Starts `cmd` with its standard output discarded.
pub(super) fn spawn(cmd: &mut Command, name: &'static str) -> Result<Running> {
    cmd.stdout(Stdio::null())
        .spawn()
        .map(Running)
        .map_err(|e| format!("cannot start {name}: {e}"))
}

/// Waits until something listens on the loopback `port`.
pub(super) fn wait_for(port: u16) -> Result {
    let until = Instant::now() + Duration::from_secs(20);
    while Instant::now() < until {
        if TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Err(format!("nothing listens on 127.0.0.1:{port}"))
}

/// Clock ticks per second of /proc's CPU times (`getconf CLK_TCK`, 100 on Linux).
fn ticks_per_second() -> f64 {
    output(Command::new("getconf").arg("CLK_TCK"))
        .and_then(|t| t.trim().parse::<f64>().ok())
        .filter(|t| *t > 0.0)
        .unwrap_or(100.0)
}

/// CPU seconds (user and system) used so far by `pid` and its live children (nginx's
/// workers), from /proc; None where /proc cannot tell.
pub(super) fn cpu_seconds(pid: u32) -> Option<f64> {
    let own = |pid: &str| -> Option<u64> {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
        // The command name, in parentheses, may hold spaces: count fields after it.
        let rest = stat.get(stat.rfind(')')? + 2..)?;
        let fields: Vec<&str> = rest.split_whitespace().collect();
        // utime and stime are fields 14 and 15 of stat, 12 and 13 after the name.
        Some(fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?)
    };
    let pid = pid.to_string();
    let children =
        std::fs::read_to_string(format!("/proc/{pid}/task/{pid}/children")).unwrap_or_default();
    let mut ticks = own(&pid)?;
    for child in children.split_whitespace() {
        ticks += own(child).unwrap_or(0);
    }
    Some(ticks as f64 / ticks_per_second())
}

/// The load average (1, 5, 15 minutes) as /proc/loadavg writes it.
pub(super) fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".to_owned())
}
