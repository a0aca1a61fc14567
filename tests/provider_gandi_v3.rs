//! Gandi XML-RPC v3 adapter against the Gandi v3 certificate reference: every method's request,
//! every return struct, the error table, package names, recognition and authentication.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

use certorder::http::{Credentials, HttpRequest, HttpResponse, Method, Secret};
use certorder::order::{
    DcvChoice, DcvInstruction, DcvMethod, DnsRecordType, OrderDraft, OrderHandle, OrderStatus,
};
use certorder::product::{FreeTwin, Period, ProductKind, ValidationLevel};
use certorder::provider::gandi_v3::error::ERROR_TYPES;
use certorder::provider::gandi_v3::wire::{
    CertListOptions, CertPackageListOptions, CertificateParams, SslListOptions,
};
use certorder::provider::gandi_v3::{
    self, Category, Classification, GandiV3, Names, PackageName, V3DcvMethod, calls, classify,
};
use certorder::provider::xmlrpc::{self, Fault, Value};
use certorder::provider::{
    Call, OperationClass, Provider, ProviderError, ProviderKind, Target, flow,
};

#[path = "support/recognition.rs"]
mod recognition;

use certorder::domain::DomainName;
use recognition::Recognition;

/// A name as a draft holds it.
fn dn(name: &str) -> DomainName {
    DomainName::parse(name).expect("a valid name")
}

const PACKAGE_TABLE: &str = include_str!("fixtures/providers/gandi_v3/cert-package-table.txt");
const ERROR_TABLE: &str = include_str!("fixtures/providers/gandi_v3/possible-errors-table.txt");
const PACKAGE_LIST: &str = include_str!("fixtures/providers/gandi_v3/package-list.xml");
const CERT_INFO: &str = include_str!("fixtures/providers/gandi_v3/cert-info.xml");
const OPERATION: &str = include_str!("fixtures/providers/gandi_v3/operation-create.xml");
const OPERATION_ERROR: &str = include_str!("fixtures/providers/gandi_v3/operation-error.xml");
const DCV_PARAMS: &str = include_str!("fixtures/providers/gandi_v3/dcv-params.xml");
const FAULT: &str = include_str!("fixtures/providers/gandi_v3/fault-bad-key.xml");
const HOSTED_LIST: &str = include_str!("fixtures/providers/gandi_v3/hosted-list.xml");
const TRUE: &str = include_str!("fixtures/providers/gandi_v3/boolean-true.xml");

const CSR: &str = "-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----";

fn ok(xml: &str) -> HttpResponse {
    HttpResponse::new(200, xml).with_header("Content-Type", "text/xml")
}

/// Decodes a built request: checks method, path and content type, returns the call.
fn sent(request: &HttpRequest) -> xmlrpc::MethodCall {
    assert_eq!(request.method, Method::Post);
    assert_eq!(request.path, "/xmlrpc/");
    assert!(request.query.is_empty());
    assert_eq!(request.header("content-type"), Some("text/xml"));
    let body = std::str::from_utf8(request.body.as_deref().unwrap()).unwrap();
    let call = xmlrpc::decode_call(body).unwrap();
    // The API key placeholder is the first parameter of every method.
    assert_eq!(
        call.params.first(),
        Some(&Value::from("")),
        "{}",
        call.method
    );
    call
}

fn params_of<T>(rpc: &impl Call<Output = T>) -> (String, Vec<Value>) {
    let call = sent(&rpc.request().unwrap());
    (call.method, call.params[1..].to_vec())
}

// Guards: every package name the reference lists parses, prints back and maps onto a product.
#[test]
fn every_documented_package_name_parses() {
    let names: Vec<&str> = PACKAGE_TABLE
        .split_whitespace()
        .filter(|w| w.starts_with("cert_"))
        .collect();
    assert_eq!(names.len(), 31);
    for name in names {
        let parsed: PackageName = name.parse().unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(parsed.to_string(), name);
        let product = parsed.to_product(ProviderKind::GandiV3, name);
        assert_eq!(product.id, name);
        assert_eq!(product.periods, vec![Period::years(1), Period::years(2)]);
        if parsed.names == Names::Wildcard {
            assert_eq!(product.kind, ProductKind::Wildcard);
            assert!(!product.dcv_methods.contains(&DcvMethod::Http));
        }
    }
    let p: PackageName = "cert_bus_10_1500_0_digicert".parse().unwrap();
    assert_eq!(
        (
            p.category,
            p.names,
            p.warranty_thousands,
            p.sgc,
            p.ca.as_deref()
        ),
        (
            Category::Business,
            Names::UpTo(10),
            1500,
            false,
            Some("digicert")
        )
    );
    let p: PackageName = "cert_pro_w_250_SGC".parse().unwrap();
    assert!(p.sgc && p.names == Names::Wildcard && p.category == Category::Pro);
    let single = "cert_std_1_10_0_digicert".parse::<PackageName>().unwrap();
    let product = single.to_product(ProviderKind::GandiV3, "cert_std_1_10_0_digicert");
    assert_eq!(product.validation, ValidationLevel::Dv);
    assert_eq!(product.free_twin, FreeTwin::Www);
    assert_eq!(product.warranty.unwrap().minor, 10_000 * 100);
    for bad in [
        "",
        "cert",
        "cert_std_1_0",
        "cert_xyz_1_0_0",
        "cert_std_0_0_0",
        "cert_std_1_0_X",
        "ssl_std_1_0_0",
        "cert_std_1_0_0_DigiCert",
        "cert_std_one_0_0",
        "cert_std_1_0_0_a_b",
    ] {
        assert!(bad.parse::<PackageName>().is_err(), "{bad}");
    }
}

// Guards: the error table in code is the reference's table, entry for entry.
#[test]
fn error_table_matches_the_seed() {
    let rebuilt = ERROR_TYPES
        .iter()
        .map(|(id, kind, text)| format!("{id} {kind} {text}"))
        .collect::<Vec<_>>()
        .join(" ");
    assert_eq!(
        ERROR_TABLE.trim(),
        format!("Error identifier Type {rebuilt}")
    );
    assert_eq!(classify("ratelimit").unwrap().0, Classification::Temporary);
    assert_eq!(
        classify("certificate:invalid_email").unwrap().0,
        Classification::ClientRecoverable
    );
    assert_eq!(
        classify("certificate:backend_other").unwrap().0,
        Classification::SupportRecoverable
    );
    assert_eq!(classify("duplicate").unwrap().0, Classification::Fatal);
    assert_eq!(classify("unknown").unwrap().0, Classification::Unknown);
    assert!(classify("nope").is_none());
}

// Guards: the list and count methods send only the filters given, under their documented names.
#[test]
fn list_methods_send_only_the_filters_given() {
    let opts = CertListOptions {
        cn_like: Some("%example%".into()),
        date_end_before: Some("2025-01-01".into()),
        status: Some("valid".into()),
        items_per_page: Some(10),
        page: Some(2),
        sort_by: Some("date_end".into()),
        ..CertListOptions::default()
    };
    let (method, params) = params_of(&calls::list(Some(&opts)).unwrap());
    assert_eq!(method, "cert.list");
    let p = &params[0];
    assert_eq!(p.get("~cn"), Some(&Value::from("%example%")));
    assert_eq!(p.get("<date_end"), Some(&Value::from("2025-01-01")));
    assert_eq!(p.get("items_per_page"), Some(&Value::Int(10)));
    assert_eq!(p.get("page"), Some(&Value::Int(2)));
    assert_eq!(
        p.as_struct().unwrap().len(),
        6,
        "absent filters are not sent"
    );

    assert_eq!(
        params_of(&calls::list(None).unwrap()),
        ("cert.list".into(), vec![])
    );
    assert_eq!(params_of(&calls::count(None).unwrap()).0, "cert.count");

    let popts = CertPackageListOptions {
        wildcard: Some(true),
        max_domains_above: Some(1),
        name_like: Some("cert_std%".into()),
        ..CertPackageListOptions::default()
    };
    let (method, params) = params_of(&calls::package_list(Some(&popts)).unwrap());
    assert_eq!(method, "cert.package.list");
    assert_eq!(params[0].get("wildcard"), Some(&Value::Boolean(true)));
    assert_eq!(params[0].get(">max_domains"), Some(&Value::Int(1)));
    assert_eq!(params[0].get("~name"), Some(&Value::from("cert_std%")));

    let sopts = SslListOptions {
        fqdns: vec!["a.example".into()],
        id: vec![1, 2],
        state: Some("created".into()),
        ..SslListOptions::default()
    };
    let (method, params) = params_of(&calls::hosted_list(Some(&sopts)).unwrap());
    assert_eq!(method, "cert.hosted.list");
    assert_eq!(
        params[0].get("id"),
        Some(&Value::Array(vec![Value::Int(1), Value::Int(2)]))
    );
    assert_eq!(
        params_of(&calls::hosted_count(None).unwrap()).0,
        "cert.hosted.count"
    );
}

// Guards: the methods on one certificate or operation send its id (and a reason when given).
#[test]
fn id_methods_send_the_id() {
    assert_eq!(
        params_of(&calls::info(4242)),
        ("cert.info".into(), vec![Value::Int(4242)])
    );
    assert_eq!(
        params_of(&calls::resend_dcv(31337)),
        ("cert.resend_dcv".into(), vec![Value::Int(31337)])
    );
    assert_eq!(
        params_of(&calls::change_dcv(31337, V3DcvMethod::Dns).unwrap()),
        (
            "cert.change_dcv".into(),
            vec![Value::Int(31337), Value::from("dns")]
        )
    );
    assert_eq!(
        params_of(&calls::recheck_caa("uuid-1")),
        ("cert.recheck_caa".into(), vec![Value::from("uuid-1")])
    );
    assert_eq!(
        params_of(&calls::delete(7, None)),
        ("cert.delete".into(), vec![Value::Int(7)])
    );
    assert_eq!(
        params_of(&calls::delete(7, Some("key compromise"))).1[1].get("reason"),
        Some(&Value::from("key compromise"))
    );
    assert_eq!(
        params_of(&calls::hosted_info(12)),
        ("cert.hosted.info".into(), vec![Value::Int(12)])
    );
    assert_eq!(
        params_of(&calls::hosted_delete(12)),
        ("cert.hosted.delete".into(), vec![Value::Int(12)])
    );
    assert_eq!(
        params_of(&calls::operation_info(31337)),
        ("operation.info".into(), vec![Value::Int(31337)])
    );
}

// Guards: create, the DCV look-up, renew and update send the documented params, with their classes.
#[test]
fn create_dcv_renew_and_update_send_their_params() {
    let create = CertificateParams {
        package: Some("cert_std_3_0_0".into()),
        csr: Some(CSR.into()),
        altnames: vec!["www.example.com".into()],
        dcv_method: Some("dns".into()),
        duration: Some(2),
        ..CertificateParams::default()
    };
    let rpc = calls::create(&create).unwrap();
    assert_eq!(rpc.class(), OperationClass::Billable);
    let (method, params) = params_of(&rpc);
    assert_eq!(method, "cert.create");
    assert_eq!(
        params[0],
        Value::structure([
            ("package", Value::from("cert_std_3_0_0")),
            ("csr", Value::from(CSR)),
            (
                "altnames",
                Value::Array(vec![Value::from("www.example.com")])
            ),
            ("dcv_method", Value::from("dns")),
            ("duration", Value::Int(2)),
        ])
    );
    let dcv = CertificateParams {
        cert_id: Some(4242),
        ..create.clone()
    };
    let rpc = calls::get_dcv_params(&dcv).unwrap();
    assert_eq!(rpc.class(), OperationClass::OrderRead);
    assert_eq!(params_of(&rpc).1[0].get("cert_id"), Some(&Value::Int(4242)));
    assert_eq!(
        calls::get_dcv_params(&create).unwrap().class(),
        OperationClass::Lookup
    );
    let renew = CertificateParams {
        package: None,
        altnames: vec![],
        ..create.clone()
    };
    assert_eq!(
        params_of(&calls::renew(4242, &renew).unwrap()).1[0],
        Value::Int(4242)
    );
    assert_eq!(
        params_of(&calls::update(4242, &renew).unwrap()).0,
        "cert.update"
    );
}

// Guards: the hosted upload sends the private key, and `Debug` never shows it.
#[test]
fn hosted_create_sends_the_key_and_debug_hides_it() {
    let hosted = calls::hosted_create("CRT", &Secret::new("PRIVATE KEY"));
    assert_eq!(
        params_of(&hosted).1[0].get("key"),
        Some(&Value::from("PRIVATE KEY"))
    );
    assert!(
        !format!("{hosted:?}").contains("PRIVATE"),
        "Debug hides the parameters"
    );
}

// Guards: what the document constrains is refused before sending.
#[test]
fn invalid_parameters_are_refused_before_sending() {
    let base = CertificateParams {
        package: Some("cert_std_1_0_0".into()),
        csr: Some(CSR.into()),
        ..CertificateParams::default()
    };
    let field = |r: Result<_, ProviderError>| match r {
        Err(ProviderError::InvalidInput { field, .. }) => field,
        other => panic!("{other:?}"),
    };
    assert_eq!(
        field(
            calls::create(&CertificateParams {
                dcv_method: Some("sms".into()),
                ..base.clone()
            })
            .map(|_| ())
        ),
        "dcv_method"
    );
    assert_eq!(
        field(
            calls::create(&CertificateParams {
                duration: Some(3),
                ..base.clone()
            })
            .map(|_| ())
        ),
        "duration"
    );
    assert_eq!(
        field(
            calls::create(&CertificateParams {
                duration: Some(0),
                ..base.clone()
            })
            .map(|_| ())
        ),
        "duration"
    );
    assert_eq!(
        field(
            calls::create(&CertificateParams {
                package: Some("gold".into()),
                ..base.clone()
            })
            .map(|_| ())
        ),
        "package"
    );
    assert_eq!(
        field(
            calls::create(&CertificateParams {
                package: None,
                ..base.clone()
            })
            .map(|_| ())
        ),
        "package"
    );
    assert_eq!(
        field(calls::renew(1, &CertificateParams::default()).map(|_| ())),
        "csr"
    );
    assert_eq!(
        field(calls::change_dcv(1, V3DcvMethod::Auto).map(|_| ())),
        "dcv_method"
    );
    for word in ["email", "dns", "file", "https", "auto"] {
        assert_eq!(word.parse::<V3DcvMethod>().unwrap().as_str(), word);
    }
}

// Guards: every return struct parses field by field.
#[test]
fn returns_parse_field_by_field() {
    let packages = calls::package_list(None)
        .unwrap()
        .parse(&ok(PACKAGE_LIST))
        .unwrap();
    assert_eq!(packages.len(), 3);
    let p = &packages[1];
    assert_eq!(p.name, "cert_pro_w_125_0_digicert");
    assert_eq!(p.category.as_ref().unwrap().name.as_deref(), Some("pro"));
    assert_eq!(p.category.as_ref().unwrap().id, Some(2));
    assert_eq!(p.comodo_id, None);
    assert_eq!(
        (p.id, p.max_domains, p.min_domains),
        (Some(24), Some(1), Some(1))
    );
    assert_eq!(p.provider.as_deref(), Some("DigiCert"));
    assert_eq!(p.provider_cert_id.as_deref(), Some("ssl_wildcard"));
    assert_eq!(
        (p.sgc, p.trustlogo, p.warranty, p.wildcard),
        (Some(0), Some(1), Some(125000), Some(1))
    );

    let cert = calls::info(4242).parse(&ok(CERT_INFO)).unwrap();
    assert_eq!(cert.id, Some(4242));
    assert_eq!(cert.cn.as_deref(), Some("example.com"));
    let alts: Vec<&str> = cert.altnames.iter().map(|a| a.name()).collect();
    assert_eq!(alts, ["www.example.com", "shop.example.com"]);
    assert_eq!(cert.status.as_deref(), Some("valid"));
    assert_eq!(cert.date_end.as_deref(), Some("2025-01-01T23:59:59"));
    assert_eq!(cert.date_incorporation, None);
    assert_eq!(cert.package.as_deref(), Some("cert_std_3_0_0"));
    assert_eq!((cert.sha_version, cert.software), (Some(2), Some(2)));
    assert_eq!(cert.card_pay_trustlogo, Some(false));
    assert_eq!(
        cert.uuid.as_deref(),
        Some("2b1e8f3c-1111-4a6b-9c3e-5d2f7a9b0c1d")
    );
    assert_eq!(cert.order_number.as_deref(), Some("987654"));
    assert_eq!(cert.contact.as_deref(), Some("AB1234-GANDI"));

    let op = calls::create(&CertificateParams {
        package: Some("cert_std_3_0_0".into()),
        ..Default::default()
    })
    .unwrap()
    .parse(&ok(OPERATION))
    .unwrap();
    assert_eq!((op.id, op.cert_id()), (31337, Some(4242)));
    assert_eq!(op.step.as_deref(), Some("RUN"));
    assert_eq!(op.kind.as_deref(), Some("certificate_create"));
    assert_eq!(op.params["inner_step"], "comodo_oper_updated");
    assert_eq!(op.session_id, Some(77));
    assert!(gandi_v3::operation_error(&op).is_none());

    let dcv = calls::get_dcv_params(&CertificateParams::default())
        .unwrap()
        .parse(&ok(DCV_PARAMS))
        .unwrap();
    assert_eq!(dcv.dcv_method.as_deref(), Some("dns"));
    assert_eq!(dcv.fqdns, ["example.com", "www.example.com"]);
    assert_eq!(dcv.dns_records.len(), 2);
    assert_eq!(dcv.unique_value.as_deref(), Some("x1y2z3"));
    assert_eq!(dcv.md5.as_deref(), Some("920F0C0E3B4A5D6E7F8091A2B3C4D5E6"));
    assert!(dcv.urls.is_empty());

    let hosted = calls::hosted_list(None)
        .unwrap()
        .parse(&ok(HOSTED_LIST))
        .unwrap();
    assert_eq!(hosted[0].id, Some(12));
    assert_eq!(hosted[0].state.as_deref(), Some("created"));
    assert_eq!(
        hosted[0].date_expire.as_deref(),
        Some("2025-01-01T10:00:00")
    );

    assert!(calls::resend_dcv(1).parse(&ok(TRUE)).unwrap());
    let int_true = "<methodResponse><params><param><value><int>1</int></value></param></params></methodResponse>";
    assert!(calls::hosted_delete(1).parse(&ok(int_true)).unwrap());
    assert_eq!(calls::count(None).unwrap().parse(&ok(int_true)).unwrap(), 1);
}

// Guards: every error envelope maps onto a typed error.
#[test]
fn errors_map_onto_typed_errors() {
    let err = calls::info(1).parse(&ok(FAULT)).unwrap_err();
    assert_eq!(
        err,
        ProviderError::GandiV3(gandi_v3::Error::Fault(Fault {
            code: 510150,
            string: "Error on object : OBJECT_ACCOUNT (CAUSE_NORIGHT) [Invalid API key]".into()
        }))
    );
    let op = calls::operation_info(31337)
        .parse(&ok(OPERATION_ERROR))
        .unwrap();
    match gandi_v3::operation_error(&op).unwrap() {
        gandi_v3::Error::Operation {
            id,
            name,
            classification,
            refundable,
            last_error,
        } => {
            assert_eq!((id, name.as_str()), (31337, "certificate:req_rejected"));
            assert_eq!(classification, Classification::Fatal);
            assert_eq!(refundable, Some(true));
            assert_eq!(
                last_error.as_deref(),
                Some("This certificate request has been rejected.")
            );
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        calls::info(1)
            .parse(&HttpResponse::new(502, "Bad Gateway"))
            .unwrap_err(),
        ProviderError::UnexpectedStatus { status: 502 }
    );
    assert!(matches!(
        calls::info(1).parse(&ok("<html/>")).unwrap_err(),
        ProviderError::XmlRpc(_)
    ));
    assert!(matches!(
        calls::info(1).parse(&ok(TRUE)).unwrap_err(),
        ProviderError::XmlRpc(_)
    ));
    assert!(matches!(
        calls::resend_dcv(1).parse(&ok(CERT_INFO)).unwrap_err(),
        ProviderError::UnexpectedResponse(_)
    ));
}

fn body(method: &str, params: Vec<Value>) -> Vec<u8> {
    xmlrpc::MethodCall::new(method, params)
        .to_xml()
        .into_bytes()
}

// Guards: the server forwards only documented methods, with the order or operation they touch.
#[test]
fn recognise_by_method_name() {
    let g = GandiV3;
    let seen = |method: Method, path: &str, body: &[u8]| {
        g.recognise(&recognition::forwarded(method, path, body))
    };
    let op = |m: &str, p: Vec<Value>| seen(Method::Post, "/xmlrpc/", &body(m, p));
    let info = op("cert.info", vec!["".into(), Value::Int(4242)]).unwrap();
    assert_eq!(
        (info.name, info.class, info.target),
        (
            "cert.info",
            OperationClass::OrderRead,
            Some(Target::Order("4242".into()))
        )
    );
    let change = op(
        "cert.change_dcv",
        vec!["".into(), Value::Int(9), "dns".into()],
    )
    .unwrap();
    assert_eq!(change.target, Some(Target::Operation("9".into())));
    assert_eq!(
        op("cert.create", vec!["".into()]).unwrap().class,
        OperationClass::Billable
    );
    assert_eq!(
        op("cert.renew", vec!["".into(), Value::Int(1)])
            .unwrap()
            .class,
        OperationClass::Billable
    );
    assert_eq!(
        op("cert.package.list", vec!["".into()]).unwrap().class,
        OperationClass::Catalog
    );
    let dcv = op(
        "cert.get_dcv_params",
        vec!["".into(), Value::structure([("cert_id", Value::Int(5))])],
    )
    .unwrap();
    assert_eq!(
        (dcv.class, dcv.target),
        (OperationClass::OrderRead, Some(Target::Order("5".into())))
    );
    assert_eq!(
        op(
            "cert.get_dcv_params",
            vec!["".into(), Value::structure([("csr", Value::from(CSR))])]
        )
        .unwrap()
        .class,
        OperationClass::Lookup
    );
    assert_eq!(
        op("operation.info", vec!["".into(), Value::Int(3)])
            .unwrap()
            .target,
        Some(Target::Operation("3".into()))
    );
    assert!(op("domain.list", vec!["".into()]).is_none());
    assert!(op("cert.info", vec![]).unwrap().target.is_none());
    assert!(seen(Method::Get, "/xmlrpc/", &body("cert.info", vec![])).is_none());
    assert!(seen(Method::Post, "/other", &body("cert.info", vec![])).is_none());
    assert!(seen(Method::Post, "/xmlrpc/", b"not xml").is_none());
}

// Guards: the key goes in as the first parameter and never shows in Debug.
#[test]
fn authenticate_puts_the_key_first() {
    let mut request = calls::info(4242).request().unwrap();
    let creds = Credentials::XmlRpcKey {
        key: Secret::new("KEY-123"),
    };
    GandiV3.authenticate(&mut request, &creds).unwrap();
    let call = xmlrpc::decode_call(std::str::from_utf8(request.body.as_deref().unwrap()).unwrap())
        .unwrap();
    assert_eq!(call.params, vec![Value::from("KEY-123"), Value::Int(4242)]);
    assert!(!format!("{request:?}").contains("KEY-123"));
    assert!(!format!("{creds:?}").contains("KEY-123"));
    // A forwarded call without a key parameter gets one inserted.
    let mut bare = HttpRequest::new(Method::Post, "/xmlrpc/")
        .with_body("text/xml", body("cert.info", vec![Value::Int(1)]));
    GandiV3.authenticate(&mut bare, &creds).unwrap();
    let call =
        xmlrpc::decode_call(std::str::from_utf8(bare.body.as_deref().unwrap()).unwrap()).unwrap();
    assert_eq!(call.params, vec![Value::from("KEY-123"), Value::Int(1)]);
    let wrong = Credentials::Bearer {
        token: Secret::new("t"),
    };
    assert!(matches!(
        GandiV3.authenticate(&mut request, &wrong),
        Err(ProviderError::WrongCredentials { .. })
    ));
}

fn reply(xml: &'static str) -> impl FnMut(HttpRequest, OperationClass) -> Result<HttpResponse, ()> {
    move |_, _| Ok(ok(xml))
}

// Guards: the neutral operations run end to end over the documented payloads.
#[test]
fn neutral_operations_map_onto_the_model() {
    let g = GandiV3;
    let products = flow::run_sync(g.products().unwrap(), reply(PACKAGE_LIST)).unwrap();
    assert_eq!(products.len(), 3);
    assert_eq!(products[0].kind, ProductKind::Single);
    assert_eq!(products[1].kind, ProductKind::Wildcard);
    assert_eq!(products[1].brand.as_deref(), Some("DigiCert"));
    assert_eq!(
        (products[2].kind.clone(), products[2].max_names),
        (ProductKind::Multi, Some(20))
    );
    assert_eq!(products[2].validation, ValidationLevel::Ev);

    let draft = OrderDraft {
        product: "cert_std_3_0_0".into(),
        period: Some(Period::months(24)),
        csr: Some(CSR.into()),
        sans: vec![dn("www.acme-widgets.com")],
        dcv: vec![DcvChoice::all(DcvMethod::Dns)],
        ..OrderDraft::default()
    };
    let mut sent_create = None;
    let state = flow::run_sync(g.create_order(&draft).unwrap(), |req, class| {
        assert_eq!(class, OperationClass::Billable);
        sent_create = Some(sent(&req));
        Ok::<_, ()>(ok(OPERATION))
    })
    .unwrap();
    let p = &sent_create.unwrap().params[1];
    assert_eq!(p.get("duration"), Some(&Value::Int(2)));
    assert_eq!(p.get("dcv_method"), Some(&Value::from("dns")));
    assert_eq!(
        state.handle,
        OrderHandle::new(ProviderKind::GandiV3, "4242")
            .with_operation("31337")
            .with_dcv_method(DcvMethod::Dns)
    );
    assert_eq!(state.status, OrderStatus::Processing);
    assert_eq!(state.names, ["example.com", "www.example.com"]);

    let failed =
        flow::run_sync(g.create_order(&draft).unwrap(), reply(OPERATION_ERROR)).unwrap_err();
    let flow::RunError::Provider(failed) = failed else {
        panic!("{failed:?}")
    };
    assert!(
        failed.to_string().contains("certificate:req_rejected"),
        "{failed}"
    );

    let state = flow::run_sync(g.order(&state.handle).unwrap(), reply(CERT_INFO)).unwrap();
    assert_eq!(state.status, OrderStatus::Issued);
    assert_eq!(state.provider_status, "valid");
    assert_eq!(state.handle.operation.as_deref(), Some("31337"));
    assert_eq!(
        state.names,
        ["example.com", "www.example.com", "shop.example.com"]
    );
    let pem = &state.certificate.as_ref().unwrap().pem;
    assert!(pem.starts_with("-----BEGIN CERTIFICATE-----\nMIIBszCC"));
    assert!(pem.lines().all(|l| l.len() <= 64));

    let mut dcv_state = state.clone();
    dcv_state.validations = vec![certorder::order::NameValidation {
        name: "example.com".into(),
        method: DcvMethod::Dns,
        status: certorder::order::DcvStatus::Pending,
        instruction: None,
    }];
    let mut dcv_call = None;
    let validations = flow::run_sync(g.dcv(&dcv_state).unwrap(), |req, _| {
        dcv_call = Some(sent(&req));
        Ok::<_, ()>(ok(DCV_PARAMS))
    })
    .unwrap();
    let p = &dcv_call.unwrap().params[1];
    assert_eq!(p.get("cert_id"), Some(&Value::Int(4242)));
    assert_eq!(p.get("dcv_method"), Some(&Value::from("dns")));
    assert_eq!(validations.len(), 2);
    let Some(DcvInstruction::Dns(www)) = &validations[1].instruction else {
        panic!()
    };
    assert_eq!(
        www.name,
        "_11223344556677889900AABBCCDDEEFF.www.example.com."
    );
    assert_eq!(www.record_type, DnsRecordType::Cname);
    assert_eq!(www.ttl, Some(10800));
    assert!(www.value.ends_with(".x1y2z3.comodoca.com."));

    let cert = flow::run_sync(g.download(&state.handle).unwrap(), reply(CERT_INFO)).unwrap();
    assert_eq!(&cert.pem, pem);
    // The change answers the handle to keep, with the method now in force.
    let email = flow::run_sync(
        g.change_dcv(&state.handle, &DcvChoice::all(DcvMethod::Email))
            .unwrap(),
        reply(TRUE),
    )
    .unwrap();
    assert_eq!(email.dcv_method, Some(DcvMethod::Email));
    flow::run_sync(g.resend_dcv(&email).unwrap(), reply(TRUE)).unwrap();
    let no_op = OrderHandle::new(ProviderKind::GandiV3, "4242");
    assert!(g.resend_dcv(&no_op).is_err());
    assert!(
        g.order(&OrderHandle::new(ProviderKind::GandiV3, "abc"))
            .is_err()
    );
    assert!(matches!(
        g.quote(&draft),
        Err(ProviderError::Unsupported { .. })
    ));
}

// Guards: every call constructor's request is recognised as that call, with its class.
#[test]
fn every_call_is_recognised_as_itself() {
    let create = CertificateParams {
        package: Some("cert_std_3_0_0".into()),
        csr: Some(CSR.into()),
        dcv_method: Some("dns".into()),
        ..CertificateParams::default()
    };
    let existing = CertificateParams {
        cert_id: Some(4242),
        ..create.clone()
    };
    let mut rows = Recognition::new(&GandiV3);
    rows.check("package_list", calls::package_list(None));
    rows.check("list", calls::list(None));
    rows.check("count", calls::count(None));
    rows.check("info", calls::info(4242));
    rows.check("create", calls::create(&create));
    rows.check("get_dcv_params, preview", calls::get_dcv_params(&create));
    rows.check("get_dcv_params, order", calls::get_dcv_params(&existing));
    rows.check("change_dcv", calls::change_dcv(77, V3DcvMethod::Email));
    rows.check("resend_dcv", calls::resend_dcv(77));
    rows.check("recheck_caa", calls::recheck_caa("uuid"));
    rows.check("renew", calls::renew(4242, &create));
    rows.check("update", calls::update(4242, &create));
    rows.check("delete", calls::delete(4242, Some("superseded")));
    rows.check("hosted_list", calls::hosted_list(None));
    rows.check("hosted_count", calls::hosted_count(None));
    rows.check("hosted_info", calls::hosted_info(5));
    rows.check(
        "hosted_create",
        calls::hosted_create("CRT", &Secret::new("KEY")),
    );
    rows.check("hosted_delete", calls::hosted_delete(5));
    rows.check("operation_info", calls::operation_info(77));
    rows.finish(19);
}
