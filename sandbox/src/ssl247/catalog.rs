//! The sandbox's SSL247 catalog: product types, products with yearly prices in pounds
//! sterling, their requirements and SAN addons (the SSL247 API v3 reference, "Product").

use serde_json::{Value, json};

/// One product.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Product {
    pub(crate) code: &'static str,
    pub(crate) product_type: &'static str,
    pub(crate) brand: &'static str,
    pub(crate) name: &'static str,
    pub(crate) wildcard: bool,
    /// SANs beyond the common name: included in the price, and at most.
    pub(crate) included_sans: u32,
    pub(crate) max_sans: u32,
    /// Pounds for the whole period, by number of years.
    pub(crate) prices: &'static [(u32, i64)],
    /// Pounds per year for each SAN beyond the included ones.
    pub(crate) san_price: i64,
}

/// `(code, name)` of the product types.
pub(crate) const TYPES: [(&str, &str); 3] = [
    ("dv", "Domain Validation (DV)"),
    ("ov", "Organisation Validation (OV)"),
    ("ev", "Extended Validation (EV)"),
];

const fn product(
    code: &'static str,
    product_type: &'static str,
    name: &'static str,
    wildcard: bool,
    (included_sans, max_sans): (u32, u32),
    prices: &'static [(u32, i64)],
    san_price: i64,
) -> Product {
    Product {
        code,
        product_type,
        brand: "Sectigo",
        name,
        wildcard,
        included_sans,
        max_sans,
        prices,
        san_price,
    }
}

/// The products.
pub(crate) const PRODUCTS: [Product; 7] = [
    product(
        "positivessl",
        "dv",
        "PositiveSSL DV",
        false,
        (0, 0),
        &[(1, 29), (2, 55)],
        0,
    ),
    product(
        "positivessl-wildcard",
        "dv",
        "PositiveSSL DV Wildcard",
        true,
        (0, 0),
        &[(1, 129), (2, 245)],
        0,
    ),
    product(
        "positivessl-multi-domain",
        "dv",
        "PositiveSSL DV Multi-Domain",
        false,
        (2, 249),
        &[(1, 49), (2, 95)],
        15,
    ),
    product(
        "sectigo-ov",
        "ov",
        "Sectigo OV SSL",
        false,
        (0, 0),
        &[(1, 79)],
        0,
    ),
    product(
        "sectigo-ov-wildcard",
        "ov",
        "Sectigo OV Wildcard",
        true,
        (0, 0),
        &[(1, 249)],
        0,
    ),
    product(
        "sectigo-ev",
        "ev",
        "Sectigo EV SSL",
        false,
        (0, 0),
        &[(1, 149)],
        0,
    ),
    product(
        "sectigo-ev-multi-domain",
        "ev",
        "Sectigo EV Multi-Domain",
        false,
        (2, 249),
        &[(1, 249)],
        65,
    ),
];

/// The product with this code.
pub(crate) fn find(code: &str) -> Option<&'static Product> {
    PRODUCTS.iter().find(|p| p.code == code)
}

impl Product {
    /// Whether the order needs an organisation (OV and EV).
    pub(crate) fn needs_organisation(&self) -> bool {
        self.product_type != "dv"
    }

    /// The price for `years`, if the product is sold for that long.
    pub(crate) fn price(&self, years: u32) -> Option<i64> {
        self.prices
            .iter()
            .find(|(y, _)| *y == years)
            .map(|(_, p)| *p)
    }

    /// An item of `POST /products/{type}`.
    pub(crate) fn summary(&self) -> Value {
        json!({
            "code": self.code,
            "brand": self.brand,
            "name": self.name,
            "Prices": {"Price": self.prices.iter().map(|(years, value)| json!({"years": years, "value": value, "currency": "GBP"})).collect::<Vec<_>>()},
        })
    }

    /// `ProductRequirements`.
    pub(crate) fn requirements(&self) -> Value {
        json!({
            "csr": true,
            "dv_auth_method": if self.wildcard { vec!["email", "dns"] } else { vec!["email", "dns", "file"] },
            "approver_email": "required if dv_auth_method is email",
            "Contacts": if self.needs_organisation() { vec!["Company", "Administrative"] } else { Vec::new() },
        })
    }

    /// `ProductAddons`.
    pub(crate) fn addons(&self) -> Vec<Value> {
        if self.max_sans == 0 {
            return Vec::new();
        }
        vec![
            json!({"name": "SAN", "type": "san", "included": self.included_sans, "max": self.max_sans}),
        ]
    }

    fn price_list(&self, price: impl Fn(u32, i64) -> i64) -> Vec<Value> {
        self.prices
            .iter()
            .map(
                |(years, p)| json!({"price": price(*years, *p), "years": years, "currency": "GBP"}),
            )
            .collect()
    }

    /// `ProductPrices` and `ProductAddonPrices`.
    pub(crate) fn prices_json(&self) -> Value {
        let mut addon_prices = serde_json::Map::new();
        if self.max_sans > 0 {
            addon_prices.insert(
                "SAN".into(),
                json!({"prices": self.price_list(|years, _| self.san_price * i64::from(years))}),
            );
        }
        json!({"ProductPrices": self.price_list(|_, p| p), "ProductAddonPrices": addon_prices})
    }

    /// `POST /product/{code}`.
    pub(crate) fn details(&self) -> Value {
        let mut details = json!({
            "name": self.name,
            "Code": self.code,
            "url": format!("https://www.ssl247.com/products/{}", self.code),
            "brand": self.brand,
            "brand_id": "1",
            "sub_brand_id": "1",
            "ProductRequirements": self.requirements(),
            "ProductAddons": self.addons(),
            "ProductDetail": {"description": format!("{} (sandbox)", self.name)},
        });
        if let (Some(d), Value::Object(prices)) = (details.as_object_mut(), self.prices_json()) {
            d.extend(prices);
        }
        details
    }
}
