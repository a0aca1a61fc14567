//! The Realtime Register simulator: the adapter's own flows against it (catalog → approvers →
//! quote → order with the billing handshake → DCV → complete-dcv → issued → download), its
//! answers against the documents' examples, its field rules, auth and faults.
//!
//! One file per topic below `realtimeregister/` (flow, field rules, the documents' examples,
//! faults);
//! the set-up they share is here and in `support/`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

#[path = "support/drive.rs"]
mod drive;
#[path = "support/pki.rs"]
mod pki;
#[path = "support/setup.rs"]
mod setup;

use certorder::http::{HttpRequest, Method};
use certorder::order::{DcvChoice, DcvInstruction, DcvMethod, OrderDraft, OrderStatus};
use certorder::product::Period;
use certorder::provider::realtimeregister::{ErrorType, RealtimeRegister};
use certorder::provider::{OperationClass, Provider, ProviderError, ProviderKind};
use certorder_sandbox::{Reply, Sandbox, SandboxSettings};
use drive::Open as _;
use serde_json::{Value, json};
use setup::{body_json, dn, sandbox};

macro_rules! fixture {
    ($name:literal) => {
        serde_json::from_str::<Value>(include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../tests/fixtures/providers/realtimeregister/",
            $name
        )))
        .unwrap()
    };
}

const NAMES: [&str; 5] = [
    "sandbox-shop.com",
    "www.sandbox-shop.com",
    "shop.sandbox-shop.com",
    "*.cdn.sandbox-shop.com",
    "mail.sandbox-shop.com",
];

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
                name: Some(dn("www.sandbox-shop.com")),
                method: DcvMethod::Http,
                approver: None,
            },
            DcvChoice {
                name: Some(dn("shop.sandbox-shop.com")),
                method: DcvMethod::Email,
                approver: Some("admin@sandbox-shop.com".into()),
            },
        ],
        ..OrderDraft::default()
    }
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

#[path = "realtimeregister/examples.rs"]
mod examples;
#[path = "realtimeregister/faults.rs"]
mod faults;
#[path = "realtimeregister/field_rules.rs"]
mod field_rules;
#[path = "realtimeregister/flow.rs"]
mod flow;
