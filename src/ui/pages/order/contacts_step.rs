//! Step 5: organisation and contact person, prefilled from the CSR subject.

use leptos::prelude::*;

use super::frame::{StepFrame, field_error, invalid};
use super::use_wizard;
use crate::text::wizard as text;
use crate::wizard::Step;
use crate::wizard::contacts::{self, Field};

const STEP: Step = Step::Contacts;

/// One text field.
fn text_field(field: Field) -> impl IntoView {
    let wizard = use_wizard().wizard;
    let id = field.id;
    let kind = match id {
        "contact-email" => "email",
        "contact-phone" => "tel",
        _ => "text",
    };
    let hint = (id == "contact-phone").then(|| {
        view! { <p class="co-field__hint" id=format!("{id}-hint")>{text::PHONE_HINT}</p> }
    });
    view! {
        <div class="co-field">
            <label class="co-field__label" for=id>{field.label}</label>
            {hint}
            {field_error(STEP, id.to_owned())}
            <input
                id=id
                type=kind
                autocomplete=field.autocomplete
                list=(id == "org-state").then_some("us-states")
                required=field.required
                aria-describedby=format!("{id}-error {id}-hint")
                aria-invalid=invalid(STEP, id.to_owned())
                prop:value=move || wizard.with(|w| w.contact_value(id))
                // Into the draft as typed, not on blur: a reload keeps the field being typed.
                on:input:target=move |ev| {
                    let value = ev.target().value();
                    wizard.update(|w| w.set_contact_value(id, value));
                }
            />
        </div>
    }
}

/// Step 5's page.
#[component]
pub(crate) fn ContactsStep() -> impl IntoView {
    let wizard = use_wizard().wizard;
    wizard.update(|w| w.prefill_contacts());
    // Followed, not read once: after a reload the catalog (and with it the product) arrives
    // after the step is on the page.
    let needed = Memo::new(move |_| {
        wizard.with(|w| match (w.product(), &w.capabilities) {
            (Some(p), Some(c)) => contacts::needed(p, c),
            _ => contacts::Needed::default(),
        })
    });
    let organisation = move || {
        let needed = needed.get();
        needed.organization.then(|| organisation_fieldset(needed))
    };
    let contact = move || needed.get().contact.then(contact_fieldset);
    view! {
        <StepFrame step=STEP heading=text::CONTACTS_HEADING>
            <p class="co-step__lead">{text::CONTACTS_LEAD}</p>
            {organisation}
            {contact}
        </StepFrame>
    }
}

/// The organisation's fields.
fn organisation_fieldset(needed: contacts::Needed) -> impl IntoView {
    let wizard = use_wizard().wizard;
    {
        let fields = contacts::organization_fields(needed)
            .into_iter()
            .map(text_field)
            .collect_view();
        let country = move || wizard.with(|w| w.contact_value("org-country"));
        let options = contacts::countries()
            .iter()
            .map(|code| {
                let code = *code;
                view! { <option value=code prop:selected=move || country() == code>{code}</option> }
            })
            .collect_view();
        view! {
            <fieldset class="co-fieldset">
                <legend>{text::ORGANISATION}</legend>
                {fields}
                <div class="co-field">
                    <label class="co-field__label" for="org-country">{text::ORG_COUNTRY}</label>
                    {field_error(STEP, "org-country".into())}
                    <select
                        id="org-country"
                        autocomplete="country"
                        aria-describedby="org-country-error"
                        aria-invalid=invalid(STEP, "org-country".into())
                        on:change:target=move |ev| {
                            let value = ev.target().value();
                            wizard.update(|w| w.set_contact_value("org-country", value));
                        }
                    >
                        <option value="">{text::ORG_COUNTRY}</option>
                        {options}
                    </select>
                </div>
                <datalist id="us-states">
                    {contacts::US_STATES
                        .iter()
                        .map(|s| view! { <option value=*s></option> })
                        .collect_view()}
                </datalist>
            </fieldset>
        }
    }
}

/// The contact person's fields.
fn contact_fieldset() -> impl IntoView {
    {
        let fields = contacts::contact_fields()
            .into_iter()
            .map(text_field)
            .collect_view();
        view! {
            <fieldset class="co-fieldset">
                <legend>{text::CONTACT}</legend>
                {fields}
            </fieldset>
        }
    }
}
