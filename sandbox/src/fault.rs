//! Faults armed through the control endpoint: the next request recognised as a given
//! operation hangs, is reset, gets a 500 or a malformed body, once.

use std::sync::Mutex;

use certorder::http::{HttpRequest, HttpResponse};
use certorder::provider::{
    Provider, ProviderKind, gandi_v3, gandi_v5, gjirafa, realtimeregister, ssl247,
};
use serde::Deserialize;

use crate::Reply;

/// A fault the next matching request gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Fault {
    /// Never answer, so the caller's time-out fires.
    Hang,
    /// Drop the connection.
    Reset,
    /// Answer 500.
    Error,
    /// Answer 200 with a body that is not the document the API sends.
    Malformed,
}

impl Fault {
    pub(crate) fn reply(self, kind: ProviderKind) -> Reply {
        match self {
            Self::Hang => Reply::Hang,
            Self::Reset => Reply::Reset,
            Self::Error => Reply::Respond(
                HttpResponse::new(500, "Internal Server Error")
                    .with_header("Content-Type", "text/plain"),
            ),
            Self::Malformed => {
                let (content_type, body) = match kind {
                    ProviderKind::GandiV3 => (
                        "text/xml",
                        "<?xml version=\"1.0\"?><methodResponse><params><param>",
                    ),
                    _ => ("application/json", "{\"truncated\": [1, 2"),
                };
                Reply::Respond(
                    HttpResponse::new(200, body).with_header("Content-Type", content_type),
                )
            }
        }
    }
}

/// The operation name the adapter gives a request (`POST /v2/ssl/certificates`, `cert.create`).
pub(crate) fn operation_name(kind: ProviderKind, request: &HttpRequest) -> Option<&'static str> {
    let op = match kind {
        ProviderKind::RealtimeRegister => {
            realtimeregister::RealtimeRegister::default().recognise(request)
        }
        ProviderKind::GandiV5 => gandi_v5::GandiV5.recognise(request),
        ProviderKind::GandiV3 => gandi_v3::GandiV3.recognise(request),
        ProviderKind::Ssl247 => ssl247::Ssl247.recognise(request),
        ProviderKind::Gjirafa => {
            let project = gjirafa::ProjectId::parse(crate::GJIRAFA_PROJECT).ok()?;
            gjirafa::Gjirafa::new(project, 1).recognise(request)
        }
        _ => None,
    };
    op.map(|o| o.name)
}

/// Armed faults, per provider and operation name.
#[derive(Debug, Default)]
pub(crate) struct Faults {
    armed: Mutex<Vec<(ProviderKind, String, Fault)>>,
}

impl Faults {
    /// Arms `fault` for the next request of `operation`.
    pub(crate) fn arm(&self, kind: ProviderKind, operation: String, fault: Fault) {
        let mut armed = self
            .armed
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        armed.push((kind, operation, fault));
    }

    /// Disarms every fault of `kind`.
    pub(crate) fn clear(&self, kind: ProviderKind) {
        let mut armed = self
            .armed
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        armed.retain(|(k, _, _)| *k != kind);
    }

    /// The fault armed for this request, if any, disarmed as it is taken.
    pub(crate) fn take(&self, kind: ProviderKind, request: &HttpRequest) -> Option<Fault> {
        let mut armed = self
            .armed
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if armed.is_empty() {
            return None;
        }
        let name = operation_name(kind, request)?;
        let at = armed
            .iter()
            .position(|(k, op, _)| *k == kind && op == name)?;
        Some(armed.remove(at).2)
    }
}
