//! Response types of the ordering operations (the SSL247 API v3 reference, "Order - Validate",
//! "Order - Place order", "Order - Complete Certificate", "Order - Place Order with only 1
//! request"), each the `Data` member of the success envelope.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::scalar::Scalar;

/// `validate` → `Data`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Validated {
    /// `Valid`.
    #[serde(rename = "Valid")]
    pub valid: Option<Scalar>,
    /// `OrderLines`: the priced lines.
    #[serde(rename = "OrderLines")]
    pub order_lines: Vec<PricedLine>,
}

impl Validated {
    /// Whether SSL247 said the order is invalid: only an explicit false counts, so an
    /// absent or unreadable `Valid` lets the next step's own checks decide.
    pub fn is_invalid(&self) -> bool {
        self.valid.as_ref().and_then(Scalar::as_bool) == Some(false)
    }
}

/// One priced line of `validate`, with its addons.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct PricedLine {
    /// `type`.
    #[serde(rename = "type")]
    pub kind: Option<Scalar>,
    /// `product_id`.
    pub product_id: Option<Scalar>,
    /// `product_type_id`.
    pub product_type_id: Option<Scalar>,
    /// `contract_id`.
    pub contract_id: Option<Scalar>,
    /// `years`.
    pub years: Option<Scalar>,
    /// `quantity`.
    pub quantity: Option<Scalar>,
    /// `licenses`.
    pub licenses: Option<Scalar>,
    /// `code`.
    pub code: Option<Scalar>,
    /// `pre_discount_total`.
    pub pre_discount_total: Option<Scalar>,
    /// `total`.
    pub total: Option<Scalar>,
    /// `discount_amount`.
    pub discount_amount: Option<Scalar>,
    /// `discount`.
    pub discount: Option<Scalar>,
    /// `discount_reason`.
    pub discount_reason: Option<Scalar>,
    /// `free`.
    pub free: Option<Scalar>,
    /// `label`.
    pub label: Option<Scalar>,
    /// `value`.
    pub value: Option<Scalar>,
    /// `original_certificate_id`.
    pub original_certificate_id: Option<Scalar>,
    /// `order_line_id`.
    pub order_line_id: Option<Scalar>,
    /// `addons`.
    pub addons: Vec<PricedAddon>,
    /// `nextstep`.
    pub nextstep: Option<Scalar>,
}

/// One addon of a priced line.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct PricedAddon {
    /// `index_link`.
    pub index_link: Option<Scalar>,
    /// `type`.
    #[serde(rename = "type")]
    pub kind: Option<Scalar>,
    /// `product_id`.
    pub product_id: Option<Scalar>,
    /// `product_type_id`.
    pub product_type_id: Option<Scalar>,
    /// `product_type_addon_id`.
    pub product_type_addon_id: Option<Scalar>,
    /// `product_addon_id`: the id `complete` takes in `Addon[].id`.
    pub product_addon_id: Option<Scalar>,
    /// `years`.
    pub years: Option<Scalar>,
    /// `quantity`.
    pub quantity: Option<Scalar>,
    /// `licenses`.
    pub licenses: Option<Scalar>,
    /// `code`.
    pub code: Option<Scalar>,
    /// `pre_discount_total`.
    pub pre_discount_total: Option<Scalar>,
    /// `total`.
    pub total: Option<Scalar>,
    /// `discount_amount`.
    pub discount_amount: Option<Scalar>,
    /// `discount`.
    pub discount: Option<Scalar>,
    /// `discount_reason`.
    pub discount_reason: Option<Scalar>,
    /// `free`.
    pub free: Option<Scalar>,
    /// `label`.
    pub label: Option<Scalar>,
    /// `value`.
    pub value: Option<Scalar>,
    /// `order_line_id`.
    pub order_line_id: Option<Scalar>,
}

/// `place-order` → `Data`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Placed {
    /// `order_ref`.
    pub order_ref: Option<Scalar>,
    /// `Order`.
    #[serde(rename = "Order")]
    pub order: Vec<PlacedOrder>,
    /// `Invoice`.
    #[serde(rename = "Invoice")]
    pub invoice: Invoice,
}

/// One placed order.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct PlacedOrder {
    /// `order_id`.
    pub order_id: Option<Scalar>,
    /// `label`.
    pub label: Option<Scalar>,
    /// `total`.
    pub total: Option<Scalar>,
    /// `Certificate`.
    #[serde(rename = "Certificate")]
    pub certificate: CertificateId,
}

/// `{ "id": ... }` of a certificate.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct CertificateId {
    /// `id`.
    pub id: Option<Scalar>,
}

/// `Invoice`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Invoice {
    /// `id`.
    pub id: Option<Scalar>,
    /// `total`.
    pub total: Option<Scalar>,
    /// `currency`.
    pub currency: Option<Scalar>,
    /// `invoice_ref`.
    pub invoice_ref: Option<Scalar>,
    /// `vat`.
    pub vat: Option<Scalar>,
}

/// `complete` → `Data`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Completed {
    /// `order_ref`.
    pub order_ref: Option<Scalar>,
    /// `Certificate`.
    #[serde(rename = "Certificate")]
    pub certificate: Vec<CompletedCertificate>,
}

/// One completed certificate.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct CompletedCertificate {
    /// `id`.
    pub id: Option<Scalar>,
    /// `status`.
    pub status: Option<Scalar>,
    /// `logs`: audit records of 27 id and text members (`id`, `website_id`, … `created`),
    /// kept by name.
    pub logs: Vec<BTreeMap<String, Scalar>>,
}

/// `place-quick-order` → `Data`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct QuickOrdered {
    /// `order_ref`.
    pub order_ref: Option<Scalar>,
    /// `Certificate`.
    #[serde(rename = "Certificate")]
    pub certificate: Vec<CertificateId>,
}
