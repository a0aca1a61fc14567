//! Changing the DCV method of a placed order: which methods to offer and the choice to send,
//! as the provider's API takes it (one method for the order, or one name at a time).

use crate::domain::DomainName;
use crate::order::{DcvChoice, DcvMethod};
use crate::product::Capabilities;
use crate::product::capabilities::DcvChange;

/// The methods a change may pick for `name` (every method the provider allows for it).
pub fn methods_for(capabilities: &Capabilities, name: &str) -> Vec<DcvMethod> {
    capabilities.dcv.for_name(name).to_vec()
}

/// Whether the change names one name (per-name providers) rather than the whole order.
pub fn per_name(capabilities: &Capabilities) -> bool {
    matches!(capabilities.dcv_change, DcvChange::PerName { .. })
}

/// The choice to send: for the whole order, or for `name` where the provider changes one name
/// at a time; the approver only for e-mail, trimmed, and only when given.
pub fn change_choice(
    capabilities: &Capabilities,
    name: &str,
    method: DcvMethod,
    approver: &str,
) -> DcvChoice {
    let approver = approver.trim();
    DcvChoice {
        name: per_name(capabilities)
            .then(|| DomainName::parse(name).ok())
            .flatten(),
        approver: (method == DcvMethod::Email && !approver.is_empty()).then(|| approver.to_owned()),
        method,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deployment::ProviderOffer;
    use crate::provider::ProviderKind;

    fn capabilities(kind: ProviderKind) -> Capabilities {
        let mut offer = ProviderOffer::proxied(kind, true);
        offer.project = Some("3fa85f64-5717-4562-b3fc-2c963f66afa6".into());
        offer
            .provider()
            .map(|p| p.capabilities())
            .unwrap_or_else(|e| panic!("{e}"))
    }

    // Guards: each provider's change is shaped the way its capabilities check accepts it.
    #[test]
    fn choices_pass_the_providers_own_check() {
        for kind in ProviderKind::ALL {
            let caps = capabilities(kind);
            if !caps.change_dcv {
                continue;
            }
            let methods = methods_for(&caps, "shop.certorder-demo.net");
            assert!(!methods.is_empty(), "{kind:?}");
            for method in methods {
                let choice = change_choice(
                    &caps,
                    "shop.certorder-demo.net",
                    method.clone(),
                    " admin@certorder-demo.net ",
                );
                assert_eq!(
                    caps.dcv_change.check(&choice),
                    Ok(()),
                    "{kind:?} {method:?}"
                );
                assert_eq!(
                    choice.approver.is_some(),
                    method == DcvMethod::Email,
                    "{kind:?}"
                );
            }
        }
        let caps = capabilities(ProviderKind::GandiV5);
        assert!(
            methods_for(&caps, "*.certorder-demo.net")
                .iter()
                .all(|m| !matches!(m, DcvMethod::Http | DcvMethod::Https))
        );
    }
}
