//! Checks a request against the reference's own restrictions before it is sent, so a mistake names
//! its field here instead of coming back as a `violations[]` entry.
//!
//! The regular expressions are those of the RTR request-certificate reference
//! (request, approver and dcv tables) and the RTR deprecated create-certificate reference,
//! written out by hand so the crate needs no regex engine in wasm.

use super::wire::{
    Approver, Billable, CertificateRequest, Dcv, DcvType, DeprecatedCreateRequest, Language,
};
use crate::provider::ProviderError;

fn err(field: impl Into<String>, reason: impl Into<String>) -> ProviderError {
    ProviderError::invalid(field, reason)
}

/// `min..=max` characters.
pub(crate) fn length(
    field: &str,
    value: &str,
    min: usize,
    max: usize,
) -> Result<(), ProviderError> {
    let n = value.chars().count();
    if n < min || n > max {
        return Err(err(
            field,
            format!("must be {min} to {max} characters long, is {n}"),
        ));
    }
    Ok(())
}

/// A handle: `[a-zA-Z0-9\-_@\.]+`, 3-40 (customer; deprecated call's `contact`).
pub(crate) fn handle(field: &str, value: &str) -> Result<(), ProviderError> {
    length(field, value, 3, 40)?;
    if !value
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'@' | b'.'))
    {
        return Err(err(field, "may contain only letters, digits and - _ @ ."));
    }
    Ok(())
}

fn label(l: &str) -> bool {
    let b = l.as_bytes();
    (1..=63).contains(&b.len())
        && b.iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-')
        && b.first() != Some(&b'-')
        && b.last() != Some(&b'-')
}

fn last_label(l: &str) -> bool {
    // `[a-z][a-z0-9-]{0,61}[a-z0-9]`: at least two characters, a letter first.
    l.len() >= 2 && label(l) && l.as_bytes().first().is_some_and(u8::is_ascii_lowercase)
}

/// The host part of the reference's domain regex, without the wildcard prefix.
fn host(value: &str) -> bool {
    let labels: Vec<&str> = value.split('.').collect();
    match labels.split_last() {
        Some((last, rest)) if !rest.is_empty() => last_label(last) && rest.iter().all(|l| label(l)),
        _ => false,
    }
}

/// A name: `(?:\*\.)?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z][a-z0-9-]{0,61}[a-z0-9])`,
/// 4-255 (`domainName`, `san[]`, `dcv[].commonName`).
pub(crate) fn domain(field: &str, value: &str) -> Result<(), ProviderError> {
    length(field, value, 4, 255)?;
    if !host(value.strip_prefix("*.").unwrap_or(value)) {
        return Err(err(
            field,
            "must be a lowercase ASCII name (IDN as xn--), optionally starting with *.",
        ));
    }
    Ok(())
}

/// An e-mail address: `(?=.{1,64}@)[a-z0-9_\-+]+(?:\.[a-z0-9_\-+]+)*@<host>`, 6-255.
pub(crate) fn email(field: &str, value: &str) -> Result<(), ProviderError> {
    length(field, value, 6, 255)?;
    let ok = value.split_once('@').is_some_and(|(local, domain)| {
        (1..=64).contains(&local.len())
            && local.split('.').all(|atom| {
                !atom.is_empty()
                    && atom.bytes().all(|b| {
                        b.is_ascii_lowercase()
                            || b.is_ascii_digit()
                            || matches!(b, b'_' | b'-' | b'+')
                    })
            })
            && host(domain)
    });
    if !ok {
        return Err(err(field, "must be a lowercase e-mail address"));
    }
    Ok(())
}

/// A phone number: `\+[0-9]{1,3}\.[0-9]{1,14}`, 4-17.
pub(crate) fn voice(field: &str, value: &str) -> Result<(), ProviderError> {
    length(field, value, 4, 17)?;
    let ok = value
        .strip_prefix('+')
        .and_then(|rest| rest.split_once('.'))
        .is_some_and(|(cc, number)| {
            (1..=3).contains(&cc.len())
                && (1..=14).contains(&number.len())
                && cc.bytes().chain(number.bytes()).all(|b| b.is_ascii_digit())
        });
    if !ok {
        return Err(err(field, "must have the form +CC.NUMBER (+31.384530759)"));
    }
    Ok(())
}

/// `uniqueValue`: `[a-zA-Z0-9]+`, 1-20.
pub(crate) fn unique_value(field: &str, value: &str) -> Result<(), ProviderError> {
    length(field, value, 1, 20)?;
    if !value.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(err(field, "may contain only letters and digits"));
    }
    Ok(())
}

fn language(field: &str, value: Option<&Language>) -> Result<(), ProviderError> {
    match value {
        Some(Language::Other(word)) => Err(err(
            field,
            format!("{word} is not one of EN NL FR CN DE IT JP KR PT RU ES DK SE TR"),
        )),
        _ => Ok(()),
    }
}

fn optional(
    field: &str,
    value: Option<&String>,
    min: usize,
    max: usize,
) -> Result<(), ProviderError> {
    value.map_or(Ok(()), |v| length(field, v, min, max))
}

fn approver(a: &Approver) -> Result<(), ProviderError> {
    length("approver.firstName", &a.first_name, 1, 40)?;
    length("approver.lastName", &a.last_name, 1, 40)?;
    optional("approver.jobTitle", a.job_title.as_ref(), 1, 40)?;
    email("approver.email", &a.email)?;
    voice("approver.voice", &a.voice)
}

/// One `dcv[]` entry; `field` is its wire path (`dcv[0]`).
pub(crate) fn dcv(field: &str, d: &Dcv) -> Result<(), ProviderError> {
    domain(&format!("{field}.commonName"), &d.common_name)?;
    match (&d.dcv_type, &d.email) {
        (DcvType::Other(word), _) => Err(err(
            format!("{field}.type"),
            format!("{word} is not one of EMAIL, FILE, DNS"),
        )),
        (DcvType::Email, None) => Err(err(
            format!("{field}.email"),
            "is required when type is EMAIL",
        )),
        (_, Some(address)) => email(&format!("{field}.email"), address),
        _ => Ok(()),
    }
}

fn billables(list: Option<&Vec<Billable>>) -> Result<(), ProviderError> {
    for (i, b) in list.into_iter().flatten().enumerate() {
        if b.product.is_empty() {
            return Err(err(format!("billables[{i}].product"), "is empty"));
        }
        if b.action.is_empty() {
            return Err(err(format!("billables[{i}].action"), "is empty"));
        }
    }
    Ok(())
}

/// Checks a request certificate body. An empty `customer` is allowed: the proxy fills it in
/// from the API key (docs/providers.md §7, Realtime Register).
pub(crate) fn certificate_request(r: &CertificateRequest) -> Result<(), ProviderError> {
    if !r.customer.is_empty() {
        handle("customer", &r.customer)?;
    }
    if r.product.is_empty() {
        return Err(err("product", "is required"));
    }
    if r.period == 0 {
        return Err(err("period", "must be a positive number of months"));
    }
    if r.csr.trim().is_empty() {
        return Err(err("csr", "is required"));
    }
    if let Some(name) = &r.domain_name {
        domain("domainName", name)?;
    }
    for (i, name) in r.san.iter().flatten().enumerate() {
        domain(&format!("san[{i}]"), name)?;
    }
    optional("organization", r.organization.as_ref(), 1, 64)?;
    optional("department", r.department.as_ref(), 1, 60)?;
    optional("country", r.country.as_ref(), 2, 2)?;
    optional("state", r.state.as_ref(), 1, 60)?;
    optional("address", r.address.as_ref(), 1, 60)?;
    optional("postalCode", r.postal_code.as_ref(), 1, 10)?;
    optional("city", r.city.as_ref(), 1, 60)?;
    optional("coc", r.coc.as_ref(), 1, 32)?;
    if let Some(address) = &r.sa_email {
        email("saEmail", address)?;
    }
    language("saLanguage", r.sa_language.as_ref())?;
    language("language", r.language.as_ref())?;
    if let Some(value) = &r.unique_value {
        unique_value("uniqueValue", value)?;
    }
    if let Some(a) = &r.approver {
        approver(a)?;
    }
    for (i, d) in r.dcv.iter().flatten().enumerate() {
        dcv(&format!("dcv[{i}]"), d)?;
    }
    billables(r.billables.as_ref())
}

/// Checks the deprecated create call: its customer path segment and body; `period` is in
/// years, 1-5 (the RTR deprecated create-certificate reference).
pub(crate) fn deprecated_create(
    customer: &str,
    r: &DeprecatedCreateRequest,
) -> Result<(), ProviderError> {
    handle("customer", customer)?;
    if r.product.is_empty() {
        return Err(err("product", "is required"));
    }
    if let Some(contact) = &r.contact {
        handle("contact", contact)?;
    }
    if !(1..=5).contains(&r.period) {
        return Err(err("period", "must be 1 to 5 years"));
    }
    if r.csr.trim().is_empty() {
        return Err(err("csr", "is required"));
    }
    if r.validation_method.is_empty() {
        return Err(err("validationMethod", "is required"));
    }
    if r.provider.is_empty() {
        return Err(err("provider", "is required"));
    }
    billables(r.billables.as_ref())
}
