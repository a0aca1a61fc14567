//! Step 4: the DCV method (per order or per name) and the approver address of each name
//! validated by e-mail, with a preview of the record or file where the provider gives one.

use leptos::prelude::*;

use super::frame::{CallState, StepFrame, field_error, invalid};
use super::{calls, use_wizard};
use crate::order::{DcvInstruction, DcvMethod};
use crate::text::wizard as text;
use crate::wizard::validation::{self, DcvRow};
use crate::wizard::{Load, Step};

const STEP: Step = Step::Validation;

fn method_value(method: &DcvMethod) -> String {
    serde_json::to_string(method).unwrap_or_default()
}

/// A `<select>` of DCV methods.
fn method_select(
    id: String,
    label: String,
    methods: Vec<DcvMethod>,
    chosen: Option<DcvMethod>,
    on_pick: impl Fn(DcvMethod) + 'static,
) -> impl IntoView {
    let options = methods
        .into_iter()
        .map(|m| {
            let selected = chosen.as_ref() == Some(&m);
            view! { <option value=method_value(&m) selected=selected>{text::method(&m)}</option> }
        })
        .collect_view();
    view! {
        <div class="co-field">
            <label class="co-field__label" for=id.clone()>{label}</label>
            {field_error(STEP, id.clone())}
            <select
                id=id.clone()
                aria-describedby=format!("{id}-error")
                aria-invalid=invalid(STEP, id.clone())
                on:change:target=move |ev| {
                    if let Ok(m) = serde_json::from_slice(ev.target().value().as_bytes()) {
                        on_pick(m);
                    }
                }
            >
                <option value="" selected=chosen.is_none()>{text::METHOD_MISSING}</option>
                {options}
            </select>
        </div>
    }
}

/// Step 4's page.
#[component]
pub(crate) fn ValidationStep() -> impl IntoView {
    let ctx = use_wizard();
    let wizard = ctx.wizard;
    wizard.update(|w| w.default_dcv());
    // The provider's approver lists, asked for as soon as a name is validated by e-mail.
    Effect::new(move || {
        for base in wizard.with(validation::approver_lookups_due) {
            calls::load_approvers(ctx, base);
        }
    });
    let per_name = wizard.with_untracked(validation::per_name);
    let order_method = (!per_name).then_some({
        move || {
            let (methods, chosen) =
                wizard.with(|w| (validation::order_methods(w), w.draft.dcv.method.clone()));
            method_select(
                validation::ORDER_METHOD_FIELD.to_owned(),
                text::METHOD_ORDER_LABEL.to_owned(),
                methods,
                chosen,
                move |m| wizard.update(|w| w.choose_order_method(m)),
            )
        }
    });
    let wildcard_note = move || {
        wizard
            .with(validation::has_wildcard)
            .then(|| view! { <p class="co-note">{text::WILDCARD_NO_FILE}</p> })
    };
    let rows = move || {
        wizard
            .with(validation::rows)
            .into_iter()
            .enumerate()
            .map(|(index, row)| view! { <NameDcv index=index row=row per_name=per_name /> })
            .collect_view()
    };
    view! {
        <StepFrame step=STEP heading=text::VALIDATION_HEADING>
            <p class="co-step__lead">{text::VALIDATION_LEAD}</p>
            {wildcard_note}
            {order_method}
            <ul class="co-dcv">{rows}</ul>
            <Preview />
        </StepFrame>
    }
}

/// One name: its method (per-name providers) and approver.
#[component]
fn NameDcv(index: usize, row: DcvRow, per_name: bool) -> impl IntoView {
    let ctx = use_wizard();
    let wizard = ctx.wizard;
    let name = row.name.ascii().to_owned();
    let shown = row.name.unicode().to_owned();
    let method = per_name.then(|| {
        let name = name.clone();
        method_select(
            validation::method_field(index),
            text::method_label(&shown),
            row.methods.clone(),
            row.chosen.clone(),
            move |m| wizard.update(|w| w.choose_name_method(&name, m)),
        )
    });
    let approvers = (row.chosen == Some(DcvMethod::Email)).then(|| {
        let id = validation::approver_field(index);
        let base = row.name.base().ascii().to_owned();
        let label = text::approver_label(&shown);
        let body = match row.approvers.clone() {
            Load::Ready(options) => options
                .into_iter()
                .enumerate()
                .map(|(i, option)| {
                    let option_id = format!("{id}-{i}");
                    let name = name.clone();
                    let email = option.email.clone();
                    let checked = row.approver.as_deref() == Some(option.email.as_str());
                    view! {
                        <div class="co-choice">
                            <input
                                type="radio"
                                name=id.clone()
                                id=option_id.clone()
                                checked=checked
                                on:change=move |_| {
                                    wizard.update(|w| w.choose_approver(&name, email.clone()))
                                }
                            />
                            <label for=option_id>
                                <span class="co-choice__name">{option.email}</span>
                                <span class="co-choice__facts">{option.why}</span>
                            </label>
                        </div>
                    }
                })
                .collect_view()
                .into_any(),
            other => {
                let loading = matches!(other, Load::Loading | Load::Idle);
                let failed = match other {
                    Load::Failed { message, retry } => {
                        Some((format!("{} {message}", text::APPROVERS_FAILED), retry))
                    }
                    _ => None,
                };
                view! {
                    <CallState
                        loading=Signal::derive(move || loading.then_some(text::APPROVERS_LOADING))
                        failed=Signal::derive(move || failed.clone())
                        retry=Callback::new(move |()| calls::load_approvers(ctx, base.clone()))
                    />
                }
                .into_any()
            }
        };
        view! {
            // A radio group by role, named by its legend, so assistive technology announces
            // it (and its position among the options) as one choice.
            <fieldset
                class="co-fieldset"
                id=id.clone()
                tabindex="-1"
                role="radiogroup"
                aria-labelledby=format!("{id}-legend")
            >
                <legend id=format!("{id}-legend")>{label}</legend>
                {field_error(STEP, id.clone())}
                {body}
            </fieldset>
        }
    });
    view! {
        <li class="co-dcv__name">
            <h2 class="co-dcv__title">{row.name.unicode().to_owned()}</h2>
            {method}
            {approvers}
        </li>
    }
}

/// The record or file to publish, where the provider computes it before ordering.
#[component]
fn Preview() -> impl IntoView {
    let ctx = use_wizard();
    let wizard = ctx.wizard;
    let possible = move || wizard.with(validation::preview_possible);
    let records = move || {
        wizard.with(|w| {
            validation::preview(w)
                .map(<[_]>::to_vec)
                .unwrap_or_default()
        })
    };
    let loading = Signal::derive(move || {
        wizard.with(|w| w.preview.is_loading().then_some(text::PREVIEW_LOADING))
    });
    let failed = Signal::derive(move || {
        wizard.with(|w| match &w.preview {
            Load::Failed { message, retry } => {
                Some((format!("{} {message}", text::PREVIEW_FAILED), *retry))
            }
            _ => None,
        })
    });
    move || {
        if !possible() {
            return view! { <p class="co-field__hint">{text::PREVIEW_AFTER}</p> }.into_any();
        }
        let list = records()
            .into_iter()
            .map(|v| {
                let what = match v.instruction {
                    Some(DcvInstruction::Dns(r)) => {
                        let kind = serde_json::to_string(&r.record_type).unwrap_or_default();
                        format!(
                            "{}: {} {} {}",
                            v.name,
                            r.name,
                            kind.trim_matches('"'),
                            r.value
                        )
                    }
                    Some(DcvInstruction::File { url, content }) => {
                        format!("{}: {url}\n{content}", v.name)
                    }
                    Some(DcvInstruction::Email { approver }) => format!("{}: {approver}", v.name),
                    Some(DcvInstruction::Text { message }) => format!("{}: {message}", v.name),
                    None => v.name.clone(),
                };
                view! { <li><pre class="co-code">{what}</pre></li> }
            })
            .collect_view();
        view! {
            <section class="co-preview" aria-labelledby="preview-heading">
                <h2 id="preview-heading">{text::PREVIEW_HEADING}</h2>
                <button
                    type="button"
                    class="co-button co-button--secondary"
                    on:click=move |_| calls::load_preview(ctx)
                    disabled=move || wizard.with(|w| w.preview.is_loading())
                >
                    {text::PREVIEW}
                </button>
                <CallState loading=loading failed=failed retry=Callback::new(move |()| calls::load_preview(ctx)) />
                <ul class="co-preview__list">{list}</ul>
            </section>
        }
        .into_any()
    }
}
