//! The order wizard (steps 1-6) as plain Rust: its state, every step's rules and field
//! errors, the draft kept in the browser's storage, and the Idempotency-Key of an order
//! attempt. The Leptos components in `ui::pages::order` only read this state, call its
//! methods and render; nothing here touches the DOM or the network, so it is tested natively.
//!
//! The wizard holds two kinds of state: the [`WizardDraft`], what the customer chose and
//! typed (serialised to storage; never a private key, never credentials), and what the
//! session read from the provider (catalog, approver lists, preview, price), which is read
//! again after a reload.

pub mod catalog;
pub mod contacts;
pub mod draft;
pub mod name_check;
pub mod names;
pub mod review;
pub mod step;
pub mod validation;

use std::collections::BTreeMap;

use crate::order::{ApproverEmails, NameValidation, OrderDraft, Quote};
use crate::product::{Capabilities, CsrUse, Product, ProviderKind};

pub use draft::{Attempt, AttemptState, WizardDraft};
pub use step::{OrderRoute, Step};

/// Where one provider read stands.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Load<T> {
    /// Not asked yet.
    #[default]
    Idle,
    /// Asked; the answer is awaited.
    Loading,
    /// Answered.
    Ready(T),
    /// Failed, with the message to show and whether asking again is safe.
    Failed {
        /// The message, in plain words.
        message: String,
        /// Whether a retry is offered.
        retry: bool,
    },
}

impl<T> Load<T> {
    /// The answer, when there is one.
    pub fn ready(&self) -> Option<&T> {
        match self {
            Load::Ready(value) => Some(value),
            _ => None,
        }
    }

    /// Whether the answer is awaited.
    pub fn is_loading(&self) -> bool {
        matches!(self, Load::Loading)
    }
}

/// A problem with one field, shown next to it and in the step's error summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The `id` of the control it concerns, so the summary links to it.
    pub field: String,
    /// What is wrong and what to do, in the catalog's words.
    pub message: String,
}

impl FieldError {
    /// A problem with `field`.
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
        }
    }
}

/// The order wizard: the draft and what the session read from the provider.
#[derive(Debug, Clone, Default)]
pub struct Wizard {
    /// What the customer chose and typed; kept in storage.
    pub draft: WizardDraft,
    /// The chosen provider's capabilities, set with the provider.
    pub capabilities: Option<Capabilities>,
    /// The chosen provider's catalog.
    pub catalog: Load<Vec<Product>>,
    /// Approver mailboxes the provider listed, by base name (A-label).
    pub approvers: BTreeMap<String, Load<ApproverEmails>>,
    /// The provider's own check of the names (step 3), where its API has one.
    pub name_check: name_check::ProviderNameCheck,
    /// The provider's DCV preview for the draft.
    pub preview: Load<Vec<NameValidation>>,
    /// The provider's price for the draft (quote) where it prices one.
    pub quote: Load<Quote>,
    /// The provider's check of the draft (dry run) where it checks one.
    pub dry_run: Load<()>,
    /// The step whose errors are shown (after a Continue that found some).
    pub errors_shown: Option<Step>,
    /// The browser's signature outcome and the CSR text it is for: in the browser
    /// `csr::inspect` leaves the signature "checking", and WebCrypto answers later. Never
    /// stored; a reload checks again.
    pub signature: Option<(String, crate::csr::SignatureCheck)>,
}

impl Wizard {
    /// A wizard continuing `draft` (as read back from storage). An attempt that was on its
    /// way when the page went away is in doubt: sending it again is safe only with its own
    /// key, which [`Wizard::begin_submit`] reuses for the same draft.
    pub fn resume(mut draft: WizardDraft) -> Self {
        if let Some(attempt) = &mut draft.attempt
            && attempt.state == AttemptState::Sent
        {
            attempt.state = AttemptState::InDoubt;
        }
        // A name typed in its field before the reload, never applied: applied now, as leaving
        // the field would have, unless an order may have been placed with the names as they are.
        let edits = std::mem::take(&mut draft.names_being_edited);
        if !draft.locked() {
            for (index, typed) in edits {
                if let Some(name) = draft.names.get_mut(index) {
                    *name = typed;
                }
            }
        }
        Self {
            draft,
            ..Self::default()
        }
    }

    /// Chooses the provider. Another provider than before starts the product choice anew
    /// (products, DCV and prices differ); the CSR, names and contacts are kept.
    pub fn set_provider(&mut self, kind: ProviderKind, capabilities: Capabilities) {
        if self.draft.provider != Some(kind) {
            self.draft.provider = Some(kind);
            self.draft.product = None;
            self.draft.period = None;
            self.draft.dcv = draft::DcvDraft::default();
            self.catalog = Load::Idle;
            self.approvers.clear();
            self.reset_provider_answers();
        }
        self.capabilities = Some(capabilities);
    }

    /// The chosen product, when the catalog has it.
    pub fn product(&self) -> Option<&Product> {
        let id = self.draft.product.as_deref()?;
        self.catalog.ready()?.iter().find(|p| p.id == id)
    }

    /// Whether the provider takes a CSR at all.
    pub fn takes_csr(&self) -> bool {
        self.capabilities
            .as_ref()
            .is_none_or(|c| c.csr != CsrUse::NotAccepted)
    }

    /// The steps this order walks: the CSR step only where the provider takes a CSR, the
    /// contacts step only where the product needs details beyond the names.
    pub fn steps(&self) -> Vec<Step> {
        Step::ALL
            .into_iter()
            .filter(|step| match step {
                Step::Csr => self.takes_csr(),
                Step::Contacts => self.needs_contacts(),
                _ => true,
            })
            .collect()
    }

    /// Whether the chosen product needs step 5.
    pub fn needs_contacts(&self) -> bool {
        match (self.product(), &self.capabilities) {
            (Some(product), Some(caps)) => contacts::needed(product, caps).any(),
            _ => false,
        }
    }

    /// The step after `step` in this order, if any.
    pub fn next(&self, step: Step) -> Option<Step> {
        self.steps().into_iter().find(|s| *s > step)
    }

    /// The step before `step` in this order, if any.
    pub fn previous(&self, step: Step) -> Option<Step> {
        self.steps().into_iter().rev().find(|s| *s < step)
    }

    /// The step's errors, whether shown or not.
    pub fn errors(&self, step: Step) -> Vec<FieldError> {
        match step {
            Step::Product => catalog::errors(self),
            Step::Csr => draft::csr_errors(self),
            Step::Names => names::errors(self),
            Step::Validation => validation::errors(self),
            Step::Contacts => contacts::errors(self),
            Step::Review => review::errors(self),
        }
    }

    /// The errors to show now: those of `step` once a Continue found some.
    pub fn shown_errors(&self, step: Step) -> Vec<FieldError> {
        if self.errors_shown == Some(step) {
            self.errors(step)
        } else {
            Vec::new()
        }
    }

    /// Continue from `step`: the next step when this one has no errors and every earlier one
    /// is complete too; otherwise the errors are shown and the wizard stays (or goes back to
    /// the first earlier step with errors).
    pub fn continue_from(&mut self, step: Step) -> Step {
        for earlier in self.steps().into_iter().filter(|s| *s <= step) {
            if !self.errors(earlier).is_empty() {
                self.errors_shown = Some(earlier);
                return earlier;
            }
        }
        self.errors_shown = None;
        self.next(step).unwrap_or(step)
    }

    /// The CSR text whose signature the browser still has to check: the draft's CSR where
    /// `csr::inspect` left its signature "checking" (in the browser WebCrypto answers later)
    /// and no outcome is in for that text. Until it is, where a customer belongs is not
    /// known yet: a reload on step 3 must not be sent back to step 2 for it.
    pub fn signature_due(&self) -> Option<String> {
        let text = self.draft.csr.trim();
        if text.is_empty() || !self.takes_csr() {
            return None;
        }
        let answered = self.signature.as_ref().is_some_and(|(t, _)| t == text);
        let checking = crate::csr::inspect(text.as_bytes())
            .is_ok_and(|i| matches!(i.signature, crate::csr::SignatureCheck::Checking));
        (checking && !answered).then(|| text.to_owned())
    }

    /// Where a customer who opens `step` belongs: `step` itself when every step before it is
    /// complete, otherwise the first incomplete one (a bookmark of step 6 with an empty draft
    /// opens step 1).
    pub fn reachable(&self, step: Step) -> Step {
        self.steps()
            .into_iter()
            .filter(|s| *s < step)
            .find(|s| !self.errors(*s).is_empty())
            .unwrap_or(step)
    }

    /// The order draft as the provider is sent it, built from the wizard's draft; `None`
    /// before provider and product are chosen.
    pub fn order_draft(&self) -> Option<OrderDraft> {
        let product = self.product()?;
        let caps = self.capabilities.as_ref()?;
        Some(self.draft.to_order_draft(product, caps, self.quote.ready()))
    }

    /// Forgets what the provider said about the draft (preview, price, check), after a change
    /// that makes it stale.
    pub fn reset_provider_answers(&mut self) {
        self.preview = Load::Idle;
        self.quote = Load::Idle;
        self.dry_run = Load::Idle;
    }
}
