//! The adapter's own flows against the simulator: catalog to download, the free twin, DCV
//! switched through resend, the list, AuthKey and process actions, a changed price.

use super::*;

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
        rtr.approvers(&multi.id, "*.shop.sandbox-shop.com").unwrap(),
    );
    assert_eq!(approvers.name, "shop.sandbox-shop.com");
    assert_eq!(approvers.emails[0], "admin@shop.sandbox-shop.com");
    assert!(
        approvers
            .emails
            .contains(&"webmaster@sandbox-shop.com".to_owned())
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
            ("*.cdn.sandbox-shop.com", Some(DcvInstruction::Dns(record))) => {
                assert_eq!(record.name, format!("_{}.cdn.sandbox-shop.com", fp.md5));
                let parts: Vec<&str> = record.value.split('.').collect();
                assert_eq!(parts[0], &fp.sha256[..32]);
                assert_eq!(parts[1], &fp.sha256[32..]);
                assert_eq!(&parts[3..], ["sectigo", "com"]);
                unique = Some(parts[2].to_owned());
            }
            ("www.sandbox-shop.com", Some(DcvInstruction::File { url, content })) => {
                assert_eq!(
                    url,
                    &format!(
                        "www.sandbox-shop.com/.well-known/pki-validation/{}.txt",
                        fp.md5
                    )
                );
                let lines: Vec<&str> = content.lines().collect();
                assert_eq!(lines[..2], [fp.sha256.as_str(), "sectigo.com"]);
                assert_eq!(lines.len(), 3);
            }
            ("shop.sandbox-shop.com", Some(DcvInstruction::Email { approver })) => {
                assert_eq!(approver, "admin@sandbox-shop.com");
            }
            ("sandbox-shop.com" | "mail.sandbox-shop.com", Some(DcvInstruction::Dns(_))) => {}
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
    pki::check_issued_pem(sandbox.ca(), &cert.pem, Some(&spki), &NAMES, 12);

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
    let (csr, spki) = pki::csr(&["sandbox-shop.org"]);
    let draft = OrderDraft {
        product: "sectigo_positivessl".into(),
        period: Some(Period::months(24)),
        csr: Some(csr),
        common_name: Some(dn("sandbox-shop.org")),
        dcv: vec![DcvChoice {
            name: None,
            method: DcvMethod::Email,
            approver: Some("admin@sandbox-shop.org".into()),
        }],
        ..OrderDraft::default()
    };
    let quote = drive::ok(&sandbox, &rtr, rtr.quote(&draft).unwrap());
    assert_eq!(quote.total.minor, 795 * 2);
    let state = drive::place(&sandbox, &rtr, draft.clone());
    let names: Vec<&str> = state.validations.iter().map(|v| v.name.as_str()).collect();
    assert_eq!(names, ["sandbox-shop.org", "www.sandbox-shop.org"]);
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
    pki::check_issued_pem(
        sandbox.ca(),
        &cert.pem,
        Some(&spki),
        &["sandbox-shop.org", "www.sandbox-shop.org"],
        24,
    );
}

// Guards: resend switches a name's method, and the new details follow.
#[test]
fn change_dcv_through_resend() {
    let sandbox = sandbox();
    let rtr = RealtimeRegister::default();
    let (csr, _) = pki::csr(&NAMES);
    let state = drive::place(&sandbox, &rtr, draft(&csr));
    let choice = DcvChoice {
        name: Some(dn("mail.sandbox-shop.com")),
        method: DcvMethod::Email,
        approver: Some("postmaster@mail.sandbox-shop.com".into()),
    };
    drive::ok(
        &sandbox,
        &rtr,
        rtr.change_dcv(&state.handle, &choice).unwrap(),
    );
    let validations = drive::ok(&sandbox, &rtr, rtr.dcv(&state).unwrap());
    let mail = validations
        .iter()
        .find(|v| v.name == "mail.sandbox-shop.com")
        .unwrap();
    assert_eq!(
        mail.instruction,
        Some(DcvInstruction::Email {
            approver: "postmaster@mail.sandbox-shop.com".into()
        })
    );
    drive::ok(&sandbox, &rtr, rtr.resend_dcv(&state.handle).unwrap());
    // FILE for a wildcard is refused as a constraint violation.
    let choice = DcvChoice {
        name: Some(dn("*.cdn.sandbox-shop.com")),
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

    let state = drive::place(&sandbox, &rtr, draft(&csr));
    let process = state.handle.operation.clone().unwrap();
    let sent = post(
        &format!("/v2/processes/{process}/send-subscriber-agreement"),
        json!({"email": "admin@sandbox-shop.com"}),
    );
    assert_eq!(sent.status, 200);
    drive::complete_dcv(&sandbox, &rtr, &process);
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
