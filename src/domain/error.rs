//! Why a name is not a valid domain name for a certificate.

use std::net::IpAddr;

use thiserror::Error;

/// Why [`DomainName::parse`](super::DomainName::parse) rejected its input.
///
/// Positions count characters (not bytes) from 1, in the input after surrounding whitespace is
/// trimmed, so they can be shown to the person who typed the name.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum DomainError {
    /// Nothing but whitespace (or a lone dot, the DNS root).
    #[error("the domain name is empty")]
    Empty,
    /// The input is an IPv4 or IPv6 address.
    #[error("{0} is an IP address, not a domain name")]
    IpAddress(IpAddr),
    /// The A-label form is longer than 253 characters (RFC 1035 §2.3.4, written without the
    /// trailing dot).
    #[error("the domain name is {length} characters long in ASCII form; the maximum is 253")]
    TooLong {
        /// Length of the A-label form, including a leading `*.`.
        length: usize,
    },
    /// A label is longer than 63 characters in A-label form (RFC 1035 §2.3.4).
    #[error("label \"{label}\" is {length} characters long in ASCII form; the maximum is 63")]
    LabelTooLong {
        /// The label as typed, lower-cased.
        label: String,
        /// Length of the label's A-label form.
        length: usize,
    },
    /// Two dots in a row, or a leading dot.
    #[error("the domain name has an empty label (a leading dot or two dots in a row)")]
    EmptyLabel,
    /// A character no host name may contain (RFC 1123 §2.1 letters, digits and hyphens, plus
    /// what IDNA maps onto them).
    #[error("character {ch:?} at position {position} is not allowed in a domain name")]
    InvalidCharacter {
        /// The offending character.
        ch: char,
        /// Its position (1-based, in characters).
        position: usize,
    },
    /// An underscore. DNS allows it, but certificates may not carry it in a `dNSName` since
    /// 2019 (CA/Browser Forum ballot SC12; BR §7.1.2.7.12 "preferred name syntax").
    #[error(
        "underscore at position {position}: certificates cannot name hosts with underscores \
         (CA/Browser Forum Baseline Requirements, since 2019)"
    )]
    Underscore {
        /// Its position (1-based, in characters).
        position: usize,
    },
    /// A `*` anywhere but as the whole leftmost label.
    #[error(
        "wildcard \"*\" at position {position} is not allowed there: it may only be the whole \
         leftmost label, as in \"*.example.com\""
    )]
    MisplacedWildcard {
        /// Position of the `*` (1-based, in characters).
        position: usize,
    },
    /// `*` (or `*.`) with nothing after it.
    #[error("a wildcard needs a domain name after it, as in \"*.example.com\"")]
    BareWildcard,
    /// A label starts or ends with a hyphen (RFC 952, RFC 1123 §2.1, RFC 5891 §4.2.3.1).
    #[error("label \"{label}\" starts or ends with a hyphen")]
    HyphenAtEdge {
        /// The label as typed, lower-cased.
        label: String,
    },
    /// A label has `--` in its third and fourth characters without being an `xn--` A-label: a
    /// "Reserved LDH label" (RFC 5890 §2.3.1), which BR §7.1.2.7.12 does not allow.
    #[error(
        "label \"{label}\" has \"--\" as its third and fourth characters but is not an \"xn--\" label"
    )]
    ReservedHyphens {
        /// The label as typed, lower-cased.
        label: String,
    },
    /// IDNA (UTS #46, non-transitional, STD3 rules) rejected a label: a character that is not
    /// allowed in domain names, a bad mix of scripts or directions, or an `xn--` label that
    /// is not valid Punycode for a valid U-label.
    #[error("label \"{label}\" is not a valid internationalised domain label (IDNA)")]
    Idna {
        /// The label as typed.
        label: String,
    },
    /// A right-to-left label (Arabic, Hebrew, ...) next to a label that breaks the bidi rule of
    /// RFC 5893, which applies to every label of a name once one label is right-to-left; for
    /// example a label starting with a digit.
    #[error(
        "\"{name}\" mixes right-to-left labels with labels that break the IDNA bidi rule \
         (RFC 5893), such as a label starting with a digit"
    )]
    Bidi {
        /// The name as typed, without a wildcard.
        name: String,
    },
    /// The last label is all digits. No top-level domain is (RFC 3696 §2), so this is most
    /// often a mistyped IP address.
    #[error(
        "the top-level label \"{tld}\" is all digits; no top-level domain is (is this a mistyped IP address?)"
    )]
    NumericTld {
        /// The last label.
        tld: String,
    },
}

impl DomainError {
    /// A short stable identifier for the error, for machine-readable reports.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::Empty => "empty",
            Self::IpAddress(_) => "ip_address",
            Self::TooLong { .. } => "too_long",
            Self::LabelTooLong { .. } => "label_too_long",
            Self::EmptyLabel => "empty_label",
            Self::InvalidCharacter { .. } => "invalid_character",
            Self::Underscore { .. } => "underscore",
            Self::MisplacedWildcard { .. } => "misplaced_wildcard",
            Self::BareWildcard => "bare_wildcard",
            Self::HyphenAtEdge { .. } => "hyphen_at_edge",
            Self::ReservedHyphens { .. } => "reserved_hyphens",
            Self::Idna { .. } => "idna",
            Self::Bidi { .. } => "bidi",
            Self::NumericTld { .. } => "numeric_tld",
        }
    }
}
