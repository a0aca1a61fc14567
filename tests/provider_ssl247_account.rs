//! SSL247 account calls against the SSL247 API v3 reference ("Account - …", "User - …",
//! "Contact Profile - …", "Orders - Invoice", the generic lists): each built request has exactly
//! the fields of the document's example, each answer example reads back field for field, and a
//! neutral contact becomes the contact profile ids an order names.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

#[path = "support/ssl247.rs"]
mod ssl247_support;

use serde_json::{Value, json};

use certorder::http::{HttpResponse, Secret};
use certorder::order::{Contact, Organization};
use certorder::product::Money;
use certorder::provider::flow::Prepared;
use certorder::provider::ssl247::account::{
    ContactIds, ContactProfileInput, ContactRole, InvoiceData, PersonInput, UserInput,
};
use certorder::provider::ssl247::calls;
use certorder::provider::ssl247::catalog::{ContactProfile, Users};
use certorder::provider::ssl247::request::{ImportRequest, OrderRequest};
use certorder::provider::ssl247::{Scalar, Ssl247};
use certorder::provider::{Call, OperationClass, Provider, ProviderError, Target};
use ssl247_support::{fixture_json, parsed, s, same_fields, sent};

/// The answer example read by `call` and written back: every documented field must survive,
/// so a misspelt or missing field shows as a difference. Fields a shared type has that this
/// answer lacks come back as null and are dropped.
fn round_trips<T>(call: &Prepared<T>, name: &str)
where
    T: serde::de::DeserializeOwned + serde::Serialize,
{
    fn without_nulls(value: Value) -> Value {
        match value {
            Value::Object(map) => map
                .into_iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k, without_nulls(v)))
                .collect(),
            Value::Array(items) => items.into_iter().map(without_nulls).collect(),
            other => other,
        }
    }
    let data = without_nulls(serde_json::to_value(parsed(call, name)).unwrap());
    assert_eq!(
        data,
        fixture_json(&format!("{name}.response.json"))["Data"],
        "{name}"
    );
}

fn invalid_field(result: Result<impl Sized, ProviderError>) -> String {
    match result {
        Err(ProviderError::InvalidInput { field, .. }) => field,
        Err(other) => panic!("expected InvalidInput, got {other:?}"),
        Ok(_) => panic!("expected InvalidInput, got Ok"),
    }
}

/// Every person field, as the add/edit examples list them.
fn person() -> PersonInput {
    let t = || Some("string".to_owned());
    PersonInput {
        title: t(),
        firstname: t(),
        lastname: t(),
        email: Some("ada@example.com".to_owned()),
        phone: t(),
        mobile: t(),
        fax: t(),
        direct_line: t(),
        skype: t(),
        address_1: t(),
        address_2: t(),
        address_3: t(),
        city: t(),
        state: t(),
        postcode: t(),
        country: t(),
    }
}

// Guards: account, deposit and allowance: paths, class, every field, and amounts as money.
#[test]
fn account_balance_and_allowance() {
    let call = calls::account();
    assert_eq!(call.class(), OperationClass::AccountWide);
    same_fields(&sent(&call, "/account"), "account");
    round_trips(&call, "account");
    let account = parsed(&call, "account").account;
    assert_eq!(account.users[0].full_name, s("string"));
    assert_eq!(account.users[0].id, None);

    let call = calls::deposit();
    same_fields(&sent(&call, "/account/deposit"), "account-deposit");
    round_trips(&call, "account-deposit");
    // The example's placeholder is no amount; a real answer is.
    assert_eq!(parsed(&call, "account-deposit").deposit.balance(), None);
    let real = call
        .parse(&HttpResponse::new(
            200,
            r#"{"StatusCode":"200","Data":{"Deposit":{"value":"1,250.5","currency":"GBP"}}}"#,
        ))
        .unwrap();
    assert_eq!(
        real.deposit.balance(),
        Some(Money::new(125_050, Some("GBP")))
    );

    let call = calls::monthly_allowance();
    same_fields(
        &sent(&call, "/account/monthly-allowance"),
        "account-monthly-allowance",
    );
    round_trips(&call, "account-monthly-allowance");
    let real = call
        .parse(&HttpResponse::new(
            200,
            r#"{"Data":{"Allowance":{"remaining":"40","limit":100,"currency":"EUR"}}}"#,
        ))
        .unwrap()
        .allowance;
    assert_eq!(real.remaining(), Some(Money::new(4000, Some("EUR"))));
    assert_eq!(real.limit(), Some(Money::new(10_000, Some("EUR"))));
}

// Guards: user view, add and edit: the documented fields, the password sent but never shown,
// and what each call refuses before sending.
#[test]
fn users() {
    let call = calls::user("42").unwrap();
    same_fields(&sent(&call, "/account/user/42"), "account-user-id");
    round_trips(&call, "account-user-id");

    let mut add = UserInput {
        person: person(),
        password: Some(Secret::new("correct horse")),
        admin_contact: Some(true),
        billing_contact: Some(false),
        technical_contact: Some(true),
        mailing_contact: Some(false),
        subscribed: Some(false),
        vat_number: None,
    };
    let call = calls::add_user(&add).unwrap();
    let body = sent(&call, "/account/users/add");
    same_fields(&body, "account-users-add");
    assert_eq!(body["password"], json!("correct horse"));
    assert_eq!(body["admin_contact"], json!(true));
    assert!(!format!("{add:?} {call:?}").contains("correct horse"));
    assert_eq!(parsed(&call, "account-users-add").user_id, s("string"));

    add.password = None;
    assert_eq!(invalid_field(calls::add_user(&add)), "password");
    let edit = UserInput {
        vat_number: Some("string".to_owned()),
        ..add.clone()
    };
    let call = calls::edit_user("42", &edit).unwrap();
    same_fields(
        &sent(&call, "/account/user/42/edit"),
        "account-user-id-edit",
    );
    assert_eq!(parsed(&call, "account-user-id-edit").user_id, s("string"));
    let with_password = UserInput {
        password: Some(Secret::new("x")),
        ..edit.clone()
    };
    assert_eq!(
        invalid_field(calls::edit_user("42", &with_password)),
        "password"
    );
    let bad_email = UserInput {
        person: PersonInput {
            email: Some("not-an-address".to_owned()),
            ..person()
        },
        ..edit
    };
    assert_eq!(invalid_field(calls::edit_user("42", &bad_email)), "email");
    assert_eq!(invalid_field(calls::user("")), "id");
    // An id from input stays one path segment.
    assert_eq!(
        calls::user("../orders").unwrap().path(),
        "/account/user/..%2Forders"
    );
}

// Guards: contact profile view, add and edit, and that a profile may be unusable.
#[test]
fn contact_profiles() {
    let call = calls::contact_profile("7").unwrap();
    same_fields(
        &sent(&call, "/account/contact-profile/7"),
        "account-contact-profile-id",
    );
    round_trips(&call, "account-contact-profile-id");
    let mut profile = parsed(&call, "account-contact-profile-id").contact_profile;
    // "boolean" placeholders are neither true nor false.
    assert!(profile.is_usable());
    profile.deleted = Some(Scalar::from("true"));
    assert!(!profile.is_usable());
    profile.deleted = Some(Scalar::from("false"));
    profile.active = Some(Scalar::from("0"));
    assert!(!profile.is_usable());

    let input = ContactProfileInput {
        person: person(),
        admin: Some(true),
        billing: Some(false),
        tech: Some(true),
    };
    let call = calls::add_contact_profile(&input).unwrap();
    same_fields(
        &sent(&call, "/account/contact-profile/add"),
        "account-contact-profile-add",
    );
    assert_eq!(
        parsed(&call, "account-contact-profile-add").contact_id,
        s("string")
    );
    let call = calls::edit_contact_profile("7", &input).unwrap();
    same_fields(
        &sent(&call, "/account/contact-profile/7/edit"),
        "account-contact-profile-id-edit",
    );
    assert_eq!(
        parsed(&call, "account-contact-profile-id-edit").contact_id,
        s("string")
    );
}

// Guards: the neutral contact becomes a profile with the roles asked for, and a profile
// list gives the ids an order and an import name.
#[test]
fn contact_ids_for_orders() {
    let contact = Contact {
        first_name: "Ada".into(),
        last_name: "Lovelace".into(),
        job_title: Some("Dr".into()),
        email: "ada@example.com".into(),
        phone: Some("+44.2071234567".into()),
    };
    let org = Organization {
        name: "Example Ltd".into(),
        address: Some("1 Main Street".into()),
        city: Some("London".into()),
        postal_code: Some("N1 1AA".into()),
        country: Some("GB".into()),
        ..Organization::default()
    };
    let input = ContactProfileInput::from_contact(&contact, Some(&org), &[ContactRole::Tech]);
    let body = serde_json::to_value(&input).unwrap();
    assert_eq!(
        body,
        json!({
            "title": "Dr", "firstname": "Ada", "lastname": "Lovelace",
            "email": "ada@example.com", "phone": "+44.2071234567",
            "address_1": "1 Main Street", "city": "London", "postcode": "N1 1AA",
            "country": "GB", "admin": false, "billing": false, "tech": true
        })
    );

    let profile = |id: &str, admin: &str, tech: &str, billing: &str| ContactProfile {
        id: Some(id.into()),
        full_name: None,
        email: None,
        admin: Some(admin.into()),
        tech: Some(tech.into()),
        billing: Some(billing.into()),
    };
    let users = Users {
        user: Vec::new(),
        contact_profile: vec![
            profile("1", "false", "true", "boolean"),
            profile("2", "true", "true", "0"),
            profile("3", "1", "false", "yes"),
        ],
    };
    let ids = ContactIds::from_users(&users);
    assert_eq!(
        ids,
        ContactIds {
            admin: Some("2".into()),
            tech: Some("1".into()),
            billing: Some("3".into()),
        }
    );
    let mut order = OrderRequest::default();
    ids.apply_to_order(&mut order);
    assert_eq!(order.billing_contact_id.as_deref(), Some("3"));
    let mut import = ImportRequest::default();
    ids.apply_to_import(&mut import).unwrap();
    assert_eq!(
        (
            import.admin_contact_id.as_str(),
            import.tech_contact_id.as_str()
        ),
        ("2", "1")
    );
    let none = ContactIds::from_users(&Users::default());
    assert_eq!(
        invalid_field(none.apply_to_import(&mut ImportRequest::default())),
        "admin_contact_id"
    );
}

// Guards: the invoice read as a PDF or a URL, never both, and the generic lists' paths.
#[test]
fn invoice_and_generic_lists() {
    let call = calls::invoice("INV-1", "download").unwrap();
    same_fields(
        &sent(&call, "/orders/invoice/INV-1/download"),
        "orders-invoice-invoice-id-download",
    );
    round_trips(&call, "orders-invoice-invoice-id-download");
    let pdf = InvoiceData {
        invoice: Some(Scalar::from("JVBERi0xLjQKJeLjz9MK")),
    };
    assert!(pdf.pdf().unwrap().starts_with(b"%PDF-1.4"));
    assert_eq!(pdf.url(), None);
    let url = InvoiceData {
        invoice: Some(Scalar::from("https://www.ssl247.com/invoice/1")),
    };
    assert_eq!(url.pdf(), None);
    assert_eq!(url.url(), Some("https://www.ssl247.com/invoice/1"));
    assert_eq!(invalid_field(calls::invoice("INV-1", "")), "download");

    for (call, path, name) in [
        (
            calls::user_titles(),
            "/generic/get-user-titles",
            "generic-get-user-titles",
        ),
        (
            calls::internal_products(),
            "/generic/get-internal-product-list",
            "generic-get-internal-product-list",
        ),
        (
            calls::external_products(),
            "/generic/get-external-product-list",
            "generic-get-external-product-list",
        ),
        (
            calls::websites(),
            "/generic/get-websites-list",
            "generic-get-websites-list",
        ),
    ] {
        assert_eq!(call.class(), OperationClass::Catalog);
        same_fields(&sent(&call, path), name);
        assert_eq!(parsed(&call, name).0, Value::from("string"));
    }
}

// Guards: every account operation is recognised under the name its call carries, with no
// order target, so the server never forwards it for a customer's order.
#[test]
fn every_account_call_is_recognised() {
    let input = ContactProfileInput::default();
    let user = UserInput {
        password: Some(Secret::new("x")),
        ..UserInput::default()
    };
    let requests = [
        (calls::account().name(), calls::account().path().to_owned()),
        (calls::deposit().name(), calls::deposit().path().to_owned()),
        (
            calls::monthly_allowance().name(),
            calls::monthly_allowance().path().to_owned(),
        ),
        (
            calls::user("5").unwrap().name(),
            calls::user("5").unwrap().path().to_owned(),
        ),
        (
            calls::add_user(&user).unwrap().name(),
            "/account/users/add".to_owned(),
        ),
        (
            calls::contact_profile("7").unwrap().name(),
            calls::contact_profile("7").unwrap().path().to_owned(),
        ),
        (
            calls::add_contact_profile(&input).unwrap().name(),
            "/account/contact-profile/add".to_owned(),
        ),
        (
            calls::edit_contact_profile("7", &input).unwrap().name(),
            "/account/contact-profile/7/edit".to_owned(),
        ),
        (
            calls::invoice("1", "pdf").unwrap().name(),
            "/orders/invoice/1/pdf".to_owned(),
        ),
        (
            calls::websites().name(),
            "/generic/get-websites-list".to_owned(),
        ),
    ];
    for (name, path) in requests {
        let op = Ssl247
            .recognise(
                &certorder::http::HttpRequest::new(certorder::http::Method::Post, path.as_str())
                    .with_body("application/json", &b"{}"[..]),
            )
            .unwrap_or_else(|| panic!("{path} not recognised"));
        assert_eq!(op.name, name, "{path}");
        assert!(!matches!(op.target, Some(Target::Order(_))), "{path}");
    }
}
