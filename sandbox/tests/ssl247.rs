//! The SSL247 simulator: the adapter's flows against it (product types → products →
//! approvers → validate (quote) → place-order → complete → details → complete-dcv → issued →
//! downloads → reissue, renew, cancel, revoke), its answers against the reference's examples,
//! its errors and auth.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

#[path = "support/drive.rs"]
mod drive;

use drive::Open as _;
#[path = "support/pki.rs"]
mod pki;

use certorder::domain::DomainName;
use certorder::http::{HttpRequest, Method};
use certorder::order::{
    Contact, DcvChoice, DcvInstruction, DcvMethod, OrderDraft, OrderStatus, Organization,
};
use certorder::product::Period;
use certorder::provider::flow::single;
use certorder::provider::ssl247::{Ssl247, calls as cert_calls};
use certorder::provider::{Provider, ProviderError, ProviderKind};
use certorder_sandbox::{Reply, Sandbox, SandboxSettings};
use serde_json::{Value, json};

/// A name as a draft holds it.
fn dn(name: &str) -> DomainName {
    DomainName::parse(name).expect("a valid name")
}

macro_rules! fixture {
    ($name:literal) => {
        serde_json::from_str::<Value>(include_str!(concat!(
            "../../tests/fixtures/providers/ssl247/",
            $name
        )))
        .unwrap()
    };
}

const NAMES: [&str; 4] = [
    "example.co.uk",
    "www.example.co.uk",
    "shop.example.co.uk",
    "mail.example.co.uk",
];

fn draft(csr: &str, method: DcvMethod) -> OrderDraft {
    OrderDraft {
        product: "positivessl-multi-domain".into(),
        period: Some(Period::years(2)),
        csr: Some(csr.into()),
        common_name: Some(dn(NAMES[0])),
        sans: NAMES[1..].iter().copied().map(dn).collect(),
        dcv: vec![DcvChoice {
            name: None,
            method,
            approver: Some("admin@example.co.uk".into()),
        }],
        ..OrderDraft::default()
    }
}

fn body_json(r: &certorder::http::HttpResponse) -> Value {
    serde_json::from_slice(&r.body).unwrap()
}

fn post(sandbox: &Sandbox, path: &str, body: Value) -> certorder::http::HttpResponse {
    drive::respond(
        sandbox,
        &Ssl247,
        HttpRequest::new(Method::Post, path)
            .with_json(&body)
            .unwrap(),
    )
}

// Guards: the ordering flow through the adapter, a real certificate, and its life after.
#[test]
fn adapter_flow_from_catalog_to_revocation() {
    let sandbox = Sandbox::new(SandboxSettings::default()).unwrap();
    let ssl = Ssl247;
    let products = drive::ok(&sandbox, &ssl, ssl.products().unwrap());
    assert_eq!(products.len(), 7);
    drive::every_level_and_kind(&products);
    let multi = products
        .iter()
        .find(|p| p.id == "positivessl-multi-domain")
        .unwrap();
    assert_eq!(
        multi.price.as_ref().map(|m| (m.minor, m.currency.clone())),
        Some((4_900, Some("GBP".into())))
    );

    let approvers = drive::ok(
        &sandbox,
        &ssl,
        ssl.approvers("positivessl-wildcard", "*.shop.example.co.uk")
            .unwrap(),
    );
    assert_eq!(approvers.name, "shop.example.co.uk");
    assert!(
        approvers
            .emails
            .contains(&"admin@shop.example.co.uk".to_owned())
    );
    assert!(
        approvers
            .emails
            .contains(&"hostmaster@example.co.uk".to_owned())
    );

    let (csr, spki) = pki::csr(&NAMES);
    let quote = drive::ok(
        &sandbox,
        &ssl,
        ssl.quote(&draft(&csr, DcvMethod::Dns)).unwrap(),
    );
    // Two years: 95 for the certificate with two SANs included, 2 × 15 for the third SAN.
    assert_eq!(quote.total.minor, (95 + 30) * 100);

    let state = drive::ok(
        &sandbox,
        &ssl,
        ssl.create_order(&drive::accepted(
            &sandbox,
            &ssl,
            draft(&csr, DcvMethod::Dns),
        ))
        .unwrap(),
    );
    assert_eq!(
        (state.status.clone(), state.provider_status.as_str()),
        (OrderStatus::Pending, "Pending")
    );
    let fp = certorder::csr::inspect(csr.as_bytes())
        .unwrap()
        .info
        .fingerprints;
    let validations = drive::ok(&sandbox, &ssl, ssl.dcv(&state).unwrap());
    assert_eq!(validations.len(), NAMES.len());
    let Some(DcvInstruction::Dns(record)) = &validations[0].instruction else {
        panic!("{validations:?}")
    };
    assert_eq!(
        record.name.trim_end_matches('.'),
        format!("_{}.example.co.uk", fp.md5)
    );
    assert!(
        record
            .value
            .starts_with(&format!("{}.{}.", &fp.sha256[..32], &fp.sha256[32..]))
    );

    let id = state.handle.id.clone();
    drive::control(
        &sandbox,
        &ssl,
        Method::Post,
        &format!("/orders/{id}/complete-dcv"),
        "",
    );
    let issued = drive::ok(&sandbox, &ssl, ssl.order(&state.handle).unwrap());
    assert_eq!(issued.status, OrderStatus::Issued);
    let cert = drive::ok(&sandbox, &ssl, ssl.download(&state.handle).unwrap());
    pki::check_issued(
        sandbox.ca(),
        &pki::first_der(&cert.pem),
        Some(&spki),
        &NAMES,
        24,
    );
    assert_eq!(cert.chain.len(), 1);
    assert_eq!(
        pki::first_der(&cert.chain[0]),
        sandbox.ca().intermediate_der()
    );
    for (kind, blocks) in [("bundle", 3), ("root", 1), ("intermediate", 1)] {
        let data = body_json(&post(
            &sandbox,
            &format!("/certificate/{id}/{kind}"),
            json!({}),
        ));
        let text = data["Data"][0][kind].as_str().unwrap();
        assert_eq!(::pem::parse_many(text).unwrap().len(), blocks, "{kind}");
    }
    let p7 = body_json(&post(
        &sandbox,
        &format!("/certificate/{id}/pkcs7"),
        json!({}),
    ));
    assert_eq!(
        ::pem::parse(p7["Data"][0]["pkcs7"].as_str().unwrap())
            .unwrap()
            .tag(),
        "PKCS7"
    );

    // Reissue with a new key.
    let (csr2, spki2) = pki::csr(&NAMES);
    drive::ok(
        &sandbox,
        &ssl,
        single(cert_calls::reissue(&id, &csr2, None).unwrap()),
    );
    assert!(
        drive::ok(&sandbox, &ssl, ssl.order(&state.handle).unwrap())
            .status
            .is_open()
    );
    drive::control(
        &sandbox,
        &ssl,
        Method::Post,
        &format!("/orders/{id}/complete-dcv"),
        "",
    );
    let cert2 = drive::ok(&sandbox, &ssl, ssl.download(&state.handle).unwrap());
    pki::check_issued(
        sandbox.ca(),
        &pki::first_der(&cert2.pem),
        Some(&spki2),
        &NAMES,
        24,
    );

    // Renew: a new certificate waiting for `complete`; cancel it before issuance.
    let renewed = drive::ok(&sandbox, &ssl, single(cert_calls::renew(&id, "1").unwrap()));
    let new_id = renewed.certificate_id.unwrap().0;
    let new_handle = certorder::order::OrderHandle::new(ProviderKind::Ssl247, new_id.clone());
    assert_eq!(
        drive::ok(&sandbox, &ssl, ssl.order(&new_handle).unwrap()).provider_status,
        "Incomplete"
    );
    drive::ok(&sandbox, &ssl, single(cert_calls::cancel(&new_id).unwrap()));
    assert_eq!(
        drive::ok(&sandbox, &ssl, ssl.order(&new_handle).unwrap()).status,
        OrderStatus::Cancelled
    );

    // Revoke after issuance, and cancelling an issued certificate is refused.
    let refused = drive::run(
        &sandbox,
        &ssl,
        single(cert_calls::cancel(&id).unwrap()),
        &mut Vec::new(),
    );
    assert!(
        matches!(
            refused,
            Err(certorder::provider::flow::RunError::Provider(
                ProviderError::Ssl247(_)
            ))
        ),
        "{refused:?}"
    );
    drive::ok(&sandbox, &ssl, ssl.revoke(&state.handle).unwrap());
    assert_eq!(
        drive::ok(&sandbox, &ssl, ssl.order(&state.handle).unwrap()).provider_status,
        "Deactivated"
    );
}

// Guards: e-mail DCV needs approvers from the accepted mailboxes; OV needs the organisation;
// the quick order places and completes at once, with file DCV lines.
#[test]
fn email_ov_and_quick_orders() {
    let sandbox = Sandbox::new(SandboxSettings::default()).unwrap();
    let ssl = Ssl247;
    let (csr, spki) = pki::csr(&NAMES);
    let state = drive::ok(
        &sandbox,
        &ssl,
        ssl.create_order(&drive::accepted(
            &sandbox,
            &ssl,
            draft(&csr, DcvMethod::Email),
        ))
        .unwrap(),
    );
    let validations = drive::ok(&sandbox, &ssl, ssl.dcv(&state).unwrap());
    assert!(validations.iter().all(|v| v.instruction
        == Some(DcvInstruction::Email {
            approver: "admin@example.co.uk".into()
        })));

    let mut wrong = draft(&csr, DcvMethod::Email);
    wrong.dcv[0].approver = Some("root@example.co.uk".into());
    let err = drive::run(
        &sandbox,
        &ssl,
        ssl.create_order(&drive::accepted(&sandbox, &ssl, wrong.clone()))
            .unwrap(),
        &mut Vec::new(),
    )
    .unwrap_err();
    assert!(err.to_string().contains("approver_email"), "{err}");

    let (single_csr, single_spki) = pki::csr(&["example.org"]);
    let mut ov = OrderDraft {
        product: "sectigo-ov".into(),
        csr: Some(single_csr.clone()),
        common_name: Some(dn("example.org")),
        dcv: vec![DcvChoice::all(DcvMethod::Dns)],
        ..OrderDraft::default()
    };
    let err = drive::run(
        &sandbox,
        &ssl,
        ssl.create_order(&drive::accepted(&sandbox, &ssl, ov.clone()))
            .unwrap(),
        &mut Vec::new(),
    )
    .unwrap_err();
    assert!(err.to_string().contains("Contacts"), "{err}");
    ov.organization = Some(Organization {
        name: "Example Ltd".into(),
        country: Some("GB".into()),
        ..Organization::default()
    });
    ov.approver = Some(Contact {
        first_name: "Ada".into(),
        last_name: "Lovelace".into(),
        job_title: None,
        email: "ada@example.org".into(),
        phone: Some("+44.2000000000".into()),
    });
    let state = drive::ok(
        &sandbox,
        &ssl,
        ssl.create_order(&drive::accepted(&sandbox, &ssl, ov.clone()))
            .unwrap(),
    );
    drive::control(
        &sandbox,
        &ssl,
        Method::Post,
        &format!("/orders/{}/complete-dcv", state.handle.id),
        "",
    );
    let cert = drive::ok(&sandbox, &ssl, ssl.download(&state.handle).unwrap());
    pki::check_issued(
        sandbox.ca(),
        &pki::first_der(&cert.pem),
        Some(&single_spki),
        &["example.org"],
        12,
    );

    let quick = OrderDraft {
        product: "positivessl".into(),
        csr: Some(single_csr),
        common_name: Some(dn("example.org")),
        dcv: vec![DcvChoice::all(DcvMethod::Http)],
        ..OrderDraft::default()
    };
    let quick = drive::accepted(&sandbox, &ssl, quick);
    let state = drive::ok(&sandbox, &ssl, ssl.quick_order(&quick).unwrap());
    let validations = drive::ok(&sandbox, &ssl, ssl.dcv(&state).unwrap());
    let fp = certorder::csr::inspect(quick.csr.as_deref().unwrap().as_bytes())
        .unwrap()
        .info
        .fingerprints;
    let Some(DcvInstruction::File { url, content }) = &validations[0].instruction else {
        panic!("{validations:?}")
    };
    assert_eq!(
        url,
        &format!(
            "http://example.org/.well-known/pki-validation/{}.txt",
            fp.md5
        )
    );
    assert_eq!(
        content.lines().take(2).collect::<Vec<_>>(),
        [fp.sha256.as_str(), "sectigo.com"]
    );
    let _ = spki;
}

// Guards: rule breaks and missing credentials get the error envelope; checks answer per name.
#[test]
fn errors_checks_and_auth() {
    let sandbox = Sandbox::new(SandboxSettings::default()).unwrap();
    let error = fixture!("error.response.json");
    let bad = post(
        &sandbox,
        "/order/certificate/validate",
        json!({"order": [{"product_code": "positivessl", "common_name": "*.example.org", "years": "1"}]}),
    );
    assert_eq!(bad.status, 400);
    drive::same_shape(&error, &body_json(&bad), "error", &[]);
    assert!(
        body_json(&bad)["Response"]["Error"]["Message"]
            .as_str()
            .unwrap()
            .starts_with("order[0].common_name")
    );
    let years = post(
        &sandbox,
        "/order/certificate/validate",
        json!({"order": [{"product_code": "sectigo-ev", "common_name": "example.org", "years": "3"}]}),
    );
    assert!(
        body_json(&years)["Response"]["Error"]["Message"]
            .as_str()
            .unwrap()
            .starts_with("order[0].years")
    );
    let check = body_json(&post(
        &sandbox,
        "/certificates/check-common-name/positivessl-wildcard/example.org",
        json!({}),
    ));
    assert_eq!(check["Data"]["valid"], false);
    let san = body_json(&post(
        &sandbox,
        "/certificates/check-san/positivessl-multi-domain/example.org/www.example.org",
        json!({}),
    ));
    assert_eq!(san["Data"]["valid"], true);

    for body in [
        json!({}),
        json!({"u": "api@sandbox.certorder.invalid", "k": "wrong"}),
    ] {
        let request = HttpRequest::new(Method::Post, "/product-types")
            .with_json(&body)
            .unwrap();
        let Reply::Respond(r) = sandbox.handle(ProviderKind::Ssl247, &request) else {
            panic!()
        };
        assert_eq!(r.status, 401);
        drive::same_shape(&error, &body_json(&r), "auth", &[]);
    }
}

// Guards: every answer has the fields of the reference's example (names and JSON types; the
// reference writes every value as a string, so only objects and lists are compared deeply).
#[test]
fn answers_match_the_reference_examples() {
    let sandbox = Sandbox::new(SandboxSettings::default()).unwrap();
    let ssl = Ssl247;
    let shape = |example: Value, actual: Value, skip: &[&str]| {
        drive::same_shape(&loosen(&example), &loosen(&actual), "data", skip)
    };
    shape(
        fixture!("product-types.response.json"),
        body_json(&post(&sandbox, "/product-types", json!({}))),
        &[],
    );
    shape(
        fixture!("products-product-type.response.json"),
        body_json(&post(&sandbox, "/products/dv", json!({}))),
        &[],
    );
    shape(
        fixture!("product-product-code.response.json"),
        body_json(&post(
            &sandbox,
            "/product/positivessl-multi-domain",
            json!({}),
        )),
        &["data.Data.ProductAddonPrices.{Addon Name}"],
    );
    shape(
        fixture!("product-product-code-prices.response.json"),
        body_json(&post(&sandbox, "/product/positivessl/prices", json!({}))),
        &["data.Data.ProductAddonPrices.{Addon Name}"],
    );
    shape(
        fixture!("certificates-check-san-product-code-common-name-san.response.json"),
        body_json(&post(
            &sandbox,
            "/certificates/check-san/positivessl-multi-domain/example.org/a.example.org",
            json!({}),
        )),
        &[],
    );
    let (csr, _) = pki::csr(&NAMES);
    let d = draft(&csr, DcvMethod::Dns);
    let order =
        serde_json::to_value(certorder::provider::ssl247::map::order_request(&d).unwrap()).unwrap();
    shape(
        fixture!("order-certificate-validate.response.json"),
        body_json(&post(
            &sandbox,
            "/order/certificate/validate",
            order.clone(),
        )),
        &[],
    );
    let placed = body_json(&post(&sandbox, "/order/certificate/place-order", order));
    shape(
        fixture!("order-certificate-place-order.response.json"),
        placed.clone(),
        &[],
    );
    let id = placed["Data"]["Order"][0]["Certificate"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let complete = serde_json::to_value(
        certorder::provider::ssl247::map::complete_request(&d, id.clone(), None).unwrap(),
    )
    .unwrap();
    shape(
        fixture!("order-certificate-complete.response.json"),
        body_json(&post(&sandbox, "/order/certificate/complete", complete)),
        &["data.Data.Certificate[].logs"],
    );
    drive::control(
        &sandbox,
        &ssl,
        Method::Post,
        &format!("/orders/{id}/complete-dcv"),
        "",
    );
    shape(
        fixture!("certificate-id.response.json"),
        body_json(&post(&sandbox, &format!("/certificate/{id}"), json!({}))),
        &[
            "data.Data.Contacts",
            "data.Data.Notes.Note",
            "data.Data.VettingData",
        ],
    );
    shape(
        fixture!("certificate-id-revoke.response.json"),
        body_json(&post(
            &sandbox,
            &format!("/certificate/{id}/revoke"),
            json!({}),
        )),
        &[],
    );
}

/// The reference writes scalars as their type names; the simulator sends real values. Scalars
/// become `null` on both sides so that names and structure are compared, not placeholders;
/// `"object"` placeholders stand for any object.
fn loosen(v: &Value) -> Value {
    match v {
        Value::Object(o) => Value::Object(o.iter().map(|(k, v)| (k.clone(), loosen(v))).collect()),
        Value::Array(a) => Value::Array(a.iter().map(loosen).collect()),
        Value::String(s) if s == "object" => json!({}),
        _ => Value::Null,
    }
}
