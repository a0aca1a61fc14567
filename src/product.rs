//! What can be ordered: the provider-neutral product model.
//!
//! Every adapter maps its catalog (Gandi packages, Realtime Register products, SSL247 product
//! codes) onto [`Product`], so the widget drives its form from one shape: how many names, which
//! may be wildcards, which periods, which fields and DCV methods. Values a provider does not
//! publish stay `None`/empty rather than guessed.
//!
//! The provider-wide facts sit beside it: which provider ([`ProviderKind`]) and what its API
//! can do ([`Capabilities`]). Like the rest of the model (`order`), this module knows nothing
//! of the adapters in `crate::provider`, which build on it.

pub mod capabilities;
pub(crate) mod provider_kind;

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::domain::DomainName;
use crate::order::DcvMethod;

pub use capabilities::{Capabilities, CsrUse, DcvSupport};
pub use provider_kind::{ProviderKind, UnknownProvider};

/// One orderable certificate product of one provider.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Product {
    /// The provider that sells it.
    pub provider: ProviderKind,
    /// The provider's code for it, sent back when ordering (Gandi package name
    /// `cert_std_1_0_0`, Realtime Register `product`, SSL247 product code).
    pub id: String,
    /// A human-readable name.
    pub name: String,
    /// The issuing CA or brand when known (Sectigo, DigiCert, Let's Encrypt).
    pub brand: Option<String>,
    /// Domain, organisation or extended validation.
    pub validation: ValidationLevel,
    /// Single name, several names, or a wildcard.
    pub kind: ProductKind,
    /// Names included in the base price, the common name counted.
    pub included_names: Option<u32>,
    /// Most names the certificate may carry, the common name counted.
    pub max_names: Option<u32>,
    /// Whether subject alternative names may be wildcards (multi-domain products).
    pub wildcard_sans: bool,
    /// The free www/non-www twin of the common name, if the product adds one.
    pub free_twin: FreeTwin,
    /// The periods it can be ordered for.
    pub periods: Vec<Period>,
    /// Fields the order must fill in beyond the names and the CSR.
    pub required_fields: Vec<OrderField>,
    /// Fields the order may fill in.
    pub optional_fields: Vec<OrderField>,
    /// DCV methods allowed; empty when the provider does not say per product.
    pub dcv_methods: Vec<DcvMethod>,
    /// The price of the smallest period, if the catalog gives it.
    pub price: Option<Money>,
    /// The relying-party warranty, if published.
    pub warranty: Option<Money>,
}

/// The validation level of a certificate (CA/B Forum Baseline Requirements §7.1.6.1).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ValidationLevel {
    /// Domain validated.
    Dv,
    /// Organisation validated.
    Ov,
    /// Extended validation.
    Ev,
    /// A level the provider names that is none of the above.
    #[serde(untagged)]
    Other(String),
}

impl ValidationLevel {
    /// Whether the order needs organisation details (OV and EV).
    pub(crate) fn needs_organization(&self) -> bool {
        matches!(self, Self::Ov | Self::Ev)
    }
}

/// How many and which names a product covers.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ProductKind {
    /// One name (plus, with some products, its free www twin).
    Single,
    /// Several names (SAN/UCC).
    Multi,
    /// One wildcard name `*.example.com`.
    Wildcard,
    /// A kind the provider names that is none of the above (Realtime Register
    /// `ACME_SUBSCRIPTION`, for example).
    #[serde(untagged)]
    Other(String),
}

/// Whether a single-name product adds the www/non-www twin of the common name for free
/// (Realtime Register features `WWW_INCLUDED` / `NON_WWW_INCLUDED`, docs/providers.md §2.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FreeTwin {
    /// No free twin, or not known.
    #[default]
    None,
    /// `example.com` also gets `www.example.com`.
    Www,
    /// `www.example.com` also gets `example.com`.
    NonWww,
    /// Either direction.
    Both,
}

impl FreeTwin {
    /// The name a product with this rule adds free to `common_name`: its
    /// [`DomainName::www_twin`] (the one twin rule), where this rule gives that direction.
    /// `None` when the product gives none, or not for this name (a wildcard and its base are
    /// never a free pair, docs/providers.md §6). The draft check and the wizard both count
    /// the free twin by this, so they agree.
    #[must_use]
    pub fn twin_of(self, common_name: &DomainName) -> Option<DomainName> {
        let twin = common_name.www_twin()?;
        // The twin of the apex is its www name, and the other way round.
        let cn_is_apex = twin.ascii().strip_prefix("www.") == Some(common_name.ascii());
        let free = match self {
            Self::None => false,
            Self::Www => cn_is_apex,
            Self::NonWww => !cn_is_apex,
            Self::Both => true,
        };
        free.then_some(twin)
    }
}

/// The unit a provider counts a certificate's period in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodUnit {
    /// Months (Realtime Register `period`).
    Months,
    /// Years (Gandi `duration`, Realtime Register's deprecated create).
    Years,
    /// Days.
    Days,
}

/// A validity or subscription period, in the provider's unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Period {
    /// How many units.
    pub count: u32,
    /// Which unit.
    pub unit: PeriodUnit,
}

impl Period {
    /// `count` years.
    pub const fn years(count: u32) -> Self {
        Self {
            count,
            unit: PeriodUnit::Years,
        }
    }

    /// `count` months.
    pub const fn months(count: u32) -> Self {
        Self {
            count,
            unit: PeriodUnit::Months,
        }
    }

    /// The period in months, for comparing periods across units (a day-based period is
    /// rounded down).
    pub(crate) const fn in_months(self) -> u32 {
        match self.unit {
            PeriodUnit::Months => self.count,
            PeriodUnit::Years => self.count.saturating_mul(12),
            PeriodUnit::Days => self.count / 30,
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let unit = match (self.unit, self.count) {
            (PeriodUnit::Months, 1) => "month",
            (PeriodUnit::Months, _) => "months",
            (PeriodUnit::Years, 1) => "year",
            (PeriodUnit::Years, _) => "years",
            (PeriodUnit::Days, 1) => "day",
            (PeriodUnit::Days, _) => "days",
        };
        write!(f, "{} {unit}", self.count)
    }
}

/// An order field beyond names and CSR that a product may require (Realtime Register
/// `requiredFields`/`optionalFields`, SSL247 requirements, Gandi's OV/EV contact data).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum OrderField {
    /// A common name that overrides the CSR's.
    DomainName,
    /// Per-name DCV choices.
    Dcv,
    /// The approver contact (name, e-mail, phone).
    Approver,
    /// Organisation name.
    Organization,
    /// Organisational unit.
    Department,
    /// Street address.
    Address,
    /// Postal code.
    PostalCode,
    /// City or locality.
    City,
    /// State or province.
    State,
    /// Country (ISO 3166-1 alpha-2).
    Country,
    /// Chamber of commerce / registration number.
    Coc,
    /// Recipient of the subscriber agreement.
    SubscriberAgreementEmail,
    /// DigiCert AuthKey pre-validation.
    AuthKey,
    /// Administrative contact.
    AdminContact,
    /// Technical contact.
    TechContact,
    /// Billing contact.
    BillingContact,
    /// A field the provider names that none of the above covers.
    #[serde(untagged)]
    Other(String),
}

/// An amount of money in minor units (cents), so prices add up exactly.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Money {
    /// The amount in the currency's minor unit (cents); a provider that gives decimals is
    /// converted at the edge.
    pub minor: i64,
    /// The ISO 4217 currency code, when the provider says.
    pub currency: Option<String>,
}

impl Money {
    /// An amount in minor units.
    pub fn new(minor: i64, currency: Option<&str>) -> Self {
        Self {
            minor,
            currency: currency.map(str::to_owned),
        }
    }
}

impl fmt::Display for Money {
    /// Two decimals then the currency: `12.50 EUR`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.minor < 0 { "-" } else { "" };
        let abs = self.minor.unsigned_abs();
        write!(f, "{sign}{}.{:02}", abs / 100, abs % 100)?;
        if let Some(currency) = &self.currency {
            write!(f, " {currency}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Guards: money prints exactly, periods compare across units.
    #[test]
    fn money_and_periods() {
        assert_eq!(Money::new(1250, Some("EUR")).to_string(), "12.50 EUR");
        assert_eq!(Money::new(-5, None).to_string(), "-0.05");
        assert_eq!(Period::years(2).in_months(), Period::months(24).in_months());
        assert_eq!(Period::months(1).to_string(), "1 month");
        assert_eq!(Period::years(3).to_string(), "3 years");
        assert!(ValidationLevel::Ev.needs_organization());
        assert!(!ValidationLevel::Dv.needs_organization());
    }
}
