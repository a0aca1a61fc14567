//! The subject distinguished name: attributes CAs refuse, country codes and length limits.

use super::{Finding, Rule, Severity, country};
use crate::csr::{CsrInfo, SubjectAttribute};

/// An organizationalUnitName. Ballot SC47 removed OU from publicly trusted TLS certificates
/// from 2022-09-01 (BR §7.1.4.2; §7.1.2.7.2–§7.1.2.7.4 in BR 2.0). CAs drop it or refuse the
/// order; a warning rather than an error because the CA, not the CSR, decides the subject.
pub(super) const ORGANIZATIONAL_UNIT: Rule = Rule {
    code: "organizational-unit",
    severity: Severity::Warning,
    reference: "CA/B BR §7.1.4.2 (ballot SC47)",
    summary: "The subject has an OU, which CAs no longer put in certificates.",
};

/// A countryName (or EV jurisdictionCountryName) that is not an officially assigned
/// ISO 3166-1 alpha-2 code in upper case. BR §7.1.4.2 and §7.1.4.3.1 ("the two-letter ISO
/// 3166-1 country code"); EV Guidelines §9.2.4 for the jurisdiction.
pub(super) const COUNTRY_INVALID: Rule = Rule {
    code: "country-invalid",
    severity: Severity::Error,
    reference: "CA/B BR §7.1.4.2; ISO 3166-1",
    summary: "The country is not a two-letter ISO 3166-1 code.",
};

/// A subject value longer than its upper bound. RFC 5280 Appendix A.1 gives `ub-common-name`
/// 64, `ub-organization-name` 64, `ub-organizational-unit-name` 64, `ub-locality-name` 128,
/// `ub-state-name` 128, `ub-serial-number` 64, `ub-title` 64, `ub-pseudonym` 128 and
/// `ub-emailaddress-length` 255; BR §7.1.4.2 adds the X.520 bounds for streetAddress (128),
/// postalCode (40) and businessCategory (128), 64 for surname and givenName, and the EV
/// jurisdiction fields (128).
pub(super) const SUBJECT_FIELD_TOO_LONG: Rule = Rule {
    code: "subject-field-too-long",
    severity: Severity::Error,
    reference: "RFC 5280 App. A; CA/B BR §7.1.4.2",
    summary: "A subject value is longer than its upper bound (e.g. CN and O 64 characters).",
};

/// Upper bounds in characters: (OID, bound, name of the bound and its source).
#[rustfmt::skip]
const BOUNDS: &[(&str, usize, &str)] = &[
    ("2.5.4.3", 64, "ub-common-name, RFC 5280 App. A"),
    ("2.5.4.10", 64, "ub-organization-name, RFC 5280 App. A"),
    ("2.5.4.11", 64, "ub-organizational-unit-name, RFC 5280 App. A"),
    ("2.5.4.7", 128, "ub-locality-name, RFC 5280 App. A"),
    ("2.5.4.8", 128, "ub-state-name, RFC 5280 App. A"),
    ("2.5.4.5", 64, "ub-serial-number, RFC 5280 App. A"),
    ("2.5.4.12", 64, "ub-title, RFC 5280 App. A"),
    ("2.5.4.65", 128, "ub-pseudonym, RFC 5280 App. A"),
    ("1.2.840.113549.1.9.1", 255, "ub-emailaddress-length, RFC 5280 App. A"),
    ("2.5.4.9", 128, "streetAddress, CA/B BR §7.1.4.2"),
    ("2.5.4.17", 40, "postalCode, CA/B BR §7.1.4.2"),
    ("2.5.4.15", 128, "businessCategory, CA/B BR §7.1.4.2"),
    ("2.5.4.4", 64, "surname, CA/B BR §7.1.4.2"),
    ("2.5.4.42", 64, "givenName, CA/B BR §7.1.4.2"),
    ("1.3.6.1.4.1.311.60.2.1.1", 128, "jurisdictionLocalityName, CA/B BR §7.1.4.2"),
    ("1.3.6.1.4.1.311.60.2.1.2", 128, "jurisdictionStateOrProvinceName, CA/B BR §7.1.4.2"),
];

/// OIDs holding a country code: countryName and the EV jurisdictionCountryName.
const COUNTRY_OIDS: &[&str] = &["2.5.4.6", "1.3.6.1.4.1.311.60.2.1.3"];

/// Checks the subject rules.
pub(super) fn check(info: &CsrInfo, out: &mut Vec<Finding>) {
    for attribute in info.subject.iter().flatten() {
        if attribute.oid == "2.5.4.11" {
            out.push(ORGANIZATIONAL_UNIT.finding(format!(
                "the subject has OU=\"{}\"; since 2022-09-01 CAs may not put an \
                 organizational unit in TLS certificates and will drop it or refuse the \
                 order: make the CSR again without OU",
                attribute.value
            )));
        }
        if COUNTRY_OIDS.contains(&attribute.oid.as_str()) {
            country_code(attribute, out);
        }
        too_long(attribute, out);
    }
}

fn country_code(attribute: &SubjectAttribute, out: &mut Vec<Finding>) {
    let value = attribute.value.as_str();
    if country::is_assigned(value) {
        return;
    }
    let label = attribute.label();
    let advice = match country::suggestion(value) {
        Some(code) => format!("use {label}={code}"),
        None => "use the two-letter ISO 3166-1 code in capitals, e.g. US, GB or DE".to_owned(),
    };
    let what = if value.chars().count() != 2 {
        "is not a two-letter ISO 3166-1 country code"
    } else if country::is_assigned(&value.to_ascii_uppercase()) {
        "must be written in capitals"
    } else {
        "is not an assigned ISO 3166-1 country code"
    };
    out.push(COUNTRY_INVALID.finding(format!("{label}=\"{value}\" {what}: {advice}")));
}

fn too_long(attribute: &SubjectAttribute, out: &mut Vec<Finding>) {
    let Some(&(_, bound, source)) = BOUNDS.iter().find(|(oid, ..)| *oid == attribute.oid) else {
        return;
    };
    let length = attribute.value.chars().count();
    if length > bound {
        out.push(SUBJECT_FIELD_TOO_LONG.finding(format!(
            "{} is {length} characters long; the maximum is {bound} ({source}): shorten it \
             and make the CSR again",
            attribute.label()
        )));
    }
}
