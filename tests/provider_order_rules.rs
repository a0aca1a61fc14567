//! Rules an adapter applies before sending, and neutral readings of what providers answer:
//! Gandi re-sends only DCV e-mails and shows the approver the provider named; Realtime
//! Register sends `san` only with names besides the common name and downloads nothing
//! before a certificate exists; Gjirafa's `Pending` keeps a poller polling; SSL247's
//! single-name products take one name.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

use certorder::domain::DomainName;
use certorder::http::HttpResponse;
use certorder::order::{
    DcvInstruction, DcvMethod, OrderDraft, OrderHandle, OrderState, OrderStatus,
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
        common_name: Some(dn("example.com")),
        sans: sans.iter().copied().map(dn).collect(),
        ..OrderDraft::default()
    };
    assert_eq!(
        adapter.request_body(&draft(&["example.com"])).unwrap().san,
        None
    );
    assert_eq!(
        adapter
            .request_body(&draft(&["example.com", "www.example.com"]))
            .unwrap()
            .san,
        Some(vec!["www.example.com".to_owned()])
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
