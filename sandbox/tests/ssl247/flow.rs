//! The adapter's flows against the simulator: catalog to revocation; e-mail DCV, OV and the
//! quick orders.

use super::*;

// Guards: the ordering flow through the adapter, a real certificate, and its life after.
#[test]
fn adapter_flow_from_catalog_to_revocation() {
    let sandbox = sandbox();
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

    let state = drive::place(&sandbox, &ssl, draft(&csr, DcvMethod::Dns));
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
    drive::complete_dcv(&sandbox, &ssl, &id);
    let issued = drive::ok(&sandbox, &ssl, ssl.order(&state.handle).unwrap());
    assert_eq!(issued.status, OrderStatus::Issued);
    let cert = drive::ok(&sandbox, &ssl, ssl.download(&state.handle).unwrap());
    pki::check_issued_pem(sandbox.ca(), &cert.pem, Some(&spki), &NAMES, 24);
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
    drive::complete_dcv(&sandbox, &ssl, &id);
    let cert2 = drive::ok(&sandbox, &ssl, ssl.download(&state.handle).unwrap());
    pki::check_issued_pem(sandbox.ca(), &cert2.pem, Some(&spki2), &NAMES, 24);

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
    let sandbox = sandbox();
    let ssl = Ssl247;
    let (csr, spki) = pki::csr(&NAMES);
    let state = drive::place(&sandbox, &ssl, draft(&csr, DcvMethod::Email));
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

    let (single_csr, single_spki) = pki::csr(&["sandbox-shop.org"]);
    let mut ov = OrderDraft {
        product: "sectigo-ov".into(),
        csr: Some(single_csr.clone()),
        common_name: Some(dn("sandbox-shop.org")),
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
        email: "ada@sandbox-shop.org".into(),
        phone: Some("+44.2000000000".into()),
    });
    let state = drive::place(&sandbox, &ssl, ov.clone());
    drive::control(
        &sandbox,
        &ssl,
        Method::Post,
        &format!("/orders/{}/complete-dcv", state.handle.id),
        "",
    );
    let cert = drive::ok(&sandbox, &ssl, ssl.download(&state.handle).unwrap());
    pki::check_issued_pem(
        sandbox.ca(),
        &cert.pem,
        Some(&single_spki),
        &["sandbox-shop.org"],
        12,
    );

    let quick = OrderDraft {
        product: "positivessl".into(),
        csr: Some(single_csr),
        common_name: Some(dn("sandbox-shop.org")),
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
            "http://sandbox-shop.org/.well-known/pki-validation/{}.txt",
            fp.md5
        )
    );
    assert_eq!(
        content.lines().take(2).collect::<Vec<_>>(),
        [fp.sha256.as_str(), "sectigo.com"]
    );
    let _ = spki;
}
