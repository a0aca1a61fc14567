//! The human-readable report.

use certorder::csr::{CsrError, Inspection, Severity};
use std::fmt::Write;

/// Renders the outcome as plain text: verdict, findings, then the contents.
pub(crate) fn render(outcome: &Result<Inspection, CsrError>) -> String {
    let i = match outcome {
        Ok(i) => i,
        Err(e) => return format!("not a CSR ({}): {e}", e.kind()),
    };
    let mut out = String::new();
    let errors = i
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let verdict = match errors {
        0 => "acceptable: no error findings".to_owned(),
        n => format!("{n} error finding(s): a CA will refuse this request"),
    };
    let info = &i.info;
    let join = |items: Vec<String>| {
        if items.is_empty() {
            "(none)".to_owned()
        } else {
            items.join(", ")
        }
    };
    let rows = [
        ("Verdict", verdict),
        ("Subject", info.subject_line()),
        (
            "Common name",
            info.common_name().unwrap_or("(none)").to_owned(),
        ),
        (
            "SANs",
            join(info.sans.iter().map(ToString::to_string).collect()),
        ),
        ("Key", info.key.description.clone()),
        ("Signature algorithm", info.signature_algorithm.name.clone()),
        ("Signature", i.signature.to_string()),
        (
            "Extensions",
            join(info.extensions.iter().map(ToString::to_string).collect()),
        ),
        (
            "Attributes",
            join(
                info.attributes
                    .iter()
                    .map(|a| {
                        let name = a.name.as_deref().unwrap_or(&a.oid);
                        match &a.value {
                            Some(v) => format!("{name}: {v}"),
                            None => format!("{name} (value not shown)"),
                        }
                    })
                    .collect(),
            ),
        ),
        ("Version", info.version.to_string()),
        ("MD5", info.fingerprints.md5.clone()),
        ("SHA-256", info.fingerprints.sha256.clone()),
        ("Key SHA-256", info.fingerprints.spki_sha256.clone()),
    ];
    for (label, value) in rows {
        // Writing to a String cannot fail.
        let _ = writeln!(out, "{label:<20} {value}");
    }
    let _ = writeln!(out, "\nFindings ({}):", i.findings.len());
    for f in &i.findings {
        let _ = writeln!(
            out,
            "  {:<7} {:<28} {} [{}]",
            label(f.severity),
            f.code,
            f.message,
            f.reference
        );
    }
    out.trim_end().to_owned()
}

fn label(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}
