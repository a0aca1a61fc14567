//! DCV parameters computed from the CSR, as `POST /dcv_params` and
//! `POST /issued-certs/{id}/dcv_params` answer them (Sectigo's, or DigiCert's for a
//! `_digicert` package).

use certorder::http::HttpResponse;
use serde_json::{Value, json};

use super::catalog::{self, Package};
use super::errors;
use super::rules::{Problems, check_method, csr_of, dcv_entries, kind_of, names, object, text};
use crate::dcv::{DcvValues, base_name};
use crate::order::{CsrFacts, DcvKind, NameDcv};
use crate::reply;

/// The `dcv_params` answer for `names`; `unique` is only known once ordered.
pub(crate) fn params(
    names: &[String],
    method: &str,
    csr: &CsrFacts,
    unique: Option<&str>,
    dcv: &[NameDcv],
    digicert: bool,
) -> Value {
    if digicert && kind_of(method) != DcvKind::Email {
        return digicert_params(names, method, csr, unique);
    }
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
    let (dns_records, messages): (Vec<String>, Vec<String>) = match kind_of(method) {
        DcvKind::Dns => (
            names
                .iter()
                .map(|n| format!("{}. 10800 IN CNAME {target}.", values.cname_name(n)))
                .collect(),
            vec!["Add the following DNS records".into()],
        ),
        DcvKind::File => {
            let scheme = if method == "https" { "https" } else { "http" };
            let mut lines: Vec<String> = names
                .iter()
                .map(|n| {
                    format!(
                        "Serve the file {scheme}://{}{} with this content:",
                        base_name(n),
                        values.file_path()
                    )
                })
                .collect();
            lines.extend(values.file_content().lines().map(str::to_owned));
            (Vec::new(), lines)
        }
        DcvKind::Email => (
            Vec::new(),
            dcv.iter()
                .filter_map(|d| {
                    d.email
                        .as_ref()
                        .map(|e| format!("An e-mail to validate {} is sent to {e}", d.name))
                })
                .collect(),
        ),
    };
    let mut answer = json!({
        "altnames": names.iter().skip(1).collect::<Vec<_>>(),
        "dcv_method": method,
        "fqdns": names,
        "md5": csr.md5,
        "sha256": csr.sha256,
        "dns_records": dns_records,
        "messages": messages,
        "raw_messages": Vec::<Vec<String>>::new(),
    });
    if let (Some(u), Some(a)) = (unique, answer.as_object_mut()) {
        a.insert("unique_value".into(), json!(u));
    }
    answer
}

/// DigiCert's DCV for a `_digicert` package (docs/providers.md §1.6, §5): a CNAME at
/// `_dnsauth.<name>` to a token under `dcv.digicert.com`, given as `raw_messages` pairs too,
/// or the token in `/.well-known/pki-validation/fileauth.txt`. The token exists once ordered.
fn digicert_params(names: &[String], method: &str, csr: &CsrFacts, unique: Option<&str>) -> Value {
    let token = unique.map(str::to_ascii_lowercase);
    let (dns_records, raw, messages): (Vec<String>, Vec<Vec<String>>, Vec<String>) = match (
        &token,
        kind_of(method),
    ) {
        (None, _) => (
            Vec::new(),
            Vec::new(),
            vec!["The DCV token is given once the certificate is ordered".into()],
        ),
        (Some(t), DcvKind::Dns) => {
            let pairs: Vec<Vec<String>> = names
                .iter()
                .map(|n| {
                    vec![
                        format!("_dnsauth.{}.", base_name(n)),
                        format!("_{t}.dcv.digicert.com."),
                    ]
                })
                .collect();
            let lines = pairs
                .iter()
                .map(|p| format!("{} 10800 IN CNAME {}", p[0], p[1]))
                .collect();
            (lines, pairs, vec!["Create a CNAME record".into()])
        }
        (Some(t), _) => {
            let scheme = if method == "https" { "https" } else { "http" };
            let mut lines: Vec<String> = names
                .iter()
                .map(|n| format!("Serve the file {scheme}://{}/.well-known/pki-validation/fileauth.txt with this content:", base_name(n)))
                .collect();
            lines.push(t.clone());
            (Vec::new(), Vec::new(), lines)
        }
    };
    let mut answer = json!({
        "altnames": names.iter().skip(1).collect::<Vec<_>>(),
        "dcv_method": method,
        "fqdns": names,
        "md5": csr.md5,
        "sha256": csr.sha256,
        "dns_records": dns_records,
        "messages": messages,
        "raw_messages": raw,
    });
    if let (Some(u), Some(a)) = (unique, answer.as_object_mut()) {
        a.insert("unique_value".into(), json!(u));
    }
    answer
}

/// `POST /dcv_params`: before ordering, no side effects, no unique value yet.
pub(crate) fn preview(body: &[u8]) -> HttpResponse {
    let o = match object(body) {
        Ok(o) => o,
        Err(answer) => return answer,
    };
    let mut out = Problems::new();
    let method = check_method(&o, "dcv_method", &mut out);
    let package = text(&o, "package").map_or(Some(&catalog::PACKAGES[2]), catalog::find);
    if package.is_none() {
        out.push(("body", "package", "Invalid package name".into()));
    }
    let csr = csr_of(&o, &mut out);
    if csr.is_none() && out.is_empty() {
        out.push(("body", "csr", "A CSR is required".into()));
    }
    let names = match (package, &csr) {
        (Some(p), Some(c)) => names(&o, p, Some(c), &mut out),
        _ => Vec::new(),
    };
    match (out.is_empty(), csr) {
        (true, Some(csr)) => reply::json(
            200,
            &params(
                &names,
                &method,
                &csr,
                None,
                &dcv_entries(&names, &method),
                package.is_some_and(Package::is_digicert),
            ),
        ),
        _ => errors(&out),
    }
}
