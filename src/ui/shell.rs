//! What the shell mounts for `#/order…`: the order wizard (steps 1-6), which follows the
//! fragment itself once mounted.

use leptos::prelude::*;

use super::app::use_deployment;
use super::pages::OrderWizard;

/// The order wizard, with the deployment the shell loaded.
pub(crate) fn order_page() -> AnyView {
    match use_deployment() {
        Some(deployment) => view! { <OrderWizard deployment=deployment /> }.into_any(),
        None => ().into_any(),
    }
}
