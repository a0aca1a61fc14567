//! What the proxy benchmark serves: the upstream's product list and the two nginx
//! configurations, the static upstream and the reverse proxy in front of it.

use std::path::Path;

use crate::Result;

/// The catalog path below the upstream's base URL.
pub(super) const CATALOG: &str = "/v2/ssl/products";

/// Writes the product list (a Realtime Register catalog answer) under `dir/site` and the
/// configurations `dir/upstream.conf` and `dir/proxy.conf`; returns the list's size.
///
/// The upstream and the proxy are two nginx instances, so that the proxy under test never
/// shares an event loop with the upstream (one nginx serving both would answer some of its
/// own upstream requests in the same worker, an advantage no separate proxy has). The proxy
/// gets `workers` worker processes, as certorder gets `workers` runtime threads.
pub(super) fn write(
    dir: &Path,
    upstream_port: u16,
    proxy_port: u16,
    workers: u32,
) -> Result<usize> {
    let products: Vec<String> = (0..20)
        .map(|i| {
            format!(
                r#"{{"product":"sectigo_dv_{i}","brand":"Sectigo","name":"Sectigo DV {i}","validationType":"DOMAIN_VALIDATION","certificateType":"SINGLE_DOMAIN","features":["REISSUE"],"periods":[12,24],"requiredFields":["approver","dcv"],"optionalFields":[],"includedDomains":1,"maxDomains":1}}"#
            )
        })
        .collect();
    let body = format!(
        r#"{{"entities":[{}],"pagination":{{"total":20,"offset":0,"limit":20}}}}"#,
        products.join(",")
    );
    let site = dir.join("site").join("v2").join("ssl");
    std::fs::create_dir_all(&site).map_err(|e| e.to_string())?;
    let size = body.len();
    std::fs::write(site.join("products"), body).map_err(|e| e.to_string())?;
    let common = |name: &str, workers: &str| {
        format!(
            "worker_processes {workers};\ndaemon off;\nerror_log logs/{name}-error.log warn;\npid logs/{name}.pid;\nevents {{ worker_connections 1024; }}\n"
        )
    };
    let upstream = format!(
        r#"{common}http {{
    access_log off;
    keepalive_requests 100000;
    default_type application/json;
    server {{
        listen 127.0.0.1:{upstream_port};
        root {root};
        location / {{ try_files $uri =404; }}
    }}
}}
"#,
        common = common("upstream", "auto"),
        root = dir.join("site").display()
    );
    let proxy = format!(
        r#"{common}http {{
    access_log off;
    keepalive_requests 100000;
    upstream catalog {{
        server 127.0.0.1:{upstream_port};
        keepalive 32;
    }}
    server {{
        listen 127.0.0.1:{proxy_port};
        location /api/realtimeregister/ {{
            proxy_pass http://catalog/;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
        }}
    }}
}}
"#,
        common = common("proxy", &workers.to_string()),
    );
    std::fs::write(dir.join("upstream.conf"), upstream).map_err(|e| e.to_string())?;
    std::fs::write(dir.join("proxy.conf"), proxy)
        .map_err(|e| e.to_string())
        .map(|()| size)
}
