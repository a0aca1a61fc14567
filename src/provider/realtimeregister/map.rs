//! From RTR wire types to the provider-neutral model, and from a neutral draft to a request;
//! order states in `state`.

mod state;

use super::wire::{
    Approver, Billable, CaaRecordStatus, CertificateProcess, CertificateRequest, CertificateType,
    Dcv, DcvStatus as RtrDcvStatus, DcvType, DcvValidation, Feature, ProductField, QuoteResponse,
    SslProduct, ValidationType,
};
use crate::domain::DomainName;
use crate::order::{
    DcvChoice, DcvInstruction, DcvMethod, DcvStatus, DnsRecord, DnsRecordType, NameValidation,
    OrderDraft, Quote, QuoteLine,
};
use crate::product::{
    FreeTwin, Money, OrderField, Period, PeriodUnit, Product, ProductKind, ValidationLevel,
};
use crate::provider::{ProviderError, ProviderKind};
pub(crate) use state::keep_ordered;
pub use state::{
    certificate_state, certificate_status, created_state, process_names, process_status,
};

/// The neutral field for an RTR field word.
pub(crate) fn order_field(field: &ProductField) -> OrderField {
    match field {
        ProductField::DomainName => OrderField::DomainName,
        ProductField::Dcv => OrderField::Dcv,
        ProductField::Address => OrderField::Address,
        ProductField::PostalCode => OrderField::PostalCode,
        ProductField::Approver => OrderField::Approver,
        ProductField::Organization => OrderField::Organization,
        ProductField::Department => OrderField::Department,
        ProductField::City => OrderField::City,
        ProductField::State => OrderField::State,
        ProductField::Country => OrderField::Country,
        ProductField::Coc => OrderField::Coc,
        ProductField::SaEmail => OrderField::SubscriberAgreementEmail,
        ProductField::AuthKey => OrderField::AuthKey,
        ProductField::Other(word) => OrderField::Other(word.clone()),
    }
}

/// A product: metadata drives the form (docs/providers.md §2.4). The DCV methods are not
/// advertised per product, so `dcv_methods` stays empty; SANs may be wildcards only on a
/// multi-domain product with the `WILDCARD` feature.
pub fn product(p: &SslProduct) -> Product {
    let kind = match &p.certificate_type {
        Some(CertificateType::SingleDomain) | None => ProductKind::Single,
        Some(CertificateType::MultiDomain) => ProductKind::Multi,
        Some(CertificateType::Wildcard) => ProductKind::Wildcard,
        Some(CertificateType::AcmeSubscription) => ProductKind::Other("ACME_SUBSCRIPTION".into()),
        Some(CertificateType::Other(word)) => ProductKind::Other(word.clone()),
    };
    let validation = match &p.validation_type {
        Some(ValidationType::DomainValidation) | None => ValidationLevel::Dv,
        Some(ValidationType::OrganizationValidation) => ValidationLevel::Ov,
        Some(ValidationType::ExtendedValidation) => ValidationLevel::Ev,
        Some(ValidationType::Other(word)) => ValidationLevel::Other(word.clone()),
    };
    let www = p.features.contains(&Feature::WwwIncluded);
    let non_www = p.features.contains(&Feature::NonWwwIncluded);
    let free_twin = match (www, non_www) {
        (true, true) => FreeTwin::Both,
        (true, false) => FreeTwin::Www,
        (false, true) => FreeTwin::NonWww,
        (false, false) => FreeTwin::None,
    };
    Product {
        provider: ProviderKind::RealtimeRegister,
        id: p.product.clone(),
        name: p.name.clone().unwrap_or_else(|| p.product.clone()),
        brand: p.brand.clone(),
        validation,
        wildcard_sans: kind == ProductKind::Multi && p.features.contains(&Feature::Wildcard),
        kind,
        included_names: p.included_domains,
        max_names: p.max_domains,
        free_twin,
        periods: p.periods.iter().map(|m| Period::months(*m)).collect(),
        required_fields: p.required_fields.iter().map(order_field).collect(),
        optional_fields: p.optional_fields.iter().map(order_field).collect(),
        dcv_methods: Vec::new(),
        price: None,
        // The unit of `warranty` is not documented; kept as a whole amount.
        warranty: p.warranty.map(|w| Money::new(w.saturating_mul(100), None)),
    }
}

/// The wire DCV type for a neutral method. RTR's enum is exactly EMAIL|FILE|DNS (docs/providers.md
/// §2.2): both file methods go as `FILE`.
pub fn dcv_type(method: &DcvMethod) -> Result<DcvType, ProviderError> {
    match method {
        DcvMethod::Email => Ok(DcvType::Email),
        DcvMethod::Dns => Ok(DcvType::Dns),
        DcvMethod::Http | DcvMethod::Https => Ok(DcvType::File),
        other => Err(ProviderError::invalid(
            "dcv.type",
            format!("Realtime Register has no {other} method (EMAIL, FILE, DNS)"),
        )),
    }
}

/// The neutral method for a wire DCV type.
pub fn dcv_method(t: &DcvType) -> DcvMethod {
    match t {
        DcvType::Email => DcvMethod::Email,
        DcvType::File => DcvMethod::Http,
        DcvType::Dns => DcvMethod::Dns,
        DcvType::Other(word) => DcvMethod::Other(word.clone()),
    }
}

/// `dcv[]` entries for `names` from the draft's choices (a per-name choice wins over the
/// choice for all names).
pub(crate) fn dcv_entries(
    names: &[String],
    choices: &[DcvChoice],
) -> Result<Vec<Dcv>, ProviderError> {
    let default = choices.iter().find(|c| c.name.is_none());
    names
        .iter()
        .filter_map(|name| {
            choices
                .iter()
                .find(|c| c.name.as_ref().map(DomainName::ascii) == Some(name.as_str()))
                .or(default)
                .map(|c| (name, c))
        })
        .map(|(name, c)| {
            Ok(Dcv {
                common_name: name.clone(),
                dcv_type: dcv_type(&c.method)?,
                email: c.approver.clone(),
            })
        })
        .collect()
}

/// The request body for a neutral draft; `customer` is left for the proxy unless given.
pub(crate) fn certificate_request(
    draft: &OrderDraft,
    customer: Option<&str>,
) -> Result<CertificateRequest, ProviderError> {
    let period = match draft.period {
        None => 12,
        Some(Period {
            unit: PeriodUnit::Days,
            ..
        }) => {
            return Err(ProviderError::invalid(
                "period",
                "Realtime Register counts periods in months",
            ));
        }
        Some(p) => p.in_months(),
    };
    let csr = draft
        .csr
        .clone()
        .ok_or_else(|| ProviderError::invalid("csr", "is required"))?;
    let names = draft.names_ascii();
    let dcv = dcv_entries(&names, &draft.dcv)?;
    let org = draft.organization.as_ref();
    Ok(CertificateRequest {
        customer: customer.unwrap_or_default().to_owned(),
        product: draft.product.clone(),
        period,
        csr,
        domain_name: draft.common_name_ascii(),
        // `san` is "only applicable for multi domain certificates" (docs/providers.md §2.2):
        // the common name is never repeated there, and with no other name it is left out.
        san: sans_besides_common_name(draft),
        organization: org.map(|o| o.name.clone()),
        department: org.and_then(|o| o.department.clone()),
        country: org.and_then(|o| o.country.clone()),
        state: org.and_then(|o| o.state.clone()),
        address: org.and_then(|o| o.address.clone()),
        postal_code: org.and_then(|o| o.postal_code.clone()),
        city: org.and_then(|o| o.city.clone()),
        coc: org.and_then(|o| o.registration_number.clone()),
        approver: draft.approver.as_ref().map(|a| Approver {
            first_name: a.first_name.clone(),
            last_name: a.last_name.clone(),
            job_title: a.job_title.clone(),
            email: a.email.clone(),
            voice: a.phone.as_deref().map(voice).unwrap_or_default(),
        }),
        dcv: (!dcv.is_empty()).then_some(dcv),
        ..CertificateRequest::default()
    })
}

/// A phone number as Realtime Register takes it, `+CC.NUMBER` (docs/providers.md §2): one
/// typed as `+31 20 123 4567` (the country code, then a space, dot, dash or bracket) becomes
/// `+31.201234567`. Anything else is sent as typed, and the request's own check names the
/// field before anything is sent.
fn voice(typed: &str) -> String {
    let typed = typed.trim();
    let Some(rest) = typed.strip_prefix('+') else {
        return typed.to_owned();
    };
    let cc: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let after = &rest[cc.len()..];
    let separated = after.starts_with([' ', '.', '-', '(']);
    let number: String = after.chars().filter(char::is_ascii_digit).collect();
    let only_separators = after
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '.' | '-' | '(' | ')'));
    if (1..=3).contains(&cc.len()) && separated && only_separators && !number.is_empty() {
        format!("+{cc}.{number}")
    } else {
        typed.to_owned()
    }
}

fn dcv_status(v: &DcvValidation) -> DcvStatus {
    // A CAA answer that blocks issuance needs the customer whatever the DCV says (§6).
    if matches!(
        v.caa_record_status,
        Some(CaaRecordStatus::Invalid | CaaRecordStatus::UnrecognizedCriticalTag)
    ) {
        return DcvStatus::Attention;
    }
    match &v.status {
        Some(RtrDcvStatus::Waiting) => DcvStatus::Pending,
        Some(RtrDcvStatus::Attention) => DcvStatus::Attention,
        Some(RtrDcvStatus::Validated) => DcvStatus::Valid,
        Some(RtrDcvStatus::Other(word)) => DcvStatus::Unknown(word.clone()),
        None => DcvStatus::NotReported,
    }
}

fn instruction(v: &DcvValidation) -> Option<DcvInstruction> {
    match v.dcv_type {
        DcvType::Email => v
            .email
            .clone()
            .map(|approver| DcvInstruction::Email { approver }),
        DcvType::Dns => match (&v.dns_record, &v.dns_contents) {
            (Some(name), Some(value)) => Some(DcvInstruction::Dns(DnsRecord {
                name: name.clone(),
                record_type: DnsRecordType::from_word(v.dns_type.as_deref().unwrap_or("CNAME")),
                value: value.clone(),
                ttl: None,
            })),
            _ => None,
        },
        DcvType::File => match (&v.file_location, &v.file_contents) {
            // `fileLocation` may lack a scheme (docs/providers.md §2.3); kept as given, since the
            // CA may fetch over HTTP or HTTPS (§5).
            (Some(location), Some(content)) => Some(DcvInstruction::File {
                url: location.clone(),
                content: content.clone(),
            }),
            _ => None,
        },
        DcvType::Other(_) => None,
    }
}

/// Per-name validations of a process answer.
pub fn validations(info: &CertificateProcess) -> Vec<NameValidation> {
    info.validations
        .iter()
        .flat_map(|v| &v.dcv)
        .map(|v| NameValidation {
            name: v.common_name.clone(),
            method: dcv_method(&v.dcv_type),
            status: dcv_status(v),
            instruction: instruction(v),
        })
        .collect()
}

/// The draft's SANs other than its common name; `None` when that leaves none.
fn sans_besides_common_name(draft: &OrderDraft) -> Option<Vec<String>> {
    let sans: Vec<String> = draft
        .sans
        .iter()
        .filter(|san| Some(*san) != draft.common_name.as_ref())
        .map(|san| san.ascii().to_owned())
        .collect();
    (!sans.is_empty()).then_some(sans)
}

/// A quote in the neutral model; RTR amounts are in cents. A quote without its total, or a
/// billable without an amount, is an error naming the field: a price is never shown as 0
/// because the provider left it out.
pub fn quote(q: &QuoteResponse, draft: &OrderDraft) -> Result<Quote, ProviderError> {
    let currency = q.quote.currency.as_deref();
    let total = q
        .quote
        .total
        .ok_or_else(|| ProviderError::UnexpectedResponse("the quote has no quote.total".into()))?;
    Ok(Quote {
        product: draft.product.clone(),
        period: draft.period,
        total: Money::new(total, currency),
        lines: quote_lines(&q.quote.billables, currency)?,
    })
}

/// What a `BillableAcknowledgmentNeededException` asks to charge, as a quote. The demand
/// names no currency, so the accepted quote's is taken (an account is billed in one
/// currency); the total is the sum of the lines.
pub fn demanded(billables: &[Billable], accepted: &Quote) -> Result<Quote, ProviderError> {
    let currency = accepted.total.currency.as_deref();
    let lines = quote_lines(billables, currency)?;
    Ok(Quote {
        product: accepted.product.clone(),
        period: accepted.period,
        total: Money::new(lines.iter().map(|l| l.amount.minor).sum(), currency),
        lines,
    })
}

/// One quote line per billable, at its total (or unit amount when no total is given).
fn quote_lines(
    billables: &[Billable],
    currency: Option<&str>,
) -> Result<Vec<QuoteLine>, ProviderError> {
    billables
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let amount = b.total.or(b.amount).ok_or_else(|| {
                ProviderError::UnexpectedResponse(format!("billables[{i}] has no total or amount"))
            })?;
            Ok(QuoteLine {
                description: b.action.clone(),
                quantity: b.quantity.unwrap_or(1),
                amount: Money::new(amount, currency),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::voice;

    // Guards: a number typed the way the widget's hint shows reaches the provider in its
    // form; one whose country code cannot be told apart is left for the check to name.
    #[test]
    fn phone_numbers_in_the_providers_form() {
        assert_eq!(voice("+31 20 123 4567"), "+31.201234567");
        assert_eq!(voice(" +1 (555) 010-0199 "), "+1.5550100199");
        assert_eq!(voice("+31.384530759"), "+31.384530759");
        assert_eq!(voice("+31201234567"), "+31201234567");
        assert_eq!(voice("020 123 4567"), "020 123 4567");
        assert_eq!(voice("+31 20 x1"), "+31 20 x1");
    }
}
