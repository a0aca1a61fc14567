//! The Realtime Register REST v2 simulator (`/v2/ssl/…`, `/v2/processes/…`;
//! docs/providers.md §2): `Authorization: ApiKey`, the catalog, approver lists, CSR decoding,
//! quotes, the `BillableAcknowledgmentNeededException` handshake, processes that wait for DCV,
//! certificates and their downloads. Errors are `{type, message, violations?}`.
//!
//! Renewal, reissue, cancellation and revocation are not in the request document or
//! docs/providers.md §2, so the simulator does not offer them.

mod catalog;
mod request;
mod rules;
mod views;

use std::sync::{Mutex, PoisonError};

use certorder::http::{Credentials, HttpRequest, HttpResponse, Method};
use certorder::provider::ProviderKind;
use serde_json::{Value, json};
use time::OffsetDateTime;

use crate::control::ControlError;
use crate::credentials::{credentials_for, rtr_key};
use crate::order::Order;
use crate::store::Store;
use crate::{Context, Simulator, reply};

/// The first process id handed out.
const FIRST_PROCESS: u64 = 1_000;
/// Certificate ids are the process id plus this, so the two never collide.
const CERTIFICATE_OFFSET: u64 = 7_000_000;

/// One order: its process and, once issued, its certificate.
#[derive(Debug, Clone)]
pub(crate) struct RtrOrder {
    pub(crate) process: u64,
    pub(crate) certificate: Option<u64>,
    pub(crate) customer: String,
    pub(crate) updated: OffsetDateTime,
    pub(crate) order: Order,
}

/// The simulator and its orders.
pub(crate) struct RealtimeRegisterSim {
    orders: Mutex<Store<RtrOrder>>,
}

/// An error body `{type, message}` with `status`.
pub(crate) fn error(status: u16, error_type: &str, message: &str) -> HttpResponse {
    reply::json(status, &json!({"type": error_type, "message": message}))
}

/// A `ConstraintViolationException` with its `violations[]`.
pub(crate) fn violations(list: Vec<Value>) -> HttpResponse {
    reply::json(
        400,
        &json!({
            "type": "ConstraintViolationException",
            "message": "Constraint violation",
            "violations": list,
        }),
    )
}

fn not_found(what: &str) -> HttpResponse {
    error(404, "ObjectDoesNotExist", &format!("{what} not found"))
}

impl RealtimeRegisterSim {
    pub(crate) fn new(max_orders: usize) -> Self {
        Self {
            orders: Mutex::new(Store::new(max_orders, FIRST_PROCESS)),
        }
    }

    fn orders(&self) -> std::sync::MutexGuard<'_, Store<RtrOrder>> {
        self.orders.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn by_process(&self, id: &str) -> Option<RtrOrder> {
        let id = id.parse::<u64>().ok()?;
        self.orders().get(id).cloned()
    }

    fn by_certificate(&self, id: &str) -> Option<RtrOrder> {
        let id = id.parse::<u64>().ok()?;
        self.orders().find(|o| o.certificate == Some(id)).cloned()
    }
}

fn authorised(request: &HttpRequest) -> bool {
    request
        .header("authorization")
        .and_then(|v| v.strip_prefix("ApiKey "))
        .is_some_and(|key| key.trim() == rtr_key())
}

impl Simulator for RealtimeRegisterSim {
    fn credentials(&self) -> Credentials {
        credentials_for(ProviderKind::RealtimeRegister)
    }

    fn handle(&self, ctx: &Context, request: &HttpRequest) -> HttpResponse {
        if !authorised(request) {
            return error(401, "AuthenticationFailed", "Authentication failed");
        }
        let parts = reply::segments(request);
        let body = request.body.as_deref().unwrap_or_default();
        match (request.method, parts.as_slice()) {
            (Method::Get, ["v2", "ssl", "products"]) => views::products(request),
            (Method::Get, ["v2", "ssl", "products", handle]) => match catalog::find(handle) {
                Some(p) => reply::json(200, &p.wire_json()),
                None => not_found("Product"),
            },
            (Method::Get, ["v2", "ssl", "dcvemailaddresslist", name]) => {
                views::approvers(request, name)
            }
            (Method::Post, ["v2", "ssl", "decodecsr"]) => views::decode_csr(body),
            (Method::Post, ["v2", "ssl", "certificates"]) => {
                let quote = reply::query(request, "quote").is_some_and(|q| q == "true");
                match request::read(body) {
                    Err(answer) => answer,
                    Ok(checked) if quote => checked.quote(),
                    Ok(checked) => match checked.acknowledged() {
                        Err(answer) => answer,
                        Ok(order) => self.place(order),
                    },
                }
            }
            (Method::Get, ["v2", "processes", id]) => match self.by_process(id) {
                Some(o) => reply::json(200, &views::process(&o)),
                None => not_found("Process"),
            },
            (Method::Get, ["v2", "processes", id, "info"]) => match self.by_process(id) {
                Some(o) => views::info_response(&o, 200),
                None => not_found("Process"),
            },
            (Method::Post, ["v2", "processes", id, "resend"]) => self.resend(id, body),
            (Method::Get, ["v2", "ssl", "certificates"]) => {
                let orders = self.orders();
                let issued: Vec<Value> = orders
                    .iter()
                    .filter(|o| o.certificate.is_some())
                    .map(views::certificate)
                    .collect();
                let total = issued.len();
                reply::json(
                    200,
                    &json!({"entities": issued, "pagination": {"limit": total, "offset": 0, "total": total}}),
                )
            }
            (Method::Post, ["v2", "ssl", "authkey"]) => views::authkey(body),
            (
                Method::Post,
                [
                    "v2",
                    "processes",
                    id,
                    "send-subscriber-agreement" | "schedule-validation-call",
                ],
            ) => match self.by_process(id) {
                Some(o) if o.order.phase == crate::order::Phase::Pending => {
                    views::info_response(&o, 200)
                }
                Some(_) => error(
                    400,
                    "InvalidParameter",
                    "The process is not waiting for validation",
                ),
                None => not_found("Process"),
            },
            (Method::Get, ["v2", "ssl", "certificates", id]) => match self.by_certificate(id) {
                Some(o) => reply::json(200, &views::certificate(&o)),
                None => not_found("Certificate"),
            },
            (Method::Get, ["v2", "ssl", "certificates", id, "download"]) => {
                match self.by_certificate(id) {
                    Some(o) => views::download(ctx, &o, reply::query(request, "format").as_deref()),
                    None => not_found("Certificate"),
                }
            }
            _ => error(404, "ObjectDoesNotExist", "No such endpoint"),
        }
    }

    fn complete_dcv(&self, ctx: &Context, id: &str) -> Result<String, ControlError> {
        let id = id.parse::<u64>().map_err(|_| ControlError::UnknownOrder)?;
        let mut orders = self.orders();
        let order = match orders.get_mut(id) {
            Some(o) => o,
            None => orders
                .find_mut(|o| o.certificate == Some(id))
                .ok_or(ControlError::UnknownOrder)?,
        };
        order.order.complete_dcv(&ctx.ca)?;
        order.certificate = Some(order.process + CERTIFICATE_OFFSET);
        order.updated = OffsetDateTime::now_utc();
        Ok("COMPLETED".into())
    }
}

impl RealtimeRegisterSim {
    fn place(&self, order: Order) -> HttpResponse {
        let now = OffsetDateTime::now_utc();
        let mut orders = self.orders();
        let id = orders.insert(|process| RtrOrder {
            process,
            certificate: None,
            customer: crate::credentials::RTR_CUSTOMER.to_owned(),
            updated: now,
            order,
        });
        match orders.get(id) {
            Some(o) => views::info_response(o, 202),
            None => error(500, "InternalError", "The order was not kept"),
        }
    }

    /// `POST /v2/processes/{id}/resend`: re-sends DCV, switching the listed names to the
    /// listed methods.
    fn resend(&self, id: &str, body: &[u8]) -> HttpResponse {
        let Ok(pid) = id.parse::<u64>() else {
            return not_found("Process");
        };
        let mut orders = self.orders();
        let Some(o) = orders.get_mut(pid) else {
            return not_found("Process");
        };
        if o.order.phase != crate::order::Phase::Pending {
            return error(
                400,
                "InvalidParameter",
                "The process is not waiting for validation",
            );
        }
        match request::resend_entries(body, &o.order.names) {
            Err(answer) => answer,
            Ok(entries) => {
                for entry in entries {
                    if let Some(d) = o.order.dcv.iter_mut().find(|d| d.name == entry.name) {
                        *d = entry;
                    }
                }
                o.updated = OffsetDateTime::now_utc();
                views::info_response(o, 200)
            }
        }
    }
}
