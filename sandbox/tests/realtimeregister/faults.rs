//! Armed faults, the order store's bound, and a sandbox shared across threads.

use super::*;

// Guards: an armed fault hits the next call of its operation only, once; the store is bounded.
#[test]
fn faults_and_the_order_bound() {
    let sandbox = Sandbox::new(SandboxSettings { max_orders: 2 }).unwrap();
    let rtr = RealtimeRegister::default();
    let products = || HttpRequest::new(Method::Get, "/v2/ssl/products");
    for (fault, check) in [
        (
            "hang",
            Box::new(|r: Reply| assert_eq!(r, Reply::Hang)) as Box<dyn Fn(Reply)>,
        ),
        ("reset", Box::new(|r: Reply| assert_eq!(r, Reply::Reset))),
        (
            "error",
            Box::new(|r: Reply| assert!(matches!(r, Reply::Respond(ref x) if x.status == 500))),
        ),
        (
            "malformed",
            Box::new(|r: Reply| {
                let Reply::Respond(x) = r else { panic!() };
                assert_eq!(x.status, 200);
                assert!(serde_json::from_slice::<Value>(&x.body).is_err());
            }),
        ),
    ] {
        let arm = format!("{{\"operation\": \"GET /v2/ssl/products\", \"fault\": \"{fault}\"}}");
        drive::control(&sandbox, &rtr, Method::Post, "/faults", &arm);
        // Another operation is not affected.
        let other = drive::respond(
            &sandbox,
            &rtr,
            HttpRequest::new(Method::Get, "/v2/ssl/dcvemailaddresslist/sandbox-shop.com"),
        );
        assert_eq!(other.status, 200);
        check(drive::send(&sandbox, &rtr, products()));
        assert_eq!(drive::respond(&sandbox, &rtr, products()).status, 200);
    }
    let bad = sandbox.control(
        ProviderKind::RealtimeRegister,
        Method::Post,
        "/faults",
        b"{\"fault\": \"slow\"}",
    );
    assert_eq!(bad.status, 400);

    let (csr, _) = pki::csr(&NAMES);
    let processes: Vec<String> = (0..3)
        .map(|_| {
            drive::place(&sandbox, &rtr, draft(&csr))
                .handle
                .operation
                .unwrap()
        })
        .collect();
    let info = |p: &str| {
        drive::respond(
            &sandbox,
            &rtr,
            HttpRequest::new(Method::Get, format!("/v2/processes/{p}/info")),
        )
        .status
    };
    assert_eq!(info(&processes[0]), 404, "the oldest order is evicted");
    assert_eq!((info(&processes[1]), info(&processes[2])), (200, 200));
    let gone = sandbox.control(
        ProviderKind::RealtimeRegister,
        Method::Post,
        &format!("/orders/{}/complete-dcv", processes[0]),
        b"",
    );
    assert_eq!(gone.status, 404);
}

// Guards: the sandbox can be shared across the server's threads.
#[test]
fn the_sandbox_is_send_and_sync() {
    fn shared<T: Send + Sync>() {}
    shared::<Sandbox>();
}
