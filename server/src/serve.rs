//! `certorder serve`: the built widget and the proxy route `/api/{provider}/{rest}` that the
//! widget calls, on one address (docs/design.md, "The flow of data" and "Security model").
//!
//! - [`config`]: TOML plus environment, credentials only from the environment or files.
//! - [`providers`]: per provider, the adapter, the upstream and the credentials.
//! - [`proxy`]: recognition, policy, order tokens, exactly-once, credential injection.
//! - [`static_files`]: the widget, cached and compressed, under a Content-Security-Policy.

pub(crate) mod config;
mod cors;
mod error;
mod headers;
mod log;
mod path;
mod policy;
pub(crate) mod providers;
mod proxy;
mod sandbox;
pub(crate) mod state;
mod static_files;
pub(crate) mod store;
mod token;
pub(crate) mod upstream;
mod widget_config;

#[cfg(test)]
mod tests;

use std::net::SocketAddr;
use std::process::ExitCode;
use std::sync::Arc;

use axum::Router;
use axum::http::{HeaderName, header};
use axum::routing::{any, get, post};

use crate::cli::ServeArgs;
use config::{Config, ConfigError, Overrides};
use state::AppState;
use static_files::StaticFiles;
use store::{MemoryStore, RateLimit, RedisStore, Store};
use token::OrderTokens;
use widget_config::DirectOffer;

/// `/healthz`: the process is up and serving.
async fn healthz() -> impl axum::response::IntoResponse {
    (
        [(header::CONTENT_TYPE, "application/json")],
        r#"{"status":"ok"}"#,
    )
}

/// The whole application: API routes under the origin guard and CORS, the widget as the
/// fallback, security headers and the log line on everything ([`log::line`]).
pub(crate) fn router(state: Arc<AppState>, statics: Option<&StaticFiles>) -> Router {
    let api = Router::new()
        .route("/api/config", get(widget_config::handle))
        .route("/api/{*rest}", any(proxy::handle))
        .route(
            "/sandbox/{provider}/{*rest}",
            post(sandbox::control).delete(sandbox::control),
        )
        .layer(cors::layer(&state.allowed_origins))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            cors::guard,
        ))
        .with_state(state);
    let mut app = Router::new().route("/healthz", get(healthz)).merge(api);
    if let Some(statics) = statics {
        app = app.merge(statics.router());
    }
    app.layer(axum::middleware::from_fn(log::line))
}

/// The state a configuration describes: routes, token secret, store.
pub(crate) async fn state(config: &Config) -> Result<AppState, ConfigError> {
    let routes = providers::routes(config)?;
    let tokens = match &config.token_secret {
        Some(secret) => OrderTokens::new(secret.expose().as_bytes()),
        None => {
            let tokens = OrderTokens::generate().map_err(|e| {
                ConfigError::invalid(
                    "CERTORDER_TOKEN_SECRET",
                    format!("cannot generate one: {e}"),
                )
            })?;
            tracing::warn!(
                "order-token secret: none configured (CERTORDER_TOKEN_SECRET), generated at start; order tokens stop working at restart and are not shared between instances"
            );
            tokens
        }
    };
    let limit = RateLimit::new(
        config.limits.billable_per_minute,
        config.limits.billable_burst,
    );
    let lease = store::in_flight_lease(config.limits.total_timeout);
    let store: Arc<dyn Store> = match &config.redis_url {
        Some(url) => Arc::new(
            RedisStore::connect(url.expose(), limit, lease, "certorder:")
                .await
                .map_err(|e| ConfigError::invalid("CERTORDER_REDIS_URL", e.to_string()))?,
        ),
        None => Arc::new(MemoryStore::new(limit, lease)),
    };
    let mut state = AppState::new(config.mode, routes, tokens, store);
    state.allowed_origins = config.allowed_origins.clone();
    let gjirafa_project = config
        .providers
        .iter()
        .find(|p| p.kind == certorder::provider::ProviderKind::Gjirafa)
        .and_then(|p| p.project.as_deref());
    let direct: Vec<DirectOffer> = config
        .providers
        .iter()
        .filter_map(|p| {
            p.direct.as_ref().map(|url| DirectOffer {
                kind: p.kind,
                base_url: url.as_str().to_owned(),
            })
        })
        .collect();
    let routes: Vec<_> = state.providers.values().collect();
    let widget = widget_config::deployment(config.mode, &routes, &direct, gjirafa_project);
    state.widget = widget;
    state.direct = direct.iter().map(|d| d.kind).collect();
    state.client_ip_header = match &config.client_ip_header {
        Some(name) => Some(
            HeaderName::from_bytes(name.as_bytes())
                .map_err(|_| ConfigError::invalid("client_ip_header", "not a header name"))?,
        ),
        None => None,
    };
    Ok(state)
}

/// Runs the server until SIGINT or SIGTERM; in-flight requests finish first.
pub(crate) fn run(args: &ServeArgs) -> ExitCode {
    log::init();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            tracing::error!("cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    let overrides = Overrides {
        listen: args.listen,
        dist: args.dist.clone(),
    };
    let env = |name: &str| std::env::var(name).ok();
    let config = match Config::load(args.config.as_deref(), &env, &overrides) {
        Ok(config) => config,
        Err(e) => {
            eprintln!("certorder serve: configuration error: {e}");
            return ExitCode::from(2);
        }
    };
    match runtime.block_on(serve(config)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("certorder serve: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn serve(config: Config) -> Result<(), String> {
    let state = state(&config)
        .await
        .map_err(|e| format!("configuration error: {e}"))?;
    let statics = StaticFiles::new(
        &config.dist,
        &config.allowed_origins,
        &config.direct_origins(),
    );
    tracing::info!("mode: {}", config.mode.as_str());
    if let Some(notice) = config.unused_credentials_notice() {
        tracing::warn!("{notice}");
    }
    for provider in state.providers.values() {
        tracing::info!("provider {}", provider.describe(config.mode));
    }
    for provider in &config.providers {
        if let Some(url) = &provider.direct {
            tracing::info!(
                "provider {}: direct route, the browser calls {} itself (nothing of it passes through this server)",
                provider.kind.slug(),
                url.as_str().trim_end_matches('/')
            );
        }
    }
    tracing::info!("idempotency store: {}", state.store.describe());
    if statics.is_built() {
        tracing::info!("widget: {}", config.dist.display());
    } else {
        tracing::warn!(
            "widget: {} has no index.html (build it with `trunk build --release`); serving the API only",
            config.dist.display()
        );
    }
    let app = router(Arc::new(state), statics.is_built().then_some(&statics));
    let listener = tokio::net::TcpListener::bind(config.listen)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", config.listen))?;
    let bound = listener.local_addr().unwrap_or(config.listen);
    tracing::info!("listening on http://{bound}");
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await
    .map_err(|e| format!("server error: {e}"))?;
    tracing::info!("stopped");
    Ok(())
}

/// Resolves on SIGINT (Ctrl-C) or SIGTERM.
async fn shutdown_signal() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing the requests in flight");
}
