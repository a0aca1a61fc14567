//! What the simulator answers: the catalog page, approver lists, decoded CSRs, processes,
//! their DCV details, certificates and downloads, in the API's field names.

use certorder::domain::DomainName;
use certorder::http::{HttpRequest, HttpResponse};
use serde_json::{Value, json};

use super::catalog::PRODUCTS;
use super::{RtrOrder, error, violations};
use crate::order::{DcvKind, Phase, read_csr, rfc3339};
use crate::{Context, dcv, reply, zip};

/// `GET /v2/ssl/products[?q&limit&offset]`: `{entities, pagination}`.
pub(crate) fn products(request: &HttpRequest) -> HttpResponse {
    let q = reply::query(request, "q")
        .unwrap_or_default()
        .to_ascii_lowercase();
    let limit = reply::query(request, "limit")
        .and_then(|l| l.parse::<usize>().ok())
        .unwrap_or(100);
    let offset = reply::query(request, "offset")
        .and_then(|o| o.parse::<usize>().ok())
        .unwrap_or(0);
    let matching: Vec<Value> = PRODUCTS
        .iter()
        .filter(|p| {
            q.is_empty() || p.handle.contains(&q) || p.name.to_ascii_lowercase().contains(&q)
        })
        .map(|p| p.wire_json())
        .collect();
    let total = matching.len();
    let page: Vec<Value> = matching.into_iter().skip(offset).take(limit).collect();
    reply::json(
        200,
        &json!({"entities": page, "pagination": {"limit": limit, "offset": offset, "total": total}}),
    )
}

/// `GET /v2/ssl/dcvemailaddresslist/{domainName}`: the constructed mailboxes.
pub(crate) fn approvers(request: &HttpRequest, name: &str) -> HttpResponse {
    if let Some(product) = reply::query(request, "product")
        && super::catalog::find(&product).is_none()
    {
        return error(
            404,
            "ObjectDoesNotExist",
            &format!("Product '{product}' not found"),
        );
    }
    let valid = DomainName::parse(name)
        .ok()
        .and_then(|n| n.registrable_domain())
        .is_some();
    if !valid || !super::rules::is_domain(name) {
        return error(400, "InvalidParameter", "Invalid parameter: domainName");
    }
    reply::json(200, &dcv::approver_emails(name))
}

/// `POST /v2/ssl/decodecsr {csr}`.
pub(crate) fn decode_csr(body: &[u8]) -> HttpResponse {
    let csr = serde_json::from_slice::<Value>(body)
        .ok()
        .and_then(|v| v.get("csr").and_then(Value::as_str).map(str::to_owned));
    let Some(csr) = csr else {
        return violations(vec![json!({"field": "csr", "message": "may not be null"})]);
    };
    match read_csr(&csr) {
        Ok(facts) => reply::json(
            200,
            &json!({
                "commonName": facts.common_name,
                "publicKeyAlgorithm": facts.key_algorithm,
                "publicKeySize": facts.key_bits,
                "md5": facts.md5,
                "sha256": facts.sha256,
            }),
        ),
        Err(e) => violations(vec![json!({"field": "csr", "message": e.to_string()})]),
    }
}

/// `POST /v2/ssl/authkey {product, csr}`: a DigiCert AuthKey (docs/providers.md §2.6).
pub(crate) fn authkey(body: &[u8]) -> HttpResponse {
    let value = serde_json::from_slice::<Value>(body).unwrap_or(Value::Null);
    let mut missing = Vec::new();
    for field in ["product", "csr"] {
        if value
            .get(field)
            .and_then(Value::as_str)
            .is_none_or(str::is_empty)
        {
            missing.push(json!({"field": field, "message": "may not be null"}));
        }
    }
    if !missing.is_empty() {
        return violations(missing);
    }
    let product = value
        .get("product")
        .and_then(Value::as_str)
        .unwrap_or_default();
    if super::catalog::find(product).is_none() {
        return error(
            404,
            "ObjectDoesNotExist",
            &format!("Product '{product}' not found"),
        );
    }
    match read_csr(value.get("csr").and_then(Value::as_str).unwrap_or_default()) {
        Ok(_) => reply::json(200, &json!({"authKey": dcv::unique_value(32)})),
        Err(e) => violations(vec![json!({"field": "csr", "message": e.to_string()})]),
    }
}

fn status_word(o: &RtrOrder) -> &'static str {
    match o.order.phase {
        Phase::Pending => "RUNNING",
        Phase::Issued | Phase::Revoked => "COMPLETED",
        Phase::Cancelled => "CANCELLED",
    }
}

/// `GET /v2/processes/{id}`.
pub(crate) fn process(o: &RtrOrder) -> Value {
    json!({
        "id": o.process,
        "user": o.customer,
        "customer": o.customer,
        "status": status_word(o),
        "createdDate": rfc3339(o.order.created),
        "updatedDate": rfc3339(o.updated),
        "startedDate": rfc3339(o.order.created),
        "action": "request",
        "type": "certificate",
        "identifier": o.order.names.first(),
    })
}

fn dcv_entry(o: &RtrOrder, d: &crate::order::NameDcv) -> Value {
    let status = if d.done { "VALIDATED" } else { "WAITING" };
    let mut entry = json!({
        "commonName": d.name,
        "type": match d.kind { DcvKind::Email => "EMAIL", DcvKind::File => "FILE", DcvKind::Dns => "DNS" },
        "status": status,
        "caaRecordStatus": "VALID",
    });
    let Some(values) = o.order.values() else {
        return entry;
    };
    let extra = match d.kind {
        DcvKind::Email => json!({"email": d.email}),
        DcvKind::Dns => json!({
            "dnsRecord": values.cname_name(&d.name),
            "dnsType": "CNAME",
            "dnsContents": values.cname_value(),
        }),
        DcvKind::File => json!({
            "fileLocation": format!("{}{}", dcv::base_name(&d.name), values.file_path()),
            "fileContents": values.file_content(),
        }),
    };
    if let (Some(entry), Value::Object(extra)) = (entry.as_object_mut(), extra) {
        entry.extend(extra);
    }
    entry
}

/// The process info (`CertificateInfoProcess`): the answer to a request, a resend and
/// `GET /v2/processes/{id}/info`.
pub(crate) fn info(o: &RtrOrder) -> Value {
    let pending = o.order.phase == Phase::Pending;
    let mut validations = json!({
        "dcv": o.order.dcv.iter().map(|d| dcv_entry(o, d)).collect::<Vec<_>>(),
    });
    let product = super::catalog::find(&o.order.product);
    if product.is_some_and(|p| p.validation != "DOMAIN_VALIDATION")
        && let Some(v) = validations.as_object_mut()
    {
        v.insert(
            "organization".into(),
            json!({"status": if pending { "WAITING" } else { "VALIDATED" }}),
        );
    }
    let mut body = json!({
        "commonName": o.order.names.first(),
        "requiresAttention": pending,
        "validations": validations,
    });
    if let (Some(id), Some(b)) = (o.certificate, body.as_object_mut()) {
        b.insert("certificateId".into(), json!(id));
    }
    body
}

/// The info with `x-process-id`, as the request and info calls send it.
pub(crate) fn info_response(o: &RtrOrder, status: u16) -> HttpResponse {
    reply::json(status, &info(o)).with_header("x-process-id", o.process.to_string())
}

/// SHA-256 of the certificate's DER, upper-case hex.
fn fingerprint(der: &[u8]) -> String {
    certorder::csr::fingerprint::compute(der, der).sha256
}

/// `GET /v2/ssl/certificates/{id}`.
pub(crate) fn certificate(o: &RtrOrder) -> Value {
    let product = super::catalog::find(&o.order.product);
    let issued = o.order.issued.as_ref();
    let csr = o.order.csr.as_ref();
    json!({
        "id": o.certificate,
        "process": o.process,
        "product": o.order.product,
        "validationType": product.map(|p| p.validation),
        "certificateType": product.map(|p| p.certificate_type),
        "domainName": o.order.names.first(),
        "san": o.order.names.iter().skip(1).collect::<Vec<_>>(),
        "startDate": issued.map(|i| rfc3339(i.not_before)),
        "expiryDate": issued.map(|i| rfc3339(i.not_after)),
        "subscriptionEndDate": issued.map(|i| rfc3339(i.not_after)),
        "status": if o.order.phase == Phase::Revoked { "REVOKED" } else { "ACTIVE" },
        "publicKeyAlgorithm": csr.map(|c| c.key_algorithm),
        "publicKeySize": csr.map(|c| c.key_bits),
        "csr": csr.map(|c| c.pem.clone()),
        "certificate": issued.map(|i| i.pem.clone()),
        "fingerprint": issued.map(|i| fingerprint(&i.der)),
    })
}

/// `GET /v2/ssl/certificates/{id}/download?format=CRT|CSR|ZIP|PKCS7|CA|CA_BUNDLE`.
pub(crate) fn download(ctx: &Context, o: &RtrOrder, format: Option<&str>) -> HttpResponse {
    let Some(issued) = o.order.issued.as_ref() else {
        return error(404, "ObjectDoesNotExist", "Certificate not issued");
    };
    let pem_type = "application/x-pem-file";
    match format.unwrap_or("CRT") {
        "CRT" => reply::text(200, pem_type, issued.pem.clone()),
        "CSR" => reply::text(
            200,
            pem_type,
            o.order
                .csr
                .as_ref()
                .map(|c| c.pem.clone())
                .unwrap_or_default(),
        ),
        "CA" => reply::text(200, pem_type, ctx.ca.intermediate_pem().to_owned()),
        "CA_BUNDLE" => reply::text(200, pem_type, ctx.ca.chain_pem()),
        "PKCS7" => {
            let p7 = pem::encode(&pem::Pem::new("PKCS7", ctx.ca.pkcs7(issued)));
            reply::text(200, "application/x-pkcs7-certificates", p7)
        }
        "ZIP" => {
            let base = o
                .order
                .names
                .first()
                .map_or("certificate", |n| dcv::base_name(n))
                .replace('.', "_");
            let files = [
                (format!("{base}.crt"), issued.pem.clone().into_bytes()),
                (format!("{base}.ca-bundle"), ctx.ca.chain_pem().into_bytes()),
            ];
            reply::text(200, "application/zip", zip::stored(&files))
        }
        _ => error(400, "InvalidParameter", "Invalid parameter: format"),
    }
}
