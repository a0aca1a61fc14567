//! Behaviour of `certorder::domain`: each test guards one rule, with its cases in a table.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use certorder::domain::{
    DomainError, DomainName, Reserved, covered_by_wildcard, duplicates, ip_address, is_internal_ip,
};
use std::net::IpAddr;

#[path = "support/domain_cases.rs"]
mod domain_cases;
use domain_cases::{Lcg, VALID, mistakes};

fn name(input: &str) -> DomainName {
    DomainName::parse(input).unwrap_or_else(|e| panic!("{input:?} should parse: {e}"))
}

fn ip(text: &str) -> IpAddr {
    text.parse().unwrap()
}

#[test]
fn valid_names_keep_a_label_and_u_label_forms() {
    for &(input, ascii, unicode, wildcard) in VALID {
        let parsed = name(input);
        assert_eq!(parsed.ascii(), ascii, "{input:?}");
        assert_eq!(parsed.unicode(), unicode, "{input:?}");
        assert_eq!(parsed.is_wildcard(), wildcard, "{input:?}");
    }
}

#[test]
fn u_label_and_a_label_forms_parse_back_to_the_same_name() {
    for &(input, ..) in VALID {
        let parsed = name(input);
        assert_eq!(name(parsed.ascii()), parsed, "{input:?} via A-labels");
        assert_eq!(name(parsed.unicode()), parsed, "{input:?} via U-labels");
        assert_eq!(parsed.to_string(), parsed.ascii());
        assert_eq!(input.parse::<DomainName>().as_ref(), Ok(&parsed));
    }
}

#[test]
fn idn_means_any_xn_label() {
    #[rustfmt::skip]
    let cases = [
        ("bücher.de", true), ("*.bücher.de", true), ("abc.рф", true),
        ("example.com", false), ("*.example.com", false), ("xn-x.com", false),
    ];
    for (input, idn) in cases {
        assert_eq!(name(input).is_idn(), idn, "{input:?}");
    }
}

#[test]
fn base_drops_only_the_wildcard_label() {
    #[rustfmt::skip]
    let cases = [
        ("*.bücher.de", "xn--bcher-kva.de", "bücher.de"),
        ("www.example.com", "www.example.com", "www.example.com"),
    ];
    for (input, ascii, unicode) in cases {
        let base = name(input).base();
        assert_eq!(
            (base.ascii(), base.unicode(), base.is_wildcard()),
            (ascii, unicode, false)
        );
    }
}

#[test]
fn each_mistake_is_reported_with_the_part_that_is_wrong() {
    for (input, expected) in mistakes() {
        assert_eq!(DomainName::parse(&input), Err(expected), "{input:?}");
    }
}

#[test]
fn length_limits_are_inclusive() {
    let label63 = "a".repeat(63);
    let name253 = [&*label63, &*label63, &*label63, &"a".repeat(61)].join(".");
    assert_eq!(name253.len(), 253);
    assert_eq!(name(&name253).ascii(), name253);
    assert!(DomainName::parse(&format!("{label63}.com")).is_ok());
    let wildcard = format!("*.{}", &name253[2..]);
    assert_eq!(name(&wildcard).ascii().len(), 253);
    assert_eq!(
        DomainName::parse(&format!("*.{name253}")),
        Err(DomainError::TooLong { length: 255 })
    );
}

#[test]
fn error_messages_are_lower_case_without_a_final_period() {
    let inputs = [
        "",
        "1.1.1.1",
        "a..b",
        "a b",
        "a_b.c",
        "a*.b",
        "*",
        "-a.b",
        "ab--c.d",
        "xn--a.b",
        "a.1",
        "אב.1a.com",
    ];
    for input in inputs {
        let error = DomainName::parse(input).unwrap_err();
        let message = error.to_string();
        let first = message.chars().next().unwrap();
        assert!(!first.is_uppercase(), "{message}");
        assert!(!message.ends_with('.'), "{message}");
        assert!(!error.code().is_empty());
    }
}

#[rustfmt::skip]
const RESERVED: &[(&str, Option<Reserved>)] = &[
    ("localhost", Some(Reserved::Localhost)),
    ("app.localhost", Some(Reserved::Localhost)),
    ("*.localhost", Some(Reserved::Localhost)),
    ("printer.local", Some(Reserved::Local)),
    ("duckduckgogg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzczad.onion", Some(Reserved::Onion)),
    ("shop.test", Some(Reserved::Test)),
    ("example", Some(Reserved::Example)),
    ("bücher.example", Some(Reserved::Example)),
    ("example.com", Some(Reserved::Example)),
    ("www.example.net", Some(Reserved::Example)),
    ("*.example.org", Some(Reserved::Example)),
    ("nothing.invalid", Some(Reserved::Invalid)),
    ("db.internal", Some(Reserved::Internal)),
    ("nas.home.arpa", Some(Reserved::HomeArpa)),
    ("home.arpa", Some(Reserved::HomeArpa)),
    ("name.alt", Some(Reserved::Alt)),
    ("intranet", Some(Reserved::SingleLabel)),
    ("server.lan", Some(Reserved::UnknownTld)),
    ("dc01.corp", Some(Reserved::UnknownTld)),
    ("nas.home", Some(Reserved::UnknownTld)),
    ("localhost.localdomain", Some(Reserved::UnknownTld)),
    ("notexample.com", None),                              // suffix match is by whole labels
    ("example.co.uk", None),
    ("testing.com", None),
    ("bücher.de", None),
    ("*.github.io", None),                                 // private section: not a suffix
    ("*.co.uk", Some(Reserved::WildcardOnPublicSuffix)),   // BR §3.2.2.6
    ("*.com", Some(Reserved::WildcardOnPublicSuffix)),
    ("*.foo.ck", Some(Reserved::WildcardOnPublicSuffix)),  // *.ck makes foo.ck a suffix
    ("*.www.ck", None),                                    // !www.ck: www.ck is registrable
    ("*.xn--55qx5d.cn", Some(Reserved::WildcardOnPublicSuffix)), // 公司.cn, an IDN suffix
    ("*.example.co.uk", None),
];

#[test]
fn reserved_names_are_classified_by_kind() {
    for &(input, kind) in RESERVED {
        assert_eq!(name(input).reserved(), kind, "{input:?}");
    }
}

#[test]
fn every_reserved_kind_names_its_source() {
    for &(_, kind) in RESERVED {
        if let Some(kind) = kind {
            assert!(
                !kind.description().is_empty() && !kind.source().is_empty(),
                "{kind:?}"
            );
            assert!(
                kind.description()
                    .chars()
                    .next()
                    .is_some_and(|c| !c.is_uppercase())
            );
        }
    }
}

/// (input, registrable domain, public suffix)
#[rustfmt::skip]
const SUFFIXES: &[(&str, Option<&str>, Option<&str>)] = &[
    ("www.example.co.uk", Some("example.co.uk"), Some("co.uk")),
    ("example.co.uk", Some("example.co.uk"), Some("co.uk")),
    ("co.uk", None, Some("co.uk")),                               // a bare public suffix
    ("*.example.co.uk", Some("example.co.uk"), Some("co.uk")),
    ("www.example.com.au", Some("example.com.au"), Some("com.au")),
    ("bücher.de", Some("xn--bcher-kva.de"), Some("de")),
    ("www.abc.рф", Some("abc.xn--p1ai"), Some("xn--p1ai")),
    ("shop.公司.cn", Some("shop.xn--55qx5d.cn"), Some("xn--55qx5d.cn")), // IDN rule under cn
    ("city.kawasaki.jp", Some("city.kawasaki.jp"), Some("kawasaki.jp")), // !city.kawasaki.jp
    ("foo.github.io", Some("github.io"), Some("io")),             // private section ignored
    ("a.b.c.compute.amazonaws.com", Some("amazonaws.com"), Some("com")),
    ("bar.foo.ck", Some("bar.foo.ck"), Some("foo.ck")),           // ICANN wildcard rule *.ck
    ("foo.ck", None, Some("foo.ck")),
    ("www.ck", Some("www.ck"), Some("ck")),                       // ICANN exception !www.ck
    ("server.lan", None, None),                                   // not in the list
];

#[test]
fn registrable_domain_and_suffix_come_from_the_icann_section_of_the_psl() {
    for &(input, registrable, suffix) in SUFFIXES {
        let parsed = name(input);
        assert_eq!(
            parsed.registrable_domain().as_deref(),
            registrable,
            "{input:?}"
        );
        assert_eq!(parsed.public_suffix().as_deref(), suffix, "{input:?}");
    }
}

fn mailboxes(domains: &[&str]) -> Vec<String> {
    let locals = [
        "admin",
        "administrator",
        "hostmaster",
        "postmaster",
        "webmaster",
    ];
    domains
        .iter()
        .flat_map(|d| locals.map(|l| format!("{l}@{d}")))
        .collect()
}

#[test]
fn approvers_run_from_the_name_down_to_the_registrable_domain() {
    #[rustfmt::skip]
    let cases: [(&str, &[&str]); 7] = [
        ("sub.sub.example.co.uk", &["sub.sub.example.co.uk", "sub.example.co.uk", "example.co.uk"]),
        ("*.sub.example.co.uk", &["sub.example.co.uk", "example.co.uk"]),
        ("*.example.co.uk", &["example.co.uk"]),
        ("www.bücher.de", &["www.xn--bcher-kva.de", "xn--bcher-kva.de"]),
        ("foo.github.io", &["foo.github.io", "github.io"]),
        ("co.uk", &[]),
        ("server.lan", &[]),
    ];
    for (input, domains) in cases {
        assert_eq!(
            name(input).approver_candidates(),
            mailboxes(domains),
            "{input:?}"
        );
    }
}

#[test]
fn a_wildcard_covers_exactly_one_more_label() {
    #[rustfmt::skip]
    let cases = [
        ("*.example.com", "www.example.com", true),
        ("*.bücher.de", "www.xn--bcher-kva.de", true),
        ("*.example.com", "example.com", false),
        ("*.example.com", "a.b.example.com", false),
        ("*.example.com", "www.example.org", false),
        ("*.example.com", "wwwexample.com", false),
        ("*.example.com", "*.example.com", false),
        ("*.example.com", "*.a.example.com", false),
        ("www.example.com", "www.example.com", false),
    ];
    for (wildcard, other, covered) in cases {
        assert_eq!(
            name(wildcard).covers(&name(other)),
            covered,
            "{wildcard} {other}"
        );
    }
}

#[test]
fn www_twins_pair_a_registrable_domain_with_its_www_name() {
    #[rustfmt::skip]
    let cases = [
        ("example.co.uk", Some("www.example.co.uk")),
        ("www.example.co.uk", Some("example.co.uk")),
        ("bücher.de", Some("www.xn--bcher-kva.de")),
        ("shop.example.co.uk", None),
        ("www.shop.example.co.uk", None),
        ("*.example.co.uk", None),
        ("co.uk", None),
        ("server.lan", None),
        ("foo.github.io", None),
    ];
    for (input, twin) in cases {
        let found = name(input).www_twin();
        assert_eq!(found.as_ref().map(DomainName::ascii), twin, "{input:?}");
    }
    assert_eq!(
        name("bücher.de").www_twin().unwrap().unicode(),
        "www.bücher.de"
    );
}

fn names(inputs: &[&str]) -> Vec<DomainName> {
    inputs.iter().map(|input| name(input)).collect()
}

#[test]
fn duplicates_pair_each_repeat_with_the_first_occurrence() {
    let list = names(&[
        "a.com",
        "A.com.",
        "b.com",
        "a.com",
        "bücher.de",
        "xn--bcher-kva.de",
    ]);
    assert_eq!(duplicates(&list), [(0, 1), (0, 3), (4, 5)]);
    assert!(duplicates(&names(&["a.com", "*.a.com", "www.a.com"])).is_empty());
}

#[test]
fn names_under_a_wildcard_in_the_same_list_are_reported() {
    #[rustfmt::skip]
    let list = names(&[
        "*.example.co.uk", "www.example.co.uk", "example.co.uk", "a.b.example.co.uk",
        "*.b.example.co.uk",
    ]);
    assert_eq!(covered_by_wildcard(&list), [(1, 0), (3, 4)]);
}

#[test]
fn ip_addresses_are_recognised_in_their_usual_spellings() {
    #[rustfmt::skip]
    let cases = [
        ("192.0.2.1", Some("192.0.2.1")),
        (" 10.0.0.1 ", Some("10.0.0.1")),
        ("::1", Some("::1")),
        ("[2001:db8::1]", Some("2001:db8::1")),
        ("::ffff:192.0.2.1", Some("::ffff:192.0.2.1")),
        ("1.2.3", None),
        ("[example.com]", None),
        ("example.com", None),
        ("fe80::1%eth0", None),
    ];
    for (input, expected) in cases {
        assert_eq!(ip_address(input), expected.map(ip), "{input:?}");
    }
}

#[test]
fn internal_ips_cover_the_special_purpose_registries() {
    #[rustfmt::skip]
    let cases = [
        ("10.1.2.3", true), ("172.16.0.1", true), ("172.31.255.255", true), ("192.168.1.1", true),
        ("127.0.0.1", true), ("169.254.1.1", true), ("100.64.0.1", true), ("100.127.255.255", true),
        ("192.0.2.1", true), ("198.51.100.7", true), ("203.0.113.9", true), ("0.0.0.0", true),
        ("255.255.255.255", true), ("224.0.0.1", true), ("198.18.0.1", true),
        ("::1", true), ("::", true), ("fd00::1", true), ("fc00::1", true), ("fe80::1", true),
        ("2001:db8::1", true), ("3fff::1", true), ("ff02::1", true), ("::ffff:10.0.0.1", true),
        ("8.8.8.8", false), ("172.32.0.1", false), ("100.128.0.1", false), ("1.1.1.1", false),
        ("2606:4700::1111", false), ("2001:4860::8888", false), ("::ffff:8.8.8.8", false),
    ];
    for (text, internal) in cases {
        assert_eq!(is_internal_ip(ip(text)), internal, "{text}");
    }
}

// Guards: a name serialises as its A-label string, and reading it back parses it again
// (both forms and the wildcard flag come back; an invalid string is refused).
#[test]
fn serialises_as_its_a_label_and_reads_back_checked() {
    let json = serde_json::to_value(name("*.Bücher.de")).unwrap();
    assert_eq!(json, serde_json::json!("*.xn--bcher-kva.de"));
    let back: DomainName = serde_json::from_value(json).unwrap();
    assert_eq!(back.unicode(), "*.bücher.de");
    assert!(back.is_wildcard());
    assert_eq!(back, name("*.bücher.de"));
    assert!(serde_json::from_value::<DomainName>(serde_json::json!("a.*.de")).is_err());
    assert!(serde_json::from_value::<DomainName>(serde_json::json!(7)).is_err());
    assert_eq!(
        serde_json::to_value(Reserved::HomeArpa).unwrap(),
        "home_arpa"
    );
}

#[test]
fn no_input_panics_and_every_parsed_name_is_stable() {
    let mut rng = Lcg(42);
    for _ in 0..20_000 {
        let input = rng.name();
        let Ok(parsed) = DomainName::parse(&input) else {
            continue;
        };
        let ascii = parsed.ascii();
        assert!(
            ascii.is_ascii() && ascii.len() <= 253 && !ascii.ends_with('.'),
            "{input:?}"
        );
        assert_eq!(ascii, ascii.to_ascii_lowercase(), "{input:?}");
        assert_eq!(
            DomainName::parse(ascii).as_ref(),
            Ok(&parsed),
            "{input:?} via A-labels"
        );
        assert_eq!(
            DomainName::parse(parsed.unicode()).as_ref(),
            Ok(&parsed),
            "{input:?} via U"
        );
        let _ = (
            parsed.reserved(),
            parsed.public_suffix(),
            parsed.www_twin(),
            parsed.base(),
        );
        let _ = (
            parsed.approver_candidates(),
            parsed.covers(&parsed),
            parsed.is_idn(),
        );
    }
}
