//! `POST /v2/ssl/certificates[?quote=true]`: the body checked against the document's rules,
//! then against the product (names, period, required fields, DCV per name), priced, and, for
//! an order, the billables acknowledged before anything is placed.

use certorder::domain::DomainName;
use serde_json::{Map, Value, json};

use super::catalog::{self, Product};
use super::rules::{self, Violations};
use super::{error, violations};
use crate::dcv::{is_approver, unique_value};
use crate::order::{CsrFacts, DcvKind, NameDcv, Order, read_csr};
use crate::reply;
use certorder::http::HttpResponse;

/// A request that passed every check.
pub(crate) struct Checked {
    product: &'static Product,
    months: u32,
    /// Every name, the free twin included.
    names: Vec<String>,
    /// The names charged for (the free twin is not).
    charged: Vec<String>,
    csr: CsrFacts,
    unique: String,
    dcv: Vec<NameDcv>,
    acknowledged: Option<Vec<Value>>,
}

fn text<'a>(body: &'a Map<String, Value>, field: &str) -> Option<&'a str> {
    body.get(field).and_then(Value::as_str)
}

/// Reads and checks a request body; the error answer is ready to send.
pub(crate) fn read(body: &[u8]) -> Result<Checked, HttpResponse> {
    let value: Value = serde_json::from_slice(body).map_err(|_| {
        error(
            400,
            "InvalidParameter",
            "Invalid parameter: body is not JSON",
        )
    })?;
    let Value::Object(body) = value else {
        return Err(error(400, "InvalidParameter", "Invalid parameter: body"));
    };
    if let Some(field) = body
        .keys()
        .find(|k| !rules::REQUEST_FIELDS.contains(&k.as_str()))
    {
        return Err(error(
            400,
            "UnrecognizedPropertyException",
            &format!("Unrecognized field \"{field}\""),
        ));
    }
    let found = rules::request(&body);
    if !found.is_empty() {
        return Err(violations(found.0));
    }
    if text(&body, "customer") != Some(crate::credentials::RTR_CUSTOMER) {
        return Err(error(
            403,
            "AuthorizationFailed",
            "Authorization failed for customer",
        ));
    }
    let handle = text(&body, "product").unwrap_or_default();
    let product = catalog::find(handle).ok_or_else(|| {
        error(
            404,
            "ObjectDoesNotExist",
            &format!("Product '{handle}' not found"),
        )
    })?;
    let months = body
        .get("period")
        .and_then(Value::as_u64)
        .and_then(|p| u32::try_from(p).ok())
        .unwrap_or_default();
    if !product.periods.contains(&months) {
        return Err(error(400, "InvalidParameter", "Invalid parameter: period"));
    }
    let csr = read_csr(text(&body, "csr").unwrap_or_default())
        .map_err(|e| violations(vec![json!({"field": "csr", "message": e.to_string()})]))?;
    let mut out = Violations::default();
    let (names, charged) = names(&body, product, &csr, &mut out);
    for field in product.required {
        if !matches!(*field, "dcv" | "domainName")
            && body.get(*field).is_none_or(Value::is_null)
            && !in_csr(&csr, field)
        {
            out.push(field, "may not be null", None);
        }
    }
    let dcv = dcv(&body, product, &names, &mut out);
    if !out.is_empty() {
        return Err(violations(out.0));
    }
    Ok(Checked {
        product,
        months,
        names,
        charged,
        csr,
        unique: text(&body, "uniqueValue").map_or_else(|| unique_value(10), str::to_owned),
        dcv,
        acknowledged: body.get("billables").and_then(Value::as_array).cloned(),
    })
}

/// Whether the CSR's subject holds `field`: "Required fields address, postalCode,
/// organization, city, country become optional when an equivalent value is set in the CSR"
/// (docs/providers.md §2.4).
fn in_csr(csr: &CsrFacts, field: &str) -> bool {
    let oid = match field {
        "organization" => "2.5.4.10",
        "city" => "2.5.4.7",
        "country" => "2.5.4.6",
        "address" => "2.5.4.9",
        "postalCode" => "2.5.4.17",
        _ => return false,
    };
    csr.subject_value(oid).is_some()
}

/// The certificate's names: the common name (`domainName`, else the CSR's), then the SANs
/// (`san`, else the CSR's) on a multi-domain product, or the free twin on a single one.
fn names(
    body: &Map<String, Value>,
    product: &Product,
    csr: &CsrFacts,
    out: &mut Violations,
) -> (Vec<String>, Vec<String>) {
    let cn = text(body, "domainName")
        .map(str::to_owned)
        .or_else(|| csr.common_name.clone().map(|c| c.to_ascii_lowercase()))
        .or_else(|| csr.dns_names.first().cloned());
    let Some(cn) = cn else {
        out.push("domainName", "may not be null", None);
        return (Vec::new(), Vec::new());
    };
    if DomainName::parse(&cn)
        .ok()
        .and_then(|n| n.registrable_domain())
        .is_none()
    {
        out.push(
            "domainName",
            "is not a valid public domain name",
            Some(&json!(cn)),
        );
    }
    if product.is_wildcard() != cn.starts_with("*.") {
        let message = if product.is_wildcard() {
            "must be a wildcard name for a wildcard certificate"
        } else {
            "may only be a wildcard name for a wildcard certificate"
        };
        out.push("domainName", message, Some(&json!(cn)));
    }
    let given = body.get("san").and_then(Value::as_array).map(|list| {
        list.iter()
            .filter_map(Value::as_str)
            .map(str::to_owned)
            .collect::<Vec<_>>()
    });
    let mut names = vec![cn.clone()];
    if product.is_multi() {
        let sans = given.unwrap_or_else(|| {
            csr.dns_names
                .iter()
                .map(|n| n.to_ascii_lowercase())
                .collect()
        });
        for san in sans {
            if san.starts_with("*.") && !product.has_feature("WILDCARD") {
                out.push(
                    "san",
                    "wildcard names are not allowed for this product",
                    Some(&json!(san)),
                );
            }
            if !names.contains(&san) {
                names.push(san);
            }
        }
        if names.len() > usize::try_from(product.max).unwrap_or(usize::MAX) {
            out.push("san", format!("size must be at most {}", product.max), None);
        }
        return (names.clone(), names);
    }
    let charged = names.clone();
    let twin = DomainName::parse(&cn).ok().and_then(|n| n.www_twin());
    let wants_twin = match given.as_deref() {
        Some([]) => false,
        Some(list) => {
            let only_twin = list.len() == 1 && twin.as_ref().is_some_and(|t| t.ascii() == list[0]);
            if !only_twin {
                out.push("san", "only applicable for multi domain certificates", None);
            }
            true
        }
        None => true,
    };
    if let Some(twin) = twin.filter(|_| wants_twin) {
        let apex_first = !cn.starts_with("www.");
        let feature = if apex_first {
            "WWW_INCLUDED"
        } else {
            "NON_WWW_INCLUDED"
        };
        if product.has_feature(feature) {
            names.push(twin.ascii().to_owned());
        }
    }
    (names, charged)
}

fn dcv_kind(word: &str) -> DcvKind {
    match word {
        "EMAIL" => DcvKind::Email,
        "FILE" => DcvKind::File,
        _ => DcvKind::Dns,
    }
}

/// Reads `dcv[]` for `names`: each entry names one of them, FILE never for a wildcard, an
/// EMAIL approver among the accepted mailboxes; a name without an entry (the free twin)
/// is validated with the entry of the name it is the twin of.
fn entries(items: &[Value], names: &[String], out: &mut Violations) -> Vec<NameDcv> {
    let mut found = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let name = item
            .get("commonName")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let word = item.get("type").and_then(Value::as_str).unwrap_or_default();
        let email = item.get("email").and_then(Value::as_str).map(str::to_owned);
        if !names.iter().any(|n| n == name) {
            out.push(
                &format!("dcv[{i}].commonName"),
                "is not a name of this certificate",
                Some(&json!(name)),
            );
            continue;
        }
        let kind = dcv_kind(word);
        if kind == DcvKind::File && name.starts_with("*.") {
            out.push(
                &format!("dcv[{i}].type"),
                "FILE validation is not available for wildcard names",
                Some(&json!(word)),
            );
        }
        if let Some(e) = email.as_deref().filter(|_| kind == DcvKind::Email)
            && !is_approver(name, e)
        {
            out.push(
                &format!("dcv[{i}].email"),
                format!("is not an approver address for {name}"),
                Some(&json!(e)),
            );
        }
        found.push(NameDcv {
            name: name.to_owned(),
            kind,
            email,
            done: false,
        });
    }
    found
}

fn dcv(
    body: &Map<String, Value>,
    product: &Product,
    names: &[String],
    out: &mut Violations,
) -> Vec<NameDcv> {
    let items = body
        .get("dcv")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    if items.is_empty() {
        if product.required.contains(&"dcv") {
            out.push("dcv", "may not be null", None);
        }
        return Vec::new();
    }
    let found = entries(&items, names, out);
    let mut all = Vec::new();
    for (i, name) in names.iter().enumerate() {
        let own = found.iter().find(|d| &d.name == name);
        // The free twin (second name of a single-domain order) follows the common name.
        let inherited = (i == 1 && !product.is_multi())
            .then(|| found.iter().find(|d| d.name == names[0]))
            .flatten();
        match own.or(inherited) {
            Some(d) => all.push(NameDcv {
                name: name.clone(),
                ..d.clone()
            }),
            None => out.push("dcv", format!("no DCV entry for {name}"), None),
        }
    }
    all
}

/// The entries of a resend body, each for one of the order's names.
pub(crate) fn resend_entries(body: &[u8], names: &[String]) -> Result<Vec<NameDcv>, HttpResponse> {
    let value: Value = serde_json::from_slice(body).map_err(|_| {
        error(
            400,
            "InvalidParameter",
            "Invalid parameter: body is not JSON",
        )
    })?;
    let items = value
        .get("dcv")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let mut out = Violations::default();
    if items.is_empty() {
        out.push("dcv", "may not be empty", None);
    }
    rules::dcv_list(&mut out, &items);
    if !out.is_empty() {
        return Err(violations(out.0));
    }
    let found = entries(&items, names, &mut out);
    if out.is_empty() {
        Ok(found)
    } else {
        Err(violations(out.0))
    }
}

impl Checked {
    fn billables(&self) -> Vec<Value> {
        self.product.billables(&self.charged, self.months)
    }

    /// The `?quote=true` answer.
    pub(crate) fn quote(&self) -> HttpResponse {
        let billables = self.billables();
        let total: i64 = billables
            .iter()
            .filter_map(|b| b.get("total")?.as_i64())
            .sum();
        reply::json(
            200,
            &json!({"quote": {"currency": "EUR", "total": total, "billables": billables}}),
        )
    }

    /// The order, when the request acknowledges exactly the billables it incurs; otherwise the
    /// `BillableAcknowledgmentNeededException` listing them.
    pub(crate) fn acknowledged(self) -> Result<Order, HttpResponse> {
        let due = self.billables();
        let key = |b: &Value| {
            ["product", "action", "quantity", "total"]
                .map(|f| b.get(f).cloned().unwrap_or(Value::Null))
        };
        let matches = self.acknowledged.as_ref().is_some_and(|given| {
            given.len() == due.len() && given.iter().zip(&due).all(|(g, d)| key(g) == key(d))
        });
        if !matches {
            return Err(reply::json(
                400,
                &json!({
                    "type": "BillableAcknowledgmentNeededException",
                    "message": "Billable acknowledgment needed",
                    "billables": due,
                }),
            ));
        }
        Ok(Order::new(
            self.product.handle,
            self.names,
            Some(self.csr),
            self.months,
            self.unique,
            self.dcv,
        ))
    }
}
