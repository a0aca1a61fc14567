//! The command-line interface.

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

/// Order SSL/TLS certificates: CSR reports, and the widget's server.
#[derive(Debug, Parser)]
#[command(name = "certorder", version, about)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Report on a certificate signing request: contents, signature, findings.
    ///
    /// Exit status: 0 when it is a CSR with no error finding, 1 when it is a CSR with error
    /// findings, 2 when the input is not a CSR (or cannot be read).
    Inspect(InspectArgs),
    /// Serve the widget and the proxy route `/api/{provider}/{rest}` it calls.
    ///
    /// Settings come from `--config FILE` (TOML) and `CERTORDER_*` environment variables,
    /// the environment winning; credentials only from the environment (see the README).
    Serve(ServeArgs),
}

/// Arguments of `certorder serve`.
#[derive(Debug, Args)]
pub(crate) struct ServeArgs {
    /// The address to listen on [default: 127.0.0.1:8787, or `listen` / `CERTORDER_LISTEN`].
    #[arg(long, value_name = "ADDR")]
    pub(crate) listen: Option<std::net::SocketAddr>,
    /// The TOML configuration file.
    #[arg(long, value_name = "FILE")]
    pub(crate) config: Option<PathBuf>,
    /// The built widget (`trunk build --release` output) [default: dist].
    #[arg(long, value_name = "DIR")]
    pub(crate) dist: Option<PathBuf>,
}

/// Arguments of `certorder inspect`.
#[derive(Debug, Args)]
pub(crate) struct InspectArgs {
    /// The CSR file (PEM, base64 or DER), or `-` for standard input.
    pub(crate) file: PathBuf,
    /// Print the report as JSON (schema `certorder.inspect/1`, see the README).
    #[arg(long)]
    pub(crate) json: bool,
}
