//! The Gandi XML-RPC v3 simulator (`POST /xmlrpc/`, the `cert.*` reference;
//! docs/providers.md §1.5): the API key as the first parameter of every call, the methods
//! with their documented parameter order, operations (`certificate_create`, `_update`,
//! `_renew`, `_delete`) polled with `operation.info`, `cert.get_dcv_params` with the unique
//! value only when `cert_id` is given, bare base64 certificates in `cert.info`. Errors are
//! XML-RPC faults (`faultCode`, `faultString`); a rejected order is an operation in step
//! `ERROR`. The packages are Gandi's one catalog, shared with v5.
//!
//! The `cert.hosted.*` methods (hosting certificates on Gandi's web accelerator) are outside
//! ordering and not simulated.

mod calls;
mod views;

use std::sync::{Mutex, MutexGuard, PoisonError};

use certorder::http::{Credentials, HttpRequest, HttpResponse};
use certorder::provider::ProviderKind;
use certorder::provider::xmlrpc::{self, Fault, Value};

use crate::control::ControlError;
use crate::credentials::{GANDI_V3_KEY, credentials_for};
use crate::order::Order;
use crate::store::Store;
use crate::{Context, Simulator, reply};

/// One operation on a certificate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Operation {
    pub(crate) id: i32,
    /// `certificate_create`, `certificate_update`, `certificate_renew`, `certificate_delete`.
    pub(crate) kind: &'static str,
    pub(crate) created: time::OffsetDateTime,
}

/// One certificate and its operations.
#[derive(Debug, Clone)]
pub(crate) struct V3Cert {
    pub(crate) id: i32,
    pub(crate) order: Order,
    pub(crate) dcv_method: String,
    pub(crate) operations: Vec<Operation>,
    pub(crate) updated: time::OffsetDateTime,
}

/// The simulator: certificates, and the next operation id.
pub(crate) struct GandiV3Sim {
    certs: Mutex<(Store<V3Cert>, i32)>,
}

/// The fault for a bad parameter, in Gandi's words.
pub(crate) fn bad_parameter(object: &str, message: &str) -> Fault {
    Fault {
        code: 505_150,
        string: format!("Error on object : {object} (CAUSE_BADPARAMETER) [{message}]"),
    }
}

/// The fault for an unknown object.
pub(crate) fn not_found(object: &str) -> Fault {
    Fault {
        code: 581_042,
        string: format!("Error on object : {object} (CAUSE_NOTFOUND) [{object} not found]"),
    }
}

fn answer(result: Result<Value, Fault>) -> HttpResponse {
    let xml = match result {
        Ok(value) => xmlrpc::encode_response(&value),
        Err(fault) => xmlrpc::encode_fault(&fault),
    };
    // XML-RPC answers faults with 200 as well (the envelope, not the status, says so).
    reply::text(200, xmlrpc::CONTENT_TYPE, xml)
}

impl GandiV3Sim {
    pub(crate) fn new(max_orders: usize) -> Self {
        Self {
            certs: Mutex::new((Store::new(max_orders, 4_242), 31_337)),
        }
    }

    pub(crate) fn state(&self) -> MutexGuard<'_, (Store<V3Cert>, i32)> {
        self.certs.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Simulator for GandiV3Sim {
    fn credentials(&self) -> Credentials {
        credentials_for(ProviderKind::GandiV3)
    }

    fn handle(&self, ctx: &Context, request: &HttpRequest) -> HttpResponse {
        let path = request.path.split('?').next().unwrap_or_default();
        if request.method != certorder::http::Method::Post
            || path.trim_end_matches('/') != "/xmlrpc"
        {
            return reply::text(404, "text/plain", "Not Found");
        }
        let body =
            std::str::from_utf8(request.body.as_deref().unwrap_or_default()).unwrap_or_default();
        let call = match xmlrpc::decode_call(body) {
            Ok(call) => call,
            Err(_) => {
                return answer(Err(Fault {
                    code: -32_700,
                    string: "parse error: not a valid XML-RPC call".into(),
                }));
            }
        };
        if call.params.first().and_then(Value::as_str) != Some(GANDI_V3_KEY) {
            return answer(Err(Fault {
                code: 510_150,
                string: "Error on object : OBJECT_ACCOUNT (CAUSE_NORIGHT) [Invalid API key]".into(),
            }));
        }
        answer(self.call(ctx, &call.method, &call.params[1..]))
    }

    fn complete_dcv(&self, ctx: &Context, id: &str) -> Result<String, ControlError> {
        let id = id.parse::<i32>().map_err(|_| ControlError::UnknownOrder)?;
        let mut state = self.state();
        let cert = state
            .0
            .find_mut(|c| c.id == id || c.operations.iter().any(|o| o.id == id))
            .ok_or(ControlError::UnknownOrder)?;
        cert.order.complete_dcv(&ctx.ca)?;
        cert.updated = time::OffsetDateTime::now_utc();
        Ok("valid".into())
    }
}
