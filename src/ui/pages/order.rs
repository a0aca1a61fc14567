//! The order wizard's pages (steps 1-6). Every rule lives in [`crate::wizard`]: these
//! components read the wizard's state, call its methods and render; the calls to the
//! provider run through `ui::transport` (in `order/calls.rs`).
//!
//! What end-to-end tests can target (labels, roles, headings; each step is `#/order/{step}`,
//! its `h1` takes focus, and "Back" is a link, "Continue" a button):
//!
//! - `#/order/product`, heading "Choose a certificate": radio group "Provider" (display names)
//!   unless one provider is offered or fixed by `?provider=`; selects "Validation" and "Names
//!   covered"; radio group "Product" (product names); select "Period"; "Try again" when the
//!   catalog fails.
//! - `#/order/csr`, heading "Your certificate signing request": textarea "CSR (PEM)", file
//!   input "Choose a file…", the CSR report. For Gjirafa the page says there is no CSR.
//! - `#/order/names`, heading "Names on the certificate": text inputs "Common name",
//!   "Name 2", …; buttons "Remove {name}"; input "Add a name" with button "Add". Where the
//!   provider checks names (SSL247), a live region says "The provider accepts these names…",
//!   a refused name's reason is its field error, and a failed check has "Check the names
//!   again".
//! - `#/order/validation`, heading "Prove you control the names": select "Method for every
//!   name" (one method per order) or "Method for {name}" (per name); radio groups "Approver
//!   e-mail for {name}"; button "Show what to publish" where the provider previews DCV.
//! - `#/order/contacts`, heading "Organisation and contact": inputs "Organisation name",
//!   "Street address", "Postal code", "City", "State or province", select "Country", inputs
//!   "First name", "Last name", "Job title", "E-mail", "Telephone".
//! - `#/order/review`, heading "Check your answers": a summary list with "Change" links, the
//!   provider's price or check, checkbox "I accept the provider's terms…", button "Place the
//!   order" (disabled while pending). A placed order opens `#/status/{provider}/{id}`.
//!
//! Errors: an alert "There is a problem" linking to each field, and each field's message
//! beside it (`aria-describedby`).

mod calls;
mod contacts_step;
mod csr_step;
mod frame;
mod names_step;
mod product_step;
mod review_step;
mod validation_step;

use leptos::prelude::*;

use crate::deployment::{Deployment, ProviderOffer};
use crate::provider::Provider;
use crate::wizard::{OrderRoute, Step, Wizard, WizardDraft, draft::STORAGE_KEY};

/// What every step component gets from the wizard: its state and the deployment.
#[derive(Clone, Copy)]
pub(crate) struct WizardCtx {
    /// The wizard's state.
    pub(crate) wizard: RwSignal<Wizard>,
    /// What the site offers.
    pub(crate) deployment: StoredValue<Deployment>,
    /// The provider fixed by the URL or the deployment (the picker is not shown).
    pub(crate) fixed_provider: bool,
    /// Bumped when a Continue found errors: the error summary takes focus.
    pub(crate) summary_focus: RwSignal<u32>,
}

impl WizardCtx {
    /// The offer of the chosen provider, with its adapter.
    pub(crate) fn provider(&self) -> Option<(ProviderOffer, Box<dyn Provider>)> {
        let kind = self.wizard.with_untracked(|w| w.draft.provider)?;
        let offer = self.deployment.with_value(|d| d.offer(kind).cloned())?;
        let provider = offer.provider().ok()?;
        Some((offer, provider))
    }

    /// Opens `step` (its own URL fragment, so Back and reload work).
    pub(crate) fn go(&self, step: Step) {
        navigate(&step.fragment());
    }

    /// Checks the current step and opens the next one (or shows the errors).
    pub(crate) fn continue_from(&self, step: Step) {
        let to = self.wizard.try_update(|w| w.continue_from(step));
        match to {
            Some(to) if to != step => self.go(to),
            _ => self.summary_focus.update(|n| *n += 1),
        }
    }
}

/// Sets the page's fragment.
pub(crate) fn navigate(fragment: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().set_hash(fragment);
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn current_fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The order wizard, for fragments `#/order…`; it follows the fragment itself, so the shell
/// may mount it once for every order step (the session's catalog is then read once).
#[component]
pub fn OrderWizard(
    /// What the site offers.
    deployment: Deployment,
) -> impl IntoView {
    let fragment = RwSignal::new(current_fragment());
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        fragment.set(current_fragment());
    });
    on_cleanup(move || listener.remove());
    let stored = storage()
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
        .map(|json| WizardDraft::from_storage(&json))
        .unwrap_or_default();
    let mut start = Wizard::resume(stored);
    let route = OrderRoute::parse(&fragment.get_untracked()).unwrap_or_default();
    let only = match deployment.providers.as_slice() {
        [one] => Some(one.kind),
        _ => None,
    };
    let fixed = route
        .provider
        .filter(|k| deployment.offer(*k).is_some())
        .or(only);
    if let Some(kind) = fixed.or(start.draft.provider)
        && let Some(offer) = deployment.offer(kind)
        && let Ok(provider) = offer.provider()
    {
        start.set_provider(kind, provider.capabilities());
    }
    let ctx = WizardCtx {
        wizard: RwSignal::new(start),
        deployment: StoredValue::new(deployment),
        fixed_provider: fixed.is_some(),
        summary_focus: RwSignal::new(0),
    };
    provide_context(ctx);

    // The draft follows every change into storage (never a private key: see WizardDraft).
    // A finished order leaves an empty draft, which is removed rather than kept.
    Effect::new(move || {
        let json = ctx
            .wizard
            .with(|w| (w.draft != WizardDraft::default()).then(|| w.draft.to_storage()));
        if let Some(s) = storage() {
            let _ = match json {
                Some(json) => s.set_item(STORAGE_KEY, &json),
                None => s.remove_item(STORAGE_KEY),
            };
        }
    });
    // In the browser the CSR's signature outcome comes from WebCrypto, later, for the draft's
    // text (typed, dropped or read back after a reload); the steps wait for it.
    let asked = StoredValue::new(None::<String>);
    Effect::new(move || {
        let Some(text) = ctx.wizard.with(Wizard::signature_due) else {
            return;
        };
        if asked.with_value(|a| a.as_ref() == Some(&text)) {
            return;
        }
        asked.set_value(Some(text.clone()));
        if let Ok((_, Some(request))) = crate::csr::inspect_deferred(text.as_bytes()) {
            leptos::task::spawn_local(async move {
                let outcome = crate::csr::verify::browser::verify(&request).await;
                ctx.wizard.update(|w| w.signature = Some((text, outcome)));
            });
        }
    });
    // The catalog is read whenever a provider is chosen and it is not there yet.
    Effect::new(move || {
        let due = ctx
            .wizard
            .with(|w| w.draft.provider.is_some() && w.catalog == crate::wizard::Load::Idle);
        if due {
            calls::load_catalog(ctx);
        }
    });

    let step = Memo::new(move |_| {
        OrderRoute::parse(&fragment.get())
            .and_then(|r| r.step)
            .unwrap_or(Step::Product)
    });
    // A step the draft cannot reach yet (a bookmark, a stale tab) opens the first incomplete
    // one, once the catalog is there to tell.
    Effect::new(move || {
        let asked = step.get();
        let target = ctx.wizard.with(|w| {
            let known = (w.catalog.ready().is_some() || w.draft.provider.is_none())
                && w.signature_due().is_none();
            known.then(|| w.reachable(asked))
        });
        // Only while the page still shows the wizard: a placed order has moved on to its
        // status page by the time this runs.
        let still_here = OrderRoute::parse(&current_fragment()).is_some();
        if let Some(target) = target
            && target != asked
            && still_here
        {
            ctx.go(target);
        }
    });

    view! {
        <div class="co-wizard" role="region" aria-label=crate::text::wizard::WIZARD_LABEL>
            {move || match step.get() {
                Step::Product => view! { <product_step::ProductStep /> }.into_any(),
                Step::Csr => view! { <csr_step::CsrStep /> }.into_any(),
                Step::Names => view! { <names_step::NamesStep /> }.into_any(),
                Step::Validation => view! { <validation_step::ValidationStep /> }.into_any(),
                Step::Contacts => view! { <contacts_step::ContactsStep /> }.into_any(),
                Step::Review => view! { <review_step::ReviewStep /> }.into_any(),
            }}
        </div>
    }
}

/// The wizard's context, for the step components.
pub(crate) fn use_wizard() -> WizardCtx {
    use_context::<WizardCtx>().unwrap_or_else(|| WizardCtx {
        wizard: RwSignal::new(Wizard::default()),
        deployment: StoredValue::new(Deployment {
            mode: crate::deployment::Mode::Reseller,
            providers: Vec::new(),
        }),
        fixed_provider: false,
        summary_focus: RwSignal::new(0),
    })
}
