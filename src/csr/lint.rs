//! Lint rules: everything wrong or worth knowing about a CSR, all collected at once.
//!
//! Each rule is a [`Rule`] constant in one of the group modules below, documented with the
//! RFC or CA/Browser Forum Baseline Requirements (BR,
//! <https://cabforum.org/working-groups/server/baseline-requirements/requirements/>) section
//! it comes from. [`RULES`] lists them all; [`check`] runs every group and never stops at the
//! first finding, so the person fixing a CSR sees every problem in one pass.

mod attributes;
pub(crate) mod country;
mod key;
mod names;
mod parsed;
mod sans;
pub(crate) mod signature;
mod subject;

use super::{CsrInfo, SignatureCheck};
use serde::Serialize;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// A CA will refuse the request, or it is unsafe to use.
    Error,
    /// Likely a mistake, or something a CA will silently change.
    Warning,
    /// Worth knowing.
    Info,
}

impl Severity {
    /// The lower-case name, as serialised: `error`, `warning` or `info`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Error => "error",
            Self::Warning => "warning",
            Self::Info => "info",
        }
    }
}

/// One thing found about a CSR.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// How serious it is.
    pub severity: Severity,
    /// Stable identifier of the rule, e.g. `rsa-key-too-small`.
    pub code: &'static str,
    /// What is wrong and what to do, in plain words.
    pub message: String,
    /// The source of the rule (RFC or Baseline Requirements section).
    pub reference: &'static str,
}

/// A lint rule's identity and documentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Rule {
    /// Stable identifier.
    pub code: &'static str,
    /// Severity of its findings.
    pub severity: Severity,
    /// The source of the rule.
    pub reference: &'static str,
    /// One sentence on what it checks.
    pub summary: &'static str,
}

impl Rule {
    /// A finding of this rule with its severity and reference.
    fn finding(&self, message: impl Into<String>) -> Finding {
        Finding {
            severity: self.severity,
            code: self.code,
            message: message.into(),
            reference: self.reference,
        }
    }
}

/// Every rule certorder checks, grouped as [`check`] runs them.
pub const RULES: &[Rule] = &[
    key::RSA_KEY_TOO_SMALL,
    key::RSA_KEY_TOO_LARGE,
    key::RSA_KEY_SIZE_NOT_BYTES,
    key::RSA_EXPONENT_INVALID,
    key::RSA_EXPONENT_SMALL,
    key::RSA_EXPONENT_UNUSUAL,
    key::RSA_KEY_ROCA,
    key::EC_CURVE_UNSUPPORTED,
    key::EC_CURVE_P521,
    key::EC_EXPLICIT_PARAMETERS,
    key::EDDSA_KEY_UNSUPPORTED,
    key::KEY_ALGORITHM_UNSUPPORTED,
    signature::SIGNATURE_WEAK_HASH,
    signature::SIGNATURE_INVALID,
    signature::SIGNATURE_NOT_CHECKED,
    signature::SIGNATURE_CHECKING,
    attributes::VERSION_NOT_V1,
    attributes::CHALLENGE_PASSWORD,
    attributes::CHALLENGE_PASSWORD_TYPE,
    attributes::ATTRIBUTES_FIELD_MISSING,
    attributes::ATTRIBUTE_EMPTY,
    attributes::EXTENSION_REQUEST_UNREADABLE,
    attributes::NOT_DER,
    subject::ORGANIZATIONAL_UNIT,
    subject::COUNTRY_INVALID,
    subject::SUBJECT_FIELD_TOO_LONG,
    sans::NO_NAMES,
    sans::CN_NOT_IN_SANS,
    sans::SAN_TYPE_UNSUPPORTED,
    sans::SAN_DUPLICATE,
    sans::SAN_COVERED_BY_WILDCARD,
    names::DNS_NAME_INVALID,
    names::WILDCARD_INVALID,
    names::DNS_NAME_NOT_ASCII,
    names::IDN_NAME,
    names::INTERNAL_NAME,
    names::IP_ADDRESS_NAME,
    names::INTERNAL_IP,
];

/// Runs every rule and returns every finding.
pub fn check(info: &CsrInfo, signature: &SignatureCheck) -> Vec<Finding> {
    let mut findings = Vec::new();
    key::check(&info.key, &mut findings);
    signature::check(&info.signature_algorithm, signature, &mut findings);
    attributes::check(info, &mut findings);
    subject::check(info, &mut findings);
    let names = parsed::Names::of(info);
    sans::check(info, &names, &mut findings);
    names::check(info, &names, &mut findings);
    findings
}

/// Orders findings errors first, keeping rule order within a severity.
pub fn sort(findings: &mut [Finding]) {
    findings.sort_by_key(|f| f.severity);
}

/// The rules as a Markdown table (code, severity, reference, summary), for `docs/lint-rules.md`.
pub fn rules_markdown() -> String {
    let mut table = String::from("| code | severity | reference | summary |\n|---|---|---|---|\n");
    for rule in RULES {
        table.push_str(&format!(
            "| `{}` | {} | {} | {} |\n",
            rule.code,
            rule.severity.as_str(),
            rule.reference.replace('|', "\\|"),
            rule.summary.replace('|', "\\|"),
        ));
    }
    table
}
