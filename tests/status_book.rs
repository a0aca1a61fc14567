//! The order book: the orders placed in this browser, kept in `localStorage` so a customer who
//! closed the tab comes back to their status pages.

#![allow(clippy::expect_used)]

use certorder::client::CallContext;
use certorder::order::{OrderHandle, OrderState, OrderStatus};
use certorder::status::book::{OrderBook, PlacedOrder};
use certorder::{OrderDraft, ProviderKind};

fn draft() -> OrderDraft {
    OrderDraft::with_names(
        "cert_std_3_0_0",
        ["shop.acme-widgets.net", "www.shop.acme-widgets.net"],
    )
    .expect("valid names")
}

// Guards: an order placed keeps its tokens, names and the product's name as the catalog
// showed it; an order in doubt is kept under the attempt's key; the book reads back what it
// wrote, newest first, and one placed twice is listed once.
#[test]
fn orders_are_kept_with_what_the_status_page_shows() {
    let handle = OrderHandle::new(ProviderKind::GandiV5, "cert-1");
    let state = OrderState::new(handle, OrderStatus::Pending, "pending");
    let mut context = CallContext::for_attempt("attempt-1");
    context.order_tokens.push("tok".into());
    let placed = PlacedOrder::placed(&state, &draft(), &context, 1_000)
        .with_product_name(Some("Standard (up to 3 names)".into()));
    assert_eq!(placed.product_shown(), "Standard (up to 3 names)");
    assert_eq!(placed.order_tokens, ["tok"]);
    assert_eq!(
        placed.names,
        ["shop.acme-widgets.net", "www.shop.acme-widgets.net"]
    );
    let doubt = PlacedOrder::in_doubt(ProviderKind::GandiV5, &draft(), "attempt-2", 2_000);
    assert!(doubt.in_doubt);
    assert_eq!(doubt.handle.id, "attempt-2");
    assert_eq!(
        doubt.product_shown(),
        "cert_std_3_0_0",
        "the code without a name"
    );

    let mut book = OrderBook::default();
    book.add(placed.clone());
    book.add(doubt);
    book.add(placed);
    let back = OrderBook::from_json(&book.to_json());
    assert_eq!(back, book);
    let ids: Vec<&str> = back.orders().iter().map(|o| o.handle.id.as_str()).collect();
    assert_eq!(ids, ["cert-1", "attempt-2"]);
}

// Guards: a book written before the product's name was kept still reads, and a damaged one
// is an empty book rather than a page that does not start.
#[test]
fn older_and_damaged_books_read() {
    let older = r#"{"orders":[{"handle":{"provider":"gandi-v5","id":"cert-9"},"product":"cert_std_1_0_0","names":["acme-widgets.net"],"placed_at_ms":5}]}"#;
    let book = OrderBook::from_json(older);
    let order = book
        .get(ProviderKind::GandiV5, "cert-9")
        .expect("the older entry");
    assert_eq!(order.product_shown(), "cert_std_1_0_0");
    assert!(OrderBook::from_json("{not json").orders().is_empty());
}
