//! Rule breaks and missing credentials get the error envelope; checks answer per name.

use super::*;

// Guards: rule breaks and missing credentials get the error envelope; checks answer per name.
#[test]
fn errors_checks_and_auth() {
    let sandbox = sandbox();
    let error = fixture!("error.response.json");
    let bad = post(
        &sandbox,
        "/order/certificate/validate",
        json!({"order": [{"product_code": "positivessl", "common_name": "*.sandbox-shop.org", "years": "1"}]}),
    );
    assert_eq!(bad.status, 400);
    drive::same_shape(&error, &body_json(&bad), "error", &[]);
    assert!(
        body_json(&bad)["Response"]["Error"]["Message"]
            .as_str()
            .unwrap()
            .starts_with("order[0].common_name")
    );
    let years = post(
        &sandbox,
        "/order/certificate/validate",
        json!({"order": [{"product_code": "sectigo-ev", "common_name": "sandbox-shop.org", "years": "3"}]}),
    );
    assert!(
        body_json(&years)["Response"]["Error"]["Message"]
            .as_str()
            .unwrap()
            .starts_with("order[0].years")
    );
    let check = body_json(&post(
        &sandbox,
        "/certificates/check-common-name/positivessl-wildcard/sandbox-shop.org",
        json!({}),
    ));
    assert_eq!(check["Data"]["valid"], false);
    let san = body_json(&post(
        &sandbox,
        "/certificates/check-san/positivessl-multi-domain/sandbox-shop.org/www.sandbox-shop.org",
        json!({}),
    ));
    assert_eq!(san["Data"]["valid"], true);

    for body in [
        json!({}),
        json!({"u": "api@sandbox.certorder.invalid", "k": "wrong"}),
    ] {
        let request = HttpRequest::new(Method::Post, "/product-types")
            .with_json(&body)
            .unwrap();
        let Reply::Respond(r) = sandbox.handle(ProviderKind::Ssl247, &request) else {
            panic!()
        };
        assert_eq!(r.status, 401);
        drive::same_shape(&error, &body_json(&r), "auth", &[]);
    }
}
