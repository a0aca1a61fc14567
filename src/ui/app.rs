//! The widget's shell.

use super::pages::CsrPage;
use leptos::prelude::*;

/// The whole widget: a header and the current page.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <header class="co-header">
            <p class="co-header__brand">"certorder"</p>
        </header>
        <main class="co-main" id="main">
            <CsrPage />
        </main>
    }
}
