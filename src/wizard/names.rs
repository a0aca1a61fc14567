//! Step 3: the names, common name first. The blocking rules are the model's
//! ([`crate::order::check`]: validity, duplicates, the product's limits and wildcards, the
//! free twin not counted); this module adds what the customer sees per name (U-label shown,
//! A-label sent, the free twin, names a wildcard covers) and the CSR mismatch explained; the
//! provider's own check of the names is in [`super::name_check`].

use super::{FieldError, Wizard};
use crate::domain::{DomainName, covered_by_wildcard, duplicates};
use crate::order::{DraftProblem, check};
use crate::product::Product;
use crate::text::wizard as text;

/// What the customer sees about one name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameRow {
    /// As typed.
    pub typed: String,
    /// As shown: the U-label form when it parses.
    pub shown: String,
    /// The A-label form sent, when it differs from what is shown (an IDN).
    pub sent_as: Option<String>,
    /// Notes that do not block: the free twin, a name a wildcard covers.
    pub notes: Vec<String>,
    /// The problem that blocks, if any.
    pub error: Option<String>,
}

/// The id of name `index`'s field, for errors and the summary.
pub fn field_id(index: usize) -> String {
    format!("name-{index}")
}

/// Every name's row.
pub fn rows(wizard: &Wizard) -> Vec<NameRow> {
    let names = &wizard.draft.names;
    let parsed: Vec<Option<DomainName>> = names
        .iter()
        .map(|n| DomainName::parse(n.trim()).ok())
        .collect();
    let valid: Vec<(usize, DomainName)> = parsed
        .iter()
        .enumerate()
        .filter_map(|(i, n)| n.clone().map(|n| (i, n)))
        .collect();
    let only: Vec<DomainName> = valid.iter().map(|(_, n)| n.clone()).collect();
    let errors = errors(wizard);
    let mut rows: Vec<NameRow> = names
        .iter()
        .zip(&parsed)
        .enumerate()
        .map(|(index, (typed, name))| NameRow {
            typed: typed.clone(),
            shown: name
                .as_ref()
                .map_or_else(|| typed.clone(), |n| n.unicode().to_owned()),
            sent_as: name
                .as_ref()
                .filter(|n| n.ascii() != n.unicode())
                .map(|n| n.ascii().to_owned()),
            notes: Vec::new(),
            error: errors
                .iter()
                .find(|e| e.field == field_id(index))
                .map(|e| e.message.clone()),
        })
        .collect();
    for (covered, wildcard) in covered_by_wildcard(&only) {
        if let (Some((row, name)), Some((_, by))) = (valid.get(covered), valid.get(wildcard))
            && let Some(r) = rows.get_mut(*row)
        {
            r.notes.push(text::covered(name.unicode(), by.unicode()));
        }
    }
    if let Some(product) = wizard.product()
        && let Some(twin) = free_twin_index(&parsed, product)
        && let Some(row) = rows.get_mut(twin)
    {
        row.notes.push(text::free_twin(&row.shown));
    }
    rows
}

/// The index of the name that is the common name's free www/apex twin, if the product adds
/// one and the order lists it ([`crate::product::FreeTwin::twin_of`], as the check counts it).
fn free_twin_index(parsed: &[Option<DomainName>], product: &Product) -> Option<usize> {
    let cn = parsed.first()?.as_ref()?;
    let twin = product.free_twin.twin_of(cn)?;
    parsed
        .iter()
        .skip(1)
        .position(|n| n.as_ref() == Some(&twin))
        .map(|i| i + 1)
}

/// The count shown against the product's limit, the free twin not counted.
pub fn count_line(wizard: &Wizard) -> String {
    let parsed: Vec<Option<DomainName>> = wizard
        .draft
        .names
        .iter()
        .map(|n| DomainName::parse(n.trim()).ok())
        .collect();
    let product = wizard.product();
    let free = product.and_then(|p| free_twin_index(&parsed, p)).is_some();
    let counted = parsed.len() - usize::from(free);
    text::names_count(
        counted,
        product.and_then(|p| p.max_names),
        product.and_then(|p| p.included_names),
    )
}

/// Names in the CSR and not ordered, and ordered and not in the CSR, each explained.
pub fn csr_mismatch(wizard: &Wizard) -> Vec<String> {
    let key = |n: &String| {
        DomainName::parse(n.trim())
            .map(|d| d.ascii().to_owned())
            .ok()
    };
    let ordered: Vec<Option<String>> = wizard.draft.names.iter().map(key).collect();
    let in_csr: Vec<Option<String>> = wizard.draft.csr_names.iter().map(key).collect();
    if !wizard.takes_csr() || wizard.draft.csr.trim().is_empty() || in_csr.is_empty() {
        return Vec::new();
    }
    let left_out: Vec<&str> = wizard
        .draft
        .csr_names
        .iter()
        .zip(&in_csr)
        .filter(|(_, k)| k.is_some() && !ordered.contains(k))
        .map(|(n, _)| n.as_str())
        .collect();
    let added: Vec<&str> = wizard
        .draft
        .names
        .iter()
        .zip(&ordered)
        .filter(|(_, k)| k.is_some() && !in_csr.contains(k))
        .map(|(n, _)| n.as_str())
        .collect();
    let mut out = Vec::new();
    if !left_out.is_empty() {
        out.push(text::csr_names_left_out(&left_out.join(", ")));
    }
    if !added.is_empty() {
        out.push(text::names_not_in_csr(&added.join(", ")));
    }
    out
}

impl Wizard {
    /// Adds a name at the end, trimmed; nothing when blank.
    pub fn add_name(&mut self, name: &str) {
        let name = name.trim();
        if !name.is_empty() {
            self.draft.names.push(name.to_owned());
            self.reset_provider_answers();
        }
    }

    /// Keeps what the add-name box holds, as typed.
    pub fn type_name_to_add(&mut self, text: String) {
        self.draft.name_being_added = text;
    }

    /// Adds what the add-name box holds (as [`Wizard::add_name`]) and empties the box.
    pub fn add_typed_name(&mut self) {
        let typed = std::mem::take(&mut self.draft.name_being_added);
        self.add_name(&typed);
    }

    /// Removes name `index`.
    pub fn remove_name(&mut self, index: usize) {
        // The indices move; a field being typed in was left (and applied) before the click.
        self.draft.names_being_edited.clear();
        if index < self.draft.names.len() {
            self.draft.names.remove(index);
            self.reset_provider_answers();
        }
    }

    /// Keeps what name `index`'s field holds while it is typed in, before it is applied.
    pub fn type_name_edit(&mut self, index: usize, text: String) {
        if index < self.draft.names.len() {
            self.draft.names_being_edited.insert(index, text);
        }
    }

    /// Replaces name `index` with what was typed.
    pub fn edit_name(&mut self, index: usize, name: String) {
        self.draft.names_being_edited.remove(&index);
        if let Some(slot) = self.draft.names.get_mut(index) {
            *slot = name;
            self.reset_provider_answers();
        }
    }
}

/// Step 3's rules: the wizard's own ([`local_errors`]), then the names the provider's own
/// check refused ([`super::name_check`]).
pub(super) fn errors(wizard: &Wizard) -> Vec<FieldError> {
    let mut out = local_errors(wizard);
    for refused in super::name_check::errors(wizard) {
        if !out.iter().any(|e| e.field == refused.field) {
            out.push(refused);
        }
    }
    out
}

/// The wizard's own rules: the model's check of the names against the product, each problem
/// put next to the name it concerns, plus names no public certificate may carry.
pub(super) fn local_errors(wizard: &Wizard) -> Vec<FieldError> {
    let names = &wizard.draft.names;
    if names.iter().all(|n| n.trim().is_empty()) {
        return vec![FieldError::new("add-name", text::ADD_NAME_EMPTY)];
    }
    let parsed: Vec<Option<DomainName>> = names
        .iter()
        .map(|n| DomainName::parse(n.trim()).ok())
        .collect();
    let index_of = |ascii: &str| {
        parsed
            .iter()
            .rposition(|n| n.as_ref().is_some_and(|n| n.ascii() == ascii))
    };
    let mut out: Vec<FieldError> = Vec::new();
    let mut push = |field: String, message: String| {
        if !out.iter().any(|e| e.field == field) {
            out.push(FieldError::new(field, message));
        }
    };
    for (index, (typed, name)) in names.iter().zip(&parsed).enumerate() {
        match name {
            None => {
                let reason = DomainName::parse(typed.trim())
                    .err()
                    .map(|e| e.to_string())
                    .unwrap_or_default();
                push(field_id(index), format!("{typed}: {reason}"));
            }
            Some(n) => {
                if let Some(reserved) = n.reserved() {
                    push(
                        field_id(index),
                        text::reserved(n.unicode(), reserved.description()),
                    );
                }
            }
        }
    }
    let only: Vec<DomainName> = parsed.iter().flatten().cloned().collect();
    for (_, later) in duplicates(&only) {
        if let Some(name) = only.get(later)
            && let Some(index) = index_of(name.ascii())
        {
            push(field_id(index), text::duplicate(name.unicode()));
        }
    }
    let (Some(draft), Some(product), Some(caps)) = (
        wizard.order_draft(),
        wizard.product(),
        wizard.capabilities.as_ref(),
    ) else {
        return out;
    };
    for problem in check(&draft, product, caps) {
        if problem.field() != "names" {
            continue;
        }
        let field = match &problem {
            DraftProblem::WildcardMismatch { name, .. } | DraftProblem::DuplicateName { name } => {
                index_of(name).map_or_else(|| "add-name".to_owned(), field_id)
            }
            // Invalid names are reported above, with the customer's spelling.
            DraftProblem::InvalidName { .. } => continue,
            _ => "add-name".to_owned(),
        };
        push(field, problem.to_string());
    }
    out
}
