//! Prices: what a provider quotes for a draft, and whether a charge is the one the customer
//! accepted.

use serde::{Deserialize, Serialize};

use crate::product::{Money, Period};

/// A price quote for a draft, before ordering.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// The product quoted.
    pub product: String,
    /// The period quoted.
    pub period: Option<Period>,
    /// The total to pay.
    pub total: Money,
    /// The lines that make up the total, when the provider itemises them.
    pub lines: Vec<QuoteLine>,
}

/// One item of a [`Quote`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteLine {
    /// What is charged (the provider's action word: `REQUEST`, `EXTRA_DOMAIN`, …).
    pub description: String,
    /// How many.
    pub quantity: u32,
    /// The amount for this line.
    pub amount: Money,
}

impl Quote {
    /// Whether `other` charges the same as this quote: the same total and the same lines
    /// (item, quantity and amount, in order). The product and period are not compared, since
    /// a provider's price demand names neither the way the quote does.
    pub fn charges_same_as(&self, other: &Quote) -> bool {
        self.total == other.total && self.lines == other.lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quote(lines: &[(&str, u32, i64)]) -> Quote {
        let lines: Vec<QuoteLine> = lines
            .iter()
            .map(|&(description, quantity, minor)| QuoteLine {
                description: description.into(),
                quantity,
                amount: Money::new(minor, Some("EUR")),
            })
            .collect();
        Quote {
            product: "ssl".into(),
            period: None,
            total: Money::new(lines.iter().map(|l| l.amount.minor).sum(), Some("EUR")),
            lines,
        }
    }

    // Guards: a charge equals a quote only when every line and the total agree.
    #[test]
    fn a_charge_is_the_quote_only_line_for_line() {
        let accepted = quote(&[("REQUEST", 1, 2500), ("EXTRA_DOMAIN", 1, 1250)]);
        assert!(accepted.charges_same_as(&accepted.clone()));
        let mut other_product = accepted.clone();
        other_product.product = "ssl_multi".into();
        assert!(accepted.charges_same_as(&other_product));
        assert!(
            !accepted.charges_same_as(&quote(&[("REQUEST", 1, 2500), ("EXTRA_DOMAIN", 1, 1300)]))
        );
        assert!(
            !accepted.charges_same_as(&quote(&[("REQUEST", 1, 2500), ("EXTRA_DOMAIN", 2, 1250)]))
        );
        assert!(!accepted.charges_same_as(&quote(&[("REQUEST", 1, 2500)])));
        let mut dollars = accepted.clone();
        dollars.total.currency = Some("USD".into());
        assert!(!accepted.charges_same_as(&dollars));
    }
}
