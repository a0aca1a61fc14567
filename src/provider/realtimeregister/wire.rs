//! Request and response bodies of the Realtime Register REST v2 SSL API, field for field.
//!
//! Field names follow the wire (camelCase). Enumerations are open: a word the documents do not
//! list is kept in an `Other` variant rather than refused, since RTR adds products, features
//! and statuses over time (docs/providers.md §2.3-2.4).

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

mod import;
mod process;
mod quote;

pub use import::ImportRequest;
pub use process::{
    AuthKey, AuthKeyRequest, CaaRecordStatus, CertificateProcess, DcvStatus, DcvValidation,
    DecodeCsrRequest, DecodedCsr, DownloadFormat, Process, ResendRequest, SslCertificate,
    SubscriberAgreementRequest, ValidationCallRequest, Validations,
};
pub use quote::{QuoteBody, QuoteResponse};

/// `validationType` of a product (docs/providers.md §2.4).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[non_exhaustive]
pub enum ValidationType {
    /// `DOMAIN_VALIDATION`.
    DomainValidation,
    /// `ORGANIZATION_VALIDATION`.
    OrganizationValidation,
    /// `EXTENDED_VALIDATION`.
    ExtendedValidation,
    /// A word not documented.
    #[serde(untagged)]
    Other(String),
}

/// `certificateType` of a product (docs/providers.md §2.4).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[non_exhaustive]
pub enum CertificateType {
    /// `SINGLE_DOMAIN`.
    SingleDomain,
    /// `MULTI_DOMAIN`.
    MultiDomain,
    /// `WILDCARD`.
    Wildcard,
    /// `ACME_SUBSCRIPTION`.
    AcmeSubscription,
    /// A word not documented.
    #[serde(untagged)]
    Other(String),
}

/// One of a product's `features[]` (docs/providers.md §2.4).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[non_exhaustive]
pub enum Feature {
    /// `REISSUE`: the certificate can be reissued.
    Reissue,
    /// `WILDCARD`: a multi-domain certificate accepts wildcard SANs.
    Wildcard,
    /// `WWW_INCLUDED`: ordering `example.com` also covers `www.example.com`.
    WwwIncluded,
    /// `NON_WWW_INCLUDED`: ordering `www.example.com` also covers `example.com`.
    NonWwwIncluded,
    /// A word not documented.
    #[serde(untagged)]
    Other(String),
}

/// One of a product's `requiredFields[]`/`optionalFields[]` (docs/providers.md §2.4).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub enum ProductField {
    /// `domainName`.
    DomainName,
    /// `dcv`.
    Dcv,
    /// `address`.
    Address,
    /// `postalCode`.
    PostalCode,
    /// `approver`.
    Approver,
    /// `organization`.
    Organization,
    /// `department`.
    Department,
    /// `city`.
    City,
    /// `state`.
    State,
    /// `country`.
    Country,
    /// `coc`.
    Coc,
    /// `saEmail`.
    SaEmail,
    /// `authKey`.
    AuthKey,
    /// A word not documented.
    #[serde(untagged)]
    Other(String),
}

/// `GET /v2/ssl/products/{product}` and the items of the product list (docs/providers.md §2.4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SslProduct {
    /// The product handle sent back as `product` when ordering.
    pub product: String,
    /// The brand.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub brand: Option<String>,
    /// The display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// DV, OV or EV.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub validation_type: Option<ValidationType>,
    /// Single, multi, wildcard or ACME subscription.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate_type: Option<CertificateType>,
    /// Features.
    #[serde(default)]
    pub features: Vec<Feature>,
    /// Fields an order must carry.
    #[serde(default)]
    pub required_fields: Vec<ProductField>,
    /// Fields an order may carry.
    #[serde(default)]
    pub optional_fields: Vec<ProductField>,
    /// Orderable periods, in months.
    #[serde(default)]
    pub periods: Vec<u32>,
    /// The warranty amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warranty: Option<i64>,
    /// Free text such as `15-30 minutes`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issue_time: Option<String>,
    /// Days before expiry a renewal may start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub renewal_window: Option<i64>,
    /// Names included in the base price.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub included_domains: Option<u32>,
    /// Most names the certificate can carry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_domains: Option<u32>,
    /// Products this one can renew.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub renew_from: Option<Vec<String>>,
}

/// The list envelope of RTR list calls: `{entities, pagination}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Page<T> {
    /// The items.
    #[serde(default = "Vec::new")]
    pub entities: Vec<T>,
    /// Paging, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pagination: Option<Pagination>,
}

/// `pagination` of a list answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pagination {
    /// The page size.
    #[serde(default)]
    pub limit: Option<u64>,
    /// The offset of the first item.
    #[serde(default)]
    pub offset: Option<u64>,
    /// The number of items in all pages.
    #[serde(default)]
    pub total: Option<u64>,
}

/// `dcv[].type` on the wire: exactly EMAIL, FILE or DNS (reference, dcv table).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[non_exhaustive]
pub enum DcvType {
    /// `EMAIL`.
    Email,
    /// `FILE`: a file over HTTP(S).
    File,
    /// `DNS`.
    Dns,
    /// A word not documented (kept when read; refused when sent).
    #[serde(untagged)]
    Other(String),
}

/// `language` / `saLanguage` (reference, possible values).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[non_exhaustive]
pub enum Language {
    /// English.
    En,
    /// Dutch.
    Nl,
    /// French.
    Fr,
    /// Simplified Chinese.
    Cn,
    /// German.
    De,
    /// Italian.
    It,
    /// Japanese.
    Jp,
    /// Korean.
    Kr,
    /// Portuguese.
    Pt,
    /// Russian.
    Ru,
    /// Spanish.
    Es,
    /// Danish.
    Dk,
    /// Swedish.
    Se,
    /// Turkish.
    Tr,
    /// A word not documented (kept when read; refused when sent).
    #[serde(untagged)]
    Other(String),
}

/// The `approver` object of a request (reference, approver table).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Approver {
    /// 1-40 characters.
    pub first_name: String,
    /// 1-40 characters.
    pub last_name: String,
    /// 1-40 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub job_title: Option<String>,
    /// Lowercase address (reference regex).
    pub email: String,
    /// `+CC.NUMBER`.
    pub voice: String,
}

/// One `dcv[]` entry of a request or a resend (reference, dcv table).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Dcv {
    /// The name validated.
    pub common_name: String,
    /// EMAIL, FILE or DNS.
    #[serde(rename = "type")]
    pub dcv_type: DcvType,
    /// The approver address, required with EMAIL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

/// One billable line, in a quote, a `BillableAcknowledgmentNeededException` or a request's
/// `billables[]` acknowledgement (docs/providers.md §2.2).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Billable {
    /// The product charged.
    pub product: String,
    /// `REQUEST`, `RENEW`, `EXTRA_DOMAIN`, … (reference, billables table; kept as the word).
    pub action: String,
    /// The provider, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider_name: Option<String>,
    /// The quantity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantity: Option<u32>,
    /// The unit amount, in cents.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<i64>,
    /// Whether it is refunded on cancellation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refundable: Option<bool>,
    /// The line total, in cents.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<i64>,
}

/// The body of `POST /v2/ssl/certificates` (the RTR request-certificate reference).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CertificateRequest {
    /// The customer handle; left empty for the proxy to fill in from the API key.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub customer: String,
    /// The product handle.
    pub product: String,
    /// Months.
    pub period: u32,
    /// The CSR, PEM.
    pub csr: String,
    /// Overrides the CSR's common name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain_name: Option<String>,
    /// Overrides the CSR's SANs; `Some(vec![])` drops the free www twin (docs/providers.md §2.2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub san: Option<Vec<String>>,
    /// 1-64.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization: Option<String>,
    /// Deprecated, 1-60.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    /// Exactly 2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// 1-60.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// 1-60.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// 1-10.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    /// 1-60.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// 1-32.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coc: Option<String>,
    /// Subscriber agreement recipient.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sa_email: Option<String>,
    /// Deprecated in favour of `language`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sa_language: Option<Language>,
    /// Validation language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<Language>,
    /// 1-20 alphanumerics used in DCV values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unique_value: Option<String>,
    /// DigiCert AuthKey issuance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auth_key: Option<bool>,
    /// The approver.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approver: Option<Approver>,
    /// Per-name DCV.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dcv: Option<Vec<Dcv>>,
    /// Acknowledged billables (the handshake's second request).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub billables: Option<Vec<Billable>>,
}

/// The body of the deprecated `POST /v2/customers/{customer}/certificates`
/// (the RTR deprecated create-certificate reference).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DeprecatedCreateRequest {
    /// `ssl_comodo_positive`, `ssl_comodo_positive_wc`, `ssl_comodo_instant`,
    /// `ssl_comodo_instant_wc` or `ssl_comodo_ev`.
    pub product: String,
    /// A contact handle.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
    /// Years, 1-5.
    pub period: u32,
    /// The CSR, PEM.
    pub csr: String,
    /// Provider-specific validation method.
    pub validation_method: String,
    /// Provider-specific properties.
    pub properties: Map<String, Value>,
    /// The provider name.
    pub provider: String,
    /// Acknowledged billables.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub billables: Option<Vec<Billable>>,
}
