//! # certorder-sandbox
//!
//! Simulators of the five provider APIs certorder speaks (Gandi XML-RPC v3, Gandi REST v5,
//! Realtime Register v2, SSL247 v3, Gjirafa CDN), for running every ordering flow with no
//! account anywhere. Each simulator answers a request as its provider's API would: the same
//! paths and methods, envelopes, field rules and error shapes (docs/providers.md), the fixed
//! sandbox credentials ([`Sandbox::credentials`]) where the API expects them, a catalog with
//! prices, approver look-ups, DCV values computed as the CA computes them, and orders that stay
//! pending until DCV is marked done through a control call, then get a real certificate from an
//! ephemeral sandbox CA ([`ca::SandboxCa`]) for the request's public key and the ordered names.
//! SSL247's simulator refuses every name whose first label is `refused` (`refused.example.com`)
//! in its name checks, `validate` and orders, so a CA's refusal of a name can be tried.
//!
//! The sandbox is sans-IO like the adapters: [`Sandbox::handle`] takes an
//! [`HttpRequest`](certorder::http::HttpRequest) below the provider's base URL and returns a
//! [`Reply`]; the server moves the bytes. Orders live in memory, at most
//! [`SandboxSettings::max_orders`] per provider, the oldest evicted; a restart loses them.
//!
//! Control calls ([`Sandbox::control`], routed by the server under `/sandbox/{provider}/…`):
//!
//! - `POST /orders/{id}/complete-dcv`: marks every name of the order validated, so the order
//!   is issued (`{id}` is any id the provider's API uses for the order);
//! - `POST /faults` with `{"operation": "<operation>", "fault": "hang" | "reset" | "error" |
//!   "malformed"}`: the next request recognised as that operation (the adapter's operation
//!   name, e.g. `POST /v2/ssl/certificates` or `cert.create`) hangs, has its connection reset,
//!   gets a 500, or gets a body that is not the document the API sends;
//! - `DELETE /faults`: disarms every fault of that provider.

pub mod ca;
mod control;
mod credentials;
pub mod dcv;
mod fault;
mod gandi_v3;
mod gandi_v5;
mod gjirafa;
mod order;
mod realtimeregister;
mod reply;
mod ssl247;
mod store;
mod unsimulated;
mod zip;

use certorder::http::{Credentials, HttpRequest, HttpResponse, Method};
use certorder::provider::ProviderKind;

pub use ca::{CaError, Issued, SandboxCa};
pub use credentials::{GJIRAFA_PROJECT, credentials_for};
pub use fault::Fault;

/// How the sandbox behaves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SandboxSettings {
    /// The most orders each simulator keeps; beyond it the oldest is evicted.
    pub max_orders: usize,
}

impl Default for SandboxSettings {
    fn default() -> Self {
        Self { max_orders: 10_000 }
    }
}

/// Why the sandbox could not start.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SandboxError {
    /// The ephemeral CA could not be made.
    #[error(transparent)]
    Ca(#[from] CaError),
}

/// What the sandbox answers a request with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    /// An HTTP response.
    Respond(HttpResponse),
    /// An armed fault: never answer (the caller's time-out fires).
    Hang,
    /// An armed fault: drop the connection without answering.
    Reset,
}

/// What one simulator does; one implementation per provider.
pub(crate) trait Simulator: Send + Sync {
    /// The fixed sandbox credentials.
    fn credentials(&self) -> Credentials;
    /// Answers a request (path below the base URL, credentials injected).
    fn handle(&self, ctx: &Context, request: &HttpRequest) -> HttpResponse;
    /// Marks every name of the order `id` validated and issues the certificate.
    fn complete_dcv(&self, ctx: &Context, id: &str) -> Result<String, control::ControlError>;
}

/// What every simulator shares: the CA and the settings.
pub(crate) struct Context {
    pub(crate) ca: SandboxCa,
    pub(crate) settings: SandboxSettings,
}

/// All five simulators behind one value: `Send + Sync`, state behind locks.
pub struct Sandbox {
    ctx: Context,
    faults: fault::Faults,
    simulators: Vec<(ProviderKind, Box<dyn Simulator>)>,
}

impl std::fmt::Debug for Sandbox {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Sandbox")
            .field("settings", &self.ctx.settings)
            .finish_non_exhaustive()
    }
}

impl Sandbox {
    /// A sandbox with a fresh CA and empty order stores.
    pub fn new(settings: SandboxSettings) -> Result<Self, SandboxError> {
        let ca = SandboxCa::new()?;
        let max = settings.max_orders;
        let simulators: Vec<(ProviderKind, Box<dyn Simulator>)> = vec![
            (
                ProviderKind::RealtimeRegister,
                Box::new(realtimeregister::RealtimeRegisterSim::new(max)),
            ),
            (
                ProviderKind::GandiV5,
                Box::new(gandi_v5::GandiV5Sim::new(max)),
            ),
            (
                ProviderKind::GandiV3,
                Box::new(gandi_v3::GandiV3Sim::new(max)),
            ),
            (ProviderKind::Ssl247, Box::new(ssl247::Ssl247Sim::new(max))),
            (
                ProviderKind::Gjirafa,
                Box::new(gjirafa::GjirafaSim::new(max)),
            ),
        ];
        Ok(Self {
            ctx: Context { ca, settings },
            faults: fault::Faults::default(),
            simulators,
        })
    }

    fn simulator(&self, kind: ProviderKind) -> Option<&dyn Simulator> {
        self.simulators
            .iter()
            .find(|(k, _)| *k == kind)
            .map(|(_, s)| s.as_ref())
    }

    /// The sandbox CA (its root is what issued certificates chain to).
    pub fn ca(&self) -> &SandboxCa {
        &self.ctx.ca
    }

    /// The fixed sandbox credentials the server injects for `kind` (with the adapter's
    /// `authenticate`).
    pub fn credentials(&self, kind: ProviderKind) -> Credentials {
        match self.simulator(kind) {
            Some(sim) => sim.credentials(),
            None => unsimulated::Unsimulated::new(kind).credentials(),
        }
    }

    /// Answers a request as `kind`'s API would: the path is below the provider's base URL,
    /// credentials already injected.
    pub fn handle(&self, kind: ProviderKind, request: &HttpRequest) -> Reply {
        if let Some(fault) = self.faults.take(kind, request) {
            return fault.reply(kind);
        }
        match self.simulator(kind) {
            Some(sim) => Reply::Respond(sim.handle(&self.ctx, request)),
            None => Reply::Respond(unsimulated::Unsimulated::new(kind).handle(&self.ctx, request)),
        }
    }

    /// Sandbox-only control endpoints (`/sandbox/{provider}/…`): mark DCV done, arm faults.
    /// `path` is below `/sandbox/{provider}` (the prefix is also accepted).
    pub fn control(
        &self,
        kind: ProviderKind,
        method: Method,
        path: &str,
        body: &[u8],
    ) -> HttpResponse {
        control::control(self, kind, method, path, body)
    }
}
