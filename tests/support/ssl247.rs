//! What the SSL247 tests share: the verbatim fixtures of the SSL247 API v3 reference, the
//! request a call sends, and field-shape comparison against the document's examples.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)] // each test file uses a part

use serde_json::Value;

use certorder::http::{Credentials, HttpRequest, HttpResponse, Method, Secret};
use certorder::provider::flow::Prepared;
use certorder::provider::ssl247::{Scalar, Ssl247};
use certorder::provider::{Call, Provider};

pub(crate) const DIR: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/providers/ssl247"
);

pub(crate) fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{DIR}/{name}")).unwrap_or_else(|e| panic!("{name}: {e}"))
}

pub(crate) fn fixture_json(name: &str) -> Value {
    serde_json::from_str(&fixture(name)).unwrap()
}

pub(crate) fn ok(name: &str) -> HttpResponse {
    HttpResponse::new(200, fixture(name)).with_header("Content-Type", "application/json")
}

/// The response example of an operation, parsed by the call.
pub(crate) fn parsed<T: serde::de::DeserializeOwned>(call: &Prepared<T>, name: &str) -> T {
    call.parse(&ok(&format!("{name}.response.json")))
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// `Some("string")`-style expectation.
pub(crate) fn s(text: &str) -> Option<Scalar> {
    Some(Scalar::from(text))
}

pub(crate) fn creds() -> Credentials {
    Credentials::Ssl247 {
        user: "api@example.com".into(),
        password: Some(Secret::new("SecretPassword123!")),
        key: Secret::new("secret_key_x123+?"),
    }
}

/// The request a call builds, with credentials added, checked for method, path and headers.
pub(crate) fn sent<T>(call: &Prepared<T>, path: &str) -> Value
where
    Prepared<T>: Call,
{
    let mut request: HttpRequest = call.request().unwrap();
    assert_eq!(request.method, Method::Post, "{path}");
    assert_eq!(request.path, path);
    assert!(request.query.is_empty());
    assert_eq!(request.header("content-type"), Some("application/json"));
    assert_eq!(request.header("accept"), Some("application/json"));
    let bare: Value = request.json().unwrap();
    for field in ["u", "p", "k"] {
        assert!(bare.get(field).is_none(), "{path}: built with {field}");
    }
    Ssl247.authenticate(&mut request, &creds()).unwrap();
    request.json().unwrap()
}

/// The field names of a document, nested objects and first array items included.
pub(crate) fn shape(value: &Value) -> Value {
    match value {
        Value::Object(map) => {
            Value::Object(map.iter().map(|(k, v)| (k.clone(), shape(v))).collect())
        }
        Value::Array(items) => Value::Array(items.first().map(shape).into_iter().collect()),
        _ => Value::Null,
    }
}

/// The request example of `name` has exactly the fields of `body`.
pub(crate) fn same_fields(body: &Value, name: &str) {
    assert_eq!(
        shape(body),
        shape(&fixture_json(&format!("{name}.request.json"))),
        "{name}"
    );
}
