//! Ordering and after: name checks, the priced `validate`, `place-order` (an incomplete
//! certificate), `complete` (CSR, DCV method, approvers, contacts), `place-quick-order` (both
//! at once), certificate details with the DCV values, downloads, reissue, renew, cancel and
//! revoke.

use certorder::domain::DomainName;
use certorder::http::HttpResponse;
use serde_json::{Map, Value, json};

use super::catalog::{self, Product};
use super::{Ssl247Sim, SslCert, failure, success};
use crate::Context;
use crate::dcv::{base_name, is_approver, unique_value};
use crate::order::{DcvKind, NameDcv, Order, Phase, read_csr, rfc3339};

fn text<'a>(o: &'a Map<String, Value>, field: &str) -> Option<&'a str> {
    o.get(field)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// A number sent as a JSON number or as a string (the reference writes both).
fn number(o: &Map<String, Value>, field: &str) -> Option<u64> {
    match o.get(field)? {
        Value::Number(n) => n.as_u64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

fn valid_name(name: &str) -> bool {
    DomainName::parse(name)
        .ok()
        .and_then(|n| n.registrable_domain())
        .is_some()
}

/// Why `cn` cannot be the common name of `product`.
fn common_name_problem(product: &Product, cn: &str) -> Option<String> {
    if !valid_name(cn) {
        return Some(format!("{cn} is not a valid domain name"));
    }
    match (product.wildcard, cn.starts_with("*.")) {
        (true, false) => Some(format!("{} needs a wildcard common name", product.code)),
        (false, true) => Some(format!("{} does not cover wildcard names", product.code)),
        _ => None,
    }
}

fn san_problem(product: &Product, cn: &str, san: &str) -> Option<String> {
    if product.max_sans == 0 {
        return Some(format!("{} takes no SANs", product.code));
    }
    if san.starts_with("*.") || !valid_name(san) {
        return Some(format!("{san} is not a valid SAN for {}", product.code));
    }
    (san == cn).then(|| "the SAN repeats the common name".to_owned())
}

/// `POST /certificates/check-common-name/{product}/{cn}`.
pub(crate) fn check_common_name(code: &str, cn: &str) -> HttpResponse {
    let Some(product) = catalog::find(code) else {
        return failure(404, "Unknown product code");
    };
    let problem = common_name_problem(product, cn);
    let kind = if cn.starts_with("*.") {
        "wildcard"
    } else {
        "domain"
    };
    success(
        json!({"valid": problem.is_none(), "type": kind, "message": problem.unwrap_or_else(|| "OK".into())}),
    )
}

/// `POST /certificates/check-san/{product}/{cn}/{san}`.
pub(crate) fn check_san(code: &str, cn: &str, san: &str) -> HttpResponse {
    let Some(product) = catalog::find(code) else {
        return failure(404, "Unknown product code");
    };
    let problem = san_problem(product, cn, san);
    success(
        json!({"valid": problem.is_none(), "type": "san", "product_addon_id": format!("{}-san", product.code), "message": problem.unwrap_or_else(|| "OK".into())}),
    )
}

/// One order line, checked: the product, common name, years and SANs.
struct Line {
    product: &'static Product,
    cn: String,
    years: u32,
    sans: Vec<String>,
}

fn line(o: &Map<String, Value>, at: &str) -> Result<Line, HttpResponse> {
    let bad = |field: &str, why: String| failure(400, &format!("{at}{field}: {why}"));
    let code = text(o, "product_code").ok_or_else(|| bad("product_code", "is required".into()))?;
    let product = catalog::find(code)
        .ok_or_else(|| bad("product_code", format!("unknown product {code}")))?;
    let cn = text(o, "common_name")
        .ok_or_else(|| bad("common_name", "is required".into()))?
        .to_ascii_lowercase();
    if let Some(problem) = common_name_problem(product, &cn) {
        return Err(bad("common_name", problem));
    }
    let years = number(o, "years")
        .and_then(|y| u32::try_from(y).ok())
        .unwrap_or(1);
    if product.price(years).is_none() {
        return Err(bad(
            "years",
            format!("{} is not sold for {years} years", product.code),
        ));
    }
    let sans: Vec<String> = match o.get("sans") {
        Some(Value::String(s)) => s
            .split(',')
            .map(|n| n.trim().to_ascii_lowercase())
            .filter(|n| !n.is_empty())
            .collect(),
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_ascii_lowercase)
            .collect(),
        _ => Vec::new(),
    };
    if let Some(count) = number(o, "san")
        && usize::try_from(count).ok() != Some(sans.len())
    {
        return Err(bad(
            "san",
            format!("says {count} SANs, sans lists {}", sans.len()),
        ));
    }
    if sans.len() > usize::try_from(product.max_sans).unwrap_or(0) {
        return Err(bad(
            "sans",
            format!("{} takes at most {} SANs", product.code, product.max_sans),
        ));
    }
    for san in &sans {
        if let Some(problem) = san_problem(product, &cn, san) {
            return Err(bad("sans", problem));
        }
    }
    Ok(Line {
        product,
        cn,
        years,
        sans,
    })
}

fn lines(body: &Map<String, Value>) -> Result<Vec<Line>, HttpResponse> {
    let Some(items) = body
        .get("order")
        .and_then(Value::as_array)
        .filter(|a| !a.is_empty())
    else {
        return Err(failure(400, "order: at least one order line is required"));
    };
    items
        .iter()
        .enumerate()
        .map(|(i, item)| match item.as_object() {
            Some(o) => line(o, &format!("order[{i}].")),
            None => Err(failure(400, &format!("order[{i}]: must be an object"))),
        })
        .collect()
}

fn money(pounds: i64) -> String {
    format!("{pounds}.00")
}

fn priced(i: usize, l: &Line) -> Value {
    let base = l.product.price(l.years).unwrap_or_default();
    let extra = l
        .sans
        .len()
        .saturating_sub(usize::try_from(l.product.included_sans).unwrap_or(0));
    let addons: Vec<Value> = l
        .sans
        .iter()
        .enumerate()
        .map(|(j, san)| {
            let charged = j >= l.sans.len() - extra;
            let total = if charged { l.product.san_price * i64::from(l.years) } else { 0 };
            json!({
                "index_link": i.to_string(), "type": "san", "product_id": l.product.code,
                "product_type_id": l.product.product_type, "product_type_addon_id": "san",
                "product_addon_id": format!("{}-san", l.product.code), "years": l.years.to_string(),
                "quantity": "1", "licenses": "1", "code": "SAN", "pre_discount_total": money(total),
                "total": money(total), "discount_amount": "0.00", "discount": "0", "discount_reason": "",
                "free": if charged { "0" } else { "1" }, "label": format!("SAN {san}"), "value": san,
                "order_line_id": format!("{i}-{j}"),
            })
        })
        .collect();
    json!({
        "type": "certificate", "product_id": l.product.code, "product_type_id": l.product.product_type,
        "contract_id": "", "years": l.years.to_string(), "quantity": "1", "licenses": "1",
        "code": l.product.code, "pre_discount_total": money(base), "total": money(base),
        "discount_amount": "0.00", "discount": "0", "discount_reason": "", "free": "0",
        "label": format!("{} {} year(s)", l.product.name, l.years), "value": l.cn,
        "original_certificate_id": "", "order_line_id": i.to_string(), "addons": addons, "nextstep": 2,
    })
}

fn total(v: &Value) -> i64 {
    let pounds = |t: &Value| {
        t.as_str()
            .and_then(|s| s.split('.').next())
            .and_then(|s| s.parse::<i64>().ok())
            .unwrap_or(0)
    };
    pounds(&v["total"])
        + v["addons"]
            .as_array()
            .map_or(0, |a| a.iter().map(|x| pounds(&x["total"])).sum())
}

/// `POST /order/certificate/validate`: checks and prices, charges nothing.
pub(crate) fn validate(body: &Map<String, Value>) -> HttpResponse {
    match lines(body) {
        Ok(lines) => success(
            json!({"Valid": true, "OrderLines": lines.iter().enumerate().map(|(i, l)| priced(i, l)).collect::<Vec<_>>()}),
        ),
        Err(answer) => answer,
    }
}

fn new_cert(l: &Line, order_ref: u64, id: u64) -> SslCert {
    let mut names = vec![l.cn.clone()];
    names.extend(l.sans.iter().cloned());
    SslCert {
        id,
        order_ref,
        order: Order::new(
            l.product.code,
            names,
            None,
            l.years * 12,
            unique_value(10),
            Vec::new(),
        ),
        sans: l.sans.clone(),
        years: l.years,
        method: String::new(),
        completed: false,
        approver: None,
        addon_approvers: Vec::new(),
        contacts: json!({}),
    }
}

/// What `complete` and `place-quick-order` carry, checked against the certificate.
fn fill(cert: &mut SslCert, o: &Map<String, Value>) -> Result<(), HttpResponse> {
    let product =
        catalog::find(&cert.order.product).ok_or_else(|| failure(404, "Unknown product"))?;
    let cn = text(o, "common_name").map(str::to_ascii_lowercase);
    if cn.as_deref() != cert.order.names.first().map(String::as_str) {
        return Err(failure(400, "common_name: does not match the order"));
    }
    let csr = read_csr(text(o, "csr").unwrap_or_default())
        .map_err(|e| failure(400, &format!("csr: {e}")))?;
    let method = text(o, "dv_auth_method")
        .unwrap_or_default()
        .to_ascii_lowercase();
    let kind = match method.as_str() {
        "email" => DcvKind::Email,
        "dns" => DcvKind::Dns,
        "file" if product.wildcard => {
            return Err(failure(
                400,
                "dv_auth_method: file is not available for wildcard names",
            ));
        }
        "file" => DcvKind::File,
        _ => {
            return Err(failure(
                400,
                "dv_auth_method: must be one of email, dns, file",
            ));
        }
    };
    let approver = text(o, "approver_email").map(str::to_ascii_lowercase);
    let cn = cn.unwrap_or_default();
    if kind == DcvKind::Email && !approver.as_deref().is_some_and(|a| is_approver(&cn, a)) {
        return Err(failure(
            400,
            &format!("approver_email: required, one of the approver addresses of {cn}"),
        ));
    }
    let addons: Vec<&Map<String, Value>> = o
        .get("Addon")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_object).collect())
        .unwrap_or_default();
    let values: Vec<String> = addons
        .iter()
        .filter_map(|a| text(a, "value"))
        .map(str::to_ascii_lowercase)
        .collect();
    if values != cert.sans {
        return Err(failure(
            400,
            "Addon: the values must be the SANs ordered, in order",
        ));
    }
    let mut addon_approvers = Vec::new();
    for (a, san) in addons.iter().zip(&cert.sans) {
        let e = text(a, "approver_email").map(str::to_ascii_lowercase);
        if kind == DcvKind::Email && !e.as_deref().is_some_and(|e| is_approver(san, e)) {
            return Err(failure(
                400,
                &format!("Addon.approver_email: required, one of the approver addresses of {san}"),
            ));
        }
        addon_approvers.push(e);
    }
    let contacts = o.get("Contacts").cloned().unwrap_or(json!({}));
    if product.needs_organisation() {
        let legal = contacts
            .pointer("/Company/organisation_legal_name")
            .and_then(Value::as_str)
            .is_some_and(|s| !s.is_empty());
        let admin = contacts
            .pointer("/Administrative/email")
            .and_then(Value::as_str)
            .is_some_and(|s| !s.is_empty());
        if !legal || !admin {
            return Err(failure(
                400,
                "Contacts: Company.organisation_legal_name and Administrative are required for OV and EV",
            ));
        }
    }
    cert.order.dcv = cert
        .order
        .names
        .iter()
        .enumerate()
        .map(|(i, n)| NameDcv {
            name: n.clone(),
            kind,
            email: if i == 0 {
                approver.clone()
            } else {
                addon_approvers.get(i - 1).cloned().flatten()
            },
            done: false,
        })
        .collect();
    cert.order.csr = Some(csr);
    cert.method = method;
    cert.approver = approver;
    cert.addon_approvers = addon_approvers;
    cert.contacts = contacts;
    cert.completed = true;
    Ok(())
}

fn status(c: &SslCert) -> &'static str {
    match c.order.phase {
        Phase::Pending if c.completed => "Pending",
        Phase::Pending => "Incomplete",
        Phase::Issued => "Issued",
        Phase::Cancelled => "Cancelled",
        Phase::Revoked => "Deactivated",
    }
}

fn result(message: &str, status: &str) -> HttpResponse {
    success(json!([{"message": message, "status": status, "details": ""}]))
}

impl Ssl247Sim {
    pub(super) fn with(&self, id: &str, f: impl FnOnce(&SslCert) -> HttpResponse) -> HttpResponse {
        match id
            .parse::<u64>()
            .ok()
            .and_then(|id| self.certs().get(id).cloned())
        {
            Some(c) => f(&c),
            None => failure(404, "Certificate not found"),
        }
    }

    fn with_mut(&self, id: &str, f: impl FnOnce(&mut SslCert) -> HttpResponse) -> HttpResponse {
        let mut certs = self.certs();
        match id.parse::<u64>().ok().and_then(|id| certs.get_mut(id)) {
            Some(c) => f(c),
            None => failure(404, "Certificate not found"),
        }
    }

    /// `POST /order/certificate/place-order`: one incomplete certificate per line.
    pub(super) fn place_order(&self, body: &Map<String, Value>) -> HttpResponse {
        let lines = match lines(body) {
            Ok(l) => l,
            Err(answer) => return answer,
        };
        let mut certs = self.certs();
        let mut order_ref = 0;
        let mut placed = Vec::new();
        let mut sum = 0;
        for (i, l) in lines.iter().enumerate() {
            let id =
                certs.insert(|id| new_cert(l, if order_ref == 0 { id } else { order_ref }, id));
            if order_ref == 0 {
                order_ref = id;
            }
            let line_total = total(&priced(i, l));
            sum += line_total;
            placed.push(json!({"order_id": format!("{order_ref}-{i}"), "label": l.product.name, "total": line_total, "Certificate": {"id": id.to_string()}}));
        }
        success(json!({
            "order_ref": order_ref,
            "Order": placed,
            "Invoice": {"id": format!("INV-{order_ref}"), "total": sum + sum / 5, "currency": "GBP", "invoice_ref": order_ref, "vat": sum / 5},
        }))
    }

    /// `POST /order/certificate/complete`.
    pub(super) fn complete(&self, body: &Map<String, Value>) -> HttpResponse {
        let id = match body.get("certificate_id") {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Number(n)) => n.to_string(),
            _ => return failure(400, "certificate_id: is required"),
        };
        self.with_mut(&id, |c| {
            if c.completed || c.order.phase != Phase::Pending {
                return failure(409, "The certificate is already complete");
            }
            if let Err(answer) = fill(c, body) {
                return answer;
            }
            success(json!({"order_ref": c.order_ref, "Certificate": [{"id": c.id.to_string(), "status": status(c), "logs": []}]}))
        })
    }

    /// `POST /order/certificate/place-quick-order`: place and complete in one call.
    pub(super) fn quick_order(&self, body: &Map<String, Value>) -> HttpResponse {
        let mut as_line = body.clone();
        if let Some(addons) = body.get("Addon").and_then(Value::as_array) {
            let sans: Vec<&str> = addons
                .iter()
                .filter_map(|a| a.get("value").and_then(Value::as_str))
                .collect();
            as_line.insert("sans".into(), json!(sans.join(",")));
        }
        let l = match line(&as_line, "") {
            Ok(l) => l,
            Err(answer) => return answer,
        };
        let mut cert = new_cert(&l, 0, 0);
        if let Err(answer) = fill(&mut cert, body) {
            return answer;
        }
        let mut certs = self.certs();
        let id = certs.insert(|id| SslCert {
            id,
            order_ref: id,
            ..cert
        });
        success(json!({"order_ref": id, "Certificate": [{"id": id.to_string()}]}))
    }

    /// `POST /certificate/{id}/cancel`: before issuance only.
    pub(super) fn cancel(&self, id: &str) -> HttpResponse {
        self.with_mut(id, |c| {
            if c.order.phase != Phase::Pending {
                return failure(409, "Only a certificate not yet issued can be cancelled");
            }
            c.order.phase = Phase::Cancelled;
            result("Certificate cancelled", "Cancelled")
        })
    }

    /// `POST /certificate/{id}/revoke`: after issuance only.
    pub(super) fn revoke(&self, id: &str) -> HttpResponse {
        self.with_mut(id, |c| {
            if c.order.phase != Phase::Issued {
                return failure(409, "Only an issued certificate can be revoked");
            }
            c.order.phase = Phase::Revoked;
            result("Certificate revoked", "Deactivated")
        })
    }

    /// `POST /certificate/{id}/reissue {new_csr}`: pending again with the new request.
    pub(super) fn reissue(&self, id: &str, body: &Map<String, Value>) -> HttpResponse {
        self.with_mut(id, |c| {
            if c.order.phase != Phase::Issued {
                return failure(409, "Only an issued certificate can be reissued");
            }
            let csr = match read_csr(text(body, "new_csr").unwrap_or_default()) {
                Ok(csr) => csr,
                Err(e) => return failure(400, &format!("new_csr: {e}")),
            };
            c.order.csr = Some(csr);
            c.order.unique = unique_value(10);
            c.order.phase = Phase::Pending;
            c.order.dcv.iter_mut().for_each(|d| d.done = false);
            success(json!({"status": "Pending", "message": "Reissue requested"}))
        })
    }

    /// `POST /certificate/{id}/renew {years}`: a new incomplete certificate for the same names.
    pub(super) fn renew(&self, id: &str, body: &Map<String, Value>) -> HttpResponse {
        let Some(old) = id
            .parse::<u64>()
            .ok()
            .and_then(|id| self.certs().get(id).cloned())
        else {
            return failure(404, "Certificate not found");
        };
        let mut as_line = Map::new();
        as_line.insert("product_code".into(), json!(old.order.product));
        as_line.insert("common_name".into(), json!(old.order.names.first()));
        as_line.insert(
            "years".into(),
            body.get("years").cloned().unwrap_or(json!(old.years)),
        );
        as_line.insert("sans".into(), json!(old.sans.join(",")));
        let l = match line(&as_line, "") {
            Ok(l) => l,
            Err(answer) => return answer,
        };
        let new_id = self.certs().insert(|id| new_cert(&l, id, id));
        success(json!({"certificate_id": new_id.to_string()}))
    }
}

/// `POST /certificate/{id}`: the details, with the DCV values once complete.
pub(crate) fn details(c: &SslCert) -> Value {
    let values = c.order.values();
    let cn = c.order.names.first().cloned().unwrap_or_default();
    let (dns, file_name, file_content) = match (&values, c.method.as_str()) {
        (Some(v), "dns") => (
            format!("{}. IN CNAME {}.", v.cname_name(&cn), v.cname_value()),
            String::new(),
            String::new(),
        ),
        (Some(v), "file") => (String::new(), format!("{}.txt", v.md5), v.file_content()),
        _ => (String::new(), String::new(), String::new()),
    };
    let issued = c.order.issued.as_ref();
    let product = catalog::find(&c.order.product);
    let word = status(c);
    json!({
        "order_id": c.order_ref.to_string(),
        "certificate_id": c.id.to_string(),
        "product_addon_id": "",
        "CertificateDetails": {
            "product_code": c.order.product,
            "common_name": cn,
            "approver_email": c.approver.clone().unwrap_or_default(),
            "dv_auth_method": c.method,
            "dns_auth_string": dns,
            "file_auth_filename": file_name,
            "file_auth_contents": file_content,
            "general_auth_string": if c.completed { format!("Validate {} by {}", base_name(&cn), c.method) } else { String::new() },
            "licenses": "1",
            "hash": values.as_ref().map(|v| v.md5.clone()).unwrap_or_default(),
            "serial_number": issued.map(|i| i.serial.clone()).unwrap_or_default(),
            "years": c.years.to_string(),
            "remaining_reissues": "99",
            "csr": c.order.csr.as_ref().map(|x| x.pem.clone()).unwrap_or_default(),
            "email_subscription": "0",
            "VettingData": "",
            "Addons": {"Addon": c.sans.iter().enumerate().map(|(i, s)| json!({"id": format!("{}-{i}", c.id), "type": "san", "value": s, "approver_email": c.addon_approvers.get(i).cloned().flatten().unwrap_or_default()})).collect::<Vec<_>>()},
            "Status": {"code": word, "description": word},
            "StatusMinor": {"code": "", "description": ""},
        },
        "Contacts": c.contacts,
        "Dates": {
            "order": rfc3339(c.order.created),
            "issuance": issued.map(|i| rfc3339(i.not_before)).unwrap_or_default(),
            "created": rfc3339(c.order.created),
            "expiry": issued.map(|i| rfc3339(i.not_after)).unwrap_or_default(),
        },
        "Notes": {"Note": []},
        "VettingData": [],
        "Status": {"code": word, "description": word},
        "Product": {"name": product.map(|p| p.name), "code": c.order.product, "Brand": {"name": product.map(|p| p.brand)}},
    })
}

/// `POST /certificate/{id}/{type}`: `[{"<type>": text}]`.
pub(crate) fn download(ctx: &Context, c: &SslCert, kind: &str) -> HttpResponse {
    let Some(issued) = c
        .order
        .issued
        .as_ref()
        .filter(|_| c.order.phase == Phase::Issued)
    else {
        return failure(404, "The certificate is not issued");
    };
    let text = match kind {
        "x509" => issued.pem.clone(),
        "pkcs7" => pem::encode(&pem::Pem::new("PKCS7", ctx.ca.pkcs7(issued))),
        "intermediate" => ctx.ca.intermediate_pem().to_owned(),
        "root" => ctx.ca.root_pem().to_owned(),
        "bundle" => ctx.ca.bundle_pem(issued),
        _ => return failure(404, "Unknown download type"),
    };
    success(json!([{kind: text}]))
}
