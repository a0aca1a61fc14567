//! The answer for a provider kind with no simulator (a kind added to the adapters after this
//! crate): a 501 in the server's error shape, so nothing pretends to be that provider.

use certorder::http::{Credentials, HttpRequest, HttpResponse};
use certorder::provider::ProviderKind;
use serde_json::json;

use crate::control::ControlError;
use crate::{Context, Simulator, reply};

/// A provider with no simulator.
pub(crate) struct Unsimulated {
    kind: ProviderKind,
}

impl Unsimulated {
    pub(crate) fn new(kind: ProviderKind) -> Self {
        Self { kind }
    }
}

impl Simulator for Unsimulated {
    fn credentials(&self) -> Credentials {
        crate::credentials_for(self.kind)
    }

    fn handle(&self, _ctx: &Context, _request: &HttpRequest) -> HttpResponse {
        let message = format!("the {} sandbox is not available", self.kind.name());
        reply::json(
            501,
            &json!({"error": {"code": "not_simulated", "message": message}}),
        )
    }

    fn complete_dcv(&self, _ctx: &Context, _id: &str) -> Result<String, ControlError> {
        Err(ControlError::UnknownOrder)
    }
}
