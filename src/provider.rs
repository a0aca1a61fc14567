//! Provider adapters: one sans-IO module per provider API, behind one narrow trait.
//!
//! # How an adapter plugs in
//!
//! An adapter module (`gandi_v5`, `realtimeregister`, …) has three layers, as instant-acme
//! separates wire types from behaviour:
//!
//! 1. **Wire types and calls**: one type per documented operation implementing [`Call`]
//!    (`request()` builds the [`HttpRequest`], `parse()` reads the [`HttpResponse`](crate::http::HttpResponse) and maps
//!    the provider's error envelope onto its own `#[from]` sub-error of [`ProviderError`]).
//!    These mirror the document exactly and are public, for callers that want the raw API.
//! 2. **Recognition and auth**: `recognise(request)` tells the server which documented
//!    operation a forwarded request is (by method and path, by XML-RPC `methodName`, or by a
//!    header where the provider's document makes one decide, as Gandi v5's `Dry-Run: 1`) and
//!    its [`OperationClass`]; `authenticate` adds the credentials the way the provider wants.
//! 3. **The neutral model**: the [`Provider`] trait maps the widget's provider-neutral
//!    operations (products, quote, create, order state, DCV, download) onto calls, returning
//!    [`Flow`]s, since some operations take several exchanges.
//!
//! Nothing here sends anything: [`flow::run`] drives a flow over a transport the caller owns.

pub mod error;
pub mod flow;
pub(crate) mod gandi;
pub mod gandi_v3;
pub mod gandi_v5;
pub mod gjirafa;
mod named_targets;
mod not_issued;
pub mod realtimeregister;
pub mod ssl247;
pub mod xmlrpc;

use serde::{Deserialize, Serialize};

use crate::domain::DomainName;
use crate::http::{Credentials, HttpRequest};
use crate::order::{
    ApproverEmails, Certificate, DcvChoice, NameChecks, NameValidation, OrderDraft, OrderHandle,
    OrderState, Quote,
};
use crate::product::Product;

// The model below this layer, at the paths adapters and callers have always used.
pub use crate::product::capabilities;
pub use crate::product::{Capabilities, CsrUse, DcvSupport, ProviderKind, UnknownProvider};
pub use error::ProviderError;
pub use flow::{Call, Exchange, Flow, Step};
pub use named_targets::named_targets;

/// What an operation does, for the server's policy (docs/design.md, security model items 2-5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OperationClass {
    /// Reads the product catalog.
    Catalog,
    /// Reads public-ish facts about names (approver mailboxes, DCV preview, CSR decode).
    Lookup,
    /// Checks a draft without side effects (validate, dry run).
    Check,
    /// Prices a draft.
    Quote,
    /// Costs money: places an order, renews. Sent once, with an idempotency key.
    Billable,
    /// Reads one order: status, DCV details, certificate download.
    OrderRead,
    /// Changes one order without charging: DCV change or resend, reissue, cancel, revoke.
    OrderChange,
    /// Reads or changes the account as a whole (order lists, balance, users).
    AccountWide,
}

impl OperationClass {
    /// Whether the operation charges the account.
    pub const fn is_billable(self) -> bool {
        matches!(self, Self::Billable)
    }
}

/// What a recognised operation acts on, so the server can check the order token.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    /// An order or certificate, by [`OrderHandle::id`].
    Order(String),
    /// A provider operation or process, by [`OrderHandle::operation`].
    Operation(String),
}

/// A request recognised as one documented operation of a provider.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Operation {
    /// The provider.
    pub provider: ProviderKind,
    /// The documented operation name (`cert.create`, `POST /issued-certs`, …).
    pub name: &'static str,
    /// What it does.
    pub class: OperationClass,
    /// The order or operation it acts on, when it acts on one.
    pub target: Option<Target>,
}

/// One provider API, as the widget and the server use it.
///
/// Implemented by a unit struct per adapter (`gandi_v5::GandiV5`). Methods that build work
/// return a [`Flow`]; the provider-neutral operations a provider's API lacks keep the default,
/// which is [`ProviderError::Unsupported`] (and [`Provider::capabilities`] says so up front).
pub trait Provider: Send + Sync {
    /// Which provider this is.
    fn kind(&self) -> ProviderKind;

    /// What its API can do.
    fn capabilities(&self) -> Capabilities;

    /// Recognises a request (path below the base URL) as one of the documented operations;
    /// `None` for anything else, which the server must not forward. Method, path, query and
    /// body decide, and the headers where the provider's document makes one change the
    /// operation (Gandi v5 `Dry-Run: 1` turns an order into a check, docs/providers.md §1.2).
    fn recognise(&self, request: &HttpRequest) -> Option<Operation>;

    /// Adds credentials to a request built by this adapter (or forwarded by the proxy after
    /// [`Provider::recognise`]), replacing any the request already carries.
    fn authenticate(
        &self,
        request: &mut HttpRequest,
        credentials: &Credentials,
    ) -> Result<(), ProviderError>;

    /// The product catalog.
    fn products(&self) -> Result<Flow<Vec<Product>>, ProviderError>;

    /// The catalog of a provider whose API has none because it sells one certificate
    /// (Gjirafa's Let's Encrypt), known without a request; `None` where
    /// [`Provider::products`] asks the provider.
    fn known_products(&self) -> Option<Vec<Product>> {
        None
    }

    /// Places an order. The returned state's handle is what later calls take.
    fn create_order(&self, draft: &OrderDraft) -> Result<Flow<OrderState>, ProviderError>;

    /// The current state of an order.
    fn order(&self, handle: &OrderHandle) -> Result<Flow<OrderState>, ProviderError>;

    /// Per-name DCV state and instructions. Takes the last snapshot because some APIs need
    /// what it holds (Gandi v3 `cert.get_dcv_params` wants the CSR and package); the DCV
    /// method asked about is the one the handle keeps ([`OrderHandle::dcv_method`]), never
    /// guessed from the snapshot's validations.
    fn dcv(&self, state: &OrderState) -> Result<Flow<Vec<NameValidation>>, ProviderError>;

    /// Checks a draft with the provider without ordering or charging (Gandi v5 `Dry-Run: 1`,
    /// Realtime Register `quote=true`, SSL247 `validate`).
    fn dry_run(&self, draft: &OrderDraft) -> Result<Flow<()>, ProviderError> {
        let _ = draft;
        Err(self.unsupported("dry runs"))
    }

    /// The DCV details the provider will ask for, before ordering (Gandi v3
    /// `cert.get_dcv_params`, v5 `POST /dcv_params`), for the draft's one DCV method.
    fn dcv_preview(&self, draft: &OrderDraft) -> Result<Flow<Vec<NameValidation>>, ProviderError> {
        let _ = draft;
        Err(self.unsupported("a DCV preview"))
    }

    /// Approver mailboxes the provider accepts for `name` with `product`.
    fn approvers(&self, product: &str, name: &str) -> Result<Flow<ApproverEmails>, ProviderError> {
        let _ = (product, name);
        Err(self.unsupported("approver look-up"))
    }

    /// The provider's own check of an order's names against `product`, before ordering
    /// (SSL247 `check-common-name` for the common name, `check-san` for each SAN): one
    /// verdict per name, the common name first. A refused name is an answer, not an error;
    /// the flow fails only when the check could not be made.
    fn check_names(
        &self,
        product: &str,
        common_name: &DomainName,
        sans: &[DomainName],
    ) -> Result<Flow<NameChecks>, ProviderError> {
        let _ = (product, common_name, sans);
        Err(self.unsupported("name checks"))
    }

    /// Prices a draft without ordering.
    fn quote(&self, draft: &OrderDraft) -> Result<Flow<Quote>, ProviderError> {
        let _ = draft;
        Err(self.unsupported("quotes"))
    }

    /// Changes the DCV method (for one name, or all), after checking the choice against
    /// [`Capabilities::change_dcv`] (a name or an approver the provider needs). The flow ends
    /// with the handle to keep from then on: it carries the method now in force.
    fn change_dcv(
        &self,
        handle: &OrderHandle,
        choice: &DcvChoice,
    ) -> Result<Flow<OrderHandle>, ProviderError> {
        let _ = (handle, choice);
        Err(self.unsupported("changing the DCV method"))
    }

    /// Re-sends the DCV e-mail or asks the CA to check again.
    fn resend_dcv(&self, handle: &OrderHandle) -> Result<Flow<()>, ProviderError> {
        let _ = handle;
        Err(self.unsupported("re-sending DCV"))
    }

    /// Downloads the issued certificate; [`ProviderError::NotIssued`] while there is none.
    fn download(&self, handle: &OrderHandle) -> Result<Flow<Certificate>, ProviderError> {
        let _ = handle;
        Err(self.unsupported("certificate download"))
    }

    /// Renews a certificate for a new term. `draft` gives what the renewal takes (period,
    /// a new CSR where the provider wants one, the DCV method); the renewal is charged.
    fn renew(
        &self,
        handle: &OrderHandle,
        draft: &OrderDraft,
    ) -> Result<Flow<OrderState>, ProviderError> {
        let _ = (handle, draft);
        Err(self.unsupported("renewal"))
    }

    /// Reissues a certificate with a new CSR, for the same term and names.
    fn reissue(&self, handle: &OrderHandle, csr: &str) -> Result<Flow<OrderState>, ProviderError> {
        let _ = (handle, csr);
        Err(self.unsupported("reissue"))
    }

    /// Cancels an order that is not issued yet.
    fn cancel(&self, handle: &OrderHandle) -> Result<Flow<()>, ProviderError> {
        let _ = handle;
        Err(self.unsupported("cancellation"))
    }

    /// Revokes an issued certificate.
    fn revoke(&self, handle: &OrderHandle) -> Result<Flow<()>, ProviderError> {
        let _ = handle;
        Err(self.unsupported("revocation"))
    }

    /// The error for an operation this provider does not offer.
    fn unsupported(&self, operation: &'static str) -> ProviderError {
        ProviderError::Unsupported {
            provider: self.kind(),
            operation,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Guards: only billable operations say they charge the account.
    #[test]
    fn billable_is_the_charging_class() {
        assert!(OperationClass::Billable.is_billable());
    }
}
