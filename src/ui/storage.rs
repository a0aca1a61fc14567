//! The browser's `localStorage`, for the order book. Storage can be missing or full (private
//! windows, quotas): reading then gives an empty book and writing is skipped, never a panic.

use crate::status::{OrderBook, PlacedOrder};

fn storage() -> Option<web_sys::Storage> {
    leptos::prelude::window().local_storage().ok().flatten()
}

/// Milliseconds since the Unix epoch, from the browser's clock.
pub fn now_ms() -> u64 {
    let now = js_sys::Date::now();
    if now.is_finite() && now > 0.0 {
        now as u64
    } else {
        0
    }
}

/// The order book as stored in this browser.
pub fn load_book() -> OrderBook {
    storage()
        .and_then(|s| s.get_item(OrderBook::STORAGE_KEY).ok().flatten())
        .map(|text| OrderBook::from_json(&text))
        .unwrap_or_default()
}

/// Stores the order book.
pub fn save_book(book: &OrderBook) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(OrderBook::STORAGE_KEY, &book.to_json());
    }
}

/// Adds an order just placed to this browser's book and returns the fragment of its status
/// page (`#/status/{provider}/{id}`), where the wizard sends the customer next.
pub fn remember_order(order: PlacedOrder) -> String {
    let href = order.status_href();
    let mut book = load_book();
    book.add(order);
    save_book(&book);
    href
}

/// Changes the book as stored (load, change, save).
pub fn update_book(change: impl FnOnce(&mut OrderBook)) {
    let mut book = load_book();
    change(&mut book);
    save_book(&book);
}
