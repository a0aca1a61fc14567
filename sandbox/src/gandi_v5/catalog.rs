//! The sandbox's Gandi packages, named by Gandi's package grammar
//! `cert_<category>_<max names|w>_<warranty>_<0|SGC>[_<ca>]` (docs/providers.md §1.4).

use serde_json::{Value, json};

/// One package.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Package {
    pub(crate) name: &'static str,
    /// `standard` (DV), `pro` (OV) or `business` (EV).
    pub(crate) category: &'static str,
    pub(crate) max_domains: u32,
    pub(crate) wildcard: bool,
    /// Warranty in thousands.
    pub(crate) warranty: u32,
    /// `Sectigo` or `Digicert`.
    pub(crate) provider: &'static str,
}

const fn package(
    name: &'static str,
    category: &'static str,
    max_domains: u32,
    wildcard: bool,
    warranty: u32,
    provider: &'static str,
) -> Package {
    Package {
        name,
        category,
        max_domains,
        wildcard,
        warranty,
        provider,
    }
}

/// The packages, as `GET /packages` lists them.
pub(crate) const PACKAGES: [Package; 12] = [
    package("cert_std_1_0_0", "standard", 1, false, 0, "Sectigo"),
    package("cert_std_3_0_0", "standard", 3, false, 0, "Sectigo"),
    package("cert_std_5_0_0", "standard", 5, false, 0, "Sectigo"),
    package("cert_std_10_0_0", "standard", 10, false, 0, "Sectigo"),
    package("cert_std_20_0_0", "standard", 20, false, 0, "Sectigo"),
    package("cert_std_w_0_0", "standard", 1, true, 0, "Sectigo"),
    package("cert_pro_1_10_0", "pro", 1, false, 10, "Sectigo"),
    package("cert_pro_w_250_0", "pro", 1, true, 250, "Sectigo"),
    package("cert_bus_1_250_0", "business", 1, false, 250, "Sectigo"),
    package("cert_bus_3_250_0", "business", 3, false, 250, "Sectigo"),
    package(
        "cert_std_1_10_0_digicert",
        "standard",
        1,
        false,
        10,
        "Digicert",
    ),
    package(
        "cert_std_3_10_0_digicert",
        "standard",
        3,
        false,
        10,
        "Digicert",
    ),
];

/// The package with this name.
pub(crate) fn find(name: &str) -> Option<&'static Package> {
    PACKAGES.iter().find(|p| p.name == name)
}

impl Package {
    /// The package as the API writes it.
    pub(crate) fn wire_json(&self) -> Value {
        json!({
            "category": {"name": self.category},
            "href": format!("https://api.gandi.net/v5/certificate/packages/{}", self.name),
            "max_domains": self.max_domains,
            "min_domains": 1,
            "name": self.name,
            "provider": self.provider,
            "sgc": 0,
            "trustlogo": self.category != "standard",
            "warranty": self.warranty,
            "wildcard": self.wildcard,
        })
    }

    /// Whether the package is DigiCert's (only those know `apex_only`).
    pub(crate) fn is_digicert(&self) -> bool {
        self.provider == "Digicert"
    }
}
