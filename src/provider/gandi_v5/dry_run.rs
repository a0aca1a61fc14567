//! `Dry-Run: 1`: Gandi v5 validates a create, renew or update and orders nothing
//! (docs/providers.md §1.2). The header decides which operation a request is, so the adapter's
//! calls, its recognition and the sandbox read it through these two functions alone.

use crate::http::HttpRequest;

/// The header's name.
const HEADER: &str = "Dry-Run";

/// The one value the v5 certificate reference gives for a dry run. Any other value (`0`,
/// `true`, `yes`, empty) is not documented as a dry run, so the request is what it would be
/// without the header: an order, billable.
const VALUE: &str = "1";

/// `request` with `Dry-Run: 1` when `dry_run`, unchanged otherwise.
pub(crate) fn mark(request: HttpRequest, dry_run: bool) -> HttpRequest {
    if dry_run {
        request.with_header(HEADER, VALUE)
    } else {
        request
    }
}

/// Whether the request is a dry run: exactly one `Dry-Run` header, whose value is `1` (RFC 9110
/// §5.5 leaves surrounding spaces and tabs outside a field value). Two such headers, or any
/// other value, are not the documented dry run, and the request stays the billable order.
pub fn is_dry_run(request: &HttpRequest) -> bool {
    let mut values = request
        .headers
        .iter()
        .filter(|(name, _)| name.eq_ignore_ascii_case(HEADER))
        .map(|(_, value)| value.trim_matches([' ', '\t']));
    matches!((values.next(), values.next()), (Some(VALUE), None))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::http::Method;

    fn with(headers: &[(&str, &str)]) -> HttpRequest {
        let mut request = HttpRequest::new(Method::Post, "/v5/certificate/issued-certs");
        for (name, value) in headers {
            request
                .headers
                .push(((*name).to_owned(), (*value).to_owned()));
        }
        request
    }

    // Guards: only the documented value, once, is a dry run; `0`, other words, an empty value
    // and a repeated header are not.
    #[test]
    fn only_the_documented_value_is_a_dry_run() {
        assert!(is_dry_run(&with(&[("Dry-Run", "1")])));
        assert!(is_dry_run(&with(&[("dry-run", " 1\t")])));
        assert!(is_dry_run(&mark(with(&[]), true)));
        assert!(!is_dry_run(&mark(with(&[]), false)));
        for value in ["0", "true", "yes", "", "01", "1, 1", "one"] {
            assert!(!is_dry_run(&with(&[("Dry-Run", value)])), "{value:?}");
        }
        assert!(!is_dry_run(&with(&[("Dry-Run", "1"), ("Dry-Run", "1")])));
        assert!(!is_dry_run(&with(&[("Dry-Run", "1"), ("DRY-RUN", "0")])));
        assert!(!is_dry_run(&with(&[("X-Dry-Run", "1")])));
    }
}
