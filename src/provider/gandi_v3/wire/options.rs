//! The list filters of the Gandi v3 certificate reference: `CertListOptions`,
//! `CertPackageListOptions` and `SSLListOptions`. Keys with a `<`, `>` or `~` prefix are "less
//! than", "greater than" and "like" filters on the key that follows; the document lists them
//! without descriptions.

use serde::Serialize;

/// `CertListOptions`: filters of `cert.list` and `cert.count`.
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
    /// Certificates of this package category (the CertPackage lines: standard, pro, business).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// Certificates with these common names; "array of string or string", always sent as an
    /// array.
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
    /// Number of items returned for the pagination; default 100.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub items_per_page: Option<i32>,
    /// Certificates of this package (`cert_std_1_0_0`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub package: Option<String>,
    /// Page number for pagination offset; default 0.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<i32>,
    /// Certificates of this organisation (`sharing_id`, an organisation id as in v5,
    /// docs/providers.md §1.2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sharing_id: Option<String>,
    /// Key to sort the returned items by: altname, category, cn, date_created, date_end,
    /// date_start, date_updated, domain.fqdn, package, sharing_id or status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sort_by: Option<String>,
    /// Certificates in this `CertificateStatus`: pending, valid, revoked, replaced or expired.
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
    /// Packages whose `max_domains` is less than this (`<max_domains`).
    #[serde(rename = "<max_domains", skip_serializing_if = "Option::is_none")]
    pub max_domains_below: Option<i32>,
    /// Packages whose `min_domains` is less than this (`<min_domains`).
    #[serde(rename = "<min_domains", skip_serializing_if = "Option::is_none")]
    pub min_domains_below: Option<i32>,
    /// Packages whose `max_domains` is greater than this (`>max_domains`).
    #[serde(rename = ">max_domains", skip_serializing_if = "Option::is_none")]
    pub max_domains_above: Option<i32>,
    /// Packages whose `min_domains` is greater than this (`>min_domains`).
    #[serde(rename = ">min_domains", skip_serializing_if = "Option::is_none")]
    pub min_domains_above: Option<i32>,
    /// Packages of this category (the CertPackage lines: standard, pro, business).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// Number of items returned for the pagination; default 100.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub items_per_page: Option<i32>,
    /// Packages whose `max_domains`, the most names a certificate carries, is this.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_domains: Option<i32>,
    /// Packages whose `min_domains`, the fewest names a certificate carries, is this.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_domains: Option<i32>,
    /// The package of this name (`cert_std_1_0_0`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Page number for pagination offset; default 0.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<i32>,
    /// Key to sort the returned items by: category, max_domains, min_domains, name, trustlogo,
    /// warranty or wildcard.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sort_by: Option<String>,
    /// Packages with (or without) the TrustLogo.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trustlogo: Option<bool>,
    /// Packages with this `warranty` value (the document gives no unit).
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
    /// Hosted certificates for these names; "array of string or string", always sent as an
    /// array.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fqdns: Vec<String>,
    /// Hosted certificates with these ids; "int or array of int", always sent as an array.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub id: Vec<i32>,
    /// Number of items returned for the pagination; default 100.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub items_per_page: Option<i32>,
    /// Page number for pagination offset; default 0.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<i32>,
    /// Certificates of this organisation (`sharing_id`, an organisation id as in v5,
    /// docs/providers.md §1.2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sharing_id: Option<String>,
    /// Key to sort the returned items by: fqdns, id, sharing_id or state.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sort_by: Option<String>,
    /// Hosted certificates in this `SSLState`: created, deleted, expired or revoked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// Hosted certificates with names like this pattern (`~fqdns`).
    #[serde(rename = "~fqdns", skip_serializing_if = "Option::is_none")]
    pub fqdns_like: Option<String>,
}
