//! One constructor per documented operation; each returns a [`Prepared`] call that carries the
//! `POST` and reads the envelope (the SSL247 API v3 reference).
//!
//! Every operation is a `POST` with a JSON body (even reads). Calls are built without the
//! `u`/`p`/`k` credential fields; [`super::Ssl247`]'s `authenticate` adds them.

mod account;
mod certificate;
mod generic;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::catalog::{Addons, Prices, ProductDetails, ProductTypes, ProductsData, Requirements};
use super::envelope;
use super::order::{Completed, Placed, QuickOrdered, Validated};
use super::request::{CompleteRequest, OrderRequest, QuickOrderRequest, required};
use super::scalar::Scalar;
use crate::http::{BodyError, HttpRequest, HttpResponse, Method, encode_path_segment};
use crate::provider::flow::Prepared;
use crate::provider::{OperationClass, ProviderError};

pub use account::{
    account, account_users, add_contact_profile, add_user, contact_profile, deposit,
    edit_contact_profile, edit_user, invoice, monthly_allowance, user,
};
pub use certificate::{
    cancel, certificate, certificates, certificates_by_status, download, import,
    order_certificates_by_status, order_details, orders, reissue, renew, request_health_check,
    revoke,
};
pub use generic::{
    country_list, external_products, internal_products, us_state_list, user_titles, websites,
};

/// A path segment from caller input: required, percent-encoded, with `*` kept as it is (a
/// sub-delimiter allowed in a segment, RFC 3986 §3.3) so wildcard names read naturally.
fn segment(field: &str, value: &str) -> Result<String, ProviderError> {
    required(field, value)?;
    Ok(encode_path_segment(value).replace("%2A", "*"))
}

/// An operation whose body is `{}` (reads and actions on a path): every operation is a `POST`.
fn get<T: DeserializeOwned>(
    name: &'static str,
    path: String,
    class: OperationClass,
) -> Prepared<T> {
    call(name, path, class, Map::new())
}

/// An operation whose body is `body`, a JSON object.
fn post<T: DeserializeOwned>(
    name: &'static str,
    path: String,
    class: OperationClass,
    body: &impl Serialize,
) -> Result<Prepared<T>, ProviderError> {
    match serde_json::to_value(body) {
        Ok(Value::Object(map)) => Ok(call(name, path, class, map)),
        Ok(_) => Err(ProviderError::invalid("body", "not a JSON object")),
        Err(e) => Err(BodyError::Unserialisable(e.to_string()).into()),
    }
}

fn call<T: DeserializeOwned>(
    name: &'static str,
    path: String,
    class: OperationClass,
    body: Map<String, Value>,
) -> Prepared<T> {
    // "Response Content-Types: application/json"; requests are JSON too. A map always
    // serialises, so the body is written here once.
    let bytes = Value::Object(body).to_string();
    let request = HttpRequest::new(Method::Post, path)
        .with_header("Accept", "application/json")
        .with_body("application/json", bytes);
    Prepared::new(name, class, request, no_refusal, envelope::data::<T>)
}

/// SSL247 answers with its error envelope at any status; [`envelope::data`] reads both.
fn no_refusal(_: &HttpResponse) -> Option<ProviderError> {
    None
}

/// `POST /product-types`.
pub fn product_types() -> Prepared<ProductTypes> {
    get(
        "POST /product-types",
        "/product-types".into(),
        OperationClass::Catalog,
    )
}

/// `POST /products/{product-type}`.
pub fn products(product_type: &str) -> Result<Prepared<ProductsData>, ProviderError> {
    let t = segment("product-type", product_type)?;
    Ok(get(
        "POST /products/{product-type}",
        format!("/products/{t}"),
        OperationClass::Catalog,
    ))
}

/// `POST /product/{product-code}`.
pub fn product(code: &str) -> Result<Prepared<ProductDetails>, ProviderError> {
    let c = segment("product-code", code)?;
    Ok(get(
        "POST /product/{product-code}",
        format!("/product/{c}"),
        OperationClass::Catalog,
    ))
}

/// `POST /product/{product-code}/requirements`.
pub fn requirements(code: &str) -> Result<Prepared<Requirements>, ProviderError> {
    let c = segment("product-code", code)?;
    Ok(get(
        "POST /product/{product-code}/requirements",
        format!("/product/{c}/requirements"),
        OperationClass::Catalog,
    ))
}

/// `POST /product/{product-code}/addons`.
pub fn addons(code: &str) -> Result<Prepared<Addons>, ProviderError> {
    let c = segment("product-code", code)?;
    Ok(get(
        "POST /product/{product-code}/addons",
        format!("/product/{c}/addons"),
        OperationClass::Catalog,
    ))
}

/// `POST /product/{product-code}/prices`.
pub fn prices(code: &str) -> Result<Prepared<Prices>, ProviderError> {
    let c = segment("product-code", code)?;
    Ok(get(
        "POST /product/{product-code}/prices",
        format!("/product/{c}/prices"),
        OperationClass::Catalog,
    ))
}

/// `POST /certificates/get-approver-email/{product-code}/{common-name}`: a list of objects,
/// each documented as `{"{email}": "string"}`.
pub fn approver_emails(
    code: &str,
    common_name: &str,
) -> Result<Prepared<Vec<Value>>, ProviderError> {
    let c = segment("product-code", code)?;
    let cn = segment("common-name", common_name)?;
    Ok(get(
        "POST /certificates/get-approver-email/{product-code}/{common-name}",
        format!("/certificates/get-approver-email/{c}/{cn}"),
        OperationClass::Lookup,
    ))
}

/// `valid`/`type`/`message` of the name checks; `product_addon_id` for a SAN.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, serde::Deserialize)]
#[serde(default)]
pub struct NameCheck {
    /// `valid`.
    pub valid: Option<Scalar>,
    /// `type`.
    #[serde(rename = "type")]
    pub kind: Option<Scalar>,
    /// `product_addon_id` (check-san only).
    pub product_addon_id: Option<Scalar>,
    /// `message`.
    pub message: Option<Scalar>,
}

/// `POST /certificates/check-common-name/{product-code}/{common-name}`.
pub fn check_common_name(
    code: &str,
    common_name: &str,
) -> Result<Prepared<NameCheck>, ProviderError> {
    let c = segment("product-code", code)?;
    let cn = segment("common-name", common_name)?;
    Ok(get(
        "POST /certificates/check-common-name/{product-code}/{common-name}",
        format!("/certificates/check-common-name/{c}/{cn}"),
        OperationClass::Check,
    ))
}

/// `POST /certificates/check-san/{product-code}/{common-name}/{san}`.
pub fn check_san(
    code: &str,
    common_name: &str,
    san: &str,
) -> Result<Prepared<NameCheck>, ProviderError> {
    let c = segment("product-code", code)?;
    let cn = segment("common-name", common_name)?;
    let s = segment("san", san)?;
    Ok(get(
        "POST /certificates/check-san/{product-code}/{common-name}/{san}",
        format!("/certificates/check-san/{c}/{cn}/{s}"),
        OperationClass::Check,
    ))
}

/// `POST /order/certificate/validate`: checks and prices a draft, charging nothing.
pub fn validate(body: &OrderRequest) -> Result<Prepared<Validated>, ProviderError> {
    body.check()?;
    post(
        "POST /order/certificate/validate",
        "/order/certificate/validate".into(),
        OperationClass::Quote,
        body,
    )
}

/// `POST /order/certificate/place-order`: "Order placing after validation, prior completion".
pub fn place_order(body: &OrderRequest) -> Result<Prepared<Placed>, ProviderError> {
    body.check()?;
    post(
        "POST /order/certificate/place-order",
        "/order/certificate/place-order".into(),
        OperationClass::Billable,
        body,
    )
}

/// `POST /order/certificate/complete`: "Fill certificate details" of a placed order.
pub fn complete(body: &CompleteRequest) -> Result<Prepared<Completed>, ProviderError> {
    body.check()?;
    post(
        "POST /order/certificate/complete",
        "/order/certificate/complete".into(),
        OperationClass::OrderChange,
        body,
    )
}

/// `POST /order/certificate/place-quick-order`: "Fill all certificate details in one go".
pub fn place_quick_order(
    body: &QuickOrderRequest,
) -> Result<Prepared<QuickOrdered>, ProviderError> {
    body.check()?;
    post(
        "POST /order/certificate/place-quick-order",
        "/order/certificate/place-quick-order".into(),
        OperationClass::Billable,
        body,
    )
}
