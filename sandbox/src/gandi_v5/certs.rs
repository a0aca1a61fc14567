//! Certificates: ordering (with `Dry-Run`), the certificate as `GET /issued-certs/{id}`
//! shows it, and the life cycle after issuance (renew, update, revoke, DCV resend and change).

use certorder::domain::DomainName;
use certorder::http::HttpResponse;
use serde_json::{Value, json};
use time::OffsetDateTime;

use super::catalog::{self, Package};
use super::params::params;
use super::rules::{
    CREATE_FIELDS, Problems, check_method, csr_of, dcv_entries, file_for_wildcard, names, object,
    text,
};
use super::{GandiV5Sim, V5Cert, errors, http_error};
use crate::dcv::unique_value;
use crate::order::{CsrFacts, Order, Phase, rfc3339};
use crate::reply;

fn status(c: &V5Cert) -> &'static str {
    match c.order.phase {
        Phase::Pending | Phase::Cancelled => "pending",
        Phase::Issued => "valid",
        Phase::Revoked => "revoked",
    }
}

fn href(id: &str) -> String {
    format!("https://api.gandi.net/v5/certificate/issued-certs/{id}")
}

/// `GET /issued-certs/{id}`.
pub(crate) fn view(c: &V5Cert) -> Value {
    let unicode =
        |n: &String| DomainName::parse(n).map_or_else(|_| n.clone(), |d| d.unicode().to_owned());
    let issued = c.order.issued.as_ref();
    let altnames: Vec<&String> = c.order.names.iter().skip(1).collect();
    json!({
        "id": c.id,
        "href": href(&c.id),
        "altnames": altnames,
        "altnames_unicode": altnames.iter().map(|n| unicode(n)).collect::<Vec<_>>(),
        "cn": c.order.names.first(),
        "cn_unicode": c.order.names.first().map(unicode),
        "contact": {
            "city": "Paris", "country": "FR", "email": "sandbox@example.org", "family": "Sandbox",
            "given": "certorder", "orgname": "certorder sandbox", "state": "", "streetaddr": "1 rue du Bac à sable", "zip": "75001",
        },
        "dates": {
            "created_at": rfc3339(c.order.created),
            "started_at": issued.map(|i| rfc3339(i.not_before)),
            "ends_at": issued.map(|i| rfc3339(i.not_after)),
            "subscription_ends_at": issued.map(|i| rfc3339(i.not_after)),
            "updated_at": rfc3339(c.updated),
        },
        "package": {"name": c.order.product},
        "status": status(c),
    })
}

fn created(id: &str, message: &str) -> HttpResponse {
    reply::json(
        202,
        &json!({"href": href(id), "id": id, "message": message}),
    )
    .with_header("Location", href(id))
}

fn message(status: u16, text: &str) -> HttpResponse {
    reply::json(status, &json!({"message": text}))
}

fn new_id(n: u64) -> String {
    let mut random = [0u8; 6];
    let _ = getrandom::getrandom(&mut random);
    let r: String = random.iter().map(|b| format!("{b:02x}")).collect();
    format!(
        "{:08x}-{}-4{}-8{}-{:012x}",
        n,
        &r[..4],
        &r[4..7],
        &r[7..10],
        n ^ 0x5a5a
    )
}

impl GandiV5Sim {
    pub(super) fn with(&self, id: &str, f: impl FnOnce(&V5Cert) -> HttpResponse) -> HttpResponse {
        match self.certs().find(|c| c.id == id) {
            Some(c) => f(c),
            None => http_error(404),
        }
    }

    fn with_mut(&self, id: &str, f: impl FnOnce(&mut V5Cert) -> HttpResponse) -> HttpResponse {
        match self.certs().find_mut(|c| c.id == id) {
            Some(c) => f(c),
            None => http_error(404),
        }
    }

    /// `GET /issued-certs` with its `status`, `package` and `cn` filters.
    pub(super) fn list(&self, request: &certorder::http::HttpRequest) -> HttpResponse {
        let status_filter = reply::query(request, "status");
        let package_filter = reply::query(request, "package");
        // `cn` takes a pattern such as `example*` (docs/providers.md §1.3).
        let cn_filter = reply::query(request, "cn");
        let matches_cn = |cn: &str| match cn_filter.as_deref() {
            None => true,
            Some(p) => match p.strip_suffix('*') {
                Some(prefix) => cn.starts_with(prefix),
                None => cn == p,
            },
        };
        let certs = self.certs();
        let all: Vec<Value> = certs
            .iter()
            .filter(|c| status_filter.as_deref().is_none_or(|s| s == status(c)))
            .filter(|c| package_filter.as_deref().is_none_or(|p| p == c.order.product))
            .filter(|c| matches_cn(c.order.names.first().map_or("", String::as_str)))
            .map(|c| json!({"id": c.id, "cn": c.order.names.first(), "package": c.order.product, "status": status(c)}))
            .collect();
        let total = certs.iter().count();
        let filtered = all.len();
        reply::json(200, &all)
            .with_header("Total-Count", total.to_string())
            .with_header("Filtered-Count", filtered.to_string())
    }

    /// `POST /issued-certs`: order, or with `Dry-Run: 1` only validate.
    pub(super) fn create(&self, body: &[u8], dry_run: bool) -> HttpResponse {
        let o = match object(body) {
            Ok(o) => o,
            Err(answer) => return answer,
        };
        let mut out = Problems::new();
        if let Some(field) = o.keys().find(|k| !CREATE_FIELDS.contains(&k.as_str())) {
            out.push(("body", "body", format!("Unknown field: {field}")));
        }
        let package = match text(&o, "package") {
            None => {
                out.push(("body", "package", "Missing data for required field.".into()));
                None
            }
            Some(p) => catalog::find(p).or_else(|| {
                out.push(("body", "package", "Invalid package name".into()));
                None
            }),
        };
        let method = check_method(&o, "dcv_method", &mut out);
        if let Some(d) = o.get("duration").filter(|d| !d.is_null())
            && d.as_u64().is_none_or(|d| !(1..=3).contains(&d))
        {
            out.push(("body", "duration", "Must be between 1 and 3".into()));
        }
        let csr = csr_of(&o, &mut out);
        if o.get("csr").is_none() && o.get("cn").is_none() {
            out.push((
                "body",
                "csr",
                "The parameters can receive either a CSR or a CN".into(),
            ));
        }
        if csr.is_none() && method != "email" && o.get("csr").is_none() {
            out.push((
                "body",
                "dcv_method",
                "dns and file validation need a CSR".into(),
            ));
        }
        let names = package
            .map(|p| names(&o, p, csr.as_ref(), &mut out))
            .unwrap_or_default();
        file_for_wildcard(&method, &names, &mut out);
        let Some(package) = package.filter(|_| out.is_empty()) else {
            return errors(&out);
        };
        if dry_run {
            return message(200, "Dry run: the certificate can be created");
        }
        self.open(package.name, names, csr, method, "Certificate created")
    }

    /// A new pending certificate (an order or a renewal) with fresh DCV values. Every
    /// certificate is valid one year, whatever the duration (docs/providers.md §1.3).
    fn open(
        &self,
        product: &str,
        names: Vec<String>,
        csr: Option<CsrFacts>,
        method: String,
        answer: &str,
    ) -> HttpResponse {
        let dcv = dcv_entries(&names, &method);
        let order = Order::new(product, names, csr, 12, unique_value(10), dcv);
        let now = OffsetDateTime::now_utc();
        let mut certs = self.certs();
        let key = certs.insert(|n| V5Cert {
            id: new_id(n),
            order,
            dcv_method: method,
            updated: now,
        });
        match certs.get(key) {
            Some(c) => created(&c.id, answer),
            None => http_error(404),
        }
    }

    /// `POST /issued-certs/{id}`: renew into a new pending certificate for the same names.
    pub(super) fn renew(&self, id: &str, body: &[u8], dry_run: bool) -> HttpResponse {
        let o = match object(body) {
            Ok(o) => o,
            Err(answer) => return answer,
        };
        let Some(old) = self.certs().find(|c| c.id == id).cloned() else {
            return http_error(404);
        };
        let mut out = Problems::new();
        let method = match o.get("dcv_method") {
            None => old.dcv_method.clone(),
            Some(_) => check_method(&o, "dcv_method", &mut out),
        };
        let csr = csr_of(&o, &mut out).or(old.order.csr.clone());
        file_for_wildcard(&method, &old.order.names, &mut out);
        if !out.is_empty() {
            return errors(&out);
        }
        if dry_run {
            return message(200, "Dry run: the certificate can be renewed");
        }
        self.open(
            &old.order.product,
            old.order.names,
            csr,
            method,
            "Certificate renewal created",
        )
    }

    /// `PATCH /issued-certs/{id}`: reissue a valid certificate with new names or a new CSR.
    pub(super) fn update(&self, id: &str, body: &[u8], dry_run: bool) -> HttpResponse {
        let o = match object(body) {
            Ok(o) => o,
            Err(answer) => return answer,
        };
        self.with_mut(id, |c| {
            if c.order.phase != Phase::Issued {
                return errors(&[(
                    "path",
                    "id",
                    "Only a valid certificate can be updated".into(),
                )]);
            }
            let mut out = Problems::new();
            let method = match o.get("dcv_method") {
                None => c.dcv_method.clone(),
                Some(_) => check_method(&o, "dcv_method", &mut out),
            };
            let csr = csr_of(&o, &mut out).or(c.order.csr.clone());
            let mut names = c.order.names.clone();
            if let (Some(package), Some(_)) = (catalog::find(&c.order.product), o.get("altnames")) {
                let mut with_cn = o.clone();
                with_cn.insert("cn".into(), json!(names.first()));
                names = super::certs::names(&with_cn, package, csr.as_ref(), &mut out);
            }
            file_for_wildcard(&method, &names, &mut out);
            if !out.is_empty() {
                return errors(&out);
            }
            if dry_run {
                return message(200, "Dry run: the certificate can be updated");
            }
            c.order.csr = csr;
            c.order.dcv = dcv_entries(&names, &method);
            c.order.names = names;
            c.order.unique = unique_value(10);
            c.order.phase = Phase::Pending;
            c.dcv_method = method;
            c.updated = OffsetDateTime::now_utc();
            message(202, "Certificate update requested")
        })
    }

    /// `DELETE /issued-certs/{id}`: revoke a valid certificate.
    pub(super) fn revoke(&self, id: &str) -> HttpResponse {
        self.with_mut(id, |c| {
            if c.order.phase != Phase::Issued {
                return errors(&[(
                    "path",
                    "id",
                    "Only a valid certificate can be revoked".into(),
                )]);
            }
            c.order.phase = Phase::Revoked;
            c.updated = OffsetDateTime::now_utc();
            message(202, "Certificate revoked")
        })
    }

    /// `PUT /issued-certs/{id}/dcv`: ask the CA to check (or e-mail) again.
    pub(super) fn resend(&self, id: &str) -> HttpResponse {
        self.with(id, |c| match c.order.phase {
            Phase::Pending => message(200, "DCV resent"),
            _ => errors(&[(
                "path",
                "id",
                "The certificate is not waiting for validation".into(),
            )]),
        })
    }

    /// `PATCH /issued-certs/{id}/dcv {method}`.
    pub(super) fn change_dcv(&self, id: &str, body: &[u8]) -> HttpResponse {
        let o = match object(body) {
            Ok(o) => o,
            Err(answer) => return answer,
        };
        self.with_mut(id, |c| {
            let mut out = Problems::new();
            if o.get("method").is_none() {
                out.push(("body", "method", "Missing data for required field.".into()));
            }
            let method = check_method(&o, "method", &mut out);
            file_for_wildcard(&method, &c.order.names, &mut out);
            if c.order.phase != Phase::Pending {
                out.push((
                    "path",
                    "id",
                    "The certificate is not waiting for validation".into(),
                ));
            }
            if !out.is_empty() {
                return errors(&out);
            }
            c.order.dcv = dcv_entries(&c.order.names, &method);
            c.dcv_method = method;
            c.updated = OffsetDateTime::now_utc();
            message(200, "DCV method updated")
        })
    }

    /// `POST /issued-certs/{id}/dcv_params`: the parameters with the order's unique value.
    pub(super) fn dcv_params(&self, id: &str, body: &[u8]) -> HttpResponse {
        let o = match object(body) {
            Ok(o) => o,
            Err(answer) => return answer,
        };
        self.with(id, |c| {
            let mut out = Problems::new();
            let method = match o.get("dcv_method") {
                None | Some(Value::Null) => c.dcv_method.clone(),
                Some(_) => check_method(&o, "dcv_method", &mut out),
            };
            let Some(csr) = c.order.csr.as_ref().filter(|_| out.is_empty()) else {
                if out.is_empty() {
                    out.push((
                        "body",
                        "csr",
                        "The certificate was ordered without a CSR".into(),
                    ));
                }
                return errors(&out);
            };
            let dcv = dcv_entries(&c.order.names, &method);
            reply::json(
                200,
                &params(
                    &c.order.names,
                    &method,
                    csr,
                    Some(&c.order.unique),
                    &dcv,
                    catalog::find(&c.order.product).is_some_and(Package::is_digicert),
                ),
            )
        })
    }
}
