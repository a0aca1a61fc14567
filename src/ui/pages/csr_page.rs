//! The CSR step: paste or drop a request and read its report at once.

use crate::csr;
use crate::ui::components::{CsrInput, CsrReport, CsrSource};
use leptos::prelude::*;

/// Paste or upload a CSR; the report below updates on every change.
#[component]
pub fn CsrPage() -> impl IntoView {
    let source = RwSignal::new(CsrSource::default());
    // Derived, not synced: the report is a pure function of what was given.
    let report =
        Memo::new(move |_| source.with(|s| (!s.is_blank()).then(|| csr::inspect(s.bytes()))));
    view! {
        <section class="co-step" aria-labelledby="csr-heading">
            <h1 id="csr-heading" class="co-step__title">"Your certificate signing request"</h1>
            <p class="co-step__lead">
                "Paste the CSR your server made, or drop the file. It is read here, in your "
                "browser; nothing is sent anywhere."
            </p>
            <CsrInput source=source />
            <CsrReport report=report />
        </section>
    }
}
