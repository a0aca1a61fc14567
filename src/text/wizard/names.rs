//! Step 3's words: the names, their limits, and the provider's own check of them.

/// Step 3's lead.
pub const NAMES_LEAD: &str = "The first name is the common name. Names are shown as people read them and sent to the provider in their ASCII form.";
/// The label of name `index` (0 = common name).
pub fn name_label(index: usize) -> String {
    if index == 0 {
        "Common name".into()
    } else {
        format!("Name {}", index + 1)
    }
}
/// The add-a-name field's label.
pub const ADD_NAME_LABEL: &str = "Add a name";
/// The add button.
pub const ADD_NAME: &str = "Add";
/// The remove button of one name.
pub fn remove_name(name: &str) -> String {
    format!("Remove {name}")
}
/// Nothing to add.
pub const ADD_NAME_EMPTY: &str = "Type a name to add";
/// Prefilled from the CSR.
pub const NAMES_FROM_CSR: &str = "Filled in from your CSR.";
/// The free twin.
pub fn free_twin(name: &str) -> String {
    format!("{name} is included free with this certificate")
}
/// An IDN, with the form sent.
pub fn sent_as(ascii: &str) -> String {
    format!("sent as {ascii}")
}
/// A repeated name.
pub fn duplicate(name: &str) -> String {
    format!("{name} is listed twice: remove one")
}
/// A name a wildcard covers.
pub fn covered(name: &str, wildcard: &str) -> String {
    format!("{wildcard} already covers {name}: you can remove it")
}
/// A reserved name.
pub fn reserved(name: &str, why: &str) -> String {
    format!("{name} cannot be in a public certificate: {why}")
}
/// The count against the product's limit.
pub fn names_count(counted: usize, max: Option<u32>, included: Option<u32>) -> String {
    match (max, included) {
        (Some(m), Some(i)) if i < m => {
            format!("{counted} of up to {m} names ({i} included in the price)")
        }
        (Some(m), _) => format!("{counted} of up to {m} names"),
        (None, _) => format!("{counted} names"),
    }
}
/// Names in the CSR but not in the order.
pub fn csr_names_left_out(names: &str) -> String {
    format!(
        "Your CSR also asks for {names}. The provider issues the certificate for the names ordered here only; add them here if you want them."
    )
}
/// Names in the order but not in the CSR.
pub fn names_not_in_csr(names: &str) -> String {
    format!(
        "{names} is not in your CSR. The provider takes the names from this order, so the certificate will carry it; you do not need a new CSR."
    )
}
/// The provider's check of the names, under way.
pub const NAME_CHECK_LOADING: &str = "Asking the provider whether it accepts these names…";
/// The provider accepts every name.
pub const NAME_CHECK_ACCEPTED: &str = "The provider accepts these names for this certificate.";
/// The provider refused some names.
pub fn name_check_refused(count: usize) -> String {
    if count == 1 {
        "The provider does not accept one of these names: see the name marked below.".into()
    } else {
        format!("The provider does not accept {count} of these names: see the names marked below.")
    }
}
/// The provider's check could not be made; it blocks nothing.
pub fn name_check_failed(message: &str) -> String {
    let message = message.trim().trim_end_matches('.');
    format!(
        "The provider could not check the names just now: {message}. You can go on: it checks them again when the order is priced and placed."
    )
}
/// The retry of a failed check of the names.
pub const NAME_CHECK_RETRY: &str = "Check the names again";
/// A name the provider refused, with its reason and what to do.
pub fn name_refused(name: &str, reason: &str) -> String {
    let reason = reason.trim().trim_end_matches('.');
    if reason.is_empty() {
        format!(
            "The provider does not accept {name} for this certificate. Remove or correct it, or choose another certificate."
        )
    } else {
        format!(
            "The provider does not accept {name}: “{reason}”. Remove or correct it, or choose another certificate."
        )
    }
}
/// The provider takes names only.
pub fn names_only(provider: &str) -> String {
    format!(
        "{provider} takes names only: the key is made by the provider, so no CSR was asked for."
    )
}
