//! `certorder`: the command line. `certorder inspect FILE` reports on a CSR; `certorder
//! serve` serves the widget and its proxy route.

mod cli;
mod inspect;
mod serve;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match cli.command {
        cli::Command::Inspect(args) => inspect::run(&args),
        cli::Command::Serve(args) => serve::run(&args),
    }
}
