//! Between SSL247's wire types and the neutral model: drafts into request bodies, answers
//! into products, quotes, order states, DCV instructions and certificates.

use serde_json::Value;

use super::catalog::{ProductSummary, ProductType};
use super::certificate::ContactDetails;
use super::certificate::{CertificateFull, Download};
use super::order::{Completed, Validated};
use super::request::{
    AddonRequest, CompanyRequest, CompleteRequest, ContactsRequest, DvAuthMethod, OrderLine,
    OrderRequest, QuickOrderRequest,
};
use super::scalar::Scalar;
use super::status::CertificateStatus;
use crate::order::{
    ApproverEmails, Certificate, DcvInstruction, DcvMethod, DcvStatus, DnsRecord, NameValidation,
    OrderDraft, OrderHandle, OrderState, OrderStatus, Quote, QuoteLine,
};
use crate::product::{FreeTwin, Money, Period, PeriodUnit, Product, ProductKind, ValidationLevel};
use crate::provider::{ProviderError, ProviderKind};

fn text(s: Option<&Scalar>) -> Option<String> {
    s.map(|s| s.as_str().trim().to_owned())
        .filter(|s| !s.is_empty())
}

/// Guesses level and kind from the product's words: the document has no such fields, and
/// codes such as `com-ent-ssl-pro-wildcard` carry them.
fn classify(words: &str) -> (ValidationLevel, ProductKind) {
    let lower = words.to_ascii_lowercase();
    let has = |w: &str| {
        lower
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|part| part == w)
    };
    let level = if has("ev") {
        ValidationLevel::Ev
    } else if has("ov") || has("ent") || has("pro") || has("business") {
        ValidationLevel::Ov
    } else if has("dv") || has("domain") {
        ValidationLevel::Dv
    } else {
        ValidationLevel::Other("unknown".into())
    };
    let kind = if has("wildcard") {
        ProductKind::Wildcard
    } else if has("multi") || has("san") || has("ucc") || has("md") {
        ProductKind::Multi
    } else {
        ProductKind::Single
    };
    (level, kind)
}

/// A product of the products list.
pub fn product(summary: &ProductSummary, product_type: Option<&ProductType>) -> Option<Product> {
    let id = text(summary.code.as_ref())?;
    let name = text(summary.name.as_ref()).unwrap_or_else(|| id.clone());
    let type_words = product_type
        .and_then(|t| text(t.name.as_ref()).or_else(|| text(t.code.as_ref())))
        .unwrap_or_default();
    let (validation, kind) = classify(&format!("{id} {name} {type_words}"));
    let mut prices: Vec<(u32, Money)> = summary
        .prices
        .price
        .iter()
        .filter_map(|p| {
            let years = p.years.as_ref()?.as_u32()?;
            let currency = text(p.currency.as_ref());
            Some((years, p.value.as_ref()?.as_money(currency.as_deref())?))
        })
        .collect();
    prices.sort_by_key(|(years, _)| *years);
    let mut periods: Vec<Period> = summary
        .prices
        .price
        .iter()
        .filter_map(|p| p.years.as_ref()?.as_u32())
        .filter(|y| *y > 0)
        .map(Period::years)
        .collect();
    periods.sort_by_key(|p| p.count);
    periods.dedup();
    let wildcard = kind == ProductKind::Wildcard;
    Some(Product {
        provider: ProviderKind::Ssl247,
        id,
        name,
        brand: text(summary.brand.as_ref()),
        validation,
        wildcard_sans: false,
        included_names: Some(1).filter(|_| kind != ProductKind::Multi),
        max_names: None,
        kind,
        free_twin: FreeTwin::None,
        periods,
        required_fields: Vec::new(),
        optional_fields: Vec::new(),
        // dv_auth_method "email, dns, file"; no file method for wildcards (PROVIDERS.md §5).
        dcv_methods: if wildcard {
            vec![DcvMethod::Email, DcvMethod::Dns]
        } else {
            vec![DcvMethod::Email, DcvMethod::Dns, DcvMethod::Http]
        },
        price: prices.into_iter().next().map(|(_, m)| m),
        warranty: None,
    })
}

/// `years` from a draft's period; whole years only. With no period, one year.
fn years(draft: &OrderDraft) -> Result<String, ProviderError> {
    match draft.period {
        None => Ok("1".into()),
        Some(p) if p.unit == PeriodUnit::Years && p.count > 0 => Ok(p.count.to_string()),
        Some(p) if p.unit == PeriodUnit::Months && p.count > 0 && p.count % 12 == 0 => {
            Ok((p.count / 12).to_string())
        }
        Some(_) => Err(ProviderError::invalid("years", "SSL247 counts whole years")),
    }
}

fn common_name(draft: &OrderDraft) -> Result<String, ProviderError> {
    draft
        .common_name
        .clone()
        .filter(|c| !c.trim().is_empty())
        .ok_or_else(|| ProviderError::invalid("common_name", "is required"))
}

/// The `validate`/`place-order` body of a draft.
pub fn order_request(draft: &OrderDraft) -> Result<OrderRequest, ProviderError> {
    let san = u32::try_from(draft.sans.len()).unwrap_or(u32::MAX);
    Ok(OrderRequest {
        billing_contact_id: None,
        order: vec![OrderLine {
            product_code: draft.product.clone(),
            common_name: common_name(draft)?,
            years: years(draft)?,
            licenses: None,
            san: Some(san).filter(|n| *n > 0),
            sans: Some(draft.sans.join(",")).filter(|s| !s.is_empty()),
            quantity: Some(1),
        }],
    })
}

/// The one `dv_auth_method` of a draft (SSL247 takes one per order) and the approver for
/// each name.
fn dcv(draft: &OrderDraft) -> Result<DvAuthMethod, ProviderError> {
    let mut methods = draft.dcv.iter().map(|c| &c.method);
    let first = methods.next().cloned().unwrap_or(DcvMethod::Dns);
    if methods.any(|m| *m != first) {
        return Err(ProviderError::invalid(
            "dv_auth_method",
            "SSL247 takes one method for the whole order",
        ));
    }
    match first {
        DcvMethod::Email => Ok(DvAuthMethod::Email),
        DcvMethod::Dns => Ok(DvAuthMethod::Dns),
        DcvMethod::Http => Ok(DvAuthMethod::File),
        other => Err(ProviderError::invalid(
            "dv_auth_method",
            format!("SSL247 has no {other} method (email, dns, file)"),
        )),
    }
}

fn approver_for(draft: &OrderDraft, name: &str) -> Option<String> {
    let own = draft.dcv.iter().find(|c| c.name.as_deref() == Some(name));
    let all = draft.dcv.iter().find(|c| c.name.is_none());
    own.or(all).and_then(|c| c.approver.clone())
}

fn contacts(draft: &OrderDraft) -> Option<ContactsRequest> {
    let org = draft.organization.as_ref();
    let company = org.map(|o| CompanyRequest {
        organisation_category: None,
        organisation_legal_name: Some(o.name.clone()),
        organisation_registration_number: o.registration_number.clone(),
        organisation_duns: None,
    });
    let s = |v: &Option<String>| v.clone().map(Scalar);
    let admin = draft.approver.as_ref().map(|a| ContactDetails {
        organisation: org.map(|o| Scalar(o.name.clone())),
        department: org.and_then(|o| s(&o.department)),
        title: s(&a.job_title),
        firstname: Some(Scalar(a.first_name.clone())),
        lastname: Some(Scalar(a.last_name.clone())),
        email: Some(Scalar(a.email.clone())),
        phone: s(&a.phone),
        address_1: org.and_then(|o| s(&o.address)),
        address_2: None,
        city: org.and_then(|o| s(&o.city)),
        postcode: org.and_then(|o| s(&o.postal_code)),
        region: org.and_then(|o| s(&o.state)),
        country: org.and_then(|o| s(&o.country)),
    });
    if company.is_none() && admin.is_none() {
        return None;
    }
    Some(ContactsRequest {
        company,
        administrative: admin,
        technical: None,
    })
}

fn csr(draft: &OrderDraft) -> Result<String, ProviderError> {
    draft
        .csr
        .clone()
        .filter(|c| !c.trim().is_empty())
        .ok_or_else(|| ProviderError::invalid("csr", "is required"))
}

fn addons(draft: &OrderDraft, validated: Option<&Validated>) -> Vec<AddonRequest> {
    let known = validated.map(|v| v.order_lines.iter().flat_map(|l| &l.addons));
    draft
        .sans
        .iter()
        .map(|san| AddonRequest {
            // The addon id from `validate`, matched by name, when it returned one.
            id: known.clone().and_then(|mut addons| {
                addons
                    .find(|a| a.value.as_ref().map(Scalar::as_str) == Some(san))
                    .and_then(|a| text(a.product_addon_id.as_ref()))
            }),
            value: san.clone(),
            approver_email: approver_for(draft, san),
        })
        .collect()
}

/// The `complete` body of a draft, for the certificate `place-order` created.
pub fn complete_request(
    draft: &OrderDraft,
    certificate_id: String,
    validated: Option<&Validated>,
) -> Result<CompleteRequest, ProviderError> {
    let cn = common_name(draft)?;
    Ok(CompleteRequest {
        certificate_id,
        approver_email: approver_for(draft, &cn),
        common_name: cn,
        csr: csr(draft)?,
        dv_auth_method: dcv(draft)?,
        addon: addons(draft, validated),
        contacts: contacts(draft),
    })
}

/// The `place-quick-order` body of a draft.
pub fn quick_order_request(draft: &OrderDraft) -> Result<QuickOrderRequest, ProviderError> {
    let cn = common_name(draft)?;
    Ok(QuickOrderRequest {
        billing_contact_id: None,
        product_code: draft.product.clone(),
        approver_email: approver_for(draft, &cn),
        common_name: cn,
        years: years(draft)?,
        licenses: None,
        dv_auth_method: dcv(draft)?,
        csr: csr(draft)?,
        addon: addons(draft, None)
            .into_iter()
            .map(|a| AddonRequest { id: None, ..a })
            .collect(),
        contacts: contacts(draft),
    })
}

/// A quote from `validate`'s priced lines (no currency is given there).
pub fn quote(draft: &OrderDraft, validated: &Validated) -> Quote {
    let mut lines = Vec::new();
    for line in &validated.order_lines {
        let items = std::iter::once((&line.label, &line.code, &line.quantity, &line.total)).chain(
            line.addons
                .iter()
                .map(|a| (&a.label, &a.code, &a.quantity, &a.total)),
        );
        for (label, code, quantity, total) in items {
            let Some(amount) = total.as_ref().and_then(|t| t.as_money(None)) else {
                continue;
            };
            lines.push(QuoteLine {
                description: text(label.as_ref())
                    .or_else(|| text(code.as_ref()))
                    .unwrap_or_default(),
                quantity: quantity.as_ref().and_then(Scalar::as_u32).unwrap_or(1),
                amount,
            });
        }
    }
    let total = Money::new(lines.iter().map(|l| l.amount.minor).sum(), None);
    Quote {
        product: draft.product.clone(),
        period: draft.period,
        total,
        lines,
    }
}

/// The state after `complete`.
pub fn completed(draft: &OrderDraft, certificate_id: &str, done: &Completed) -> OrderState {
    let word = done
        .certificate
        .iter()
        .find(|c| c.id.as_ref().map(Scalar::as_str) == Some(certificate_id))
        .or(done.certificate.first())
        .and_then(|c| text(c.status.as_ref()))
        .unwrap_or_else(|| "Pending".into());
    let mut state = OrderState::new(
        OrderHandle::new(ProviderKind::Ssl247, certificate_id),
        status(&word),
        word,
    );
    state.product = Some(draft.product.clone());
    state.common_name = draft.common_name.clone();
    state.names = draft
        .common_name
        .iter()
        .chain(&draft.sans)
        .cloned()
        .collect();
    state.csr = draft.csr.clone();
    state
}

/// A status word (or a code the document does not explain) as a neutral status.
fn status(word: &str) -> OrderStatus {
    CertificateStatus::from_word(word).to_neutral()
}

/// The state of a full certificate.
pub fn state(id: &str, full: &CertificateFull) -> OrderState {
    let details = &full.certificate_details;
    let word = [&details.status, &full.status]
        .into_iter()
        .find_map(|s| text(s.description.as_ref()).or_else(|| text(s.code.as_ref())))
        .unwrap_or_default();
    let id = text(full.certificate_id.as_ref()).unwrap_or_else(|| id.to_owned());
    let mut state = OrderState::new(
        OrderHandle::new(ProviderKind::Ssl247, id),
        status(&word),
        word,
    );
    state.product =
        text(details.product_code.as_ref()).or_else(|| text(full.product.code.as_ref()));
    state.common_name = text(details.common_name.as_ref());
    state.names = state
        .common_name
        .iter()
        .cloned()
        .chain(san_names(full))
        .collect();
    state.csr = text(details.csr.as_ref());
    state.not_before = text(full.dates.issuance.as_ref());
    state.not_after = text(full.dates.expiry.as_ref());
    state.validations = validations(full);
    state
}

fn san_names(full: &CertificateFull) -> impl Iterator<Item = String> + '_ {
    full.certificate_details
        .addons
        .addon
        .iter()
        .filter_map(|a| text(a.value.as_ref()))
        .filter(|v| v.contains('.'))
}

/// Per-name DCV instructions from the certificate details.
pub fn validations(full: &CertificateFull) -> Vec<NameValidation> {
    let d = &full.certificate_details;
    let Some(cn) = text(d.common_name.as_ref()) else {
        return Vec::new();
    };
    let method = DvAuthMethod::from(text(d.dv_auth_method.as_ref()).unwrap_or_default());
    let neutral = match &method {
        DvAuthMethod::Email => DcvMethod::Email,
        DvAuthMethod::Dns => DcvMethod::Dns,
        DvAuthMethod::File => DcvMethod::Http,
        DvAuthMethod::Other(w) => DcvMethod::Other(w.clone()),
    };
    let dcv_status = match status(&state_word(full)) {
        OrderStatus::Issued => DcvStatus::Valid,
        OrderStatus::Pending | OrderStatus::Processing => DcvStatus::Pending,
        _ => DcvStatus::NotReported,
    };
    let mut names = vec![(cn, text(d.approver_email.as_ref()))];
    names.extend(d.addons.addon.iter().filter_map(|a| {
        let v = text(a.value.as_ref()).filter(|v| v.contains('.'))?;
        Some((v, text(a.approver_email.as_ref())))
    }));
    names
        .into_iter()
        .map(|(name, approver)| NameValidation {
            instruction: instruction(&method, &name, approver, full),
            name,
            method: neutral.clone(),
            status: dcv_status.clone(),
        })
        .collect()
}

fn state_word(full: &CertificateFull) -> String {
    [&full.certificate_details.status, &full.status]
        .into_iter()
        .find_map(|s| text(s.description.as_ref()).or_else(|| text(s.code.as_ref())))
        .unwrap_or_default()
}

fn instruction(
    method: &DvAuthMethod,
    name: &str,
    approver: Option<String>,
    full: &CertificateFull,
) -> Option<DcvInstruction> {
    let d = &full.certificate_details;
    match method {
        DvAuthMethod::Email => approver.map(|approver| DcvInstruction::Email { approver }),
        DvAuthMethod::Dns => {
            let value = text(d.dns_auth_string.as_ref())?;
            // The document does not give the record's shape: a zone line is read as one,
            // anything else is shown verbatim.
            Some(
                DnsRecord::from_zone_line(&value)
                    .map_or(DcvInstruction::Text { message: value }, DcvInstruction::Dns),
            )
        }
        DvAuthMethod::File => {
            let file = text(d.file_auth_filename.as_ref())?;
            let host = name.strip_prefix("*.").unwrap_or(name);
            // A bare file name goes in the CA/B Forum's well-known directory (PROVIDERS.md §5).
            let url = if file.starts_with("http://") || file.starts_with("https://") {
                file
            } else if file.starts_with('/') {
                format!("http://{host}{file}")
            } else {
                format!("http://{host}/.well-known/pki-validation/{file}")
            };
            Some(DcvInstruction::File {
                url,
                content: d
                    .file_auth_contents
                    .as_ref()
                    .map(|c| c.as_str().to_owned())
                    .unwrap_or_default(),
            })
        }
        DvAuthMethod::Other(_) => {
            text(d.general_auth_string.as_ref()).map(|message| DcvInstruction::Text { message })
        }
    }
}

/// Approver addresses from the look-up: strings, or objects whose keys or values are
/// addresses (the document writes each item as `{"{email}": "string"}`).
pub fn approvers(name: &str, items: &[Value]) -> ApproverEmails {
    let mut emails = Vec::new();
    let mut push = |s: &str| {
        if s.contains('@') && !emails.iter().any(|e| e == s) {
            emails.push(s.to_owned());
        }
    };
    for item in items {
        match item {
            Value::String(s) => push(s),
            Value::Object(map) => {
                for (k, v) in map {
                    push(k);
                    if let Value::String(s) = v {
                        push(s);
                    }
                }
            }
            _ => {}
        }
    }
    ApproverEmails {
        name: name.to_owned(),
        emails,
    }
}

/// The text of a download: the member named after the type, else the first text member.
pub fn download_text(download: &Download, kind: &str) -> Option<String> {
    download
        .iter()
        .find_map(|m| m.get(kind).and_then(|s| text(Some(s))))
        .or_else(|| {
            download
                .iter()
                .flat_map(|m| m.values())
                .find_map(|s| text(Some(s)))
        })
}

/// Splits PEM text into its certificates.
pub fn pem_blocks(text: &str) -> Vec<String> {
    const END: &str = "-----END CERTIFICATE-----";
    text.split_inclusive(END)
        .map(str::trim)
        .filter(|b| b.starts_with("-----BEGIN") && b.ends_with(END))
        .map(|b| format!("{b}\n"))
        .collect()
}

/// The leaf certificate from an `x509` download.
pub fn leaf(download: &Download) -> Result<Certificate, ProviderError> {
    download_text(download, "x509")
        .map(|t| Certificate::from_pem_or_base64(&t))
        .ok_or_else(|| ProviderError::UnexpectedResponse("no x509 certificate in Data".into()))
}
