//! SSL247's own check of an order's names through the neutral `Provider::check_names`:
//! `check-common-name` for the common name, then `check-san` per SAN, each request with
//! exactly the fields of the reference's example, each answer read as accepted or refused with
//! the provider's words; an answer that says neither, or the error envelope, fails the check.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

#[path = "support/ssl247.rs"]
mod ssl247_support;

use serde_json::{Value, json};

use certorder::domain::DomainName;
use certorder::http::{HttpRequest, HttpResponse};
use certorder::order::{NameCheck, NameChecks, NameVerdict};
use certorder::provider::flow::{RunError, run_sync};
use certorder::provider::ssl247::{Ssl247, Ssl247Error};
use certorder::provider::{OperationClass, Provider, ProviderError};
use ssl247_support::{creds, fixture_json, same_fields, shape};

const CN_FIXTURE: &str = "certificates-check-common-name-product-code-common-name";
const SAN_FIXTURE: &str = "certificates-check-san-product-code-common-name-san";

fn dn(name: &str) -> DomainName {
    DomainName::parse(name).unwrap()
}

/// The reference's answer example of `fixture` with `Data` given these values.
fn answer(fixture: &str, valid: Value, message: &str) -> HttpResponse {
    let mut body = fixture_json(&format!("{fixture}.response.json"));
    body["StatusCode"] = json!("200");
    body["Data"]["valid"] = valid;
    body["Data"]["message"] = json!(message);
    HttpResponse::new(200, body.to_string()).with_header("Content-Type", "application/json")
}

/// What the check's flow ended with.
type Checked = Result<NameChecks, RunError<String>>;

/// Runs the check against `answers` (one per request, in order); every request is recorded
/// with its class, after the adapter added the credentials.
fn run(
    cn: &str,
    sans: &[&str],
    mut answers: Vec<HttpResponse>,
) -> (Checked, Vec<(HttpRequest, OperationClass)>) {
    let sans: Vec<DomainName> = sans.iter().copied().map(dn).collect();
    let flow = Ssl247
        .check_names("positivessl-multi-domain", &dn(cn), &sans)
        .unwrap();
    answers.reverse();
    let mut sent = Vec::new();
    let result = run_sync(flow, |mut request, class| {
        Ssl247.authenticate(&mut request, &creds()).unwrap();
        sent.push((request, class));
        answers.pop().ok_or_else(|| "no more answers".to_owned())
    });
    (result, sent)
}

fn refused(name: &str, reason: &str) -> NameCheck {
    NameCheck {
        name: name.into(),
        verdict: NameVerdict::Refused {
            reason: reason.into(),
        },
    }
}

fn accepted(name: &str) -> NameCheck {
    NameCheck {
        name: name.into(),
        verdict: NameVerdict::Accepted,
    }
}

// Guards: one check-common-name, then one check-san per SAN in order, each a Check with the
// documented body, an IDN sent as its A-label; true accepts, false refuses with the message.
#[test]
fn common_name_then_each_san() {
    let (result, sent) = run(
        "example.co.uk",
        &["www.example.co.uk", "bücher.example.co.uk"],
        vec![
            answer(CN_FIXTURE, json!(true), "OK"),
            answer(
                SAN_FIXTURE,
                json!("false"),
                "  The SAN is blocked by policy ",
            ),
            answer(SAN_FIXTURE, json!("1"), "OK"),
        ],
    );
    let paths: Vec<&str> = sent.iter().map(|(r, _)| r.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "/certificates/check-common-name/positivessl-multi-domain/example.co.uk",
            "/certificates/check-san/positivessl-multi-domain/example.co.uk/www.example.co.uk",
            "/certificates/check-san/positivessl-multi-domain/example.co.uk/xn--bcher-kva.example.co.uk",
        ]
    );
    assert!(sent.iter().all(|(_, c)| *c == OperationClass::Check));
    let bodies: Vec<Value> = sent.iter().map(|(r, _)| r.json().unwrap()).collect();
    same_fields(&bodies[0], CN_FIXTURE);
    same_fields(&bodies[1], SAN_FIXTURE);
    assert_eq!(
        result.unwrap(),
        NameChecks {
            names: vec![
                accepted("example.co.uk"),
                refused("www.example.co.uk", "The SAN is blocked by policy"),
                accepted("xn--bcher-kva.example.co.uk"),
            ]
        }
    );
}

// Guards: a wildcard common name keeps its `*` in the path; no SANs, one call.
#[test]
fn a_wildcard_alone_is_one_call() {
    let (result, sent) = run(
        "*.example.co.uk",
        &[],
        vec![answer(CN_FIXTURE, json!(false), "needs a wildcard product")],
    );
    assert_eq!(sent.len(), 1);
    assert_eq!(
        sent[0].0.path,
        "/certificates/check-common-name/positivessl-multi-domain/*.example.co.uk"
    );
    let checks = result.unwrap();
    assert_eq!(
        checks.refused().collect::<Vec<_>>(),
        [("*.example.co.uk", "needs a wildcard product")]
    );
}

// Guards: the document's own example (`"valid": "boolean"`) says nothing about the name, so
// the check failed rather than accepting or refusing it.
#[test]
fn the_documents_placeholder_is_no_verdict() {
    let example = HttpResponse::new(
        200,
        fixture_json(&format!("{CN_FIXTURE}.response.json")).to_string(),
    );
    // The example's shape is the one the answers above are made from.
    assert_eq!(
        shape(&fixture_json(&format!("{CN_FIXTURE}.response.json"))),
        shape(&serde_json::from_slice::<Value>(&answer(CN_FIXTURE, json!(true), "").body).unwrap())
    );
    let (result, sent) = run("example.co.uk", &["www.example.co.uk"], vec![example]);
    assert_eq!(sent.len(), 1, "no SAN is asked about after a failed check");
    assert!(
        matches!(
            result,
            Err(RunError::Provider(ProviderError::UnexpectedResponse(ref m))) if m.contains("example.co.uk")
        ),
        "{result:?}"
    );
}

// Guards: the error envelope on a SAN fails the whole check with SSL247's code and message.
#[test]
fn the_error_envelope_fails_the_check() {
    let error = fixture_json("error.response.json");
    let mut error = error;
    error["Response"]["Error"]["Code"] = json!("500");
    error["Response"]["Error"]["Message"] = json!("Service unavailable");
    let (result, sent) = run(
        "example.co.uk",
        &["www.example.co.uk", "shop.example.co.uk"],
        vec![
            answer(CN_FIXTURE, json!(true), "OK"),
            HttpResponse::new(500, error.to_string()),
        ],
    );
    assert_eq!(sent.len(), 2);
    match result {
        Err(RunError::Provider(ProviderError::Ssl247(Ssl247Error::Api { message, .. }))) => {
            assert_eq!(message, "Service unavailable");
        }
        other => panic!("{other:?}"),
    }
}
