//! The bridge between XML-RPC values and `serde_json` values, so wire types can derive serde.
//!
//! Going through JSON loses two distinctions, both harmless for the wire types that use it:
//! `base64` becomes its base64 text and `dateTime.iso8601` its ISO 8601 text (wire types that
//! care declare those fields as strings and parse them).

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::{Error, Members, Value};

impl Value {
    /// The value as JSON: `nil` is `null`, `dateTime.iso8601` its extended ISO 8601 text,
    /// `base64` its base64 text; a non-finite double (which cannot be decoded) is `null`.
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::Value as J;
        match self {
            Self::Int(n) => J::from(*n),
            Self::Boolean(b) => J::Bool(*b),
            Self::String(s) => J::String(s.clone()),
            Self::Double(x) => serde_json::Number::from_f64(*x).map_or(J::Null, J::Number),
            Self::DateTime(d) => J::String(d.to_iso8601()),
            Self::Base64(bytes) => J::String(STANDARD.encode(bytes)),
            Self::Struct(members) => J::Object(
                members
                    .iter()
                    .map(|(k, v)| (k.clone(), v.to_json()))
                    .collect(),
            ),
            Self::Array(items) => J::Array(items.iter().map(Self::to_json).collect()),
            Self::Nil => J::Null,
        }
    }

    /// A value from JSON: integers that fit in 32 bits become `int`, other numbers `double`;
    /// `null` becomes `nil`.
    pub fn from_json(json: &serde_json::Value) -> Self {
        use serde_json::Value as J;
        match json {
            J::Null => Self::Nil,
            J::Bool(b) => Self::Boolean(*b),
            J::Number(n) => match n.as_i64().and_then(|n| i32::try_from(n).ok()) {
                Some(n) => Self::Int(n),
                None => Self::Double(n.as_f64().unwrap_or_default()),
            },
            J::String(s) => Self::String(s.clone()),
            J::Array(items) => Self::Array(items.iter().map(Self::from_json).collect()),
            J::Object(map) => Self::Struct(
                map.iter()
                    .map(|(k, v)| (k.clone(), Self::from_json(v)))
                    .collect::<Members>(),
            ),
        }
    }

    /// Deserialises a wire type from this value (through [`Value::to_json`], written as JSON
    /// text and read with `serde_json::from_slice`, the widget's one JSON reader).
    pub(crate) fn deserialize_into<T: DeserializeOwned>(&self) -> Result<T, Error> {
        let text = self.to_json_text()?;
        serde_json::from_slice(&text).map_err(|e| Error::Shape(e.to_string()))
    }

    /// The value as JSON text, written as [`Value::to_json`] would read: not generic, so it
    /// is in the wasm once.
    fn to_json_text(&self) -> Result<Vec<u8>, Error> {
        serde_json::to_vec(&AsJson(self)).map_err(|e| Error::Shape(e.to_string()))
    }

    /// Serialises a wire type into a value (through JSON); `None` fields skipped with
    /// `skip_serializing_if` never appear, others become `nil`.
    pub(crate) fn serialize_from<T: Serialize + ?Sized>(value: &T) -> Result<Self, Error> {
        serde_json::to_value(value)
            .map(|json| Self::from_json(&json))
            .map_err(|e| Error::Shape(e.to_string()))
    }
}

/// A value serialised in its JSON form ([`Value::to_json`]) without building the JSON value.
struct AsJson<'a>(&'a Value);

impl Serialize for AsJson<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Value::Int(n) => serializer.serialize_i32(*n),
            Value::Boolean(b) => serializer.serialize_bool(*b),
            Value::String(s) => serializer.serialize_str(s),
            Value::Double(x) if x.is_finite() => serializer.serialize_f64(*x),
            Value::Double(_) | Value::Nil => serializer.serialize_unit(),
            Value::DateTime(d) => serializer.serialize_str(&d.to_iso8601()),
            Value::Base64(bytes) => serializer.serialize_str(&STANDARD.encode(bytes)),
            Value::Struct(members) => {
                serializer.collect_map(members.iter().map(|(k, v)| (k, AsJson(v))))
            }
            Value::Array(items) => serializer.collect_seq(items.iter().map(AsJson)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Guards: the JSON text wire types are read from says what `to_json` says, for every type
    // (a non-finite double included), and a wire type reads from it.
    #[test]
    fn json_text_is_the_json_form() -> Result<(), Error> {
        let value = Value::Struct(Members::from([
            ("int".to_owned(), Value::Int(i32::MIN)),
            ("bool".to_owned(), Value::Boolean(true)),
            ("text".to_owned(), Value::from("a \"b\"\n\u{e9}")),
            ("double".to_owned(), Value::Double(-12.214)),
            ("nan".to_owned(), Value::Double(f64::NAN)),
            ("infinite".to_owned(), Value::Double(f64::INFINITY)),
            (
                "date".to_owned(),
                Value::DateTime("19980717T14:08:55".parse()?),
            ),
            ("bytes".to_owned(), Value::Base64(vec![0, 1, 2, 254, 255])),
            ("nil".to_owned(), Value::Nil),
            (
                "array".to_owned(),
                Value::Array(vec![Value::Int(1), Value::Array(vec![])]),
            ),
        ]));
        let text = value.to_json_text()?;
        let read: serde_json::Value =
            serde_json::from_slice(&text).map_err(|e| Error::Shape(e.to_string()))?;
        assert_eq!(read, value.to_json());
        assert_eq!(read["nan"], serde_json::Value::Null);
        assert_eq!(read["date"], "1998-07-17T14:08:55");
        let ints: Vec<Option<Vec<i32>>> =
            Value::Array(vec![Value::Nil, Value::Array(vec![Value::Int(7)])]).deserialize_into()?;
        assert_eq!(ints, [None, Some(vec![7])]);
        Ok(())
    }
}
