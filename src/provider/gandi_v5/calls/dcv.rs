//! The DCV calls (docs/providers.md §1.3, §1.6): parameters before ordering and for an order,
//! re-sending the check, changing the method.

use super::{cert_path, check_method, json, message, path, rest, with_json};
use crate::http::{HttpRequest, Method};
use crate::provider::flow::Prepared;
use crate::provider::gandi_v5::V5DcvMethod;
use crate::provider::gandi_v5::wire::{DcvParams, DcvParamsRequest, Message};
use crate::provider::{OperationClass, ProviderError};

/// `POST /dcv_params`: DCV parameters before ordering, no side effects.
pub fn preview_dcv_params(body: &DcvParamsRequest) -> Result<Prepared<DcvParams>, ProviderError> {
    check_method(body.dcv_method.as_deref())?;
    Ok(rest(
        "POST /dcv_params",
        with_json(Method::Post, path("/dcv_params"), body)?,
        OperationClass::Lookup,
        json,
    ))
}

/// `PUT /issued-certs/{id}/dcv`: resend the DCV e-mail / check again.
pub fn resend_dcv(id: &str) -> Result<Prepared<Message>, ProviderError> {
    Ok(rest(
        "PUT /issued-certs/{id}/dcv",
        HttpRequest::new(Method::Put, cert_path(id, "/dcv")?),
        OperationClass::OrderChange,
        message,
    ))
}

/// `PATCH /issued-certs/{id}/dcv` `{"method": …}`: change the DCV method.
pub fn change_dcv(id: &str, method: V5DcvMethod) -> Result<Prepared<Message>, ProviderError> {
    let body = serde_json::json!({ "method": method.as_str() });
    Ok(rest(
        "PATCH /issued-certs/{id}/dcv",
        with_json(Method::Patch, cert_path(id, "/dcv")?, &body)?,
        OperationClass::OrderChange,
        message,
    ))
}

/// `POST /issued-certs/{id}/dcv_params`: the order's DCV parameters, `unique_value` included.
pub fn dcv_params(id: &str, body: &DcvParamsRequest) -> Result<Prepared<DcvParams>, ProviderError> {
    check_method(body.dcv_method.as_deref())?;
    Ok(rest(
        "POST /issued-certs/{id}/dcv_params",
        with_json(Method::Post, cert_path(id, "/dcv_params")?, body)?,
        OperationClass::OrderRead,
        json,
    ))
}
