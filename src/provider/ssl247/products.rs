//! The catalog: `product-types`, then one `products/{type}` call per product type, one after
//! the other (docs/providers.md §3).

use std::collections::VecDeque;

use super::{calls, catalog, map};
use crate::product::Product;
use crate::provider::ProviderError;
use crate::provider::flow::{self, Step};

/// Walks the catalog: one `products/{type}` call per product type, one after the other.
pub(super) fn next_type(
    mut types: VecDeque<catalog::ProductType>,
    mut acc: Vec<Product>,
) -> Result<Step<Vec<Product>>, ProviderError> {
    let Some(product_type) = types.pop_front() else {
        return Ok(Step::Done(acc));
    };
    let code = product_type
        .code
        .as_ref()
        .map(|c| c.as_str().to_owned())
        .unwrap_or_default();
    if code.trim().is_empty() {
        return next_type(types, acc);
    }
    Ok(Step::Next(flow::then(
        calls::products(&code)?,
        move |list| {
            acc.extend(
                list.products
                    .product
                    .iter()
                    .filter_map(|p| map::product(p, Some(&product_type))),
            );
            next_type(types, acc)
        },
    )))
}
