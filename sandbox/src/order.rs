//! What every simulator's order holds: the request, the names, the DCV per name, the phase
//! and, once issued, the certificate. Each simulator adds its provider's ids and words.

use certorder::csr;
use time::OffsetDateTime;

use crate::ca::{Issued, SandboxCa};
use crate::control::ControlError;
use crate::dcv::DcvValues;

/// The facts of a certificate signing request the sandbox needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CsrFacts {
    /// As sent.
    pub(crate) pem: String,
    /// SHA-1 of the DER request, upper-case hex (Gandi v3 still reports it).
    pub(crate) sha1: String,
    /// The DER SubjectPublicKeyInfo.
    pub(crate) spki: Vec<u8>,
    /// The subject's common name.
    pub(crate) common_name: Option<String>,
    /// The DNS names among the SANs.
    pub(crate) dns_names: Vec<String>,
    /// MD5 of the DER request, upper-case hex.
    pub(crate) md5: String,
    /// SHA-256 of the DER request, upper-case hex.
    pub(crate) sha256: String,
    /// `RSA`, `ECDSA` or `EdDSA`.
    pub(crate) key_algorithm: &'static str,
    /// Key size in bits (curve size for EC keys).
    pub(crate) key_bits: u32,
    /// Subject attributes, by dotted OID (`2.5.4.10` organisation, …).
    pub(crate) subject: Vec<(String, String)>,
}

impl CsrFacts {
    /// The first value of the subject attribute with this dotted OID.
    pub(crate) fn subject_value(&self, oid: &str) -> Option<&str> {
        self.subject
            .iter()
            .find(|(o, v)| o == oid && !v.trim().is_empty())
            .map(|(_, v)| v.as_str())
    }
}

/// Why a request is refused, in words a provider would use.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub(crate) enum CsrRefusal {
    /// Not a certificate signing request at all.
    #[error("not a valid certificate signing request")]
    Unreadable,
    /// The self-signature does not verify.
    #[error("the CSR signature does not verify")]
    BadSignature,
}

/// Reads a CSR as the CA does: it must parse and its self-signature must verify.
pub(crate) fn read_csr(text: &str) -> Result<CsrFacts, CsrRefusal> {
    let inspection = csr::inspect(text.as_bytes()).map_err(|_| CsrRefusal::Unreadable)?;
    if matches!(inspection.signature, csr::SignatureCheck::Invalid { .. }) {
        return Err(CsrRefusal::BadSignature);
    }
    let decoded = csr::input::decode(text.as_bytes()).map_err(|_| CsrRefusal::Unreadable)?;
    let spki = spki_of(&decoded.der).ok_or(CsrRefusal::Unreadable)?;
    let info = inspection.info;
    let (key_algorithm, key_bits) = match &info.key.algorithm {
        csr::KeyAlgorithm::Rsa { bits, .. } => ("RSA", *bits),
        csr::KeyAlgorithm::Ec { curve, .. } => ("ECDSA", curve_bits(curve)),
        _ => ("EdDSA", 256),
    };
    let sha1 = {
        use sha1::Digest as _;
        sha1::Sha1::digest(&decoded.der)
            .iter()
            .map(|b| format!("{b:02X}"))
            .collect()
    };
    let subject = info
        .subject
        .iter()
        .flatten()
        .map(|a| (a.oid.clone(), a.value.clone()))
        .collect();
    Ok(CsrFacts {
        subject,
        pem: text.to_owned(),
        sha1,
        spki,
        common_name: info.common_name().map(str::to_owned),
        dns_names: info.dns_names().map(str::to_owned).collect(),
        md5: info.fingerprints.md5,
        sha256: info.fingerprints.sha256,
        key_algorithm,
        key_bits,
    })
}

fn curve_bits(curve: &csr::Curve) -> u32 {
    match curve {
        csr::Curve::P384 => 384,
        csr::Curve::P521 => 521,
        _ => 256,
    }
}

fn spki_of(der: &[u8]) -> Option<Vec<u8>> {
    use x509_parser::prelude::FromDer;
    let (_, request) =
        x509_parser::certification_request::X509CertificationRequest::from_der(der).ok()?;
    Some(request.certification_request_info.subject_pki.raw.to_vec())
}

/// A DCV method as the CA sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DcvKind {
    /// E-mail to an approver.
    Email,
    /// A DNS record (Sectigo CNAME; Gjirafa TXT).
    Dns,
    /// A file over HTTP or HTTPS.
    File,
}

/// The DCV of one name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NameDcv {
    /// The name as ordered.
    pub(crate) name: String,
    /// How it is validated.
    pub(crate) kind: DcvKind,
    /// The approver, for e-mail.
    pub(crate) email: Option<String>,
    /// Whether the CA has seen the proof.
    pub(crate) done: bool,
}

/// Where an order is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Phase {
    /// Waiting for DCV.
    Pending,
    /// Issued.
    Issued,
    /// Cancelled before issuance.
    Cancelled,
    /// Revoked after issuance.
    Revoked,
}

/// The provider-neutral part of a sandbox order.
#[derive(Debug, Clone)]
pub(crate) struct Order {
    /// The product ordered.
    pub(crate) product: String,
    /// The names, the common name first.
    pub(crate) names: Vec<String>,
    /// The request, when the provider takes one.
    pub(crate) csr: Option<CsrFacts>,
    /// The ordered period, in months.
    pub(crate) months: u32,
    /// The unique value of the DCV records.
    pub(crate) unique: String,
    /// DCV per name.
    pub(crate) dcv: Vec<NameDcv>,
    /// Where it is.
    pub(crate) phase: Phase,
    /// The certificate, once issued.
    pub(crate) issued: Option<Issued>,
    /// When it was placed.
    pub(crate) created: OffsetDateTime,
}

impl Order {
    /// A pending order.
    pub(crate) fn new(
        product: &str,
        names: Vec<String>,
        csr: Option<CsrFacts>,
        months: u32,
        unique: String,
        dcv: Vec<NameDcv>,
    ) -> Self {
        Self {
            product: product.to_owned(),
            names,
            csr,
            months,
            unique,
            dcv,
            phase: Phase::Pending,
            issued: None,
            created: OffsetDateTime::now_utc(),
        }
    }

    /// The DCV hashes, when the order has a request.
    pub(crate) fn values(&self) -> Option<DcvValues> {
        self.csr.as_ref().map(|c| DcvValues {
            md5: c.md5.clone(),
            sha256: c.sha256.clone(),
            unique: self.unique.clone(),
        })
    }

    /// Marks every name validated and issues: for the request's key, or a key the CA
    /// generates when the provider takes no request.
    pub(crate) fn complete_dcv(&mut self, ca: &SandboxCa) -> Result<(), ControlError> {
        if self.phase != Phase::Pending {
            return Err(ControlError::NotPending);
        }
        self.issue(ca)?;
        for d in &mut self.dcv {
            d.done = true;
        }
        Ok(())
    }

    /// Issues (again, for a reissue) from the current request and names.
    pub(crate) fn issue(&mut self, ca: &SandboxCa) -> Result<(), ControlError> {
        let issued = match &self.csr {
            Some(csr) => ca.issue(&csr.spki, &self.names, self.months),
            None => ca.issue_generated(&self.names, self.months),
        }
        .map_err(|e| ControlError::Ca(e.to_string()))?;
        self.issued = Some(issued);
        self.phase = Phase::Issued;
        Ok(())
    }
}

/// RFC 3339 with seconds, UTC (`2026-12-01T09:00:00Z`).
pub(crate) fn rfc3339(t: OffsetDateTime) -> String {
    let t = t.to_offset(time::UtcOffset::UTC);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        t.year(),
        t.month() as u8,
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}
