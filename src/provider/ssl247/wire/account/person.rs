//! The person fields that users and contact profiles share, and the user types built on them
//! ("User - View", "User - Add", "User - Edit").

use serde::{Deserialize, Serialize, Serializer};

use crate::http::Secret;
use crate::provider::ProviderError;
use crate::provider::ssl247::scalar::Scalar;

/// The person fields a user or contact profile is added or edited with.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct PersonInput {
    /// `title`: a word from `/generic/get-user-titles`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// `firstname`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub firstname: Option<String>,
    /// `lastname`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lastname: Option<String>,
    /// `email`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// `phone`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// `mobile`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mobile: Option<String>,
    /// `fax`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fax: Option<String>,
    /// `direct_line`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub direct_line: Option<String>,
    /// `skype`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub skype: Option<String>,
    /// `address_1`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address_1: Option<String>,
    /// `address_2`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address_2: Option<String>,
    /// `address_3`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address_3: Option<String>,
    /// `city`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// `state`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// `postcode`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub postcode: Option<String>,
    /// `country`: a code from `/generic/get-country-list`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}

impl PersonInput {
    /// Checks what the fields must be to be of use: an e-mail address that has an `@`.
    pub fn check(&self) -> Result<(), ProviderError> {
        if let Some(email) = &self.email
            && !email.trim().contains('@')
        {
            return Err(ProviderError::invalid("email", "must be an e-mail address"));
        }
        Ok(())
    }
}

/// The body of `POST /account/users/add` and `POST /account/user/{id}/edit`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct UserInput {
    /// The person.
    #[serde(flatten)]
    pub person: PersonInput,
    /// `password`: the new user's password (add only; sent, never logged).
    #[serde(serialize_with = "expose", skip_serializing_if = "Option::is_none")]
    pub password: Option<Secret>,
    /// `admin_contact`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub admin_contact: Option<bool>,
    /// `billing_contact`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub billing_contact: Option<bool>,
    /// `technical_contact`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub technical_contact: Option<bool>,
    /// `mailing_contact`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mailing_contact: Option<bool>,
    /// `subscribed`: to SSL247's mailings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subscribed: Option<bool>,
    /// `vat_number` (edit only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vat_number: Option<String>,
}

fn expose<S: Serializer>(secret: &Option<Secret>, serializer: S) -> Result<S::Ok, S::Error> {
    match secret {
        Some(secret) => serializer.serialize_str(secret.expose()),
        None => serializer.serialize_none(),
    }
}

/// The person fields a user and a contact profile are read back with.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct PersonDetails {
    /// `email`.
    pub email: Option<Scalar>,
    /// `title`.
    pub title: Option<Scalar>,
    /// `firstname`.
    pub firstname: Option<Scalar>,
    /// `lastname`.
    pub lastname: Option<Scalar>,
    /// `phone`.
    pub phone: Option<Scalar>,
    /// `fax`.
    pub fax: Option<Scalar>,
    /// `address_1`.
    pub address_1: Option<Scalar>,
    /// `address_2`.
    pub address_2: Option<Scalar>,
    /// `address_3`.
    pub address_3: Option<Scalar>,
    /// `city`.
    pub city: Option<Scalar>,
    /// `postcode`.
    pub postcode: Option<Scalar>,
    /// `country`.
    pub country: Option<Scalar>,
}

/// `Data` of `POST /account/user/{id}`: "User details".
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct UserDetails {
    /// The person.
    #[serde(flatten)]
    pub person: PersonDetails,
    /// `full_name`.
    pub full_name: Option<Scalar>,
    /// `account_id`.
    pub account_id: Option<Scalar>,
    /// `second_factor_mobile`: the phone of the user's second login factor.
    pub second_factor_mobile: Option<Scalar>,
    /// `mobile`.
    pub mobile: Option<Scalar>,
    /// `direct_line`.
    pub direct_line: Option<Scalar>,
    /// `skype`.
    pub skype: Option<Scalar>,
    /// `admin_contact`.
    pub admin_contact: Option<Scalar>,
    /// `billing_contact`.
    pub billing_contact: Option<Scalar>,
    /// `technical_contact`.
    pub technical_contact: Option<Scalar>,
    /// `mailing_contact`.
    pub mailing_contact: Option<Scalar>,
    /// `state`.
    pub state: Option<Scalar>,
    /// `subscribed`.
    pub subscribed: Option<Scalar>,
}
