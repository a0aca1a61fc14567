//! Runs a provider's [`Flow`] over the browser's `fetch` (gloo-net), on the offer's route:
//! the proxy at `/api/{provider}/…` on this origin, or a direct base URL that answers CORS
//! itself. What each call carries and how a failure reads come from [`crate::client`].

use gloo_net::http::{Method as FetchMethod, RequestBuilder};
use web_sys::RequestMode;

use crate::client::{self, CallContext, CallError};
use crate::deployment::{CONFIG_PATH, Deployment, ProviderOffer, Route};
use crate::http::{HttpRequest, HttpResponse, Method};
use crate::order::OrderHandle;
use crate::provider::{Flow, OperationClass, Step};

/// Runs `flow` for `offer` with `context`: every request gets what the context adds, every
/// answer gives its order tokens back to it.
pub async fn run<T>(
    offer: &ProviderOffer,
    flow: Flow<T>,
    context: &mut CallContext,
) -> Result<T, CallError> {
    let kind = offer.kind;
    let mut flow = flow;
    let mut billables_sent = 0;
    loop {
        let class = flow.class();
        let mut request = flow.request().map_err(|e| client::from_provider(kind, e))?;
        context.prepare(&mut request, class, billables_sent)?;
        if class.is_billable() {
            billables_sent += 1;
        }
        let response = send(offer, &request, class).await?;
        if offer.route == Route::Proxy
            && let Some(refused) = client::server_refusal(kind, class, &response)
        {
            return Err(refused);
        }
        context.absorb(&response);
        match flow
            .advance(&response)
            .map_err(|e| client::from_provider(kind, e))?
        {
            Step::Done(value) => return Ok(value),
            Step::Next(next) => flow = next,
        }
    }
}

/// Reads the deployment from the server the widget was loaded from.
pub async fn load_deployment() -> Result<Deployment, CallError> {
    let response = fetch(&HttpRequest::new(Method::Get, CONFIG_PATH), CONFIG_PATH)
        .await
        .map_err(|()| CallError::Network)?;
    if !response.is_success() {
        return Err(CallError::Refused {
            code: format!("status {}", response.status),
            message: String::from_utf8_lossy(&response.body).into_owned(),
        });
    }
    Ok(Deployment::from_json(&response.body)?)
}

/// The sandbox's "mark DCV done" for an order (sandbox offers only).
pub async fn complete_sandbox_dcv(
    offer: &ProviderOffer,
    handle: &OrderHandle,
) -> Result<(), CallError> {
    let url = offer.complete_dcv_url(handle).ok_or_else(|| {
        CallError::Configuration(crate::deployment::DeploymentError::NotOffered(
            "sandbox".to_owned(),
        ))
    })?;
    let response = fetch(&HttpRequest::new(Method::Post, url.clone()), &url)
        .await
        .map_err(|()| CallError::Network)?;
    match client::server_refusal(offer.kind, OperationClass::OrderChange, &response) {
        Some(refused) => Err(refused),
        None if response.is_success() => Ok(()),
        None => Err(CallError::ProviderFailed {
            provider: offer.kind,
        }),
    }
}

/// Sends one request on the offer's route. A cross-origin request that fails is probed once
/// without CORS: if its server answers that way, the failure was its CORS check.
async fn send(
    offer: &ProviderOffer,
    request: &HttpRequest,
    class: OperationClass,
) -> Result<HttpResponse, CallError> {
    let url = offer.url(request);
    match fetch(request, &url).await {
        Ok(response) => Ok(response),
        Err(()) => {
            let cors_refused = match &offer.route {
                Route::Direct { base_url } if reachable_without_cors(base_url).await => {
                    Some(base_url.as_str())
                }
                _ => None,
            };
            Err(client::network_failure(class, cors_refused))
        }
    }
}

/// Whether `base_url` answers an opaque (`no-cors`) request: its server is up, so a failed
/// request to it was refused by the browser for want of CORS.
async fn reachable_without_cors(base_url: &str) -> bool {
    RequestBuilder::new(base_url)
        .mode(RequestMode::NoCors)
        .send()
        .await
        .is_ok()
}

fn fetch_method(method: Method) -> FetchMethod {
    match method {
        Method::Get => FetchMethod::GET,
        Method::Post => FetchMethod::POST,
        Method::Put => FetchMethod::PUT,
        Method::Patch => FetchMethod::PATCH,
        Method::Delete => FetchMethod::DELETE,
    }
}

/// One `fetch`; `Err(())` when no answer came (the browser says no more than that).
async fn fetch(request: &HttpRequest, url: &str) -> Result<HttpResponse, ()> {
    let mut builder = RequestBuilder::new(url).method(fetch_method(request.method));
    for (name, value) in &request.headers {
        builder = builder.header(name, value);
    }
    let built = match &request.body {
        Some(body) => builder.body(js_sys::Uint8Array::from(body.as_slice())),
        None => builder.build(),
    }
    .map_err(|_| ())?;
    let response = built.send().await.map_err(|_| ())?;
    let status = response.status();
    let headers: Vec<(String, String)> = response.headers().entries().collect();
    let body = response.binary().await.map_err(|_| ())?;
    let mut answer = HttpResponse::new(status, body);
    for (name, value) in headers {
        answer = answer.with_header(name, value);
    }
    Ok(answer)
}
