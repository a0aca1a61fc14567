//! The order and operation ids a provider's answer names, so that a server can hand its
//! client an order token for each (docs/design.md, security model item 3): on order
//! creation, and when an authorised read of an order reveals a linked id (Realtime
//! Register's process turning into a certificate, Gandi's operation into a certificate id).
//! Each id is named as the adapter's `recognise` names the order calls that take it.

use serde_json::Value;

use super::xmlrpc::{self, Value as RpcValue};
use super::{ProviderKind, Target};
use crate::http::HttpResponse;

/// The orders and operations named by a successful answer of `kind`, without duplicates,
/// each as the adapter's recognition names it (`Target::Operation` for a Gandi operation or a
/// Realtime Register process, `Target::Order` for a certificate or order).
pub fn named_targets(kind: ProviderKind, response: &HttpResponse) -> Vec<Target> {
    let mut out: Vec<Target> = Vec::new();
    match kind {
        ProviderKind::GandiV3 => {
            let decoded = response
                .text()
                .ok()
                .and_then(|text| xmlrpc::decode_response(text).ok());
            if let Some(value) = decoded {
                // An operation: `id` is the operation, `cert_id` the certificate.
                out.extend(value.get("id").and_then(rpc_id).map(Target::Operation));
                out.extend(value.get("cert_id").and_then(rpc_id).map(Target::Order));
                // An operation names its certificate in `params.cert_id` (CertificateOperationReturn).
                out.extend(
                    value
                        .get("params")
                        .and_then(|params| params.get("cert_id"))
                        .and_then(rpc_id)
                        .map(Target::Order),
                );
            }
        }
        ProviderKind::GandiV5 => {
            let body = json(response);
            out.extend(
                body.as_ref()
                    .and_then(|b| scalar(b.get("id")))
                    .map(Target::Order),
            );
            for url in [
                response.header("Location").map(str::to_owned),
                body.as_ref().and_then(|b| scalar(b.get("href"))),
            ]
            .into_iter()
            .flatten()
            {
                out.extend(last_segment(&url).map(Target::Order));
            }
        }
        ProviderKind::RealtimeRegister => {
            let process = response.header("x-process-id").map(|v| v.trim().to_owned());
            out.extend(process.map(Target::Operation));
            if let Some(body) = json(response) {
                out.extend(scalar(body.get("certificateId")).map(Target::Order));
            }
        }
        ProviderKind::Ssl247 => {
            if let Some(data) = json(response).and_then(|b| b.get("Data").cloned()) {
                out.extend(scalar(data.get("order_id")).map(Target::Order));
                out.extend(scalar(data.get("certificate_id")).map(Target::Order));
                for order in data
                    .get("Order")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                {
                    out.extend(scalar(order.get("order_id")).map(Target::Order));
                    out.extend(
                        scalar(order.get("Certificate").and_then(|c| c.get("id")))
                            .map(Target::Order),
                    );
                }
                let certificates = data.get("Certificate");
                for c in certificates.and_then(Value::as_array).into_iter().flatten() {
                    out.extend(scalar(c.get("id")).map(Target::Order));
                }
            }
        }
        ProviderKind::Gjirafa => {
            if let Some(body) = json(response) {
                out.extend(scalar(body.get("result").and_then(|r| r.get("id"))).map(Target::Order));
            }
        }
    }
    let mut unique: Vec<Target> = Vec::new();
    for target in out {
        let (Target::Order(id) | Target::Operation(id)) = &target;
        if !id.is_empty() && id.len() <= 200 && !unique.contains(&target) {
            unique.push(target);
        }
    }
    unique
}

fn json(response: &HttpResponse) -> Option<Value> {
    serde_json::from_slice(&response.body).ok()
}

fn scalar(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) if !s.is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn rpc_id(value: &RpcValue) -> Option<String> {
    match value {
        RpcValue::Int(n) => Some(n.to_string()),
        RpcValue::String(s) if !s.is_empty() => Some(s.clone()),
        _ => None,
    }
}

/// The last path segment of a URL or path (`…/issued-certs/{id}`).
fn last_segment(url: &str) -> Option<String> {
    let path = url.split(['?', '#']).next()?;
    path.trim_end_matches('/')
        .rsplit('/')
        .next()
        .filter(|s| !s.is_empty() && !s.contains(':'))
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    // Guards: each provider's creation answer yields the ids its order calls take.
    #[test]
    fn ids_per_provider() {
        let order = |id: &str| Target::Order(id.to_owned());
        let operation = |id: &str| Target::Operation(id.to_owned());
        let v5 = HttpResponse::new(
            202,
            r#"{"id":"abc-1","href":"https://api.gandi.net/v5/certificate/issued-certs/abc-1"}"#,
        )
        .with_header(
            "Location",
            "https://api.gandi.net/v5/certificate/issued-certs/abc-1",
        );
        assert_eq!(
            named_targets(ProviderKind::GandiV5, &v5),
            vec![order("abc-1")]
        );
        let rtr = HttpResponse::new(201, r#"{"commonName":"a.example"}"#)
            .with_header("x-process-id", "9001");
        assert_eq!(
            named_targets(ProviderKind::RealtimeRegister, &rtr),
            vec![operation("9001")]
        );
        let v3 = HttpResponse::new(
            200,
            "<?xml version=\"1.0\"?><methodResponse><params><param><value><struct><member><name>id</name><value><int>77</int></value></member><member><name>cert_id</name><value><int>5</int></value></member></struct></value></param></params></methodResponse>",
        );
        assert_eq!(
            named_targets(ProviderKind::GandiV3, &v3),
            vec![operation("77"), order("5")]
        );
        let ssl = HttpResponse::new(
            200,
            r#"{"StatusCode":200,"Data":{"order_ref":"R1","Order":[{"order_id":"10","Certificate":{"id":"20"}}]}}"#,
        );
        assert_eq!(
            named_targets(ProviderKind::Ssl247, &ssl),
            vec![order("10"), order("20")]
        );
        let gj = HttpResponse::new(200, r#"{"success":true,"result":{"id":12}}"#);
        assert_eq!(named_targets(ProviderKind::Gjirafa, &gj), vec![order("12")]);
        assert!(
            named_targets(ProviderKind::Gjirafa, &HttpResponse::new(200, "garbage")).is_empty()
        );
    }
}
