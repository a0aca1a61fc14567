//! Sans-IO calls and multi-step flows, and small drivers that run them over a transport.
//!
//! A [`Call`] is one documented request/response exchange with a typed result. A [`Flow`] is
//! what a provider-neutral operation needs: one or more exchanges, where each response decides
//! the next request (SSL247 validate → place-order → complete; Gandi create → DCV params).
//! The transport stays outside: [`run`] takes any async function from [`HttpRequest`] to
//! [`HttpResponse`], [`run_sync`] a blocking one (tests, the command line).

use std::fmt;
use std::future::Future;
use std::task::{Context, Poll, Waker};

use crate::http::{HttpRequest, HttpResponse};
use crate::provider::{OperationClass, ProviderError};

/// One request/response exchange with a provider, with a typed result.
pub trait Call {
    /// What a successful response parses into.
    type Output;

    /// The operation class, for policy (billable calls carry an `Idempotency-Key`).
    fn class(&self) -> OperationClass;

    /// Builds the request, without credentials (see [`crate::provider::Provider::authenticate`]).
    fn request(&self) -> Result<HttpRequest, ProviderError>;

    /// Parses the response, mapping the provider's error envelope onto [`ProviderError`].
    fn parse(&self, response: &HttpResponse) -> Result<Self::Output, ProviderError>;
}

/// The next thing a flow needs: nothing (it is done) or another exchange.
pub enum Step<T> {
    /// The flow is complete.
    Done(T),
    /// Send this exchange's request next.
    Next(Flow<T>),
}

/// A boxed exchange in a multi-step flow, producing a `T` at the end.
pub type Flow<T> = Box<dyn Exchange<T> + Send + Sync>;

/// One exchange of a [`Flow`]: it builds a request, then turns the response into the next step.
pub trait Exchange<T> {
    /// The operation class of this exchange's request.
    fn class(&self) -> OperationClass;

    /// Builds the request, without credentials.
    fn request(&self) -> Result<HttpRequest, ProviderError>;

    /// Consumes this exchange and the response, and says what comes next.
    fn advance(self: Box<Self>, response: &HttpResponse) -> Result<Step<T>, ProviderError>;
}

/// A documented operation's request, built up front, with the functions that read its answer:
/// every adapter's calls are this one type.
///
/// `refusal` reads an answer at the provider's envelope level (a status that is not success,
/// an error body) and says whether it is a refusal; `parse` reads an answer that is not. The
/// name is the one [`crate::provider::Provider::recognise`] reports for the request, and the
/// class the one it gives (a test per adapter holds the two together).
///
/// `Debug` shows the name, class, method and path only: some bodies carry a private key.
#[derive(Clone)]
pub struct Prepared<T> {
    name: &'static str,
    class: OperationClass,
    request: HttpRequest,
    refusal: fn(&HttpResponse) -> Option<ProviderError>,
    parse: fn(&HttpResponse) -> Result<T, ProviderError>,
}

impl<T> fmt::Debug for Prepared<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Prepared")
            .field("name", &self.name)
            .field("class", &self.class)
            .field("method", &self.request.method)
            .field("path", &self.request.path)
            .finish_non_exhaustive()
    }
}

impl<T> Prepared<T> {
    /// The operation `name` of class `class`, sending `request`; an answer `refusal` does not
    /// refuse is read with `parse`.
    pub fn new(
        name: &'static str,
        class: OperationClass,
        request: HttpRequest,
        refusal: fn(&HttpResponse) -> Option<ProviderError>,
        parse: fn(&HttpResponse) -> Result<T, ProviderError>,
    ) -> Self {
        Self {
            name,
            class,
            request,
            refusal,
            parse,
        }
    }

    /// The same request, its success read another way.
    pub(crate) fn with_parse<U>(
        self,
        parse: fn(&HttpResponse) -> Result<U, ProviderError>,
    ) -> Prepared<U> {
        Prepared {
            name: self.name,
            class: self.class,
            request: self.request,
            refusal: self.refusal,
            parse,
        }
    }

    /// The documented operation, as the adapter's `recognise` names it.
    pub const fn name(&self) -> &'static str {
        self.name
    }

    /// The path below the base URL.
    pub fn path(&self) -> &str {
        &self.request.path
    }
}

impl<T> Call for Prepared<T> {
    type Output = T;

    fn class(&self) -> OperationClass {
        self.class
    }

    fn request(&self) -> Result<HttpRequest, ProviderError> {
        Ok(self.request.clone())
    }

    fn parse(&self, response: &HttpResponse) -> Result<T, ProviderError> {
        if let Some(refused) = (self.refusal)(response) {
            return Err(refused);
        }
        (self.parse)(response)
    }
}

/// A flow made of one [`Call`], its result mapped by `map`.
struct Single<C, F> {
    call: C,
    map: F,
}

impl<C, F, T> Exchange<T> for Single<C, F>
where
    C: Call,
    F: FnOnce(C::Output) -> Result<Step<T>, ProviderError>,
{
    fn class(&self) -> OperationClass {
        self.call.class()
    }

    fn request(&self) -> Result<HttpRequest, ProviderError> {
        self.call.request()
    }

    fn advance(self: Box<Self>, response: &HttpResponse) -> Result<Step<T>, ProviderError> {
        let Self { call, map } = *self;
        map(call.parse(response)?)
    }
}

/// A one-exchange flow that returns the call's own result.
pub fn single<C>(call: C) -> Flow<C::Output>
where
    C: Call + Send + Sync + 'static,
{
    Box::new(Single {
        call,
        map: |out| Ok(Step::Done(out)),
    })
}

/// A one-exchange flow whose result is mapped into the neutral model.
pub fn map<C, T, F>(call: C, f: F) -> Flow<T>
where
    C: Call + Send + Sync + 'static,
    F: FnOnce(C::Output) -> Result<T, ProviderError> + Send + Sync + 'static,
{
    Box::new(Single {
        call,
        map: move |out| f(out).map(Step::Done),
    })
}

/// A flow that sends `call`, then lets `next` decide whether more exchanges follow.
pub fn then<C, T, F>(call: C, next: F) -> Flow<T>
where
    C: Call + Send + Sync + 'static,
    F: FnOnce(C::Output) -> Result<Step<T>, ProviderError> + Send + Sync + 'static,
{
    Box::new(Single { call, map: next })
}

/// Why running a flow failed: the transport, or the provider.
#[derive(Debug, thiserror::Error)]
pub enum RunError<E> {
    /// The transport failed; the request may or may not have reached the provider.
    #[error("transport: {0}")]
    Transport(E),
    /// The provider answered with an error, or the call could not be built.
    #[error(transparent)]
    Provider(#[from] ProviderError),
}

/// Runs a flow over an async transport.
///
/// `send` gets each request with its class; it adds what the route needs (credentials, an
/// `Idempotency-Key` on billable calls) and returns the response.
pub async fn run<T, E, Fut>(
    mut flow: Flow<T>,
    mut send: impl FnMut(HttpRequest, OperationClass) -> Fut,
) -> Result<T, RunError<E>>
where
    Fut: Future<Output = Result<HttpResponse, E>>,
{
    loop {
        let request = flow.request()?;
        let response = send(request, flow.class())
            .await
            .map_err(RunError::Transport)?;
        match flow.advance(&response)? {
            Step::Done(out) => return Ok(out),
            Step::Next(next) => flow = next,
        }
    }
}

/// Runs a flow over a blocking transport (tests and tools).
///
/// This is [`run`] itself, over a transport whose every answer is ready when asked for, so the
/// two share one loop: polled once, the future has nothing to wait for and completes.
pub fn run_sync<T, E>(
    flow: Flow<T>,
    mut send: impl FnMut(HttpRequest, OperationClass) -> Result<HttpResponse, E>,
) -> Result<T, RunError<E>> {
    let future = run(flow, |request, class| {
        std::future::ready(send(request, class))
    });
    let mut future = std::pin::pin!(future);
    let mut context = Context::from_waker(Waker::noop());
    loop {
        // Every future `run` awaits here is `Ready`, so the first poll completes; the loop only
        // makes that an invariant of the code rather than a panic.
        if let Poll::Ready(result) = future.as_mut().poll(&mut context) {
            return result;
        }
    }
}

#[cfg(test)]
mod tests;
