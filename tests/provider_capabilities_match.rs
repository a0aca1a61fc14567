//! Every operation a provider's capabilities advertise is a `Provider` method that does not
//! answer `Unsupported`, and every operation they deny answers exactly that: one table per
//! adapter, driven through `dyn Provider` only.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

use certorder::domain::DomainName;
use certorder::order::{DcvChoice, DcvMethod, OrderDraft, OrderHandle, Quote};
use certorder::product::{Money, Period};
use certorder::provider::gandi_v3::GandiV3;
use certorder::provider::gandi_v5::GandiV5;
use certorder::provider::gjirafa::{Gjirafa, ProjectId};
use certorder::provider::realtimeregister::RealtimeRegister;
use certorder::provider::ssl247::Ssl247;
use certorder::provider::{CsrUse, Provider, ProviderError};

/// A name as a draft holds it.
fn dn(name: &str) -> DomainName {
    DomainName::parse(name).expect("a valid name")
}

const CSR: &str =
    "-----BEGIN CERTIFICATE REQUEST-----\nMIIC6zCCAdMCAQAw\n-----END CERTIFICATE REQUEST-----";

fn draft(provider: &dyn Provider) -> OrderDraft {
    let names_only = provider.capabilities().csr == CsrUse::NotAccepted;
    OrderDraft {
        product: "cert_std_1_0_0".into(),
        period: Some(Period::years(1)),
        csr: (!names_only).then(|| CSR.to_owned()),
        common_name: Some(dn("acme-widgets.com")),
        sans: vec![dn("www.acme-widgets.com")],
        dcv: vec![DcvChoice::all(DcvMethod::Dns)],
        accepted_quote: Some(Quote {
            product: "cert_std_1_0_0".into(),
            period: Some(Period::years(1)),
            total: Money::new(0, None),
            lines: Vec::new(),
        }),
        ..OrderDraft::default()
    }
}

/// Whether a method's answer is the "not offered" one.
fn unsupported<T>(result: Result<T, ProviderError>) -> bool {
    matches!(result, Err(ProviderError::Unsupported { .. }))
}

/// Each advertised capability, with whether its method answered `Unsupported`.
fn rows(provider: &dyn Provider) -> Vec<(&'static str, bool, bool)> {
    let caps = provider.capabilities();
    let draft = draft(provider);
    let handle = OrderHandle::new(provider.kind(), "42")
        .with_operation("7")
        .with_dcv_method(DcvMethod::Email);
    let choice = DcvChoice {
        name: caps.dcv.per_name.then(|| dn("acme-widgets.com")),
        method: DcvMethod::Email,
        approver: Some("admin@example.com".into()),
    };
    vec![
        (
            "approver_lookup",
            caps.approver_lookup,
            unsupported(provider.approvers(&draft.product, "example.com")),
        ),
        (
            "name_checks",
            caps.name_checks,
            unsupported(provider.check_names(
                &draft.product,
                &dn("acme-widgets.com"),
                &[dn("www.acme-widgets.com")],
            )),
        ),
        ("quotes", caps.quotes, unsupported(provider.quote(&draft))),
        (
            "dry_run",
            caps.dry_run,
            unsupported(provider.dry_run(&draft)),
        ),
        (
            "dcv_preview",
            caps.dcv_preview,
            unsupported(provider.dcv_preview(&draft)),
        ),
        (
            "change_dcv",
            caps.change_dcv,
            unsupported(provider.change_dcv(&handle, &choice)),
        ),
        (
            "resend_dcv",
            caps.resend_dcv,
            unsupported(provider.resend_dcv(&handle)),
        ),
        (
            "reissue",
            caps.reissue,
            unsupported(provider.reissue(&handle, CSR)),
        ),
        (
            "renew",
            caps.renew,
            unsupported(provider.renew(&handle, &draft)),
        ),
        ("cancel", caps.cancel, unsupported(provider.cancel(&handle))),
        ("revoke", caps.revoke, unsupported(provider.revoke(&handle))),
        (
            "download",
            !caps.download_formats.is_empty(),
            unsupported(provider.download(&handle)),
        ),
    ]
}

fn assert_capabilities_match(provider: &dyn Provider) {
    let mismatches: Vec<String> = rows(provider)
        .into_iter()
        .filter(|(_, advertised, refused)| advertised == refused)
        .map(|(name, advertised, _)| format!("{name}: advertised {advertised}"))
        .collect();
    assert!(
        mismatches.is_empty(),
        "{:?}: {mismatches:?}",
        provider.kind()
    );
}

// Guards: each flag of Gandi v3 matches its method.
#[test]
fn gandi_v3_capabilities_are_methods() {
    assert_capabilities_match(&GandiV3);
}

// Guards: each flag of Gandi v5 matches its method.
#[test]
fn gandi_v5_capabilities_are_methods() {
    assert_capabilities_match(&GandiV5);
}

// Guards: each flag of Realtime Register matches its method.
#[test]
fn realtime_register_capabilities_are_methods() {
    assert_capabilities_match(&RealtimeRegister::for_customer("johndoe"));
}

// Guards: each flag of SSL247 matches its method.
#[test]
fn ssl247_capabilities_are_methods() {
    assert_capabilities_match(&Ssl247);
}

// Guards: each flag of Gjirafa matches its method.
#[test]
fn gjirafa_capabilities_are_methods() {
    let project = ProjectId::parse("3fa85f64-5717-4562-b3fc-2c963f66afa6").unwrap();
    assert_capabilities_match(&Gjirafa::new(project, 1));
}
