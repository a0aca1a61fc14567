//! Domain control validation (DCV): the methods, what the customer must do per name, and the
//! state of each name's validation.
//!
//! DCV values (record names, hashes, unique values) always come from the provider: they change
//! on reissue and key reuse (docs/providers.md §6), so nothing here computes them.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::domain::DomainName;

/// A way of proving control of a name.
///
/// A closed set over the providers' open wire words (Gandi `email|dns|file|http|https|auto`,
/// Realtime Register `EMAIL|FILE|DNS`, …); a word none of these covers is kept in
/// [`DcvMethod::Other`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DcvMethod {
    /// An e-mail to an approver address.
    Email,
    /// A DNS record (CNAME or TXT, the provider says which).
    Dns,
    /// A file served over plain HTTP (Gandi `file`, Realtime Register `FILE`).
    Http,
    /// A file served over HTTPS.
    Https,
    /// The provider publishes the record or file itself (Gandi v3 `auto`).
    Automatic,
    /// A method word no mapping knows.
    #[serde(untagged)]
    Other(String),
}

impl DcvMethod {
    /// Whether the method can validate a wildcard name: file methods cannot (Sectigo, and
    /// the CA/B Forum since November 2021; docs/providers.md §5).
    pub(crate) fn allows_wildcard(&self) -> bool {
        !matches!(self, Self::Http | Self::Https)
    }
}

impl fmt::Display for DcvMethod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Email => "email",
            Self::Dns => "dns",
            Self::Http => "http",
            Self::Https => "https",
            Self::Automatic => "automatic",
            Self::Other(word) => word,
        })
    }
}

/// The customer's DCV choice for one name, or for all names when `name` is `None`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DcvChoice {
    /// The name this choice applies to; `None` for every name without its own choice.
    pub name: Option<DomainName>,
    /// The method.
    pub method: DcvMethod,
    /// The approver address, for [`DcvMethod::Email`].
    pub approver: Option<String>,
}

impl DcvChoice {
    /// One method for every name.
    pub const fn all(method: DcvMethod) -> Self {
        Self {
            name: None,
            method,
            approver: None,
        }
    }

    /// One method for one name of the order.
    pub fn for_name(name: DomainName, method: DcvMethod) -> Self {
        Self {
            name: Some(name),
            method,
            approver: None,
        }
    }
}

/// What the customer must do to validate one name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum DcvInstruction {
    /// Click the link in the e-mail sent to `approver`.
    Email {
        /// The approver mailbox.
        approver: String,
    },
    /// Publish a DNS record.
    Dns(DnsRecord),
    /// Serve a file at `url` with exactly `content` (newlines included).
    File {
        /// The URL the CA fetches (scheme included when the provider gives one).
        url: String,
        /// The exact content.
        content: String,
    },
    /// Instructions the provider gives as free text only.
    Text {
        /// The provider's text, verbatim.
        message: String,
    },
}

/// A DNS record to publish.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DnsRecord {
    /// The owner name, as the provider gives it (often absolute, with a trailing dot).
    pub name: String,
    /// The record type.
    pub record_type: DnsRecordType,
    /// The record data.
    pub value: String,
    /// The TTL, when the provider suggests one.
    pub ttl: Option<u32>,
}

impl DnsRecord {
    /// Parses one record in zone-file (BIND) presentation form, as Gandi returns them in
    /// `dns_records` (`_a1b2.example.com. 10800 IN CNAME x.y.sectigo.com.`; docs/providers.md
    /// §1.5, §1.6). Accepts the TTL and class in either order and both optional; `None` when the
    /// line is not a record of that shape.
    pub fn from_zone_line(line: &str) -> Option<Self> {
        let mut fields = line.split_whitespace();
        let name = fields.next()?.to_owned();
        let mut ttl = None;
        let mut record_type = None;
        for field in fields.by_ref() {
            if let Ok(n) = field.parse::<u32>() {
                if ttl.is_some() {
                    return None;
                }
                ttl = Some(n);
            } else if field.eq_ignore_ascii_case("IN") {
                continue;
            } else {
                record_type = Some(DnsRecordType::from_word(field));
                break;
            }
        }
        let record_type = record_type?;
        let value = fields.collect::<Vec<_>>().join(" ");
        if value.is_empty() {
            return None;
        }
        // TXT data in presentation form is quoted; the customer pastes the bare value.
        let value = match record_type {
            DnsRecordType::Txt => value.trim_matches('"').to_owned(),
            _ => value,
        };
        Some(Self {
            name,
            record_type,
            value,
            ttl,
        })
    }
}

/// A DNS record type used for DCV.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
#[non_exhaustive]
pub enum DnsRecordType {
    /// CNAME (Sectigo, DigiCert `_dnsauth`).
    Cname,
    /// TXT (Let's Encrypt, DigiCert).
    Txt,
    /// CAA (reported, not published for DCV).
    Caa,
    /// Another type.
    #[serde(untagged)]
    Other(String),
}

impl DnsRecordType {
    /// Maps a type word, case-insensitively.
    pub fn from_word(word: &str) -> Self {
        match word.to_ascii_uppercase().as_str() {
            "CNAME" => Self::Cname,
            "TXT" => Self::Txt,
            "CAA" => Self::Caa,
            other => Self::Other(other.to_owned()),
        }
    }
}

/// How far the validation of one name has got.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DcvStatus {
    /// Waiting for the customer or the CA.
    Pending,
    /// Needs the customer's attention (Realtime Register `ATTENTION`).
    Attention,
    /// Validated.
    Valid,
    /// Failed or refused.
    Invalid,
    /// Not reported by the provider.
    NotReported,
    /// A status word no mapping knows.
    #[serde(untagged)]
    Unknown(String),
}

/// The validation of one name: method, status and what to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NameValidation {
    /// The name validated (may be a wildcard; its DCV happens at the base name).
    pub name: String,
    /// The method in use.
    pub method: DcvMethod,
    /// How far it has got.
    pub status: DcvStatus,
    /// What the customer must do, when the provider says.
    pub instruction: Option<DcvInstruction>,
}

/// The approver mailboxes a provider accepts for one name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApproverEmails {
    /// The name looked up (wildcard prefix stripped).
    pub name: String,
    /// The mailboxes, in the provider's order.
    pub emails: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    // Guards: zone lines as Gandi sends them, TTL/class in either order, quoted TXT data.
    #[test]
    fn zone_lines_parse() {
        let r = DnsRecord::from_zone_line("_a.example.com. 10800 IN CNAME b.sectigo.com.");
        assert_eq!(
            r,
            Some(DnsRecord {
                name: "_a.example.com.".into(),
                record_type: DnsRecordType::Cname,
                value: "b.sectigo.com.".into(),
                ttl: Some(10800),
            })
        );
        let txt = DnsRecord::from_zone_line("_acme.example.com IN 300 TXT \"abc\"");
        assert_eq!(
            txt.map(|r| (r.value, r.ttl)),
            Some(("abc".into(), Some(300)))
        );
        let bare = DnsRecord::from_zone_line("x.example. CNAME y.example.");
        assert_eq!(bare.map(|r| r.ttl), Some(None));
        for bad in ["", "name", "name 300", "name 300 IN", "name 1 2 CNAME v"] {
            assert_eq!(DnsRecord::from_zone_line(bad), None, "{bad}");
        }
    }

    // Guards: open wire words survive a JSON round trip in the fallback variant.
    #[test]
    fn unknown_words_are_kept() -> Result<(), serde_json::Error> {
        let m: DcvMethod = serde_json::from_str("\"carrier-pigeon\"")?;
        assert_eq!(m, DcvMethod::Other("carrier-pigeon".into()));
        assert_eq!(serde_json::to_string(&DcvMethod::Dns)?, "\"dns\"");
        assert!(!DcvMethod::Http.allows_wildcard() && DcvMethod::Dns.allows_wildcard());
        Ok(())
    }
}
