//! Drafts into SSL247 request bodies: `validate`/`place-order`, `complete` and
//! `place-quick-order`.

use crate::domain::DomainName;
use crate::order::{DcvMethod, OrderDraft};
use crate::product::PeriodUnit;
use crate::provider::ProviderError;
use crate::provider::ssl247::certificate::ContactDetails;
use crate::provider::ssl247::order::Validated;
use crate::provider::ssl247::request::{
    AddonRequest, CompanyRequest, CompleteRequest, ContactsRequest, DvAuthMethod, OrderLine,
    OrderRequest, QuickOrderRequest,
};
use crate::provider::ssl247::scalar::Scalar;

use super::text;

/// `years` from a draft's period; whole years only. With no period, one year.
pub(crate) fn years(draft: &OrderDraft) -> Result<String, ProviderError> {
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
        .common_name_ascii()
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
            sans: Some(draft.sans_ascii().join(",")).filter(|s| !s.is_empty()),
            quantity: Some(1),
        }],
    })
}

/// The one `dv_auth_method` of a draft (SSL247 takes one per order) and the approver for
/// each name.
fn dcv(draft: &OrderDraft) -> Result<DvAuthMethod, ProviderError> {
    let first = draft
        .one_dcv_method()
        .map_err(|_| {
            ProviderError::invalid(
                "dv_auth_method",
                "SSL247 takes one method for the whole order",
            )
        })?
        .cloned()
        .unwrap_or(DcvMethod::Dns);
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
    let own = draft
        .dcv
        .iter()
        .find(|c| c.name.as_ref().map(DomainName::ascii) == Some(name));
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
                    .find(|a| a.value.as_ref().map(Scalar::as_str) == Some(san.ascii()))
                    .and_then(|a| text(a.product_addon_id.as_ref()))
            }),
            value: san.ascii().to_owned(),
            approver_email: approver_for(draft, san.ascii()),
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
pub(crate) fn quick_order_request(draft: &OrderDraft) -> Result<QuickOrderRequest, ProviderError> {
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
