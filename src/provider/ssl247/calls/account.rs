//! The account calls (the SSL247 API v3 reference, "Account - …", "User - …", "Contact
//! Profile - …", "Orders - Invoice"). All are account-wide: the server forwards them only to the
//! account's own operators, never for a customer's order.

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::{get, post, segment};
use crate::provider::flow::Prepared;
use crate::provider::ssl247::account::{
    AccountData, AllowanceData, ContactId, ContactProfileData, ContactProfileInput, DepositData,
    InvoiceData, UserDetails, UserId, UserInput, UsersData,
};
use crate::provider::{OperationClass, ProviderError};

fn account_wide<T: DeserializeOwned>(name: &'static str, path: String) -> Prepared<T> {
    get(name, path, OperationClass::AccountWide)
}

fn account_wide_with<T: DeserializeOwned>(
    name: &'static str,
    path: String,
    body: &impl Serialize,
) -> Result<Prepared<T>, ProviderError> {
    post(name, path, OperationClass::AccountWide, body)
}

/// `POST /account`: account information and users.
pub fn account() -> Prepared<AccountData> {
    account_wide("POST /account", "/account".into())
}

/// `POST /account/users`: users and the contact profiles orders reference.
pub fn account_users() -> Prepared<UsersData> {
    account_wide("POST /account/users", "/account/users".into())
}

/// `POST /account/deposit`: the prepaid balance.
pub fn deposit() -> Prepared<DepositData> {
    account_wide("POST /account/deposit", "/account/deposit".into())
}

/// `POST /account/monthly-allowance`: the monthly limit and what is left.
pub fn monthly_allowance() -> Prepared<AllowanceData> {
    account_wide(
        "POST /account/monthly-allowance",
        "/account/monthly-allowance".into(),
    )
}

/// `POST /account/user/{id}`: one user's details.
pub fn user(id: &str) -> Result<Prepared<UserDetails>, ProviderError> {
    let id = segment("id", id)?;
    Ok(account_wide(
        "POST /account/user/{user-id}",
        format!("/account/user/{id}"),
    ))
}

/// `POST /account/users/add`: a new user, with a password.
pub fn add_user(body: &UserInput) -> Result<Prepared<UserId>, ProviderError> {
    body.person.check()?;
    if body.password.as_ref().is_none_or(|p| p.is_empty()) {
        return Err(ProviderError::invalid(
            "password",
            "is required for a new user",
        ));
    }
    account_wide_with("POST /account/users/add", "/account/users/add".into(), body)
}

/// `POST /account/user/{id}/edit`. A password is not among the fields this call takes.
pub fn edit_user(id: &str, body: &UserInput) -> Result<Prepared<UserId>, ProviderError> {
    let id = segment("id", id)?;
    body.person.check()?;
    if body.password.is_some() {
        return Err(ProviderError::invalid(
            "password",
            "cannot be changed by editing a user",
        ));
    }
    account_wide_with(
        "POST /account/user/{user-id}/edit",
        format!("/account/user/{id}/edit"),
        body,
    )
}

/// `POST /account/contact-profile/{id}`: one contact profile.
pub fn contact_profile(id: &str) -> Result<Prepared<ContactProfileData>, ProviderError> {
    let id = segment("id", id)?;
    Ok(account_wide(
        "POST /account/contact-profile/{profile-id}",
        format!("/account/contact-profile/{id}"),
    ))
}

/// `POST /account/contact-profile/add`: returns the new profile's `contact_id`.
pub fn add_contact_profile(
    body: &ContactProfileInput,
) -> Result<Prepared<ContactId>, ProviderError> {
    body.person.check()?;
    account_wide_with(
        "POST /account/contact-profile/add",
        "/account/contact-profile/add".into(),
        body,
    )
}

/// `POST /account/contact-profile/{id}/edit`.
pub fn edit_contact_profile(
    id: &str,
    body: &ContactProfileInput,
) -> Result<Prepared<ContactId>, ProviderError> {
    let id = segment("id", id)?;
    body.person.check()?;
    account_wide_with(
        "POST /account/contact-profile/{profile-id}/edit",
        format!("/account/contact-profile/{id}/edit"),
        body,
    )
}

/// `POST /orders/invoice/{invoice-id}/{download}`: an invoice as a URL or a base64 PDF,
/// as `download` asks (the document names the segment without listing its values).
pub fn invoice(invoice_id: &str, download: &str) -> Result<Prepared<InvoiceData>, ProviderError> {
    let invoice_id = segment("invoice-id", invoice_id)?;
    let download = segment("download", download)?;
    Ok(account_wide(
        "POST /orders/invoice/{invoice-id}/{download}",
        format!("/orders/invoice/{invoice_id}/{download}"),
    ))
}
