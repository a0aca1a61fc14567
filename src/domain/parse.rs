//! From typed text to a [`DomainName`].
//!
//! The structure (dots, wildcard, ASCII characters) is checked before IDNA so that the common
//! mistakes get a specific message with a position; IDNA then judges each label that is not
//! plain ASCII, and each `xn--` label.

use super::{DomainError, DomainName, ip_address, uts46};

/// Longest name in A-label form, without the trailing dot (RFC 1035 §2.3.4: 255 octets on the
/// wire are 253 characters in text).
const MAX_NAME: usize = 253;
/// Longest label (RFC 1035 §2.3.4).
const MAX_LABEL: usize = 63;

/// See [`DomainName::parse`].
pub(super) fn parse(input: &str) -> Result<DomainName, DomainError> {
    let trimmed = input.trim();
    // UTS #46 maps these three full stops to '.'; mapping them first lets the structure checks
    // below see every label separator. Each maps one character to one, so positions hold.
    let dotted: String = trimmed
        .chars()
        .map(|c| {
            if matches!(c, '\u{3002}' | '\u{ff0e}' | '\u{ff61}') {
                '.'
            } else {
                c
            }
        })
        .collect();
    let body = dotted.strip_suffix('.').unwrap_or(&dotted);
    if body.is_empty() {
        return Err(DomainError::Empty);
    }
    if let Some(ip) = ip_address(trimmed).or_else(|| ip_address(body)) {
        return Err(DomainError::IpAddress(ip));
    }
    if body == "*" {
        return Err(DomainError::BareWildcard);
    }
    let (wildcard, rest, offset) = match body.strip_prefix("*.") {
        Some(rest) => (true, rest, 2),
        None => (false, body, 0),
    };
    check_characters(rest, offset)?;

    let mut labels = Vec::new();
    for label in rest.split('.') {
        if label.is_empty() {
            return Err(DomainError::EmptyLabel);
        }
        labels.push(to_a_label(label)?);
    }
    let base = labels.join(".");
    // The bidi rule (RFC 5893) is the one IDNA rule that spans labels: once any label is
    // right-to-left, every label must satisfy it. Each label passed on its own above, so a
    // failure of the whole name here is that rule.
    let idn = labels.iter().any(|l| l.starts_with("xn--"));
    if idn && !uts46::bidi_ok(&base) {
        return Err(DomainError::Bidi {
            name: rest.to_owned(),
        });
    }
    let ascii = if wildcard {
        format!("*.{base}")
    } else {
        base.clone()
    };
    if ascii.len() > MAX_NAME {
        return Err(DomainError::TooLong {
            length: ascii.len(),
        });
    }
    if let Some(tld) = labels.last()
        && tld.bytes().all(|b| b.is_ascii_digit())
    {
        return Err(DomainError::NumericTld { tld: tld.clone() });
    }
    // Without an "xn--" label the name is already its own U-label form: every label is
    // lower-case letters, digits and hyphens, which UTS #46 maps to themselves. Otherwise every
    // label was checked above; should one still not decode, the A-labels are shown rather than
    // a string with replacement characters.
    let unicode_base = if idn {
        uts46::to_unicode(&base)
    } else {
        base.clone()
    };
    let unicode = if wildcard {
        format!("*.{unicode_base}")
    } else {
        unicode_base
    };
    Ok(DomainName::from_parts(ascii, unicode, wildcard))
}

/// Rejects, with their position, the ASCII characters no label may contain. Other characters
/// are left to IDNA, except whitespace and controls, which IDNA would report less clearly.
fn check_characters(rest: &str, offset: usize) -> Result<(), DomainError> {
    for (index, ch) in rest.chars().enumerate() {
        let position = offset + index + 1;
        match ch {
            'a'..='z' | 'A'..='Z' | '0'..='9' | '-' | '.' => {}
            '*' => return Err(DomainError::MisplacedWildcard { position }),
            '_' => return Err(DomainError::Underscore { position }),
            _ if ch.is_ascii() || ch.is_whitespace() || ch.is_control() => {
                return Err(DomainError::InvalidCharacter { ch, position });
            }
            _ => {}
        }
    }
    Ok(())
}

/// Converts one non-empty label to its A-label, checking hyphens and length.
fn to_a_label(label: &str) -> Result<String, DomainError> {
    let lower = label.to_lowercase();
    // RFC 1123 §2.1 (ASCII) and RFC 5891 §4.2.3.1 (U-labels): no hyphen at either end.
    if lower.starts_with('-') || lower.ends_with('-') {
        return Err(DomainError::HyphenAtEdge { label: lower });
    }
    // RFC 5890 §2.3.1: "--" in the third and fourth positions marks a reserved label; only
    // "xn--" A-labels are allowed in certificates (BR §7.1.2.7.12, P-Labels or Non-Reserved
    // LDH Labels).
    let mut chars = lower.chars().skip(2);
    if chars.next() == Some('-') && chars.next() == Some('-') && !lower.starts_with("xn--") {
        return Err(DomainError::ReservedHyphens { label: lower });
    }
    let ascii = if lower.is_ascii() && !lower.starts_with("xn--") {
        lower.clone()
    } else {
        // Non-transitional UTS #46 with STD3 rules and CheckHyphens: what IDNA2008-conforming
        // registries and CAs accept. For an "xn--" label this decodes the Punycode and checks
        // the U-label it stands for.
        uts46::label_to_ascii(label).ok_or_else(|| DomainError::Idna {
            label: label.to_owned(),
        })?
    };
    if ascii.len() > MAX_LABEL {
        return Err(DomainError::LabelTooLong {
            label: lower,
            length: ascii.len(),
        });
    }
    Ok(ascii)
}
