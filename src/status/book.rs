//! The orders placed in this browser: enough to come back to each one's status page after the
//! tab was closed (handle, order tokens, product, names, the DCV chosen, when it was placed).
//! Never a private key, never credentials: the order tokens only open this browser's orders.

use serde::{Deserialize, Serialize};

use crate::client::CallContext;
use crate::order::{DcvChoice, OrderDraft, OrderHandle, OrderState};
use crate::provider::ProviderKind;

/// One order placed in this browser.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlacedOrder {
    /// The provider's handle on the order. For an order in doubt, the id is the attempt's
    /// idempotency key (no provider id is known).
    pub handle: OrderHandle,
    /// The order tokens the server handed out for it.
    #[serde(default)]
    pub order_tokens: Vec<String>,
    /// The product, by the provider's code.
    pub product: String,
    /// The product's name as the catalog showed it, when it was known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_name: Option<String>,
    /// The names ordered, the common name first.
    pub names: Vec<String>,
    /// The DCV method (and approver) chosen, per name or for all.
    #[serde(default)]
    pub dcv: Vec<DcvChoice>,
    /// When it was placed, in milliseconds since the Unix epoch.
    pub placed_at_ms: u64,
    /// The order request was sent and no answer came: whether it was placed is unknown.
    #[serde(default)]
    pub in_doubt: bool,
    /// The last state read, so a reload shows it before asking again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_state: Option<OrderState>,
    /// When the state was last read, in milliseconds since the Unix epoch.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_checked_ms: Option<u64>,
}

impl PlacedOrder {
    /// An order the provider accepted: its first state, the draft it was placed from and
    /// the context the call ran with (the order tokens it received).
    pub fn placed(
        state: &OrderState,
        draft: &OrderDraft,
        context: &CallContext,
        now_ms: u64,
    ) -> Self {
        let mut names: Vec<String> = draft.names().map(|n| n.ascii().to_owned()).collect();
        if names.is_empty() {
            names.clone_from(&state.names);
        }
        Self {
            handle: state.handle.clone(),
            order_tokens: context.order_tokens.clone(),
            product: draft.product.clone(),
            product_name: None,
            names,
            dcv: draft.dcv.clone(),
            placed_at_ms: now_ms,
            in_doubt: false,
            last_state: Some(state.clone()),
            last_checked_ms: Some(now_ms),
        }
    }

    /// An order whose request was sent without an answer: kept under the attempt's key, so
    /// the customer sees it as in doubt rather than ordering again.
    pub fn in_doubt(provider: ProviderKind, draft: &OrderDraft, key: &str, now_ms: u64) -> Self {
        Self {
            handle: OrderHandle::new(provider, key),
            order_tokens: Vec::new(),
            product: draft.product.clone(),
            product_name: None,
            names: draft.names().map(|n| n.ascii().to_owned()).collect(),
            dcv: draft.dcv.clone(),
            placed_at_ms: now_ms,
            in_doubt: true,
            last_state: None,
            last_checked_ms: None,
        }
    }

    /// Keeps the product's name as the catalog showed it.
    pub fn with_product_name(mut self, name: Option<String>) -> Self {
        self.product_name = name;
        self
    }

    /// The product as the customer knows it: its name, or the provider's code.
    pub fn product_shown(&self) -> &str {
        self.product_name.as_deref().unwrap_or(&self.product)
    }

    /// The fragment of its status page, `#/status/{provider}/{id}`.
    pub fn status_href(&self) -> String {
        status_href(self.handle.provider, &self.handle.id)
    }

    /// The context its order-scoped calls run with.
    pub fn context(&self) -> CallContext {
        CallContext::for_order(self.order_tokens.clone())
    }
}

/// The fragment of an order's status page.
pub fn status_href(provider: ProviderKind, id: &str) -> String {
    format!(
        "#/status/{}/{}",
        provider.slug(),
        crate::http::encode_path_segment(id)
    )
}

/// The orders placed in this browser, newest first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderBook {
    orders: Vec<PlacedOrder>,
}

/// How many orders the book keeps; the oldest go first.
const CAPACITY: usize = 50;

impl OrderBook {
    /// The `localStorage` key the book is kept under.
    pub const STORAGE_KEY: &'static str = "certorder.orders.v1";

    /// The book as stored; what cannot be read is an empty book (a damaged entry never
    /// stops the page).
    pub fn from_json(text: &str) -> Self {
        serde_json::from_slice(text.as_bytes()).unwrap_or_default()
    }

    /// The book as stored.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Adds an order just placed (or replaces the entry with the same provider and id).
    pub fn add(&mut self, order: PlacedOrder) {
        self.orders.retain(|o| {
            !(o.handle.provider == order.handle.provider && o.handle.id == order.handle.id)
        });
        self.orders.insert(0, order);
        self.orders.truncate(CAPACITY);
    }

    /// The order of `provider` with that id.
    pub fn get(&self, provider: ProviderKind, id: &str) -> Option<&PlacedOrder> {
        self.orders
            .iter()
            .find(|o| o.handle.provider == provider && o.handle.id == id)
    }

    /// Keeps a state just read (and the handle it carries, which a DCV change renews).
    pub fn record_state(
        &mut self,
        provider: ProviderKind,
        id: &str,
        state: &OrderState,
        now_ms: u64,
    ) {
        if let Some(order) = self
            .orders
            .iter_mut()
            .find(|o| o.handle.provider == provider && o.handle.id == id)
        {
            order.last_state = Some(state.clone());
            order.last_checked_ms = Some(now_ms);
        }
    }

    /// Keeps a renewed handle (after a DCV change) and the tokens the call brought.
    pub fn record_handle(
        &mut self,
        provider: ProviderKind,
        id: &str,
        handle: &OrderHandle,
        context: &CallContext,
    ) {
        if let Some(order) = self
            .orders
            .iter_mut()
            .find(|o| o.handle.provider == provider && o.handle.id == id)
        {
            order.handle.dcv_method.clone_from(&handle.dcv_method);
            order.handle.operation.clone_from(&handle.operation);
            for token in &context.order_tokens {
                if !order.order_tokens.contains(token) {
                    order.order_tokens.push(token.clone());
                }
            }
        }
    }

    /// Every order, newest first.
    pub fn orders(&self) -> &[PlacedOrder] {
        &self.orders
    }
}
