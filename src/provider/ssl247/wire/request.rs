//! Request bodies of the ordering operations and the document's rules on them
//! (the SSL247 API v3 reference, "Order - Validate", "Order - Place order",
//! "Order - Complete Certificate", "Order - Place Order with only 1 request",
//! "Certificate - Renew", "Certificate - Reissue", "Certificate - Import External").
//!
//! The credentials `u`/`p`/`k` are not part of these types: [`Ssl247`](crate::provider::ssl247::Ssl247)'s
//! `authenticate` adds them to the body, so a built request carries no secret.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::certificate::ContactDetails;
use crate::provider::ProviderError;

/// `dv_auth_method`: "email, dns, file" (Order - Complete Certificate). A word the document
/// does not list is kept when read, and refused when sending.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum DvAuthMethod {
    /// `email`: an approver e-mail (`approver_email` then required).
    Email,
    /// `dns`: a DNS record (`dns_auth_string` in the certificate details).
    Dns,
    /// `file`: a file on the site (`file_auth_filename`/`file_auth_contents`).
    File,
    /// A word the document does not list.
    Other(String),
}

impl DvAuthMethod {
    /// The wire word.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Email => "email",
            Self::Dns => "dns",
            Self::File => "file",
            Self::Other(word) => word,
        }
    }

    /// Refuses a word the document does not list.
    pub fn check(&self) -> Result<(), ProviderError> {
        match self {
            Self::Other(_) => Err(ProviderError::invalid(
                "dv_auth_method",
                "must be one of email, dns, file",
            )),
            _ => Ok(()),
        }
    }
}

impl From<String> for DvAuthMethod {
    fn from(word: String) -> Self {
        match word.as_str() {
            "email" => Self::Email,
            "dns" => Self::Dns,
            "file" => Self::File,
            _ => Self::Other(word),
        }
    }
}

impl From<DvAuthMethod> for String {
    fn from(method: DvAuthMethod) -> Self {
        method.as_str().to_owned()
    }
}

impl fmt::Display for DvAuthMethod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// `organisation_category`: "PO, BE, GE" (Order - Complete Certificate, Contacts.Company).
/// The document does not expand them; by the CA/B Forum EV guidelines' subject categories
/// they read as private organisation, business entity and government entity.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum OrganisationCategory {
    /// `PO`.
    PrivateOrganisation,
    /// `BE`.
    BusinessEntity,
    /// `GE`.
    GovernmentEntity,
    /// A word the document does not list.
    Other(String),
}

impl OrganisationCategory {
    /// The wire word.
    pub fn as_str(&self) -> &str {
        match self {
            Self::PrivateOrganisation => "PO",
            Self::BusinessEntity => "BE",
            Self::GovernmentEntity => "GE",
            Self::Other(word) => word,
        }
    }
}

impl From<String> for OrganisationCategory {
    fn from(word: String) -> Self {
        match word.as_str() {
            "PO" => Self::PrivateOrganisation,
            "BE" => Self::BusinessEntity,
            "GE" => Self::GovernmentEntity,
            _ => Self::Other(word),
        }
    }
}

impl From<OrganisationCategory> for String {
    fn from(category: OrganisationCategory) -> Self {
        category.as_str().to_owned()
    }
}

/// The body of `validate` and `place-order` (the same fields in both).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct OrderRequest {
    /// `billing_contact_id`: a contact profile id (`/account/users`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub billing_contact_id: Option<String>,
    /// `order`: one line per certificate.
    pub order: Vec<OrderLine>,
}

/// One `order` line.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct OrderLine {
    /// `product_code`.
    pub product_code: String,
    /// `common_name`.
    pub common_name: String,
    /// `years`: a string in the document ("years: string").
    pub years: String,
    /// `licenses`: a string.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub licenses: Option<String>,
    /// `san`: an integer, the number of SANs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub san: Option<u32>,
    /// `sans`: a string; the document does not say the separator, a comma is used.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sans: Option<String>,
    /// `quantity`: an integer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quantity: Option<u32>,
}

/// The body of `complete`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompleteRequest {
    /// `certificate_id`: from the place-order answer.
    pub certificate_id: String,
    /// `common_name`.
    pub common_name: String,
    /// `csr`.
    pub csr: String,
    /// `dv_auth_method`.
    pub dv_auth_method: DvAuthMethod,
    /// `approver_email`: "required if the domain validation method is email".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub approver_email: Option<String>,
    /// `Addon`: one per SAN.
    #[serde(rename = "Addon", skip_serializing_if = "Vec::is_empty", default)]
    pub addon: Vec<AddonRequest>,
    /// `Contacts`.
    #[serde(rename = "Contacts", skip_serializing_if = "Option::is_none")]
    pub contacts: Option<ContactsRequest>,
}

/// The body of `place-quick-order`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuickOrderRequest {
    /// `billing_contact_id`: "default billing contact will be used if blank".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub billing_contact_id: Option<String>,
    /// `product_code`.
    pub product_code: String,
    /// `common_name`.
    pub common_name: String,
    /// `years`: a string.
    pub years: String,
    /// `licenses`: a string.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub licenses: Option<String>,
    /// `dv_auth_method`.
    pub dv_auth_method: DvAuthMethod,
    /// `approver_email`: required if the method is email.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub approver_email: Option<String>,
    /// `csr`.
    pub csr: String,
    /// `Addon`: "If there are any SANs".
    #[serde(rename = "Addon", skip_serializing_if = "Vec::is_empty", default)]
    pub addon: Vec<AddonRequest>,
    /// `Contacts`: default admin and tech contacts are used when absent.
    #[serde(rename = "Contacts", skip_serializing_if = "Option::is_none")]
    pub contacts: Option<ContactsRequest>,
}

/// One `Addon` (a SAN) of `complete` or `place-quick-order`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct AddonRequest {
    /// `id`: the addon's id (complete only; quick order has none).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// `value`: the name.
    pub value: String,
    /// `approver_email`: required if the method is email.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub approver_email: Option<String>,
}

/// `Contacts` of a request.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ContactsRequest {
    /// `Company`.
    #[serde(rename = "Company", skip_serializing_if = "Option::is_none")]
    pub company: Option<CompanyRequest>,
    /// `Administrative`.
    #[serde(rename = "Administrative", skip_serializing_if = "Option::is_none")]
    pub administrative: Option<ContactDetails>,
    /// `Technical`.
    #[serde(rename = "Technical", skip_serializing_if = "Option::is_none")]
    pub technical: Option<ContactDetails>,
}

/// `Contacts.Company` of a request.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CompanyRequest {
    /// `organisation_category`: PO, BE or GE.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organisation_category: Option<OrganisationCategory>,
    /// `organisation_legal_name`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organisation_legal_name: Option<String>,
    /// `organisation_registration_number`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organisation_registration_number: Option<String>,
    /// `organisation_duns`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organisation_duns: Option<String>,
}

/// The body of `POST /orders/certificates/import`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ImportRequest {
    /// `common_name`.
    pub common_name: String,
    /// `admin_contact_id`.
    pub admin_contact_id: String,
    /// `tech_contact_id`.
    pub tech_contact_id: String,
    /// `internal_product`.
    pub internal_product: String,
    /// `external_product`.
    pub external_product: String,
    /// `validation_type`: "OV, EV, DV".
    pub validation_type: String,
}

/// A required text field: present and not blank.
pub(crate) fn required(field: &str, value: &str) -> Result<(), ProviderError> {
    if value.trim().is_empty() {
        Err(ProviderError::invalid(field, "is required"))
    } else {
        Ok(())
    }
}

/// `years` is a string holding a whole, positive number of years ("years: string").
pub(crate) fn check_years(field: &str, years: &str) -> Result<(), ProviderError> {
    let ok = !years.is_empty()
        && years.bytes().all(|b| b.is_ascii_digit())
        && years.parse::<u32>().is_ok_and(|n| n > 0);
    if ok {
        Ok(())
    } else {
        Err(ProviderError::invalid(
            field,
            "must be a whole number of years written as a string, such as \"1\"",
        ))
    }
}

fn check_approver(
    field: &str,
    method: &DvAuthMethod,
    email: Option<&str>,
) -> Result<(), ProviderError> {
    if *method == DvAuthMethod::Email && email.is_none_or(|e| !e.contains('@')) {
        return Err(ProviderError::invalid(
            field,
            "is required (an e-mail address) when dv_auth_method is email",
        ));
    }
    Ok(())
}

fn check_addons(method: &DvAuthMethod, addons: &[AddonRequest]) -> Result<(), ProviderError> {
    for (i, addon) in addons.iter().enumerate() {
        required(&format!("Addon[{i}].value"), &addon.value)?;
        check_approver(
            &format!("Addon[{i}].approver_email"),
            method,
            addon.approver_email.as_deref(),
        )?;
    }
    Ok(())
}

fn check_contacts(contacts: Option<&ContactsRequest>) -> Result<(), ProviderError> {
    if let Some(OrganisationCategory::Other(_)) = contacts
        .and_then(|c| c.company.as_ref())
        .and_then(|c| c.organisation_category.as_ref())
    {
        return Err(ProviderError::invalid(
            "Contacts.Company.organisation_category",
            "must be one of PO, BE, GE",
        ));
    }
    Ok(())
}

impl OrderRequest {
    /// Checks the body before `validate` or `place-order`.
    pub fn check(&self) -> Result<(), ProviderError> {
        if self.order.is_empty() {
            return Err(ProviderError::invalid("order", "needs at least one line"));
        }
        for (i, line) in self.order.iter().enumerate() {
            required(&format!("order[{i}].product_code"), &line.product_code)?;
            required(&format!("order[{i}].common_name"), &line.common_name)?;
            check_years(&format!("order[{i}].years"), &line.years)?;
        }
        Ok(())
    }
}

impl CompleteRequest {
    /// Checks the body before `complete`.
    pub fn check(&self) -> Result<(), ProviderError> {
        required("certificate_id", &self.certificate_id)?;
        required("common_name", &self.common_name)?;
        required("csr", &self.csr)?;
        self.dv_auth_method.check()?;
        check_approver(
            "approver_email",
            &self.dv_auth_method,
            self.approver_email.as_deref(),
        )?;
        check_addons(&self.dv_auth_method, &self.addon)?;
        check_contacts(self.contacts.as_ref())
    }
}

impl QuickOrderRequest {
    /// Checks the body before `place-quick-order`.
    pub fn check(&self) -> Result<(), ProviderError> {
        required("product_code", &self.product_code)?;
        required("common_name", &self.common_name)?;
        check_years("years", &self.years)?;
        required("csr", &self.csr)?;
        self.dv_auth_method.check()?;
        check_approver(
            "approver_email",
            &self.dv_auth_method,
            self.approver_email.as_deref(),
        )?;
        check_addons(&self.dv_auth_method, &self.addon)?;
        check_contacts(self.contacts.as_ref())
    }
}
