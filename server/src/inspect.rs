//! `certorder inspect`: the CSR report as text or JSON, with a meaningful exit status.

mod json;
mod text;

use crate::cli::InspectArgs;
use certorder::csr::{self, CsrError, Inspection};
use std::io::Read;
use std::process::ExitCode;

/// Exit status when the input is a CSR with no error finding.
const EXIT_ACCEPTABLE: u8 = 0;
/// Exit status when the input is a CSR with at least one error finding.
const EXIT_ERROR_FINDINGS: u8 = 1;
/// Exit status when the input is not a CSR, or cannot be read.
const EXIT_NOT_A_CSR: u8 = 2;

/// Reads the input, prints the report and returns the documented exit status.
pub(crate) fn run(args: &InspectArgs) -> ExitCode {
    let input = match read(args) {
        Ok(bytes) => bytes,
        Err(message) => {
            eprintln!("certorder inspect: {message}");
            return ExitCode::from(EXIT_NOT_A_CSR);
        }
    };
    let outcome = csr::inspect(&input);
    let rendered = if args.json {
        json::render(&outcome)
    } else {
        text::render(&outcome)
    };
    println!("{rendered}");
    ExitCode::from(exit_status(&outcome))
}

fn exit_status(outcome: &Result<Inspection, CsrError>) -> u8 {
    match outcome {
        Ok(inspection) if inspection.is_acceptable() => EXIT_ACCEPTABLE,
        Ok(_) => EXIT_ERROR_FINDINGS,
        Err(_) => EXIT_NOT_A_CSR,
    }
}

fn read(args: &InspectArgs) -> Result<Vec<u8>, String> {
    // Read one byte past the limit so an oversized input is reported as such, not truncated.
    let limit = (csr::MAX_INPUT_BYTES + 1) as u64;
    let mut bytes = Vec::new();
    let result = if args.file.as_os_str() == "-" {
        std::io::stdin().take(limit).read_to_end(&mut bytes)
    } else {
        std::fs::File::open(&args.file).and_then(|f| f.take(limit).read_to_end(&mut bytes))
    };
    result.map_err(|e| format!("cannot read {}: {e}", args.file.display()))?;
    Ok(bytes)
}
