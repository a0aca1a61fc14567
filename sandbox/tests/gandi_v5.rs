//! The Gandi v5 simulator: the adapter's flows against it (packages → dry run → order → DCV
//! parameters → complete-dcv → valid → download → reissue, renew, revoke), DCV changes, its
//! answers against the documents' examples, `errors[]` for broken bodies, and auth.
//!
//! One file per topic below `gandi_v5/` (flow, field rules, the documents' examples);
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
use certorder::provider::Call as _;
use certorder::provider::gandi_v5::{GandiV5, calls, wire::ChangeRequest};
use certorder::provider::{Provider, ProviderKind};
use certorder_sandbox::{Reply, Sandbox};
use drive::Open as _;
use serde_json::{Value, json};
use setup::{body_json, dn, post_json, sandbox};

macro_rules! fixture {
    ($name:literal) => {
        serde_json::from_str::<Value>(include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../tests/fixtures/providers/gandi_v5/",
            $name
        )))
        .unwrap()
    };
}

const NAMES: [&str; 3] = [
    "sandbox-shop.net",
    "www.sandbox-shop.net",
    "shop.sandbox-shop.net",
];

fn draft(csr: &str, package: &str, names: &[&str], method: DcvMethod) -> OrderDraft {
    OrderDraft {
        product: package.into(),
        csr: Some(csr.into()),
        common_name: Some(dn(names[0])),
        sans: names[1..].iter().copied().map(dn).collect(),
        dcv: vec![DcvChoice::all(method)],
        ..OrderDraft::default()
    }
}

fn post(sandbox: &Sandbox, path: &str, body: Value) -> certorder::http::HttpResponse {
    post_json(sandbox, &GandiV5, path, &body)
}

#[path = "gandi_v5/examples.rs"]
mod examples;
#[path = "gandi_v5/field_rules.rs"]
mod field_rules;
#[path = "gandi_v5/flow.rs"]
mod flow;
