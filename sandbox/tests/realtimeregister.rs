//! The Realtime Register simulator: the adapter's own flows against it (catalog → approvers →
//! quote → order with the billing handshake → DCV → complete-dcv → issued → download), its
//! answers against the documents' examples, its field rules, auth and faults.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

#[path = "support/drive.rs"]
mod drive;

use drive::Open as _;
#[path = "support/pki.rs"]
mod pki;

use certorder::domain::DomainName;
use certorder::http::{HttpRequest, Method};
use certorder::order::{DcvChoice, DcvInstruction, DcvMethod, OrderDraft, OrderStatus};
use certorder::product::Period;
use certorder::provider::realtimeregister::{ErrorType, RealtimeRegister};
use certorder::provider::{OperationClass, Provider, ProviderError, ProviderKind};
use certorder_sandbox::{Reply, Sandbox, SandboxSettings};
use serde_json::{Value, json};

/// A name as a draft holds it.
fn dn(name: &str) -> DomainName {
    DomainName::parse(name).expect("a valid name")
}

macro_rules! fixture {
    ($name:literal) => {
        serde_json::from_str::<Value>(include_str!(concat!(
            "../../tests/fixtures/providers/realtimeregister/",
            $name
        )))
        .unwrap()
    };
}

const NAMES: [&str; 5] = [
    "example.com",
    "www.example.com",
    "shop.example.com",
    "*.cdn.example.com",
    "mail.example.com",
];

fn sandbox() -> Sandbox {
    Sandbox::new(SandboxSettings::default()).unwrap()
}

fn draft(csr: &str) -> OrderDraft {
    OrderDraft {
        product: "sectigo_positivessl_multidomain".into(),
        period: Some(Period::months(12)),
        csr: Some(csr.into()),
        common_name: Some(dn(NAMES[0])),
        sans: NAMES[1..].iter().copied().map(dn).collect(),
        dcv: vec![
            DcvChoice::all(DcvMethod::Dns),
            DcvChoice {
                name: Some(dn("www.example.com")),
                method: DcvMethod::Http,
                approver: None,
            },
            DcvChoice {
                name: Some(dn("shop.example.com")),
                method: DcvMethod::Email,
                approver: Some("admin@example.com".into()),
            },
        ],
        ..OrderDraft::default()
    }
}

fn body_json(r: &certorder::http::HttpResponse) -> Value {
    serde_json::from_slice(&r.body).unwrap()
}

// Guards: the whole ordering flow through the adapter, and a real certificate at the end.
#[test]
fn adapter_flow_from_catalog_to_download() {
    let sandbox = sandbox();
    let rtr = RealtimeRegister::default();
    let products = drive::ok(&sandbox, &rtr, rtr.products().unwrap());
    assert_eq!(products.len(), 6);
    drive::every_level_and_kind(&products);
    let multi = products
        .iter()
        .find(|p| p.id == "sectigo_positivessl_multidomain")
        .unwrap();
    assert!(multi.wildcard_sans);
    assert_eq!(
        (multi.included_names, multi.max_names),
        (Some(3), Some(250))
    );

    let approvers = drive::ok(
        &sandbox,
        &rtr,
        rtr.approvers(&multi.id, "*.shop.example.com").unwrap(),
    );
    assert_eq!(approvers.name, "shop.example.com");
    assert_eq!(approvers.emails[0], "admin@shop.example.com");
    assert!(
        approvers
            .emails
            .contains(&"webmaster@example.com".to_owned())
    );

    let (csr, spki) = pki::csr(&NAMES);
    let quote = drive::ok(&sandbox, &rtr, rtr.quote(&draft(&csr)).unwrap());
    // 2500 for three names, one extra name at 1250 and one extra wildcard at 6500.
    assert_eq!(quote.total.minor, 2_500 + 1_250 + 6_500);
    assert_eq!(quote.total.currency.as_deref(), Some("EUR"));
    assert_eq!(quote.lines.len(), 3);

    let mut log = Vec::new();
    let state = drive::run(
        &sandbox,
        &rtr,
        rtr.create_order(&drive::accepted(&sandbox, &rtr, draft(&csr)))
            .unwrap(),
        &mut log,
    )
    .unwrap();
    assert_eq!(
        log,
        vec![
            (OperationClass::Billable, 400),
            (OperationClass::Billable, 202)
        ]
    );
    assert_eq!(state.status, OrderStatus::Pending);
    let process = state.handle.operation.clone().unwrap();

    let fp = certorder::csr::inspect(csr.as_bytes())
        .unwrap()
        .info
        .fingerprints;
    let validations = drive::ok(&sandbox, &rtr, rtr.dcv(&state).unwrap());
    assert_eq!(validations.len(), NAMES.len());
    let mut unique = None;
    for v in &validations {
        match (&v.name[..], &v.instruction) {
            ("*.cdn.example.com", Some(DcvInstruction::Dns(record))) => {
                assert_eq!(record.name, format!("_{}.cdn.example.com", fp.md5));
                let parts: Vec<&str> = record.value.split('.').collect();
                assert_eq!(parts[0], &fp.sha256[..32]);
                assert_eq!(parts[1], &fp.sha256[32..]);
                assert_eq!(&parts[3..], ["sectigo", "com"]);
                unique = Some(parts[2].to_owned());
            }
            ("www.example.com", Some(DcvInstruction::File { url, content })) => {
                assert_eq!(
                    url,
                    &format!("www.example.com/.well-known/pki-validation/{}.txt", fp.md5)
                );
                let lines: Vec<&str> = content.lines().collect();
                assert_eq!(lines[..2], [fp.sha256.as_str(), "sectigo.com"]);
                assert_eq!(lines.len(), 3);
            }
            ("shop.example.com", Some(DcvInstruction::Email { approver })) => {
                assert_eq!(approver, "admin@example.com");
            }
            ("example.com" | "mail.example.com", Some(DcvInstruction::Dns(_))) => {}
            other => panic!("unexpected DCV {other:?}"),
        }
    }
    assert_eq!(unique.unwrap().len(), 10);

    // Pending until DCV is marked done.
    let pending = drive::ok(&sandbox, &rtr, rtr.order(&state.handle).unwrap());
    assert!(pending.status.is_open());
    let path = format!("/orders/{process}/complete-dcv");
    let done = drive::control(&sandbox, &rtr, Method::Post, &path, "");
    assert_eq!(done["status"], "COMPLETED");
    let again = sandbox.control(ProviderKind::RealtimeRegister, Method::Post, &path, b"");
    assert_eq!(again.status, 409);

    let issued = drive::ok(&sandbox, &rtr, rtr.order(&state.handle).unwrap());
    assert_eq!(issued.status, OrderStatus::Issued);
    assert_ne!(issued.handle.id, process);
    let cert = drive::ok(&sandbox, &rtr, rtr.download(&issued.handle).unwrap());
    pki::check_issued(
        sandbox.ca(),
        &pki::first_der(&cert.pem),
        Some(&spki),
        &NAMES,
        12,
    );

    // Every download format.
    let download = |format: &str| {
        let request = HttpRequest::new(
            Method::Get,
            format!("/v2/ssl/certificates/{}/download", issued.handle.id),
        )
        .with_query("format", format);
        drive::respond(&sandbox, &rtr, request)
    };
    let bundle = download("CA_BUNDLE");
    assert_eq!(
        ::pem::parse_many(&bundle.body)
            .unwrap()
            .iter()
            .map(|p| p.contents().to_vec())
            .collect::<Vec<_>>(),
        vec![
            sandbox.ca().intermediate_der().to_vec(),
            sandbox.ca().root_der().to_vec()
        ]
    );
    assert_eq!(
        pki::first_der(bundle.text().unwrap()),
        sandbox.ca().intermediate_der()
    );
    assert_eq!(
        pki::first_der(download("CA").text().unwrap()),
        sandbox.ca().intermediate_der()
    );
    assert_eq!(download("CSR").text().unwrap(), csr);
    let p7 = ::pem::parse(download("PKCS7").body).unwrap();
    assert_eq!(p7.tag(), "PKCS7");
    let leaf = pki::first_der(&cert.pem);
    assert!(p7.contents().windows(leaf.len()).any(|w| w == leaf));
    let zip = download("ZIP");
    assert_eq!(&zip.body[..4], b"PK\x03\x04");
    assert!(
        zip.body
            .windows(cert.pem.len())
            .any(|w| w == cert.pem.as_bytes())
    );
    let bad = download("DOCX");
    assert_eq!(
        (bad.status, body_json(&bad)["type"].as_str()),
        (400, Some("InvalidParameter"))
    );
}

// Guards: the free www twin of a single-domain product is added, priced at nothing, and
// validated with the common name's entry; `san: []` drops it.
#[test]
fn single_domain_twin() {
    let sandbox = sandbox();
    let rtr = RealtimeRegister::default();
    let (csr, spki) = pki::csr(&["example.org"]);
    let draft = OrderDraft {
        product: "sectigo_positivessl".into(),
        period: Some(Period::months(24)),
        csr: Some(csr),
        common_name: Some(dn("example.org")),
        dcv: vec![DcvChoice {
            name: None,
            method: DcvMethod::Email,
            approver: Some("admin@example.org".into()),
        }],
        ..OrderDraft::default()
    };
    let quote = drive::ok(&sandbox, &rtr, rtr.quote(&draft).unwrap());
    assert_eq!(quote.total.minor, 795 * 2);
    let state = drive::ok(
        &sandbox,
        &rtr,
        rtr.create_order(&drive::accepted(&sandbox, &rtr, draft.clone()))
            .unwrap(),
    );
    let names: Vec<&str> = state.validations.iter().map(|v| v.name.as_str()).collect();
    assert_eq!(names, ["example.org", "www.example.org"]);
    let process = state.handle.operation.clone().unwrap();
    drive::control(
        &sandbox,
        &rtr,
        Method::Post,
        &format!("/sandbox/realtimeregister/orders/{process}/complete-dcv"),
        "",
    );
    let issued = drive::ok(&sandbox, &rtr, rtr.order(&state.handle).unwrap());
    let cert = drive::ok(&sandbox, &rtr, rtr.download(&issued.handle).unwrap());
    pki::check_issued(
        sandbox.ca(),
        &pki::first_der(&cert.pem),
        Some(&spki),
        &["example.org", "www.example.org"],
        24,
    );
}

// Guards: resend switches a name's method, and the new details follow.
#[test]
fn change_dcv_through_resend() {
    let sandbox = sandbox();
    let rtr = RealtimeRegister::default();
    let (csr, _) = pki::csr(&NAMES);
    let state = drive::ok(
        &sandbox,
        &rtr,
        rtr.create_order(&drive::accepted(&sandbox, &rtr, draft(&csr)))
            .unwrap(),
    );
    let choice = DcvChoice {
        name: Some(dn("mail.example.com")),
        method: DcvMethod::Email,
        approver: Some("postmaster@mail.example.com".into()),
    };
    drive::ok(
        &sandbox,
        &rtr,
        rtr.change_dcv(&state.handle, &choice).unwrap(),
    );
    let validations = drive::ok(&sandbox, &rtr, rtr.dcv(&state).unwrap());
    let mail = validations
        .iter()
        .find(|v| v.name == "mail.example.com")
        .unwrap();
    assert_eq!(
        mail.instruction,
        Some(DcvInstruction::Email {
            approver: "postmaster@mail.example.com".into()
        })
    );
    drive::ok(&sandbox, &rtr, rtr.resend_dcv(&state.handle).unwrap());
    // FILE for a wildcard is refused as a constraint violation.
    let choice = DcvChoice {
        name: Some(dn("*.cdn.example.com")),
        method: DcvMethod::Http,
        approver: None,
    };
    let err = drive::run(
        &sandbox,
        &rtr,
        rtr.change_dcv(&state.handle, &choice).unwrap(),
        &mut Vec::new(),
    )
    .unwrap_err();
    let certorder::provider::flow::RunError::Provider(ProviderError::RealtimeRegister(e)) = err
    else {
        panic!("{err:?}")
    };
    assert_eq!(e.error_type, ErrorType::ConstraintViolationException);
    assert_eq!(e.violations()[0].field, "dcv[0].type");
}

fn raw(sandbox: &Sandbox, body: Value, quote: bool) -> certorder::http::HttpResponse {
    let mut request = HttpRequest::new(Method::Post, "/v2/ssl/certificates")
        .with_json(&body)
        .unwrap();
    if quote {
        request = request.with_query("quote", "true");
    }
    drive::respond(sandbox, &RealtimeRegister::default(), request)
}

// Guards: a body breaking the document's rules gets `ConstraintViolationException` naming
// each field; unknown fields, bad periods and unknown products get their own types.
#[test]
fn field_rules_and_error_shapes() {
    let sandbox = sandbox();
    let (csr, _) = pki::csr(&["example.com"]);
    let r = raw(
        &sandbox,
        json!({
            "product": "sectigo_positivessl_multidomain", "period": 12, "csr": csr,
            "san": ["Example.COM"],
            "approver": {"firstName": "A", "lastName": "B", "email": "a@example.com", "voice": "0384530759"},
            "dcv": [{"commonName": "example.com", "type": "HTTP"}, {"commonName": "example.com", "type": "EMAIL"}],
            "uniqueValue": "not unique!",
        }),
        true,
    );
    assert_eq!(r.status, 400);
    let body = body_json(&r);
    assert_eq!(body["type"], "ConstraintViolationException");
    let fields: Vec<&str> = body["violations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["field"].as_str().unwrap())
        .collect();
    for field in [
        "san[0]",
        "uniqueValue",
        "approver.voice",
        "dcv[0].type",
        "dcv[1].email",
    ] {
        assert!(fields.contains(&field), "{field} in {fields:?}");
    }
    let voice = body["violations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["field"] == "approver.voice")
        .unwrap();
    assert_eq!(voice["value"], "0384530759");
    assert_eq!(
        voice["message"],
        "must match \"\\+[0-9]{1,3}\\.[0-9]{1,14}\""
    );

    let r = raw(
        &sandbox,
        json!({"product": "x", "period": 12, "csr": csr, "foo": 1}),
        false,
    );
    assert_eq!(
        body_json(&r),
        json!({"type": "UnrecognizedPropertyException", "message": "Unrecognized field \"foo\""})
    );
    let base = json!({"product": "sectigo_positivessl", "period": 7, "csr": csr, "dcv": [{"commonName": "example.com", "type": "DNS"}]});
    let r = raw(&sandbox, base.clone(), false);
    assert_eq!(
        (r.status, body_json(&r)["message"].as_str()),
        (400, Some("Invalid parameter: period"))
    );
    let mut unknown = base.clone();
    unknown["product"] = json!("ssl_nonexistent");
    assert_eq!(raw(&sandbox, unknown, false).status, 404);
    let mut bad_csr = base;
    bad_csr["period"] = json!(12);
    bad_csr["csr"] =
        json!("-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----");
    let r = raw(&sandbox, bad_csr, false);
    assert_eq!(body_json(&r)["violations"][0]["field"], "csr");
    // An OV product needs its organisation fields.
    let r = raw(
        &sandbox,
        json!({"product": "sectigo_ov_ssl", "period": 12, "csr": csr, "dcv": [{"commonName": "example.com", "type": "DNS"}]}),
        true,
    );
    let fields: Vec<String> = body_json(&r)["violations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["field"].as_str().unwrap().to_owned())
        .collect();
    for field in [
        "organization",
        "address",
        "postalCode",
        "city",
        "country",
        "approver",
    ] {
        assert!(fields.iter().any(|f| f == field), "{field} in {fields:?}");
    }
    // Organisation, city and country in the CSR make those fields optional.
    use rcgen::DnType;
    let (ov_csr, _) = pki::csr_with_subject(
        &["example.com"],
        &[
            (DnType::OrganizationName, "Example B.V."),
            (DnType::LocalityName, "Zwolle"),
            (DnType::CountryName, "NL"),
        ],
    );
    let r = raw(
        &sandbox,
        json!({"product": "sectigo_ov_ssl", "period": 12, "csr": ov_csr, "dcv": [{"commonName": "example.com", "type": "DNS"}]}),
        true,
    );
    let fields: Vec<String> = body_json(&r)["violations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["field"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(fields, ["address", "postalCode", "approver"]);
}

// Guards: the sandbox can be shared across the server's threads.
#[test]
fn the_sandbox_is_send_and_sync() {
    fn shared<T: Send + Sync>() {}
    shared::<Sandbox>();
}

// Guards: no credentials, wrong credentials: `AuthenticationFailed`, 401; nothing else runs.
#[test]
fn auth_is_required() {
    let sandbox = sandbox();
    for auth in [None, Some("ApiKey d3Jvbmcva2V5"), Some("Bearer x")] {
        let mut request = HttpRequest::new(Method::Get, "/v2/ssl/products");
        if let Some(a) = auth {
            request = request.with_header("Authorization", a);
        }
        let Reply::Respond(r) = sandbox.handle(ProviderKind::RealtimeRegister, &request) else {
            panic!()
        };
        assert_eq!(r.status, 401);
        assert_eq!(
            body_json(&r),
            json!({"type": "AuthenticationFailed", "message": "Authentication failed"})
        );
    }
}

// Guards: the simulator's answers have every field of the documents' examples, typed alike.
#[test]
fn answers_match_the_documents_examples() {
    let sandbox = sandbox();
    let rtr = RealtimeRegister::default();
    let get = |path: &str| drive::respond(&sandbox, &rtr, HttpRequest::new(Method::Get, path));
    let product = get("/v2/ssl/products/sectigo_positivessl_multidomain");
    drive::same_shape(
        &fixture!("product-sdk-test.json"),
        &body_json(&product),
        "product",
        &[],
    );
    let list = body_json(&get("/v2/ssl/products?limit=2&offset=1"));
    assert_eq!(list["entities"].as_array().unwrap().len(), 2);
    assert_eq!(list["pagination"]["total"], 6);
    drive::same_shape(
        &fixture!("products-list.json"),
        &list,
        "list",
        &["list.entities[]"],
    );
    drive::same_shape(
        &fixture!("dcv-email-list.json"),
        &body_json(&get("/v2/ssl/dcvemailaddresslist/example.com")),
        "emails",
        &[],
    );

    let (csr, _) = pki::csr(&NAMES);
    let quote = raw(
        &sandbox,
        serde_json::to_value(rtr.request_body(&draft(&csr)).unwrap()).unwrap(),
        true,
    );
    let mut quote_body = body_json(&quote);
    drive::same_shape(&fixture!("quote.json"), &quote_body, "quote", &[]);
    let unacknowledged = raw(
        &sandbox,
        serde_json::to_value(rtr.request_body(&draft(&csr)).unwrap()).unwrap(),
        false,
    );
    let errors = fixture!("errors.json");
    let handshake = errors
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["body"]["type"] == "BillableAcknowledgmentNeededException")
        .unwrap();
    assert_eq!(unacknowledged.status, 400);
    drive::same_shape(
        &handshake["body"],
        &body_json(&unacknowledged),
        "handshake",
        &[],
    );

    let mut body = serde_json::to_value(rtr.request_body(&draft(&csr)).unwrap()).unwrap();
    body["customer"] = json!("sandbox");
    body["billables"] = quote_body["quote"]["billables"].take();
    let created = raw(&sandbox, body, false);
    assert_eq!(created.status, 202);
    let process = created.header("x-process-id").unwrap().to_owned();
    let mock = fixture!("request-202-sdk-mock.json");
    drive::same_shape(
        &mock,
        &body_json(&created),
        "created",
        &["created.validations.dcv[]"],
    );

    let info = body_json(&get(&format!("/v2/processes/{process}/info")));
    let example = fixture!("process-info.json");
    for entry in info["validations"]["dcv"].as_array().unwrap() {
        let same_type = example["validations"]["dcv"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["type"] == entry["type"])
            .unwrap();
        drive::same_shape(same_type, entry, "dcv", &["dcv.riskStatus"]);
    }
    drive::same_shape(
        &fixture!("process.json"),
        &body_json(&get(&format!("/v2/processes/{process}"))),
        "process",
        &[],
    );

    drive::control(
        &sandbox,
        &rtr,
        Method::Post,
        &format!("/orders/{process}/complete-dcv"),
        "",
    );
    let info = body_json(&get(&format!("/v2/processes/{process}/info")));
    let certificate = body_json(&get(&format!(
        "/v2/ssl/certificates/{}",
        info["certificateId"]
    )));
    drive::same_shape(
        &fixture!("certificate.json"),
        &certificate,
        "cert",
        &[
            "cert.organization",
            "cert.department",
            "cert.addressLine",
            "cert.city",
            "cert.state",
            "cert.postalCode",
            "cert.country",
            "cert.coc",
            "cert.providerId",
        ],
    );
    assert_eq!(certificate["status"], "ACTIVE");
}

// Guards: an armed fault hits the next call of its operation only, once; the store is bounded.
#[test]
fn faults_and_the_order_bound() {
    let sandbox = Sandbox::new(SandboxSettings { max_orders: 2 }).unwrap();
    let rtr = RealtimeRegister::default();
    let products = || HttpRequest::new(Method::Get, "/v2/ssl/products");
    for (fault, check) in [
        (
            "hang",
            Box::new(|r: Reply| assert_eq!(r, Reply::Hang)) as Box<dyn Fn(Reply)>,
        ),
        ("reset", Box::new(|r: Reply| assert_eq!(r, Reply::Reset))),
        (
            "error",
            Box::new(|r: Reply| assert!(matches!(r, Reply::Respond(ref x) if x.status == 500))),
        ),
        (
            "malformed",
            Box::new(|r: Reply| {
                let Reply::Respond(x) = r else { panic!() };
                assert_eq!(x.status, 200);
                assert!(serde_json::from_slice::<Value>(&x.body).is_err());
            }),
        ),
    ] {
        let arm = format!("{{\"operation\": \"GET /v2/ssl/products\", \"fault\": \"{fault}\"}}");
        drive::control(&sandbox, &rtr, Method::Post, "/faults", &arm);
        // Another operation is not affected.
        let other = drive::respond(
            &sandbox,
            &rtr,
            HttpRequest::new(Method::Get, "/v2/ssl/dcvemailaddresslist/example.com"),
        );
        assert_eq!(other.status, 200);
        check(drive::send(&sandbox, &rtr, products()));
        assert_eq!(drive::respond(&sandbox, &rtr, products()).status, 200);
    }
    let bad = sandbox.control(
        ProviderKind::RealtimeRegister,
        Method::Post,
        "/faults",
        b"{\"fault\": \"slow\"}",
    );
    assert_eq!(bad.status, 400);

    let (csr, _) = pki::csr(&NAMES);
    let processes: Vec<String> = (0..3)
        .map(|_| {
            drive::ok(
                &sandbox,
                &rtr,
                rtr.create_order(&drive::accepted(&sandbox, &rtr, draft(&csr)))
                    .unwrap(),
            )
            .handle
            .operation
            .unwrap()
        })
        .collect();
    let info = |p: &str| {
        drive::respond(
            &sandbox,
            &rtr,
            HttpRequest::new(Method::Get, format!("/v2/processes/{p}/info")),
        )
        .status
    };
    assert_eq!(info(&processes[0]), 404, "the oldest order is evicted");
    assert_eq!((info(&processes[1]), info(&processes[2])), (200, 200));
    let gone = sandbox.control(
        ProviderKind::RealtimeRegister,
        Method::Post,
        &format!("/orders/{}/complete-dcv", processes[0]),
        b"",
    );
    assert_eq!(gone.status, 404);
}

// Guards: the certificate list, the AuthKey and the process actions answer in the documents'
// shapes.
#[test]
fn list_authkey_and_process_actions() {
    let sandbox = sandbox();
    let rtr = RealtimeRegister::default();
    let (csr, _) = pki::csr(&NAMES);
    let post = |path: &str, body: Value| {
        drive::respond(
            &sandbox,
            &rtr,
            HttpRequest::new(Method::Post, path)
                .with_json(&body)
                .unwrap(),
        )
    };
    let key = body_json(&post(
        "/v2/ssl/authkey",
        json!({"product": "sectigo_positivessl", "csr": csr}),
    ));
    drive::same_shape(&fixture!("authkey.json"), &key, "authkey", &[]);
    let missing = post("/v2/ssl/authkey", json!({"product": "sectigo_positivessl"}));
    assert_eq!(body_json(&missing)["violations"][0]["field"], "csr");

    let state = drive::ok(
        &sandbox,
        &rtr,
        rtr.create_order(&drive::accepted(&sandbox, &rtr, draft(&csr)))
            .unwrap(),
    );
    let process = state.handle.operation.clone().unwrap();
    let sent = post(
        &format!("/v2/processes/{process}/send-subscriber-agreement"),
        json!({"email": "admin@example.com"}),
    );
    assert_eq!(sent.status, 200);
    drive::control(
        &sandbox,
        &rtr,
        Method::Post,
        &format!("/orders/{process}/complete-dcv"),
        "",
    );
    let late = post(
        &format!("/v2/processes/{process}/schedule-validation-call"),
        json!({"date": "2026-12-02T10:00:00Z"}),
    );
    assert_eq!(late.status, 400);
    let list = body_json(&drive::respond(
        &sandbox,
        &rtr,
        HttpRequest::new(Method::Get, "/v2/ssl/certificates"),
    ));
    assert_eq!(list["pagination"]["total"], 1);
    let example = fixture!("certificates-list.json");
    drive::same_shape(
        &example["entities"][0],
        &list["entities"][0],
        "item",
        &[
            "item.organization",
            "item.department",
            "item.addressLine",
            "item.city",
            "item.state",
            "item.postalCode",
            "item.country",
            "item.coc",
            "item.providerId",
        ],
    );
}

// Guards: an order whose billables differ from the accepted quote stops before anything is
// charged, through the simulator's handshake.
#[test]
fn a_changed_price_stops_the_order() {
    let sandbox = sandbox();
    let rtr = RealtimeRegister::default();
    let (csr, _) = pki::csr(&NAMES);
    let mut stale = drive::accepted(&sandbox, &rtr, draft(&csr));
    if let Some(q) = stale.accepted_quote.as_mut() {
        q.total.minor -= 100;
        if let Some(line) = q.lines.first_mut() {
            line.amount.minor -= 100;
        }
    }
    let mut log = Vec::new();
    let err = drive::run(&sandbox, &rtr, rtr.create_order(&stale).unwrap(), &mut log).unwrap_err();
    assert!(
        matches!(
            err,
            certorder::provider::flow::RunError::Provider(ProviderError::PriceChanged { .. })
        ),
        "{err:?}"
    );
    assert_eq!(
        log,
        vec![(OperationClass::Billable, 400)],
        "the handshake is not answered"
    );
    let list = drive::respond(
        &sandbox,
        &rtr,
        HttpRequest::new(Method::Get, "/v2/processes/1000"),
    );
    assert_eq!(list.status, 404, "no process was created");
}
