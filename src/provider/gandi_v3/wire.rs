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
#[allow(missing_docs)] // each field is the documented key of the same name
pub struct CertListOptions {
    #[serde(rename = "<date_created", skip_serializing_if = "Option::is_none")]
    pub date_created_before: Option<String>,
    #[serde(rename = "<date_end", skip_serializing_if = "Option::is_none")]
    pub date_end_before: Option<String>,
    #[serde(rename = "<date_start", skip_serializing_if = "Option::is_none")]
    pub date_start_before: Option<String>,
    #[serde(rename = "<date_updated", skip_serializing_if = "Option::is_none")]
    pub date_updated_before: Option<String>,
    #[serde(rename = ">date_created", skip_serializing_if = "Option::is_none")]
    pub date_created_after: Option<String>,
    #[serde(rename = ">date_end", skip_serializing_if = "Option::is_none")]
    pub date_end_after: Option<String>,
    #[serde(rename = ">date_start", skip_serializing_if = "Option::is_none")]
    pub date_start_after: Option<String>,
    #[serde(rename = ">date_updated", skip_serializing_if = "Option::is_none")]
    pub date_updated_after: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub altname: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// `cn`: "array of string or string"; always sent as an array.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cn: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_created: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_end: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_start: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_updated: Option<String>,
    #[serde(rename = "domain.fqdn", skip_serializing_if = "Option::is_none")]
    pub domain_fqdn: Option<String>,
    /// Default 100.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub items_per_page: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub package: Option<String>,
    /// Default 0.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sharing_id: Option<String>,
    /// One of altname, category, cn, date_created, date_end, date_start, date_updated,
    /// domain.fqdn, package, sharing_id, status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sort_by: Option<String>,
    /// A `CertificateStatus` word.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(rename = "~cn", skip_serializing_if = "Option::is_none")]
    pub cn_like: Option<String>,
    #[serde(rename = "~domain.fqdn", skip_serializing_if = "Option::is_none")]
    pub domain_fqdn_like: Option<String>,
}

/// `CertPackageListOptions`: filters of `cert.package.list`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[allow(missing_docs)] // each field is the documented key of the same name
pub struct CertPackageListOptions {
    #[serde(rename = "<max_domains", skip_serializing_if = "Option::is_none")]
    pub max_domains_below: Option<i32>,
    #[serde(rename = "<min_domains", skip_serializing_if = "Option::is_none")]
    pub min_domains_below: Option<i32>,
    #[serde(rename = ">max_domains", skip_serializing_if = "Option::is_none")]
    pub max_domains_above: Option<i32>,
    #[serde(rename = ">min_domains", skip_serializing_if = "Option::is_none")]
    pub min_domains_above: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub items_per_page: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_domains: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_domains: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<i32>,
    /// One of category, max_domains, min_domains, name, trustlogo, warranty, wildcard.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sort_by: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trustlogo: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warranty: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wildcard: Option<bool>,
    #[serde(rename = "~category", skip_serializing_if = "Option::is_none")]
    pub category_like: Option<String>,
    #[serde(rename = "~name", skip_serializing_if = "Option::is_none")]
    pub name_like: Option<String>,
}

/// `SSLListOptions`: filters of `cert.hosted.list` and `cert.hosted.count`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[allow(missing_docs)] // each field is the documented key of the same name
pub struct SslListOptions {
    /// "array of string or string"; always sent as an array.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fqdns: Vec<String>,
    /// "int or array of int"; always sent as an array.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub id: Vec<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub items_per_page: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sharing_id: Option<String>,
    /// One of fqdns, id, sharing_id, state.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sort_by: Option<String>,
    /// An `SSLState` word: created, deleted, expired, revoked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    #[serde(rename = "~fqdns", skip_serializing_if = "Option::is_none")]
    pub fqdns_like: Option<String>,
}

/// `CertificateCreate`, `CertificateRenew`, `CertificateUpdate` and `DcvMethodParams` share
/// their keys; one struct with everything optional but `package` serves all four, and each
/// call sets only the keys its table lists.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[allow(missing_docs)] // each field is the documented key of the same name
pub struct CertificateParams {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub package: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accept_contract: Option<bool>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub altnames: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub apex_only: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cert_id: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cn: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub csr: Option<String>,
    /// A `DCVMethod` word, checked before sending.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dcv_method: Option<String>,
    /// Years; default 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duration: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resellee_id: Option<String>,
    /// `CertificateDelete.reason`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// `CategoryReturn`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[allow(missing_docs)]
pub struct CategoryReturn {
    pub id: Option<i64>,
    pub name: Option<String>,
}

/// `CertPackageReturn`: one item of `cert.package.list`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(default)]
#[allow(missing_docs)]
pub struct CertPackageReturn {
    pub category: Option<CategoryReturn>,
    pub comodo_id: Option<String>,
    pub id: Option<i64>,
    pub max_domains: Option<i64>,
    pub min_domains: Option<i64>,
    pub name: String,
    pub provider: Option<String>,
    pub provider_cert_id: Option<String>,
    pub sgc: Option<i64>,
    pub trustlogo: Option<i64>,
    pub warranty: Option<i64>,
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
#[allow(missing_docs)]
pub struct CertificateReturn {
    pub altnames: Vec<Altname>,
    pub assumed_name: Option<String>,
    /// `BusinessCategory`: b (private organisation), c (government), d (business entity).
    pub business_category: Option<String>,
    pub card_pay_trustlogo: Option<bool>,
    /// Bare base64 DER, no PEM armour (PROVIDERS.md §1.5).
    pub cert: Option<String>,
    pub cn: Option<String>,
    pub comodo_id: Option<String>,
    pub contact: Option<String>,
    pub csr: Option<String>,
    pub date_created: Option<String>,
    pub date_end: Option<String>,
    pub date_incorporation: Option<String>,
    pub date_start: Option<String>,
    pub date_updated: Option<String>,
    pub id: Option<i64>,
    pub ida_email: Option<String>,
    pub ida_fax: Option<String>,
    pub ida_tel: Option<String>,
    pub joi_country: Option<String>,
    pub joi_locality: Option<String>,
    pub joi_state: Option<String>,
    pub middleman: Option<String>,
    pub order_number: Option<String>,
    pub package: Option<String>,
    pub provider_cert_id: Option<String>,
    pub sha_version: Option<i64>,
    pub software: Option<i64>,
    /// `CertificateStatus`: pending, valid, revoked, replaced, expired.
    pub status: Option<String>,
    pub trustlogo: Option<bool>,
    pub trustlogo_token: Option<serde_json::Value>,
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
#[allow(missing_docs)]
pub struct OperationReturn {
    pub date_created: Option<String>,
    pub date_start: Option<String>,
    pub date_updated: Option<String>,
    pub errortype: Option<ErrorTypeReturn>,
    pub eta: Option<i64>,
    pub id: i64,
    pub infos: Vec<serde_json::Value>,
    pub last_error: Option<String>,
    pub last_support_error: Option<String>,
    /// `{cert_id, csr, altnames, dcv_method, inner_step, package_name, fqdns}` in practice
    /// (PROVIDERS.md §1.5).
    pub params: serde_json::Map<String, serde_json::Value>,
    pub session_id: Option<i64>,
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
#[allow(missing_docs)]
pub struct DcvParamsReturn {
    pub altnames: Vec<String>,
    pub dcv_fqdns: Vec<String>,
    pub dcv_method: Option<String>,
    /// Zone-file lines (`_x.example.com. 10800 IN CNAME y.comodoca.com.`).
    pub dns_records: Vec<String>,
    pub fqdns: Vec<String>,
    pub md5: Option<String>,
    pub message: Vec<String>,
    pub package: Option<String>,
    pub sha1: Option<String>,
    pub sha256: Option<String>,
    pub unique_value: Option<String>,
    pub urls: Vec<String>,
}

/// `SSLListReturn`: items of `cert.hosted.list`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(default)]
#[allow(missing_docs)]
pub struct SslListReturn {
    pub date_created: Option<String>,
    pub date_expire: Option<String>,
    pub id: Option<i64>,
    pub state: Option<String>,
    pub subject: Option<String>,
}

/// `SSLReturn`: `cert.hosted.create` and `cert.hosted.info`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(default)]
#[allow(missing_docs)]
pub struct SslReturn {
    pub date_created: Option<String>,
    pub date_expire: Option<String>,
    pub fqdns: Vec<serde_json::Value>,
    pub id: Option<i64>,
    pub related_vhosts: Vec<serde_json::Value>,
    pub state: Option<String>,
    pub subject: Option<String>,
}
