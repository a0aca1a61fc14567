//! The widget's runtime configuration: what the server it was loaded from offers (mode,
//! providers, the route of each), so that one build of the widget serves every deployment.
//!
//! The server answers it at `GET /api/config` (docs/design.md, "The flow of data"). It never
//! holds a secret: everything here is shown to every visitor of the page.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::http::HttpRequest;
use crate::provider::gandi_v3::GandiV3;
use crate::provider::gandi_v5::GandiV5;
use crate::provider::gjirafa::{Gjirafa, ProjectId};
use crate::provider::realtimeregister::RealtimeRegister;
use crate::provider::ssl247::Ssl247;
use crate::provider::{Provider, ProviderKind};

/// The path the widget reads its [`Deployment`] from, on the origin it was loaded from.
pub const CONFIG_PATH: &str = "/api/config";

/// Who holds the provider credentials.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// A reseller's site: the server adds the reseller's credentials, the customer has none.
    Reseller,
    /// A portal: customers bring their own provider account.
    Portal,
}

/// How the widget reaches one provider's API.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Route {
    /// Through the server it was loaded from, at `/api/{provider}/…` (the default).
    Proxy,
    /// Straight to a base URL that answers CORS itself (a provider or a gateway that allows
    /// the widget's origin).
    Direct {
        /// The base URL (`https://gateway.example.net`); request paths are appended to it.
        base_url: String,
    },
}

/// One provider the deployment offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProviderOffer {
    /// The provider API.
    pub kind: ProviderKind,
    /// The name shown to customers.
    pub display_name: String,
    /// Whether the provider is answered by its simulator: nothing is charged or issued for
    /// real, and the sandbox control route (`/sandbox/{provider}/…`) exists.
    pub sandbox: bool,
    /// How its API is reached.
    pub route: Route,
    /// Gjirafa's project id, which its request paths carry (not a secret).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project: Option<String>,
}

/// The whole runtime configuration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deployment {
    /// Reseller or portal.
    pub mode: Mode,
    /// The providers offered, in the order they are shown.
    pub providers: Vec<ProviderOffer>,
}

/// Why an offer cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DeploymentError {
    /// The configuration document is not the expected JSON.
    #[error("the site's configuration could not be read: {0}")]
    Unreadable(String),
    /// The provider is not offered by this deployment.
    #[error("{0} is not offered here")]
    NotOffered(String),
    /// An offer lacks or garbles what its adapter needs.
    #[error("the configuration of {provider} is incomplete: {reason}")]
    Incomplete {
        /// The provider's display name.
        provider: String,
        /// What is missing or wrong.
        reason: &'static str,
    },
}

impl Deployment {
    /// Reads the document the server answers at [`CONFIG_PATH`].
    pub fn from_json(body: &[u8]) -> Result<Self, DeploymentError> {
        serde_json::from_slice(body).map_err(|e| DeploymentError::Unreadable(e.to_string()))
    }

    /// The offer of `kind`, if the deployment has one.
    pub fn offer(&self, kind: ProviderKind) -> Option<&ProviderOffer> {
        self.providers.iter().find(|p| p.kind == kind)
    }

    /// The offer named by a slug (`gandi-v5`) as URLs carry it.
    pub fn offer_by_slug(&self, slug: &str) -> Result<&ProviderOffer, DeploymentError> {
        self.providers
            .iter()
            .find(|p| p.kind.slug() == slug)
            .ok_or_else(|| DeploymentError::NotOffered(slug.to_owned()))
    }

    /// Whether any offered provider is a sandbox.
    pub fn any_sandbox(&self) -> bool {
        self.providers.iter().any(|p| p.sandbox)
    }
}

impl ProviderOffer {
    /// An offer of `kind` through the proxy, under the provider's own name.
    pub fn proxied(kind: ProviderKind, sandbox: bool) -> Self {
        Self {
            kind,
            display_name: kind.name().to_owned(),
            sandbox,
            route: Route::Proxy,
            project: None,
        }
    }

    /// The adapter that builds this provider's requests and reads its answers.
    pub fn provider(&self) -> Result<Box<dyn Provider>, DeploymentError> {
        Ok(match self.kind {
            ProviderKind::GandiV3 => Box::new(GandiV3),
            ProviderKind::GandiV5 => Box::new(GandiV5),
            ProviderKind::RealtimeRegister => Box::new(RealtimeRegister::default()),
            ProviderKind::Ssl247 => Box::new(Ssl247),
            ProviderKind::Gjirafa => {
                let incomplete = |reason| DeploymentError::Incomplete {
                    provider: self.display_name.clone(),
                    reason,
                };
                let text = self
                    .project
                    .as_deref()
                    .ok_or_else(|| incomplete("no project id"))?;
                let project =
                    ProjectId::parse(text).map_err(|_| incomplete("the project id is no uuid"))?;
                Box::new(Gjirafa::new(project, 0))
            }
        })
    }

    /// The URL a request built by the adapter goes to: below `/api/{provider}` on the page's
    /// own origin, or below the direct base URL.
    pub fn url(&self, request: &HttpRequest) -> String {
        match &self.route {
            Route::Proxy => format!("/api/{}{}", self.kind.slug(), request.path_and_query()),
            Route::Direct { base_url } => request.url(base_url),
        }
    }

    /// Whether requests leave the page's origin (and so need the other side's CORS).
    pub fn is_cross_origin(&self) -> bool {
        matches!(self.route, Route::Direct { .. })
    }

    /// The sandbox's "mark DCV done" control for an order, when this offer is a sandbox.
    /// Realtime Register's simulator knows orders by their process, the others by their id.
    pub fn complete_dcv_url(&self, handle: &crate::order::OrderHandle) -> Option<String> {
        if !self.sandbox {
            return None;
        }
        let id = match self.kind {
            ProviderKind::RealtimeRegister => handle.operation.as_deref().unwrap_or(&handle.id),
            _ => handle.id.as_str(),
        };
        Some(format!(
            "/sandbox/{}/orders/{}/complete-dcv",
            self.kind.slug(),
            crate::http::encode_path_segment(id)
        ))
    }
}

#[cfg(test)]
mod tests;
