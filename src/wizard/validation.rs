//! Step 4: domain control validation. The methods come from the provider's capabilities for
//! each kind of name (a wildcard is never offered a file method; docs/providers.md §5),
//! narrowed by the product's list; approver addresses come from the provider's own list
//! where it has a look-up, or are the constructed mailboxes, each with why it qualifies.

use super::{FieldError, Load, Wizard};
use crate::domain::DomainName;
use crate::order::{DcvMethod, NameValidation};
use crate::text::wizard as text;

/// One approver address on offer, with the line on why it qualifies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApproverOption {
    /// The mailbox.
    pub email: String,
    /// Why the CA accepts it.
    pub why: String,
}

/// One name's validation choices.
#[derive(Debug, Clone, PartialEq)]
pub struct DcvRow {
    /// The name.
    pub name: DomainName,
    /// The methods this name may use.
    pub methods: Vec<DcvMethod>,
    /// The method chosen for it (its own, or the order's).
    pub chosen: Option<DcvMethod>,
    /// The approver addresses, when the method is e-mail.
    pub approvers: Load<Vec<ApproverOption>>,
    /// The approver chosen.
    pub approver: Option<String>,
}

/// The id of name `index`'s method picker.
pub fn method_field(index: usize) -> String {
    format!("dcv-method-{index}")
}

/// The id of name `index`'s approver picker.
pub fn approver_field(index: usize) -> String {
    format!("dcv-approver-{index}")
}

/// The id of the order's one method picker.
pub const ORDER_METHOD_FIELD: &str = "dcv-method";

/// Whether methods are chosen per name (else once for the order).
pub fn per_name(wizard: &Wizard) -> bool {
    wizard.capabilities.as_ref().is_some_and(|c| c.dcv.per_name)
}

/// The parsed names of the order, common name first; unparsable ones are step 3's problem.
fn names(wizard: &Wizard) -> Vec<DomainName> {
    let mut out: Vec<DomainName> = Vec::new();
    for name in wizard
        .draft
        .names
        .iter()
        .filter_map(|n| DomainName::parse(n.trim()).ok())
    {
        if !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

/// The methods for one name: the provider's for that kind of name, narrowed to the product's
/// list when it has one.
pub fn methods_for(wizard: &Wizard, name: &DomainName) -> Vec<DcvMethod> {
    let Some(caps) = &wizard.capabilities else {
        return Vec::new();
    };
    let product_methods = wizard
        .product()
        .map(|p| p.dcv_methods.clone())
        .unwrap_or_default();
    caps.dcv
        .for_name(name.ascii())
        .iter()
        .filter(|m| product_methods.is_empty() || product_methods.contains(m))
        .cloned()
        .collect()
}

/// The methods every name of the order may use, for the per-order picker.
pub fn order_methods(wizard: &Wizard) -> Vec<DcvMethod> {
    let names = names(wizard);
    let Some(first) = names.first() else {
        return Vec::new();
    };
    let mut common = methods_for(wizard, first);
    for name in &names[1..] {
        let these = methods_for(wizard, name);
        common.retain(|m| these.contains(m));
    }
    common
}

/// Whether the order has a wildcard, so the page says why file methods are missing.
pub fn has_wildcard(wizard: &Wizard) -> bool {
    names(wizard).iter().any(DomainName::is_wildcard)
}

/// The approver addresses for `name`: the provider's list when it has a look-up (loaded into
/// [`Wizard::approvers`]), the constructed mailboxes otherwise.
pub fn approver_options(wizard: &Wizard, name: &DomainName) -> Load<Vec<ApproverOption>> {
    let lookup = wizard
        .capabilities
        .as_ref()
        .is_some_and(|c| c.approver_lookup);
    let base = name.base();
    let constructed = base.approver_candidates();
    let why = |email: &str| {
        let (local, domain) = email.split_once('@').unwrap_or((email, ""));
        if constructed.iter().any(|c| c == email) {
            text::approver_constructed(local, domain)
        } else {
            let provider = wizard.draft.provider.map(|p| p.name()).unwrap_or_default();
            text::approver_listed(provider)
        }
    };
    let options = |emails: &[String]| {
        emails
            .iter()
            .map(|email| ApproverOption {
                email: email.clone(),
                why: why(email),
            })
            .collect()
    };
    if !lookup {
        return Load::Ready(options(&constructed));
    }
    match wizard.approvers.get(base.ascii()) {
        None | Some(Load::Idle) => Load::Idle,
        Some(Load::Loading) => Load::Loading,
        Some(Load::Ready(list)) => Load::Ready(options(&list.emails)),
        Some(Load::Failed { message, retry }) => Load::Failed {
            message: message.clone(),
            retry: *retry,
        },
    }
}

/// Every name's row.
pub fn rows(wizard: &Wizard) -> Vec<DcvRow> {
    let per_name = per_name(wizard);
    let dcv = &wizard.draft.dcv;
    names(wizard)
        .into_iter()
        .map(|name| {
            let chosen = if per_name {
                dcv.methods.get(name.ascii()).cloned()
            } else {
                dcv.method.clone()
            };
            let approvers = if chosen == Some(DcvMethod::Email) {
                approver_options(wizard, &name)
            } else {
                Load::Ready(Vec::new())
            };
            DcvRow {
                methods: methods_for(wizard, &name),
                approver: dcv.approvers.get(name.ascii()).cloned(),
                name,
                chosen,
                approvers,
            }
        })
        .collect()
}

/// The base names (A-label) whose approver list the provider should be asked for now: names
/// validated by e-mail, at a provider with a look-up, not asked yet.
pub fn approver_lookups_due(wizard: &Wizard) -> Vec<String> {
    if !wizard
        .capabilities
        .as_ref()
        .is_some_and(|c| c.approver_lookup)
    {
        return Vec::new();
    }
    let mut due: Vec<String> = Vec::new();
    for row in rows(wizard) {
        let base = row.name.base().ascii().to_owned();
        if row.chosen == Some(DcvMethod::Email)
            && matches!(wizard.approvers.get(&base), None | Some(Load::Idle))
            && !due.contains(&base)
        {
            due.push(base);
        }
    }
    due
}

/// The preview's records, when the provider gave them.
pub fn preview(wizard: &Wizard) -> Option<&[NameValidation]> {
    wizard.preview.ready().map(Vec::as_slice)
}

/// Whether the provider can preview the DCV details of the draft's method now (one method,
/// not e-mail, chosen).
pub fn preview_possible(wizard: &Wizard) -> bool {
    let caps_ok = wizard.capabilities.as_ref().is_some_and(|c| c.dcv_preview);
    caps_ok
        && !per_name(wizard)
        && wizard
            .draft
            .dcv
            .method
            .as_ref()
            .is_some_and(|m| *m != DcvMethod::Email)
}

impl Wizard {
    /// Chooses the method for the whole order.
    pub fn choose_order_method(&mut self, method: DcvMethod) {
        self.draft.dcv.method = Some(method);
        self.reset_provider_answers();
    }

    /// Chooses the method for one name (A-label).
    pub fn choose_name_method(&mut self, name: &str, method: DcvMethod) {
        self.draft.dcv.methods.insert(name.to_owned(), method);
        self.reset_provider_answers();
    }

    /// Chooses the approver address for one name (A-label).
    pub fn choose_approver(&mut self, name: &str, email: String) {
        self.draft.dcv.approvers.insert(name.to_owned(), email);
        self.reset_provider_answers();
    }

    /// Fills in what needs no choice: the only method on offer, and the first approver where
    /// a name has exactly one, so a one-option step is not a chore.
    pub fn default_dcv(&mut self) {
        if per_name(self) {
            for row in rows(self) {
                if row.chosen.is_none()
                    && let [only] = row.methods.as_slice()
                {
                    self.draft
                        .dcv
                        .methods
                        .insert(row.name.ascii().to_owned(), only.clone());
                }
            }
        } else if self.draft.dcv.method.is_none()
            && let [only] = order_methods(self).as_slice()
        {
            self.draft.dcv.method = Some(only.clone());
        }
    }
}

/// Step 4's rules: a method allowed for each name, an approver for each e-mail name taken
/// from the options on offer.
pub(super) fn errors(wizard: &Wizard) -> Vec<FieldError> {
    let mut out = Vec::new();
    let per_name = per_name(wizard);
    if !per_name {
        let methods = order_methods(wizard);
        match &wizard.draft.dcv.method {
            _ if methods.is_empty() => {
                out.push(FieldError::new(ORDER_METHOD_FIELD, text::METHOD_NONE));
            }
            None => out.push(FieldError::new(ORDER_METHOD_FIELD, text::METHOD_MISSING)),
            Some(m) if !methods.contains(m) => {
                out.push(FieldError::new(ORDER_METHOD_FIELD, text::METHOD_MISSING));
            }
            Some(_) => {}
        }
    }
    for (index, row) in rows(wizard).into_iter().enumerate() {
        if per_name && !row.chosen.as_ref().is_some_and(|m| row.methods.contains(m)) {
            out.push(FieldError::new(method_field(index), text::METHOD_MISSING));
            continue;
        }
        if row.chosen != Some(DcvMethod::Email) {
            continue;
        }
        // An approver chosen from the provider's list stays chosen while the list is read
        // again (after a reload, the list is asked for only on this step): a later step must
        // not send the customer back here for it. A list that is in decides.
        let offered = match &row.approvers {
            Load::Ready(options) => row
                .approver
                .as_ref()
                .is_some_and(|a| options.iter().any(|o| &o.email == a)),
            _ => row.approver.is_some(),
        };
        if !offered {
            out.push(FieldError::new(
                approver_field(index),
                text::APPROVER_MISSING,
            ));
        }
    }
    out
}
