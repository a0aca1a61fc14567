//! No charge the customer did not accept: a paid order carries the quote the customer was
//! shown, and an adapter whose provider prices orders before charging them charges only that
//! quote. Realtime Register's billing handshake and SSL247's validate → place-order, against
//! the documents' example answers.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

use certorder::domain::DomainName;
use certorder::http::{HttpRequest, HttpResponse};
use certorder::order::{DcvChoice, DcvMethod, OrderDraft, Quote};
use certorder::product::{Money, Period};
use certorder::provider::realtimeregister::RealtimeRegister;
use certorder::provider::ssl247::Ssl247;
use certorder::provider::{Provider, ProviderError, ProviderKind, flow};
use serde_json::{Value, json};

/// A name as a draft holds it.
fn dn(name: &str) -> DomainName {
    DomainName::parse(name).expect("a valid name")
}

const CSR: &str =
    "-----BEGIN CERTIFICATE REQUEST-----\nMIIC6zCCAdMCAQAw\n-----END CERTIFICATE REQUEST-----";

fn rtr_fixture(name: &str) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/providers");
    std::fs::read_to_string(format!("{dir}/{name}")).unwrap()
}

fn json_response(status: u16, body: &str) -> HttpResponse {
    HttpResponse::new(status, body).with_header("Content-Type", "application/json")
}

fn body(request: &HttpRequest) -> Value {
    serde_json::from_slice(request.body.as_deref().unwrap()).unwrap()
}

fn rtr_draft(accepted_quote: Option<Quote>) -> OrderDraft {
    OrderDraft {
        product: "ssl_sectigo_multi".into(),
        period: Some(Period::years(1)),
        csr: Some(CSR.into()),
        common_name: Some(dn("example.com")),
        sans: vec![dn("www.example.com")],
        dcv: vec![DcvChoice::all(DcvMethod::Dns)],
        accepted_quote,
        ..OrderDraft::default()
    }
}

/// The documented quote answer (`?quote=true`), read through the adapter's quote flow.
fn rtr_quote() -> Quote {
    let adapter = RealtimeRegister::for_customer("johndoe");
    let quote = rtr_fixture("realtimeregister/quote.json");
    flow::run_sync(adapter.quote(&rtr_draft(None)).unwrap(), |_, _| {
        Ok::<_, ()>(json_response(200, &quote))
    })
    .unwrap()
}

/// A `BillableAcknowledgmentNeededException` demanding the quote fixture's billables, with
/// the amount of the last one replaced by `extra_domain`.
fn demand(extra_domain: i64) -> String {
    let quote: Value = serde_json::from_str(&rtr_fixture("realtimeregister/quote.json")).unwrap();
    let mut billables = quote["quote"]["billables"].clone();
    billables[1]["amount"] = json!(extra_domain);
    billables[1]["total"] = json!(extra_domain);
    json!({"type": "BillableAcknowledgmentNeededException", "message": "Billable acknowledgment needed", "billables": billables}).to_string()
}

/// Runs a Realtime Register order, answering the first request with `first` and any later
/// one with the documented 202; returns the result and every body sent.
fn run_rtr(
    draft: &OrderDraft,
    first: &str,
) -> (
    Result<certorder::order::OrderState, ProviderError>,
    Vec<Value>,
) {
    let adapter = RealtimeRegister::for_customer("johndoe");
    let created = rtr_fixture("realtimeregister/request-202-sdk-mock.json");
    let mut bodies = Vec::new();
    let result = flow::run_sync(adapter.create_order(draft).unwrap(), |request, _| {
        bodies.push(body(&request));
        Ok::<_, ()>(if bodies.len() == 1 {
            json_response(400, first)
        } else {
            json_response(202, &created).with_header("x-process-id", "20")
        })
    })
    .map_err(|e| match e {
        flow::RunError::Provider(e) => e,
        flow::RunError::Transport(()) => panic!("transport"),
    });
    (result, bodies)
}

// Guards: a demand for exactly the accepted quote's billables is acknowledged once: one
// request pair, the second carrying the billables the provider asked for.
#[test]
fn realtime_register_acknowledges_the_accepted_quote() {
    let quote = rtr_quote();
    assert_eq!(quote.total, Money::new(3750, Some("EUR")));
    let (result, bodies) = run_rtr(&rtr_draft(Some(quote)), &demand(1250));
    let state = result.unwrap();
    assert_eq!(state.handle.operation.as_deref(), Some("20"));
    assert_eq!(bodies.len(), 2);
    assert!(bodies[0].get("billables").is_none());
    let asked: Value = serde_json::from_str(&demand(1250)).unwrap();
    assert_eq!(bodies[1]["billables"], asked["billables"]);
}

// Guards: a demand that charges more than the accepted quote stops the order, nothing is
// re-sent, and the error carries the new price for the customer to accept or not.
#[test]
fn realtime_register_stops_when_the_price_changed() {
    let (result, bodies) = run_rtr(&rtr_draft(Some(rtr_quote())), &demand(1500));
    assert_eq!(bodies.len(), 1, "nothing re-sent");
    let Err(ProviderError::PriceChanged {
        provider,
        accepted,
        asked,
    }) = result
    else {
        panic!("expected PriceChanged, got {result:?}");
    };
    assert_eq!(provider, ProviderKind::RealtimeRegister);
    assert_eq!(accepted.total, Money::new(3750, Some("EUR")));
    assert_eq!(asked.total, Money::new(4000, Some("EUR")));
    assert_eq!(asked.lines[1].description, "EXTRA_DOMAIN");
    assert_eq!(asked.lines[1].amount, Money::new(1500, Some("EUR")));
    // Accepting the new price orders at it.
    let (again, bodies) = run_rtr(&rtr_draft(Some(*asked)), &demand(1500));
    assert!(again.is_ok());
    assert_eq!(bodies.len(), 2);
    assert_eq!(bodies[1]["billables"][1]["total"], 1500);
}

// Guards: other items for the same total are a changed price too.
#[test]
fn realtime_register_stops_when_the_items_changed() {
    let mut quote = rtr_quote();
    quote.lines[1].description = "EXTRA_WILDCARD".into();
    let (result, bodies) = run_rtr(&rtr_draft(Some(quote)), &demand(1250));
    assert!(matches!(result, Err(ProviderError::PriceChanged { .. })));
    assert_eq!(bodies.len(), 1);
}

// Guards: with no accepted quote, nothing is sent at all.
#[test]
fn realtime_register_needs_an_accepted_quote() {
    let adapter = RealtimeRegister::for_customer("johndoe");
    assert_eq!(
        adapter.create_order(&rtr_draft(None)).err(),
        Some(ProviderError::QuoteNotAccepted {
            provider: ProviderKind::RealtimeRegister
        })
    );
}

fn ssl247_draft(accepted_quote: Option<Quote>) -> OrderDraft {
    OrderDraft {
        product: "com-ent-ssl-pro".into(),
        period: Some(Period::years(1)),
        csr: Some(CSR.into()),
        common_name: Some(dn("example.com")),
        sans: vec![dn("www.example.com")],
        dcv: vec![DcvChoice::all(DcvMethod::Dns)],
        accepted_quote,
        ..OrderDraft::default()
    }
}

fn ssl247_answer(data: Value) -> HttpResponse {
    json_response(
        200,
        &json!({"StatusCode": "200", "StatusDescription": "OK", "Date": "2024-05-01", "Data": data})
            .to_string(),
    )
}

/// Runs an SSL247 order where `validate` prices the SAN at `san`; returns the result and
/// the paths sent.
fn run_ssl247(draft: &OrderDraft, san: &str) -> (Result<(), ProviderError>, Vec<String>) {
    let mut paths = Vec::new();
    let result = flow::run_sync(Ssl247.create_order(draft).unwrap(), |request, _| {
        paths.push(request.path.clone());
        Ok::<_, ()>(ssl247_answer(match request.path.as_str() {
            "/order/certificate/validate" => json!({"Valid": true, "OrderLines": [{"label": "SSL",
                "total": "100.00", "quantity": "1", "addons": [{"label": "SAN", "total": san}]}]}),
            "/order/certificate/place-quick-order" => json!({"Certificate": [{"id": "4711"}]}),
            "/order/certificate/place-order" => {
                json!({"Order": [{"Certificate": {"id": "4711"}}]})
            }
            _ => json!({"Certificate": [{"id": "4711", "status": "Pending"}]}),
        }))
    })
    .map(|_| ())
    .map_err(|e| match e {
        flow::RunError::Provider(e) => e,
        flow::RunError::Transport(()) => panic!("transport"),
    });
    (result, paths)
}

/// The quote SSL247's own quote flow gives for a SAN at 20.50.
fn ssl247_quote() -> Quote {
    let flow = Ssl247.quote(&ssl247_draft(None)).unwrap();
    flow::run_sync(flow, |_, _| {
        Ok::<_, ()>(ssl247_answer(
            json!({"Valid": true, "OrderLines": [{"label": "SSL",
            "total": "100.00", "quantity": "1", "addons": [{"label": "SAN", "total": "20.50"}]}]}),
        ))
    })
    .unwrap()
}

// Guards: SSL247 places the order only when validate prices it as the accepted quote, in
// both the step-by-step and the one-call order.
#[test]
fn ssl247_charges_the_accepted_quote() {
    let draft = ssl247_draft(Some(ssl247_quote()));
    let (result, paths) = run_ssl247(&draft, "20.50");
    result.unwrap();
    assert_eq!(
        paths,
        [
            "/order/certificate/validate",
            "/order/certificate/place-order",
            "/order/certificate/complete"
        ]
    );
    let quick = OrderDraft {
        in_one_request: true,
        ..draft
    };
    let (result, paths) = run_ssl247(&quick, "20.50");
    result.unwrap();
    assert_eq!(
        paths,
        [
            "/order/certificate/validate",
            "/order/certificate/place-quick-order"
        ]
    );
}

// Guards: a validate price other than the accepted quote stops before anything is charged.
#[test]
fn ssl247_stops_when_the_price_changed() {
    for in_one_request in [false, true] {
        let draft = OrderDraft {
            in_one_request,
            ..ssl247_draft(Some(ssl247_quote()))
        };
        let (result, paths) = run_ssl247(&draft, "25.00");
        assert_eq!(paths, ["/order/certificate/validate"], "nothing charged");
        let Err(ProviderError::PriceChanged { asked, .. }) = result else {
            panic!("expected PriceChanged, got {result:?}");
        };
        assert_eq!(asked.total, Money::new(12500, None));
    }
}

// Guards: SSL247 sends nothing for an order with no accepted quote.
#[test]
fn ssl247_needs_an_accepted_quote() {
    for in_one_request in [false, true] {
        let draft = OrderDraft {
            in_one_request,
            ..ssl247_draft(None)
        };
        assert_eq!(
            Ssl247.create_order(&draft).err(),
            Some(ProviderError::QuoteNotAccepted {
                provider: ProviderKind::Ssl247
            })
        );
    }
}

// Guards: a quote the provider sends without its total, or with a billable without amount,
// is an error, never a price of 0 shown to the customer.
#[test]
fn realtime_register_quote_without_a_price_is_an_error() {
    let adapter = RealtimeRegister::for_customer("johndoe");
    for answer in [
        r#"{"quote": {"currency": "EUR", "billables": []}}"#,
        r#"{"quote": {"currency": "EUR", "total": 100, "billables": [{"product": "ssl", "action": "REQUEST"}]}}"#,
    ] {
        let result = flow::run_sync(adapter.quote(&rtr_draft(None)).unwrap(), |_, _| {
            Ok::<_, ()>(json_response(200, answer))
        });
        assert!(
            matches!(
                result,
                Err(flow::RunError::Provider(ProviderError::UnexpectedResponse(
                    _
                )))
            ),
            "{answer}: {result:?}"
        );
    }
}
