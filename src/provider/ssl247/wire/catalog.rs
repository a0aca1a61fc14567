//! Wire types of the catalog and generic operations (the SSL247 API v3 reference, sections
//! "Product" and "Generic"). Each type is the `Data` member of the success envelope; names and
//! nesting follow the document's response examples exactly. The account's users and contact
//! profiles live with the other account types, in [`super::account`]; they are named here too
//! for the callers that have always found them here.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::scalar::Scalar;

pub use super::account::{ContactProfile, User, Users, UsersData};

/// `POST /product-types` → `Data`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ProductTypes {
    /// `ProductTypeList`.
    #[serde(rename = "ProductTypeList")]
    pub product_type_list: Vec<ProductType>,
}

/// One product type.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ProductType {
    /// `code`, passed to `POST /products/{product-type}`.
    pub code: Option<Scalar>,
    /// `name`.
    pub name: Option<Scalar>,
}

/// `POST /products/{product-type}` → `Data`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ProductsData {
    /// `Products`.
    #[serde(rename = "Products")]
    pub products: ProductList,
}

/// `Products` → `{ "Product": [...] }`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ProductList {
    /// `Product`.
    #[serde(rename = "Product")]
    pub product: Vec<ProductSummary>,
}

/// One product of a type.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ProductSummary {
    /// `code`: the product code ordered with (e.g. `com-ent-ssl-pro-wildcard`).
    pub code: Option<Scalar>,
    /// `brand`.
    pub brand: Option<Scalar>,
    /// `name`.
    pub name: Option<Scalar>,
    /// `Prices`.
    #[serde(rename = "Prices")]
    pub prices: PriceList,
}

/// `Prices` → `{ "Price": [...] }`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct PriceList {
    /// `Price`.
    #[serde(rename = "Price")]
    pub price: Vec<ListPrice>,
}

/// A price in the product list: `{years, value, currency}`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ListPrice {
    /// `years`.
    pub years: Option<Scalar>,
    /// `value`.
    pub value: Option<Scalar>,
    /// `currency`.
    pub currency: Option<Scalar>,
}

/// A price in product details and prices: `{price, years, currency}` (the key is `price`
/// here, `value` in the product list).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ProductPrice {
    /// `price`.
    pub price: Option<Scalar>,
    /// `years`.
    pub years: Option<Scalar>,
    /// `currency`.
    pub currency: Option<Scalar>,
}

/// `{ "prices": [...] }` per addon name in `ProductAddonPrices`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct AddonPrices {
    /// `prices`.
    pub prices: Vec<ProductPrice>,
}

/// `POST /product/{product-code}` → `Data`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ProductDetails {
    /// `name`.
    pub name: Option<Scalar>,
    /// `Code` (capitalised in the document, unlike the product list's `code`).
    #[serde(rename = "Code")]
    pub code: Option<Scalar>,
    /// `url`.
    pub url: Option<Scalar>,
    /// `brand`.
    pub brand: Option<Scalar>,
    /// `brand_id`.
    pub brand_id: Option<Scalar>,
    /// `sub_brand_id`.
    pub sub_brand_id: Option<Scalar>,
    /// `ProductRequirements`: documented only as `"object"`, so kept as JSON.
    #[serde(rename = "ProductRequirements")]
    pub product_requirements: Option<Value>,
    /// `ProductAddons`: documented only as `["object"]`.
    #[serde(rename = "ProductAddons")]
    pub product_addons: Vec<Value>,
    /// `ProductPrices`.
    #[serde(rename = "ProductPrices")]
    pub product_prices: Vec<ProductPrice>,
    /// `ProductDetail`.
    #[serde(rename = "ProductDetail")]
    pub product_detail: Option<ProductDetail>,
    /// `ProductAddonPrices`, keyed by addon name.
    #[serde(rename = "ProductAddonPrices")]
    pub product_addon_prices: BTreeMap<String, AddonPrices>,
}

/// `ProductDetail`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ProductDetail {
    /// `description`.
    pub description: Option<Scalar>,
}

/// `POST /product/{product-code}/requirements` → `Data`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Requirements {
    /// `ProductRequirements`: documented only as `"object"`, so kept as JSON.
    #[serde(rename = "ProductRequirements")]
    pub product_requirements: Option<Value>,
}

impl Requirements {
    /// The requirement names: the keys of an object, or the strings of an array (the
    /// document does not give the shape; both are accepted).
    pub fn names(&self) -> Vec<String> {
        match &self.product_requirements {
            Some(Value::Object(map)) => map.keys().cloned().collect(),
            Some(Value::Array(items)) => items
                .iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect(),
            _ => Vec::new(),
        }
    }
}

/// `POST /product/{product-code}/addons` → `Data`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Addons {
    /// `ProductAddons`: documented only as `["object"]`.
    #[serde(rename = "ProductAddons")]
    pub product_addons: Vec<Value>,
}

/// `POST /product/{product-code}/prices` → `Data`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Prices {
    /// `ProductPrices`.
    #[serde(rename = "ProductPrices")]
    pub product_prices: Vec<ProductPrice>,
    /// `ProductAddonPrices`, keyed by addon name.
    #[serde(rename = "ProductAddonPrices")]
    pub product_addon_prices: BTreeMap<String, AddonPrices>,
}

/// The `Data` of the generic lists (`/generic/get-country-list`,
/// `/generic/get-us-state-list`): documented only as `"string"`, so any JSON is kept.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct GenericList(pub Value);

impl GenericList {
    /// The entries as (code, name) pairs, for an object (`{"GB": "United Kingdom"}`), an
    /// array of strings, or an array of objects with a code-like and a name-like member.
    pub fn entries(&self) -> Vec<(String, String)> {
        fn text(v: &Value) -> Option<String> {
            match v {
                Value::String(s) => Some(s.clone()),
                Value::Number(n) => Some(n.to_string()),
                _ => None,
            }
        }
        match &self.0 {
            Value::Object(map) => map
                .iter()
                .filter_map(|(k, v)| text(v).map(|v| (k.clone(), v)))
                .collect(),
            Value::Array(items) => items
                .iter()
                .filter_map(|item| match item {
                    Value::Object(o) => {
                        let code = ["code", "id", "iso", "value"]
                            .iter()
                            .find_map(|k| o.get(*k).and_then(text))?;
                        let name = ["name", "label", "title"]
                            .iter()
                            .find_map(|k| o.get(*k).and_then(text))
                            .unwrap_or_else(|| code.clone());
                        Some((code, name))
                    }
                    other => text(other).map(|t| (t.clone(), t)),
                })
                .collect(),
            Value::String(s) if !s.is_empty() => vec![(s.clone(), s.clone())],
            _ => Vec::new(),
        }
    }
}
