//! The provider's own name checks through the adapter's `check_names`: accepted names, and
//! the sandbox's refusal of a name whose first label is `refused`, which `validate` refuses
//! too.

use super::*;

use certorder::order::NameVerdict;

// Guards: the adapter's check of a common name and two SANs against the simulator: one
// refused with its reason, the others accepted; the order with that SAN is refused as well.
#[test]
fn a_refused_san_is_refused_by_the_check_and_the_order() {
    let sandbox = sandbox();
    let ssl = Ssl247;
    let checks = drive::ok(
        &sandbox,
        &ssl,
        ssl.check_names(
            "positivessl-multi-domain",
            &dn("example.co.uk"),
            &[dn("www.example.co.uk"), dn("refused.example.co.uk")],
        )
        .unwrap(),
    );
    assert_eq!(checks.names.len(), 3);
    assert_eq!(
        checks.verdict("example.co.uk"),
        Some(&NameVerdict::Accepted)
    );
    assert_eq!(
        checks.verdict("www.example.co.uk"),
        Some(&NameVerdict::Accepted)
    );
    let refused: Vec<(&str, &str)> = checks.refused().collect();
    assert_eq!(refused.len(), 1);
    assert_eq!(refused[0].0, "refused.example.co.uk");
    assert!(
        refused[0]
            .1
            .contains("refused by the certificate authority"),
        "{refused:?}"
    );

    let validated = post(
        &sandbox,
        "/order/certificate/validate",
        json!({"order": [{"product_code": "positivessl-multi-domain", "common_name": "example.co.uk", "years": "1", "san": "1", "sans": "refused.example.co.uk"}]}),
    );
    assert_eq!(validated.status, 400);
    assert!(
        body_json(&validated)["Response"]["Error"]["Message"]
            .as_str()
            .unwrap()
            .contains("refused by the certificate authority")
    );
}

// Guards: a refused common name, and a product that does not fit the common name, come back
// as refusals in SSL247's words rather than as a failed check.
#[test]
fn a_refused_common_name_and_a_product_mismatch() {
    let sandbox = sandbox();
    let ssl = Ssl247;
    let checks = drive::ok(
        &sandbox,
        &ssl,
        ssl.check_names("positivessl", &dn("refused.example.co.uk"), &[])
            .unwrap(),
    );
    assert!(!checks.all_accepted());
    let checks = drive::ok(
        &sandbox,
        &ssl,
        ssl.check_names("positivessl-wildcard", &dn("example.co.uk"), &[])
            .unwrap(),
    );
    assert_eq!(
        checks.refused().map(|(_, why)| why).collect::<Vec<_>>(),
        ["positivessl-wildcard needs a wildcard common name"]
    );
}
