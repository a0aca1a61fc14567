//! Gjirafa CDN certificates adapter against the Gjirafa certificates reference: every example
//! request and response of the reference (fixtures copied verbatim), every built request, the error
//! statuses, recognition, authentication and the consent needed to import a key.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

use std::collections::BTreeMap;

use certorder::http::{Credentials, HttpRequest, HttpResponse, Method, Secret};
use certorder::order::{
    DcvChoice, DcvInstruction, DcvMethod, DcvStatus, DnsRecord, DnsRecordType, OrderDraft,
    OrderHandle, OrderStatus,
};
use certorder::provider::gjirafa::wire::{
    CertificateDetail, CertificateStatus, CertificateType, CreateCertificate, ImportCertificate,
    Scope, UpdateScope,
};
use certorder::provider::gjirafa::{
    self, ErrorKind, Gjirafa, GjirafaError, KeyImportConsent, ProjectId, calls, map,
};
use certorder::provider::{
    Call, CsrUse, OperationClass, Provider, ProviderError, ProviderKind, Target, flow,
};
use serde_json::Value;

#[path = "support/recognition.rs"]
mod recognition;

use certorder::domain::DomainName;
use recognition::Recognition;

/// A name as a draft holds it.
fn dn(name: &str) -> DomainName {
    DomainName::parse(name).expect("a valid name")
}

const PROJECT: &str = "3fa85f64-5717-4562-b3fc-2c963f66afa6";
const BASE: &str = "/api/v1/projects/3fa85f64-5717-4562-b3fc-2c963f66afa6/certificates";

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/providers/gjirafa/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(path).unwrap()
}

fn project() -> ProjectId {
    ProjectId::parse(PROJECT).unwrap()
}

fn adapter() -> Gjirafa {
    Gjirafa::new(project(), 0)
}

fn ok(body: &str) -> HttpResponse {
    HttpResponse::new(200, body)
}

fn json(bytes: &[u8]) -> Value {
    serde_json::from_slice(bytes).unwrap()
}

/// Checks every field of the reference's certificate example (identical in all six responses
/// except the two dates).
fn check_detail(c: &CertificateDetail, date: &str) {
    assert_eq!(c.id, 0);
    assert_eq!(c.project_id.as_deref(), Some(PROJECT));
    assert_eq!(c.scope_id, Some(0));
    assert_eq!(c.ssl_certificate_id.as_deref(), Some(PROJECT));
    assert_eq!(c.domain_name.as_deref(), Some("string"));
    assert_eq!(c.additional_names.as_deref(), Some("string"));
    assert_eq!(c.public_key_info.as_deref(), Some("string"));
    assert_eq!(c.signature_algorithm.as_deref(), Some("string"));
    assert_eq!(c.issuer.as_deref(), Some("string"));
    // "string" is no documented word: kept verbatim.
    assert_eq!(
        c.certificate_type,
        Some(CertificateType::Other("string".into()))
    );
    assert_eq!(
        c.certificate_status,
        Some(CertificateStatus::Other("string".into()))
    );
    assert_eq!(c.certificate_challenge.as_deref(), Some("string"));
    assert_eq!(c.serial_number.as_deref(), Some("string"));
    assert_eq!(c.dns_records.len(), 1);
    assert_eq!(c.dns_records[0].key, "string");
    assert_eq!(c.dns_records[0].value, "string");
    assert_eq!(c.not_before.as_deref(), Some(date));
    assert_eq!(c.not_after.as_deref(), Some(date));
    let options: BTreeMap<String, i64> = [
        ("additionalProp1".to_owned(), 0),
        ("additionalProp2".to_owned(), 0),
        ("additionalProp3".to_owned(), 0),
    ]
    .into();
    assert_eq!(c.scope_options, options);
}

fn check_envelope<T>(answer: &calls::Answer<T>) {
    assert_eq!(answer.messages, ["string"]);
    let info = answer.result_info.unwrap();
    assert_eq!(info.total_count, 0);
    assert_eq!(info.page_index, 0);
    assert_eq!(info.page_size, 0);
    assert_eq!(info.total_pages, 0);
    assert!(info.has_next_page);
    assert!(info.has_previous_page);
}

#[test]
fn list_response_is_missing_its_brace_verbatim_and_parses_with_it() {
    let text = fixture("list-response.json");
    assert!(serde_json::from_str::<Value>(&text).is_err());
    let fixed = format!("{}}}", text.trim_end());
    let answer = calls::list(&project()).parse(&ok(&fixed)).unwrap();
    check_envelope(&answer);
    assert_eq!(answer.result.len(), 1);
    let item = &answer.result[0];
    assert_eq!(item.id, 0);
    assert_eq!(item.distribution_id.as_deref(), Some("string"));
    assert_eq!(item.ssl_certificate_id.as_deref(), Some(PROJECT));
    assert_eq!(item.domain_name.as_deref(), Some("string"));
    assert_eq!(item.additional_names.as_deref(), Some("string"));
    assert_eq!(
        item.certificate_type,
        Some(CertificateType::Other("string".into()))
    );
    assert_eq!(
        item.certificate_status,
        Some(CertificateStatus::Other("string".into()))
    );
    assert_eq!(item.scope, Some(Scope::Other("string".into())));
    assert_eq!(
        item.last_modified.as_deref(),
        Some("2021-10-27T15:38:30.649Z")
    );
    let state = map::summary(item);
    assert_eq!(state.handle, OrderHandle::new(ProviderKind::Gjirafa, "0"));
    assert_eq!(state.status, OrderStatus::Unknown("string".into()));
    assert_eq!(state.provider_status, "string");
}

#[test]
fn every_certificate_response_parses_field_by_field() {
    let p = project();
    let cases = [
        (
            "get-response.json",
            calls::get(&p, 0),
            "2021-07-26T08:51:51.079Z",
        ),
        (
            "validate-response.json",
            calls::validate(&p, 0),
            "2021-10-28T07:44:22.048Z",
        ),
        (
            "delete-response.json",
            calls::delete(&p, 0),
            "2021-10-28T07:46:36.578Z",
        ),
        (
            "update-response.json",
            calls::update_scope(&p, 0, 0).unwrap(),
            "2021-10-28T07:41:59.563Z",
        ),
        (
            "create-response.json",
            calls::create(&p, &real_create()).unwrap(),
            "2021-07-26T09:00:50.544Z",
        ),
        (
            "import-response.json",
            calls::import(&p, &seed_import(), KeyImportConsent::given()).unwrap(),
            "2021-07-26T09:00:50.544Z",
        ),
    ];
    for (file, call, date) in cases {
        let answer = call.parse(&ok(&fixture(file))).unwrap();
        check_envelope(&answer);
        check_detail(&answer.result, date);
    }
}

fn real_create() -> CreateCertificate {
    CreateCertificate {
        domain_name: "acme-widgets.net".into(),
        additional_domain_names: vec!["*.acme-widgets.net".into()],
        scope_id: 0,
    }
}

fn seed_import() -> ImportCertificate {
    let seed: Value = serde_json::from_str(&fixture("import-request.json")).unwrap();
    ImportCertificate {
        certificate_body: seed["certificateBody"].as_str().unwrap().into(),
        certificate_private_key: Secret::new(seed["certificatePrivateKey"].as_str().unwrap()),
        certificate_chain: seed["certificateChain"].as_str().unwrap().into(),
        scope_id: i32::try_from(seed["scopeId"].as_i64().unwrap()).unwrap(),
    }
}

fn assert_request(r: &HttpRequest, method: Method, path: &str, body: Option<&Value>) {
    assert_eq!(r.method, method);
    assert_eq!(r.path, path);
    assert!(r.query.is_empty(), "the document lists no query parameters");
    match body {
        None => {
            assert_eq!(r.body, None);
            assert!(r.headers.is_empty(), "{:?}", r.headers);
        }
        Some(expected) => {
            assert_eq!(
                r.headers,
                [("Content-Type".to_owned(), "application/json".to_owned())]
            );
            assert_eq!(&json(r.body.as_deref().unwrap()), expected);
        }
    }
}

#[test]
fn requests_without_a_body() {
    let p = project();
    assert_request(&calls::list(&p).request().unwrap(), Method::Get, BASE, None);
    let path = format!("{BASE}/42");
    assert_request(
        &calls::get(&p, 42).request().unwrap(),
        Method::Get,
        &path,
        None,
    );
    assert_request(
        &calls::delete(&p, 42).request().unwrap(),
        Method::Delete,
        &path,
        None,
    );
    let validate = format!("{BASE}/42/validate");
    assert_request(
        &calls::validate(&p, 42).request().unwrap(),
        Method::Put,
        &validate,
        None,
    );
}

#[test]
fn create_request_has_the_seed_shape() {
    let seed: Value = serde_json::from_str(&fixture("create-request.json")).unwrap();
    let parsed: CreateCertificate = serde_json::from_value(seed.clone()).unwrap();
    assert_eq!(parsed.domain_name, "string");
    assert_eq!(parsed.additional_domain_names, ["string"]);
    assert_eq!(parsed.scope_id, 0);
    // Serialising the reference's own values gives the reference's document back.
    assert_eq!(serde_json::to_value(&parsed).unwrap(), seed);
    let request = calls::create(&project(), &real_create())
        .unwrap()
        .request()
        .unwrap();
    let expected = serde_json::json!({
        "domainName": "acme-widgets.net",
        "additionalDomainNames": ["*.acme-widgets.net"],
        "scopeId": 0
    });
    assert_request(&request, Method::Post, BASE, Some(&expected));
    // The reference's placeholder is a well-formed name, but listed twice: the wire mapping
    // refuses the repeat. It is no public name either, and the check of a draft refuses it
    // before anything is sent.
    let twice = calls::create(&project(), &parsed).err();
    assert!(
        matches!(&twice, Some(ProviderError::InvalidInput { field, reason }) if field == "additionalDomainNames" && reason.contains("\"string\" is listed twice")),
        "{twice:?}"
    );
    let err = Gjirafa::new(project(), 0)
        .create_order(&draft(&["string"]))
        .err()
        .expect("refused before sending");
    assert!(
        matches!(&err, ProviderError::InvalidInput { field, reason } if field == "names" && reason.contains("string cannot be in a public certificate")),
        "{err:?}"
    );
}

#[test]
fn create_checks_and_normalises_every_name() {
    let p = project();
    let body = CreateCertificate {
        domain_name: "Bücher.De".into(),
        additional_domain_names: vec!["WWW.acme-widgets.net.".into()],
        scope_id: 7,
    };
    let request = calls::create(&p, &body).unwrap().request().unwrap();
    let sent: CreateCertificate = request.json().unwrap();
    assert_eq!(sent.domain_name, "xn--bcher-kva.de");
    assert_eq!(sent.additional_domain_names, ["www.acme-widgets.net"]);
    assert_eq!(sent.scope_id, 7);
    for (bad, field) in [
        (("exa mple.com", "acme-widgets.net"), "domainName"),
        (("acme-widgets.net", "192.0.2.1"), "additionalDomainNames"),
        (
            ("acme-widgets.net", "ACME-WIDGETS.net"),
            "additionalDomainNames",
        ),
        (
            ("acme-widgets.net", "a..acme-widgets.net"),
            "additionalDomainNames",
        ),
    ] {
        let body = CreateCertificate {
            domain_name: bad.0.into(),
            additional_domain_names: vec![bad.1.into()],
            scope_id: 0,
        };
        let named = if field == "domainName" { bad.0 } else { bad.1 };
        match calls::create(&p, &body).unwrap_err() {
            ProviderError::InvalidInput { field: f, reason } => {
                assert_eq!(f, field);
                assert!(reason.contains(&format!("{named:?}")), "{reason}");
            }
            other => panic!("{other:?}"),
        }
    }
}

#[test]
fn import_request_is_the_seed_document_and_needs_consent() {
    // `calls::import` takes a `KeyImportConsent` by value, made only by
    // `KeyImportConsent::given()` (its field is private; the type is not Default, Clone or
    // Deserialize): an import without the consent step does not compile.
    let call = calls::import(&project(), &seed_import(), KeyImportConsent::given()).unwrap();
    assert_eq!(call.class(), OperationClass::AccountWide);
    let request = call.request().unwrap();
    let seed: Value = serde_json::from_str(&fixture("import-request.json")).unwrap();
    assert_request(
        &request,
        Method::Post,
        &format!("{BASE}/import"),
        Some(&seed),
    );
    // Neither the call nor the body prints the key.
    let mut body = seed_import();
    body.certificate_private_key = Secret::new("-----BEGIN PRIVATE KEY-----SECRET");
    assert!(!format!("{body:?}").contains("SECRET"));
    let call = calls::import(&project(), &body, KeyImportConsent::given()).unwrap();
    assert!(!format!("{call:?}").contains("SECRET"));
    assert!(!format!("{:?}", call.request().unwrap()).contains("SECRET"));
    // An empty key is refused before anything is sent.
    body.certificate_private_key = Secret::new(" ");
    let err = calls::import(&project(), &body, KeyImportConsent::given()).unwrap_err();
    assert!(
        matches!(err, ProviderError::InvalidInput { field, .. } if field == "certificatePrivateKey")
    );
}

#[test]
fn update_request_is_the_seed_document() {
    let seed: Value = serde_json::from_str(&fixture("update-request.json")).unwrap();
    let parsed: UpdateScope = serde_json::from_value(seed.clone()).unwrap();
    assert_eq!(parsed.scope_id, 0);
    let request = calls::update_scope(&project(), 5, 0)
        .unwrap()
        .request()
        .unwrap();
    assert_request(&request, Method::Put, &format!("{BASE}/5"), Some(&seed));
}

#[test]
fn error_statuses_and_envelopes() {
    let call = calls::get(&project(), 1);
    for (status, kind) in [
        (401, ErrorKind::Unauthorized),
        (403, ErrorKind::Forbidden),
        (404, ErrorKind::NotFound),
        (500, ErrorKind::ServerError),
    ] {
        let err = call.parse(&HttpResponse::new(status, "")).unwrap_err();
        assert_eq!(
            err,
            ProviderError::Gjirafa(GjirafaError {
                status,
                kind,
                errors: vec![],
                messages: vec![]
            })
        );
    }
    // Error bodies are not in the reference: this one follows the documented envelope.
    let body =
        r#"{"success":false,"errors":["Certificate not found"],"messages":["m"],"result":null}"#;
    let err = call.parse(&HttpResponse::new(404, body)).unwrap_err();
    let ProviderError::Gjirafa(e) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(e.kind, ErrorKind::NotFound);
    assert_eq!(e.errors, ["Certificate not found"]);
    assert_eq!(e.messages, ["m"]);
    assert!(err.to_string().contains("Certificate not found"), "{err}");
    // success: false in a 200 answer.
    let body = r#"{"success":false,"errors":["Domain name is invalid"],"messages":[]}"#;
    let ProviderError::Gjirafa(e) = call.parse(&ok(body)).unwrap_err() else {
        panic!()
    };
    assert_eq!((e.status, e.kind), (200, ErrorKind::Rejected));
    assert_eq!(e.errors, ["Domain name is invalid"]);
    // A 400 with an envelope is a rejection; an undocumented status without one is not ours.
    let ProviderError::Gjirafa(e) = call.parse(&HttpResponse::new(400, body)).unwrap_err() else {
        panic!()
    };
    assert_eq!(e.kind, ErrorKind::Rejected);
    assert_eq!(
        call.parse(&HttpResponse::new(418, "<html>")).unwrap_err(),
        ProviderError::UnexpectedStatus { status: 418 }
    );
    // Success without a result, and a body that is not the envelope.
    assert!(matches!(
        call.parse(&ok(r#"{"success":true,"errors":[],"messages":[]}"#))
            .unwrap_err(),
        ProviderError::UnexpectedResponse(_)
    ));
    assert!(matches!(
        call.parse(&ok("nope")).unwrap_err(),
        ProviderError::Body(_)
    ));
}

#[test]
fn recognise_each_operation() {
    let g = adapter();
    let cases = [
        (
            Method::Get,
            BASE.to_owned(),
            gjirafa::OP_LIST,
            OperationClass::AccountWide,
            None,
        ),
        (
            Method::Post,
            BASE.to_owned(),
            gjirafa::OP_CREATE,
            OperationClass::Billable,
            None,
        ),
        (
            Method::Post,
            format!("{BASE}/import"),
            gjirafa::OP_IMPORT,
            OperationClass::AccountWide,
            None,
        ),
        (
            Method::Get,
            format!("{BASE}/12"),
            gjirafa::OP_GET,
            OperationClass::OrderRead,
            Some("12"),
        ),
        (
            Method::Put,
            format!("{BASE}/12"),
            gjirafa::OP_UPDATE,
            OperationClass::OrderChange,
            Some("12"),
        ),
        (
            Method::Put,
            format!("{BASE}/12/validate"),
            gjirafa::OP_VALIDATE,
            OperationClass::OrderChange,
            Some("12"),
        ),
        (
            Method::Delete,
            format!("{BASE}/12"),
            gjirafa::OP_DELETE,
            OperationClass::OrderChange,
            Some("12"),
        ),
        (
            Method::Get,
            format!("{BASE}?page=2"),
            gjirafa::OP_LIST,
            OperationClass::AccountWide,
            None,
        ),
    ];
    for (method, path, name, class, target) in cases {
        let op = g
            .recognise(&recognition::forwarded(method, &path, b""))
            .unwrap_or_else(|| panic!("{method} {path}"));
        assert_eq!(op.provider, ProviderKind::Gjirafa);
        assert_eq!(op.name, name);
        assert_eq!(op.class, class);
        assert_eq!(op.target, target.map(|t| Target::Order(t.into())));
    }
    // Every built call is recognised as the operation it names.
    let p = project();
    for r in [
        calls::list(&p).request().unwrap(),
        calls::validate(&p, 3).request().unwrap(),
    ] {
        assert!(
            g.recognise(&recognition::forwarded(r.method, &r.path, b""))
                .is_some()
        );
    }
}

#[test]
fn recognise_refuses_everything_else() {
    let g = adapter();
    let other = "/api/v1/projects/00000000-0000-0000-0000-000000000000/certificates";
    for (method, path) in [
        (Method::Get, other.to_owned()),
        (Method::Get, "/api/v1/projects".to_owned()),
        (Method::Get, BASE.replace("/v1/", "/v2/")),
        (Method::Get, format!("{BASE}x")),
        (Method::Get, format!("{BASE}/")),
        (Method::Get, format!("{BASE}/abc")),
        (Method::Get, format!("{BASE}/-1")),
        (Method::Get, format!("{BASE}/99999999999")),
        (Method::Get, format!("{BASE}/1/validate")),
        (Method::Get, format!("{BASE}/import")),
        (Method::Post, format!("{BASE}/1")),
        (Method::Patch, format!("{BASE}/1")),
        (Method::Delete, BASE.to_owned()),
        (Method::Put, format!("{BASE}/1/validate/x")),
        (Method::Get, format!("{BASE}/1/../2")),
        (
            Method::Get,
            "/api/v1/projects/3fa85f64-5717-4562-b3fc-2c963f66afa6/distributions".to_owned(),
        ),
    ] {
        assert_eq!(
            g.recognise(&recognition::forwarded(method, &path, b"")),
            None,
            "{method} {path}"
        );
    }
}

#[test]
fn authenticate_with_an_api_key_or_a_token() {
    let g = adapter();
    let mut r = calls::list(&project()).request().unwrap();
    g.authenticate(
        &mut r,
        &Credentials::XApiKey {
            key: Secret::new("k1"),
        },
    )
    .unwrap();
    assert_eq!(r.header("x-api-key"), Some("k1"));
    assert_eq!(r.header("authorization"), None);
    g.authenticate(
        &mut r,
        &Credentials::Bearer {
            token: Secret::new("t1"),
        },
    )
    .unwrap();
    assert_eq!(r.header("authorization"), Some("Bearer t1"));
    assert_eq!(r.header("x-api-key"), None);
    g.authenticate(
        &mut r,
        &Credentials::XApiKey {
            key: Secret::new("k2"),
        },
    )
    .unwrap();
    assert_eq!(r.headers, [("X-API-Key".to_owned(), "k2".to_owned())]);
    let err = g
        .authenticate(
            &mut r,
            &Credentials::ApiKey {
                key: Secret::new("k"),
            },
        )
        .unwrap_err();
    assert!(matches!(
        err,
        ProviderError::WrongCredentials {
            provider: ProviderKind::Gjirafa,
            ..
        }
    ));
    assert!(!format!("{r:?}").contains("k2"));
}

#[test]
fn project_ids_are_uuids() {
    assert_eq!(
        ProjectId::parse("3FA85F64-5717-4562-B3FC-2C963F66AFA6").unwrap(),
        project()
    );
    for bad in [
        "",
        "x",
        "../3fa85f64-5717-4562-b3fc-2c963f66afa6",
        "3fa85f64-5717-4562-b3fc-2c963f66afa",
        "3fa85f64/5717-4562-b3fc-2c963f66afa6",
    ] {
        assert!(ProjectId::parse(bad).is_err(), "{bad}");
    }
}

#[test]
fn capabilities_say_names_only_and_dns() {
    let c = adapter().capabilities();
    assert_eq!(c.csr, CsrUse::NotAccepted);
    assert_eq!(c.dcv.name, [DcvMethod::Dns]);
    assert_eq!(c.dcv.wildcard, [DcvMethod::Dns]);
    assert!(c.dcv.ip.is_empty());
    assert!(c.wildcard_sans && c.resend_dcv && c.cancel);
    assert!(!c.quotes && !c.approver_lookup && !c.change_dcv && !c.revoke);
    assert!(c.download_formats.is_empty());
    assert!(matches!(
        adapter().products(),
        Err(ProviderError::Unsupported { .. })
    ));
}

fn draft(names: &[&str]) -> OrderDraft {
    OrderDraft {
        common_name: Some(dn(names[0])),
        sans: names[1..].iter().copied().map(dn).collect(),
        dcv: vec![DcvChoice::all(DcvMethod::Dns)],
        ..OrderDraft::default()
    }
}

#[test]
fn create_order_flow_from_a_draft() {
    let g = Gjirafa::new(project(), 3);
    let flow = g
        .create_order(&draft(&["acme-widgets.net", "*.acme-widgets.net"]))
        .unwrap();
    assert_eq!(flow.class(), OperationClass::Billable);
    let request = flow.request().unwrap();
    let sent: CreateCertificate = request.json().unwrap();
    assert_eq!(sent.domain_name, "acme-widgets.net");
    assert_eq!(sent.additional_domain_names, ["*.acme-widgets.net"]);
    assert_eq!(sent.scope_id, 3);
    let state = flow::run_sync(flow, |_, _| {
        Ok::<_, ()>(ok(&fixture("create-response.json")))
    })
    .unwrap();
    assert_eq!(state.handle.id, "0");
    assert_eq!(state.common_name.as_deref(), Some("string"));
    // A name listed twice is refused before sending, as the check of the draft reports it.
    let twice = g
        .create_order(&draft(&["acme-widgets.net", "ACME-widgets.net."]))
        .err();
    assert!(
        matches!(&twice, Some(ProviderError::InvalidInput { field, .. }) if field == "names"),
        "{twice:?}"
    );
    assert_eq!(state.not_after.as_deref(), Some("2021-07-26T09:00:50.544Z"));
    // A CSR, an e-mail DCV or no name at all are refused before anything is sent.
    let mut with_csr = draft(&["acme-widgets.net"]);
    with_csr.csr = Some("-----BEGIN CERTIFICATE REQUEST-----".into());
    let mut email = draft(&["acme-widgets.net"]);
    email.dcv = vec![DcvChoice::all(DcvMethod::Email)];
    for (d, field) in [
        (with_csr, "csr"),
        (email, "dcv"),
        (OrderDraft::default(), "domainName"),
    ] {
        assert!(
            matches!(g.create_order(&d), Err(ProviderError::InvalidInput { field: f, .. }) if f == field)
        );
    }
    // A name that does not parse never reaches a draft.
    assert!(OrderDraft::with_names("", ["bad name.acme-widgets.net"]).is_err());
}

#[test]
fn order_dcv_resend_update_delete_and_list_flows() {
    let g = adapter();
    let handle = OrderHandle::new(ProviderKind::Gjirafa, "12");
    let r = g.order(&handle).unwrap().request().unwrap();
    assert_eq!(
        (r.method, r.path.as_str()),
        (Method::Get, format!("{BASE}/12").as_str())
    );
    let state = flow::run_sync(g.order(&handle).unwrap(), |_, _| {
        Ok::<_, ()>(ok(&fixture("get-response.json")))
    })
    .unwrap();
    let r = g.dcv(&state).unwrap().request().unwrap();
    assert_eq!(r.path, format!("{BASE}/0"));
    let r = g.resend_dcv(&handle).unwrap().request().unwrap();
    assert_eq!(
        (r.method, r.path),
        (Method::Put, format!("{BASE}/12/validate"))
    );
    flow::run_sync(g.resend_dcv(&handle).unwrap(), |_, _| {
        Ok::<_, ()>(ok(&fixture("validate-response.json")))
    })
    .unwrap();
    let r = g.update_scope(&handle, 9).unwrap().request().unwrap();
    assert_eq!(
        (r.method, json(r.body.as_deref().unwrap())),
        (Method::Put, serde_json::json!({"scopeId": 9}))
    );
    let r = g.delete(&handle).unwrap().request().unwrap();
    assert_eq!((r.method, r.path), (Method::Delete, format!("{BASE}/12")));
    assert_eq!(g.list().request().unwrap().path, BASE);
    let bad = OrderHandle::new(ProviderKind::Gjirafa, "abc");
    assert!(matches!(
        g.order(&bad),
        Err(ProviderError::InvalidInput { .. })
    ));
    let import = g
        .import(
            "CERT",
            Secret::new("KEY"),
            "CHAIN",
            KeyImportConsent::given(),
        )
        .unwrap()
        .request()
        .unwrap();
    assert_eq!(import.path, format!("{BASE}/import"));
    assert_eq!(
        json(import.body.as_deref().unwrap())["certificatePrivateKey"],
        "KEY"
    );
}

#[test]
fn dns_records_become_instructions_and_unknown_words_are_kept() {
    let body = r#"{"success":true,"errors":[],"messages":[],"result":{"id":7,
        "domainName":"acme-widgets.net","additionalNames":"*.acme-widgets.net, www.acme-widgets.net",
        "certificateType":"Gjirafa Issued","certificateStatus":"Pending Validation",
        "dnsRecords":[{"key":"_acme-challenge.acme-widgets.net","value":"abc"},
                      {"key":"_acme-challenge.www.acme-widgets.net.","value":"def"},
                      {"key":"other","value":"ghi"}]}}"#;
    let answer = calls::get(&project(), 7).parse(&ok(body)).unwrap();
    assert_eq!(answer.result_info, None);
    let cert = &answer.result;
    assert_eq!(cert.certificate_type, Some(CertificateType::GjirafaIssued));
    assert_eq!(
        cert.certificate_status,
        Some(CertificateStatus::Other("Pending Validation".into()))
    );
    let state = map::certificate(cert);
    assert_eq!(
        state.status,
        OrderStatus::Unknown("Pending Validation".into())
    );
    assert_eq!(state.provider_status, "Pending Validation");
    assert_eq!(state.product.as_deref(), Some("Gjirafa Issued"));
    assert_eq!(
        state.names,
        [
            "acme-widgets.net",
            "*.acme-widgets.net",
            "www.acme-widgets.net"
        ]
    );
    let v = &state.validations;
    assert_eq!(v.len(), 3);
    assert_eq!(
        v.iter().map(|n| n.name.as_str()).collect::<Vec<_>>(),
        [
            "acme-widgets.net",
            "www.acme-widgets.net",
            "acme-widgets.net"
        ]
    );
    assert!(
        v.iter()
            .all(|n| n.method == DcvMethod::Dns && n.status == DcvStatus::Pending)
    );
    assert_eq!(
        v[0].instruction,
        Some(DcvInstruction::Dns(DnsRecord {
            name: "_acme-challenge.acme-widgets.net".into(),
            record_type: DnsRecordType::Txt,
            value: "abc".into(),
            ttl: None,
        }))
    );
    // Documented words map onto the neutral model.
    let active = body.replace("Pending Validation", "Active");
    let state = map::certificate(
        &calls::get(&project(), 7)
            .parse(&ok(&active))
            .unwrap()
            .result,
    );
    assert_eq!(state.status, OrderStatus::Issued);
    assert!(
        state
            .validations
            .iter()
            .all(|n| n.status == DcvStatus::Valid)
    );
    let expired = body
        .replace("Pending Validation", "Expired")
        .replace("Gjirafa Issued", "Imported");
    let cert = calls::get(&project(), 7)
        .parse(&ok(&expired))
        .unwrap()
        .result;
    assert_eq!(cert.certificate_type, Some(CertificateType::Imported));
    assert_eq!(map::certificate(&cert).status, OrderStatus::Expired);
    assert_eq!(CertificateStatus::Other("x".into()).to_string(), "x");
    assert_eq!(
        serde_json::to_value(Scope::Organization).unwrap(),
        "Organization"
    );
}

// Guards: every call constructor's request is recognised as that call, with its class.
#[test]
fn every_call_is_recognised_as_itself() {
    let adapter = adapter();
    let p = project();
    let mut rows = Recognition::new(&adapter);
    rows.check("list", calls::list(&p));
    rows.check("get", calls::get(&p, 7));
    rows.check("create", calls::create(&p, &real_create()));
    rows.check(
        "import",
        calls::import(&p, &seed_import(), KeyImportConsent::given()),
    );
    rows.check("update_scope", calls::update_scope(&p, 7, 2));
    rows.check("validate", calls::validate(&p, 7));
    rows.check("delete", calls::delete(&p, 7));
    rows.finish(7);
}
