//! Where a recognised, authenticated request goes: an [`Upstream`].
//!
//! [`Remote`] sends it over HTTPS to the provider's one configured base URL. A sandbox
//! upstream (in-process simulators) implements the same trait, so the proxy does not know
//! which one it talks to.

use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use certorder::http::{HttpRequest, HttpResponse};
use thiserror::Error;

/// The largest upstream body read; a bigger one is a fault, not a reply.
pub(crate) const MAX_UPSTREAM_BODY: usize = 8 * 1024 * 1024;

/// A boxed future of an upstream answer.
pub(crate) type UpstreamFuture<'a> =
    Pin<Box<dyn Future<Output = Result<HttpResponse, UpstreamError>> + Send + 'a>>;

/// A provider's API, as the proxy sees it.
pub(crate) trait Upstream: Send + Sync {
    /// Sends one request (its path is below the provider's base URL) and returns the answer.
    fn send(&self, request: HttpRequest) -> UpstreamFuture<'_>;
}

/// Why an upstream exchange failed. `sent` says whether the request may have reached the
/// provider: a billable call that failed after it was sent is "in doubt", never retried.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub(crate) enum UpstreamError {
    /// No connection could be made (refused, unreachable, DNS, TLS): nothing was sent.
    #[error("the provider could not be reached")]
    Connect,
    /// No complete answer in time.
    #[error("the provider did not answer in time")]
    Timeout {
        /// Whether the request had left.
        sent: bool,
    },
    /// The connection broke (reset, closed) after the request left.
    #[error("the connection to the provider broke")]
    Broken,
    /// The answer could not be read (too large, not HTTP).
    #[error("the provider's answer could not be read")]
    Unreadable,
}

/// An upstream over the network: one fixed base URL, connect and total time-outs.
#[derive(Debug, Clone)]
pub(crate) struct Remote {
    client: reqwest::Client,
    base: url::Url,
}

impl Remote {
    /// A client for `base` with the given time-outs. Redirects are not followed (a redirect
    /// would let the provider's answer choose where the next request goes).
    pub(crate) fn new(
        base: url::Url,
        connect_timeout: Duration,
        total_timeout: Duration,
    ) -> Result<Self, reqwest::Error> {
        let client = reqwest::Client::builder()
            .connect_timeout(connect_timeout)
            .timeout(total_timeout)
            .redirect(reqwest::redirect::Policy::none())
            .pool_idle_timeout(Duration::from_secs(60))
            .user_agent(concat!("certorder/", env!("CARGO_PKG_VERSION")))
            .build()?;
        Ok(Self { client, base })
    }

    /// The full URL of a request: the base URL's origin and path, then the request's own
    /// path and query, which the proxy has checked segment by segment. Only the path and
    /// query are parsed per request: the scheme and host stay the base URL's, parsed once.
    fn url(&self, request: &HttpRequest) -> url::Url {
        let below = request.path_and_query();
        let (path, query) = match below.split_once('?') {
            Some((path, query)) => (path, Some(query)),
            None => (below.as_str(), None),
        };
        let mut url = self.base.clone();
        let joined = format!("{}{path}", self.base.path().trim_end_matches('/'));
        url.set_path(&joined);
        url.set_query(query);
        url
    }
}

fn classify(error: &reqwest::Error) -> UpstreamError {
    if error.is_connect() {
        // A connect time-out also lands here: nothing was sent.
        UpstreamError::Connect
    } else if error.is_timeout() {
        UpstreamError::Timeout { sent: true }
    } else if error.is_body() || error.is_decode() {
        UpstreamError::Unreadable
    } else {
        UpstreamError::Broken
    }
}

impl Upstream for Remote {
    fn send(&self, request: HttpRequest) -> UpstreamFuture<'_> {
        Box::pin(async move {
            let method = reqwest::Method::from_bytes(request.method.as_str().as_bytes())
                .map_err(|_| UpstreamError::Connect)?;
            let mut builder = self.client.request(method, self.url(&request));
            for (name, value) in &request.headers {
                builder = builder.header(name, value);
            }
            if let Some(body) = request.body {
                builder = builder.body(body);
            }
            let mut response = builder.send().await.map_err(|e| classify(&e))?;
            let status = response.status().as_u16();
            let headers = response
                .headers()
                .iter()
                .filter_map(|(n, v)| Some((n.as_str().to_owned(), v.to_str().ok()?.to_owned())))
                .collect();
            let mut body = Vec::new();
            while let Some(chunk) = response.chunk().await.map_err(|e| classify(&e))? {
                if body.len() + chunk.len() > MAX_UPSTREAM_BODY {
                    return Err(UpstreamError::Unreadable);
                }
                body.extend_from_slice(&chunk);
            }
            Ok(HttpResponse {
                status,
                headers,
                body,
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use certorder::http::Method;

    fn url(base: &str, path: &str, query: &[(&str, &str)]) -> String {
        let remote = Remote::new(
            url::Url::parse(base).expect("base"),
            Duration::from_secs(1),
            Duration::from_secs(1),
        )
        .expect("client");
        let mut request = HttpRequest::new(Method::Get, path);
        request.query = query
            .iter()
            .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
            .collect();
        remote.url(&request).to_string()
    }

    // Guards: the request's path and query go below the base URL's own path, never replace
    // its host, and come out as the full-string join used to.
    #[test]
    fn request_goes_below_the_base_url() {
        assert_eq!(
            url("https://api.example", "/v2/ssl/products", &[]),
            "https://api.example/v2/ssl/products"
        );
        assert_eq!(
            url(
                "https://api.example/base/",
                "/v2/x",
                &[("q", "a b&c"), ("n", "1")]
            ),
            "https://api.example/base/v2/x?q=a%20b%26c&n=1"
        );
        assert_eq!(
            url("http://127.0.0.1:9/", "//other.example/x", &[]),
            "http://127.0.0.1:9//other.example/x"
        );
    }
}
