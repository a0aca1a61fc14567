//! A small XML-RPC codec (<https://xmlrpc.com/spec.md>), sans-IO, on `quick-xml`.
//!
//! Why not an XML-RPC crate: `dxr` 0.9 builds for wasm32 but decodes through serde with no
//! bound on nesting depth, adds a second `base64` and `syn` to the tree, and maps `dateTime`
//! through an optional time crate. What Gandi v3 needs is small: the value types, a
//! `methodCall` encoder, a `methodResponse` decoder with faults as a typed error, and a
//! `methodCall` decoder so the server can recognise a forwarded call by its `methodName`.
//!
//! - Every value type: `int`/`i4`, `boolean`, `string` (and an untyped `<value>text</value>`,
//!   which the spec defines as a string), `double`, `dateTime.iso8601`, `base64`, `nil`
//!   (the common extension), `struct`, `array`.
//! - Malformed input is an [`enum@Error`], never a panic; element nesting is bounded by
//!   [`MAX_DEPTH`], so hostile input cannot exhaust the stack.
//! - [`Value::to_json`] / [`Value::from_json`] bridge to `serde_json`, so wire types can use
//!   `#[derive(Serialize, Deserialize)]` with attributes that match the document.
//!
//! ```
//! use certorder::provider::xmlrpc::{self, MethodCall, Value};
//!
//! let call = MethodCall::new("cert.count", vec![Value::from("key")]);
//! let xml = call.to_xml();
//! assert_eq!(xmlrpc::decode_call(&xml).unwrap(), call);
//!
//! let response = "<methodResponse><params><param><value><int>3</int></value></param>\
//!                 </params></methodResponse>";
//! assert_eq!(xmlrpc::decode_response(response).unwrap(), Value::Int(3));
//! ```

mod datetime;
mod decode;
mod encode;
mod json;
mod value;

use std::fmt;

use thiserror::Error;

pub use datetime::DateTime;
pub use decode::{decode_call, decode_response};
pub use encode::{encode_fault, encode_response};
pub use value::{Members, Value};

/// How deep elements may nest before the input is refused. A value inside a struct takes three
/// levels (`struct`/`member`/`value`), so this allows about 40 levels of nested values, far
/// beyond any documented Gandi structure.
pub const MAX_DEPTH: usize = 128;

/// The `Content-Type` of XML-RPC requests (spec: "The Content-Type is text/xml").
pub const CONTENT_TYPE: &str = "text/xml";

/// A remote procedure call: the method name and its positional parameters.
#[derive(Debug, Clone, PartialEq)]
pub struct MethodCall {
    /// The `methodName`.
    pub method: String,
    /// The parameters, in order.
    pub params: Vec<Value>,
}

impl MethodCall {
    /// A call of `method` with `params`.
    pub fn new(method: impl Into<String>, params: Vec<Value>) -> Self {
        Self {
            method: method.into(),
            params,
        }
    }

    /// The `<methodCall>` document.
    pub fn to_xml(&self) -> String {
        encode::encode_call(self)
    }
}

/// An XML-RPC fault: the server's structured error (`faultCode`, `faultString`).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub struct Fault {
    /// `faultCode`.
    pub code: i32,
    /// `faultString`.
    pub string: String,
}

impl fmt::Display for Fault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "fault {}: {}", self.code, self.string)
    }
}

/// Why an XML-RPC document could not be decoded, or the fault it carried.
///
/// Messages quote element names and scalar literals only, never a string value, so a request
/// carrying an API key does not leak it through an error.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum Error {
    /// The server answered with a fault.
    #[error(transparent)]
    Fault(#[from] Fault),
    /// The input is not well-formed XML.
    #[error("malformed XML at byte {position}: {message}")]
    Xml {
        /// Byte offset where the reader stopped.
        position: u64,
        /// The reader's description.
        message: String,
    },
    /// Well-formed XML, but not the XML-RPC structure expected.
    #[error("not an XML-RPC document: {0}")]
    Structure(String),
    /// Elements nest deeper than [`MAX_DEPTH`].
    #[error("XML nests deeper than {limit} elements")]
    TooDeep {
        /// The limit.
        limit: usize,
    },
    /// A scalar whose text is not valid for its type.
    #[error("invalid <{kind}> value {literal:?}")]
    InvalidScalar {
        /// The element name (`int`, `boolean`, `double`, `dateTime.iso8601`, `base64`).
        kind: &'static str,
        /// The text, cut to 40 characters (`base64` shows none of it).
        literal: String,
    },
    /// A decoded value does not have the shape the caller expected.
    #[error("unexpected value: {0}")]
    Shape(String),
}
