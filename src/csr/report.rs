//! Builds the owned [`CsrInfo`] from DER with x509-parser and checks its signature.
//!
//! Trailing bytes after the request are refused as malformed DER at the offset where they
//! start: the signature covers exactly the request's bytes, a CA would refuse the blob, and
//! extra bytes usually mean two files were joined or a transfer went wrong.

mod attributes;
mod extensions;
mod key;
mod locate;
mod subject;

use super::input::der;
use super::{CsrError, CsrInfo, SignatureCheck, fingerprint};
use x509_parser::asn1_rs::FromDer;
use x509_parser::certification_request::X509CertificationRequest;

/// A parsed request: the report and its signature check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Parsed {
    pub(crate) info: CsrInfo,
    pub(crate) signature: SignatureCheck,
}

/// Parses the DER of a PKCS#10 request.
pub(crate) fn parse(der: &[u8]) -> Result<Parsed, CsrError> {
    der::check_structure(der).map_err(|fault| CsrError::MalformedDer {
        offset: fault.offset,
        detail: fault.detail,
    })?;
    locate::check(der)?;
    let csr = match X509CertificationRequest::from_der(der) {
        Ok(([], csr)) => csr,
        Ok((rest, _)) => {
            let fault = der::trailing(der.len().saturating_sub(rest.len()), rest.len());
            return Err(CsrError::MalformedDer {
                offset: fault.offset,
                detail: fault.detail,
            });
        }
        // Every field passed on its own; the whole should too, but never trust that blindly.
        Err(e) => {
            return Err(CsrError::MalformedDer {
                offset: 0,
                detail: format!("the request does not parse: {e}"),
            });
        }
    };
    let cri = &csr.certification_request_info;
    let spki = &cri.subject_pki;
    let key = key::public_key(spki).map_err(|key::BadRsaKey| CsrError::MalformedDer {
        offset: offset_in(der, spki.raw),
        detail: "the RSA public key is not a valid RSAPublicKey".to_owned(),
    })?;
    let (extensions, sans) = extensions::requested(&csr);
    let info = CsrInfo {
        version: u64::from(cri.version.0),
        subject: subject::rdns(&cri.subject),
        sans,
        key,
        signature_algorithm: key::signature_algorithm(&csr.signature_algorithm),
        extensions,
        attributes: attributes::attributes(cri.raw),
        fingerprints: fingerprint::compute(csr.as_raw(), spki.raw),
    };
    Ok(Parsed {
        info,
        signature: super::verify::check(&csr),
    })
}

/// Where `part` (a sub-slice x509-parser handed back) starts inside `whole`.
fn offset_in(whole: &[u8], part: &[u8]) -> usize {
    (part.as_ptr() as usize)
        .checked_sub(whole.as_ptr() as usize)
        .filter(|offset| *offset <= whole.len())
        .unwrap_or(0)
}
