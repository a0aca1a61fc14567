//! Builds the owned [`CsrInfo`] from DER with x509-parser and checks its signature.

use super::{CsrError, CsrInfo, SignatureCheck};

/// A parsed request: the report and its signature check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Parsed {
    pub(crate) info: CsrInfo,
    pub(crate) signature: SignatureCheck,
}

/// Parses the DER of a PKCS#10 request.
pub(crate) fn parse(der: &[u8]) -> Result<Parsed, CsrError> {
    let _ = der;
    Err(CsrError::MalformedDer {
        offset: 0,
        detail: "not implemented".into(),
    })
}
