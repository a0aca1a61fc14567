//! UTS #46 by the browser's URL parser, with STD3 rules and CheckHyphens added (see the
//! parent module).

/// A label the URL parser takes as a domain label and never as a number: a host whose last
/// label is a number goes through its IPv4 parser instead (`１２３` maps to `123`).
const TAIL: &str = ".a";

/// The browser's "domain to ASCII" of `host`, or `None` if it refuses it.
fn url_host(host: &str) -> Option<String> {
    let url = web_sys::Url::new(&format!("http://{host}{TAIL}/")).ok()?;
    url.hostname().strip_suffix(TAIL).map(str::to_owned)
}

/// STD3 rules: a label in A-label form is letters, digits and hyphens only.
fn ldh(label: &str) -> bool {
    !label.is_empty()
        && label
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// See [`super::idna_crate::label_to_ascii`].
pub fn label_to_ascii(label: &str) -> Option<String> {
    let ascii = url_host(label).filter(|a| ldh(a))?;
    let unicode = decoded_labels(&ascii)?;
    (unicode.len() == 1 && hyphens_ok(&unicode[0]) && round_trips(&ascii, &unicode[0]))
        .then_some(ascii)
}

/// Whether `unicode`, the decoded form of `ascii`, converts back to exactly `ascii`.
///
/// Chromium passes an `xn--` label through without decoding it, so an A-label that stands for
/// nothing valid (`xn--abc` decodes to three control characters) would be accepted as it is.
/// UTS #46 decodes such a label and checks what it stands for; converting that back is the
/// same check: a character that is disallowed, not in its mapped form or not in NFC does not
/// come back as the same A-label, and an all-ASCII decoding does not come back as `xn--`.
fn round_trips(ascii: &str, unicode: &str) -> bool {
    unicode == ascii || url_host(unicode).as_deref() == Some(ascii)
}

/// See [`super::idna_crate::bidi_ok`]. The name is given to the browser in U-labels: it
/// checks the bidi rule on the labels it converts, not on `xn--` labels it passes through.
pub fn bidi_ok(ascii_name: &str) -> bool {
    decoded_labels(ascii_name).is_some_and(|labels| round_trips(ascii_name, &labels.join(".")))
}

/// See [`super::idna_crate::to_unicode`].
pub fn to_unicode(ascii_name: &str) -> String {
    decoded_labels(ascii_name).map_or_else(|| ascii_name.to_owned(), |labels| labels.join("."))
}

/// CheckHyphens (UTS #46 §4.1, validity criteria 2 and 3) on a U-label: no hyphen at either
/// end, none in both the third and fourth positions.
fn hyphens_ok(label: &str) -> bool {
    let mut chars = label.chars().skip(2);
    let reserved = chars.next() == Some('-') && chars.next() == Some('-');
    !label.starts_with('-') && !label.ends_with('-') && !reserved
}

/// The labels of a name in A-label form, each `xn--` label decoded; `None` if one does not
/// decode.
fn decoded_labels(ascii: &str) -> Option<Vec<String>> {
    ascii
        .split('.')
        .map(|label| match label.strip_prefix("xn--") {
            Some(punycode) => idna::punycode::decode_to_string(punycode),
            None => Some(label.to_owned()),
        })
        .collect()
}
