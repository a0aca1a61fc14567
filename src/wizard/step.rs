//! The wizard's steps and their URL fragments (`#/order/{step}`), so Back, reload and a
//! bookmarked step all land where the customer was.

use serde::{Deserialize, Serialize};

use crate::product::ProviderKind;

/// One page of the order wizard, in the order they are walked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// 1. Provider and product, period and price.
    Product,
    /// 2. The certificate signing request (skipped where the provider takes names only).
    Csr,
    /// 3. The names on the certificate.
    Names,
    /// 4. Domain control validation: method and approver per name.
    Validation,
    /// 5. Organisation and contacts, only when the product requires them.
    Contacts,
    /// 6. Check your answers, then place the order.
    Review,
}

impl Step {
    /// Every step, in order; [`crate::wizard::Wizard::steps`] leaves out those an order skips.
    pub const ALL: [Step; 6] = [
        Step::Product,
        Step::Csr,
        Step::Names,
        Step::Validation,
        Step::Contacts,
        Step::Review,
    ];

    /// The path segment after `#/order/`.
    pub const fn slug(self) -> &'static str {
        match self {
            Step::Product => "product",
            Step::Csr => "csr",
            Step::Names => "names",
            Step::Validation => "validation",
            Step::Contacts => "contacts",
            Step::Review => "review",
        }
    }

    /// The step's URL fragment, `#/order/names`.
    pub fn fragment(self) -> String {
        format!("#/order/{}", self.slug())
    }

    /// The step a slug names.
    pub fn from_slug(slug: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|s| s.slug() == slug)
    }
}

/// Where a `#/order…` fragment points: a step (none = the first) and the provider a link fixes
/// with `?provider={slug}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct OrderRoute {
    /// The step named, if any.
    pub step: Option<Step>,
    /// The provider named by `?provider=`, if it names one.
    pub provider: Option<ProviderKind>,
}

impl OrderRoute {
    /// Reads a fragment (`#/order`, `#/order/names`, `#/order?provider=ssl247`); `None` when it
    /// is not an order fragment at all. An unknown step or provider is ignored, not an error:
    /// the wizard opens at its first step instead.
    pub fn parse(fragment: &str) -> Option<OrderRoute> {
        let rest = fragment.strip_prefix('#').unwrap_or(fragment);
        let rest = rest.strip_prefix("/order")?;
        let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
        if !(path.is_empty() || path.starts_with('/')) {
            return None;
        }
        let step = path
            .trim_matches('/')
            .split('/')
            .next()
            .and_then(Step::from_slug);
        let provider = query
            .split('&')
            .filter_map(|pair| pair.strip_prefix("provider="))
            .find_map(|slug| slug.parse().ok());
        Some(OrderRoute { step, provider })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Guards: every step's fragment reads back as that step; junk opens the first step.
    #[test]
    fn fragments_round_trip() {
        for step in Step::ALL {
            let route = OrderRoute::parse(&step.fragment());
            assert_eq!(route.and_then(|r| r.step), Some(step));
        }
        let fixed = OrderRoute::parse("#/order?provider=ssl247");
        assert_eq!(
            fixed,
            Some(OrderRoute {
                step: None,
                provider: Some(ProviderKind::Ssl247)
            })
        );
        assert_eq!(
            OrderRoute::parse("#/order/nope").map(|r| r.step),
            Some(None)
        );
        assert_eq!(OrderRoute::parse("#/orders"), None);
        assert_eq!(OrderRoute::parse("#/status/ssl247/1"), None);
    }
}
