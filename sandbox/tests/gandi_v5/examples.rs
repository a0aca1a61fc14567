//! The simulator's answers against the documents' examples.

use super::*;

// Guards: the simulator's answers have every field of the documents' examples, typed alike.
#[test]
fn answers_match_the_documents_examples() {
    let sandbox = sandbox();
    let gandi = GandiV5;
    let get = |path: &str| {
        body_json(&drive::respond(
            &sandbox,
            &gandi,
            HttpRequest::new(Method::Get, path),
        ))
    };
    drive::same_shape(
        &fixture!("packages.json"),
        &get("/v5/certificate/packages"),
        "packages",
        &[],
    );
    let wildcards = get("/v5/certificate/packages?wildcard=true");
    assert!(
        wildcards
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p["wildcard"] == true)
    );
    drive::same_shape(
        &fixture!("packages.json")[0],
        &get("/v5/certificate/packages/cert_std_1_0_0"),
        "package",
        &[],
    );

    let (csr, _) = pki::csr(&NAMES);
    let preview = body_json(&post(
        &sandbox,
        "/v5/certificate/dcv_params",
        json!({"csr": csr, "package": "cert_std_3_0_0", "dcv_method": "dns"}),
    ));
    drive::same_shape(
        &fixture!("dcv-params-sectigo.json"),
        &preview,
        "preview",
        &["preview.unique_value", "preview.raw_messages"],
    );
    assert!(
        preview.get("unique_value").is_none(),
        "no unique value before ordering"
    );

    let created = post(
        &sandbox,
        "/v5/certificate/issued-certs",
        serde_json::to_value(
            GandiV5::create_request(&draft(&csr, "cert_std_3_0_0", &NAMES, DcvMethod::Dns))
                .unwrap(),
        )
        .unwrap(),
    );
    assert_eq!(created.status, 202);
    let body = body_json(&created);
    drive::same_shape(&fixture!("create-202.json"), &body, "created", &[]);
    assert_eq!(created.header("location"), body["href"].as_str());
    let id = body["id"].as_str().unwrap().to_owned();
    let params = body_json(&post(
        &sandbox,
        &format!("/v5/certificate/issued-certs/{id}/dcv_params"),
        json!({"dcv_method": "dns"}),
    ));
    drive::same_shape(
        &fixture!("dcv-params-sectigo.json"),
        &params,
        "params",
        &["params.raw_messages"],
    );
    drive::complete_dcv(&sandbox, &gandi, &id);
    drive::same_shape(
        &fixture!("issued-cert.json"),
        &get(&format!("/v5/certificate/issued-certs/{id}")),
        "cert",
        &[],
    );
    drive::same_shape(
        &fixture!("issued-certs-list.json")[0],
        &get("/v5/certificate/issued-certs")[0],
        "list",
        &[],
    );
    let valid = get("/v5/certificate/issued-certs?status=valid&cn=sandbox*");
    assert_eq!(valid.as_array().map(Vec::len), Some(1));
    assert_eq!(
        get("/v5/certificate/issued-certs?status=pending")
            .as_array()
            .map(Vec::len),
        Some(0)
    );
    let change = drive::respond(
        &sandbox,
        &gandi,
        HttpRequest::new(Method::Delete, format!("/v5/certificate/issued-certs/{id}")),
    );
    drive::same_shape(
        &fixture!("message.json"),
        &body_json(&change),
        "message",
        &[],
    );
}
