//! The order wizard's state machine and step rules, natively: steps per provider, the CSR
//! prefill, names, validation, contacts, and the one submit with its Idempotency-Key.

#![allow(clippy::expect_used)]

use certorder::order::DcvMethod;
use certorder::product::{FreeTwin, Money, OrderField, Period, ProductKind, ValidationLevel};
use certorder::provider::{
    Provider, gandi_v5::GandiV5, gjirafa, realtimeregister::RealtimeRegister, ssl247::Ssl247,
};
use certorder::wizard::review::SubmitOutcome;
use certorder::wizard::{
    OrderRoute, Step, Wizard, WizardDraft, contacts, names, review, validation,
};
use certorder::{Product, ProviderKind};

const GOOD_CSR: &str = include_str!("fixtures/csr/widget/good.csr");

fn product(provider: ProviderKind, id: &str, kind: ProductKind, level: ValidationLevel) -> Product {
    Product {
        provider,
        id: id.into(),
        name: format!("{id} certificate"),
        brand: None,
        validation: level,
        kind,
        included_names: Some(2),
        max_names: Some(3),
        wildcard_sans: false,
        free_twin: FreeTwin::Both,
        periods: vec![Period::years(1), Period::years(2)],
        required_fields: Vec::new(),
        optional_fields: Vec::new(),
        dcv_methods: Vec::new(),
        price: Some(Money::new(1250, Some("EUR"))),
        warranty: None,
    }
}

/// A wizard at `provider` with one product in its catalog, chosen, period chosen.
fn wizard_with(provider: &dyn Provider, product: Product) -> Wizard {
    let mut w = Wizard::default();
    w.set_provider(provider.kind(), provider.capabilities());
    let id = product.id.clone();
    w.catalog = certorder::wizard::Load::Ready(vec![product]);
    w.choose_product(&id);
    w.choose_period(Period::years(1));
    w
}

/// A Gandi v5 wizard on a DV multi-name product, the names step's usual ground.
fn gandi_v5_multi() -> Wizard {
    let p = product(
        ProviderKind::GandiV5,
        "multi",
        ProductKind::Multi,
        ValidationLevel::Dv,
    );
    wizard_with(&GandiV5, p)
}

fn gjirafa_adapter() -> gjirafa::Gjirafa {
    let project = gjirafa::ProjectId::parse("0f8fad5b-d9cb-469f-a165-70867728950e");
    gjirafa::Gjirafa::new(project.expect("a uuid"), 1)
}

// Guards: a chosen product comes with its first period (the one its price is for); a
// period chosen before stays when the next product sells it too.
#[test]
fn a_product_comes_with_a_period() {
    let one = product(
        ProviderKind::Ssl247,
        "one",
        ProductKind::Single,
        ValidationLevel::Dv,
    );
    let mut two = one.clone();
    two.id = "two".into();
    let mut w = Wizard::default();
    w.set_provider(ProviderKind::Ssl247, Ssl247.capabilities());
    w.catalog = certorder::wizard::Load::Ready(vec![one, two]);
    w.choose_product("one");
    assert_eq!(w.draft.period, Some(Period::years(1)));
    assert!(w.errors(Step::Product).is_empty());
    w.choose_period(Period::years(2));
    w.choose_product("two");
    assert_eq!(w.draft.period, Some(Period::years(2)));
}

// Guards: a provider whose API has no catalog (Gjirafa) offers its one product without a
// request; with it the first step is complete (no period to choose), and the products of
// providers with a catalog are never made up.
#[test]
fn a_provider_without_a_catalog_offers_its_one_product() {
    let adapter = gjirafa_adapter();
    let known = adapter.known_products().expect("Gjirafa's one product");
    assert_eq!(known.len(), 1);
    assert!(known[0].periods.is_empty() && known[0].wildcard_sans);
    let mut w = Wizard::default();
    w.set_provider(adapter.kind(), adapter.capabilities());
    w.catalog = certorder::wizard::Load::Ready(known.clone());
    w.choose_product(&known[0].id);
    assert!(
        w.errors(Step::Product).is_empty(),
        "{:?}",
        w.errors(Step::Product)
    );
    assert!(GandiV5.known_products().is_none());
    assert!(Ssl247.known_products().is_none());
}

// Guards: Gjirafa takes names only, so its order has no CSR step; a DV product no contacts
// step; an OV product has one.
#[test]
fn steps_follow_provider_and_product() {
    let dv = product(
        ProviderKind::Gjirafa,
        "le",
        ProductKind::Single,
        ValidationLevel::Dv,
    );
    let w = wizard_with(&gjirafa_adapter(), dv);
    assert_eq!(
        w.steps(),
        vec![Step::Product, Step::Names, Step::Validation, Step::Review]
    );
    assert_eq!(w.next(Step::Product), Some(Step::Names));
    let ov = product(
        ProviderKind::Ssl247,
        "ov",
        ProductKind::Single,
        ValidationLevel::Ov,
    );
    let w = wizard_with(&Ssl247, ov);
    assert!(w.steps().contains(&Step::Csr) && w.steps().contains(&Step::Contacts));
    assert_eq!(w.previous(Step::Review), Some(Step::Contacts));
}

// Guards: a Continue with errors stays and shows them; a bookmark of a later step opens the
// first incomplete one.
#[test]
fn continue_checks_the_step() {
    let p = product(
        ProviderKind::RealtimeRegister,
        "std",
        ProductKind::Single,
        ValidationLevel::Dv,
    );
    let mut w = wizard_with(&RealtimeRegister::default(), p);
    assert_eq!(w.continue_from(Step::Product), Step::Csr);
    assert_eq!(w.continue_from(Step::Csr), Step::Csr);
    assert_eq!(w.shown_errors(Step::Csr).len(), 1);
    assert_eq!(w.shown_errors(Step::Csr)[0].field, "csr-text");
    assert_eq!(w.reachable(Step::Review), Step::Csr);
    let fresh = Wizard::default();
    assert_eq!(fresh.reachable(Step::Names), Step::Product);
    assert!(OrderRoute::parse("#/order/review").is_some());
}

// Guards: the CSR's names prefill step 3; a pasted private key never reaches storage; the
// stored draft reads back equal.
#[test]
fn csr_prefills_and_storage_keeps_no_key() {
    let p = product(
        ProviderKind::GandiV5,
        "std",
        ProductKind::Multi,
        ValidationLevel::Dv,
    );
    let mut w = wizard_with(&GandiV5, p);
    w.draft.set_csr(GOOD_CSR.to_owned());
    assert_eq!(
        w.draft.names,
        vec!["shop.certorder-demo.nl", "www.shop.certorder-demo.nl"]
    );
    assert!(w.errors(Step::Csr).is_empty());
    let stored = w.draft.to_storage();
    assert_eq!(WizardDraft::from_storage(&stored), w.draft);
    assert_eq!(
        WizardDraft::from_storage("not json"),
        WizardDraft::default()
    );
    let mut with_key = w.draft.clone();
    with_key.csr = format!(
        "{GOOD_CSR}\n-----BEGIN PRIVATE KEY-----\nMIIBVQIBADANBgkqhkiG9w0BAQEFAASCAT8wggE7AgEAAkEA\n-----END PRIVATE KEY-----\n"
    );
    let stored = with_key.to_storage();
    assert!(!stored.contains("PRIVATE KEY"), "{stored}");
    assert!(stored.contains("CERTIFICATE REQUEST"));
}

// Guards: a name typed in the add-name box and not added yet survives a reload, is not part of
// the order, and is added once, emptying the box; a blank box adds nothing.
#[test]
fn a_name_being_typed_is_kept_until_added() {
    let mut w = gandi_v5_multi();
    w.add_name("example.com");
    w.type_name_to_add(" shop.example.com ".into());
    let stored = WizardDraft::from_storage(&w.draft.to_storage());
    assert_eq!(stored.name_being_added, " shop.example.com ");
    assert_eq!(stored.names, ["example.com"], "typed is not added");
    let draft = w.order_draft().expect("a draft");
    assert!(draft.sans.iter().all(|n| n.ascii() != "shop.example.com"));
    w.add_typed_name();
    assert_eq!(w.draft.names, ["example.com", "shop.example.com"]);
    assert_eq!(w.draft.name_being_added, "");
    w.type_name_to_add("   ".into());
    w.add_typed_name();
    assert_eq!(w.draft.names.len(), 2, "a blank box adds nothing");
    assert_eq!(w.draft.name_being_added, "");
}

// Guards: a listed name being edited (typed in, its field not left yet) is kept in the draft
// and applied when the draft is resumed after a reload; leaving the field applies it and
// forgets the pending text; an in-doubt draft is never changed by it.
#[test]
fn a_name_being_edited_survives_a_reload() {
    let mut w = gandi_v5_multi();
    w.add_name("example.com");
    w.add_name("shop.example.com");
    w.type_name_edit(1, "store.example.com".into());
    assert_eq!(
        w.draft.names[1], "shop.example.com",
        "not applied while typing"
    );
    let resumed = Wizard::resume(WizardDraft::from_storage(&w.draft.to_storage()));
    assert_eq!(resumed.draft.names, ["example.com", "store.example.com"]);
    assert!(resumed.draft.names_being_edited.is_empty());

    w.edit_name(1, "store.example.com".into());
    assert!(
        w.draft.names_being_edited.is_empty(),
        "applied on leaving the field"
    );
    w.type_name_edit(5, "nowhere.example.com".into());
    assert!(w.draft.names_being_edited.is_empty(), "no such name");

    let mut sent = complete_wizard();
    sent.begin_submit(|| "key-1".to_owned()).expect("sent");
    let before = sent.draft.names.clone();
    sent.type_name_edit(0, "changed.example.com".into());
    let resumed = Wizard::resume(WizardDraft::from_storage(&sent.draft.to_storage()));
    assert!(resumed.draft.locked());
    assert_eq!(
        resumed.draft.names, before,
        "an in-doubt draft keeps its names"
    );
}

// Guards: an IDN is shown as its U-label and sent as its A-label; a repeat is flagged on the
// later row; the free twin is noted and not counted; too many names is the model's error.
#[test]
fn names_rules() {
    let mut w = gandi_v5_multi();
    w.add_name("bücher.nl");
    w.add_name("www.bücher.nl");
    let rows = names::rows(&w);
    assert_eq!(rows[0].shown, "bücher.nl");
    assert_eq!(rows[0].sent_as.as_deref(), Some("xn--bcher-kva.nl"));
    let draft = w.order_draft().expect("a draft");
    assert_eq!(
        draft.common_name.as_ref().map(|n| n.ascii()),
        Some("xn--bcher-kva.nl")
    );
    assert!(
        rows[1].notes.iter().any(|n| n.contains("included free")),
        "{rows:?}"
    );
    assert!(names::count_line(&w).starts_with("1 of up to 3"));
    w.add_name("xn--bcher-kva.nl");
    let errors = w.errors(Step::Names);
    assert!(
        errors.iter().any(|e| e.field == names::field_id(2)),
        "{errors:?}"
    );
    assert!(rows.iter().all(|r| r.error.is_none()), "{rows:?}");
    w.remove_name(2);
    w.add_name("a.bücher.nl");
    w.add_name("b.bücher.nl");
    w.add_name("c.bücher.nl");
    let errors = w.errors(Step::Names);
    assert!(
        errors.iter().any(|e| e.message.contains("at most 3")),
        "{errors:?}"
    );
    w.add_name("intranet.local");
    assert!(
        w.errors(Step::Names)
            .iter()
            .any(|e| e.field == names::field_id(5))
    );
}

// Guards: a name a wildcard covers is noted (not blocked); a CSR name left out is explained.
#[test]
fn wildcard_cover_and_csr_mismatch() {
    let mut p = product(
        ProviderKind::GandiV5,
        "wild",
        ProductKind::Wildcard,
        ValidationLevel::Dv,
    );
    p.wildcard_sans = true;
    p.free_twin = FreeTwin::None;
    let mut w = wizard_with(&GandiV5, p);
    w.draft.set_csr(GOOD_CSR.to_owned());
    w.draft.names = vec![
        "*.certorder-demo.nl".into(),
        "shop.certorder-demo.nl".into(),
    ];
    let rows = names::rows(&w);
    assert!(
        rows[1].notes.iter().any(|n| n.contains("already covers")),
        "{rows:?}"
    );
    let mismatch = names::csr_mismatch(&w);
    assert!(
        mismatch
            .iter()
            .any(|m| m.contains("www.shop.certorder-demo.nl")),
        "{mismatch:?}"
    );
    assert!(
        mismatch
            .iter()
            .any(|m| m.contains("*.certorder-demo.nl is not in your CSR"))
    );
}

// Guards: a wildcard is never offered a file method; one method per order at Gandi, with
// constructed approvers and why they qualify; per name at Realtime Register, whose approvers
// come from its own look-up.
#[test]
fn validation_rules() {
    let mut p = product(
        ProviderKind::GandiV5,
        "wild",
        ProductKind::Wildcard,
        ValidationLevel::Dv,
    );
    p.free_twin = FreeTwin::None;
    let mut w = wizard_with(&GandiV5, p);
    w.add_name("*.example.com");
    let methods = validation::order_methods(&w);
    assert!(!methods.contains(&DcvMethod::Http) && methods.contains(&DcvMethod::Dns));
    assert!(!validation::per_name(&w));
    w.choose_order_method(DcvMethod::Email);
    let rows = validation::rows(&w);
    let options = rows[0].approvers.ready().expect("constructed");
    assert_eq!(options[0].email, "admin@example.com");
    assert!(options[0].why.contains("3.2.2.4.4"));
    assert_eq!(
        w.errors(Step::Validation)[0].field,
        validation::approver_field(0)
    );
    w.choose_approver("*.example.com", "hostmaster@example.com".into());
    assert!(w.errors(Step::Validation).is_empty());
    let draft = w.order_draft().expect("draft");
    assert_eq!(
        draft.dcv[0].approver.as_deref(),
        Some("hostmaster@example.com")
    );
    w.choose_order_method(DcvMethod::Dns);
    assert!(validation::preview_possible(&w));
    assert_eq!(w.order_draft().expect("draft").dcv.len(), 1);

    let p = product(
        ProviderKind::RealtimeRegister,
        "rtr",
        ProductKind::Multi,
        ValidationLevel::Dv,
    );
    let mut w = wizard_with(&RealtimeRegister::default(), p);
    w.add_name("example.com");
    w.add_name("shop.example.com");
    assert!(validation::per_name(&w));
    assert_eq!(w.errors(Step::Validation).len(), 2);
    w.choose_name_method("example.com", DcvMethod::Dns);
    w.choose_name_method("shop.example.com", DcvMethod::Dns);
    // The review says one method once, and each name's where they differ.
    let validation_line = |w: &Wizard| {
        review::summary(w)
            .into_iter()
            .find(|r| r.change == Step::Validation)
            .map(|r| r.value)
    };
    assert_eq!(
        validation_line(&w).as_deref(),
        Some("DNS record for every name")
    );
    w.choose_name_method("shop.example.com", DcvMethod::Email);
    assert_eq!(
        validation_line(&w).as_deref(),
        Some("example.com: DNS record; shop.example.com: E-mail to an approver address")
    );
    assert_eq!(
        validation::approver_lookups_due(&w),
        vec!["shop.example.com"]
    );
    assert_eq!(
        w.errors(Step::Validation)[0].field,
        validation::approver_field(1)
    );

    // An approver chosen from the provider's list stays valid after a reload, while the
    // list is not read again (step 5 opened directly keeps the customer there); a list read
    // again that no longer has it decides.
    let listed = |emails: &[&str]| {
        certorder::wizard::Load::Ready(certorder::order::ApproverEmails {
            name: "shop.example.com".into(),
            emails: emails.iter().map(|e| (*e).to_owned()).collect(),
        })
    };
    w.approvers.insert(
        "shop.example.com".into(),
        listed(&["admin@shop.example.com"]),
    );
    w.choose_approver("shop.example.com", "admin@shop.example.com".into());
    assert!(w.errors(Step::Validation).is_empty());
    let mut reloaded = Wizard::resume(WizardDraft::from_storage(&w.draft.to_storage()));
    reloaded.set_provider(
        ProviderKind::RealtimeRegister,
        RealtimeRegister::default().capabilities(),
    );
    reloaded.catalog = w.catalog.clone();
    assert!(reloaded.errors(Step::Validation).is_empty());
    reloaded.approvers.insert(
        "shop.example.com".into(),
        listed(&["hostmaster@shop.example.com"]),
    );
    assert_eq!(
        reloaded.errors(Step::Validation)[0].field,
        validation::approver_field(1)
    );
}

// Guards: an OV product asks for organisation and contact, prefilled from the CSR subject;
// e-mail, phone and country are checked.
#[test]
fn contacts_rules() {
    let mut p = product(
        ProviderKind::Ssl247,
        "ov",
        ProductKind::Single,
        ValidationLevel::Ov,
    );
    p.required_fields = vec![OrderField::Coc];
    let mut w = wizard_with(&Ssl247, p.clone());
    assert!(contacts::needed(&p, &Ssl247.capabilities()).registration);
    w.draft.set_csr(GOOD_CSR.to_owned());
    w.prefill_contacts();
    assert_eq!(w.contact_value("org-name"), "Demo Shop");
    assert_eq!(w.contact_value("org-country"), "NL");
    w.set_contact_value("contact-email", "not-an-address".into());
    w.set_contact_value("contact-phone", "0612345678".into());
    w.set_contact_value("org-country", "NLD".into());
    let errors = w.errors(Step::Contacts);
    let field = |id: &str| {
        errors
            .iter()
            .find(|e| e.field == id)
            .map(|e| e.message.clone())
    };
    assert!(field("contact-email").is_some());
    assert!(field("contact-phone").is_some());
    assert!(
        field("org-country").is_some_and(|m| m.contains("NL")),
        "{errors:?}"
    );
    assert!(field("org-registration").is_some());
    assert!(field("org-city").is_some());
    w.set_contact_value("contact-phone", "+31 20 123 4567".into());
    assert!(
        w.errors(Step::Contacts)
            .iter()
            .all(|e| e.field != "contact-phone")
    );
}

/// A Gandi v5 wizard whose every step is complete.
fn complete_wizard() -> Wizard {
    let p = product(
        ProviderKind::GandiV5,
        "std",
        ProductKind::Multi,
        ValidationLevel::Dv,
    );
    let mut w = wizard_with(&GandiV5, p);
    w.draft.set_csr(GOOD_CSR.to_owned());
    w.choose_order_method(DcvMethod::Dns);
    w.set_terms(true);
    w
}

// Guards: one Idempotency-Key per attempt, reused after a reload, never a second order while
// one is in doubt, a new key for a changed draft after a refusal; a placed order clears the
// draft.
#[test]
fn one_submit_one_key() {
    let mut w = complete_wizard();
    for step in w.steps() {
        assert!(w.errors(step).is_empty(), "{step:?}: {:?}", w.errors(step));
    }
    let mut made = 0;
    let mut key = || {
        made += 1;
        format!("key-{made}")
    };
    let (_, first) = w.begin_submit(&mut key).expect("sent");
    assert_eq!(first, "key-1");
    assert!(w.submitting());
    assert!(
        w.begin_submit(&mut key).is_none(),
        "a double click sends once"
    );
    // A reload while sent: the stored draft keeps the key.
    let mut reloaded = Wizard::resume(WizardDraft::from_storage(&w.draft.to_storage()));
    reloaded.set_provider(ProviderKind::GandiV5, GandiV5.capabilities());
    reloaded.catalog = w.catalog.clone();
    reloaded.finish_submit(SubmitOutcome::InDoubt);
    assert!(reloaded.draft.locked());
    let (_, again) = reloaded
        .begin_submit(&mut key)
        .expect("same draft, same key");
    assert_eq!(again, "key-1");
    reloaded.finish_submit(SubmitOutcome::InDoubt);
    reloaded.add_name("other.certorder-demo.nl");
    assert!(
        reloaded.begin_submit(&mut key).is_none(),
        "in doubt: no second order"
    );

    w.finish_submit(SubmitOutcome::Refused {
        message: "refused".into(),
    });
    w.add_name("shop2.certorder-demo.nl");
    let (_, changed) = w
        .begin_submit(&mut key)
        .expect("refused, changed: new attempt");
    assert_eq!(changed, "key-2");
    w.finish_submit(SubmitOutcome::Placed);
    assert_eq!(w.draft, WizardDraft::default());
}
