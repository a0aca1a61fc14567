//! The SSL247 API v3 simulator (the SSL247 API v3 reference; docs/providers.md §3): every call
//! a `POST` with `u`/`k` (and `p` for standard users) in the JSON body; the catalog with
//! requirements, addons and prices; approver look-ups and name checks; validate (priced),
//! place-order, complete and place-quick-order; certificate details with the DCV values;
//! downloads per type; reissue, renew, cancel before issuance and revoke after. Answers come
//! in `{StatusCode, StatusDescription, Date, Data}`, errors in
//! `{Response: {Error: {Code, Message}, Date}}`.

mod catalog;
mod lines;
mod orders;
mod views;

use std::sync::{Mutex, MutexGuard, PoisonError};

use certorder::http::{Credentials, HttpRequest, HttpResponse, Method};
use certorder::provider::ProviderKind;
use serde_json::{Map, Value, json};
use time::OffsetDateTime;

use crate::control::ControlError;
use crate::credentials::{SSL247_KEY, SSL247_USER, credentials_for};
use crate::order::{Order, rfc3339};
use crate::store::Store;
use crate::{Context, Simulator, dcv, reply};

/// One certificate: its ids, the order and where it is in SSL247's words.
#[derive(Debug, Clone)]
pub(crate) struct SslCert {
    pub(crate) id: u64,
    pub(crate) order_ref: u64,
    pub(crate) order: Order,
    /// The SANs ordered (addons), in order.
    pub(crate) sans: Vec<String>,
    pub(crate) years: u32,
    /// `email`, `dns` or `file`; empty until `complete`.
    pub(crate) method: String,
    /// Whether `complete` has been called.
    pub(crate) completed: bool,
    pub(crate) approver: Option<String>,
    pub(crate) addon_approvers: Vec<Option<String>>,
    pub(crate) contacts: Value,
}

/// The simulator and its certificates.
pub(crate) struct Ssl247Sim {
    certs: Mutex<Store<SslCert>>,
}

/// The success envelope around `data`.
pub(crate) fn success(data: Value) -> HttpResponse {
    reply::json(
        200,
        &json!({
            "StatusCode": "200",
            "StatusDescription": "OK",
            "Date": rfc3339(OffsetDateTime::now_utc()),
            "Data": data,
        }),
    )
}

/// The error envelope, with the HTTP status as its code.
pub(crate) fn failure(status: u16, message: &str) -> HttpResponse {
    reply::json(
        status,
        &json!({"Response": {"Error": {"Code": status.to_string(), "Message": message}, "Date": rfc3339(OffsetDateTime::now_utc())}}),
    )
}

fn authorised(body: &Map<String, Value>) -> bool {
    body.get("u").and_then(Value::as_str) == Some(SSL247_USER)
        && body.get("k").and_then(Value::as_str) == Some(SSL247_KEY)
}

impl Ssl247Sim {
    pub(crate) fn new(max_orders: usize) -> Self {
        Self {
            certs: Mutex::new(Store::new(max_orders, 240_001)),
        }
    }

    pub(crate) fn certs(&self) -> MutexGuard<'_, Store<SslCert>> {
        self.certs.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Simulator for Ssl247Sim {
    fn credentials(&self) -> Credentials {
        credentials_for(ProviderKind::Ssl247)
    }

    fn handle(&self, ctx: &Context, request: &HttpRequest) -> HttpResponse {
        let raw = request.body.as_deref().unwrap_or_default();
        let body = match serde_json::from_slice::<Value>(raw) {
            Ok(Value::Object(o)) => o,
            _ if raw.iter().all(u8::is_ascii_whitespace) => Map::new(),
            _ => return failure(400, "The request body is not a JSON object"),
        };
        if !authorised(&body) {
            return failure(401, "Invalid credentials: u and k are required");
        }
        if request.method != Method::Post {
            return failure(405, "Every operation is a POST");
        }
        let parts = reply::segments(request);
        match parts.as_slice() {
            ["product-types"] => success(json!({
                "ProductTypeList": catalog::TYPES.iter().map(|(code, name)| json!({"code": code, "name": name})).collect::<Vec<_>>(),
            })),
            ["products", t] => {
                let list: Vec<Value> = catalog::PRODUCTS
                    .iter()
                    .filter(|p| p.product_type == *t)
                    .map(catalog::Product::summary)
                    .collect();
                if list.is_empty() {
                    return failure(404, "Unknown product type");
                }
                success(json!({"Products": {"Product": list}}))
            }
            ["product", code, rest @ ..] => {
                let Some(p) = catalog::find(code) else {
                    return failure(404, "Unknown product code");
                };
                match rest {
                    [] => success(p.details()),
                    ["requirements"] => success(json!({"ProductRequirements": p.requirements()})),
                    ["addons"] => success(json!({"ProductAddons": p.addons()})),
                    ["prices"] => success(p.prices_json()),
                    _ => failure(404, "Unknown operation"),
                }
            }
            ["certificates", "get-approver-email", code, cn] => {
                if catalog::find(code).is_none() {
                    return failure(404, "Unknown product code");
                }
                let emails = dcv::approver_emails(cn);
                if emails.is_empty() {
                    return failure(400, "Invalid common name");
                }
                success(Value::Array(
                    emails.into_iter().map(|e| json!({e.clone(): e})).collect(),
                ))
            }
            ["certificates", "check-common-name", code, cn] => lines::check_common_name(code, cn),
            ["certificates", "check-san", code, cn, san] => lines::check_san(code, cn, san),
            ["order", "certificate", "validate"] => lines::validate(&body),
            ["order", "certificate", "place-order"] => self.place_order(&body),
            ["order", "certificate", "complete"] => self.complete(&body),
            ["order", "certificate", "place-quick-order"] => self.quick_order(&body),
            ["certificate", id] => self.with(id, |c| success(views::details(c))),
            ["certificate", id, "cancel"] => self.cancel(id),
            ["certificate", id, "revoke"] => self.revoke(id),
            ["certificate", id, "reissue"] => self.reissue(id, &body),
            ["certificate", id, "renew"] => self.renew(id, &body),
            ["certificate", id, kind] => self.with(id, |c| views::download(ctx, c, kind)),
            _ => failure(404, "Unknown operation"),
        }
    }

    fn complete_dcv(&self, ctx: &Context, id: &str) -> Result<String, ControlError> {
        let id = id.parse::<u64>().map_err(|_| ControlError::UnknownOrder)?;
        let mut certs = self.certs();
        let cert = certs.get_mut(id).ok_or(ControlError::UnknownOrder)?;
        if !cert.completed {
            return Err(ControlError::NotPending);
        }
        cert.order.complete_dcv(&ctx.ca)?;
        Ok("Issued".into())
    }
}
