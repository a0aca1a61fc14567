//! The report of a CSR: verdict, findings, then everything it contains.

use super::FindingsList;
use crate::csr::{CsrError, Inspection, Severity, SignatureCheck};
use leptos::prelude::*;

/// The report area; it announces changes politely to screen readers.
#[component]
pub(crate) fn CsrReport(
    /// The outcome of inspecting the current input, `None` before anything was given.
    report: Memo<Option<Result<Inspection, CsrError>>>,
) -> impl IntoView {
    view! {
        <div class="co-report" data-testid="report" aria-live="polite">
            {move || match report.get() {
                None => view! {
                    <p class="co-report__empty">"The report appears here as soon as you paste."</p>
                }
                .into_any(),
                Some(Err(error)) => view! { <NotACsr error=error /> }.into_any(),
                Some(Ok(inspection)) => view! { <Report inspection=inspection /> }.into_any(),
            }}
        </div>
    }
}

#[component]
fn NotACsr(error: CsrError) -> impl IntoView {
    view! {
        <div class="co-alert co-alert--error" role="alert" data-testid="csr-error" data-kind=error.kind()>
            <h2 class="co-alert__title">"This is not a CSR we can read"</h2>
            <p>{error.to_string()}</p>
        </div>
    }
}

#[component]
fn Report(inspection: Inspection) -> impl IntoView {
    let errors = inspection
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    // The signature's state, for the page and its tests: checking, valid, invalid or
    // cannot_check.
    let signature_state = match inspection.signature {
        SignatureCheck::Valid => "valid",
        SignatureCheck::Invalid { .. } => "invalid",
        SignatureCheck::CannotCheck { .. } => "cannot_check",
        SignatureCheck::Checking => "checking",
    };
    let verdict = match errors {
        0 if inspection.signature == SignatureCheck::Checking => {
            "No problems so far; checking the signature…".to_owned()
        }
        0 => "This request can be ordered.".to_owned(),
        1 => "1 problem must be fixed before ordering.".to_owned(),
        n => format!("{n} problems must be fixed before ordering."),
    };
    let info = inspection.info;
    let rows: Vec<(&'static str, String)> = vec![
        (
            "Common name",
            info.common_name().unwrap_or("(none)").to_owned(),
        ),
        (
            "Names (SAN)",
            list(info.sans.iter().map(ToString::to_string)),
        ),
        ("Subject", info.subject_line()),
        ("Key", info.key.description.clone()),
        ("Signature algorithm", info.signature_algorithm.name.clone()),
        ("Signature", inspection.signature.to_string()),
        (
            "Requested extensions",
            list(info.extensions.iter().map(ToString::to_string)),
        ),
        (
            "Attributes",
            list(info.attributes.iter().map(|a| {
                let name = a.name.clone().unwrap_or_else(|| a.oid.clone());
                match &a.value {
                    Some(value) => format!("{name}: {value}"),
                    None => format!("{name} (value not shown)"),
                }
            })),
        ),
        ("Version", info.version.to_string()),
        ("MD5", info.fingerprints.md5.clone()),
        ("SHA-256", info.fingerprints.sha256.clone()),
        ("Key SHA-256", info.fingerprints.spki_sha256.clone()),
    ];
    let rows = rows
        .into_iter()
        .map(|(term, value)| {
            view! {
                <dt class="co-report__term">{term}</dt>
                <dd class="co-report__value">{value}</dd>
            }
        })
        .collect_view();
    view! {
        <p
            class="co-report__verdict"
            class=("co-report__verdict--blocked", errors > 0)
            role="status"
            data-testid="verdict"
            data-signature=signature_state
        >
            {verdict}
        </p>
        <h2 class="co-report__heading">"Findings"</h2>
        <FindingsList findings=inspection.findings />
        <h2 class="co-report__heading">"What the request contains"</h2>
        <dl class="co-report__details" data-testid="details">{rows}</dl>
    }
}

fn list(items: impl Iterator<Item = String>) -> String {
    let all: Vec<String> = items.collect();
    if all.is_empty() {
        "(none)".to_owned()
    } else {
        all.join(", ")
    }
}
