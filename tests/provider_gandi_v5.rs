//! Gandi REST v5 adapter against docs/providers.md §1.2-1.3 and §1.6: every endpoint's request,
//! every documented body and error envelope, recognition and authentication.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

use certorder::http::{Credentials, HttpRequest, HttpResponse, Method, Secret};
use certorder::order::{
    DcvChoice, DcvInstruction, DcvMethod, DnsRecord, DnsRecordType, OrderDraft, OrderHandle,
    OrderStatus,
};
use certorder::product::{ProductKind, ValidationLevel};
use certorder::provider::gandi_v5::calls::{self, ListQuery, PackageQuery};
use certorder::provider::gandi_v5::error::{FieldError, Location};
use certorder::provider::gandi_v5::wire::{ChangeRequest, CreateRequest, DcvParamsRequest};
use certorder::provider::gandi_v5::{self, GandiV5, V5DcvMethod};
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
        include_str!(concat!("fixtures/providers/gandi_v5/", $name))
    };
}

const ID: &str = "4f2e0a0e-8d55-11ee-9a6a-00163e2b7c4f";

fn ok(status: u16, body: &str) -> HttpResponse {
    HttpResponse::new(status, body).with_header("Content-Type", "application/json")
}

fn body_json(request: &HttpRequest) -> Value {
    assert_eq!(request.header("content-type"), Some("application/json"));
    serde_json::from_slice(request.body.as_deref().unwrap()).unwrap()
}

// Guards: the create body is exactly each documented example.
#[test]
fn create_requests_match_the_documented_examples() {
    let std = CreateRequest {
        package: "cert_std_1_0_0".into(),
        csr: Some("-----BEGIN CERTIFICATE REQUEST----- ...".into()),
        dcv_method: Some("dns".into()),
        ..CreateRequest::default()
    };
    let apex = CreateRequest {
        package: "cert_std_1_10_0_digicert".into(),
        apex_only: Some(true),
        csr: Some("...".into()),
        dcv_method: Some("dns".into()),
        ..CreateRequest::default()
    };
    let alt = CreateRequest {
        package: "cert_std_3_10_0_digicert".into(),
        altnames: vec!["a.example.com".into(), "www.python.domain".into()],
        csr: Some("...".into()),
        dcv_method: Some("dns".into()),
        ..CreateRequest::default()
    };
    for (body, example) in [
        (std, fixture!("create-request-std.json")),
        (apex, fixture!("create-request-apex-only.json")),
        (alt, fixture!("create-request-altnames.json")),
    ] {
        let call = calls::create(&body, false).unwrap();
        assert_eq!(call.class(), OperationClass::Billable);
        let request = call.request().unwrap();
        assert_eq!(request.method, Method::Post);
        assert_eq!(request.path, "/v5/certificate/issued-certs");
        assert!(request.query.is_empty());
        assert_eq!(request.header("Dry-Run"), None);
        assert_eq!(
            body_json(&request),
            serde_json::from_str::<Value>(example).unwrap()
        );
    }
}

/// The request as sent, after checking its method and path.
fn sent_as(r: HttpRequest, method: Method, path: &str) -> HttpRequest {
    assert_eq!((r.method, r.path.as_str()), (method, path));
    r
}

// Guards: a dry run is a check, sent with `Dry-Run: 1`.
#[test]
fn dry_run_create_is_a_check_sent_with_the_dry_run_header() {
    let dry = calls::create(
        &CreateRequest {
            package: "cert_std_1_0_0".into(),
            cn: Some("example.com".into()),
            ..Default::default()
        },
        true,
    )
    .unwrap();
    assert_eq!(dry.class(), OperationClass::Check);
    assert_eq!(dry.request().unwrap().header("Dry-Run"), Some("1"));
}

// Guards: `POST /dcv_params` before ordering is a look-up with the documented body.
#[test]
fn dcv_params_preview_request() {
    let preview = calls::preview_dcv_params(&DcvParamsRequest {
        csr: Some("CSR".into()),
        dcv_method: Some("dns".into()),
        package: Some("cert_std_1_0_0".into()),
        altnames: vec!["www.example.com".into()],
    })
    .unwrap();
    assert_eq!(preview.class(), OperationClass::Lookup);
    let r = sent_as(
        preview.request().unwrap(),
        Method::Post,
        "/v5/certificate/dcv_params",
    );
    assert_eq!(
        body_json(&r),
        json!({"altnames": ["www.example.com"], "csr": "CSR", "dcv_method": "dns", "package": "cert_std_1_0_0"})
    );
}

// Guards: `GET /issued-certs` sends every filter given, encoded, and no body.
#[test]
fn list_request_sends_every_filter() {
    let list = calls::list(&ListQuery {
        cn: Some("example*".into()),
        status: Some("valid".into()),
        page: Some(2),
        per_page: Some(50),
        sort_by: Some("-ends_at".into()),
        ..Default::default()
    });
    let r = sent_as(
        list.request().unwrap(),
        Method::Get,
        "/v5/certificate/issued-certs",
    );
    assert_eq!(
        r.path_and_query(),
        "/v5/certificate/issued-certs?cn=example%2A&page=2&per_page=50&sort_by=-ends_at&status=valid"
    );
    assert!(r.body.is_none());
}

// Guards: `GET /issued-certs/{id}`.
#[test]
fn get_request() {
    sent_as(
        calls::get(ID).unwrap().request().unwrap(),
        Method::Get,
        &format!("/v5/certificate/issued-certs/{ID}"),
    );
}

// Guards: `POST /issued-certs/{id}` renews (billable) with the documented body.
#[test]
fn renew_request() {
    let renew = calls::renew(
        ID,
        &ChangeRequest {
            csr: Some("CSR".into()),
            duration: Some(1),
            ..Default::default()
        },
        false,
    )
    .unwrap();
    assert_eq!(renew.class(), OperationClass::Billable);
    let r = sent_as(
        renew.request().unwrap(),
        Method::Post,
        &format!("/v5/certificate/issued-certs/{ID}"),
    );
    assert_eq!(body_json(&r), json!({"csr": "CSR", "duration": 1}));
}

// Guards: `PATCH /issued-certs/{id}` sends only the fields given.
#[test]
fn update_request() {
    let update = calls::update(
        ID,
        &ChangeRequest {
            altnames: vec!["b.example.com".into()],
            dcv_method: Some("email".into()),
            ..Default::default()
        },
        false,
    )
    .unwrap();
    let r = sent_as(
        update.request().unwrap(),
        Method::Patch,
        &format!("/v5/certificate/issued-certs/{ID}"),
    );
    assert_eq!(
        body_json(&r),
        json!({"altnames": ["b.example.com"], "dcv_method": "email"})
    );
}

// Guards: `DELETE /issued-certs/{id}` revokes.
#[test]
fn revoke_request() {
    sent_as(
        calls::revoke(ID).unwrap().request().unwrap(),
        Method::Delete,
        &format!("/v5/certificate/issued-certs/{ID}"),
    );
}

// Guards: `GET /issued-certs/{id}/crt` asks for the certificate as text.
#[test]
fn crt_request_asks_for_text() {
    let r = sent_as(
        calls::crt(ID).unwrap().request().unwrap(),
        Method::Get,
        &format!("/v5/certificate/issued-certs/{ID}/crt"),
    );
    assert_eq!(r.header("accept"), Some("text/plain"));
}

// Guards: `PUT /issued-certs/{id}/dcv` resends, without a body.
#[test]
fn resend_dcv_request_has_no_body() {
    let r = sent_as(
        calls::resend_dcv(ID).unwrap().request().unwrap(),
        Method::Put,
        &format!("/v5/certificate/issued-certs/{ID}/dcv"),
    );
    assert!(r.body.is_none());
}

// Guards: `PATCH /issued-certs/{id}/dcv` sends the method.
#[test]
fn change_dcv_request() {
    let r = sent_as(
        calls::change_dcv(ID, V5DcvMethod::Https)
            .unwrap()
            .request()
            .unwrap(),
        Method::Patch,
        &format!("/v5/certificate/issued-certs/{ID}/dcv"),
    );
    assert_eq!(body_json(&r), json!({"method": "https"}));
}

// Guards: `POST /issued-certs/{id}/dcv_params` sends the documented body.
#[test]
fn order_dcv_params_request() {
    let r = sent_as(
        calls::dcv_params(
            ID,
            &DcvParamsRequest {
                dcv_method: Some("dns".into()),
                ..Default::default()
            },
        )
        .unwrap()
        .request()
        .unwrap(),
        Method::Post,
        &format!("/v5/certificate/issued-certs/{ID}/dcv_params"),
    );
    assert_eq!(body_json(&r), json!({"dcv_method": "dns"}));
}

// Guards: `GET /packages` is the catalog, its filters in the query.
#[test]
fn packages_request_sends_its_filters() {
    let packages = calls::packages(&PackageQuery {
        wildcard: Some(true),
        max_domains: Some(3),
        ..Default::default()
    });
    assert_eq!(packages.class(), OperationClass::Catalog);
    assert_eq!(
        packages.request().unwrap().path_and_query(),
        "/v5/certificate/packages?max_domains=3&wildcard=true"
    );
}

// Guards: `GET /packages/{name}`.
#[test]
fn package_request() {
    sent_as(
        calls::package("cert_std_1_0_0").unwrap().request().unwrap(),
        Method::Get,
        "/v5/certificate/packages/cert_std_1_0_0",
    );
}

// Guards: `GET /pem/{type}?provider=`.
#[test]
fn intermediates_request() {
    assert_eq!(
        calls::intermediates("cert_std", Some("Digicert"))
            .unwrap()
            .request()
            .unwrap()
            .path_and_query(),
        "/v5/certificate/pem/cert_std?provider=Digicert"
    );
}

// Guards: ids from input are one path segment, never a path.
#[test]
fn ids_are_one_path_segment() {
    // Ids from input are one path segment, never a path.
    assert_eq!(
        calls::get("../x").unwrap().request().unwrap().path,
        "/v5/certificate/issued-certs/..%2Fx"
    );
}

// Guards: what the documentation constrains is refused before sending.
#[test]
fn invalid_input_is_refused_before_sending() {
    let field = |r: Result<(), ProviderError>| match r {
        Err(ProviderError::InvalidInput { field, .. }) => field,
        other => panic!("{other:?}"),
    };
    let base = CreateRequest {
        package: "cert_std_1_0_0".into(),
        csr: Some("CSR".into()),
        ..Default::default()
    };
    assert_eq!(
        field(
            calls::create(
                &CreateRequest {
                    package: String::new(),
                    ..base.clone()
                },
                false
            )
            .map(|_| ())
        ),
        "package"
    );
    assert_eq!(
        field(
            calls::create(
                &CreateRequest {
                    csr: None,
                    ..base.clone()
                },
                false
            )
            .map(|_| ())
        ),
        "csr"
    );
    assert_eq!(
        field(
            calls::create(
                &CreateRequest {
                    csr: None,
                    cn: Some("a".repeat(65)),
                    ..base.clone()
                },
                false
            )
            .map(|_| ())
        ),
        "cn"
    );
    assert_eq!(
        field(
            calls::create(
                &CreateRequest {
                    dcv_method: Some("auto".into()),
                    ..base.clone()
                },
                false
            )
            .map(|_| ())
        ),
        "dcv_method"
    );
    assert_eq!(field(calls::get("").map(|_| ())), "id");
    assert_eq!(
        field(calls::intermediates("cert_bus", None).map(|_| ())),
        "type"
    );
    for word in ["email", "dns", "file", "http", "https"] {
        assert_eq!(word.parse::<V5DcvMethod>().unwrap().as_str(), word);
    }
}

// Guards: every documented response body parses field by field.
#[test]
fn responses_parse_field_by_field() {
    let created = calls::create(
        &CreateRequest {
            package: "cert_std_1_0_0".into(),
            cn: Some("example.com".into()),
            ..Default::default()
        },
        false,
    )
    .unwrap()
    .parse(
        &ok(202, fixture!("create-202.json"))
            .with_header("Location", format!("/v5/certificate/issued-certs/{ID}")),
    )
    .unwrap();
    assert_eq!(created.id.as_deref(), Some(ID));
    assert_eq!(created.message.as_deref(), Some("Certificate created"));
    assert!(created.href.unwrap().ends_with(ID));
    assert_eq!(
        created.location.as_deref(),
        Some(format!("/v5/certificate/issued-certs/{ID}").as_str())
    );

    let cert = calls::get(ID)
        .unwrap()
        .parse(&ok(200, fixture!("issued-cert.json")))
        .unwrap();
    assert_eq!(cert.altnames_unicode[0], "café.example");
    assert_eq!(cert.cn_unicode.as_deref(), Some("example.com"));
    let contact = cert.contact.as_ref().unwrap();
    assert_eq!(
        (
            contact.given.as_deref(),
            contact.family.as_deref(),
            contact.country.as_deref()
        ),
        (Some("Jane"), Some("Doe"), Some("FR"))
    );
    assert_eq!(contact.orgname.as_deref(), Some("Example SAS"));
    assert_eq!(
        cert.dates.as_ref().unwrap().ends_at.as_deref(),
        Some("2025-01-01T23:59:59Z")
    );
    assert_eq!(cert.package.as_ref().unwrap().name(), "cert_std_3_0_0");

    let list = calls::list(&ListQuery::default())
        .parse(
            &ok(200, fixture!("issued-certs-list.json"))
                .with_header("Total-Count", "12")
                .with_header("Filtered-Count", "2")
                .with_header("Link", "<...page=2>; rel=\"next\""),
        )
        .unwrap();
    assert_eq!((list.total_count, list.filtered_count), (Some(12), Some(2)));
    assert_eq!(
        list.items[0].package.as_ref().unwrap().name(),
        "cert_std_3_0_0"
    );
    assert_eq!(list.items[1].status.as_deref(), Some("replaced_rev"));
    assert!(list.link.is_some());

    let packages = calls::packages(&PackageQuery::default())
        .parse(&ok(200, fixture!("packages.json")))
        .unwrap();
    assert_eq!(packages.items.len(), 3);
    assert_eq!(packages.items[1].max_domains, Some(3));
    assert_eq!(packages.items[2].wildcard, Some(true));
    assert_eq!(
        packages.items[0].category.as_ref().unwrap().name.as_deref(),
        Some("standard")
    );

    let dcv = calls::dcv_params(ID, &DcvParamsRequest::default())
        .unwrap()
        .parse(&ok(200, fixture!("dcv-params-sectigo.json")))
        .unwrap();
    assert_eq!(dcv.unique_value.as_deref(), Some("u1v2"));
    assert_eq!(dcv.dns_records.len(), 2);
    assert_eq!(dcv.fqdns, ["example.com", "www.example.com"]);
    let raw = calls::preview_dcv_params(&DcvParamsRequest::default())
        .unwrap()
        .parse(&ok(200, fixture!("dcv-params-digicert-raw.json")))
        .unwrap();
    assert_eq!(
        raw.raw_messages,
        vec![vec![
            "_dnsauth.cli.exoscale.org.".to_string(),
            "_xyz.dcv.digicert.com.".to_string()
        ]]
    );

    let crt = calls::crt(ID)
        .unwrap()
        .parse(&HttpResponse::new(200, fixture!("crt.pem")))
        .unwrap();
    assert!(crt.starts_with("-----BEGIN CERTIFICATE-----"));
    let msg = calls::change_dcv(ID, V5DcvMethod::Dns)
        .unwrap()
        .parse(&ok(200, fixture!("message.json")))
        .unwrap();
    assert_eq!(msg.message.as_deref(), Some("DCV method updated"));
    assert_eq!(
        calls::revoke(ID)
            .unwrap()
            .parse(&HttpResponse::new(204, ""))
            .unwrap()
            .message,
        None
    );

    // The documented DigiCert record line parses into name, type, TTL and value.
    let record = DnsRecord::from_zone_line(fixture!("dns-record-digicert.txt")).unwrap();
    assert_eq!(
        record,
        DnsRecord {
            name: "_dnsauth.cli.exoscale.org.".into(),
            record_type: DnsRecordType::Cname,
            value: "_xyz.dcv.digicert.com.".into(),
            ttl: Some(10800)
        }
    );
}

// Guards: every error envelope keeps its structure.
#[test]
fn error_envelopes_map_onto_typed_errors() {
    let err = calls::get(ID)
        .unwrap()
        .parse(&ok(400, fixture!("error-400.json")))
        .unwrap_err();
    let ProviderError::GandiV5(gandi_v5::Error::Invalid { status, errors }) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(*status, 400);
    assert_eq!(
        errors[0],
        FieldError {
            description: "Invalid package name".into(),
            location: Location::Body,
            name: "package".into()
        }
    );
    assert_eq!(errors[1].location, Location::Querystring);
    assert!(
        err.to_string()
            .contains("package in body: Invalid package name"),
        "{err}"
    );

    for (status, body, cause) in [
        (401, fixture!("error-401.json"), "Unauthorized"),
        (403, fixture!("error-403.json"), "Forbidden"),
    ] {
        let err = calls::get(ID)
            .unwrap()
            .parse(&ok(status, body))
            .unwrap_err();
        let ProviderError::GandiV5(gandi_v5::Error::Denied {
            status: s,
            cause: c,
            code,
            object,
            ..
        }) = err
        else {
            panic!()
        };
        assert_eq!(
            (s, c.as_deref(), code),
            (status, Some(cause), i64::from(status))
        );
        assert!(object.unwrap().starts_with("HTTP"));
    }
    assert_eq!(
        calls::get(ID)
            .unwrap()
            .parse(&HttpResponse::new(500, "oops"))
            .unwrap_err(),
        ProviderError::UnexpectedStatus { status: 500 }
    );
    assert!(matches!(
        calls::get(ID)
            .unwrap()
            .parse(&ok(200, "not json"))
            .unwrap_err(),
        ProviderError::Body(_)
    ));
    let unknown_location =
        r#"{"status":"error","errors":[{"description":"d","location":"cookie","name":"n"}]}"#;
    let ProviderError::GandiV5(gandi_v5::Error::Invalid { errors, .. }) = calls::get(ID)
        .unwrap()
        .parse(&ok(422, unknown_location))
        .unwrap_err()
    else {
        panic!()
    };
    assert_eq!(errors[0].location, Location::Other("cookie".into()));
}

// Guards: `Dry-Run: 1` makes create, renew and update their own non-billable check; no header,
// `Dry-Run: 0`, another word or a repeated header leave the order billable (the v5 reference
// documents the value `1` only, docs/providers.md §1.2).
#[test]
fn only_the_documented_dry_run_value_is_a_check() {
    let create = "/v5/certificate/issued-certs".to_owned();
    let one = format!("/v5/certificate/issued-certs/{ID}");
    let recognised = |method: Method, path: &str, headers: &[(&str, &str)]| {
        let mut request = recognition::forwarded(method, path, b"{}");
        for (name, value) in headers {
            request.headers.push(((*name).into(), (*value).into()));
        }
        GandiV5
            .recognise(&request)
            .map(|op| (op.name, op.class, op.target))
    };
    let order = Some(Target::Order(ID.into()));
    assert_eq!(
        recognised(Method::Post, &create, &[("Dry-Run", "1")]),
        Some((
            "POST /issued-certs, Dry-Run: 1",
            OperationClass::Check,
            None
        ))
    );
    assert_eq!(
        recognised(Method::Post, &one, &[("dry-run", "1")]),
        Some((
            "POST /issued-certs/{id}, Dry-Run: 1",
            OperationClass::Check,
            order.clone()
        ))
    );
    assert_eq!(
        recognised(Method::Patch, &one, &[("Dry-Run", "1")]),
        Some((
            "PATCH /issued-certs/{id}, Dry-Run: 1",
            OperationClass::Check,
            order.clone()
        ))
    );
    let not_dry: [&[(&str, &str)]; 6] = [
        &[],
        &[("Dry-Run", "0")],
        &[("Dry-Run", "true")],
        &[("Dry-Run", "")],
        &[("Dry-Run", "1"), ("Dry-Run", "0")],
        &[("X-Dry-Run", "1")],
    ];
    for headers in not_dry {
        assert_eq!(
            recognised(Method::Post, &create, headers),
            Some(("POST /issued-certs", OperationClass::Billable, None)),
            "{headers:?}"
        );
        assert_eq!(
            recognised(Method::Post, &one, headers),
            Some((
                "POST /issued-certs/{id}",
                OperationClass::Billable,
                order.clone()
            )),
            "{headers:?}"
        );
    }
    // The header changes nothing where the reference does not give it a meaning.
    assert_eq!(
        recognised(Method::Get, &one, &[("Dry-Run", "1")]).map(|op| op.1),
        Some(OperationClass::OrderRead)
    );
}

// Guards: only documented endpoints are recognised, with the certificate they touch.
#[test]
fn recognise_documented_endpoints_only() {
    let g = GandiV5;
    let r = |m: Method, p: &str| g.recognise(&recognition::forwarded(m, p, b""));
    let get = r(Method::Get, &format!("/v5/certificate/issued-certs/{ID}")).unwrap();
    assert_eq!(
        (get.class, get.target),
        (OperationClass::OrderRead, Some(Target::Order(ID.into())))
    );
    assert_eq!(
        r(Method::Post, "/v5/certificate/issued-certs")
            .unwrap()
            .class,
        OperationClass::Billable
    );
    assert_eq!(
        r(Method::Post, &format!("/v5/certificate/issued-certs/{ID}"))
            .unwrap()
            .class,
        OperationClass::Billable
    );
    assert_eq!(
        r(
            Method::Patch,
            &format!("/v5/certificate/issued-certs/{ID}/dcv")
        )
        .unwrap()
        .class,
        OperationClass::OrderChange
    );
    assert_eq!(
        r(
            Method::Put,
            &format!("/v5/certificate/issued-certs/{ID}/dcv")
        )
        .unwrap()
        .class,
        OperationClass::OrderChange
    );
    assert_eq!(
        r(
            Method::Post,
            &format!("/v5/certificate/issued-certs/{ID}/dcv_params")
        )
        .unwrap()
        .class,
        OperationClass::OrderRead
    );
    assert_eq!(
        r(
            Method::Get,
            &format!("/v5/certificate/issued-certs/{ID}/crt")
        )
        .unwrap()
        .class,
        OperationClass::OrderRead
    );
    assert_eq!(
        r(Method::Post, "/v5/certificate/dcv_params").unwrap().class,
        OperationClass::Lookup
    );
    assert_eq!(
        r(Method::Get, "/v5/certificate/issued-certs?status=valid")
            .unwrap()
            .class,
        OperationClass::AccountWide
    );
    assert_eq!(
        r(Method::Get, "/v5/certificate/packages/cert_std_1_0_0")
            .unwrap()
            .class,
        OperationClass::Catalog
    );
    assert_eq!(
        r(Method::Get, "/v5/certificate/pem/-/file.pem")
            .unwrap()
            .class,
        OperationClass::Catalog
    );
    for (m, p) in [
        (Method::Get, "/v5/domain/domains"),
        (Method::Get, "/v5/certificate/issued-certs//crt"),
        (
            Method::Get,
            &format!("/v5/certificate/issued-certs/{ID}/dcv"),
        ),
        (Method::Delete, "/v5/certificate/issued-certs"),
        (Method::Get, "/v5/certificate/issued-certs/a/b/c/d"),
        (Method::Get, "/v5/certificateX/packages"),
    ] {
        assert!(r(m, p).is_none(), "{m} {p}");
    }
}

// Guards: Bearer (and the deprecated Apikey) go in the Authorization header, redacted in Debug.
#[test]
fn authenticate_sets_the_authorization_header() {
    let mut request = calls::get(ID).unwrap().request().unwrap();
    GandiV5
        .authenticate(
            &mut request,
            &Credentials::Bearer {
                token: Secret::new("PAT-1"),
            },
        )
        .unwrap();
    assert_eq!(request.header("Authorization"), Some("Bearer PAT-1"));
    assert!(!format!("{request:?}").contains("PAT-1"));
    GandiV5
        .authenticate(
            &mut request,
            &Credentials::ApiKey {
                key: Secret::new("K"),
            },
        )
        .unwrap();
    assert_eq!(request.header("authorization"), Some("Apikey K"));
    assert_eq!(
        request.headers.len(),
        1,
        "the header is replaced, not added"
    );
    let err = GandiV5
        .authenticate(
            &mut request,
            &Credentials::XApiKey {
                key: Secret::new("K"),
            },
        )
        .unwrap_err();
    assert!(matches!(
        err,
        ProviderError::WrongCredentials {
            provider: ProviderKind::GandiV5,
            ..
        }
    ));
}

fn reply(
    status: u16,
    body: &'static str,
) -> impl FnMut(HttpRequest, OperationClass) -> Result<HttpResponse, ()> {
    move |_, _| Ok(ok(status, body))
}

// Guards: the neutral operations run end to end.
#[test]
fn neutral_operations_map_onto_the_model() {
    let g = GandiV5;
    let products =
        flow::run_sync(g.products().unwrap(), reply(200, fixture!("packages.json"))).unwrap();
    assert_eq!(products.len(), 3);
    assert_eq!(
        (products[1].kind.clone(), products[1].max_names),
        (ProductKind::Multi, Some(3))
    );
    assert_eq!(products[2].kind, ProductKind::Wildcard);
    assert_eq!(products[2].validation, ValidationLevel::Ov);
    assert!(!products[0].dcv_methods.contains(&DcvMethod::Automatic));

    let draft = OrderDraft {
        product: "cert_std_1_0_0".into(),
        csr: Some("CSR".into()),
        common_name: Some(dn("acme-widgets.com")),
        dcv: vec![DcvChoice::all(DcvMethod::Dns)],
        ..OrderDraft::default()
    };
    let state = flow::run_sync(
        g.create_order(&draft).unwrap(),
        reply(202, fixture!("create-202.json")),
    )
    .unwrap();
    assert_eq!(
        state.handle,
        OrderHandle::new(ProviderKind::GandiV5, ID).with_dcv_method(DcvMethod::Dns)
    );
    assert_eq!(state.status, OrderStatus::Pending);
    assert_eq!(state.validations[0].method, DcvMethod::Dns);

    let mut sent = None;
    let validations = flow::run_sync(g.dcv(&state).unwrap(), |req, _| {
        sent = Some(body_json(&req));
        Ok::<_, ()>(ok(200, fixture!("dcv-params-sectigo.json")))
    })
    .unwrap();
    assert_eq!(sent.unwrap(), json!({"dcv_method": "dns"}));
    let Some(DcvInstruction::Dns(www)) = &validations[1].instruction else {
        panic!()
    };
    assert!(www.name.starts_with("_11223344") && www.value.ends_with(".u1v2.sectigo.com."));

    let raw = flow::run_sync(
        g.dcv(&state).unwrap(),
        reply(200, fixture!("dcv-params-digicert-raw.json")),
    )
    .unwrap();
    let Some(DcvInstruction::Dns(record)) = &raw[0].instruction else {
        panic!()
    };
    assert_eq!(record.name, "_dnsauth.cli.exoscale.org.");

    let order = flow::run_sync(
        g.order(&state.handle).unwrap(),
        reply(200, fixture!("issued-cert.json")),
    )
    .unwrap();
    assert_eq!(order.status, OrderStatus::Issued);
    assert_eq!(
        order.names,
        ["example.com", "xn--caf-dma.example", "www.example.com"]
    );
    assert_eq!(order.not_after.as_deref(), Some("2025-01-01T23:59:59Z"));

    let cert = flow::run_sync(g.download(&state.handle).unwrap(), |_, _| {
        Ok::<_, ()>(HttpResponse::new(200, fixture!("crt.pem")))
    })
    .unwrap();
    assert_eq!(cert.pem, fixture!("crt.pem"));
    let email = flow::run_sync(
        g.change_dcv(&state.handle, &DcvChoice::all(DcvMethod::Email))
            .unwrap(),
        reply(200, fixture!("message.json")),
    )
    .unwrap();
    assert_eq!(email.dcv_method, Some(DcvMethod::Email));
    flow::run_sync(
        g.resend_dcv(&email).unwrap(),
        reply(200, fixture!("message.json")),
    )
    .unwrap();
    flow::run_sync(
        g.revoke(&state.handle).unwrap(),
        reply(200, fixture!("message.json")),
    )
    .unwrap();
    let dry = flow::run_sync(
        GandiV5::dry_run(&draft).unwrap(),
        reply(400, fixture!("error-400.json")),
    )
    .unwrap_err();
    assert!(matches!(
        dry,
        flow::RunError::Provider(ProviderError::GandiV5(_))
    ));
    assert!(
        g.change_dcv(&state.handle, &DcvChoice::all(DcvMethod::Automatic))
            .is_err()
    );
}

// Guards: the tags endpoint: each verb on the certificate's path, the body sent as given, an
// empty answer read as null, and the operation recognised against its certificate.
#[test]
fn tags_calls() {
    let get = calls::tags(ID).unwrap();
    assert_eq!(
        get.request().unwrap().path_and_query(),
        format!("/v5/certificate/issued-certs/{ID}/tags")
    );
    assert_eq!(get.request().unwrap().method, Method::Get);
    assert_eq!(get.class(), OperationClass::OrderRead);
    let answer = get
        .parse(&HttpResponse::new(200, r#"["prod","web"]"#))
        .unwrap();
    assert_eq!(answer, json!(["prod", "web"]));
    let body = json!({"tags": ["prod"]});
    let put = calls::change_tags(ID, calls::TagsVerb::Put, Some(&body)).unwrap();
    let request = put.request().unwrap();
    assert_eq!(
        request.path_and_query(),
        format!("/v5/certificate/issued-certs/{ID}/tags")
    );
    assert_eq!(request.method, Method::Put);
    assert_eq!(request.json::<Value>().unwrap(), body);
    assert_eq!(put.class(), OperationClass::OrderChange);
    let delete = calls::change_tags(ID, calls::TagsVerb::Delete, None).unwrap();
    assert_eq!(delete.request().unwrap().body, None);
    assert_eq!(
        delete.parse(&HttpResponse::new(204, "")).unwrap(),
        Value::Null
    );
    assert!(matches!(
        delete.parse(&HttpResponse::new(404, fixture!("error-403.json"))),
        Err(ProviderError::GandiV5(_))
    ));
    assert!(calls::tags("").is_err());
    for (method, name) in [
        (Method::Get, "GET /issued-certs/{id}/tags"),
        (Method::Post, "POST /issued-certs/{id}/tags"),
        (Method::Patch, "PATCH /issued-certs/{id}/tags"),
        (Method::Delete, "DELETE /issued-certs/{id}/tags"),
    ] {
        let op = GandiV5
            .recognise(&recognition::forwarded(
                method,
                &format!("/v5/certificate/issued-certs/{ID}/tags"),
                b"",
            ))
            .unwrap();
        assert_eq!((op.name, op.target), (name, Some(Target::Order(ID.into()))));
    }
}

// Guards: an intermediate by file name is one path segment, read as text.
#[test]
fn intermediate_by_file_name() {
    let call = calls::intermediate_file("GandiStandardSSLCA2.pem").unwrap();
    let request = call.request().unwrap();
    assert_eq!(
        request.path_and_query(),
        "/v5/certificate/pem/-/GandiStandardSSLCA2.pem"
    );
    assert_eq!(request.method, Method::Get);
    assert_eq!(request.header("Accept"), Some("text/plain"));
    assert_eq!(
        call.parse(&HttpResponse::new(200, fixture!("crt.pem")))
            .unwrap(),
        fixture!("crt.pem")
    );
    for bad in ["", "..", "a/b"] {
        assert!(calls::intermediate_file(bad).is_err(), "{bad:?}");
    }
    let op = GandiV5
        .recognise(&recognition::forwarded(Method::Get, &request.path, b""))
        .unwrap();
    assert_eq!(op.name, "GET /pem/-/{filename}");
}

// Guards: every call constructor's request is recognised as that call, with its class.
#[test]
fn every_call_is_recognised_as_itself() {
    use calls::TagsVerb;
    let create = CreateRequest {
        package: "cert_std_1_0_0".into(),
        cn: Some("example.com".into()),
        ..Default::default()
    };
    let change = ChangeRequest {
        csr: Some("CSR".into()),
        ..Default::default()
    };
    let dcv = DcvParamsRequest {
        dcv_method: Some("dns".into()),
        ..Default::default()
    };
    let tags = json!({"tags": ["a"]});
    let mut rows = Recognition::new(&GandiV5);
    rows.check("preview_dcv_params", calls::preview_dcv_params(&dcv));
    rows.check("list", calls::list(&ListQuery::default()));
    rows.check("create", calls::create(&create, false));
    rows.check("create, dry run", calls::create(&create, true));
    rows.check("get", calls::get(ID));
    rows.check("renew", calls::renew(ID, &change, false));
    rows.check("renew, dry run", calls::renew(ID, &change, true));
    rows.check("update", calls::update(ID, &change, false));
    rows.check("update, dry run", calls::update(ID, &change, true));
    rows.check("revoke", calls::revoke(ID));
    rows.check("crt", calls::crt(ID));
    rows.check("resend_dcv", calls::resend_dcv(ID));
    rows.check("change_dcv", calls::change_dcv(ID, V5DcvMethod::Dns));
    rows.check("dcv_params", calls::dcv_params(ID, &dcv));
    rows.check("packages", calls::packages(&PackageQuery::default()));
    rows.check("package", calls::package("cert_std_1_0_0"));
    rows.check("intermediates", calls::intermediates("cert_std", None));
    rows.check(
        "intermediate_file",
        calls::intermediate_file("GandiStandardSSLCA2.pem"),
    );
    rows.check("tags", calls::tags(ID));
    for verb in [
        TagsVerb::Post,
        TagsVerb::Put,
        TagsVerb::Patch,
        TagsVerb::Delete,
    ] {
        rows.check(
            &format!("change_tags {verb:?}"),
            calls::change_tags(ID, verb, Some(&tags)),
        );
    }
    rows.finish(23);
}
