//! Order states from RTR answers (docs/providers.md §2.3): a process, a request's answer, a
//! certificate; and what the handle keeps of the order where an answer does not name it.

use super::validations;
use crate::order::{Certificate, OrderDraft, OrderHandle, OrderState, OrderStatus};
use crate::provider::realtimeregister::wire::{CertificateProcess, SslCertificate};
use crate::provider::{ProviderError, ProviderKind};

/// The neutral status of a process status word (docs/providers.md §2.3, ProcessStatus).
pub fn process_status(word: &str) -> OrderStatus {
    match word {
        "NEW" | "VALIDATED" | "SCHEDULED" | "SUSPENDED" => OrderStatus::Pending,
        "RUNNING" | "IN_DOUBT" => OrderStatus::Processing,
        "COMPLETED" => OrderStatus::Issued,
        "INVALID" => OrderStatus::Rejected,
        "CANCELLED" => OrderStatus::Cancelled,
        "FAILED" => OrderStatus::Failed,
        other => OrderStatus::Unknown(other.to_owned()),
    }
}

/// The state right after a request: pending, or issued when `certificateId` came back. The
/// handle keeps the product and names of `draft`, which later process answers do not name.
pub fn created_state(
    info: &CertificateProcess,
    draft: &OrderDraft,
) -> Result<OrderState, ProviderError> {
    let process = info.process_id.clone();
    let (id, status, word) = match (info.certificate_id, &process) {
        (Some(cert), _) => (cert.to_string(), OrderStatus::Issued, "COMPLETED"),
        (None, Some(p)) => (p.clone(), OrderStatus::Pending, "NEW"),
        (None, None) => {
            return Err(ProviderError::UnexpectedResponse(
                "no x-process-id header and no certificateId".into(),
            ));
        }
    };
    let mut handle = OrderHandle::new(ProviderKind::RealtimeRegister, id).with_ordered(draft);
    handle.operation = process;
    let mut state = OrderState::new(handle, status, word);
    state.common_name = info.common_name.clone();
    state.names = process_names(info);
    state.validations = validations(info);
    let handle = state.handle.clone();
    keep_ordered(&mut state, &handle);
    Ok(state)
}

/// Fills what the provider's answer left out from what `asked` kept of the order: the product
/// when the answer names none, the names when it lists none, and the handle keeps both.
pub(crate) fn keep_ordered(state: &mut OrderState, asked: &OrderHandle) {
    if state.product.is_none() {
        state.product.clone_from(&asked.product);
    }
    if state.names.is_empty() {
        state.names.clone_from(&asked.names);
    }
    if state.common_name.is_none() {
        state.common_name = asked.names.first().cloned();
    }
    if state.handle.product.is_none() {
        state.handle.product.clone_from(&asked.product);
    }
    if state.handle.names.is_empty() {
        state.handle.names.clone_from(&asked.names);
    }
}

/// The neutral status of a certificate status word.
pub fn certificate_status(word: &str) -> OrderStatus {
    match word {
        "ACTIVE" => OrderStatus::Issued,
        "EXPIRED" => OrderStatus::Expired,
        "REVOKED" => OrderStatus::Revoked,
        "SUSPENDED" => OrderStatus::Pending,
        other => OrderStatus::Unknown(other.to_owned()),
    }
}

/// The names a process reports, the common name first: its `commonName`, then each name of
/// `validations.dcv[]` once.
pub fn process_names(info: &CertificateProcess) -> Vec<String> {
    let mut names: Vec<String> = info.common_name.iter().cloned().collect();
    let dcv = info.validations.iter().flat_map(|v| &v.dcv);
    for name in dcv.map(|d| &d.common_name) {
        if !names.contains(name) {
            names.push(name.clone());
        }
    }
    names
}

/// The state of an issued certificate.
pub fn certificate_state(cert: &SslCertificate, operation: Option<String>) -> OrderState {
    let word = cert.status.clone().unwrap_or_default();
    let mut handle = OrderHandle::new(ProviderKind::RealtimeRegister, cert.id.to_string());
    handle.operation = operation.or_else(|| cert.process.map(|p| p.to_string()));
    let mut state = OrderState::new(handle, certificate_status(&word), word);
    state.product = cert.product.clone();
    state.common_name = cert.domain_name.clone();
    state.names = cert
        .domain_name
        .iter()
        .chain(cert.san.iter().flatten())
        .cloned()
        .collect();
    state.csr = cert.csr.clone();
    state.not_before = cert.start_date.clone();
    state.not_after = cert.expiry_date.clone();
    state.certificate = cert
        .certificate
        .as_deref()
        .map(Certificate::from_pem_or_base64);
    state
}
