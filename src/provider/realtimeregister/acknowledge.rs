//! The billing handshake of an order (docs/providers.md §2.2): a billable request may be
//! answered with a 400 `BillableAcknowledgmentNeededException` listing the `billables` it
//! would charge, to be sent back in the body to acknowledge them.
//!
//! Only what the customer accepted is acknowledged: the demand is compared with the quote
//! they were shown, and the order is sent again only when both charge the same. Anything else
//! (another price, other items, a second demand after acknowledging) stops the order with
//! nothing charged, and [`ProviderError::PriceChanged`] carries the new price to show.

use super::{calls, map, wire::CertificateRequest};
use crate::http::{HttpRequest, HttpResponse};
use crate::order::{OrderDraft, OrderState, Quote};
use crate::provider::flow::{Exchange, Flow, Step};
use crate::provider::{Call, OperationClass, ProviderError, ProviderKind};

/// An order request built from `draft`; `accepted` is the quote the customer accepted, if any.
pub(super) fn order(
    body: CertificateRequest,
    draft: OrderDraft,
    accepted: Option<Quote>,
) -> Flow<OrderState> {
    Box::new(Acknowledging {
        body,
        draft,
        accepted,
    })
}

/// One request of the handshake: the order, first without and then with `billables`. The
/// second request has a different body, so it needs its own idempotency key.
struct Acknowledging {
    body: CertificateRequest,
    /// What was ordered, kept in the handle (the process answers name no product).
    draft: OrderDraft,
    accepted: Option<Quote>,
}

impl Exchange<OrderState> for Acknowledging {
    fn class(&self) -> OperationClass {
        OperationClass::Billable
    }

    fn request(&self) -> Result<HttpRequest, ProviderError> {
        calls::request(&self.body)?.request()
    }

    fn advance(
        self: Box<Self>,
        response: &HttpResponse,
    ) -> Result<Step<OrderState>, ProviderError> {
        let e = match calls::request(&self.body)?.parse(response) {
            Ok(info) => return map::created_state(&info, &self.draft).map(Step::Done),
            Err(ProviderError::RealtimeRegister(e))
                if e.needs_acknowledgement() && !e.billables().is_empty() =>
            {
                e
            }
            Err(other) => return Err(other),
        };
        let Some(accepted) = self.accepted else {
            // Billables given by the caller and refused: nothing to compare a new demand with.
            return Err(e.into());
        };
        let asked = map::demanded(e.billables(), &accepted)?;
        if let Some(sent) = &self.body.billables {
            // Already acknowledged: the same demand again is the provider's refusal as is.
            if sent.as_slice() == e.billables() {
                return Err(e.into());
            }
        } else if asked.charges_same_as(&accepted) {
            let mut body = self.body;
            body.billables = Some(e.details.billables);
            return Ok(Step::Next(order(body, self.draft, Some(accepted))));
        }
        Err(ProviderError::PriceChanged {
            provider: ProviderKind::RealtimeRegister,
            accepted: Box::new(accepted),
            asked: Box::new(asked),
        })
    }
}
