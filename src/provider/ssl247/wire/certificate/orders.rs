//! What the order listings answer (`/orders`, `/orders/{order-id}`,
//! `/orders/certificates/{status}`).

use serde::{Deserialize, Serialize};

use crate::provider::ssl247::scalar::Scalar;

use super::{Addon, AddonList, Contacts, Dates, StatusInfo};

/// `POST /orders/certificates/{status}` → `Data`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct OrderCertificates {
    /// `Certificate`.
    #[serde(rename = "Certificate")]
    pub certificate: Vec<OrderCertificate>,
}

/// `POST /orders` → `Data`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct OrdersData {
    /// `Orders`.
    #[serde(rename = "Orders")]
    pub orders: OrderCertificates,
}

/// One certificate in an order list.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct OrderCertificate {
    /// `order_id`.
    pub order_id: Option<Scalar>,
    /// `order_ref`.
    pub order_ref: Option<Scalar>,
    /// `email_subscription`.
    pub email_subscription: Option<Scalar>,
    /// `CertificateDetails`.
    #[serde(rename = "CertificateDetails")]
    pub certificate_details: ListedDetails,
    /// `Dates`.
    #[serde(rename = "Dates")]
    pub dates: Dates,
    /// `Contacts`.
    #[serde(rename = "Contacts")]
    pub contacts: Contacts,
}

/// `CertificateDetails` in an order list.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ListedDetails {
    /// `id`: the certificate id.
    pub id: Option<Scalar>,
    /// `product_code`.
    pub product_code: Option<Scalar>,
    /// `product_name`.
    pub product_name: Option<Scalar>,
    /// `common_name`.
    pub common_name: Option<Scalar>,
    /// `approver_email`.
    pub approver_email: Option<Scalar>,
    /// `licenses`.
    pub licenses: Option<Scalar>,
    /// `years`.
    pub years: Option<Scalar>,
    /// `remaining_reissues`.
    pub remaining_reissues: Option<Scalar>,
    /// `Addons`.
    #[serde(rename = "Addons")]
    pub addons: AddonList,
    /// `Status`.
    #[serde(rename = "Status")]
    pub status: StatusInfo,
}

/// `POST /orders/{order-id}` → `Data`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct OrderDetails {
    /// `Orders`.
    #[serde(rename = "Orders")]
    pub orders: Vec<OrderDetail>,
}

/// One order of the order details.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct OrderDetail {
    /// `Certificate`.
    #[serde(rename = "Certificate")]
    pub certificate: OrderDetailCertificate,
    /// `placed_with_api`.
    pub placed_with_api: Option<Scalar>,
    /// `email_subscription`.
    pub email_subscription: Option<Scalar>,
    /// `payment_ref`.
    pub payment_ref: Option<Scalar>,
    /// `invoice_id`.
    pub invoice_id: Option<Scalar>,
}

/// `Certificate` of the order details.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct OrderDetailCertificate {
    /// `id`.
    pub id: Option<Scalar>,
    /// `order_id`.
    pub order_id: Option<Scalar>,
    /// `label`.
    pub label: Option<Scalar>,
    /// `CertificateDetails`.
    #[serde(rename = "CertificateDetails")]
    pub certificate_details: OrderedDetails,
}

/// `CertificateDetails` of the order details, with the certificate texts.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct OrderedDetails {
    /// `total`.
    pub total: Option<Scalar>,
    /// `quantity`.
    pub quantity: Option<Scalar>,
    /// `product_code`.
    pub product_code: Option<Scalar>,
    /// `product_name`.
    pub product_name: Option<Scalar>,
    /// `common_name`.
    pub common_name: Option<Scalar>,
    /// `approver_email`.
    pub approver_email: Option<Scalar>,
    /// `licenses`.
    pub licenses: Option<Scalar>,
    /// `years`.
    pub years: Option<Scalar>,
    /// `original_order_id`.
    pub original_order_id: Option<Scalar>,
    /// `csr`.
    pub csr: Option<Scalar>,
    /// `x509`.
    pub x509: Option<Scalar>,
    /// `pkcs7`.
    pub pkcs7: Option<Scalar>,
    /// `intermediate`.
    pub intermediate: Option<Scalar>,
    /// `root`.
    pub root: Option<Scalar>,
    /// `remaining_reissues`.
    pub remaining_reissues: Option<Scalar>,
    /// `Addons` (a plain array here, unlike the `{Addon: [...]}` elsewhere).
    #[serde(rename = "Addons")]
    pub addons: Vec<Addon>,
    /// `Status`.
    #[serde(rename = "Status")]
    pub status: StatusInfo,
}
