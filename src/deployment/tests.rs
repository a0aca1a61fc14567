use super::*;
use crate::http::Method;
use crate::order::OrderHandle;

fn sample() -> Deployment {
    Deployment {
        mode: Mode::Reseller,
        providers: vec![
            ProviderOffer::proxied(ProviderKind::GandiV5, true),
            ProviderOffer {
                route: Route::Direct {
                    base_url: "https://gateway.certorder-demo.net/".into(),
                },
                ..ProviderOffer::proxied(ProviderKind::Ssl247, false)
            },
            ProviderOffer {
                project: Some("3fa85f64-5717-4562-b3fc-2c963f66afa6".into()),
                ..ProviderOffer::proxied(ProviderKind::Gjirafa, true)
            },
        ],
    }
}

// Guards: the document round-trips in the shape the server writes and the widget reads.
#[test]
fn the_document_round_trips() -> Result<(), DeploymentError> {
    let deployment = sample();
    let json =
        serde_json::to_vec(&deployment).map_err(|e| DeploymentError::Unreadable(e.to_string()))?;
    assert_eq!(Deployment::from_json(&json)?, deployment);
    let text = String::from_utf8_lossy(&json);
    assert!(text.contains(r#""mode":"reseller""#), "{text}");
    assert!(text.contains(r#""route":{"kind":"proxy"}"#), "{text}");
    assert!(text.contains(r#""kind":"gandi-v5""#), "{text}");
    assert!(matches!(
        Deployment::from_json(b"{\"mode\":\"shop\"}"),
        Err(DeploymentError::Unreadable(_))
    ));
    Ok(())
}

// Guards: proxy requests stay on the page's origin under /api/{slug}; direct ones go below
// the base URL with no doubled slash.
#[test]
fn urls_per_route() {
    let deployment = sample();
    let request = HttpRequest::new(Method::Get, "/v5/certificate/products").with_query("q", "a b");
    let proxied = deployment
        .offer(ProviderKind::GandiV5)
        .map(|o| o.url(&request));
    assert_eq!(
        proxied.as_deref(),
        Some("/api/gandi-v5/v5/certificate/products?q=a%20b")
    );
    let direct = deployment
        .offer(ProviderKind::Ssl247)
        .map(|o| o.url(&request));
    assert_eq!(
        direct.as_deref(),
        Some("https://gateway.certorder-demo.net/v5/certificate/products?q=a%20b")
    );
    assert!(
        deployment
            .offer(ProviderKind::Ssl247)
            .is_some_and(ProviderOffer::is_cross_origin)
    );
    assert!(deployment.offer_by_slug("realtimeregister").is_err());
    assert!(deployment.offer_by_slug("gjirafa").is_ok());
}

// Guards: every offer builds its adapter; Gjirafa needs a well-formed project id.
#[test]
fn adapters_are_built_from_offers() {
    for kind in ProviderKind::ALL {
        let mut offer = ProviderOffer::proxied(kind, true);
        offer.project = Some("3fa85f64-5717-4562-b3fc-2c963f66afa6".into());
        let provider = offer.provider();
        assert_eq!(provider.map(|p| p.kind()).ok(), Some(kind));
    }
    let mut gjirafa = ProviderOffer::proxied(ProviderKind::Gjirafa, true);
    assert!(matches!(
        gjirafa.provider(),
        Err(DeploymentError::Incomplete { .. })
    ));
    gjirafa.project = Some("not-a-uuid".into());
    assert!(matches!(
        gjirafa.provider(),
        Err(DeploymentError::Incomplete { .. })
    ));
}

// Guards: the sandbox control is offered only for sandboxes, by process for Realtime Register.
#[test]
fn sandbox_control_urls() {
    let handle = OrderHandle::new(ProviderKind::RealtimeRegister, "cert 9").with_operation("77");
    let offer = ProviderOffer::proxied(ProviderKind::RealtimeRegister, true);
    assert_eq!(
        offer.complete_dcv_url(&handle).as_deref(),
        Some("/sandbox/realtimeregister/orders/77/complete-dcv")
    );
    let handle = OrderHandle::new(ProviderKind::GandiV5, "a/b");
    let offer = ProviderOffer::proxied(ProviderKind::GandiV5, true);
    assert_eq!(
        offer.complete_dcv_url(&handle).as_deref(),
        Some("/sandbox/gandi-v5/orders/a%2Fb/complete-dcv")
    );
    let real = ProviderOffer::proxied(ProviderKind::GandiV5, false);
    assert_eq!(real.complete_dcv_url(&handle), None);
}
