//! The lint findings, most serious first, each with its reference.

use crate::csr::{Finding, Severity};
use leptos::prelude::*;

/// Every finding as a list item; severity is spelled out, never shown by colour alone.
#[component]
pub(crate) fn FindingsList(
    /// The findings, already sorted.
    findings: Vec<Finding>,
) -> impl IntoView {
    if findings.is_empty() {
        return view! {
            <p class="co-findings co-findings--none" data-testid="no-findings">
                "No problems found."
            </p>
        }
        .into_any();
    }
    let items = findings
        .into_iter()
        .map(|f| {
            let (label, modifier) = match f.severity {
                Severity::Error => ("Error", "co-finding--error"),
                Severity::Warning => ("Warning", "co-finding--warning"),
                Severity::Info => ("Note", "co-finding--info"),
            };
            view! {
                <li class=format!("co-finding {modifier}") data-code=f.code>
                    <span class="co-finding__severity">{label}": "</span>
                    <span class="co-finding__message">{f.message}</span>
                    <span class="co-finding__reference">" ("{f.reference}")"</span>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="co-findings" data-testid="findings">{items}</ul> }.into_any()
}
