//! The order and operation ids a provider's answer names, so that the server can hand the
//! widget an order token for each: on order creation, and when a token-authorised read of an
//! order reveals a linked id (Realtime Register's process turning into a certificate, Gandi's
//! operation into a certificate id).

use certorder::http::HttpResponse;
use certorder::provider::ProviderKind;
use certorder::provider::xmlrpc::{self, Value as RpcValue};
use serde_json::Value;

/// The ids named by a successful answer of `kind`, without duplicates.
pub(crate) fn ids(kind: ProviderKind, response: &HttpResponse) -> Vec<String> {
    let mut out = Vec::new();
    match kind {
        ProviderKind::GandiV3 => {
            let decoded = response
                .text()
                .ok()
                .and_then(|text| xmlrpc::decode_response(text).ok());
            if let Some(value) = decoded {
                // An operation: `id` is the operation, `cert_id` the certificate.
                for name in ["id", "cert_id"] {
                    out.extend(value.get(name).and_then(rpc_id));
                }
            }
        }
        ProviderKind::GandiV5 => {
            let body = json(response);
            out.extend(body.as_ref().and_then(|b| scalar(b.get("id"))));
            for url in [
                response.header("Location").map(str::to_owned),
                body.as_ref().and_then(|b| scalar(b.get("href"))),
            ]
            .into_iter()
            .flatten()
            {
                out.extend(last_segment(&url));
            }
        }
        ProviderKind::RealtimeRegister => {
            out.extend(response.header("x-process-id").map(|v| v.trim().to_owned()));
            if let Some(body) = json(response) {
                out.extend(scalar(body.get("certificateId")));
            }
        }
        ProviderKind::Ssl247 => {
            if let Some(data) = json(response).and_then(|b| b.get("Data").cloned()) {
                out.extend(scalar(data.get("order_id")));
                out.extend(scalar(data.get("certificate_id")));
                for order in data
                    .get("Order")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                {
                    out.extend(scalar(order.get("order_id")));
                    out.extend(scalar(order.get("Certificate").and_then(|c| c.get("id"))));
                }
                let certificates = data.get("Certificate");
                for c in certificates.and_then(Value::as_array).into_iter().flatten() {
                    out.extend(scalar(c.get("id")));
                }
            }
        }
        ProviderKind::Gjirafa => {
            if let Some(body) = json(response) {
                out.extend(scalar(body.get("result").and_then(|r| r.get("id"))));
            }
        }
        _ => {}
    }
    let mut unique: Vec<String> = Vec::new();
    for id in out {
        if !id.is_empty() && id.len() <= 200 && !unique.contains(&id) {
            unique.push(id);
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
        let v5 = HttpResponse::new(
            202,
            r#"{"id":"abc-1","href":"https://api.gandi.net/v5/certificate/issued-certs/abc-1"}"#,
        )
        .with_header(
            "Location",
            "https://api.gandi.net/v5/certificate/issued-certs/abc-1",
        );
        assert_eq!(ids(ProviderKind::GandiV5, &v5), vec!["abc-1"]);
        let rtr = HttpResponse::new(201, r#"{"commonName":"a.example"}"#)
            .with_header("x-process-id", "9001");
        assert_eq!(ids(ProviderKind::RealtimeRegister, &rtr), vec!["9001"]);
        let v3 = HttpResponse::new(
            200,
            "<?xml version=\"1.0\"?><methodResponse><params><param><value><struct><member><name>id</name><value><int>77</int></value></member><member><name>cert_id</name><value><int>5</int></value></member></struct></value></param></params></methodResponse>",
        );
        assert_eq!(ids(ProviderKind::GandiV3, &v3), vec!["77", "5"]);
        let ssl = HttpResponse::new(
            200,
            r#"{"StatusCode":200,"Data":{"order_ref":"R1","Order":[{"order_id":"10","Certificate":{"id":"20"}}]}}"#,
        );
        assert_eq!(ids(ProviderKind::Ssl247, &ssl), vec!["10", "20"]);
        let gj = HttpResponse::new(200, r#"{"success":true,"result":{"id":12}}"#);
        assert_eq!(ids(ProviderKind::Gjirafa, &gj), vec!["12"]);
        assert!(ids(ProviderKind::Gjirafa, &HttpResponse::new(200, "garbage")).is_empty());
    }
}
