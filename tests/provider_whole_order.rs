//! A whole order through `dyn Provider` alone, as the wizard drives it: products → quote →
//! create → order → DCV → change or resend → download before issue, each provider against
//! its documents' example answers (tests/fixtures/providers/). Every request is answered by
//! what the document shows for that operation; an operation the capabilities deny must
//! answer `Unsupported`, and nothing else is asked of the trait.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

use std::cell::RefCell;

use certorder::domain::DomainName;
use certorder::http::{HttpRequest, HttpResponse, Method};
use certorder::order::{DcvChoice, DcvMethod, OrderDraft, OrderHandle, OrderStatus, Quote};
use certorder::product::{Money, Period};
use certorder::provider::gandi_v3::GandiV3;
use certorder::provider::gandi_v5::GandiV5;
use certorder::provider::gjirafa::{Gjirafa, ProjectId};
use certorder::provider::realtimeregister::RealtimeRegister;
use certorder::provider::ssl247::Ssl247;
use certorder::provider::{Flow, Provider, ProviderError, ProviderKind, flow};

/// A name as a draft holds it.
fn dn(name: &str) -> DomainName {
    DomainName::parse(name).expect("a valid name")
}

const CSR: &str = include_str!("fixtures/csr/signature/ec-p256-sha256.pem");

fn fixture(path: &str) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/providers");
    std::fs::read_to_string(format!("{dir}/{path}")).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn json(status: u16, body: &str) -> HttpResponse {
    HttpResponse::new(status, body).with_header("Content-Type", "application/json")
}

fn xml(body: &str) -> HttpResponse {
    HttpResponse::new(200, body).with_header("Content-Type", "text/xml")
}

/// An upstream that answers each request by `route` and records what was asked.
struct Upstream<'a> {
    route: &'a dyn Fn(&HttpRequest) -> HttpResponse,
    asked: RefCell<Vec<String>>,
}

impl Upstream<'_> {
    fn run<T>(&self, flow: Result<Flow<T>, ProviderError>) -> Result<T, ProviderError> {
        flow::run_sync(flow?, |request, _| {
            self.asked.borrow_mut().push(format!(
                "{} {}",
                request.method.as_str(),
                request.path_and_query()
            ));
            Ok::<_, ()>((self.route)(&request))
        })
        .map_err(|e| match e {
            flow::RunError::Provider(e) => e,
            flow::RunError::Transport(()) => panic!("transport"),
        })
    }

    fn count(&self) -> usize {
        self.asked.borrow().len()
    }
}

fn draft(product: &str, names_only: bool) -> OrderDraft {
    OrderDraft {
        product: product.into(),
        period: Some(Period::years(1)),
        csr: (!names_only).then(|| CSR.to_owned()),
        common_name: Some(dn("acme-widgets.com")),
        sans: vec![dn("www.acme-widgets.com")],
        dcv: vec![DcvChoice::all(DcvMethod::Dns)],
        ..OrderDraft::default()
    }
}

/// The quote step: the provider's quote when it has one (accepted as shown), else none, and
/// the capabilities say which.
fn quote(up: &Upstream<'_>, provider: &dyn Provider, draft: &OrderDraft) -> Option<Quote> {
    let quoted = up.run(provider.quote(draft));
    assert_eq!(
        provider.capabilities().quotes,
        !matches!(quoted, Err(ProviderError::Unsupported { .. })),
        "{:?}",
        provider.kind()
    );
    quoted.ok()
}

// Guards: Gandi v5, every step on the v5 examples; the DCV method travels in the handle.
#[test]
fn gandi_v5_whole_order() {
    let route = |r: &HttpRequest| match (r.method, r.path.as_str()) {
        (Method::Get, "/v5/certificate/packages") => json(200, &fixture("gandi_v5/packages.json")),
        (Method::Post, "/v5/certificate/issued-certs") => {
            json(202, &fixture("gandi_v5/create-202.json"))
        }
        (Method::Get, p) if p.ends_with("/crt") => json(404, "{}"),
        (Method::Get, _) => json(200, &fixture("gandi_v5/issued-cert.json")),
        (Method::Post, p) if p.ends_with("/dcv_params") => {
            json(200, &fixture("gandi_v5/dcv-params-sectigo.json"))
        }
        _ => json(200, &fixture("gandi_v5/message.json")),
    };
    let up = Upstream {
        route: &route,
        asked: RefCell::default(),
    };
    let provider: Box<dyn Provider> = Box::new(GandiV5);
    let products = up.run(provider.products()).unwrap();
    assert!(!products.is_empty());
    let draft = draft(&products[0].id, false);
    assert!(quote(&up, provider.as_ref(), &draft).is_none());
    let preview = up.run(provider.dcv_preview(&draft)).unwrap();
    assert!(!preview.is_empty());
    let created = up.run(provider.create_order(&draft)).unwrap();
    assert_eq!(created.handle.dcv_method, Some(DcvMethod::Dns));
    let state = up.run(provider.order(&created.handle)).unwrap();
    assert_eq!(state.handle.dcv_method, Some(DcvMethod::Dns));
    let validations = up.run(provider.dcv(&state)).unwrap();
    assert!(!validations.is_empty());
    assert!(
        provider.resend_dcv(&state.handle).is_err(),
        "no resend for DNS DCV"
    );
    let email = up
        .run(provider.change_dcv(&state.handle, &DcvChoice::all(DcvMethod::Email)))
        .unwrap();
    up.run(provider.resend_dcv(&email)).unwrap();
    assert_eq!(
        up.run(provider.download(&email)).err(),
        Some(ProviderError::NotIssued)
    );
}

// Guards: Gandi v3, every step on the XML-RPC examples, the method sent to get_dcv_params.
#[test]
fn gandi_v3_whole_order() {
    let info = fixture("gandi_v3/cert-info.xml");
    let start = info.find("<name>cert</name><value>").unwrap();
    let end = start + info[start..].find("</member>").unwrap();
    let pending = format!(
        "{}<name>cert</name><value><nil/></value>{}",
        &info[..start],
        &info[end..]
    );
    let route = move |r: &HttpRequest| {
        let body = String::from_utf8(r.body.clone().unwrap_or_default()).unwrap();
        let method = |name: &str| body.contains(&format!("<methodName>{name}</methodName>"));
        if method("cert.package.list") {
            xml(&fixture("gandi_v3/package-list.xml"))
        } else if method("cert.create") {
            xml(&fixture("gandi_v3/operation-create.xml"))
        } else if method("cert.info") {
            xml(&pending)
        } else if method("cert.get_dcv_params") {
            assert!(body.contains("<name>dcv_method</name>"), "{body}");
            xml(&fixture("gandi_v3/dcv-params.xml"))
        } else {
            xml(&fixture("gandi_v3/boolean-true.xml"))
        }
    };
    let up = Upstream {
        route: &route,
        asked: RefCell::default(),
    };
    let provider: Box<dyn Provider> = Box::new(GandiV3);
    let products = up.run(provider.products()).unwrap();
    let draft = draft(&products[0].id, false);
    assert!(quote(&up, provider.as_ref(), &draft).is_none());
    assert!(!up.run(provider.dcv_preview(&draft)).unwrap().is_empty());
    let created = up.run(provider.create_order(&draft)).unwrap();
    let state = up.run(provider.order(&created.handle)).unwrap();
    assert_eq!(state.handle.operation, created.handle.operation);
    assert!(!up.run(provider.dcv(&state)).unwrap().is_empty());
    let email = up
        .run(provider.change_dcv(&state.handle, &DcvChoice::all(DcvMethod::Email)))
        .unwrap();
    up.run(provider.resend_dcv(&email)).unwrap();
    assert_eq!(
        up.run(provider.download(&email)).err(),
        Some(ProviderError::NotIssued)
    );
}

// Guards: Realtime Register, the quote accepted and acknowledged, the process read, a
// per-name change, and no download asked before a certificate exists.
#[test]
fn realtime_register_whole_order() {
    let quote_body = fixture("realtimeregister/quote.json");
    let billables: serde_json::Value = serde_json::from_str(&quote_body).unwrap();
    let demand = serde_json::json!({"type": "BillableAcknowledgmentNeededException",
        "message": "Billable acknowledgment needed", "billables": billables["quote"]["billables"]})
    .to_string();
    let route = move |r: &HttpRequest| match (r.method, r.path.as_str()) {
        (Method::Get, "/v2/ssl/products") => {
            json(200, &fixture("realtimeregister/products-list.json"))
        }
        (Method::Post, "/v2/ssl/certificates") if r.path_and_query().contains("quote=true") => {
            json(200, &quote_body)
        }
        (Method::Post, "/v2/ssl/certificates") => {
            let body: serde_json::Value = r.json().unwrap();
            if body.get("billables").is_none() {
                json(400, &demand)
            } else {
                json(202, &fixture("realtimeregister/request-202-sdk-mock.json"))
                    .with_header("x-process-id", "20")
            }
        }
        (Method::Get, "/v2/processes/20") => json(200, &fixture("realtimeregister/process.json")),
        // The info example also carries an undocumented DCV type, to test reading it; a
        // resend would refuse to send it back, so this order has only documented ones.
        (Method::Get, "/v2/processes/20/info") => json(
            200,
            &fixture("realtimeregister/process-info.json").replace("CARRIER_PIGEON", "DNS"),
        ),
        (Method::Post, "/v2/processes/20/resend") => json(200, ""),
        other => panic!("not documented here: {other:?}"),
    };
    let up = Upstream {
        route: &route,
        asked: RefCell::default(),
    };
    let provider: Box<dyn Provider> = Box::new(RealtimeRegister::for_customer("johndoe"));
    let products = up.run(provider.products()).unwrap();
    let mut draft = draft(&products[0].id, false);
    draft.accepted_quote = quote(&up, provider.as_ref(), &draft);
    assert_eq!(
        draft.accepted_quote.as_ref().map(|q| q.total.clone()),
        Some(Money::new(3750, Some("EUR")))
    );
    let created = up.run(provider.create_order(&draft)).unwrap();
    assert_eq!(created.handle.operation.as_deref(), Some("20"));
    // The handle alone, as a link or the order book keeps it, shows the order again: the
    // process answers name no product, the handle kept the one ordered.
    let kept: OrderHandle =
        serde_json::from_str(&serde_json::to_string(&created.handle).unwrap()).unwrap();
    let state = up.run(provider.order(&kept)).unwrap();
    assert_eq!(state.status, OrderStatus::Processing);
    assert_eq!(state.product.as_deref(), Some(products[0].id.as_str()));
    assert_eq!(state.handle.product, created.handle.product);
    // The names the process reports (the documented info example has four).
    assert_eq!(
        state.names,
        [
            "example.com",
            "www.example.com",
            "shop.example.com",
            "*.example.com"
        ]
    );
    assert!(!up.run(provider.dcv(&state)).unwrap().is_empty());
    let choice = DcvChoice {
        name: Some(dn("www.acme-widgets.com")),
        method: DcvMethod::Email,
        approver: None,
    };
    assert!(
        provider.change_dcv(&state.handle, &choice).is_err(),
        "e-mail needs an approver"
    );
    let choice = DcvChoice {
        approver: Some("admin@example.com".into()),
        ..choice
    };
    up.run(provider.change_dcv(&state.handle, &choice)).unwrap();
    up.run(provider.resend_dcv(&state.handle)).unwrap();
    let before = up.count();
    assert_eq!(
        up.run(provider.download(&state.handle)).err(),
        Some(ProviderError::NotIssued)
    );
    assert_eq!(up.count(), before, "nothing asked");
}

// Guards: a Realtime Register order opened from its handle alone shows product and names:
// from the handle where the process answer names none, from the certificate answer once one
// exists (the provider's own words win).
#[test]
fn realtime_register_order_shown_from_its_handle() {
    let route = |r: &HttpRequest| match (r.method, r.path.as_str()) {
        (Method::Post, "/v2/ssl/certificates") if r.path_and_query().contains("quote=true") => {
            json(200, &fixture("realtimeregister/quote.json"))
        }
        (Method::Post, "/v2/ssl/certificates") => {
            json(202, r#"{"validations":{"dcv":[]}}"#).with_header("x-process-id", "20")
        }
        (Method::Get, "/v2/processes/20") => json(200, &fixture("realtimeregister/process.json")),
        // An answer that lists no name, as a process past validation may.
        (Method::Get, "/v2/processes/20/info") => json(200, "{}"),
        (Method::Get, "/v2/ssl/certificates/1234567") => {
            json(200, &fixture("realtimeregister/certificate.json"))
        }
        other => panic!("not documented here: {other:?}"),
    };
    let up = Upstream {
        route: &route,
        asked: RefCell::default(),
    };
    let provider: Box<dyn Provider> = Box::new(RealtimeRegister::for_customer("johndoe"));
    let mut draft = draft("ssl_sectigo_multi", false);
    draft.accepted_quote = quote(&up, provider.as_ref(), &draft);
    let created = up.run(provider.create_order(&draft)).unwrap();
    assert_eq!(created.handle.product.as_deref(), Some("ssl_sectigo_multi"));
    assert_eq!(
        created.handle.names,
        ["acme-widgets.com", "www.acme-widgets.com"]
    );
    let kept: OrderHandle =
        serde_json::from_str(&serde_json::to_string(&created.handle).unwrap()).unwrap();
    let state = up.run(provider.order(&kept)).unwrap();
    assert_eq!(state.product.as_deref(), Some("ssl_sectigo_multi"));
    assert_eq!(state.common_name.as_deref(), Some("acme-widgets.com"));
    assert_eq!(state.names, ["acme-widgets.com", "www.acme-widgets.com"]);
    assert_eq!(state.handle, kept, "the next read takes the same handle");
    // A certificate id: the certificate answer names product and names itself.
    let certificate = OrderHandle::new(ProviderKind::RealtimeRegister, "1234567");
    let state = up.run(provider.order(&certificate)).unwrap();
    assert_eq!(state.product.as_deref(), Some("ssl_sectigo"));
    assert_eq!(
        state.names,
        ["www.testingasslrequest.com", "testingasslrequest.com"]
    );
}

// Guards: SSL247, validate → place-order → complete at the accepted price, the details read,
// and a 404 download as not issued.
#[test]
fn ssl247_whole_order() {
    let route = |r: &HttpRequest| {
        let name = match r.path.as_str() {
            "/product-types" => "product-types",
            "/order/certificate/validate" => "order-certificate-validate",
            "/order/certificate/place-order" => "order-certificate-place-order",
            "/order/certificate/complete" => "order-certificate-complete",
            // `/certificate/{id}/{type}`: the downloads.
            p if p.starts_with("/certificate/") && p.matches('/').count() == 3 => {
                return json(404, &fixture("ssl247/error.response.json"));
            }
            p if p.starts_with("/certificate/") => "certificate-id",
            p if p.starts_with("/products/") => "products-product-type",
            other => panic!("not documented here: {other}"),
        };
        json(200, &fixture(&format!("ssl247/{name}.response.json")))
    };
    let up = Upstream {
        route: &route,
        asked: RefCell::default(),
    };
    let provider: Box<dyn Provider> = Box::new(Ssl247);
    up.run(provider.products()).unwrap();
    let mut draft = draft("SECTIGO-PSSL", false);
    draft.accepted_quote = quote(&up, provider.as_ref(), &draft);
    let created = up.run(provider.create_order(&draft)).unwrap();
    let state = up.run(provider.order(&created.handle)).unwrap();
    up.run(provider.dcv(&state)).unwrap();
    assert!(matches!(
        provider.change_dcv(&state.handle, &DcvChoice::all(DcvMethod::Email)),
        Err(ProviderError::Unsupported { .. })
    ));
    assert_eq!(
        up.run(provider.download(&state.handle)).err(),
        Some(ProviderError::NotIssued)
    );
}

// Guards: Gjirafa, names only: create, read, the DNS records, a new check of the challenge.
#[test]
fn gjirafa_whole_order() {
    let route = |r: &HttpRequest| {
        let name = match r.method {
            Method::Post => "create-response",
            Method::Put => "validate-response",
            _ => "get-response",
        };
        json(200, &fixture(&format!("gjirafa/{name}.json")))
    };
    let up = Upstream {
        route: &route,
        asked: RefCell::default(),
    };
    let project = ProjectId::parse("3fa85f64-5717-4562-b3fc-2c963f66afa6").unwrap();
    let provider: Box<dyn Provider> = Box::new(Gjirafa::new(project, 1));
    assert!(matches!(
        provider.products(),
        Err(ProviderError::Unsupported { .. })
    ));
    let mut draft = draft("letsencrypt", true);
    draft.common_name = Some(dn("acme-widgets.net"));
    draft.sans = vec![dn("www.acme-widgets.net")];
    assert!(quote(&up, provider.as_ref(), &draft).is_none());
    let created = up.run(provider.create_order(&draft)).unwrap();
    let state = up.run(provider.order(&created.handle)).unwrap();
    up.run(provider.dcv(&state)).unwrap();
    up.run(provider.resend_dcv(&state.handle)).unwrap();
    assert!(matches!(
        provider.download(&OrderHandle::new(provider.kind(), "0")),
        Err(ProviderError::Unsupported { .. })
    ));
}
