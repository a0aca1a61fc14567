//! PEM armour as people paste it (RFC 7468, leniently), and base64 bodies with line numbers.
//!
//! The `pem` crate wants well-formed armour on its own lines; pastes arrive indented, on one
//! line, with CRLF, with lost dashes or inside an `openssl req -text` dump, so the markers are
//! found by scanning for `BEGIN`/`END` between runs of dashes anywhere in the text.

use crate::csr::CsrError;
use base64::Engine as _;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use zeroize::Zeroizing;

/// Dashes either side of a label; RFC 7468 says five, pastes lose some and RFC 4716 (SSH2)
/// uses four.
const MIN_DASHES: usize = 3;

/// Labels longer than this are not armour but prose that happens to contain "BEGIN".
const MAX_LABEL: usize = 64;

/// Standard alphabet; padding optional because pastes lose the `=` at the end of the last line.
const BASE64: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::STANDARD,
    GeneralPurposeConfig::new()
        .with_decode_padding_mode(DecodePaddingMode::Indifferent)
        .with_decode_allow_trailing_bits(true),
);

/// One PEM block found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Block<'a> {
    /// The label of the BEGIN line, upper case, single spaces.
    pub(crate) label: String,
    /// The text between the BEGIN and END markers; `None` when the END marker is missing.
    pub(crate) body: Option<&'a str>,
    /// 1-based line of the input on which the body starts.
    pub(crate) first_line: usize,
    /// The whole block, from the first dash of BEGIN to the last dash of END; `None` when
    /// the END marker is missing.
    pub(crate) armour: Option<&'a str>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Marker {
    begin: bool,
    label: String,
    /// Byte offset of the first dash.
    start: usize,
    /// Byte offset just past the last dash.
    end: usize,
}

/// Every PEM block of the text, in order. A BEGIN followed by another BEGIN (or by nothing)
/// is a block without body: the paste was cut off.
pub(crate) fn blocks(text: &str) -> Vec<Block<'_>> {
    let markers = markers(text);
    let mut found = Vec::new();
    let mut iter = markers.iter().peekable();
    while let Some(marker) = iter.next() {
        if !marker.begin {
            continue;
        }
        let (body, armour) = match iter.peek() {
            Some(next) if !next.begin => {
                let body = text.get(marker.end..next.start);
                let armour = text.get(marker.start..next.end);
                iter.next();
                (body, armour)
            }
            _ => (None, None),
        };
        found.push(Block {
            label: marker.label.clone(),
            body,
            first_line: line_at(text, marker.end),
            armour,
        });
    }
    found
}

/// True when the text has an END marker (used for a paste that lost its BEGIN line).
pub(crate) fn end_marker(text: &str) -> Option<usize> {
    markers(text).iter().find(|m| !m.begin).map(|m| m.start)
}

fn markers(text: &str) -> Vec<Marker> {
    let mut found: Vec<Marker> = ["BEGIN", "END"]
        .iter()
        .flat_map(|keyword| {
            text.match_indices(keyword)
                .filter_map(|(at, _)| marker_at(text, at, *keyword == "BEGIN"))
        })
        .collect();
    found.sort_by_key(|m| m.start);
    found
}

/// Reads `-----KEYWORD LABEL-----` around the keyword found at byte `at`.
fn marker_at(text: &str, at: usize, begin: bool) -> Option<Marker> {
    let before = text.get(..at)?;
    let before = before.strip_suffix(' ').unwrap_or(before);
    let dashes_before = before.bytes().rev().take_while(|b| *b == b'-').count();
    if dashes_before < MIN_DASHES {
        return None;
    }
    let start = before.len() - dashes_before;
    let keyword_len = if begin { 5 } else { 3 };
    let after = text.get(at + keyword_len..)?;
    let label_len = after.find(['-', '\n', '\r']).unwrap_or(after.len());
    let raw_label = after.get(..label_len)?;
    if raw_label.len() > MAX_LABEL || !raw_label.starts_with([' ', '\t']) {
        return None;
    }
    let label = raw_label
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_ascii_uppercase();
    if label.is_empty() {
        return None;
    }
    let rest = after.get(label_len..)?;
    let dashes_after = rest.bytes().take_while(|b| *b == b'-').count();
    if dashes_after < MIN_DASHES {
        return None;
    }
    Some(Marker {
        begin,
        label,
        start,
        end: at + keyword_len + label_len + dashes_after,
    })
}

/// 1-based line number of byte offset `at`.
fn line_at(text: &str, at: usize) -> usize {
    let upto = text.get(..at).unwrap_or(text);
    upto.bytes().filter(|b| *b == b'\n').count() + 1
}

/// Decodes a base64 body spread over lines starting at `first_line`. Whitespace anywhere is
/// ignored and RFC 1421 header lines (`Proc-Type: …`) are skipped. Errors name the line.
pub(crate) fn decode_base64(body: &str, first_line: usize) -> Result<Zeroizing<Vec<u8>>, CsrError> {
    // Only base64 characters, which are ASCII, are kept: bytes, not chars.
    let mut chars = Zeroizing::new(Vec::with_capacity(body.len()));
    // Line boundaries as (index into `chars` where the line starts, line number), so an
    // error offset in the compact text maps back to the pasted line.
    let mut lines: Vec<(usize, usize)> = Vec::new();
    for (n, line) in body.split('\n').enumerate() {
        let number = first_line.saturating_add(n);
        let trimmed = line.trim();
        if is_header_line(trimmed) {
            continue;
        }
        lines.push((chars.len(), number));
        if trimmed.bytes().all(is_base64_byte) {
            // The common case: a whole line of base64.
            chars.extend_from_slice(trimmed.as_bytes());
            continue;
        }
        for c in trimmed.chars().filter(|c| !c.is_whitespace()) {
            match u8::try_from(c) {
                Ok(b) if is_base64_byte(b) => chars.push(b),
                _ => {
                    return Err(CsrError::BadBase64 {
                        line: number,
                        detail: format!("unexpected character {c:?}"),
                    });
                }
            }
        }
    }
    let line_of = |index: usize| {
        lines
            .iter()
            .rev()
            .find(|(start, _)| *start <= index)
            .map_or(first_line, |(_, n)| *n)
    };
    let last_line = lines
        .iter()
        .rev()
        .find(|(start, _)| *start < chars.len())
        .map_or(first_line, |(_, n)| *n);
    let mut out = Zeroizing::new(Vec::new());
    match BASE64.decode_vec(&*chars, &mut out) {
        Ok(()) => Ok(out),
        Err(base64::DecodeError::InvalidByte(index, byte)) => Err(CsrError::BadBase64 {
            line: line_of(index),
            detail: if byte == b'=' {
                "padding '=' in the middle of the data".into()
            } else {
                format!("unexpected character {:?}", char::from(byte))
            },
        }),
        Err(base64::DecodeError::InvalidLength(len)) => Err(CsrError::BadBase64 {
            line: last_line,
            detail: format!(
                "{len} base64 characters cannot be complete data: a character was lost or added"
            ),
        }),
        Err(base64::DecodeError::InvalidLastSymbol(index, _)) => Err(CsrError::BadBase64 {
            line: line_of(index),
            detail: "the last character does not end the data".into(),
        }),
        Err(base64::DecodeError::InvalidPadding) => Err(CsrError::BadBase64 {
            line: last_line,
            detail: "wrong padding at the end".into(),
        }),
    }
}

/// A character of the standard base64 alphabet, or its padding.
fn is_base64_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'=')
}

/// RFC 1421 headers (`Proc-Type: 4,ENCRYPTED`, `DEK-Info: …`) and RFC 4716 `Comment:` lines.
fn is_header_line(line: &str) -> bool {
    line.split_once(':').is_some_and(|(name, _)| {
        !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-')
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn markers_with_lost_dashes_and_spaces_are_found() {
        let text = "---- BEGIN SSH2 PUBLIC KEY ----\nAAAA\n---- END SSH2 PUBLIC KEY ----\n";
        let found = blocks(text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].label, "SSH2 PUBLIC KEY");
        assert_eq!(found[0].body.map(str::trim), Some("AAAA"));
    }

    #[test]
    fn a_begin_without_end_has_no_body() {
        let found = blocks("-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n");
        assert_eq!(found[0].body, None);
    }

    #[test]
    fn prose_mentioning_begin_is_not_a_marker() {
        assert!(blocks("BEGIN here and END there").is_empty());
    }

    #[test]
    fn the_base64_characters_are_the_alphabet_and_padding() {
        let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=";
        for b in 0..=255u8 {
            assert_eq!(is_base64_byte(b), alphabet.contains(&b), "{b:#04x}");
        }
    }

    #[test]
    fn whitespace_inside_a_line_is_skipped_and_unicode_is_refused() {
        assert_eq!(&*decode_base64("QU JD\tRA==", 1).unwrap(), b"ABCD");
        let err = decode_base64("QUJD\nQUé\n", 1).unwrap_err();
        assert_eq!(
            err,
            CsrError::BadBase64 {
                line: 2,
                detail: "unexpected character 'é'".into()
            }
        );
    }

    #[test]
    fn a_bad_character_names_its_line() {
        let err = decode_base64("\nQUJD\nQU!D\n", 1).unwrap_err();
        assert_eq!(
            err,
            CsrError::BadBase64 {
                line: 3,
                detail: "unexpected character '!'".into()
            }
        );
    }
}
