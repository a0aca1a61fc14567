//! The JSON documents of the Gjirafa certificates API, field for field as the reference spells them
//! (the Gjirafa certificates reference): the `{success, errors, messages, result, resultInfo}`
//! envelope, the list item, the certificate, and the three request bodies.
//!
//! Response fields are optional: the reference's examples fill every field with a placeholder, but
//! a certificate still waiting for its challenge has no serial number or dates yet, and an
//! error envelope has no `result`. Enumerated words the reference only describes in prose
//! (`certificateType`, `certificateStatus`, `scope`) are kept verbatim when unknown.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize, Serializer};

use crate::http::Secret;

/// The envelope of every response ("Responses" of each operation).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Envelope<T> {
    /// `success`: false when the request was refused.
    #[serde(default)]
    pub success: bool,
    /// `errors`: "Indicate if there was an error".
    #[serde(default)]
    pub errors: Vec<String>,
    /// `messages`: "the response message from back-end".
    #[serde(default)]
    pub messages: Vec<String>,
    /// `result`: the certificate, or the list of certificates.
    #[serde(default = "none")]
    pub result: Option<T>,
    /// `resultInfo`: paging of the data set (filled in on the list, present on every answer).
    #[serde(default)]
    pub result_info: Option<ResultInfo>,
}

/// `Option::None` without requiring `T: Default`.
const fn none<T>() -> Option<T> {
    None
}

/// `resultInfo`: "information about" the paged data ("GET Certificates", field table).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ResultInfo {
    /// `totalCount`: the number of objects in the database.
    pub total_count: i32,
    /// `pageIndex`: the current page.
    pub page_index: i32,
    /// `pageSize`: objects per page.
    pub page_size: i32,
    /// `totalPages`: the number of pages.
    pub total_pages: i32,
    /// `hasNextPage`.
    pub has_next_page: bool,
    /// `hasPreviousPage`.
    pub has_previous_page: bool,
}

/// One item of the list ("GET Certificates" `result[]`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CertificateSummary {
    /// `id`: the certificate id used in the other paths.
    pub id: i32,
    /// `distributionId`: the CDN distribution it is attached to.
    #[serde(default)]
    pub distribution_id: Option<String>,
    /// `sslCertificateId` (uuid).
    #[serde(default)]
    pub ssl_certificate_id: Option<String>,
    /// `domainName`.
    #[serde(default)]
    pub domain_name: Option<String>,
    /// `additionalNames`: one string, not an array (docs/providers.md §4 notes the difference from
    /// the create body's `additionalDomainNames`).
    #[serde(default)]
    pub additional_names: Option<String>,
    /// `certificateType`: "Gjirafa Issued or Imported".
    #[serde(default)]
    pub certificate_type: Option<CertificateType>,
    /// `certificateStatus`: "Active, Expired etc".
    #[serde(default)]
    pub certificate_status: Option<CertificateStatus>,
    /// `scope`: "Project or Organization".
    #[serde(default)]
    pub scope: Option<Scope>,
    /// `lastModified` (ISO 8601).
    #[serde(default)]
    pub last_modified: Option<String>,
}

/// A certificate (`result` of get, create, import, update, validate and delete).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CertificateDetail {
    /// `id`.
    pub id: i32,
    /// `projectId` (uuid).
    #[serde(default)]
    pub project_id: Option<String>,
    /// `scopeId`.
    #[serde(default)]
    pub scope_id: Option<i32>,
    /// `sslCertificateId` (uuid).
    #[serde(default)]
    pub ssl_certificate_id: Option<String>,
    /// `domainName`.
    #[serde(default)]
    pub domain_name: Option<String>,
    /// `additionalNames`: one string.
    #[serde(default)]
    pub additional_names: Option<String>,
    /// `publicKeyInfo`.
    #[serde(default)]
    pub public_key_info: Option<String>,
    /// `signatureAlgorithm`.
    #[serde(default)]
    pub signature_algorithm: Option<String>,
    /// `issuer`.
    #[serde(default)]
    pub issuer: Option<String>,
    /// `certificateType`.
    #[serde(default)]
    pub certificate_type: Option<CertificateType>,
    /// `certificateStatus`.
    #[serde(default)]
    pub certificate_status: Option<CertificateStatus>,
    /// `certificateChallenge`.
    #[serde(default)]
    pub certificate_challenge: Option<String>,
    /// `serialNumber`.
    #[serde(default)]
    pub serial_number: Option<String>,
    /// `dnsRecords`: the records to publish for the DNS challenge.
    #[serde(default)]
    pub dns_records: Vec<DnsRecordEntry>,
    /// `notBefore` (ISO 8601).
    #[serde(default)]
    pub not_before: Option<String>,
    /// `notAfter` (ISO 8601).
    #[serde(default)]
    pub not_after: Option<String>,
    /// `scopeOptions`: "the name and value of the scope" (`Dictionary<string, int>`).
    #[serde(default)]
    pub scope_options: BTreeMap<String, i64>,
}

/// One `dnsRecords[]` item: `{key, value}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DnsRecordEntry {
    /// `key`: the record's owner name.
    #[serde(default)]
    pub key: String,
    /// `value`: the record data.
    #[serde(default)]
    pub value: String,
}

/// Declares a wire word enum with known words and a catch-all that keeps the word.
macro_rules! wire_words {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $word:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[non_exhaustive]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $word)] $variant,)+
            /// A word the reference does not name, verbatim.
            #[serde(untagged)]
            Other(String),
        }

        impl $name {
            /// The wire word.
            pub fn as_str(&self) -> &str {
                match self {
                    $(Self::$variant => $word,)+
                    Self::Other(word) => word,
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

wire_words! {
    /// `certificateStatus` ("Certificte Status (Active, Expired etc)").
    CertificateStatus {
        /// `Active`: issued and in use.
        Active = "Active",
        /// `Expired`.
        Expired = "Expired",
        /// `Pending`: ordered, waiting for its DNS challenge (the "etc" of the document's
        /// list; a poller must keep polling it).
        Pending = "Pending",
    }
}

wire_words! {
    /// `certificateType` ("Type of certificate (Gjirafa Issued or Imported)").
    CertificateType {
        /// Issued through Gjirafa (Let's Encrypt).
        GjirafaIssued = "Gjirafa Issued",
        /// `Imported`: a third-party certificate uploaded with its key.
        Imported = "Imported",
    }
}

wire_words! {
    /// `scope` ("Certificate Scope (Project or Organization)").
    Scope {
        /// `Project`.
        Project = "Project",
        /// `Organization`.
        Organization = "Organization",
    }
}

/// The body of "POST Certificate" (create): names only; Let's Encrypt makes the key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateCertificate {
    /// `domainName`: the first name.
    pub domain_name: String,
    /// `additionalDomainNames`: the other names (an array here, unlike the responses).
    pub additional_domain_names: Vec<String>,
    /// `scopeId`.
    pub scope_id: i32,
}

/// The body of "PUT Certificate" (update): the scope only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateScope {
    /// `scopeId`.
    pub scope_id: i32,
}

/// The body of "POST Certificate" (import): certificate, private key and chain.
///
/// The only document certorder ever sends with a private key in it (docs/design.md, security model
/// item 4), so it is built only through [`super::calls::import`], which takes a
/// [`super::KeyImportConsent`]. `Debug` hides the key.
#[derive(Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportCertificate {
    /// `certificateBody`: the certificate, PEM.
    pub certificate_body: String,
    /// `certificatePrivateKey`: the private key, PEM.
    #[serde(serialize_with = "expose")]
    pub certificate_private_key: Secret,
    /// `certificateChain`: the intermediate certificates, PEM.
    pub certificate_chain: String,
    /// `scopeId`.
    pub scope_id: i32,
}

impl fmt::Debug for ImportCertificate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ImportCertificate")
            .field("certificate_body", &self.certificate_body.len())
            .field("certificate_private_key", &self.certificate_private_key)
            .field("certificate_chain", &self.certificate_chain.len())
            .field("scope_id", &self.scope_id)
            .finish()
    }
}

fn expose<S: Serializer>(secret: &Secret, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(secret.expose())
}
