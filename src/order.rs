//! Orders: what the customer asks for, the provider's handle on it and its latest state.
//!
//! Modelled on instant-acme: a stable identity, [`OrderHandle`], is kept apart
//! from the server-reported snapshot, [`OrderState`], which is replaced on every refresh.
//! Domain control validation lives in `dcv`; certificate downloads in `certificate`; the
//! check of a draft against its product, before sending, in [`check()`].

pub(crate) mod certificate;
pub mod check;
pub(crate) mod dcv;
pub(crate) mod name_check;
pub(crate) mod quote;

use serde::{Deserialize, Serialize};

use crate::domain::DomainName;
use crate::product::{Period, ProviderKind};

pub use certificate::{Certificate, CertificateFormat};
pub use check::{DraftProblem, check};
pub use dcv::{
    ApproverEmails, DcvChoice, DcvInstruction, DcvMethod, DcvStatus, DnsRecord, DnsRecordType,
    NameValidation,
};
pub use name_check::{NameCheck, NameChecks, NameVerdict};
pub use quote::{Quote, QuoteLine};

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
    /// The DCV method chosen for the whole order, where the provider takes one per order and
    /// must be told it again to describe DCV (Gandi `dcv_method`); `None` where methods are
    /// chosen per name or the provider reports them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dcv_method: Option<DcvMethod>,
    /// The product ordered (the provider's code), kept where the provider's answers about the
    /// order do not name it (Realtime Register's process answers, docs/providers.md §2.3), so
    /// the order can be shown again from the handle alone; `None` where the answers say it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product: Option<String>,
    /// The names ordered (A-labels, the common name first), kept for the same reason: the
    /// state shows them when the provider's answer lists none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub names: Vec<String>,
}

impl OrderHandle {
    /// A handle with no separate operation.
    pub fn new(provider: ProviderKind, id: impl Into<String>) -> Self {
        Self {
            provider,
            id: id.into(),
            operation: None,
            dcv_method: None,
            product: None,
            names: Vec::new(),
        }
    }

    /// The same handle with an operation id.
    #[must_use]
    pub fn with_operation(mut self, operation: impl Into<String>) -> Self {
        self.operation = Some(operation.into());
        self
    }

    /// The same handle with the order's one DCV method.
    #[must_use]
    pub fn with_dcv_method(mut self, method: DcvMethod) -> Self {
        self.dcv_method = Some(method);
        self
    }

    /// The same handle keeping what `draft` ordered (product, names once each, the common
    /// name first), for a provider whose answers about the order do not name them.
    #[must_use]
    pub fn with_ordered(mut self, draft: &OrderDraft) -> Self {
        self.product = Some(draft.product.clone());
        self.names.clear();
        for name in draft.names() {
            if !self.names.iter().any(|n| n == name.ascii()) {
                self.names.push(name.ascii().to_owned());
            }
        }
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
/// Names are [`DomainName`]s, parsed once from what the customer typed
/// ([`OrderDraft::with_names`], [`OrderDraft::parse_name`]): adapters send the A-label form
/// ([`DomainName::ascii`]), the widget shows the U-label form ([`DomainName::unicode`]), and
/// a wildcard's base is [`DomainName::base`]. A draft read from JSON parses its names again.
/// Adapters check the draft with [`check::before_sending`] and then validate what their
/// provider needs on top (a DCV method the API does not know, a period out of range) before
/// building a request.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct OrderDraft {
    /// The provider's product code ([`crate::product::Product::id`]).
    pub product: String,
    /// The period; `None` takes the provider's default.
    pub period: Option<Period>,
    /// The CSR in PEM form; `None` for providers that take names only (Gjirafa) or a CN.
    pub csr: Option<String>,
    /// The common name, when it overrides the CSR's or there is no CSR.
    pub common_name: Option<DomainName>,
    /// Further names (SANs), without the common name.
    pub sans: Vec<DomainName>,
    /// The DCV method for every name, or per name.
    pub dcv: Vec<DcvChoice>,
    /// The approver contact, for products that require one.
    pub approver: Option<Contact>,
    /// The organisation, for OV/EV products.
    pub organization: Option<Organization>,
    /// The quote the customer was shown and accepted. Where a provider prices an order
    /// before charging it, the adapter charges only this (and stops with
    /// [`crate::provider::ProviderError::PriceChanged`] when the provider asks for more or
    /// other items); an order with no accepted quote is not sent there at all.
    #[serde(default)]
    pub accepted_quote: Option<Quote>,
    /// Place the order in one request where the provider offers that besides its step-by-step
    /// order (SSL247 `place-quick-order`); other providers ignore it.
    #[serde(default)]
    pub in_one_request: bool,
}

impl OrderDraft {
    /// A draft for `product` naming `typed` as the customer typed them: the first is the
    /// common name, the rest are SANs. Each is parsed once ([`OrderDraft::parse_name`]).
    ///
    /// # Errors
    ///
    /// [`DraftProblem::InvalidName`] naming the first name that is not a valid certificate
    /// name, as typed.
    pub fn with_names<S: AsRef<str>>(
        product: impl Into<String>,
        typed: impl IntoIterator<Item = S>,
    ) -> Result<OrderDraft, DraftProblem> {
        let mut names = typed
            .into_iter()
            .map(|raw| Self::parse_name(raw.as_ref()))
            .collect::<Result<Vec<_>, _>>()?
            .into_iter();
        Ok(OrderDraft {
            product: product.into(),
            common_name: names.next(),
            sans: names.collect(),
            ..OrderDraft::default()
        })
    }

    /// One name as the customer typed it, parsed for a draft (surrounding whitespace, case and
    /// a trailing dot do not matter; IDNs become A-labels).
    ///
    /// # Errors
    ///
    /// [`DraftProblem::InvalidName`] with the name as typed and why it is not valid.
    pub fn parse_name(typed: &str) -> Result<DomainName, DraftProblem> {
        DomainName::parse(typed).map_err(|reason| DraftProblem::InvalidName {
            name: typed.to_owned(),
            reason,
        })
    }

    /// The names the order asks for: the common name first, then the SANs.
    pub fn names(&self) -> impl Iterator<Item = &DomainName> {
        self.common_name.iter().chain(&self.sans)
    }

    /// The A-label forms of the SANs, as requests carry them.
    pub(crate) fn sans_ascii(&self) -> Vec<String> {
        self.sans.iter().map(|n| n.ascii().to_owned()).collect()
    }

    /// The A-label form of the common name, as requests carry it.
    pub(crate) fn common_name_ascii(&self) -> Option<String> {
        self.common_name.as_ref().map(|n| n.ascii().to_owned())
    }

    /// The A-label forms of every name, the common name first.
    pub(crate) fn names_ascii(&self) -> Vec<String> {
        self.names().map(|n| n.ascii().to_owned()).collect()
    }

    /// The draft's one DCV method, for providers that take one per order (Gandi
    /// `dcv_method`, SSL247 `dv_auth_method`): `Ok(None)` when the draft chooses none, and
    /// [`check::DraftProblem::DcvPerName`] when its choices name different methods. The one
    /// place the "one method per order" rule is written; the check and the adapters ask it.
    pub fn one_dcv_method(&self) -> Result<Option<&DcvMethod>, DraftProblem> {
        let mut methods = self.dcv.iter().map(|c| &c.method);
        let first = methods.next();
        if methods.any(|m| Some(m) != first) {
            return Err(DraftProblem::DcvPerName);
        }
        Ok(first)
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
