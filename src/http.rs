//! Plain HTTP requests and responses, as data, and the credentials that authenticate them.
//!
//! Provider adapters are sans-IO (docs/design.md, "The sans-IO rule"): they build an
//! [`HttpRequest`] and parse an [`HttpResponse`]; a transport outside this crate (the browser's
//! `fetch`, the server's proxy, a test) moves the bytes. Nothing here opens a socket, so the
//! same code runs natively and in wasm32.
//!
//! ```
//! use certorder::http::{HttpRequest, Method};
//!
//! let request = HttpRequest::new(Method::Get, "/v5/certificate/issued-certs")
//!     .with_query("status", "valid")
//!     .with_header("Accept", "application/json");
//! assert_eq!(request.path_and_query(), "/v5/certificate/issued-certs?status=valid");
//! assert_eq!(request.header("accept"), Some("application/json"));
//! ```

use std::fmt;
use std::str::FromStr;

use serde::Serialize;
use serde::de::DeserializeOwned;
use thiserror::Error;

mod credentials;
mod response;

pub use credentials::{Credentials, Secret};
pub use response::HttpResponse;

/// The HTTP methods the provider APIs use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Method {
    /// `GET`
    Get,
    /// `POST`
    Post,
    /// `PUT`
    Put,
    /// `PATCH`
    Patch,
    /// `DELETE`
    Delete,
}

impl Method {
    /// The method as it is written on the wire (`"GET"`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Get => "GET",
            Self::Post => "POST",
            Self::Put => "PUT",
            Self::Patch => "PATCH",
            Self::Delete => "DELETE",
        }
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A method name that is not one of [`Method`]'s.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("unsupported HTTP method")]
pub struct UnknownMethod;

impl FromStr for Method {
    type Err = UnknownMethod;

    /// Parses a method name; HTTP method names are case-sensitive (RFC 9110 §9.1).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "GET" => Ok(Self::Get),
            "POST" => Ok(Self::Post),
            "PUT" => Ok(Self::Put),
            "PATCH" => Ok(Self::Patch),
            "DELETE" => Ok(Self::Delete),
            _ => Err(UnknownMethod),
        }
    }
}

/// Header name/value pairs in the order they were added. Names compare case-insensitively.
pub type Headers = Vec<(String, String)>;

fn find_header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// Header names whose values are credentials: `Debug` never prints them.
const SENSITIVE_HEADERS: [&str; 5] = [
    "authorization",
    "x-api-key",
    "cookie",
    "set-cookie",
    "proxy-authorization",
];

/// Whether a header carries a credential (its value is never printed).
pub(crate) fn is_sensitive_header(name: &str) -> bool {
    SENSITIVE_HEADERS
        .iter()
        .any(|s| s.eq_ignore_ascii_case(name))
}

/// `Debug` for headers and a body that hides credentials: sensitive header values and the
/// body (SSL247 and Gandi v3 carry credentials in it) are replaced by placeholders.
struct Redacted<'a>(&'a [(String, String)]);

impl fmt::Debug for Redacted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list()
            .entries(self.0.iter().map(|(n, v)| {
                let v = if is_sensitive_header(n) {
                    "***"
                } else {
                    v.as_str()
                };
                (n.as_str(), v)
            }))
            .finish()
    }
}

/// One request to a provider's API, relative to its base URL.
///
/// `path` is the path below the provider's base URL, starting with `/` (for Gandi v5,
/// `/v5/certificate/issued-certs`; for XML-RPC, the endpoint path). The query is kept as
/// unencoded pairs and encoded by [`HttpRequest::path_and_query`].
///
/// `Debug` hides credential headers and prints only the body's length.
#[derive(Clone, PartialEq, Eq)]
pub struct HttpRequest {
    /// The method.
    pub method: Method,
    /// The path, starting with `/`, already percent-encoded where a segment needs it.
    pub path: String,
    /// Query parameters, unencoded, in order.
    pub query: Vec<(String, String)>,
    /// Request headers, in order.
    pub headers: Headers,
    /// The body, if any.
    pub body: Option<Vec<u8>>,
}

impl fmt::Debug for HttpRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HttpRequest")
            .field("method", &self.method)
            .field("path", &self.path)
            .field("query", &self.query)
            .field("headers", &Redacted(&self.headers))
            .field("body_len", &self.body.as_ref().map(Vec::len))
            .finish()
    }
}

impl HttpRequest {
    /// A request with no query, headers or body.
    pub fn new(method: Method, path: impl Into<String>) -> Self {
        Self {
            method,
            path: path.into(),
            query: Vec::new(),
            headers: Vec::new(),
            body: None,
        }
    }

    /// Adds one query parameter.
    #[must_use]
    pub fn with_query(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.query.push((name.into(), value.into()));
        self
    }

    /// Sets a header, replacing any header of the same name.
    #[must_use]
    pub fn with_header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.set_header(name, value);
        self
    }

    /// Sets a header, replacing any header of the same name (compared case-insensitively).
    pub fn set_header(&mut self, name: impl Into<String>, value: impl Into<String>) {
        let name = name.into();
        self.headers.retain(|(n, _)| !n.eq_ignore_ascii_case(&name));
        self.headers.push((name, value.into()));
    }

    /// Removes every header of that name.
    pub(crate) fn remove_header(&mut self, name: &str) {
        self.headers.retain(|(n, _)| !n.eq_ignore_ascii_case(name));
    }

    /// The first header of that name (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        find_header(&self.headers, name)
    }

    /// Sets a raw body and its content type.
    #[must_use]
    pub fn with_body(mut self, content_type: &str, body: impl Into<Vec<u8>>) -> Self {
        self.set_header("Content-Type", content_type);
        self.body = Some(body.into());
        self
    }

    /// Serialises `value` as the JSON body and sets `Content-Type: application/json`.
    pub fn with_json<T: Serialize + ?Sized>(self, value: &T) -> Result<Self, BodyError> {
        let body =
            serde_json::to_vec(value).map_err(|e| BodyError::Unserialisable(e.to_string()))?;
        Ok(self.with_body("application/json", body))
    }

    /// The body parsed as JSON.
    pub fn json<T: DeserializeOwned>(&self) -> Result<T, BodyError> {
        parse_json(self.body.as_deref().unwrap_or_default())
    }

    /// The path followed by the percent-encoded query (`/a?b=c`), as it goes on the wire.
    pub fn path_and_query(&self) -> String {
        let mut out = self.path.clone();
        for (i, (name, value)) in self.query.iter().enumerate() {
            out.push(if i == 0 { '?' } else { '&' });
            percent_encode_into(&mut out, name);
            out.push('=');
            percent_encode_into(&mut out, value);
        }
        out
    }

    /// The full URL below `base` (`https://api.gandi.net` + path and query). A trailing `/`
    /// on `base` is dropped so the two never double up.
    pub fn url(&self, base: &str) -> String {
        format!("{}{}", base.trim_end_matches('/'), self.path_and_query())
    }
}

/// Percent-encodes everything except RFC 3986 unreserved characters.
fn percent_encode_into(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0x0f)]));
        }
    }
}

/// Percent-encodes one path segment (an order id taken from user input, for example).
pub(crate) fn encode_path_segment(segment: &str) -> String {
    let mut out = String::with_capacity(segment.len());
    percent_encode_into(&mut out, segment);
    out
}

fn parse_json<T: DeserializeOwned>(body: &[u8]) -> Result<T, BodyError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(BodyError::Empty);
    }
    serde_json::from_slice(body).map_err(|e| BodyError::Json(e.to_string()))
}

/// A body that could not be written or read.
///
/// The message of a JSON error names the line, column and expected type only, never the body,
/// so a body that carries a secret (SSL247 puts credentials in it) does not leak through it.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum BodyError {
    /// The body is empty where a document was expected.
    #[error("the body is empty")]
    Empty,
    /// The body is not valid UTF-8.
    #[error("the body is not valid UTF-8")]
    NotUtf8,
    /// The body is not the JSON document expected.
    #[error("invalid JSON body: {0}")]
    Json(String),
    /// A request body could not be written (a value serde cannot represent in the format).
    /// Every adapter reports an unserialisable request this one way, before anything is sent.
    #[error("the request body could not be written: {0}")]
    Unserialisable(String),
}

#[cfg(test)]
mod tests {
    use super::*;

    // Guards: query encoding, header replacement and redaction.
    #[test]
    fn requests_encode_and_redact() {
        let mut r = HttpRequest::new(Method::Get, "/a")
            .with_query("q", "a b&c/é")
            .with_query("n", "1")
            .with_header("Authorization", "Bearer SECRET")
            .with_header("X-Api-Key", "SECRET2");
        assert_eq!(r.path_and_query(), "/a?q=a%20b%26c%2F%C3%A9&n=1");
        assert_eq!(
            r.url("https://h.example/"),
            "https://h.example/a?q=a%20b%26c%2F%C3%A9&n=1"
        );
        r.set_header("authorization", "Bearer OTHER");
        assert_eq!(r.headers.len(), 2);
        let debug = format!("{r:?}");
        assert!(
            !debug.contains("SECRET") && !debug.contains("OTHER"),
            "{debug}"
        );
        r.remove_header("X-API-KEY");
        assert_eq!(r.header("x-api-key"), None);
        assert_eq!("PATCH".parse::<Method>(), Ok(Method::Patch));
        assert!("patch".parse::<Method>().is_err());
        assert_eq!(encode_path_segment("a/b"), "a%2Fb");
    }

    // Guards: JSON bodies both ways, empty and invalid bodies as errors.
    #[test]
    fn json_bodies() -> Result<(), BodyError> {
        let r = HttpRequest::new(Method::Post, "/").with_json(&serde_json::json!({"a": 1}))?;
        assert_eq!(r.header("Content-Type"), Some("application/json"));
        assert_eq!(r.json::<serde_json::Value>()?, serde_json::json!({"a": 1}));
        let resp = HttpResponse::new(200, " ");
        assert_eq!(resp.json::<serde_json::Value>(), Err(BodyError::Empty));
        let resp = HttpResponse::new(200, "{");
        assert!(matches!(
            resp.json::<serde_json::Value>(),
            Err(BodyError::Json(_))
        ));
        assert_eq!(
            HttpResponse::new(200, vec![0xff]).text(),
            Err(BodyError::NotUtf8)
        );
        Ok(())
    }

    // Guards: no secret in Debug of credentials.
    #[test]
    fn credentials_debug_is_redacted() {
        let c = Credentials::Ssl247 {
            user: "api@example.com".into(),
            password: Some(Secret::new("PW")),
            key: Secret::new("KEY"),
        };
        let debug = format!("{c:?}");
        assert!(!debug.contains("PW") && !debug.contains("KEY"), "{debug}");
    }
}
