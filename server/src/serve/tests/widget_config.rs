//! `GET /api/config`: what the widget is told about the deployment, and never a secret.

use std::collections::HashMap;
use std::sync::Arc;

use axum::body::Body;
use certorder::deployment::{Deployment, Mode, Route};
use certorder::provider::ProviderKind;

use super::support::{PROJECT, TOKEN_SECRET, request, send};
use crate::serve::config::{Config, Overrides};

async fn app_for(vars: &[(&str, &str)]) -> axum::Router {
    let vars: HashMap<String, String> = vars
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    let env = move |name: &str| vars.get(name).cloned();
    let config = Config::load(None, &env, &Overrides::default()).expect("configuration");
    let state = Arc::new(crate::serve::state(&config).await.expect("state"));
    crate::serve::router(state, None)
}

async fn get(app: &axum::Router, path: &str) -> (u16, String) {
    let (status, _, body) = send(
        app,
        request("GET", path).body(Body::empty()).expect("request"),
    )
    .await;
    (status, body)
}

async fn config_answer(vars: &[(&str, &str)]) -> (u16, String) {
    get(&app_for(vars).await, "/api/config").await
}

// Guards: a provider on the direct route is offered at its browser-facing base URL (not as
// this server's sandbox), and its proxy route is not served; the others stay proxied.
#[tokio::test]
async fn direct_route_is_offered_and_not_proxied() {
    let app = app_for(&[
        ("CERTORDER_GANDI_V5_ROUTE", "direct"),
        (
            "CERTORDER_GANDI_V5_BROWSER_BASE_URL",
            "https://gateway.certorder-demo.net/v5/",
        ),
    ])
    .await;
    let (status, body) = get(&app, "/api/config").await;
    assert_eq!(status, 200, "{body}");
    let deployment = Deployment::from_json(body.as_bytes()).expect("the widget reads it");
    let v5 = deployment.offer(ProviderKind::GandiV5).expect("offered");
    assert_eq!(
        v5.route,
        Route::Direct {
            base_url: "https://gateway.certorder-demo.net/v5".to_owned()
        }
    );
    assert!(!v5.sandbox, "this server's simulator does not answer it");
    let v3 = deployment.offer(ProviderKind::GandiV3).expect("offered");
    assert!(v3.route == Route::Proxy && v3.sandbox);
    let (status, body) = get(&app, "/api/gandi-v5/v5/certificate/products").await;
    assert_eq!(status, 404, "{body}");
    assert!(
        body.contains("unknown_provider") && body.contains("direct route"),
        "{body}"
    );
    let (_, body) = get(&app, "/api/gandi-v3/xmlrpc/").await;
    assert!(
        !body.contains("unknown_provider"),
        "gandi-v3 is still proxied: {body}"
    );
}

// Guards: with nothing configured every provider is offered as a sandbox through the proxy,
// in the stable order, Gjirafa with the sandbox's project.
#[tokio::test]
async fn sandbox_deployment_is_described() {
    let (status, body) = config_answer(&[]).await;
    assert_eq!(status, 200, "{body}");
    let deployment = Deployment::from_json(body.as_bytes()).expect("the widget reads it");
    assert_eq!(deployment.mode, Mode::Reseller);
    let kinds: Vec<ProviderKind> = deployment.providers.iter().map(|p| p.kind).collect();
    assert_eq!(kinds, ProviderKind::ALL);
    assert!(
        deployment
            .providers
            .iter()
            .all(|p| p.sandbox && p.route == Route::Proxy)
    );
    let gjirafa = deployment.offer(ProviderKind::Gjirafa).expect("offered");
    assert_eq!(
        gjirafa.project.as_deref(),
        Some(certorder_sandbox::GJIRAFA_PROJECT)
    );
    assert!(
        gjirafa.provider().is_ok(),
        "the widget can build the adapter"
    );
}

// Guards: with every provider's credentials and the token secret configured, the answer
// names the providers as real ones and holds none of the secrets.
#[tokio::test]
async fn no_secret_in_the_configuration() {
    let secrets = [
        ("CERTORDER_TOKEN_SECRET", TOKEN_SECRET),
        ("CERTORDER_GANDI_V5_TOKEN", "gandi-v5-secret"),
        ("CERTORDER_GANDI_V3_API_KEY", "gandi-v3-secret"),
        (
            "CERTORDER_REALTIMEREGISTER_API_KEY",
            "YWNtZS9ydHItc2VjcmV0LWtleQ==",
        ),
        ("CERTORDER_SSL247_USER", "api@reseller.certorder-demo.net"),
        ("CERTORDER_SSL247_PASSWORD", "ssl247-secret-pw"),
        ("CERTORDER_SSL247_KEY", "ssl247-secret-key"),
        ("CERTORDER_GJIRAFA_API_KEY", "gjirafa-secret"),
    ];
    let mut vars = secrets.to_vec();
    vars.extend([
        ("CERTORDER_GANDI_V5_BASE_URL", "https://api.gandi.net"),
        ("CERTORDER_GANDI_V3_BASE_URL", "https://rpc.gandi.net"),
        (
            "CERTORDER_REALTIMEREGISTER_BASE_URL",
            "https://api.yoursrs.com",
        ),
        ("CERTORDER_SSL247_BASE_URL", "https://api.ssl247.com"),
        ("CERTORDER_GJIRAFA_BASE_URL", "https://api.gjirafa.tech"),
        ("CERTORDER_GJIRAFA_PROJECT", PROJECT),
    ]);
    let (status, body) = config_answer(&vars).await;
    assert_eq!(status, 200, "{body}");
    for (name, secret) in secrets {
        if name != "CERTORDER_SSL247_USER" {
            assert!(!body.contains(secret), "{name} leaked: {body}");
        }
    }
    assert!(!body.contains("rtr-secret-key"), "{body}");
    assert!(!body.contains("api@reseller"), "no account name: {body}");
    let deployment = Deployment::from_json(body.as_bytes()).expect("the widget reads it");
    assert!(deployment.providers.iter().all(|p| !p.sandbox), "{body}");
    let gjirafa = deployment.offer(ProviderKind::Gjirafa).expect("offered");
    assert_eq!(gjirafa.project.as_deref(), Some(PROJECT));
}
