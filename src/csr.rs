//! Certificate signing requests (PKCS#10, RFC 2986) as people paste them.
//!
//! [`inspect`] is the one entry point: it takes what the user pasted or uploaded (PEM text in
//! any of its common mangled forms, an `openssl req -text` dump, bare base64 or DER bytes),
//! recognises what it is, and for a CSR returns an [`Inspection`]: the [`CsrInfo`] report, the
//! outcome of the self-signature check and every lint [`Finding`]. Anything that is not a CSR
//! is a specific [`CsrError`] (a certificate, a private key, a public key, …), never a panic.

mod display;
mod error;
pub mod fingerprint;
pub mod input;
pub mod lint;
pub(crate) mod model;
mod report;
pub mod roca;
pub mod verify;

pub use error::{CsrError, PrivateKeyKind};
pub use input::{Decoded, InputForm, MAX_INPUT_BYTES};
pub use lint::{Finding, RULES, Rule, Severity};
pub use model::{
    Attribute, CsrInfo, Curve, ExtensionValue, Fingerprints, Irregularity, KeyAlgorithm,
    PublicKeyInfo, RequestedExtension, San, SignatureAlgorithm, SubjectAttribute,
};
pub use verify::{SignatureCheck, SignatureRequest};

use serde::Serialize;

/// Everything certorder knows about one CSR: the report, the signature check and the findings.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Inspection {
    /// How the input was written (PEM, bare base64, DER, …).
    pub form: InputForm,
    /// What the request contains.
    pub info: CsrInfo,
    /// The outcome of checking the request's self-signature.
    pub signature: SignatureCheck,
    /// Every lint finding, errors first, in rule order within a severity.
    pub findings: Vec<Finding>,
}

impl Inspection {
    /// True when no finding has [`Severity::Error`].
    pub fn is_acceptable(&self) -> bool {
        !self.findings.iter().any(|f| f.severity == Severity::Error)
    }

    /// The same inspection with the self-signature check's outcome `signature`, and its
    /// finding in place of the previous outcome's (at the end of its severity's findings).
    ///
    /// In the browser the outcome is [`SignatureCheck::Checking`] until WebCrypto answers;
    /// [`SignatureRequest::verdict`] reads that answer into the outcome given here.
    #[must_use]
    pub fn with_signature(mut self, signature: SignatureCheck) -> Self {
        self.findings
            .retain(|f| !lint::signature::OUTCOME_CODES.contains(&f.code));
        self.findings
            .extend(lint::signature::outcome_finding(&signature));
        lint::sort(&mut self.findings);
        self.signature = signature;
        self
    }
}

/// Reads, reports, verifies and lints whatever the user gave us.
///
/// `input` may be text (UTF-8, any line endings) or raw DER bytes from a file upload.
///
/// Natively the signature check is complete. In the browser (wasm32) the signature is
/// [`SignatureCheck::Checking`] whenever WebCrypto must be asked: use [`inspect_deferred`] to
/// get the question too, or `verify::browser::inspect` to wait for the answer.
pub fn inspect(input: &[u8]) -> Result<Inspection, CsrError> {
    inspect_deferred(input).map(|(inspection, _)| inspection)
}

/// [`inspect`], and in the browser what to ask WebCrypto while the signature is
/// [`SignatureCheck::Checking`] (natively always `None`): the report can be shown at once, and
/// updated with [`Inspection::with_signature`] when the answer is in.
pub fn inspect_deferred(input: &[u8]) -> Result<(Inspection, Option<SignatureRequest>), CsrError> {
    let decoded = input::decode(input)?;
    let parsed = report::parse(&decoded.der)?;
    let mut findings = decoded.notices;
    findings.extend(lint::check(&parsed.info, &parsed.signature));
    lint::sort(&mut findings);
    let inspection = Inspection {
        form: decoded.form,
        info: parsed.info,
        signature: parsed.signature,
        findings,
    };
    Ok((inspection, parsed.request))
}
