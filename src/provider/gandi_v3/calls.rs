//! One constructor per documented method; each returns a [`Prepared`] call that carries the
//! `methodCall` and parses the `methodResponse` (the Gandi v3 certificate reference, "Methods").
//!
//! Every method's first parameter is the API key. Calls are built with an empty placeholder
//! there; [`super::GandiV3`]'s `authenticate` puts the key in (server-side in reseller mode).

use serde::de::DeserializeOwned;

use super::wire::{
    CertListOptions, CertPackageListOptions, CertPackageReturn, CertificateParams,
    CertificateReturn, DcvParamsReturn, OperationReturn, SslListOptions, SslListReturn, SslReturn,
};
use super::{ENDPOINT_PATH, V3DcvMethod};
use crate::http::{BodyError, HttpRequest, HttpResponse, Method, Secret};
use crate::provider::flow::Prepared;
use crate::provider::xmlrpc::{self, MethodCall, Value};
use crate::provider::{OperationClass, ProviderError};

/// Drops `nil` struct members so `#[serde(default)]` applies to them.
fn strip_nil(value: Value) -> Value {
    match value {
        Value::Struct(members) => Value::Struct(
            members
                .into_iter()
                .filter(|(_, v)| *v != Value::Nil)
                .map(|(k, v)| (k, strip_nil(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(strip_nil).collect()),
        other => other,
    }
}

/// XML-RPC reports faults inside a 200 response; any other status is transport-level.
fn refusal(response: &HttpResponse) -> Option<ProviderError> {
    (response.status != 200).then_some(ProviderError::UnexpectedStatus {
        status: response.status,
    })
}

/// The `methodResponse`'s value; a fault becomes Gandi's refusal, `Error::Fault`.
fn answer(response: &HttpResponse) -> Result<Value, ProviderError> {
    Ok(xmlrpc::decode_response(response.text()?)?)
}

fn decode<T: DeserializeOwned>(response: &HttpResponse) -> Result<T, ProviderError> {
    Ok(strip_nil(answer(response)?).deserialize_into()?)
}

fn int(response: &HttpResponse) -> Result<i32, ProviderError> {
    let value = answer(response)?;
    value.as_i32().ok_or_else(|| shape("an int", &value))
}

fn boolean(response: &HttpResponse) -> Result<bool, ProviderError> {
    let value = answer(response)?;
    value.as_bool().ok_or_else(|| shape("a boolean", &value))
}

fn shape(expected: &str, found: &Value) -> ProviderError {
    ProviderError::UnexpectedResponse(format!("expected {expected}, found {}", found.type_name()))
}

fn options<T: serde::Serialize>(opts: Option<&T>) -> Result<Vec<Value>, ProviderError> {
    opts.map(to_value).into_iter().collect()
}

/// A parameter as an XML-RPC value; what cannot be written is a [`BodyError::Unserialisable`].
fn to_value<T: serde::Serialize + ?Sized>(value: &T) -> Result<Value, ProviderError> {
    Value::serialize_from(value).map_err(|e| BodyError::Unserialisable(e.to_string()).into())
}

/// The call of `method`: the parameters follow an empty API-key placeholder.
fn rpc<T>(
    method: &'static str,
    params: Vec<Value>,
    class: OperationClass,
    parse: fn(&HttpResponse) -> Result<T, ProviderError>,
) -> Prepared<T> {
    let mut all = Vec::with_capacity(params.len() + 1);
    all.push(Value::from(""));
    all.extend(params);
    let xml = MethodCall::new(method, all).to_xml();
    let request =
        HttpRequest::new(Method::Post, ENDPOINT_PATH).with_body(xmlrpc::CONTENT_TYPE, xml);
    Prepared::new(method, class, request, refusal, parse)
}

/// Checks what the document constrains before anything is sent: `dcv_method` must be a
/// `DCVMethod` word, `duration` 1 or 2 years (docs/providers.md §1.5).
fn check_params(params: &CertificateParams) -> Result<Value, ProviderError> {
    if let Some(method) = &params.dcv_method {
        V3DcvMethod::parse_for(crate::provider::gandi::GandiApi::V3, method)?;
    }
    if let Some(duration) = params.duration
        && !(1..=2).contains(&duration)
    {
        return Err(ProviderError::invalid("duration", "must be 1 or 2 years"));
    }
    if let Some(package) = &params.package {
        package.parse::<super::PackageName>()?;
    }
    to_value(params)
}

/// `cert.package.list(apikey[, opts])`.
pub fn package_list(
    opts: Option<&CertPackageListOptions>,
) -> Result<Prepared<Vec<CertPackageReturn>>, ProviderError> {
    Ok(rpc(
        "cert.package.list",
        options(opts)?,
        OperationClass::Catalog,
        decode,
    ))
}

/// `cert.list(apikey[, opts])`.
pub fn list(
    opts: Option<&CertListOptions>,
) -> Result<Prepared<Vec<CertificateReturn>>, ProviderError> {
    Ok(rpc(
        "cert.list",
        options(opts)?,
        OperationClass::AccountWide,
        decode,
    ))
}

/// `cert.count(apikey[, opts])`.
pub fn count(opts: Option<&CertListOptions>) -> Result<Prepared<i32>, ProviderError> {
    Ok(rpc(
        "cert.count",
        options(opts)?,
        OperationClass::AccountWide,
        int,
    ))
}

/// `cert.info(apikey, cert)`.
pub fn info(cert: i32) -> Prepared<CertificateReturn> {
    rpc(
        "cert.info",
        vec![cert.into()],
        OperationClass::OrderRead,
        decode,
    )
}

/// `cert.create(apikey, params)`: "not a free operation".
pub fn create(params: &CertificateParams) -> Result<Prepared<OperationReturn>, ProviderError> {
    if params.package.is_none() {
        return Err(ProviderError::invalid("package", "is mandatory"));
    }
    Ok(rpc(
        "cert.create",
        vec![check_params(params)?],
        OperationClass::Billable,
        decode,
    ))
}

/// `cert.get_dcv_params(apikey, params)`. Pass `cert_id` for an existing order, or the DNS
/// record lacks its unique value (docs/providers.md §1.5, gandi.cli issue 236).
pub fn get_dcv_params(
    params: &CertificateParams,
) -> Result<Prepared<DcvParamsReturn>, ProviderError> {
    let class = if params.cert_id.is_some() {
        OperationClass::OrderRead
    } else {
        OperationClass::Lookup
    };
    Ok(rpc(
        "cert.get_dcv_params",
        vec![check_params(params)?],
        class,
        decode,
    ))
}

/// `cert.change_dcv(apikey, operation, dcv_method)`: `ChangeDCVMethod` has no `auto`.
pub fn change_dcv(operation: i32, method: V3DcvMethod) -> Result<Prepared<bool>, ProviderError> {
    if method == V3DcvMethod::Auto {
        return Err(ProviderError::invalid(
            "dcv_method",
            "auto cannot be chosen when changing the method",
        ));
    }
    let params = vec![operation.into(), method.as_str().into()];
    Ok(rpc(
        "cert.change_dcv",
        params,
        OperationClass::OrderChange,
        boolean,
    ))
}

/// `cert.resend_dcv(apikey, operation)`.
pub fn resend_dcv(operation: i32) -> Prepared<bool> {
    rpc(
        "cert.resend_dcv",
        vec![operation.into()],
        OperationClass::OrderChange,
        boolean,
    )
}

/// `cert.recheck_caa(apikey, uuid)`: `uuid` is the certificate's v5 id.
pub fn recheck_caa(uuid: &str) -> Prepared<bool> {
    rpc(
        "cert.recheck_caa",
        vec![uuid.into()],
        OperationClass::OrderChange,
        boolean,
    )
}

/// `cert.renew(apikey, cert, params)`: "not a free operation"; a new CSR is required.
pub fn renew(
    cert: i32,
    params: &CertificateParams,
) -> Result<Prepared<OperationReturn>, ProviderError> {
    if params.csr.is_none() {
        return Err(ProviderError::invalid("csr", "a renewal needs a new CSR"));
    }
    let params = vec![cert.into(), check_params(params)?];
    Ok(rpc("cert.renew", params, OperationClass::Billable, decode))
}

/// `cert.update(apikey, cert, params)`: replace the CSR (reissue).
pub fn update(
    cert: i32,
    params: &CertificateParams,
) -> Result<Prepared<OperationReturn>, ProviderError> {
    let params = vec![cert.into(), check_params(params)?];
    Ok(rpc(
        "cert.update",
        params,
        OperationClass::OrderChange,
        decode,
    ))
}

/// `cert.delete(apikey, cert[, params])`: revoke/delete, with an optional reason.
pub fn delete(cert: i32, reason: Option<&str>) -> Prepared<OperationReturn> {
    let mut params = vec![cert.into()];
    if let Some(reason) = reason {
        params.push(Value::structure([("reason", Value::from(reason))]));
    }
    rpc("cert.delete", params, OperationClass::OrderChange, decode)
}

/// `cert.hosted.list(apikey[, opts])`.
pub fn hosted_list(
    opts: Option<&SslListOptions>,
) -> Result<Prepared<Vec<SslListReturn>>, ProviderError> {
    Ok(rpc(
        "cert.hosted.list",
        options(opts)?,
        OperationClass::AccountWide,
        decode,
    ))
}

/// `cert.hosted.count(apikey[, opts])`.
pub fn hosted_count(opts: Option<&SslListOptions>) -> Result<Prepared<i32>, ProviderError> {
    Ok(rpc(
        "cert.hosted.count",
        options(opts)?,
        OperationClass::AccountWide,
        int,
    ))
}

/// `cert.hosted.info(apikey, ssl)`. The document types `ssl` as "struct" yet describes it as
/// the "id of SSL instance"; the id is sent as an int.
pub fn hosted_info(ssl: i32) -> Prepared<SslReturn> {
    rpc(
        "cert.hosted.info",
        vec![ssl.into()],
        OperationClass::AccountWide,
        decode,
    )
}

/// `cert.hosted.create(apikey, {crt, key})`: uploads a certificate *and its private key* to
/// Gandi's hosting. The key is a [`Secret`]; the server must not allow this in reseller mode
/// (docs/design.md, security model item 4).
pub fn hosted_create(crt: &str, key: &Secret) -> Prepared<SslReturn> {
    let params = Value::structure([
        ("crt", Value::from(crt)),
        ("key", Value::from(key.expose())),
    ]);
    rpc(
        "cert.hosted.create",
        vec![params],
        OperationClass::AccountWide,
        decode,
    )
}

/// `cert.hosted.delete(apikey, ssl)`.
pub fn hosted_delete(ssl: i32) -> Prepared<bool> {
    rpc(
        "cert.hosted.delete",
        vec![ssl.into()],
        OperationClass::AccountWide,
        boolean,
    )
}

/// `operation.info(apikey, id)`: poll until `step` is `DONE` (docs/providers.md §1.5).
pub fn operation_info(id: i32) -> Prepared<OperationReturn> {
    rpc(
        "operation.info",
        vec![id.into()],
        OperationClass::OrderRead,
        decode,
    )
}
