//! What the provider fuzz targets share: turning fuzz bytes into a provider's HTTP answer,
//! and feeding that answer to every provider-neutral flow and to the request recogniser.
//!
//! A provider answer is untrusted input: a compromised or buggy provider, or anything between
//! it and the proxy, chooses every byte. The adapters must turn any answer into a value or a
//! `ProviderError`, never a panic.

use certorder::http::{HttpResponse, Method};
use certorder::domain::DomainName;
use certorder::order::{
    Contact, DcvChoice, DcvMethod, OrderDraft, OrderHandle, OrderState, OrderStatus, Quote,
};
use certorder::product::{Money, Period};
use certorder::provider::flow::Call;
use certorder::provider::{Flow, Provider, Step};

/// A request, valid for every provider's request builder, so that its flows get as far as
/// reading the answer.
const CSR: &str = include_str!("../../tests/fixtures/csr/signature/ec-p256-sha256.pem");

/// Statuses the adapters treat differently; the first input byte picks one.
const STATUSES: [u16; 12] = [200, 201, 202, 204, 400, 401, 403, 404, 409, 422, 500, 503];

/// Headers some adapters read (Realtime Register's process id, the content type).
const HEADERS: [(&str, &str); 3] = [
    ("x-process-id", "42"),
    ("content-type", "application/json"),
    ("content-type", "text/xml"),
];

/// The answer the fuzz bytes describe: byte 0 the status, byte 1 the headers, the rest the body.
pub fn response(data: &[u8]) -> HttpResponse {
    let (head, body) = data.split_at(data.len().min(2));
    let status = head
        .first()
        .map_or(200, |b| STATUSES[usize::from(*b) % STATUSES.len()]);
    let mut response = HttpResponse::new(status, body.to_vec());
    let header_bits = head.get(1).copied().unwrap_or(0);
    for (bit, (name, value)) in HEADERS.iter().enumerate() {
        if header_bits & (1 << bit) != 0 {
            response = response.with_header(*name, *value);
        }
    }
    response
}

/// Parses `response` with a typed call, ignoring the result: only a panic is a finding.
pub fn parse<C: Call>(call: Result<C, impl Sized>, response: &HttpResponse) {
    if let Ok(call) = call {
        let _ = call.parse(response);
    }
}

/// Advances a flow with the same answer at every step, up to four steps (the longest flow,
/// SSL247's validate → place-order → complete, has three).
pub fn drive<T, E>(flow: Result<Flow<T>, E>, response: &HttpResponse) {
    let Ok(mut flow) = flow else { return };
    for _ in 0..4 {
        match flow.advance(response) {
            Ok(Step::Next(next)) => flow = next,
            Ok(Step::Done(_)) | Err(_) => return,
        }
    }
}

/// A draft the adapters accept, with `product` as their product code.
pub fn draft(product: &str) -> OrderDraft {
    OrderDraft {
        product: product.to_owned(),
        period: Some(Period::years(1)),
        csr: Some(CSR.to_owned()),
        common_name: DomainName::parse("example-store.com").ok(),
        sans: DomainName::parse("www.example-store.com").into_iter().collect(),
        dcv: vec![DcvChoice::all(DcvMethod::Dns)],
        approver: Some(Contact {
            first_name: "Ada".to_owned(),
            last_name: "Lovelace".to_owned(),
            job_title: Some("Engineer".to_owned()),
            email: "ada@example-store.com".to_owned(),
            phone: Some("+44.2071234567".to_owned()),
        }),
        organization: None,
        // A quote accepted, so that paid orders get as far as the provider's answer.
        accepted_quote: Some(Quote {
            product: product.to_owned(),
            period: Some(Period::years(1)),
            total: Money::new(1250, Some("EUR")),
            lines: Vec::new(),
        }),
        in_one_request: false,
    }
}

/// Every provider-neutral operation of `provider`, each fed `response`.
pub fn neutral(provider: &dyn Provider, product: &str, response: &HttpResponse) {
    let handle = OrderHandle::new(provider.kind(), "42")
        .with_operation("7")
        .with_dcv_method(DcvMethod::Email);
    let mut state = OrderState::new(handle.clone(), OrderStatus::Pending, "pending");
    state.csr = Some(CSR.to_owned());
    state.product = Some(product.to_owned());
    state.common_name = Some("example-store.com".to_owned());
    state.names = vec![
        "example-store.com".to_owned(),
        "www.example-store.com".to_owned(),
    ];
    let draft = draft(product);
    drive(provider.products(), response);
    drive(provider.create_order(&draft), response);
    drive(provider.quote(&draft), response);
    drive(provider.order(&handle), response);
    drive(provider.dcv(&state), response);
    drive(provider.approvers(product, "example-store.com"), response);
    drive(
        provider.change_dcv(&handle, &DcvChoice::all(DcvMethod::Email)),
        response,
    );
    drive(provider.resend_dcv(&handle), response);
    drive(provider.download(&handle), response);
    drive(provider.revoke(&handle), response);
    drive(provider.dry_run(&draft), response);
    drive(provider.dcv_preview(&draft), response);
    drive(provider.renew(&handle, &draft), response);
    drive(provider.reissue(&handle, CSR), response);
    drive(provider.cancel(&handle), response);
}

/// Feeds the fuzz bytes to the request recogniser as a forwarded request: byte 0 the method,
/// then the path up to the first newline, then the body; bit 7 of byte 0 adds `Dry-Run: 1`.
pub fn recognise(provider: &dyn Provider, data: &[u8]) {
    let Some((first, rest)) = data.split_first() else {
        return;
    };
    let methods = [
        Method::Get,
        Method::Post,
        Method::Put,
        Method::Patch,
        Method::Delete,
    ];
    let method = methods[usize::from(*first) % methods.len()];
    let (path, body) = match rest.iter().position(|b| *b == b'\n') {
        Some(at) => (&rest[..at], &rest[at + 1..]),
        None => (rest, &[][..]),
    };
    let Ok(path) = std::str::from_utf8(path) else {
        return;
    };
    let mut request = certorder::http::HttpRequest::new(method, path);
    request.body = Some(body.to_vec());
    if first & 0x80 != 0 {
        request.set_header("Dry-Run", "1");
    }
    let _ = provider.recognise(&request);
}

#[cfg(test)]
mod tests {
    use super::*;
    use certorder::provider::gandi_v3::GandiV3;
    use certorder::provider::gandi_v5::GandiV5;
    use certorder::provider::gjirafa::{Gjirafa, ProjectId};
    use certorder::provider::realtimeregister::RealtimeRegister;
    use certorder::provider::ssl247::Ssl247;

    // Guards: the draft and handles the targets use get every flow as far as reading an
    // answer, so the fuzzer exercises parsers rather than request-building refusals.
    #[test]
    fn flows_reach_the_parsers() {
        let project = ProjectId::parse("3fa85f64-5717-4562-b3fc-2c963f66afa6").unwrap();
        let adapters: [(&dyn Provider, &str); 5] = [
            (&GandiV3, "cert_std_1_10_0_digicert"),
            (&GandiV5, "cert_std_1_10_0_digicert"),
            (&RealtimeRegister::for_customer("johndoe"), "ssl_sectigo"),
            (&Ssl247, "SECTIGO-PSSL"),
            (&Gjirafa::new(project, 1), "letsencrypt"),
        ];
        for (provider, product) in adapters {
            let mut d = draft(product);
            if provider.capabilities().csr == certorder::provider::CsrUse::NotAccepted {
                d.csr = None;
            }
            let handle = OrderHandle::new(provider.kind(), "42").with_operation("7");
            assert!(provider.create_order(&d).is_ok(), "{:?}", provider.kind());
            assert!(provider.order(&handle).is_ok(), "{:?}", provider.kind());
        }
    }
}
