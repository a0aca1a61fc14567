//! Strings of the widget's shell (header, navigation, loading the configuration) and of the
//! errors a call can end in (`crate::client::CallError`).

/// The brand line in the header.
pub const BRAND: &str = "certorder";
/// The navigation's accessible name.
pub const NAV_LABEL: &str = "Main";
/// Link to a new order.
pub const NAV_ORDER: &str = "Order a certificate";
/// Link to the orders placed in this browser.
pub const NAV_ORDERS: &str = "Your orders";
/// Link to the CSR report.
pub const NAV_CSR: &str = "Check a CSR";
/// Shown while the site's configuration loads.
pub const LOADING_CONFIG: &str = "Loading this site's settings…";
/// The heading when the configuration cannot be loaded.
pub const CONFIG_FAILED: &str = "This site's settings could not be loaded";
/// A retry button.
pub const RETRY: &str = "Try again";
/// The banner shown when the providers are simulated.
pub const SANDBOX_BANNER: &str =
    "Sandbox: orders here are simulated. Nothing is charged and no real certificate is issued.";
/// The name of the sandbox banner's landmark.
pub const SANDBOX_LABEL: &str = "Sandbox";
/// The heading of an unknown page.
pub const NOT_FOUND: &str = "Page not found";
/// What to do on an unknown page.
pub const NOT_FOUND_HINT: &str = "This address is not a page of the order form.";

/// The request could not be sent or its answer did not arrive.
pub const ERR_NETWORK: &str =
    "The connection failed. Check your network connection, then try again.";
/// A direct route whose server does not allow this site (CORS preflight refused).
pub fn err_cors(base_url: &str) -> String {
    format!(
        "{base_url} did not allow this site to call it (its cross-origin check failed). \
         The site's operator must allow this origin there, or route the provider through the \
         site's own server."
    )
}
/// The order was sent and no answer came.
pub const ERR_IN_DOUBT: &str = "Your order was sent but no answer came back, so we cannot \
     tell whether it was placed. Do not order again: check the order's status first.";
/// A non-billable call timed out.
pub fn err_timeout(provider: &str) -> String {
    format!("{provider} did not answer in time. Try again in a moment.")
}
/// Too many orders.
pub fn err_rate_limited(retry_after: Option<u64>) -> String {
    match retry_after {
        Some(seconds) => {
            format!("Too many orders from this connection. Try again in {seconds} seconds.")
        }
        None => "Too many orders from this connection. Try again later.".to_owned(),
    }
}
/// The provider refused, in its own words.
pub fn err_provider(provider: &str, message: &str) -> String {
    format!("{provider} refused: {message}")
}
/// The provider failed or answered unreadably.
pub fn err_provider_failed(provider: &str) -> String {
    format!("{provider} is having trouble right now. Try again in a moment.")
}
/// The site's server refused the request.
pub fn err_refused(message: &str) -> String {
    format!("The request was refused: {message}")
}
/// The browser no longer holds the order's token.
pub const ERR_ORDER_TOKEN: &str = "This browser cannot open that order: it was placed from \
     another browser, or this browser's stored data was cleared.";
/// A billable call without an idempotency key: a bug, refused before sending.
pub const ERR_NO_IDEMPOTENCY_KEY: &str =
    "The order could not be sent safely (no idempotency key). Nothing was sent; reload the page.";
/// The configuration does not allow what was asked.
pub fn err_configuration(reason: &str) -> String {
    format!("This site is not set up for that: {reason}")
}
/// A second submit while the first is being carried out.
pub const ERR_IN_FLIGHT: &str =
    "Your order is still being placed. Wait a moment: it is sent only once.";
