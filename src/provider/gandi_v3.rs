//! Gandi XML-RPC API v3, certificate methods (Gandi's v3 certificate reference,
//! <https://doc.rpc.gandi.net/cert/reference.html>; docs/providers.md §1.5).
//!
//! Legacy: Gandi develops only the v5 REST API now and v5 accounts cannot get a v3 key
//! (docs/providers.md §1.1); this adapter serves customers who still have one.
//!
//! - [`calls`]: one constructor per method (`cert.*`, `cert.hosted.*`, `operation.info`),
//!   each a [`Prepared`](crate::provider::flow::Prepared) call implementing [`Call`](crate::provider::Call).
//! - [`wire`]: the parameter and return structs of the document.
//! - [`PackageName`]: the package name grammar both Gandi APIs share (`crate::provider::gandi`).
//! - [`GandiV3`]: the [`Provider`] implementation, recognition by `methodName`, and the API
//!   key as the first parameter.

pub mod calls;
pub mod error;
pub mod map;
pub mod wire;

pub use crate::provider::gandi::{Category, Names, PackageName};
pub use crate::provider::gandi::{GandiApi, GandiDcvMethod};
pub use error::{Classification, Error, classify};

/// A `DCVMethod` word: Gandi's one DCV method enum ([`GandiDcvMethod`]), read for v3.
pub type V3DcvMethod = GandiDcvMethod;

use crate::http::{Credentials, HttpRequest, Method};
use crate::order::{Certificate, DcvChoice, NameValidation, OrderDraft, OrderHandle, OrderState};
use crate::product::Product;
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
        let method = gandi::one_dcv_method(draft)?;
        let duration = gandi::years(draft)?
            .map(|years| {
                i32::try_from(years)
                    .map_err(|_| ProviderError::invalid("duration", "too many years"))
            })
            .transpose()?;
        if draft.csr.is_none() && draft.common_name.is_none() {
            return Err(ProviderError::invalid(
                "csr",
                "a CSR or a common name is needed",
            ));
        }
        Ok(CertificateParams {
            package: Some(draft.product.clone()),
            altnames: draft.sans_ascii(),
            cn: draft.common_name_ascii(),
            csr: draft.csr.clone(),
            dcv_method: method
                .map(|m| V3DcvMethod::from_neutral(m, GandiApi::V3).map(|m| m.as_str().to_owned()))
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

    fn recognise(&self, request: &HttpRequest) -> Option<Operation> {
        let (method, path) = (request.method, request.path_and_query());
        let body = request.body.as_deref().unwrap_or_default();
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
        crate::order::check::before_sending(draft)?;
        let params = Self::create_params(draft)?;
        let method = gandi::one_dcv_method(draft)?.cloned();
        Ok(flow::map(calls::create(&params)?, move |op| {
            let mut state = map::operation(ProviderKind::GandiV3, &op)?;
            state.handle.dcv_method = method;
            Ok(state)
        }))
    }

    fn order(&self, handle: &OrderHandle) -> Result<Flow<OrderState>, ProviderError> {
        let kept = handle.clone();
        Ok(flow::map(calls::info(cert_id(handle)?), move |cert| {
            let mut state = map::certificate(ProviderKind::GandiV3, &cert)?;
            state.handle.operation = kept.operation;
            state.handle.dcv_method = kept.dcv_method;
            Ok(state)
        }))
    }

    /// `cert.get_dcv_params` for the handle's DCV method: without `dcv_method` Gandi does not
    /// give the DNS details, so a handle that keeps none is refused before sending.
    fn dcv(&self, state: &OrderState) -> Result<Flow<Vec<NameValidation>>, ProviderError> {
        let method = state.handle.dcv_method.as_ref().ok_or_else(|| {
            ProviderError::invalid("dcv_method", "the order's handle keeps no DCV method")
        })?;
        let params = CertificateParams {
            package: state.product.clone(),
            cert_id: Some(cert_id(&state.handle)?),
            csr: state.csr.clone(),
            dcv_method: Some(
                V3DcvMethod::from_neutral(method, GandiApi::V3)?
                    .as_str()
                    .to_owned(),
            ),
            ..CertificateParams::default()
        };
        Ok(flow::map(calls::get_dcv_params(&params)?, |p| {
            Ok(map::dcv_params(&p))
        }))
    }

    fn dcv_preview(&self, draft: &OrderDraft) -> Result<Flow<Vec<NameValidation>>, ProviderError> {
        crate::order::check::before_sending(draft)?;
        let create = Self::create_params(draft)?;
        let params = CertificateParams {
            package: create.package,
            altnames: create.altnames,
            csr: create.csr,
            dcv_method: create.dcv_method,
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
    ) -> Result<Flow<OrderHandle>, ProviderError> {
        self.capabilities().dcv_change.check(choice)?;
        let method = V3DcvMethod::from_neutral(&choice.method, GandiApi::V3)?;
        let changed = handle.clone().with_dcv_method(choice.method.clone());
        Ok(flow::map(
            calls::change_dcv(operation_id(handle)?, method)?,
            move |ok| accepted(ok).map(|()| changed),
        ))
    }

    fn resend_dcv(&self, handle: &OrderHandle) -> Result<Flow<()>, ProviderError> {
        gandi::check_resend(handle)?;
        Ok(flow::map(
            calls::resend_dcv(operation_id(handle)?),
            accepted,
        ))
    }

    /// `cert.info`; a certificate not issued yet has no `cert`.
    fn download(&self, handle: &OrderHandle) -> Result<Flow<Certificate>, ProviderError> {
        Ok(flow::map(calls::info(cert_id(handle)?), |cert| {
            map::certificate(ProviderKind::GandiV3, &cert)?
                .certificate
                .ok_or(ProviderError::NotIssued)
        }))
    }

    /// `cert.renew`, "not a free operation"; it takes a new CSR.
    fn renew(
        &self,
        handle: &OrderHandle,
        draft: &OrderDraft,
    ) -> Result<Flow<OrderState>, ProviderError> {
        crate::order::check::before_sending(draft)?;
        let params = Self::create_params(draft)?;
        let method = gandi::one_dcv_method(draft)?.cloned();
        Ok(flow::map(
            calls::renew(cert_id(handle)?, &params)?,
            move |op| {
                let mut state = map::operation(ProviderKind::GandiV3, &op)?;
                state.handle.dcv_method = method;
                Ok(state)
            },
        ))
    }

    /// `cert.update` with the new CSR.
    fn reissue(&self, handle: &OrderHandle, csr: &str) -> Result<Flow<OrderState>, ProviderError> {
        let params = CertificateParams {
            csr: Some(csr.to_owned()),
            ..CertificateParams::default()
        };
        let method = handle.dcv_method.clone();
        Ok(flow::map(
            calls::update(cert_id(handle)?, &params)?,
            move |op| {
                let mut state = map::operation(ProviderKind::GandiV3, &op)?;
                state.handle.dcv_method = method;
                Ok(state)
            },
        ))
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
