//! The simulator's answers against the documents' examples.

use super::*;

// Guards: the simulator's answers have every field of the documents' examples, typed alike.
#[test]
fn answers_match_the_documents_examples() {
    let sandbox = sandbox();
    let rtr = RealtimeRegister::default();
    let get = |path: &str| drive::respond(&sandbox, &rtr, HttpRequest::new(Method::Get, path));
    let product = get("/v2/ssl/products/sectigo_positivessl_multidomain");
    drive::same_shape(
        &fixture!("product-sdk-test.json"),
        &body_json(&product),
        "product",
        &[],
    );
    let list = body_json(&get("/v2/ssl/products?limit=2&offset=1"));
    assert_eq!(list["entities"].as_array().unwrap().len(), 2);
    assert_eq!(list["pagination"]["total"], 6);
    drive::same_shape(
        &fixture!("products-list.json"),
        &list,
        "list",
        &["list.entities[]"],
    );
    drive::same_shape(
        &fixture!("dcv-email-list.json"),
        &body_json(&get("/v2/ssl/dcvemailaddresslist/sandbox-shop.com")),
        "emails",
        &[],
    );

    let (csr, _) = pki::csr(&NAMES);
    let quote = raw(
        &sandbox,
        serde_json::to_value(rtr.request_body(&draft(&csr)).unwrap()).unwrap(),
        true,
    );
    let mut quote_body = body_json(&quote);
    drive::same_shape(&fixture!("quote.json"), &quote_body, "quote", &[]);
    let unacknowledged = raw(
        &sandbox,
        serde_json::to_value(rtr.request_body(&draft(&csr)).unwrap()).unwrap(),
        false,
    );
    let errors = fixture!("errors.json");
    let handshake = errors
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["body"]["type"] == "BillableAcknowledgmentNeededException")
        .unwrap();
    assert_eq!(unacknowledged.status, 400);
    drive::same_shape(
        &handshake["body"],
        &body_json(&unacknowledged),
        "handshake",
        &[],
    );

    let mut body = serde_json::to_value(rtr.request_body(&draft(&csr)).unwrap()).unwrap();
    body["customer"] = json!("sandbox");
    body["billables"] = quote_body["quote"]["billables"].take();
    let created = raw(&sandbox, body, false);
    assert_eq!(created.status, 202);
    let process = created.header("x-process-id").unwrap().to_owned();
    let mock = fixture!("request-202-sdk-mock.json");
    drive::same_shape(
        &mock,
        &body_json(&created),
        "created",
        &["created.validations.dcv[]"],
    );

    let info = body_json(&get(&format!("/v2/processes/{process}/info")));
    let example = fixture!("process-info.json");
    for entry in info["validations"]["dcv"].as_array().unwrap() {
        let same_type = example["validations"]["dcv"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["type"] == entry["type"])
            .unwrap();
        drive::same_shape(same_type, entry, "dcv", &["dcv.riskStatus"]);
    }
    drive::same_shape(
        &fixture!("process.json"),
        &body_json(&get(&format!("/v2/processes/{process}"))),
        "process",
        &[],
    );

    drive::complete_dcv(&sandbox, &rtr, &process);
    let info = body_json(&get(&format!("/v2/processes/{process}/info")));
    let certificate = body_json(&get(&format!(
        "/v2/ssl/certificates/{}",
        info["certificateId"]
    )));
    drive::same_shape(
        &fixture!("certificate.json"),
        &certificate,
        "cert",
        &[
            "cert.organization",
            "cert.department",
            "cert.addressLine",
            "cert.city",
            "cert.state",
            "cert.postalCode",
            "cert.country",
            "cert.coc",
            "cert.providerId",
        ],
    );
    assert_eq!(certificate["status"], "ACTIVE");
}
