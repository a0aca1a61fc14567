//! Why an input is not a CSR we can read.

use serde::Serialize;
use thiserror::Error;

/// The input is not a certificate signing request, or not one we can read.
///
/// Every variant says specifically what was pasted so the widget can tell the user what to do.
/// [`CsrError::kind`] is the stable machine-readable name used in the JSON report.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum CsrError {
    /// Nothing but whitespace.
    #[error(
        "the input is empty: paste a certificate signing request (-----BEGIN CERTIFICATE REQUEST-----)"
    )]
    Empty,
    /// Larger than [`crate::csr::MAX_INPUT_BYTES`].
    #[error("the input is {size} bytes; a CSR is at most {limit} bytes")]
    TooLarge {
        /// Size of the input in bytes.
        size: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// A certificate, not a request.
    #[error(
        "this is a certificate, not a certificate signing request: paste the CSR (-----BEGIN CERTIFICATE REQUEST-----)"
    )]
    Certificate,
    /// A private key. Nothing of it was kept.
    #[error(
        "this is a private key ({kind}); a private key must never be shared with anyone, not even us, and nothing of it was kept. Paste the certificate signing request instead"
    )]
    PrivateKey {
        /// Which kind of private key.
        kind: PrivateKeyKind,
    },
    /// A PuTTY private key (`.ppk`). Nothing of it was kept.
    #[error(
        "this is a PuTTY private key (.ppk), an SSH key; a private key must never be shared with anyone, not even us, and nothing of it was kept. A certificate needs a certificate signing request: make one with `openssl req -new -newkey rsa:2048 -nodes -keyout example.key -out example.csr` and paste example.csr"
    )]
    PuttyKey,
    /// A certificate revocation list.
    #[error(
        "this is a certificate revocation list (CRL), not a certificate signing request: paste the CSR (-----BEGIN CERTIFICATE REQUEST-----)"
    )]
    Crl,
    /// A public key on its own.
    #[error(
        "this is a public key, not a certificate signing request: paste the CSR made with this key"
    )]
    PublicKey,
    /// A PKCS#7 / CMS bundle.
    #[error("this is a PKCS#7 bundle (certificates), not a certificate signing request")]
    Pkcs7,
    /// PEM with a label we do not accept.
    #[error("this is a PEM \"{label}\" block, not a certificate signing request")]
    OtherPem {
        /// The label between `BEGIN` and the dashes.
        label: String,
    },
    /// A `BEGIN` line without its `END` line.
    #[error(
        "the CSR is cut off: \"-----BEGIN {label}-----\" has no matching END line; copy the whole block"
    )]
    TruncatedPem {
        /// The label of the BEGIN line.
        label: String,
    },
    /// The body is not valid base64.
    #[error("the CSR body is not valid base64 (line {line}): {detail}")]
    BadBase64 {
        /// 1-based line of the input where the bad character stands (0 when unknown).
        line: usize,
        /// What is wrong.
        detail: String,
    },
    /// Text that is neither PEM nor base64.
    #[error(
        "this does not look like a certificate signing request: expected -----BEGIN CERTIFICATE REQUEST-----"
    )]
    Unrecognised,
    /// The DER structure is broken.
    #[error("the CSR is damaged: malformed DER at byte {offset}: {detail}")]
    MalformedDer {
        /// Byte offset into the DER where parsing failed.
        offset: usize,
        /// What the parser expected.
        detail: String,
    },
}

impl CsrError {
    /// True when the input held a private key (in any form): what was pasted must be thrown
    /// away at once and the key treated as exposed wherever else it was pasted.
    pub fn is_private_key(&self) -> bool {
        matches!(self, Self::PrivateKey { .. } | Self::PuttyKey)
    }

    /// Stable machine-readable name of the error, used as `error.kind` in the JSON report.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Empty => "empty",
            Self::TooLarge { .. } => "too_large",
            Self::Certificate => "certificate",
            Self::PrivateKey { .. } => "private_key",
            Self::PuttyKey => "putty_key",
            Self::Crl => "crl",
            Self::PublicKey => "public_key",
            Self::Pkcs7 => "pkcs7",
            Self::OtherPem { .. } => "other_pem",
            Self::TruncatedPem { .. } => "truncated_pem",
            Self::BadBase64 { .. } => "bad_base64",
            Self::Unrecognised => "unrecognised",
            Self::MalformedDer { .. } => "malformed_der",
        }
    }
}

/// The forms a private key is pasted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PrivateKeyKind {
    /// `BEGIN RSA PRIVATE KEY` (PKCS#1).
    Pkcs1Rsa,
    /// `BEGIN PRIVATE KEY` (PKCS#8).
    Pkcs8,
    /// `BEGIN ENCRYPTED PRIVATE KEY` (PKCS#8, encrypted).
    EncryptedPkcs8,
    /// `BEGIN EC PRIVATE KEY` (SEC 1).
    Ec,
    /// `BEGIN DSA PRIVATE KEY`.
    Dsa,
    /// `BEGIN OPENSSH PRIVATE KEY`.
    OpenSsh,
    /// A PKCS#12 / PFX file (contains a key).
    Pkcs12,
}

impl std::fmt::Display for PrivateKeyKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Pkcs1Rsa => "PKCS#1 RSA",
            Self::Pkcs8 => "PKCS#8",
            Self::EncryptedPkcs8 => "encrypted PKCS#8",
            Self::Ec => "EC",
            Self::Dsa => "DSA",
            Self::OpenSsh => "OpenSSH",
            Self::Pkcs12 => "PKCS#12",
        })
    }
}
