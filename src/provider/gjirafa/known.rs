//! The one certificate a Gjirafa CDN project orders, which the API has no catalog for.

use crate::order::DcvMethod;
use crate::product::{FreeTwin, Product, ProductKind, ValidationLevel};
use crate::provider::ProviderKind;

/// The id of the one product [`product`] describes; the API takes no product.
pub const KNOWN_PRODUCT: &str = "letsencrypt";

/// Let's Encrypt, domain validated by DNS, for the names given, wildcards among them
/// (docs/providers.md §4): no period is chosen and no price is quoted, and no limit on names
/// is documented.
pub fn product() -> Product {
    Product {
        provider: ProviderKind::Gjirafa,
        id: KNOWN_PRODUCT.into(),
        name: "Let's Encrypt certificate".into(),
        brand: Some("Let's Encrypt".into()),
        validation: ValidationLevel::Dv,
        kind: ProductKind::Multi,
        included_names: None,
        max_names: None,
        wildcard_sans: true,
        free_twin: FreeTwin::None,
        periods: Vec::new(),
        required_fields: Vec::new(),
        optional_fields: Vec::new(),
        dcv_methods: vec![DcvMethod::Dns],
        price: None,
        warranty: None,
    }
}
