//! The provider × feature matrix in docs/capabilities.md is generated from the adapters'
//! `capabilities()`, so the documentation cannot drift from the code.

// The helpers below run only in tests: a failed step is a failed test.
#![allow(clippy::expect_used)]

use certorder::order::DcvMethod;
use certorder::provider::capabilities::CsrUse;
use certorder::provider::{Capabilities, Provider};
use certorder::provider::{gandi_v3, gandi_v5, gjirafa, realtimeregister, ssl247};

fn providers() -> Vec<Box<dyn Provider>> {
    let project = gjirafa::ProjectId::parse("3fa85f64-5717-4562-b3fc-2c963f66afa6")
        .expect("a uuid is a project id");
    vec![
        Box::new(gandi_v3::GandiV3),
        Box::new(gandi_v5::GandiV5),
        Box::new(realtimeregister::RealtimeRegister { customer: None }),
        Box::new(ssl247::Ssl247),
        Box::new(gjirafa::Gjirafa::new(project, 0)),
    ]
}

fn methods(list: &[DcvMethod]) -> String {
    if list.is_empty() {
        return "—".to_owned();
    }
    list.iter()
        .map(|m| match m {
            DcvMethod::Email => "e-mail".to_owned(),
            DcvMethod::Dns => "DNS".to_owned(),
            DcvMethod::Http => "HTTP file".to_owned(),
            DcvMethod::Https => "HTTPS file".to_owned(),
            DcvMethod::Automatic => "automatic".to_owned(),
            other => format!("{other:?}"),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn yes(flag: bool) -> String {
    if flag { "yes" } else { "no" }.to_owned()
}

fn rows(c: &Capabilities) -> Vec<(&'static str, String)> {
    vec![
        (
            "CSR",
            match c.csr {
                CsrUse::Required => "required",
                CsrUse::Optional => "optional",
                CsrUse::NotAccepted => "not used (CA makes the key)",
            }
            .to_owned(),
        ),
        ("DCV for a name", methods(&c.dcv.name)),
        ("DCV for a wildcard", methods(&c.dcv.wildcard)),
        ("DCV for an IP address", methods(&c.dcv.ip)),
        ("DCV method per name", yes(c.dcv.per_name)),
        ("wildcard SANs", yes(c.wildcard_sans)),
        ("free www/apex twin", yes(c.free_www_twin)),
        ("approver look-up", yes(c.approver_lookup)),
        ("quotes", yes(c.quotes)),
        ("dry run", yes(c.dry_run)),
        ("DCV preview before ordering", yes(c.dcv_preview)),
        ("change DCV", yes(c.change_dcv)),
        ("resend DCV", yes(c.resend_dcv)),
        ("reissue", yes(c.reissue)),
        ("renew", yes(c.renew)),
        ("cancel", yes(c.cancel)),
        ("revoke", yes(c.revoke)),
        ("period unit", format!("{:?}", c.period_unit).to_lowercase()),
        (
            "download formats",
            if c.download_formats.is_empty() {
                "—".to_owned()
            } else {
                c.download_formats
                    .iter()
                    .map(|f| format!("{f:?}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            },
        ),
    ]
}

fn render() -> String {
    let providers = providers();
    let mut out = String::from(
        "# Provider capabilities\n\nGenerated from each adapter's `capabilities()` by \
         `tests/capabilities_doc.rs`; regenerate with\n`UPDATE_CAPABILITIES_DOC=1 cargo test \
         --test capabilities_doc`. Realtime Register refines these per product\n\
         (`capabilities_for`): reissue, wildcard SANs, the free twin and required fields come \
         from the product's metadata.\n\n| feature |",
    );
    for p in &providers {
        out.push_str(&format!(" {} |", p.kind().name()));
    }
    out.push_str("\n|---|");
    out.push_str(&"---|".repeat(providers.len()));
    out.push('\n');
    let all: Vec<_> = providers.iter().map(|p| rows(&p.capabilities())).collect();
    for (i, (label, _)) in all[0].iter().enumerate() {
        out.push_str(&format!("| {label} |"));
        for caps in &all {
            out.push_str(&format!(" {} |", caps[i].1));
        }
        out.push('\n');
    }
    out
}

// Guards the README's promise that the matrix describes the code as it is.
#[test]
fn capability_matrix_in_docs_is_current() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/capabilities.md");
    let table = render();
    if std::env::var_os("UPDATE_CAPABILITIES_DOC").is_some() {
        std::fs::write(&path, &table).unwrap();
    }
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        current == table,
        "docs/capabilities.md is stale: run `UPDATE_CAPABILITIES_DOC=1 cargo test --test capabilities_doc`"
    );
}

// Wildcards are never validated by a file on a web server (BR §3.2.2.4.18/19 exclude them).
#[test]
fn no_provider_offers_file_validation_for_wildcards() {
    for p in providers() {
        let caps = p.capabilities();
        assert!(
            !caps
                .dcv
                .wildcard
                .iter()
                .any(|m| matches!(m, DcvMethod::Http | DcvMethod::Https)),
            "{} offers file DCV for wildcards",
            p.kind()
        );
    }
}
