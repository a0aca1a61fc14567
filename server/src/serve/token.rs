//! Order tokens: an HMAC over provider and order id, so that in reseller mode only the
//! browser that created an order can read or change it (docs/design.md, security model
//! item 3).

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use certorder::provider::{ProviderKind, Target};
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

/// The request and response header that carries order tokens (comma-separated, or repeated).
pub(crate) const HEADER: &str = "certorder-order-token";

/// Domain separation, so the secret's MAC means nothing anywhere else.
const CONTEXT: &[u8] = b"certorder order token v1\0";

/// Makes and checks order tokens with one server secret.
#[derive(Clone)]
pub(crate) struct OrderTokens {
    /// The keyed HMAC state, cloned for each token; the secret itself is not kept.
    keyed: Hmac<Sha256>,
}

impl std::fmt::Debug for OrderTokens {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("OrderTokens(***)")
    }
}

impl OrderTokens {
    /// Tokens under `secret`. The HMAC key is SHA-256 of the secret, so a secret of any
    /// length gives a full-strength key of one fixed size.
    pub(crate) fn new(secret: &[u8]) -> Self {
        let mut key = hmac::digest::Key::<Hmac<Sha256>>::default();
        key[..32].copy_from_slice(&Sha256::digest(secret));
        Self {
            keyed: <Hmac<Sha256> as hmac::digest::KeyInit>::new(&key),
        }
    }

    /// Tokens under a fresh random secret (32 bytes from the operating system).
    pub(crate) fn generate() -> Result<Self, getrandom::Error> {
        let mut secret = [0u8; 32];
        getrandom::getrandom(&mut secret)?;
        let tokens = Self::new(&secret);
        secret.fill(0);
        Ok(tokens)
    }

    /// The MAC over provider, what the id names (an order, or an operation: the two are
    /// numbered apart, so process 7 and certificate 7 get different tokens) and the id.
    fn mac(&self, provider: ProviderKind, target: &Target) -> Hmac<Sha256> {
        let (namespace, id) = match target {
            Target::Order(id) => (&b"order"[..], id),
            Target::Operation(id) => (&b"operation"[..], id),
        };
        let mut mac = self.keyed.clone();
        mac.update(CONTEXT);
        mac.update(provider.slug().as_bytes());
        mac.update(b"\0");
        mac.update(namespace);
        mac.update(b"\0");
        mac.update(id.as_bytes());
        mac
    }

    /// The token for one order (or operation) of a provider.
    pub(crate) fn mint(&self, provider: ProviderKind, target: &Target) -> String {
        URL_SAFE_NO_PAD.encode(self.mac(provider, target).finalize().into_bytes())
    }

    /// Whether one of the tokens in `header_values` is the token of `target` (constant-time
    /// comparison).
    pub(crate) fn verify<'a>(
        &self,
        provider: ProviderKind,
        target: &Target,
        header_values: impl IntoIterator<Item = &'a str>,
    ) -> bool {
        header_values
            .into_iter()
            .flat_map(|v| v.split(','))
            .filter_map(|t| URL_SAFE_NO_PAD.decode(t.trim()).ok())
            .any(|bytes| self.mac(provider, target).verify_slice(&bytes).is_ok())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Guards: a token fits only its own provider and id, and a tampered one fails.
    #[test]
    fn tokens_bind_provider_and_id() {
        let tokens = OrderTokens::new(b"secret");
        let order = |id: &str| Target::Order(id.to_owned());
        let t = tokens.mint(ProviderKind::GandiV5, &order("42"));
        assert!(tokens.verify(ProviderKind::GandiV5, &order("42"), [t.as_str()]));
        assert!(tokens.verify(ProviderKind::GandiV5, &order("42"), ["junk, ", t.as_str()]));
        assert!(!tokens.verify(ProviderKind::GandiV5, &order("43"), [t.as_str()]));
        assert!(!tokens.verify(ProviderKind::Ssl247, &order("42"), [t.as_str()]));
        let mut tampered = t.clone().into_bytes();
        tampered[0] = if tampered[0] == b'A' { b'B' } else { b'A' };
        let tampered = String::from_utf8(tampered).unwrap_or_default();
        assert!(!tokens.verify(ProviderKind::GandiV5, &order("42"), [tampered.as_str()]));
        let other = OrderTokens::new(b"other secret");
        assert!(!other.verify(ProviderKind::GandiV5, &order("42"), [t.as_str()]));
        let operation = Target::Operation("42".to_owned());
        assert!(
            !tokens.verify(ProviderKind::GandiV5, &operation, [t.as_str()]),
            "another namespace"
        );
        assert!(!format!("{tokens:?}").contains("secret"));
    }
}
