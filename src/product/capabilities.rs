//! What a provider's API can do, as data the widget and the server read.

use serde::Serialize;

use crate::order::{CertificateFormat, DcvChoice, DcvMethod, DraftProblem};
use crate::product::{OrderField, PeriodUnit};

/// The capability model of one provider API.
///
/// Provider-wide facts; per-product facts (names, periods, fields) are on
/// [`crate::product::Product`], which wins where both speak.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Capabilities {
    /// Whether an order takes a CSR.
    pub csr: CsrUse,
    /// The DCV methods offered, per kind of name.
    pub dcv: DcvSupport,
    /// Whether multi-name products can take wildcard SANs at all.
    pub wildcard_sans: bool,
    /// Whether some of the provider's single-name products add the www/non-www twin for
    /// free. Which ones, and in which direction, is each product's
    /// [`Product::free_twin`](crate::product::Product::free_twin): that is what
    /// `order::check` and the wizard count by (Gandi: the DigiCert single-name packages only,
    /// docs/providers.md §1.3; Realtime Register refines it per product in
    /// `capabilities_for`).
    pub free_www_twin: bool,
    /// Whether the API lists the approver mailboxes it accepts for a name.
    pub approver_lookup: bool,
    /// Whether the API checks an order's names against a product before ordering (SSL247
    /// `check-common-name`/`check-san`, [`Provider::check_names`](crate::provider::Provider::check_names)).
    pub name_checks: bool,
    /// Whether the API prices a draft before ordering.
    pub quotes: bool,
    /// Whether the API can check an order without placing it (Gandi `Dry-Run: 1`).
    pub dry_run: bool,
    /// Whether DCV details can be previewed before ordering.
    pub dcv_preview: bool,
    /// Whether the DCV method of a pending order can be changed.
    pub change_dcv: bool,
    /// What a change of DCV method takes ([`DcvChange::check`] refuses a choice that lacks
    /// it, before sending); meaningful when `change_dcv` is true.
    pub dcv_change: DcvChange,
    /// Whether the DCV e-mail or check can be re-sent.
    pub resend_dcv: bool,
    /// Whether an issued certificate can be reissued (new CSR or names, same term).
    pub reissue: bool,
    /// Whether a certificate can be renewed through the API.
    pub renew: bool,
    /// Whether a pending order can be cancelled.
    pub cancel: bool,
    /// Whether an issued certificate can be revoked.
    pub revoke: bool,
    /// The unit periods are given in.
    pub period_unit: PeriodUnit,
    /// Fields every order needs whatever the product (besides names and CSR).
    pub order_fields: Vec<OrderField>,
    /// Download formats.
    pub download_formats: Vec<CertificateFormat>,
}

/// What a change of DCV method means at a provider.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "snake_case", tag = "scope")]
pub enum DcvChange {
    /// One method for the whole order; a name or approver in the choice is not sent (Gandi
    /// `cert.change_dcv(operation, method)`, v5 `PATCH …/dcv {"method"}`).
    #[default]
    WholeOrder,
    /// One name at a time: the choice must name it, and for e-mail give the approver when
    /// `approver_for_email` (Realtime Register `resend` with `dcv[{commonName, type, email}]`).
    PerName {
        /// Whether an e-mail choice must carry the approver address.
        approver_for_email: bool,
    },
}

impl DcvChange {
    /// Checks a choice before it is sent: a per-name change needs the name and, for e-mail,
    /// the approver; a whole-order change must not name a single name, since it would apply
    /// to every name.
    pub fn check(self, choice: &DcvChoice) -> Result<(), DraftProblem> {
        let problem = |field, reason| Err(DraftProblem::DcvChange { field, reason });
        match self {
            Self::WholeOrder if choice.name.is_some() => problem(
                "dcv.name",
                "this provider changes the method for the whole order, not one name",
            ),
            Self::WholeOrder => Ok(()),
            Self::PerName { .. } if choice.name.is_none() => problem(
                "dcv.name",
                "this provider changes the method one name at a time",
            ),
            Self::PerName {
                approver_for_email: true,
            } if choice.method == DcvMethod::Email
                && choice
                    .approver
                    .as_deref()
                    .is_none_or(|a| a.trim().is_empty()) =>
            {
                problem(
                    "dcv.approver",
                    "e-mail validation needs the approver address",
                )
            }
            Self::PerName { .. } => Ok(()),
        }
    }
}

/// Whether orders take a CSR.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CsrUse {
    /// A CSR is required.
    Required,
    /// A CSR or just names (Gandi accepts a CN instead of a CSR).
    Optional,
    /// The CA makes the key; names only (Gjirafa, Let's Encrypt).
    NotAccepted,
}

/// DCV methods offered, per kind of name.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct DcvSupport {
    /// For an ordinary host name.
    pub name: Vec<DcvMethod>,
    /// For a wildcard name (file methods are not allowed; docs/providers.md §5).
    pub wildcard: Vec<DcvMethod>,
    /// For an IP address; empty when IP certificates are not offered.
    pub ip: Vec<DcvMethod>,
    /// Whether the method is chosen per name (Realtime Register `dcv[]`) rather than once
    /// per order (Gandi `dcv_method`).
    pub per_name: bool,
}

impl DcvSupport {
    /// The same methods for names and IP addresses, and for wildcards those that allow it.
    pub(crate) fn uniform(methods: &[DcvMethod], ip: bool, per_name: bool) -> Self {
        Self {
            name: methods.to_vec(),
            wildcard: methods
                .iter()
                .filter(|m| m.allows_wildcard())
                .cloned()
                .collect(),
            ip: if ip { methods.to_vec() } else { Vec::new() },
            per_name,
        }
    }

    /// The methods for one name (`*.` prefix = wildcard; an IP literal = IP).
    pub fn for_name(&self, name: &str) -> &[DcvMethod] {
        if name.starts_with("*.") {
            &self.wildcard
        } else if name.parse::<std::net::IpAddr>().is_ok() {
            &self.ip
        } else {
            &self.name
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Guards: wildcards never get file methods; IP names get none unless offered.
    #[test]
    fn methods_per_kind_of_name() {
        let all = [DcvMethod::Email, DcvMethod::Dns, DcvMethod::Http];
        let support = DcvSupport::uniform(&all, false, false);
        assert_eq!(support.for_name("example.com"), &all);
        assert_eq!(
            support.for_name("*.example.com"),
            &[DcvMethod::Email, DcvMethod::Dns]
        );
        assert!(support.for_name("192.0.2.1").is_empty());
        assert_eq!(
            DcvSupport::uniform(&all, true, false).for_name("2001:db8::1"),
            &all
        );
    }
}
