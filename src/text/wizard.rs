//! The order wizard's words (steps 1-6).

use crate::order::DcvMethod;
use crate::product::{ProductKind, ValidationLevel};

mod names;
// Step 3's words live in their own file; callers name them `text::wizard::…` like the rest.
pub use names::*;

// --- Shared pieces -------------------------------------------------------------------------

/// The link back to the previous step.
pub const BACK: &str = "Back";
/// The button that checks the step and moves on.
pub const CONTINUE: &str = "Continue";
/// A retry after a failed call.
pub const RETRY: &str = "Try again";
/// While a call runs.
pub const LOADING: &str = "Loading…";
/// The error summary's heading.
pub const ERROR_SUMMARY: &str = "There is a problem";
/// The wizard's landmark label.
pub const WIZARD_LABEL: &str = "Order a certificate";
/// "Step 2 of 6".
pub fn step_of(number: usize, total: usize) -> String {
    format!("Step {number} of {total}")
}

// --- Step headings -------------------------------------------------------------------------

/// Step 1's heading.
pub const PRODUCT_HEADING: &str = "Choose a certificate";
/// Step 2's heading.
pub const CSR_HEADING: &str = "Your certificate signing request";
/// Step 3's heading.
pub const NAMES_HEADING: &str = "Names on the certificate";
/// Step 4's heading.
pub const VALIDATION_HEADING: &str = "Prove you control the names";
/// Step 5's heading.
pub const CONTACTS_HEADING: &str = "Organisation and contact";
/// Step 6's heading.
pub const REVIEW_HEADING: &str = "Check your answers";

// --- Step 1: provider and product ----------------------------------------------------------

/// The provider picker's label.
pub const PROVIDER_LABEL: &str = "Provider";
/// Shown when no provider is chosen yet.
pub const PROVIDER_CHOOSE: &str = "Choose a provider";
/// Marks a sandbox provider.
pub const SANDBOX: &str = "sandbox: no real certificate, no charge";
/// The validation filter's label.
pub const FILTER_LEVEL: &str = "Validation";
/// The kind filter's label.
pub const FILTER_KIND: &str = "Names covered";
/// "Any" in a filter.
pub const FILTER_ANY: &str = "Any";
/// The product list's legend.
pub const PRODUCT_LABEL: &str = "Product";
/// The period picker's label.
pub const PERIOD_LABEL: &str = "Period";
/// The catalog is being read.
pub const CATALOG_LOADING: &str = "Loading the provider's certificates…";
/// The catalog read failed.
pub const CATALOG_FAILED: &str = "The list of certificates could not be loaded.";
/// No product matches the filters.
pub const NO_PRODUCT: &str = "No certificate matches these filters.";
/// No provider was chosen.
pub const PROVIDER_MISSING: &str = "Choose a provider";
/// No product was chosen.
pub const PRODUCT_MISSING: &str = "Choose a certificate";
/// No period was chosen.
pub const PERIOD_MISSING: &str = "Choose a period";
/// A price shown for the first period only.
pub fn price_from(price: &str) -> String {
    format!("from {price}")
}
/// Price of the first period; others are priced on the last step.
pub const PRICE_LATER: &str = "priced when you check your answers";

/// A validation level in words.
pub fn level(level: &ValidationLevel) -> String {
    match level {
        ValidationLevel::Dv => "Domain validated (DV)".into(),
        ValidationLevel::Ov => "Organisation validated (OV)".into(),
        ValidationLevel::Ev => "Extended validation (EV)".into(),
        ValidationLevel::Other(word) => word.clone(),
    }
}

/// A product kind in words.
pub fn kind(kind: &ProductKind) -> String {
    match kind {
        ProductKind::Single => "One name".into(),
        ProductKind::Multi => "Several names".into(),
        ProductKind::Wildcard => "Wildcard".into(),
        ProductKind::Other(word) => word.clone(),
    }
}

/// Names a product covers ("1 name", "3 names", "2 names included, up to 10").
pub fn limits(included: Option<u32>, max: Option<u32>) -> String {
    match (included, max) {
        (Some(i), Some(m)) if i == m => names(m),
        (Some(i), Some(m)) => format!("{} included, up to {m}", names(i)),
        (None, Some(m)) => format!("up to {}", names(m)),
        (Some(i), None) => format!("{} included", names(i)),
        (None, None) => String::new(),
    }
}

/// "1 name", "n names".
fn names(count: u32) -> String {
    if count == 1 {
        "1 name".into()
    } else {
        format!("{count} names")
    }
}

// --- Step 2: CSR ---------------------------------------------------------------------------

/// Step 2's lead.
pub const CSR_LEAD: &str =
    "Paste the CSR your server made, or drop the file. It is read here, in your browser.";
/// Why the CSR step is skipped.
pub fn csr_not_taken(provider: &str) -> String {
    format!(
        "{provider} makes the key and the request itself and takes names only, so there is no CSR to give. Continue to the names."
    )
}
/// The CSR is optional with this provider.
pub const CSR_OPTIONAL: &str = "This provider can order by names alone, but you will need the private key of a CSR to use the certificate: give one if you can.";
/// A CSR is required and missing.
pub const CSR_MISSING: &str = "Paste or upload your CSR";
/// The CSR did not read.
pub fn csr_unreadable(reason: &str) -> String {
    format!("This is not a CSR that can be read: {reason}")
}
/// The CSR's signature is still being checked by the browser.
pub const CSR_SIGNATURE_CHECKING: &str =
    "The CSR's signature is still being checked: wait a moment, then continue.";
/// The CSR has errors.
pub const CSR_BLOCKED: &str =
    "Fix the errors in the report below: make a new CSR, then paste it here.";

// --- Step 4: validation --------------------------------------------------------------------

/// Step 4's lead.
pub const VALIDATION_LEAD: &str = "The certificate authority checks that you control each name before it issues the certificate. Choose how.";
/// The per-order method picker.
pub const METHOD_ORDER_LABEL: &str = "Method for every name";
/// The per-name method picker.
pub fn method_label(name: &str) -> String {
    format!("Method for {name}")
}
/// The approver picker.
pub fn approver_label(name: &str) -> String {
    format!("Approver e-mail for {name}")
}
/// One method for every name of the order, in the review.
pub fn for_every_name(method: &str) -> String {
    format!("{method} for every name")
}
/// A method in words.
pub fn method(method: &DcvMethod) -> String {
    match method {
        DcvMethod::Email => "E-mail to an approver address".into(),
        DcvMethod::Dns => "DNS record".into(),
        DcvMethod::Http => "File on your web server (HTTP)".into(),
        DcvMethod::Https => "File on your web server (HTTPS)".into(),
        DcvMethod::Automatic => "Automatic (the provider publishes it)".into(),
        DcvMethod::Other(word) => word.clone(),
    }
}
/// Wildcards cannot be checked with a file.
pub const WILDCARD_NO_FILE: &str = "Wildcard names cannot be checked with a file.";
/// No method chosen.
pub const METHOD_MISSING: &str = "Choose a method";
/// No method fits every name.
pub const METHOD_NONE: &str = "No method of this provider fits every name of the order.";
/// No approver chosen.
pub const APPROVER_MISSING: &str = "Choose the approver address";
/// The approvers are being looked up.
pub const APPROVERS_LOADING: &str = "Asking the provider which addresses it accepts…";
/// The approver look-up failed.
pub const APPROVERS_FAILED: &str = "The provider's list of approver addresses could not be loaded.";
/// Why a listed approver qualifies.
pub fn approver_listed(provider: &str) -> String {
    format!("listed by {provider} for this name")
}
/// Why a constructed approver qualifies.
pub fn approver_constructed(local: &str, domain: &str) -> String {
    format!(
        "{local}@ is one of the five addresses a CA may write to at {domain} (CA/Browser Forum Baseline Requirements 3.2.2.4.4)"
    )
}
/// The preview button.
pub const PREVIEW: &str = "Show what to publish";
/// Preview heading.
pub const PREVIEW_HEADING: &str = "What you will publish";
/// Preview loading.
pub const PREVIEW_LOADING: &str = "Asking the provider for the record…";
/// Preview failed.
pub const PREVIEW_FAILED: &str =
    "The preview could not be loaded; the status page will show it after ordering.";
/// No preview before ordering.
pub const PREVIEW_AFTER: &str =
    "The record or file to publish is shown on the status page once the order is placed.";

// --- Step 5: organisation and contact ------------------------------------------------------

/// Step 5's lead.
pub const CONTACTS_LEAD: &str = "This certificate names your organisation, so the provider needs these details. What your CSR says is filled in.";
/// Organisation fieldset.
pub const ORGANISATION: &str = "Organisation";
/// Contact fieldset.
pub const CONTACT: &str = "Contact person";
/// Field labels.
pub const ORG_NAME: &str = "Organisation name";
/// Field label.
pub const ORG_DEPARTMENT: &str = "Department";
/// Field label.
pub const ORG_ADDRESS: &str = "Street address";
/// Field label.
pub const ORG_POSTAL_CODE: &str = "Postal code";
/// Field label.
pub const ORG_CITY: &str = "City";
/// Field label.
pub const ORG_STATE: &str = "State or province";
/// Field label.
pub const ORG_COUNTRY: &str = "Country";
/// Field label.
pub const ORG_REGISTRATION: &str = "Registration number (chamber of commerce)";
/// Field label.
pub const FIRST_NAME: &str = "First name";
/// Field label.
pub const LAST_NAME: &str = "Last name";
/// Field label.
pub const JOB_TITLE: &str = "Job title";
/// Field label.
pub const EMAIL: &str = "E-mail";
/// Field label.
pub const PHONE: &str = "Telephone";
/// Phone hint.
pub const PHONE_HINT: &str = "With the country code, like +31 20 123 4567";
/// A required field left empty.
pub fn required(label: &str) -> String {
    format!("Enter the {}", label.to_lowercase())
}
/// A bad e-mail.
pub const EMAIL_INVALID: &str = "Enter an e-mail address like name@example.com";
/// A bad phone number.
pub const PHONE_INVALID: &str = "Enter the number with its country code, like +31 20 123 4567";
/// A bad country.
pub fn country_invalid(suggestion: Option<&str>) -> String {
    match suggestion {
        Some(code) => format!("Choose a country; did you mean {code}?"),
        None => "Choose a country".into(),
    }
}
/// A bad US state.
pub const STATE_INVALID: &str = "Choose a US state";
/// Too long.
pub fn too_long(max: usize) -> String {
    format!("Use at most {max} characters")
}

// --- Step 6: check your answers ------------------------------------------------------------

/// Change link.
pub const CHANGE: &str = "Change";
/// Change link with what it changes, for screen readers.
pub fn change(what: &str) -> String {
    format!("Change {}", what.to_lowercase())
}
/// Row labels.
pub const ROW_PROVIDER: &str = "Provider";
/// Row label.
pub const ROW_PRODUCT: &str = "Certificate";
/// Row label.
pub const ROW_PERIOD: &str = "Period";
/// Row label.
pub const ROW_CSR: &str = "CSR";
/// Row label.
pub const ROW_NAMES: &str = "Names";
/// Row label.
pub const ROW_VALIDATION: &str = "Validation";
/// Row label.
pub const ROW_ORGANISATION: &str = "Organisation";
/// Row label.
pub const ROW_CONTACT: &str = "Contact";
/// Row label.
pub const ROW_PRICE: &str = "Price";
/// No CSR.
pub const NO_CSR: &str = "none (the provider makes the key)";
/// The provider's price is being asked.
pub const QUOTE_LOADING: &str = "Asking the provider for the price…";
/// The provider's check is running.
pub const DRY_RUN_LOADING: &str = "Asking the provider to check the order…";
/// The provider's check passed.
pub const DRY_RUN_OK: &str = "The provider checked the order and accepts it.";
/// The provider's check or price failed.
pub const PROVIDER_CHECK_FAILED: &str = "The provider did not accept the order as it is:";
/// No quote from this provider.
pub const NO_QUOTE: &str = "This provider does not price an order before it is placed.";
/// The terms box.
pub const TERMS: &str =
    "I accept the provider's terms and the subscriber agreement of the certificate authority";
/// Terms not accepted.
pub const TERMS_MISSING: &str = "Accept the terms to place the order";
/// The price is not known yet.
pub const QUOTE_MISSING: &str = "Wait for the provider's price before placing the order";
/// The submit button.
pub const SUBMIT: &str = "Place the order";
/// While submitting.
pub const SUBMITTING: &str = "Placing the order…";
/// A definitive refusal.
pub const SUBMIT_REFUSED: &str = "The order was not placed:";
/// In doubt.
pub const IN_DOUBT: &str = "We could not tell whether the order was placed. It is not sent again: the status page finds out.";
/// Go to status.
pub const GO_TO_STATUS: &str = "See the order's status";
/// The draft changed after an attempt in doubt.
pub const LOCKED_IN_DOUBT: &str =
    "An order from this draft may already be placed, so it cannot be changed or sent again.";
