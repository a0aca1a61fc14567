//! SSL247 API v3 adapter against the SSL247 API v3 reference: every example of the document
//! (tests/fixtures/providers/ssl247, copied verbatim), each built request, both envelopes,
//! the document's validation rules, recognition, authentication and the ordering flow.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

use std::collections::BTreeSet;

use serde_json::{Value, json};

use certorder::http::{Credentials, HttpRequest, HttpResponse, Method, Secret};
use certorder::order::{
    DcvChoice, DcvInstruction, DcvMethod, DcvStatus, OrderDraft, OrderHandle, OrderStatus, Quote,
    QuoteLine,
};
use certorder::product::{Money, Period, ProductKind, ValidationLevel};
use certorder::provider::ssl247::calls;
use certorder::provider::ssl247::envelope::Success;
use certorder::provider::ssl247::request::{
    AddonRequest, CompanyRequest, CompleteRequest, ContactsRequest, ImportRequest, OrderLine,
    OrderRequest, QuickOrderRequest,
};
use certorder::provider::ssl247::{
    CertificateStatus, DownloadType, DvAuthMethod, OrganisationCategory, Scalar, Ssl247,
    Ssl247Error, certificate::ContactDetails,
};
use certorder::provider::{
    Call, OperationClass, Provider, ProviderError, ProviderKind, Target, flow,
};

#[path = "support/ssl247.rs"]
mod ssl247_support;

#[path = "support/recognition.rs"]
mod recognition;

use certorder::domain::DomainName;
use recognition::Recognition;
use ssl247_support::{DIR, creds, fixture, fixture_json, ok, parsed, s, same_fields, sent};

/// A name as a draft holds it.
fn dn(name: &str) -> DomainName {
    DomainName::parse(name).expect("a valid name")
}

// ---------------------------------------------------------------------------------------
// The fixtures themselves.

#[test]
fn every_fixture_is_json_and_listed_in_the_readme() {
    let readme = fixture("README.md");
    let mut count = 0;
    for entry in std::fs::read_dir(DIR).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        if name.ends_with(".json") {
            count += 1;
            serde_json::from_str::<Value>(&fixture(&name))
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            assert!(
                readme.contains(&format!("`{name}`")),
                "{name} not in README"
            );
        }
    }
    assert_eq!(count, 87);
}

#[test]
fn every_request_example_carries_the_credential_fields() {
    for entry in std::fs::read_dir(DIR).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        if name.ends_with(".request.json") {
            let body = fixture_json(&name);
            for field in ["u", "p", "k"] {
                assert!(body.get(field).is_some(), "{name} lacks {field}");
            }
        }
    }
}

#[test]
fn success_envelope_fields() {
    let envelope: Success<Value> = serde_json::from_str(&fixture("account.response.json")).unwrap();
    assert_eq!(envelope.status_code, s("string"));
    assert_eq!(envelope.status_description, s("string"));
    assert_eq!(envelope.date, s("string"));
    assert_eq!(envelope.data["Account"]["account_code"], "string");
    assert_eq!(envelope.data["Account"]["Users"][0]["email"], "string");
}

// ---------------------------------------------------------------------------------------
// Errors: both envelopes.

#[test]
fn error_envelope_maps_to_a_typed_error_at_any_status() {
    for status in [200, 400, 401, 500] {
        let response = HttpResponse::new(status, fixture("error.response.json"));
        let err = calls::product_types().parse(&response).unwrap_err();
        assert_eq!(
            err,
            ProviderError::Ssl247(Ssl247Error::Api {
                code: "string".into(),
                message: "string".into(),
                date: Some("string".into()),
                http_status: status,
            })
        );
        assert_eq!(err.to_string(), "SSL247 error string: string");
    }
}

#[test]
fn error_envelope_keeps_code_and_message() {
    let body = json!({"Response": {"Error": {"Code": 1003, "Message": "Invalid API key"}, "Date": "2024-01-02"}});
    let err = calls::certificates()
        .parse(&HttpResponse::new(403, body.to_string()))
        .unwrap_err();
    let ProviderError::Ssl247(e) = err else {
        panic!("{err:?}")
    };
    assert_eq!(e.code(), Some("1003"));
    assert!(e.to_string().contains("Invalid API key"));
}

#[test]
fn failing_status_code_in_the_success_envelope() {
    let body =
        json!({"StatusCode": "404", "StatusDescription": "Not Found", "Date": "x", "Data": null});
    let err = calls::certificate("1")
        .unwrap()
        .parse(&HttpResponse::new(200, body.to_string()))
        .unwrap_err();
    assert_eq!(
        err,
        ProviderError::Ssl247(Ssl247Error::Status {
            status_code: "404".into(),
            description: "Not Found".into()
        })
    );
}

#[test]
fn non_json_error_and_wrong_shape() {
    let err = calls::orders()
        .parse(&HttpResponse::new(502, "<html>bad gateway</html>"))
        .unwrap_err();
    assert_eq!(err, ProviderError::UnexpectedStatus { status: 502 });
    let err = calls::orders()
        .parse(&HttpResponse::new(200, ""))
        .unwrap_err();
    assert!(matches!(err, ProviderError::Body(_)));
    let body = json!({"StatusCode": "200", "Data": {"Orders": "nope"}});
    let err = calls::orders()
        .parse(&HttpResponse::new(200, body.to_string()))
        .unwrap_err();
    assert!(
        matches!(err, ProviderError::UnexpectedResponse(_)),
        "{err:?}"
    );
}

// ---------------------------------------------------------------------------------------
// Catalog: requests and responses.

#[test]
fn product_types() {
    let call = calls::product_types();
    same_fields(&sent(&call, "/product-types"), "product-types");
    assert_eq!(call.class(), OperationClass::Catalog);
    let data = parsed(&call, "product-types");
    assert_eq!(data.product_type_list.len(), 1);
    assert_eq!(data.product_type_list[0].code, s("string"));
    assert_eq!(data.product_type_list[0].name, s("string"));
}

#[test]
fn products_by_type() {
    let call = calls::products("ssl").unwrap();
    same_fields(&sent(&call, "/products/ssl"), "products-product-type");
    let data = parsed(&call, "products-product-type");
    let p = &data.products.product[0];
    assert_eq!(
        (p.code.clone(), p.brand.clone(), p.name.clone()),
        (s("string"), s("string"), s("string"))
    );
    let price = &p.prices.price[0];
    assert_eq!(price.years, s("integer"));
    assert_eq!(price.value, s("integer"));
    assert_eq!(price.currency, s("string"));
}

#[test]
fn product_details() {
    let call = calls::product("com-ent-ssl-pro-wildcard").unwrap();
    same_fields(
        &sent(&call, "/product/com-ent-ssl-pro-wildcard"),
        "product-product-code",
    );
    let d = parsed(&call, "product-product-code");
    assert_eq!(d.name, s("string"));
    assert_eq!(d.code, s("string"));
    assert_eq!(d.url, s("string"));
    assert_eq!(d.brand, s("string"));
    assert_eq!(d.brand_id, s("string"));
    assert_eq!(d.sub_brand_id, s("string"));
    assert_eq!(d.product_requirements, Some(json!("object")));
    assert_eq!(d.product_addons, vec![json!("object")]);
    assert_eq!(d.product_prices[0].price, s("integer"));
    assert_eq!(d.product_prices[0].years, s("integer"));
    assert_eq!(d.product_prices[0].currency, s("string"));
    assert_eq!(d.product_detail.unwrap().description, s("string"));
    let addon = &d.product_addon_prices["{Addon Name}"].prices[0];
    assert_eq!(
        (
            addon.price.clone(),
            addon.years.clone(),
            addon.currency.clone()
        ),
        (s("integer"), s("integer"), s("string"))
    );
}

#[test]
fn product_requirements_addons_prices() {
    let call = calls::requirements("x").unwrap();
    same_fields(
        &sent(&call, "/product/x/requirements"),
        "product-product-code-requirements",
    );
    let r = parsed(&call, "product-product-code-requirements");
    assert_eq!(r.product_requirements, Some(json!("object")));
    assert!(r.names().is_empty());

    let call = calls::addons("x").unwrap();
    same_fields(
        &sent(&call, "/product/x/addons"),
        "product-product-code-addons",
    );
    assert_eq!(
        parsed(&call, "product-product-code-addons").product_addons,
        vec![json!("object")]
    );

    let call = calls::prices("x").unwrap();
    same_fields(
        &sent(&call, "/product/x/prices"),
        "product-product-code-prices",
    );
    let p = parsed(&call, "product-product-code-prices");
    assert_eq!(p.product_prices[0].price, s("integer"));
    assert_eq!(p.product_prices[0].years, s("integer"));
    assert_eq!(p.product_prices[0].currency, s("string"));
    assert_eq!(
        p.product_addon_prices["{Addon Name}"].prices[0].price,
        s("integer")
    );
}

#[test]
fn generic_lists_and_account_users() {
    let call = calls::country_list();
    same_fields(
        &sent(&call, "/generic/get-country-list"),
        "generic-get-country-list",
    );
    let list = parsed(&call, "generic-get-country-list");
    assert_eq!(list.0, json!("string"));
    assert_eq!(
        list.entries(),
        vec![("string".to_owned(), "string".to_owned())]
    );
    let call = calls::us_state_list();
    same_fields(
        &sent(&call, "/generic/get-us-state-list"),
        "generic-get-us-state-list",
    );
    assert_eq!(
        parsed(&call, "generic-get-us-state-list").0,
        json!("string")
    );
    let list: certorder::provider::ssl247::catalog::GenericList =
        serde_json::from_value(json!({"GB": "United Kingdom", "FR": "France"})).unwrap();
    assert!(
        list.entries()
            .contains(&("GB".into(), "United Kingdom".into()))
    );

    let call = calls::account_users();
    assert_eq!(call.class(), OperationClass::AccountWide);
    same_fields(&sent(&call, "/account/users"), "account-users");
    let users = parsed(&call, "account-users").users;
    assert_eq!(users.user[0].id, s("string"));
    assert_eq!(users.user[0].full_name, s("string"));
    assert_eq!(users.user[0].email, s("string"));
    let profile = &users.contact_profile[0];
    assert_eq!(profile.id, s("string"));
    assert_eq!(profile.full_name, s("string"));
    assert_eq!(profile.email, s("string"));
    assert_eq!(profile.tech, s("boolean"));
    assert_eq!(profile.admin, s("boolean"));
    assert_eq!(profile.billing, s("boolean"));
    assert_eq!(profile.tech.as_ref().unwrap().as_bool(), None);
}

// ---------------------------------------------------------------------------------------
// Look-ups and checks.

#[test]
fn approver_emails() {
    let call = calls::approver_emails("com-ent-ssl-pro-wildcard", "ssl247.co.uk").unwrap();
    assert_eq!(call.class(), OperationClass::Lookup);
    same_fields(
        &sent(
            &call,
            "/certificates/get-approver-email/com-ent-ssl-pro-wildcard/ssl247.co.uk",
        ),
        "certificates-get-approver-email-product-code-common-name",
    );
    let items = parsed(
        &call,
        "certificates-get-approver-email-product-code-common-name",
    );
    assert_eq!(items, vec![json!({"{email}": "string"})]);
}

#[test]
fn name_checks() {
    let call = calls::check_common_name("p", "*.ssl247.co.uk").unwrap();
    assert_eq!(call.class(), OperationClass::Check);
    same_fields(
        &sent(&call, "/certificates/check-common-name/p/*.ssl247.co.uk"),
        "certificates-check-common-name-product-code-common-name",
    );
    let c = parsed(
        &call,
        "certificates-check-common-name-product-code-common-name",
    );
    assert_eq!(
        (c.valid, c.kind, c.message, c.product_addon_id),
        (s("boolean"), s("string"), s("string"), None)
    );

    let call = calls::check_san("p", "ssl247.co.uk", "sub-domain.ssl247.co.uk").unwrap();
    same_fields(
        &sent(
            &call,
            "/certificates/check-san/p/ssl247.co.uk/sub-domain.ssl247.co.uk",
        ),
        "certificates-check-san-product-code-common-name-san",
    );
    let c = parsed(&call, "certificates-check-san-product-code-common-name-san");
    assert_eq!(c.valid, s("boolean"));
    assert_eq!(c.kind, s("string"));
    assert_eq!(c.product_addon_id, s("string"));
    assert_eq!(c.message, s("string"));
}

#[test]
fn path_segments_are_encoded() {
    let call = calls::product("a/b c").unwrap();
    assert_eq!(call.request().unwrap().path, "/product/a%2Fb%20c");
    assert_eq!(
        calls::product("").unwrap_err(),
        ProviderError::invalid("product-code", "is required")
    );
}

// ---------------------------------------------------------------------------------------
// Certificates.

fn check_contact(c: &ContactDetails) {
    for field in [
        &c.organisation,
        &c.title,
        &c.firstname,
        &c.lastname,
        &c.email,
        &c.phone,
        &c.address_1,
        &c.address_2,
        &c.city,
        &c.postcode,
        &c.region,
        &c.country,
    ] {
        assert_eq!(field, &s("string"));
    }
}

#[test]
fn certificate_lists() {
    let call = calls::certificates();
    same_fields(&sent(&call, "/certificates"), "certificates");
    let list = parsed(&call, "certificates");
    assert_eq!(
        (
            list[0].id.clone(),
            list[0].common_name.clone(),
            list[0].status.clone()
        ),
        (s("string"), s("string"), s("string"))
    );

    let call = calls::certificates_by_status(&CertificateStatus::Issued).unwrap();
    same_fields(&sent(&call, "/certificates/Issued"), "certificates-status");
    assert_eq!(parsed(&call, "certificates-status")[0].status, s("string"));
    let call = calls::certificates_by_status(&CertificateStatus::TemporaryCertificate).unwrap();
    assert_eq!(call.path(), "/certificates/TemporaryCertificate");

    let call = calls::order_certificates_by_status(&CertificateStatus::Deactivated).unwrap();
    same_fields(
        &sent(&call, "/orders/certificates/Deactivated"),
        "orders-certificates-status",
    );
    let c = &parsed(&call, "orders-certificates-status").certificate[0];
    assert_eq!(
        (
            c.order_id.clone(),
            c.order_ref.clone(),
            c.email_subscription.clone()
        ),
        (s("string"), s("string"), s("string"))
    );
    let d = &c.certificate_details;
    for field in [
        &d.id,
        &d.product_code,
        &d.product_name,
        &d.common_name,
        &d.approver_email,
        &d.licenses,
        &d.years,
        &d.remaining_reissues,
    ] {
        assert_eq!(field, &s("string"));
    }
    assert_eq!(d.addons.addon[0].kind, s("string"));
    assert_eq!(d.addons.addon[0].value, s("string"));
    assert_eq!(d.addons.addon[0].id, None);
    assert_eq!(d.status.code, s("string"));
    assert_eq!(d.status.description, s("string"));
    assert_eq!(c.dates.order, s("string"));
    assert_eq!(c.dates.expiry, s("string"));
    assert_eq!(c.contacts.company.category, s("string"));
    assert_eq!(c.contacts.company.organisation_legal_name, s("string"));
    assert_eq!(c.contacts.company.registration_number, s("string"));
    assert_eq!(c.contacts.company.duns, s("string"));
    check_contact(&c.contacts.administrative);
    check_contact(&c.contacts.technical);
}

#[test]
fn certificate_full() {
    let call = calls::certificate("123").unwrap();
    assert_eq!(call.class(), OperationClass::OrderRead);
    same_fields(&sent(&call, "/certificate/123"), "certificate-id");
    let full = parsed(&call, "certificate-id");
    assert_eq!(full.order_id, s("string"));
    assert_eq!(full.certificate_id, s("string"));
    assert_eq!(full.product_addon_id, s("string"));
    let d = &full.certificate_details;
    for field in [
        &d.product_code,
        &d.common_name,
        &d.approver_email,
        &d.dv_auth_method,
        &d.dns_auth_string,
        &d.file_auth_filename,
        &d.file_auth_contents,
        &d.general_auth_string,
        &d.licenses,
        &d.hash,
        &d.serial_number,
        &d.years,
        &d.remaining_reissues,
        &d.csr,
        &d.email_subscription,
        &d.vetting_data,
    ] {
        assert_eq!(field, &s("string"));
    }
    let addon = &d.addons.addon[0];
    assert_eq!(
        (
            addon.id.clone(),
            addon.kind.clone(),
            addon.value.clone(),
            addon.approver_email.clone()
        ),
        (s("string"), s("string"), s("string"), s("string"))
    );
    assert_eq!(d.status.code, s("string"));
    assert_eq!(d.status_minor.description, s("string"));
    assert_eq!(full.contacts.company.duns, s("string"));
    check_contact(&full.contacts.administrative);
    check_contact(&full.contacts.technical);
    assert_eq!(full.dates.issuance, s("string"));
    assert_eq!(full.dates.created, s("string"));
    assert_eq!(full.notes.note[0].note, s("string"));
    assert_eq!(full.notes.note[0].user, s("string"));
    assert_eq!(full.notes.note[0].date, s("string"));
    assert_eq!(full.vetting_data[0].status_type, s("string"));
    assert_eq!(full.vetting_data[0].status_text, s("string"));
    assert_eq!(full.vetting_data[0].created, s("string"));
    assert_eq!(full.status.description, s("string"));
    assert_eq!(full.product.name, s("string"));
    assert_eq!(full.product.code, s("string"));
    assert_eq!(full.product.brand.name, s("string"));
    // An unknown dv_auth_method and status word are kept.
    let state = certorder::provider::ssl247::map::state("123", &full);
    assert_eq!(state.status, OrderStatus::Unknown("string".into()));
    assert_eq!(
        state.validations[0].method,
        DcvMethod::Other("string".into())
    );
}

#[test]
fn downloads_of_every_type() {
    for kind in DownloadType::ALL {
        let call = calls::download("7", kind).unwrap();
        same_fields(
            &sent(&call, &format!("/certificate/7/{kind}")),
            "certificate-id-type",
        );
        let data = parsed(&call, "certificate-id-type");
        assert_eq!(data[0]["{type}"], Scalar::from("string"));
    }
    assert_eq!(
        ["x509", "pkcs7", "intermediate", "root", "bundle"]
            .map(|w| w.parse::<DownloadType>().unwrap()),
        DownloadType::ALL
    );
    assert!("der".parse::<DownloadType>().is_err());
}

#[test]
fn certificate_changes() {
    let call = calls::request_health_check("7").unwrap();
    assert_eq!(call.class(), OperationClass::OrderChange);
    same_fields(
        &sent(&call, "/certificate/7/request-health-check"),
        "certificate-id-request-health-check",
    );
    assert_eq!(
        parsed(&call, "certificate-id-request-health-check"),
        Scalar::from("string")
    );

    let call = calls::renew("7", "2").unwrap();
    assert_eq!(call.class(), OperationClass::Billable);
    let body = sent(&call, "/certificate/7/renew");
    assert_eq!(body["years"], "2");
    same_fields(&body, "certificate-original-certificate-id-renew");
    assert_eq!(
        parsed(&call, "certificate-original-certificate-id-renew").certificate_id,
        s("string")
    );

    let call = calls::reissue("7", "-----BEGIN CERTIFICATE REQUEST-----", Some("sha256")).unwrap();
    let body = sent(&call, "/certificate/7/reissue");
    assert_eq!(body["hash"], "sha256");
    same_fields(&body, "certificate-id-reissue");
    let r = parsed(&call, "certificate-id-reissue");
    assert_eq!((r.status, r.message), (s("string"), s("string")));

    for (call, path, name) in [
        (
            calls::cancel("7").unwrap(),
            "/certificate/7/cancel",
            "certificate-id-cancel",
        ),
        (
            calls::revoke("7").unwrap(),
            "/certificate/7/revoke",
            "certificate-id-revoke",
        ),
    ] {
        same_fields(&sent(&call, path), name);
        let r = &parsed(&call, name)[0];
        assert_eq!(
            (r.message.clone(), r.status.clone(), r.details.clone()),
            (s("string"), s("string"), s("string"))
        );
    }
}

#[test]
fn import_external() {
    let body = ImportRequest {
        common_name: "example.com".into(),
        admin_contact_id: "1".into(),
        tech_contact_id: "2".into(),
        internal_product: "3".into(),
        external_product: "4".into(),
        validation_type: "DV".into(),
    };
    let call = calls::import(&body).unwrap();
    same_fields(
        &sent(&call, "/orders/certificates/import"),
        "orders-certificates-import",
    );
    let r = &parsed(&call, "orders-certificates-import")[0];
    assert_eq!(r.certificate, Some(json!("object")));
    assert_eq!(r.certificate_addon, Some(json!("object")));
    assert_eq!(r.order, Some(json!("object")));
    let bad = ImportRequest {
        validation_type: "QV".into(),
        ..body
    };
    assert_eq!(
        calls::import(&bad).unwrap_err(),
        ProviderError::invalid("validation_type", "must be one of OV, EV, DV")
    );
}

#[test]
fn orders_and_order_details() {
    let call = calls::orders();
    same_fields(&sent(&call, "/orders"), "orders");
    let c = &parsed(&call, "orders").orders.certificate[0];
    assert_eq!(c.order_ref, s("string"));
    assert_eq!(c.certificate_details.addons.addon[0].id, s("string"));
    assert_eq!(
        c.certificate_details.addons.addon[0].approver_email,
        s("string")
    );
    check_contact(&c.contacts.technical);

    let call = calls::order_details("42").unwrap();
    assert_eq!(call.class(), OperationClass::OrderRead);
    same_fields(&sent(&call, "/orders/42"), "orders-order-id");
    let o = &parsed(&call, "orders-order-id").orders[0];
    assert_eq!(o.placed_with_api, s("string"));
    assert_eq!(o.email_subscription, s("string"));
    assert_eq!(o.payment_ref, s("string"));
    assert_eq!(o.invoice_id, s("string"));
    let c = &o.certificate;
    assert_eq!(
        (c.id.clone(), c.order_id.clone(), c.label.clone()),
        (s("string"), s("string"), s("string"))
    );
    let d = &c.certificate_details;
    for field in [
        &d.total,
        &d.quantity,
        &d.licenses,
        &d.years,
        &d.remaining_reissues,
    ] {
        assert_eq!(field, &s("integer (int32)"));
    }
    for field in [
        &d.product_code,
        &d.product_name,
        &d.common_name,
        &d.approver_email,
        &d.original_order_id,
        &d.csr,
        &d.x509,
        &d.pkcs7,
        &d.intermediate,
        &d.root,
    ] {
        assert_eq!(field, &s("string"));
    }
    assert_eq!(d.addons[0].total, s("string"));
    assert_eq!(d.addons[0].kind, s("string"));
    assert_eq!(d.status.code, s("string"));
}

// ---------------------------------------------------------------------------------------
// Ordering: requests, responses and the document's rules.

fn full_contact() -> ContactDetails {
    let v = s("x");
    ContactDetails {
        organisation: v.clone(),
        department: v.clone(),
        title: v.clone(),
        firstname: v.clone(),
        lastname: v.clone(),
        email: v.clone(),
        phone: v.clone(),
        address_1: v.clone(),
        address_2: v.clone(),
        city: v.clone(),
        postcode: v.clone(),
        region: v.clone(),
        country: v,
    }
}

fn full_contacts(department: bool) -> ContactsRequest {
    let contact = ContactDetails {
        department: if department { s("x") } else { None },
        ..full_contact()
    };
    ContactsRequest {
        company: Some(CompanyRequest {
            organisation_category: Some(OrganisationCategory::BusinessEntity),
            organisation_legal_name: Some("x".into()),
            organisation_registration_number: Some("x".into()),
            organisation_duns: Some("x".into()),
        }),
        administrative: Some(contact.clone()),
        technical: Some(contact),
    }
}

fn order_request() -> OrderRequest {
    OrderRequest {
        billing_contact_id: Some("9".into()),
        order: vec![OrderLine {
            product_code: "com-ent-ssl-pro-wildcard".into(),
            common_name: "*.example.com".into(),
            years: "1".into(),
            licenses: Some("1".into()),
            san: Some(1),
            sans: Some("a.example.com".into()),
            quantity: Some(1),
        }],
    }
}

fn complete_request() -> CompleteRequest {
    CompleteRequest {
        certificate_id: "77".into(),
        common_name: "example.com".into(),
        csr: "-----BEGIN CERTIFICATE REQUEST-----".into(),
        dv_auth_method: DvAuthMethod::Email,
        approver_email: Some("admin@example.com".into()),
        addon: vec![AddonRequest {
            id: Some("5".into()),
            value: "www.example.com".into(),
            approver_email: Some("admin@example.com".into()),
        }],
        contacts: Some(full_contacts(false)),
    }
}

fn quick_request() -> QuickOrderRequest {
    QuickOrderRequest {
        billing_contact_id: Some("9".into()),
        product_code: "p".into(),
        common_name: "example.com".into(),
        years: "2".into(),
        licenses: Some("1".into()),
        dv_auth_method: DvAuthMethod::Dns,
        approver_email: Some("admin@example.com".into()),
        csr: "-----BEGIN CERTIFICATE REQUEST-----".into(),
        addon: vec![AddonRequest {
            id: None,
            value: "www.example.com".into(),
            approver_email: Some("a@example.com".into()),
        }],
        contacts: Some(full_contacts(true)),
    }
}

#[test]
fn validate_request_and_response() {
    let call = calls::validate(&order_request()).unwrap();
    assert_eq!(call.class(), OperationClass::Quote);
    let body = sent(&call, "/order/certificate/validate");
    same_fields(&body, "order-certificate-validate");
    assert_eq!(body["order"][0]["years"], "1", "years is a string");
    assert_eq!(body["order"][0]["san"], 1, "san is an integer");
    assert_eq!(body["order"][0]["quantity"], 1);
    let v = parsed(&call, "order-certificate-validate");
    assert_eq!(v.valid, s("boolean"));
    assert!(!v.is_invalid());
    let line = &v.order_lines[0];
    for field in [
        &line.kind,
        &line.product_id,
        &line.product_type_id,
        &line.contract_id,
        &line.years,
        &line.quantity,
        &line.licenses,
        &line.code,
        &line.pre_discount_total,
        &line.total,
        &line.discount_amount,
        &line.discount,
        &line.discount_reason,
        &line.free,
        &line.label,
        &line.value,
        &line.original_certificate_id,
        &line.order_line_id,
    ] {
        assert_eq!(field, &s("string"));
    }
    assert_eq!(line.nextstep, s("integer"));
    let a = &line.addons[0];
    for field in [
        &a.index_link,
        &a.kind,
        &a.product_id,
        &a.product_type_id,
        &a.product_type_addon_id,
        &a.product_addon_id,
        &a.years,
        &a.quantity,
        &a.licenses,
        &a.code,
        &a.pre_discount_total,
        &a.total,
        &a.discount_amount,
        &a.discount,
        &a.discount_reason,
        &a.free,
        &a.label,
        &a.value,
        &a.order_line_id,
    ] {
        assert_eq!(field, &s("string"));
    }
}

#[test]
fn place_order_request_and_response() {
    let call = calls::place_order(&order_request()).unwrap();
    assert_eq!(call.class(), OperationClass::Billable);
    same_fields(
        &sent(&call, "/order/certificate/place-order"),
        "order-certificate-place-order",
    );
    let p = parsed(&call, "order-certificate-place-order");
    assert_eq!(p.order_ref, s("integer"));
    let o = &p.order[0];
    assert_eq!(
        (o.order_id.clone(), o.label.clone(), o.total.clone()),
        (s("string"), s("string"), s("integer"))
    );
    assert_eq!(o.certificate.id, s("string"));
    let i = &p.invoice;
    assert_eq!(
        (i.id.clone(), i.total.clone(), i.currency.clone()),
        (s("string"), s("integer"), s("string"))
    );
    assert_eq!(
        (i.invoice_ref.clone(), i.vat.clone()),
        (s("integer"), s("integer"))
    );
}

#[test]
fn complete_request_and_response() {
    let call = calls::complete(&complete_request()).unwrap();
    assert_eq!(call.class(), OperationClass::OrderChange);
    let body = sent(&call, "/order/certificate/complete");
    same_fields(&body, "order-certificate-complete");
    assert_eq!(body["dv_auth_method"], "email");
    assert_eq!(body["Contacts"]["Company"]["organisation_category"], "BE");
    let c = parsed(&call, "order-certificate-complete");
    assert_eq!(c.order_ref, s("integer"));
    assert_eq!(c.certificate[0].id, s("string"));
    assert_eq!(c.certificate[0].status, s("string"));
    let log = &c.certificate[0].logs[0];
    let keys: Vec<&str> = log.keys().map(String::as_str).collect();
    assert_eq!(keys.len(), 27);
    for key in [
        "id",
        "website_id",
        "account_id",
        "order_id",
        "certificate_id",
        "url",
        "admin",
        "error",
        "details",
        "ip_address",
        "source",
        "created",
    ] {
        assert_eq!(log[key], Scalar::from("string"), "{key}");
    }
}

#[test]
fn quick_order_request_and_response() {
    let call = calls::place_quick_order(&quick_request()).unwrap();
    assert_eq!(call.class(), OperationClass::Billable);
    let body = sent(&call, "/order/certificate/place-quick-order");
    same_fields(&body, "order-certificate-place-quick-order");
    assert_eq!(body["years"], "2");
    let q = parsed(&call, "order-certificate-place-quick-order");
    assert_eq!(q.order_ref, s("integer"));
    assert_eq!(q.certificate[0].id, s("string"));
}

#[test]
fn enum_words_round_trip_and_unknown_words_are_kept() {
    for (word, method) in [
        ("email", DvAuthMethod::Email),
        ("dns", DvAuthMethod::Dns),
        ("file", DvAuthMethod::File),
    ] {
        assert_eq!(serde_json::to_value(&method).unwrap(), word);
        assert_eq!(
            serde_json::from_value::<DvAuthMethod>(json!(word)).unwrap(),
            method
        );
    }
    assert_eq!(
        serde_json::from_value::<DvAuthMethod>(json!("http")).unwrap(),
        DvAuthMethod::Other("http".into())
    );
    for word in ["PO", "BE", "GE", "XX"] {
        let c: OrganisationCategory = serde_json::from_value(json!(word)).unwrap();
        assert_eq!(c.as_str(), word);
    }
    assert_eq!(
        CertificateStatus::from_word("issued"),
        CertificateStatus::Issued
    );
    assert_eq!(
        CertificateStatus::from_word("Frozen"),
        CertificateStatus::Other("Frozen".into())
    );
    assert_eq!(
        CertificateStatus::from_word("ReadyToReview").to_neutral(),
        OrderStatus::Processing
    );
    assert_eq!(
        CertificateStatus::Expiring.to_neutral(),
        OrderStatus::Issued
    );
    assert_eq!(
        CertificateStatus::Archived.to_neutral(),
        OrderStatus::Unknown("Archived".into())
    );
}

#[test]
fn validation_errors_name_the_field() {
    fn invalid(field: &str) -> impl Fn(ProviderError) + '_ {
        move |e: ProviderError| match e {
            ProviderError::InvalidInput { field: f, .. } => assert_eq!(f, field),
            other => panic!("{other:?}"),
        }
    }
    // dv_auth_method outside "email, dns, file".
    let body = CompleteRequest {
        dv_auth_method: DvAuthMethod::Other("http".into()),
        ..complete_request()
    };
    invalid("dv_auth_method")(calls::complete(&body).unwrap_err());
    // approver_email "required if the domain validation method is email".
    let body = CompleteRequest {
        approver_email: None,
        ..complete_request()
    };
    invalid("approver_email")(calls::complete(&body).unwrap_err());
    let mut body = complete_request();
    body.addon[0].approver_email = None;
    invalid("Addon[0].approver_email")(calls::complete(&body).unwrap_err());
    // organisation_category outside "PO, BE, GE".
    let mut body = complete_request();
    body.contacts
        .as_mut()
        .unwrap()
        .company
        .as_mut()
        .unwrap()
        .organisation_category = Some(OrganisationCategory::Other("XX".into()));
    invalid("Contacts.Company.organisation_category")(calls::complete(&body).unwrap_err());
    // Required fields.
    invalid("csr")(
        calls::complete(&CompleteRequest {
            csr: " ".into(),
            ..complete_request()
        })
        .unwrap_err(),
    );
    invalid("certificate_id")(
        calls::complete(&CompleteRequest {
            certificate_id: String::new(),
            ..complete_request()
        })
        .unwrap_err(),
    );
    invalid("common_name")(
        calls::place_quick_order(&QuickOrderRequest {
            common_name: String::new(),
            ..quick_request()
        })
        .unwrap_err(),
    );
    // Years: a whole positive number written as a string.
    for years in ["", "0", "one", "1.5", "-1"] {
        invalid("years")(
            calls::place_quick_order(&QuickOrderRequest {
                years: years.into(),
                ..quick_request()
            })
            .unwrap_err(),
        );
        invalid("years")(calls::renew("7", years).unwrap_err());
    }
    let mut body = order_request();
    body.order[0].years = "two".into();
    invalid("order[0].years")(calls::validate(&body).unwrap_err());
    body.order[0].years = "2".into();
    body.order[0].product_code = String::new();
    invalid("order[0].product_code")(calls::place_order(&body).unwrap_err());
    invalid("order")(calls::validate(&OrderRequest::default()).unwrap_err());
    invalid("status")(
        calls::certificates_by_status(&CertificateStatus::Other("x".into())).unwrap_err(),
    );
    invalid("new_csr")(calls::reissue("7", "", None).unwrap_err());
    // The DNS method needs no approver.
    calls::place_quick_order(&QuickOrderRequest {
        approver_email: None,
        ..quick_request()
    })
    .unwrap();
}

// ---------------------------------------------------------------------------------------
// Recognition and authentication.

/// Every documented operation: a path, the name it is recognised as, its class and the order
/// it acts on.
#[rustfmt::skip]
const OPERATIONS: &[(&str, &str, OperationClass, Option<&str>)] = {
    use OperationClass::*;
    &[
        ("/account", "POST /account", AccountWide, None),
        ("/account/users", "POST /account/users", AccountWide, None),
        ("/account/deposit", "POST /account/deposit", AccountWide, None),
        ("/account/monthly-allowance", "POST /account/monthly-allowance", AccountWide, None),
        ("/account/users/add", "POST /account/users/add", AccountWide, None),
        ("/account/user/3", "POST /account/user/{user-id}", AccountWide, None),
        ("/account/user/3/edit", "POST /account/user/{user-id}/edit", AccountWide, None),
        ("/account/contact-profile/add", "POST /account/contact-profile/add", AccountWide, None),
        ("/account/contact-profile/4", "POST /account/contact-profile/{profile-id}", AccountWide, None),
        ("/account/contact-profile/4/edit", "POST /account/contact-profile/{profile-id}/edit", AccountWide, None),
        ("/certificates", "POST /certificates", AccountWide, None),
        ("/certificates/Issued", "POST /certificates/{status}", AccountWide, None),
        ("/certificates/get-approver-email/p/example.com", "POST /certificates/get-approver-email/{product-code}/{common-name}", Lookup, None),
        ("/certificates/check-common-name/p/example.com", "POST /certificates/check-common-name/{product-code}/{common-name}", Check, None),
        ("/certificates/check-san/p/example.com/www.example.com", "POST /certificates/check-san/{product-code}/{common-name}/{san}", Check, None),
        ("/certificate/12", "POST /certificate/{id}", OrderRead, Some("12")),
        ("/certificate/12/x509", "POST /certificate/{id}/{type}", OrderRead, Some("12")),
        ("/certificate/12/bundle", "POST /certificate/{id}/{type}", OrderRead, Some("12")),
        ("/certificate/12/request-health-check", "POST /certificate/{id}/request-health-check", OrderChange, Some("12")),
        ("/certificate/12/renew", "POST /certificate/{original_certificate_id}/renew", Billable, Some("12")),
        ("/certificate/12/reissue", "POST /certificate/{id}/reissue", OrderChange, Some("12")),
        ("/certificate/12/cancel", "POST /certificate/{id}/cancel", OrderChange, Some("12")),
        ("/certificate/12/revoke", "POST /certificate/{id}/revoke", OrderChange, Some("12")),
        ("/orders/certificates/import", "POST /orders/certificates/import", AccountWide, None),
        ("/orders/certificates/Pending", "POST /orders/certificates/{status}", AccountWide, None),
        ("/order/certificate/validate", "POST /order/certificate/validate", Quote, None),
        ("/order/certificate/place-order", "POST /order/certificate/place-order", Billable, None),
        ("/order/certificate/place-quick-order", "POST /order/certificate/place-quick-order", Billable, None),
        ("/product-types", "POST /product-types", Catalog, None),
        ("/products/ssl", "POST /products/{product-type}", Catalog, None),
        ("/product/p", "POST /product/{product-code}", Catalog, None),
        ("/product/p/requirements", "POST /product/{product-code}/requirements", Catalog, None),
        ("/product/p/addons", "POST /product/{product-code}/addons", Catalog, None),
        ("/product/p/prices", "POST /product/{product-code}/prices", Catalog, None),
        ("/orders", "POST /orders", AccountWide, None),
        ("/orders/invoice/5/download", "POST /orders/invoice/{invoice-id}/{download}", AccountWide, None),
        ("/orders/42", "POST /orders/{order-id}", OrderRead, Some("42")),
        ("/generic/get-country-list", "POST /generic/get-country-list", Catalog, None),
        ("/generic/get-user-titles", "POST /generic/get-user-titles", Catalog, None),
        ("/generic/get-us-state-list", "POST /generic/get-us-state-list", Catalog, None),
        ("/generic/get-internal-product-list", "POST /generic/get-internal-product-list", Catalog, None),
        ("/generic/get-external-product-list", "POST /generic/get-external-product-list", Catalog, None),
        ("/generic/get-websites-list", "POST /generic/get-websites-list", Catalog, None),
    ]
};

// Guards: every documented path is recognised with its name, class and target; every row
// that fails is reported, not only the first.
#[test]
fn recognise_every_operation() {
    let mut names = BTreeSet::new();
    let mut failures = Vec::new();
    for &(path, name, class, order) in OPERATIONS {
        let target = order.map(|id| Target::Order(id.into()));
        match Ssl247.recognise(&recognition::forwarded(Method::Post, path, b"{}")) {
            Some(op)
                if (op.provider, op.name, op.class, &op.target)
                    == (ProviderKind::Ssl247, name, class, &target) =>
            {
                names.insert(op.name);
            }
            other => failures.push(format!(
                "{path}: expected {name} ({class:?}, {target:?}), got {other:?}"
            )),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert_eq!(names.len(), 42);
}

// Guards: `complete` names its order in the body, and is not recognised without one.
#[test]
fn recognise_complete_by_the_order_in_its_body() {
    let op = Ssl247
        .recognise(&recognition::forwarded(
            Method::Post,
            "/order/certificate/complete",
            br#"{"certificate_id":"77"}"#,
        ))
        .unwrap();
    assert_eq!(
        (op.class, op.target),
        (
            OperationClass::OrderChange,
            Some(Target::Order("77".into()))
        )
    );
    assert!(
        Ssl247
            .recognise(&recognition::forwarded(
                Method::Post,
                "/order/certificate/complete",
                b"{}"
            ))
            .is_none()
    );
}

// Guards: a trailing slash is tolerated.
#[test]
fn recognise_tolerates_a_trailing_slash() {
    assert_eq!(
        Ssl247
            .recognise(&recognition::forwarded(Method::Post, "/orders/", b""))
            .unwrap()
            .name,
        "POST /orders"
    );
}

#[test]
fn recognise_refuses_everything_else() {
    for path in [
        "/",
        "",
        "/account/x/y/z",
        "/certificate/12/der",
        "/certificate/12/x509/more",
        "/certificate//x509",
        "/products",
        "/product/p/other",
        "/generic/get-anything",
        "/api/v3/account",
        "account",
        "/order/certificate/delete",
        "/v5/certificate/issued-certs",
        "/orders/invoice/5",
        "/certificates/check-san/p/cn",
    ] {
        assert!(
            Ssl247
                .recognise(&recognition::forwarded(Method::Post, path, b"{}"))
                .is_none(),
            "{path}"
        );
    }
    for method in [Method::Get, Method::Put, Method::Patch, Method::Delete] {
        assert!(
            Ssl247
                .recognise(&recognition::forwarded(method, "/account", b"{}"))
                .is_none()
        );
    }
}

#[test]
fn authenticate_puts_u_p_k_in_the_body() {
    // POST /account: the request example with the document's own credential values.
    let mut request = HttpRequest::new(Method::Post, "/account");
    Ssl247.authenticate(&mut request, &creds()).unwrap();
    assert_eq!(
        request.json::<Value>().unwrap(),
        fixture_json("account.request.json")
    );
    assert_eq!(request.header("content-type"), Some("application/json"));
    // A forwarded body keeps its fields; any credentials in it are replaced.
    let mut request = HttpRequest::new(Method::Post, "/certificate/1/renew")
        .with_json(&json!({"years": "1", "u": "someone@else", "k": "stolen"}))
        .unwrap();
    let api_user = Credentials::Ssl247 {
        user: "api@example.com".into(),
        password: None,
        key: Secret::new("K"),
    };
    Ssl247.authenticate(&mut request, &api_user).unwrap();
    assert_eq!(
        request.json::<Value>().unwrap(),
        json!({"years": "1", "u": "api@example.com", "k": "K"})
    );
    // Secrets never show in Debug.
    let shown = format!("{request:?} {:?}", creds());
    assert!(
        !shown.contains("secret_key")
            && !shown.contains("SecretPassword")
            && !shown.contains("\"K\"")
    );
}

#[test]
fn authenticate_refuses_other_credentials_and_bad_bodies() {
    let mut request = HttpRequest::new(Method::Post, "/account");
    let err = Ssl247
        .authenticate(
            &mut request,
            &Credentials::Bearer {
                token: Secret::new("t"),
            },
        )
        .unwrap_err();
    assert!(matches!(
        err,
        ProviderError::WrongCredentials {
            provider: ProviderKind::Ssl247,
            ..
        }
    ));
    let mut request =
        HttpRequest::new(Method::Post, "/account").with_body("application/json", "[1]");
    let err = Ssl247.authenticate(&mut request, &creds()).unwrap_err();
    assert_eq!(err, ProviderError::invalid("body", "not a JSON object"));
    assert!(!err.to_string().contains("secret"));
}

#[test]
fn capabilities() {
    let caps = Ssl247.capabilities();
    assert!(
        caps.approver_lookup
            && caps.quotes
            && caps.dry_run
            && caps.reissue
            && caps.renew
            && caps.cancel
            && caps.revoke
    );
    assert!(!caps.change_dcv && !caps.resend_dcv);
    assert_eq!(
        caps.dcv.for_name("*.example.com"),
        &[DcvMethod::Email, DcvMethod::Dns]
    );
    assert_eq!(caps.period_unit, certorder::product::PeriodUnit::Years);
    assert_eq!(Ssl247.kind(), ProviderKind::Ssl247);
}

// ---------------------------------------------------------------------------------------
// Flows over a fake transport.

type Sent = Vec<(String, OperationClass, Value)>;

/// Runs a flow; each request is authenticated, recorded and answered by `answer(path)`.
fn run<T>(
    flow: certorder::provider::Flow<T>,
    answer: impl Fn(&str) -> HttpResponse,
) -> (Result<T, flow::RunError<String>>, Sent) {
    let mut sent = Vec::new();
    let result = flow::run_sync(flow, |mut request, class| {
        Ssl247
            .authenticate(&mut request, &creds())
            .map_err(|e| e.to_string())?;
        let body: Value = request.json().map_err(|e| e.to_string())?;
        sent.push((request.path.clone(), class, body));
        Ok(answer(&request.path))
    });
    (result, sent)
}

fn draft() -> OrderDraft {
    OrderDraft {
        product: "com-ent-ssl-pro".into(),
        period: Some(Period::years(2)),
        csr: Some(
            "-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----".into(),
        ),
        common_name: Some(dn("acme-widgets.com")),
        sans: vec![dn("www.acme-widgets.com")],
        dcv: vec![DcvChoice {
            name: None,
            method: DcvMethod::Email,
            approver: Some("admin@example.com".into()),
        }],
        // What the document's validate example prices: its totals are "string", so nothing.
        accepted_quote: Some(Quote {
            product: "com-ent-ssl-pro".into(),
            period: Some(Period::years(2)),
            total: Money::new(0, None),
            lines: Vec::new(),
        }),
        ..OrderDraft::default()
    }
}

/// A draft whose accepted quote is the realistic validate answer: 100.00 + 20.50.
fn priced_draft() -> OrderDraft {
    let line = |description: &str, minor| QuoteLine {
        description: description.into(),
        quantity: 1,
        amount: Money::new(minor, None),
    };
    OrderDraft {
        accepted_quote: Some(Quote {
            product: "com-ent-ssl-pro".into(),
            period: Some(Period::years(2)),
            total: Money::new(12050, None),
            lines: vec![line("SSL", 10000), line("SAN", 2050)],
        }),
        ..draft()
    }
}

#[test]
fn create_order_runs_validate_place_order_complete_on_the_document_examples() {
    let flow = Ssl247.create_order(&draft()).unwrap();
    let (result, sent) = run(flow, |path| {
        ok(match path {
            "/order/certificate/validate" => "order-certificate-validate.response.json",
            "/order/certificate/place-order" => "order-certificate-place-order.response.json",
            "/order/certificate/complete" => "order-certificate-complete.response.json",
            other => panic!("unexpected {other}"),
        })
    });
    let state = result.unwrap();
    let steps: Vec<_> = sent.iter().map(|(p, c, _)| (p.as_str(), *c)).collect();
    assert_eq!(
        steps,
        [
            ("/order/certificate/validate", OperationClass::Quote),
            ("/order/certificate/place-order", OperationClass::Billable),
            ("/order/certificate/complete", OperationClass::OrderChange),
        ]
    );
    // validate and place-order carry the same order; years as a string.
    assert_eq!(sent[0].2, sent[1].2);
    assert_eq!(sent[0].2["order"][0]["years"], "2");
    assert_eq!(sent[0].2["order"][0]["sans"], "www.acme-widgets.com");
    assert_eq!(sent[0].2["u"], "api@example.com");
    // complete takes the certificate id place-order returned ("string" in the document).
    let complete = &sent[2].2;
    assert_eq!(complete["certificate_id"], "string");
    assert_eq!(complete["dv_auth_method"], "email");
    assert_eq!(complete["approver_email"], "admin@example.com");
    assert_eq!(complete["Addon"][0]["value"], "www.acme-widgets.com");
    // The validate example's addon value is "string", not this name: no id is invented.
    assert!(complete["Addon"][0].get("id").is_none());
    assert_eq!(
        state.handle,
        OrderHandle::new(ProviderKind::Ssl247, "string")
    );
    assert_eq!(state.status, OrderStatus::Unknown("string".into()));
    assert_eq!(state.names, ["acme-widgets.com", "www.acme-widgets.com"]);
}

#[test]
fn create_order_with_realistic_answers() {
    let flow = Ssl247.create_order(&priced_draft()).unwrap();
    let (result, sent) = run(flow, |path| {
        let data = match path {
            "/order/certificate/validate" => {
                json!({"Valid": true, "OrderLines": [{"label": "SSL", "total": "100.00", "quantity": "1",
                "addons": [{"value": "www.acme-widgets.com", "product_addon_id": "555", "total": "20.5", "label": "SAN"}]}]})
            }
            "/order/certificate/place-order" => {
                json!({"order_ref": 9001, "Order": [{"order_id": "31", "total": 120, "Certificate": {"id": "4711"}}]})
            }
            "/order/certificate/complete" => {
                json!({"order_ref": 9001, "Certificate": [{"id": "4711", "status": "Pending", "logs": []}]})
            }
            other => panic!("unexpected {other}"),
        };
        HttpResponse::new(200, json!({"StatusCode": "200", "StatusDescription": "OK", "Date": "2024-05-01", "Data": data}).to_string())
    });
    let state = result.unwrap();
    assert_eq!(sent[2].2["certificate_id"], "4711");
    assert_eq!(sent[2].2["Addon"][0]["id"], "555");
    assert_eq!(state.handle.id, "4711");
    assert_eq!(state.status, OrderStatus::Pending);
    assert_eq!(state.provider_status, "Pending");
}

#[test]
fn create_order_stops_when_validate_says_invalid_or_errors() {
    let (result, sent) = run(Ssl247.create_order(&draft()).unwrap(), |_| {
        HttpResponse::new(
            200,
            json!({"StatusCode": "200", "Data": {"Valid": false, "OrderLines": []}}).to_string(),
        )
    });
    assert!(matches!(
        result,
        Err(flow::RunError::Provider(ProviderError::Ssl247(
            Ssl247Error::OrderInvalid
        )))
    ));
    assert_eq!(sent.len(), 1, "nothing charged");
    let (result, sent) = run(Ssl247.create_order(&draft()).unwrap(), |path| {
        if path.ends_with("place-order") {
            HttpResponse::new(402, fixture("error.response.json"))
        } else {
            ok("order-certificate-validate.response.json")
        }
    });
    assert!(matches!(
        result,
        Err(flow::RunError::Provider(ProviderError::Ssl247(
            Ssl247Error::Api {
                http_status: 402,
                ..
            }
        )))
    ));
    assert_eq!(sent.len(), 2);
}

#[test]
fn create_order_checks_the_draft_before_sending() {
    let no_approver = OrderDraft {
        dcv: vec![DcvChoice::all(DcvMethod::Email)],
        ..draft()
    };
    assert!(
        matches!(Ssl247.create_order(&no_approver).err().unwrap(), ProviderError::InvalidInput { field, .. } if field == "approver_email")
    );
    let months = OrderDraft {
        period: Some(Period::months(18)),
        ..draft()
    };
    assert!(
        matches!(Ssl247.create_order(&months).err().unwrap(), ProviderError::InvalidInput { field, .. } if field == "years")
    );
    let automatic = OrderDraft {
        dcv: vec![DcvChoice::all(DcvMethod::Automatic)],
        ..draft()
    };
    assert!(
        matches!(Ssl247.create_order(&automatic).err().unwrap(), ProviderError::InvalidInput { field, .. } if field == "dv_auth_method")
    );
    let no_csr = OrderDraft {
        csr: None,
        ..draft()
    };
    assert!(
        matches!(Ssl247.create_order(&no_csr).err().unwrap(), ProviderError::InvalidInput { field, .. } if field == "csr")
    );
    let yearly = OrderDraft {
        period: Some(Period::months(24)),
        ..draft()
    };
    assert!(Ssl247.create_order(&yearly).is_ok());
}

#[test]
fn quick_order_flow() {
    // validate prices the order first, then one charging call.
    let (result, sent) = run(Ssl247.quick_order(&draft()).unwrap(), |path| {
        ok(match path {
            "/order/certificate/validate" => "order-certificate-validate.response.json",
            _ => "order-certificate-place-quick-order.response.json",
        })
    });
    assert_eq!(result.unwrap().handle.id, "string");
    assert_eq!(sent[0].0, "/order/certificate/validate");
    assert_eq!(sent[1].0, "/order/certificate/place-quick-order");
    assert_eq!(sent[1].1, OperationClass::Billable);
    assert_eq!(sent[1].2["years"], "2");
    assert_eq!(
        sent[1].2["Addon"][0],
        json!({"value": "www.acme-widgets.com", "approver_email": "admin@example.com"})
    );
}

#[test]
fn quote_from_validate() {
    let (result, _) = run(Ssl247.quote(&draft()).unwrap(), |_| {
        HttpResponse::new(
            200,
            json!({"Data": {"Valid": "true", "OrderLines": [{"label": "SSL", "total": "100.00",
            "addons": [{"label": "SAN", "total": 20.5, "quantity": 2}]}]}})
            .to_string(),
        )
    });
    let quote = result.unwrap();
    assert_eq!(quote.total.minor, 12_050);
    assert_eq!(quote.lines.len(), 2);
    assert_eq!(quote.lines[1].quantity, 2);
    let (result, _) = run(Ssl247.quote(&draft()).unwrap(), |_| {
        ok("order-certificate-validate.response.json")
    });
    assert_eq!(
        result.unwrap().total.minor,
        0,
        "placeholder totals are not amounts"
    );
}

#[test]
fn products_walk_every_type() {
    let (result, sent) = run(Ssl247.products().unwrap(), |path| {
        match path {
        "/product-types" => HttpResponse::new(200, json!({"Data": {"ProductTypeList": [{"code": "dv", "name": "DV SSL"}, {"code": "ev", "name": "EV SSL"}]}}).to_string()),
        "/products/dv" => HttpResponse::new(200, json!({"Data": {"Products": {"Product": [
            {"code": "sectigo-dv-wildcard", "brand": "Sectigo", "name": "PositiveSSL Wildcard",
             "Prices": {"Price": [{"years": 2, "value": 150, "currency": "GBP"}, {"years": 1, "value": "80.50", "currency": "GBP"}]}}]}}}).to_string()),
        "/products/ev" => ok("products-product-type.response.json"),
        other => panic!("unexpected {other}"),
    }
    });
    let products = result.unwrap();
    assert_eq!(
        sent.iter().map(|s| s.0.as_str()).collect::<Vec<_>>(),
        ["/product-types", "/products/dv", "/products/ev"]
    );
    assert!(sent.iter().all(|s| s.1 == OperationClass::Catalog));
    assert_eq!(products.len(), 2);
    let p = &products[0];
    assert_eq!(
        (p.id.as_str(), p.brand.as_deref()),
        ("sectigo-dv-wildcard", Some("Sectigo"))
    );
    assert_eq!(p.kind, ProductKind::Wildcard);
    assert_eq!(p.validation, ValidationLevel::Dv);
    assert_eq!(p.periods, [Period::years(1), Period::years(2)]);
    assert_eq!(p.price.as_ref().unwrap().minor, 8050);
    assert!(!p.dcv_methods.contains(&DcvMethod::Http));
    assert_eq!(products[1].id, "string");
    assert_eq!(products[1].validation, ValidationLevel::Ev);
    assert!(
        products[1].periods.is_empty(),
        "\"integer\" is not a number of years"
    );
}

#[test]
fn approvers_strip_the_wildcard() {
    let (result, sent) = run(Ssl247.approvers("p", "*.example.com").unwrap(), |_| {
        HttpResponse::new(200, json!({"Data": [{"admin@example.com": "admin@example.com"}, {"email": "webmaster@example.com"}, "postmaster@example.com"]}).to_string())
    });
    assert_eq!(sent[0].0, "/certificates/get-approver-email/p/example.com");
    let emails = result.unwrap();
    assert_eq!(emails.name, "example.com");
    assert_eq!(
        emails.emails,
        [
            "admin@example.com",
            "webmaster@example.com",
            "postmaster@example.com"
        ]
    );
    let (result, _) = run(Ssl247.approvers("p", "example.com").unwrap(), |_| {
        ok("certificates-get-approver-email-product-code-common-name.response.json")
    });
    assert!(
        result.unwrap().emails.is_empty(),
        "the document's placeholder holds no address"
    );
}

fn full_certificate(method: &str) -> HttpResponse {
    HttpResponse::new(200, json!({"StatusCode": "200", "Data": {
        "certificate_id": "4711",
        "CertificateDetails": {
            "product_code": "p", "common_name": "*.example.com", "approver_email": "admin@example.com",
            "dv_auth_method": method, "dns_auth_string": "_abc.example.com. CNAME x.y.sectigo.com.",
            "file_auth_filename": "ABC.txt", "file_auth_contents": "hash\nsectigo.com\n",
            "csr": "CSR", "Addons": {"Addon": [{"id": "1", "type": "SAN", "value": "www.example.org", "approver_email": "admin@example.org"}]},
            "Status": {"code": "3", "description": "Pending"}
        },
        "Dates": {"issuance": "2024-01-01", "expiry": "2025-01-01"}
    }}).to_string())
}

#[test]
fn order_state_and_dcv() {
    let handle = OrderHandle::new(ProviderKind::Ssl247, "4711");
    let (result, sent) = run(Ssl247.order(&handle).unwrap(), |_| {
        full_certificate("email")
    });
    let state = result.unwrap();
    assert_eq!(sent[0].0, "/certificate/4711");
    assert_eq!(state.status, OrderStatus::Pending);
    assert_eq!(state.names, ["*.example.com", "www.example.org"]);
    assert_eq!(state.not_after.as_deref(), Some("2025-01-01"));
    assert_eq!(
        state.validations[1].instruction,
        Some(DcvInstruction::Email {
            approver: "admin@example.org".into()
        })
    );
    assert_eq!(state.validations[0].status, DcvStatus::Pending);

    let (result, _) = run(Ssl247.dcv(&state).unwrap(), |_| full_certificate("dns"));
    let dns = result.unwrap();
    assert_eq!(dns[0].method, DcvMethod::Dns);
    assert!(
        matches!(&dns[0].instruction, Some(DcvInstruction::Dns(r)) if r.name == "_abc.example.com." && r.value == "x.y.sectigo.com.")
    );

    let (result, _) = run(Ssl247.dcv(&state).unwrap(), |_| full_certificate("file"));
    let file = result.unwrap();
    assert_eq!(
        file[1].instruction,
        Some(DcvInstruction::File {
            url: "http://www.example.org/.well-known/pki-validation/ABC.txt".into(),
            content: "hash\nsectigo.com\n".into()
        })
    );
}

#[test]
fn download_leaf_then_intermediate() {
    let leaf = "-----BEGIN CERTIFICATE-----\nLEAF\n-----END CERTIFICATE-----";
    let chain = "-----BEGIN CERTIFICATE-----\nI1\n-----END CERTIFICATE-----\n-----BEGIN CERTIFICATE-----\nI2\n-----END CERTIFICATE-----\n";
    let handle = OrderHandle::new(ProviderKind::Ssl247, "4711");
    let (result, sent) = run(Ssl247.download(&handle).unwrap(), |path| {
        let data = if path.ends_with("/x509") {
            json!([{"x509": leaf}])
        } else {
            json!([{"intermediate": chain}])
        };
        HttpResponse::new(200, json!({"StatusCode": "200", "Data": data}).to_string())
    });
    let cert = result.unwrap();
    assert_eq!(
        sent.iter().map(|s| s.0.as_str()).collect::<Vec<_>>(),
        ["/certificate/4711/x509", "/certificate/4711/intermediate"]
    );
    assert!(sent.iter().all(|s| s.1 == OperationClass::OrderRead));
    assert_eq!(cert.pem, format!("{leaf}\n"));
    assert_eq!(cert.chain.len(), 2);
    assert!(cert.chain[1].contains("I2"));
}

#[test]
fn revoke_and_unsupported_operations() {
    let handle = OrderHandle::new(ProviderKind::Ssl247, "4711");
    let (result, sent) = run(Ssl247.revoke(&handle).unwrap(), |_| {
        ok("certificate-id-revoke.response.json")
    });
    result.unwrap();
    assert_eq!(
        (sent[0].0.as_str(), sent[0].1),
        ("/certificate/4711/revoke", OperationClass::OrderChange)
    );
    assert!(matches!(
        Ssl247.resend_dcv(&handle).err().unwrap(),
        ProviderError::Unsupported { .. }
    ));
    assert!(matches!(
        Ssl247
            .change_dcv(&handle, &DcvChoice::all(DcvMethod::Dns))
            .err()
            .unwrap(),
        ProviderError::Unsupported { .. }
    ));
}

// Guards: every call constructor's request is recognised as that call, with its class.
#[test]
fn every_call_is_recognised_as_itself() {
    use certorder::provider::ssl247::account::{ContactProfileInput, UserInput};
    let user = UserInput {
        password: Some(Secret::new("x")),
        ..UserInput::default()
    };
    let profile = ContactProfileInput::default();
    let import = ImportRequest {
        common_name: "example.com".into(),
        admin_contact_id: "1".into(),
        tech_contact_id: "2".into(),
        internal_product: "3".into(),
        external_product: "4".into(),
        validation_type: "DV".into(),
    };
    let mut rows = Recognition::new(&Ssl247);
    rows.check("product_types", calls::product_types());
    rows.check("products", calls::products("ssl"));
    rows.check("product", calls::product("p"));
    rows.check("requirements", calls::requirements("p"));
    rows.check("addons", calls::addons("p"));
    rows.check("prices", calls::prices("p"));
    rows.check(
        "approver_emails",
        calls::approver_emails("p", "example.com"),
    );
    rows.check(
        "check_common_name",
        calls::check_common_name("p", "*.example.com"),
    );
    rows.check(
        "check_san",
        calls::check_san("p", "example.com", "www.example.com"),
    );
    rows.check("validate", calls::validate(&order_request()));
    rows.check("place_order", calls::place_order(&order_request()));
    rows.check("complete", calls::complete(&complete_request()));
    rows.check(
        "place_quick_order",
        calls::place_quick_order(&quick_request()),
    );
    rows.check("account", calls::account());
    rows.check("account_users", calls::account_users());
    rows.check("deposit", calls::deposit());
    rows.check("monthly_allowance", calls::monthly_allowance());
    rows.check("user", calls::user("5"));
    rows.check("add_user", calls::add_user(&user));
    rows.check("edit_user", calls::edit_user("5", &UserInput::default()));
    rows.check("contact_profile", calls::contact_profile("7"));
    rows.check("add_contact_profile", calls::add_contact_profile(&profile));
    rows.check(
        "edit_contact_profile",
        calls::edit_contact_profile("7", &profile),
    );
    rows.check("invoice", calls::invoice("1", "pdf"));
    rows.check("certificates", calls::certificates());
    rows.check(
        "certificates_by_status",
        calls::certificates_by_status(&CertificateStatus::Issued),
    );
    rows.check("certificate", calls::certificate("12"));
    for kind in [
        DownloadType::X509,
        DownloadType::Pkcs7,
        DownloadType::Intermediate,
        DownloadType::Root,
        DownloadType::Bundle,
    ] {
        rows.check(&format!("download {kind:?}"), calls::download("12", kind));
    }
    rows.check("request_health_check", calls::request_health_check("12"));
    rows.check("renew", calls::renew("12", "1"));
    rows.check("reissue", calls::reissue("12", "CSR", None));
    rows.check("cancel", calls::cancel("12"));
    rows.check("revoke", calls::revoke("12"));
    rows.check(
        "order_certificates_by_status",
        calls::order_certificates_by_status(&CertificateStatus::Issued),
    );
    rows.check("import", calls::import(&import));
    rows.check("orders", calls::orders());
    rows.check("order_details", calls::order_details("42"));
    rows.check("country_list", calls::country_list());
    rows.check("us_state_list", calls::us_state_list());
    rows.check("user_titles", calls::user_titles());
    rows.check("internal_products", calls::internal_products());
    rows.check("external_products", calls::external_products());
    rows.check("websites", calls::websites());
    rows.finish(47);
}
