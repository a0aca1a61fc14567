//! The Gandi XML-RPC v3 simulator: the adapter's flows against it (packages → create →
//! DCV parameters with the unique value → change and resend DCV → complete-dcv → valid →
//! download (bare base64) → update (reissue), renew, delete), faults for bad keys and bad
//! parameters, and its answers against the reference-built fixtures.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

#[path = "support/drive.rs"]
mod drive;
#[path = "support/setup.rs"]
mod setup;

use drive::Open as _;
#[path = "support/pki.rs"]
mod pki;

use certorder::http::{HttpRequest, Method};
use certorder::order::{
    DcvChoice, DcvInstruction, DcvMethod, OrderDraft, OrderHandle, OrderStatus,
};
use certorder::product::{Period, ProductKind, ValidationLevel};
use certorder::provider::flow::single;
use certorder::provider::gandi_v3::{GandiV3, calls, wire::CertificateParams};
use certorder::provider::xmlrpc::{self, MethodCall, Value};
use certorder::provider::{Provider, ProviderKind};
use certorder_sandbox::{Reply, Sandbox};
use serde_json::Value as Json;
use setup::{dn, sandbox};

macro_rules! fixture {
    ($name:literal) => {
        xmlrpc::decode_response(include_str!(concat!(
            "../../tests/fixtures/providers/gandi_v3/",
            $name
        )))
    };
}

const NAMES: [&str; 3] = ["example.info", "www.example.info", "shop.example.info"];

fn draft(csr: &str, method: DcvMethod) -> OrderDraft {
    OrderDraft {
        product: "cert_std_3_0_0".into(),
        period: Some(Period::years(2)),
        csr: Some(csr.into()),
        common_name: Some(dn(NAMES[0])),
        sans: NAMES[1..].iter().copied().map(dn).collect(),
        dcv: vec![DcvChoice::all(method)],
        ..OrderDraft::default()
    }
}

fn rpc(sandbox: &Sandbox, method: &str, params: Vec<Value>) -> Result<Value, xmlrpc::Error> {
    let body = MethodCall::new(method, params).to_xml();
    let request = HttpRequest::new(Method::Post, "/xmlrpc/").with_body(xmlrpc::CONTENT_TYPE, body);
    let r = drive::respond(sandbox, &GandiV3, request);
    assert_eq!(r.status, 200);
    xmlrpc::decode_response(r.text().unwrap())
}

// Guards: the ordering flow through the adapter, a real certificate, and its life after.
#[test]
fn adapter_flow_from_packages_to_delete() {
    let sandbox = sandbox();
    let gandi = GandiV3;
    let products = drive::ok(&sandbox, &gandi, gandi.products().unwrap());
    assert_eq!(products.len(), 12);
    assert!(products.iter().any(|p| p.validation == ValidationLevel::Ev));
    assert!(products.iter().any(|p| p.kind == ProductKind::Wildcard));

    let (csr, spki) = pki::csr(&NAMES);
    let state = drive::ok(
        &sandbox,
        &gandi,
        gandi.create_order(&draft(&csr, DcvMethod::Dns)).unwrap(),
    );
    assert!(state.status.is_open());
    let op = state.handle.operation.clone().unwrap();
    let fp = certorder::csr::inspect(csr.as_bytes())
        .unwrap()
        .info
        .fingerprints;

    let mut with_method = state.clone();
    with_method.product = Some("cert_std_3_0_0".into());
    with_method.csr = Some(csr.clone());
    let validations = drive::ok(&sandbox, &gandi, gandi.dcv(&with_method).unwrap());
    assert_eq!(validations.len(), 3);
    for v in &validations {
        let Some(DcvInstruction::Dns(record)) = &v.instruction else {
            panic!("{v:?}")
        };
        assert_eq!(
            record.name.trim_end_matches('.'),
            format!("_{}.{}", fp.md5, v.name)
        );
        let parts: Vec<&str> = record.value.trim_end_matches('.').split('.').collect();
        assert_eq!(
            (parts[0], parts[1], parts[2].len()),
            (&fp.sha256[..32], &fp.sha256[32..], 10)
        );
    }
    // Without cert_id the record has no unique value (docs/providers.md §1.5).
    let mut preview = CertificateParams {
        package: Some("cert_std_3_0_0".into()),
        csr: Some(csr.clone()),
        dcv_method: Some("dns".into()),
        ..CertificateParams::default()
    };
    let params = drive::ok(
        &sandbox,
        &gandi,
        single(calls::get_dcv_params(&preview).unwrap()),
    );
    assert!(params.unique_value.is_none());
    assert!(params.dns_records[0].contains(&format!(
        "{}.{}.sectigo.com.",
        &fp.sha256[..32],
        &fp.sha256[32..]
    )));
    preview.dcv_method = Some("file".into());
    let file = drive::ok(
        &sandbox,
        &gandi,
        single(calls::get_dcv_params(&preview).unwrap()),
    );
    assert!(file.message.iter().any(|l| l == &fp.sha256));

    // The new handle keeps the order's one method; resending is for e-mail only.
    let handle = drive::ok(
        &sandbox,
        &gandi,
        gandi
            .change_dcv(&state.handle, &DcvChoice::all(DcvMethod::Email))
            .unwrap(),
    );
    assert_eq!(handle.dcv_method, Some(DcvMethod::Email));
    drive::ok(&sandbox, &gandi, gandi.resend_dcv(&handle).unwrap());
    drive::complete_dcv(&sandbox, &gandi, &op);
    let issued = drive::ok(&sandbox, &gandi, gandi.order(&handle).unwrap());
    assert_eq!(issued.status, OrderStatus::Issued);
    let cert = drive::ok(&sandbox, &gandi, gandi.download(&handle).unwrap());
    pki::check_issued_pem(sandbox.ca(), &cert.pem, Some(&spki), &NAMES, 24);
    let done = drive::ok(
        &sandbox,
        &gandi,
        single(calls::operation_info(op.parse().unwrap())),
    );
    assert_eq!(done.step.as_deref(), Some("DONE"));

    // Reissue with a new key through cert.update.
    let (csr2, spki2) = pki::csr(&NAMES);
    let id: i32 = handle.id.parse().unwrap();
    let update = CertificateParams {
        csr: Some(csr2),
        ..CertificateParams::default()
    };
    let op2 = drive::ok(
        &sandbox,
        &gandi,
        single(calls::update(id, &update).unwrap()),
    );
    assert_eq!(
        (op2.step.as_deref(), op2.kind.as_deref()),
        (Some("RUN"), Some("certificate_update"))
    );
    drive::complete_dcv(&sandbox, &gandi, id);
    let cert2 = drive::ok(&sandbox, &gandi, gandi.download(&handle).unwrap());
    pki::check_issued_pem(sandbox.ca(), &cert2.pem, Some(&spki2), &NAMES, 24);

    // Renew needs a new CSR and makes a new certificate.
    let (csr3, _) = pki::csr(&NAMES);
    let renew = CertificateParams {
        csr: Some(csr3),
        duration: Some(1),
        ..CertificateParams::default()
    };
    let renewed = drive::ok(&sandbox, &gandi, single(calls::renew(id, &renew).unwrap()));
    let new_state =
        certorder::provider::gandi_v3::map::operation(ProviderKind::GandiV3, &renewed).unwrap();
    assert_ne!(new_state.handle.id, handle.id);

    drive::ok(&sandbox, &gandi, gandi.revoke(&handle).unwrap());
    assert_eq!(
        drive::ok(&sandbox, &gandi, gandi.order(&handle).unwrap()).status,
        OrderStatus::Revoked
    );
    let _ = OrderHandle::new(ProviderKind::GandiV3, "0");
}

// Guards: a bad key gets the account fault; bad parameters get a fault naming them; a
// malformed call gets the parse fault; file DCV for a wildcard is refused.
#[test]
fn faults() {
    let sandbox = sandbox();
    let body = MethodCall::new("cert.package.list", vec![Value::from("wrong key")]).to_xml();
    let request = HttpRequest::new(Method::Post, "/xmlrpc/").with_body(xmlrpc::CONTENT_TYPE, body);
    let Reply::Respond(r) = sandbox.handle(ProviderKind::GandiV3, &request) else {
        panic!()
    };
    let expected = fixture!("fault-bad-key.xml").unwrap_err();
    assert_eq!(
        xmlrpc::decode_response(r.text().unwrap()).unwrap_err(),
        expected
    );

    let (csr, _) = pki::csr(&["*.example.info"]);
    let params = |package: &str, method: &str| {
        Value::structure([
            ("package", Value::from(package)),
            ("csr", Value::from(csr.as_str())),
            ("dcv_method", Value::from(method)),
            ("duration", Value::Int(1)),
        ])
    };
    for (package, method, words) in [
        ("cert_std_w_0_0", "file", "dcv_method"),
        ("cert_std_1_0_0", "dns", "wildcard"),
        ("cert_nope", "dns", "package"),
        ("cert_std_w_0_0", "carrier", "dcv_method"),
    ] {
        let err = rpc(
            &sandbox,
            "cert.create",
            vec![Value::from(""), params(package, method)],
        )
        .unwrap_err();
        let xmlrpc::Error::Fault(fault) = err else {
            panic!("{err:?}")
        };
        assert!(
            fault.string.contains("CAUSE_BADPARAMETER")
                && fault.string.to_lowercase().contains(words),
            "{fault:?}"
        );
    }
    let request = HttpRequest::new(Method::Post, "/xmlrpc/")
        .with_body(xmlrpc::CONTENT_TYPE, "<methodCall><oops");
    let Reply::Respond(r) = sandbox.handle(ProviderKind::GandiV3, &request) else {
        panic!()
    };
    assert!(matches!(
        xmlrpc::decode_response(r.text().unwrap()),
        Err(xmlrpc::Error::Fault(_))
    ));
    let unknown = rpc(&sandbox, "domain.list", vec![Value::from("")]).unwrap_err();
    assert!(matches!(unknown, xmlrpc::Error::Fault(f) if f.code == -32_601));
}

// Guards: every member of the reference-built examples is in the simulator's answer, typed alike.
#[test]
fn answers_match_the_reference_examples() {
    let sandbox = sandbox();
    let json = |v: Value| v.to_json();
    let packages = json(rpc(&sandbox, "cert.package.list", vec![Value::from("")]).unwrap());
    let example = json(fixture!("package-list.xml").unwrap());
    let skip_nil = nil_members(&example);
    drive::same_shape(
        &example,
        &packages,
        "pkg",
        &skip_nil.iter().map(String::as_str).collect::<Vec<_>>(),
    );

    let (csr, _) = pki::csr(&NAMES);
    let params = Value::structure([
        ("package", Value::from("cert_std_3_0_0")),
        ("csr", Value::from(csr.as_str())),
        ("dcv_method", Value::from("dns")),
    ]);
    let op = json(rpc(&sandbox, "cert.create", vec![Value::from(""), params]).unwrap());
    drive::same_shape(
        &json(fixture!("operation-create.xml").unwrap()),
        &op,
        "op",
        &["op.date_start", "op.params.session_id", "op.params.source"],
    );
    let id = i32::try_from(op["params"]["cert_id"].as_i64().unwrap()).unwrap();
    let dcv = json(
        rpc(
            &sandbox,
            "cert.get_dcv_params",
            vec![
                Value::from(""),
                Value::structure([
                    ("cert_id", Value::Int(id)),
                    ("dcv_method", Value::from("dns")),
                ]),
            ],
        )
        .unwrap(),
    );
    drive::same_shape(&json(fixture!("dcv-params.xml").unwrap()), &dcv, "dcv", &[]);
    sandbox.control(
        ProviderKind::GandiV3,
        Method::Post,
        &format!("/orders/{id}/complete-dcv"),
        b"",
    );
    let info = json(rpc(&sandbox, "cert.info", vec![Value::from(""), Value::Int(id)]).unwrap());
    let example = json(fixture!("cert-info.xml").unwrap());
    let mut skip = nil_members(&example);
    skip.push("info.altnames[]".into());
    drive::same_shape(
        &example,
        &info,
        "info",
        &skip.iter().map(String::as_str).collect::<Vec<_>>(),
    );
    assert!(
        info["altnames"]
            .as_array()
            .unwrap()
            .iter()
            .all(|a| a["value"].is_string())
    );
    let delete = rpc(
        &sandbox,
        "cert.delete",
        vec![Value::from(""), Value::Int(id)],
    )
    .unwrap();
    assert_eq!(
        delete.get("type").and_then(Value::as_str),
        Some("certificate_delete")
    );
    let ok = rpc(
        &sandbox,
        "cert.recheck_caa",
        vec![Value::from(""), Value::from("uuid")],
    )
    .unwrap();
    assert_eq!(json(ok), json(fixture!("boolean-true.xml").unwrap()));
}

/// Paths of members the example leaves `nil` (their type is not fixed by it).
fn nil_members(example: &Json) -> Vec<String> {
    let mut out = Vec::new();
    fn walk(v: &Json, path: &str, out: &mut Vec<String>) {
        match v {
            Json::Object(o) => {
                for (k, v) in o {
                    let p = format!("{path}.{k}");
                    if v.is_null() {
                        out.push(p.clone());
                    }
                    walk(v, &p, out);
                }
            }
            Json::Array(a) => {
                if let Some(first) = a.first() {
                    walk(first, &format!("{path}[]"), out);
                }
            }
            _ => {}
        }
    }
    for prefix in ["pkg", "info", "op"] {
        walk(example, prefix, &mut out);
    }
    out
}
