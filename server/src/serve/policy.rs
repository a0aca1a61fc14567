//! What each mode forwards: one table, operation class → rule per mode (docs/design.md,
//! security model items 2-3).

use certorder::provider::OperationClass;

use super::config::Mode;

/// What the policy says about one operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rule {
    /// Forwarded.
    Allow,
    /// Forwarded only with the order token of the order it acts on.
    WithOrderToken,
    /// Never forwarded.
    Refuse,
}

/// The policy: for each class, the rule in reseller mode and in portal mode.
///
/// Reseller mode spends the reseller's credentials on behalf of anyone who loads the widget:
/// it allows what a new order needs, order-scoped calls only with that order's token, and no
/// account-wide call. Portal mode relays the customer's own credentials to their own account,
/// so everything the adapter recognises is theirs to call.
#[rustfmt::skip]
pub(crate) const POLICY: [(OperationClass, Rule, Rule); 8] = [
    //  class                          reseller              portal
    (OperationClass::Catalog,     Rule::Allow,          Rule::Allow),
    (OperationClass::Lookup,      Rule::Allow,          Rule::Allow),
    (OperationClass::Check,       Rule::Allow,          Rule::Allow),
    (OperationClass::Quote,       Rule::Allow,          Rule::Allow),
    (OperationClass::Billable,    Rule::Allow,          Rule::Allow),
    (OperationClass::OrderRead,   Rule::WithOrderToken, Rule::Allow),
    (OperationClass::OrderChange, Rule::WithOrderToken, Rule::Allow),
    (OperationClass::AccountWide, Rule::Refuse,         Rule::Allow),
];

/// The rule for `class` in `mode`. In reseller mode an operation that names an order
/// (`has_target`) always needs that order's token, whatever its class (a renewal is billable
/// and acts on an existing order).
pub(crate) fn rule(mode: Mode, class: OperationClass, has_target: bool) -> Rule {
    let Some(&(_, reseller, portal)) = POLICY.iter().find(|(c, _, _)| *c == class) else {
        return Rule::Refuse;
    };
    match mode {
        Mode::Portal => portal,
        Mode::Reseller if has_target && reseller == Rule::Allow => Rule::WithOrderToken,
        Mode::Reseller => reseller,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use OperationClass::*;

    // Guards: the table row by row, for both modes, with and without a target.
    #[test]
    fn every_class_in_every_mode() {
        #[rustfmt::skip]
        let expected = [
            (Catalog,     Rule::Allow,          Rule::Allow),
            (Lookup,      Rule::Allow,          Rule::Allow),
            (Check,       Rule::Allow,          Rule::Allow),
            (Quote,       Rule::Allow,          Rule::Allow),
            (Billable,    Rule::Allow,          Rule::Allow),
            (OrderRead,   Rule::WithOrderToken, Rule::Allow),
            (OrderChange, Rule::WithOrderToken, Rule::Allow),
            (AccountWide, Rule::Refuse,         Rule::Allow),
        ];
        for (class, reseller, portal) in expected {
            assert_eq!(rule(Mode::Reseller, class, false), reseller, "{class:?}");
            assert_eq!(rule(Mode::Portal, class, false), portal, "{class:?}");
            assert_eq!(rule(Mode::Portal, class, true), portal, "{class:?}");
        }
        assert_eq!(rule(Mode::Reseller, Billable, true), Rule::WithOrderToken);
        assert_eq!(rule(Mode::Reseller, AccountWide, true), Rule::Refuse);
        assert_eq!(POLICY.len(), expected.len());
    }
}
