//! The Gandi REST v5 certificate simulator (`/v5/certificate/…`, docs/providers.md §1.2-1.3):
//! `Authorization: Bearer` (or the deprecated `Apikey`), packages, DCV parameters before and
//! after ordering, `Dry-Run: 1`, certificates that wait for DCV, renew, update (reissue),
//! revoke, DCV resend and change, the certificate and the intermediates as text. Errors are
//! `{status: "error", errors: [{description, location, name}]}`, and 401/403/404 are
//! `{cause, code, message, object}`.
//!
//! Tags and the CSV list are documented but outside the ordering flows; the simulator does
//! not keep tags.

pub(crate) mod catalog;
mod certs;
mod params;
pub(crate) mod rules;

use std::sync::{Mutex, MutexGuard, PoisonError};

use certorder::http::{Credentials, HttpRequest, HttpResponse, Method};
use certorder::provider::ProviderKind;
use serde_json::{Value, json};

use crate::control::ControlError;
use crate::credentials::{GANDI_V5_TOKEN, credentials_for};
use crate::order::Order;
use crate::store::Store;
use crate::{Context, Simulator, reply};

/// One certificate: its id and the order.
#[derive(Debug, Clone)]
pub(crate) struct V5Cert {
    pub(crate) id: String,
    pub(crate) order: Order,
    pub(crate) dcv_method: String,
    pub(crate) updated: time::OffsetDateTime,
}

/// The simulator and its certificates.
pub(crate) struct GandiV5Sim {
    certs: Mutex<Store<V5Cert>>,
}

/// `{status: "error", errors: [...]}` with one entry per `(location, name, description)`.
pub(crate) fn errors(list: &[(&str, &str, String)]) -> HttpResponse {
    let errors: Vec<Value> = list
        .iter()
        .map(|(location, name, description)| {
            json!({"description": description, "location": location, "name": name})
        })
        .collect();
    reply::json(400, &json!({"status": "error", "errors": errors}))
}

/// The `{cause, code, message, object}` shape of 401, 403 and 404.
pub(crate) fn http_error(code: u16) -> HttpResponse {
    let (cause, message, object) = match code {
        401 => (
            "Unauthorized",
            "The server could not verify that you are authorized to access the document you requested.",
            "HTTPUnauthorized",
        ),
        403 => (
            "Forbidden",
            "Access was denied to this resource.",
            "HTTPForbidden",
        ),
        _ => (
            "Not Found",
            "The resource could not be found.",
            "HTTPNotFound",
        ),
    };
    reply::json(
        code,
        &json!({"cause": cause, "code": code, "message": message, "object": object}),
    )
}

fn authorised(request: &HttpRequest) -> bool {
    request.header("authorization").is_some_and(|v| {
        v.strip_prefix("Bearer ")
            .or_else(|| v.strip_prefix("Apikey "))
            .is_some_and(|t| t.trim() == GANDI_V5_TOKEN)
    })
}

impl GandiV5Sim {
    pub(crate) fn new(max_orders: usize) -> Self {
        Self {
            certs: Mutex::new(Store::new(max_orders, 1)),
        }
    }

    pub(crate) fn certs(&self) -> MutexGuard<'_, Store<V5Cert>> {
        self.certs.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Simulator for GandiV5Sim {
    fn credentials(&self) -> Credentials {
        credentials_for(ProviderKind::GandiV5)
    }

    fn handle(&self, ctx: &Context, request: &HttpRequest) -> HttpResponse {
        if !authorised(request) {
            return http_error(401);
        }
        let parts = reply::segments(request);
        let Some(["v5", "certificate", rest @ ..]) = Some(parts.as_slice()) else {
            return http_error(404);
        };
        let body = request.body.as_deref().unwrap_or_default();
        let dry_run = certorder::provider::gandi_v5::is_dry_run(request);
        match (request.method, rest) {
            (Method::Get, ["packages"]) => catalog_page(request),
            (Method::Get, ["packages", name]) => match catalog::find(name) {
                Some(p) => reply::json(200, &p.wire_json()),
                None => http_error(404),
            },
            (Method::Get, ["pem", _] | ["pem", "-", _]) => {
                reply::text(200, "text/plain", ctx.ca.intermediate_pem().to_owned())
            }
            (Method::Post, ["dcv_params"]) => params::preview(body),
            (Method::Get, ["issued-certs"]) => self.list(request),
            (Method::Post, ["issued-certs"]) => self.create(body, dry_run),
            (Method::Get, ["issued-certs", id]) => {
                self.with(id, |c| reply::json(200, &certs::view(c)))
            }
            (Method::Post, ["issued-certs", id]) => self.renew(id, body, dry_run),
            (Method::Patch, ["issued-certs", id]) => self.update(id, body, dry_run),
            (Method::Delete, ["issued-certs", id]) => self.revoke(id),
            (Method::Get, ["issued-certs", id, "crt"]) => {
                self.with(id, |c| match &c.order.issued {
                    Some(issued) => reply::text(200, "text/plain", issued.pem.clone()),
                    None => http_error(404),
                })
            }
            (Method::Put, ["issued-certs", id, "dcv"]) => self.resend(id),
            (Method::Patch, ["issued-certs", id, "dcv"]) => self.change_dcv(id, body),
            (Method::Post, ["issued-certs", id, "dcv_params"]) => self.dcv_params(id, body),
            _ => http_error(404),
        }
    }

    fn complete_dcv(&self, ctx: &Context, id: &str) -> Result<String, ControlError> {
        let mut certs = self.certs();
        let cert = certs
            .find_mut(|c| c.id == id)
            .ok_or(ControlError::UnknownOrder)?;
        cert.order.complete_dcv(&ctx.ca)?;
        cert.updated = time::OffsetDateTime::now_utc();
        Ok("valid".into())
    }
}

/// `GET /packages` with its filters (`category`, `max_domains`, `min_domains`, `wildcard`)
/// and paging (`page`, `per_page`).
fn catalog_page(request: &HttpRequest) -> HttpResponse {
    let q = |name: &str| reply::query(request, name);
    let number = |name: &str| q(name).and_then(|v| v.parse::<u32>().ok());
    let items: Vec<Value> = catalog::PACKAGES
        .iter()
        .filter(|p| q("category").is_none_or(|c| c == p.category))
        .filter(|p| number("max_domains").is_none_or(|m| p.max_domains <= m))
        .filter(|_| number("min_domains").is_none_or(|m| m <= 1))
        .filter(|p| q("wildcard").is_none_or(|w| (w == "true") == p.wildcard))
        .map(catalog::Package::wire_json)
        .collect();
    let total = items.len();
    let per_page = number("per_page").unwrap_or(100).max(1) as usize;
    let page = number("page").unwrap_or(1).max(1) as usize;
    let shown: Vec<Value> = items
        .into_iter()
        .skip((page - 1) * per_page)
        .take(per_page)
        .collect();
    reply::json(200, &shown).with_header("Total-Count", total.to_string())
}
