//! From what the user pasted or uploaded to the DER bytes of one CSR.
//!
//! Accepts `CERTIFICATE REQUEST` and `NEW CERTIFICATE REQUEST` PEM with CRLF, indentation,
//! one-line bodies and blank lines, an `openssl req -text` dump around the PEM, bare base64
//! (also base64 of a whole PEM file, as Kubernetes secrets hold it) and raw DER; recognises
//! certificates, private keys, public keys and PKCS#7 so the error can say what was pasted.
//!
//! Private keys are recognised by their label or shape and never kept: PEM key blocks are not
//! even decoded, and buffers that turn out to hold a key are wiped when dropped.

mod classify;
pub(crate) mod der;
mod paste;
mod pem;

pub use paste::{KEY_REMOVED, PasteAction, on_paste, on_upload};

use super::{CsrError, Finding, PrivateKeyKind, Severity};
use classify::Shape;
use serde::Serialize;
use zeroize::Zeroizing;

/// The largest input accepted, in bytes. Real CSRs are under 8 KiB; 64 KiB leaves room for
/// an `openssl req -text` dump of an 8192-bit key.
pub const MAX_INPUT_BYTES: usize = 64 * 1024;

/// Where the private-key notice points for the why.
const SECURITY_MODEL: &str = "certorder security model";

/// How the CSR was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum InputForm {
    /// PEM armour (possibly inside other text).
    Pem,
    /// Base64 without armour.
    Base64,
    /// Raw DER bytes.
    Der,
}

/// A CSR located in the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// How it was written.
    pub form: InputForm,
    /// The DER bytes of the request.
    pub der: Vec<u8>,
    /// Findings about the input itself (e.g. a private key pasted along with the CSR).
    pub notices: Vec<Finding>,
}

/// Finds the CSR in the input, or says what the input is instead.
///
/// The DER is returned as found: trailing bytes and broken structure are reported by the
/// report parser, which knows the offsets.
pub fn decode(input: &[u8]) -> Result<Decoded, CsrError> {
    if input.len() > MAX_INPUT_BYTES {
        return Err(CsrError::TooLarge {
            size: input.len(),
            limit: MAX_INPUT_BYTES,
        });
    }
    match as_text(input) {
        Some(text) => decode_text(&text, false),
        None => from_der(input, InputForm::Der),
    }
}

/// The input as text, or `None` when it is binary DER.
fn as_text(input: &[u8]) -> Option<Zeroizing<String>> {
    if let Some(utf16) = utf16_text(input) {
        return Some(utf16);
    }
    let input = input.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(input);
    let binary = input
        .iter()
        .any(|b| matches!(b, 0x00..=0x08 | 0x0E..=0x1F | 0x7F));
    match std::str::from_utf8(input) {
        Ok(text) if !binary => Some(Zeroizing::new(text.to_owned())),
        // DER always starts with SEQUENCE (0x30) and almost always holds control bytes or
        // invalid UTF-8; anything else binary is read as text so it is reported unrecognised.
        _ if input.first() == Some(&der::SEQUENCE) => None,
        _ => Some(Zeroizing::new(String::from_utf8_lossy(input).into_owned())),
    }
}

/// Text saved as UTF-16 (Windows Notepad) with its byte-order mark.
fn utf16_text(input: &[u8]) -> Option<Zeroizing<String>> {
    let (rest, big_endian) = match input {
        [0xFF, 0xFE, rest @ ..] => (rest, false),
        [0xFE, 0xFF, rest @ ..] => (rest, true),
        _ => return None,
    };
    let units = rest.chunks_exact(2).map(|pair| match pair {
        [a, b] if big_endian => u16::from_be_bytes([*a, *b]),
        [a, b] => u16::from_le_bytes([*a, *b]),
        _ => 0xFFFD,
    });
    Some(Zeroizing::new(
        char::decode_utf16(units)
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect(),
    ))
}

/// Finds the request in pasted text. `nested` is true when the text itself came out of bare
/// base64, which is unwrapped only once.
fn decode_text(text: &str, nested: bool) -> Result<Decoded, CsrError> {
    if text.trim().is_empty() {
        return Err(CsrError::Empty);
    }
    let blocks = pem::blocks(text);
    let putty = is_putty_key(text);
    if putty
        && !blocks
            .iter()
            .any(|b| is_request(&b.label) && b.body.is_some())
    {
        return Err(CsrError::PuttyKey);
    }
    if !blocks.is_empty() {
        let mut decoded = from_blocks(&blocks, putty)?;
        if nested {
            decoded.form = InputForm::Base64;
        }
        return Ok(decoded);
    }
    let trimmed = text.trim_start();
    if is_ssh_public_key(trimmed) {
        return Err(CsrError::PublicKey);
    }
    // A paste that lost its BEGIN line still has a usable body before the END line.
    let body = pem::end_marker(text)
        .and_then(|end| text.get(..end))
        .unwrap_or(text);
    // Only text that starts like base64 of DER (`MI…`: a SEQUENCE with a long-form length,
    // which every request has), of PEM (`LS0t…` is `---`) or of an OpenSSH key is taken for
    // bare base64; other words that happen to be base64 characters are just unrecognised.
    let start = body.trim_start();
    let of_pem = start.starts_with("LS0t");
    if !(start.starts_with("MI") || of_pem || start.starts_with("b3BlbnNzaC1rZXkt")) {
        return Err(CsrError::Unrecognised);
    }
    let bytes = pem::decode_base64(body, 1)?;
    if of_pem
        && !nested
        && let Ok(inner) = std::str::from_utf8(&bytes)
    {
        return decode_text(inner, true);
    }
    from_der(&bytes, InputForm::Base64)
}

/// A PuTTY private key file (`.ppk`, formats 1 to 3): a `PuTTY-User-Key-File-N:` line.
fn is_putty_key(text: &str) -> bool {
    const MARK: &str = "PuTTY-User-Key-File-";
    // One substring search rules out nearly every paste before the lines are walked.
    text.contains(MARK) && text.lines().any(|line| line.trim_start().starts_with(MARK))
}

/// OpenSSH `authorized_keys` lines: `ssh-ed25519 AAAA… comment`.
fn is_ssh_public_key(text: &str) -> bool {
    ["ssh-", "ecdsa-sha2-", "sk-ssh-", "sk-ecdsa-"]
        .iter()
        .any(|p| text.starts_with(p))
}

/// Picks the request out of the PEM blocks, or says what the blocks are instead.
/// `other_key` is true when the text also holds a private key outside PEM (a PuTTY key).
fn from_blocks(blocks: &[pem::Block<'_>], other_key: bool) -> Result<Decoded, CsrError> {
    let private_key = blocks.iter().find_map(|b| private_key_kind(&b.label));
    let requests: Vec<&pem::Block<'_>> = blocks.iter().filter(|b| is_request(&b.label)).collect();
    let Some(first) = requests.first() else {
        return Err(not_a_request(blocks, private_key));
    };
    let Some(body) = first.body else {
        // A cut-off request next to a key: the key is the more urgent thing to say.
        return Err(match private_key {
            Some(kind) => CsrError::PrivateKey { kind },
            None => CsrError::TruncatedPem {
                label: first.label.clone(),
            },
        });
    };
    let bytes = pem::decode_base64(body, first.first_line)?;
    let mut decoded = from_der(&bytes, InputForm::Pem)?;
    if private_key.is_some() || other_key {
        decoded.notices.push(Finding {
            severity: Severity::Warning,
            code: "private-key-in-paste",
            message: "the paste also held a private key. A private key must never be shared \
                      with anyone, not even us: nothing of it was kept or sent, and only the \
                      certificate signing request was read. If the key was pasted anywhere \
                      else, make a new key and CSR."
                .into(),
            reference: SECURITY_MODEL,
        });
    }
    if requests.len() > 1 {
        decoded.notices.push(Finding {
            severity: Severity::Info,
            code: "several-requests",
            message: format!(
                "the paste holds {} certificate signing requests; the first one is used",
                requests.len()
            ),
            reference: "RFC 7468 §7",
        });
    }
    Ok(decoded)
}

/// The error for PEM that holds no request, most important first: a key must always be
/// called out, then the things people confuse with a request.
fn not_a_request(blocks: &[pem::Block<'_>], private_key: Option<PrivateKeyKind>) -> CsrError {
    if let Some(kind) = private_key {
        return CsrError::PrivateKey { kind };
    }
    let has = |f: fn(&str) -> bool| blocks.iter().any(|b| f(&b.label));
    if has(|l| {
        matches!(
            l,
            "CERTIFICATE" | "X509 CERTIFICATE" | "TRUSTED CERTIFICATE"
        )
    }) {
        return CsrError::Certificate;
    }
    if has(|l| matches!(l, "X509 CRL" | "CRL")) {
        return CsrError::Crl;
    }
    if has(|l| matches!(l, "PKCS7" | "PKCS #7 SIGNED DATA" | "CMS")) {
        return CsrError::Pkcs7;
    }
    if has(|l| l.ends_with("PUBLIC KEY")) {
        return CsrError::PublicKey;
    }
    match blocks.first() {
        Some(block) if block.body.is_none() => CsrError::TruncatedPem {
            label: block.label.clone(),
        },
        Some(block) => CsrError::OtherPem {
            label: block.label.clone(),
        },
        None => CsrError::Unrecognised,
    }
}

/// True when the text holds a private key's PEM armour or a PuTTY key, read or not.
fn has_private_key_armour(text: &str) -> bool {
    is_putty_key(text)
        || pem::blocks(text)
            .iter()
            .any(|b| private_key_kind(&b.label).is_some())
}

/// The armour of every complete request block in the text, each on its own lines.
fn request_blocks(text: &str) -> String {
    pem::blocks(text)
        .iter()
        .filter(|b| is_request(&b.label))
        .filter_map(|b| b.armour)
        .map(|armour| format!("{armour}\n"))
        .collect()
}

fn is_request(label: &str) -> bool {
    matches!(label, "CERTIFICATE REQUEST" | "NEW CERTIFICATE REQUEST")
}

/// The kind of private key a PEM label announces.
fn private_key_kind(label: &str) -> Option<PrivateKeyKind> {
    Some(match label {
        "RSA PRIVATE KEY" => PrivateKeyKind::Pkcs1Rsa,
        "ENCRYPTED PRIVATE KEY" => PrivateKeyKind::EncryptedPkcs8,
        "EC PRIVATE KEY" => PrivateKeyKind::Ec,
        "DSA PRIVATE KEY" => PrivateKeyKind::Dsa,
        "OPENSSH PRIVATE KEY" | "SSH2 ENCRYPTED PRIVATE KEY" => PrivateKeyKind::OpenSsh,
        "PKCS12" => PrivateKeyKind::Pkcs12,
        // `PRIVATE KEY` and every vendor variant (`ANY PRIVATE KEY`, …) are PKCS#8 or close.
        l if l.ends_with("PRIVATE KEY") => PrivateKeyKind::Pkcs8,
        _ => return None,
    })
}

/// Accepts DER that has the shape of a request (or no recognisable shape: the report parser
/// then says where it is broken) and names everything else.
fn from_der(bytes: &[u8], form: InputForm) -> Result<Decoded, CsrError> {
    if bytes.is_empty() {
        return Err(CsrError::MalformedDer {
            offset: 0,
            detail: "there is no data".into(),
        });
    }
    match classify::shape(bytes) {
        Shape::Request => {}
        Shape::Certificate => return Err(CsrError::Certificate),
        Shape::Crl => return Err(CsrError::Crl),
        Shape::Pkcs7 => return Err(CsrError::Pkcs7),
        Shape::PrivateKey(kind) => return Err(CsrError::PrivateKey { kind }),
        Shape::PublicKey => return Err(CsrError::PublicKey),
        Shape::Unknown if bytes.first() == Some(&der::SEQUENCE) => {}
        Shape::Unknown => return Err(CsrError::Unrecognised),
    }
    Ok(Decoded {
        form,
        der: bytes.to_vec(),
        notices: Vec::new(),
    })
}
