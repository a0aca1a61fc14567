//! Step 1: provider, product (filtered by validation level and kind), period with price.

use leptos::prelude::*;

use super::frame::{CallState, StepFrame, field_error};
use super::{calls, use_wizard};
use crate::product::{ProductKind, ValidationLevel};
use crate::text::wizard as text;
use crate::wizard::catalog::{self, ProductFilter};
use crate::wizard::{Load, Step};

const STEP: Step = Step::Product;

/// Step 1's page.
#[component]
pub(crate) fn ProductStep() -> impl IntoView {
    let ctx = use_wizard();
    let wizard = ctx.wizard;
    let offers = ctx.deployment.with_value(|d| d.providers.clone());
    let choose_provider = move |slug: String| {
        let Some(offer) = ctx
            .deployment
            .with_value(|d| d.offer_by_slug(&slug).ok().cloned())
        else {
            return;
        };
        if let Ok(provider) = offer.provider() {
            wizard.update(|w| w.set_provider(offer.kind, provider.capabilities()));
        }
    };
    let provider_picker = (!ctx.fixed_provider).then(|| {
        let radios = offers
            .into_iter()
            .map(|offer| {
                let slug = offer.kind.slug();
                let id = format!("provider-{slug}");
                let checked = move || wizard.with(|w| w.draft.provider == Some(offer.kind));
                view! {
                    <div class="co-choice">
                        <input
                            type="radio"
                            name="provider"
                            id=id.clone()
                            value=slug
                            prop:checked=checked
                            on:change=move |_| choose_provider(slug.to_owned())
                        />
                        <label for=id>
                            {offer.display_name.clone()}
                            {offer
                                .sandbox
                                .then(|| view! { <span class="co-tag">{text::SANDBOX}</span> })}
                        </label>
                    </div>
                }
            })
            .collect_view();
        view! {
            <fieldset class="co-fieldset" id="provider" tabindex="-1">
                <legend>{text::PROVIDER_LABEL}</legend>
                {field_error(STEP, "provider".into())}
                {radios}
            </fieldset>
        }
    });
    let fixed_name = ctx.fixed_provider.then(|| {
        let name = ctx
            .provider()
            .map(|(offer, _)| offer.display_name)
            .unwrap_or_default();
        view! { <p class="co-step__lead">{name}</p> }
    });

    let loading = Signal::derive(move || {
        wizard.with(|w| w.catalog.is_loading().then_some(text::CATALOG_LOADING))
    });
    let failed = Signal::derive(move || {
        wizard.with(|w| match &w.catalog {
            Load::Failed { message, retry } => {
                Some((format!("{} {message}", text::CATALOG_FAILED), *retry))
            }
            _ => None,
        })
    });
    let retry = Callback::new(move |()| calls::load_catalog(ctx));

    view! {
        <StepFrame step=STEP heading=text::PRODUCT_HEADING>
            {fixed_name}
            {provider_picker}
            <CallState loading=loading failed=failed retry=retry />
            {move || wizard.with(|w| w.catalog.ready().is_some()).then(|| view! { <Catalog /> })}
        </StepFrame>
    }
}

/// The filters, the product list and the period, once the catalog is read.
#[component]
fn Catalog() -> impl IntoView {
    let wizard = use_wizard().wizard;
    let products = move || wizard.with(|w| w.catalog.ready().cloned().unwrap_or_default());
    let levels = move || catalog::levels(&products());
    let kinds = move || catalog::kinds(&products());
    let level_word = |l: &ValidationLevel| serde_json::to_string(l).unwrap_or_default();
    let kind_word = |k: &ProductKind| serde_json::to_string(k).unwrap_or_default();
    let set_level = move |value: String| {
        let level = serde_json::from_slice(value.as_bytes()).ok();
        wizard.update(|w| {
            let filter = ProductFilter {
                level,
                ..w.draft.filter.clone()
            };
            w.set_filter(filter);
        });
    };
    let set_kind = move |value: String| {
        let kind = serde_json::from_slice(value.as_bytes()).ok();
        wizard.update(|w| {
            let filter = ProductFilter {
                kind,
                ..w.draft.filter.clone()
            };
            w.set_filter(filter);
        });
    };
    let visible = move || {
        wizard.with(|w| {
            let all = w.catalog.ready().cloned().unwrap_or_default();
            let mut shown: Vec<_> = catalog::visible(&all, &w.draft.filter)
                .into_iter()
                .cloned()
                .collect();
            // A chosen product stays on the list even when a filter would hide it.
            if let Some(chosen) = w.product()
                && !shown.iter().any(|p| p.id == chosen.id)
            {
                shown.insert(0, chosen.clone());
            }
            shown
        })
    };
    let product_list = move || {
        let shown = visible();
        if shown.is_empty() {
            return view! { <p class="co-empty">{text::NO_PRODUCT}</p> }.into_any();
        }
        shown
            .into_iter()
            .enumerate()
            .map(|(index, product)| {
                let id = format!("product-{index}");
                let code = product.id.clone();
                let chosen = product.id.clone();
                let checked = move || wizard.with(|w| w.draft.product.as_deref() == Some(&chosen));
                // The brand tells apart products of one name sold by several CAs.
                let facts = [
                    product.brand.clone().unwrap_or_default(),
                    text::level(&product.validation),
                    text::kind(&product.kind),
                    // "One name" says it all for a single-name product.
                    if product.kind == crate::product::ProductKind::Single {
                        String::new()
                    } else {
                        text::limits(product.included_names, product.max_names)
                    },
                    product
                        .price
                        .as_ref()
                        .map(|p| text::price_from(&p.to_string()))
                        .unwrap_or_default(),
                ]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" · ");
                view! {
                    <div class="co-choice co-choice--product">
                        <input
                            type="radio"
                            name="product"
                            id=id.clone()
                            prop:checked=checked
                            on:change=move |_| wizard.update(|w| w.choose_product(&code))
                        />
                        <label for=id>
                            <span class="co-choice__name">{product.name.clone()}</span>
                            <span class="co-choice__facts">{facts}</span>
                        </label>
                    </div>
                }
            })
            .collect_view()
            .into_any()
    };
    let periods =
        move || wizard.with(|w| w.product().map(catalog::period_options).unwrap_or_default());
    view! {
        <div class="co-filters">
            <div class="co-field">
                <label class="co-field__label" for="filter-level">{text::FILTER_LEVEL}</label>
                <select id="filter-level" on:change:target=move |ev| set_level(ev.target().value())>
                    <option value="">{text::FILTER_ANY}</option>
                    {move || {
                        levels()
                            .into_iter()
                            .map(|l| {
                                let value = level_word(&l);
                                let selected = wizard.with(|w| w.draft.filter.level.as_ref() == Some(&l));
                                view! { <option value=value selected=selected>{text::level(&l)}</option> }
                            })
                            .collect_view()
                    }}
                </select>
            </div>
            <div class="co-field">
                <label class="co-field__label" for="filter-kind">{text::FILTER_KIND}</label>
                <select id="filter-kind" on:change:target=move |ev| set_kind(ev.target().value())>
                    <option value="">{text::FILTER_ANY}</option>
                    {move || {
                        kinds()
                            .into_iter()
                            .map(|k| {
                                let value = kind_word(&k);
                                let selected = wizard.with(|w| w.draft.filter.kind.as_ref() == Some(&k));
                                view! { <option value=value selected=selected>{text::kind(&k)}</option> }
                            })
                            .collect_view()
                    }}
                </select>
            </div>
        </div>
        <fieldset class="co-fieldset" id="product" tabindex="-1">
            <legend>{text::PRODUCT_LABEL}</legend>
            {field_error(STEP, "product".into())}
            {product_list}
        </fieldset>
        {move || {
            let options = periods();
            (!options.is_empty())
                .then(|| {
                    view! {
                        <div class="co-field">
                            <label class="co-field__label" for="period">{text::PERIOD_LABEL}</label>
                            {field_error(STEP, "period".into())}
                            <select
                                id="period"
                                on:change:target=move |ev| {
                                    if let Ok(p) = serde_json::from_slice(ev.target().value().as_bytes()) {
                                        wizard.update(|w| w.choose_period(p));
                                    }
                                }
                            >
                                <option value="">{text::PERIOD_MISSING}</option>
                                {options
                                    .into_iter()
                                    .map(|(period, price)| {
                                        let value = serde_json::to_string(&period).unwrap_or_default();
                                        let selected = move || wizard.with(|w| w.draft.period == Some(period));
                                        view! {
                                            <option value=value prop:selected=selected>
                                                {format!("{period} · {price}")}
                                            </option>
                                        }
                                    })
                                    .collect_view()}
                            </select>
                        </div>
                    }
                })
        }}
    }
}
