//! The SSL247 simulator: the adapter's flows against it (product types → products →
//! approvers → validate (quote) → place-order → complete → details → complete-dcv → issued →
//! downloads → reissue, renew, cancel, revoke), its answers against the reference's examples,
//! its errors and auth.
//!
//! One file per topic below `ssl247/` (flow, field rules, the reference's examples);
//! the set-up they share is here and in `support/`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

#[path = "support/drive.rs"]
mod drive;
#[path = "support/pki.rs"]
mod pki;
#[path = "support/setup.rs"]
mod setup;

use certorder::http::{HttpRequest, Method};
use certorder::order::{
    Contact, DcvChoice, DcvInstruction, DcvMethod, OrderDraft, OrderStatus, Organization,
};
use certorder::product::Period;
use certorder::provider::flow::single;
use certorder::provider::ssl247::{Ssl247, calls as cert_calls};
use certorder::provider::{Provider, ProviderError, ProviderKind};
use certorder_sandbox::{Reply, Sandbox};
use drive::Open as _;
use serde_json::{Value, json};
use setup::{body_json, dn, post_json, sandbox};

macro_rules! fixture {
    ($name:literal) => {
        serde_json::from_str::<Value>(include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../tests/fixtures/providers/ssl247/",
            $name
        )))
        .unwrap()
    };
}

const NAMES: [&str; 4] = [
    "example.co.uk",
    "www.example.co.uk",
    "shop.example.co.uk",
    "mail.example.co.uk",
];

fn draft(csr: &str, method: DcvMethod) -> OrderDraft {
    OrderDraft {
        product: "positivessl-multi-domain".into(),
        period: Some(Period::years(2)),
        csr: Some(csr.into()),
        common_name: Some(dn(NAMES[0])),
        sans: NAMES[1..].iter().copied().map(dn).collect(),
        dcv: vec![DcvChoice {
            name: None,
            method,
            approver: Some("admin@example.co.uk".into()),
        }],
        ..OrderDraft::default()
    }
}

fn post(sandbox: &Sandbox, path: &str, body: Value) -> certorder::http::HttpResponse {
    post_json(sandbox, &Ssl247, path, &body)
}

#[path = "ssl247/examples.rs"]
mod examples;
#[path = "ssl247/field_rules.rs"]
mod field_rules;
#[path = "ssl247/flow.rs"]
mod flow;
#[path = "ssl247/names.rs"]
mod names;
