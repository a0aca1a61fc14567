//! The signature check in the browser: the two WebCrypto calls a [`SignatureRequest`] asks for
//! (`SubtleCrypto.importKey("spki", …)`, then `SubtleCrypto.verify(…)`), and nothing else.
//! What to ask and what the answer means are decided in [`super::webcrypto`].

use super::SignatureCheck;
use super::webcrypto::{Answer, SignatureRequest, WebAlgorithm};
use crate::csr::{CsrError, Inspection, inspect_deferred};
use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast as _, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CryptoKey, SubtleCrypto};

/// [`crate::csr::inspect`] with the signature checked by this browser's WebCrypto.
pub async fn inspect(input: &[u8]) -> Result<Inspection, CsrError> {
    let (inspection, request) = inspect_deferred(input)?;
    Ok(match request {
        Some(request) => inspection.with_signature(verify(&request).await),
        None => inspection,
    })
}

/// Asks WebCrypto and reads its answer into the outcome.
pub async fn verify(request: &SignatureRequest) -> SignatureCheck {
    let answer = match subtle() {
        None => Answer::Unavailable,
        Some(subtle) => match ask(&subtle, request).await {
            Ok(answer) => answer,
            Err(error) => Answer::Refused(describe(&error)),
        },
    };
    request.verdict(answer)
}

/// `crypto.subtle` of this window or worker, if the page has it (secure contexts only).
fn subtle() -> Option<SubtleCrypto> {
    let crypto = Reflect::get(&js_sys::global(), &JsValue::from_str("crypto")).ok()?;
    Reflect::get(&crypto, &JsValue::from_str("subtle"))
        .ok()?
        .dyn_into()
        .ok()
}

async fn ask(subtle: &SubtleCrypto, request: &SignatureRequest) -> Result<Answer, JsValue> {
    let name = JsValue::from_str(request.algorithm.name());
    let (import, check) = match request.algorithm {
        WebAlgorithm::RsaPkcs1 { hash } => (
            object(&[("name", name.clone()), ("hash", hash.into())])?,
            object(&[("name", name)])?,
        ),
        WebAlgorithm::RsaPss { hash, salt_length } => (
            object(&[("name", name.clone()), ("hash", hash.into())])?,
            object(&[("name", name), ("saltLength", salt_length.into())])?,
        ),
        WebAlgorithm::Ecdsa { named_curve, hash } => (
            object(&[("name", name.clone()), ("namedCurve", named_curve.into())])?,
            object(&[("name", name), ("hash", hash.into())])?,
        ),
        WebAlgorithm::Ed25519 => (
            object(&[("name", name.clone())])?,
            object(&[("name", name)])?,
        ),
    };
    let usages = Array::of1(&JsValue::from_str("verify"));
    let spki = Uint8Array::from(request.spki.as_slice());
    let key =
        JsFuture::from(subtle.import_key_with_object("spki", &spki, &import, false, &usages)?)
            .await?;
    let key: CryptoKey = key.unchecked_into();
    let verified = JsFuture::from(subtle.verify_with_object_and_u8_array_and_u8_array(
        &check,
        &key,
        &request.signature,
        &request.message,
    )?)
    .await?;
    Ok(match verified.as_bool() {
        Some(verified) => Answer::Verified(verified),
        None => Answer::Refused("verify answered something other than true or false".into()),
    })
}

/// A plain object with these properties, as WebCrypto's algorithm dictionaries are.
fn object(properties: &[(&str, JsValue)]) -> Result<Object, JsValue> {
    let object = Object::new();
    for (key, value) in properties {
        Reflect::set(&object, &JsValue::from_str(key), value)?;
    }
    Ok(object)
}

/// `NotSupportedError: …` from a DOMException or an Error; whatever else was thrown, as text.
fn describe(error: &JsValue) -> String {
    let field = |name: &str| {
        Reflect::get(error, &JsValue::from_str(name))
            .ok()
            .and_then(|v| v.as_string())
    };
    match (field("name"), field("message")) {
        (Some(name), Some(message)) if !message.is_empty() => format!("{name}: {message}"),
        (Some(name), _) => name,
        _ => error
            .as_string()
            .unwrap_or_else(|| "an unknown error".to_owned()),
    }
}
