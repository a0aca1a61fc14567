//! The Gjirafa simulator: the adapter's flows against it (create from names → DNS-01 TXT
//! records → validate again → complete-dcv → Active → scope update → delete; import), its
//! answers against the document's examples, `errors[]` for broken bodies, and auth.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

#[path = "support/drive.rs"]
mod drive;
#[path = "support/setup.rs"]
mod setup;

use certorder::http::{HttpRequest, Method, Secret};
use certorder::order::{
    DcvChoice, DcvInstruction, DcvMethod, DnsRecordType, OrderDraft, OrderStatus,
};
use certorder::provider::gjirafa::{Gjirafa, KeyImportConsent, ProjectId};
use certorder::provider::{Provider, ProviderKind};
use certorder_sandbox::{GJIRAFA_PROJECT, Reply};
use serde_json::{Value, json};
use setup::{body_json, dn, sandbox};

macro_rules! fixture {
    ($name:literal) => {
        example(include_str!(concat!(
            "../../tests/fixtures/providers/gjirafa/",
            $name
        )))
    };
}

/// A document example as JSON. The document's list example ends without its closing brace;
/// it is read with the brace put back.
fn example(text: &str) -> Value {
    serde_json::from_str(text)
        .or_else(|_| serde_json::from_str(&format!("{text}}}")))
        .unwrap()
}

const NAMES: [&str; 3] = [
    "cdn.sandbox-shop.net",
    "*.cdn.sandbox-shop.net",
    "static.sandbox-shop.net",
];

fn adapter() -> Gjirafa {
    Gjirafa::new(ProjectId::parse(GJIRAFA_PROJECT).unwrap(), 1)
}

fn draft() -> OrderDraft {
    OrderDraft {
        product: String::new(),
        common_name: Some(dn(NAMES[0])),
        sans: NAMES[1..].iter().copied().map(dn).collect(),
        dcv: vec![DcvChoice::all(DcvMethod::Dns)],
        ..OrderDraft::default()
    }
}

fn path(tail: &str) -> String {
    format!("/api/v1/projects/{GJIRAFA_PROJECT}/certificates{tail}")
}

// Guards: the adapter's flow, TXT challenges per name, issuance with a generated key.
#[test]
fn adapter_flow_from_names_to_delete() {
    let sandbox = sandbox();
    let gj = adapter();
    let state = drive::ok(&sandbox, &gj, gj.create_order(&draft()).unwrap());
    assert_eq!(state.names, NAMES);
    assert_eq!(state.provider_status, "Pending");
    let validations = drive::ok(&sandbox, &gj, gj.dcv(&state).unwrap());
    assert_eq!(validations.len(), 3);
    let mut values = Vec::new();
    for (v, name) in validations.iter().zip(NAMES) {
        let Some(DcvInstruction::Dns(record)) = &v.instruction else {
            panic!("{v:?}")
        };
        assert_eq!(record.record_type, DnsRecordType::Txt);
        assert_eq!(
            record.name,
            format!("_acme-challenge.{}", name.trim_start_matches("*."))
        );
        assert_eq!(record.value.len(), 43, "base64url of a SHA-256");
        values.push(record.value.clone());
    }
    values.dedup();
    assert_eq!(
        values.len(),
        3,
        "the wildcard and its base get their own TXT values"
    );

    drive::ok(&sandbox, &gj, gj.resend_dcv(&state.handle).unwrap());
    let id = state.handle.id.clone();
    drive::complete_dcv(&sandbox, &gj, &id);
    let issued = drive::ok(&sandbox, &gj, gj.order(&state.handle).unwrap());
    assert_eq!(issued.status, OrderStatus::Issued);
    let detail = body_json(&drive::respond(
        &sandbox,
        &gj,
        HttpRequest::new(Method::Get, path(&format!("/{id}"))),
    ));
    assert_eq!(detail["result"]["serialNumber"].as_str().unwrap().len(), 32);
    assert!(
        detail["result"]["dnsRecords"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    let start = time_of(&detail["result"]["notBefore"]);
    let end = time_of(&detail["result"]["notAfter"]);
    assert!(
        (88..=93).contains(&((end - start) / 86_400)),
        "about 90 days"
    );

    let moved = drive::ok(&sandbox, &gj, gj.update_scope(&state.handle, 2).unwrap());
    assert_eq!(moved.handle.id, id);
    let list = drive::ok(&sandbox, &gj, gj.list());
    assert_eq!(list.result.len(), 1);
    drive::ok(&sandbox, &gj, gj.delete(&state.handle).unwrap());
    let gone = drive::respond(
        &sandbox,
        &gj,
        HttpRequest::new(Method::Get, path(&format!("/{id}"))),
    );
    assert_eq!(
        (gone.status, body_json(&gone)["success"].as_bool()),
        (404, Some(false))
    );
}

fn time_of(v: &Value) -> i64 {
    let s = v.as_str().unwrap();
    let days = |y: i64, m: i64, d: i64| {
        // Days from the civil date (Howard Hinnant's algorithm), enough for a difference.
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
        era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy
    };
    let n = |a: usize, b: usize| s[a..b].parse::<i64>().unwrap();
    days(n(0, 4), n(5, 7), n(8, 10)) * 86_400 + n(11, 13) * 3600 + n(14, 16) * 60 + n(17, 19)
}

// Guards: import reads names and dates from the certificate; broken bodies list their errors.
#[test]
fn import_and_errors() {
    let sandbox = sandbox();
    let gj = adapter();
    let issued = sandbox
        .ca()
        .issue_generated(
            &[
                "shop.sandbox-shop.net".into(),
                "www.shop.sandbox-shop.net".into(),
            ],
            12,
        )
        .unwrap();
    let key = Secret::new(issued.private_key_pem.clone().unwrap());
    let state = drive::ok(
        &sandbox,
        &gj,
        gj.import(
            &issued.pem,
            key,
            sandbox.ca().intermediate_pem(),
            KeyImportConsent::given(),
        )
        .unwrap(),
    );
    assert_eq!(
        state.names,
        ["shop.sandbox-shop.net", "www.shop.sandbox-shop.net"]
    );
    assert_eq!(
        (state.status, state.product.as_deref()),
        (OrderStatus::Issued, Some("Imported"))
    );

    let post = |body: Value| {
        drive::respond(
            &sandbox,
            &gj,
            HttpRequest::new(Method::Post, path(""))
                .with_json(&body)
                .unwrap(),
        )
    };
    let r = post(
        json!({"domainName": "not a name", "additionalDomainNames": ["a.example.net", "a.example.net"], "scopeId": -1}),
    );
    assert_eq!(r.status, 400);
    let body = body_json(&r);
    assert_eq!(body["success"], false);
    let errors: Vec<&str> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e.as_str().unwrap())
        .collect();
    assert!(
        errors.iter().any(|e| e.contains("listed twice")),
        "{errors:?}"
    );
    assert!(
        errors.iter().any(|e| e.contains("not a name")),
        "{errors:?}"
    );
    assert!(
        errors.iter().any(|e| e.starts_with("scopeId")),
        "{errors:?}"
    );
    let r = post(json!({"domainName": "example.net"}));
    assert!(
        body_json(&r)["errors"][0]
            .as_str()
            .unwrap()
            .starts_with("additionalDomainNames")
    );

    for (header, value) in [
        (None, ""),
        (Some("X-API-Key"), "wrong"),
        (Some("Authorization"), "Bearer wrong"),
    ] {
        let mut request = HttpRequest::new(Method::Get, path(""));
        if let Some(h) = header {
            request = request.with_header(h, value);
        }
        let Reply::Respond(r) = sandbox.handle(ProviderKind::Gjirafa, &request) else {
            panic!()
        };
        assert_eq!(
            (r.status, body_json(&r)["success"].as_bool()),
            (401, Some(false))
        );
    }
    let other = HttpRequest::new(
        Method::Get,
        "/api/v1/projects/00000000-0000-4000-8000-000000000000/certificates",
    );
    assert_eq!(drive::respond(&sandbox, &gj, other).status, 403);
}

// Guards: every field of the document's examples is in the simulator's answers, typed alike.
#[test]
fn answers_match_the_documents_examples() {
    let sandbox = sandbox();
    let gj = adapter();
    let created = drive::respond(
        &sandbox,
        &gj,
        HttpRequest::new(Method::Post, path(""))
            .with_json(&fixture_request())
            .unwrap(),
    );
    let created = body_json(&created);
    // Before issuance the dates, serial and key are not known yet.
    let pending_skip = [
        "c.result.notBefore",
        "c.result.notAfter",
        "c.result.scopeOptions",
    ];
    drive::same_shape(
        &fixture!("create-response.json"),
        &created,
        "c",
        &pending_skip,
    );
    let id = created["result"]["id"].as_u64().unwrap();
    sandbox.control(
        ProviderKind::Gjirafa,
        Method::Post,
        &format!("/orders/{id}/complete-dcv"),
        b"",
    );
    let get = body_json(&drive::respond(
        &sandbox,
        &gj,
        HttpRequest::new(Method::Get, path(&format!("/{id}"))),
    ));
    drive::same_shape(
        &fixture!("get-response.json"),
        &get,
        "g",
        &["g.result.scopeOptions", "g.result.dnsRecords"],
    );
    let validate = body_json(&drive::respond(
        &sandbox,
        &gj,
        HttpRequest::new(Method::Put, path(&format!("/{id}/validate"))),
    ));
    drive::same_shape(
        &fixture!("validate-response.json"),
        &validate,
        "v",
        &["v.result.scopeOptions", "v.result.dnsRecords"],
    );
    let update = body_json(&drive::respond(
        &sandbox,
        &gj,
        HttpRequest::new(Method::Put, path(&format!("/{id}")))
            .with_json(
                &fixture!("update-request.json")
                    .as_object()
                    .map(|_| json!({"scopeId": 1}))
                    .unwrap(),
            )
            .unwrap(),
    ));
    drive::same_shape(
        &fixture!("update-response.json"),
        &update,
        "u",
        &["u.result.scopeOptions", "u.result.dnsRecords"],
    );
    let list = body_json(&drive::respond(
        &sandbox,
        &gj,
        HttpRequest::new(Method::Get, path("")),
    ));
    drive::same_shape(&fixture!("list-response.json"), &list, "l", &[]);
    let delete = body_json(&drive::respond(
        &sandbox,
        &gj,
        HttpRequest::new(Method::Delete, path(&format!("/{id}"))),
    ));
    drive::same_shape(
        &fixture!("delete-response.json"),
        &delete,
        "d",
        &["d.result.scopeOptions", "d.result.dnsRecords"],
    );
}

/// The document's create request with real values in its fields.
fn fixture_request() -> Value {
    let mut body = fixture!("create-request.json");
    body["domainName"] = json!("example.net");
    body["additionalDomainNames"] = json!(["www.example.net"]);
    body["scopeId"] = json!(1);
    body
}
