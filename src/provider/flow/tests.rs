//! The drivers: `run` over a transport that makes it wait, `run_sync` over a blocking one, and
//! the errors of each side.

use std::cell::RefCell;
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use super::*;
use crate::http::Method;

fn refusal(response: &HttpResponse) -> Option<ProviderError> {
    (!response.is_success()).then_some(ProviderError::UnexpectedStatus {
        status: response.status,
    })
}

fn text(response: &HttpResponse) -> Result<String, ProviderError> {
    Ok(response.text()?.to_owned())
}

fn call(path: &str, class: OperationClass) -> Prepared<String> {
    Prepared::new(
        "test call",
        class,
        HttpRequest::new(Method::Post, path),
        refusal,
        text,
    )
}

/// Quote, then order with what the quote answered: two exchanges, the second built from the
/// first's answer.
fn two_steps() -> Flow<String> {
    then(call("/quote", OperationClass::Quote), |quoted| {
        let order = call("/order", OperationClass::Billable);
        Ok(Step::Next(map(order, move |placed| {
            Ok(format!("{quoted} then {placed}"))
        })))
    })
}

/// A transport answer that is not ready on the first poll, as a network answer is not.
struct Later(Option<Result<HttpResponse, &'static str>>, bool);

impl Future for Later {
    type Output = Result<HttpResponse, &'static str>;

    fn poll(mut self: std::pin::Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        if !self.1 {
            self.1 = true;
            cx.waker().wake_by_ref();
            return Poll::Pending;
        }
        Poll::Ready(self.0.take().unwrap_or(Err("polled after completion")))
    }
}

/// Polls `future` to completion, returning its output and how many polls it took.
fn block_on<F: Future>(future: F) -> (F::Output, usize) {
    let mut future = pin!(future);
    let mut context = Context::from_waker(Waker::noop());
    let mut polls = 0;
    loop {
        polls += 1;
        if let Poll::Ready(out) = future.as_mut().poll(&mut context) {
            return (out, polls);
        }
        assert!(polls < 100, "the flow never completes");
    }
}

/// An answer per path: `/quote` and `/order` answer 200 with their name.
fn answer(request: &HttpRequest) -> HttpResponse {
    HttpResponse::new(200, request.path.trim_start_matches('/'))
}

// Guards: run sends each exchange's request with its class, waits for the transport, and
// feeds each answer to the flow until it is done.
#[test]
fn run_drives_every_exchange_over_an_async_transport() {
    let sent = RefCell::new(Vec::new());
    let (result, polls) = block_on(run(two_steps(), |request, class| {
        sent.borrow_mut().push((request.path.clone(), class));
        Later(Some(Ok(answer(&request))), false)
    }));
    assert_eq!(result.ok(), Some("quote then order".to_owned()));
    assert_eq!(
        sent.into_inner(),
        [
            ("/quote".to_owned(), OperationClass::Quote),
            ("/order".to_owned(), OperationClass::Billable),
        ]
    );
    assert_eq!(polls, 3, "one wait per exchange, then done");
}

// Guards: a transport failure and a provider refusal stop the flow, each as its own error,
// and nothing after them is sent (a billable call never follows a failed quote).
#[test]
fn run_stops_at_a_transport_or_provider_error() {
    let sent = RefCell::new(0);
    let (result, _) = block_on(run(two_steps(), |_, _| {
        *sent.borrow_mut() += 1;
        Later(Some(Err("connection reset")), false)
    }));
    assert!(matches!(
        result,
        Err(RunError::Transport("connection reset"))
    ));
    assert_eq!(sent.replace(0), 1);

    let (result, _) = block_on(run(two_steps(), |_, _| {
        *sent.borrow_mut() += 1;
        Later(Some(Ok(HttpResponse::new(503, ""))), false)
    }));
    assert!(matches!(
        result,
        Err(RunError::Provider(ProviderError::UnexpectedStatus {
            status: 503
        }))
    ));
    assert_eq!(sent.into_inner(), 1);
}

// Guards: run_sync gives what run gives, over a blocking transport, errors included.
#[test]
fn run_sync_gives_what_run_gives() {
    let mut sent = Vec::new();
    let result = run_sync(two_steps(), |request, class| {
        sent.push((request.path.clone(), class));
        Ok::<_, &str>(answer(&request))
    });
    assert_eq!(result.ok(), Some("quote then order".to_owned()));
    assert_eq!(sent.len(), 2);
    let failed = run_sync(two_steps(), |_, _| Err("connection reset"));
    assert!(matches!(
        failed,
        Err(RunError::Transport("connection reset"))
    ));
}
