//! Step 6: check your answers, the provider's price or check, the terms, one submit.

use leptos::prelude::*;

use super::frame::{CallState, StepFrame, field_error, invalid};
use super::{calls, use_wizard};
use crate::status::book::status_href;
use crate::text::wizard as text;
use crate::wizard::review::{self, ProviderCheck};
use crate::wizard::{AttemptState, Load, Step};

const STEP: Step = Step::Review;

/// Step 6's page.
#[component]
pub(crate) fn ReviewStep() -> impl IntoView {
    let ctx = use_wizard();
    let wizard = ctx.wizard;
    // The provider's price or check, asked once the answers are complete.
    Effect::new(move || {
        if wizard.with(review::provider_check_due) {
            calls::load_provider_check(ctx);
        }
    });
    let rows = move || {
        wizard
            .with(review::summary)
            .into_iter()
            .map(|row| {
                let locked = wizard.with(|w| w.draft.locked());
                view! {
                    <div class="co-summary-list__row">
                        <dt>{row.label}</dt>
                        <dd>{row.value}</dd>
                        <dd class="co-summary-list__change">
                            {(!locked)
                                .then(|| {
                                    view! {
                                        <a href=row.change.fragment()>
                                            {text::CHANGE}
                                            <span class="co-visually-hidden">
                                                {format!(" {}", row.label.to_lowercase())}
                                            </span>
                                        </a>
                                    }
                                })}
                        </dd>
                    </div>
                }
            })
            .collect_view()
    };
    let check = wizard.with_untracked(review::provider_check);
    let loading = Signal::derive(move || {
        wizard.with(|w| {
            if w.quote.is_loading() {
                Some(text::QUOTE_LOADING)
            } else if w.dry_run.is_loading() {
                Some(text::DRY_RUN_LOADING)
            } else {
                None
            }
        })
    });
    let failed = Signal::derive(move || {
        wizard.with(|w| match (&w.quote, &w.dry_run) {
            (Load::Failed { message, retry }, _) | (_, Load::Failed { message, retry }) => {
                Some((format!("{} {message}", text::PROVIDER_CHECK_FAILED), *retry))
            }
            _ => None,
        })
    });
    let retry = Callback::new(move |()| {
        wizard.update(|w| w.reset_provider_answers());
    });
    let check_line = move || {
        wizard.with(|w| match check {
            ProviderCheck::Quote => w.quote.ready().map(|q| {
                let lines: Vec<String> = q
                    .lines
                    .iter()
                    .map(|l| format!("{} × {}: {}", l.quantity, l.description, l.amount))
                    .collect();
                format!("{} ({})", q.total, lines.join("; "))
            }),
            ProviderCheck::DryRun => w.dry_run.ready().map(|()| text::DRY_RUN_OK.to_owned()),
            ProviderCheck::None => Some(text::NO_QUOTE.to_owned()),
        })
    };
    let attempt = move || wizard.with(|w| w.draft.attempt.as_ref().map(|a| a.state.clone()));
    let submitting = move || wizard.with(|w| w.submitting());
    let outcome = move || match attempt() {
        Some(AttemptState::Refused { message }) => Some(
            view! {
                <div class="co-alert co-alert--error" role="alert">
                    <p>{text::SUBMIT_REFUSED}</p>
                    <p>{message}</p>
                </div>
            }
            .into_any(),
        ),
        Some(AttemptState::InDoubt) => {
            let href = wizard.with(|w| {
                w.draft
                    .provider
                    .zip(w.draft.attempt.as_ref())
                    .map(|(p, a)| status_href(p, &a.key))
                    .unwrap_or_default()
            });
            Some(
                view! {
                    <div class="co-alert" role="alert">
                        <p>{text::IN_DOUBT}</p>
                        <p>{text::LOCKED_IN_DOUBT}</p>
                        <a class="co-button" href=href>{text::GO_TO_STATUS}</a>
                    </div>
                }
                .into_any(),
            )
        }
        _ => None,
    };
    view! {
        <StepFrame step=STEP heading=text::REVIEW_HEADING with_continue=false>
            <dl class="co-summary-list">{rows}</dl>
            <div class="co-provider-check" id="provider-check" tabindex="-1">
                {field_error(STEP, "provider-check".into())}
                <CallState loading=loading failed=failed retry=retry />
                {move || check_line().map(|l| view! { <p class="co-price">{l}</p> })}
            </div>
            <div class="co-field co-field--check">
                {field_error(STEP, "terms".into())}
                <input
                    id="terms"
                    type="checkbox"
                    aria-describedby="terms-error"
                    aria-invalid=invalid(STEP, "terms".into())
                    prop:checked=move || wizard.with(|w| w.draft.terms)
                    on:change:target=move |ev| {
                        let accepted = ev.target().checked();
                        wizard.update(|w| w.set_terms(accepted));
                    }
                />
                <label for="terms">{text::TERMS}</label>
            </div>
            {outcome}
            <div class="co-actions">
                <button
                    type="button"
                    class="co-button"
                    disabled=submitting
                    aria-busy=move || if submitting() { "true" } else { "false" }
                    on:click=move |_| calls::submit(ctx)
                >
                    {move || if submitting() { text::SUBMITTING } else { text::SUBMIT }}
                </button>
            </div>
        </StepFrame>
    }
}
