//! What SSL247 shows of a certificate: its details with the DCV values, and its downloads.

use certorder::http::HttpResponse;
use serde_json::{Value, json};

use super::catalog;
use super::orders::status;
use super::{SslCert, failure, success};
use crate::Context;
use crate::dcv::base_name;
use crate::order::{Phase, rfc3339};

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
