//! Realtime Register REST v2, SSL (`/v2/ssl/…`, `/v2/processes/…`; docs/providers.md §2).
//!
//! The specification is Realtime Register's API reference for the request certificate call
//! and for the deprecated customer create call (docs/providers.md §2.2 links both);
//! docs/providers.md §2 adds hosts, auth, the process and catalog shapes.
//!
//! - [`calls`]: one constructor per endpoint, each a [`Prepared`](crate::provider::flow::Prepared)
//!   call; bodies are checked by `validate` against the reference's restrictions before
//!   anything is built.
//! - [`wire`]: request and response bodies, enumerations open to new words.
//! - [`error::RtrError`]: `{type, message, violations[]}`, including the
//!   `BillableAcknowledgmentNeededException` handshake's `billables`.
//! - `recognise`: operation and class of a forwarded request.
//! - [`RealtimeRegister`]: the [`Provider`]; `Authorization: ApiKey <key>`, and the customer
//!   handle, derived from the key, filled into request bodies that leave it empty.

mod acknowledge;
pub mod calls;
pub mod error;
pub mod map;
pub(crate) mod recognise;
pub(crate) mod validate;
pub mod wire;

use base64::Engine as _;

pub use error::{Details, ErrorType, RtrError, Violation};

use crate::http::{Credentials, HttpRequest, Method};
use crate::order::{
    ApproverEmails, Certificate, CertificateFormat, DcvChoice, DcvMethod, NameValidation,
    OrderDraft, OrderHandle, OrderState, Quote,
};
use crate::product::{FreeTwin, PeriodUnit, Product};
use crate::provider::capabilities::{Capabilities, CsrUse, DcvChange, DcvSupport};
use crate::provider::flow::{self, Flow, Step};
use crate::provider::{Operation, Provider, ProviderError, ProviderKind};
use wire::{Billable, CertificateRequest, Dcv, DownloadFormat, Feature, ProductField, SslProduct};

/// Production base URL (docs/providers.md §2.1).
pub const PRODUCTION_BASE: &str = "https://api.yoursrs.com";
/// OT&E (test) base URL.
pub const OTE_BASE: &str = "https://api.yoursrs-ote.com";

/// The deprecated call's documented products
/// (the RTR deprecated create-certificate reference; others are not refused).
pub const DEPRECATED_PRODUCTS: [&str; 5] = [
    "ssl_comodo_positive",
    "ssl_comodo_positive_wc",
    "ssl_comodo_instant",
    "ssl_comodo_instant_wc",
    "ssl_comodo_ev",
];

/// The customer handle inside an API key: the part before `/` of the base64-decoded key
/// (docs/providers.md §2.1, WHMCS `parseCustomer`). The error never contains the key.
pub fn customer_from_key(key: &str) -> Result<String, ProviderError> {
    let engine = base64::engine::general_purpose::STANDARD;
    let decoded = engine
        .decode(key.trim())
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .ok_or_else(|| ProviderError::invalid("customer", "the API key is not base64 text"))?;
    let customer = decoded
        .split_once('/')
        .map(|(c, _)| c.to_owned())
        .ok_or_else(|| ProviderError::invalid("customer", "the API key names no customer"))?;
    validate::handle("customer", &customer)?;
    Ok(customer)
}

/// The Realtime Register adapter.
///
/// `customer` is the handle put into request bodies; `None` leaves it to
/// [`Provider::authenticate`], which derives it from the API key (the proxy's case).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RealtimeRegister {
    /// The customer handle, when known.
    pub customer: Option<String>,
}

impl RealtimeRegister {
    /// An adapter for `customer`.
    pub fn for_customer(customer: impl Into<String>) -> Self {
        Self {
            customer: Some(customer.into()),
        }
    }

    /// The request body for a draft.
    pub fn request_body(&self, draft: &OrderDraft) -> Result<CertificateRequest, ProviderError> {
        map::certificate_request(draft, self.customer.as_deref())
    }

    /// Orders with billables the customer has already acknowledged (from a quote or from a
    /// `BillableAcknowledgmentNeededException`), sent with the first request. Should the
    /// provider ask for others, the order stops as [`Provider::create_order`]'s does.
    pub fn create_order_acknowledged(
        &self,
        draft: &OrderDraft,
        billables: Vec<Billable>,
    ) -> Result<Flow<OrderState>, ProviderError> {
        let mut body = self.request_body(draft)?;
        body.billables = Some(billables);
        Ok(acknowledge::order(
            body,
            draft.clone(),
            draft.accepted_quote.clone(),
        ))
    }

    /// What one product allows, from its metadata (docs/providers.md §2.4): reissue from the
    /// `REISSUE` feature, wildcard SANs from `WILDCARD` on a multi-domain product, the free
    /// twin from `WWW_INCLUDED`/`NON_WWW_INCLUDED`, the order fields from `requiredFields`.
    pub fn capabilities_for(&self, product: &SslProduct) -> Capabilities {
        let neutral = map::product(product);
        let mut caps = self.capabilities();
        caps.reissue = product.features.contains(&Feature::Reissue);
        caps.wildcard_sans = neutral.wildcard_sans;
        caps.free_www_twin = neutral.free_twin != FreeTwin::None;
        caps.order_fields = neutral.required_fields;
        let dcv_field = ProductField::Dcv;
        caps.dcv.per_name = product.required_fields.contains(&dcv_field)
            || product.optional_fields.contains(&dcv_field);
        caps
    }
}

fn process_id(handle: &OrderHandle) -> &str {
    handle.operation.as_deref().unwrap_or(&handle.id)
}

impl Provider for RealtimeRegister {
    fn kind(&self) -> ProviderKind {
        ProviderKind::RealtimeRegister
    }

    fn capabilities(&self) -> Capabilities {
        Capabilities {
            csr: CsrUse::Required,
            // DcvType is exactly EMAIL|FILE|DNS, chosen per name in `dcv[]`
            // (docs/providers.md §2.2).
            dcv: DcvSupport::uniform(
                &[DcvMethod::Email, DcvMethod::Dns, DcvMethod::Http],
                false,
                true,
            ),
            wildcard_sans: true,
            free_www_twin: true,
            approver_lookup: true,
            name_checks: false,
            quotes: true,
            // `quote=true` validates the request without ordering (reference, query table).
            dry_run: true,
            dcv_preview: false,
            change_dcv: true,
            // `POST /v2/processes/{id}/resend` takes `dcv[{commonName, type, email?}]`, the
            // e-mail "required when EMAIL" (docs/providers.md §2.2-2.3).
            dcv_change: DcvChange::PerName {
                approver_for_email: true,
            },
            resend_dcv: true,
            // Renew, reissue and revoke are not in Realtime Register's references
            // (docs/providers.md §2).
            reissue: false,
            renew: false,
            cancel: false,
            revoke: false,
            period_unit: PeriodUnit::Months,
            order_fields: Vec::new(),
            download_formats: vec![
                CertificateFormat::Pem,
                CertificateFormat::Pkcs7,
                CertificateFormat::CaBundle,
                CertificateFormat::Zip,
            ],
        }
    }

    fn recognise(&self, request: &HttpRequest) -> Option<Operation> {
        recognise::recognise(request.method, &request.path_and_query())
    }

    fn authenticate(
        &self,
        request: &mut HttpRequest,
        credentials: &Credentials,
    ) -> Result<(), ProviderError> {
        let Credentials::ApiKey { key } = credentials else {
            return Err(ProviderError::WrongCredentials {
                provider: ProviderKind::RealtimeRegister,
                expected: "an API key (Authorization: ApiKey)",
                given: credentials.style(),
            });
        };
        request.set_header("Authorization", format!("ApiKey {}", key.expose()));
        // The request and import calls need `customer`; the proxy fills it in from the key
        // (docs/providers.md §7).
        let path = request.path.trim_end_matches('/');
        if request.method == Method::Post
            && (path == "/v2/ssl/certificates" || path == "/v2/ssl/import")
        {
            let mut body: serde_json::Value = request.json()?;
            let missing = body
                .get("customer")
                .and_then(serde_json::Value::as_str)
                .is_none_or(str::is_empty);
            if missing && let Some(object) = body.as_object_mut() {
                let customer = customer_from_key(key.expose())?;
                object.insert("customer".into(), customer.into());
                *request = request.clone().with_json(&body)?;
            }
        }
        Ok(())
    }

    fn products(&self) -> Result<Flow<Vec<Product>>, ProviderError> {
        Ok(flow::map(
            calls::products(&calls::ListQuery::default()),
            |page| Ok(page.entities.iter().map(map::product).collect()),
        ))
    }

    fn create_order(&self, draft: &OrderDraft) -> Result<Flow<OrderState>, ProviderError> {
        crate::order::check::before_sending(draft)?;
        // Nothing is charged that the customer has not seen priced (docs/providers.md §2.2).
        let accepted = draft
            .accepted_quote
            .clone()
            .ok_or(ProviderError::QuoteNotAccepted {
                provider: ProviderKind::RealtimeRegister,
            })?;
        let body = self.request_body(draft)?;
        validate::certificate_request(&body)?;
        Ok(acknowledge::order(body, draft.clone(), Some(accepted)))
    }

    /// A certificate answer names its product and names; a process answer names no product
    /// and only the names under validation (docs/providers.md §2.3), so the state shows what
    /// the handle kept from the order where the answer is silent.
    fn order(&self, handle: &OrderHandle) -> Result<Flow<OrderState>, ProviderError> {
        let asked = handle.clone();
        let Some(pid) = handle.operation.clone() else {
            return Ok(flow::map(calls::certificate(&handle.id)?, move |cert| {
                let mut state = map::certificate_state(&cert, None);
                map::keep_ordered(&mut state, &asked);
                Ok(state)
            }));
        };
        let info_call = calls::process_info_call(&pid)?;
        Ok(flow::then(calls::process(&pid)?, move |process| {
            let word = process.status.unwrap_or_default();
            Ok(Step::Next(flow::map(info_call, move |info| {
                let mut handle = asked.clone();
                handle.operation = Some(pid);
                if let Some(cert) = info.certificate_id {
                    handle.id = cert.to_string();
                }
                let mut state = OrderState::new(handle, map::process_status(&word), word);
                state.common_name = info.common_name.clone();
                state.names = map::process_names(&info);
                state.validations = map::validations(&info);
                map::keep_ordered(&mut state, &asked);
                Ok(state)
            })))
        }))
    }

    fn dcv(&self, state: &OrderState) -> Result<Flow<Vec<NameValidation>>, ProviderError> {
        Ok(flow::map(
            calls::process_info_call(process_id(&state.handle))?,
            |info| Ok(map::validations(&info)),
        ))
    }

    fn approvers(&self, product: &str, name: &str) -> Result<Flow<ApproverEmails>, ProviderError> {
        let base = crate::provider::error::approver_domain(name)?;
        let product = (!product.is_empty()).then_some(product);
        Ok(flow::map(
            calls::dcv_email_addresses(name, product)?,
            move |emails| Ok(ApproverEmails { name: base, emails }),
        ))
    }

    fn quote(&self, draft: &OrderDraft) -> Result<Flow<Quote>, ProviderError> {
        crate::order::check::before_sending(draft)?;
        let body = self.request_body(draft)?;
        let draft = draft.clone();
        Ok(flow::map(calls::quote(&body)?, move |q| {
            map::quote(&q, &draft)
        }))
    }

    fn change_dcv(
        &self,
        handle: &OrderHandle,
        choice: &DcvChoice,
    ) -> Result<Flow<OrderHandle>, ProviderError> {
        // RTR switches methods per name through resend (docs/providers.md §2.3).
        let name = choice.name.clone().ok_or_else(|| {
            ProviderError::invalid("dcv[0].commonName", "RTR changes DCV per name")
        })?;
        self.capabilities().dcv_change.check(choice)?;
        let entry = Dcv {
            common_name: name.ascii().to_owned(),
            dcv_type: map::dcv_type(&choice.method)?,
            email: choice.approver.clone(),
        };
        // Methods stay per name, so the handle keeps none.
        let handle = handle.clone();
        Ok(flow::map(
            calls::resend(process_id(&handle), &[entry])?,
            move |_| Ok(handle),
        ))
    }

    fn resend_dcv(&self, handle: &OrderHandle) -> Result<Flow<()>, ProviderError> {
        // Resend takes the names with their methods: read them first, then send them back.
        let pid = process_id(handle).to_owned();
        Ok(flow::then(calls::process_info_call(&pid)?, move |info| {
            let entries: Vec<Dcv> = info
                .validations
                .iter()
                .flat_map(|v| &v.dcv)
                .filter(|v| v.status != Some(wire::DcvStatus::Validated))
                .map(|v| Dcv {
                    common_name: v.common_name.clone(),
                    dcv_type: v.dcv_type.clone(),
                    email: v.email.clone(),
                })
                .collect();
            if entries.is_empty() {
                return Ok(Step::Done(()));
            }
            Ok(Step::Next(flow::map(
                calls::resend(&pid, &entries)?,
                |_| Ok(()),
            )))
        }))
    }

    fn dry_run(&self, draft: &OrderDraft) -> Result<Flow<()>, ProviderError> {
        crate::order::check::before_sending(draft)?;
        let body = self.request_body(draft)?;
        validate::certificate_request(&body)?;
        Ok(flow::map(calls::quote(&body)?, |_| Ok(())))
    }

    /// Until a certificate exists the handle's id is the process id (see [`map::created_state`]
    /// and [`Provider::order`]): then there is nothing to download, and nothing is asked.
    fn download(&self, handle: &OrderHandle) -> Result<Flow<Certificate>, ProviderError> {
        if handle.operation.as_deref() == Some(handle.id.as_str()) {
            return Err(ProviderError::NotIssued);
        }
        Ok(flow::map(
            calls::download(&handle.id, DownloadFormat::Crt)?,
            |text| Ok(Certificate::from_pem_or_base64(&text)),
        ))
    }
}
