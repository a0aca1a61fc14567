//! Mapping Gandi v3 returns onto the neutral model.

use super::V3DcvMethod;
use super::wire::{
    Altname, CertPackageReturn, CertificateReturn, DcvParamsReturn, OperationReturn,
};
use crate::order::{
    Certificate, DcvInstruction, DcvMethod, NameValidation, OrderHandle, OrderState, OrderStatus,
};
use crate::product::Product;
use crate::provider::{ProviderError, ProviderKind, gandi};

pub use gandi::certificate_status;

/// Operation `step` → neutral status.
pub(crate) fn operation_status(step: &str) -> OrderStatus {
    match step {
        "BILL" | "WAIT" => OrderStatus::Pending,
        "RUN" | "SUPPORT" => OrderStatus::Processing,
        "DONE" => OrderStatus::Issued,
        "ERROR" => OrderStatus::Failed,
        "CANCEL" => OrderStatus::Cancelled,
        other => OrderStatus::Unknown(other.to_owned()),
    }
}

/// A package → product, from the name's grammar refined by the returned fields.
pub fn product(provider: ProviderKind, package: &CertPackageReturn) -> Option<Product> {
    let max = package.max_domains.and_then(|n| u32::try_from(n).ok());
    gandi::product(provider, &package.name, max, package.provider.as_deref())
}

/// `cert.info` → order state; an answer without the certificate's `id` is an error, not an
/// order with an empty id.
pub fn certificate(
    provider: ProviderKind,
    cert: &CertificateReturn,
) -> Result<OrderState, ProviderError> {
    let id = cert
        .id
        .map(|id| id.to_string())
        .ok_or_else(|| ProviderError::UnexpectedResponse("the certificate has no id".into()))?;
    let word = cert.status.clone().unwrap_or_default();
    let mut state = OrderState::new(
        OrderHandle::new(provider, id),
        gandi::certificate_status(&word),
        word,
    );
    state.product = cert.package.clone();
    state.common_name = cert.cn.clone();
    state.names = gandi::names(cert.cn.as_ref(), cert.altnames.iter().map(Altname::name));
    state.csr = cert.csr.clone();
    state.not_before = cert.date_start.clone();
    state.not_after = cert.date_end.clone();
    state.certificate = cert
        .cert
        .as_deref()
        .filter(|c| !c.trim().is_empty())
        .map(Certificate::from_pem_or_base64);
    Ok(state)
}

/// An operation (create, renew, update, delete) → order state; the handle is the
/// certificate (`params.cert_id`) with the operation attached for DCV calls.
pub fn operation(
    provider: ProviderKind,
    op: &OperationReturn,
) -> Result<OrderState, ProviderError> {
    let cert_id = op.cert_id().ok_or_else(|| {
        ProviderError::UnexpectedResponse("the operation has no params.cert_id".into())
    })?;
    if let Some(error) = super::operation_error(op) {
        return Err(error.into());
    }
    let step = op.step.clone().unwrap_or_default();
    let handle = OrderHandle::new(provider, cert_id.to_string()).with_operation(op.id.to_string());
    let mut state = OrderState::new(handle, operation_status(&step), step);
    state.product = op
        .params
        .get("package_name")
        .and_then(|v| v.as_str())
        .map(str::to_owned);
    state.csr = op
        .params
        .get("csr")
        .and_then(|v| v.as_str())
        .map(str::to_owned);
    if let Some(fqdns) = op.params.get("fqdns").and_then(|v| v.as_array()) {
        state.names = fqdns
            .iter()
            .filter_map(|v| v.as_str())
            .map(str::to_owned)
            .collect();
    }
    Ok(state)
}

/// `cert.get_dcv_params` → one validation per name. DNS records are matched to names by
/// owner (`_<md5>.<name>.`), else by position; e-mail goes to `admin@` ("Send a mail to admin@", DCVMethod)
/// at the domain the provider returned in `dcv_fqdns`;
/// for file methods the document gives `urls` and `message` lines but no file content, so
/// the instruction is the provider's text.
pub fn dcv_params(params: &DcvParamsReturn) -> Vec<NameValidation> {
    let method = params
        .dcv_method
        .as_deref()
        .and_then(|m| m.parse::<V3DcvMethod>().ok())
        .map_or(DcvMethod::Email, V3DcvMethod::to_neutral);
    let names: &[String] = if params.fqdns.is_empty() {
        &params.altnames
    } else {
        &params.fqdns
    };
    let records = gandi::zone_records(&params.dns_records);
    gandi::validations(names, &method, &params.message, |i, name| match method {
        // The domain the provider names for this name's mail (`dcv_fqdns`, by position);
        // without one, the provider's own message lines are the instruction.
        DcvMethod::Email => params.dcv_fqdns.get(i).map(|domain| DcvInstruction::Email {
            approver: format!("admin@{domain}"),
        }),
        DcvMethod::Dns | DcvMethod::Automatic => {
            gandi::dns_record_for(&records, name, i).map(DcvInstruction::Dns)
        }
        _ => None,
    })
}
