//! The widget's shell: loads the deployment from the server the widget came from, routes the
//! URL fragment to a page (`crate::shell::Page`), and owns the live region every page
//! announces status messages through.

use leptos::prelude::*;

use super::pages::{CsrPage, OrdersPage, StatusPage};
use super::transport;
use crate::deployment::Deployment;
use crate::shell::Page;
use crate::text::shell as text;

/// The polite live region's message; pages set it through [`announce`].
#[derive(Clone, Copy)]
pub struct LiveRegion(RwSignal<String>);

/// Says `message` to assistive technology, through the shell's polite live region.
pub fn announce(message: impl Into<String>) {
    if let Some(LiveRegion(region)) = use_context::<LiveRegion>() {
        region.set(message.into());
    }
}

/// The deployment, for pages below the shell (it is loaded before any page that needs it
/// renders).
pub fn use_deployment() -> Option<Deployment> {
    use_context::<Deployment>()
}

/// Where the deployment stands.
#[derive(Clone)]
enum Loading {
    Pending,
    Ready(Deployment),
    Failed(String),
}

fn current_fragment() -> String {
    window().location().hash().unwrap_or_default()
}

/// Moves focus to the page's heading, so a screen reader starts there after a page change.
pub fn focus_heading(id: &'static str) {
    request_animation_frame(move || {
        if let Some(element) = document().get_element_by_id(id) {
            use wasm_bindgen::JsCast;
            if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
                let _ = element.focus();
            }
        }
    });
}

/// The whole widget: header, navigation, the current page and the live region.
#[component]
pub fn App() -> impl IntoView {
    let live = RwSignal::new(String::new());
    provide_context(LiveRegion(live));
    let fragment = RwSignal::new(current_fragment());
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        fragment.set(current_fragment());
    });
    on_cleanup(move || listener.remove());
    let page = Memo::new(move |_| Page::from_fragment(&fragment.get()));
    // What is mounted changes only between pages, never between the wizard's steps.
    let mounted = Memo::new(move |_| page.with(Page::mount));

    let loading = RwSignal::new(Loading::Pending);
    let load = move || {
        loading.set(Loading::Pending);
        leptos::task::spawn_local(async move {
            loading.set(match transport::load_deployment().await {
                Ok(deployment) => Loading::Ready(deployment),
                Err(error) => Loading::Failed(error.message()),
            });
        });
    };
    load();

    let sandbox = move || {
        loading.with(|l| matches!(l, Loading::Ready(d) if d.any_sandbox()))
            // A landmark of its own: all content of the page is in one (axe's "region" rule).
            .then(|| view! { <aside class="co-banner" aria-label=text::SANDBOX_LABEL data-testid="sandbox-banner">{text::SANDBOX_BANNER}</aside> })
    };
    view! {
        <header class="co-header">
            <p class="co-header__brand">{text::BRAND}</p>
            <nav class="co-nav" aria-label=text::NAV_LABEL>
                <a href="#/order">{text::NAV_ORDER}</a>
                <a href="#/orders">{text::NAV_ORDERS}</a>
                <a href="#/csr">{text::NAV_CSR}</a>
            </nav>
        </header>
        {sandbox}
        <main class="co-main" id="main">
            {move || {
                if mounted.get() == Page::Csr {
                    return view! { <CsrPage /> }.into_any();
                }
                match loading.get() {
                    Loading::Pending => view! { <p class="co-progress" role="status">{text::LOADING_CONFIG}</p> }.into_any(),
                    Loading::Failed(message) => view! {
                        <section class="co-alert" role="alert">
                            <h1 class="co-alert__title">{text::CONFIG_FAILED}</h1>
                            <p>{message}</p>
                            <button type="button" class="co-button" on:click=move |_| load()>{text::RETRY}</button>
                        </section>
                    }.into_any(),
                    Loading::Ready(deployment) => view! { <Routed page=mounted deployment=deployment /> }.into_any(),
                }
            }}
        </main>
        <div class="co-visually-hidden" role="status" aria-live="polite" data-testid="live-region">
            {move || live.get()}
        </div>
    }
}

/// The pages that need the deployment, with it in context.
#[component]
fn Routed(page: Memo<Page>, deployment: Deployment) -> impl IntoView {
    provide_context(deployment);
    move || {
        match page.get() {
        Page::Order { .. } => super::shell::order_page(),
        Page::Status { provider, id } => view! { <StatusPage provider=provider id=id /> }.into_any(),
        Page::Orders => view! { <OrdersPage /> }.into_any(),
        Page::Csr => view! { <CsrPage /> }.into_any(),
        Page::NotFound => view! {
            <section class="co-step" aria-labelledby="not-found-heading">
                <h1 id="not-found-heading" class="co-step__title" tabindex="-1">{text::NOT_FOUND}</h1>
                <p>{text::NOT_FOUND_HINT}</p>
                <p><a href="#/order">{text::NAV_ORDER}</a></p>
            </section>
        }.into_any(),
    }
    }
}
