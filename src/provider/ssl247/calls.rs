//! One constructor per documented operation; each returns a [`JsonCall`] that builds the
//! `POST` and reads the envelope (the SSL247 API v3 reference).
//!
//! Every operation is a `POST` with a JSON body (even reads). Calls are built without the
//! `u`/`p`/`k` credential fields; [`super::Ssl247`]'s `authenticate` adds them.

mod account;
mod certificate;
mod generic;

use std::marker::PhantomData;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::catalog::{Addons, Prices, ProductDetails, ProductTypes, ProductsData, Requirements};
use super::envelope;
use super::order::{Completed, Placed, QuickOrdered, Validated};
use super::request::{CompleteRequest, OrderRequest, QuickOrderRequest, required};
use super::scalar::Scalar;
use crate::http::{HttpRequest, HttpResponse, Method, encode_path_segment};
use crate::provider::{Call, OperationClass, ProviderError};

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

/// One SSL247 operation with its typed `Data`.
///
/// `Debug` shows the operation, path and class only.
pub struct JsonCall<T> {
    name: &'static str,
    path: String,
    class: OperationClass,
    body: Map<String, Value>,
    out: PhantomData<fn() -> T>,
}

impl<T> std::fmt::Debug for JsonCall<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("JsonCall")
            .field("name", &self.name)
            .field("path", &self.path)
            .field("class", &self.class)
            .finish_non_exhaustive()
    }
}

impl<T> JsonCall<T> {
    fn new(name: &'static str, path: String, class: OperationClass) -> Self {
        Self {
            name,
            path,
            class,
            body: Map::new(),
            out: PhantomData,
        }
    }

    fn with_body(mut self, body: &impl Serialize) -> Result<Self, ProviderError> {
        match serde_json::to_value(body) {
            Ok(Value::Object(map)) => {
                self.body = map;
                Ok(self)
            }
            Ok(_) => Err(ProviderError::invalid("body", "not a JSON object")),
            Err(e) => Err(ProviderError::invalid("body", e.to_string())),
        }
    }

    /// The documented operation (`POST /certificate/{id}`).
    pub const fn name(&self) -> &'static str {
        self.name
    }

    /// The path below the base URL.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The body fields, without credentials.
    pub fn body(&self) -> &Map<String, Value> {
        &self.body
    }
}

impl<T: DeserializeOwned> Call for JsonCall<T> {
    type Output = T;

    fn class(&self) -> OperationClass {
        self.class
    }

    fn request(&self) -> Result<HttpRequest, ProviderError> {
        // "Response Content-Types: application/json"; requests are JSON too.
        Ok(HttpRequest::new(Method::Post, self.path.clone())
            .with_header("Accept", "application/json")
            .with_json(&self.body)?)
    }

    fn parse(&self, response: &HttpResponse) -> Result<T, ProviderError> {
        envelope::data(response)
    }
}

/// A path segment from caller input: required, percent-encoded, with `*` kept as it is (a
/// sub-delimiter allowed in a segment, RFC 3986 §3.3) so wildcard names read naturally.
fn segment(field: &str, value: &str) -> Result<String, ProviderError> {
    required(field, value)?;
    Ok(encode_path_segment(value).replace("%2A", "*"))
}

fn get<T>(name: &'static str, path: String, class: OperationClass) -> JsonCall<T> {
    JsonCall::new(name, path, class)
}

/// `POST /product-types`.
pub fn product_types() -> JsonCall<ProductTypes> {
    get(
        "POST /product-types",
        "/product-types".into(),
        OperationClass::Catalog,
    )
}

/// `POST /products/{product-type}`.
pub fn products(product_type: &str) -> Result<JsonCall<ProductsData>, ProviderError> {
    let t = segment("product-type", product_type)?;
    Ok(get(
        "POST /products/{product-type}",
        format!("/products/{t}"),
        OperationClass::Catalog,
    ))
}

/// `POST /product/{product-code}`.
pub fn product(code: &str) -> Result<JsonCall<ProductDetails>, ProviderError> {
    let c = segment("product-code", code)?;
    Ok(get(
        "POST /product/{product-code}",
        format!("/product/{c}"),
        OperationClass::Catalog,
    ))
}

/// `POST /product/{product-code}/requirements`.
pub fn requirements(code: &str) -> Result<JsonCall<Requirements>, ProviderError> {
    let c = segment("product-code", code)?;
    Ok(get(
        "POST /product/{product-code}/requirements",
        format!("/product/{c}/requirements"),
        OperationClass::Catalog,
    ))
}

/// `POST /product/{product-code}/addons`.
pub fn addons(code: &str) -> Result<JsonCall<Addons>, ProviderError> {
    let c = segment("product-code", code)?;
    Ok(get(
        "POST /product/{product-code}/addons",
        format!("/product/{c}/addons"),
        OperationClass::Catalog,
    ))
}

/// `POST /product/{product-code}/prices`.
pub fn prices(code: &str) -> Result<JsonCall<Prices>, ProviderError> {
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
) -> Result<JsonCall<Vec<Value>>, ProviderError> {
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
) -> Result<JsonCall<NameCheck>, ProviderError> {
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
) -> Result<JsonCall<NameCheck>, ProviderError> {
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
pub fn validate(body: &OrderRequest) -> Result<JsonCall<Validated>, ProviderError> {
    body.check()?;
    get(
        "POST /order/certificate/validate",
        "/order/certificate/validate".into(),
        OperationClass::Quote,
    )
    .with_body(body)
}

/// `POST /order/certificate/place-order`: "Order placing after validation, prior completion".
pub fn place_order(body: &OrderRequest) -> Result<JsonCall<Placed>, ProviderError> {
    body.check()?;
    get(
        "POST /order/certificate/place-order",
        "/order/certificate/place-order".into(),
        OperationClass::Billable,
    )
    .with_body(body)
}

/// `POST /order/certificate/complete`: "Fill certificate details" of a placed order.
pub fn complete(body: &CompleteRequest) -> Result<JsonCall<Completed>, ProviderError> {
    body.check()?;
    get(
        "POST /order/certificate/complete",
        "/order/certificate/complete".into(),
        OperationClass::OrderChange,
    )
    .with_body(body)
}

/// `POST /order/certificate/place-quick-order`: "Fill all certificate details in one go".
pub fn place_quick_order(
    body: &QuickOrderRequest,
) -> Result<JsonCall<QuickOrdered>, ProviderError> {
    body.check()?;
    get(
        "POST /order/certificate/place-quick-order",
        "/order/certificate/place-quick-order".into(),
        OperationClass::Billable,
    )
    .with_body(body)
}
