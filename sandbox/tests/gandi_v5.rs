//! The Gandi v5 simulator: the adapter's flows against it (packages → dry run → order → DCV
//! parameters → complete-dcv → valid → download → reissue, renew, revoke), DCV changes, its
//! answers against the documents' examples, `errors[]` for broken bodies, and auth.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

#[path = "support/drive.rs"]
mod drive;

use drive::Open as _;
#[path = "support/pki.rs"]
mod pki;

use certorder::http::{HttpRequest, Method};
use certorder::order::{DcvChoice, DcvInstruction, DcvMethod, OrderDraft, OrderStatus};
use certorder::provider::gandi_v5::{GandiV5, calls, wire::ChangeRequest};
use certorder::provider::{Provider, ProviderKind};
use certorder_sandbox::{Reply, Sandbox, SandboxSettings};
use serde_json::{Value, json};

macro_rules! fixture {
    ($name:literal) => {
        serde_json::from_str::<Value>(include_str!(concat!(
            "../../tests/fixtures/providers/gandi_v5/",
            $name
        )))
        .unwrap()
    };
}

const NAMES: [&str; 3] = ["example.net", "www.example.net", "shop.example.net"];

fn draft(csr: &str, package: &str, names: &[&str], method: DcvMethod) -> OrderDraft {
    OrderDraft {
        product: package.into(),
        csr: Some(csr.into()),
        common_name: Some(dn(names[0])),
        sans: names[1..].iter().copied().map(dn).collect(),
        dcv: vec![DcvChoice::all(method)],
        ..OrderDraft::default()
    }
}

fn body_json(r: &certorder::http::HttpResponse) -> Value {
    serde_json::from_slice(&r.body).unwrap()
}

// Guards: the ordering flow through the adapter, a real certificate, and its life after.
#[test]
fn adapter_flow_from_packages_to_revocation() {
    let sandbox = Sandbox::new(SandboxSettings::default()).unwrap();
    let gandi = GandiV5;
    let products = drive::ok(&sandbox, &gandi, gandi.products().unwrap());
    assert_eq!(
        products.len(),
        12,
        "every package name parses by the grammar"
    );
    drive::every_level_and_kind(&products);

    let (csr, spki) = pki::csr(&NAMES);
    let order = draft(&csr, "cert_std_3_0_0", &NAMES, DcvMethod::Dns);
    drive::ok(&sandbox, &gandi, GandiV5::dry_run(&order).unwrap());
    let state = drive::ok(&sandbox, &gandi, gandi.create_order(&order).unwrap());
    assert_eq!(state.status, OrderStatus::Pending);

    let fp = certorder::csr::inspect(csr.as_bytes())
        .unwrap()
        .info
        .fingerprints;
    let validations = drive::ok(&sandbox, &gandi, gandi.dcv(&state).unwrap());
    assert_eq!(
        validations
            .iter()
            .map(|v| v.name.as_str())
            .collect::<Vec<_>>(),
        NAMES
    );
    let mut unique = Vec::new();
    for v in &validations {
        let Some(DcvInstruction::Dns(record)) = &v.instruction else {
            panic!("{v:?}")
        };
        assert_eq!(
            record.name.trim_end_matches('.'),
            format!("_{}.{}", fp.md5, v.name)
        );
        let value = record.value.trim_end_matches('.');
        assert!(
            value.starts_with(&format!("{}.{}.", &fp.sha256[..32], &fp.sha256[32..])),
            "{value}"
        );
        assert!(value.ends_with(".sectigo.com"));
        unique.push(value.split('.').nth(2).unwrap().to_owned());
    }
    assert!(unique.iter().all(|u| u == &unique[0] && u.len() == 10));

    let id = state.handle.id.clone();
    assert!(
        drive::ok(&sandbox, &gandi, gandi.order(&state.handle).unwrap())
            .status
            .is_open()
    );
    drive::control(
        &sandbox,
        &gandi,
        Method::Post,
        &format!("/orders/{id}/complete-dcv"),
        "",
    );
    let issued = drive::ok(&sandbox, &gandi, gandi.order(&state.handle).unwrap());
    assert_eq!(issued.status, OrderStatus::Issued);
    assert_eq!(issued.names, NAMES);
    let cert = drive::ok(&sandbox, &gandi, gandi.download(&state.handle).unwrap());
    pki::check_issued(
        sandbox.ca(),
        &pki::first_der(&cert.pem),
        Some(&spki),
        &NAMES,
        12,
    );
    let pem = drive::respond(
        &sandbox,
        &gandi,
        HttpRequest::new(Method::Get, "/v5/certificate/pem/cert_std"),
    );
    assert_eq!(
        pki::first_der(pem.text().unwrap()),
        sandbox.ca().intermediate_der()
    );

    // Reissue with a new key: pending again, then a certificate for the new key.
    let (csr2, spki2) = pki::csr(&NAMES);
    let change = ChangeRequest {
        csr: Some(csr2),
        dcv_method: Some("dns".into()),
        ..ChangeRequest::default()
    };
    drive::ok(
        &sandbox,
        &gandi,
        certorder::provider::flow::single(calls::update(&id, &change, false).unwrap()),
    );
    assert!(
        drive::ok(&sandbox, &gandi, gandi.order(&state.handle).unwrap())
            .status
            .is_open()
    );
    drive::control(
        &sandbox,
        &gandi,
        Method::Post,
        &format!("/orders/{id}/complete-dcv"),
        "",
    );
    let cert2 = drive::ok(&sandbox, &gandi, gandi.download(&state.handle).unwrap());
    pki::check_issued(
        sandbox.ca(),
        &pki::first_der(&cert2.pem),
        Some(&spki2),
        &NAMES,
        12,
    );

    // Renew makes a new pending certificate for the same names.
    let renewed = drive::ok(
        &sandbox,
        &gandi,
        certorder::provider::flow::single(
            calls::renew(&id, &ChangeRequest::default(), false).unwrap(),
        ),
    );
    let new_id = renewed.id.unwrap();
    assert_ne!(new_id, id);
    let handle = certorder::order::OrderHandle::new(ProviderKind::GandiV5, new_id);
    let state2 = drive::ok(&sandbox, &gandi, gandi.order(&handle).unwrap());
    assert_eq!(
        (state2.status, state2.names),
        (OrderStatus::Pending, NAMES.map(String::from).to_vec())
    );

    // Revoke: valid → revoked, and only once.
    drive::ok(&sandbox, &gandi, gandi.revoke(&state.handle).unwrap());
    assert_eq!(
        drive::ok(&sandbox, &gandi, gandi.order(&state.handle).unwrap()).status,
        OrderStatus::Revoked
    );
    let again = drive::respond(
        &sandbox,
        &gandi,
        HttpRequest::new(Method::Delete, format!("/v5/certificate/issued-certs/{id}")),
    );
    assert_eq!(
        (again.status, body_json(&again)["status"].as_str()),
        (400, Some("error"))
    );
}

// Guards: a one-name package gets the free twin; DCV can change to file (lines of the CA's
// file) and be resent; a wildcard cannot use file validation.
#[test]
fn twin_dcv_change_and_wildcard_rules() {
    let sandbox = Sandbox::new(SandboxSettings::default()).unwrap();
    let gandi = GandiV5;
    let (csr, spki) = pki::csr(&["example.org"]);
    let state = drive::ok(
        &sandbox,
        &gandi,
        gandi
            .create_order(&draft(
                &csr,
                "cert_std_1_0_0",
                &["example.org"],
                DcvMethod::Email,
            ))
            .unwrap(),
    );
    // Resending is for e-mail; then the method changes, and the new handle says so.
    drive::ok(&sandbox, &gandi, gandi.resend_dcv(&state.handle).unwrap());
    let choice = DcvChoice::all(DcvMethod::Http);
    let handle = drive::ok(
        &sandbox,
        &gandi,
        gandi.change_dcv(&state.handle, &choice).unwrap(),
    );
    assert_eq!(handle.dcv_method, Some(DcvMethod::Http));
    let mut changed = state.clone();
    changed.handle = handle;
    let validations = drive::ok(&sandbox, &gandi, gandi.dcv(&changed).unwrap());
    assert_eq!(
        validations
            .iter()
            .map(|v| v.name.as_str())
            .collect::<Vec<_>>(),
        ["example.org", "www.example.org"]
    );
    let fp = certorder::csr::inspect(csr.as_bytes())
        .unwrap()
        .info
        .fingerprints;
    let Some(DcvInstruction::Text { message }) = &validations[0].instruction else {
        panic!("{validations:?}")
    };
    assert!(message.contains(&format!(
        "http://example.org/.well-known/pki-validation/{}.txt",
        fp.md5
    )));
    assert!(message.lines().any(|l| l == fp.sha256) && message.lines().any(|l| l == "sectigo.com"));
    drive::control(
        &sandbox,
        &gandi,
        Method::Post,
        &format!("/orders/{}/complete-dcv", state.handle.id),
        "",
    );
    let cert = drive::ok(&sandbox, &gandi, gandi.download(&state.handle).unwrap());
    pki::check_issued(
        sandbox.ca(),
        &pki::first_der(&cert.pem),
        Some(&spki),
        &["example.org", "www.example.org"],
        12,
    );

    let (wild, _) = pki::csr(&["*.example.org"]);
    let file = drive::respond(
        &sandbox,
        &gandi,
        calls::create(
            &GandiV5::create_request(&draft(
                &wild,
                "cert_std_w_0_0",
                &["*.example.org"],
                DcvMethod::Http,
            ))
            .unwrap(),
            false,
        )
        .unwrap()
        .request()
        .unwrap(),
    );
    assert_eq!(body_json(&file)["errors"][0]["name"], "dcv_method");
    let multi = drive::respond(
        &sandbox,
        &gandi,
        calls::create(
            &GandiV5::create_request(&draft(
                &wild,
                "cert_std_3_0_0",
                &["*.example.org"],
                DcvMethod::Dns,
            ))
            .unwrap(),
            false,
        )
        .unwrap()
        .request()
        .unwrap(),
    );
    assert_eq!(body_json(&multi)["errors"][0]["name"], "cn");
}

use certorder::domain::DomainName;
use certorder::provider::Call as _;

/// A name as a draft holds it.
fn dn(name: &str) -> DomainName {
    DomainName::parse(name).expect("a valid name")
}

fn post(sandbox: &Sandbox, path: &str, body: Value) -> certorder::http::HttpResponse {
    let request = HttpRequest::new(Method::Post, path)
        .with_json(&body)
        .unwrap();
    drive::respond(sandbox, &GandiV5, request)
}

// Guards: broken bodies get `{status: "error", errors: [...]}` naming each field; missing or
// wrong tokens get the 401 shape of the documents.
#[test]
fn errors_and_auth() {
    let sandbox = Sandbox::new(SandboxSettings::default()).unwrap();
    let (csr, _) = pki::csr(&NAMES);
    let r = post(
        &sandbox,
        "/v5/certificate/issued-certs",
        json!({"package": "cert_nope", "csr": csr, "dcv_method": "carrier", "duration": 9}),
    );
    assert_eq!(r.status, 400);
    let body = body_json(&r);
    drive::same_shape(&fixture!("error-400.json"), &body, "error", &[]);
    let names: Vec<&str> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["package", "dcv_method", "duration"]);
    let r = post(
        &sandbox,
        "/v5/certificate/issued-certs",
        json!({"package": "cert_std_1_0_0", "csr": csr}),
    );
    assert_eq!(
        body_json(&r)["errors"][0]["description"],
        "Too many altnames, max is 1"
    );
    let r = post(
        &sandbox,
        "/v5/certificate/issued-certs",
        json!({"package": "cert_std_1_0_0", "cn": "example.net", "apex_only": true}),
    );
    assert_eq!(body_json(&r)["errors"][0]["name"], "apex_only");

    for auth in [
        None,
        Some("Bearer wrong"),
        Some("ApiKey certorder-sandbox-pat"),
    ] {
        let mut request = HttpRequest::new(Method::Get, "/v5/certificate/packages");
        if let Some(a) = auth {
            request = request.with_header("Authorization", a);
        }
        let Reply::Respond(r) = sandbox.handle(ProviderKind::GandiV5, &request) else {
            panic!()
        };
        assert_eq!(r.status, 401);
        assert_eq!(body_json(&r), fixture!("error-401.json"));
    }
}

// Guards: the simulator's answers have every field of the documents' examples, typed alike.
#[test]
fn answers_match_the_documents_examples() {
    let sandbox = Sandbox::new(SandboxSettings::default()).unwrap();
    let gandi = GandiV5;
    let get = |path: &str| {
        body_json(&drive::respond(
            &sandbox,
            &gandi,
            HttpRequest::new(Method::Get, path),
        ))
    };
    drive::same_shape(
        &fixture!("packages.json"),
        &get("/v5/certificate/packages"),
        "packages",
        &[],
    );
    let wildcards = get("/v5/certificate/packages?wildcard=true");
    assert!(
        wildcards
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p["wildcard"] == true)
    );
    drive::same_shape(
        &fixture!("packages.json")[0],
        &get("/v5/certificate/packages/cert_std_1_0_0"),
        "package",
        &[],
    );

    let (csr, _) = pki::csr(&NAMES);
    let preview = body_json(&post(
        &sandbox,
        "/v5/certificate/dcv_params",
        json!({"csr": csr, "package": "cert_std_3_0_0", "dcv_method": "dns"}),
    ));
    drive::same_shape(
        &fixture!("dcv-params-sectigo.json"),
        &preview,
        "preview",
        &["preview.unique_value", "preview.raw_messages"],
    );
    assert!(
        preview.get("unique_value").is_none(),
        "no unique value before ordering"
    );

    let created = post(
        &sandbox,
        "/v5/certificate/issued-certs",
        serde_json::to_value(
            GandiV5::create_request(&draft(&csr, "cert_std_3_0_0", &NAMES, DcvMethod::Dns))
                .unwrap(),
        )
        .unwrap(),
    );
    assert_eq!(created.status, 202);
    let body = body_json(&created);
    drive::same_shape(&fixture!("create-202.json"), &body, "created", &[]);
    assert_eq!(created.header("location"), body["href"].as_str());
    let id = body["id"].as_str().unwrap().to_owned();
    let params = body_json(&post(
        &sandbox,
        &format!("/v5/certificate/issued-certs/{id}/dcv_params"),
        json!({"dcv_method": "dns"}),
    ));
    drive::same_shape(
        &fixture!("dcv-params-sectigo.json"),
        &params,
        "params",
        &["params.raw_messages"],
    );
    drive::control(
        &sandbox,
        &gandi,
        Method::Post,
        &format!("/orders/{id}/complete-dcv"),
        "",
    );
    drive::same_shape(
        &fixture!("issued-cert.json"),
        &get(&format!("/v5/certificate/issued-certs/{id}")),
        "cert",
        &[],
    );
    drive::same_shape(
        &fixture!("issued-certs-list.json")[0],
        &get("/v5/certificate/issued-certs")[0],
        "list",
        &[],
    );
    let valid = get("/v5/certificate/issued-certs?status=valid&cn=exam*");
    assert_eq!(valid.as_array().map(Vec::len), Some(1));
    assert_eq!(
        get("/v5/certificate/issued-certs?status=pending")
            .as_array()
            .map(Vec::len),
        Some(0)
    );
    let change = drive::respond(
        &sandbox,
        &gandi,
        HttpRequest::new(Method::Delete, format!("/v5/certificate/issued-certs/{id}")),
    );
    drive::same_shape(
        &fixture!("message.json"),
        &body_json(&change),
        "message",
        &[],
    );
}

// Guards: a DigiCert package gets DigiCert's DCV (`_dnsauth` CNAME, also as `raw_messages`),
// and `apex_only` keeps the www twin out.
#[test]
fn digicert_packages() {
    let sandbox = Sandbox::new(SandboxSettings::default()).unwrap();
    let gandi = GandiV5;
    let (csr, spki) = pki::csr(&["example.org"]);
    let mut body = GandiV5::create_request(&draft(
        &csr,
        "cert_std_1_10_0_digicert",
        &["example.org"],
        DcvMethod::Dns,
    ))
    .unwrap();
    body.apex_only = Some(true);
    let created = body_json(&post(
        &sandbox,
        "/v5/certificate/issued-certs",
        serde_json::to_value(&body).unwrap(),
    ));
    let id = created["id"].as_str().unwrap().to_owned();
    let params = body_json(&post(
        &sandbox,
        &format!("/v5/certificate/issued-certs/{id}/dcv_params"),
        json!({}),
    ));
    drive::same_shape(&fixture!("dcv-params-digicert-raw.json"), &params, "p", &[]);
    assert_eq!(params["fqdns"], json!(["example.org"]));
    let pair = &params["raw_messages"][0];
    assert_eq!(pair[0], "_dnsauth.example.org.");
    assert!(pair[1].as_str().unwrap().ends_with(".dcv.digicert.com."));
    let mut state = drive::ok(
        &sandbox,
        &gandi,
        gandi
            .order(&certorder::order::OrderHandle::new(
                ProviderKind::GandiV5,
                id.clone(),
            ))
            .unwrap(),
    );
    state.validations = vec![certorder::order::NameValidation {
        name: "example.org".into(),
        method: DcvMethod::Dns,
        status: certorder::order::DcvStatus::Pending,
        instruction: None,
    }];
    let validations = drive::ok(&sandbox, &gandi, gandi.dcv(&state).unwrap());
    let Some(DcvInstruction::Dns(record)) = &validations[0].instruction else {
        panic!("{validations:?}")
    };
    assert_eq!(record.name, "_dnsauth.example.org.");
    drive::control(
        &sandbox,
        &gandi,
        Method::Post,
        &format!("/orders/{id}/complete-dcv"),
        "",
    );
    let cert = drive::ok(&sandbox, &gandi, gandi.download(&state.handle).unwrap());
    pki::check_issued(
        sandbox.ca(),
        &pki::first_der(&cert.pem),
        Some(&spki),
        &["example.org"],
        12,
    );
}
