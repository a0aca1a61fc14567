//! What the shell mounts for `#/order…`: the order wizard (steps 1-6), which reads its step
//! and a fixed provider from the fragment itself.

use leptos::prelude::*;

use super::app::use_deployment;
use super::pages::OrderWizard;
use crate::text::shell as text;

/// The order wizard for the fragment after `#/order`.
pub(crate) fn order_page(rest: String) -> AnyView {
    let _ = rest;
    match use_deployment() {
        Some(deployment) => view! { <OrderWizard deployment=deployment /> }.into_any(),
        None => view! {
            <section class="co-step" aria-labelledby="order-heading">
                <h1 id="order-heading" class="co-step__title" tabindex="-1">{text::NAV_ORDER}</h1>
                <p>{text::ORDER_UNAVAILABLE}</p>
            </section>
        }
        .into_any(),
    }
}
