//! The catalog calls (docs/providers.md §1.3): packages, and the intermediate certificates
//! Gandi publishes.

use super::{add_query, json, page, path, rest, text};
use crate::http::{HttpRequest, Method, encode_path_segment};
use crate::provider::flow::Prepared;
use crate::provider::gandi_v5::wire::{Package, Page};
use crate::provider::{OperationClass, ProviderError};

/// Filters of `GET /packages`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PackageQuery {
    /// Packages of this category (`standard`, `pro`, `business`).
    pub category: Option<String>,
    /// Packages allowing this many names at most.
    pub max_domains: Option<u32>,
    /// Packages requiring this many names at least.
    pub min_domains: Option<u32>,
    /// Packages with (or without) the TrustLogo.
    pub trustlogo: Option<bool>,
    /// Packages with this warranty.
    pub warranty: Option<u32>,
    /// Wildcard packages (or not).
    pub wildcard: Option<bool>,
    /// Page number (`page`).
    pub page: Option<u32>,
    /// Items per page (`per_page`).
    pub per_page: Option<u32>,
}

/// `GET /packages`.
pub fn packages(query: &PackageQuery) -> Prepared<Page<Package>> {
    let request = add_query(
        HttpRequest::new(Method::Get, path("/packages")),
        &[
            ("category", query.category.clone()),
            ("max_domains", query.max_domains.map(|n| n.to_string())),
            ("min_domains", query.min_domains.map(|n| n.to_string())),
            ("trustlogo", query.trustlogo.map(|b| b.to_string())),
            ("warranty", query.warranty.map(|n| n.to_string())),
            ("wildcard", query.wildcard.map(|b| b.to_string())),
            ("page", query.page.map(|n| n.to_string())),
            ("per_page", query.per_page.map(|n| n.to_string())),
        ],
    );
    rest("GET /packages", request, OperationClass::Catalog, page)
}

/// `GET /packages/{name}`.
pub fn package(name: &str) -> Result<Prepared<Package>, ProviderError> {
    if name.is_empty() {
        return Err(ProviderError::invalid("name", "is empty"));
    }
    let request = HttpRequest::new(
        Method::Get,
        path(&format!("/packages/{}", encode_path_segment(name))),
    );
    Ok(rest(
        "GET /packages/{name}",
        request,
        OperationClass::Catalog,
        json,
    ))
}

/// `GET /pem/{type}?provider=`: intermediate certificates (`cert_std` or `cert_pro`;
/// provider `Sectigo` or `Digicert`).
pub fn intermediates(
    kind: &str,
    provider: Option<&str>,
) -> Result<Prepared<String>, ProviderError> {
    if !matches!(kind, "cert_std" | "cert_pro") {
        return Err(ProviderError::invalid(
            "type",
            "must be cert_std or cert_pro",
        ));
    }
    let request = add_query(
        HttpRequest::new(Method::Get, path(&format!("/pem/{kind}")))
            .with_header("Accept", "text/plain"),
        &[("provider", provider.map(str::to_owned))],
    );
    Ok(rest(
        "GET /pem/{type}",
        request,
        OperationClass::Catalog,
        text,
    ))
}

/// `GET /pem/-/{filename}`: one intermediate certificate file by the name Gandi gives it.
pub fn intermediate_file(filename: &str) -> Result<Prepared<String>, ProviderError> {
    // One path segment naming a file, not a way to reach another endpoint.
    if filename.is_empty() || filename.contains('/') || filename == "." || filename == ".." {
        return Err(ProviderError::invalid("filename", "must be one file name"));
    }
    let request = HttpRequest::new(
        Method::Get,
        path(&format!("/pem/-/{}", encode_path_segment(filename))),
    )
    .with_header("Accept", "text/plain");
    Ok(rest(
        "GET /pem/-/{filename}",
        request,
        OperationClass::Catalog,
        text,
    ))
}
