//! What the customer can do while validation is under way: send the validation again, change
//! its method, and in sandbox mode mark it done.

use leptos::prelude::*;

use super::tracker::Tracker;
use crate::order::{DcvMethod, OrderStatus};
use crate::status::change::{change_choice, methods_for};
use crate::status::instructions::method_words;
use crate::text::status as text;
use crate::ui::app::announce;
use crate::ui::storage;
use crate::ui::transport;

/// The buttons below the instructions, while the order waits for validation.
#[component]
pub(crate) fn Actions(tracker: Tracker) -> impl IntoView {
    let caps = tracker.provider.capabilities();
    let pending = {
        let state = tracker.state;
        Memo::new(move |_| {
            state.with(|s| {
                s.as_ref().is_some_and(|s| {
                    matches!(s.status, OrderStatus::Pending | OrderStatus::Processing)
                })
            })
        })
    };
    let working = RwSignal::new(false);

    let t = tracker.clone();
    let mark_done = move |_| {
        let t = t.clone();
        working.set(true);
        leptos::task::spawn_local(async move {
            let handle = t.handle.get_untracked();
            match transport::complete_sandbox_dcv(&t.offer, &handle).await {
                Ok(()) => {
                    announce(text::MARKED);
                    t.refresh_now();
                }
                Err(e) => t.error.set(Some(e)),
            }
            working.try_set(false);
        });
    };
    let t = tracker.clone();
    let resend = move |_| {
        let t = t.clone();
        working.set(true);
        leptos::task::spawn_local(async move {
            let handle = t.handle.get_untracked();
            match t.call(t.provider.resend_dcv(&handle)).await {
                Ok(()) => {
                    announce(text::RESENT);
                    t.refresh_now();
                }
                Err(e) => t.error.set(Some(e)),
            }
            working.try_set(false);
        });
    };

    let first_name = tracker
        .state
        .with_untracked(|s| s.as_ref().and_then(|s| s.names.first().cloned()))
        .unwrap_or_default();
    let methods = methods_for(&caps, &first_name);
    let method = RwSignal::new(0usize);
    let approver = RwSignal::new(String::new());
    let t = tracker.clone();
    let caps_change = caps.clone();
    let methods_change = methods.clone();
    let change = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(chosen) = methods_change.get(method.get_untracked()).cloned() else {
            return;
        };
        let name = t
            .state
            .with_untracked(|s| s.as_ref().and_then(|s| s.names.first().cloned()))
            .unwrap_or_default();
        let choice = change_choice(&caps_change, &name, chosen, &approver.get_untracked());
        let t = t.clone();
        working.set(true);
        leptos::task::spawn_local(async move {
            let handle = t.handle.get_untracked();
            match t.call(t.provider.change_dcv(&handle, &choice)).await {
                Ok(new_handle) => {
                    let kind = t.offer.kind;
                    let id = handle.id.clone();
                    storage::update_book(|book| {
                        book.record_handle(kind, &id, &new_handle, &Default::default())
                    });
                    t.handle.set(new_handle);
                    announce(text::CHANGED);
                    t.refresh_now();
                }
                Err(e) => t.error.set(Some(e)),
            }
            working.try_set(false);
        });
    };
    let sandbox = tracker.offer.sandbox;
    let can_resend = caps.resend_dcv;
    let can_change = caps.change_dcv && methods.len() > 1;
    move || {
        pending.get().then(|| {
            let methods = methods.clone();
            let change = change.clone();
            view! {
                <section class="co-actions" aria-label=text::DCV_ACTIONS>
                    {can_resend.then(|| view! {
                        <button type="button" class="co-button co-button--secondary" disabled=move || working.get() on:click=resend.clone()>{text::RESEND}</button>
                    })}
                    {can_change.then(|| view! {
                        <form class="co-change" on:submit=change>
                            <label class="co-field__label" for="new-dcv-method">{text::NEW_METHOD}</label>
                            <select id="new-dcv-method" on:change=move |ev| method.set(event_target_value(&ev).parse().unwrap_or(0))>
                                {methods.iter().enumerate().map(|(i, m)| view! { <option value=i.to_string()>{method_words(m)}</option> }).collect_view()}
                            </select>
                            <Show when=move || methods.get(method.get()) == Some(&DcvMethod::Email)>
                                <label class="co-field__label" for="new-dcv-approver">{text::APPROVER}</label>
                                <input id="new-dcv-approver" type="email" autocomplete="email" on:input=move |ev| approver.set(event_target_value(&ev)) />
                            </Show>
                            <button type="submit" class="co-button co-button--secondary" disabled=move || working.get()>{text::APPLY_CHANGE}</button>
                        </form>
                    })}
                    {sandbox.then(|| view! {
                        <div class="co-sandbox-control">
                            <button type="button" class="co-button" disabled=move || working.get() on:click=mark_done.clone()>{text::MARK_DCV_DONE}</button>
                            <p class="co-field__hint">{text::MARK_DCV_HINT}</p>
                        </div>
                    })}
                </section>
            }
        })
    }
}
