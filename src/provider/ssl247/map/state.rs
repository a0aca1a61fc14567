//! SSL247 answers into the neutral model: quotes, order states, per-name DCV instructions
//! and approver lists.

use serde_json::Value;

use crate::order::{
    ApproverEmails, DcvInstruction, DcvMethod, DcvStatus, DnsRecord, NameValidation, OrderDraft,
    OrderHandle, OrderState, OrderStatus, Quote, QuoteLine,
};
use crate::product::Money;
use crate::provider::ProviderKind;
use crate::provider::ssl247::certificate::CertificateFull;
use crate::provider::ssl247::order::{Completed, Validated};
use crate::provider::ssl247::request::DvAuthMethod;
use crate::provider::ssl247::scalar::Scalar;
use crate::provider::ssl247::status::CertificateStatus;

use super::text;

/// A quote from `validate`'s priced lines (no currency is given there).
pub fn quote(draft: &OrderDraft, validated: &Validated) -> Quote {
    let mut lines = Vec::new();
    for line in &validated.order_lines {
        let items = std::iter::once((&line.label, &line.code, &line.quantity, &line.total)).chain(
            line.addons
                .iter()
                .map(|a| (&a.label, &a.code, &a.quantity, &a.total)),
        );
        for (label, code, quantity, total) in items {
            let Some(amount) = total.as_ref().and_then(|t| t.as_money(None)) else {
                continue;
            };
            lines.push(QuoteLine {
                description: text(label.as_ref())
                    .or_else(|| text(code.as_ref()))
                    .unwrap_or_default(),
                quantity: quantity.as_ref().and_then(Scalar::as_u32).unwrap_or(1),
                amount,
            });
        }
    }
    let total = Money::new(lines.iter().map(|l| l.amount.minor).sum(), None);
    Quote {
        product: draft.product.clone(),
        period: draft.period,
        total,
        lines,
    }
}

/// The state after `complete`.
pub(crate) fn completed(draft: &OrderDraft, certificate_id: &str, done: &Completed) -> OrderState {
    let word = done
        .certificate
        .iter()
        .find(|c| c.id.as_ref().map(Scalar::as_str) == Some(certificate_id))
        .or(done.certificate.first())
        .and_then(|c| text(c.status.as_ref()))
        .unwrap_or_else(|| "Pending".into());
    placed(draft, certificate_id, word)
}

/// The state of an order just placed from `draft`, before SSL247 has been asked about it:
/// what the customer asked for, under the certificate id and status word the answer gave.
pub fn placed(draft: &OrderDraft, certificate_id: &str, word: String) -> OrderState {
    let mut state = OrderState::new(
        OrderHandle::new(ProviderKind::Ssl247, certificate_id),
        status(&word),
        word,
    );
    state.product = Some(draft.product.clone());
    state.common_name = draft.common_name_ascii();
    state.names = draft.names_ascii();
    state.csr = draft.csr.clone();
    state
}

/// A status word (or a code the document does not explain) as a neutral status.
fn status(word: &str) -> OrderStatus {
    CertificateStatus::from_word(word).to_neutral()
}

/// The state of a full certificate.
pub fn state(id: &str, full: &CertificateFull) -> OrderState {
    let details = &full.certificate_details;
    let word = [&details.status, &full.status]
        .into_iter()
        .find_map(|s| text(s.description.as_ref()).or_else(|| text(s.code.as_ref())))
        .unwrap_or_default();
    let id = text(full.certificate_id.as_ref()).unwrap_or_else(|| id.to_owned());
    let mut state = OrderState::new(
        OrderHandle::new(ProviderKind::Ssl247, id),
        status(&word),
        word,
    );
    state.product =
        text(details.product_code.as_ref()).or_else(|| text(full.product.code.as_ref()));
    state.common_name = text(details.common_name.as_ref());
    state.names = state
        .common_name
        .iter()
        .cloned()
        .chain(san_names(full))
        .collect();
    state.csr = text(details.csr.as_ref());
    state.not_before = text(full.dates.issuance.as_ref());
    state.not_after = text(full.dates.expiry.as_ref());
    state.validations = validations(full);
    state
}

fn san_names(full: &CertificateFull) -> impl Iterator<Item = String> + '_ {
    full.certificate_details
        .addons
        .addon
        .iter()
        .filter_map(|a| text(a.value.as_ref()))
        .filter(|v| v.contains('.'))
}

/// Per-name DCV instructions from the certificate details.
pub fn validations(full: &CertificateFull) -> Vec<NameValidation> {
    let d = &full.certificate_details;
    let Some(cn) = text(d.common_name.as_ref()) else {
        return Vec::new();
    };
    let method = DvAuthMethod::from(text(d.dv_auth_method.as_ref()).unwrap_or_default());
    let neutral = match &method {
        DvAuthMethod::Email => DcvMethod::Email,
        DvAuthMethod::Dns => DcvMethod::Dns,
        DvAuthMethod::File => DcvMethod::Http,
        DvAuthMethod::Other(w) => DcvMethod::Other(w.clone()),
    };
    let dcv_status = match status(&state_word(full)) {
        OrderStatus::Issued => DcvStatus::Valid,
        OrderStatus::Pending | OrderStatus::Processing => DcvStatus::Pending,
        _ => DcvStatus::NotReported,
    };
    let mut names = vec![(cn, text(d.approver_email.as_ref()))];
    names.extend(d.addons.addon.iter().filter_map(|a| {
        let v = text(a.value.as_ref()).filter(|v| v.contains('.'))?;
        Some((v, text(a.approver_email.as_ref())))
    }));
    names
        .into_iter()
        .map(|(name, approver)| NameValidation {
            instruction: instruction(&method, &name, approver, full),
            name,
            method: neutral.clone(),
            status: dcv_status.clone(),
        })
        .collect()
}

fn state_word(full: &CertificateFull) -> String {
    [&full.certificate_details.status, &full.status]
        .into_iter()
        .find_map(|s| text(s.description.as_ref()).or_else(|| text(s.code.as_ref())))
        .unwrap_or_default()
}

fn instruction(
    method: &DvAuthMethod,
    name: &str,
    approver: Option<String>,
    full: &CertificateFull,
) -> Option<DcvInstruction> {
    let d = &full.certificate_details;
    match method {
        DvAuthMethod::Email => approver.map(|approver| DcvInstruction::Email { approver }),
        DvAuthMethod::Dns => {
            let value = text(d.dns_auth_string.as_ref())?;
            // The document does not give the record's shape: a zone line is read as one,
            // anything else is shown verbatim.
            Some(
                DnsRecord::from_zone_line(&value)
                    .map_or(DcvInstruction::Text { message: value }, DcvInstruction::Dns),
            )
        }
        DvAuthMethod::File => {
            let file = text(d.file_auth_filename.as_ref())?;
            let host = name.strip_prefix("*.").unwrap_or(name);
            // A bare file name goes in the CA/B Forum's well-known directory
            // (docs/providers.md §5).
            let url = if file.starts_with("http://") || file.starts_with("https://") {
                file
            } else if file.starts_with('/') {
                format!("http://{host}{file}")
            } else {
                format!("http://{host}/.well-known/pki-validation/{file}")
            };
            Some(DcvInstruction::File {
                url,
                content: d
                    .file_auth_contents
                    .as_ref()
                    .map(|c| c.as_str().to_owned())
                    .unwrap_or_default(),
            })
        }
        DvAuthMethod::Other(_) => {
            text(d.general_auth_string.as_ref()).map(|message| DcvInstruction::Text { message })
        }
    }
}

/// Approver addresses from the look-up: strings, or objects whose keys or values are
/// addresses (the document writes each item as `{"{email}": "string"}`).
pub fn approvers(name: &str, items: &[Value]) -> ApproverEmails {
    let mut emails = Vec::new();
    let mut push = |s: &str| {
        if s.contains('@') && !emails.iter().any(|e| e == s) {
            emails.push(s.to_owned());
        }
    };
    for item in items {
        match item {
            Value::String(s) => push(s),
            Value::Object(map) => {
                for (k, v) in map {
                    push(k);
                    if let Value::String(s) = v {
                        push(s);
                    }
                }
            }
            _ => {}
        }
    }
    ApproverEmails {
        name: name.to_owned(),
        emails,
    }
}
