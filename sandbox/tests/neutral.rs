//! Every provider-neutral operation each adapter's capabilities claim, driven end to end
//! against the sandbox: dry run, DCV preview, quote, order, complete-dcv, download, reissue
//! (the certificate then carries the new key), renew, cancel and revoke.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

#[path = "support/drive.rs"]
mod drive;
#[path = "support/pki.rs"]
mod pki;
#[path = "support/setup.rs"]
mod setup;

use drive::Open as _;

use certorder::http::Method;
use certorder::order::{DcvChoice, DcvMethod, OrderDraft, OrderStatus};
use certorder::product::Period;
use certorder::provider::gandi_v3::GandiV3;
use certorder::provider::gandi_v5::GandiV5;
use certorder::provider::gjirafa::{Gjirafa, ProjectId};
use certorder::provider::realtimeregister::RealtimeRegister;
use certorder::provider::ssl247::Ssl247;
use certorder::provider::{Provider, ProviderKind};
use certorder_sandbox::{GJIRAFA_PROJECT, Sandbox};
use setup::{dn, sandbox};

const NAMES: [&str; 2] = ["shop.sandbox-shop.net", "api.sandbox-shop.net"];

fn draft(product: &str, csr: Option<&str>, period: Option<Period>) -> OrderDraft {
    OrderDraft {
        product: product.into(),
        period,
        csr: csr.map(str::to_owned),
        common_name: Some(dn(NAMES[0])),
        sans: vec![dn(NAMES[1])],
        dcv: vec![DcvChoice::all(DcvMethod::Dns)],
        ..OrderDraft::default()
    }
}

/// A period in months.
fn months_of(p: Period) -> u32 {
    match p.unit {
        certorder::product::PeriodUnit::Years => p.count * 12,
        _ => p.count,
    }
}

/// The id the control call takes: the operation for the XML-RPC API, else the order's id.
fn control_id(kind: ProviderKind, state: &certorder::order::OrderState) -> String {
    match kind {
        ProviderKind::RealtimeRegister => state.handle.operation.clone().unwrap(),
        _ => state.handle.id.clone(),
    }
}

fn complete(sandbox: &Sandbox, provider: &dyn Provider, state: &certorder::order::OrderState) {
    let path = format!(
        "/orders/{}/complete-dcv",
        control_id(provider.kind(), state)
    );
    drive::control(sandbox, provider, Method::Post, &path, "");
}

fn life_cycle(provider: &dyn Provider, product: &str, period: Option<Period>, takes_csr: bool) {
    let sandbox = sandbox();
    let caps = provider.capabilities();
    let kind = provider.kind();
    let (csr, spki) = pki::csr(&NAMES);
    let mut order = draft(product, takes_csr.then_some(csr.as_str()), period);
    if caps.dry_run {
        drive::ok(&sandbox, provider, provider.dry_run(&order).unwrap());
    }
    if caps.dcv_preview {
        let preview = drive::ok(&sandbox, provider, provider.dcv_preview(&order).unwrap());
        assert_eq!(preview.len(), NAMES.len(), "{kind:?}");
    }
    if caps.quotes {
        order = drive::accepted(&sandbox, provider, order);
    }
    let state = drive::ok(&sandbox, provider, provider.create_order(&order).unwrap());
    let validations = drive::ok(&sandbox, provider, provider.dcv(&state).unwrap());
    assert!(
        validations.iter().all(|v| v.instruction.is_some()),
        "{kind:?}: {validations:?}"
    );

    // Cancel before issuance, on a second order, where the API has it.
    if caps.cancel {
        let other = drive::ok(&sandbox, provider, provider.create_order(&order).unwrap());
        drive::ok(&sandbox, provider, provider.cancel(&other.handle).unwrap());
    }

    complete(&sandbox, provider, &state);
    let issued = drive::ok(&sandbox, provider, provider.order(&state.handle).unwrap());
    assert_eq!(issued.status, OrderStatus::Issued, "{kind:?}");
    if !caps.download_formats.is_empty() {
        let months = period.map_or(12, months_of);
        let cert = drive::ok(
            &sandbox,
            provider,
            provider.download(&issued.handle).unwrap(),
        );
        pki::check_issued_pem(
            sandbox.ca(),
            &cert.pem,
            Some(&spki),
            &NAMES,
            i64::from(months),
        );
    }
    if caps.reissue {
        let (new_csr, new_spki) = pki::csr(&NAMES);
        let again = drive::ok(
            &sandbox,
            provider,
            provider.reissue(&issued.handle, &new_csr).unwrap(),
        );
        assert!(
            again.status.is_open() || again.status == OrderStatus::Issued,
            "{kind:?}: {again:?}"
        );
        complete(&sandbox, provider, &issued);
        let cert = drive::ok(
            &sandbox,
            provider,
            provider.download(&issued.handle).unwrap(),
        );
        let months = period.map_or(12, months_of);
        pki::check_issued_pem(
            sandbox.ca(),
            &cert.pem,
            Some(&new_spki),
            &NAMES,
            i64::from(months),
        );
    }
    if caps.renew {
        let (renew_csr, _) = pki::csr(&NAMES);
        let mut renewal = draft(product, takes_csr.then_some(renew_csr.as_str()), period);
        if caps.quotes {
            renewal = drive::accepted(&sandbox, provider, renewal);
        }
        let renewed = drive::ok(
            &sandbox,
            provider,
            provider.renew(&issued.handle, &renewal).unwrap(),
        );
        assert_ne!(
            renewed.handle.id, issued.handle.id,
            "{kind:?}: a renewal is a new certificate"
        );
    }
    if caps.revoke {
        drive::ok(&sandbox, provider, provider.revoke(&issued.handle).unwrap());
        let revoked = drive::ok(&sandbox, provider, provider.order(&issued.handle).unwrap());
        assert_ne!(revoked.status, OrderStatus::Issued, "{kind:?}");
    }
}

// Guards: Realtime Register (dry run by quote, quote, order, download).
#[test]
fn realtimeregister() {
    life_cycle(
        &RealtimeRegister::default(),
        "sectigo_positivessl_multidomain",
        Some(Period::months(24)),
        true,
    );
}

// Guards: Gandi v5 (dry run, preview, order, reissue, renew, revoke).
#[test]
fn gandi_v5() {
    life_cycle(&GandiV5, "cert_std_3_0_0", None, true);
}

// Guards: Gandi v3 (preview, order, reissue, renew, revoke).
#[test]
fn gandi_v3() {
    life_cycle(&GandiV3, "cert_std_3_0_0", Some(Period::years(2)), true);
}

// Guards: SSL247 (quote, order, reissue, renew, cancel, revoke).
#[test]
fn ssl247() {
    life_cycle(
        &Ssl247,
        "positivessl-multi-domain",
        Some(Period::years(1)),
        true,
    );
}

// Guards: Gjirafa (names only, cancel by delete).
#[test]
fn gjirafa() {
    life_cycle(
        &Gjirafa::new(ProjectId::parse(GJIRAFA_PROJECT).unwrap(), 0),
        "",
        None,
        false,
    );
}
