//! Gandi certificate package names (one grammar for both APIs) and their mapping onto
//! [`Product`].
//!
//! Grammar (the Gandi v3 certificate reference, CertPackage; docs/providers.md §1.4):
//! `cert_<std|pro|bus>_<names|w>_<warranty>_<0|SGC>[_<ca>]`, where `names` is the most names
//! the certificate carries, `w` a wildcard, `warranty` thousands of the account's currency and
//! `ca` a suffix naming the CA when it is not Sectigo (`digicert`).

use std::fmt;
use std::str::FromStr;

use crate::order::DcvMethod;
use crate::product::{FreeTwin, Money, Period, Product, ProductKind, ValidationLevel};
use crate::provider::{ProviderError, ProviderKind};

/// The product line, the package name's second part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Category {
    /// `std`: Standard, domain validated.
    Standard,
    /// `pro`: Pro, organisation validated.
    Pro,
    /// `bus`: Business, extended validation.
    Business,
}

impl Category {
    /// The validation level of the line.
    pub fn validation(self) -> ValidationLevel {
        match self {
            Self::Standard => ValidationLevel::Dv,
            Self::Pro => ValidationLevel::Ov,
            Self::Business => ValidationLevel::Ev,
        }
    }

    const fn word(self) -> &'static str {
        match self {
            Self::Standard => "std",
            Self::Pro => "pro",
            Self::Business => "bus",
        }
    }
}

/// Names covered, the package name's third part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Names {
    /// Up to this many names (`1`, `3`, `5`, `10`, `20`).
    UpTo(u32),
    /// `w`: one wildcard name.
    Wildcard,
}

/// A parsed Gandi package name.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PackageName {
    /// The product line.
    pub category: Category,
    /// Names covered.
    pub names: Names,
    /// Warranty in thousands (`250` = 250 000).
    pub warranty_thousands: u32,
    /// Whether it is an SGC package (the fourth part is `SGC` rather than `0`).
    pub sgc: bool,
    /// The CA suffix (`digicert`); `None` for Sectigo (formerly Comodo) packages.
    pub ca: Option<String>,
}

impl FromStr for PackageName {
    type Err = ProviderError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || ProviderError::invalid("package", "not a Gandi certificate package name");
        let parts: Vec<&str> = s.split('_').collect();
        let (prefix, category, names, warranty, sgc, ca) = match parts.as_slice() {
            [p, c, n, w, s] => (*p, *c, *n, *w, *s, None),
            [p, c, n, w, s, ca] => (*p, *c, *n, *w, *s, Some(*ca)),
            _ => return Err(bad()),
        };
        if prefix != "cert" {
            return Err(bad());
        }
        let category = match category {
            "std" => Category::Standard,
            "pro" => Category::Pro,
            "bus" => Category::Business,
            _ => return Err(bad()),
        };
        let names = match names {
            "w" => Names::Wildcard,
            n => Names::UpTo(n.parse().ok().filter(|n| *n > 0).ok_or_else(bad)?),
        };
        let warranty_thousands = warranty.parse().map_err(|_| bad())?;
        let sgc = match sgc {
            "0" => false,
            "SGC" => true,
            _ => return Err(bad()),
        };
        let ca = match ca {
            Some(ca) if !ca.is_empty() && ca.bytes().all(|b| b.is_ascii_lowercase()) => {
                Some(ca.to_owned())
            }
            Some(_) => return Err(bad()),
            None => None,
        };
        Ok(Self {
            category,
            names,
            warranty_thousands,
            sgc,
            ca,
        })
    }
}

impl fmt::Display for PackageName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "cert_{}_", self.category.word())?;
        match self.names {
            Names::UpTo(n) => write!(f, "{n}")?,
            Names::Wildcard => f.write_str("w")?,
        }
        write!(
            f,
            "_{}_{}",
            self.warranty_thousands,
            if self.sgc { "SGC" } else { "0" }
        )?;
        if let Some(ca) = &self.ca {
            write!(f, "_{ca}")?;
        }
        Ok(())
    }
}

/// DCV methods of Gandi's certificates: the DCVMethod table (`email`, `dns`, `file`, `https`,
/// and `auto`, which only XML-RPC has; docs/providers.md §7).
pub(crate) fn dcv_methods(with_auto: bool) -> Vec<DcvMethod> {
    let mut methods = vec![
        DcvMethod::Email,
        DcvMethod::Dns,
        DcvMethod::Http,
        DcvMethod::Https,
    ];
    if with_auto {
        methods.push(DcvMethod::Automatic);
    }
    methods
}

impl PackageName {
    /// The neutral product for this package, as far as the name tells.
    ///
    /// Periods: one or two years (durations were limited to two years in 2017, docs/providers.md
    /// §1.5). A DigiCert single-name package covers the apex and `www` unless ordered with
    /// `apex_only` (docs/providers.md §1.3).
    pub fn to_product(&self, provider: ProviderKind, id: &str) -> Product {
        let (kind, max) = match self.names {
            Names::Wildcard => (ProductKind::Wildcard, 1),
            Names::UpTo(1) => (ProductKind::Single, 1),
            Names::UpTo(n) => (ProductKind::Multi, n),
        };
        let line = match self.category {
            Category::Standard => "Standard",
            Category::Pro => "Pro",
            Category::Business => "Business",
        };
        let what = match self.names {
            Names::Wildcard => "wildcard".to_owned(),
            Names::UpTo(1) => "1 name".to_owned(),
            Names::UpTo(n) => format!("up to {n} names"),
        };
        let digicert = self.ca.as_deref() == Some("digicert");
        let dcv = dcv_methods(provider == ProviderKind::GandiV3);
        Product {
            provider,
            id: id.to_owned(),
            name: format!("{line} ({what})"),
            brand: Some(if digicert { "DigiCert" } else { "Sectigo" }.to_owned()),
            validation: self.category.validation(),
            kind: kind.clone(),
            included_names: Some(max),
            max_names: Some(max),
            wildcard_sans: false,
            free_twin: if digicert && kind == ProductKind::Single {
                FreeTwin::Www
            } else {
                FreeTwin::None
            },
            periods: vec![Period::years(1), Period::years(2)],
            required_fields: Vec::new(),
            optional_fields: Vec::new(),
            dcv_methods: if kind == ProductKind::Wildcard {
                dcv.into_iter().filter(DcvMethod::allows_wildcard).collect()
            } else {
                dcv
            },
            price: None,
            warranty: Some(Money::new(
                i64::from(self.warranty_thousands) * 1000 * 100,
                None,
            )),
        }
    }
}
