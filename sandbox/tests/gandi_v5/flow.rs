//! The adapter's flows against the simulator: packages to revocation, the free twin, DCV
//! changes and wildcard rules, DigiCert packages.

use super::*;

// Guards: the ordering flow through the adapter, a real certificate, and its life after.
#[test]
fn adapter_flow_from_packages_to_revocation() {
    let sandbox = sandbox();
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
    drive::complete_dcv(&sandbox, &gandi, &id);
    let issued = drive::ok(&sandbox, &gandi, gandi.order(&state.handle).unwrap());
    assert_eq!(issued.status, OrderStatus::Issued);
    assert_eq!(issued.names, NAMES);
    let cert = drive::ok(&sandbox, &gandi, gandi.download(&state.handle).unwrap());
    pki::check_issued_pem(sandbox.ca(), &cert.pem, Some(&spki), &NAMES, 12);
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
    drive::complete_dcv(&sandbox, &gandi, &id);
    let cert2 = drive::ok(&sandbox, &gandi, gandi.download(&state.handle).unwrap());
    pki::check_issued_pem(sandbox.ca(), &cert2.pem, Some(&spki2), &NAMES, 12);

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
    let sandbox = sandbox();
    let gandi = GandiV5;
    let (csr, spki) = pki::csr(&["sandbox-shop.org"]);
    let state = drive::ok(
        &sandbox,
        &gandi,
        gandi
            .create_order(&draft(
                &csr,
                "cert_std_1_0_0",
                &["sandbox-shop.org"],
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
        ["sandbox-shop.org", "www.sandbox-shop.org"]
    );
    let fp = certorder::csr::inspect(csr.as_bytes())
        .unwrap()
        .info
        .fingerprints;
    let Some(DcvInstruction::Text { message }) = &validations[0].instruction else {
        panic!("{validations:?}")
    };
    assert!(message.contains(&format!(
        "http://sandbox-shop.org/.well-known/pki-validation/{}.txt",
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
    pki::check_issued_pem(
        sandbox.ca(),
        &cert.pem,
        Some(&spki),
        &["sandbox-shop.org", "www.sandbox-shop.org"],
        12,
    );

    let (wild, _) = pki::csr(&["*.sandbox-shop.org"]);
    let file = drive::respond(
        &sandbox,
        &gandi,
        calls::create(
            &GandiV5::create_request(&draft(
                &wild,
                "cert_std_w_0_0",
                &["*.sandbox-shop.org"],
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
                &["*.sandbox-shop.org"],
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

// Guards: a DigiCert package gets DigiCert's DCV (`_dnsauth` CNAME, also as `raw_messages`),
// and `apex_only` keeps the www twin out.
#[test]
fn digicert_packages() {
    let sandbox = sandbox();
    let gandi = GandiV5;
    let (csr, spki) = pki::csr(&["sandbox-shop.org"]);
    let mut body = GandiV5::create_request(&draft(
        &csr,
        "cert_std_1_10_0_digicert",
        &["sandbox-shop.org"],
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
    assert_eq!(params["fqdns"], json!(["sandbox-shop.org"]));
    let pair = &params["raw_messages"][0];
    assert_eq!(pair[0], "_dnsauth.sandbox-shop.org.");
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
        name: "sandbox-shop.org".into(),
        method: DcvMethod::Dns,
        status: certorder::order::DcvStatus::Pending,
        instruction: None,
    }];
    let validations = drive::ok(&sandbox, &gandi, gandi.dcv(&state).unwrap());
    let Some(DcvInstruction::Dns(record)) = &validations[0].instruction else {
        panic!("{validations:?}")
    };
    assert_eq!(record.name, "_dnsauth.sandbox-shop.org.");
    drive::complete_dcv(&sandbox, &gandi, &id);
    let cert = drive::ok(&sandbox, &gandi, gandi.download(&state.handle).unwrap());
    pki::check_issued_pem(
        sandbox.ca(),
        &cert.pem,
        Some(&spki),
        &["sandbox-shop.org"],
        12,
    );
}
