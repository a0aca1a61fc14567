//! Step 5: the organisation and the contact person, asked only when the product needs them
//! (OV/EV, or the product's and provider's required fields), prefilled from the CSR subject.

use super::{FieldError, Wizard};
use crate::csr::{self, lint::country};
use crate::order::{Contact, Organization};
use crate::product::{Capabilities, OrderField, Product};
use crate::text::wizard as text;

/// What step 5 asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Needed {
    /// The contact person.
    pub contact: bool,
    /// The organisation.
    pub organization: bool,
    /// The registration number among the organisation's details.
    pub registration: bool,
}

impl Needed {
    /// Whether the step is shown at all.
    pub fn any(self) -> bool {
        self.contact || self.organization
    }
}

/// What `product` at a provider with `capabilities` needs on step 5.
pub fn needed(product: &Product, capabilities: &Capabilities) -> Needed {
    let fields: Vec<&OrderField> = product
        .required_fields
        .iter()
        .chain(&capabilities.order_fields)
        .collect();
    let has = |f: &OrderField| fields.contains(&f);
    let organisation_fields = [
        OrderField::Organization,
        OrderField::Department,
        OrderField::Address,
        OrderField::PostalCode,
        OrderField::City,
        OrderField::State,
        OrderField::Country,
        OrderField::Coc,
    ];
    let contact_fields = [
        OrderField::Approver,
        OrderField::AdminContact,
        OrderField::TechContact,
        OrderField::BillingContact,
    ];
    let ov = product.validation.needs_organization();
    Needed {
        contact: ov || contact_fields.iter().any(has),
        organization: ov || organisation_fields.iter().any(has),
        registration: has(&OrderField::Coc),
    }
}

/// The US states and territories a `State` picker offers when the country is US.
pub const US_STATES: [&str; 56] = [
    "AK", "AL", "AR", "AS", "AZ", "CA", "CO", "CT", "DC", "DE", "FL", "GA", "GU", "HI", "IA", "ID",
    "IL", "IN", "KS", "KY", "LA", "MA", "MD", "ME", "MI", "MN", "MO", "MP", "MS", "MT", "NC", "ND",
    "NE", "NH", "NJ", "NM", "NV", "NY", "OH", "OK", "OR", "PA", "PR", "RI", "SC", "SD", "TN", "TX",
    "UM", "UT", "VA", "VI", "VT", "WA", "WI", "WV",
];

/// The countries the picker offers (ISO 3166-1 alpha-2).
pub fn countries() -> &'static [&'static str] {
    country::ALPHA2
}

/// One text field of step 5: its control id, label, `autocomplete` token and whether the
/// product requires it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    /// The control's id.
    pub id: &'static str,
    /// Its label.
    pub label: &'static str,
    /// Its `autocomplete` token.
    pub autocomplete: &'static str,
    /// Whether it must be filled in.
    pub required: bool,
}

/// The organisation's fields, as step 5 shows them.
pub fn organization_fields(needed: Needed) -> Vec<Field> {
    let f = |id, label, autocomplete, required| Field {
        id,
        label,
        autocomplete,
        required,
    };
    let mut out = vec![
        f("org-name", text::ORG_NAME, "organization", true),
        f("org-address", text::ORG_ADDRESS, "street-address", true),
        f(
            "org-postal-code",
            text::ORG_POSTAL_CODE,
            "postal-code",
            true,
        ),
        f("org-city", text::ORG_CITY, "address-level2", true),
        f("org-state", text::ORG_STATE, "address-level1", false),
    ];
    if needed.registration {
        out.push(f("org-registration", text::ORG_REGISTRATION, "off", true));
    }
    out
}

/// The contact person's fields.
pub fn contact_fields() -> Vec<Field> {
    let f = |id, label, autocomplete, required| Field {
        id,
        label,
        autocomplete,
        required,
    };
    vec![
        f("contact-first-name", text::FIRST_NAME, "given-name", true),
        f("contact-last-name", text::LAST_NAME, "family-name", true),
        f(
            "contact-job-title",
            text::JOB_TITLE,
            "organization-title",
            false,
        ),
        f("contact-email", text::EMAIL, "email", true),
        f("contact-phone", text::PHONE, "tel", true),
    ]
}

impl Wizard {
    /// The value of field `id` of step 5.
    pub fn contact_value(&self, id: &str) -> String {
        let o = &self.draft.organization;
        let c = &self.draft.contact;
        let opt = |v: &Option<String>| v.clone().unwrap_or_default();
        match id {
            "org-name" => o.name.clone(),
            "org-address" => opt(&o.address),
            "org-postal-code" => opt(&o.postal_code),
            "org-city" => opt(&o.city),
            "org-state" => opt(&o.state),
            "org-country" => opt(&o.country),
            "org-registration" => opt(&o.registration_number),
            "contact-first-name" => c.first_name.clone(),
            "contact-last-name" => c.last_name.clone(),
            "contact-job-title" => opt(&c.job_title),
            "contact-email" => c.email.clone(),
            "contact-phone" => opt(&c.phone),
            _ => String::new(),
        }
    }

    /// Sets field `id` of step 5.
    pub fn set_contact_value(&mut self, id: &str, value: String) {
        let o = &mut self.draft.organization;
        let c = &mut self.draft.contact;
        let some = |v: String| (!v.trim().is_empty()).then_some(v);
        match id {
            "org-name" => o.name = value,
            "org-address" => o.address = some(value),
            "org-postal-code" => o.postal_code = some(value),
            "org-city" => o.city = some(value),
            "org-state" => o.state = some(value),
            "org-country" => o.country = some(value),
            "org-registration" => o.registration_number = some(value),
            "contact-first-name" => c.first_name = value,
            "contact-last-name" => c.last_name = value,
            "contact-job-title" => c.job_title = some(value),
            "contact-email" => c.email = value,
            "contact-phone" => c.phone = some(value),
            _ => return,
        }
        self.reset_provider_answers();
    }

    /// Fills empty organisation and contact fields from the CSR subject (O, L, ST, C and
    /// emailAddress), so nothing is typed twice. Fields already filled are kept.
    pub fn prefill_contacts(&mut self) {
        let Ok(inspection) = csr::inspect(self.draft.csr.trim().as_bytes()) else {
            return;
        };
        let subject = |short: &str| {
            inspection
                .info
                .subject
                .iter()
                .flatten()
                .find(|a| a.name.as_deref() == Some(short))
                .map(|a| a.value.trim().to_owned())
                .filter(|v| !v.is_empty())
        };
        let o: &mut Organization = &mut self.draft.organization;
        if o.name.trim().is_empty()
            && let Some(name) = subject("O")
        {
            o.name = name;
        }
        o.city = o.city.take().or_else(|| subject("L"));
        o.state = o.state.take().or_else(|| subject("ST"));
        o.country = o
            .country
            .take()
            .or_else(|| subject("C").map(|c| c.to_ascii_uppercase()));
        let c: &mut Contact = &mut self.draft.contact;
        if c.email.trim().is_empty()
            && let Some(email) = subject("emailAddress")
        {
            c.email = email;
        }
    }
}

/// Whether `email` has the shape of an address: one `@`, a local part, a dotted domain.
fn email_ok(email: &str) -> bool {
    let Some((local, domain)) = email.trim().split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !email.contains(char::is_whitespace)
}

/// Whether `phone` is an international number: `+`, then 7 to 15 digits, with spaces, dots or
/// dashes between them (ITU-T E.164 allows 15 digits).
fn phone_ok(phone: &str) -> bool {
    let Some(rest) = phone.trim().strip_prefix('+') else {
        return false;
    };
    let digits = rest.chars().filter(char::is_ascii_digit).count();
    rest.chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '.' | '-'))
        && (7..=15).contains(&digits)
}

/// Step 5's rules: required fields filled, e-mail and phone of the right shape, an assigned
/// country code, a US state picked from the list, values within 64 characters (the
/// X.520 upper bound most providers apply to subject fields).
pub(super) fn errors(wizard: &Wizard) -> Vec<FieldError> {
    let (Some(product), Some(caps)) = (wizard.product(), wizard.capabilities.as_ref()) else {
        return Vec::new();
    };
    let needed = needed(product, caps);
    let mut fields = Vec::new();
    if needed.organization {
        fields.extend(organization_fields(needed));
    }
    if needed.contact {
        fields.extend(contact_fields());
    }
    let mut out = Vec::new();
    for field in fields {
        let value = wizard.contact_value(field.id);
        let value = value.trim();
        if value.is_empty() {
            if field.required {
                out.push(FieldError::new(field.id, text::required(field.label)));
            }
            continue;
        }
        let problem = match field.id {
            "contact-email" if !email_ok(value) => Some(text::EMAIL_INVALID.to_owned()),
            "contact-phone" if !phone_ok(value) => Some(text::PHONE_INVALID.to_owned()),
            "org-state"
                if wizard.draft.organization.country.as_deref() == Some("US")
                    && !US_STATES.contains(&value) =>
            {
                Some(text::STATE_INVALID.to_owned())
            }
            "contact-email" | "contact-phone" => None,
            _ if value.chars().count() > 64 => Some(text::too_long(64)),
            _ => None,
        };
        if let Some(message) = problem {
            out.push(FieldError::new(field.id, message));
        }
    }
    if needed.organization {
        let code = wizard
            .draft
            .organization
            .country
            .as_deref()
            .unwrap_or("")
            .trim();
        if !country::is_assigned(code) {
            out.push(FieldError::new(
                "org-country",
                text::country_invalid(country::suggestion(code).filter(|_| !code.is_empty())),
            ));
        }
    }
    out
}
