//! Gandi REST API v5, certificates (`/v5/certificate/…`, docs/providers.md §1.2-1.3, §1.6).
//!
//! - [`calls`]: one constructor per endpoint, each a [`Prepared`](crate::provider::flow::Prepared) call.
//! - [`wire`]: request and response bodies.
//! - [`error::Error`]: the `errors[]` and `{cause, code, message, object}` envelopes.
//! - [`GandiV5`]: the [`Provider`] implementation; `Authorization: Bearer <PAT>` (or the
//!   deprecated `Apikey`).

pub mod calls;
mod dry_run;
pub mod error;
pub mod map;
pub mod wire;

pub use dry_run::is_dry_run;
pub use error::Error;
pub(crate) use map::order_state;
pub use map::{product, validations};

use crate::http::{Credentials, HttpRequest, Method};
use crate::order::{
    Certificate, DcvChoice, DcvMethod, DcvStatus, NameValidation, OrderDraft, OrderHandle,
    OrderState,
};
use crate::product::Product;
use crate::provider::capabilities::Capabilities;
use crate::provider::flow::{self, Flow};
use crate::provider::{
    Operation, OperationClass, Provider, ProviderError, ProviderKind, Target, gandi, not_issued,
};
use wire::{ChangeRequest, CreateRequest, Created, DcvParamsRequest};

/// Production base URL.
pub const PRODUCTION_BASE: &str = "https://api.gandi.net";
/// Sandbox base URL (separate sandbox account).
pub const SANDBOX_BASE: &str = "https://api.sandbox.gandi.net";
/// The certificate API's path below the base URL.
pub const BASE_PATH: &str = "/v5/certificate";

pub use crate::provider::gandi::{GandiApi, GandiDcvMethod};

/// A v5 `dcv_method` word: Gandi's one DCV method enum ([`GandiDcvMethod`]), read for v5.
pub type V5DcvMethod = GandiDcvMethod;

/// The Gandi v5 adapter.
#[derive(Debug, Clone, Copy, Default)]
pub struct GandiV5;

impl GandiV5 {
    /// The create body for a neutral draft. Duration is left out: v5 issues for one year
    /// whatever the duration (docs/providers.md §1.3); longer terms are a later `PATCH`.
    pub fn create_request(draft: &OrderDraft) -> Result<CreateRequest, ProviderError> {
        let first = gandi::one_dcv_method(draft)?;
        Ok(CreateRequest {
            package: draft.product.clone(),
            altnames: draft.sans_ascii(),
            cn: draft.common_name_ascii(),
            csr: draft.csr.clone(),
            dcv_method: first
                .map(|m| V5DcvMethod::from_neutral(m, GandiApi::V5).map(|m| m.as_str().to_owned()))
                .transpose()?,
            ..CreateRequest::default()
        })
    }

    /// Validates a draft with `Dry-Run: 1` without ordering.
    pub fn dry_run(draft: &OrderDraft) -> Result<Flow<()>, ProviderError> {
        Ok(flow::map(
            calls::create(&Self::create_request(draft)?, true)?,
            |_| Ok(()),
        ))
    }
}

/// The state of a certificate just created or renewed (a 202 with its id): pending, with the
/// draft's product, names, CSR and DCV method, which the answer does not repeat.
fn created_state(
    created: &Created,
    method: Option<DcvMethod>,
    names: &[String],
    product: String,
    csr: Option<String>,
) -> Result<OrderState, ProviderError> {
    let id = created
        .id
        .clone()
        .filter(|id| !id.is_empty())
        .ok_or_else(|| {
            ProviderError::UnexpectedResponse("the 202 answer has no certificate id".into())
        })?;
    let mut handle = OrderHandle::new(ProviderKind::GandiV5, id);
    handle.dcv_method = method.clone();
    let mut state = OrderState::new(handle, crate::order::OrderStatus::Pending, "pending");
    state.product = Some(product);
    state.csr = csr;
    state.common_name = names.first().cloned();
    state.names = names.to_vec();
    state.validations = method
        .map(|method| {
            names
                .iter()
                .map(|name| NameValidation {
                    name: name.clone(),
                    method: method.clone(),
                    status: DcvStatus::Pending,
                    instruction: None,
                })
                .collect()
        })
        .unwrap_or_default();
    Ok(state)
}

/// Splits `/v5/certificate/<rest>` into segments; `None` outside the certificate API.
fn segments(path: &str) -> Option<Vec<&str>> {
    let path = path.split('?').next()?;
    let rest = path.strip_prefix(BASE_PATH)?.strip_prefix('/')?;
    let parts: Vec<&str> = rest.trim_end_matches('/').split('/').collect();
    parts.iter().all(|p| !p.is_empty()).then_some(parts)
}

impl Provider for GandiV5 {
    fn kind(&self) -> ProviderKind {
        ProviderKind::GandiV5
    }

    fn capabilities(&self) -> Capabilities {
        gandi::capabilities(false, true)
    }

    fn recognise(&self, request: &HttpRequest) -> Option<Operation> {
        use Method::{Delete, Get, Patch, Post, Put};
        use OperationClass::{
            AccountWide, Billable, Catalog, Check, Lookup, OrderChange, OrderRead,
        };
        let path = request.path_and_query();
        let parts = segments(&path)?;
        // `Dry-Run: 1` makes create, renew and update a check that orders nothing; any other
        // value leaves them what they are (docs/providers.md §1.2).
        let dry_run = is_dry_run(request);
        let (name, class, target): (&'static str, _, Option<&str>) =
            match (request.method, parts.as_slice()) {
                (Post, ["dcv_params"]) => ("POST /dcv_params", Lookup, None),
                (Get, ["issued-certs"]) => ("GET /issued-certs", AccountWide, None),
                (Post, ["issued-certs"]) if dry_run => {
                    ("POST /issued-certs, Dry-Run: 1", Check, None)
                }
                (Post, ["issued-certs"]) => ("POST /issued-certs", Billable, None),
                (Get, ["issued-certs", id]) => ("GET /issued-certs/{id}", OrderRead, Some(id)),
                (Post, ["issued-certs", id]) if dry_run => {
                    ("POST /issued-certs/{id}, Dry-Run: 1", Check, Some(id))
                }
                (Post, ["issued-certs", id]) => ("POST /issued-certs/{id}", Billable, Some(id)),
                (Patch, ["issued-certs", id]) if dry_run => {
                    ("PATCH /issued-certs/{id}, Dry-Run: 1", Check, Some(id))
                }
                (Patch, ["issued-certs", id]) => {
                    ("PATCH /issued-certs/{id}", OrderChange, Some(id))
                }
                (Delete, ["issued-certs", id]) => {
                    ("DELETE /issued-certs/{id}", OrderChange, Some(id))
                }
                (Get, ["issued-certs", id, "crt"]) => {
                    ("GET /issued-certs/{id}/crt", OrderRead, Some(id))
                }
                (Put, ["issued-certs", id, "dcv"]) => {
                    ("PUT /issued-certs/{id}/dcv", OrderChange, Some(id))
                }
                (Patch, ["issued-certs", id, "dcv"]) => {
                    ("PATCH /issued-certs/{id}/dcv", OrderChange, Some(id))
                }
                (Post, ["issued-certs", id, "dcv_params"]) => {
                    ("POST /issued-certs/{id}/dcv_params", OrderRead, Some(id))
                }
                (Get, ["issued-certs", id, "tags"]) => {
                    ("GET /issued-certs/{id}/tags", OrderRead, Some(id))
                }
                (Post | Put | Patch | Delete, ["issued-certs", id, "tags"]) => {
                    let name = match request.method {
                        Post => "POST /issued-certs/{id}/tags",
                        Put => "PUT /issued-certs/{id}/tags",
                        Patch => "PATCH /issued-certs/{id}/tags",
                        _ => "DELETE /issued-certs/{id}/tags",
                    };
                    (name, OrderChange, Some(id))
                }
                (Get, ["packages"]) => ("GET /packages", Catalog, None),
                (Get, ["packages", _]) => ("GET /packages/{name}", Catalog, None),
                (Get, ["pem", _]) => ("GET /pem/{type}", Catalog, None),
                (Get, ["pem", "-", _]) => ("GET /pem/-/{filename}", Catalog, None),
                _ => return None,
            };
        Some(Operation {
            provider: ProviderKind::GandiV5,
            name,
            class,
            target: target.map(|id| Target::Order(id.to_owned())),
        })
    }

    fn authenticate(
        &self,
        request: &mut HttpRequest,
        credentials: &Credentials,
    ) -> Result<(), ProviderError> {
        let value = match credentials {
            Credentials::Bearer { token } => format!("Bearer {}", token.expose()),
            // Deprecated, still accepted (docs/providers.md §1.2).
            Credentials::ApiKey { key } => format!("Apikey {}", key.expose()),
            other => {
                return Err(ProviderError::WrongCredentials {
                    provider: ProviderKind::GandiV5,
                    expected: "a bearer token (personal access token) or an API key",
                    given: other.style(),
                });
            }
        };
        request.set_header("Authorization", value);
        Ok(())
    }

    fn products(&self) -> Result<Flow<Vec<Product>>, ProviderError> {
        Ok(flow::map(
            calls::packages(&calls::PackageQuery::default()),
            |page| Ok(page.items.iter().filter_map(product).collect()),
        ))
    }

    fn create_order(&self, draft: &OrderDraft) -> Result<Flow<OrderState>, ProviderError> {
        crate::order::check::before_sending(draft)?;
        let body = Self::create_request(draft)?;
        let method = gandi::one_dcv_method(draft)?.cloned();
        let names = draft.names_ascii();
        let product = draft.product.clone();
        let csr = draft.csr.clone();
        Ok(flow::map(calls::create(&body, false)?, move |created| {
            created_state(&created, method, &names, product, csr)
        }))
    }

    fn order(&self, handle: &OrderHandle) -> Result<Flow<OrderState>, ProviderError> {
        let id = handle.id.clone();
        let method = handle.dcv_method.clone();
        Ok(flow::map(calls::get(&handle.id)?, move |cert| {
            let mut state = order_state(&cert, &id);
            state.handle.dcv_method = method;
            Ok(state)
        }))
    }

    /// Asks for the handle's DCV method; with none kept, sends `{}` and reads the method
    /// from the answer (`dcv_method` is in every `dcv_params` answer).
    fn dcv(&self, state: &OrderState) -> Result<Flow<Vec<NameValidation>>, ProviderError> {
        let body = DcvParamsRequest {
            dcv_method: state
                .handle
                .dcv_method
                .as_ref()
                .map(|m| V5DcvMethod::from_neutral(m, GandiApi::V5).map(|m| m.as_str().to_owned()))
                .transpose()?,
            ..DcvParamsRequest::default()
        };
        Ok(flow::map(
            calls::dcv_params(&state.handle.id, &body)?,
            |p| Ok(validations(&p)),
        ))
    }

    fn dry_run(&self, draft: &OrderDraft) -> Result<Flow<()>, ProviderError> {
        crate::order::check::before_sending(draft)?;
        Self::dry_run(draft)
    }

    fn dcv_preview(&self, draft: &OrderDraft) -> Result<Flow<Vec<NameValidation>>, ProviderError> {
        crate::order::check::before_sending(draft)?;
        let body = DcvParamsRequest {
            altnames: draft.sans_ascii(),
            csr: draft.csr.clone(),
            dcv_method: Self::create_request(draft)?.dcv_method,
            package: Some(draft.product.clone()),
        };
        Ok(flow::map(calls::preview_dcv_params(&body)?, |p| {
            Ok(validations(&p))
        }))
    }

    fn change_dcv(
        &self,
        handle: &OrderHandle,
        choice: &DcvChoice,
    ) -> Result<Flow<OrderHandle>, ProviderError> {
        self.capabilities().dcv_change.check(choice)?;
        let method = V5DcvMethod::from_neutral(&choice.method, GandiApi::V5)?;
        let changed = handle.clone().with_dcv_method(choice.method.clone());
        Ok(flow::map(
            calls::change_dcv(&handle.id, method)?,
            move |_| Ok(changed),
        ))
    }

    fn resend_dcv(&self, handle: &OrderHandle) -> Result<Flow<()>, ProviderError> {
        gandi::check_resend(handle)?;
        Ok(flow::map(calls::resend_dcv(&handle.id)?, |_| Ok(())))
    }

    fn renew(
        &self,
        handle: &OrderHandle,
        draft: &OrderDraft,
    ) -> Result<Flow<OrderState>, ProviderError> {
        crate::order::check::before_sending(draft)?;
        let method = gandi::one_dcv_method(draft)?.cloned();
        let body = ChangeRequest {
            csr: draft.csr.clone(),
            dcv_method: Self::create_request(draft)?.dcv_method,
            duration: gandi::years(draft)?,
            ..ChangeRequest::default()
        };
        let names = draft.names_ascii();
        let product = draft.product.clone();
        let csr = draft.csr.clone();
        Ok(flow::map(
            calls::renew(&handle.id, &body, false)?,
            move |created| created_state(&created, method, &names, product, csr),
        ))
    }

    fn reissue(&self, handle: &OrderHandle, csr: &str) -> Result<Flow<OrderState>, ProviderError> {
        let body = ChangeRequest {
            csr: Some(csr.to_owned()),
            ..ChangeRequest::default()
        };
        let handle = handle.clone();
        let csr = csr.to_owned();
        Ok(flow::map(
            calls::update(&handle.id.clone(), &body, false)?,
            move |_| {
                let mut state =
                    OrderState::new(handle, crate::order::OrderStatus::Pending, "pending");
                state.csr = Some(csr);
                Ok(state)
            },
        ))
    }

    /// `GET …/crt` answers 404 while the certificate is pending.
    fn download(&self, handle: &OrderHandle) -> Result<Flow<Certificate>, ProviderError> {
        Ok(not_issued::when_missing(
            flow::map(calls::crt(&handle.id)?, |text| {
                Ok(Certificate::from_pem_or_base64(&text))
            }),
            not_issued::is_not_found,
        ))
    }

    fn revoke(&self, handle: &OrderHandle) -> Result<Flow<()>, ProviderError> {
        Ok(flow::map(calls::revoke(&handle.id)?, |_| Ok(())))
    }
}
