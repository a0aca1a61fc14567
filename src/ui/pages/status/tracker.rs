//! The status page's state and its calls: read the order, its DCV and, once issued, its
//! certificate; poll with backoff; keep what was read in the order book.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use leptos::prelude::*;

use crate::client::{self, CallContext, CallError};
use crate::deployment::ProviderOffer;
use crate::order::{Certificate, NameValidation, OrderHandle, OrderState, OrderStatus};
use crate::provider::{Flow, Provider, ProviderError};
use crate::status::{Backoff, PlacedOrder};
use crate::ui::{storage, transport};

/// One order's status page: what was read, and the calls that read or change it.
#[derive(Clone)]
pub(crate) struct Tracker {
    pub(crate) offer: Arc<ProviderOffer>,
    pub(crate) provider: Arc<dyn Provider>,
    /// The id the order book and the URL know the order by.
    book_id: Arc<String>,
    pub(crate) handle: RwSignal<OrderHandle>,
    context: StoredValue<CallContext>,
    pub(crate) state: RwSignal<Option<OrderState>>,
    pub(crate) validations: RwSignal<Vec<NameValidation>>,
    pub(crate) certificate: RwSignal<Option<Certificate>>,
    pub(crate) checked: RwSignal<Option<u64>>,
    pub(crate) now: RwSignal<u64>,
    pub(crate) busy: RwSignal<bool>,
    pub(crate) error: RwSignal<Option<CallError>>,
    backoff: StoredValue<Backoff>,
    timer: StoredValue<Option<TimeoutHandle>>,
    /// Cleared when the page goes away, so a late answer touches nothing.
    alive: Arc<AtomicBool>,
}

impl Tracker {
    /// A tracker for `order` at `offer`; `None` when the offer's adapter cannot be built.
    pub(crate) fn new(offer: ProviderOffer, order: PlacedOrder) -> Option<Self> {
        let provider: Arc<dyn Provider> = Arc::from(offer.provider().ok()?);
        let last = order.last_state.clone();
        let handle = last
            .as_ref()
            .map(|s| {
                let mut handle = s.handle.clone();
                if handle.dcv_method.is_none() {
                    handle.dcv_method.clone_from(&order.handle.dcv_method);
                }
                handle
            })
            .unwrap_or_else(|| order.handle.clone());
        Some(Self {
            offer: Arc::new(offer),
            provider,
            book_id: Arc::new(order.handle.id.clone()),
            handle: RwSignal::new(handle),
            context: StoredValue::new(order.context()),
            certificate: RwSignal::new(last.as_ref().and_then(|s| s.certificate.clone())),
            validations: RwSignal::new(
                last.as_ref()
                    .map(|s| s.validations.clone())
                    .unwrap_or_default(),
            ),
            state: RwSignal::new(last),
            checked: RwSignal::new(order.last_checked_ms),
            now: RwSignal::new(storage::now_ms()),
            busy: RwSignal::new(false),
            error: RwSignal::new(None),
            backoff: StoredValue::new(Backoff::default()),
            timer: StoredValue::new(None),
            alive: Arc::new(AtomicBool::new(true)),
        })
    }

    /// Reads the order now, and keeps the "last checked" clock running while the page lives.
    pub(crate) fn start(&self) {
        let now = self.now;
        let ticker = set_interval_with_handle(
            move || {
                now.try_set(storage::now_ms());
            },
            Duration::from_secs(1),
        )
        .ok();
        let this = self.clone();
        on_cleanup(move || {
            this.alive.store(false, Ordering::Relaxed);
            if let Some(ticker) = ticker {
                ticker.clear();
            }
            if let Some(Some(timer)) = this.timer.try_get_value() {
                timer.clear();
            }
        });
        self.refresh();
    }

    fn alive(&self) -> bool {
        self.alive.load(Ordering::Relaxed)
    }

    /// "Check now": reads at once and starts the backoff again.
    pub(crate) fn refresh_now(&self) {
        self.backoff.set_value(Backoff::default());
        self.refresh();
    }

    fn refresh(&self) {
        if self.busy.get_untracked() {
            return;
        }
        if let Some(timer) = self.timer.get_value() {
            timer.clear();
        }
        self.busy.set(true);
        let this = self.clone();
        leptos::task::spawn_local(async move {
            this.read().await;
        });
    }

    /// Runs one flow with the order's context, keeping the tokens it brings.
    pub(crate) async fn call<T>(
        &self,
        flow: Result<Flow<T>, ProviderError>,
    ) -> Result<T, CallError> {
        let flow = flow.map_err(|e| client::from_provider(self.offer.kind, e))?;
        let mut context = self.context.get_value();
        let result = transport::run(&self.offer, flow, &mut context).await;
        if self.alive() {
            self.context.set_value(context);
        }
        result
    }

    async fn read(&self) {
        let handle = self.handle.get_untracked();
        let result = self.call(self.provider.order(&handle)).await;
        if !self.alive() {
            return;
        }
        let worth_polling = match result {
            Ok(state) => {
                let polling = Backoff::worth_polling(&state.status);
                self.settle(handle, state).await;
                polling
            }
            Err(error) => {
                let retry = error.retry_safe();
                self.error.set(Some(error));
                retry
            }
        };
        if !self.alive() {
            return;
        }
        self.busy.set(false);
        if worth_polling {
            self.schedule();
        }
    }

    /// Keeps a state just read, with its DCV details while pending and its certificate once
    /// issued.
    async fn settle(&self, asked: OrderHandle, mut state: OrderState) {
        if state.handle.dcv_method.is_none() {
            state.handle.dcv_method = asked.dcv_method;
        }
        let before = self.state.get_untracked().map(|s| s.status);
        if before.as_ref() != Some(&state.status) {
            self.backoff.set_value(Backoff::default());
        }
        let mut error = None;
        if matches!(state.status, OrderStatus::Pending | OrderStatus::Processing) {
            match self.call(self.provider.dcv(&state)).await {
                Ok(validations) => self.validations.set(validations),
                Err(e) => {
                    if !state.validations.is_empty() {
                        self.validations.set(state.validations.clone());
                    }
                    error = Some(e);
                }
            }
        } else {
            self.validations.set(state.validations.clone());
        }
        if state.status == OrderStatus::Issued && self.certificate.get_untracked().is_none() {
            match state.certificate.clone() {
                Some(certificate) => self.certificate.set(Some(certificate)),
                None if !self.provider.capabilities().download_formats.is_empty() => {
                    match self.call(self.provider.download(&state.handle)).await {
                        Ok(certificate) => {
                            state.certificate = Some(certificate.clone());
                            self.certificate.set(Some(certificate));
                        }
                        Err(e) => error = Some(e),
                    }
                }
                None => {}
            }
        }
        if !self.alive() {
            return;
        }
        let now = storage::now_ms();
        let context = self.context.get_value();
        let kind = self.offer.kind;
        let id = self.book_id.as_str();
        storage::update_book(|book| {
            book.record_state(kind, id, &state, now);
            book.record_handle(kind, id, &state.handle, &context);
        });
        self.handle.set(state.handle.clone());
        self.state.set(Some(state));
        self.checked.set(Some(now));
        self.now.set(now);
        self.error.set(error);
    }

    fn schedule(&self) {
        let (delay, next) = self.backoff.get_value().next();
        self.backoff.set_value(next);
        let this = self.clone();
        let timer = set_timeout_with_handle(
            move || {
                if this.alive() {
                    this.refresh();
                }
            },
            Duration::from_millis(delay),
        )
        .ok();
        self.timer.set_value(timer);
    }
}
