//! SSL247 API v3 (the reference is <https://api.ssl247.com>; docs/providers.md §3).
//!
//! Every operation is a `POST` of a JSON body to a path below
//! `https://api.ssl247.com/api/v3`, reads included; credentials travel inside that body as
//! `u` (user e-mail), `p` (password of a standard or super user, absent for an API user) and
//! `k` (API user key, or account API key). Answers come in one of two envelopes
//! ([`envelope`]). Ordering takes three calls — `validate` (checks and prices, charges
//! nothing), `place-order` (charges, creates the certificate), `complete` (CSR, DCV method,
//! contacts) — or one, `place-quick-order`.
//!
//! - [`calls`]: one constructor per operation, each a [`Prepared`](crate::provider::flow::Prepared) call implementing
//!   [`Call`](crate::provider::Call).
//! - [`wire`]: the document's types ([`account`], [`catalog`], [`certificate`], [`order`],
//!   [`request`], [`envelope`]); `account::profile` maps neutral contacts onto the contact
//!   profiles orders name.
//! - [`map`]: wire types to and from the neutral model; [`error`]: [`Ssl247Error`];
//!   `recognise`: which documented operation a forwarded request is; [`names`]: the provider's
//!   check of an order's names (`check-common-name`, `check-san`); `products`: the catalog,
//!   walked one product type at a time.
//! - [`Ssl247`]: the [`Provider`] implementation.

pub mod calls;
pub mod error;
pub mod map;
pub mod names;
mod products;
mod recognise;
pub mod wire;

// The wire modules at the paths callers have always used.
pub(crate) use wire::scalar;
pub use wire::{account, catalog, certificate, envelope, order, request, status};

pub use error::Ssl247Error;
pub use request::{DvAuthMethod, OrganisationCategory};
pub use scalar::Scalar;
pub use status::{CertificateStatus, DownloadType};

use serde_json::{Map, Value};

use crate::domain::DomainName;
use crate::http::{BodyError, Credentials, HttpRequest};
use crate::order::{
    ApproverEmails, Certificate, CertificateFormat, DcvMethod, NameChecks, NameValidation,
    OrderDraft, OrderHandle, OrderState, Quote,
};
use crate::product::{PeriodUnit, Product};
use crate::provider::capabilities::{Capabilities, CsrUse, DcvChange, DcvSupport};
use crate::provider::flow::{self, Flow, Step};
use crate::provider::{Operation, Provider, ProviderError, ProviderKind, not_issued};

/// The API endpoint ("API Endpoint" at the top of the document); paths are below it.
pub const BASE_URL: &str = "https://api.ssl247.com/api/v3";

/// The SSL247 API v3 adapter.
#[derive(Debug, Clone, Copy, Default)]
pub struct Ssl247;

impl Ssl247 {
    /// Orders in one charging call with `place-quick-order` ("Fill all certificate details
    /// in one go"), instead of validate → place-order → complete. `validate` still prices the
    /// order first, so that nothing is charged but the accepted quote.
    /// [`Provider::create_order`] takes this path when the draft asks for
    /// [`OrderDraft::in_one_request`].
    pub fn quick_order(&self, draft: &OrderDraft) -> Result<Flow<OrderState>, ProviderError> {
        crate::order::check::before_sending(draft)?;
        let accepted = accepted_quote(draft)?;
        let priced = map::order_request(draft)?;
        let body = map::quick_order_request(draft)?;
        let draft = draft.clone();
        Ok(flow::then(calls::validate(&priced)?, move |validated| {
            if validated.is_invalid() {
                return Err(Ssl247Error::OrderInvalid.into());
            }
            same_price(&accepted, map::quote(&draft, &validated))?;
            Ok(Step::Next(flow::then(
                calls::place_quick_order(&body)?,
                move |done| {
                    let id = done
                        .certificate
                        .first()
                        .and_then(|c| c.id.as_ref())
                        .map(|id| id.as_str().to_owned())
                        .filter(|id| !id.is_empty())
                        .ok_or_else(|| missing("Certificate[0].id"))?;
                    Ok(Step::Done(map::placed(&draft, &id, "Pending".to_owned())))
                },
            )))
        }))
    }
}

/// The quote the customer accepted: `place-order` charges what `validate` prices, so an
/// order is placed only at a price the customer has seen.
fn accepted_quote(draft: &OrderDraft) -> Result<Quote, ProviderError> {
    draft
        .accepted_quote
        .clone()
        .ok_or(ProviderError::QuoteNotAccepted {
            provider: ProviderKind::Ssl247,
        })
}

/// Stops before charging when `validate` prices the order otherwise than the accepted quote.
fn same_price(accepted: &Quote, asked: Quote) -> Result<(), ProviderError> {
    if asked.charges_same_as(accepted) {
        return Ok(());
    }
    Err(ProviderError::PriceChanged {
        provider: ProviderKind::Ssl247,
        accepted: Box::new(accepted.clone()),
        asked: Box::new(asked),
    })
}

fn missing(field: &str) -> ProviderError {
    ProviderError::UnexpectedResponse(format!("SSL247 answered without {field}"))
}

impl Provider for Ssl247 {
    fn kind(&self) -> ProviderKind {
        ProviderKind::Ssl247
    }

    fn capabilities(&self) -> Capabilities {
        Capabilities {
            csr: CsrUse::Required,
            // One `dv_auth_method` per order: email, dns or file.
            dcv: DcvSupport::uniform(
                &[DcvMethod::Email, DcvMethod::Dns, DcvMethod::Http],
                false,
                false,
            ),
            wildcard_sans: false,
            free_www_twin: false,
            approver_lookup: true,
            name_checks: true,
            quotes: true,
            dry_run: true,
            dcv_preview: false,
            change_dcv: false,
            dcv_change: DcvChange::WholeOrder,
            resend_dcv: false,
            reissue: true,
            renew: true,
            cancel: true,
            revoke: true,
            period_unit: PeriodUnit::Years,
            order_fields: Vec::new(),
            download_formats: vec![
                CertificateFormat::Pem,
                CertificateFormat::Pkcs7,
                CertificateFormat::CaBundle,
            ],
        }
    }

    fn recognise(&self, request: &HttpRequest) -> Option<Operation> {
        let body = request.body.as_deref().unwrap_or_default();
        recognise::recognise(request.method, &request.path_and_query(), body)
    }

    fn authenticate(
        &self,
        request: &mut HttpRequest,
        credentials: &Credentials,
    ) -> Result<(), ProviderError> {
        let Credentials::Ssl247 {
            user,
            password,
            key,
        } = credentials
        else {
            return Err(ProviderError::WrongCredentials {
                provider: ProviderKind::Ssl247,
                expected: "an SSL247 user and key",
                given: credentials.style(),
            });
        };
        let body = request.body.as_deref().unwrap_or_default();
        let mut fields: Map<String, Value> = if body.iter().all(u8::is_ascii_whitespace) {
            Map::new()
        } else {
            // The parse error is not shown: the body may hold a customer's credentials.
            serde_json::from_slice(body)
                .map_err(|_| ProviderError::invalid("body", "not a JSON object"))?
        };
        // u/p/k are fields of every body (document, every operation); anything already
        // there is replaced, and `p` removed for an API user, who has none.
        fields.insert("u".into(), Value::from(user.as_str()));
        match password {
            Some(p) => fields.insert("p".into(), Value::from(p.expose())),
            None => fields.remove("p"),
        };
        fields.insert("k".into(), Value::from(key.expose()));
        let bytes = serde_json::to_vec(&fields)
            .map_err(|_| BodyError::Unserialisable("the credential fields".into()))?;
        request.body = Some(bytes);
        request.set_header("Content-Type", "application/json");
        Ok(())
    }

    fn products(&self) -> Result<Flow<Vec<Product>>, ProviderError> {
        Ok(flow::then(calls::product_types(), |types| {
            products::next_type(types.product_type_list.into(), Vec::new())
        }))
    }

    fn create_order(&self, draft: &OrderDraft) -> Result<Flow<OrderState>, ProviderError> {
        crate::order::check::before_sending(draft)?;
        if draft.in_one_request {
            return self.quick_order(draft);
        }
        let accepted = accepted_quote(draft)?;
        let body = map::order_request(draft)?;
        // Check what `complete` will need before anything is charged.
        map::complete_request(draft, "0".into(), None)?.check()?;
        let draft = draft.clone();
        Ok(flow::then(calls::validate(&body)?, move |validated| {
            if validated.is_invalid() {
                return Err(Ssl247Error::OrderInvalid.into());
            }
            same_price(&accepted, map::quote(&draft, &validated))?;
            Ok(Step::Next(flow::then(
                calls::place_order(&body)?,
                move |placed| {
                    let id = placed
                        .order
                        .iter()
                        .find_map(|o| o.certificate.id.as_ref())
                        .map(|id| id.as_str().to_owned())
                        .filter(|id| !id.is_empty())
                        .ok_or_else(|| missing("Order[].Certificate.id"))?;
                    let complete = map::complete_request(&draft, id.clone(), Some(&validated))?;
                    Ok(Step::Next(flow::map(
                        calls::complete(&complete)?,
                        move |done| Ok(map::completed(&draft, &id, &done)),
                    )))
                },
            )))
        }))
    }

    fn order(&self, handle: &OrderHandle) -> Result<Flow<OrderState>, ProviderError> {
        let id = handle.id.clone();
        Ok(flow::map(calls::certificate(&handle.id)?, move |full| {
            Ok(map::state(&id, &full))
        }))
    }

    fn dcv(&self, state: &OrderState) -> Result<Flow<Vec<NameValidation>>, ProviderError> {
        Ok(flow::map(calls::certificate(&state.handle.id)?, |full| {
            Ok(map::validations(&full))
        }))
    }

    fn approvers(&self, product: &str, name: &str) -> Result<Flow<ApproverEmails>, ProviderError> {
        // The mailboxes of a wildcard are those of its base name (docs/providers.md §6).
        let base = crate::provider::error::approver_domain(name)?;
        Ok(flow::map(
            calls::approver_emails(product, &base)?,
            move |items| Ok(map::approvers(&base, &items)),
        ))
    }

    fn check_names(
        &self,
        product: &str,
        common_name: &DomainName,
        sans: &[DomainName],
    ) -> Result<Flow<NameChecks>, ProviderError> {
        names::check(product, common_name, sans)
    }

    fn quote(&self, draft: &OrderDraft) -> Result<Flow<Quote>, ProviderError> {
        crate::order::check::before_sending(draft)?;
        let body = map::order_request(draft)?;
        let draft = draft.clone();
        Ok(flow::map(calls::validate(&body)?, move |validated| {
            if validated.is_invalid() {
                return Err(Ssl247Error::OrderInvalid.into());
            }
            Ok(map::quote(&draft, &validated))
        }))
    }

    /// `validate` "checks and prices, charges nothing".
    fn dry_run(&self, draft: &OrderDraft) -> Result<Flow<()>, ProviderError> {
        crate::order::check::before_sending(draft)?;
        let body = map::order_request(draft)?;
        Ok(flow::map(calls::validate(&body)?, |validated| {
            if validated.is_invalid() {
                return Err(Ssl247Error::OrderInvalid.into());
            }
            Ok(())
        }))
    }

    /// `POST /certificate/{original_certificate_id}/renew` for the draft's period; the answer
    /// names the new certificate.
    fn renew(
        &self,
        handle: &OrderHandle,
        draft: &OrderDraft,
    ) -> Result<Flow<OrderState>, ProviderError> {
        crate::order::check::before_sending(draft)?;
        let draft = draft.clone();
        Ok(flow::map(
            calls::renew(&handle.id, &map::years(&draft)?)?,
            move |renewed| {
                let id = renewed
                    .certificate_id
                    .as_ref()
                    .map(|id| id.as_str().to_owned())
                    .filter(|id| !id.is_empty())
                    .ok_or_else(|| missing("certificate_id"))?;
                Ok(map::placed(&draft, &id, "Pending".to_owned()))
            },
        ))
    }

    /// `POST /certificate/{id}/reissue` with `new_csr`; the order is read again afterwards.
    fn reissue(&self, handle: &OrderHandle, csr: &str) -> Result<Flow<OrderState>, ProviderError> {
        let id = handle.id.clone();
        Ok(flow::then(
            calls::reissue(&handle.id, csr, None)?,
            move |_| {
                Ok(Step::Next(flow::map(
                    calls::certificate(&id)?,
                    move |full| Ok(map::state(&id, &full)),
                )))
            },
        ))
    }

    fn cancel(&self, handle: &OrderHandle) -> Result<Flow<()>, ProviderError> {
        Ok(flow::map(calls::cancel(&handle.id)?, |_| Ok(())))
    }

    /// The downloads answer 404 while the certificate is not issued.
    fn download(&self, handle: &OrderHandle) -> Result<Flow<Certificate>, ProviderError> {
        Ok(not_issued::when_missing(
            self.download_issued(handle)?,
            not_issued::is_not_found,
        ))
    }

    fn revoke(&self, handle: &OrderHandle) -> Result<Flow<()>, ProviderError> {
        Ok(flow::map(calls::revoke(&handle.id)?, |_| Ok(())))
    }
}

impl Ssl247 {
    /// The certificate, then its intermediates.
    fn download_issued(&self, handle: &OrderHandle) -> Result<Flow<Certificate>, ProviderError> {
        let id = handle.id.clone();
        Ok(flow::then(
            calls::download(&handle.id, DownloadType::X509)?,
            move |x509| {
                let mut certificate = map::leaf(&x509)?;
                Ok(Step::Next(flow::map(
                    calls::download(&id, DownloadType::Intermediate)?,
                    move |intermediate| {
                        certificate.chain = map::download_text(&intermediate, "intermediate")
                            .map(|t| map::pem_blocks(&t))
                            .unwrap_or_default();
                        Ok(certificate)
                    },
                )))
            },
        ))
    }
}
