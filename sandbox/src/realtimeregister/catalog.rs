//! The sandbox's Realtime Register catalog: products shaped as `GET /v2/ssl/products` returns
//! them (docs/providers.md §2.4), with prices in euro cents for quotes and billables.

use serde_json::{Value, json};

/// One product and its prices.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Product {
    pub(crate) handle: &'static str,
    pub(crate) brand: &'static str,
    pub(crate) name: &'static str,
    pub(crate) validation: &'static str,
    pub(crate) certificate_type: &'static str,
    pub(crate) features: &'static [&'static str],
    pub(crate) required: &'static [&'static str],
    pub(crate) optional: &'static [&'static str],
    pub(crate) periods: &'static [u32],
    pub(crate) warranty: i64,
    pub(crate) issue_time: &'static str,
    pub(crate) included: u32,
    pub(crate) max: u32,
    /// Euro cents per 12 months for the certificate with its included names.
    pub(crate) price: i64,
    /// Euro cents per 12 months for each name beyond the included ones.
    pub(crate) extra_domain: i64,
    /// Euro cents per 12 months for each wildcard name beyond the included ones.
    pub(crate) extra_wildcard: i64,
}

const DV_FIELDS: &[&str] = &["dcv"];
const DV_OPTIONAL: &[&str] = &["domainName", "approver", "saEmail"];
const OV_FIELDS: &[&str] = &[
    "dcv",
    "organization",
    "address",
    "postalCode",
    "city",
    "country",
    "approver",
];
const OV_OPTIONAL: &[&str] = &["domainName", "state", "coc", "saEmail", "department"];
const EV_FIELDS: &[&str] = &[
    "dcv",
    "organization",
    "address",
    "postalCode",
    "city",
    "country",
    "coc",
    "approver",
    "saEmail",
];
const EV_OPTIONAL: &[&str] = &["domainName", "state", "department"];

/// The products, cheapest first.
pub(crate) const PRODUCTS: [Product; 6] = [
    Product {
        handle: "sectigo_positivessl",
        brand: "sectigo",
        name: "PositiveSSL",
        validation: "DOMAIN_VALIDATION",
        certificate_type: "SINGLE_DOMAIN",
        features: &["REISSUE", "WWW_INCLUDED", "NON_WWW_INCLUDED"],
        required: DV_FIELDS,
        optional: DV_OPTIONAL,
        periods: &[12, 24, 36],
        warranty: 50_000,
        issue_time: "5-15 minutes",
        included: 1,
        max: 1,
        price: 795,
        extra_domain: 0,
        extra_wildcard: 0,
    },
    Product {
        handle: "sectigo_positivessl_wildcard",
        brand: "sectigo",
        name: "PositiveSSL Wildcard",
        validation: "DOMAIN_VALIDATION",
        certificate_type: "WILDCARD",
        features: &["REISSUE"],
        required: DV_FIELDS,
        optional: DV_OPTIONAL,
        periods: &[12, 24],
        warranty: 50_000,
        issue_time: "5-15 minutes",
        included: 1,
        max: 1,
        price: 6_900,
        extra_domain: 0,
        extra_wildcard: 0,
    },
    Product {
        handle: "sectigo_positivessl_multidomain",
        brand: "sectigo",
        name: "PositiveSSL Multi-Domain",
        validation: "DOMAIN_VALIDATION",
        certificate_type: "MULTI_DOMAIN",
        features: &["REISSUE", "WILDCARD"],
        required: DV_FIELDS,
        optional: DV_OPTIONAL,
        periods: &[12, 24],
        warranty: 50_000,
        issue_time: "5-15 minutes",
        included: 3,
        max: 250,
        price: 2_500,
        extra_domain: 1_250,
        extra_wildcard: 6_500,
    },
    Product {
        handle: "sectigo_ov_ssl",
        brand: "sectigo",
        name: "Sectigo OV SSL",
        validation: "ORGANIZATION_VALIDATION",
        certificate_type: "SINGLE_DOMAIN",
        features: &["REISSUE", "WWW_INCLUDED", "NON_WWW_INCLUDED"],
        required: OV_FIELDS,
        optional: OV_OPTIONAL,
        periods: &[12, 24],
        warranty: 1_000_000,
        issue_time: "1-3 days",
        included: 1,
        max: 1,
        price: 4_900,
        extra_domain: 0,
        extra_wildcard: 0,
    },
    Product {
        handle: "sectigo_ov_multidomain",
        brand: "sectigo",
        name: "Sectigo OV Multi-Domain",
        validation: "ORGANIZATION_VALIDATION",
        certificate_type: "MULTI_DOMAIN",
        features: &["REISSUE", "WILDCARD"],
        required: OV_FIELDS,
        optional: OV_OPTIONAL,
        periods: &[12],
        warranty: 1_000_000,
        issue_time: "1-3 days",
        included: 3,
        max: 100,
        price: 11_900,
        extra_domain: 3_500,
        extra_wildcard: 12_000,
    },
    Product {
        handle: "sectigo_ev_ssl",
        brand: "sectigo",
        name: "Sectigo EV SSL",
        validation: "EXTENDED_VALIDATION",
        certificate_type: "SINGLE_DOMAIN",
        features: &["REISSUE", "WWW_INCLUDED", "NON_WWW_INCLUDED"],
        required: EV_FIELDS,
        optional: EV_OPTIONAL,
        periods: &[12],
        warranty: 2_000_000,
        issue_time: "1-5 days",
        included: 1,
        max: 1,
        price: 9_900,
        extra_domain: 0,
        extra_wildcard: 0,
    },
];

/// The product with this handle.
pub(crate) fn find(handle: &str) -> Option<&'static Product> {
    PRODUCTS.iter().find(|p| p.handle == handle)
}

impl Product {
    /// The product as the API writes it.
    pub(crate) fn wire_json(&self) -> Value {
        json!({
            "product": self.handle,
            "brand": self.brand,
            "name": self.name,
            "validationType": self.validation,
            "certificateType": self.certificate_type,
            "features": self.features,
            "requiredFields": self.required,
            "optionalFields": self.optional,
            "periods": self.periods,
            "warranty": self.warranty,
            "issueTime": self.issue_time,
            "renewalWindow": 30,
            "includedDomains": self.included,
            "maxDomains": self.max,
        })
    }

    pub(crate) fn has_feature(&self, feature: &str) -> bool {
        self.features.contains(&feature)
    }

    pub(crate) fn is_multi(&self) -> bool {
        self.certificate_type == "MULTI_DOMAIN"
    }

    pub(crate) fn is_wildcard(&self) -> bool {
        self.certificate_type == "WILDCARD"
    }

    /// The billables of an order of `names` (twin excluded) for `months` months.
    pub(crate) fn billables(&self, names: &[String], months: u32) -> Vec<Value> {
        let scale = |cents: i64| cents * i64::from(months) / 12;
        let mut lines = vec![line(self.handle, "REQUEST", 1, scale(self.price))];
        let included = usize::try_from(self.included).unwrap_or(1);
        let extra: Vec<&String> = names.iter().skip(included).collect();
        let wildcards = extra.iter().filter(|n| n.starts_with("*.")).count();
        let plain = extra.len() - wildcards;
        if plain > 0 {
            lines.push(line(
                self.handle,
                "EXTRA_DOMAIN",
                plain,
                scale(self.extra_domain),
            ));
        }
        if wildcards > 0 {
            lines.push(line(
                self.handle,
                "EXTRA_WILDCARD",
                wildcards,
                scale(self.extra_wildcard),
            ));
        }
        lines
    }
}

fn line(product: &str, action: &str, quantity: usize, amount: i64) -> Value {
    let quantity = u32::try_from(quantity).unwrap_or(u32::MAX);
    json!({
        "product": product,
        "action": action,
        "providerName": "sectigo",
        "quantity": quantity,
        "amount": amount,
        "refundable": false,
        "total": amount * i64::from(quantity),
    })
}
