//! The built widget from `--dist`: long-lived caching for files whose names carry a content
//! hash, `no-cache` for `index.html` and everything else, brotli or gzip, and the security
//! headers, with a Content-Security-Policy computed from the page's own inline scripts.
//!
//! A file with a precompressed sibling (`name.br`, `name.gz`, which the release build writes:
//! Trunk.toml's post-build hook) is sent as that sibling: brotli at its best level, made once,
//! instead of a faster, larger compression made again for every visitor. Other files are
//! compressed as they are sent.

use std::path::{Path, PathBuf};

use axum::Router;
use axum::extract::Request;
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use sha2::{Digest, Sha256};
use tower_http::compression::CompressionLayer;
use tower_http::services::ServeDir;

/// A year: hashed files never change under their name.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// The widget's directory and the policy its page runs under.
#[derive(Debug, Clone)]
pub(crate) struct StaticFiles {
    /// The directory.
    pub(crate) dir: PathBuf,
    /// The Content-Security-Policy of its HTML.
    pub(crate) csp: String,
}

impl StaticFiles {
    /// Reads `dir/index.html` (when present) to allow exactly its inline scripts.
    /// `frame_ancestors` are the sites that may embed the widget; `direct_origins` those it
    /// calls on a provider's direct route.
    pub(crate) fn new(dir: &Path, frame_ancestors: &[String], direct_origins: &[String]) -> Self {
        let index = std::fs::read_to_string(dir.join("index.html")).unwrap_or_default();
        Self {
            dir: dir.to_owned(),
            csp: content_security_policy(&index, frame_ancestors, direct_origins),
        }
    }

    /// Whether the directory holds a built widget.
    pub(crate) fn is_built(&self) -> bool {
        self.dir.join("index.html").is_file()
    }

    /// The routes serving the directory.
    pub(crate) fn router<S: Clone + Send + Sync + 'static>(&self) -> Router<S> {
        let csp = HeaderValue::from_str(&self.csp)
            .unwrap_or_else(|_| HeaderValue::from_static("default-src 'self'"));
        Router::new()
            .fallback_service(
                ServeDir::new(&self.dir)
                    .precompressed_br()
                    .precompressed_gzip(),
            )
            .layer(axum::middleware::from_fn(
                move |request: Request, next: Next| {
                    let csp = csp.clone();
                    async move { caching(csp, request, next).await }
                },
            ))
            // Leaves a response that already has a Content-Encoding (a precompressed file) as
            // it is.
            .layer(CompressionLayer::new().br(true).gzip(true))
    }
}

/// Whether a file name carries trunk's content hash (`name-0123456789abcdef.js`,
/// `name-0123456789abcdef_bg.wasm`).
fn is_hashed(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or_default();
    name.split('-').skip(1).any(|part| {
        let hex = part.split(['.', '_']).next().unwrap_or_default();
        hex.len() >= 16 && hex.bytes().all(|b| b.is_ascii_hexdigit())
    })
}

async fn caching(csp: HeaderValue, request: Request, next: Next) -> Response {
    let hashed = is_hashed(request.uri().path());
    let mut response = next.run(request).await;
    let html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    let headers = response.headers_mut();
    let cache = if hashed && response_ok(headers) {
        IMMUTABLE
    } else {
        "no-cache"
    };
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    if html {
        headers.insert(header::CONTENT_SECURITY_POLICY, csp);
    }
    response
}

fn response_ok(headers: &axum::http::HeaderMap) -> bool {
    headers.contains_key(header::CONTENT_TYPE)
}

/// The inline `<script>` bodies of a page (trunk writes one that loads the wasm).
fn inline_scripts(html: &str) -> Vec<&str> {
    let mut scripts = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let after = rest.get(start..).unwrap_or_default();
        let Some(open_end) = after.find('>') else {
            break;
        };
        let tag = after.get(..open_end).unwrap_or_default();
        let body_start = open_end + 1;
        let Some(close) = after.get(body_start..).and_then(|b| b.find("</script>")) else {
            break;
        };
        if !tag.contains("src=") {
            scripts.push(
                after
                    .get(body_start..body_start + close)
                    .unwrap_or_default(),
            );
        }
        rest = after.get(body_start + close..).unwrap_or_default();
    }
    scripts
}

/// The policy: own scripts plus the page's inline ones by hash, WebAssembly compilation,
/// API calls to this server and to the origins of the direct routes only, and framing only
/// by the configured sites.
pub(crate) fn content_security_policy(
    index_html: &str,
    frame_ancestors: &[String],
    direct_origins: &[String],
) -> String {
    let hashes: String = inline_scripts(index_html)
        .into_iter()
        .map(|s| {
            format!(
                " 'sha256-{}'",
                STANDARD.encode(Sha256::digest(s.as_bytes()))
            )
        })
        .collect();
    let ancestors: String = frame_ancestors.iter().map(|o| format!(" {o}")).collect();
    let connect: String = direct_origins.iter().map(|o| format!(" {o}")).collect();
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{hashes}; \
         style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'{connect}; \
         object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'{ancestors}"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    // Guards: trunk's hashed names are cached for good, others are not; inline scripts get
    // their hash in the policy.
    #[test]
    fn hashes_and_policy() {
        assert!(is_hashed("/certorder-widget-3f2a9c1b7d6e5f40.js"));
        assert!(is_hashed("/certorder-widget-3f2a9c1b7d6e5f40_bg.wasm"));
        assert!(is_hashed("/main-0123456789abcdef.css"));
        assert!(!is_hashed("/index.html"));
        assert!(!is_hashed("/certorder-widget.js"));
        let page =
            "<script type=\"module\">init('/a.wasm');</script><script src=\"/x.js\"></script>";
        let csp = content_security_policy(page, &["https://shop.example".to_owned()], &[]);
        let hash = STANDARD.encode(Sha256::digest(b"init('/a.wasm');"));
        assert!(csp.contains(&format!("'sha256-{hash}'")), "{csp}");
        assert_eq!(csp.matches("sha256-").count(), 1);
        assert!(csp.contains("frame-ancestors 'self' https://shop.example"));
        assert!(csp.contains("'wasm-unsafe-eval'"));
        assert!(csp.contains("; connect-src 'self'; "), "{csp}");
    }

    // Guards: `connect-src` names exactly the direct routes' origins, and nothing more when
    // none is configured.
    #[test]
    fn direct_origins_in_connect_src() {
        let direct = [
            "https://gateway.example".to_owned(),
            "http://127.0.0.1:9000".to_owned(),
        ];
        let csp = content_security_policy("", &["https://shop.example".to_owned()], &direct);
        let connect = csp
            .split("; ")
            .find(|d| d.starts_with("connect-src "))
            .unwrap_or_default();
        assert_eq!(
            connect,
            "connect-src 'self' https://gateway.example http://127.0.0.1:9000"
        );
        assert!(!csp.contains("default-src 'self' https://gateway.example"));
        let none = content_security_policy("", &[], &[]);
        assert!(none.contains("; connect-src 'self'; "), "{none}");
    }

    // Guards: a file with a `.br` sibling is sent as that sibling, byte for byte, to a browser
    // that takes brotli; one without is compressed as it is sent; a client that takes no
    // encoding gets the file itself.
    #[tokio::test]
    async fn precompressed_siblings_are_sent_as_they_are() {
        use axum::body::Body;
        use http_body_util::BodyExt as _;
        use tower::ServiceExt as _;

        let dir = std::env::temp_dir().join(format!("certorder-static-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let wasm = "app-0123456789abcdef_bg.wasm";
        let original = vec![b'w'; 4096];
        // Not real brotli: what is sent must be this file, not a compression of the original.
        let sibling = b"precompressed sibling".to_vec();
        std::fs::write(dir.join(wasm), &original).expect("write");
        std::fs::write(dir.join(format!("{wasm}.br")), &sibling).expect("write");
        std::fs::write(dir.join("plain-0123456789abcdef.js"), vec![b'j'; 4096]).expect("write");
        let router = StaticFiles::new(&dir, &[], &[]).router::<()>();
        let get = |path: &str, encoding: &str| {
            let request = Request::builder()
                .uri(path)
                .header(header::ACCEPT_ENCODING, encoding)
                .body(Body::empty())
                .expect("request");
            let router = router.clone();
            async move {
                let response = router.oneshot(request).await.expect("response");
                let encoding = response
                    .headers()
                    .get(header::CONTENT_ENCODING)
                    .map(|v| v.to_str().unwrap_or_default().to_owned());
                let body = response.into_body().collect().await.expect("body");
                (encoding, body.to_bytes().to_vec())
            }
        };

        let (encoding, body) = get(&format!("/{wasm}"), "br, gzip").await;
        assert_eq!(encoding.as_deref(), Some("br"));
        assert_eq!(body, sibling);
        let (encoding, body) = get(&format!("/{wasm}"), "identity").await;
        assert_eq!(encoding, None);
        assert_eq!(body, original);
        let (encoding, body) = get("/plain-0123456789abcdef.js", "br").await;
        assert_eq!(encoding.as_deref(), Some("br"));
        assert!(
            body.len() < 4096 && !body.is_empty(),
            "{} bytes",
            body.len()
        );
        std::fs::remove_dir_all(&dir).ok();
    }
}
