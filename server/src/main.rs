//! `certorder`: the command line. `certorder inspect FILE` reports on a CSR.

mod cli;
mod inspect;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match cli.command {
        cli::Command::Inspect(args) => inspect::run(&args),
    }
}
