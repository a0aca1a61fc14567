//! Rules an adapter applies before sending, and neutral readings of what providers answer:
//! Gandi re-sends only DCV e-mails and shows the approver the provider named; Realtime
//! Register sends `san` only with names besides the common name and downloads nothing
//! before a certificate exists; Gjirafa's `Pending` keeps a poller polling; SSL247's
//! single-name products take one name.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

use certorder::domain::DomainName;
use certorder::http::HttpResponse;
use certorder::order::{
    DcvInstruction, DcvMethod, DraftProblem, OrderDraft, OrderHandle, OrderState, OrderStatus,
};
use certorder::provider::gandi_v3::GandiV3;
use certorder::provider::gandi_v5::GandiV5;
use certorder::provider::realtimeregister::RealtimeRegister;
use certorder::provider::{Provider, ProviderError, ProviderKind, flow};

/// A name as a draft holds it.
fn dn(name: &str) -> DomainName {
    DomainName::parse(name).expect("a valid name")
}

const DCV_PARAMS: &str = include_str!("fixtures/providers/gandi_v3/dcv-params.xml");

// Guards: Gandi refuses a resend for a non-email order before anything is sent, on both APIs.
#[test]
fn gandi_resends_only_dcv_emails() {
    let providers: [&dyn Provider; 2] = [&GandiV3, &GandiV5];
    for provider in providers {
        let handle = OrderHandle::new(provider.kind(), "4242").with_operation("31337");
        let dns = handle.clone().with_dcv_method(DcvMethod::Dns);
        assert!(
            matches!(provider.resend_dcv(&dns), Err(ProviderError::InvalidInput { field, .. }) if field == "dcv_method"),
            "{:?}",
            provider.kind()
        );
        assert!(
            provider
                .resend_dcv(&handle.with_dcv_method(DcvMethod::Email))
                .is_ok()
        );
    }
}

// Guards: Gandi v3 asks get_dcv_params for the handle's method, and refuses to guess one.
#[test]
fn gandi_v3_dcv_asks_for_the_kept_method() {
    let handle = OrderHandle::new(ProviderKind::GandiV3, "4242");
    let state = OrderState::new(handle.clone(), OrderStatus::Pending, "pending");
    assert!(
        matches!(GandiV3.dcv(&state), Err(ProviderError::InvalidInput { field, .. }) if field == "dcv_method")
    );
    let kept = OrderState::new(
        handle.with_dcv_method(DcvMethod::Email),
        OrderStatus::Pending,
        "pending",
    );
    let flow = GandiV3.dcv(&kept).unwrap();
    let body = String::from_utf8(flow.request().unwrap().body.unwrap()).unwrap();
    assert!(
        body.contains("<name>dcv_method</name><value><string>email</string>"),
        "{body}"
    );
}

// Guards: the e-mail instruction names the domain the provider returned in dcv_fqdns.
#[test]
fn gandi_v3_email_approver_is_the_providers() {
    let email = DCV_PARAMS
        .replace("<string>www.example.com</string></value></data></array></value></member>\n<member><name>dcv_method</name><value><string>dns</string>",
                 "<string>example.com</string></value></data></array></value></member>\n<member><name>dcv_method</name><value><string>email</string>");
    assert_ne!(
        email, DCV_PARAMS,
        "the fixture names www.example.com among dcv_fqdns"
    );
    let handle = OrderHandle::new(ProviderKind::GandiV3, "4242").with_dcv_method(DcvMethod::Email);
    let state = OrderState::new(handle, OrderStatus::Pending, "pending");
    let validations = flow::run_sync(GandiV3.dcv(&state).unwrap(), |_, _| {
        Ok::<_, ()>(HttpResponse::new(200, email.clone()).with_header("Content-Type", "text/xml"))
    })
    .unwrap();
    let approvers: Vec<_> = validations
        .iter()
        .map(|v| match &v.instruction {
            Some(DcvInstruction::Email { approver }) => approver.as_str(),
            _ => "",
        })
        .collect();
    assert_eq!(approvers, ["admin@example.com", "admin@example.com"]);
}

// Guards: `san` never repeats the common name, and is left out when nothing else remains.
#[test]
fn realtime_register_san_only_for_other_names() {
    let adapter = RealtimeRegister::for_customer("johndoe");
    let draft = |sans: &[&str]| OrderDraft {
        product: "ssl_sectigo".into(),
        csr: Some(
            "-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----".into(),
        ),
        common_name: Some(dn("acme-widgets.com")),
        sans: sans.iter().copied().map(dn).collect(),
        ..OrderDraft::default()
    };
    assert_eq!(
        adapter
            .request_body(&draft(&["acme-widgets.com"]))
            .unwrap()
            .san,
        None
    );
    assert_eq!(
        adapter
            .request_body(&draft(&["acme-widgets.com", "www.acme-widgets.com"]))
            .unwrap()
            .san,
        Some(vec!["www.acme-widgets.com".to_owned()])
    );
}

// Guards: before a certificate exists the handle's id is the process id: nothing to
// download, and nothing is asked.
#[test]
fn realtime_register_download_before_issue_is_not_issued() {
    let adapter = RealtimeRegister::for_customer("johndoe");
    let pending = OrderHandle::new(ProviderKind::RealtimeRegister, "20").with_operation("20");
    assert_eq!(
        adapter.download(&pending).err(),
        Some(ProviderError::NotIssued)
    );
    let issued = OrderHandle::new(ProviderKind::RealtimeRegister, "7").with_operation("20");
    assert!(adapter.download(&issued).is_ok());
}

// Guards: a 404 on a Gandi v5 download is "not issued yet".
#[test]
fn gandi_v5_download_404_is_not_issued() {
    let handle = OrderHandle::new(ProviderKind::GandiV5, "abc");
    let err = flow::run_sync(GandiV5.download(&handle).unwrap(), |_, _| {
        Ok::<_, ()>(HttpResponse::new(404, "{}"))
    })
    .unwrap_err();
    assert!(matches!(
        err,
        flow::RunError::Provider(ProviderError::NotIssued)
    ));
}

// Guards: Gjirafa's `Pending` is pending (a poller keeps polling), `Active` issued.
#[test]
fn gjirafa_pending_is_pending() {
    use certorder::provider::gjirafa::{map, wire::CertificateDetail};
    let read = |word: &str| {
        let cert: CertificateDetail =
            serde_json::from_value(serde_json::json!({"id": 1, "certificateStatus": word}))
                .unwrap();
        map::certificate(&cert).status
    };
    assert_eq!(read("Pending"), OrderStatus::Pending);
    assert_eq!(read("Active"), OrderStatus::Issued);
    assert_eq!(read("Revoked?"), OrderStatus::Unknown("Revoked?".into()));
}

// Guards: every adapter sends names as A-labels, whatever the customer typed, and refuses a
// name listed twice before sending (an invalid name never reaches a draft:
// `OrderDraft::parse_name` refuses it).
#[test]
fn names_are_sent_as_a_labels() {
    use certorder::provider::ssl247::Ssl247;
    let typed = OrderDraft {
        product: "cert_std_1_0_0".into(),
        csr: Some(
            "-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----".into(),
        ),
        common_name: Some(dn("Bücher.de.")),
        sans: vec![dn("WWW.Bücher.de")],
        accepted_quote: Some(certorder::order::Quote {
            product: "cert_std_1_0_0".into(),
            period: None,
            total: certorder::product::Money::new(0, None),
            lines: Vec::new(),
        }),
        ..OrderDraft::default()
    };
    let rtr = RealtimeRegister::for_customer("johndoe");
    let providers: [&dyn Provider; 4] = [&GandiV3, &GandiV5, &rtr, &Ssl247];
    for provider in providers {
        let request = provider.create_order(&typed).unwrap().request().unwrap();
        let body = String::from_utf8(request.body.unwrap()).unwrap();
        assert!(
            body.contains("xn--bcher-kva.de"),
            "{:?}: {body}",
            provider.kind()
        );
        assert!(
            !body.contains("Bücher") && !body.contains("bücher"),
            "{:?}",
            provider.kind()
        );
        let bad = OrderDraft {
            sans: vec![dn("BÜCHER.de")],
            ..typed.clone()
        };
        assert!(
            matches!(provider.create_order(&bad), Err(ProviderError::InvalidInput { field, .. }) if field == "names"),
            "{:?}",
            provider.kind()
        );
    }
}

// Guards: Gandi's free twin is per package, one truth for the capabilities, the draft check
// and the wizard: a Sectigo single-name package gives none (the www twin counts, so two names
// are too many), a DigiCert single-name one gives it (`apex_only`, docs/providers.md §1.3),
// and the provider-wide flag says only that some package does.
#[test]
fn gandi_free_twin_is_per_package() {
    use certorder::product::{FreeTwin, Product};
    use certorder::wizard::{Load, Wizard, names};
    let mut packages: Vec<serde_json::Value> =
        serde_json::from_str(include_str!("fixtures/providers/gandi_v5/packages.json")).unwrap();
    // A single-name DigiCert package, shaped as the listed three-name one.
    let mut single = packages[1].clone();
    single["name"] = "cert_std_1_10_0_digicert".into();
    single["max_domains"] = 1.into();
    packages.push(single);
    let body = serde_json::Value::from(packages).to_string();
    let products: Vec<Product> = flow::run_sync(GandiV5.products().unwrap(), |_, _| {
        Ok::<_, ()>(
            HttpResponse::new(200, body.clone()).with_header("Content-Type", "application/json"),
        )
    })
    .unwrap();
    let find = |id: &str| products.iter().find(|p| p.id == id).unwrap().clone();
    let sectigo = find("cert_std_1_0_0");
    let digicert = find("cert_std_1_10_0_digicert");
    assert_eq!(sectigo.brand.as_deref(), Some("Sectigo"));
    assert_eq!(
        (sectigo.max_names, sectigo.free_twin),
        (Some(1), FreeTwin::None)
    );
    assert_eq!(
        (digicert.max_names, digicert.free_twin),
        (Some(1), FreeTwin::Www)
    );
    let capabilities = GandiV5.capabilities();
    assert_eq!(
        capabilities.free_www_twin,
        products.iter().any(|p| p.free_twin != FreeTwin::None)
    );
    for (product, free) in [(&sectigo, false), (&digicert, true)] {
        let draft = OrderDraft {
            product: product.id.clone(),
            common_name: Some(dn("acme-widgets.com")),
            sans: vec![dn("www.acme-widgets.com")],
            dcv: vec![certorder::order::DcvChoice::all(DcvMethod::Dns)],
            ..OrderDraft::default()
        };
        let problems = certorder::order::check::check(&draft, product, &capabilities);
        let too_many = problems
            .iter()
            .any(|p| matches!(p, DraftProblem::TooManyNames { count: 2, max: 1 }));
        assert_eq!(too_many, !free, "{}: {problems:?}", product.id);
        let mut wizard = Wizard::default();
        wizard.set_provider(ProviderKind::GandiV5, capabilities.clone());
        wizard.catalog = Load::Ready(products.clone());
        wizard.choose_product(&product.id);
        wizard.draft.names = vec!["acme-widgets.com".into(), "www.acme-widgets.com".into()];
        let counted = if free { "1 of up to 1" } else { "2 of up to 1" };
        assert!(
            names::count_line(&wizard).starts_with(counted),
            "{}: {}",
            product.id,
            names::count_line(&wizard)
        );
        let noted = names::rows(&wizard)[1]
            .notes
            .iter()
            .any(|n| n.contains("included free"));
        assert_eq!(noted, free, "{}", product.id);
    }
}
