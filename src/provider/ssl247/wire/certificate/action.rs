//! What the certificate actions answer: downloads, cancel/revoke, renew, reissue and
//! import.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::provider::ssl247::scalar::Scalar;

/// `POST /certificate/{id}/{type}` → `Data`: a list of `{ "<type>": "<text>" }` objects.
pub type Download = Vec<BTreeMap<String, Scalar>>;

/// `POST /certificate/{id}/cancel` and `/revoke` → one item of `Data`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ActionResult {
    /// `message`.
    pub message: Option<Scalar>,
    /// `status`.
    pub status: Option<Scalar>,
    /// `details`.
    pub details: Option<Scalar>,
}

/// `POST /certificate/{id}/renew` → `Data`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Renewed {
    /// `certificate_id`: the new certificate.
    pub certificate_id: Option<Scalar>,
}

/// `POST /certificate/{id}/reissue` → `Data`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Reissued {
    /// `status`.
    pub status: Option<Scalar>,
    /// `message`.
    pub message: Option<Scalar>,
}

/// `POST /orders/certificates/import` → one item of `Data` (each member documented only as
/// `"object"`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Imported {
    /// `Certificate`.
    #[serde(rename = "Certificate")]
    pub certificate: Option<Value>,
    /// `CertificateAddon`.
    #[serde(rename = "CertificateAddon")]
    pub certificate_addon: Option<Value>,
    /// `Order`.
    #[serde(rename = "Order")]
    pub order: Option<Value>,
}
