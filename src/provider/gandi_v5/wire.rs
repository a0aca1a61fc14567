//! Gandi v5 certificate request and response bodies (docs/providers.md §1.3, from the v5
//! certificate documentation). Responses are lenient: optional fields, unknown ones ignored.

use serde::{Deserialize, Serialize};

/// `POST /issued-certs` body. "The parameters can receive either a CSR or a CN."
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct CreateRequest {
    /// Required: the package name (`cert_std_1_0_0`).
    pub package: String,
    /// Alternative names.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub altnames: Vec<String>,
    /// "apex or both apex and www (Digicert only)".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub apex_only: Option<bool>,
    /// Common name, at most 64 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cn: Option<String>,
    /// The CSR, PEM.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub csr: Option<String>,
    /// email, dns, file, http or https.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dcv_method: Option<String>,
    /// Years; "All certificates are valid for one year regardless of the duration value".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duration: Option<u32>,
    /// The resellee the certificate is for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resellee_id: Option<String>,
}

/// `POST /issued-certs/{id}` (renew) and `PATCH /issued-certs/{id}` (update) body.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct ChangeRequest {
    /// New alternative names (update only).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub altnames: Vec<String>,
    /// A new CSR.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub csr: Option<String>,
    /// A DCV method word.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dcv_method: Option<String>,
    /// Years (renew only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duration: Option<u32>,
}

/// `POST /dcv_params` and `POST /issued-certs/{id}/dcv_params` body (all optional).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct DcvParamsRequest {
    /// Alternative names (pre-order only).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub altnames: Vec<String>,
    /// The CSR.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub csr: Option<String>,
    /// A DCV method word.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dcv_method: Option<String>,
    /// The package.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub package: Option<String>,
}

/// The `dcv_params` response.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(default)]
pub struct DcvParams {
    /// SANs extracted from the CSR.
    pub altnames: Vec<String>,
    /// The method the parameters are for.
    pub dcv_method: Option<String>,
    /// Names to validate.
    pub fqdns: Vec<String>,
    /// MD5 of the CSR.
    pub md5: Option<String>,
    /// SHA-256 of the CSR.
    pub sha256: Option<String>,
    /// "DNS records to be added", zone-file lines (added 2025-04-10).
    pub dns_records: Vec<String>,
    /// Human-readable instructions.
    pub messages: Vec<String>,
    /// Structured messages; for DigiCert DNS, `[name, value]` pairs (docs/providers.md §1.6).
    pub raw_messages: Vec<Vec<String>>,
    /// The unique value (only per certificate).
    pub unique_value: Option<String>,
}

/// 202 body of create: `{href, id, message}`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(default)]
pub struct Created {
    /// The certificate's URL.
    pub href: Option<String>,
    /// The certificate id.
    pub id: Option<String>,
    /// Gandi's message.
    pub message: Option<String>,
    /// The `Location` header (not in the body; filled in by the parser).
    #[serde(skip)]
    pub location: Option<String>,
}

/// A bare `{message}` response (renew, update, DCV change, resend, revoke).
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(default)]
pub struct Message {
    /// Gandi's message.
    pub message: Option<String>,
}

/// `contact` of a certificate.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(default)]
pub struct Contact {
    /// City.
    pub city: Option<String>,
    /// Country code.
    pub country: Option<String>,
    /// E-mail address.
    pub email: Option<String>,
    /// Family name.
    pub family: Option<String>,
    /// Given name.
    pub given: Option<String>,
    /// Organisation name.
    pub orgname: Option<String>,
    /// State or province.
    pub state: Option<String>,
    /// Street address.
    pub streetaddr: Option<String>,
    /// Postal code.
    pub zip: Option<String>,
}

/// `dates` of a certificate; keys as the list's `sort_by` values name them.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(default)]
pub struct Dates {
    /// When the order was created.
    pub created_at: Option<String>,
    /// When the certificate expires.
    pub ends_at: Option<String>,
    /// When the certificate became valid.
    pub started_at: Option<String>,
    /// When the subscription ends.
    pub subscription_ends_at: Option<String>,
    /// When the order last changed.
    pub updated_at: Option<String>,
}

/// A package reference: a name, or an object with a name.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum PackageRef {
    /// `"cert_std_1_0_0"`.
    Name(String),
    /// `{"name": "cert_std_1_0_0", …}`.
    Object {
        /// The package name.
        name: String,
    },
}

impl PackageRef {
    /// The package name.
    pub fn name(&self) -> &str {
        match self {
            Self::Name(name) | Self::Object { name } => name,
        }
    }
}

/// `GET /issued-certs/{id}` and the items of the list.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(default)]
pub struct IssuedCert {
    /// The certificate id.
    pub id: Option<String>,
    /// Its URL.
    pub href: Option<String>,
    /// Alternative names, A-labels.
    pub altnames: Vec<String>,
    /// Alternative names, U-labels.
    pub altnames_unicode: Vec<String>,
    /// Common name, A-label.
    pub cn: Option<String>,
    /// Common name, U-label.
    pub cn_unicode: Option<String>,
    /// The owner contact.
    pub contact: Option<Contact>,
    /// Dates.
    pub dates: Option<Dates>,
    /// The package.
    pub package: Option<PackageRef>,
    /// pending, valid, revoked, replaced, replaced_rev, expired.
    pub status: Option<String>,
}

/// `category` of a package.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(default)]
pub struct PackageCategory {
    /// standard, pro, business.
    pub name: Option<String>,
}

/// `GET /packages` items and `GET /packages/{name}`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(default)]
pub struct Package {
    /// Its category.
    pub category: Option<PackageCategory>,
    /// Its URL.
    pub href: Option<String>,
    /// Most names.
    pub max_domains: Option<u32>,
    /// Fewest names (always 1).
    pub min_domains: Option<u32>,
    /// The name to order with.
    pub name: String,
    /// The CA.
    pub provider: Option<String>,
    /// Deprecated.
    pub sgc: Option<serde_json::Value>,
    /// Warranty.
    pub warranty: Option<serde_json::Value>,
    /// Whether it is a wildcard package.
    pub wildcard: Option<bool>,
}

/// A page of a list, with the counts from the `Total-Count` and `Filtered-Count` headers.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Page<T> {
    /// The items.
    pub items: Vec<T>,
    /// `Total-Count`.
    pub total_count: Option<u64>,
    /// `Filtered-Count`.
    pub filtered_count: Option<u64>,
    /// `Link` (next/previous pages).
    pub link: Option<String>,
}
