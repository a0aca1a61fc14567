//! UTS #46 by the `idna` crate: the native implementation, and in the browser tests the
//! reference the browser's is compared with.

use idna::uts46::{AsciiDenyList, DnsLength, Hyphens, Uts46};

fn to_ascii(input: &str) -> Option<String> {
    Uts46::new()
        .to_ascii(
            input.as_bytes(),
            AsciiDenyList::STD3,
            Hyphens::Check,
            DnsLength::Ignore,
        )
        .ok()
        .map(|ascii| ascii.into_owned())
}

/// The A-label of one label (which may be an `xn--` label, then decoded and checked), or
/// `None` when UTS #46 refuses it or it maps to nothing or to more than one label.
pub fn label_to_ascii(label: &str) -> Option<String> {
    to_ascii(label).filter(|a| !a.is_empty() && !a.contains('.'))
}

/// Whether a whole name, its labels each already accepted by [`label_to_ascii`], passes the
/// rules that span labels: the bidi rule (RFC 5893), which holds for every label once any one
/// is right-to-left.
pub fn bidi_ok(ascii_name: &str) -> bool {
    to_ascii(ascii_name).is_some()
}

/// The U-label form of a name whose labels were accepted, for display; the A-labels as they
/// are should one not decode.
pub fn to_unicode(ascii_name: &str) -> String {
    let (unicode, result) = idna::domain_to_unicode(ascii_name);
    if result.is_ok() {
        unicode
    } else {
        ascii_name.to_owned()
    }
}
