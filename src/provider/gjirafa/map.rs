//! From Gjirafa's certificates to the neutral order model.

use crate::order::{
    DcvInstruction, DcvMethod, DcvStatus, DnsRecord, DnsRecordType, NameValidation, OrderHandle,
    OrderState, OrderStatus,
};
use crate::provider::ProviderKind;

use super::wire::{CertificateDetail, CertificateStatus, CertificateSummary, DnsRecordEntry};

/// The label Let's Encrypt's DNS-01 challenge record sits under (RFC 8555 §8.4).
const ACME_LABEL: &str = "_acme-challenge.";

/// The neutral status of a `certificateStatus` word; an unknown word is kept.
pub fn status(word: Option<&CertificateStatus>) -> OrderStatus {
    match word {
        Some(CertificateStatus::Active) => OrderStatus::Issued,
        Some(CertificateStatus::Expired) => OrderStatus::Expired,
        Some(CertificateStatus::Pending) => OrderStatus::Pending,
        Some(CertificateStatus::Other(word)) => OrderStatus::Unknown(word.clone()),
        None => OrderStatus::Unknown(String::new()),
    }
}

/// `additionalNames` as a list. The reference gives it as one string without saying how names are
/// separated; commas, semicolons and whitespace are all taken as separators.
pub fn additional_names(text: Option<&str>) -> Vec<String> {
    text.unwrap_or_default()
        .split([',', ';', ' ', '\n', '\t'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

fn names(domain: Option<&String>, additional: Option<&str>) -> Vec<String> {
    let mut names: Vec<String> = domain.into_iter().cloned().collect();
    for name in additional_names(additional) {
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

/// One `dnsRecords[]` item as a DNS instruction: Let's Encrypt's DNS challenge is a TXT
/// record (docs/providers.md §4, "add a TXT record provided by Let's Encrypt").
pub(crate) fn dns_instruction(record: &DnsRecordEntry) -> DcvInstruction {
    DcvInstruction::Dns(DnsRecord {
        name: record.key.clone(),
        record_type: DnsRecordType::Txt,
        value: record.value.clone(),
        ttl: None,
    })
}

/// The name a challenge record validates: its key without `_acme-challenge.` and a trailing
/// dot; the certificate's domain name when the key has another shape.
fn validated_name(record: &DnsRecordEntry, fallback: Option<&String>) -> String {
    let key = record.key.trim_end_matches('.');
    match key.strip_prefix(ACME_LABEL) {
        Some(name) if !name.is_empty() => name.to_owned(),
        _ => fallback.cloned().unwrap_or_else(|| key.to_owned()),
    }
}

/// Per-record DNS validations of a certificate. DNS is the only method ("for now only DNS
/// validation is available", docs/providers.md §4); an active certificate's names are valid.
pub fn validations(cert: &CertificateDetail) -> Vec<NameValidation> {
    let dcv_status = match cert.certificate_status {
        Some(CertificateStatus::Active) => DcvStatus::Valid,
        _ if cert.dns_records.is_empty() => DcvStatus::NotReported,
        _ => DcvStatus::Pending,
    };
    cert.dns_records
        .iter()
        .map(|record| NameValidation {
            name: validated_name(record, cert.domain_name.as_ref()),
            method: DcvMethod::Dns,
            status: dcv_status.clone(),
            instruction: Some(dns_instruction(record)),
        })
        .collect()
}

/// A certificate as an order snapshot; `provider_status` keeps the word verbatim.
pub fn certificate(cert: &CertificateDetail) -> OrderState {
    let word = cert
        .certificate_status
        .as_ref()
        .map(|s| s.as_str().to_owned())
        .unwrap_or_default();
    let mut state = OrderState::new(
        OrderHandle::new(ProviderKind::Gjirafa, cert.id.to_string()),
        status(cert.certificate_status.as_ref()),
        word,
    );
    state.product = cert
        .certificate_type
        .as_ref()
        .map(|t| t.as_str().to_owned());
    state.common_name = cert.domain_name.clone();
    state.names = names(cert.domain_name.as_ref(), cert.additional_names.as_deref());
    state.validations = validations(cert);
    state.not_before = cert.not_before.clone();
    state.not_after = cert.not_after.clone();
    state
}

/// A list item as an order snapshot (no DCV data: the list does not carry it).
pub fn summary(item: &CertificateSummary) -> OrderState {
    let word = item
        .certificate_status
        .as_ref()
        .map(|s| s.as_str().to_owned())
        .unwrap_or_default();
    let mut state = OrderState::new(
        OrderHandle::new(ProviderKind::Gjirafa, item.id.to_string()),
        status(item.certificate_status.as_ref()),
        word,
    );
    state.product = item
        .certificate_type
        .as_ref()
        .map(|t| t.as_str().to_owned());
    state.common_name = item.domain_name.clone();
    state.names = names(item.domain_name.as_ref(), item.additional_names.as_deref());
    state
}
