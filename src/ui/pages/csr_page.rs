//! The CSR step: paste or drop a request and read its report at once.

use crate::csr::{self, CsrError, Inspection, SignatureCheck, SignatureRequest};
use crate::ui::components::{CsrInput, CsrReport, CsrSource};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// What reading the current input gave: the report, and what to ask WebCrypto about its
/// signature while the report says "checking".
type Read = Option<Result<(Inspection, Option<SignatureRequest>), CsrError>>;

/// Paste or upload a CSR; the report below updates on every change.
#[component]
pub fn CsrPage() -> impl IntoView {
    let source = RwSignal::new(CsrSource::default());
    // Derived, not synced: the report is a pure function of what was given.
    let read: Memo<Read> = Memo::new(move |_| {
        source.with(|s| (!s.is_blank()).then(|| csr::inspect_deferred(s.bytes())))
    });
    // The browser's answer, with the question it answers: an answer to an earlier paste is
    // never shown on a later one.
    let answer = RwSignal::new(None::<(SignatureRequest, SignatureCheck)>);
    Effect::new(move |_| {
        let Some(Ok((_, Some(request)))) = read.get() else {
            return;
        };
        spawn_local(async move {
            let check = csr::verify::browser::verify(&request).await;
            answer.set(Some((request, check)));
        });
    });
    // The report is shown at once; the signature's outcome replaces "checking" when it is in.
    let report = Memo::new(move |_| {
        read.get().map(|read| {
            read.map(|(inspection, request)| {
                answer.with(|answer| match (request, answer) {
                    (Some(asked), Some((answered, check))) if asked == *answered => {
                        inspection.with_signature(check.clone())
                    }
                    _ => inspection,
                })
            })
        })
    });
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
