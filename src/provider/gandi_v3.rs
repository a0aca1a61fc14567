//! Gandi XML-RPC API v3, certificate methods (Gandi's v3 certificate reference,
//! <https://doc.rpc.gandi.net/cert/reference.html>; docs/providers.md §1.5).
//!
//! Legacy: Gandi develops only the v5 REST API now and v5 accounts cannot get a v3 key
//! (docs/providers.md §1.1); this adapter serves customers who still have one.
//!
//! - [`calls`]: one constructor per method (`cert.*`, `cert.hosted.*`, `operation.info`),
//!   each a [`Prepared`](crate::provider::flow::Prepared) call implementing [`Call`](crate::provider::Call).
//! - [`wire`]: the parameter and return structs of the document.
//! - [`PackageName`]: the package name grammar both Gandi APIs share ([`crate::provider::gandi`]).
//! - [`GandiV3`]: the [`Provider`] implementation, recognition by `methodName`, and the API
//!   key as the first parameter.

pub mod calls;
pub mod error;
pub mod map;
mod method;
pub mod wire;

pub use crate::provider::gandi::{Category, Names, PackageName};
pub use error::{Classification, Error, classify};
pub use method::V3DcvMethod;

use crate::http::{Credentials, HttpRequest, Method};
use crate::order::{Certificate, DcvChoice, NameValidation, OrderDraft, OrderHandle, OrderState};
use crate::product::{PeriodUnit, Product};
use crate::provider::capabilities::Capabilities;
use crate::provider::flow::{self, Flow};
use crate::provider::xmlrpc::{self, Value};
use crate::provider::{
    Operation, OperationClass, Provider, ProviderError, ProviderKind, Target, gandi,
};
use wire::{CertificateParams, OperationReturn};

/// Production base URL (docs/providers.md §1.5).
pub const PRODUCTION_BASE: &str = "https://rpc.gandi.net";
/// OT&E (test) base URL.
pub const OTE_BASE: &str = "https://rpc.ote.gandi.net";
/// The XML-RPC endpoint path below the base URL.
pub const ENDPOINT_PATH: &str = "/xmlrpc/";

/// The error of an operation in error, if it is one (`step` ERROR, or an `errortype`).
pub fn operation_error(op: &OperationReturn) -> Option<Error> {
    let failed = op.step.as_deref() == Some("ERROR");
    let errortype = op
        .errortype
        .as_ref()
        .filter(|e| e.name.is_some() || e.kind.is_some());
    if !failed && errortype.is_none() {
        return None;
    }
    let errortype = errortype.cloned().unwrap_or_default();
    Some(Error::Operation {
        id: op.id,
        name: errortype.name.clone().unwrap_or_else(|| "unknown".into()),
        classification: errortype.classification(),
        refundable: errortype.refundable,
        last_error: op.last_error.clone(),
    })
}

/// What the first parameter after the key names.
#[derive(Clone, Copy)]
enum Acts {
    /// Nothing in particular.
    Account,
    /// A certificate id (or uuid).
    OnOrder,
    /// An operation id.
    OnOperation,
}

/// Every method this adapter forwards: name, class, and what its first parameter names.
#[rustfmt::skip]
const METHODS: &[(&str, OperationClass, Acts)] = &[
    ("cert.package.list", OperationClass::Catalog, Acts::Account),
    ("cert.list", OperationClass::AccountWide, Acts::Account),
    ("cert.count", OperationClass::AccountWide, Acts::Account),
    ("cert.info", OperationClass::OrderRead, Acts::OnOrder),
    ("cert.create", OperationClass::Billable, Acts::Account),
    ("cert.get_dcv_params", OperationClass::Lookup, Acts::Account),
    ("cert.change_dcv", OperationClass::OrderChange, Acts::OnOperation),
    ("cert.resend_dcv", OperationClass::OrderChange, Acts::OnOperation),
    ("cert.recheck_caa", OperationClass::OrderChange, Acts::OnOrder),
    ("cert.renew", OperationClass::Billable, Acts::OnOrder),
    ("cert.update", OperationClass::OrderChange, Acts::OnOrder),
    ("cert.delete", OperationClass::OrderChange, Acts::OnOrder),
    ("cert.hosted.list", OperationClass::AccountWide, Acts::Account),
    ("cert.hosted.count", OperationClass::AccountWide, Acts::Account),
    ("cert.hosted.info", OperationClass::AccountWide, Acts::Account),
    ("cert.hosted.create", OperationClass::AccountWide, Acts::Account),
    ("cert.hosted.delete", OperationClass::AccountWide, Acts::Account),
    ("operation.info", OperationClass::OrderRead, Acts::OnOperation),
];

fn id_text(value: &Value) -> Option<String> {
    match value {
        Value::Int(n) => Some(n.to_string()),
        Value::String(s) if !s.is_empty() => Some(s.clone()),
        _ => None,
    }
}

fn cert_id(handle: &OrderHandle) -> Result<i32, ProviderError> {
    handle
        .id
        .parse()
        .map_err(|_| ProviderError::invalid("cert", "a Gandi v3 certificate id is an integer"))
}

fn operation_id(handle: &OrderHandle) -> Result<i32, ProviderError> {
    handle
        .operation
        .as_deref()
        .and_then(|op| op.parse().ok())
        .ok_or_else(|| ProviderError::invalid("operation", "the order has no Gandi operation id"))
}

/// The Gandi XML-RPC v3 adapter.
#[derive(Debug, Clone, Copy, Default)]
pub struct GandiV3;

impl GandiV3 {
    /// `CertificateCreate` from a neutral draft.
    pub fn create_params(draft: &OrderDraft) -> Result<CertificateParams, ProviderError> {
        let methods: Vec<_> = draft.dcv.iter().map(|c| &c.method).collect();
        if methods.windows(2).any(|w| w[0] != w[1]) {
            return Err(ProviderError::invalid(
                "dcv_method",
                "Gandi takes one DCV method for the whole order",
            ));
        }
        let duration = match draft.period {
            None => None,
            Some(p) if p.unit == PeriodUnit::Years => Some(i32::try_from(p.count).unwrap_or(0)),
            Some(p) if p.unit == PeriodUnit::Months && p.count % 12 == 0 => {
                Some(i32::try_from(p.count / 12).unwrap_or(0))
            }
            Some(_) => {
                return Err(ProviderError::invalid(
                    "duration",
                    "Gandi counts whole years",
                ));
            }
        };
        if draft.csr.is_none() && draft.common_name.is_none() {
            return Err(ProviderError::invalid(
                "csr",
                "a CSR or a common name is needed",
            ));
        }
        Ok(CertificateParams {
            package: Some(draft.product.clone()),
            altnames: draft.sans.clone(),
            cn: draft.common_name.clone(),
            csr: draft.csr.clone(),
            dcv_method: methods
                .first()
                .map(|m| V3DcvMethod::from_neutral(m).map(|m| m.as_str().to_owned()))
                .transpose()?,
            duration,
            ..CertificateParams::default()
        })
    }
}

impl Provider for GandiV3 {
    fn kind(&self) -> ProviderKind {
        ProviderKind::GandiV3
    }

    fn capabilities(&self) -> Capabilities {
        gandi::capabilities(true, false)
    }

    fn recognise(&self, method: Method, path: &str, body: &[u8]) -> Option<Operation> {
        if method != Method::Post
            || path.trim_end_matches('/') != ENDPOINT_PATH.trim_end_matches('/')
        {
            return None;
        }
        let call = xmlrpc::decode_call(std::str::from_utf8(body).ok()?).ok()?;
        let &(name, mut class, target) = METHODS.iter().find(|(n, _, _)| *n == call.method)?;
        let first = call.params.get(1).and_then(id_text);
        let mut target = match target {
            Acts::Account => None,
            Acts::OnOrder => first.map(Target::Order),
            Acts::OnOperation => first.map(Target::Operation),
        };
        // get_dcv_params with a cert_id reads that order's DCV data.
        if name == "cert.get_dcv_params"
            && let Some(id) = call
                .params
                .get(1)
                .and_then(|p| p.get("cert_id"))
                .and_then(id_text)
        {
            class = OperationClass::OrderRead;
            target = Some(Target::Order(id));
        }
        Some(Operation {
            provider: ProviderKind::GandiV3,
            name,
            class,
            target,
        })
    }

    fn authenticate(
        &self,
        request: &mut HttpRequest,
        credentials: &Credentials,
    ) -> Result<(), ProviderError> {
        let Credentials::XmlRpcKey { key } = credentials else {
            return Err(ProviderError::WrongCredentials {
                provider: ProviderKind::GandiV3,
                expected: "an XML-RPC API key",
                given: credentials.style(),
            });
        };
        let body = request.body.as_deref().unwrap_or_default();
        let text =
            std::str::from_utf8(body).map_err(|_| ProviderError::invalid("body", "not UTF-8"))?;
        let mut call = xmlrpc::decode_call(text)?;
        // The key is the first positional parameter of every method (overview, docs/providers.md
        // §1.5); a placeholder or a customer's key already there is replaced.
        match call.params.first_mut() {
            Some(first @ Value::String(_)) => *first = Value::from(key.expose()),
            _ => call.params.insert(0, Value::from(key.expose())),
        }
        request.body = Some(call.to_xml().into_bytes());
        request.set_header("Content-Type", xmlrpc::CONTENT_TYPE);
        Ok(())
    }

    fn products(&self) -> Result<Flow<Vec<Product>>, ProviderError> {
        Ok(flow::map(calls::package_list(None)?, |packages| {
            Ok(packages
                .iter()
                .filter_map(|p| map::product(ProviderKind::GandiV3, p))
                .collect())
        }))
    }

    fn create_order(&self, draft: &OrderDraft) -> Result<Flow<OrderState>, ProviderError> {
        let params = Self::create_params(draft)?;
        Ok(flow::map(calls::create(&params)?, |op| {
            map::operation(ProviderKind::GandiV3, &op)
        }))
    }

    fn order(&self, handle: &OrderHandle) -> Result<Flow<OrderState>, ProviderError> {
        let operation = handle.operation.clone();
        Ok(flow::map(calls::info(cert_id(handle)?), move |cert| {
            let mut state = map::certificate(ProviderKind::GandiV3, &cert);
            state.handle.operation = operation;
            Ok(state)
        }))
    }

    fn dcv(&self, state: &OrderState) -> Result<Flow<Vec<NameValidation>>, ProviderError> {
        let method = state.validations.first().map(|v| &v.method);
        let params = CertificateParams {
            package: state.product.clone(),
            cert_id: Some(cert_id(&state.handle)?),
            csr: state.csr.clone(),
            dcv_method: method
                .map(|m| V3DcvMethod::from_neutral(m).map(|m| m.as_str().to_owned()))
                .transpose()?,
            ..CertificateParams::default()
        };
        Ok(flow::map(calls::get_dcv_params(&params)?, |p| {
            Ok(map::dcv_params(&p))
        }))
    }

    fn change_dcv(
        &self,
        handle: &OrderHandle,
        choice: &DcvChoice,
    ) -> Result<Flow<()>, ProviderError> {
        let method = V3DcvMethod::from_neutral(&choice.method)?;
        Ok(flow::map(
            calls::change_dcv(operation_id(handle)?, method)?,
            accepted,
        ))
    }

    fn resend_dcv(&self, handle: &OrderHandle) -> Result<Flow<()>, ProviderError> {
        Ok(flow::map(
            calls::resend_dcv(operation_id(handle)?),
            accepted,
        ))
    }

    fn download(&self, handle: &OrderHandle) -> Result<Flow<Certificate>, ProviderError> {
        Ok(flow::map(calls::info(cert_id(handle)?), |cert| {
            map::certificate(ProviderKind::GandiV3, &cert)
                .certificate
                .ok_or_else(|| {
                    ProviderError::UnexpectedResponse("the certificate is not issued yet".into())
                })
        }))
    }

    fn revoke(&self, handle: &OrderHandle) -> Result<Flow<()>, ProviderError> {
        Ok(flow::map(calls::delete(cert_id(handle)?, None), |op| {
            operation_error(&op).map_or(Ok(()), |e| Err(e.into()))
        }))
    }
}

/// A boolean result: `1 on success`.
fn accepted(ok: bool) -> Result<(), ProviderError> {
    if ok {
        Ok(())
    } else {
        Err(ProviderError::UnexpectedResponse(
            "Gandi answered false".into(),
        ))
    }
}
