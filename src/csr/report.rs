//! Builds the owned [`CsrInfo`] from DER with x509-parser and checks its signature.
//!
//! Trailing bytes after the request are refused as malformed DER at the offset where they
//! start: the signature covers exactly the request's bytes, a CA would refuse the blob, and
//! extra bytes usually mean two files were joined or a transfer went wrong.

mod attributes;
mod curves;
mod extensions;
mod key;
mod locate;
mod normalise;
mod subject;

use super::input::der;
use super::verify::SignatureRequest;
use super::{CsrError, CsrInfo, SignatureCheck, fingerprint};
use x509_parser::asn1_rs::FromDer;
use x509_parser::certification_request::X509CertificationRequest;

/// A parsed request: the report and its signature check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Parsed {
    pub(crate) info: CsrInfo,
    pub(crate) signature: SignatureCheck,
    /// In the browser, what to ask WebCrypto while `signature` is `Checking`.
    pub(crate) request: Option<SignatureRequest>,
}

/// Parses the DER of a PKCS#10 request.
///
/// Input that is not DER at all, or lacks a request's fields, is [`CsrError::MalformedDer`];
/// what OpenSSL reads although PKCS#10 or DER does not allow it is read too, and noted in
/// [`CsrInfo::irregularities`] for the lint rules to judge (see `normalise.rs`).
pub(crate) fn parse(der: &[u8]) -> Result<Parsed, CsrError> {
    der::check_structure(der).map_err(|fault| CsrError::MalformedDer {
        offset: fault.offset,
        detail: fault.detail,
    })?;
    locate::check(der)?;
    let normalised = normalise::normalise(der)?;
    let csr = match X509CertificationRequest::from_der(&normalised.der) {
        Ok(([], csr)) => csr,
        // Every field passed on its own and the copy has nothing after the request; the
        // whole should parse too, but never trust that blindly.
        Ok(_) => {
            return Err(CsrError::MalformedDer {
                offset: 0,
                detail: "the request does not parse: bytes left over".to_owned(),
            });
        }
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
        offset: normalised.spki_offset,
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
        // Read from the bytes received: the copy lacks the attributes x509-parser refuses.
        attributes: attributes::attributes(normalised.signed_info),
        fingerprints: fingerprint::compute(der, normalised.spki),
        irregularities: normalised.irregularities.clone(),
    };
    // Over the CertificationRequestInfo as received, never over the copy.
    let checked = super::verify::check_signed(&csr, normalised.signed_info);
    Ok(Parsed {
        info,
        signature: checked.outcome,
        request: checked.request,
    })
}
