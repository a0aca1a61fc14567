//! What becomes of pasted text that holds a private key: the key is removed at once.
//!
//! The rule lives here, in plain Rust, so it is tested natively; the widget's text area only
//! applies the [`PasteAction`] it is given. A private key must never be kept anywhere, not
//! even in the page's text area where it could be copied, sent by a later feature or caught
//! in a screenshot: only the certificate signing request blocks of the paste stay, if any.

use super::{CsrError, decode, has_private_key_armour, request_blocks};

/// The code of the notice [`super::decode`] adds when a request came with a private key.
const KEY_IN_PASTE: &str = "private-key-in-paste";

/// What the widget tells the user when it removed a private key from the text area.
pub const KEY_REMOVED: &str = "The private key you pasted was removed from the box at once. \
     It was never sent or stored: it stayed in this page, in your browser. A private key must \
     never be shared with anyone, not even us. If you pasted it anywhere else (an email, a \
     chat, a ticket, another website), treat it as exposed: make a new key and CSR.";

/// What to do with the text area's content after an input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PasteAction {
    /// Leave the text as it is.
    Keep,
    /// The text held a private key: replace the whole text with `keep` (the certificate
    /// signing request blocks of the paste, or nothing) and say [`KEY_REMOVED`].
    RemoveKey {
        /// The text to leave in the text area.
        keep: String,
    },
}

/// Decides what becomes of an uploaded file: text files as [`on_paste`]; a binary file that
/// is a private key (PKCS#8 or PKCS#1 DER, PKCS#12) is dropped.
pub fn on_upload(bytes: &[u8]) -> PasteAction {
    match std::str::from_utf8(bytes) {
        Ok(text) => on_paste(text),
        Err(_) => match decode(bytes) {
            Err(error) if error.is_private_key() => PasteAction::RemoveKey {
                keep: String::new(),
            },
            Ok(_) | Err(_) => PasteAction::Keep,
        },
    }
}

/// Decides what becomes of `text`, the text area's content after an input.
pub fn on_paste(text: &str) -> PasteAction {
    match decode(text.as_bytes()) {
        Err(error) if error.is_private_key() => PasteAction::RemoveKey {
            keep: String::new(),
        },
        Ok(decoded) if decoded.notices.iter().any(|n| n.code == KEY_IN_PASTE) => {
            PasteAction::RemoveKey {
                keep: request_blocks(text),
            }
        }
        // Too large to read, but a key's armour is still recognised and removed.
        Err(CsrError::TooLarge { .. }) if has_private_key_armour(text) => PasteAction::RemoveKey {
            keep: request_blocks(text),
        },
        Ok(_) | Err(_) => PasteAction::Keep,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const REQUEST: &str =
        "-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----";

    #[test]
    fn an_oversized_paste_with_a_key_keeps_only_its_request_blocks() {
        let text = format!(
            "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n{REQUEST}\n{}",
            " ".repeat(super::super::MAX_INPUT_BYTES)
        );
        assert_eq!(
            on_paste(&text),
            PasteAction::RemoveKey {
                keep: format!("{REQUEST}\n")
            }
        );
    }

    #[test]
    fn text_without_a_key_is_kept_even_when_unreadable() {
        assert_eq!(on_paste("hello"), PasteAction::Keep);
        assert_eq!(on_paste(""), PasteAction::Keep);
    }
}
