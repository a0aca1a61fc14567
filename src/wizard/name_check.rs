//! Step 3's check of the names by the provider itself, where its API has one
//! ([`crate::provider::Provider::check_names`]; SSL247 `check-common-name`/`check-san`).
//!
//! The check is asked once the names pass the wizard's own rules, and its answer belongs to
//! the product and names it was asked for: any change makes it stale, and an answer that
//! comes back for names no longer on the page is dropped. A refused name is an error next to
//! that name, which blocks Continue like the wizard's own rules. A check that could not be
//! made (network, the provider's error) blocks nothing: the provider checks the names again
//! when the order is priced and placed, and the page says so, with a retry.

use super::{FieldError, Load, Step, Wizard, names};
use crate::domain::DomainName;
use crate::order::{NameChecks, NameVerdict};
use crate::text::wizard as text;

/// What one check asks the provider: the product and the names as they will be ordered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameCheckRequest {
    /// The product id.
    pub product: String,
    /// The common name.
    pub common_name: DomainName,
    /// The other names, in order.
    pub sans: Vec<DomainName>,
}

/// The provider's check of the names, with what it was asked about.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ProviderNameCheck {
    /// What the last check asked; `None` before any.
    pub asked: Option<NameCheckRequest>,
    /// Where that check stands.
    pub answer: Load<NameChecks>,
}

/// Where the provider's check of the names on the page stands, for the page to say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameCheckStatus {
    /// Nothing to say: the provider has no such check, no product is chosen, or the names
    /// do not pass the wizard's own rules yet.
    NotApplicable,
    /// Due, not asked yet.
    NotAsked,
    /// Asked; the answer is awaited.
    Checking,
    /// The provider accepts every name.
    Accepted,
    /// The provider refuses this many names (each has its error).
    Refused(usize),
    /// The check could not be made; it blocks nothing.
    Failed {
        /// The message, in plain words.
        message: String,
        /// Whether a retry is offered.
        retry: bool,
    },
}

impl NameCheckStatus {
    /// What the page says about it, if anything.
    pub fn message(&self) -> Option<String> {
        match self {
            Self::NotApplicable | Self::NotAsked => None,
            Self::Checking => Some(text::NAME_CHECK_LOADING.to_owned()),
            Self::Accepted => Some(text::NAME_CHECK_ACCEPTED.to_owned()),
            Self::Refused(count) => Some(text::name_check_refused(*count)),
            Self::Failed { message, .. } => Some(text::name_check_failed(message)),
        }
    }
}

/// The check the names on the page call for: at a provider that checks names, with a product
/// chosen, once the names pass the wizard's own rules.
pub fn request(wizard: &Wizard) -> Option<NameCheckRequest> {
    if !wizard.capabilities.as_ref().is_some_and(|c| c.name_checks) {
        return None;
    }
    if !names::local_errors(wizard).is_empty() {
        return None;
    }
    let draft = wizard.order_draft()?;
    Some(NameCheckRequest {
        product: draft.product,
        common_name: draft.common_name?,
        sans: draft.sans,
    })
}

/// The check to ask now: the names on the page call for one and it was not asked for them
/// (a failed check is asked again only by [`Wizard::retry_name_check`]).
pub fn due(wizard: &Wizard) -> Option<NameCheckRequest> {
    let request = request(wizard)?;
    let asked = wizard.name_check.asked.as_ref() == Some(&request)
        && !matches!(wizard.name_check.answer, Load::Idle);
    (!asked).then_some(request)
}

/// Where the check of the names on the page stands.
pub fn status(wizard: &Wizard) -> NameCheckStatus {
    let Some(request) = request(wizard) else {
        return NameCheckStatus::NotApplicable;
    };
    if wizard.name_check.asked.as_ref() != Some(&request) {
        return NameCheckStatus::NotAsked;
    }
    match &wizard.name_check.answer {
        Load::Idle => NameCheckStatus::NotAsked,
        Load::Loading => NameCheckStatus::Checking,
        Load::Ready(checks) => match checks.refused().count() {
            0 => NameCheckStatus::Accepted,
            n => NameCheckStatus::Refused(n),
        },
        Load::Failed { message, retry } => NameCheckStatus::Failed {
            message: message.clone(),
            retry: *retry,
        },
    }
}

/// The answer for the names on the page, when there is one.
fn current_answer(wizard: &Wizard) -> Option<&NameChecks> {
    let request = request(wizard)?;
    (wizard.name_check.asked.as_ref() == Some(&request))
        .then(|| wizard.name_check.answer.ready())
        .flatten()
}

/// Each refused name as an error next to it, with the provider's reason and what to do.
pub(super) fn errors(wizard: &Wizard) -> Vec<FieldError> {
    let Some(checks) = current_answer(wizard) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (index, typed) in wizard.draft.names.iter().enumerate() {
        let Ok(name) = DomainName::parse(typed.trim()) else {
            continue;
        };
        if let Some(NameVerdict::Refused { reason }) = checks.verdict(name.ascii()) {
            out.push(FieldError::new(
                names::field_id(index),
                text::name_refused(name.unicode(), reason),
            ));
        }
    }
    out
}

impl Wizard {
    /// Marks the due check as asked and returns what to ask; `None` when none is due.
    pub fn begin_name_check(&mut self) -> Option<NameCheckRequest> {
        let request = due(self)?;
        self.name_check = ProviderNameCheck {
            asked: Some(request.clone()),
            answer: Load::Loading,
        };
        Some(request)
    }

    /// Asks a failed check again; `None` unless the check of the names on the page failed.
    pub fn retry_name_check(&mut self) -> Option<NameCheckRequest> {
        if !matches!(status(self), NameCheckStatus::Failed { .. }) {
            return None;
        }
        self.name_check.answer = Load::Idle;
        self.begin_name_check()
    }

    /// Keeps the provider's answer to `asked`, unless another check was asked since (the
    /// names changed while it ran). A refusal is shown at once, next to the name, without
    /// waiting for a Continue. A failure always offers a retry: a check changes nothing at
    /// the provider, so asking again is safe whatever went wrong.
    pub fn finish_name_check(&mut self, asked: &NameCheckRequest, answer: Load<NameChecks>) {
        if self.name_check.asked.as_ref() != Some(asked) {
            return;
        }
        let answer = match answer {
            Load::Failed { message, .. } => Load::Failed {
                message,
                retry: true,
            },
            other => other,
        };
        let refused = answer.ready().is_some_and(|c| !c.all_accepted());
        self.name_check.answer = answer;
        if refused && matches!(self.errors_shown, None | Some(Step::Names)) {
            self.errors_shown = Some(Step::Names);
        }
    }
}
