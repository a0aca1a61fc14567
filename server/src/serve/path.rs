//! The forwarded path and query, checked so that nothing in them can change where a request
//! goes (docs/design.md, security model item 2): no empty segment (`//host`), no dot
//! segment (`..`, `%2e%2e`), no encoded separator (`%2f`, `%5c`) and no double encoding.

use thiserror::Error;

/// Why a path or query is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub(crate) enum PathError {
    /// Empty, or not starting with `/`.
    #[error("the path below the provider is empty")]
    Empty,
    /// An empty segment (`//`), which could start an authority.
    #[error("the path has an empty segment")]
    EmptySegment,
    /// `.` or `..`, written plainly or percent-encoded.
    #[error("the path has a dot segment")]
    DotSegment,
    /// A percent-encoded `/`, `\`, `%` or control character, or a malformed escape.
    #[error("the path has an encoded separator or a malformed escape")]
    EncodedSeparator,
    /// A character that has no place in a path (`\`, space, control).
    #[error("the path has a character not allowed in a URL path")]
    BadCharacter,
    /// The query is malformed or repeats a parameter (the provider and the adapter might
    /// read different copies).
    #[error("the query repeats a parameter")]
    RepeatedParameter,
}

/// A checked path and its query pairs (unencoded), as [`certorder::http::HttpRequest`]
/// holds them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Target {
    /// The path, percent-encoded as received.
    pub(crate) path: String,
    /// The query pairs, decoded.
    pub(crate) query: Vec<(String, String)>,
}

fn hex(b: u8) -> Option<u8> {
    char::from(b)
        .to_digit(16)
        .and_then(|d| u8::try_from(d).ok())
}

/// Checks one raw segment: allowed characters and escapes, not a dot segment once decoded.
fn segment(raw: &str) -> Result<(), PathError> {
    let bytes = raw.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'%' {
            let value = match (
                bytes.get(i + 1).copied().and_then(hex),
                bytes.get(i + 2).copied().and_then(hex),
            ) {
                (Some(h), Some(l)) => h * 16 + l,
                _ => return Err(PathError::EncodedSeparator),
            };
            if matches!(value, b'/' | b'\\' | b'%' | b'.') || value < 0x20 || value == 0x7f {
                return Err(if value == b'.' {
                    PathError::DotSegment
                } else {
                    PathError::EncodedSeparator
                });
            }
            decoded.push(value);
            i += 3;
            continue;
        }
        let allowed = b.is_ascii_alphanumeric()
            || matches!(
                b,
                b'-' | b'.'
                    | b'_'
                    | b'~'
                    | b'!'
                    | b'$'
                    | b'&'
                    | b'\''
                    | b'('
                    | b')'
                    | b'*'
                    | b'+'
                    | b','
                    | b';'
                    | b'='
                    | b':'
                    | b'@'
            );
        if !allowed {
            return Err(PathError::BadCharacter);
        }
        decoded.push(b);
        i += 1;
    }
    if decoded == b"." || decoded == b".." {
        return Err(PathError::DotSegment);
    }
    Ok(())
}

/// Checks `path` (below the provider's prefix, starting with `/`) and parses `query`.
/// One trailing `/` is kept (Gandi's `/xmlrpc/`); any other empty segment is refused.
pub(crate) fn check(path: &str, query: Option<&str>) -> Result<Target, PathError> {
    let rest = path.strip_prefix('/').ok_or(PathError::Empty)?;
    if rest.is_empty() {
        return Err(PathError::Empty);
    }
    let body = rest.strip_suffix('/').unwrap_or(rest);
    for raw in body.split('/') {
        if raw.is_empty() {
            return Err(PathError::EmptySegment);
        }
        segment(raw)?;
    }
    let mut pairs: Vec<(String, String)> = Vec::new();
    if let Some(query) = query.filter(|q| !q.is_empty()) {
        for (name, value) in url::form_urlencoded::parse(query.as_bytes()) {
            if pairs.iter().any(|(n, _)| n.eq_ignore_ascii_case(&name)) {
                return Err(PathError::RepeatedParameter);
            }
            pairs.push((name.into_owned(), value.into_owned()));
        }
    }
    Ok(Target {
        path: path.to_owned(),
        query: pairs,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    // Guards: every way a path could reach another host or another path is refused.
    #[test]
    fn traversal_and_authority_tricks_are_refused() {
        let cases = [
            ("", PathError::Empty),
            ("/", PathError::Empty),
            ("//evil.example/v2/ssl/products", PathError::EmptySegment),
            ("/v2//ssl", PathError::EmptySegment),
            ("/https://evil.example/", PathError::EmptySegment),
            ("/v2/ssl/../../admin", PathError::DotSegment),
            ("/v2/ssl/%2e%2e/admin", PathError::DotSegment),
            ("/v2/ssl/%2E./admin", PathError::DotSegment),
            ("/v2/ssl/.", PathError::DotSegment),
            ("/v2/ssl/a%2fb", PathError::EncodedSeparator),
            ("/v2/ssl/a%2Fb", PathError::EncodedSeparator),
            ("/v2/ssl/a%5cb", PathError::EncodedSeparator),
            ("/v2/ssl/a%252fb", PathError::EncodedSeparator),
            ("/v2/ssl/a%00", PathError::EncodedSeparator),
            ("/v2/ssl/a%zz", PathError::EncodedSeparator),
            ("/v2/ssl/a\\b", PathError::BadCharacter),
            ("/v2/ssl/a b", PathError::BadCharacter),
        ];
        for (path, want) in cases {
            assert_eq!(check(path, None), Err(want), "{path}");
        }
        assert_eq!(
            check("/v2/ssl/certificates", Some("quote=true&quote=false")),
            Err(PathError::RepeatedParameter)
        );
    }

    // Guards: documented paths, a trailing slash and encoded ordinary characters pass.
    #[test]
    fn documented_paths_pass() {
        let target = check("/v2/ssl/certificates", Some("quote=true")).expect("valid");
        assert_eq!(target.query, vec![("quote".to_owned(), "true".to_owned())]);
        assert!(check("/xmlrpc/", None).is_ok());
        assert!(check("/v2/ssl/dcvemailaddresslist/xn--bcher-kva.example", None).is_ok());
        assert!(check("/certificates/get-approver-email/P1/a%40b.example", None).is_ok());
    }
}
