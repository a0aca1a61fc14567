//! The draft the wizard keeps in the browser's storage, and the CSR step's rules.
//!
//! The draft holds what the customer chose and typed: public data only. The CSR is public;
//! a private key pasted by mistake is removed by [`crate::csr::input::on_paste`] before it
//! reaches the draft, and [`WizardDraft::to_storage`] checks again. Credentials never reach
//! the browser at all (docs/design.md, security model).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::{FieldError, Wizard, catalog::ProductFilter};
use crate::csr::{self, input::PasteAction};
use crate::domain::DomainName;
use crate::order::{Contact, DcvChoice, DcvMethod, OrderDraft, Organization, Quote};
use crate::product::{Capabilities, CsrUse, Period, Product, ProviderKind};
use crate::text::wizard as text;

/// The storage key the draft is kept under.
pub const STORAGE_KEY: &str = "certorder.wizard.draft";

/// What the customer chose and typed, step by step.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct WizardDraft {
    /// Step 1: the provider.
    pub provider: Option<ProviderKind>,
    /// Step 1: the catalog filters.
    pub filter: ProductFilter,
    /// Step 1: the product code.
    pub product: Option<String>,
    /// Step 1: the period.
    pub period: Option<Period>,
    /// Step 2: the CSR as pasted (PEM text; public).
    pub csr: String,
    /// Step 2: the names the CSR asks for, as read when it was given.
    pub csr_names: Vec<String>,
    /// Step 3: the names, common name first, as typed.
    pub names: Vec<String>,
    /// Step 3: what the add-name box holds, typed but not added yet: kept so that a reload
    /// loses nothing typed. Not part of the order until it is added.
    pub name_being_added: String,
    /// Step 3: what a listed name's field holds while it is typed in, by the name's index,
    /// before it is applied (a name is applied when its field is left): kept so that a reload
    /// loses nothing typed, and applied when the draft is resumed.
    pub names_being_edited: BTreeMap<usize, String>,
    /// Step 4: the DCV choices.
    pub dcv: DcvDraft,
    /// Step 5: the contact person.
    pub contact: Contact,
    /// Step 5: the organisation.
    pub organization: Organization,
    /// Step 6: the terms accepted.
    pub terms: bool,
    /// Step 6: the order attempt, once the customer pressed submit.
    pub attempt: Option<Attempt>,
}

/// The DCV choices: one method for the order, or one per name, and approver addresses.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct DcvDraft {
    /// The method for every name (providers that take one per order).
    pub method: Option<DcvMethod>,
    /// Per name (A-label): its method, where the provider takes one per name.
    pub methods: BTreeMap<String, DcvMethod>,
    /// Per name (A-label): the approver address, for e-mail validation.
    pub approvers: BTreeMap<String, String>,
}

/// One attempt at placing the order: the Idempotency-Key made for it, kept with the draft
/// so a retry after a reload reuses it, and how it ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attempt {
    /// The `Idempotency-Key` every try of this attempt sends.
    pub key: String,
    /// A digest of the order draft the key was made for: another draft gets another key.
    pub fingerprint: String,
    /// How the last try ended.
    pub state: AttemptState,
}

/// How an attempt's last try ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "state")]
pub enum AttemptState {
    /// Sent; no answer yet (a reload here must not send a second order with another key).
    Sent,
    /// No answer that says whether the order was placed: only the status page goes on.
    InDoubt,
    /// Refused by the provider or the server: nothing was placed, so the customer may change
    /// the draft and try again.
    Refused {
        /// The message shown.
        message: String,
    },
}

impl WizardDraft {
    /// Reads a stored draft; anything unreadable is a fresh draft rather than an error.
    pub fn from_storage(stored: &str) -> Self {
        serde_json::from_slice(stored.as_bytes()).unwrap_or_default()
    }

    /// The draft as stored: never with a private key (checked again here, whatever the input
    /// path did).
    pub fn to_storage(&self) -> String {
        let mut kept = self.clone();
        if let PasteAction::RemoveKey { keep } = csr::input::on_paste(&kept.csr) {
            kept.csr = keep;
        }
        serde_json::to_string(&kept).unwrap_or_default()
    }

    /// Gives the CSR text. When it reads, its names prefill step 3 if the customer has not
    /// typed other names (names equal to the previous CSR's are replaced).
    pub fn set_csr(&mut self, text: String) {
        self.csr = text;
        let names: Vec<String> = match csr::inspect(self.csr.as_bytes()) {
            Ok(inspection) => csr_names(&inspection.info),
            Err(_) => Vec::new(),
        };
        if names.is_empty() {
            return;
        }
        if self.names.is_empty() || self.names == self.csr_names {
            self.names = names.clone();
        }
        self.csr_names = names;
    }

    /// The order draft sent to the provider.
    pub fn to_order_draft(
        &self,
        product: &Product,
        capabilities: &Capabilities,
        quote: Option<&Quote>,
    ) -> OrderDraft {
        let takes_csr = capabilities.csr != CsrUse::NotAccepted;
        let csr = (takes_csr && !self.csr.trim().is_empty()).then(|| self.csr.trim().to_owned());
        // The names step refuses a name that does not parse before the review is reached, so
        // none is dropped here.
        let mut names = self
            .names
            .iter()
            .filter_map(|n| DomainName::parse(n.trim()).ok());
        let common_name = names.next();
        let contact_needed = super::contacts::needed(product, capabilities);
        OrderDraft {
            product: product.id.clone(),
            period: self.period,
            csr,
            common_name,
            sans: names.collect(),
            dcv: self.dcv_choices(capabilities),
            approver: contact_needed.contact.then(|| self.contact.clone()),
            organization: contact_needed
                .organization
                .then(|| self.organization.clone()),
            accepted_quote: quote.cloned(),
            in_one_request: false,
        }
    }

    /// The DCV choices as the provider takes them: one per name where it takes methods per
    /// name or an e-mail approver per name, one for the order otherwise.
    fn dcv_choices(&self, capabilities: &Capabilities) -> Vec<DcvChoice> {
        let per_name = capabilities.dcv.per_name;
        let mut choices = Vec::new();
        for name in self.names.iter().filter_map(|n| DomainName::parse(n).ok()) {
            let method = if per_name {
                self.dcv.methods.get(name.ascii()).cloned()
            } else {
                self.dcv.method.clone()
            };
            let Some(method) = method else { continue };
            let approver = (method == DcvMethod::Email)
                .then(|| self.dcv.approvers.get(name.ascii()).cloned())
                .flatten();
            if !per_name && approver.is_none() {
                return vec![DcvChoice::all(method)];
            }
            choices.push(DcvChoice {
                name: Some(name),
                method,
                approver,
            });
        }
        choices
    }

    /// Begins (or continues) an order attempt for `sent`: the key of the attempt already made
    /// for this very draft, or a new one from `fresh_key` when there is none or the last was
    /// refused for another draft. `None` while an attempt is sent or in doubt for a different
    /// draft: that order may exist, so no second one starts.
    pub fn begin_attempt(
        &mut self,
        sent: &OrderDraft,
        fresh_key: impl FnOnce() -> String,
    ) -> Option<String> {
        let fingerprint = fingerprint(sent);
        match &mut self.attempt {
            Some(attempt) if attempt.fingerprint == fingerprint => {
                attempt.state = AttemptState::Sent;
                Some(attempt.key.clone())
            }
            Some(Attempt {
                state: AttemptState::Sent | AttemptState::InDoubt,
                ..
            }) => None,
            _ => {
                let key = fresh_key();
                self.attempt = Some(Attempt {
                    key: key.clone(),
                    fingerprint,
                    state: AttemptState::Sent,
                });
                Some(key)
            }
        }
    }

    /// Whether an attempt may have placed an order, so the draft must not change.
    pub fn locked(&self) -> bool {
        matches!(
            self.attempt,
            Some(Attempt {
                state: AttemptState::Sent | AttemptState::InDoubt,
                ..
            })
        )
    }
}

/// The names a CSR asks for: its common name, then its DNS SANs, without repeats.
fn csr_names(info: &csr::CsrInfo) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    let mut names = Vec::new();
    for name in info.common_name().into_iter().chain(info.dns_names()) {
        let (key, shown) = match DomainName::parse(name) {
            Ok(n) => (n.ascii().to_owned(), n.unicode().to_owned()),
            Err(_) => (name.to_ascii_lowercase(), name.to_owned()),
        };
        if !seen.contains(&key) {
            seen.push(key);
            names.push(shown);
        }
    }
    names
}

/// A digest of what a draft orders, binding an Idempotency-Key to one draft.
fn fingerprint(draft: &OrderDraft) -> String {
    let mut unpriced = draft.clone();
    // The same order priced again is the same order.
    unpriced.accepted_quote = None;
    let json = serde_json::to_vec(&unpriced).unwrap_or_default();
    Sha256::digest(&json)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Step 2's rules: a CSR where the provider needs one, readable, without errors.
pub(super) fn csr_errors(wizard: &Wizard) -> Vec<FieldError> {
    let text = wizard.draft.csr.trim();
    let required = wizard
        .capabilities
        .as_ref()
        .is_some_and(|c| c.csr == CsrUse::Required);
    if !wizard.takes_csr() {
        return Vec::new();
    }
    if text.is_empty() {
        return if required {
            vec![FieldError::new("csr-text", text::CSR_MISSING)]
        } else {
            Vec::new()
        };
    }
    match csr::inspect(text.as_bytes()) {
        Err(e) => vec![FieldError::new(
            "csr-text",
            text::csr_unreadable(&e.to_string()),
        )],
        Ok(inspection) => match judged(inspection, text, wizard.signature.as_ref()) {
            Ok(()) => Vec::new(),
            Err(error) => vec![error],
        },
    }
}

/// Whether a read CSR may be ordered with: no error finding, and a signature whose outcome is
/// in. Where the report still says "checking" (the browser's WebCrypto answers later), the
/// answer for this very text decides; until it is in, the step waits rather than letting a
/// request with a bad signature through.
pub(super) fn judged(
    inspection: csr::Inspection,
    text: &str,
    answer: Option<&(String, csr::SignatureCheck)>,
) -> Result<(), FieldError> {
    let inspection = match (&inspection.signature, answer) {
        (csr::SignatureCheck::Checking, Some((checked, outcome))) if checked == text => {
            inspection.with_signature(outcome.clone())
        }
        (csr::SignatureCheck::Checking, _) => {
            return Err(FieldError::new("csr-text", text::CSR_SIGNATURE_CHECKING));
        }
        _ => inspection,
    };
    if inspection.is_acceptable() {
        Ok(())
    } else {
        Err(FieldError::new("csr-text", text::CSR_BLOCKED))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CSR: &str = include_str!("../../tests/fixtures/csr/widget/good.csr");

    fn checking() -> csr::Inspection {
        let Ok(inspection) = csr::inspect(CSR.as_bytes()) else {
            panic!("the fixture reads");
        };
        inspection.with_signature(csr::SignatureCheck::Checking)
    }

    fn field_errors(result: Result<(), FieldError>) -> Vec<FieldError> {
        result.err().into_iter().collect()
    }

    // Guards: in the browser a CSR whose signature is still being checked, or was checked
    // for another text, or failed, never passes the step; only its own valid outcome does.
    #[test]
    fn the_csr_step_waits_for_the_signature_and_refuses_a_bad_one() {
        let text = CSR.trim();
        let waiting = field_errors(judged(checking(), text, None));
        assert_eq!(
            waiting,
            vec![FieldError::new("csr-text", text::CSR_SIGNATURE_CHECKING)]
        );
        let other = ("another CSR".to_owned(), csr::SignatureCheck::Valid);
        let stale = field_errors(judged(checking(), text, Some(&other)));
        assert_eq!(
            stale,
            vec![FieldError::new("csr-text", text::CSR_SIGNATURE_CHECKING)]
        );
        let bad = (
            text.to_owned(),
            csr::SignatureCheck::Invalid {
                reason: "signature mismatch".into(),
            },
        );
        let refused = field_errors(judged(checking(), text, Some(&bad)));
        assert_eq!(
            refused,
            vec![FieldError::new("csr-text", text::CSR_BLOCKED)]
        );
        let good = (text.to_owned(), csr::SignatureCheck::Valid);
        assert!(judged(checking(), text, Some(&good)).is_ok());
    }
}
