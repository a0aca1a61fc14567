//! Secrets and the credentials that authenticate provider requests.

use std::fmt;

/// A secret string (API key, token, password).
///
/// `Debug` prints `Secret(***)`; there is no `Display` and no `Serialize`, so a secret reaches
/// a log, an error message or a response only through an explicit [`Secret::expose`]
/// (docs/design.md, security model item 6).
#[derive(Clone, PartialEq, Eq, Default, serde::Deserialize)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    /// Wraps a secret.
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    /// The secret itself, to put on the wire.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// Whether the secret is empty (a missing configuration value).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Drop for Secret {
    /// Overwrites the secret's bytes, so a freed buffer does not keep an API key or password
    /// for a later allocation (or a core dump) to find.
    fn drop(&mut self) {
        zeroize::Zeroize::zeroize(&mut self.0);
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

impl From<String> for Secret {
    fn from(value: String) -> Self {
        Self(value)
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Self {
        Self(value.to_owned())
    }
}

/// How a request proves who is calling: one variant per authentication style the providers
/// use (the providers table of docs/design.md; docs/providers.md §1.2, §2.1, §3, §4).
///
/// An adapter's `authenticate` accepts the variants its provider understands and refuses the
/// others. `Debug` redacts every secret.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Credentials {
    /// `Authorization: ApiKey <key>`: Realtime Register; also Gandi v5's deprecated
    /// `Authorization: Apikey <key>`.
    ApiKey {
        /// The API key.
        key: Secret,
    },
    /// `Authorization: Bearer <token>`: Gandi v5 personal access tokens, Gjirafa tokens from
    /// their identity server.
    Bearer {
        /// The token.
        token: Secret,
    },
    /// `X-API-Key: <key>`: Gjirafa project or organisation API keys.
    XApiKey {
        /// The API key.
        key: Secret,
    },
    /// The API key as the first XML-RPC parameter of every call: Gandi v3.
    XmlRpcKey {
        /// The API key.
        key: Secret,
    },
    /// SSL247's `u`, `p` and `k` fields inside every JSON body (the SSL247 API v3 reference).
    Ssl247 {
        /// `u`: the user's e-mail address (an identity, not a secret).
        user: String,
        /// `p`: the password of a standard or super user; absent for an API user.
        password: Option<Secret>,
        /// `k`: the API user's key, or the account API key.
        key: Secret,
    },
}

impl Credentials {
    /// A short name of the authentication style for messages ("bearer token"), never a secret.
    pub const fn style(&self) -> &'static str {
        match self {
            Self::ApiKey { .. } => "API key header",
            Self::Bearer { .. } => "bearer token",
            Self::XApiKey { .. } => "X-API-Key header",
            Self::XmlRpcKey { .. } => "XML-RPC API key",
            Self::Ssl247 { .. } => "SSL247 user and key",
        }
    }
}
