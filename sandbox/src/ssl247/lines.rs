//! Order lines: the product, common name, years and SANs checked against the catalog, the
//! name checks, and `validate`'s priced lines.

use certorder::domain::DomainName;
use certorder::http::HttpResponse;
use serde_json::{Map, Value, json};

use super::catalog::{self, Product};
use super::{failure, success};

pub(crate) fn text<'a>(o: &'a Map<String, Value>, field: &str) -> Option<&'a str> {
    o.get(field)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// A number sent as a JSON number or as a string (the reference writes both).
pub(crate) fn number(o: &Map<String, Value>, field: &str) -> Option<u64> {
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

/// The sandbox's stand-in for a CA refusing a name (a blocked or high-risk name): every name
/// whose first label is `refused` (`refused.example.com`) is refused by the name checks
/// (`"valid": false` with the reason as `message`), by `validate` and by the orders alike, so
/// that a refusal can be walked through end to end.
const REFUSED_LABEL: &str = "refused";

fn refused_by_policy(name: &str) -> Option<String> {
    (name.split('.').next() == Some(REFUSED_LABEL)).then(|| {
        format!("{name} is refused by the certificate authority's policy for this product")
    })
}

/// Why `cn` cannot be the common name of `product`.
fn common_name_problem(product: &Product, cn: &str) -> Option<String> {
    if !valid_name(cn) {
        return Some(format!("{cn} is not a valid domain name"));
    }
    if let Some(refusal) = refused_by_policy(cn) {
        return Some(refusal);
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
    if let Some(refusal) = refused_by_policy(san) {
        return Some(refusal);
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
pub(crate) struct Line {
    pub(crate) product: &'static Product,
    pub(crate) cn: String,
    pub(crate) years: u32,
    pub(crate) sans: Vec<String>,
}

pub(crate) fn line(o: &Map<String, Value>, at: &str) -> Result<Line, HttpResponse> {
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

pub(crate) fn lines(body: &Map<String, Value>) -> Result<Vec<Line>, HttpResponse> {
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

pub(crate) fn priced(i: usize, l: &Line) -> Value {
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

pub(crate) fn total(v: &Value) -> i64 {
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
