//! Wire types of the certificate and order-listing operations (the SSL247 API v3 reference,
//! sections "Certificate" and "Order"), each the `Data` member of the success envelope.

use serde::{Deserialize, Serialize};

use super::scalar::Scalar;

mod action;
mod orders;

pub use action::{ActionResult, Download, Imported, Reissued, Renewed};
pub use orders::{
    ListedDetails, OrderCertificate, OrderCertificates, OrderDetail, OrderDetailCertificate,
    OrderDetails, OrderedDetails, OrdersData,
};

/// `{code, description}`: `Status` and `StatusMinor`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct StatusInfo {
    /// `code`.
    pub code: Option<Scalar>,
    /// `description`.
    pub description: Option<Scalar>,
}

/// One addon (a SAN, usually) of a certificate.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Addon {
    /// `id`.
    pub id: Option<Scalar>,
    /// `type`.
    #[serde(rename = "type")]
    pub kind: Option<Scalar>,
    /// `value`: the name, for a SAN addon.
    pub value: Option<Scalar>,
    /// `approver_email`.
    pub approver_email: Option<Scalar>,
    /// `total` (order details only).
    pub total: Option<Scalar>,
}

/// `Addons` → `{ "Addon": [...] }`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct AddonList {
    /// `Addon`.
    #[serde(rename = "Addon")]
    pub addon: Vec<Addon>,
}

/// `POST /certificates` and `POST /certificates/{status}` → one item of `Data`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct CertificateSummary {
    /// `id`.
    pub id: Option<Scalar>,
    /// `common_name`.
    pub common_name: Option<Scalar>,
    /// `status`.
    pub status: Option<Scalar>,
}

/// `POST /certificate/{id}` → `Data`: a certificate with all its details.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct CertificateFull {
    /// `order_id`.
    pub order_id: Option<Scalar>,
    /// `certificate_id`.
    pub certificate_id: Option<Scalar>,
    /// `product_addon_id`.
    pub product_addon_id: Option<Scalar>,
    /// `CertificateDetails`.
    #[serde(rename = "CertificateDetails")]
    pub certificate_details: CertificateDetails,
    /// `Contacts`.
    #[serde(rename = "Contacts")]
    pub contacts: Contacts,
    /// `Dates`.
    #[serde(rename = "Dates")]
    pub dates: Dates,
    /// `Notes`.
    #[serde(rename = "Notes")]
    pub notes: Notes,
    /// `VettingData`.
    #[serde(rename = "VettingData")]
    pub vetting_data: Vec<VettingEntry>,
    /// `Status`.
    #[serde(rename = "Status")]
    pub status: StatusInfo,
    /// `Product`.
    #[serde(rename = "Product")]
    pub product: ProductInfo,
}

/// `CertificateDetails` of the full certificate, with the DCV data.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct CertificateDetails {
    /// `product_code`.
    pub product_code: Option<Scalar>,
    /// `common_name`.
    pub common_name: Option<Scalar>,
    /// `approver_email`.
    pub approver_email: Option<Scalar>,
    /// `dv_auth_method`: `email`, `dns` or `file` (kept verbatim).
    pub dv_auth_method: Option<Scalar>,
    /// `dns_auth_string`.
    pub dns_auth_string: Option<Scalar>,
    /// `file_auth_filename`.
    pub file_auth_filename: Option<Scalar>,
    /// `file_auth_contents`.
    pub file_auth_contents: Option<Scalar>,
    /// `general_auth_string`.
    pub general_auth_string: Option<Scalar>,
    /// `licenses`.
    pub licenses: Option<Scalar>,
    /// `hash`.
    pub hash: Option<Scalar>,
    /// `serial_number`.
    pub serial_number: Option<Scalar>,
    /// `years`.
    pub years: Option<Scalar>,
    /// `remaining_reissues`.
    pub remaining_reissues: Option<Scalar>,
    /// `csr`.
    pub csr: Option<Scalar>,
    /// `email_subscription`.
    pub email_subscription: Option<Scalar>,
    /// `VettingData` (a string here, a list at the top level).
    #[serde(rename = "VettingData")]
    pub vetting_data: Option<Scalar>,
    /// `Addons`.
    #[serde(rename = "Addons")]
    pub addons: AddonList,
    /// `Status`.
    #[serde(rename = "Status")]
    pub status: StatusInfo,
    /// `StatusMinor`.
    #[serde(rename = "StatusMinor")]
    pub status_minor: StatusInfo,
}

/// `Contacts` of a certificate.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Contacts {
    /// `Company`.
    #[serde(rename = "Company")]
    pub company: Company,
    /// `Administrative`.
    #[serde(rename = "Administrative")]
    pub administrative: ContactDetails,
    /// `Technical`.
    #[serde(rename = "Technical")]
    pub technical: ContactDetails,
}

/// `Company` as read back (request bodies use `organisation_*` names instead).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Company {
    /// `category`.
    pub category: Option<Scalar>,
    /// `organisation_legal_name`.
    pub organisation_legal_name: Option<Scalar>,
    /// `registration_number`.
    pub registration_number: Option<Scalar>,
    /// `duns`.
    pub duns: Option<Scalar>,
}

/// An administrative or technical contact, as read back and as sent.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ContactDetails {
    /// `organisation`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organisation: Option<Scalar>,
    /// `department` (quick order only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub department: Option<Scalar>,
    /// `title`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<Scalar>,
    /// `firstname`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub firstname: Option<Scalar>,
    /// `lastname`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lastname: Option<Scalar>,
    /// `email`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<Scalar>,
    /// `phone`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<Scalar>,
    /// `address_1`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address_1: Option<Scalar>,
    /// `address_2`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address_2: Option<Scalar>,
    /// `city`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub city: Option<Scalar>,
    /// `postcode`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub postcode: Option<Scalar>,
    /// `region`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<Scalar>,
    /// `country`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<Scalar>,
}

/// `Dates`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Dates {
    /// `order`.
    pub order: Option<Scalar>,
    /// `issuance`.
    pub issuance: Option<Scalar>,
    /// `created`.
    pub created: Option<Scalar>,
    /// `expiry`.
    pub expiry: Option<Scalar>,
}

/// `Notes` → `{ "Note": [...] }`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Notes {
    /// `Note`.
    #[serde(rename = "Note")]
    pub note: Vec<Note>,
}

/// One note.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Note {
    /// `note`.
    pub note: Option<Scalar>,
    /// `user`.
    pub user: Option<Scalar>,
    /// `date`.
    pub date: Option<Scalar>,
}

/// One `VettingData` entry.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct VettingEntry {
    /// `status_type`.
    pub status_type: Option<Scalar>,
    /// `status_text`.
    pub status_text: Option<Scalar>,
    /// `created`.
    pub created: Option<Scalar>,
}

/// `Product` of a certificate.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ProductInfo {
    /// `name`.
    pub name: Option<Scalar>,
    /// `code`.
    pub code: Option<Scalar>,
    /// `Brand`.
    #[serde(rename = "Brand")]
    pub brand: Brand,
}

/// `Brand`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Brand {
    /// `name`.
    pub name: Option<Scalar>,
}
