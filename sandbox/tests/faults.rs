//! Faults armed through the control calls reach every provider's operations by the adapter's
//! own operation names, once; control calls refuse what they do not know.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

#[path = "support/drive.rs"]
mod drive;
#[path = "support/setup.rs"]
mod setup;

use certorder::http::{HttpRequest, Method};
use certorder::provider::gandi_v3::GandiV3;
use certorder::provider::gandi_v5::GandiV5;
use certorder::provider::gjirafa::{Gjirafa, ProjectId};
use certorder::provider::realtimeregister::RealtimeRegister;
use certorder::provider::ssl247::Ssl247;
use certorder::provider::xmlrpc::{MethodCall, Value};
use certorder::provider::{Provider, ProviderKind};
use certorder_sandbox::{GJIRAFA_PROJECT, Reply};
use setup::sandbox;

/// A catalog (or list) request of each provider and the adapter's name for it.
fn catalog_requests() -> Vec<(Box<dyn Provider>, HttpRequest, &'static str)> {
    let xml = MethodCall::new("cert.package.list", vec![Value::from("")]).to_xml();
    vec![
        (
            Box::new(RealtimeRegister::default()),
            HttpRequest::new(Method::Get, "/v2/ssl/products"),
            "GET /v2/ssl/products",
        ),
        (
            Box::new(GandiV5),
            HttpRequest::new(Method::Get, "/v5/certificate/packages"),
            "GET /packages",
        ),
        (
            Box::new(GandiV3),
            HttpRequest::new(Method::Post, "/xmlrpc/").with_body("text/xml", xml),
            "cert.package.list",
        ),
        (
            Box::new(Ssl247),
            HttpRequest::new(Method::Post, "/product-types").with_body("application/json", "{}"),
            "POST /product-types",
        ),
        (
            Box::new(Gjirafa::new(ProjectId::parse(GJIRAFA_PROJECT).unwrap(), 0)),
            HttpRequest::new(
                Method::Get,
                format!("/api/v1/projects/{GJIRAFA_PROJECT}/certificates"),
            ),
            "GET /certificates",
        ),
    ]
}

// Guards: each fault kind for each provider, once, then normal answers again.
#[test]
fn faults_hit_the_named_operation_once_for_every_provider() {
    let sandbox = sandbox();
    for (provider, request, operation) in catalog_requests() {
        let kind = provider.kind();
        for fault in ["hang", "reset", "error", "malformed"] {
            let arm = format!("{{\"operation\": \"{operation}\", \"fault\": \"{fault}\"}}");
            assert_eq!(
                sandbox
                    .control(kind, Method::Post, "/faults", arm.as_bytes())
                    .status,
                200
            );
            let reply = drive::send(&sandbox, provider.as_ref(), request.clone());
            match (fault, &reply) {
                ("hang", Reply::Hang) | ("reset", Reply::Reset) => {}
                ("error", Reply::Respond(r)) => assert_eq!(r.status, 500),
                ("malformed", Reply::Respond(r)) => {
                    assert_eq!(r.status, 200);
                    let text = r.text().unwrap();
                    let readable = serde_json::from_str::<serde_json::Value>(text).is_ok()
                        || certorder::provider::xmlrpc::decode_response(text).is_ok();
                    assert!(!readable, "{kind:?}: {text}");
                }
                other => panic!("{kind:?} {fault}: {other:?}"),
            }
            let again = drive::respond(&sandbox, provider.as_ref(), request.clone());
            assert_eq!(again.status, 200, "{kind:?} after {fault}");
        }
        // Disarming removes a fault not yet hit.
        let arm = format!("{{\"operation\": \"{operation}\", \"fault\": \"error\"}}");
        sandbox.control(kind, Method::Post, "/faults", arm.as_bytes());
        assert_eq!(
            sandbox
                .control(
                    kind,
                    Method::Delete,
                    &format!("/sandbox/{}/faults", kind.slug()),
                    b""
                )
                .status,
            200
        );
        assert_eq!(
            drive::respond(&sandbox, provider.as_ref(), request).status,
            200
        );
    }
}

// Guards: control calls for unknown orders, endpoints and bodies answer in the server's
// error shape.
#[test]
fn control_errors() {
    let sandbox = sandbox();
    for kind in ProviderKind::ALL {
        let r = sandbox.control(kind, Method::Post, "/orders/999999/complete-dcv", b"");
        assert_eq!(r.status, 404, "{kind:?}");
        let body: serde_json::Value = serde_json::from_slice(&r.body).unwrap();
        assert_eq!(body["error"]["code"], "unknown_order");
        assert_eq!(
            sandbox.control(kind, Method::Get, "/orders", b"").status,
            404
        );
        assert_eq!(
            sandbox
                .control(kind, Method::Post, "/faults", b"not json")
                .status,
            400
        );
    }
}
