//! Mapping Gandi v5 bodies onto the neutral model.

use super::V5DcvMethod;
use super::wire::{DcvParams, IssuedCert, Package};
use crate::order::{
    DcvInstruction, DcvMethod, DnsRecord, DnsRecordType, NameValidation, OrderHandle, OrderState,
};
use crate::product::Product;
use crate::provider::{ProviderKind, gandi};

/// A package → neutral product.
pub fn product(package: &Package) -> Option<Product> {
    gandi::product(
        ProviderKind::GandiV5,
        &package.name,
        package.max_domains,
        package.provider.as_deref(),
    )
}

/// A certificate → order state.
pub(crate) fn order_state(cert: &IssuedCert, fallback_id: &str) -> OrderState {
    let id = cert.id.clone().unwrap_or_else(|| fallback_id.to_owned());
    let word = cert.status.clone().unwrap_or_default();
    let mut state = OrderState::new(
        OrderHandle::new(ProviderKind::GandiV5, id),
        gandi::certificate_status(&word),
        word,
    );
    state.product = cert.package.as_ref().map(|p| p.name().to_owned());
    state.common_name = cert.cn.clone();
    state.names = gandi::names(cert.cn.as_ref(), cert.altnames.iter().map(String::as_str));
    if let Some(dates) = &cert.dates {
        state.not_before = dates.started_at.clone();
        state.not_after = dates.ends_at.clone();
    }
    state
}

/// DCV parameters → one validation per name. DNS instructions come from `dns_records`
/// (zone lines) or else `raw_messages` `[name, value]` pairs (DigiCert, docs/providers.md §1.6).
pub fn validations(params: &DcvParams) -> Vec<NameValidation> {
    let method = params
        .dcv_method
        .as_deref()
        .and_then(|m| m.parse::<V5DcvMethod>().ok())
        .map_or(DcvMethod::Email, V5DcvMethod::to_neutral);
    let mut records = gandi::zone_records(&params.dns_records);
    if records.is_empty() && method == DcvMethod::Dns {
        records = params
            .raw_messages
            .iter()
            .filter_map(|pair| match pair.as_slice() {
                [name, value] => Some(DnsRecord {
                    name: name.clone(),
                    record_type: DnsRecordType::Cname,
                    value: value.clone(),
                    ttl: None,
                }),
                _ => None,
            })
            .collect();
    }
    gandi::validations(
        &params.fqdns,
        &method,
        &params.messages,
        |i, name| match method {
            DcvMethod::Dns => gandi::dns_record_for(&records, name, i).map(DcvInstruction::Dns),
            _ => None,
        },
    )
}
