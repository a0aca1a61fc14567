//! The create body's rules, checked against the package: names (wildcard, twin, count,
//! `apex_only`), the DCV method, the CSR; and the DCV entry of each name.

use certorder::domain::DomainName;
use certorder::http::HttpResponse;
use serde_json::{Map, Value};

use super::catalog::Package;
use super::errors;
use crate::dcv::base_name;
use crate::order::{CsrFacts, DcvKind, NameDcv, read_csr};

pub(crate) const METHODS: [&str; 5] = ["email", "dns", "file", "http", "https"];
pub(crate) const CREATE_FIELDS: [&str; 8] = [
    "package",
    "altnames",
    "apex_only",
    "cn",
    "csr",
    "dcv_method",
    "duration",
    "resellee_id",
];

pub(crate) type Problems = Vec<(&'static str, &'static str, String)>;

pub(crate) fn object(body: &[u8]) -> Result<Map<String, Value>, HttpResponse> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(Map::new());
    }
    match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(o)) => Ok(o),
        _ => Err(errors(&[("body", "body", "Invalid JSON body".into())])),
    }
}

pub(crate) fn text<'a>(o: &'a Map<String, Value>, field: &str) -> Option<&'a str> {
    o.get(field).and_then(Value::as_str)
}

pub(crate) fn kind_of(method: &str) -> DcvKind {
    match method {
        "email" => DcvKind::Email,
        "dns" => DcvKind::Dns,
        _ => DcvKind::File,
    }
}

pub(crate) fn check_method(
    o: &Map<String, Value>,
    field: &'static str,
    out: &mut Problems,
) -> String {
    match o.get(field) {
        None | Some(Value::Null) => "email".into(),
        Some(Value::String(m)) if METHODS.contains(&m.as_str()) => m.clone(),
        Some(_) => {
            out.push((
                "body",
                field,
                "Must be one of: email, dns, file, http, https".into(),
            ));
            "email".into()
        }
    }
}

pub(crate) fn csr_of(o: &Map<String, Value>, out: &mut Problems) -> Option<CsrFacts> {
    let text = text(o, "csr")?;
    read_csr(text)
        .map_err(|e| out.push(("body", "csr", e.to_string())))
        .ok()
}

/// The certificate's names for `package`: the common name, then the alternative names, or
/// the free www/apex twin on a one-name package (only the apex with `apex_only`).
pub(crate) fn names(
    o: &Map<String, Value>,
    package: &Package,
    csr: Option<&CsrFacts>,
    out: &mut Problems,
) -> Vec<String> {
    let cn = text(o, "cn")
        .map(str::to_owned)
        .or_else(|| csr.and_then(|c| c.common_name.clone()))
        .or_else(|| csr.and_then(|c| c.dns_names.first().cloned()))
        .map(|c| c.to_ascii_lowercase());
    let Some(cn) = cn else {
        out.push(("body", "cn", "A CSR or a CN is required".into()));
        return Vec::new();
    };
    if cn.chars().count() > 64 {
        out.push(("body", "cn", "Must be at most 64 characters".into()));
    }
    let altnames: Vec<String> = match o.get("altnames") {
        Some(Value::Array(list)) => list
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_ascii_lowercase)
            .collect(),
        Some(Value::Null) | None => csr
            .map(|c| c.dns_names.iter().map(|n| n.to_ascii_lowercase()).collect())
            .unwrap_or_default(),
        Some(_) => {
            out.push(("body", "altnames", "Must be a list of names".into()));
            Vec::new()
        }
    };
    let mut names = vec![cn.clone()];
    for alt in altnames {
        if !names.contains(&alt) {
            names.push(alt);
        }
    }
    for name in &names {
        if DomainName::parse(name)
            .ok()
            .and_then(|n| n.registrable_domain())
            .is_none()
        {
            out.push(("body", "altnames", format!("Invalid domain name: {name}")));
        }
    }
    let wildcards = names.iter().filter(|n| n.starts_with("*.")).count();
    if package.wildcard {
        if !cn.starts_with("*.") {
            out.push((
                "body",
                "cn",
                "A wildcard package needs a wildcard common name".into(),
            ));
        }
        if names.len() > 1 {
            out.push((
                "body",
                "altnames",
                "You can't have a wildcard with multidomain certificate".into(),
            ));
        }
        return names;
    }
    if wildcards > 0 {
        out.push((
            "body",
            "cn",
            format!(
                "Wildcard names need a wildcard package, not {}",
                package.name
            ),
        ));
    }
    let apex_only = o.get("apex_only").and_then(Value::as_bool);
    if apex_only.is_some() && !package.is_digicert() {
        out.push((
            "body",
            "apex_only",
            "apex_only is only available for Digicert packages".into(),
        ));
    }
    let twin = DomainName::parse(&cn)
        .ok()
        .and_then(|n| n.www_twin())
        .map(|t| t.ascii().to_owned());
    let counted = names
        .iter()
        .filter(|n| package.max_domains > 1 || Some(*n) != twin.as_ref())
        .count();
    if counted > usize::try_from(package.max_domains).unwrap_or(usize::MAX) {
        out.push((
            "body",
            "altnames",
            format!("Too many altnames, max is {}", package.max_domains),
        ));
    }
    if package.max_domains == 1
        && apex_only != Some(true)
        && let Some(twin) = twin
        && !names.contains(&twin)
    {
        names.push(twin);
    }
    names
}

pub(crate) fn file_for_wildcard(method: &str, names: &[String], out: &mut Problems) {
    if kind_of(method) == DcvKind::File && names.iter().any(|n| n.starts_with("*.")) {
        out.push((
            "body",
            "dcv_method",
            "File validation is not available for wildcard names".into(),
        ));
    }
}

/// The DCV entries of `names` for `method`: e-mail goes to `admin@` the registrable domain.
pub(crate) fn dcv_entries(names: &[String], method: &str) -> Vec<NameDcv> {
    names
        .iter()
        .map(|n| NameDcv {
            name: n.clone(),
            kind: kind_of(method),
            email: (method == "email").then(|| {
                let domain = DomainName::parse(n)
                    .ok()
                    .and_then(|d| d.registrable_domain());
                format!("admin@{}", domain.as_deref().unwrap_or(base_name(n)))
            }),
            done: false,
        })
        .collect()
}
