//! The sandbox providers behind the real proxy route: with nothing configured, every
//! provider's whole order runs through `certorder serve` (recognition, policy, order tokens,
//! exactly-once, credential injection) to its simulator, driven by the adapter alone, as the
//! widget drives it, and ends with a certificate for the request's key and the ordered names.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use axum::Router;
use axum::body::Body;
use certorder::http::{HttpRequest, HttpResponse};
use certorder::order::{DcvChoice, DcvMethod, OrderDraft, OrderState, OrderStatus};
use certorder::product::Period;
use certorder::provider::flow::{self, Flow};
use certorder::provider::{OperationClass, Provider, ProviderKind};
use x509_parser::prelude::*;

use super::support::{code, request, send};
use crate::serve::state::AppState;
use certorder::domain::DomainName;

/// A name as a draft holds it.
fn dn(name: &str) -> DomainName {
    DomainName::parse(name).expect("a valid name")
}

const NAMES: [&str; 2] = ["shop.sandbox-shop.net", "api.sandbox-shop.net"];

/// The widget's side of the proxy: every request to `/api/{provider}/…`, an
/// `Idempotency-Key` on billable calls, and every order token the server handed out so far.
struct Widget {
    app: Router,
    kind: ProviderKind,
    tokens: Vec<String>,
    keys: AtomicU64,
}

impl Widget {
    async fn exchange(&mut self, call: HttpRequest, class: OperationClass) -> HttpResponse {
        let uri = format!("/api/{}{}", self.kind.slug(), call.path_and_query());
        let mut builder = request(call.method.as_str(), &uri);
        for (name, value) in &call.headers {
            builder = builder.header(name, value);
        }
        if class.is_billable() {
            let key = self.keys.fetch_add(1, Ordering::Relaxed);
            builder = builder.header("idempotency-key", format!("order-attempt-{key}"));
        }
        for token in &self.tokens {
            builder = builder.header("certorder-order-token", token);
        }
        let sent = call.body.clone().unwrap_or_default();
        let body = call.body.map_or_else(Body::empty, Body::from);
        let (status, headers, text) = send(&self.app, builder.body(body).expect("request")).await;
        for token in headers.get_all("certorder-order-token") {
            let token = token.to_str().expect("ascii").to_owned();
            if !self.tokens.contains(&token) {
                self.tokens.push(token);
            }
        }
        assert!(
            code(&text).is_empty(),
            "{:?}: the server refused {uri} {}: {text}",
            self.kind,
            String::from_utf8_lossy(&sent)
        );
        let mut response = HttpResponse::new(status, text.into_bytes());
        for (name, value) in &headers {
            if let Ok(value) = value.to_str() {
                response = response.with_header(name.as_str(), value);
            }
        }
        response
    }

    async fn run<T>(&mut self, flow: Flow<T>) -> T {
        let mut flow = flow;
        loop {
            let call = flow.request().expect("request");
            let response = self.exchange(call, flow.class()).await;
            match flow.advance(&response).expect("provider answer") {
                flow::Step::Done(value) => return value,
                flow::Step::Next(next) => flow = next,
            }
        }
    }

    async fn complete_dcv(&self, state: &OrderState) {
        let id = match self.kind {
            ProviderKind::RealtimeRegister => state.handle.operation.clone().expect("process"),
            _ => state.handle.id.clone(),
        };
        let uri = format!("/sandbox/{}/orders/{id}/complete-dcv", self.kind.slug());
        let (status, _, body) = send(
            &self.app,
            request("POST", &uri).body(Body::empty()).expect("request"),
        )
        .await;
        assert_eq!(status, 200, "{:?}: {body}", self.kind);
    }
}

/// A CSR (PEM) for `names` and its SubjectPublicKeyInfo.
fn new_csr() -> (String, Vec<u8>) {
    let key = rcgen::KeyPair::generate().expect("key");
    let mut params =
        rcgen::CertificateParams::new(NAMES.map(str::to_owned).to_vec()).expect("params");
    params.distinguished_name = rcgen::DistinguishedName::new();
    params
        .distinguished_name
        .push(rcgen::DnType::CommonName, NAMES[0]);
    let request = params.serialize_request(&key).expect("csr");
    let (_, parsed) = X509CertificationRequest::from_der(request.der()).expect("parses");
    let spki = parsed.certification_request_info.subject_pki.raw.to_vec();
    (request.pem().expect("pem"), spki)
}

async fn sandbox_app() -> (Router, Arc<AppState>) {
    let config = crate::serve::config::Config::load(None, &|_: &str| None, &Default::default())
        .expect("defaults");
    let state = Arc::new(crate::serve::state(&config).await.expect("state"));
    (crate::serve::router(state.clone(), None), state)
}

async fn whole_order(kind: ProviderKind, product: &str, period: Option<Period>) {
    let (app, state) = sandbox_app().await;
    let route = state.providers.get(&kind).expect("provider");
    let sandbox = route.sandbox.clone().expect("sandbox mode");
    let provider: Arc<dyn Provider> = route.adapter.clone();
    let caps = provider.capabilities();
    let mut widget = Widget {
        app,
        kind,
        tokens: Vec::new(),
        keys: AtomicU64::new(0),
    };

    let takes_csr = !product.is_empty();
    if takes_csr {
        // Gjirafa orders names alone and has no catalog.
        let products = widget.run(provider.products().expect("products")).await;
        assert!(
            products.iter().any(|p| p.id == product),
            "{kind:?}: {product} is not in the catalog"
        );
    }
    let (csr, spki) = new_csr();
    let mut draft = OrderDraft {
        product: product.into(),
        period,
        csr: takes_csr.then_some(csr),
        common_name: Some(dn(NAMES[0])),
        sans: vec![dn(NAMES[1])],
        dcv: vec![DcvChoice::all(DcvMethod::Dns)],
        ..OrderDraft::default()
    };
    if caps.approver_lookup {
        let approvers = widget
            .run(provider.approvers(product, NAMES[0]).expect("approvers"))
            .await;
        assert!(
            approvers
                .emails
                .iter()
                .any(|e| e == "admin@sandbox-shop.net"),
            "{kind:?}: {approvers:?}"
        );
    }
    if caps.quotes {
        let quote = widget.run(provider.quote(&draft).expect("quote")).await;
        draft.accepted_quote = Some(quote);
    }
    let state = widget
        .run(provider.create_order(&draft).expect("create"))
        .await;
    assert!(
        !widget.tokens.is_empty(),
        "{kind:?}: no order token on creation"
    );
    let validations = widget.run(provider.dcv(&state).expect("dcv")).await;
    assert!(
        validations.iter().all(|v| v.instruction.is_some()),
        "{kind:?}: {validations:?}"
    );
    widget.complete_dcv(&state).await;
    let issued = widget
        .run(provider.order(&state.handle).expect("order"))
        .await;
    assert_eq!(issued.status, OrderStatus::Issued, "{kind:?}");
    if caps.download_formats.is_empty() {
        return;
    }
    let certificate = widget
        .run(provider.download(&issued.handle).expect("download"))
        .await;
    check_issued(kind, &sandbox, &certificate.pem, &spki);

    // After issuance, where the API has it: reissue with a new key, renew, revoke; and cancel
    // before issuance on a second order. Each is order-scoped: it passes only with the token.
    if caps.reissue {
        let (reissue_csr, new_spki) = new_csr();
        widget
            .run(
                provider
                    .reissue(&issued.handle, &reissue_csr)
                    .expect("reissue"),
            )
            .await;
        widget.complete_dcv(&issued).await;
        let again = widget
            .run(provider.download(&issued.handle).expect("download"))
            .await;
        check_issued(kind, &sandbox, &again.pem, &new_spki);
    }
    if caps.renew {
        let (renew_csr, _) = new_csr();
        let mut renewal = OrderDraft {
            csr: Some(renew_csr),
            accepted_quote: None,
            ..draft.clone()
        };
        if caps.quotes {
            let quote = widget.run(provider.quote(&renewal).expect("quote")).await;
            renewal.accepted_quote = Some(quote);
        }
        let renewed = widget
            .run(provider.renew(&issued.handle, &renewal).expect("renew"))
            .await;
        assert_ne!(
            renewed.handle.id, issued.handle.id,
            "{kind:?}: a new certificate"
        );
    }
    if caps.cancel {
        let other = widget
            .run(provider.create_order(&draft).expect("create"))
            .await;
        widget
            .run(provider.cancel(&other.handle).expect("cancel"))
            .await;
    }
    if caps.revoke {
        widget
            .run(provider.revoke(&issued.handle).expect("revoke"))
            .await;
        let revoked = widget
            .run(provider.order(&issued.handle).expect("order"))
            .await;
        assert_ne!(
            revoked.status,
            OrderStatus::Issued,
            "{kind:?}: still issued"
        );
    }
}

/// The downloaded certificate carries the request's key and the ordered names, and was
/// issued by the sandbox CA.
fn check_issued(kind: ProviderKind, sandbox: &certorder_sandbox::Sandbox, pem: &str, spki: &[u8]) {
    let (_, block) = x509_parser::pem::parse_x509_pem(pem.as_bytes()).expect("a PEM certificate");
    let (_, leaf) = parse_x509_certificate(&block.contents).expect("parses");
    assert_eq!(leaf.public_key().raw, spki, "{kind:?}: the request's key");
    let sans: Vec<String> = leaf
        .subject_alternative_name()
        .expect("san extension")
        .expect("sans")
        .value
        .general_names
        .iter()
        .map(|name| match name {
            GeneralName::DNSName(n) => (*n).to_owned(),
            other => format!("{other:?}"),
        })
        .collect();
    assert_eq!(sans, NAMES, "{kind:?}: the ordered names");
    let (_, intermediate) =
        parse_x509_certificate(sandbox.ca().intermediate_der()).expect("intermediate");
    assert_eq!(
        leaf.issuer(),
        intermediate.subject(),
        "{kind:?}: issued by the sandbox CA"
    );
    let key = intermediate.public_key();
    assert!(
        leaf.verify_signature(Some(key)).is_ok(),
        "{kind:?}: signed by the sandbox intermediate"
    );
}

// Guards: Realtime Register through the proxy (quote accepted, billable handshake, process).
#[tokio::test]
async fn realtimeregister_whole_order() {
    whole_order(
        ProviderKind::RealtimeRegister,
        "sectigo_positivessl_multidomain",
        Some(Period::months(24)),
    )
    .await;
}

// Guards: Gandi v5 through the proxy.
#[tokio::test]
async fn gandi_v5_whole_order() {
    whole_order(ProviderKind::GandiV5, "cert_std_3_0_0", None).await;
}

// Guards: Gandi XML-RPC v3 through the proxy (the API key as first parameter).
#[tokio::test]
async fn gandi_v3_whole_order() {
    whole_order(
        ProviderKind::GandiV3,
        "cert_std_3_0_0",
        Some(Period::years(2)),
    )
    .await;
}

// Guards: SSL247 through the proxy (credentials in the body; validate, place, complete).
#[tokio::test]
async fn ssl247_whole_order() {
    whole_order(
        ProviderKind::Ssl247,
        "positivessl-multi-domain",
        Some(Period::years(1)),
    )
    .await;
}

// Guards: Gjirafa through the proxy (names only; the sandbox's project).
#[tokio::test]
async fn gjirafa_whole_order() {
    whole_order(ProviderKind::Gjirafa, "", None).await;
}

// Guards: control calls exist only for providers in sandbox mode, and name what is wrong.
#[tokio::test]
async fn control_calls_only_for_sandbox_providers() {
    let (app, _) = sandbox_app().await;
    let (status, _, body) = send(
        &app,
        request("POST", "/sandbox/nowhere/orders/1/complete-dcv")
            .body(Body::empty())
            .expect("request"),
    )
    .await;
    assert_eq!((status, code(&body).as_str()), (404, "not_sandbox"));
    let (status, _, body) = send(
        &app,
        request("POST", "/sandbox/gandi-v5/orders/missing/complete-dcv")
            .body(Body::empty())
            .expect("request"),
    )
    .await;
    assert_eq!((status, code(&body).as_str()), (404, "unknown_order"));
}

// Guards: a request that breaks the provider's documented field rules gets that provider's
// own error shape back through the proxy (Realtime Register `type`/`message`/`violations[]`).
#[tokio::test]
async fn provider_rule_errors_pass_through_in_the_providers_shape() {
    let (app, _) = sandbox_app().await;
    let (status, _, body) = send(
        &app,
        request("POST", "/api/realtimeregister/v2/ssl/certificates")
            .header("content-type", "application/json")
            .header("idempotency-key", "bad-order-1")
            .body(Body::from(
                r#"{"product":"sectigo_positivessl_multidomain","period":7,"csr":"not a csr","approver":{"email":"nobody"}}"#,
            ))
            .expect("request"),
    )
    .await;
    assert!((400..500).contains(&status), "{status}: {body}");
    let answer: serde_json::Value = serde_json::from_str(&body).expect("JSON");
    assert!(answer["type"].is_string(), "{body}");
    assert!(answer["message"].is_string(), "{body}");
    assert!(
        answer.get("error").is_none(),
        "not the server's own shape: {body}"
    );
}
