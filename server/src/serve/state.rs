//! What every request handler shares.

use std::collections::HashMap;
use std::sync::Arc;

use axum::http::HeaderName;
use certorder::deployment::Deployment;
use certorder::provider::ProviderKind;

use super::config::Mode;
use super::providers::ProviderRoute;
use super::store::Store;
use super::token::OrderTokens;

/// The server's shared state.
pub(crate) struct AppState {
    /// Reseller or portal.
    pub(crate) mode: Mode,
    /// Each provider's adapter and route.
    pub(crate) providers: HashMap<ProviderKind, ProviderRoute>,
    /// Order tokens.
    pub(crate) tokens: OrderTokens,
    /// Exactly-once records and rate limits.
    pub(crate) store: Arc<dyn Store>,
    /// The header naming the client's address, set by a trusted load balancer.
    pub(crate) client_ip_header: Option<HeaderName>,
    /// Origins allowed to call the API from another site.
    pub(crate) allowed_origins: Vec<String>,
    /// The widget's runtime configuration, answered at `GET /api/config`.
    pub(crate) widget: Deployment,
    /// Providers the widget calls on the direct route: not forwarded here.
    pub(crate) direct: Vec<ProviderKind>,
}

impl AppState {
    /// A state from its parts; providers are looked up by kind.
    pub(crate) fn new(
        mode: Mode,
        providers: Vec<ProviderRoute>,
        tokens: OrderTokens,
        store: Arc<dyn Store>,
    ) -> Self {
        let widget = super::widget_config::deployment(
            mode,
            &providers.iter().collect::<Vec<_>>(),
            &[],
            None,
        );
        Self {
            widget,
            mode,
            providers: providers.into_iter().map(|p| (p.kind, p)).collect(),
            tokens,
            store,
            client_ip_header: None,
            allowed_origins: Vec::new(),
            direct: Vec::new(),
        }
    }
}
