//! What the shell mounts for `#/order…`: the order wizard (steps 1-6).

use leptos::prelude::*;

use crate::text::shell as text;

/// The order wizard for the fragment after `#/order`.
pub(crate) fn order_page(rest: String) -> AnyView {
    let _ = rest;
    view! {
        <section class="co-step" aria-labelledby="order-heading">
            <h1 id="order-heading" class="co-step__title" tabindex="-1">{text::NAV_ORDER}</h1>
            <p>{text::ORDER_UNAVAILABLE}</p>
        </section>
    }
    .into_any()
}
