//! Between SSL247's wire types and the neutral model: drafts into request bodies, answers
//! into products, quotes, order states, DCV instructions and certificates.

use super::catalog::{ProductSummary, ProductType};
use super::scalar::Scalar;
use crate::order::DcvMethod;
use crate::product::{FreeTwin, Money, Period, Product, ProductKind, ValidationLevel};
use crate::provider::ProviderKind;

mod download;
mod request;
mod state;

pub(crate) use download::{download_text, pem_blocks};
pub(crate) use request::{quick_order_request, years};
pub(crate) use state::completed;

pub use download::leaf;
pub use request::{complete_request, order_request};
pub use state::{approvers, placed, quote, state, validations};

fn text(s: Option<&Scalar>) -> Option<String> {
    s.map(|s| s.as_str().trim().to_owned())
        .filter(|s| !s.is_empty())
}

/// Guesses level and kind from the product's words: the document has no such fields, and
/// codes such as `com-ent-ssl-pro-wildcard` carry them.
fn classify(words: &str) -> (ValidationLevel, ProductKind) {
    let lower = words.to_ascii_lowercase();
    let has = |w: &str| {
        lower
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|part| part == w)
    };
    let level = if has("ev") {
        ValidationLevel::Ev
    } else if has("ov") || has("ent") || has("pro") || has("business") {
        ValidationLevel::Ov
    } else if has("dv") || has("domain") {
        ValidationLevel::Dv
    } else {
        ValidationLevel::Other("unknown".into())
    };
    let kind = if has("wildcard") {
        ProductKind::Wildcard
    } else if has("multi") || has("san") || has("ucc") || has("md") {
        ProductKind::Multi
    } else {
        ProductKind::Single
    };
    (level, kind)
}

/// A product of the products list.
pub fn product(summary: &ProductSummary, product_type: Option<&ProductType>) -> Option<Product> {
    let id = text(summary.code.as_ref())?;
    let name = text(summary.name.as_ref()).unwrap_or_else(|| id.clone());
    let type_words = product_type
        .and_then(|t| text(t.name.as_ref()).or_else(|| text(t.code.as_ref())))
        .unwrap_or_default();
    let (validation, kind) = classify(&format!("{id} {name} {type_words}"));
    let mut prices: Vec<(u32, Money)> = summary
        .prices
        .price
        .iter()
        .filter_map(|p| {
            let years = p.years.as_ref()?.as_u32()?;
            let currency = text(p.currency.as_ref());
            Some((years, p.value.as_ref()?.as_money(currency.as_deref())?))
        })
        .collect();
    prices.sort_by_key(|(years, _)| *years);
    let mut periods: Vec<Period> = summary
        .prices
        .price
        .iter()
        .filter_map(|p| p.years.as_ref()?.as_u32())
        .filter(|y| *y > 0)
        .map(Period::years)
        .collect();
    periods.sort_by_key(|p| p.count);
    periods.dedup();
    let wildcard = kind == ProductKind::Wildcard;
    Some(Product {
        provider: ProviderKind::Ssl247,
        id,
        name,
        brand: text(summary.brand.as_ref()),
        validation,
        wildcard_sans: false,
        included_names: Some(1).filter(|_| kind != ProductKind::Multi),
        // A single-name or wildcard product takes its one name; the document gives no limit
        // for multi-name products (`ProductRequirements` is an untyped "object").
        max_names: Some(1).filter(|_| kind != ProductKind::Multi),
        kind,
        free_twin: FreeTwin::None,
        periods,
        required_fields: Vec::new(),
        optional_fields: Vec::new(),
        // dv_auth_method "email, dns, file"; no file method for wildcards (docs/providers.md §5).
        dcv_methods: if wildcard {
            vec![DcvMethod::Email, DcvMethod::Dns]
        } else {
            vec![DcvMethod::Email, DcvMethod::Dns, DcvMethod::Http]
        },
        price: prices.into_iter().next().map(|(_, m)| m),
        warranty: None,
    })
}
