//! The two envelopes of every answer (the SSL247 API v3 reference, each operation's response
//! examples and "Schema Definitions → Error"):
//!
//! - success: `{"StatusCode", "StatusDescription", "Date", "Data"}`;
//! - error ("default"): `{"Response": {"Error": {"Code", "Message"}, "Date"}}`.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::scalar::Scalar;
use crate::http::HttpResponse;
use crate::provider::ProviderError;
use crate::provider::ssl247::error::Ssl247Error;

/// The success envelope.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Success<T> {
    /// `StatusCode`.
    #[serde(rename = "StatusCode", default)]
    pub status_code: Option<Scalar>,
    /// `StatusDescription`.
    #[serde(rename = "StatusDescription", default)]
    pub status_description: Option<Scalar>,
    /// `Date`.
    #[serde(rename = "Date", default)]
    pub date: Option<Scalar>,
    /// `Data`: the operation's result.
    #[serde(rename = "Data")]
    pub data: T,
}

/// The error envelope.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Failure {
    /// `Response`.
    #[serde(rename = "Response")]
    pub response: FailureResponse,
}

/// `Response` of the error envelope.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct FailureResponse {
    /// `Error`.
    #[serde(rename = "Error")]
    pub error: ErrorBody,
    /// `Date`.
    #[serde(rename = "Date", default)]
    pub date: Option<Scalar>,
}

/// `Response.Error`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub(crate) struct ErrorBody {
    /// `Code`.
    #[serde(rename = "Code")]
    pub code: Option<Scalar>,
    /// `Message`.
    #[serde(rename = "Message")]
    pub message: Option<Scalar>,
}

fn text(s: Option<&Scalar>) -> String {
    s.map(|s| s.as_str().to_owned()).unwrap_or_default()
}

/// Reads an answer: the error envelope (at any HTTP status) becomes [`Ssl247Error::Api`];
/// a success envelope whose `StatusCode` is 400 or more becomes [`Ssl247Error::Status`];
/// otherwise `Data` is read as `T`.
pub fn data<T: DeserializeOwned>(response: &HttpResponse) -> Result<T, ProviderError> {
    serde_json::from_slice(&data_text(response)?)
        .map_err(|e| ProviderError::UnexpectedResponse(format!("Data: {e}")))
}

/// [`data`] up to `Data` as JSON text: not generic, so the envelope's reading is in the
/// widget's wasm once rather than once per operation's `T`. The envelope is checked as a
/// [`Value`]; every typed reading (the envelopes and `T`) is from JSON text, so serde_json's
/// byte reader is the only deserializer the wire types are compiled for.
fn data_text(response: &HttpResponse) -> Result<Vec<u8>, ProviderError> {
    let value: Value = match response.json() {
        Ok(value) => value,
        Err(_) if !response.is_success() => {
            return Err(ProviderError::UnexpectedStatus {
                status: response.status,
            });
        }
        Err(e) => return Err(e.into()),
    };
    if value
        .get("Response")
        .is_some_and(|r| r.get("Error").is_some())
    {
        let failure: Failure = read(&value)?;
        return Err(Ssl247Error::Api {
            code: text(failure.response.error.code.as_ref()),
            message: text(failure.response.error.message.as_ref()),
            date: failure.response.date.map(|d| d.0),
            http_status: response.status,
        }
        .into());
    }
    if !response.is_success() {
        return Err(ProviderError::UnexpectedStatus {
            status: response.status,
        });
    }
    let Value::Object(mut map) = value else {
        return Err(ProviderError::UnexpectedResponse(
            "the answer is not a JSON object".into(),
        ));
    };
    let data = map.remove("Data").unwrap_or(Value::Null);
    map.insert("Data".into(), Value::Null);
    let envelope: Success<Value> = read(&Value::Object(map))?;
    if envelope
        .status_code
        .as_ref()
        .and_then(Scalar::as_u32)
        .is_some_and(|code| code >= 400)
    {
        return Err(Ssl247Error::Status {
            status_code: text(envelope.status_code.as_ref()),
            description: text(envelope.status_description.as_ref()),
        }
        .into());
    }
    serde_json::to_vec(&data).map_err(|e| ProviderError::UnexpectedResponse(e.to_string()))
}

/// `T` from a JSON value, through its text.
fn read<T: DeserializeOwned>(value: &Value) -> Result<T, ProviderError> {
    serde_json::to_vec(value)
        .and_then(|text| serde_json::from_slice(&text))
        .map_err(|e| ProviderError::UnexpectedResponse(e.to_string()))
}
