//! What every step page has: "Step n of m", the back link, the heading (focused when the step
//! opens), the error summary (focused when a Continue finds errors) and the Continue button.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::use_wizard;
use crate::text::wizard as text;
use crate::wizard::{FieldError, Step};

/// Focuses the element with `id`, if the page has it.
pub(crate) fn focus_id(id: &str) {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}

/// One step's page.
#[component]
pub(crate) fn StepFrame(
    /// Which step.
    step: Step,
    /// The heading.
    heading: &'static str,
    /// Whether the Continue button is shown (the last step has its own submit).
    #[prop(default = true)]
    with_continue: bool,
    /// The step's content.
    children: Children,
) -> impl IntoView {
    let ctx = use_wizard();
    let wizard = ctx.wizard;
    let heading_ref = NodeRef::<html::H1>::new();
    let summary_ref = NodeRef::<html::Div>::new();
    // The heading takes focus once the step is on the page, so a screen reader starts here.
    Effect::new(move || {
        if let Some(h) = heading_ref.get() {
            let _ = h.focus();
        }
    });
    let first = ctx.summary_focus.get_untracked();
    Effect::new(move || {
        if ctx.summary_focus.get() != first
            && let Some(s) = summary_ref.get_untracked()
        {
            let _ = s.focus();
        }
    });
    let position = move || {
        wizard.with(|w| {
            let steps = w.steps();
            let n = steps.iter().position(|s| *s == step).map_or(1, |i| i + 1);
            text::step_of(n, steps.len())
        })
    };
    let back = move || wizard.with(|w| w.previous(step));
    let errors = Memo::new(move |_| wizard.with(|w| w.shown_errors(step)));
    view! {
        <section class="co-step" aria-labelledby="step-heading" data-step=step.slug()>
            {move || {
                back()
                    .map(|to| {
                        view! {
                            <a class="co-back" href=to.fragment()>
                                {text::BACK}
                            </a>
                        }
                    })
            }}
            <p class="co-step__count">{position}</p>
            <h1 id="step-heading" class="co-step__title" tabindex="-1" node_ref=heading_ref>
                {heading}
            </h1>
            <div
                class="co-summary"
                role="alert"
                tabindex="-1"
                node_ref=summary_ref
                hidden=move || errors.with(Vec::is_empty)
            >
                <h2 class="co-summary__title">{text::ERROR_SUMMARY}</h2>
                <ul class="co-summary__list">
                    {move || {
                        errors
                            .get()
                            .into_iter()
                            .map(|e| {
                                let id = e.field.clone();
                                view! {
                                    <li>
                                        <a
                                            href=format!("#{}", e.field)
                                            on:click=move |ev| {
                                                ev.prevent_default();
                                                focus_id(&id);
                                            }
                                        >
                                            {e.message}
                                        </a>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </div>
            {children()}
            {with_continue
                .then(|| {
                    view! {
                        <div class="co-actions">
                            <button
                                type="button"
                                class="co-button"
                                on:click=move |_| ctx.continue_from(step)
                            >
                                {text::CONTINUE}
                            </button>
                        </div>
                    }
                })}
        </section>
    }
}

/// The message of `field`'s error, shown beside it once the step's errors are shown.
pub(crate) fn field_error(step: Step, field: String) -> impl IntoView {
    let wizard = use_wizard().wizard;
    let id = format!("{field}-error");
    let message = move || {
        wizard.with(|w| {
            w.shown_errors(step)
                .into_iter()
                .find(|e: &FieldError| e.field == field)
                .map(|e| e.message)
        })
    };
    move || {
        message().map(|m| {
            view! {
                <p class="co-field__error" id=id.clone()>
                    {m}
                </p>
            }
        })
    }
}

/// Whether `field` has a shown error, for `aria-invalid`.
pub(crate) fn invalid(step: Step, field: String) -> impl Fn() -> &'static str + Copy + 'static {
    let wizard = use_wizard().wizard;
    let field = StoredValue::new(field);
    move || {
        let bad = wizard
            .with(|w| field.with_value(|f| w.shown_errors(step).iter().any(|e| &e.field == f)));
        if bad { "true" } else { "false" }
    }
}

/// A call's progress or failure, with a retry where retrying is safe.
#[component]
pub(crate) fn CallState(
    /// The message while loading, or `None` when nothing runs.
    #[prop(into)]
    loading: Signal<Option<&'static str>>,
    /// The failure to show, with whether a retry is offered.
    #[prop(into)]
    failed: Signal<Option<(String, bool)>>,
    /// What a retry does.
    retry: Callback<()>,
) -> impl IntoView {
    view! {
        <div class="co-call" aria-live="polite">
            {move || loading.get().map(|m| view! { <p class="co-progress" role="status">{m}</p> })}
            {move || {
                failed
                    .get()
                    .map(|(message, retry_safe)| {
                        view! {
                            <div class="co-alert co-alert--error" role="alert">
                                <p>{message}</p>
                                {retry_safe
                                    .then(|| {
                                        view! {
                                            <button
                                                type="button"
                                                class="co-button co-button--secondary"
                                                on:click=move |_| retry.run(())
                                            >
                                                {text::RETRY}
                                            </button>
                                        }
                                    })}
                            </div>
                        }
                    })
            }}
        </div>
    }
}
