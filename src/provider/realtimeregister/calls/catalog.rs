//! The catalog and look-up calls: products (docs/providers.md §2.4) and the DCV e-mail
//! addresses a name accepts (§2.5).

use super::{json, rest, segment};
use crate::http::{HttpRequest, Method, encode_path_segment};
use crate::provider::flow::Prepared;
use crate::provider::realtimeregister::validate;
use crate::provider::realtimeregister::wire::{Page, SslProduct};
use crate::provider::{OperationClass, ProviderError};

/// Paging and search for list calls (`q`, `limit`, `offset`, `fields`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListQuery {
    /// Free-text search.
    pub q: Option<String>,
    /// Page size.
    pub limit: Option<u32>,
    /// First item.
    pub offset: Option<u32>,
    /// Fields to return.
    pub fields: Option<String>,
}

impl ListQuery {
    pub(super) fn apply(&self, mut request: HttpRequest) -> HttpRequest {
        if let Some(q) = &self.q {
            request = request.with_query("q", q);
        }
        if let Some(limit) = self.limit {
            request = request.with_query("limit", limit.to_string());
        }
        if let Some(offset) = self.offset {
            request = request.with_query("offset", offset.to_string());
        }
        if let Some(fields) = &self.fields {
            request = request.with_query("fields", fields);
        }
        request
    }
}

/// `GET /v2/ssl/products` (docs/providers.md §2.4).
pub fn products(query: &ListQuery) -> Prepared<Page<SslProduct>> {
    let request = query.apply(HttpRequest::new(Method::Get, "/v2/ssl/products"));
    rest(
        "GET /v2/ssl/products",
        request,
        OperationClass::Catalog,
        json,
    )
}

/// `GET /v2/ssl/products/{product}` (docs/providers.md §2.4).
pub fn product(product: &str) -> Result<Prepared<SslProduct>, ProviderError> {
    let path = format!("/v2/ssl/products/{}", segment("product", product)?);
    Ok(rest(
        "GET /v2/ssl/products/{product}",
        HttpRequest::new(Method::Get, path),
        OperationClass::Catalog,
        json,
    ))
}

/// `GET /v2/ssl/dcvemailaddresslist/{domainName}[?product=]` (docs/providers.md §2.5). A leading
/// `*.` is stripped: approver mailboxes belong to the base name (§2.5, WHMCS; §5).
pub fn dcv_email_addresses(
    domain_name: &str,
    product: Option<&str>,
) -> Result<Prepared<Vec<String>>, ProviderError> {
    let name = domain_name.strip_prefix("*.").unwrap_or(domain_name);
    validate::domain("domainName", name)?;
    let mut request = HttpRequest::new(
        Method::Get,
        format!("/v2/ssl/dcvemailaddresslist/{}", encode_path_segment(name)),
    );
    if let Some(product) = product {
        request = request.with_query("product", product);
    }
    Ok(rest(
        "GET /v2/ssl/dcvemailaddresslist/{domainName}",
        request,
        OperationClass::Lookup,
        json,
    ))
}
