//! Realtime Register REST v2 adapter against Realtime Register's references (request
//! certificate, deprecated create) and docs/providers.md §2: every documented example, each
//! built request, every error envelope, validation by the reference's rules, recognition and
//! authentication.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

use base64::Engine as _;
use certorder::http::{Credentials, HttpRequest, HttpResponse, Method, Secret};
use certorder::order::{
    Contact, DcvChoice, DcvInstruction, DcvMethod, DcvStatus, DnsRecordType, OrderDraft,
    OrderHandle, OrderStatus, Organization, Quote, QuoteLine,
};
use certorder::product::{FreeTwin, Money, OrderField, Period, ProductKind, ValidationLevel};
use certorder::provider::realtimeregister::calls::{self, ListQuery};
use certorder::provider::realtimeregister::wire::{
    Approver, AuthKeyRequest, Billable, CaaRecordStatus, CertificateProcess, CertificateRequest,
    CertificateType, Dcv, DcvType, DecodeCsrRequest, DeprecatedCreateRequest, DownloadFormat,
    Feature, ImportRequest, Language, Page, ProductField, SslProduct, SubscriberAgreementRequest,
    ValidationCallRequest, ValidationType,
};
use certorder::provider::realtimeregister::{
    self, ErrorType, RealtimeRegister, RtrError, customer_from_key, map,
};
use certorder::provider::{
    Call, OperationClass, Provider, ProviderError, ProviderKind, Target, flow,
};
use serde_json::{Value, json};

#[path = "support/recognition.rs"]
mod recognition;

use certorder::domain::DomainName;
use recognition::Recognition;

/// A name as a draft holds it.
fn dn(name: &str) -> DomainName {
    DomainName::parse(name).expect("a valid name")
}

macro_rules! fixture {
    ($name:literal) => {
        include_str!(concat!("fixtures/providers/realtimeregister/", $name))
    };
}

const CSR: &str =
    "-----BEGIN CERTIFICATE REQUEST-----\nMIIC6zCCAdMCAQAw\n-----END CERTIFICATE REQUEST-----";

fn ok(status: u16, body: &str) -> HttpResponse {
    HttpResponse::new(status, body).with_header("Content-Type", "application/json")
}

fn body_json(request: &HttpRequest) -> Value {
    assert_eq!(request.header("content-type"), Some("application/json"));
    serde_json::from_slice(request.body.as_deref().unwrap()).unwrap()
}

fn invalid_field(result: Result<impl Sized, ProviderError>) -> String {
    match result {
        Err(ProviderError::InvalidInput { field, .. }) => field,
        Err(other) => panic!("expected InvalidInput, got {other:?}"),
        Ok(_) => panic!("expected InvalidInput, got Ok"),
    }
}

fn rtr(err: ProviderError) -> RtrError {
    match err {
        ProviderError::RealtimeRegister(e) => e,
        other => panic!("expected an RTR error, got {other:?}"),
    }
}

/// The request line and header of a reference's example (`POST /path`, `Content-Type: …`, body).
fn seed_example(text: &str) -> (Method, String, String, String) {
    let mut lines = text.lines();
    let (method, path) = lines.next().unwrap().split_once(' ').unwrap();
    let header = lines.next().unwrap().to_owned();
    let body: String = lines.collect::<Vec<_>>().join("\n").trim().to_owned();
    (method.parse().unwrap(), path.to_owned(), header, body)
}

fn full_request() -> CertificateRequest {
    CertificateRequest {
        customer: "johndoe".into(),
        product: "ssl_sectigo_multi".into(),
        period: 12,
        csr: CSR.into(),
        domain_name: Some("example.com".into()),
        san: Some(vec!["www.example.com".into(), "*.shop.example.com".into()]),
        organization: Some("Example B.V.".into()),
        department: Some("IT".into()),
        country: Some("NL".into()),
        state: Some("Overijssel".into()),
        address: Some("Ceintuurbaan 32a".into()),
        postal_code: Some("8024AA".into()),
        city: Some("Zwolle".into()),
        coc: Some("12345678".into()),
        sa_email: Some("legal@example.com".into()),
        sa_language: None,
        language: Some(Language::Nl),
        unique_value: Some("aHXEOOEh".into()),
        auth_key: Some(false),
        approver: Some(Approver {
            first_name: "John".into(),
            last_name: "Doe".into(),
            job_title: Some("CTO".into()),
            email: "john.doe@example.com".into(),
            voice: "+31.384530759".into(),
        }),
        dcv: Some(vec![
            Dcv {
                common_name: "example.com".into(),
                dcv_type: DcvType::Dns,
                email: None,
            },
            Dcv {
                common_name: "www.example.com".into(),
                dcv_type: DcvType::File,
                email: None,
            },
            Dcv {
                common_name: "*.shop.example.com".into(),
                dcv_type: DcvType::Email,
                email: Some("admin@shop.example.com".into()),
            },
        ]),
        billables: None,
    }
}

fn deprecated_body() -> DeprecatedCreateRequest {
    let mut properties = serde_json::Map::new();
    properties.insert("approverEmail".into(), json!("admin@example.com"));
    DeprecatedCreateRequest {
        product: "ssl_comodo_positive".into(),
        contact: Some("contact-1".into()),
        period: 2,
        csr: CSR.into(),
        validation_method: "EMAIL".into(),
        properties,
        provider: "sectigo".into(),
        billables: Some(vec![Billable {
            product: "ssl_comodo_positive".into(),
            action: "CREATE".into(),
            quantity: Some(1),
            ..Billable::default()
        }]),
    }
}

fn draft() -> OrderDraft {
    OrderDraft {
        product: "ssl_sectigo_multi".into(),
        period: Some(Period::years(1)),
        csr: Some(CSR.into()),
        common_name: Some(dn("acme-widgets.com")),
        sans: vec![dn("www.acme-widgets.com")],
        dcv: vec![
            DcvChoice::all(DcvMethod::Dns),
            DcvChoice {
                name: Some(dn("www.acme-widgets.com")),
                method: DcvMethod::Email,
                approver: Some("admin@example.com".into()),
            },
        ],
        approver: Some(Contact {
            first_name: "John".into(),
            last_name: "Doe".into(),
            job_title: None,
            email: "john.doe@example.com".into(),
            phone: Some("+31.384530759".into()),
        }),
        organization: Some(Organization {
            name: "Example B.V.".into(),
            country: Some("NL".into()),
            ..Organization::default()
        }),
        accepted_quote: Some(accepted_quote()),
        ..OrderDraft::default()
    }
}

/// The quote the customer accepted: what the handshake example of errors.json charges.
fn accepted_quote() -> Quote {
    Quote {
        product: "ssl_sectigo_multi".into(),
        period: Some(Period::years(1)),
        total: Money::new(1250, Some("EUR")),
        lines: vec![QuoteLine {
            description: "REQUEST".into(),
            quantity: 1,
            amount: Money::new(1250, Some("EUR")),
        }],
    }
}

// Guards: the request call's method, path and header are the reference's example; the body is
// exactly the fixture built from every field of the reference's tables.
#[test]
fn request_matches_the_seed() {
    let (method, path, header, body) = seed_example(fixture!("request-certificate-example.txt"));
    let request = calls::request(&full_request()).unwrap().request().unwrap();
    assert_eq!(request.method, method);
    assert_eq!(request.path, path);
    assert!(request.query.is_empty());
    assert_eq!(header, "Content-Type: application/json");
    assert_eq!(request.header("Content-Type"), Some("application/json"));
    assert_eq!(request.header("Accept"), Some("application/json"));
    assert_eq!(request.header("Authorization"), None);
    assert_eq!(body, "{}");
    let expected: Value = serde_json::from_str(fixture!("request-body-full.json")).unwrap();
    assert_eq!(body_json(&request), expected);
    // And the fixture reads back into the same request.
    let parsed: CertificateRequest =
        serde_json::from_str(fixture!("request-body-full.json")).unwrap();
    assert_eq!(parsed, full_request());
    assert_eq!(
        calls::request(&full_request()).unwrap().class(),
        OperationClass::Billable
    );
}

// Guards: quote=true goes in the query, same path and body, class Quote; the answer parses.
#[test]
fn quote_request_and_answer() {
    let call = calls::quote(&full_request()).unwrap();
    let request = call.request().unwrap();
    assert_eq!(request.method, Method::Post);
    assert_eq!(request.path_and_query(), "/v2/ssl/certificates?quote=true");
    assert_eq!(call.class(), OperationClass::Quote);
    let q = call.parse(&ok(200, fixture!("quote.json"))).unwrap();
    assert_eq!(q.quote.currency.as_deref(), Some("EUR"));
    assert_eq!(q.quote.total, Some(3750));
    assert_eq!(q.quote.billables.len(), 2);
    let b = &q.quote.billables[1];
    assert_eq!(b.product, "ssl_sectigo_multi");
    assert_eq!(b.action, "EXTRA_DOMAIN");
    assert_eq!(b.provider_name.as_deref(), Some("sectigo"));
    assert_eq!(
        (b.quantity, b.amount, b.total),
        (Some(1), Some(1250), Some(1250))
    );
    assert_eq!(b.refundable, Some(false));
    let neutral = map::quote(&q, &draft()).unwrap();
    assert_eq!(neutral.total.to_string(), "37.50 EUR");
    assert_eq!(neutral.lines[0].description, "REQUEST");
    assert_eq!(neutral.lines[1].amount.minor, 1250);
}

// Guards: the deprecated call's path carries the customer; period in years; body verbatim.
#[test]
fn deprecated_create_matches_the_seed() {
    let (method, path, _, body) =
        seed_example(fixture!("create-certificate-deprecated-example.txt"));
    assert_eq!(body, "{}");
    // The reference writes the path parameter as the literal word `customer`.
    let call = calls::create_deprecated("customer", &deprecated_body()).unwrap();
    let request = call.request().unwrap();
    assert_eq!(
        (request.method, request.path.as_str()),
        (method, path.as_str())
    );
    assert_eq!(call.class(), OperationClass::Billable);
    let expected: Value = serde_json::from_str(fixture!("deprecated-create-body.json")).unwrap();
    assert_eq!(body_json(&request), expected);
    let quote = calls::quote_deprecated("johndoe", &deprecated_body()).unwrap();
    assert_eq!(
        quote.request().unwrap().path_and_query(),
        "/v2/customers/johndoe/certificates?quote=true"
    );
    // 202 Accepted with no documented body: the process id comes from the header.
    let info = call
        .parse(&HttpResponse::new(202, "").with_header("X-Process-Id", "77"))
        .unwrap();
    assert_eq!(info.process_id.as_deref(), Some("77"));
    assert_eq!(realtimeregister::DEPRECATED_PRODUCTS.len(), 5);
}

// Guards: the deprecated call's own rules: years 1-5, handle regexes, required strings.
#[test]
fn deprecated_create_is_validated() {
    for period in [0, 6, 12] {
        let body = DeprecatedCreateRequest {
            period,
            ..deprecated_body()
        };
        assert_eq!(
            invalid_field(calls::create_deprecated("johndoe", &body)),
            "period"
        );
    }
    assert_eq!(
        invalid_field(calls::create_deprecated("jd", &deprecated_body())),
        "customer"
    );
    assert_eq!(
        invalid_field(calls::create_deprecated("john doe", &deprecated_body())),
        "customer"
    );
    let body = DeprecatedCreateRequest {
        contact: Some("a/b".into()),
        ..deprecated_body()
    };
    assert_eq!(
        invalid_field(calls::create_deprecated("johndoe", &body)),
        "contact"
    );
    let body = DeprecatedCreateRequest {
        validation_method: String::new(),
        ..deprecated_body()
    };
    assert_eq!(
        invalid_field(calls::create_deprecated("johndoe", &body)),
        "validationMethod"
    );
    let body = DeprecatedCreateRequest {
        provider: String::new(),
        ..deprecated_body()
    };
    assert_eq!(
        invalid_field(calls::create_deprecated("johndoe", &body)),
        "provider"
    );
    // An undocumented product is kept, not refused.
    let body = DeprecatedCreateRequest {
        product: "ssl_new_product".into(),
        ..deprecated_body()
    };
    assert!(calls::create_deprecated("johndoe", &body).is_ok());
}

// Guards: the SDK mock 202 with x-process-id: 20 parses field by field and maps to a pending
// order whose handle is the process.
#[test]
fn request_answer_parses() {
    let call = calls::request(&full_request()).unwrap();
    let response = ok(202, fixture!("request-202-sdk-mock.json")).with_header("x-process-id", "20");
    let info = call.parse(&response).unwrap();
    assert_eq!(info.process_id.as_deref(), Some("20"));
    assert_eq!(info.common_name.as_deref(), Some("…"));
    assert_eq!(info.requires_attention, Some(true));
    assert_eq!(info.certificate_id, None);
    let dcv = &info.validations.as_ref().unwrap().dcv;
    assert_eq!(dcv.len(), 1);
    assert_eq!(dcv[0].common_name, "example.com");
    assert_eq!(dcv[0].dcv_type, DcvType::Email);
    assert_eq!(dcv[0].email.as_deref(), Some("admin@example.com"));
    assert_eq!(
        dcv[0].status,
        Some(realtimeregister::wire::DcvStatus::Attention)
    );
    let ordered = draft();
    let state = map::created_state(&info, &ordered).unwrap();
    assert_eq!(state.handle.id, "20");
    assert_eq!(state.handle.operation.as_deref(), Some("20"));
    // The process answer names no product: the state and the handle keep the draft's.
    assert_eq!(state.product.as_deref(), Some("ssl_sectigo_multi"));
    assert_eq!(state.handle.product.as_deref(), Some("ssl_sectigo_multi"));
    assert_eq!(
        state.handle.names,
        ["acme-widgets.com", "www.acme-widgets.com"]
    );
    assert_eq!(state.status, OrderStatus::Pending);
    assert_eq!(state.validations[0].status, DcvStatus::Attention);
    assert_eq!(
        state.validations[0].instruction,
        Some(DcvInstruction::Email {
            approver: "admin@example.com".into()
        })
    );
    // 201 with certificateId: issued at once (AuthKey path).
    let issued = call
        .parse(
            &ok(201, r#"{"commonName":"example.com","certificateId":99}"#)
                .with_header("x-process-id", "21"),
        )
        .unwrap();
    let state = map::created_state(&issued, &ordered).unwrap();
    assert_eq!(
        (state.handle.id.as_str(), state.status),
        ("99", OrderStatus::Issued)
    );
    assert_eq!(state.handle.operation.as_deref(), Some("21"));
    // Neither a header nor a certificate id: nothing to follow.
    let none = call.parse(&ok(202, "{}")).unwrap();
    assert!(matches!(
        map::created_state(&none, &ordered),
        Err(ProviderError::UnexpectedResponse(_))
    ));
}

// Guards: products list and get requests; the §2.4 example field by field; the neutral model.
#[test]
fn products_parse_and_map() {
    let list = calls::products(&ListQuery {
        q: Some("sectigo".into()),
        limit: Some(10),
        offset: Some(20),
        fields: Some("product,name".into()),
    });
    let request = list.request().unwrap();
    assert_eq!(request.method, Method::Get);
    assert_eq!(
        request.path_and_query(),
        "/v2/ssl/products?q=sectigo&limit=10&offset=20&fields=product%2Cname"
    );
    assert_eq!(request.body, None);
    assert_eq!(list.class(), OperationClass::Catalog);
    let get = calls::product("ssl").unwrap();
    assert_eq!(get.request().unwrap().path, "/v2/ssl/products/ssl");
    assert_eq!(invalid_field(calls::product("")), "product");

    let p = get
        .parse(&ok(200, fixture!("product-sdk-test.json")))
        .unwrap();
    assert_eq!(p.product, "ssl");
    assert_eq!(p.brand.as_deref(), Some("brand"));
    assert_eq!(p.name.as_deref(), Some("SSL"));
    assert_eq!(p.validation_type, Some(ValidationType::DomainValidation));
    assert_eq!(p.certificate_type, Some(CertificateType::MultiDomain));
    assert_eq!(p.features, [Feature::Wildcard]);
    assert_eq!(
        p.required_fields,
        [
            ProductField::Dcv,
            ProductField::Address,
            ProductField::PostalCode
        ]
    );
    assert_eq!(p.optional_fields, [ProductField::Organization]);
    assert_eq!(p.periods, [1, 3, 6, 12]);
    assert_eq!(p.warranty, Some(50000));
    assert_eq!(p.issue_time.as_deref(), Some("15-30 minutes"));
    assert_eq!(p.renewal_window, Some(14));
    assert_eq!((p.included_domains, p.max_domains), (Some(5), Some(25)));
    assert_eq!(p.renew_from, None);

    let n = map::product(&p);
    assert_eq!(n.provider, ProviderKind::RealtimeRegister);
    assert_eq!((n.id.as_str(), n.name.as_str()), ("ssl", "SSL"));
    assert_eq!(n.validation, ValidationLevel::Dv);
    assert_eq!(n.kind, ProductKind::Multi);
    assert!(n.wildcard_sans);
    assert_eq!((n.included_names, n.max_names), (Some(5), Some(25)));
    assert_eq!(n.periods, [1, 3, 6, 12].map(Period::months));
    assert_eq!(
        n.required_fields,
        [OrderField::Dcv, OrderField::Address, OrderField::PostalCode]
    );
    assert_eq!(n.optional_fields, [OrderField::Organization]);
    assert!(
        n.dcv_methods.is_empty(),
        "RTR does not advertise DCV methods"
    );
}

// Guards: the list envelope; every documented feature/field/type word; unknown words kept.
#[test]
fn product_list_keeps_every_word() {
    let page: Page<SslProduct> = calls::products(&ListQuery::default())
        .parse(&ok(200, fixture!("products-list.json")))
        .unwrap();
    assert_eq!(page.entities.len(), 3);
    let pagination = page.pagination.unwrap();
    assert_eq!(
        (pagination.limit, pagination.offset, pagination.total),
        (Some(100), Some(0), Some(3))
    );
    let ev = &page.entities[1];
    assert_eq!(ev.validation_type, Some(ValidationType::ExtendedValidation));
    assert_eq!(ev.features, [Feature::Reissue, Feature::WwwIncluded]);
    assert_eq!(
        ev.optional_fields,
        [
            ProductField::Department,
            ProductField::Other("futureField".into())
        ]
    );
    let n = map::product(ev);
    assert_eq!(
        (n.validation.clone(), n.kind.clone()),
        (ValidationLevel::Ev, ProductKind::Single)
    );
    assert_eq!(n.free_twin, FreeTwin::Www);
    assert!(!n.wildcard_sans);
    assert_eq!(
        n.required_fields,
        [
            OrderField::Approver,
            OrderField::Organization,
            OrderField::Coc,
            OrderField::SubscriberAgreementEmail,
            OrderField::AuthKey
        ]
    );
    let acme = &page.entities[2];
    assert_eq!(
        acme.validation_type,
        Some(ValidationType::Other("QUANTUM_VALIDATION".into()))
    );
    assert_eq!(acme.features[1], Feature::Other("SHINY".into()));
    let n = map::product(acme);
    assert_eq!(n.kind, ProductKind::Other("ACME_SUBSCRIPTION".into()));
    assert_eq!(n.free_twin, FreeTwin::NonWww);
    assert_eq!(n.name, "acme_dv");

    let adapter = RealtimeRegister::default();
    let caps = adapter.capabilities_for(ev);
    assert!(caps.reissue && caps.free_www_twin && !caps.wildcard_sans && !caps.dcv.per_name);
    let caps = adapter.capabilities_for(&page.entities[0]);
    assert!(!caps.reissue && caps.wildcard_sans && caps.dcv.per_name);
    assert_eq!(
        caps.order_fields,
        [OrderField::Dcv, OrderField::Address, OrderField::PostalCode]
    );

    let products = flow::run_sync(adapter.products().unwrap(), |request, class| {
        assert_eq!(
            (request.path.as_str(), class),
            ("/v2/ssl/products", OperationClass::Catalog)
        );
        Ok::<_, ()>(ok(200, fixture!("products-list.json")))
    })
    .unwrap();
    assert_eq!(products.len(), 3);
}

// Guards: approver list path (wildcard stripped), product query, verbatim answer.
#[test]
fn dcv_email_address_list() {
    let call = calls::dcv_email_addresses("*.example.com", Some("ssl")).unwrap();
    let request = call.request().unwrap();
    assert_eq!(request.method, Method::Get);
    assert_eq!(
        request.path_and_query(),
        "/v2/ssl/dcvemailaddresslist/example.com?product=ssl"
    );
    assert_eq!(call.class(), OperationClass::Lookup);
    assert_eq!(
        call.parse(&ok(200, fixture!("dcv-email-list.json")))
            .unwrap(),
        ["test@mail.com", "test5@mail.com"]
    );
    let bare = calls::dcv_email_addresses("example.com", None).unwrap();
    assert_eq!(
        bare.request().unwrap().path_and_query(),
        "/v2/ssl/dcvemailaddresslist/example.com"
    );
    assert_eq!(
        invalid_field(calls::dcv_email_addresses("Example.COM", None)),
        "domainName"
    );
    let emails = flow::run_sync(
        RealtimeRegister::default()
            .approvers("ssl", "*.example.com")
            .unwrap(),
        |_, _| Ok::<_, ()>(ok(200, fixture!("dcv-email-list.json"))),
    )
    .unwrap();
    assert_eq!(emails.name, "example.com");
    assert_eq!(emails.emails.len(), 2);
}

// Guards: process get and info requests; process-info fixture field by field; DNS/FILE/EMAIL
// instructions; CAA blocking words force attention; unknown words kept.
#[test]
fn processes_parse_and_map() {
    let get = calls::process("20").unwrap();
    assert_eq!(get.request().unwrap().path, "/v2/processes/20");
    assert_eq!(get.class(), OperationClass::OrderRead);
    let p = get.parse(&ok(200, fixture!("process.json"))).unwrap();
    assert_eq!((p.id, p.status.as_deref()), (Some(20), Some("RUNNING")));
    assert_eq!(p.other["identifier"], json!("example.com"));
    assert_eq!(invalid_field(calls::process("")), "processId");

    let info_call = calls::process_info_call("20").unwrap();
    let request = info_call.request().unwrap();
    assert_eq!(
        (request.method, request.path.as_str()),
        (Method::Get, "/v2/processes/20/info")
    );
    let info = info_call
        .parse(&ok(200, fixture!("process-info.json")))
        .unwrap();
    assert_eq!(info.common_name.as_deref(), Some("example.com"));
    assert_eq!(
        info.one_time_link.as_deref(),
        Some("https://example.invalid/once")
    );
    let v = info.validations.as_ref().unwrap();
    assert_eq!(v.other["organization"], json!({"status": "WAITING"}));
    let dns = &v.dcv[0];
    assert_eq!(
        dns.dns_record.as_deref(),
        Some("_44209b1f7cd578b245e3a6f462dfadd4.example.com")
    );
    assert_eq!(dns.dns_type.as_deref(), Some("CNAME"));
    assert_eq!(
        dns.dns_contents.as_deref(),
        Some("de92.7ad6.aHXEOOEh.sectigo.com")
    );
    assert_eq!(dns.caa_record_status, Some(CaaRecordStatus::Valid));
    assert_eq!(dns.risk_status.as_deref(), Some("PASSED"));
    assert_eq!(
        v.dcv[1].caa_record_status,
        Some(CaaRecordStatus::UnrecognizedCriticalTag)
    );
    assert_eq!(
        v.dcv[2].caa_record_status,
        Some(CaaRecordStatus::Other("SOMETHING_NEW".into()))
    );
    assert_eq!(v.dcv[3].dcv_type, DcvType::Other("CARRIER_PIGEON".into()));

    let names = map::validations(&info);
    assert_eq!(names.len(), 4);
    assert_eq!(
        (names[0].method.clone(), names[0].status.clone()),
        (DcvMethod::Dns, DcvStatus::Pending)
    );
    let Some(DcvInstruction::Dns(record)) = &names[0].instruction else {
        panic!("{:?}", names[0])
    };
    assert_eq!(record.record_type, DnsRecordType::Cname);
    assert_eq!(record.name, "_44209b1f7cd578b245e3a6f462dfadd4.example.com");
    assert_eq!(names[1].method, DcvMethod::Http);
    assert_eq!(names[1].status, DcvStatus::Attention);
    assert_eq!(
        names[1].instruction,
        Some(DcvInstruction::File {
            url: "www.example.com/.well-known/pki-validation/44209B1F7CD578B245E3A6F462DFADD4.txt"
                .into(),
            content: "de92\nsectigo.com\naHXEOOEh".into(),
        })
    );
    assert_eq!(names[2].status, DcvStatus::Valid);
    assert_eq!(names[3].method, DcvMethod::Other("CARRIER_PIGEON".into()));
    assert_eq!(names[3].status, DcvStatus::Unknown("PAUSED".into()));
    assert_eq!(names[3].instruction, None);

    for (word, status) in [
        ("NEW", OrderStatus::Pending),
        ("VALIDATED", OrderStatus::Pending),
        ("SCHEDULED", OrderStatus::Pending),
        ("SUSPENDED", OrderStatus::Pending),
        ("RUNNING", OrderStatus::Processing),
        ("IN_DOUBT", OrderStatus::Processing),
        ("COMPLETED", OrderStatus::Issued),
        ("INVALID", OrderStatus::Rejected),
        ("CANCELLED", OrderStatus::Cancelled),
        ("FAILED", OrderStatus::Failed),
        ("LATER", OrderStatus::Unknown("LATER".into())),
    ] {
        assert_eq!(map::process_status(word), status, "{word}");
    }
}

// Guards: the order flow reads the process then its info; dcv reads the info.
#[test]
fn order_and_dcv_flows() {
    let adapter = RealtimeRegister::default();
    let handle = OrderHandle::new(ProviderKind::RealtimeRegister, "20").with_operation("20");
    let mut seen = Vec::new();
    let state = flow::run_sync(adapter.order(&handle).unwrap(), |request, _| {
        seen.push(request.path.clone());
        Ok::<_, ()>(match request.path.as_str() {
            "/v2/processes/20" => ok(200, r#"{"id":20,"status":"COMPLETED"}"#),
            _ => ok(
                200,
                r#"{"commonName":"example.com","certificateId":555,"validations":{"dcv":[]}}"#,
            ),
        })
    })
    .unwrap();
    assert_eq!(seen, ["/v2/processes/20", "/v2/processes/20/info"]);
    assert_eq!(state.status, OrderStatus::Issued);
    assert_eq!(state.provider_status, "COMPLETED");
    assert_eq!(state.handle.id, "555");
    assert_eq!(state.handle.operation.as_deref(), Some("20"));

    let validations = flow::run_sync(adapter.dcv(&state).unwrap(), |request, _| {
        assert_eq!(request.path, "/v2/processes/20/info");
        Ok::<_, ()>(ok(200, fixture!("process-info.json")))
    })
    .unwrap();
    assert_eq!(validations.len(), 4);

    // A handle with no process reads the certificate.
    let cert_state = flow::run_sync(
        adapter
            .order(&OrderHandle::new(ProviderKind::RealtimeRegister, "1234567"))
            .unwrap(),
        |request, _| {
            assert_eq!(request.path, "/v2/ssl/certificates/1234567");
            Ok::<_, ()>(ok(200, fixture!("certificate.json")))
        },
    )
    .unwrap();
    assert_eq!(cert_state.status, OrderStatus::Issued);
    assert_eq!(cert_state.handle.operation.as_deref(), Some("1"));
}

// Guards: resend body, change of method per name, resend of every unvalidated name.
#[test]
fn resend_and_change_dcv() {
    let entry = Dcv {
        common_name: "www.example.com".into(),
        dcv_type: DcvType::Email,
        email: Some("admin@example.com".into()),
    };
    let call = calls::resend("20", std::slice::from_ref(&entry)).unwrap();
    let request = call.request().unwrap();
    assert_eq!(
        (request.method, request.path.as_str()),
        (Method::Post, "/v2/processes/20/resend")
    );
    assert_eq!(
        body_json(&request),
        json!({"dcv": [{"commonName": "www.example.com", "type": "EMAIL", "email": "admin@example.com"}]})
    );
    assert_eq!(call.class(), OperationClass::OrderChange);
    // Empty or process-like answers both parse.
    assert_eq!(
        call.parse(&HttpResponse::new(200, "")).unwrap(),
        CertificateProcess::default()
    );
    assert!(call.parse(&ok(200, fixture!("process-info.json"))).is_ok());

    let adapter = RealtimeRegister::default();
    let handle = OrderHandle::new(ProviderKind::RealtimeRegister, "20").with_operation("20");
    let choice = DcvChoice {
        name: Some(dn("acme-widgets.com")),
        method: DcvMethod::Https,
        approver: None,
    };
    flow::run_sync(
        adapter.change_dcv(&handle, &choice).unwrap(),
        |request, class| {
            assert_eq!(class, OperationClass::OrderChange);
            assert_eq!(
                body_json(&request),
                json!({"dcv": [{"commonName": "acme-widgets.com", "type": "FILE"}]})
            );
            Ok::<_, ()>(HttpResponse::new(200, ""))
        },
    )
    .unwrap();
    assert_eq!(
        invalid_field(adapter.change_dcv(&handle, &DcvChoice::all(DcvMethod::Dns))),
        "dcv[0].commonName"
    );
    assert_eq!(
        invalid_field(adapter.change_dcv(
            &handle,
            &DcvChoice {
                name: Some(dn("acme-widgets.com")),
                method: DcvMethod::Automatic,
                approver: None
            }
        )),
        "dcv.type"
    );

    let mut bodies = Vec::new();
    flow::run_sync(adapter.resend_dcv(&handle).unwrap(), |request, _| {
        Ok::<_, ()>(if request.path.ends_with("/info") {
            ok(200, r#"{"validations":{"dcv":[{"commonName":"acme-widgets.com","type":"DNS","status":"WAITING"},{"commonName":"a.example.com","type":"EMAIL","email":"admin@example.com","status":"VALIDATED"}]}}"#)
        } else {
            bodies.push(body_json(&request));
            HttpResponse::new(200, "")
        })
    })
    .unwrap();
    assert_eq!(
        bodies,
        [json!({"dcv": [{"commonName": "acme-widgets.com", "type": "DNS"}]})]
    );
}

// Guards: certificate list, get and every download format; the certificate fixture field by field.
#[test]
fn certificates_and_downloads() {
    let list = calls::certificates(&ListQuery {
        limit: Some(10),
        ..ListQuery::default()
    });
    assert_eq!(
        list.request().unwrap().path_and_query(),
        "/v2/ssl/certificates?limit=10"
    );
    assert_eq!(list.class(), OperationClass::AccountWide);
    let page = list
        .parse(&ok(200, fixture!("certificates-list.json")))
        .unwrap();
    assert_eq!(page.entities.len(), 2);
    assert_eq!(page.entities[1].status.as_deref(), Some("REVOKED"));
    assert_eq!(page.pagination.unwrap().total, Some(2));

    let get = calls::certificate("1234567").unwrap();
    assert_eq!(get.request().unwrap().path, "/v2/ssl/certificates/1234567");
    let cert = get.parse(&ok(200, fixture!("certificate.json"))).unwrap();
    assert_eq!(cert.id, 1234567);
    assert_eq!(cert.process, Some(1));
    assert_eq!(cert.product.as_deref(), Some("ssl_sectigo"));
    assert_eq!(
        cert.domain_name.as_deref(),
        Some("www.testingasslrequest.com")
    );
    assert_eq!(
        cert.san.as_deref(),
        Some(&["testingasslrequest.com".to_owned()][..])
    );
    assert_eq!(cert.start_date.as_deref(), Some("2022-03-18T13:37:20Z"));
    assert_eq!(cert.expiry_date.as_deref(), Some("2023-03-18T13:37:20Z"));
    assert_eq!(cert.other["publicKeySize"], json!(2048));
    let state = map::certificate_state(&cert, None);
    assert_eq!(
        state.names,
        ["www.testingasslrequest.com", "testingasslrequest.com"]
    );
    assert_eq!(state.not_after.as_deref(), Some("2023-03-18T13:37:20Z"));
    assert!(
        state
            .certificate
            .unwrap()
            .pem
            .starts_with("-----BEGIN CERTIFICATE-----")
    );
    for (word, status) in [
        ("ACTIVE", OrderStatus::Issued),
        ("EXPIRED", OrderStatus::Expired),
        ("REVOKED", OrderStatus::Revoked),
        ("NEWWORD", OrderStatus::Unknown("NEWWORD".into())),
    ] {
        assert_eq!(map::certificate_status(word), status);
    }

    let words: Vec<String> = DownloadFormat::ALL
        .iter()
        .map(|f| {
            let r = calls::download("1234567", *f).unwrap().request().unwrap();
            assert_eq!(r.path, "/v2/ssl/certificates/1234567/download");
            assert_eq!(serde_json::to_value(f).unwrap(), json!(f.as_str()));
            r.query[0].1.clone()
        })
        .collect();
    assert_eq!(words, ["CRT", "CSR", "ZIP", "PKCS7", "CA", "CA_BUNDLE"]);
    let zip = calls::download_bytes("1", DownloadFormat::Zip).unwrap();
    assert_eq!(
        zip.parse(&HttpResponse::new(200, vec![0x50, 0x4b, 0xff]))
            .unwrap(),
        [0x50, 0x4b, 0xff]
    );
    let pem = flow::run_sync(
        RealtimeRegister::default()
            .download(&OrderHandle::new(ProviderKind::RealtimeRegister, "1234567"))
            .unwrap(),
        |request, class| {
            assert_eq!(
                request.path_and_query(),
                "/v2/ssl/certificates/1234567/download?format=CRT"
            );
            assert_eq!(class, OperationClass::OrderRead);
            Ok::<_, ()>(HttpResponse::new(
                200,
                "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
            ))
        },
    )
    .unwrap();
    assert!(pem.pem.contains("AAAA"));
}

// Guards: authkey request and answer.
#[test]
fn authkey() {
    let call = calls::authkey(&AuthKeyRequest {
        product: "digicert_ssl".into(),
        csr: CSR.into(),
    })
    .unwrap();
    let request = call.request().unwrap();
    assert_eq!(
        (request.method, request.path.as_str()),
        (Method::Post, "/v2/ssl/authkey")
    );
    assert_eq!(
        body_json(&request),
        json!({"product": "digicert_ssl", "csr": CSR})
    );
    assert_eq!(call.class(), OperationClass::Lookup);
    assert_eq!(
        call.parse(&ok(200, fixture!("authkey.json")))
            .unwrap()
            .auth_key,
        "0a1b2c3d4e5f6789"
    );
    assert_eq!(
        invalid_field(calls::authkey(&AuthKeyRequest {
            product: String::new(),
            csr: CSR.into()
        })),
        "product"
    );
    assert_eq!(
        invalid_field(calls::authkey(&AuthKeyRequest {
            product: "p".into(),
            csr: " ".into()
        })),
        "csr"
    );
}

// Guards: every documented error type and status maps onto RtrError with its fields; an
// undocumented type is kept; a body that is not RTR's is an unexpected status.
#[test]
fn every_error_envelope_maps() {
    let cases: Vec<Value> = serde_json::from_str(fixture!("errors.json")).unwrap();
    let expected = [
        ErrorType::InvalidParameter,
        ErrorType::BillableAcknowledgmentNeededException,
        ErrorType::AuthenticationFailed,
        ErrorType::AuthorizationFailed,
        ErrorType::ObjectDoesNotExist,
        ErrorType::ObjectExists,
        ErrorType::RateLimitExceeded,
        ErrorType::ValidationError,
        ErrorType::ConstraintViolationException,
        ErrorType::InsufficientCreditException,
        ErrorType::ProviderUnavailable,
        ErrorType::UnrecognizedPropertyException,
        ErrorType::NoContractException,
        ErrorType::ProviderConnectionError,
        ErrorType::Other("SomethingNewException".into()),
    ];
    assert_eq!(cases.len(), expected.len());
    let call = calls::process("1").unwrap();
    for (case, kind) in cases.iter().zip(expected) {
        let status = u16::try_from(case["status"].as_u64().unwrap()).unwrap();
        let err = rtr(call
            .parse(&ok(status, &case["body"].to_string()))
            .unwrap_err());
        assert_eq!(err.status, status);
        assert_eq!(
            err.error_type.as_str(),
            case["body"]["type"].as_str().unwrap()
        );
        assert_eq!(err.error_type, kind);
        assert_eq!(err.message, case["body"]["message"].as_str().unwrap());
        assert!(err.to_string().contains(err.error_type.as_str()));
    }
    let violation = rtr(call
        .parse(&ok(400, &cases[8]["body"].to_string()))
        .unwrap_err());
    assert_eq!(violation.violations().len(), 2);
    assert_eq!(violation.violations()[0].field, "approver.voice");
    assert_eq!(violation.violations()[0].value, Some(json!("0384530759")));
    assert_eq!(violation.violations()[1].value, None);
    assert!(violation.to_string().contains("approver.voice"));
    let billable = rtr(call
        .parse(&ok(400, &cases[1]["body"].to_string()))
        .unwrap_err());
    assert!(billable.needs_acknowledgement());
    assert_eq!(billable.billables()[0].action, "REQUEST");
    assert_eq!(billable.billables()[0].total, Some(1250));
    let down = rtr(call
        .parse(&ok(503, &cases[10]["body"].to_string()))
        .unwrap_err());
    assert_eq!(
        down.details.other["startDate"],
        json!("2026-11-22T08:00:00Z")
    );
    assert_eq!(down.details.other["endDate"], json!("2026-11-22T10:00:00Z"));
    assert_eq!(
        call.parse(&HttpResponse::new(502, "<html>bad gateway</html>")),
        Err(ProviderError::UnexpectedStatus { status: 502 })
    );
    assert_eq!(
        call.parse(&HttpResponse::new(500, "")),
        Err(ProviderError::UnexpectedStatus { status: 500 })
    );
}

// Guards: the billing handshake resends once with the returned billables, then stops.
#[test]
fn billable_acknowledgement_handshake() {
    let cases: Vec<Value> = serde_json::from_str(fixture!("errors.json")).unwrap();
    let ack = cases[1]["body"].to_string();
    let adapter = RealtimeRegister::for_customer("johndoe");
    let mut bodies = Vec::new();
    let state = flow::run_sync(adapter.create_order(&draft()).unwrap(), |request, class| {
        assert_eq!(class, OperationClass::Billable);
        assert_eq!(request.path_and_query(), "/v2/ssl/certificates");
        let body = body_json(&request);
        let first = body.get("billables").is_none();
        bodies.push(body);
        Ok::<_, ()>(if first {
            ok(400, &ack)
        } else {
            ok(202, fixture!("request-202-sdk-mock.json")).with_header("x-process-id", "20")
        })
    })
    .unwrap();
    assert_eq!(bodies.len(), 2);
    assert_eq!(bodies[1]["billables"], cases[1]["body"]["billables"]);
    assert_eq!(state.handle.operation.as_deref(), Some("20"));
    // A second demand is not acknowledged again.
    let mut count = 0;
    let err = flow::run_sync(adapter.create_order(&draft()).unwrap(), |_, _| {
        count += 1;
        Ok::<_, ()>(ok(400, &ack))
    })
    .unwrap_err();
    assert_eq!(count, 2);
    assert!(
        matches!(err, flow::RunError::Provider(ProviderError::RealtimeRegister(ref e)) if e.needs_acknowledgement())
    );
    // Acknowledged up front: one request carrying the billables.
    let flow = adapter
        .create_order_acknowledged(
            &draft(),
            vec![Billable {
                product: "ssl".into(),
                action: "REQUEST".into(),
                ..Billable::default()
            }],
        )
        .unwrap();
    let body = body_json(&flow.request().unwrap());
    assert_eq!(
        body["billables"],
        json!([{"product": "ssl", "action": "REQUEST"}])
    );
}

// Guards: the draft maps onto the request body (months, per-name DCV, approver, org) and the
// quote flow prices it.
#[test]
fn draft_maps_onto_the_request() {
    let adapter = RealtimeRegister::for_customer("johndoe");
    let body = serde_json::to_value(adapter.request_body(&draft()).unwrap()).unwrap();
    assert_eq!(
        body,
        json!({
            "customer": "johndoe", "product": "ssl_sectigo_multi", "period": 12, "csr": CSR,
            "domainName": "acme-widgets.com", "san": ["www.acme-widgets.com"], "organization": "Example B.V.",
            "country": "NL",
            "approver": {"firstName": "John", "lastName": "Doe", "email": "john.doe@example.com", "voice": "+31.384530759"},
            "dcv": [
                {"commonName": "acme-widgets.com", "type": "DNS"},
                {"commonName": "www.acme-widgets.com", "type": "EMAIL", "email": "admin@example.com"}
            ]
        })
    );
    let days = OrderDraft {
        period: Some(Period {
            count: 90,
            unit: certorder::product::PeriodUnit::Days,
        }),
        ..draft()
    };
    assert_eq!(invalid_field(adapter.create_order(&days)), "period");
    let no_csr = OrderDraft {
        csr: None,
        ..draft()
    };
    assert_eq!(invalid_field(adapter.create_order(&no_csr)), "csr");
    let q = flow::run_sync(adapter.quote(&draft()).unwrap(), |request, class| {
        assert_eq!(class, OperationClass::Quote);
        assert_eq!(request.path_and_query(), "/v2/ssl/certificates?quote=true");
        Ok::<_, ()>(ok(200, fixture!("quote.json")))
    })
    .unwrap();
    assert_eq!(q.total.minor, 3750);
    assert_eq!(q.period, Some(Period::years(1)));
}

// Guards: each restriction of the reference refuses a bad value and names the field.
#[test]
fn validation_names_the_field() {
    fn check(change: impl FnOnce(&mut CertificateRequest)) -> String {
        let mut r = full_request();
        change(&mut r);
        invalid_field(calls::request(&r))
    }
    assert_eq!(check(|r| r.customer = "ab".into()), "customer");
    assert_eq!(check(|r| r.customer = "a".repeat(41)), "customer");
    assert_eq!(check(|r| r.customer = "john doe".into()), "customer");
    assert_eq!(check(|r| r.product = String::new()), "product");
    assert_eq!(check(|r| r.period = 0), "period");
    assert_eq!(check(|r| r.csr = String::new()), "csr");
    for bad in [
        "Example.com",
        "example",
        "a.b",
        "ex_ample.com",
        "-a.example.com",
        "example.c",
        "example.1com",
        "bücher.de",
        "*.*.example.com",
        "example.com.",
    ] {
        assert_eq!(
            check(|r| r.domain_name = Some(bad.into())),
            "domainName",
            "{bad}"
        );
    }
    assert_eq!(
        check(|r| r.domain_name = Some(format!("{}.com", "a".repeat(64)))),
        "domainName"
    );
    assert_eq!(
        check(|r| r.domain_name = Some(format!("{}com", "a.".repeat(127)))),
        "domainName"
    );
    assert_eq!(
        check(|r| r.san = Some(vec!["ok.example.com".into(), "BAD".into()])),
        "san[1]"
    );
    assert_eq!(
        check(|r| r.organization = Some("o".repeat(65))),
        "organization"
    );
    assert_eq!(
        check(|r| r.organization = Some(String::new())),
        "organization"
    );
    assert_eq!(check(|r| r.department = Some("d".repeat(61))), "department");
    assert_eq!(check(|r| r.country = Some("NLD".into())), "country");
    assert_eq!(check(|r| r.state = Some("s".repeat(61))), "state");
    assert_eq!(check(|r| r.address = Some("a".repeat(61))), "address");
    assert_eq!(
        check(|r| r.postal_code = Some("12345678901".into())),
        "postalCode"
    );
    assert_eq!(check(|r| r.city = Some(String::new())), "city");
    assert_eq!(check(|r| r.coc = Some("c".repeat(33))), "coc");
    for bad in [
        "Legal@example.com",
        "a@b",
        "a..b@example.com",
        ".a@example.com",
        "a b@example.com",
        "noat.example.com",
    ] {
        assert_eq!(check(|r| r.sa_email = Some(bad.into())), "saEmail", "{bad}");
    }
    assert_eq!(
        check(|r| r.sa_email = Some(format!("{}@example.com", "a".repeat(65)))),
        "saEmail"
    );
    assert_eq!(
        check(|r| r.language = Some(Language::Other("XX".into()))),
        "language"
    );
    assert_eq!(
        check(|r| r.sa_language = Some(Language::Other("XX".into()))),
        "saLanguage"
    );
    assert_eq!(
        check(|r| r.unique_value = Some("a-b".into())),
        "uniqueValue"
    );
    assert_eq!(
        check(|r| r.unique_value = Some("a".repeat(21))),
        "uniqueValue"
    );
    for bad in [
        "+31384530759",
        "31.384530759",
        "+1234.5",
        "+31.",
        "+.123",
        "+31.123456789012345",
        "+3a.123",
    ] {
        assert_eq!(
            check(|r| r.approver.as_mut().unwrap().voice = bad.into()),
            "approver.voice",
            "{bad}"
        );
    }
    assert_eq!(
        check(|r| r.approver.as_mut().unwrap().first_name = String::new()),
        "approver.firstName"
    );
    assert_eq!(
        check(|r| r.approver.as_mut().unwrap().last_name = "l".repeat(41)),
        "approver.lastName"
    );
    assert_eq!(
        check(|r| r.approver.as_mut().unwrap().job_title = Some("j".repeat(41))),
        "approver.jobTitle"
    );
    assert_eq!(
        check(|r| r.approver.as_mut().unwrap().email = "JOHN@example.com".into()),
        "approver.email"
    );
    assert_eq!(
        check(|r| r.dcv.as_mut().unwrap()[2].email = None),
        "dcv[2].email"
    );
    assert_eq!(
        check(|r| r.dcv.as_mut().unwrap()[1].common_name = "WWW.example.com".into()),
        "dcv[1].commonName"
    );
    assert_eq!(
        check(|r| r.dcv.as_mut().unwrap()[0].dcv_type = DcvType::Other("HTTP".into())),
        "dcv[0].type"
    );
    assert_eq!(
        check(|r| r.dcv.as_mut().unwrap()[0].email = Some("bad".into())),
        "dcv[0].email"
    );
    assert_eq!(
        check(|r| r.billables = Some(vec![Billable::default()])),
        "billables[0].product"
    );
    // Limits themselves pass: shortest and longest values, punycode, wildcard, empty customer.
    let mut r = full_request();
    r.customer = String::new();
    r.domain_name = Some("xn--bcher-kva.de".into());
    r.san = Some(vec!["*.a.io".into()]);
    r.country = Some("NL".into());
    r.coc = Some("c".repeat(32));
    r.unique_value = Some("a".repeat(20));
    r.approver.as_mut().unwrap().voice = "+1.2".into();
    r.sa_email = Some(format!("{}@example.com", "a".repeat(64)));
    r.sa_language = Some(Language::Tr);
    r.dcv = Some(vec![]);
    assert!(calls::request(&r).is_ok());
    assert!(
        calls::request(&CertificateRequest {
            san: Some(vec![]),
            ..full_request()
        })
        .is_ok()
    );
}

// Guards: every language word of the reference round trips; unknown words are kept when read.
#[test]
fn open_enumerations() {
    let words = [
        "EN", "NL", "FR", "CN", "DE", "IT", "JP", "KR", "PT", "RU", "ES", "DK", "SE", "TR",
    ];
    for word in words {
        let lang: Language = serde_json::from_value(json!(word)).unwrap();
        assert!(!matches!(lang, Language::Other(_)), "{word}");
        assert_eq!(serde_json::to_value(&lang).unwrap(), json!(word));
    }
    assert_eq!(
        serde_json::from_value::<Language>(json!("XX")).unwrap(),
        Language::Other("XX".into())
    );
    for (word, t) in [
        ("EMAIL", DcvType::Email),
        ("FILE", DcvType::File),
        ("DNS", DcvType::Dns),
    ] {
        assert_eq!(serde_json::from_value::<DcvType>(json!(word)).unwrap(), t);
    }
    assert_eq!(map::dcv_type(&DcvMethod::Http).unwrap(), DcvType::File);
    assert_eq!(map::dcv_method(&DcvType::File), DcvMethod::Http);
}

/// What a recognised operation acts on, in a form a `const` table can hold.
#[derive(Debug, Clone, Copy)]
enum Acts {
    Nothing,
    Order(&'static str),
    Operation(&'static str),
}

impl Acts {
    fn target(self) -> Option<Target> {
        match self {
            Self::Nothing => None,
            Self::Order(id) => Some(Target::Order(id.into())),
            Self::Operation(id) => Some(Target::Operation(id.into())),
        }
    }
}

/// Every documented operation: a request, the name it is recognised as, its class and what it
/// acts on.
#[rustfmt::skip]
const OPERATIONS: &[(Method, &str, &str, OperationClass, Acts)] = {
    use Method::{Get, Post};
    use OperationClass::*;
    &[
        (Get, "/v2/ssl/products", "GET /v2/ssl/products", Catalog, Acts::Nothing),
        (Get, "/v2/ssl/products?q=x&limit=5", "GET /v2/ssl/products", Catalog, Acts::Nothing),
        (Get, "/v2/ssl/products/ssl", "GET /v2/ssl/products/{product}", Catalog, Acts::Nothing),
        (Get, "/v2/ssl/dcvemailaddresslist/example.com?product=ssl", "GET /v2/ssl/dcvemailaddresslist/{domainName}", Lookup, Acts::Nothing),
        (Post, "/v2/ssl/authkey", "POST /v2/ssl/authkey", Lookup, Acts::Nothing),
        (Post, "/v2/ssl/certificates?quote=true", "POST /v2/ssl/certificates?quote=true", Quote, Acts::Nothing),
        (Post, "/v2/ssl/certificates", "POST /v2/ssl/certificates", Billable, Acts::Nothing),
        (Post, "/v2/customers/johndoe/certificates?quote=true", "POST /v2/customers/{customer}/certificates?quote=true", Quote, Acts::Nothing),
        (Post, "/v2/customers/johndoe/certificates", "POST /v2/customers/{customer}/certificates", Billable, Acts::Nothing),
        (Get, "/v2/ssl/certificates?limit=10", "GET /v2/ssl/certificates", AccountWide, Acts::Nothing),
        (Get, "/v2/ssl/certificates/7", "GET /v2/ssl/certificates/{id}", OrderRead, Acts::Order("7")),
        (Get, "/v2/ssl/certificates/7/download?format=CRT", "GET /v2/ssl/certificates/{id}/download", OrderRead, Acts::Order("7")),
        (Get, "/v2/processes/20", "GET /v2/processes/{id}", OrderRead, Acts::Operation("20")),
        (Get, "/v2/processes/20/info", "GET /v2/processes/{id}/info", OrderRead, Acts::Operation("20")),
        (Post, "/v2/processes/20/resend", "POST /v2/processes/{id}/resend", OrderChange, Acts::Operation("20")),
        (Post, "/v2/ssl/decodecsr", "POST /v2/ssl/decodecsr", Lookup, Acts::Nothing),
        (Post, "/v2/processes/20/send-subscriber-agreement", "POST /v2/processes/{id}/send-subscriber-agreement", OrderChange, Acts::Operation("20")),
        (Post, "/v2/processes/20/schedule-validation-call", "POST /v2/processes/{id}/schedule-validation-call", OrderChange, Acts::Operation("20")),
    ]
};

// Guards: every documented operation is recognised with its class and target; every row that
// fails is reported, not only the first.
#[test]
fn recognise_each_operation() {
    let adapter = RealtimeRegister::default();
    let mut failures = Vec::new();
    for &(method, path, name, class, acts) in OPERATIONS {
        let expected = (ProviderKind::RealtimeRegister, name, class, acts.target());
        match adapter.recognise(&recognition::forwarded(method, path, b"")) {
            Some(op) if (op.provider, op.name, op.class, op.target.clone()) == expected => {}
            other => failures.push(format!(
                "{method} {path}: expected {expected:?}, got {other:?}"
            )),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

// Guards: a documented path under another method is not that operation.
#[test]
fn recognise_needs_the_documented_method() {
    let adapter = RealtimeRegister::default();
    assert_eq!(
        adapter.recognise(&recognition::forwarded(
            Method::Get,
            "/v2/processes/20/send-subscriber-agreement",
            b""
        )),
        None
    );
}

// Guards: a trailing slash is the same path (the TS SDK posts to `/ssl/certificates/`), and
// quote=false is an order, not a quote.
#[test]
fn recognise_a_trailing_slash_and_quote_false() {
    use OperationClass::Billable;
    let adapter = RealtimeRegister::default();
    assert_eq!(
        adapter
            .recognise(&recognition::forwarded(
                Method::Post,
                "/v2/ssl/certificates/",
                b""
            ))
            .unwrap()
            .name,
        "POST /v2/ssl/certificates"
    );
    assert_eq!(
        adapter
            .recognise(&recognition::forwarded(
                Method::Post,
                "/v2/ssl/certificates?quote=false",
                b""
            ))
            .unwrap()
            .class,
        Billable
    );
}

// Guards: anything undocumented is refused.
#[test]
fn recognise_refuses_undocumented_operations() {
    let adapter = RealtimeRegister::default();
    for (method, path) in [
        (Method::Get, "/v2/domains/example.com"),
        (Method::Delete, "/v2/ssl/certificates/7"),
        (Method::Post, "/v2/ssl/certificates/7/renew"),
        (Method::Post, "/v2/ssl/certificates/7/reissue"),
        (Method::Post, "/v2/processes/20/cancel"),
        (Method::Get, "/v2//ssl/products"),
        (Method::Get, "/v1/ssl/products"),
        (Method::Get, "/ssl/products"),
        (Method::Put, "/v2/ssl/certificates"),
        (Method::Get, "/v2/processes"),
        (Method::Get, "/v2/ssl/dcvemailaddresslist"),
    ] {
        assert_eq!(
            adapter.recognise(&recognition::forwarded(method, path, b"")),
            None,
            "{method} {path}"
        );
    }
}

// Guards: ApiKey header; customer derived from the key and filled into request bodies only;
// other credential styles refused without echoing secrets.
#[test]
fn authentication() {
    let key = base64::engine::general_purpose::STANDARD.encode("johndoe/s3cr3t-part");
    assert_eq!(customer_from_key(&key).unwrap(), "johndoe");
    assert_eq!(invalid_field(customer_from_key("not base64!")), "customer");
    let no_slash = base64::engine::general_purpose::STANDARD.encode("johndoe");
    assert_eq!(invalid_field(customer_from_key(&no_slash)), "customer");

    let adapter = RealtimeRegister::default();
    let creds = Credentials::ApiKey {
        key: Secret::new(key.clone()),
    };
    let mut request = adapter.create_order(&draft()).unwrap().request().unwrap();
    assert!(body_json(&request).get("customer").is_none());
    adapter.authenticate(&mut request, &creds).unwrap();
    assert_eq!(
        request.header("Authorization"),
        Some(format!("ApiKey {key}").as_str())
    );
    assert_eq!(body_json(&request)["customer"], json!("johndoe"));
    // A customer already in the body is kept.
    let mut request = RealtimeRegister::for_customer("other")
        .create_order(&draft())
        .unwrap()
        .request()
        .unwrap();
    adapter.authenticate(&mut request, &creds).unwrap();
    assert_eq!(body_json(&request)["customer"], json!("other"));
    // Other calls get only the header.
    let mut get = calls::process("1").unwrap().request().unwrap();
    get.set_header("Authorization", "Bearer stale");
    adapter.authenticate(&mut get, &creds).unwrap();
    assert_eq!(
        get.header("Authorization"),
        Some(format!("ApiKey {key}").as_str())
    );
    assert_eq!(get.body, None);

    let bearer = Credentials::Bearer {
        token: Secret::new("TOKEN"),
    };
    let err = adapter.authenticate(&mut get, &bearer).unwrap_err();
    assert!(matches!(
        err,
        ProviderError::WrongCredentials {
            provider: ProviderKind::RealtimeRegister,
            ..
        }
    ));
    assert!(!err.to_string().contains("TOKEN"));
    // A key with no customer in it fails without echoing the key.
    let mut request = adapter.create_order(&draft()).unwrap().request().unwrap();
    let bad = Credentials::ApiKey {
        key: Secret::new("SECRETKEY"),
    };
    let err = adapter.authenticate(&mut request, &bad).unwrap_err();
    assert!(!format!("{err} {err:?}").contains("SECRETKEY"));
}

// Guards: the provider-wide capability model says what the documents allow.
#[test]
fn capabilities() {
    let adapter = RealtimeRegister::default();
    assert_eq!(adapter.kind(), ProviderKind::RealtimeRegister);
    let caps = adapter.capabilities();
    assert!(
        caps.approver_lookup
            && caps.quotes
            && caps.change_dcv
            && caps.resend_dcv
            && caps.dcv.per_name
    );
    assert!(!caps.renew && !caps.reissue && !caps.revoke && !caps.cancel);
    assert_eq!(caps.period_unit, certorder::product::PeriodUnit::Months);
    assert_eq!(
        caps.dcv.for_name("*.example.com"),
        [DcvMethod::Email, DcvMethod::Dns]
    );
    assert!(caps.dcv.for_name("192.0.2.1").is_empty());
    assert!(matches!(
        adapter.revoke(&OrderHandle::new(ProviderKind::RealtimeRegister, "1")),
        Err(ProviderError::Unsupported { .. })
    ));
}

// Guards: decodecsr and the OV/EV process actions: requests, bodies, classes, validation.
#[test]
fn decode_csr_and_process_actions() {
    let call = calls::decode_csr(&DecodeCsrRequest { csr: CSR.into() }).unwrap();
    let request = call.request().unwrap();
    assert_eq!(
        (request.method, request.path.as_str()),
        (Method::Post, "/v2/ssl/decodecsr")
    );
    assert_eq!(body_json(&request), json!({"csr": CSR}));
    assert_eq!(call.class(), OperationClass::Lookup);
    let decoded = call
        .parse(&ok(
            200,
            r#"{"commonName":"example.com","publicKeySize":2048,"publicKeyAlgorithm":"RSA","street":[],"md5":"44209B1F","sha256":"DE92","country":"NL"}"#,
        ))
        .unwrap();
    assert_eq!(decoded.common_name.as_deref(), Some("example.com"));
    assert_eq!(decoded.public_key_size, Some(2048));
    assert_eq!(decoded.public_key_algorithm.as_deref(), Some("RSA"));
    assert_eq!(
        (decoded.md5.as_deref(), decoded.sha256.as_deref()),
        (Some("44209B1F"), Some("DE92"))
    );
    assert_eq!(decoded.other["country"], json!("NL"));
    assert_eq!(
        invalid_field(calls::decode_csr(&DecodeCsrRequest { csr: String::new() })),
        "csr"
    );

    let sa = SubscriberAgreementRequest {
        email: "legal@example.com".into(),
        language: Some(Language::En),
    };
    let call = calls::send_subscriber_agreement("20", &sa).unwrap();
    let request = call.request().unwrap();
    assert_eq!(request.path, "/v2/processes/20/send-subscriber-agreement");
    assert_eq!(
        body_json(&request),
        json!({"email": "legal@example.com", "language": "EN"})
    );
    assert_eq!(call.class(), OperationClass::OrderChange);
    let bad = SubscriberAgreementRequest {
        email: "Legal@example.com".into(),
        language: None,
    };
    assert_eq!(
        invalid_field(calls::send_subscriber_agreement("20", &bad)),
        "email"
    );
    let bad = SubscriberAgreementRequest {
        language: Some(Language::Other("XX".into())),
        ..sa
    };
    assert_eq!(
        invalid_field(calls::send_subscriber_agreement("20", &bad)),
        "language"
    );

    let call = calls::schedule_validation_call(
        "20",
        &ValidationCallRequest {
            date: "2026-11-23T10:00:00Z".into(),
        },
    )
    .unwrap();
    let request = call.request().unwrap();
    assert_eq!(request.path, "/v2/processes/20/schedule-validation-call");
    assert_eq!(body_json(&request), json!({"date": "2026-11-23T10:00:00Z"}));
    assert_eq!(
        invalid_field(calls::schedule_validation_call(
            "20",
            &ValidationCallRequest { date: " ".into() }
        )),
        "date"
    );
    assert_eq!(
        invalid_field(calls::schedule_validation_call(
            "",
            &ValidationCallRequest { date: "x".into() }
        )),
        "processId"
    );
}

// Guards: every built request asks for JSON, carries no credentials before `authenticate`,
// and has a JSON content type exactly when it has a body.
#[test]
fn every_request_has_the_documented_headers() {
    let requests = [
        calls::products(&ListQuery::default()).request(),
        calls::product("ssl").unwrap().request(),
        calls::dcv_email_addresses("example.com", None)
            .unwrap()
            .request(),
        calls::request(&full_request()).unwrap().request(),
        calls::quote(&full_request()).unwrap().request(),
        calls::create_deprecated("johndoe", &deprecated_body())
            .unwrap()
            .request(),
        calls::quote_deprecated("johndoe", &deprecated_body())
            .unwrap()
            .request(),
        calls::process("1").unwrap().request(),
        calls::process_info_call("1").unwrap().request(),
        calls::resend("1", &[]).unwrap().request(),
        calls::certificates(&ListQuery::default()).request(),
        calls::certificate("1").unwrap().request(),
        calls::authkey(&AuthKeyRequest {
            product: "p".into(),
            csr: CSR.into(),
        })
        .unwrap()
        .request(),
        calls::decode_csr(&DecodeCsrRequest { csr: CSR.into() })
            .unwrap()
            .request(),
    ];
    for request in requests {
        let request = request.unwrap();
        assert_eq!(
            request.header("Accept"),
            Some("application/json"),
            "{request:?}"
        );
        assert_eq!(request.header("Authorization"), None);
        let json_body = request.header("Content-Type") == Some("application/json");
        assert_eq!(json_body, request.body.is_some(), "{request:?}");
        assert_eq!(
            request.method == Method::Post,
            request.body.is_some(),
            "{request:?}"
        );
    }
}

// Guards: importing a certificate issued elsewhere: the documented body with only the fields
// given, checked before sending, the customer filled in from the key, the process id read from
// the header, and the path recognised as account-wide.
#[test]
fn import_external_certificate() {
    let certificate = include_str!("fixtures/providers/gandi_v5/crt.pem");
    let body = ImportRequest {
        certificate: certificate.to_owned(),
        domain_name: Some("example.com".to_owned()),
        ..ImportRequest::default()
    };
    let call = calls::import(&body).unwrap();
    assert_eq!(call.class(), OperationClass::AccountWide);
    let mut request = call.request().unwrap();
    assert_eq!(
        (request.method, request.path.as_str()),
        (Method::Post, "/v2/ssl/import")
    );
    assert_eq!(
        body_json(&request),
        json!({"customer": "", "certificate": certificate, "domainName": "example.com"})
    );
    let key = base64::engine::general_purpose::STANDARD.encode("johndoe/s3cr3t-part");
    RealtimeRegister::default()
        .authenticate(
            &mut request,
            &Credentials::ApiKey {
                key: Secret::new(key),
            },
        )
        .unwrap();
    assert_eq!(body_json(&request)["customer"], json!("johndoe"));

    let created = call
        .parse(&HttpResponse::new(201, "").with_header("x-process-id", "2069"))
        .unwrap();
    assert_eq!(created.process_id.as_deref(), Some("2069"));
    let refused = call.parse(&ok(
        400,
        r#"{"type": "InvalidParameter", "message": "Invalid parameter: certificate"}"#,
    ));
    assert!(matches!(refused, Err(ProviderError::RealtimeRegister(_))));

    let not_pem = ImportRequest {
        certificate: "MIIB".to_owned(),
        ..ImportRequest::default()
    };
    assert_eq!(invalid_field(calls::import(&not_pem)), "certificate");
    let bad_csr = ImportRequest {
        csr: Some("not a request".to_owned()),
        ..body.clone()
    };
    assert_eq!(invalid_field(calls::import(&bad_csr)), "csr");
    let bad_name = ImportRequest {
        domain_name: Some("Example.COM".to_owned()),
        ..body.clone()
    };
    assert_eq!(invalid_field(calls::import(&bad_name)), "domainName");
    let bad_customer = ImportRequest {
        customer: "a b".to_owned(),
        ..body
    };
    assert_eq!(invalid_field(calls::import(&bad_customer)), "customer");

    let op = RealtimeRegister::default()
        .recognise(&recognition::forwarded(Method::Post, "/v2/ssl/import", b""))
        .unwrap();
    assert_eq!(
        (op.name, op.class, op.target),
        ("POST /v2/ssl/import", OperationClass::AccountWide, None)
    );
}

// Guards: every call constructor's request is recognised as that call, with its class.
#[test]
fn every_call_is_recognised_as_itself() {
    let dcv = [Dcv {
        common_name: "www.example.com".into(),
        dcv_type: DcvType::Email,
        email: Some("admin@example.com".into()),
    }];
    let import = ImportRequest {
        certificate: include_str!("fixtures/providers/gandi_v5/crt.pem").to_owned(),
        ..ImportRequest::default()
    };
    let adapter = RealtimeRegister::default();
    let mut rows = Recognition::new(&adapter);
    rows.check("products", calls::products(&ListQuery::default()));
    rows.check("product", calls::product("ssl_sectigo_multi"));
    rows.check(
        "dcv_email_addresses",
        calls::dcv_email_addresses("www.example.com", Some("ssl_sectigo_multi")),
    );
    rows.check("request", calls::request(&full_request()));
    rows.check("quote", calls::quote(&full_request()));
    rows.check(
        "create_deprecated",
        calls::create_deprecated("johndoe", &deprecated_body()),
    );
    rows.check(
        "quote_deprecated",
        calls::quote_deprecated("johndoe", &deprecated_body()),
    );
    rows.check("process", calls::process("20"));
    rows.check("process_info_call", calls::process_info_call("20"));
    rows.check("resend", calls::resend("20", &dcv));
    rows.check("certificates", calls::certificates(&ListQuery::default()));
    rows.check("certificate", calls::certificate("1234567"));
    for format in DownloadFormat::ALL {
        rows.check(
            &format!("download {format:?}"),
            calls::download("1234567", format),
        );
    }
    rows.check(
        "download_bytes",
        calls::download_bytes("1234567", DownloadFormat::Zip),
    );
    rows.check(
        "authkey",
        calls::authkey(&AuthKeyRequest {
            product: "digicert_ssl".into(),
            csr: CSR.into(),
        }),
    );
    rows.check(
        "decode_csr",
        calls::decode_csr(&DecodeCsrRequest { csr: CSR.into() }),
    );
    rows.check(
        "send_subscriber_agreement",
        calls::send_subscriber_agreement(
            "20",
            &SubscriberAgreementRequest {
                email: "legal@example.com".into(),
                language: Some(Language::En),
            },
        ),
    );
    rows.check(
        "schedule_validation_call",
        calls::schedule_validation_call(
            "20",
            &ValidationCallRequest {
                date: "2026-11-23T10:00:00Z".into(),
            },
        ),
    );
    rows.check("import", calls::import(&import));
    rows.finish(18 + DownloadFormat::ALL.len());
}
