//! The wizard's calls to the provider: each runs one adapter flow through `ui::transport`
//! and hands the answer to the wizard's state. Nothing here decides anything: the wizard says
//! what is due, the transport says what went wrong.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{WizardCtx, navigate};
use crate::client::{self, CallContext, CallError};
use crate::status::book::{OrderBook, PlacedOrder};
use crate::ui::transport;
use crate::wizard::Load;
use crate::wizard::review::{ProviderCheck, SubmitOutcome, provider_check};

/// A failed call as the wizard keeps it.
fn failed<T>(error: &CallError) -> Load<T> {
    Load::Failed {
        message: error.message(),
        retry: error.retry_safe(),
    }
}

/// Runs `build`'s flow for the chosen provider and hands the result to `done`; a flow that
/// cannot be built is a failure like any other.
fn call<T: 'static>(
    ctx: WizardCtx,
    build: impl FnOnce(
        &dyn crate::provider::Provider,
    ) -> Result<crate::provider::Flow<T>, crate::provider::ProviderError>
    + 'static,
    done: impl FnOnce(Result<T, CallError>) + 'static,
) {
    let Some((offer, provider)) = ctx.provider() else {
        return;
    };
    let flow = match build(provider.as_ref()) {
        Ok(flow) => flow,
        Err(e) => {
            done(Err(client::from_provider(offer.kind, e)));
            return;
        }
    };
    spawn_local(async move {
        let mut context = CallContext::default();
        let result = transport::run(&offer, flow, &mut context).await;
        done(result);
    });
}

/// Reads the chosen provider's catalog.
pub(crate) fn load_catalog(ctx: WizardCtx) {
    if let Some(products) = ctx.provider().and_then(|(_, p)| p.known_products()) {
        ctx.wizard.update(|w| w.catalog = Load::Ready(products));
        return;
    }
    ctx.wizard.update(|w| w.catalog = Load::Loading);
    call(
        ctx,
        |p| p.products(),
        move |result| {
            ctx.wizard.update(|w| {
                w.catalog = match result {
                    Ok(products) => Load::Ready(products),
                    Err(e) => failed(&e),
                };
            });
        },
    );
}

/// Asks the provider which approver addresses it accepts for `base` (an A-label).
pub(crate) fn load_approvers(ctx: WizardCtx, base: String) {
    let Some(product) = ctx.wizard.with_untracked(|w| w.draft.product.clone()) else {
        return;
    };
    ctx.wizard
        .update(|w| drop(w.approvers.insert(base.clone(), Load::Loading)));
    let name = base.clone();
    call(
        ctx,
        move |p| p.approvers(&product, &name),
        move |result| {
            ctx.wizard.update(|w| {
                let answer = match result {
                    Ok(list) => Load::Ready(list),
                    Err(e) => failed(&e),
                };
                w.approvers.insert(base, answer);
            });
        },
    );
}

/// Asks the provider to check the names on the page (step 3) when a check is due, or again
/// after a failure when `retry`. The wizard keeps the answer only for the names it was asked
/// about, so a late answer to names since changed is dropped there.
pub(crate) fn check_names(ctx: WizardCtx, retry: bool) {
    let asked = ctx
        .wizard
        .try_update(|w| {
            if retry {
                w.retry_name_check()
            } else {
                w.begin_name_check()
            }
        })
        .flatten();
    let Some(asked) = asked else {
        return;
    };
    let request = asked.clone();
    call(
        ctx,
        move |p| p.check_names(&request.product, &request.common_name, &request.sans),
        move |result| {
            ctx.wizard.update(|w| {
                let answer = match result {
                    Ok(checks) => Load::Ready(checks),
                    Err(e) => failed(&e),
                };
                w.finish_name_check(&asked, answer);
            });
        },
    );
}

/// Asks the provider what the customer will publish, before ordering.
pub(crate) fn load_preview(ctx: WizardCtx) {
    let Some(draft) = ctx.wizard.with_untracked(|w| w.order_draft()) else {
        return;
    };
    ctx.wizard.update(|w| w.preview = Load::Loading);
    call(
        ctx,
        move |p| p.dcv_preview(&draft),
        move |result| {
            ctx.wizard.update(|w| {
                w.preview = match result {
                    Ok(records) => Load::Ready(records),
                    Err(e) => failed(&e),
                };
            });
        },
    );
}

/// Asks the provider for its price or its check of the draft (step 6).
pub(crate) fn load_provider_check(ctx: WizardCtx) {
    let Some((draft, check)) = ctx
        .wizard
        .with_untracked(|w| w.order_draft().map(|d| (d, provider_check(w))))
    else {
        return;
    };
    match check {
        ProviderCheck::Quote => {
            ctx.wizard.update(|w| w.quote = Load::Loading);
            call(
                ctx,
                move |p| p.quote(&draft),
                move |result| {
                    ctx.wizard.update(|w| {
                        w.quote = match result {
                            Ok(quote) => Load::Ready(quote),
                            Err(e) => failed(&e),
                        };
                    });
                },
            );
        }
        ProviderCheck::DryRun => {
            ctx.wizard.update(|w| w.dry_run = Load::Loading);
            call(
                ctx,
                move |p| p.dry_run(&draft),
                move |result| {
                    ctx.wizard.update(|w| {
                        w.dry_run = match result {
                            Ok(()) => Load::Ready(()),
                            Err(e) => failed(&e),
                        };
                    });
                },
            );
        }
        ProviderCheck::None => {}
    }
}

/// A new Idempotency-Key: a random UUID from the browser's CSPRNG.
fn fresh_key() -> String {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.random_uuid())
        .unwrap_or_default()
}

fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// Keeps an order in this browser's order book, for the status page.
fn remember(order: PlacedOrder) {
    let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) else {
        return;
    };
    let mut book = storage
        .get_item(OrderBook::STORAGE_KEY)
        .ok()
        .flatten()
        .map(|json| OrderBook::from_json(&json))
        .unwrap_or_default();
    let href = order.status_href();
    book.add(order);
    let _ = storage.set_item(OrderBook::STORAGE_KEY, &book.to_json());
    navigate(&href);
}

/// Places the order, once: the attempt's key is made (or reused) by the wizard and sent on
/// the billable call; an answer in doubt opens the status page instead of a second order.
pub(crate) fn submit(ctx: WizardCtx) {
    let Some((draft, key)) = ctx
        .wizard
        .try_update(|w| w.begin_submit(fresh_key))
        .flatten()
    else {
        ctx.summary_focus.update(|n| *n += 1);
        return;
    };
    let Some((offer, provider)) = ctx.provider() else {
        return;
    };
    let kind = offer.kind;
    let flow = match provider.create_order(&draft) {
        Ok(flow) => flow,
        Err(e) => {
            let message = client::from_provider(kind, e).message();
            ctx.wizard
                .update(|w| w.finish_submit(SubmitOutcome::Refused { message }));
            return;
        }
    };
    let product_name = ctx
        .wizard
        .with_untracked(|w| w.product().map(|p| p.name.clone()));
    spawn_local(async move {
        let mut context = CallContext::for_attempt(key.clone());
        let result = transport::run(&offer, flow, &mut context).await;
        match result {
            Ok(state) => {
                remember(
                    PlacedOrder::placed(&state, &draft, &context, now_ms())
                        .with_product_name(product_name),
                );
                ctx.wizard
                    .update(|w| w.finish_submit(SubmitOutcome::Placed));
            }
            Err(e) if e.is_in_doubt() => {
                remember(
                    PlacedOrder::in_doubt(kind, &draft, &key, now_ms())
                        .with_product_name(product_name),
                );
                ctx.wizard
                    .update(|w| w.finish_submit(SubmitOutcome::InDoubt));
            }
            Err(e) => {
                let message = e.message();
                ctx.wizard
                    .update(|w| w.finish_submit(SubmitOutcome::Refused { message }));
            }
        }
    });
}
