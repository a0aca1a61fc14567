//! The account endpoints' wire types (the SSL247 API v3 reference, "Account - …", "User - …",
//! "Contact Profile - …" and "Orders - Invoice"): balance, allowance, users and the contact
//! profiles that orders reference by id.
//!
//! Answers use [`Scalar`] like every other SSL247 answer (the document writes every value as
//! a string); requests send text as given and flags as JSON booleans.

pub(crate) mod person;
pub(crate) mod profile;

use serde::{Deserialize, Serialize};

use super::scalar::Scalar;
use crate::product::Money;

pub use person::{PersonDetails, PersonInput, UserDetails, UserInput};
pub use profile::{
    ContactIds, ContactProfileData, ContactProfileDetails, ContactProfileInput, ContactRole,
};

/// `Data` of `POST /account`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct AccountData {
    /// `Account`.
    #[serde(rename = "Account")]
    pub account: Account,
}

/// `Account`: "Basic account information".
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Account {
    /// `account_code`.
    pub account_code: Option<Scalar>,
    /// `company`.
    pub company: Option<Scalar>,
    /// `country`.
    pub country: Option<Scalar>,
    /// `currency`: the account's billing currency.
    pub currency: Option<Scalar>,
    /// `allowance_limit`: the monthly allowance.
    pub allowance_limit: Option<Scalar>,
    /// `remaining_allowance`: what is left of it this month.
    pub remaining_allowance: Option<Scalar>,
    /// `Users`: name and e-mail of each user (no id here; `/account/users` has them).
    #[serde(rename = "Users")]
    pub users: Vec<User>,
}

/// `Data` of `POST /account/deposit`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct DepositData {
    /// `Deposit`.
    #[serde(rename = "Deposit")]
    pub deposit: Deposit,
}

/// `Deposit`: the prepaid balance orders are paid from.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Deposit {
    /// `value`.
    pub value: Option<Scalar>,
    /// `currency`.
    pub currency: Option<Scalar>,
}

impl Deposit {
    /// The balance as money, when `value` is a number.
    pub fn balance(&self) -> Option<Money> {
        amount(self.value.as_ref(), self.currency.as_ref())
    }
}

/// `Data` of `POST /account/monthly-allowance`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct AllowanceData {
    /// `Allowance`.
    #[serde(rename = "Allowance")]
    pub allowance: Allowance,
}

/// `Allowance`: the monthly spending limit and what is left of it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Allowance {
    /// `remaining`.
    pub remaining: Option<Scalar>,
    /// `limit`.
    pub limit: Option<Scalar>,
    /// `currency`.
    pub currency: Option<Scalar>,
}

impl Allowance {
    /// What is left this month, when `remaining` is a number.
    pub fn remaining(&self) -> Option<Money> {
        amount(self.remaining.as_ref(), self.currency.as_ref())
    }

    /// The monthly limit, when `limit` is a number.
    pub fn limit(&self) -> Option<Money> {
        amount(self.limit.as_ref(), self.currency.as_ref())
    }
}

fn amount(value: Option<&Scalar>, currency: Option<&Scalar>) -> Option<Money> {
    value?.as_money(currency.map(Scalar::as_str))
}

/// `Data` of `POST /account/users/add` and `POST /account/user/{id}/edit`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct UserId {
    /// `user_id`: the user added or changed.
    pub user_id: Option<Scalar>,
}

/// `Data` of `POST /account/contact-profile/add` and `…/{id}/edit`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ContactId {
    /// `contact_id`: the profile added or changed, as orders reference it.
    pub contact_id: Option<Scalar>,
}

/// `Data` of `POST /orders/invoice/{invoice-id}/{download}`: "Url for the invoice OR the
/// invoice pdf base64 encoded", depending on `{download}`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct InvoiceData {
    /// `invoice`: a URL or a base64 PDF.
    pub invoice: Option<Scalar>,
}

impl InvoiceData {
    /// The PDF, when `invoice` is base64 of a PDF file (it starts with `%PDF-`).
    pub fn pdf(&self) -> Option<Vec<u8>> {
        use base64::Engine as _;
        let text: String = self
            .invoice
            .as_ref()?
            .as_str()
            .chars()
            .filter(|c| !c.is_ascii_whitespace())
            .collect();
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(text)
            .ok()?;
        bytes.starts_with(b"%PDF-").then_some(bytes)
    }

    /// The URL, when `invoice` is one.
    pub fn url(&self) -> Option<&str> {
        let text = self.invoice.as_ref()?.as_str().trim();
        (text.starts_with("https://") || text.starts_with("http://")).then_some(text)
    }
}

/// `POST /account/users` → `Data`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct UsersData {
    /// `Users`.
    #[serde(rename = "Users")]
    pub users: Users,
}

/// `Users` → users and contact profiles.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Users {
    /// `User`.
    #[serde(rename = "User")]
    pub user: Vec<User>,
    /// `ContactProfile`: the ids orders reference as admin/tech/billing contacts.
    #[serde(rename = "ContactProfile")]
    pub contact_profile: Vec<ContactProfile>,
}

/// One account user.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct User {
    /// `id`.
    pub id: Option<Scalar>,
    /// `full_name`.
    pub full_name: Option<Scalar>,
    /// `email`.
    pub email: Option<Scalar>,
}

/// One contact profile.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ContactProfile {
    /// `id`: what `billing_contact_id`, `admin_contact_id` and `tech_contact_id` take.
    pub id: Option<Scalar>,
    /// `full_name`.
    pub full_name: Option<Scalar>,
    /// `email`.
    pub email: Option<Scalar>,
    /// `tech`.
    pub tech: Option<Scalar>,
    /// `admin`.
    pub admin: Option<Scalar>,
    /// `billing`.
    pub billing: Option<Scalar>,
}
