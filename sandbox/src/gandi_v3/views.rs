//! The return structs: packages, certificates, operations and DCV parameters, as the
//! reference's `CertPackageReturn`, `CertificateReturn`, `CertificateOperationReturn` and
//! `DcvParamsReturn` tables list their fields.

use base64::Engine as _;
use certorder::provider::xmlrpc::{DateTime, Value};
use time::OffsetDateTime;

use super::{Operation, V3Cert};
use crate::dcv::{DcvValues, base_name};
use crate::gandi_v5::catalog::Package;
use crate::gandi_v5::rules::kind_of;
use crate::order::{CsrFacts, DcvKind, Phase};

/// An XML-RPC `dateTime.iso8601` (Gandi writes them without a zone, in UTC).
pub(crate) fn date(t: OffsetDateTime) -> Value {
    let t = t.to_offset(time::UtcOffset::UTC);
    Value::DateTime(DateTime {
        year: u16::try_from(t.year()).unwrap_or(1970),
        month: t.month() as u8,
        day: t.day(),
        hour: t.hour(),
        minute: t.minute(),
        second: t.second(),
        suffix: String::new(),
    })
}

fn int(n: impl TryInto<i32>) -> Value {
    Value::Int(n.try_into().unwrap_or(i32::MAX))
}

fn strings(items: &[String]) -> Value {
    Value::Array(items.iter().map(|s| Value::from(s.as_str())).collect())
}

/// `CertPackageReturn`.
pub(crate) fn package(index: usize, p: &Package) -> Value {
    let category_id = match p.category {
        "standard" => 1,
        "pro" => 2,
        _ => 3,
    };
    Value::structure([
        (
            "category",
            Value::structure([
                ("id", Value::Int(category_id)),
                ("name", Value::from(p.category)),
            ]),
        ),
        ("comodo_id", Value::from(format!("{}", 287 + index))),
        ("id", int(index + 1)),
        ("max_domains", int(p.max_domains)),
        ("min_domains", Value::Int(1)),
        ("name", Value::from(p.name)),
        ("provider", Value::from(p.provider)),
        (
            "provider_cert_id",
            Value::from(format!("{}", 1_000 + index)),
        ),
        ("sgc", Value::Int(0)),
        // The reference writes these flags as integers, 1 or 0.
        ("trustlogo", Value::Int(i32::from(p.category != "standard"))),
        ("warranty", int(p.warranty * 1000)),
        ("wildcard", Value::Int(i32::from(p.wildcard))),
    ])
}

fn status(c: &V3Cert) -> &'static str {
    match c.order.phase {
        Phase::Pending | Phase::Cancelled => "pending",
        Phase::Issued => "valid",
        Phase::Revoked => "revoked",
    }
}

/// `CertificateReturn` (`cert.info`, `cert.list`): `cert` is bare base64, as Gandi sends it.
pub(crate) fn certificate(c: &V3Cert) -> Value {
    let issued = c
        .order
        .issued
        .as_ref()
        .filter(|_| c.order.phase == Phase::Issued);
    let cert = issued.map_or(Value::Nil, |i| {
        Value::from(base64::engine::general_purpose::STANDARD.encode(&i.der))
    });
    let nil_date = |t: Option<OffsetDateTime>| t.map_or(Value::Nil, date);
    Value::structure([
        (
            "altnames",
            Value::Array(
                c.order
                    .names
                    .iter()
                    .skip(1)
                    .map(|n| Value::structure([("value", Value::from(n.as_str()))]))
                    .collect(),
            ),
        ),
        ("assumed_name", Value::Nil),
        ("business_category", Value::Nil),
        ("card_pay_trustlogo", Value::Boolean(false)),
        ("cert", cert),
        (
            "cn",
            c.order
                .names
                .first()
                .map_or(Value::Nil, |n| Value::from(n.as_str())),
        ),
        ("comodo_id", Value::from(format!("{}", 900_000 + c.id))),
        ("contact", Value::from("SANDBOX-GANDI")),
        (
            "csr",
            c.order
                .csr
                .as_ref()
                .map_or(Value::Nil, |x| Value::from(x.pem.as_str())),
        ),
        ("date_created", date(c.order.created)),
        ("date_end", nil_date(issued.map(|i| i.not_after))),
        ("date_incorporation", Value::Nil),
        ("date_start", nil_date(issued.map(|i| i.not_before))),
        ("date_updated", date(c.updated)),
        ("id", Value::Int(c.id)),
        ("middleman", Value::from("")),
        ("order_number", Value::from(format!("{}", 600_000 + c.id))),
        ("package", Value::from(c.order.product.as_str())),
        (
            "provider_cert_id",
            Value::from(format!("{}", 900_000 + c.id)),
        ),
        ("sha_version", Value::Int(2)),
        ("software", Value::Int(2)),
        ("status", Value::from(status(c))),
        ("trustlogo", Value::Boolean(false)),
        (
            "trustlogo_token",
            Value::structure(Vec::<(String, Value)>::new()),
        ),
        (
            "uuid",
            Value::from(format!("2b1e8f3c-0000-4000-8000-{:012x}", c.id)),
        ),
    ])
}

/// `CertificateOperationReturn`: `RUN` while the CA waits for DCV, `DONE` after.
pub(crate) fn operation(c: &V3Cert, op: &Operation) -> Value {
    let done = op.kind == "certificate_delete" || c.order.phase != Phase::Pending;
    let fqdns = strings(&c.order.names);
    Value::structure([
        ("date_created", date(op.created)),
        ("date_start", date(op.created)),
        ("date_updated", date(c.updated)),
        ("eta", Value::Int(0)),
        ("id", Value::Int(op.id)),
        ("infos", Value::Array(Vec::new())),
        ("last_error", Value::Nil),
        (
            "params",
            Value::structure([
                (
                    "altnames",
                    strings(&c.order.names[1.min(c.order.names.len())..]),
                ),
                ("cert_id", Value::Int(c.id)),
                (
                    "csr",
                    c.order
                        .csr
                        .as_ref()
                        .map_or(Value::Nil, |x| Value::from(x.pem.as_str())),
                ),
                ("dcv_method", Value::from(c.dcv_method.as_str())),
                ("fqdns", fqdns),
                (
                    "inner_step",
                    Value::from(if done {
                        "comodo_oper_done"
                    } else {
                        "comodo_oper_updated"
                    }),
                ),
                ("package_name", Value::from(c.order.product.as_str())),
            ]),
        ),
        ("session_id", Value::Int(1)),
        ("source", Value::from("SANDBOX-GANDI")),
        ("step", Value::from(if done { "DONE" } else { "RUN" })),
        ("type", Value::from(op.kind)),
    ])
}

/// `DcvParamsReturn` for `names`; `unique` only when asked with a `cert_id` (without it the
/// record lacks the unique value, docs/providers.md §1.5).
pub(crate) fn dcv_params(
    package: &str,
    names: &[String],
    method: &str,
    csr: &CsrFacts,
    unique: Option<&str>,
    approvers: &[(String, String)],
) -> Value {
    let values = DcvValues {
        md5: csr.md5.clone(),
        sha256: csr.sha256.clone(),
        unique: unique.unwrap_or_default().to_owned(),
    };
    let target = match unique {
        Some(_) => values.cname_value(),
        None => {
            let (a, b) = csr.sha256.split_at(32.min(csr.sha256.len()));
            format!("{a}.{b}.sectigo.com")
        }
    };
    let records: Vec<String> = names
        .iter()
        .map(|n| format!("{}. 10800 IN CNAME {target}.", values.cname_name(n)))
        .collect();
    let (dns_records, urls, message): (Vec<String>, Vec<String>, Vec<String>) =
        match kind_of(method) {
            DcvKind::Dns => {
                let mut message = vec!["You need to add the following DNS records:".to_owned()];
                message.extend(records.iter().cloned());
                (records, Vec::new(), message)
            }
            DcvKind::File => {
                let scheme = if method == "https" { "https" } else { "http" };
                let urls: Vec<String> = names
                    .iter()
                    .map(|n| format!("{scheme}://{}{}", base_name(n), values.file_path()))
                    .collect();
                let mut message =
                    vec!["You need to create the following files with this content:".to_owned()];
                message.extend(urls.iter().cloned());
                message.extend(values.file_content().lines().map(str::to_owned));
                (Vec::new(), urls, message)
            }
            DcvKind::Email => (
                Vec::new(),
                Vec::new(),
                approvers
                    .iter()
                    .map(|(name, email)| format!("An e-mail to validate {name} is sent to {email}"))
                    .collect(),
            ),
        };
    let dcv_fqdns: Vec<String> = names.iter().map(|n| base_name(n).to_owned()).collect();
    let mut members = vec![
        ("altnames", strings(&names[1.min(names.len())..])),
        ("dcv_fqdns", strings(&dcv_fqdns)),
        ("dcv_method", Value::from(method)),
        ("dns_records", strings(&dns_records)),
        ("fqdns", strings(names)),
        ("md5", Value::from(csr.md5.as_str())),
        ("message", strings(&message)),
        ("package", Value::from(package)),
        ("sha1", Value::from(csr.sha1.as_str())),
        ("sha256", Value::from(csr.sha256.as_str())),
        ("urls", strings(&urls)),
    ];
    if let Some(u) = unique {
        members.push(("unique_value", Value::from(u)));
    }
    Value::structure(members)
}
