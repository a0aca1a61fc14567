//! Step 3's check of the names by the provider itself (SSL247), natively: asked once the
//! names pass the wizard's rules, its answer kept for exactly the names asked about, a refused
//! name an error beside it that blocks Continue, a failed check shown with a retry that
//! blocks nothing.

#![allow(clippy::expect_used)]

use certorder::order::{NameCheck, NameChecks, NameVerdict};
use certorder::product::{FreeTwin, Money, Period, ProductKind, ValidationLevel};
use certorder::provider::{Provider, realtimeregister::RealtimeRegister, ssl247::Ssl247};
use certorder::wizard::name_check::{self, NameCheckRequest, NameCheckStatus};
use certorder::wizard::{Load, Step, Wizard, names};
use certorder::{Product, ProviderKind};

const GOOD_CSR: &str = include_str!("fixtures/csr/widget/good.csr");

fn product(provider: ProviderKind, id: &str) -> Product {
    Product {
        provider,
        id: id.into(),
        name: format!("{id} certificate"),
        brand: None,
        validation: ValidationLevel::Dv,
        kind: ProductKind::Multi,
        included_names: Some(2),
        max_names: Some(5),
        wildcard_sans: false,
        free_twin: FreeTwin::None,
        periods: vec![Period::years(1)],
        required_fields: Vec::new(),
        optional_fields: Vec::new(),
        dcv_methods: Vec::new(),
        price: Some(Money::new(4900, Some("GBP"))),
        warranty: None,
    }
}

/// A wizard at `provider` with the multi-name product chosen and the good CSR given (its
/// names, shop. and www.shop.certorder-demo.nl, prefilled).
fn wizard(provider: &dyn Provider) -> Wizard {
    let mut w = Wizard::default();
    w.set_provider(provider.kind(), provider.capabilities());
    let products = vec![
        product(provider.kind(), "multi"),
        product(provider.kind(), "other"),
    ];
    w.catalog = Load::Ready(products);
    w.choose_product("multi");
    w.draft.set_csr(GOOD_CSR.to_owned());
    w
}

fn verdicts(request: &NameCheckRequest, refused: &[(&str, &str)]) -> Load<NameChecks> {
    let names = std::iter::once(&request.common_name)
        .chain(&request.sans)
        .map(|n| {
            let reason = refused.iter().find(|(r, _)| *r == n.ascii());
            NameCheck {
                name: n.ascii().to_owned(),
                verdict: match reason {
                    Some((_, why)) => NameVerdict::Refused {
                        reason: (*why).to_owned(),
                    },
                    None => NameVerdict::Accepted,
                },
            }
        })
        .collect();
    Load::Ready(NameChecks { names })
}

// Guards: the check is due once, for the names as ordered (A-labels); while it runs nothing
// blocks; a refused SAN is an error beside it, shown at once, that blocks Continue; removing
// it makes the answer stale, and the new check's acceptance lets the customer go on.
#[test]
fn a_refused_name_blocks_until_removed() {
    let mut w = wizard(&Ssl247);
    w.add_name("refused.bücher.nl");
    let request = name_check::due(&w).expect("a check is due");
    assert_eq!(request.product, "multi");
    assert_eq!(request.common_name.ascii(), "shop.certorder-demo.nl");
    let sans: Vec<&str> = request.sans.iter().map(|n| n.ascii()).collect();
    assert_eq!(
        sans,
        ["www.shop.certorder-demo.nl", "refused.xn--bcher-kva.nl"]
    );
    assert_eq!(name_check::status(&w), NameCheckStatus::NotAsked);

    assert_eq!(w.begin_name_check(), Some(request.clone()));
    assert_eq!(name_check::due(&w), None, "asked once");
    assert_eq!(w.begin_name_check(), None);
    assert_eq!(name_check::status(&w), NameCheckStatus::Checking);
    assert!(
        w.errors(Step::Names).is_empty(),
        "a running check blocks nothing"
    );

    w.finish_name_check(
        &request,
        verdicts(
            &request,
            &[("refused.xn--bcher-kva.nl", "blocked by policy.")],
        ),
    );
    assert_eq!(name_check::status(&w), NameCheckStatus::Refused(1));
    let shown = w.shown_errors(Step::Names);
    assert_eq!(shown.len(), 1, "{shown:?}");
    assert_eq!(shown[0].field, names::field_id(2));
    assert!(
        shown[0].message.contains("refused.bücher.nl")
            && shown[0].message.contains("blocked by policy")
            && shown[0].message.contains("Remove"),
        "{shown:?}"
    );
    assert_eq!(
        names::rows(&w)[2].error.as_deref(),
        Some(shown[0].message.as_str())
    );
    assert_eq!(w.continue_from(Step::Names), Step::Names);
    assert_eq!(w.reachable(Step::Validation), Step::Names);

    w.remove_name(2);
    assert!(w.errors(Step::Names).is_empty());
    assert_eq!(name_check::status(&w), NameCheckStatus::NotAsked);
    let again = w.begin_name_check().expect("the new names are checked");
    assert_eq!(again.sans.len(), 1);
    w.finish_name_check(&again, verdicts(&again, &[]));
    assert_eq!(name_check::status(&w), NameCheckStatus::Accepted);
    assert_eq!(w.continue_from(Step::Names), Step::Validation);
}

// Guards: an answer for names no longer on the page is dropped, and changing the product
// makes an answer stale too.
#[test]
fn an_answer_belongs_to_its_names_and_product() {
    let mut w = wizard(&Ssl247);
    let first = w.begin_name_check().expect("due");
    w.add_name("refused.certorder-demo.nl");
    let second = w
        .begin_name_check()
        .expect("the changed names are asked about");
    w.finish_name_check(
        &first,
        verdicts(&first, &[("shop.certorder-demo.nl", "stale")]),
    );
    assert_eq!(name_check::status(&w), NameCheckStatus::Checking);
    assert!(w.errors(Step::Names).is_empty());
    w.finish_name_check(
        &second,
        verdicts(&second, &[("refused.certorder-demo.nl", "no")]),
    );
    assert_eq!(name_check::status(&w), NameCheckStatus::Refused(1));

    w.choose_product("other");
    assert_eq!(name_check::status(&w), NameCheckStatus::NotAsked);
    assert!(w.errors(Step::Names).is_empty());
    assert_eq!(
        name_check::due(&w).map(|r| r.product),
        Some("other".to_owned())
    );
}

// Guards: a check that could not be made blocks nothing, says so, is not asked again by
// itself, and is asked again on a retry.
#[test]
fn a_failed_check_does_not_block() {
    let mut w = wizard(&Ssl247);
    let request = w.begin_name_check().expect("due");
    w.finish_name_check(
        &request,
        Load::Failed {
            message: "The network failed".into(),
            retry: true,
        },
    );
    let status = name_check::status(&w);
    assert_eq!(
        status,
        NameCheckStatus::Failed {
            message: "The network failed".into(),
            retry: true
        }
    );
    let said = status.message().expect("the page says it");
    assert!(
        said.contains("The network failed") && said.contains("go on"),
        "{said}"
    );
    assert!(w.errors(Step::Names).is_empty());
    assert_eq!(w.continue_from(Step::Names), Step::Validation);
    assert_eq!(name_check::due(&w), None, "no retry loop");
    assert_eq!(w.retry_name_check(), Some(request.clone()));
    assert_eq!(name_check::status(&w), NameCheckStatus::Checking);
    // Whatever the failure, a check is safe to ask again.
    w.finish_name_check(
        &request,
        Load::Failed {
            message: "SSL247 error 500: Service unavailable.".into(),
            retry: false,
        },
    );
    assert!(matches!(
        name_check::status(&w),
        NameCheckStatus::Failed { retry: true, .. }
    ));
    let said = name_check::status(&w).message().expect("said");
    assert!(
        said.contains("Service unavailable. You can go on"),
        "{said}"
    );
    assert_eq!(w.retry_name_check(), Some(request));
    assert_eq!(name_check::status(&w), NameCheckStatus::Checking);
    assert_eq!(w.retry_name_check(), None, "only a failed check is retried");
}

// Guards: nothing is asked where the provider has no such check, nor while the names break
// the wizard's own rules (a duplicate), and a refusal for an empty reason still says what to
// do.
#[test]
fn asked_only_where_it_can_tell_something() {
    let w = wizard(&RealtimeRegister::default());
    assert_eq!(name_check::request(&w), None);
    assert_eq!(name_check::status(&w), NameCheckStatus::NotApplicable);
    assert_eq!(name_check::status(&w).message(), None);

    let mut w = wizard(&Ssl247);
    w.add_name("shop.certorder-demo.nl");
    assert_eq!(name_check::due(&w), None);
    assert_eq!(name_check::status(&w), NameCheckStatus::NotApplicable);
    w.remove_name(2);
    let request = w
        .begin_name_check()
        .expect("due once the duplicate is gone");
    w.finish_name_check(
        &request,
        verdicts(&request, &[("shop.certorder-demo.nl", "")]),
    );
    let errors = w.errors(Step::Names);
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].field, names::field_id(0));
    assert!(
        errors[0].message.contains("Remove or correct it"),
        "{errors:?}"
    );
}
