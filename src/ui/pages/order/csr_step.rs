//! Step 2: the CSR, with the CSR engine's report (the components of the CSR page). Skipped
//! where the provider takes names only; opened anyway, it says why.

use leptos::prelude::*;

use super::frame::{StepFrame, field_error};
use super::use_wizard;
use crate::csr;
use crate::product::CsrUse;
use crate::text::wizard as text;
use crate::ui::components::{CsrInput, CsrReport, CsrSource};
use crate::wizard::Step;

const STEP: Step = Step::Csr;

/// Step 2's page.
#[component]
pub(crate) fn CsrStep() -> impl IntoView {
    let ctx = use_wizard();
    let wizard = ctx.wizard;
    let takes_csr = wizard.with_untracked(|w| w.takes_csr());
    if !takes_csr {
        let provider = ctx
            .provider()
            .map(|(offer, _)| offer.display_name)
            .unwrap_or_default();
        return view! {
            <StepFrame step=STEP heading=text::CSR_HEADING with_continue=false>
                <p class="co-step__lead">{text::csr_not_taken(&provider)}</p>
                <div class="co-actions">
                    <a class="co-button" href=Step::Names.fragment()>{text::CONTINUE}</a>
                </div>
            </StepFrame>
        }
        .into_any();
    }
    let optional = wizard.with_untracked(|w| {
        w.capabilities
            .as_ref()
            .is_some_and(|c| c.csr == CsrUse::Optional)
    });
    let source = RwSignal::new(CsrSource::Text(
        wizard.with_untracked(|w| w.draft.csr.clone()),
    ));
    // What the input admitted goes into the draft: text as it is, a DER file as PEM (the form
    // every adapter sends). The wizard has the browser check its signature (`OrderWizard`).
    Effect::new(move || {
        let text = source.with(|s| match s {
            CsrSource::Text(text) => text.clone(),
            CsrSource::File { bytes, .. } => {
                ::pem::encode(&::pem::Pem::new("CERTIFICATE REQUEST", bytes.clone()))
            }
        });
        let changed = wizard.with_untracked(|w| w.draft.csr != text);
        if changed {
            wizard.update(|w| {
                w.draft.set_csr(text);
                w.reset_provider_answers();
            });
        }
    });
    // The report at once, the signature "checking" until the browser's answer for this text
    // is in.
    let read = Memo::new(move |_| {
        source.with(|s| (!s.is_blank()).then(|| csr::inspect_deferred(s.bytes())))
    });
    let report = Memo::new(move |_| {
        read.get().map(|read| {
            read.map(|(inspection, _)| {
                wizard.with(|w| match &w.signature {
                    Some((checked, outcome)) if checked == w.draft.csr.trim() => {
                        inspection.with_signature(outcome.clone())
                    }
                    _ => inspection,
                })
            })
        })
    });
    view! {
        <StepFrame step=STEP heading=text::CSR_HEADING>
            <p class="co-step__lead">{text::CSR_LEAD}</p>
            {optional.then(|| view! { <p class="co-note">{text::CSR_OPTIONAL}</p> })}
            {field_error(STEP, "csr-text".into())}
            <CsrInput source=source />
            <CsrReport report=report />
        </StepFrame>
    }
    .into_any()
}
