//! The sandbox certificate authority: a root and an intermediate made at start with rcgen,
//! which issue real certificates for the ordered names and the CSR's public key.
//!
//! Nothing here is trusted anywhere: the root lives only as long as the process, and its name
//! says it is a sandbox. The chain is root → intermediate → leaf, as a public CA's is.

mod pkcs7;

use rcgen::{
    BasicConstraints, CertificateParams, DistinguishedName, DnType, ExtendedKeyUsagePurpose, IsCa,
    Issuer, KeyPair, KeyUsagePurpose, PublicKeyData, SanType, SerialNumber, SubjectPublicKeyInfo,
};
use time::{Duration, OffsetDateTime};

pub use pkcs7::certs_only as pkcs7_certs_only;

/// What can go wrong making the CA or issuing from it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CaError {
    /// rcgen refused a key or parameters.
    #[error("the sandbox CA could not sign: {0}")]
    Sign(String),
    /// The CSR's public key is of a type the sandbox CA cannot put in a certificate.
    #[error("the request's public key is not supported: {0}")]
    Key(String),
    /// A name cannot be written as a dNSName.
    #[error("the name {0:?} cannot be put in a certificate")]
    Name(String),
}

fn sign_error(e: rcgen::Error) -> CaError {
    CaError::Sign(e.to_string())
}

/// A certificate the sandbox CA issued.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issued {
    /// The DER certificate.
    pub der: Vec<u8>,
    /// The PEM certificate.
    pub pem: String,
    /// The serial number, upper-case hex.
    pub serial: String,
    /// Start of validity.
    pub not_before: OffsetDateTime,
    /// End of validity.
    pub not_after: OffsetDateTime,
    /// The private key, PEM, when the CA generated it (Gjirafa issues from names alone).
    pub private_key_pem: Option<String>,
}

/// The ephemeral root and intermediate.
pub struct SandboxCa {
    root_der: Vec<u8>,
    root_pem: String,
    intermediate_der: Vec<u8>,
    intermediate_pem: String,
    intermediate: Issuer<'static, KeyPair>,
}

impl std::fmt::Debug for SandboxCa {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SandboxCa").finish_non_exhaustive()
    }
}

fn ca_params(common_name: &str, path_len: Option<u8>) -> CertificateParams {
    let mut params = CertificateParams::default();
    let mut dn = DistinguishedName::new();
    dn.push(DnType::OrganizationName, "certorder sandbox (not trusted)");
    dn.push(DnType::CommonName, common_name);
    params.distinguished_name = dn;
    params.is_ca = IsCa::Ca(match path_len {
        Some(n) => BasicConstraints::Constrained(n),
        None => BasicConstraints::Unconstrained,
    });
    params.key_usages = vec![
        KeyUsagePurpose::KeyCertSign,
        KeyUsagePurpose::CrlSign,
        KeyUsagePurpose::DigitalSignature,
    ];
    let now = OffsetDateTime::now_utc();
    params.not_before = now - Duration::days(1);
    params.not_after = now + Duration::days(20 * 365);
    params.use_authority_key_identifier_extension = true;
    params
}

fn random_serial() -> Result<SerialNumber, CaError> {
    let mut bytes = [0u8; 16];
    getrandom::getrandom(&mut bytes).map_err(|e| CaError::Sign(e.to_string()))?;
    // A positive INTEGER whose first byte is not zero keeps its full length.
    bytes[0] = (bytes[0] & 0x7f) | 0x40;
    Ok(SerialNumber::from_slice(&bytes))
}

fn upper_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02X}")).collect()
}

/// `start` plus `months` calendar months, the day kept where the month has it (else its last).
pub fn add_months(start: OffsetDateTime, months: u32) -> OffsetDateTime {
    let total = i64::from(start.month() as u8) - 1 + i64::from(months);
    let year = start.year() + i32::try_from(total / 12).unwrap_or(0);
    let month = time::Month::try_from(u8::try_from(total % 12 + 1).unwrap_or(1))
        .unwrap_or(time::Month::January);
    let last_day = time::util::days_in_month(month, year);
    let day = start.day().min(last_day);
    time::Date::from_calendar_date(year, month, day)
        .map(|date| start.replace_date(date))
        .unwrap_or(start + Duration::days(i64::from(months) * 30))
}

impl SandboxCa {
    /// Makes a new root and intermediate (ECDSA P-256).
    pub fn new() -> Result<Self, CaError> {
        let root_key = KeyPair::generate().map_err(sign_error)?;
        let root_params = ca_params("certorder Sandbox Root CA", None);
        let root = root_params.self_signed(&root_key).map_err(sign_error)?;
        let root_issuer = Issuer::new(root_params, root_key);

        let intermediate_key = KeyPair::generate().map_err(sign_error)?;
        let mut intermediate_params = ca_params("certorder Sandbox Issuing CA", Some(0));
        intermediate_params.serial_number = Some(random_serial()?);
        let intermediate = intermediate_params
            .signed_by(&intermediate_key, &root_issuer)
            .map_err(sign_error)?;
        Ok(Self {
            root_der: root.der().to_vec(),
            root_pem: root.pem(),
            intermediate_der: intermediate.der().to_vec(),
            intermediate_pem: intermediate.pem(),
            intermediate: Issuer::new(intermediate_params, intermediate_key),
        })
    }

    /// The root certificate, DER.
    pub fn root_der(&self) -> &[u8] {
        &self.root_der
    }

    /// The root certificate, PEM.
    pub fn root_pem(&self) -> &str {
        &self.root_pem
    }

    /// The intermediate certificate, DER.
    pub fn intermediate_der(&self) -> &[u8] {
        &self.intermediate_der
    }

    /// The intermediate certificate, PEM.
    pub fn intermediate_pem(&self) -> &str {
        &self.intermediate_pem
    }

    /// The CA chain below the leaf, PEM: intermediate then root.
    pub fn chain_pem(&self) -> String {
        format!("{}{}", self.intermediate_pem, self.root_pem)
    }

    /// The leaf followed by the chain, PEM.
    pub fn bundle_pem(&self, issued: &Issued) -> String {
        format!("{}{}", issued.pem, self.chain_pem())
    }

    /// A certs-only PKCS#7 (RFC 2315 `SignedData` with no signers) holding the leaf,
    /// the intermediate and the root, DER.
    pub fn pkcs7(&self, issued: &Issued) -> Vec<u8> {
        pkcs7_certs_only(&[&issued.der, &self.intermediate_der, &self.root_der])
    }

    /// Issues a certificate for the public key `spki_der` (a DER SubjectPublicKeyInfo) and
    /// `names` (the first is the subject's common name) for `months` months.
    pub fn issue(&self, spki_der: &[u8], names: &[String], months: u32) -> Result<Issued, CaError> {
        let key =
            SubjectPublicKeyInfo::from_der(spki_der).map_err(|e| CaError::Key(e.to_string()))?;
        self.issue_for(&key, names, months, None)
    }

    /// Issues a certificate for `names` with a key the CA generates (ECDSA P-256), as an ACME
    /// CA working from names alone does; the key is returned with it.
    pub fn issue_generated(&self, names: &[String], months: u32) -> Result<Issued, CaError> {
        let key = KeyPair::generate().map_err(sign_error)?;
        let pem = key.serialize_pem();
        self.issue_for(&key, names, months, Some(pem))
    }

    fn issue_for(
        &self,
        key: &impl PublicKeyData,
        names: &[String],
        months: u32,
        private_key_pem: Option<String>,
    ) -> Result<Issued, CaError> {
        let mut params = CertificateParams::default();
        let mut dn = DistinguishedName::new();
        if let Some(cn) = names.first() {
            dn.push(DnType::CommonName, cn.as_str());
        }
        params.distinguished_name = dn;
        params.subject_alt_names = names
            .iter()
            .map(|n| {
                n.clone()
                    .try_into()
                    .map(SanType::DnsName)
                    .map_err(|_| CaError::Name(n.clone()))
            })
            .collect::<Result<_, _>>()?;
        params.key_usages = vec![
            KeyUsagePurpose::DigitalSignature,
            KeyUsagePurpose::KeyEncipherment,
        ];
        params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
        params.use_authority_key_identifier_extension = true;
        let now = OffsetDateTime::now_utc()
            .replace_nanosecond(0)
            .unwrap_or(OffsetDateTime::now_utc());
        params.not_before = now - Duration::minutes(5);
        params.not_after = add_months(now, months.max(1));
        let serial = random_serial()?;
        let serial_hex = upper_hex(serial.as_ref());
        params.serial_number = Some(serial);
        let cert = params
            .signed_by(key, &self.intermediate)
            .map_err(sign_error)?;
        Ok(Issued {
            der: cert.der().to_vec(),
            pem: cert.pem(),
            serial: serial_hex,
            not_before: params.not_before,
            not_after: params.not_after,
            private_key_pem,
        })
    }
}
