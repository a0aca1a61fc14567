//! Step 7: one order's status, what to do per name, and the downloads once issued. The
//! order is read on arrival and then polled with backoff (`crate::status::poll`); every rule
//! and sentence comes from `crate::status` and the text catalog.

mod actions;
mod dcv;
mod tracker;

use leptos::prelude::*;

use crate::provider::ProviderKind;
use crate::status::{certificate_downloads, last_checked, status_words};
use crate::text::status as text;
use crate::ui::app::{focus_heading, use_deployment};
use crate::ui::storage;
use actions::Actions;
use dcv::{ChosenValidation, DcvInstructions};
use tracker::Tracker;

/// The status page of the order `id` at `provider`, as this browser's order book knows it.
#[component]
pub fn StatusPage(provider: ProviderKind, id: String) -> impl IntoView {
    focus_heading("status-heading");
    let book = storage::load_book();
    let Some(order) = book.get(provider, &id).cloned() else {
        return view! {
            <section class="co-step" aria-labelledby="status-heading">
                <h1 id="status-heading" class="co-step__title" tabindex="-1">{text::HEADING}</h1>
                <p class="co-alert" role="alert">{text::UNKNOWN_ORDER}</p>
                <p><a href="#/orders">{crate::text::shell::NAV_ORDERS}</a></p>
            </section>
        }
        .into_any();
    };
    let names = order.names.join(", ");
    let summary = view! {
        <dl class="co-facts" data-testid="order-summary">
            <dt>{if order.in_doubt { text::IN_DOUBT_REFERENCE } else { text::ORDER_ID }}</dt><dd data-testid="order-id">{order.handle.id.clone()}</dd>
            <dt>{text::PROVIDER}</dt><dd>{provider.name()}</dd>
            <dt>{text::PRODUCT}</dt><dd>{order.product_shown().to_owned()}</dd>
            <dt>{text::NAMES}</dt><dd>{names}</dd>
        </dl>
    };
    if order.in_doubt {
        return view! {
            <section class="co-step" aria-labelledby="status-heading" data-testid="in-doubt">
                <h1 id="status-heading" class="co-step__title" tabindex="-1">{text::IN_DOUBT_HEADING}</h1>
                <p class="co-alert" role="alert">{text::IN_DOUBT}</p>
                {summary}
            </section>
        }
        .into_any();
    }
    let offer = use_deployment().and_then(|d| d.offer(provider).cloned());
    let tracker = offer.and_then(|offer| Tracker::new(offer, order.clone()));
    let Some(tracker) = tracker else {
        let message = crate::client::CallError::Configuration(
            crate::deployment::DeploymentError::NotOffered(provider.name().to_owned()),
        )
        .message();
        return view! {
            <section class="co-step" aria-labelledby="status-heading">
                <h1 id="status-heading" class="co-step__title" tabindex="-1">{text::HEADING}</h1>
                {summary}
                <p class="co-alert" role="alert">{message}</p>
            </section>
        }
        .into_any();
    };
    tracker.start();
    let t = tracker.clone();
    let status = move || {
        t.state.with(|s| {
            s.as_ref()
                .map(|s| status_words(&s.status))
                .unwrap_or(text::CHECKING)
        })
    };
    let checked = move || last_checked(tracker.checked.get(), tracker.now.get());
    let t = tracker.clone();
    let busy = move || {
        t.busy
            .get()
            .then(|| view! { <p class="co-progress" role="status">{text::CHECKING}</p> })
    };
    let t = tracker.clone();
    let error = move || {
        t.error.get().map(|e| view! { <p class="co-alert" role="alert" data-testid="status-error">{e.message()}</p> })
    };
    let t = tracker.clone();
    let check_now = move |_| t.refresh_now();
    let t = tracker.clone();
    let common_name = order.names.first().cloned().unwrap_or_default();
    let downloads = move || {
        t.certificate.get().map(|certificate| {
            let files = certificate_downloads(&certificate, &common_name);
            view! {
                <section class="co-downloads" aria-labelledby="downloads-heading" data-testid="downloads">
                    <h2 id="downloads-heading">{text::DOWNLOADS_HEADING}</h2>
                    <ul>
                        {files.into_iter().map(|file| view! {
                            <li><a class="co-button" href=data_url(file.media_type, &file.content) download=file.file_name.clone()>{file.label.clone()}</a></li>
                        }).collect_view()}
                    </ul>
                </section>
            }
        })
    };
    view! {
        <section class="co-step co-status" aria-labelledby="status-heading">
            <h1 id="status-heading" class="co-step__title" tabindex="-1">{text::HEADING}</h1>
            {summary}
            <p class="co-status__state">
                <strong>{text::STATUS}": "</strong>
                <span data-testid="order-status">{status}</span>
            </p>
            <p class="co-status__checked">
                <span data-testid="last-checked">{checked}</span>" "
                <button type="button" class="co-button co-button--secondary" on:click=check_now>{text::CHECK_NOW}</button>
            </p>
            {busy}
            {error}
            <ChosenValidation choices=order.dcv.clone() />
            {downloads}
            <DcvInstructions tracker=tracker.clone() />
            <Actions tracker=tracker.clone() />
        </section>
    }
    .into_any()
}

/// A `data:` URL for a download link (the content percent-encoded).
pub(crate) fn data_url(media_type: &str, content: &str) -> String {
    let encoded = String::from(js_sys::encode_uri_component(content));
    format!("data:{media_type};charset=utf-8,{encoded}")
}
