//! Certificates: the create body checked against the package (names, wildcard, twin,
//! `apex_only`, DCV method), DCV parameters computed from the CSR, and the life cycle after
//! issuance (renew, update, revoke, DCV resend and change).

use certorder::domain::DomainName;
use certorder::http::HttpResponse;
use serde_json::{Map, Value, json};
use time::OffsetDateTime;

use super::catalog::{self, Package};
use super::{GandiV5Sim, V5Cert, errors, http_error};
use crate::dcv::{DcvValues, base_name, unique_value};
use crate::order::{CsrFacts, DcvKind, NameDcv, Order, Phase, read_csr, rfc3339};
use crate::reply;

const METHODS: [&str; 5] = ["email", "dns", "file", "http", "https"];
const CREATE_FIELDS: [&str; 8] = [
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

fn object(body: &[u8]) -> Result<Map<String, Value>, HttpResponse> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(Map::new());
    }
    match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(o)) => Ok(o),
        _ => Err(errors(&[("body", "body", "Invalid JSON body".into())])),
    }
}

fn text<'a>(o: &'a Map<String, Value>, field: &str) -> Option<&'a str> {
    o.get(field).and_then(Value::as_str)
}

pub(crate) fn kind_of(method: &str) -> DcvKind {
    match method {
        "email" => DcvKind::Email,
        "dns" => DcvKind::Dns,
        _ => DcvKind::File,
    }
}

fn check_method(o: &Map<String, Value>, field: &'static str, out: &mut Problems) -> String {
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

fn csr_of(o: &Map<String, Value>, out: &mut Problems) -> Option<CsrFacts> {
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

/// The `dcv_params` answer for `names`; `unique` is only known once ordered.
fn params(
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

    /// `GET /issued-certs`.
    pub(super) fn list(&self) -> HttpResponse {
        let certs = self.certs();
        let mut items = Vec::new();
        for c in certs.iter() {
            items.push(json!({"id": c.id, "cn": c.order.names.first(), "package": c.order.product, "status": status(c)}));
        }
        reply::json(200, &items).with_header("Total-Count", items.len().to_string())
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
        // All certificates are valid one year, whatever the duration (docs/providers.md §1.3).
        let order = Order::new(
            package.name,
            names.clone(),
            csr,
            12,
            unique_value(10),
            dcv_entries(&names, &method),
        );
        let now = OffsetDateTime::now_utc();
        let mut certs = self.certs();
        let key = certs.insert(|n| V5Cert {
            id: new_id(n),
            order,
            dcv_method: method,
            updated: now,
        });
        match certs.get(key) {
            Some(c) => created(&c.id, "Certificate created"),
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
        let names = old.order.names.clone();
        let order = Order::new(
            &old.order.product,
            names.clone(),
            csr,
            12,
            unique_value(10),
            dcv_entries(&names, &method),
        );
        let now = OffsetDateTime::now_utc();
        let mut certs = self.certs();
        let key = certs.insert(|n| V5Cert {
            id: new_id(n),
            order,
            dcv_method: method,
            updated: now,
        });
        match certs.get(key) {
            Some(c) => created(&c.id, "Certificate renewal created"),
            None => http_error(404),
        }
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
