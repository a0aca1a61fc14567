//! The domain rules' tables of names, shared by the native tests (`tests/domain.rs`) and the
//! browser tests (`tests/web.rs`), where the same rules run on the browser's UTS #46.

use certorder::domain::DomainError;
use std::net::IpAddr;

/// (input, A-label form, U-label form, wildcard)
#[rustfmt::skip]
pub(crate) const VALID: &[(&str, &str, &str, bool)] = &[
    ("example.com", "example.com", "example.com", false),
    ("  WWW.Example.COM.  ", "www.example.com", "www.example.com", false),
    ("Bücher.Example.", "xn--bcher-kva.example", "bücher.example", false),
    ("*.Bücher.Example", "*.xn--bcher-kva.example", "*.bücher.example", true),
    ("XN--BCHER-KVA.de", "xn--bcher-kva.de", "bücher.de", false),
    ("faß.de", "xn--fa-hia.de", "faß.de", false),            // non-transitional: ß stays
    ("日本語.jp", "xn--wgv71a119e.jp", "日本語.jp", false),
    ("abc.рф", "abc.xn--p1ai", "abc.рф", false),
    ("www.אב.com", "www.xn--4dbc.com", "www.אב.com", false),     // right-to-left label
    ("ＥＸＡＭＰＬＥ.com", "example.com", "example.com", false), // full-width mapped
    ("example。com", "example.com", "example.com", false),   // ideographic full stop
    ("example.com。", "example.com", "example.com", false),
    ("1password.com", "1password.com", "1password.com", false),
    ("123.example.com", "123.example.com", "123.example.com", false),
    ("a-b.example.com", "a-b.example.com", "a-b.example.com", false),
    ("localhost", "localhost", "localhost", false),          // well formed, but reserved
];

fn label(text: &str) -> String {
    text.to_owned()
}

fn ip(text: &str) -> IpAddr {
    text.parse()
        .unwrap_or_else(|e| panic!("{text:?} in the table is not an IP address: {e}"))
}

/// (input, the error it gets): each mistake with the part that is wrong.
#[rustfmt::skip]
pub(crate) fn mistakes() -> Vec<(String, DomainError)> {
    let long_label = "a".repeat(64);
    let idn_long_label = "ü".repeat(60);
    let too_long = ["a".repeat(63), "a".repeat(63), "a".repeat(63), "a".repeat(63)].join(".");
    vec![
        ("".to_owned(), DomainError::Empty),
        ("   ".to_owned(), DomainError::Empty),
        (".".to_owned(), DomainError::Empty),
        ("192.168.0.1".to_owned(), DomainError::IpAddress(ip("192.168.0.1"))),
        ("1.2.3.4.".to_owned(), DomainError::IpAddress(ip("1.2.3.4"))),
        ("[2001:db8::1]".to_owned(), DomainError::IpAddress(ip("2001:db8::1"))),
        ("::1".to_owned(), DomainError::IpAddress(ip("::1"))),
        (too_long.clone(), DomainError::TooLong { length: 255 }),
        (long_label.clone(), DomainError::LabelTooLong { label: long_label.clone(), length: 64 }),
        (idn_long_label.clone(), DomainError::LabelTooLong { label: idn_long_label.clone(), length: 66 }),
        ("a..example.com".to_owned(), DomainError::EmptyLabel),
        (".example.com".to_owned(), DomainError::EmptyLabel),
        ("example.com..".to_owned(), DomainError::EmptyLabel),
        ("*..example.com".to_owned(), DomainError::EmptyLabel),
        ("exa mple.com".to_owned(), DomainError::InvalidCharacter { ch: ' ', position: 4 }),
        ("example.com/path".to_owned(), DomainError::InvalidCharacter { ch: '/', position: 12 }),
        ("user@example.com".to_owned(), DomainError::InvalidCharacter { ch: '@', position: 5 }),
        ("a\u{a0}b.com".to_owned(), DomainError::InvalidCharacter { ch: '\u{a0}', position: 2 }),
        ("_dmarc.example.com".to_owned(), DomainError::Underscore { position: 1 }),
        ("bücher_x.de".to_owned(), DomainError::Underscore { position: 7 }),
        ("a*.example.com".to_owned(), DomainError::MisplacedWildcard { position: 2 }),
        ("*.*.example.com".to_owned(), DomainError::MisplacedWildcard { position: 3 }),
        ("www.*.example.com".to_owned(), DomainError::MisplacedWildcard { position: 5 }),
        ("**.example.com".to_owned(), DomainError::MisplacedWildcard { position: 1 }),
        ("*".to_owned(), DomainError::BareWildcard),
        ("*.".to_owned(), DomainError::BareWildcard),
        ("-www.example.com".to_owned(), DomainError::HyphenAtEdge { label: label("-www") }),
        ("www-.example.com".to_owned(), DomainError::HyphenAtEdge { label: label("www-") }),
        ("R3---sn-abc.example.com".to_owned(), DomainError::ReservedHyphens { label: label("r3---sn-abc") }),
        ("xn--abc.com".to_owned(), DomainError::Idna { label: label("xn--abc") }),
        ("xn--a.com".to_owned(), DomainError::Idna { label: label("xn--a") }),
        ("\u{301}a.com".to_owned(), DomainError::Idna { label: label("\u{301}a") }),
        ("a\u{2488}.com".to_owned(), DomainError::Idna { label: label("a\u{2488}") }),
        ("אב.1a.com".to_owned(), DomainError::Bidi { name: label("אב.1a.com") }),
        ("1.2.3.4.5".to_owned(), DomainError::NumericTld { tld: label("5") }),
        ("192.168.1.300".to_owned(), DomainError::NumericTld { tld: label("300") }),
    ]
}

/// Pieces that random names are made of: every kind of character the rules treat apart.
#[rustfmt::skip]
pub(crate) const PIECES: &[&str] = &[
    "a", "Z", "0", "9", "-", ".", "*", "*.", "_", " ", "ü", "ß", "日", "\u{301}", "\u{200d}",
    "。", "[", "]", ":", "xn--", "xn--bcher-kva", "😀", "\u{ad}", "ǅ", "İ", "ς", "\u{5d0}",
    "\u{10ffff}", "\t", "com", "co.uk", "github.io", "www.", "--", "\u{2488}", "１",
];

/// A small deterministic generator, so the tests need no extra dependency.
pub(crate) struct Lcg(pub(crate) u64);

impl Lcg {
    /// A number below `bound`.
    pub(crate) fn next(&mut self, bound: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % bound
    }

    /// A string of up to 23 pieces.
    pub(crate) fn name(&mut self) -> String {
        let count = self.next(24);
        (0..count)
            .map(|_| PIECES[self.next(PIECES.len())])
            .collect()
    }
}
