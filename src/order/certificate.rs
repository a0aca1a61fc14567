//! Issued certificates as downloaded from a provider.

use serde::{Deserialize, Serialize};

/// A download format a provider offers.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CertificateFormat {
    /// PEM text.
    Pem,
    /// DER bytes.
    Der,
    /// PKCS#7 bundle.
    Pkcs7,
    /// The CA chain only.
    CaBundle,
    /// A zip archive.
    Zip,
    /// A format word no mapping knows.
    #[serde(untagged)]
    Other(String),
}

/// An issued certificate in PEM form, with its chain when the provider includes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Certificate {
    /// The leaf certificate, PEM (`-----BEGIN CERTIFICATE-----`).
    pub pem: String,
    /// Intermediate certificates, PEM, leaf-side first.
    pub chain: Vec<String>,
}

impl Certificate {
    /// A certificate from PEM text or from bare base64 DER.
    ///
    /// Gandi v3 returns `cert` as bare base64 with no armour and no line breaks
    /// (docs/providers.md §1.5); that is wrapped at 64 columns (RFC 7468 §2). Text that already
    /// has armour is kept as it is, with surrounding whitespace trimmed.
    pub(crate) fn from_pem_or_base64(text: &str) -> Self {
        let trimmed = text.trim();
        let pem = if trimmed.starts_with("-----BEGIN") {
            let mut pem = trimmed.to_owned();
            pem.push('\n');
            pem
        } else {
            wrap_pem("CERTIFICATE", trimmed)
        };
        Self {
            pem,
            chain: Vec::new(),
        }
    }
}

/// Wraps base64 (whitespace ignored) in PEM armour at 64 columns.
fn wrap_pem(label: &str, base64: &str) -> String {
    let compact: String = base64.chars().filter(|c| !c.is_whitespace()).collect();
    let mut out = format!("-----BEGIN {label}-----\n");
    let mut line = String::with_capacity(64);
    for c in compact.chars() {
        line.push(c);
        if line.len() == 64 {
            out.push_str(&line);
            out.push('\n');
            line.clear();
        }
    }
    if !line.is_empty() {
        out.push_str(&line);
        out.push('\n');
    }
    out.push_str(&format!("-----END {label}-----\n"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    // Guards: bare base64 (Gandi v3) is armoured at 64 columns; PEM stays as it is.
    #[test]
    fn base64_is_wrapped_and_pem_kept() {
        let b64 = "A".repeat(130);
        let cert = Certificate::from_pem_or_base64(&b64);
        let lines: Vec<&str> = cert.pem.lines().collect();
        assert_eq!(lines.first(), Some(&"-----BEGIN CERTIFICATE-----"));
        assert_eq!(
            lines.iter().map(|l| l.len()).collect::<Vec<_>>(),
            [27, 64, 64, 2, 25]
        );
        let pem = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----";
        assert_eq!(Certificate::from_pem_or_base64(pem).pem, format!("{pem}\n"));
    }
}
