//! `GET /api/config`: the widget's runtime configuration (mode, the providers offered, each
//! one's route and whether it is a sandbox), so one build of the widget serves every
//! deployment. It is public by nature: nothing in it is a secret, and the test below holds
//! that with every credential configured.

use std::sync::Arc;

use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use certorder::deployment::{self, Deployment, ProviderOffer, Route};
use certorder::provider::ProviderKind;

use super::config::Mode;
use super::providers::ProviderRoute;
use super::state::AppState;

/// A provider the widget calls on the direct route, at its browser-facing base URL.
#[derive(Debug, Clone)]
pub(crate) struct DirectOffer {
    /// The provider.
    pub(crate) kind: ProviderKind,
    /// The base URL the browser calls (`https://gateway.example/v5`).
    pub(crate) base_url: String,
}

/// The configuration the widget reads: the proxied providers (`routes`) and the direct ones.
/// Gjirafa's project id, which its request paths carry, is the configured one, or the
/// sandbox's when the simulator answers. A direct offer is never marked as a sandbox: this
/// server's simulator does not answer it, and its control route is not here.
pub(crate) fn deployment(
    mode: Mode,
    routes: &[&ProviderRoute],
    direct: &[DirectOffer],
    gjirafa_project: Option<&str>,
) -> Deployment {
    let mut providers: Vec<ProviderOffer> = routes
        .iter()
        .map(|route| {
            let sandbox = route.sandbox.is_some();
            let mut offer = ProviderOffer::proxied(route.kind, sandbox);
            if route.kind == ProviderKind::Gjirafa {
                offer.project = match (sandbox, gjirafa_project) {
                    (true, _) => Some(certorder_sandbox::GJIRAFA_PROJECT.to_owned()),
                    (false, project) => project.map(str::to_owned),
                };
            }
            offer
        })
        .chain(direct.iter().map(|offer| {
            let mut direct_offer = ProviderOffer::proxied(offer.kind, false);
            direct_offer.route = Route::Direct {
                base_url: offer.base_url.trim_end_matches('/').to_owned(),
            };
            if offer.kind == ProviderKind::Gjirafa {
                direct_offer.project = gjirafa_project.map(str::to_owned);
            }
            direct_offer
        }))
        .collect();
    providers.sort_by_key(|offer| ProviderKind::ALL.iter().position(|k| *k == offer.kind));
    Deployment {
        mode: match mode {
            Mode::Reseller => deployment::Mode::Reseller,
            Mode::Portal => deployment::Mode::Portal,
        },
        providers,
    }
}

/// The handler: the document made at start, as JSON, never cached by a shared cache.
pub(crate) async fn handle(State(state): State<Arc<AppState>>) -> Response {
    let body = serde_json::to_vec(&state.widget).unwrap_or_default();
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    response
}
