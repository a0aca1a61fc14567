//! The request's envelope: its version and its attributes.

use super::{Finding, Rule, Severity};
use crate::csr::CsrInfo;

/// A version other than 0 ("v1"). RFC 2986 §4.1: "version is the version number, for
/// compatibility with future revisions of this document. It shall be 0 for this version".
/// Some tools write 1 or 2 and CAs accept them, hence a warning.
pub(super) const VERSION_NOT_V1: Rule = Rule {
    code: "version-not-v1",
    severity: Severity::Warning,
    reference: "RFC 2986 §4.1",
    summary: "The request's version field is not 0 (v1).",
};

/// A challengePassword attribute. RFC 2985 §5.4.1 defines it as a password for revoking the
/// certificate; it travels in clear inside the CSR, which is sent to the CA and often shared,
/// and public CAs ignore it.
pub(super) const CHALLENGE_PASSWORD: Rule = Rule {
    code: "challenge-password",
    severity: Severity::Warning,
    reference: "RFC 2985 §5.4.1",
    summary: "The request carries a challengePassword, a secret in clear text.",
};

/// Checks the envelope rules.
pub(super) fn check(info: &CsrInfo, out: &mut Vec<Finding>) {
    if info.version != 0 {
        out.push(VERSION_NOT_V1.finding(format!(
            "the request's version field is {} (v{}); PKCS#10 defines only 0 (v1). Most CAs \
             accept it; if yours does not, make the CSR again with `openssl req -new ...`",
            info.version,
            info.version.saturating_add(1)
        )));
    }
    if info.has_challenge_password() {
        out.push(CHALLENGE_PASSWORD.finding(
            "the request carries a challengePassword: it is stored in clear text inside the \
             CSR and CAs do not use it; if you reuse that password anywhere, change it, and \
             make the CSR again leaving the \"challenge password\" prompt empty",
        ));
    }
}
