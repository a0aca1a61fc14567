//! The certificate and order calls: lists, details, downloads and the actions on an
//! issued certificate (renew, reissue, cancel, revoke, health check), and imports.

use serde_json::{Map, Value};

use crate::provider::ssl247::certificate::{
    ActionResult, CertificateFull, CertificateSummary, Download, Imported, OrderCertificates,
    OrderDetails, OrdersData, Reissued, Renewed,
};
use crate::provider::ssl247::request::{ImportRequest, check_years, required};
use crate::provider::ssl247::scalar::Scalar;
use crate::provider::ssl247::status::{CertificateStatus, DownloadType};
use crate::provider::{OperationClass, ProviderError};

use super::{get, post, segment};
use crate::provider::flow::Prepared;

/// `POST /certificates`.
pub fn certificates() -> Prepared<Vec<CertificateSummary>> {
    get(
        "POST /certificates",
        "/certificates".into(),
        OperationClass::AccountWide,
    )
}

/// `POST /certificates/{status}`.
pub fn certificates_by_status(
    status: &CertificateStatus,
) -> Result<Prepared<Vec<CertificateSummary>>, ProviderError> {
    status.check()?;
    Ok(get(
        "POST /certificates/{status}",
        format!("/certificates/{status}"),
        OperationClass::AccountWide,
    ))
}

/// `POST /certificate/{id}`: the certificate with all its details.
pub fn certificate(id: &str) -> Result<Prepared<CertificateFull>, ProviderError> {
    let i = segment("id", id)?;
    Ok(get(
        "POST /certificate/{id}",
        format!("/certificate/{i}"),
        OperationClass::OrderRead,
    ))
}

/// `POST /certificate/{id}/{type}`: a download.
pub fn download(id: &str, kind: DownloadType) -> Result<Prepared<Download>, ProviderError> {
    let i = segment("id", id)?;
    Ok(get(
        "POST /certificate/{id}/{type}",
        format!("/certificate/{i}/{kind}"),
        OperationClass::OrderRead,
    ))
}

/// `POST /certificate/{id}/request-health-check`.
pub fn request_health_check(id: &str) -> Result<Prepared<Scalar>, ProviderError> {
    let i = segment("id", id)?;
    Ok(get(
        "POST /certificate/{id}/request-health-check",
        format!("/certificate/{i}/request-health-check"),
        OperationClass::OrderChange,
    ))
}

/// `POST /certificate/{original_certificate_id}/renew` with `years` (a string).
pub fn renew(id: &str, years: &str) -> Result<Prepared<Renewed>, ProviderError> {
    let i = segment("original_certificate_id", id)?;
    check_years("years", years)?;
    post(
        "POST /certificate/{original_certificate_id}/renew",
        format!("/certificate/{i}/renew"),
        OperationClass::Billable,
        &serde_json::json!({ "years": years }),
    )
}

/// `POST /certificate/{id}/reissue` with `new_csr` and, optionally, `hash`.
pub fn reissue(
    id: &str,
    new_csr: &str,
    hash: Option<&str>,
) -> Result<Prepared<Reissued>, ProviderError> {
    let i = segment("id", id)?;
    required("new_csr", new_csr)?;
    let mut body = Map::new();
    body.insert("new_csr".into(), Value::from(new_csr));
    if let Some(hash) = hash {
        body.insert("hash".into(), Value::from(hash));
    }
    post(
        "POST /certificate/{id}/reissue",
        format!("/certificate/{i}/reissue"),
        OperationClass::OrderChange,
        &body,
    )
}

/// `POST /certificate/{id}/cancel`.
pub fn cancel(id: &str) -> Result<Prepared<Vec<ActionResult>>, ProviderError> {
    let i = segment("id", id)?;
    Ok(get(
        "POST /certificate/{id}/cancel",
        format!("/certificate/{i}/cancel"),
        OperationClass::OrderChange,
    ))
}

/// `POST /certificate/{id}/revoke`.
pub fn revoke(id: &str) -> Result<Prepared<Vec<ActionResult>>, ProviderError> {
    let i = segment("id", id)?;
    Ok(get(
        "POST /certificate/{id}/revoke",
        format!("/certificate/{i}/revoke"),
        OperationClass::OrderChange,
    ))
}

/// `POST /orders/certificates/{status}`.
pub fn order_certificates_by_status(
    status: &CertificateStatus,
) -> Result<Prepared<OrderCertificates>, ProviderError> {
    status.check()?;
    Ok(get(
        "POST /orders/certificates/{status}",
        format!("/orders/certificates/{status}"),
        OperationClass::AccountWide,
    ))
}

/// `POST /orders/certificates/import`.
pub fn import(body: &ImportRequest) -> Result<Prepared<Vec<Imported>>, ProviderError> {
    required("common_name", &body.common_name)?;
    if !matches!(body.validation_type.as_str(), "OV" | "EV" | "DV") {
        return Err(ProviderError::invalid(
            "validation_type",
            "must be one of OV, EV, DV",
        ));
    }
    post(
        "POST /orders/certificates/import",
        "/orders/certificates/import".into(),
        OperationClass::AccountWide,
        body,
    )
}

/// `POST /orders`.
pub fn orders() -> Prepared<OrdersData> {
    get(
        "POST /orders",
        "/orders".into(),
        OperationClass::AccountWide,
    )
}

/// `POST /orders/{order-id}`: by order id or order ref.
pub fn order_details(order_id: &str) -> Result<Prepared<OrderDetails>, ProviderError> {
    let o = segment("order-id", order_id)?;
    Ok(get(
        "POST /orders/{order-id}",
        format!("/orders/{o}"),
        OperationClass::OrderRead,
    ))
}
