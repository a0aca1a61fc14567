//! The server's tests: tower `oneshot` requests against the whole router, with providers
//! routed to a fake upstream on 127.0.0.1:0 that records what it receives.

mod support;

mod credentials;
mod dry_run;
mod faults;
mod idempotency;
mod logging;
mod open_proxy;
mod redis_store;
mod routing;
mod sandbox;
mod stores;
mod tokens;
mod widget_config;
