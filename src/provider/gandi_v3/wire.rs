//! Gandi v3 parameter and return structs, field for field as seeds/gandi-v3-xmlrpc-cert.txt
//! documents them ("Parameters" and "Returns").
//!
//! Returns are lenient (every field optional, unknown fields ignored) because the document
//! lists fields, not which are always present. Parameters skip absent fields, since a `nil`
//! where the API expects a string is a fault.

use serde::{Deserialize, Serialize};

use crate::provider::gandi_v3::error::{Classification, classify};

/// `CertListOptions`: filters of `cert.list` and `cert.count`. Keys with a `<`, `>` or `~`
/// prefix are "less than", "greater than" and "like" filters.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct CertListOptions {
    /// Created before this date (`<date_created`).
    #[serde(rename = "<date_created", skip_serializing_if = "Option::is_none")]
    pub date_created_before: Option<String>,
    /// Ending before this date (`<date_end`).
    #[serde(rename = "<date_end", skip_serializing_if = "Option::is_none")]
    pub date_end_before: Option<String>,
    /// Started before this date (`<date_start`).
    #[serde(rename = "<date_start", skip_serializing_if = "Option::is_none")]
    pub date_start_before: Option<String>,
    /// Updated before this date (`<date_updated`).
    #[serde(rename = "<date_updated", skip_serializing_if = "Option::is_none")]
    pub date_updated_before: Option<String>,
    /// Created after this date (`>date_created`).
    #[serde(rename = ">date_created", skip_serializing_if = "Option::is_none")]
    pub date_created_after: Option<String>,
    /// Ending after this date (`>date_end`).
    #[serde(rename = ">date_end", skip_serializing_if = "Option::is_none")]
    pub date_end_after: Option<String>,
    /// Started after this date (`>date_start`).
    #[serde(rename = ">date_start", skip_serializing_if = "Option::is_none")]
    pub date_start_after: Option<String>,
    /// Updated after this date (`>date_updated`).
    #[serde(rename = ">date_updated", skip_serializing_if = "Option::is_none")]
    pub date_updated_after: Option<String>,
    /// Certificates carrying this alternative name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub altname: Option<String>,
    /// Certificates of this package category (`standard`, `pro`, `business`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// `cn`: "array of string or string"; always sent as an array.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cn: Vec<String>,
    /// Created on this date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_created: Option<String>,
    /// Ending on this date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_end: Option<String>,
    /// Started on this date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_start: Option<String>,
    /// Updated on this date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_updated: Option<String>,
    /// Certificates for this domain (`domain.fqdn`).
    #[serde(rename = "domain.fqdn", skip_serializing_if = "Option::is_none")]
    pub domain_fqdn: Option<String>,
    /// Default 100.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub items_per_page: Option<i32>,
    /// Certificates of this package (`cert_std_1_0_0`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub package: Option<String>,
    /// Default 0.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<i32>,
    /// Certificates of this organisation (`sharing_id`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sharing_id: Option<String>,
    /// One of altname, category, cn, date_created, date_end, date_start, date_updated,
    /// domain.fqdn, package, sharing_id, status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sort_by: Option<String>,
    /// A `CertificateStatus` word.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Common names like this pattern (`~cn`).
    #[serde(rename = "~cn", skip_serializing_if = "Option::is_none")]
    pub cn_like: Option<String>,
    /// Domains like this pattern (`~domain.fqdn`).
    #[serde(rename = "~domain.fqdn", skip_serializing_if = "Option::is_none")]
    pub domain_fqdn_like: Option<String>,
}

/// `CertPackageListOptions`: filters of `cert.package.list`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct CertPackageListOptions {
    /// At most this many names, exclusive (`<max_domains`).
    #[serde(rename = "<max_domains", skip_serializing_if = "Option::is_none")]
    pub max_domains_below: Option<i32>,
    /// A minimum of names below this (`<min_domains`).
    #[serde(rename = "<min_domains", skip_serializing_if = "Option::is_none")]
    pub min_domains_below: Option<i32>,
    /// A maximum of names above this (`>max_domains`).
    #[serde(rename = ">max_domains", skip_serializing_if = "Option::is_none")]
    pub max_domains_above: Option<i32>,
    /// A minimum of names above this (`>min_domains`).
    #[serde(rename = ">min_domains", skip_serializing_if = "Option::is_none")]
    pub min_domains_above: Option<i32>,
    /// Packages of this category (`standard`, `pro`, `business`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// Items per page of the answer; default 100.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub items_per_page: Option<i32>,
    /// Packages allowing exactly this many names at most.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_domains: Option<i32>,
    /// Packages requiring exactly this many names at least.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_domains: Option<i32>,
    /// The package of this name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Page number of the answer, from 0.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<i32>,
    /// One of category, max_domains, min_domains, name, trustlogo, warranty, wildcard.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sort_by: Option<String>,
    /// Packages with (or without) the TrustLogo.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trustlogo: Option<bool>,
    /// Packages with this warranty.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warranty: Option<i32>,
    /// Wildcard packages (or not).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wildcard: Option<bool>,
    /// Categories like this pattern (`~category`).
    #[serde(rename = "~category", skip_serializing_if = "Option::is_none")]
    pub category_like: Option<String>,
    /// Package names like this pattern (`~name`).
    #[serde(rename = "~name", skip_serializing_if = "Option::is_none")]
    pub name_like: Option<String>,
}

/// `SSLListOptions`: filters of `cert.hosted.list` and `cert.hosted.count`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct SslListOptions {
    /// "array of string or string"; always sent as an array.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fqdns: Vec<String>,
    /// "int or array of int"; always sent as an array.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub id: Vec<i32>,
    /// Items per page of the answer; default 100.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub items_per_page: Option<i32>,
    /// Page number of the answer, from 0.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<i32>,
    /// Certificates of this organisation (`sharing_id`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sharing_id: Option<String>,
    /// One of fqdns, id, sharing_id, state.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sort_by: Option<String>,
    /// An `SSLState` word: created, deleted, expired, revoked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// Names like this pattern (`~fqdns`).
    #[serde(rename = "~fqdns", skip_serializing_if = "Option::is_none")]
    pub fqdns_like: Option<String>,
}

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
    /// Only the apex, without its www twin (`cert.get_dcv_params`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub apex_only: Option<bool>,
    /// The certificate the DCV parameters are for (`cert.get_dcv_params`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cert_id: Option<i32>,
    /// Certificate common name, when no CSR is given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cn: Option<String>,
    /// Certificate signing request, PEM.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub csr: Option<String>,
    /// A `DCVMethod` word, checked before sending.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dcv_method: Option<String>,
    /// Years; default 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duration: Option<i32>,
    /// The resellee the certificate is for (cannot be set with `handle`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resellee_id: Option<String>,
    /// `CertificateDelete.reason`.
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
    /// The CA's own product id.
    pub comodo_id: Option<String>,
    /// Package id.
    pub id: Option<i64>,
    /// Most names the certificate may carry.
    pub max_domains: Option<i64>,
    /// Fewest names the certificate must carry.
    pub min_domains: Option<i64>,
    /// Package name, used when ordering (`cert_std_1_0_0`).
    pub name: String,
    /// The issuing CA (`sectigo`, `digicert`).
    pub provider: Option<String>,
    /// The CA's id of the product.
    pub provider_cert_id: Option<String>,
    /// Server Gated Cryptography (1) or not (0); obsolete.
    pub sgc: Option<i64>,
    /// Whether the TrustLogo is included (1) or not (0).
    pub trustlogo: Option<i64>,
    /// Relying-party warranty.
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
    /// Bare base64 DER, no PEM armour (PROVIDERS.md §1.5).
    pub cert: Option<String>,
    /// The common name.
    pub cn: Option<String>,
    /// The CA's id of the order.
    pub comodo_id: Option<String>,
    /// The certificate's owner (a Gandi handle).
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
    /// Software in which the certificate will be used (a number).
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
    /// Why the operation is in error, classified, when it is.
    pub errortype: Option<ErrorTypeReturn>,
    /// Estimated processing time.
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
    /// (PROVIDERS.md §1.5).
    pub params: serde_json::Map<String, serde_json::Value>,
    /// Session number of the operation.
    pub session_id: Option<i64>,
    /// The contact who created the operation.
    pub source: Option<String>,
    /// BILL, WAIT, RUN, DONE, ERROR, CANCEL, SUPPORT.
    pub step: Option<String>,
    /// `certificate_create`, `certificate_renew`, …
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
    /// The alternative names validated.
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

/// `SSLReturn`: `cert.hosted.create` and `cert.hosted.info`.
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
