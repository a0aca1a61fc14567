//! The document's field rules and error shapes, and authentication.

use super::*;

// Guards: a body breaking the document's rules gets `ConstraintViolationException` naming
// each field; unknown fields, bad periods and unknown products get their own types.
#[test]
fn field_rules_and_error_shapes() {
    let sandbox = sandbox();
    let (csr, _) = pki::csr(&["sandbox-shop.com"]);
    let r = raw(
        &sandbox,
        json!({
            "product": "sectigo_positivessl_multidomain", "period": 12, "csr": csr,
            "san": ["Example.COM"],
            "approver": {"firstName": "A", "lastName": "B", "email": "a@sandbox-shop.com", "voice": "0384530759"},
            "dcv": [{"commonName": "sandbox-shop.com", "type": "HTTP"}, {"commonName": "sandbox-shop.com", "type": "EMAIL"}],
            "uniqueValue": "not unique!",
        }),
        true,
    );
    assert_eq!(r.status, 400);
    let body = body_json(&r);
    assert_eq!(body["type"], "ConstraintViolationException");
    let fields = violated_fields(&r);
    for field in [
        "san[0]",
        "uniqueValue",
        "approver.voice",
        "dcv[0].type",
        "dcv[1].email",
    ] {
        assert!(fields.iter().any(|f| f == field), "{field} in {fields:?}");
    }
    let voice = body["violations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["field"] == "approver.voice")
        .unwrap();
    assert_eq!(voice["value"], "0384530759");
    assert_eq!(
        voice["message"],
        "must match \"\\+[0-9]{1,3}\\.[0-9]{1,14}\""
    );

    let r = raw(
        &sandbox,
        json!({"product": "x", "period": 12, "csr": csr, "foo": 1}),
        false,
    );
    assert_eq!(
        body_json(&r),
        json!({"type": "UnrecognizedPropertyException", "message": "Unrecognized field \"foo\""})
    );
    let base = json!({"product": "sectigo_positivessl", "period": 7, "csr": csr, "dcv": [{"commonName": "sandbox-shop.com", "type": "DNS"}]});
    let r = raw(&sandbox, base.clone(), false);
    assert_eq!(
        (r.status, body_json(&r)["message"].as_str()),
        (400, Some("Invalid parameter: period"))
    );
    let mut unknown = base.clone();
    unknown["product"] = json!("ssl_nonexistent");
    assert_eq!(raw(&sandbox, unknown, false).status, 404);
    let mut bad_csr = base;
    bad_csr["period"] = json!(12);
    bad_csr["csr"] =
        json!("-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----");
    let r = raw(&sandbox, bad_csr, false);
    assert_eq!(body_json(&r)["violations"][0]["field"], "csr");
    // An OV product needs its organisation fields.
    let r = raw(
        &sandbox,
        json!({"product": "sectigo_ov_ssl", "period": 12, "csr": csr, "dcv": [{"commonName": "sandbox-shop.com", "type": "DNS"}]}),
        true,
    );
    let fields = violated_fields(&r);
    for field in [
        "organization",
        "address",
        "postalCode",
        "city",
        "country",
        "approver",
    ] {
        assert!(fields.iter().any(|f| f == field), "{field} in {fields:?}");
    }
    // Organisation, city and country in the CSR make those fields optional.
    use rcgen::DnType;
    let (ov_csr, _) = pki::csr_with_subject(
        &["sandbox-shop.com"],
        &[
            (DnType::OrganizationName, "Example B.V."),
            (DnType::LocalityName, "Zwolle"),
            (DnType::CountryName, "NL"),
        ],
    );
    let r = raw(
        &sandbox,
        json!({"product": "sectigo_ov_ssl", "period": 12, "csr": ov_csr, "dcv": [{"commonName": "sandbox-shop.com", "type": "DNS"}]}),
        true,
    );
    let fields = violated_fields(&r);
    assert_eq!(fields, ["address", "postalCode", "approver"]);
}

// Guards: no credentials, wrong credentials: `AuthenticationFailed`, 401; nothing else runs.
#[test]
fn auth_is_required() {
    let sandbox = sandbox();
    for auth in [None, Some("ApiKey d3Jvbmcva2V5"), Some("Bearer x")] {
        let mut request = HttpRequest::new(Method::Get, "/v2/ssl/products");
        if let Some(a) = auth {
            request = request.with_header("Authorization", a);
        }
        let Reply::Respond(r) = sandbox.handle(ProviderKind::RealtimeRegister, &request) else {
            panic!()
        };
        assert_eq!(r.status, 401);
        assert_eq!(
            body_json(&r),
            json!({"type": "AuthenticationFailed", "message": "Authentication failed"})
        );
    }
}

/// The `field` of every violation a `ConstraintViolationException` lists, in order.
fn violated_fields(r: &certorder::http::HttpResponse) -> Vec<String> {
    body_json(r)["violations"]
        .as_array()
        .expect("violations")
        .iter()
        .map(|v| v["field"].as_str().expect("a field").to_owned())
        .collect()
}
