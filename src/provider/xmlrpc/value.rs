//! The XML-RPC value model.

use std::collections::BTreeMap;

use super::DateTime;

/// The members of a `<struct>`, by name.
pub type Members = BTreeMap<String, Value>;

/// One XML-RPC value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// `<int>` / `<i4>`: a signed 32-bit integer.
    Int(i32),
    /// `<boolean>`: `0` or `1`.
    Boolean(bool),
    /// `<string>`, or text directly inside `<value>`.
    String(String),
    /// `<double>`.
    Double(f64),
    /// `<dateTime.iso8601>`.
    DateTime(DateTime),
    /// `<base64>`, decoded.
    Base64(Vec<u8>),
    /// `<struct>`.
    Struct(Members),
    /// `<array>`.
    Array(Vec<Value>),
    /// `<nil/>`, the widely used extension (Gandi documents `dcv_method=nil` defaults).
    Nil,
}

impl Value {
    /// The type's element name, for messages.
    pub(crate) const fn type_name(&self) -> &'static str {
        match self {
            Self::Int(_) => "int",
            Self::Boolean(_) => "boolean",
            Self::String(_) => "string",
            Self::Double(_) => "double",
            Self::DateTime(_) => "dateTime.iso8601",
            Self::Base64(_) => "base64",
            Self::Struct(_) => "struct",
            Self::Array(_) => "array",
            Self::Nil => "nil",
        }
    }

    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Self::String(s) => Some(s),
            _ => None,
        }
    }

    /// The integer, if this is one.
    pub(crate) const fn as_i32(&self) -> Option<i32> {
        match self {
            Self::Int(n) => Some(*n),
            _ => None,
        }
    }

    /// The boolean. An `int` 0 or 1 counts too: several Gandi APIs return flags as `int`
    /// ("1 on success", the Gandi v3 certificate reference, cert.change_dcv).
    pub const fn as_bool(&self) -> Option<bool> {
        match self {
            Self::Boolean(b) => Some(*b),
            Self::Int(0) => Some(false),
            Self::Int(1) => Some(true),
            _ => None,
        }
    }

    /// The members, if this is a struct.
    pub const fn as_struct(&self) -> Option<&Members> {
        match self {
            Self::Struct(m) => Some(m),
            _ => None,
        }
    }

    /// The items, if this is an array.
    pub fn as_array(&self) -> Option<&[Value]> {
        match self {
            Self::Array(items) => Some(items),
            _ => None,
        }
    }

    /// A struct member by name.
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.as_struct().and_then(|m| m.get(name))
    }

    /// A struct from `(name, value)` pairs.
    pub fn structure<I, K>(members: I) -> Self
    where
        I: IntoIterator<Item = (K, Value)>,
        K: Into<String>,
    {
        Self::Struct(members.into_iter().map(|(k, v)| (k.into(), v)).collect())
    }
}

impl From<i32> for Value {
    fn from(n: i32) -> Self {
        Self::Int(n)
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Self {
        Self::Boolean(b)
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Self::String(s.to_owned())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Self {
        Self::String(s)
    }
}

impl From<f64> for Value {
    fn from(x: f64) -> Self {
        Self::Double(x)
    }
}

impl From<DateTime> for Value {
    fn from(d: DateTime) -> Self {
        Self::DateTime(d)
    }
}

impl From<Vec<Value>> for Value {
    fn from(items: Vec<Value>) -> Self {
        Self::Array(items)
    }
}

impl From<Members> for Value {
    fn from(members: Members) -> Self {
        Self::Struct(members)
    }
}

impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(v: Option<T>) -> Self {
        v.map_or(Self::Nil, Into::into)
    }
}
