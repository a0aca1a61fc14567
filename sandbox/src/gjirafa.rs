//! The Gjirafa CDN certificates simulator (`/api/v1/projects/{projectId}/certificates`;
//! docs/providers.md §4): `X-API-Key` (or a bearer token), certificates made from names alone
//! as Let's Encrypt does (the sandbox CA generates the key), DNS-01 TXT challenges at
//! `_acme-challenge.<name>`, `PUT …/{id}/validate` to check again, scope updates, deletion,
//! and the import of a certificate with its key. Answers are
//! `{success, errors[], messages[], result, resultInfo}`; errors set `success: false` and
//! list what is wrong in `errors[]`.
//!
//! The API returns certificate metadata only, never the certificate, so there is no download.

mod views;

use std::sync::{Mutex, MutexGuard, PoisonError};

use certorder::domain::DomainName;
use certorder::http::{Credentials, HttpRequest, HttpResponse, Method};
use certorder::provider::ProviderKind;
use serde_json::{Value, json};
use time::OffsetDateTime;

use crate::control::ControlError;
use crate::credentials::{GJIRAFA_KEY, GJIRAFA_PROJECT, credentials_for};
use crate::order::{DcvKind, NameDcv, Order, Phase};
use crate::store::Store;
use crate::{Context, Simulator, reply};

/// One certificate of the project.
#[derive(Debug, Clone)]
pub(crate) struct GjCert {
    pub(crate) id: u64,
    pub(crate) uuid: String,
    pub(crate) scope_id: i64,
    pub(crate) order: Order,
    /// The TXT value per name, as Let's Encrypt's DNS-01 challenge gives it.
    pub(crate) challenges: Vec<String>,
    pub(crate) imported: Option<views::Imported>,
    pub(crate) modified: OffsetDateTime,
}

/// The simulator and the project's certificates.
pub(crate) struct GjirafaSim {
    certs: Mutex<Store<GjCert>>,
}

/// The envelope of a failure: `success: false` and the reasons in `errors[]`.
pub(crate) fn failure(status: u16, errors: &[String]) -> HttpResponse {
    reply::json(
        status,
        &json!({"success": false, "errors": errors, "messages": [], "result": null}),
    )
}

/// The envelope of a success.
pub(crate) fn success(result: Value, total: usize) -> HttpResponse {
    reply::json(
        200,
        &json!({
            "success": true, "errors": [], "messages": [], "result": result,
            "resultInfo": {"totalCount": total, "pageIndex": 1, "pageSize": total.max(1), "totalPages": 1, "hasNextPage": false, "hasPreviousPage": false},
        }),
    )
}

fn authorised(request: &HttpRequest) -> bool {
    let key = request.header("x-api-key").map(str::trim);
    let bearer = request
        .header("authorization")
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim);
    key == Some(GJIRAFA_KEY) || bearer == Some(GJIRAFA_KEY)
}

/// A DNS-01 TXT value: base64url of a SHA-256, 43 characters, fresh per order and name.
fn challenge(name: &str) -> String {
    use base64::Engine as _;
    use sha2::Digest as _;
    let mut seed = [0u8; 32];
    let _ = getrandom::getrandom(&mut seed);
    let digest = sha2::Sha256::new()
        .chain_update(seed)
        .chain_update(name.as_bytes())
        .finalize();
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(digest)
}

/// The names of a create body, checked: a public domain name each (wildcards allowed), no
/// name twice.
fn names(body: &Value) -> Result<Vec<String>, Vec<String>> {
    let mut errors = Vec::new();
    let domain = body
        .get("domainName")
        .and_then(Value::as_str)
        .map(str::to_ascii_lowercase);
    if domain.is_none() {
        errors.push("domainName: is required".to_owned());
    }
    let additional: Vec<String> = match body.get("additionalDomainNames") {
        Some(Value::Array(list)) => list
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_ascii_lowercase)
            .collect(),
        None | Some(Value::Null) => {
            errors.push("additionalDomainNames: is required".to_owned());
            Vec::new()
        }
        Some(_) => {
            errors.push("additionalDomainNames: must be a list".to_owned());
            Vec::new()
        }
    };
    let mut names: Vec<String> = domain.into_iter().collect();
    for name in additional.into_iter().filter(|n| !n.is_empty()) {
        if names.contains(&name) {
            errors.push(format!("additionalDomainNames: {name} is listed twice"));
        } else {
            names.push(name);
        }
    }
    for name in &names {
        if DomainName::parse(name)
            .ok()
            .and_then(|n| n.registrable_domain())
            .is_none()
        {
            errors.push(format!("{name} is not a valid public domain name"));
        }
    }
    if errors.is_empty() {
        Ok(names)
    } else {
        Err(errors)
    }
}

fn scope(body: &Value) -> Result<i64, Vec<String>> {
    match body.get("scopeId").and_then(Value::as_i64) {
        // The document only says "the scope id", an int32 (its example sends 0).
        Some(s) if (0..=i64::from(i32::MAX)).contains(&s) => Ok(s),
        Some(_) => Err(vec!["scopeId: must be a scope id (0 or more)".into()]),
        None => Err(vec!["scopeId: is required".into()]),
    }
}

impl GjirafaSim {
    pub(crate) fn new(max_orders: usize) -> Self {
        Self {
            certs: Mutex::new(Store::new(max_orders, 1)),
        }
    }

    fn certs(&self) -> MutexGuard<'_, Store<GjCert>> {
        self.certs.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn create(&self, body: &Value) -> HttpResponse {
        let (names, scope_id) = match (names(body), scope(body)) {
            (Ok(n), Ok(s)) => (n, s),
            (n, s) => {
                return failure(
                    400,
                    &[n.err().unwrap_or_default(), s.err().unwrap_or_default()].concat(),
                );
            }
        };
        let dcv = names
            .iter()
            .map(|n| NameDcv {
                name: n.clone(),
                kind: DcvKind::Dns,
                email: None,
                done: false,
            })
            .collect();
        let challenges = names.iter().map(|n| challenge(n)).collect();
        // Let's Encrypt certificates last 90 days: three months here.
        let order = Order::new("Gjirafa Issued", names, None, 3, String::new(), dcv);
        let mut certs = self.certs();
        let id = certs.insert(|id| GjCert {
            id,
            uuid: format!("5a4d7c3e-{:04x}-4000-8000-{:012x}", id % 0xffff, id),
            scope_id,
            order,
            challenges,
            imported: None,
            modified: OffsetDateTime::now_utc(),
        });
        certs.get(id).map_or_else(
            || failure(500, &["not kept".into()]),
            |c| success(views::detail(c), 1),
        )
    }
}

impl Simulator for GjirafaSim {
    fn credentials(&self) -> Credentials {
        credentials_for(ProviderKind::Gjirafa)
    }

    fn handle(&self, _ctx: &Context, request: &HttpRequest) -> HttpResponse {
        if !authorised(request) {
            return failure(401, &["Unauthorized".into()]);
        }
        let parts = reply::segments(request);
        let Some(["api", "v1", "projects", project, "certificates", rest @ ..]) =
            Some(parts.as_slice())
        else {
            return failure(404, &["Not found".into()]);
        };
        if !project.eq_ignore_ascii_case(GJIRAFA_PROJECT) {
            return failure(
                403,
                &["Forbidden: the key has no access to this project".into()],
            );
        }
        let body: Value = serde_json::from_slice(request.body.as_deref().unwrap_or_default())
            .unwrap_or(Value::Null);
        let id = |s: &str| s.parse::<u64>().ok();
        match (request.method, rest) {
            (Method::Get, []) => {
                let items: Vec<Value> = self
                    .certs()
                    .iter()
                    .filter(|c| c.order.phase != Phase::Cancelled)
                    .map(views::summary)
                    .collect();
                let n = items.len();
                success(Value::Array(items), n)
            }
            (Method::Post, []) => self.create(&body),
            (Method::Post, ["import"]) => match views::import(&body) {
                Err(errors) => failure(400, &errors),
                Ok((order, imported, scope_id)) => {
                    let mut certs = self.certs();
                    let id = certs.insert(|id| GjCert {
                        id,
                        uuid: format!("5a4d7c3e-{:04x}-4000-8000-{:012x}", id % 0xffff, id),
                        scope_id,
                        order,
                        challenges: Vec::new(),
                        imported: Some(imported),
                        modified: OffsetDateTime::now_utc(),
                    });
                    certs.get(id).map_or_else(
                        || failure(500, &["not kept".into()]),
                        |c| success(views::detail(c), 1),
                    )
                }
            },
            (Method::Get, [n]) => match id(n)
                .and_then(|n| self.certs().get(n).cloned())
                .filter(|c| c.order.phase != Phase::Cancelled)
            {
                Some(c) => success(views::detail(&c), 1),
                None => failure(404, &["Certificate not found".into()]),
            },
            (Method::Put, [n]) => {
                let scope_id = match scope(&body) {
                    Ok(s) => s,
                    Err(e) => return failure(400, &e),
                };
                let mut certs = self.certs();
                match id(n).and_then(|n| certs.get_mut(n)) {
                    Some(c) => {
                        c.scope_id = scope_id;
                        c.modified = OffsetDateTime::now_utc();
                        success(views::detail(c), 1)
                    }
                    None => failure(404, &["Certificate not found".into()]),
                }
            }
            (Method::Put, [n, "validate"]) => {
                match id(n).and_then(|n| self.certs().get(n).cloned()) {
                    Some(c) if c.order.phase == Phase::Pending => {
                        let mut answer = views::detail(&c);
                        if let Some(o) = answer.as_object_mut() {
                            o.insert(
                                "certificateChallenge".into(),
                                json!("dns-01: the TXT records were not found yet"),
                            );
                        }
                        success(answer, 1)
                    }
                    Some(c) => success(views::detail(&c), 1),
                    None => failure(404, &["Certificate not found".into()]),
                }
            }
            (Method::Delete, [n]) => {
                let mut certs = self.certs();
                match id(n)
                    .and_then(|n| certs.get_mut(n))
                    .filter(|c| c.order.phase != Phase::Cancelled)
                {
                    Some(c) => {
                        // Removing a pending certificate cancels it; an issued one is only
                        // taken off the CDN, not revoked.
                        let answer = views::detail(c);
                        c.order.phase = Phase::Cancelled;
                        success(answer, 1)
                    }
                    None => failure(404, &["Certificate not found".into()]),
                }
            }
            _ => failure(404, &["Not found".into()]),
        }
    }

    fn complete_dcv(&self, ctx: &Context, id: &str) -> Result<String, ControlError> {
        let id = id.parse::<u64>().map_err(|_| ControlError::UnknownOrder)?;
        let mut certs = self.certs();
        let cert = certs.get_mut(id).ok_or(ControlError::UnknownOrder)?;
        cert.order.complete_dcv(&ctx.ca)?;
        cert.modified = OffsetDateTime::now_utc();
        Ok("Active".into())
    }
}
