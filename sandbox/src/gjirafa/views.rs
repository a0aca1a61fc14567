//! The certificate as the API writes it (detail and list item), and the import of a
//! certificate with its key.

use serde_json::{Value, json};
use x509_parser::prelude::*;

use super::GjCert;
use crate::order::{Order, Phase, rfc3339};

/// What an imported certificate carries, read from it.
#[derive(Debug, Clone)]
pub(crate) struct Imported {
    pub(crate) serial: String,
    pub(crate) issuer: String,
    pub(crate) signature: String,
    pub(crate) key: String,
    pub(crate) not_before: String,
    pub(crate) not_after: String,
}

fn status(c: &GjCert) -> &'static str {
    match c.order.phase {
        Phase::Pending | Phase::Cancelled => "Pending",
        Phase::Issued => "Active",
        Phase::Revoked => "Expired",
    }
}

fn certificate_type(c: &GjCert) -> &'static str {
    if c.imported.is_some() {
        "Imported"
    } else {
        "Gjirafa Issued"
    }
}

/// `GET …/certificates/{id}` (and the create, update, validate, delete answers).
pub(crate) fn detail(c: &GjCert) -> Value {
    let issued = c
        .order
        .issued
        .as_ref()
        .filter(|_| c.order.phase == Phase::Issued);
    let dns_records: Vec<Value> = if c.order.phase == Phase::Pending {
        c.order
            .names
            .iter()
            .zip(&c.challenges)
            .map(|(n, v)| json!({"key": format!("_acme-challenge.{}", crate::dcv::base_name(n)), "value": v}))
            .collect()
    } else {
        Vec::new()
    };
    let (serial, issuer, signature, key, not_before, not_after) = match (&c.imported, issued) {
        (Some(i), _) => (
            i.serial.clone(),
            i.issuer.clone(),
            i.signature.clone(),
            i.key.clone(),
            Some(i.not_before.clone()),
            Some(i.not_after.clone()),
        ),
        (None, Some(i)) => (
            i.serial.clone(),
            "CN=certorder Sandbox Issuing CA, O=certorder sandbox (not trusted)".to_owned(),
            "ecdsa-with-SHA256".to_owned(),
            "EC P-256".to_owned(),
            Some(rfc3339(i.not_before)),
            Some(rfc3339(i.not_after)),
        ),
        (None, None) => Default::default(),
    };
    json!({
        "id": c.id,
        "projectId": crate::credentials::GJIRAFA_PROJECT,
        "scopeId": c.scope_id,
        "sslCertificateId": c.uuid,
        "domainName": c.order.names.first(),
        "additionalNames": c.order.names.iter().skip(1).cloned().collect::<Vec<_>>().join(","),
        "publicKeyInfo": key,
        "signatureAlgorithm": signature,
        "issuer": issuer,
        "certificateType": certificate_type(c),
        "certificateStatus": status(c),
        "certificateChallenge": if c.imported.is_some() { "" } else { "dns-01" },
        "serialNumber": serial,
        "dnsRecords": dns_records,
        "notBefore": not_before,
        "notAfter": not_after,
        "scopeOptions": {"Project": 0, "Organization": 1},
    })
}

/// An item of `GET …/certificates`.
pub(crate) fn summary(c: &GjCert) -> Value {
    json!({
        "id": c.id,
        "distributionId": "",
        "sslCertificateId": c.uuid,
        "domainName": c.order.names.first(),
        "additionalNames": c.order.names.iter().skip(1).cloned().collect::<Vec<_>>().join(","),
        "certificateType": certificate_type(c),
        "certificateStatus": status(c),
        "scope": if c.scope_id == 1 { "Organization" } else { "Project" },
        "lastModified": rfc3339(c.modified),
    })
}

/// `POST …/certificates/import {certificateBody, certificatePrivateKey, certificateChain,
/// scopeId}`: the names and dates are read from the certificate.
pub(crate) fn import(body: &Value) -> Result<(Order, Imported, i64), Vec<String>> {
    let text = |f: &str| body.get(f).and_then(Value::as_str).unwrap_or_default();
    let mut errors = Vec::new();
    let scope_id = body
        .get("scopeId")
        .and_then(Value::as_i64)
        .filter(|s| matches!(s, 1 | 2));
    if scope_id.is_none() {
        errors.push("scopeId: must be 1 (Project) or 2 (Organization)".to_owned());
    }
    if !text("certificatePrivateKey").contains("PRIVATE KEY-----") {
        errors.push("certificatePrivateKey: must be a PEM private key".to_owned());
    }
    let der = ::pem::parse(text("certificateBody"))
        .ok()
        .filter(|p| p.tag() == "CERTIFICATE")
        .map(|p| p.contents().to_vec());
    let Some(der) = der else {
        errors.push("certificateBody: must be a PEM certificate".to_owned());
        return Err(errors);
    };
    let Ok((_, cert)) = parse_x509_certificate(&der) else {
        errors.push("certificateBody: the certificate cannot be read".to_owned());
        return Err(errors);
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut names: Vec<String> = cert
        .subject()
        .iter_common_name()
        .filter_map(|c| c.as_str().ok())
        .map(str::to_owned)
        .take(1)
        .collect();
    if let Ok(Some(san)) = cert.subject_alternative_name() {
        for g in &san.value.general_names {
            if let GeneralName::DNSName(n) = g
                && !names.iter().any(|x| x == n)
            {
                names.push((*n).to_owned());
            }
        }
    }
    let time = |t: ASN1Time| {
        ::time::OffsetDateTime::from_unix_timestamp(t.timestamp())
            .map(rfc3339)
            .unwrap_or_default()
    };
    let imported = Imported {
        serial: cert
            .raw_serial_as_string()
            .replace(':', "")
            .to_ascii_uppercase(),
        issuer: cert.issuer().to_string(),
        signature: cert.signature_algorithm.algorithm.to_id_string(),
        key: cert.public_key().algorithm.algorithm.to_id_string(),
        not_before: time(cert.validity().not_before),
        not_after: time(cert.validity().not_after),
    };
    let mut order = Order::new("Imported", names, None, 3, String::new(), Vec::new());
    order.phase = Phase::Issued;
    Ok((order, imported, scope_id.unwrap_or(0)))
}
