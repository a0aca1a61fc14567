//! What every adapter's recognition test shares: each call constructor's request, read back by
//! the adapter's own `recognise`, must be named and classed as the call says it is. The class
//! decides the widget's idempotency keys, the recognition what the server forwards; the two
//! are written in different places, so this test holds them together.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)] // each test file uses a part

use certorder::provider::flow::Prepared;
use certorder::provider::{Call, Provider, ProviderError};

/// A constructor's result, whether it can fail or not.
pub(crate) trait Built<T> {
    fn built(self) -> Result<Prepared<T>, ProviderError>;
}

impl<T> Built<T> for Prepared<T> {
    fn built(self) -> Result<Prepared<T>, ProviderError> {
        Ok(self)
    }
}

impl<T> Built<T> for Result<Prepared<T>, ProviderError> {
    fn built(self) -> Result<Prepared<T>, ProviderError> {
        self
    }
}

/// The rows checked so far and every row that failed, so one failure hides no other.
pub(crate) struct Recognition<'p> {
    provider: &'p dyn Provider,
    checked: usize,
    failures: Vec<String>,
}

impl<'p> Recognition<'p> {
    pub(crate) fn new(provider: &'p dyn Provider) -> Self {
        Self {
            provider,
            checked: 0,
            failures: Vec::new(),
        }
    }

    /// Checks one constructor, labelled by how the test called it: the request it builds
    /// (headers included) is recognised as the call's own name and class.
    pub(crate) fn check<T>(&mut self, label: &str, call: impl Built<T>) {
        self.checked += 1;
        let call = match call.built() {
            Ok(call) => call,
            Err(e) => {
                self.failures.push(format!("{label}: not built: {e}"));
                return;
            }
        };
        let request = match call.request() {
            Ok(request) => request,
            Err(e) => {
                self.failures.push(format!("{label}: no request: {e}"));
                return;
            }
        };
        let seen = self.provider.recognise(&request);
        let class = call.class();
        let expected = (self.provider.kind(), call.name(), class);
        match seen {
            Some(op) if (op.provider, op.name, op.class) == expected => {}
            Some(op) => self.failures.push(format!(
                "{label}: the call says {} ({class:?}), recognise says {} ({:?})",
                call.name(),
                op.name,
                op.class
            )),
            None => self.failures.push(format!(
                "{label}: {} {} is not recognised",
                request.method.as_str(),
                request.path_and_query()
            )),
        }
    }

    /// Fails with every failing row, after checking that `expected` rows were checked.
    pub(crate) fn finish(self, expected: usize) {
        assert!(
            self.failures.is_empty(),
            "{} of {} calls disagree with recognise:\n{}",
            self.failures.len(),
            self.checked,
            self.failures.join("\n")
        );
        assert_eq!(self.checked, expected, "rows checked");
    }
}

/// A forwarded request as the server hands it to `recognise`: method, path (with any query)
/// and body, no headers.
pub(crate) fn forwarded(
    method: certorder::http::Method,
    path: &str,
    body: &[u8],
) -> certorder::http::HttpRequest {
    let mut request = certorder::http::HttpRequest::new(method, path);
    request.body = (!body.is_empty()).then(|| body.to_vec());
    request
}
