//! Gandi REST API v5, certificates (`/v5/certificate/…`, docs/providers.md §1.2-1.3, §1.6).
//!
//! - [`calls`]: one constructor per endpoint, each a [`Prepared`](crate::provider::flow::Prepared) call.
//! - [`wire`]: request and response bodies.
//! - [`error::Error`]: the `errors[]` and `{cause, code, message, object}` envelopes.
//! - [`GandiV5`]: the [`Provider`] implementation; `Authorization: Bearer <PAT>` (or the
//!   deprecated `Apikey`).

pub mod calls;
pub mod error;
pub mod map;
pub mod wire;

use std::fmt;
use std::str::FromStr;

pub use error::Error;
pub use map::{order_state, product, validations};

use crate::http::{Credentials, HttpRequest, Method};
use crate::order::{
    Certificate, DcvChoice, DcvMethod, DcvStatus, NameValidation, OrderDraft, OrderHandle,
    OrderState,
};
use crate::product::Product;
use crate::provider::capabilities::Capabilities;
use crate::provider::flow::{self, Flow};
use crate::provider::{
    Operation, OperationClass, Provider, ProviderError, ProviderKind, Target, gandi,
};
use wire::{CreateRequest, DcvParamsRequest};

/// Production base URL.
pub const PRODUCTION_BASE: &str = "https://api.gandi.net";
/// Sandbox base URL (separate sandbox account).
pub const SANDBOX_BASE: &str = "https://api.sandbox.gandi.net";
/// The certificate API's path below the base URL.
pub const BASE_PATH: &str = "/v5/certificate";

/// A v5 `dcv_method` word: email, dns, file, http, https.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum V5DcvMethod {
    /// `email`.
    Email,
    /// `dns`.
    Dns,
    /// `file`.
    File,
    /// `http`.
    Http,
    /// `https`.
    Https,
}

impl V5DcvMethod {
    /// The wire word.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Email => "email",
            Self::Dns => "dns",
            Self::File => "file",
            Self::Http => "http",
            Self::Https => "https",
        }
    }

    /// From the neutral method (file over HTTP is sent as `file`).
    pub fn from_neutral(method: &DcvMethod) -> Result<Self, ProviderError> {
        match method {
            DcvMethod::Email => Ok(Self::Email),
            DcvMethod::Dns => Ok(Self::Dns),
            DcvMethod::Http => Ok(Self::File),
            DcvMethod::Https => Ok(Self::Https),
            other => Err(ProviderError::invalid(
                "dcv_method",
                format!("Gandi v5 has no {other} method"),
            )),
        }
    }

    /// The neutral method.
    pub const fn to_neutral(self) -> DcvMethod {
        match self {
            Self::Email => DcvMethod::Email,
            Self::Dns => DcvMethod::Dns,
            Self::File | Self::Http => DcvMethod::Http,
            Self::Https => DcvMethod::Https,
        }
    }
}

impl fmt::Display for V5DcvMethod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for V5DcvMethod {
    type Err = ProviderError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "email" => Ok(Self::Email),
            "dns" => Ok(Self::Dns),
            "file" => Ok(Self::File),
            "http" => Ok(Self::Http),
            "https" => Ok(Self::Https),
            _ => Err(ProviderError::invalid(
                "dcv_method",
                "must be one of email, dns, file, http, https",
            )),
        }
    }
}

/// The Gandi v5 adapter.
#[derive(Debug, Clone, Copy, Default)]
pub struct GandiV5;

impl GandiV5 {
    /// The create body for a neutral draft. Duration is left out: v5 issues for one year
    /// whatever the duration (docs/providers.md §1.3); longer terms are a later `PATCH`.
    pub fn create_request(draft: &OrderDraft) -> Result<CreateRequest, ProviderError> {
        let mut methods = draft.dcv.iter().map(|c| &c.method);
        let first = methods.next();
        if methods.any(|m| Some(m) != first) {
            return Err(ProviderError::invalid(
                "dcv_method",
                "Gandi takes one DCV method for the whole order",
            ));
        }
        Ok(CreateRequest {
            package: draft.product.clone(),
            altnames: draft.sans.clone(),
            cn: draft.common_name.clone(),
            csr: draft.csr.clone(),
            dcv_method: first
                .map(|m| V5DcvMethod::from_neutral(m).map(|m| m.as_str().to_owned()))
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

    fn recognise(&self, method: Method, path: &str, _body: &[u8]) -> Option<Operation> {
        use Method::{Delete, Get, Patch, Post, Put};
        use OperationClass::{AccountWide, Billable, Catalog, Lookup, OrderChange, OrderRead};
        let parts = segments(path)?;
        let (name, class, target): (&'static str, _, Option<&str>) =
            match (method, parts.as_slice()) {
                (Post, ["dcv_params"]) => ("POST /dcv_params", Lookup, None),
                (Get, ["issued-certs"]) => ("GET /issued-certs", AccountWide, None),
                (Post, ["issued-certs"]) => ("POST /issued-certs", Billable, None),
                (Get, ["issued-certs", id]) => ("GET /issued-certs/{id}", OrderRead, Some(id)),
                (Post, ["issued-certs", id]) => ("POST /issued-certs/{id}", Billable, Some(id)),
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
                    let name = match method {
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
        let body = Self::create_request(draft)?;
        let chosen: Vec<NameValidation> = body
            .dcv_method
            .as_deref()
            .and_then(|m| m.parse::<V5DcvMethod>().ok())
            .map(|m| {
                draft
                    .names()
                    .map(|name| NameValidation {
                        name: name.clone(),
                        method: m.to_neutral(),
                        status: DcvStatus::Pending,
                        instruction: None,
                    })
                    .collect()
            })
            .unwrap_or_default();
        let product = draft.product.clone();
        let csr = draft.csr.clone();
        Ok(flow::map(calls::create(&body, false)?, move |created| {
            let id = created.id.ok_or_else(|| {
                ProviderError::UnexpectedResponse("the 202 answer has no certificate id".into())
            })?;
            let mut state = OrderState::new(
                OrderHandle::new(ProviderKind::GandiV5, id),
                crate::order::OrderStatus::Pending,
                "pending",
            );
            state.product = Some(product);
            state.csr = csr;
            state.validations = chosen;
            Ok(state)
        }))
    }

    fn order(&self, handle: &OrderHandle) -> Result<Flow<OrderState>, ProviderError> {
        let id = handle.id.clone();
        Ok(flow::map(calls::get(&handle.id)?, move |cert| {
            Ok(order_state(&cert, &id))
        }))
    }

    fn dcv(&self, state: &OrderState) -> Result<Flow<Vec<NameValidation>>, ProviderError> {
        let body = DcvParamsRequest {
            dcv_method: state
                .validations
                .first()
                .map(|v| V5DcvMethod::from_neutral(&v.method).map(|m| m.as_str().to_owned()))
                .transpose()?,
            ..DcvParamsRequest::default()
        };
        Ok(flow::map(
            calls::dcv_params(&state.handle.id, &body)?,
            |p| Ok(validations(&p)),
        ))
    }

    fn change_dcv(
        &self,
        handle: &OrderHandle,
        choice: &DcvChoice,
    ) -> Result<Flow<()>, ProviderError> {
        let method = V5DcvMethod::from_neutral(&choice.method)?;
        Ok(flow::map(
            calls::change_dcv(&handle.id, method)?,
            |_| Ok(()),
        ))
    }

    fn resend_dcv(&self, handle: &OrderHandle) -> Result<Flow<()>, ProviderError> {
        Ok(flow::map(calls::resend_dcv(&handle.id)?, |_| Ok(())))
    }

    fn download(&self, handle: &OrderHandle) -> Result<Flow<Certificate>, ProviderError> {
        Ok(flow::map(calls::crt(&handle.id)?, |text| {
            Ok(Certificate::from_pem_or_base64(&text))
        }))
    }

    fn revoke(&self, handle: &OrderHandle) -> Result<Flow<()>, ProviderError> {
        Ok(flow::map(calls::revoke(&handle.id)?, |_| Ok(())))
    }
}
