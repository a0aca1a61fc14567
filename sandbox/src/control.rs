//! The sandbox-only control endpoints: mark an order's DCV done, arm and disarm faults.
//! Errors use the server's own shape, `{"error": {"code", "message"}}`.

use certorder::http::{HttpResponse, Method};
use certorder::provider::ProviderKind;
use serde::Deserialize;
use serde_json::json;

use crate::fault::Fault;
use crate::{Sandbox, reply};

/// Why a control call failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub(crate) enum ControlError {
    /// No order has that id.
    #[error("no sandbox order has that id")]
    UnknownOrder,
    /// The order is not waiting for DCV (issued, cancelled or revoked).
    #[error("the order is not waiting for domain validation")]
    NotPending,
    /// The CA refused to issue.
    #[error("the sandbox CA could not issue: {0}")]
    Ca(String),
}

impl ControlError {
    fn status_and_code(&self) -> (u16, &'static str) {
        match self {
            Self::UnknownOrder => (404, "unknown_order"),
            Self::NotPending => (409, "not_pending"),
            Self::Ca(_) => (500, "issuance_failed"),
        }
    }
}

fn error(status: u16, code: &str, message: &str) -> HttpResponse {
    reply::json(
        status,
        &json!({"error": {"code": code, "message": message}}),
    )
}

#[derive(Deserialize)]
struct ArmFault {
    operation: String,
    fault: Fault,
}

pub(crate) fn control(
    sandbox: &Sandbox,
    kind: ProviderKind,
    method: Method,
    path: &str,
    body: &[u8],
) -> HttpResponse {
    let prefix = format!("/sandbox/{}", kind.slug());
    let path = path.strip_prefix(prefix.as_str()).unwrap_or(path);
    let parts: Vec<&str> = path.trim_matches('/').split('/').collect();
    match (method, parts.as_slice()) {
        (Method::Post, ["orders", id, "complete-dcv"]) => {
            let Some(sim) = sandbox.simulator(kind) else {
                return error(404, "unknown_provider", "no simulator for this provider");
            };
            match sim.complete_dcv(&sandbox.ctx, id) {
                Ok(status) => reply::json(200, &json!({"id": id, "status": status})),
                Err(e) => {
                    let (status, code) = e.status_and_code();
                    error(status, code, &e.to_string())
                }
            }
        }
        (Method::Post, ["faults"]) => match serde_json::from_slice::<ArmFault>(body) {
            Ok(arm) => {
                sandbox.faults.arm(kind, arm.operation.clone(), arm.fault);
                reply::json(200, &json!({"armed": arm.operation}))
            }
            Err(_) => error(
                400,
                "bad_fault",
                "expected {\"operation\": \"…\", \"fault\": \"hang|reset|error|malformed\"}",
            ),
        },
        (Method::Delete, ["faults"]) => {
            sandbox.faults.clear(kind);
            reply::json(200, &json!({"cleared": true}))
        }
        _ => error(404, "unknown_control", "no such sandbox control endpoint"),
    }
}
