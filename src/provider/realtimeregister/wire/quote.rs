//! The answer to a request sent with `?quote=true` (docs/providers.md §2.2).

use serde::{Deserialize, Serialize};

use super::Billable;

/// `{quote: {...}}`, the answer to `?quote=true` (docs/providers.md §2.2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteResponse {
    /// The quote.
    pub quote: QuoteBody,
}

/// The quote itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteBody {
    /// ISO 4217.
    #[serde(default)]
    pub currency: Option<String>,
    /// Total, in cents.
    #[serde(default)]
    pub total: Option<i64>,
    /// The lines.
    #[serde(default)]
    pub billables: Vec<Billable>,
}
