//! The DCV part of the status page: per-name instructions with a copy button each, "copy
//! all", the validation file, and the method and approver chosen.

use leptos::prelude::*;

use super::data_url;
use super::tracker::Tracker;
use crate::order::DcvChoice;
use crate::status::instructions::method_words;
use crate::status::{copy_all, instructions};
use crate::text::status as text;
use crate::ui::app::announce;

/// Copies `text` to the clipboard and says whether it worked.
pub(crate) fn copy(content: String) {
    leptos::task::spawn_local(async move {
        let promise = window().navigator().clipboard().write_text(&content);
        match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(_) => announce(text::COPIED),
            Err(_) => announce(text::COPY_FAILED),
        }
    });
}

/// What the customer chose when ordering.
#[component]
pub(crate) fn ChosenValidation(choices: Vec<DcvChoice>) -> impl IntoView {
    (!choices.is_empty()).then(|| {
        view! {
            <dl class="co-facts" data-testid="chosen-validation">
                {choices.into_iter().map(|choice| {
                    let scope = choice.name.as_ref().map_or_else(|| text::ALL_NAMES.to_owned(), |n| n.unicode().to_owned());
                    let approver = choice.approver.clone().map(|a| view! { " · "{text::APPROVER}": "<span data-testid="chosen-approver">{a}</span> });
                    view! {
                        <dt>{text::CHOSEN_VALIDATION}" ("{scope}")"</dt>
                        <dd><span data-testid="chosen-method">{method_words(&choice.method)}</span>{approver}</dd>
                    }
                }).collect_view()}
            </dl>
        }
    })
}

/// The per-name instructions while validation is under way.
#[component]
pub(crate) fn DcvInstructions(tracker: Tracker) -> impl IntoView {
    let items = Memo::new(move |_| tracker.validations.with(|v| instructions(v)));
    move || {
        let items = items.get();
        if items.is_empty() || tracker.certificate.with(Option::is_some) {
            return None;
        }
        let all = copy_all(&items);
        Some(view! {
            <section class="co-dcv" aria-labelledby="dcv-heading" data-testid="dcv">
                <h2 id="dcv-heading">{text::DCV_HEADING}</h2>
                {(!all.is_empty()).then(|| view! {
                    <button type="button" class="co-button co-button--secondary" on:click=move |_| copy(all.clone())>{text::COPY_ALL}</button>
                })}
                <ul class="co-dcv__names">
                    {items.into_iter().map(|item| {
                        let copy_text = item.copy_text.clone();
                        let has_fields = !item.fields.is_empty();
                        let copy_label = text::copy_for(&item.name);
                        view! {
                            <li class="co-dcv__name" data-testid="dcv-name" data-name=item.name.clone()>
                                <h3>{item.name.clone()}</h3>
                                <p>{item.method}" · "<span data-testid="dcv-status">{item.status}</span></p>
                                <p>{item.what_to_do.clone()}</p>
                                <dl class="co-dcv__fields">
                                    {item.fields.iter().map(|(label, value)| view! {
                                        <dt>{*label}</dt><dd><code>{value.clone()}</code></dd>
                                    }).collect_view()}
                                </dl>
                                {has_fields.then(|| view! {
                                    <button type="button" class="co-button co-button--secondary" on:click=move |_| copy(copy_text.clone())>{copy_label}</button>
                                })}
                                {item.file.map(|file| view! {
                                    <a class="co-button" href=data_url(file.media_type, &file.content) download=file.file_name.clone()>{file.label}</a>
                                })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        })
    }
}
