//! Gjirafa CDN certificates API (GjirafaTech Captain; the reference is
//! <https://docs.captain.gjirafa.tech/cdn/api/certificates>, docs/providers.md §4).
//!
//! Let's Encrypt certificates for a CDN project: names only (no CSR, no product, no period,
//! no approver), DNS validation only, and import of a third-party certificate with its key
//! (docs/providers.md §4, §7).
//!
//! - [`calls`]: one constructor per documented operation, each a [`Prepared`](crate::provider::flow::Prepared) call.
//! - [`wire`]: the envelope, the certificate and the request bodies of the document.
//! - [`map`]: certificates as neutral [`OrderState`]s and DNS records as [`DcvInstruction`]s.
//! - [`known`]: the one certificate a project orders, which the API has no catalog for.
//! - [`Gjirafa`]: the [`Provider`] implementation for one project, recognition by method and
//!   path, and `X-API-Key` or `Authorization` credentials.
//!
//! [`DcvInstruction`]: crate::order::DcvInstruction

pub mod calls;
pub mod error;
pub mod known;
pub mod map;
pub mod wire;

use std::fmt;

pub use error::{ErrorKind, GjirafaError};
pub use known::KNOWN_PRODUCT;

use crate::http::{Credentials, HttpRequest, Method};
use crate::order::{
    CertificateFormat, DcvMethod, NameValidation, OrderDraft, OrderHandle, OrderState,
};
use crate::product::{PeriodUnit, Product};
use crate::provider::capabilities::{Capabilities, CsrUse, DcvChange, DcvSupport};
use crate::provider::flow::{self, Flow};
use crate::provider::{Operation, OperationClass, Provider, ProviderError, ProviderKind, Target};
use wire::{CreateCertificate, ImportCertificate};

/// The API version in the paths (`v{version}`; the reference's example is `v1`).
pub(crate) const API_VERSION: &str = "v1";

/// `GET /certificates`: the list.
pub const OP_LIST: &str = "GET /certificates";
/// `GET /certificates/{id}`: one certificate.
pub const OP_GET: &str = "GET /certificates/{id}";
/// `POST /certificates`: create (order) a certificate.
pub const OP_CREATE: &str = "POST /certificates";
/// `POST /certificates/import`: import a certificate with its key.
pub const OP_IMPORT: &str = "POST /certificates/import";
/// `PUT /certificates/{id}`: change the scope.
pub const OP_UPDATE: &str = "PUT /certificates/{id}";
/// `PUT /certificates/{id}/validate`: check the challenge.
pub const OP_VALIDATE: &str = "PUT /certificates/{id}/validate";
/// `DELETE /certificates/{id}`: delete.
pub const OP_DELETE: &str = "DELETE /certificates/{id}";

/// A project id: the `{projectId}` path parameter, a uuid ("string($uuid)").
///
/// Checked so that a configured or forwarded value can never add path segments.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ProjectId(String);

impl ProjectId {
    /// Parses a uuid in its 8-4-4-4-12 hexadecimal form; kept lower-case.
    pub fn parse(text: &str) -> Result<Self, ProviderError> {
        let groups: Vec<&str> = text.split('-').collect();
        let shape = groups.len() == 5
            && groups
                .iter()
                .zip([8, 4, 4, 4, 12])
                .all(|(g, n)| g.len() == n && g.bytes().all(|b| b.is_ascii_hexdigit()));
        if shape {
            Ok(Self(text.to_ascii_lowercase()))
        } else {
            Err(ProviderError::invalid("projectId", "must be a uuid"))
        }
    }

    /// The uuid text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// `/api/v1/projects/{projectId}/certificates`.
    pub(crate) fn certificates_path(&self) -> String {
        format!("/api/{API_VERSION}/projects/{}/certificates", self.0)
    }
}

impl fmt::Display for ProjectId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The customer's explicit consent to send a private key to Gjirafa.
///
/// Private keys never leave the browser, except for Gjirafa's import behind an explicit
/// consent step (docs/design.md, security model item 4). [`calls::import`] and
/// [`Gjirafa::import`] take this token by value, and the only way to make one is
/// [`KeyImportConsent::given`], so an import without a consent step does not compile.
/// It is neither `Default`, `Clone` nor deserialisable.
///
/// ```compile_fail
/// // The field is private: outside this module the token cannot be made without `given`.
/// let consent = certorder::provider::gjirafa::KeyImportConsent(());
/// ```
///
/// ```
/// use certorder::http::Secret;
/// use certorder::provider::gjirafa::{Gjirafa, KeyImportConsent, ProjectId};
///
/// let gjirafa = Gjirafa::new(ProjectId::parse("3fa85f64-5717-4562-b3fc-2c963f66afa6")?, 0);
/// // Only after the customer has agreed, in the consent step:
/// let consent = KeyImportConsent::given();
/// let flow = gjirafa.import("-----BEGIN CERTIFICATE-----…", Secret::new("…"), "", consent)?;
/// assert!(flow.request()?.path.ends_with("/certificates/import"));
/// # Ok::<(), certorder::provider::ProviderError>(())
/// ```
#[derive(Debug, PartialEq, Eq)]
pub struct KeyImportConsent(());

impl KeyImportConsent {
    /// Records that the customer, told that the private key will be sent to Gjirafa, agreed.
    /// Call it only from that consent step.
    pub const fn given() -> Self {
        Self(())
    }
}

/// The Gjirafa adapter for one project and the scope new certificates get.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gjirafa {
    project: ProjectId,
    scope_id: i32,
}

impl Gjirafa {
    /// An adapter for `project`; certificates it creates or imports get `scope_id`.
    pub const fn new(project: ProjectId, scope_id: i32) -> Self {
        Self { project, scope_id }
    }

    /// The project.
    pub const fn project(&self) -> &ProjectId {
        &self.project
    }

    /// The create body of a neutral draft: the common name (or the first SAN) as
    /// `domainName`, the other names as `additionalDomainNames`. A CSR or a DCV method other
    /// than DNS is refused: Let's Encrypt makes the key, and only DNS validation exists.
    pub(crate) fn create_body(
        &self,
        draft: &OrderDraft,
    ) -> Result<CreateCertificate, ProviderError> {
        if draft.csr.is_some() {
            return Err(ProviderError::invalid(
                "csr",
                "Gjirafa issues from names only and takes no CSR",
            ));
        }
        if let Some(choice) = draft.dcv.iter().find(|c| c.method != DcvMethod::Dns) {
            return Err(ProviderError::invalid(
                "dcv",
                format!("Gjirafa validates by DNS only, not {}", choice.method),
            ));
        }
        crate::order::check::before_sending(draft)?;
        let mut names = draft.names_ascii().into_iter();
        let domain_name = names
            .next()
            .ok_or_else(|| ProviderError::invalid("domainName", "at least one name is needed"))?;
        Ok(CreateCertificate {
            domain_name,
            additional_domain_names: names.collect(),
            scope_id: self.scope_id,
        })
    }

    /// Imports a certificate with its private key and chain, after the customer's consent.
    pub fn import(
        &self,
        certificate: &str,
        private_key: crate::http::Secret,
        chain: &str,
        consent: KeyImportConsent,
    ) -> Result<Flow<OrderState>, ProviderError> {
        let body = ImportCertificate {
            certificate_body: certificate.to_owned(),
            certificate_private_key: private_key,
            certificate_chain: chain.to_owned(),
            scope_id: self.scope_id,
        };
        Ok(flow::map(
            calls::import(&self.project, &body, consent)?,
            |a| Ok(map::certificate(&a.result)),
        ))
    }

    /// Every certificate of the project, with the list's paging information.
    pub fn list(&self) -> Flow<calls::Answer<Vec<wire::CertificateSummary>>> {
        flow::single(calls::list(&self.project))
    }

    /// Moves a certificate to another scope.
    pub fn update_scope(
        &self,
        handle: &OrderHandle,
        scope_id: i32,
    ) -> Result<Flow<OrderState>, ProviderError> {
        Ok(flow::map(
            calls::update_scope(&self.project, cert_id(handle)?, scope_id)?,
            |a| Ok(map::certificate(&a.result)),
        ))
    }

    /// Deletes a certificate.
    pub fn delete(&self, handle: &OrderHandle) -> Result<Flow<OrderState>, ProviderError> {
        Ok(flow::map(
            calls::delete(&self.project, cert_id(handle)?),
            |a| Ok(map::certificate(&a.result)),
        ))
    }
}

/// The certificate id of a handle (`{id}`, "integer($int32)").
fn cert_id(handle: &OrderHandle) -> Result<i32, ProviderError> {
    handle
        .id
        .parse()
        .map_err(|_| ProviderError::invalid("id", "a Gjirafa certificate id is an integer"))
}

/// Recognises `path` below `/api/v1/projects/{project}/certificates`: the operation name, its
/// class and the certificate id it acts on.
fn classify(
    project: &ProjectId,
    method: Method,
    path: &str,
) -> Option<(&'static str, OperationClass, Option<String>)> {
    let prefix = project.certificates_path();
    let rest = path
        .get(..prefix.len())
        .filter(|p| p.eq_ignore_ascii_case(&prefix))?;
    let rest = path.get(rest.len()..)?;
    let segments: Vec<&str> = if rest.is_empty() {
        Vec::new()
    } else {
        rest.strip_prefix('/')?.split('/').collect()
    };
    let id = |s: &str| {
        (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) && s.parse::<i32>().is_ok())
            .then(|| s.to_owned())
    };
    Some(match (method, segments.as_slice()) {
        (Method::Get, []) => (OP_LIST, OperationClass::AccountWide, None),
        (Method::Post, []) => (OP_CREATE, OperationClass::Billable, None),
        (Method::Post, ["import"]) => (OP_IMPORT, OperationClass::AccountWide, None),
        (Method::Get, [n]) => (OP_GET, OperationClass::OrderRead, Some(id(n)?)),
        (Method::Put, [n]) => (OP_UPDATE, OperationClass::OrderChange, Some(id(n)?)),
        (Method::Delete, [n]) => (OP_DELETE, OperationClass::OrderChange, Some(id(n)?)),
        (Method::Put, [n, "validate"]) => (OP_VALIDATE, OperationClass::OrderChange, Some(id(n)?)),
        _ => return None,
    })
}

impl Provider for Gjirafa {
    fn kind(&self) -> ProviderKind {
        ProviderKind::Gjirafa
    }

    fn capabilities(&self) -> Capabilities {
        Capabilities {
            csr: CsrUse::NotAccepted,
            dcv: DcvSupport::uniform(&[DcvMethod::Dns], false, false),
            wildcard_sans: true,
            free_www_twin: false,
            approver_lookup: false,
            name_checks: false,
            quotes: false,
            dry_run: false,
            dcv_preview: false,
            change_dcv: false,
            dcv_change: DcvChange::WholeOrder,
            // `PUT …/{id}/validate` asks for the challenge to be checked again.
            resend_dcv: true,
            reissue: false,
            renew: false,
            // `DELETE …/{id}` removes a pending certificate too; it does not revoke.
            cancel: true,
            revoke: false,
            // No period is chosen; Let's Encrypt's 90 days are counted in days.
            period_unit: PeriodUnit::Days,
            order_fields: Vec::new(),
            // The API returns certificate metadata, never the certificate itself.
            download_formats: Vec::<CertificateFormat>::new(),
        }
    }

    /// Only paths of this adapter's own project are recognised; a query string is ignored.
    fn recognise(&self, request: &HttpRequest) -> Option<Operation> {
        let path = request.path_and_query();
        let path = path.split('?').next().unwrap_or_default();
        let (name, class, id) = classify(&self.project, request.method, path)?;
        Some(Operation {
            provider: ProviderKind::Gjirafa,
            name,
            class,
            target: id.map(Target::Order),
        })
    }

    /// `X-API-Key: <key>` for API keys, `Authorization: Bearer <token>` for identity-server
    /// tokens ("Headers: Authorization or X-API-Key"; docs/providers.md §4). The other header is
    /// removed so a request never carries two credentials.
    fn authenticate(
        &self,
        request: &mut HttpRequest,
        credentials: &Credentials,
    ) -> Result<(), ProviderError> {
        match credentials {
            Credentials::XApiKey { key } => {
                request.remove_header("Authorization");
                request.set_header("X-API-Key", key.expose());
            }
            Credentials::Bearer { token } => {
                request.remove_header("X-API-Key");
                request.set_header("Authorization", format!("Bearer {}", token.expose()));
            }
            other => {
                return Err(ProviderError::WrongCredentials {
                    provider: ProviderKind::Gjirafa,
                    expected: "an X-API-Key header or a bearer token",
                    given: other.style(),
                });
            }
        }
        Ok(())
    }

    /// Gjirafa has no catalog: there is one kind of certificate (Let's Encrypt, names only).
    fn products(&self) -> Result<Flow<Vec<Product>>, ProviderError> {
        Err(self.unsupported("a product catalog"))
    }

    /// The one certificate a project orders: [`known::product`].
    fn known_products(&self) -> Option<Vec<Product>> {
        Some(vec![known::product()])
    }

    fn create_order(&self, draft: &OrderDraft) -> Result<Flow<OrderState>, ProviderError> {
        let body = self.create_body(draft)?;
        Ok(flow::map(calls::create(&self.project, &body)?, |a| {
            Ok(map::certificate(&a.result))
        }))
    }

    fn order(&self, handle: &OrderHandle) -> Result<Flow<OrderState>, ProviderError> {
        Ok(flow::map(
            calls::get(&self.project, cert_id(handle)?),
            |a| Ok(map::certificate(&a.result)),
        ))
    }

    /// The DNS records come with the certificate, so this reads it again.
    fn dcv(&self, state: &OrderState) -> Result<Flow<Vec<NameValidation>>, ProviderError> {
        Ok(flow::map(
            calls::get(&self.project, cert_id(&state.handle)?),
            |a| Ok(map::validations(&a.result)),
        ))
    }

    /// `DELETE …/{id}`: removes the certificate, pending ones included.
    fn cancel(&self, handle: &OrderHandle) -> Result<Flow<()>, ProviderError> {
        Ok(flow::map(
            calls::delete(&self.project, cert_id(handle)?),
            |_| Ok(()),
        ))
    }

    /// `PUT …/{id}/validate`: asks for the DNS challenge to be checked now.
    fn resend_dcv(&self, handle: &OrderHandle) -> Result<Flow<()>, ProviderError> {
        Ok(flow::map(
            calls::validate(&self.project, cert_id(handle)?),
            |_| Ok(()),
        ))
    }
}
