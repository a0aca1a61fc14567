//! Step 1: the provider's catalog, filtered by validation level and kind, and the period.

use serde::{Deserialize, Serialize};

use super::{FieldError, Wizard};
use crate::product::{Period, Product, ProductKind, ValidationLevel};
use crate::text::wizard as text;

/// The catalog filters: `None` shows every product.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ProductFilter {
    /// Only products of this validation level.
    pub level: Option<ValidationLevel>,
    /// Only products of this kind.
    pub kind: Option<ProductKind>,
}

impl ProductFilter {
    /// Whether `product` passes.
    pub fn admits(&self, product: &Product) -> bool {
        self.level.as_ref().is_none_or(|l| *l == product.validation)
            && self.kind.as_ref().is_none_or(|k| *k == product.kind)
    }
}

/// The levels a filter offers, those the catalog has, in DV, OV, EV order.
pub fn levels(products: &[Product]) -> Vec<ValidationLevel> {
    let mut out: Vec<ValidationLevel> = Vec::new();
    for level in [
        ValidationLevel::Dv,
        ValidationLevel::Ov,
        ValidationLevel::Ev,
    ]
    .into_iter()
    .chain(products.iter().map(|p| p.validation.clone()))
    {
        if products.iter().any(|p| p.validation == level) && !out.contains(&level) {
            out.push(level);
        }
    }
    out
}

/// The kinds a filter offers, those the catalog has, single first.
pub fn kinds(products: &[Product]) -> Vec<ProductKind> {
    let mut out: Vec<ProductKind> = Vec::new();
    for kind in [
        ProductKind::Single,
        ProductKind::Multi,
        ProductKind::Wildcard,
    ]
    .into_iter()
    .chain(products.iter().map(|p| p.kind.clone()))
    {
        if products.iter().any(|p| p.kind == kind) && !out.contains(&kind) {
            out.push(kind);
        }
    }
    out
}

/// The catalog's products the filter admits, in the provider's order.
pub fn visible<'a>(products: &'a [Product], filter: &ProductFilter) -> Vec<&'a Product> {
    products.iter().filter(|p| filter.admits(p)).collect()
}

/// One period on offer with the price shown beside it: the catalog prices the first
/// (smallest) period only; the others are priced by the provider on step 6.
pub fn period_options(product: &Product) -> Vec<(Period, String)> {
    product
        .periods
        .iter()
        .enumerate()
        .map(|(index, period)| {
            let price = match (&product.price, index) {
                (Some(price), 0) => price.to_string(),
                _ => text::PRICE_LATER.to_owned(),
            };
            (*period, price)
        })
        .collect()
}

impl Wizard {
    /// Chooses a product. The period chosen before stays where the product sells it;
    /// otherwise the product's first (smallest) period is chosen, the one the catalog prices,
    /// so the price beside the product is the price of what is chosen.
    pub fn choose_product(&mut self, id: &str) {
        if self.draft.product.as_deref() == Some(id) {
            return;
        }
        self.draft.product = Some(id.to_owned());
        let periods = self
            .product()
            .map(|p| p.periods.clone())
            .unwrap_or_default();
        self.draft.period = self
            .draft
            .period
            .filter(|p| periods.contains(p))
            .or_else(|| periods.first().copied());
        self.reset_provider_answers();
    }

    /// Chooses a period.
    pub fn choose_period(&mut self, period: Period) {
        self.draft.period = Some(period);
        self.reset_provider_answers();
    }

    /// Changes the filters; a chosen product they hide stays chosen (and shown).
    pub fn set_filter(&mut self, filter: ProductFilter) {
        self.draft.filter = filter;
    }
}

/// Step 1's rules: a provider, a product in the catalog, and a period when it sells several.
pub(super) fn errors(wizard: &Wizard) -> Vec<FieldError> {
    if wizard.draft.provider.is_none() {
        return vec![FieldError::new("provider", text::PROVIDER_MISSING)];
    }
    let Some(product) = wizard.product() else {
        return vec![FieldError::new("product", text::PRODUCT_MISSING)];
    };
    let period_ok = match wizard.draft.period {
        None => product.periods.is_empty(),
        Some(period) => product.periods.is_empty() || product.periods.contains(&period),
    };
    if period_ok {
        Vec::new()
    } else {
        vec![FieldError::new("period", text::PERIOD_MISSING)]
    }
}
