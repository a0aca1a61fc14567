//! Contact profiles: the people an order names as its administrative, technical and billing
//! contacts, by profile id ("Contact Profile - View/Add/Edit"; ids listed by
//! `/account/users`).
//!
//! The way to an order's contact ids: list the profiles ([`ContactIds::from_users`] picks the
//! first profile flagged for each role), or add one from the neutral contact
//! ([`ContactProfileInput::from_contact`]) and take the `contact_id` the answer returns.

use serde::{Deserialize, Serialize};

use super::person::{PersonDetails, PersonInput};
use super::{ContactProfile, Users};
use crate::order::{Contact, Organization};
use crate::provider::ProviderError;
use crate::provider::ssl247::request::{ImportRequest, OrderRequest};
use crate::provider::ssl247::scalar::Scalar;

/// A role a contact profile can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ContactRole {
    /// `admin`: the administrative contact.
    Admin,
    /// `tech`: the technical contact.
    Tech,
    /// `billing`: the billing contact.
    Billing,
}

impl ContactRole {
    /// The profile's flag for this role.
    fn flag(self, profile: &ContactProfile) -> Option<&Scalar> {
        match self {
            Self::Admin => profile.admin.as_ref(),
            Self::Tech => profile.tech.as_ref(),
            Self::Billing => profile.billing.as_ref(),
        }
    }
}

/// The body of `POST /account/contact-profile/add` and `…/{id}/edit`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct ContactProfileInput {
    /// The person.
    #[serde(flatten)]
    pub person: PersonInput,
    /// `admin`: "Is admin contact?".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub admin: Option<bool>,
    /// `billing`: "Is billing contact?".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub billing: Option<bool>,
    /// `tech`: "Is technical contact?".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tech: Option<bool>,
}

impl ContactProfileInput {
    /// A profile for the neutral `contact` at `organization`'s address, holding `roles`.
    pub fn from_contact(
        contact: &Contact,
        organization: Option<&Organization>,
        roles: &[ContactRole],
    ) -> Self {
        let org = |read: fn(&Organization) -> Option<&String>| organization.and_then(read).cloned();
        Self {
            person: PersonInput {
                title: contact.job_title.clone(),
                firstname: Some(contact.first_name.clone()),
                lastname: Some(contact.last_name.clone()),
                email: Some(contact.email.clone()),
                phone: contact.phone.clone(),
                address_1: org(|o| o.address.as_ref()),
                city: org(|o| o.city.as_ref()),
                state: org(|o| o.state.as_ref()),
                postcode: org(|o| o.postal_code.as_ref()),
                country: org(|o| o.country.as_ref()),
                ..PersonInput::default()
            },
            admin: Some(roles.contains(&ContactRole::Admin)),
            billing: Some(roles.contains(&ContactRole::Billing)),
            tech: Some(roles.contains(&ContactRole::Tech)),
        }
    }
}

/// `Data` of `POST /account/contact-profile/{id}`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ContactProfileData {
    /// `ContactProfile`.
    #[serde(rename = "ContactProfile")]
    pub contact_profile: ContactProfileDetails,
}

/// One contact profile, whole.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ContactProfileDetails {
    /// `id`: what orders take as a contact id.
    pub id: Option<Scalar>,
    /// The person.
    #[serde(flatten)]
    pub person: PersonDetails,
    /// `admin`.
    pub admin: Option<Scalar>,
    /// `tech`.
    pub tech: Option<Scalar>,
    /// `billing`.
    pub billing: Option<Scalar>,
    /// `company_name`.
    pub company_name: Option<Scalar>,
    /// `assumed_name`: a trading name.
    pub assumed_name: Option<Scalar>,
    /// `county`.
    pub county: Option<Scalar>,
    /// `registration_number`.
    pub registration_number: Option<Scalar>,
    /// `vat_number`.
    pub vat_number: Option<Scalar>,
    /// `business_category_code`.
    pub business_category_code: Option<Scalar>,
    /// `duns`.
    pub duns: Option<Scalar>,
    /// `active`.
    pub active: Option<Scalar>,
    /// `deleted`.
    pub deleted: Option<Scalar>,
}

impl ContactProfileDetails {
    /// Whether an order may name the profile: not deleted, and not marked inactive.
    pub fn is_usable(&self) -> bool {
        let flag = |s: &Option<Scalar>| s.as_ref().and_then(Scalar::as_bool);
        flag(&self.deleted) != Some(true) && flag(&self.active) != Some(false)
    }
}

/// The contact profile ids an order names.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ContactIds {
    /// The administrative contact.
    pub admin: Option<String>,
    /// The technical contact.
    pub tech: Option<String>,
    /// The billing contact.
    pub billing: Option<String>,
}

impl ContactIds {
    /// For each role, the first profile of `/account/users` flagged for it.
    pub fn from_users(users: &Users) -> Self {
        let first = |role: ContactRole| {
            users
                .contact_profile
                .iter()
                .filter(|p| role.flag(p).and_then(Scalar::as_bool) == Some(true))
                .find_map(|p| p.id.as_ref().map(|id| id.as_str().trim().to_owned()))
                .filter(|id| !id.is_empty())
        };
        Self {
            admin: first(ContactRole::Admin),
            tech: first(ContactRole::Tech),
            billing: first(ContactRole::Billing),
        }
    }

    /// Puts the billing contact on an order; without one SSL247 uses the account's default.
    pub fn apply_to_order(&self, order: &mut OrderRequest) {
        order.billing_contact_id.clone_from(&self.billing);
    }

    /// Puts the administrative and technical contacts on an import, which needs both.
    pub fn apply_to_import(&self, import: &mut ImportRequest) -> Result<(), ProviderError> {
        let missing = |field| {
            ProviderError::invalid(field, "no contact profile holds this role; add one first")
        };
        import.admin_contact_id = self
            .admin
            .clone()
            .ok_or_else(|| missing("admin_contact_id"))?;
        import.tech_contact_id = self
            .tech
            .clone()
            .ok_or_else(|| missing("tech_contact_id"))?;
        Ok(())
    }
}
