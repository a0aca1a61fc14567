//! The fixed sandbox credentials: public values, not secrets, that the server injects exactly
//! as it injects a reseller's real ones, so the injection path is exercised.

use base64::Engine as _;
use certorder::http::{Credentials, Secret};
use certorder::provider::ProviderKind;

/// The Realtime Register customer handle inside the sandbox API key.
pub(crate) const RTR_CUSTOMER: &str = "sandbox";
/// The Gandi v5 personal access token.
pub(crate) const GANDI_V5_TOKEN: &str = "certorder-sandbox-pat";
/// The Gandi v3 API key.
pub(crate) const GANDI_V3_KEY: &str = "certorder-sandbox-apikey";
/// The SSL247 API user.
pub(crate) const SSL247_USER: &str = "api@sandbox.certorder.invalid";
/// The SSL247 API user's key.
pub(crate) const SSL247_KEY: &str = "certorder-sandbox-key";
/// The Gjirafa API key.
pub(crate) const GJIRAFA_KEY: &str = "certorder-sandbox-key";
/// The Gjirafa project the sandbox serves.
pub const GJIRAFA_PROJECT: &str = "5a4d7c3e-0000-4000-8000-00000000c0de";

/// The Realtime Register API key: base64 of `<customer>/<secret>`, as real keys are
/// (docs/providers.md §2.1), so the adapter derives the customer handle from it.
pub(crate) fn rtr_key() -> String {
    base64::engine::general_purpose::STANDARD.encode(format!("{RTR_CUSTOMER}/certorder-sandbox"))
}

/// The fixed credentials of `kind`'s sandbox.
pub fn credentials_for(kind: ProviderKind) -> Credentials {
    match kind {
        ProviderKind::RealtimeRegister => Credentials::ApiKey {
            key: Secret::new(rtr_key()),
        },
        ProviderKind::GandiV5 => Credentials::Bearer {
            token: Secret::new(GANDI_V5_TOKEN),
        },
        ProviderKind::GandiV3 => Credentials::XmlRpcKey {
            key: Secret::new(GANDI_V3_KEY),
        },
        ProviderKind::Ssl247 => Credentials::Ssl247 {
            user: SSL247_USER.to_owned(),
            password: None,
            key: Secret::new(SSL247_KEY),
        },
        _ => Credentials::XApiKey {
            key: Secret::new(GJIRAFA_KEY),
        },
    }
}
