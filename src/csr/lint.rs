//! Lint rules: everything wrong or worth knowing about a CSR, all collected at once.

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

/// Every rule certorder checks.
pub const RULES: &[Rule] = &[];

/// Runs every rule and returns every finding.
pub fn check(info: &CsrInfo, signature: &SignatureCheck) -> Vec<Finding> {
    let _ = (info, signature);
    Vec::new()
}

/// Orders findings errors first, keeping rule order within a severity.
pub fn sort(findings: &mut [Finding]) {
    findings.sort_by_key(|f| f.severity);
}
