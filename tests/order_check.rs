//! `order::check`: a draft against its product and the provider's capabilities, every problem
//! reported with the field it concerns.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

use certorder::domain::DomainName;
use certorder::domain::{DomainError, Reserved};
use certorder::order::check::before_sending;
use certorder::order::{
    Contact, DcvChoice, DcvMethod, DraftProblem, OrderDraft, Organization, check,
};
use certorder::product::{FreeTwin, OrderField, Period, Product, ProductKind, ValidationLevel};
use certorder::provider::gandi_v5::GandiV5;
use certorder::provider::gjirafa::{Gjirafa, ProjectId};
use certorder::provider::realtimeregister::RealtimeRegister;
use certorder::provider::{Capabilities, Provider, ProviderKind};

/// A name as a draft holds it.
fn dn(name: &str) -> DomainName {
    DomainName::parse(name).expect("a valid name")
}

const CSR: &str = include_str!("fixtures/csr/signature/ec-p256-sha256.pem");

fn product(kind: ProductKind) -> Product {
    Product {
        provider: ProviderKind::RealtimeRegister,
        id: "ssl_sectigo".to_owned(),
        name: "Sectigo".to_owned(),
        brand: None,
        validation: ValidationLevel::Dv,
        kind,
        included_names: Some(1),
        max_names: Some(3),
        wildcard_sans: false,
        free_twin: FreeTwin::None,
        periods: vec![Period::months(12), Period::months(24)],
        required_fields: Vec::new(),
        optional_fields: Vec::new(),
        dcv_methods: Vec::new(),
        price: None,
        warranty: None,
    }
}

fn draft(names: &[&str]) -> OrderDraft {
    OrderDraft {
        product: "ssl_sectigo".to_owned(),
        period: Some(Period::years(1)),
        csr: Some(CSR.to_owned()),
        common_name: names.first().copied().map(dn),
        sans: names.iter().skip(1).copied().map(dn).collect(),
        dcv: vec![DcvChoice::all(DcvMethod::Dns)],
        approver: None,
        organization: None,
        ..OrderDraft::default()
    }
}

fn rtr() -> Capabilities {
    RealtimeRegister::default().capabilities()
}

fn fields(problems: &[DraftProblem]) -> Vec<&'static str> {
    problems.iter().map(DraftProblem::field).collect()
}

// Guards: a draft that fits is accepted, and a year counts as twelve months.
#[test]
fn a_fitting_draft_has_no_problem() {
    let problems = check(
        &draft(&["acme-widgets.com", "www.acme-widgets.com"]),
        &product(ProductKind::Multi),
        &rtr(),
    );
    assert_eq!(problems, Vec::new());
}

// Guards: every problem is reported at once, each with its field, and the product code is
// compared. (A name that does not parse never reaches a draft: see
// `a_draft_is_built_from_typed_names`.)
#[test]
fn every_problem_is_reported_with_its_field() {
    let mut bad = draft(&["acme-widgets.com", "shop.example.com", "acme-widgets.com"]);
    bad.product = "other".to_owned();
    bad.period = Some(Period::years(3));
    bad.csr = None;
    let problems = check(&bad, &product(ProductKind::Multi), &rtr());
    assert_eq!(
        fields(&problems),
        ["product", "names", "names", "csr", "period"]
    );
    assert!(
        matches!(&problems[1], DraftProblem::ReservedName { name, kind: Reserved::Example } if name == "shop.example.com")
    );
    assert_eq!(
        problems[2],
        DraftProblem::DuplicateName {
            name: "acme-widgets.com".to_owned()
        }
    );
    assert_eq!(
        problems[4].to_string(),
        "this product is not sold for 3 years; choose one of: 12 months, 24 months"
    );
}

// Guards: reserved and internal names (RFC 2606, RFC 6761, `.local`, an unknown top-level
// label) are refused by the check.
#[test]
fn reserved_names_are_refused_before_sending() {
    for (typed, kind) in [
        ("example.com", Reserved::Example),
        ("www.example.net", Reserved::Example),
        ("shop.example", Reserved::Example),
        ("app.test", Reserved::Test),
        ("printer.local", Reserved::Local),
        ("localhost", Reserved::Localhost),
        ("nothing.invalid", Reserved::Invalid),
        ("nas.lan", Reserved::UnknownTld),
    ] {
        let reserved = draft(&["acme-widgets.com", typed]);
        let problem = DraftProblem::ReservedName {
            name: typed.to_owned(),
            kind,
        };
        assert_eq!(
            check(&reserved, &product(ProductKind::Multi), &rtr()),
            [problem],
            "{typed}"
        );
    }
    assert_eq!(
        before_sending(&draft(&["acme-widgets.com", "www.acme-widgets.com"])),
        Ok(())
    );
    assert_eq!(
        before_sending(&draft(&["acme-widgets.com", "ACME-widgets.com."])),
        Err(DraftProblem::DuplicateName {
            name: "acme-widgets.com".to_owned()
        })
    );
}

// Guards: the name count against max_names, and the free www twin not counted.
#[test]
fn names_count_against_the_maximum_without_the_free_twin() {
    let names = [
        "acme-widgets.com",
        "www.acme-widgets.com",
        "a.acme-widgets.com",
        "b.acme-widgets.com",
    ];
    let mut multi = product(ProductKind::Multi);
    let problems = check(&draft(&names), &multi, &rtr());
    assert_eq!(problems, [DraftProblem::TooManyNames { count: 4, max: 3 }]);
    multi.free_twin = FreeTwin::Www;
    assert_eq!(check(&draft(&names), &multi, &rtr()), Vec::new());
    // The twin of www.acme-widgets.com is the apex, free only with NonWww or Both.
    let reversed = [
        "www.acme-widgets.com",
        "acme-widgets.com",
        "a.acme-widgets.com",
        "b.acme-widgets.com",
    ];
    assert_eq!(check(&draft(&reversed), &multi, &rtr()).len(), 1);
    multi.free_twin = FreeTwin::Both;
    assert_eq!(check(&draft(&reversed), &multi, &rtr()), Vec::new());
}

// Guards: wildcards only where the product kind takes them.
#[test]
fn wildcards_follow_the_product_kind() {
    let single = product(ProductKind::Single);
    let problems = check(&draft(&["*.acme-widgets.com"]), &single, &rtr());
    assert_eq!(fields(&problems), ["names"]);
    let wildcard = product(ProductKind::Wildcard);
    assert_eq!(
        check(&draft(&["*.acme-widgets.com"]), &wildcard, &rtr()),
        Vec::new()
    );
    let problems = check(&draft(&["acme-widgets.com"]), &wildcard, &rtr());
    assert!(
        problems[0]
            .to_string()
            .contains("needs a wildcard common name")
    );
    let mut multi = product(ProductKind::Multi);
    let names = ["acme-widgets.com", "*.acme-widgets.org"];
    assert_eq!(check(&draft(&names), &multi, &rtr()).len(), 1);
    multi.wildcard_sans = true;
    assert_eq!(check(&draft(&names), &multi, &rtr()), Vec::new());
}

// Guards: the CSR against the provider's CsrUse: Gjirafa takes names only.
#[test]
fn csr_follows_the_provider() -> Result<(), Box<dyn std::error::Error>> {
    let project = ProjectId::parse("3fa85f64-5717-4562-b3fc-2c963f66afa6")?;
    let gjirafa = Gjirafa::new(project, 1).capabilities();
    let problems = check(
        &draft(&["acme-widgets.com"]),
        &product(ProductKind::Single),
        &gjirafa,
    );
    assert_eq!(fields(&problems), ["csr"]);
    let mut names_only = draft(&["acme-widgets.com"]);
    names_only.csr = None;
    assert_eq!(
        check(&names_only, &product(ProductKind::Single), &gjirafa),
        Vec::new()
    );
    // Gandi takes a CSR or a common name; with neither, no name is known.
    let gandi = GandiV5.capabilities();
    let mut empty = draft(&[]);
    empty.csr = None;
    assert_eq!(
        check(&empty, &product(ProductKind::Single), &gandi),
        [DraftProblem::NoNames]
    );
    Ok(())
}

// Guards: DCV choices name domains of the order, use methods allowed for the kind of name and
// the product, and are per name only where the provider allows it.
#[test]
fn dcv_choices_are_checked_per_name() {
    let multi = product(ProductKind::Multi);
    let mut choices = draft(&["acme-widgets.com", "www.acme-widgets.com"]);
    choices.dcv = vec![
        DcvChoice {
            name: Some(dn("WWW.Acme-Widgets.com.")),
            method: DcvMethod::Email,
            approver: Some("admin@acme-widgets.com".to_owned()),
        },
        DcvChoice {
            name: Some(dn("other-shop.net")),
            method: DcvMethod::Dns,
            approver: None,
        },
        DcvChoice::all(DcvMethod::Https),
    ];
    let problems = check(&choices, &multi, &rtr());
    assert_eq!(
        problems,
        [
            DraftProblem::DcvUnknownName {
                name: "other-shop.net".to_owned()
            },
            DraftProblem::DcvMethod {
                name: "acme-widgets.com".to_owned(),
                method: DcvMethod::Https
            },
            DraftProblem::DcvMethod {
                name: "www.acme-widgets.com".to_owned(),
                method: DcvMethod::Https
            },
        ]
    );
    // A file method cannot validate a wildcard, whatever the provider offers for names.
    let mut wildcard = draft(&["*.acme-widgets.com"]);
    wildcard.dcv = vec![DcvChoice::all(DcvMethod::Http)];
    let problems = check(&wildcard, &product(ProductKind::Wildcard), &rtr());
    assert_eq!(problems.len(), 1);
    assert_eq!(
        problems[0].to_string(),
        "http validation is not available for *.acme-widgets.com"
    );
    // The product's own list narrows the provider's.
    let mut dns_only = product(ProductKind::Multi);
    dns_only.dcv_methods = vec![DcvMethod::Email];
    assert_eq!(
        fields(&check(&draft(&["acme-widgets.com"]), &dns_only, &rtr())),
        ["dcv"]
    );
    // Gandi takes one method per order.
    let mut mixed = draft(&["acme-widgets.com", "www.acme-widgets.com"]);
    mixed.dcv = vec![
        DcvChoice {
            name: Some(dn("acme-widgets.com")),
            method: DcvMethod::Dns,
            approver: None,
        },
        DcvChoice {
            name: Some(dn("www.acme-widgets.com")),
            method: DcvMethod::Email,
            approver: None,
        },
    ];
    let problems = check(&mixed, &multi, &GandiV5.capabilities());
    assert_eq!(problems[0], DraftProblem::DcvPerName);
}

// Guards: required fields by product metadata, organisation details for OV/EV, blanks count
// as missing, and fields outside the neutral draft are left to the adapter.
#[test]
fn required_fields_are_named() {
    let mut ov = product(ProductKind::Single);
    ov.validation = ValidationLevel::Ov;
    ov.required_fields = vec![
        OrderField::Approver,
        OrderField::Country,
        OrderField::City,
        OrderField::AuthKey,
    ];
    let mut filled = draft(&["acme-widgets.com"]);
    let problems = check(&filled, &ov, &rtr());
    assert_eq!(
        fields(&problems),
        [
            "approver",
            "organization.city",
            "organization.country",
            "organization.name"
        ]
    );
    assert_eq!(
        problems[0].to_string(),
        "approver is required for this product"
    );
    filled.approver = Some(Contact {
        first_name: "Ada".to_owned(),
        last_name: "Lovelace".to_owned(),
        job_title: None,
        email: "ada@acme-widgets.com".to_owned(),
        phone: None,
    });
    filled.organization = Some(Organization {
        name: "Example B.V.".to_owned(),
        city: Some("  ".to_owned()),
        country: Some("NL".to_owned()),
        ..Organization::default()
    });
    assert_eq!(fields(&check(&filled, &ov, &rtr())), ["organization.city"]);
}

// Guards: the one www/apex twin rule (`DomainName::www_twin`) in the name count: the apex
// and its www name are twins, a subdomain and its www name are not.
#[test]
fn the_free_twin_is_the_apex_and_its_www_name_only() {
    let mut single = product(ProductKind::Multi);
    single.max_names = Some(1);
    single.free_twin = FreeTwin::Both;
    assert_eq!(
        check(
            &draft(&["acme-widgets.com", "www.acme-widgets.com"]),
            &single,
            &rtr()
        ),
        Vec::new()
    );
    assert_eq!(
        check(
            &draft(&["www.acme-widgets.com", "acme-widgets.com"]),
            &single,
            &rtr()
        ),
        Vec::new()
    );
    assert_eq!(
        check(
            &draft(&["shop.acme-widgets.com", "www.shop.acme-widgets.com"]),
            &single,
            &rtr()
        ),
        [DraftProblem::TooManyNames { count: 2, max: 1 }]
    );
}

// Guards: a draft is built once from the names as typed (A-label sent, U-label shown,
// wildcard known), and the first invalid name is refused by name, as typed.
#[test]
fn a_draft_is_built_from_typed_names() {
    let draft =
        OrderDraft::with_names("ssl_sectigo", ["Bücher.de.", " *.Acme-Widgets.com"]).unwrap();
    let cn = draft.common_name.as_ref().unwrap();
    assert_eq!(cn.ascii(), "xn--bcher-kva.de");
    assert_eq!(cn.unicode(), "bücher.de");
    assert!(draft.sans[0].is_wildcard());
    assert_eq!(draft.sans[0].base().ascii(), "acme-widgets.com");
    let refused = OrderDraft::with_names(
        "ssl_sectigo",
        ["acme-widgets.com", "bad_name.acme-widgets.com"],
    );
    assert!(matches!(
        &refused,
        Err(DraftProblem::InvalidName { name, reason: DomainError::Underscore { .. } })
            if name == "bad_name.acme-widgets.com"
    ));
    assert_eq!(refused.unwrap_err().field(), "names");
    assert!(matches!(
        OrderDraft::parse_name("a..b"),
        Err(DraftProblem::InvalidName { name, .. }) if name == "a..b"
    ));
}

// Guards: a draft round-trips through JSON with its names as plain A-label strings, and
// reading one checks its names again.
#[test]
fn a_draft_round_trips_through_json() {
    let mut draft = OrderDraft::with_names("ssl_sectigo", ["Bücher.de", "www.bücher.de"]).unwrap();
    draft.dcv = vec![DcvChoice::for_name(dn("www.bücher.de"), DcvMethod::Dns)];
    let json = serde_json::to_value(&draft).unwrap();
    assert_eq!(json["common_name"], "xn--bcher-kva.de");
    assert_eq!(json["sans"], serde_json::json!(["www.xn--bcher-kva.de"]));
    assert_eq!(json["dcv"][0]["name"], "www.xn--bcher-kva.de");
    let back: OrderDraft = serde_json::from_value(json.clone()).unwrap();
    assert_eq!(back, draft);
    assert_eq!(back.common_name.unwrap().unicode(), "bücher.de");
    let mut tampered = json;
    tampered["sans"] = serde_json::json!(["bad_name.acme-widgets.com"]);
    let err = serde_json::from_value::<OrderDraft>(tampered).unwrap_err();
    assert!(
        err.to_string().contains("bad_name.acme-widgets.com"),
        "{err}"
    );
}
