use std::collections::HashMap;

use super::*;

fn load(toml: &str, vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
    let vars: HashMap<String, String> = vars
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    let env = move |name: &str| vars.get(name).cloned();
    let file: FileConfig = toml::from_str(toml).map_err(|e| ConfigError::Toml {
        path: "test.toml".into(),
        reason: e.message().to_owned(),
    })?;
    Config::build(file, &env, &Overrides::default())
}

fn message(result: Result<Config, ConfigError>) -> String {
    match result {
        Ok(_) => "accepted".to_owned(),
        Err(e) => e.to_string(),
    }
}

// Guards: nothing configured starts with every provider in sandbox mode and the defaults.
#[test]
fn empty_configuration_is_all_sandbox() {
    let config = load("", &[]).expect("defaults");
    assert_eq!(config.listen.to_string(), DEFAULT_LISTEN);
    assert_eq!(config.mode, Mode::Reseller);
    assert_eq!(config.providers.len(), ProviderKind::ALL.len());
    assert!(
        config
            .providers
            .iter()
            .all(|p| p.base_url.is_none() && p.credentials.is_none())
    );
    assert!(config.token_secret.is_none() && config.redis_url.is_none());
}

// Guards: the environment wins over the file; credentials set the production preset.
#[test]
fn environment_wins_and_presets_apply() {
    let toml = r#"
        listen = "127.0.0.1:9000"
        mode = "portal"
        allowed_origins = ["https://a.example"]
        [providers.gandi-v5]
        base_url = "test"
    "#;
    let config = load(
        toml,
        &[
            ("CERTORDER_LISTEN", "127.0.0.1:9001"),
            ("CERTORDER_MODE", "reseller"),
            (
                "CERTORDER_ALLOWED_ORIGINS",
                "https://b.example, https://c.example:8443",
            ),
            ("CERTORDER_GANDI_V5_TOKEN", "pat"),
            ("CERTORDER_REALTIMEREGISTER_API_KEY", "k"),
        ],
    )
    .expect("valid");
    assert_eq!(config.listen.to_string(), "127.0.0.1:9001");
    assert_eq!(config.mode, Mode::Reseller);
    assert_eq!(
        config.allowed_origins,
        ["https://b.example", "https://c.example:8443"]
    );
    let v5 = &config.providers[1];
    assert_eq!(
        v5.base_url.as_ref().map(url::Url::as_str),
        Some("https://api.sandbox.gandi.net/")
    );
    assert!(matches!(v5.credentials, Some(Credentials::Bearer { .. })));
    let rtr = &config.providers[2];
    assert_eq!(
        rtr.base_url.as_ref().map(url::Url::as_str),
        Some("https://api.yoursrs.com/")
    );
}

// Guards: each bad setting is an error that names it.
#[test]
fn bad_settings_are_named() {
    type Case<'a> = (&'a str, &'a [(&'a str, &'a str)], &'a str);
    let cases: [Case<'_>; 9] = [
        (
            "[providers.gandi]\nbase_url = \"production\"",
            &[],
            "providers.gandi",
        ),
        (
            "[providers.gandi-v5]\nbase_url = \"http://api.example\"",
            &[],
            "providers.gandi-v5.base_url",
        ),
        (
            "[providers.gandi-v5]\ntoken = \"pat\"",
            &[],
            "never read from the configuration file",
        ),
        (
            "[providers.ssl247]\npassword = \"pw\"",
            &[],
            "providers.ssl247.password",
        ),
        (
            "",
            &[("CERTORDER_GANDI_V5_BASE_URL", "not a url")],
            "CERTORDER_GANDI_V5_BASE_URL",
        ),
        (
            "",
            &[("CERTORDER_SSL247_KEY", "k")],
            "CERTORDER_SSL247_USER",
        ),
        (
            "",
            &[("CERTORDER_GJIRAFA_API_KEY", "k")],
            "CERTORDER_GJIRAFA_BASE_URL",
        ),
        ("mode = \"open\"", &[], "mode"),
        ("lisen = \"x\"", &[], "lisen"),
    ];
    for (toml, vars, want) in cases {
        let got = message(load(toml, vars));
        assert!(got.contains(want), "{toml:?} {vars:?}: {got}");
    }
    let both = message(load(
        "",
        &[
            ("CERTORDER_GANDI_V5_TOKEN", "a"),
            ("CERTORDER_GANDI_V5_TOKEN_FILE", "/x"),
        ],
    ));
    assert!(both.contains("not both"), "{both}");
    let gj = message(load(
        "",
        &[
            ("CERTORDER_GJIRAFA_API_KEY", "k"),
            ("CERTORDER_GJIRAFA_BASE_URL", "https://cdn.example"),
            ("CERTORDER_GJIRAFA_PROJECT", "nope"),
        ],
    ));
    assert!(gj.contains("CERTORDER_GJIRAFA_PROJECT"), "{gj}");
}

// Guards: a secret can come from a file, without its trailing newline; loopback http passes.
#[test]
fn secrets_from_files_and_loopback_urls() {
    let dir = std::env::temp_dir().join(format!("certorder-config-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("key");
    std::fs::write(&file, "s3cret\n").expect("write");
    let path = file.to_string_lossy().into_owned();
    let config = load(
        "",
        &[
            ("CERTORDER_GANDI_V3_API_KEY_FILE", path.as_str()),
            ("CERTORDER_GANDI_V3_BASE_URL", "http://127.0.0.1:9999"),
        ],
    )
    .expect("valid");
    let Some(Credentials::XmlRpcKey { key }) = &config.providers[0].credentials else {
        panic!("no key");
    };
    assert_eq!(key.expose(), "s3cret");
    let _ = std::fs::remove_dir_all(&dir);
}

// Guards: in portal mode, reseller credentials in the environment are not used and the
// start-up notice names their variables (never their values); reseller mode has no notice.
#[test]
fn portal_mode_names_unused_reseller_credentials() {
    let vars = [
        ("CERTORDER_MODE", "portal"),
        ("CERTORDER_GANDI_V5_TOKEN", "pat-value"),
        ("CERTORDER_SSL247_USER", "user-value"),
        ("CERTORDER_SSL247_KEY_FILE", "/run/secrets/key"),
    ];
    let config = load("", &vars).expect("portal");
    assert!(config.providers.iter().all(|p| p.credentials.is_none()));
    let notice = config.unused_credentials_notice().expect("a notice");
    for name in [
        "CERTORDER_GANDI_V5_TOKEN",
        "CERTORDER_SSL247_USER",
        "CERTORDER_SSL247_KEY_FILE",
    ] {
        assert!(notice.contains(name), "{notice}");
    }
    for value in ["pat-value", "user-value", "/run/secrets/key"] {
        assert!(!notice.contains(value), "{notice}");
    }
    assert!(
        load("", &[("CERTORDER_MODE", "portal")])
            .expect("portal")
            .unused_credentials_notice()
            .is_none()
    );
    let reseller = load("", &[("CERTORDER_GANDI_V5_TOKEN", "pat-value")]).expect("reseller");
    assert!(reseller.unused_credentials_notice().is_none());
}

// Guards: the direct route from the TOML or the environment (the environment winning), its
// origin for the page's policy, and the proxy route as the default.
#[test]
fn direct_route_from_file_and_environment() {
    let toml = r#"
        [providers.gandi-v5]
        route = "direct"
        browser_base_url = "https://gateway.certorder-demo.net/v5"
        [providers.ssl247]
        route = "proxy"
    "#;
    let config = load(toml, &[]).expect("valid");
    let v5 = &config.providers[1];
    assert_eq!(
        v5.direct.as_ref().map(url::Url::as_str),
        Some("https://gateway.certorder-demo.net/v5")
    );
    assert!(v5.base_url.is_none() && v5.credentials.is_none());
    assert!(
        config
            .providers
            .iter()
            .filter(|p| p.direct.is_some())
            .count()
            == 1
    );
    assert_eq!(
        config.direct_origins(),
        ["https://gateway.certorder-demo.net"]
    );
    let config = load(
        toml,
        &[
            (
                "CERTORDER_GANDI_V5_BROWSER_BASE_URL",
                "http://127.0.0.1:9001/api/gandi-v5",
            ),
            ("CERTORDER_SSL247_ROUTE", "direct"),
            (
                "CERTORDER_SSL247_BROWSER_BASE_URL",
                "http://127.0.0.1:9001/api/ssl247",
            ),
        ],
    )
    .expect("valid");
    assert_eq!(config.direct_origins(), ["http://127.0.0.1:9001"], "once");
    assert!(config.providers[3].direct.is_some());
    assert!(load("", &[]).expect("defaults").direct_origins().is_empty());
}

// Guards: each bad direct-route setting is an error that names it: a route that is neither,
// a missing, plain-http or garbled browser URL, a browser URL on the proxy route, and an
// upstream URL or reseller credentials that the direct route would never use.
#[test]
fn bad_direct_routes_are_named() {
    type Case<'a> = (&'a str, &'a [(&'a str, &'a str)], &'a str);
    let cases: [Case<'_>; 9] = [
        (
            "[providers.gandi-v5]\nroute = \"straight\"",
            &[],
            "providers.gandi-v5.route",
        ),
        (
            "",
            &[("CERTORDER_GANDI_V5_ROUTE", "nope")],
            "CERTORDER_GANDI_V5_ROUTE",
        ),
        (
            "[providers.gandi-v5]\nroute = \"direct\"",
            &[],
            "CERTORDER_GANDI_V5_BROWSER_BASE_URL (providers.gandi-v5.browser_base_url)",
        ),
        (
            "[providers.gandi-v5]\nroute = \"direct\"\nbrowser_base_url = \"http://gw.example\"",
            &[],
            "providers.gandi-v5.browser_base_url: must be an https URL",
        ),
        (
            "",
            &[
                ("CERTORDER_GANDI_V5_ROUTE", "direct"),
                (
                    "CERTORDER_GANDI_V5_BROWSER_BASE_URL",
                    "https://gw.example/?key=1",
                ),
            ],
            "CERTORDER_GANDI_V5_BROWSER_BASE_URL: must be scheme://host",
        ),
        (
            "[providers.gandi-v5]\nbrowser_base_url = \"https://gw.example\"",
            &[],
            "providers.gandi-v5.browser_base_url: used only on the direct route",
        ),
        (
            "[providers.gandi-v5]\nroute = \"direct\"\nbrowser_base_url = \"https://gw.example\"\nbase_url = \"test\"",
            &[],
            "providers.gandi-v5.base_url: not used on the direct route",
        ),
        (
            "[providers.gandi-v5]\nroute = \"direct\"\nbrowser_base_url = \"https://gw.example\"",
            &[("CERTORDER_GANDI_V5_TOKEN", "pat-value")],
            "CERTORDER_GANDI_V5_TOKEN: reseller credentials are never sent",
        ),
        (
            "[providers.gjirafa]\nroute = \"direct\"\nbrowser_base_url = \"https://gw.example\"",
            &[],
            "CERTORDER_GJIRAFA_PROJECT",
        ),
    ];
    for (toml, vars, want) in cases {
        let got = message(load(toml, vars));
        assert!(got.contains(want), "{toml:?} {vars:?}: {got}");
        assert!(!got.contains("pat-value"), "{got}");
    }
    // Portal mode: no reseller credentials are read, so the direct route is fine with them
    // in the environment (the start-up notice names them).
    let portal = load(
        "mode = \"portal\"\n[providers.gandi-v5]\nroute = \"direct\"\nbrowser_base_url = \"https://gw.example\"",
        &[("CERTORDER_GANDI_V5_TOKEN", "pat-value")],
    )
    .expect("portal");
    assert!(portal.providers[1].direct.is_some());
}
