//! Process, certificate and download bodies (docs/providers.md §2.3, §2.6).

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::{Dcv, DcvType};

/// `dcv[].status` of a process (docs/providers.md §2.3).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[non_exhaustive]
pub enum DcvStatus {
    /// `WAITING`.
    Waiting,
    /// `ATTENTION`.
    Attention,
    /// `VALIDATED`.
    Validated,
    /// A word not documented.
    #[serde(untagged)]
    Other(String),
}

/// `caaRecordStatus` (docs/providers.md §2.3).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[non_exhaustive]
pub enum CaaRecordStatus {
    /// `UNKNOWN`.
    Unknown,
    /// `VALID`.
    Valid,
    /// `INVALID`: blocks issuance.
    Invalid,
    /// `WAITING`.
    Waiting,
    /// `EMPTY`.
    Empty,
    /// `TIMEOUT`.
    Timeout,
    /// `UNRECOGNIZED_CRITICAL_TAG`: blocks issuance.
    UnrecognizedCriticalTag,
    /// `MALFORMED_RESPONSE`.
    MalformedResponse,
    /// A word not documented.
    #[serde(untagged)]
    Other(String),
}

/// One `validations.dcv[]` item of a process (docs/providers.md §2.3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DcvValidation {
    /// The name.
    pub common_name: String,
    /// EMAIL, FILE or DNS.
    #[serde(rename = "type")]
    pub dcv_type: DcvType,
    /// The approver, for EMAIL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// WAITING, ATTENTION or VALIDATED.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<DcvStatus>,
    /// The full record owner name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dns_record: Option<String>,
    /// CNAME or TXT.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dns_type: Option<String>,
    /// The record data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dns_contents: Option<String>,
    /// Where the file goes; may lack a scheme.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_location: Option<String>,
    /// The exact file content.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_contents: Option<String>,
    /// The CAA check.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caa_record_status: Option<CaaRecordStatus>,
    /// PASSED, WAITING or FAILED.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub risk_status: Option<String>,
}

/// `validations` of a process: `dcv[]` plus the organisation-level checks, kept as sent.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Validations {
    /// Per-name DCV.
    #[serde(default)]
    pub dcv: Vec<DcvValidation>,
    /// `organization`, `agreement`, `docs`, `voice`, `whois`, … as sent.
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

/// The answer of a certificate request and of `GET /v2/processes/{id}/info`
/// (`CertificateInfoProcess`, docs/providers.md §2.3).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CertificateProcess {
    /// The common name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub common_name: Option<String>,
    /// Whether the customer must act.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requires_attention: Option<bool>,
    /// Present when issued at once (AuthKey).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate_id: Option<u64>,
    /// The validation state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub validations: Option<Validations>,
    /// Notes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<Value>,
    /// A link for the customer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub one_time_link: Option<String>,
    /// The `x-process-id` response header (not part of the body).
    #[serde(skip)]
    pub process_id: Option<String>,
}

/// `GET /v2/processes/{id}` (docs/providers.md §2.3).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Process {
    /// The process id.
    #[serde(default)]
    pub id: Option<u64>,
    /// NEW, VALIDATED, RUNNING, COMPLETED, INVALID, CANCELLED, FAILED, IN_DOUBT, SCHEDULED,
    /// SUSPENDED, or a word not documented.
    #[serde(default)]
    pub status: Option<String>,
    /// Every other field, as sent.
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

/// `GET /v2/ssl/certificates/{id}` and the items of the certificate list.
///
/// Fields as the official PHP SDK's certificate test data shows them (docs/providers.md §2.7); the
/// rest is kept in `other`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SslCertificate {
    /// The certificate id.
    pub id: u64,
    /// The process that made it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub process: Option<u64>,
    /// The product.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product: Option<String>,
    /// The common name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain_name: Option<String>,
    /// Further names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub san: Option<Vec<String>>,
    /// `ACTIVE`, … (kept as the word).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Start of validity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_date: Option<String>,
    /// End of validity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expiry_date: Option<String>,
    /// The CSR.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub csr: Option<String>,
    /// The certificate, PEM.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate: Option<String>,
    /// Every other field, as sent.
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

/// `format` of `GET /v2/ssl/certificates/{id}/download` (docs/providers.md §2.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum DownloadFormat {
    /// `CRT`.
    Crt,
    /// `CSR`.
    Csr,
    /// `ZIP`.
    Zip,
    /// `PKCS7`.
    Pkcs7,
    /// `CA`.
    Ca,
    /// `CA_BUNDLE`.
    CaBundle,
}

impl DownloadFormat {
    /// Every format.
    pub const ALL: [Self; 6] = [
        Self::Crt,
        Self::Csr,
        Self::Zip,
        Self::Pkcs7,
        Self::Ca,
        Self::CaBundle,
    ];

    /// The wire word.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Crt => "CRT",
            Self::Csr => "CSR",
            Self::Zip => "ZIP",
            Self::Pkcs7 => "PKCS7",
            Self::Ca => "CA",
            Self::CaBundle => "CA_BUNDLE",
        }
    }
}

/// `POST /v2/ssl/authkey` body (docs/providers.md §2.6).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthKeyRequest {
    /// The product.
    pub product: String,
    /// The CSR, PEM.
    pub csr: String,
}

/// `POST /v2/ssl/authkey` answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AuthKey {
    /// The value to publish in DNS or `fileauth.txt`.
    pub auth_key: String,
}

/// `POST /v2/processes/{id}/resend` body (docs/providers.md §2.3).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ResendRequest {
    /// The names to resend or switch, each with its (new) method.
    pub dcv: Vec<Dcv>,
}

/// `POST /v2/ssl/decodecsr` body (docs/providers.md §2.6).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecodeCsrRequest {
    /// The CSR, PEM.
    pub csr: String,
}

/// `POST /v2/ssl/decodecsr` answer; `md5`/`sha256` are the hashes DCV values are built from.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DecodedCsr {
    /// The subject as one string.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// The common name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub common_name: Option<String>,
    /// `RSA` or `ECDSA` (kept as the word).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public_key_algorithm: Option<String>,
    /// Key size in bits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public_key_size: Option<u32>,
    /// MD5 of the DER CSR.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub md5: Option<String>,
    /// SHA-256 of the DER CSR.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sha256: Option<String>,
    /// `country`, `state`, `locality`, `organization`, `organizationalUnit`, `street[]`, …
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

/// `POST /v2/processes/{id}/send-subscriber-agreement` body (docs/providers.md §2.3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubscriberAgreementRequest {
    /// The recipient.
    pub email: String,
    /// The language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<super::Language>,
}

/// `POST /v2/processes/{id}/schedule-validation-call` body (docs/providers.md §2.3; EV).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValidationCallRequest {
    /// When, as the API's date-time text.
    pub date: String,
}
