//! Ordering and after: `place-order` (an incomplete certificate), `complete` (CSR, DCV
//! method, approvers, contacts), `place-quick-order` (both at once), reissue, renew, cancel
//! and revoke.

use certorder::http::HttpResponse;
use serde_json::{Map, Value, json};

use super::catalog;
use super::lines::{Line, line, lines, priced, text, total};
use super::{Ssl247Sim, SslCert, failure, success};
use crate::dcv::{is_approver, unique_value};
use crate::order::{DcvKind, NameDcv, Order, Phase, read_csr};

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

pub(crate) fn status(c: &SslCert) -> &'static str {
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
