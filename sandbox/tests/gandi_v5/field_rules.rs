//! `errors[]` for broken bodies, and authentication.

use super::*;

// Guards: broken bodies get `{status: "error", errors: [...]}` naming each field; missing or
// wrong tokens get the 401 shape of the documents.
#[test]
fn errors_and_auth() {
    let sandbox = sandbox();
    let (csr, _) = pki::csr(&NAMES);
    let r = post(
        &sandbox,
        "/v5/certificate/issued-certs",
        json!({"package": "cert_nope", "csr": csr, "dcv_method": "carrier", "duration": 9}),
    );
    assert_eq!(r.status, 400);
    let body = body_json(&r);
    drive::same_shape(&fixture!("error-400.json"), &body, "error", &[]);
    let names: Vec<&str> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["package", "dcv_method", "duration"]);
    let r = post(
        &sandbox,
        "/v5/certificate/issued-certs",
        json!({"package": "cert_std_1_0_0", "csr": csr}),
    );
    assert_eq!(
        body_json(&r)["errors"][0]["description"],
        "Too many altnames, max is 1"
    );
    let r = post(
        &sandbox,
        "/v5/certificate/issued-certs",
        json!({"package": "cert_std_1_0_0", "cn": "sandbox-shop.net", "apex_only": true}),
    );
    assert_eq!(body_json(&r)["errors"][0]["name"], "apex_only");

    for auth in [
        None,
        Some("Bearer wrong"),
        Some("ApiKey certorder-sandbox-pat"),
    ] {
        let mut request = HttpRequest::new(Method::Get, "/v5/certificate/packages");
        if let Some(a) = auth {
            request = request.with_header("Authorization", a);
        }
        let Reply::Respond(r) = sandbox.handle(ProviderKind::GandiV5, &request) else {
            panic!()
        };
        assert_eq!(r.status, 401);
        assert_eq!(body_json(&r), fixture!("error-401.json"));
    }
}
