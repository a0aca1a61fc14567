//! The widget shell's rule: which page a URL fragment names. Pages live in the fragment so
//! Back, reload and a bookmarked status page work on any host page without server routes.

use crate::provider::ProviderKind;

/// A page of the widget.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Page {
    /// The order wizard (steps 1-6); `rest` is the fragment after `#/order`, which the wizard
    /// reads itself (its step, a fixed provider).
    Order {
        /// What follows `#/order` (`/csr`, `?provider=gandi-v5`, or empty).
        rest: String,
    },
    /// Step 7: one order's status.
    Status {
        /// The provider.
        provider: ProviderKind,
        /// The provider's order id (percent-decoded).
        id: String,
    },
    /// The orders placed in this browser.
    Orders,
    /// The CSR report on its own.
    Csr,
    /// A fragment no page has.
    NotFound,
}

impl Page {
    /// The page a fragment (`#/status/gandi-v5/42`, with or without `#`) names; an empty one is
    /// the order wizard's start.
    pub fn from_fragment(fragment: &str) -> Self {
        let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
        let path = fragment.strip_prefix('/').unwrap_or(fragment);
        if path.is_empty() {
            return Self::Order {
                rest: String::new(),
            };
        }
        if let Some(rest) = path.strip_prefix("order")
            && (rest.is_empty() || rest.starts_with(['/', '?']))
        {
            return Self::Order {
                rest: rest.to_owned(),
            };
        }
        let (path, _query) = path.split_once('?').unwrap_or((path, ""));
        let parts: Vec<&str> = path.split('/').collect();
        match parts.as_slice() {
            ["orders"] | ["orders", ""] => Self::Orders,
            ["csr"] | ["csr", ""] => Self::Csr,
            ["status", provider, id] if !id.is_empty() => {
                match (provider.parse::<ProviderKind>(), percent_decode(id)) {
                    (Ok(provider), Some(id)) => Self::Status { provider, id },
                    _ => Self::NotFound,
                }
            }
            _ => Self::NotFound,
        }
    }

    /// The page as the shell mounts it: every step of the order wizard is one mount (the
    /// wizard follows its own step), so moving from step to step keeps the wizard's state,
    /// its catalog and its calls in flight.
    pub fn mount(&self) -> Self {
        match self {
            Self::Order { .. } => Self::Order {
                rest: String::new(),
            },
            other => other.clone(),
        }
    }
}

/// Decodes `%XX` escapes; `None` for a malformed escape or bytes that are not UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::status::book::status_href;

    // Guards: moving between the wizard's steps keeps one mount (a remount would lose the
    // wizard's state and read the catalog again), while other pages are mounted apart.
    #[test]
    fn every_wizard_step_is_one_mount() {
        let csr = Page::from_fragment("#/order/csr").mount();
        let names = Page::from_fragment("#/order/names?provider=gandi-v5").mount();
        assert_eq!(csr, names);
        assert_ne!(csr, Page::from_fragment("#/orders").mount());
        assert_eq!(
            Page::from_fragment("#/status/gandi-v5/42").mount(),
            Page::from_fragment("#/status/gandi-v5/42")
        );
    }

    // Guards: each fragment names its page; the status page's id survives the round trip
    // through its link, whatever characters it has.
    #[test]
    fn fragments_name_pages() {
        assert_eq!(
            Page::from_fragment(""),
            Page::Order {
                rest: String::new()
            }
        );
        assert_eq!(
            Page::from_fragment("#/"),
            Page::Order {
                rest: String::new()
            }
        );
        assert_eq!(
            Page::from_fragment("#/order/names?provider=ssl247"),
            Page::Order {
                rest: "/names?provider=ssl247".into()
            }
        );
        assert_eq!(Page::from_fragment("#/orders"), Page::Orders);
        assert_eq!(Page::from_fragment("#/csr"), Page::Csr);
        assert_eq!(Page::from_fragment("#/orderx"), Page::NotFound);
        assert_eq!(Page::from_fragment("#/status/nowhere/1"), Page::NotFound);
        assert_eq!(Page::from_fragment("#/status/gandi-v5/"), Page::NotFound);
        assert_eq!(Page::from_fragment("#/status/gandi-v5/%zz"), Page::NotFound);
        let href = status_href(ProviderKind::RealtimeRegister, "a/b c%");
        assert_eq!(
            Page::from_fragment(&href),
            Page::Status {
                provider: ProviderKind::RealtimeRegister,
                id: "a/b c%".into()
            }
        );
    }
}
