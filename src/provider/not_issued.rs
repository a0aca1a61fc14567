//! "Not issued yet" as one neutral answer: [`ProviderError::NotIssued`], whatever way the
//! provider says it (a 404 on the certificate's download, an empty certificate field).

use crate::http::{HttpRequest, HttpResponse};
use crate::provider::flow::{Exchange, Flow, Step};
use crate::provider::{OperationClass, ProviderError};

/// A download flow whose answers `missing` recognises as "no certificate yet" end in
/// [`ProviderError::NotIssued`] instead of the provider's own error.
pub(crate) fn when_missing<T: 'static>(
    flow: Flow<T>,
    missing: fn(&HttpResponse) -> bool,
) -> Flow<T> {
    Box::new(WhenMissing { flow, missing })
}

/// A 404: the certificate (or its file) is not there yet.
pub(crate) fn is_not_found(response: &HttpResponse) -> bool {
    response.status == 404
}

struct WhenMissing<T> {
    flow: Flow<T>,
    missing: fn(&HttpResponse) -> bool,
}

impl<T: 'static> Exchange<T> for WhenMissing<T> {
    fn class(&self) -> OperationClass {
        self.flow.class()
    }

    fn request(&self) -> Result<HttpRequest, ProviderError> {
        self.flow.request()
    }

    fn advance(self: Box<Self>, response: &HttpResponse) -> Result<Step<T>, ProviderError> {
        if (self.missing)(response) {
            return Err(ProviderError::NotIssued);
        }
        Ok(match self.flow.advance(response)? {
            Step::Done(out) => Step::Done(out),
            Step::Next(next) => Step::Next(when_missing(next, self.missing)),
        })
    }
}
