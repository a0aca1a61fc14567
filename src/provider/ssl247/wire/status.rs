//! The document's path words: certificate statuses and download types
//! (the SSL247 API v3 reference, "Certificate - List per status", "Certificate - List by status",
//! "Certificate - Get Details").

use std::fmt;
use std::str::FromStr;

use crate::order::OrderStatus;
use crate::provider::ProviderError;

/// A certificate status word, as `POST /certificates/{status}` and
/// `POST /orders/certificates/{status}` take it and as lists return it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum CertificateStatus {
    /// `Incomplete`: placed, details not completed yet.
    Incomplete,
    /// `Expiring`.
    Expiring,
    /// `External`: imported from elsewhere.
    External,
    /// `Issued`.
    Issued,
    /// `Stock`: bought, not yet used.
    Stock,
    /// `Pending`.
    Pending,
    /// `ReadyToReview`.
    ReadyToReview,
    /// `Expired`.
    Expired,
    /// `Subscription`.
    Subscription,
    /// `Cancelled`.
    Cancelled,
    /// `Archived`.
    Archived,
    /// `TemporaryCertificate` (certificates list only).
    TemporaryCertificate,
    /// `Deactivated` (orders list only).
    Deactivated,
    /// A word the document does not list, kept verbatim.
    Other(String),
}

/// Every documented status word, with its variant.
const WORDS: [(&str, CertificateStatus); 13] = [
    ("Incomplete", CertificateStatus::Incomplete),
    ("Expiring", CertificateStatus::Expiring),
    ("External", CertificateStatus::External),
    ("Issued", CertificateStatus::Issued),
    ("Stock", CertificateStatus::Stock),
    ("Pending", CertificateStatus::Pending),
    ("ReadyToReview", CertificateStatus::ReadyToReview),
    ("Expired", CertificateStatus::Expired),
    ("Subscription", CertificateStatus::Subscription),
    ("Cancelled", CertificateStatus::Cancelled),
    ("Archived", CertificateStatus::Archived),
    (
        "TemporaryCertificate",
        CertificateStatus::TemporaryCertificate,
    ),
    ("Deactivated", CertificateStatus::Deactivated),
];

impl CertificateStatus {
    /// Reads a word, case-insensitively; unknown words are kept.
    pub fn from_word(word: &str) -> Self {
        WORDS
            .iter()
            .find(|(w, _)| w.eq_ignore_ascii_case(word.trim()))
            .map_or_else(|| Self::Other(word.to_owned()), |(_, s)| s.clone())
    }

    /// The wire word.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Other(word) => word,
            known => WORDS
                .iter()
                .find(|(_, s)| s == known)
                .map_or("", |(w, _)| w),
        }
    }

    /// The neutral status. Words whose meaning the document leaves open (`Archived`,
    /// `TemporaryCertificate`, `Deactivated`) stay unknown rather than guessed.
    pub fn to_neutral(&self) -> OrderStatus {
        match self {
            Self::Incomplete | Self::Pending | Self::Stock => OrderStatus::Pending,
            Self::ReadyToReview => OrderStatus::Processing,
            Self::Issued | Self::Expiring | Self::External | Self::Subscription => {
                OrderStatus::Issued
            }
            Self::Expired => OrderStatus::Expired,
            Self::Cancelled => OrderStatus::Cancelled,
            other => OrderStatus::Unknown(other.as_str().to_owned()),
        }
    }

    /// Refuses a word the document does not list, before it goes into a path.
    pub fn check(&self) -> Result<(), ProviderError> {
        match self {
            Self::Other(_) => Err(ProviderError::invalid(
                "status",
                "not a status word of the SSL247 document",
            )),
            _ => Ok(()),
        }
    }
}

impl fmt::Display for CertificateStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A download type of `POST /certificate/{id}/{type}`: "x509, pkcs7, intermediate, root,
/// bundle".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DownloadType {
    /// `x509`: the certificate, PEM.
    X509,
    /// `pkcs7`: a PKCS#7 bundle.
    Pkcs7,
    /// `intermediate`: the intermediate CA certificate(s).
    Intermediate,
    /// `root`: the root CA certificate.
    Root,
    /// `bundle`: the chain.
    Bundle,
}

impl DownloadType {
    /// Every type, in the document's order.
    pub const ALL: [Self; 5] = [
        Self::X509,
        Self::Pkcs7,
        Self::Intermediate,
        Self::Root,
        Self::Bundle,
    ];

    /// The wire word.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::X509 => "x509",
            Self::Pkcs7 => "pkcs7",
            Self::Intermediate => "intermediate",
            Self::Root => "root",
            Self::Bundle => "bundle",
        }
    }
}

impl fmt::Display for DownloadType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for DownloadType {
    type Err = ProviderError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|t| t.as_str() == s)
            .ok_or_else(|| {
                ProviderError::invalid(
                    "type",
                    "must be one of x509, pkcs7, intermediate, root, bundle",
                )
            })
    }
}
