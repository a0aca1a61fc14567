//! Orders: what the customer asks for, the provider's handle on it and its latest state.
//!
//! Modelled on instant-acme: a stable identity, [`OrderHandle`], is kept apart
//! from the server-reported snapshot, [`OrderState`], which is replaced on every refresh.
//! Domain control validation lives in [`dcv`]; certificate downloads in [`certificate`]; the
//! check of a draft against its product, before sending, in [`check`].

pub mod certificate;
pub mod check;
pub mod dcv;

use serde::{Deserialize, Serialize};

use crate::product::ProviderKind;
use crate::product::{Money, Period};

pub use certificate::{Certificate, CertificateFormat};
pub use check::{DraftProblem, check};
pub use dcv::{
    ApproverEmails, DcvChoice, DcvInstruction, DcvMethod, DcvStatus, DnsRecord, DnsRecordType,
    NameValidation,
};

/// The stable identity of an order at one provider.
///
/// `id` is what the provider reads the order by (Gandi: certificate id; Realtime Register:
/// process id until a certificate id exists; SSL247: certificate id; Gjirafa: certificate id).
/// `operation` is the provider's asynchronous job working on it when DCV calls address that
/// job rather than the order (Gandi v3 `cert.change_dcv(apikey, operation, …)`,
/// docs/providers.md §1.5). The server's order token covers both (docs/design.md, security
/// model item 3).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct OrderHandle {
    /// The provider API that holds the order.
    pub provider: ProviderKind,
    /// The provider's identifier of the order or certificate.
    pub id: String,
    /// The provider's operation/process identifier, when it differs from `id`.
    pub operation: Option<String>,
}

impl OrderHandle {
    /// A handle with no separate operation.
    pub fn new(provider: ProviderKind, id: impl Into<String>) -> Self {
        Self {
            provider,
            id: id.into(),
            operation: None,
        }
    }

    /// The same handle with an operation id.
    #[must_use]
    pub fn with_operation(mut self, operation: impl Into<String>) -> Self {
        self.operation = Some(operation.into());
        self
    }
}

/// The provider-neutral status of an order or certificate.
///
/// Each adapter maps its provider's status words onto these; [`OrderState::provider_status`]
/// keeps the original word, and a word no mapping knows becomes [`OrderStatus::Unknown`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum OrderStatus {
    /// Accepted, waiting for something (usually DCV or payment).
    Pending,
    /// The CA is working on it.
    Processing,
    /// Issued and valid.
    Issued,
    /// Refused by the CA or the provider.
    Rejected,
    /// Cancelled before issuance.
    Cancelled,
    /// Revoked after issuance.
    Revoked,
    /// Past its end date.
    Expired,
    /// Superseded by a reissue or renewal.
    Replaced,
    /// Failed for a technical reason.
    Failed,
    /// A status word no mapping knows.
    #[serde(untagged)]
    Unknown(String),
}

impl OrderStatus {
    /// Whether the order can still change without the customer doing anything new (so polling
    /// makes sense).
    pub fn is_open(&self) -> bool {
        matches!(self, Self::Pending | Self::Processing)
    }
}

/// The last-known state of an order, as the provider reported it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderState {
    /// Which order.
    pub handle: OrderHandle,
    /// The neutral status.
    pub status: OrderStatus,
    /// The provider's own status word, verbatim.
    pub provider_status: String,
    /// The product ordered, by the provider's code.
    pub product: Option<String>,
    /// The common name.
    pub common_name: Option<String>,
    /// Every name on the certificate, the common name first when the provider lists it.
    pub names: Vec<String>,
    /// The CSR the order was placed with, when the provider returns it.
    pub csr: Option<String>,
    /// Per-name validation state and instructions, when the snapshot carries them.
    pub validations: Vec<NameValidation>,
    /// Start of validity (RFC 3339 or the provider's ISO 8601 form).
    pub not_before: Option<String>,
    /// End of validity.
    pub not_after: Option<String>,
    /// The certificate, when issued and included in the snapshot.
    pub certificate: Option<Certificate>,
}

impl OrderState {
    /// A snapshot with only the handle and status filled in.
    pub fn new(
        handle: OrderHandle,
        status: OrderStatus,
        provider_status: impl Into<String>,
    ) -> Self {
        Self {
            handle,
            status,
            provider_status: provider_status.into(),
            product: None,
            common_name: None,
            names: Vec::new(),
            csr: None,
            validations: Vec::new(),
            not_before: None,
            not_after: None,
            certificate: None,
        }
    }
}

/// What the customer asks for: the provider-neutral input of a quote or an order.
///
/// Names are A-labels (punycode), lowercase, without a trailing dot; the domain rules check
/// them before an adapter sees them. Adapters validate what their provider needs on top
/// (a DCV method the API does not know, a period out of range) before building a request.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct OrderDraft {
    /// The provider's product code ([`crate::product::Product::id`]).
    pub product: String,
    /// The period; `None` takes the provider's default.
    pub period: Option<Period>,
    /// The CSR in PEM form; `None` for providers that take names only (Gjirafa) or a CN.
    pub csr: Option<String>,
    /// The common name, when it overrides the CSR's or there is no CSR.
    pub common_name: Option<String>,
    /// Further names (SANs), without the common name.
    pub sans: Vec<String>,
    /// The DCV method for every name, or per name.
    pub dcv: Vec<DcvChoice>,
    /// The approver contact, for products that require one.
    pub approver: Option<Contact>,
    /// The organisation, for OV/EV products.
    pub organization: Option<Organization>,
}

impl OrderDraft {
    /// The names the order asks for: the common name first, then the SANs.
    pub fn names(&self) -> impl Iterator<Item = &String> {
        self.common_name.iter().chain(&self.sans)
    }
}

/// A person the provider may contact (approver, admin, tech, billing).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Contact {
    /// Given name.
    pub first_name: String,
    /// Family name.
    pub last_name: String,
    /// Job title.
    pub job_title: Option<String>,
    /// E-mail address.
    pub email: String,
    /// Telephone number in E.164 form (`+31.384530759` where the provider wants a dot).
    pub phone: Option<String>,
}

/// The organisation a certificate is issued to (OV/EV).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Organization {
    /// Legal name.
    pub name: String,
    /// Organisational unit.
    pub department: Option<String>,
    /// Street address.
    pub address: Option<String>,
    /// Postal code.
    pub postal_code: Option<String>,
    /// City.
    pub city: Option<String>,
    /// State or province.
    pub state: Option<String>,
    /// Country, ISO 3166-1 alpha-2.
    pub country: Option<String>,
    /// Chamber of commerce / registration number.
    pub registration_number: Option<String>,
}

/// A price quote for a draft, before ordering.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// The product quoted.
    pub product: String,
    /// The period quoted.
    pub period: Option<Period>,
    /// The total to pay.
    pub total: Money,
    /// The lines that make up the total, when the provider itemises them.
    pub lines: Vec<QuoteLine>,
}

/// One item of a [`Quote`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteLine {
    /// What is charged (the provider's action word: `REQUEST`, `EXTRA_DOMAIN`, …).
    pub description: String,
    /// How many.
    pub quantity: u32,
    /// The amount for this line.
    pub amount: Money,
}
