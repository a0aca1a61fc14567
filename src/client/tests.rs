use super::*;
use crate::http::Method;

fn refusal(status: u16, code: &str) -> HttpResponse {
    HttpResponse::new(
        status,
        format!(r#"{{"error":{{"code":"{code}","message":"said {code}"}}}}"#),
    )
}

// Guards: a billable call carries the attempt's key; without a key it is refused unsent.
#[test]
fn billable_calls_carry_the_key_or_are_refused() -> Result<(), CallError> {
    let mut request = HttpRequest::new(Method::Post, "/v5/certificate/issued-certs");
    let context = CallContext::for_attempt("attempt-1");
    context.prepare(&mut request, OperationClass::Billable, 0)?;
    assert_eq!(request.header("idempotency-key"), Some("attempt-1"));
    let mut request = HttpRequest::new(Method::Post, "/x");
    assert_eq!(
        CallContext::default().prepare(&mut request, OperationClass::Billable, 0),
        Err(CallError::NoIdempotencyKey)
    );
    let empty = CallContext::for_attempt("");
    assert_eq!(
        empty.prepare(&mut request, OperationClass::Billable, 0),
        Err(CallError::NoIdempotencyKey)
    );
    // A second billable request of the same attempt (an acknowledgment handshake) has a key
    // of its own, the same on every retry.
    let mut again = HttpRequest::new(Method::Post, "/v2/ssl/certificates");
    context.prepare(&mut again, OperationClass::Billable, 1)?;
    assert_eq!(again.header("idempotency-key"), Some("attempt-1.2"));
    let mut catalog = HttpRequest::new(Method::Get, "/x");
    context.prepare(&mut catalog, OperationClass::Catalog, 0)?;
    assert_eq!(
        catalog.header("idempotency-key"),
        None,
        "only billable calls"
    );
    Ok(())
}

// Guards: order tokens go on order-scoped calls only, and every token an answer carries is
// kept once.
#[test]
fn order_tokens_round_trip() -> Result<(), CallError> {
    let mut context = CallContext::for_attempt("k");
    let answer = HttpResponse::new(201, "{}")
        .with_header("certorder-order-token", "tok-a, tok-b")
        .with_header("Certorder-Order-Token", "tok-a");
    context.absorb(&answer);
    assert_eq!(context.order_tokens, ["tok-a", "tok-b"]);
    let mut read = HttpRequest::new(Method::Get, "/order/1");
    context.prepare(&mut read, OperationClass::OrderRead, 0)?;
    assert_eq!(read.header(ORDER_TOKEN_HEADER), Some("tok-a, tok-b"));
    let mut lookup = HttpRequest::new(Method::Get, "/approvers");
    context.prepare(&mut lookup, OperationClass::Lookup, 0)?;
    assert_eq!(lookup.header(ORDER_TOKEN_HEADER), None);
    let stored = serde_json::to_string(&context).unwrap_or_default();
    let back: CallContext = serde_json::from_str(&stored).unwrap_or_default();
    assert_eq!(back, context);
    Ok(())
}

// Guards: the server's refusals map onto what the customer is told; a billable call whose
// upstream failed after sending is in doubt, never "try again".
#[test]
fn server_refusals_are_read() {
    let kind = ProviderKind::GandiV5;
    let read = |status, code, class| server_refusal(kind, class, &refusal(status, code));
    assert_eq!(
        read(504, "upstream_timeout", OperationClass::Billable),
        Some(CallError::InDoubt)
    );
    assert_eq!(
        read(504, "upstream_timeout", OperationClass::Catalog),
        Some(CallError::Timeout { provider: kind })
    );
    assert_eq!(
        read(504, "in_doubt", OperationClass::Billable),
        Some(CallError::InDoubt)
    );
    assert_eq!(
        read(502, "upstream_error", OperationClass::Billable),
        Some(CallError::InDoubt)
    );
    assert_eq!(
        read(502, "upstream_unreachable", OperationClass::Billable),
        Some(CallError::ProviderFailed { provider: kind })
    );
    assert_eq!(
        read(409, "idempotency_in_flight", OperationClass::Billable),
        Some(CallError::InFlight)
    );
    assert_eq!(
        read(403, "order_token_invalid", OperationClass::OrderRead),
        Some(CallError::OrderToken)
    );
    let limited = refusal(429, "rate_limited").with_header("Retry-After", "7");
    assert_eq!(
        server_refusal(kind, OperationClass::Billable, &limited),
        Some(CallError::RateLimited {
            retry_after: Some(7)
        })
    );
    assert!(matches!(
        read(404, "unknown_operation", OperationClass::Catalog),
        Some(CallError::Refused { .. })
    ));
    // A provider's own error bodies, and successes, are the adapter's to read.
    assert_eq!(read(400, "invalid_csr", OperationClass::Billable), None);
    assert_eq!(
        server_refusal(
            kind,
            OperationClass::Billable,
            &HttpResponse::new(400, r#"{"type":"x","message":"y"}"#)
        ),
        None
    );
    assert_eq!(
        server_refusal(kind, OperationClass::Billable, &refusal(200, "in_doubt")),
        None
    );
}

// Guards: no answer at all: in doubt when billable (a CORS failure included), a CORS
// refusal named, with a retry, when the direct route's server was reachable.
#[test]
fn failures_without_an_answer() {
    assert_eq!(
        network_failure(OperationClass::Billable, None),
        CallError::InDoubt
    );
    assert_eq!(
        network_failure(OperationClass::Catalog, None),
        CallError::Network
    );
    let cors = network_failure(
        OperationClass::Catalog,
        Some("https://gw.certorder-demo.net"),
    );
    assert!(
        cors.message().contains("https://gw.certorder-demo.net"),
        "{}",
        cors.message()
    );
    assert!(cors.retry_safe(), "nothing billable: trying again is safe");
    assert_eq!(
        network_failure(
            OperationClass::Billable,
            Some("https://gw.certorder-demo.net")
        ),
        CallError::InDoubt,
        "a billable call may have been sent before its answer failed the CORS check"
    );
}

// Guards: what is safe to retry, and that every message is a sentence for a person.
#[test]
fn retry_safety_and_messages() {
    let kind = ProviderKind::Ssl247;
    assert!(!CallError::InDoubt.retry_safe());
    assert!(CallError::InDoubt.is_in_doubt());
    assert!(CallError::Network.retry_safe());
    assert!(CallError::Timeout { provider: kind }.retry_safe());
    assert!(!CallError::OrderToken.retry_safe());
    let refused = from_provider(kind, ProviderError::invalid("csr", "is not a CSR"));
    assert!(!refused.retry_safe());
    assert!(refused.message().contains("SSL247") && refused.message().contains("is not a CSR"));
    assert_eq!(
        from_provider(kind, ProviderError::UnexpectedStatus { status: 503 }),
        CallError::ProviderFailed { provider: kind }
    );
    assert!(from_provider(kind, ProviderError::NotIssued).retry_safe());
    for error in [
        CallError::Network,
        CallError::InDoubt,
        CallError::InFlight,
        CallError::RateLimited { retry_after: None },
        CallError::NoIdempotencyKey,
        CallError::OrderToken,
    ] {
        let message = error.message();
        assert!(message.ends_with('.'), "{message}");
    }
}
