//! The request document's field rules (the Realtime Register "Request certificate" page:
//! regular expressions, lengths, enumerations, required fields), checked field by field into
//! `violations[]` the way the API reports a `ConstraintViolationException`.

use serde_json::{Map, Value, json};

/// `(?:\*\.)?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z][a-z0-9-]{0,61}[a-z0-9])`
pub(crate) const DOMAIN_REGEX: &str =
    r"(?:\*\.)?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z][a-z0-9-]{0,61}[a-z0-9])";
/// The e-mail expression of `saEmail`, `approver.email` and `dcv[].email`.
pub(crate) const EMAIL_REGEX: &str = r"(?=.{1,64}@)[a-z0-9_\-+]+(?:\.[a-z0-9_\-+]+)*@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z][a-z0-9-]{0,61}[a-z0-9])";
const CUSTOMER_REGEX: &str = r"[a-zA-Z0-9\-_@\.]+";
const VOICE_REGEX: &str = r"\+[0-9]{1,3}\.[0-9]{1,14}";
const UNIQUE_REGEX: &str = "[a-zA-Z0-9]+";
const LANGUAGES: [&str; 14] = [
    "EN", "NL", "FR", "CN", "DE", "IT", "JP", "KR", "PT", "RU", "ES", "DK", "SE", "TR",
];
const DCV_TYPES: [&str; 3] = ["EMAIL", "FILE", "DNS"];
/// Every top-level field of the request body; anything else is an unrecognised property.
pub(crate) const REQUEST_FIELDS: [&str; 23] = [
    "customer",
    "product",
    "period",
    "csr",
    "domainName",
    "san",
    "organization",
    "department",
    "country",
    "state",
    "address",
    "postalCode",
    "city",
    "coc",
    "saEmail",
    "saLanguage",
    "language",
    "uniqueValue",
    "authKey",
    "approver",
    "dcv",
    "billables",
    "quote",
];

fn label(s: &str) -> bool {
    let b = s.as_bytes();
    !b.is_empty()
        && b.len() <= 63
        && b.iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-')
        && b[0] != b'-'
        && b[b.len() - 1] != b'-'
}

/// Whether `s` matches the document's domain expression (whole string).
pub(crate) fn is_domain(s: &str) -> bool {
    let s = s.strip_prefix("*.").unwrap_or(s);
    let labels: Vec<&str> = s.split('.').collect();
    let Some((tld, rest)) = labels.split_last() else {
        return false;
    };
    !rest.is_empty()
        && rest.iter().all(|l| label(l))
        && tld.len() >= 2
        && label(tld)
        && tld.as_bytes()[0].is_ascii_lowercase()
}

/// Whether `s` matches the document's e-mail expression (whole string).
pub(crate) fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    let local_ok = |part: &str| {
        !part.is_empty()
            && part
                .bytes()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || b"_-+".contains(&c))
    };
    local.len() <= 64
        && local.split('.').all(local_ok)
        && !domain.starts_with("*.")
        && is_domain(domain)
}

fn is_customer(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|c| c.is_ascii_alphanumeric() || b"-_@.".contains(&c))
}

fn is_voice(s: &str) -> bool {
    let Some((cc, number)) = s.strip_prefix('+').and_then(|r| r.split_once('.')) else {
        return false;
    };
    (1..=3).contains(&cc.len())
        && (1..=14).contains(&number.len())
        && cc.bytes().chain(number.bytes()).all(|c| c.is_ascii_digit())
}

/// The violations found so far.
#[derive(Debug, Default)]
pub(crate) struct Violations(pub(crate) Vec<Value>);

impl Violations {
    pub(crate) fn push(&mut self, field: &str, message: impl Into<String>, value: Option<&Value>) {
        let mut v = json!({"field": field, "message": message.into()});
        if let (Some(value), Some(object)) = (value, v.as_object_mut()) {
            object.insert("value".into(), value.clone());
        }
        self.0.push(v);
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// An expression, as the document writes it, and the check that implements it.
type Rule<'a> = Option<(&'a str, fn(&str) -> bool)>;

/// One string field: its presence, length and (optionally) expression.
fn string(
    out: &mut Violations,
    object: &Map<String, Value>,
    path: &str,
    field: &str,
    required: bool,
    (min, max): (usize, usize),
    rule: Rule<'_>,
) {
    let name = if path.is_empty() {
        field.to_owned()
    } else {
        format!("{path}.{field}")
    };
    match object.get(field) {
        None | Some(Value::Null) => {
            if required {
                out.push(&name, "may not be null", None);
            }
        }
        Some(Value::String(s)) => {
            let len = s.chars().count();
            if len < min || len > max {
                out.push(
                    &name,
                    format!("size must be between {min} and {max}"),
                    object.get(field),
                );
            } else if let Some((regex, matches)) = rule
                && !matches(s)
            {
                out.push(&name, format!("must match \"{regex}\""), object.get(field));
            }
        }
        Some(other) => out.push(&name, "must be a string", Some(other)),
    }
}

fn one_of(
    out: &mut Violations,
    object: &Map<String, Value>,
    name: &str,
    field: &str,
    words: &[&str],
) {
    if let Some(v) = object.get(field).filter(|v| !v.is_null())
        && !v.as_str().is_some_and(|s| words.contains(&s))
    {
        out.push(
            name,
            format!("must be one of {}", words.join(", ")),
            Some(v),
        );
    }
}

/// The document's rules for the request body (not the product's: those come after).
pub(crate) fn request(body: &Map<String, Value>) -> Violations {
    let mut out = Violations::default();
    string(
        &mut out,
        body,
        "",
        "customer",
        true,
        (3, 40),
        Some((CUSTOMER_REGEX, is_customer)),
    );
    string(&mut out, body, "", "product", true, (1, usize::MAX), None);
    match body.get("period") {
        None | Some(Value::Null) => out.push("period", "may not be null", None),
        Some(v) if v.as_u64().is_none_or(|p| p == 0 || p > 120) => {
            out.push("period", "must be a positive number of months", Some(v));
        }
        Some(_) => {}
    }
    string(&mut out, body, "", "csr", true, (1, usize::MAX), None);
    string(
        &mut out,
        body,
        "",
        "domainName",
        false,
        (4, 255),
        Some((DOMAIN_REGEX, is_domain)),
    );
    match body.get("san") {
        None | Some(Value::Null) => {}
        Some(Value::Array(items)) => {
            for (i, item) in items.iter().enumerate() {
                let ok = item
                    .as_str()
                    .is_some_and(|s| (4..=255).contains(&s.len()) && is_domain(s));
                if !ok {
                    out.push(
                        &format!("san[{i}]"),
                        format!("must match \"{DOMAIN_REGEX}\""),
                        Some(item),
                    );
                }
            }
        }
        Some(other) => out.push("san", "must be a list", Some(other)),
    }
    string(&mut out, body, "", "organization", false, (1, 64), None);
    string(&mut out, body, "", "department", false, (1, 60), None);
    string(&mut out, body, "", "country", false, (2, 2), None);
    for field in ["state", "address", "city"] {
        string(&mut out, body, "", field, false, (1, 60), None);
    }
    string(&mut out, body, "", "postalCode", false, (1, 10), None);
    string(&mut out, body, "", "coc", false, (1, 32), None);
    string(
        &mut out,
        body,
        "",
        "saEmail",
        false,
        (6, 255),
        Some((EMAIL_REGEX, is_email)),
    );
    one_of(&mut out, body, "saLanguage", "saLanguage", &LANGUAGES);
    one_of(&mut out, body, "language", "language", &LANGUAGES);
    string(
        &mut out,
        body,
        "",
        "uniqueValue",
        false,
        (1, 20),
        Some((UNIQUE_REGEX, |s| {
            s.bytes().all(|c| c.is_ascii_alphanumeric())
        })),
    );
    if let Some(v) = body
        .get("authKey")
        .filter(|v| !v.is_null() && !v.is_boolean())
    {
        out.push("authKey", "must be a boolean", Some(v));
    }
    match body.get("approver") {
        None | Some(Value::Null) => {}
        Some(Value::Object(a)) => approver(&mut out, a),
        Some(other) => out.push("approver", "must be an object", Some(other)),
    }
    match body.get("dcv") {
        None | Some(Value::Null) => {}
        Some(Value::Array(items)) => dcv_list(&mut out, items),
        Some(other) => out.push("dcv", "must be a list", Some(other)),
    }
    out
}

fn approver(out: &mut Violations, a: &Map<String, Value>) {
    string(out, a, "approver", "firstName", true, (1, 40), None);
    string(out, a, "approver", "lastName", true, (1, 40), None);
    string(out, a, "approver", "jobTitle", false, (1, 40), None);
    string(
        out,
        a,
        "approver",
        "email",
        true,
        (6, 255),
        Some((EMAIL_REGEX, is_email)),
    );
    string(
        out,
        a,
        "approver",
        "voice",
        true,
        (4, 17),
        Some((VOICE_REGEX, is_voice)),
    );
}

/// The rules of a `dcv[]` list (request and resend).
pub(crate) fn dcv_list(out: &mut Violations, items: &[Value]) {
    for (i, item) in items.iter().enumerate() {
        let path = format!("dcv[{i}]");
        let Some(d) = item.as_object() else {
            out.push(&path, "must be an object", Some(item));
            continue;
        };
        string(
            out,
            d,
            &path,
            "commonName",
            true,
            (4, 255),
            Some((DOMAIN_REGEX, is_domain)),
        );
        match d.get("type") {
            None | Some(Value::Null) => out.push(&format!("{path}.type"), "may not be null", None),
            Some(_) => one_of(out, d, &format!("{path}.type"), "type", &DCV_TYPES),
        }
        let email_required = d.get("type").and_then(Value::as_str) == Some("EMAIL");
        string(
            out,
            d,
            &path,
            "email",
            email_required,
            (6, 255),
            Some((EMAIL_REGEX, is_email)),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Guards: the document's expressions, whole-string, on edge cases.
    #[test]
    fn expressions() {
        assert!(is_domain("example.com") && is_domain("*.a-b.example.co.uk"));
        assert!(!is_domain("Example.com") && !is_domain("example") && !is_domain("a.-b.com"));
        assert!(!is_domain("a.b.1c") && !is_domain("*.*.example.com") && !is_domain("a..com"));
        assert!(is_email("admin@example.com") && is_email("a.b+c@x.example.org"));
        assert!(
            !is_email("Admin@example.com") && !is_email("a..b@example.com") && !is_email("a@b")
        );
        assert!(is_voice("+31.384530759") && !is_voice("0384530759") && !is_voice("+1234.5"));
        assert!(is_customer("john-doe@x.nl") && !is_customer("john doe"));
    }
}
