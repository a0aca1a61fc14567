//! The fake upstream and the router under test.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::http::{Request, Response};
use base64::Engine as _;
use certorder::http::{Credentials, Secret};
use certorder::provider::ProviderKind;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tower::ServiceExt;

use crate::serve::config::Mode;
use crate::serve::providers::{ProviderRoute, Route};
use crate::serve::state::AppState;
use crate::serve::store::{MemoryStore, RateLimit, Store};
use crate::serve::token::OrderTokens;
use crate::serve::upstream::Remote;

/// The Gjirafa project of the tests.
pub(crate) const PROJECT: &str = "3fa85f64-5717-4562-b3fc-2c963f66afa6";
/// The order-token secret of the tests.
pub(crate) const TOKEN_SECRET: &str = "token-secret-never-shown";
/// Every secret the tests configure, to look for in answers and logs.
pub(crate) const SECRETS: [&str; 6] = [
    "rtr-secret-key",
    "gandi-v3-secret",
    "gandi-v5-secret",
    "ssl247-secret-pw",
    "ssl247-secret-key",
    "gjirafa-secret",
];

/// A Realtime Register key: base64 of `customer/secret`.
pub(crate) fn rtr_key() -> String {
    base64::engine::general_purpose::STANDARD.encode("acme/rtr-secret-key")
}

/// How the fake upstream answers.
#[derive(Debug, Clone)]
pub(crate) enum Behaviour {
    /// Status, extra headers, body.
    Answer(u16, Vec<(String, String)>, Vec<u8>),
    /// Waits this long, then answers 200 `{}`.
    Slow(Duration),
    /// Closes the connection (with a reset) after reading the request.
    Reset,
}

/// One request as the upstream received it.
#[derive(Debug, Clone)]
pub(crate) struct Received {
    pub(crate) method: String,
    pub(crate) target: String,
    pub(crate) headers: Vec<(String, String)>,
    pub(crate) body: Vec<u8>,
}

impl Received {
    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// The fake upstream: a raw HTTP/1.1 server, one request per connection.
#[derive(Clone)]
pub(crate) struct Fake {
    pub(crate) base: String,
    pub(crate) received: Arc<Mutex<Vec<Received>>>,
    pub(crate) behaviour: Arc<Mutex<Behaviour>>,
}

impl Fake {
    pub(crate) async fn start(behaviour: Behaviour) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let base = format!("http://{}", listener.local_addr().expect("addr"));
        let fake = Self {
            base,
            received: Arc::default(),
            behaviour: Arc::new(Mutex::new(behaviour)),
        };
        let server = fake.clone();
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let server = server.clone();
                tokio::spawn(async move { server.serve(stream).await });
            }
        });
        fake
    }

    pub(crate) fn set(&self, behaviour: Behaviour) {
        *self.behaviour.lock().expect("lock") = behaviour;
    }

    pub(crate) fn received(&self) -> Vec<Received> {
        self.received.lock().expect("lock").clone()
    }

    async fn serve(&self, mut stream: TcpStream) {
        let mut buf = Vec::new();
        let mut chunk = [0u8; 4096];
        let head_end = loop {
            let Ok(n) = stream.read(&mut chunk).await else {
                return;
            };
            if n == 0 {
                return;
            }
            buf.extend_from_slice(&chunk[..n]);
            if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                break i + 4;
            }
        };
        let head = String::from_utf8_lossy(&buf[..head_end]).into_owned();
        let mut lines = head.split("\r\n");
        let mut first = lines.next().unwrap_or_default().split(' ');
        let method = first.next().unwrap_or_default().to_owned();
        let target = first.next().unwrap_or_default().to_owned();
        let headers: Vec<(String, String)> = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_owned()))
            .collect();
        let length: usize = headers
            .iter()
            .find(|(n, _)| n == "content-length")
            .and_then(|(_, v)| v.parse().ok())
            .unwrap_or(0);
        while buf.len() < head_end + length {
            let Ok(n) = stream.read(&mut chunk).await else {
                return;
            };
            if n == 0 {
                break;
            }
            buf.extend_from_slice(&chunk[..n]);
        }
        let body = buf[head_end..].to_vec();
        self.received.lock().expect("lock").push(Received {
            method,
            target,
            headers,
            body,
        });
        let behaviour = self.behaviour.lock().expect("lock").clone();
        let (status, extra, body) = match behaviour {
            Behaviour::Answer(status, extra, body) => (status, extra, body),
            Behaviour::Slow(wait) => {
                tokio::time::sleep(wait).await;
                (200, Vec::new(), b"{}".to_vec())
            }
            Behaviour::Reset => {
                let _ = stream.set_zero_linger();
                return;
            }
        };
        let mut out = format!(
            "HTTP/1.1 {status} X\r\ncontent-length: {}\r\nconnection: close\r\n",
            body.len()
        );
        for (n, v) in extra {
            out.push_str(&format!("{n}: {v}\r\n"));
        }
        out.push_str("\r\n");
        let mut bytes = out.into_bytes();
        bytes.extend_from_slice(&body);
        let _ = stream.write_all(&bytes).await;
        let _ = stream.shutdown().await;
    }
}

/// A JSON answer.
pub(crate) fn json(status: u16, body: &str) -> Behaviour {
    Behaviour::Answer(
        status,
        vec![("content-type".into(), "application/json".into())],
        body.as_bytes().to_vec(),
    )
}

fn credentials(kind: ProviderKind) -> Credentials {
    match kind {
        ProviderKind::GandiV3 => Credentials::XmlRpcKey {
            key: Secret::new("gandi-v3-secret"),
        },
        ProviderKind::GandiV5 => Credentials::Bearer {
            token: Secret::new("gandi-v5-secret"),
        },
        ProviderKind::RealtimeRegister => Credentials::ApiKey {
            key: Secret::new(rtr_key()),
        },
        ProviderKind::Ssl247 => Credentials::Ssl247 {
            user: "api@reseller.example".into(),
            password: Some(Secret::new("ssl247-secret-pw")),
            key: Secret::new("ssl247-secret-key"),
        },
        _ => Credentials::XApiKey {
            key: Secret::new("gjirafa-secret"),
        },
    }
}

/// Options of the app under test.
pub(crate) struct Options {
    pub(crate) mode: Mode,
    pub(crate) total_timeout: Duration,
    pub(crate) limit: RateLimit,
    pub(crate) store: Option<Arc<dyn Store>>,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            mode: Mode::Reseller,
            total_timeout: Duration::from_secs(5),
            limit: RateLimit::new(10_000, 10_000),
            store: None,
        }
    }
}

/// The router with every provider sent to `fake` (SSL247 below `/api/v3`, as in production).
pub(crate) fn app_with(fake: &Fake, options: Options) -> Router {
    let config = crate::serve::config::Config::load(None, &|_: &str| None, &Default::default())
        .expect("defaults");
    let mut routes = crate::serve::providers::routes(&config).expect("routes");
    for route in &mut routes {
        let base = match route.kind {
            ProviderKind::Ssl247 => format!("{}/api/v3", fake.base),
            _ => fake.base.clone(),
        };
        let remote = Remote::new(
            url::Url::parse(&base).expect("url"),
            Duration::from_secs(2),
            options.total_timeout,
        )
        .expect("client");
        let credentials = match options.mode {
            Mode::Reseller => Some(Arc::new(credentials(route.kind))),
            Mode::Portal => None,
        };
        route.route = Route {
            upstream: Arc::new(remote),
            credentials,
            description: base,
        };
        route.sandbox = None;
        if route.kind == ProviderKind::Gjirafa {
            let project = certorder::provider::gjirafa::ProjectId::parse(PROJECT).expect("uuid");
            route.adapter = Arc::new(certorder::provider::gjirafa::Gjirafa::new(project, 0));
        }
    }
    let routes: Vec<ProviderRoute> = routes;
    let store: Arc<dyn Store> = match options.store {
        Some(store) => store,
        None => Arc::new(MemoryStore::new(
            options.limit,
            crate::serve::store::in_flight_lease(std::time::Duration::from_secs(30)),
        )),
    };
    let mut state = AppState::new(
        options.mode,
        routes,
        OrderTokens::new(TOKEN_SECRET.as_bytes()),
        store,
    );
    state.allowed_origins = vec!["https://shop.example".to_owned()];
    crate::serve::router(Arc::new(state), None)
}

/// The router in reseller mode.
pub(crate) fn app(fake: &Fake) -> Router {
    app_with(fake, Options::default())
}

/// Sends one request; returns status, headers and body text.
pub(crate) async fn send(
    app: &Router,
    request: Request<Body>,
) -> (u16, axum::http::HeaderMap, String) {
    let response: Response<Body> = app.clone().oneshot(request).await.expect("infallible");
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let body = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .expect("body");
    (status, headers, String::from_utf8_lossy(&body).into_owned())
}

/// A request builder with a method and URI.
pub(crate) fn request(method: &str, uri: &str) -> axum::http::request::Builder {
    Request::builder().method(method).uri(uri)
}

/// The JSON error code of an answer.
pub(crate) fn code(body: &str) -> String {
    serde_json::from_str::<serde_json::Value>(body)
        .ok()
        .and_then(|v| v["error"]["code"].as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// An XML-RPC call body.
pub(crate) fn xmlrpc(method: &str, params: &str) -> String {
    format!(
        "<?xml version=\"1.0\"?><methodCall><methodName>{method}</methodName><params>{params}</params></methodCall>"
    )
}

/// An XML-RPC string parameter.
pub(crate) fn param(value: &str) -> String {
    format!("<param><value><string>{value}</string></value></param>")
}
