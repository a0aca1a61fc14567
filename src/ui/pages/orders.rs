//! The orders placed in this browser, each linking to its status page.

use leptos::prelude::*;

use crate::status::instructions::status_words;
use crate::text::status as text;
use crate::ui::app::focus_heading;
use crate::ui::storage;

/// The list of this browser's orders, newest first.
#[component]
pub fn OrdersPage() -> impl IntoView {
    focus_heading("orders-heading");
    let book = storage::load_book();
    let orders = book.orders().to_vec();
    view! {
        <section class="co-step" aria-labelledby="orders-heading">
            <h1 id="orders-heading" class="co-step__title" tabindex="-1">{text::ORDERS_HEADING}</h1>
            <p class="co-step__lead">{text::ORDERS_HINT}</p>
            {if orders.is_empty() {
                view! { <p data-testid="orders-empty">{text::ORDERS_EMPTY}</p> }.into_any()
            } else {
                view! {
                    <ul class="co-orders" data-testid="orders">
                        {orders.into_iter().map(|order| {
                            let status = if order.in_doubt {
                                text::IN_DOUBT_HEADING
                            } else {
                                order.last_state.as_ref().map(|s| status_words(&s.status)).unwrap_or(text::NOT_CHECKED_YET)
                            };
                            let placed = String::from(
                                js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(order.placed_at_ms as f64)).to_iso_string(),
                            );
                            view! {
                                <li>
                                    <a href=order.status_href()>{order.names.first().cloned().unwrap_or_else(|| order.handle.id.clone())}</a>
                                    " · "{order.handle.provider.name()}" · "{order.product_shown().to_owned()}" · "{status}
                                    " · "{text::PLACED}" "<time datetime=placed.clone()>{placed.clone()}</time>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}
