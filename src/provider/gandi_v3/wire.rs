//! Gandi v3 parameter and return structs, field for field as the Gandi v3 certificate reference
//! documents them ("Parameters" and "Returns").
//!
//! Returns are lenient (every field optional, unknown fields ignored) because the document
//! lists fields, not which are always present. Parameters skip absent fields, since a `nil`
//! where the API expects a string is a fault.

mod options;

pub use options::{CertListOptions, CertPackageListOptions, SslListOptions};

use serde::{Deserialize, Serialize};

use crate::provider::gandi_v3::error::{Classification, classify};

/// `CertificateCreate`, `CertificateRenew`, `CertificateUpdate` and `DcvMethodParams` share
/// their keys; one struct with everything optional but `package` serves all four, and each
/// call sets only the keys its table lists.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct CertificateParams {
    /// Name of the certificate package (`CertPackage`); required by `cert.create`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub package: Option<String>,
    /// Accepts the certificate contract; default true.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accept_contract: Option<bool>,
    /// Alternative names, when the package permits them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub altnames: Vec<String>,
    /// Apex name only (`DcvMethodParams`, undescribed there; v5 documents it as "apex or both
    /// apex and www (Digicert only)", docs/providers.md §1.3).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub apex_only: Option<bool>,
    /// The certificate the DCV parameters are for (`cert.get_dcv_params`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cert_id: Option<i32>,
    /// Certificate CN; the create method takes a CSR or a CN.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cn: Option<String>,
    /// Certificate Signing Request, PEM.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub csr: Option<String>,
    /// Chosen DCV method, a `DCVMethod` word (email, dns, file, auto, https); renew and update
    /// default to email.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dcv_method: Option<String>,
    /// Certificate duration in years (1 or 2 since 2017, docs/providers.md §1.5); default 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duration: Option<i32>,
    /// The resellee the certificate is for (cannot be set with `handle`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resellee_id: Option<String>,
    /// The deletion reason (`CertificateDelete`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// `CategoryReturn`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
pub struct CategoryReturn {
    /// Category id.
    pub id: Option<i64>,
    /// Category name (`standard`, `pro`, `business`).
    pub name: Option<String>,
}

/// `CertPackageReturn`: one item of `cert.package.list`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(default)]
pub struct CertPackageReturn {
    /// The package category.
    pub category: Option<CategoryReturn>,
    /// Comodo's (now Sectigo's) id of the package.
    pub comodo_id: Option<String>,
    /// Package id.
    pub id: Option<i64>,
    /// Most names the certificate may carry.
    pub max_domains: Option<i64>,
    /// Fewest names the certificate must carry.
    pub min_domains: Option<i64>,
    /// Package name, used when ordering (`cert_std_1_0_0`).
    pub name: String,
    /// The issuing CA.
    pub provider: Option<String>,
    /// The CA's id of the product.
    pub provider_cert_id: Option<String>,
    /// Server Gated Cryptography (1) or not (0); deprecated in v5 (docs/providers.md §1.3).
    pub sgc: Option<i64>,
    /// Whether the TrustLogo is included (1) or not (0).
    pub trustlogo: Option<i64>,
    /// Warranty; the document gives no unit (package names carry it in thousands).
    pub warranty: Option<i64>,
    /// Whether the package is a wildcard (1) or not (0).
    pub wildcard: Option<i64>,
}

/// An `altnames` item: the document says "array of struct" (`AltnameReturn {value}`), older
/// clients saw plain strings; both are read.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum Altname {
    /// `{"value": "www.example.com"}`.
    Struct {
        /// The name.
        value: String,
    },
    /// `"www.example.com"`.
    Plain(String),
}

impl Altname {
    /// The name.
    pub fn name(&self) -> &str {
        match self {
            Self::Struct { value } | Self::Plain(value) => value,
        }
    }
}

/// `CertificateReturn`: `cert.info` and the items of `cert.list`. Dates are ISO 8601 text.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(default)]
pub struct CertificateReturn {
    /// Alternative names, when the package permits them.
    pub altnames: Vec<Altname>,
    /// The "doing business as" name.
    pub assumed_name: Option<String>,
    /// `BusinessCategory`: b (private organisation), c (government), d (business entity).
    pub business_category: Option<String>,
    /// Whether the TrustLogo is paid by card.
    pub card_pay_trustlogo: Option<bool>,
    /// Bare base64 DER, no PEM armour (docs/providers.md §1.5).
    pub cert: Option<String>,
    /// The common name.
    pub cn: Option<String>,
    /// Comodo's (now Sectigo's) id of the certificate.
    pub comodo_id: Option<String>,
    /// The certificate's owner.
    pub contact: Option<String>,
    /// The certificate signing request.
    pub csr: Option<String>,
    /// When the order was created.
    pub date_created: Option<String>,
    /// When the certificate expires.
    pub date_end: Option<String>,
    /// Date of incorporation (EV).
    pub date_incorporation: Option<String>,
    /// When the certificate became valid.
    pub date_start: Option<String>,
    /// When the order last changed.
    pub date_updated: Option<String>,
    /// Certificate id, what `cert.info` and the other calls take.
    pub id: Option<i64>,
    /// IdAuthority e-mail address.
    pub ida_email: Option<String>,
    /// IdAuthority fax number.
    pub ida_fax: Option<String>,
    /// IdAuthority telephone number.
    pub ida_tel: Option<String>,
    /// Jurisdiction of incorporation: country (EV).
    pub joi_country: Option<String>,
    /// Jurisdiction of incorporation: locality (EV).
    pub joi_locality: Option<String>,
    /// Jurisdiction of incorporation: state (EV).
    pub joi_state: Option<String>,
    /// The contact who bought the certificate.
    pub middleman: Option<String>,
    /// The CA's order number.
    pub order_number: Option<String>,
    /// Name of the certificate package.
    pub package: Option<String>,
    /// The CA's id of the certificate.
    pub provider_cert_id: Option<String>,
    /// SHA version, 1 or 2.
    pub sha_version: Option<i64>,
    /// Software in which the certificate will be used (a number the document does not list).
    pub software: Option<i64>,
    /// `CertificateStatus`: pending, valid, revoked, replaced, expired.
    pub status: Option<String>,
    /// Whether the COMODO TrustLogo is added.
    pub trustlogo: Option<bool>,
    /// The TrustLogo token, a struct kept as it comes.
    pub trustlogo_token: Option<serde_json::Value>,
    /// UUID of the certificate, its id in the v5 API.
    pub uuid: Option<String>,
}

/// `ErrorTypeReturn`: why an operation is in error.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(default)]
pub struct ErrorTypeReturn {
    /// The error identifier (`certificate:req_rejected`).
    pub name: Option<String>,
    /// Whether the operation is refunded.
    pub refundable: Option<bool>,
    /// The classification word (`fatal`, `client_recoverable`, …).
    #[serde(rename = "type")]
    pub kind: Option<String>,
}

impl ErrorTypeReturn {
    /// The classification: the `type` word if present, else the document's table by name.
    pub fn classification(&self) -> Classification {
        match (&self.kind, &self.name) {
            (Some(kind), _) => Classification::from_word(kind),
            (None, Some(name)) => classify(name).map_or(Classification::Unknown, |(c, _)| c),
            (None, None) => Classification::Unknown,
        }
    }
}

/// `CertificateOperationReturn` (and `operation.info`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(default)]
pub struct OperationReturn {
    /// When the operation was created.
    pub date_created: Option<String>,
    /// When it started.
    pub date_start: Option<String>,
    /// When it last changed.
    pub date_updated: Option<String>,
    /// Classification of the error cause if the operation is in error.
    pub errortype: Option<ErrorTypeReturn>,
    /// Estimated time of processing the operation; the document gives no unit.
    pub eta: Option<i64>,
    /// Operation id, what `operation.info` and `cert.change_dcv` take.
    pub id: i64,
    /// Further information, as structs kept as they come.
    pub infos: Vec<serde_json::Value>,
    /// The last error of the operation.
    pub last_error: Option<String>,
    /// The last "support" error, one the support team handles by hand.
    pub last_support_error: Option<String>,
    /// `{cert_id, csr, altnames, dcv_method, inner_step, package_name, fqdns}` in practice
    /// (docs/providers.md §1.5).
    pub params: serde_json::Map<String, serde_json::Value>,
    /// Session number of the operation.
    pub session_id: Option<i64>,
    /// The contact who created the operation.
    pub source: Option<String>,
    /// Current step of the operation: BILL, WAIT, RUN, DONE, ERROR, CANCEL or SUPPORT.
    pub step: Option<String>,
    /// Operation type (`certificate_create`, `certificate_delete`, …, docs/providers.md §1.5).
    #[serde(rename = "type")]
    pub kind: Option<String>,
}

impl OperationReturn {
    /// `params.cert_id`, the certificate the operation works on.
    pub fn cert_id(&self) -> Option<i64> {
        self.params
            .get("cert_id")
            .and_then(serde_json::Value::as_i64)
    }
}

/// `DcvParamsReturn`: `cert.get_dcv_params`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(default)]
pub struct DcvParamsReturn {
    /// The alternative names (v5 documents them as the SANs of the CSR, docs/providers.md §1.3).
    pub altnames: Vec<String>,
    /// The names DCV is done for.
    pub dcv_fqdns: Vec<String>,
    /// The DCV method the parameters are for.
    pub dcv_method: Option<String>,
    /// Zone-file lines (`_x.example.com. 10800 IN CNAME y.comodoca.com.`).
    pub dns_records: Vec<String>,
    /// Every name of the certificate.
    pub fqdns: Vec<String>,
    /// MD5 hash of the CSR, used in DNS and file DCV values.
    pub md5: Option<String>,
    /// Explanations to show the customer.
    pub message: Vec<String>,
    /// The certificate package.
    pub package: Option<String>,
    /// SHA-1 hash of the CSR.
    pub sha1: Option<String>,
    /// SHA-256 hash of the CSR, used in DNS and file DCV values.
    pub sha256: Option<String>,
    /// The CA's unique value, part of some DCV records.
    pub unique_value: Option<String>,
    /// The URLs the validation file must be served at (file DCV).
    pub urls: Vec<String>,
}

/// `SSLListReturn`: items of `cert.hosted.list`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(default)]
pub struct SslListReturn {
    /// When the hosted certificate was added.
    pub date_created: Option<String>,
    /// When it expires.
    pub date_expire: Option<String>,
    /// Hosted certificate id.
    pub id: Option<i64>,
    /// `SSLState`: created, deleted, expired or revoked.
    pub state: Option<String>,
    /// The certificate subject.
    pub subject: Option<String>,
}

/// `SSLReturn`: `cert.hosted.create` and `cert.hosted.info`. The document's table for it is
/// empty; the fields are `SSLListReturn`'s plus the names and virtual hosts.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(default)]
pub struct SslReturn {
    /// When the hosted certificate was added.
    pub date_created: Option<String>,
    /// When it expires.
    pub date_expire: Option<String>,
    /// The names it covers, as structs kept as they come.
    pub fqdns: Vec<serde_json::Value>,
    /// Hosted certificate id.
    pub id: Option<i64>,
    /// Web-hosting virtual hosts using it.
    pub related_vhosts: Vec<serde_json::Value>,
    /// `SSLState`: created, deleted, expired or revoked.
    pub state: Option<String>,
    /// The certificate subject.
    pub subject: Option<String>,
}
