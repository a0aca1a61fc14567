//! Step 6: check your answers, the provider's own check (quote or dry run), the terms, and the
//! one submit: an Idempotency-Key made once per attempt and kept with the draft, so a retry
//! (after a reload too) can never place a second order.

use super::{AttemptState, FieldError, Load, Step, Wizard, contacts, validation};
use crate::domain::DomainName;
use crate::order::{DcvMethod, OrderDraft};
use crate::text::wizard as text;

/// One answer on the summary, with the step that changes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryRow {
    /// What the row is.
    pub label: &'static str,
    /// The answer.
    pub value: String,
    /// The step its Change link opens.
    pub change: Step,
}

/// Which check the provider offers before ordering.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProviderCheck {
    /// A price for the draft (Realtime Register `quote=true`, SSL247 validate).
    Quote,
    /// A check without a price (Gandi v5 `Dry-Run: 1`).
    DryRun,
    /// None.
    None,
}

/// The check this provider offers.
pub fn provider_check(wizard: &Wizard) -> ProviderCheck {
    match &wizard.capabilities {
        Some(c) if c.quotes => ProviderCheck::Quote,
        Some(c) if c.dry_run => ProviderCheck::DryRun,
        _ => ProviderCheck::None,
    }
}

/// Whether the provider's check should be asked for now: it has one, nothing was asked yet,
/// and every earlier step is complete.
pub fn provider_check_due(wizard: &Wizard) -> bool {
    let complete = wizard
        .steps()
        .into_iter()
        .filter(|s| *s < Step::Review)
        .all(|s| wizard.errors(s).is_empty());
    complete
        && match provider_check(wizard) {
            ProviderCheck::Quote => wizard.quote == Load::Idle,
            ProviderCheck::DryRun => wizard.dry_run == Load::Idle,
            ProviderCheck::None => false,
        }
}

/// The summary of every answer.
pub fn summary(wizard: &Wizard) -> Vec<SummaryRow> {
    let row = |label, value: String, change| SummaryRow {
        label,
        value,
        change,
    };
    let d = &wizard.draft;
    let mut rows = vec![row(
        text::ROW_PROVIDER,
        d.provider.map(|p| p.name().to_owned()).unwrap_or_default(),
        Step::Product,
    )];
    if let Some(product) = wizard.product() {
        rows.push(row(text::ROW_PRODUCT, product.name.clone(), Step::Product));
    }
    if let Some(period) = d.period {
        rows.push(row(text::ROW_PERIOD, period.to_string(), Step::Product));
    }
    if wizard.takes_csr() {
        let csr = crate::csr::inspect(d.csr.trim().as_bytes())
            .map(|i| format!("{} · {}", i.info.subject_line(), i.info.key.description))
            .unwrap_or_default();
        rows.push(row(text::ROW_CSR, csr, Step::Csr));
    } else {
        rows.push(row(text::ROW_CSR, text::NO_CSR.to_owned(), Step::Names));
    }
    let names: Vec<String> = d
        .names
        .iter()
        .map(|n| DomainName::parse(n.trim()).map_or_else(|_| n.clone(), |n| n.unicode().to_owned()))
        .collect();
    rows.push(row(text::ROW_NAMES, names.join(", "), Step::Names));
    rows.push(row(
        text::ROW_VALIDATION,
        validation_summary(wizard),
        Step::Validation,
    ));
    if let (Some(product), Some(caps)) = (wizard.product(), &wizard.capabilities) {
        let needed = contacts::needed(product, caps);
        if needed.organization {
            let o = &d.organization;
            let parts = [
                Some(o.name.as_str()),
                o.address.as_deref(),
                o.postal_code.as_deref(),
                o.city.as_deref(),
                o.state.as_deref(),
                o.country.as_deref(),
            ];
            let value: Vec<&str> = parts
                .into_iter()
                .flatten()
                .filter(|s| !s.is_empty())
                .collect();
            rows.push(row(
                text::ROW_ORGANISATION,
                value.join(", "),
                Step::Contacts,
            ));
        }
        if needed.contact {
            let c = &d.contact;
            let value = format!("{} {} <{}>", c.first_name, c.last_name, c.email);
            rows.push(row(text::ROW_CONTACT, value, Step::Contacts));
        }
    }
    if let Some(quote) = wizard.quote.ready() {
        rows.push(row(text::ROW_PRICE, quote.total.to_string(), Step::Product));
    }
    rows
}

/// Step 6's rules: the terms accepted, the provider's price known where it prices orders
/// (the adapter charges only the accepted quote), its check not failed.
pub(super) fn errors(wizard: &Wizard) -> Vec<FieldError> {
    let mut out = Vec::new();
    match provider_check(wizard) {
        ProviderCheck::Quote if wizard.quote.ready().is_none() => {
            out.push(FieldError::new("provider-check", text::QUOTE_MISSING));
        }
        ProviderCheck::DryRun => {
            if let Load::Failed { message, .. } = &wizard.dry_run {
                out.push(FieldError::new("provider-check", message.clone()));
            }
        }
        _ => {}
    }
    if !wizard.draft.terms {
        out.push(FieldError::new("terms", text::TERMS_MISSING));
    }
    out
}

/// How a submit ended, as the transport reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SubmitOutcome {
    /// The order is placed.
    Placed,
    /// No answer says whether it was placed.
    InDoubt,
    /// Refused: nothing was placed.
    Refused {
        /// The message shown.
        message: String,
    },
}

impl Wizard {
    /// Accepts or withdraws the terms.
    pub fn set_terms(&mut self, accepted: bool) {
        self.draft.terms = accepted;
    }

    /// Starts placing the order: the draft to send and the Idempotency-Key to send it with,
    /// or `None` when it must not be sent (errors on a step, or an earlier attempt for
    /// another draft may have placed an order). `fresh_key` is asked only for a new attempt.
    pub fn begin_submit(
        &mut self,
        fresh_key: impl FnOnce() -> String,
    ) -> Option<(OrderDraft, String)> {
        if self.submitting() {
            return None;
        }
        let blocked = self.steps().into_iter().any(|s| !self.errors(s).is_empty());
        if blocked {
            self.errors_shown = self
                .steps()
                .into_iter()
                .find(|s| !self.errors(*s).is_empty());
            return None;
        }
        let sent = self.order_draft()?;
        let key = self.draft.begin_attempt(&sent, fresh_key)?;
        Some((sent, key))
    }

    /// Whether an attempt is on its way.
    pub fn submitting(&self) -> bool {
        self.draft
            .attempt
            .as_ref()
            .is_some_and(|a| a.state == AttemptState::Sent)
    }

    /// Records how the submit ended. A placed order clears the draft (the status page keeps
    /// the order from then on); the attempt is kept in every other case, so its key is reused.
    pub fn finish_submit(&mut self, outcome: SubmitOutcome) {
        match outcome {
            SubmitOutcome::Placed => {
                *self = Wizard::default();
            }
            SubmitOutcome::InDoubt => {
                if let Some(a) = &mut self.draft.attempt {
                    a.state = AttemptState::InDoubt;
                }
            }
            SubmitOutcome::Refused { message } => {
                if let Some(a) = &mut self.draft.attempt {
                    a.state = AttemptState::Refused { message };
                }
            }
        }
    }
}

/// The validation answer in one line: "DNS record for every name" where every name has the
/// same method and no approver to tell apart, otherwise each name with its method (and its
/// approver for e-mail).
fn validation_summary(wizard: &Wizard) -> String {
    let rows = validation::rows(wizard);
    let shared = rows
        .first()
        .and_then(|first| first.chosen.clone())
        .filter(|m| *m != DcvMethod::Email && rows.iter().all(|r| r.chosen.as_ref() == Some(m)));
    if let Some(method) = shared.filter(|_| rows.len() > 1) {
        return text::for_every_name(&text::method(&method));
    }
    rows.iter()
        .map(|r| {
            let method = r.chosen.as_ref().map(text::method).unwrap_or_default();
            match (&r.chosen, &r.approver) {
                (Some(DcvMethod::Email), Some(a)) => {
                    format!("{}: {method} ({a})", r.name.unicode())
                }
                _ => format!("{}: {method}", r.name.unicode()),
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}
