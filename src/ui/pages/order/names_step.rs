//! Step 3: the names, prefilled from the CSR, added and removed one at a time.

use leptos::prelude::*;

use super::frame::{StepFrame, field_error, invalid};
use super::{calls, use_wizard};
use crate::text::wizard as text;
use crate::wizard::name_check::{self, NameCheckStatus};
use crate::wizard::{Step, names};

const STEP: Step = Step::Names;

/// Step 3's page.
#[component]
pub(crate) fn NamesStep() -> impl IntoView {
    let ctx = use_wizard();
    let wizard = ctx.wizard;
    let add = move || wizard.update(|w| w.add_typed_name());
    let being_added = move || wizard.with(|w| w.draft.name_being_added.clone());
    // The provider's own check, asked whenever the names on the page call for one it has not
    // answered: on entering the step and after each edit, addition or removal (each a single
    // event, not a keystroke, so nothing needs debouncing).
    Effect::new(move || {
        if wizard.with(|w| name_check::due(w).is_some()) {
            calls::check_names(ctx, false);
        }
    });
    let names_only = (!wizard.with_untracked(|w| w.takes_csr())).then(|| {
        let provider = ctx
            .provider()
            .map(|(offer, _)| offer.display_name)
            .unwrap_or_default();
        view! { <p class="co-note">{text::names_only(&provider)}</p> }
    });
    let from_csr = move || {
        wizard.with(|w| !w.draft.csr_names.is_empty() && w.draft.names == w.draft.csr_names)
    };
    let count = move || wizard.with(names::count_line);
    let mismatch = move || wizard.with(names::csr_mismatch);
    // A memo: typing in the add-name box changes the draft, not the rows, and must not
    // rebuild them on every keystroke.
    let name_rows = Memo::new(move |_| wizard.with(names::rows));
    let rows = move || {
        name_rows
            .get()
            .into_iter()
            .enumerate()
            .map(|(index, row)| {
                let id = names::field_id(index);
                let described = format!("{id}-error {id}-notes");
                let shown = row.shown.clone();
                view! {
                    <li class="co-name">
                        <label class="co-field__label" for=id.clone()>{text::name_label(index)}</label>
                        {field_error(STEP, id.clone())}
                        <div class="co-name__row">
                            <input
                                id=id.clone()
                                type="text"
                                inputmode="url"
                                autocomplete="off"
                                spellcheck="false"
                                aria-describedby=described
                                aria-invalid=invalid(STEP, id.clone())
                                prop:value=row.shown.clone()
                                on:input:target=move |ev| {
                                    let typed = ev.target().value();
                                    wizard.update(|w| w.type_name_edit(index, typed));
                                }
                                on:change:target=move |ev| {
                                    let value = ev.target().value();
                                    wizard.update(|w| w.edit_name(index, value));
                                }
                            />
                            <button
                                type="button"
                                class="co-button co-button--secondary"
                                on:click=move |_| wizard.update(|w| w.remove_name(index))
                            >
                                {text::remove_name(&shown)}
                            </button>
                        </div>
                        <div id=format!("{id}-notes") class="co-field__hint">
                            {row.sent_as.map(|a| view! { <p>{text::sent_as(&a)}</p> })}
                            {row.notes.into_iter().map(|n| view! { <p>{n}</p> }).collect_view()}
                        </div>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <StepFrame step=STEP heading=text::NAMES_HEADING>
            <p class="co-step__lead">{text::NAMES_LEAD}</p>
            {names_only}
            {move || from_csr().then(|| view! { <p class="co-note">{text::NAMES_FROM_CSR}</p> })}
            <p class="co-names__count" aria-live="polite">{count}</p>
            <ProviderCheck />
            <ul class="co-names">{rows}</ul>
            <div class="co-field">
                <label class="co-field__label" for="add-name">{text::ADD_NAME_LABEL}</label>
                {field_error(STEP, "add-name".into())}
                <div class="co-name__row">
                    <input
                        id="add-name"
                        type="text"
                        inputmode="url"
                        autocomplete="off"
                        spellcheck="false"
                        aria-describedby="add-name-error"
                        aria-invalid=invalid(STEP, "add-name".into())
                        prop:value=being_added
                        on:input:target=move |ev| {
                            let typed = ev.target().value();
                            wizard.update(|w| w.type_name_to_add(typed));
                        }
                        on:keydown=move |ev| {
                            if ev.key() == "Enter" {
                                ev.prevent_default();
                                add();
                            }
                        }
                    />
                    <button type="button" class="co-button co-button--secondary" on:click=move |_| add()>
                        {text::ADD_NAME}
                    </button>
                </div>
            </div>
            {move || {
                mismatch()
                    .into_iter()
                    .map(|m| view! { <p class="co-note co-note--warning">{m}</p> })
                    .collect_view()
            }}
        </StepFrame>
    }
}

/// The provider's check of the names: progress in the live region, then its verdict; a check
/// that failed says the customer can go on, with a retry where retrying is safe.
#[component]
fn ProviderCheck() -> impl IntoView {
    let ctx = use_wizard();
    let status = Memo::new(move |_| ctx.wizard.with(name_check::status));
    let body = move || {
        let current = status.get();
        let message = current.message()?;
        Some(match current {
            NameCheckStatus::Checking => {
                view! { <p class="co-progress" role="status">{message}</p> }.into_any()
            }
            NameCheckStatus::Refused(_) => {
                view! { <p class="co-note co-note--warning">{message}</p> }.into_any()
            }
            NameCheckStatus::Failed { retry, .. } => view! {
                <div class="co-note co-note--warning">
                    <p>{message}</p>
                    {retry
                        .then(|| {
                            view! {
                                <button
                                    type="button"
                                    class="co-button co-button--secondary"
                                    on:click=move |_| calls::check_names(ctx, true)
                                >
                                    {text::NAME_CHECK_RETRY}
                                </button>
                            }
                        })}
                </div>
            }
            .into_any(),
            _ => view! { <p class="co-note">{message}</p> }.into_any(),
        })
    };
    view! { <div class="co-call" aria-live="polite">{body}</div> }
}
