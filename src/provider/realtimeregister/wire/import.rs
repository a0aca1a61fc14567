//! `POST /v2/ssl/import`: an externally issued certificate added to the account
//! (docs/providers.md §2.6).

use serde::{Deserialize, Serialize};

/// The body of `POST /v2/ssl/import {customer, certificate, csr?, coc?, domainName?}`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportRequest {
    /// The customer handle; empty lets authentication fill it in from the API key.
    pub customer: String,
    /// The issued certificate, PEM.
    pub certificate: String,
    /// The CSR it was issued for, PEM.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub csr: Option<String>,
    /// The organisation's chamber of commerce number (OV/EV).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coc: Option<String>,
    /// The certificate's domain name, when it differs from what the certificate says first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain_name: Option<String>,
}
