//! The parsed domain name and the questions asked about one name.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{DomainError, Reserved, approver, parse, reserved, suffix};

/// A domain name as it can appear in a certificate's `dNSName`, possibly a wildcard.
///
/// Both forms are lower case and have no trailing dot. Two names are equal when their A-label
/// forms are equal; the U-label form is derived from it.
///
/// With serde a name is its A-label string (`"xn--bcher-kva.example"`), so a draft holding
/// names round-trips through JSON; reading one parses it again, and a string that is not a
/// valid name is an error.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DomainName {
    // Field order matters: the derived `Ord` sorts by the A-label form.
    ascii: String,
    unicode: String,
    wildcard: bool,
}

impl DomainName {
    /// Parses a name as a person types it.
    ///
    /// Surrounding whitespace and one trailing dot are dropped, case is folded and
    /// internationalised labels are converted to A-labels (UTS #46 non-transitional processing
    /// with STD3 rules, as browsers and CAs do). A wildcard is allowed only as the whole
    /// leftmost label (`*.example.com`), once.
    ///
    /// # Errors
    ///
    /// A [`DomainError`] naming the part that is wrong: empty input or labels, lengths beyond
    /// RFC 1035's limits, characters outside letters, digits and hyphens (underscores included),
    /// a misplaced wildcard, an invalid IDN label, an all-digit top-level label, or an IP
    /// address.
    pub fn parse(input: &str) -> Result<DomainName, DomainError> {
        parse::parse(input)
    }

    /// Builds a name from parts already checked by [`parse`](Self::parse).
    pub(super) fn from_parts(ascii: String, unicode: String, wildcard: bool) -> DomainName {
        DomainName {
            ascii,
            unicode,
            wildcard,
        }
    }

    /// The A-label form, for the CSR, the order and DNS: `*.xn--bcher-kva.example`.
    #[must_use]
    pub fn ascii(&self) -> &str {
        &self.ascii
    }

    /// The U-label form, for display: `*.bücher.example`. Same as [`ascii`](Self::ascii) when
    /// no label is internationalised.
    #[must_use]
    pub fn unicode(&self) -> &str {
        &self.unicode
    }

    /// Whether the leftmost label is `*`.
    #[must_use]
    pub fn is_wildcard(&self) -> bool {
        self.wildcard
    }

    /// The name without its `*.` for a wildcard; a copy of the name otherwise.
    #[must_use]
    pub fn base(&self) -> DomainName {
        if !self.wildcard {
            return self.clone();
        }
        DomainName {
            ascii: strip_wildcard(&self.ascii).to_owned(),
            unicode: strip_wildcard(&self.unicode).to_owned(),
            wildcard: false,
        }
    }

    /// The A-label form of [`base`](Self::base), without allocating.
    pub(super) fn base_ascii(&self) -> &str {
        if self.wildcard {
            strip_wildcard(&self.ascii)
        } else {
            &self.ascii
        }
    }

    /// Whether any label is an internationalised (`xn--`) label.
    #[must_use]
    pub fn is_idn(&self) -> bool {
        self.ascii.split('.').any(|label| label.starts_with("xn--"))
    }

    /// The kind of reserved or internal name this is, if any. Such names cannot be in a
    /// publicly trusted certificate (BR §4.2.2 and §7.1.2.7.12, "Internal Name"). See
    /// [`Reserved`] for the sources. A wildcard on a public suffix (`*.co.uk`) is one too
    /// (BR §3.2.2.6).
    #[must_use]
    pub fn reserved(&self) -> Option<Reserved> {
        let base = self.base_ascii();
        if self.wildcard && suffix::public_suffix(base) == Some(base) {
            return Some(Reserved::WildcardOnPublicSuffix);
        }
        reserved::classify(base)
    }

    /// The registrable domain (the public suffix plus one label), e.g. `example.co.uk` for
    /// `www.example.co.uk`, in A-label form.
    ///
    /// Only the ICANN section of the Public Suffix List counts, as BR §3.2.2.6 asks of CAs:
    /// `foo.github.io` gives `github.io`. `None` when the name is itself a public suffix or its
    /// top-level label is not in the list.
    #[must_use]
    pub fn registrable_domain(&self) -> Option<String> {
        suffix::registrable_domain(self.base_ascii()).map(str::to_owned)
    }

    /// The public suffix (ICANN section of the Public Suffix List), e.g. `co.uk`, in A-label
    /// form. `None` when the top-level label is not in the list.
    #[must_use]
    pub fn public_suffix(&self) -> Option<String> {
        suffix::public_suffix(self.base_ascii()).map(str::to_owned)
    }

    /// The constructed approver mailboxes of BR §3.2.2.4.4: `admin`, `administrator`,
    /// `hostmaster`, `postmaster` and `webmaster` at the name and at each parent down to the
    /// registrable domain, name first. A wildcard uses its base name. Empty when the name has
    /// no registrable domain.
    #[must_use]
    pub fn approver_candidates(&self) -> Vec<String> {
        approver::candidates(self.base_ascii())
    }

    /// Whether this wildcard matches `other`: the wildcard stands for exactly one whole label
    /// (RFC 6125 §6.4.3, BR §1.6.1 "Wildcard Domain Name"). `*.example.com` covers
    /// `www.example.com`, but neither `example.com` nor `a.b.example.com`. A name that is not
    /// a wildcard covers nothing, and no name covers a wildcard.
    #[must_use]
    pub fn covers(&self, other: &DomainName) -> bool {
        if !self.wildcard || other.wildcard {
            return false;
        }
        other
            .ascii
            .split_once('.')
            .is_some_and(|(_, parent)| parent == self.base_ascii())
    }

    /// The `www` twin: `example.com` for `www.example.com` and the other way round, where the
    /// name without `www.` is a registrable domain. `None` for wildcards and for every other
    /// name, `shop.example.com` included.
    ///
    /// This is the one www/apex twin rule of the crate (the draft check counts a product's
    /// free twin by it). Gandi offers the twin as "apex or both apex and www" (`apex_only`,
    /// docs/providers.md §1.3), the apex being the registrable domain; Realtime Register
    /// speaks of "free www/non-www (when applicable)" names (docs/providers.md §2.2) and
    /// names no wider rule, so the same pairing is taken for both.
    #[must_use]
    pub fn www_twin(&self) -> Option<DomainName> {
        if self.wildcard {
            return None;
        }
        let registrable = suffix::registrable_domain(&self.ascii)?;
        if registrable == self.ascii {
            DomainName::parse(&format!("www.{registrable}")).ok()
        } else if self.ascii.strip_prefix("www.") == Some(registrable) {
            DomainName::parse(registrable).ok()
        } else {
            None
        }
    }
}

/// Drops a leading `*.`, if there is one.
fn strip_wildcard(name: &str) -> &str {
    name.strip_prefix("*.").unwrap_or(name)
}

impl fmt::Display for DomainName {
    /// Writes the A-label form; use [`DomainName::unicode`] for display to people.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.ascii)
    }
}

impl FromStr for DomainName {
    type Err = DomainError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        DomainName::parse(s)
    }
}

impl TryFrom<&str> for DomainName {
    type Error = DomainError;

    fn try_from(value: &str) -> Result<Self, Self::Error> {
        DomainName::parse(value)
    }
}

impl Serialize for DomainName {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.ascii)
    }
}

impl<'de> Deserialize<'de> for DomainName {
    /// Parses the string as [`DomainName::parse`] does: what was stored is checked again.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        DomainName::parse(&text).map_err(|e| serde::de::Error::custom(format!("{text:?}: {e}")))
    }
}

impl AsRef<str> for DomainName {
    fn as_ref(&self) -> &str {
        &self.ascii
    }
}
