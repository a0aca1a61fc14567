//! The request's envelope: its version and its attributes.

use super::{Finding, Rule, Severity};
use crate::csr::{CsrInfo, Irregularity};

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

/// A challengePassword that is not a DirectoryString. RFC 2985 §5.4.1 gives it the syntax
/// DirectoryString (TeletexString, PrintableString, UniversalString, UTF8String or
/// BMPString); OpenSSL reads other types, strict CA software may not.
pub(super) const CHALLENGE_PASSWORD_TYPE: Rule = Rule {
    code: "challenge-password-type",
    severity: Severity::Warning,
    reference: "RFC 2985 §5.4.1",
    summary: "The challengePassword is not one of the DirectoryString types.",
};

/// No attributes field. RFC 2986 §4.1 makes `attributes [0]` mandatory (empty when there are
/// none); very old OpenSSL versions left it out, and OpenSSL still reads such requests.
pub(super) const ATTRIBUTES_FIELD_MISSING: Rule = Rule {
    code: "attributes-field-missing",
    severity: Severity::Info,
    reference: "RFC 2986 §4.1",
    summary: "The request has no attributes field, as very old OpenSSL versions wrote them.",
};

/// An attribute without a value. RFC 2986 §4.1 defines `values SET SIZE(1..MAX)`; some
/// devices send an empty extensionRequest, which OpenSSL reads as no extensions.
pub(super) const ATTRIBUTE_EMPTY: Rule = Rule {
    code: "attribute-empty",
    severity: Severity::Info,
    reference: "RFC 2986 §4.1",
    summary: "An attribute has an empty set of values.",
};

/// An extensionRequest (RFC 2985 §5.4.2) whose extensions cannot be read: the names it asks
/// for are lost, and a CA that cannot read them either refuses the request.
pub(super) const EXTENSION_REQUEST_UNREADABLE: Rule = Rule {
    code: "extension-request-unreadable",
    severity: Severity::Error,
    reference: "RFC 2985 §5.4.2",
    summary: "The requested extensions cannot be read.",
};

/// A length in the long form where DER wants the shortest (X.690 §10.1): the request is BER.
/// PKCS#10 requests are DER (RFC 2986 §4); OpenSSL reads BER, strict CA software may not.
pub(super) const NOT_DER: Rule = Rule {
    code: "not-der",
    severity: Severity::Warning,
    reference: "X.690 §10.1; RFC 2986 §4",
    summary: "A length is written in a longer form than DER allows.",
};

/// How to make the request again, for the encoding findings.
const REMAKE: &str = "if your CA refuses the request, make the CSR again with `openssl req -new \
     -key example.key -out example.csr`";

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
    for irregularity in &info.irregularities {
        out.push(irregular(irregularity));
    }
}

fn irregular(irregularity: &Irregularity) -> Finding {
    match irregularity {
        Irregularity::NoAttributesField => ATTRIBUTES_FIELD_MISSING.finding(format!(
            "the request has no attributes field, as very old OpenSSL versions wrote \
             requests; PKCS#10 requires it (empty when there are no attributes). OpenSSL and \
             most CAs read it; {REMAKE}"
        )),
        Irregularity::EmptyAttribute { attribute } => ATTRIBUTE_EMPTY.finding(format!(
            "the {attribute} attribute has no value (an empty set), as some devices write it; \
             it was read as asking for nothing. OpenSSL and most CAs read it; {REMAKE}"
        )),
        Irregularity::ChallengePasswordType { found } => CHALLENGE_PASSWORD_TYPE.finding(format!(
            "the challengePassword is a {found}, which its definition does not allow (it must \
             be a UTF8String, PrintableString, TeletexString, UniversalString or BMPString); \
             {REMAKE} and leave the \"challenge password\" prompt empty"
        )),
        Irregularity::NonMinimalLength { part } => NOT_DER.finding(format!(
            "a length in {part} is written in a longer form than DER allows (the request is \
             BER, not DER); OpenSSL reads it but a strict CA may not: {REMAKE}"
        )),
        Irregularity::UnreadableExtensionRequest => EXTENSION_REQUEST_UNREADABLE.finding(
            "the extensionRequest attribute cannot be read, so the names (SANs) and extensions \
             it asks for are not in this report and a CA may refuse the request: make the CSR \
             again, e.g. `openssl req -new -key example.key -addext \
             \"subjectAltName=DNS:example.com\" -out example.csr`",
        ),
    }
}
