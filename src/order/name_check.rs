//! The provider's own check of the names of an order before it is placed (SSL247
//! `check-common-name` and `check-san`, docs/providers.md §3): per name, accepted or refused
//! with the provider's reason in its own words.

use serde::{Deserialize, Serialize};

/// What the provider said about one name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "verdict")]
pub enum NameVerdict {
    /// The provider accepts the name for the product.
    Accepted,
    /// The provider refuses the name, for the reason it gave.
    Refused {
        /// The provider's reason, verbatim (empty when it gave none).
        reason: String,
    },
}

/// The provider's verdict on one name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NameCheck {
    /// The name asked about, as sent (A-label).
    pub name: String,
    /// Its verdict.
    pub verdict: NameVerdict,
}

/// The provider's verdicts on an order's names: the common name first, then each SAN in the
/// order they were asked.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct NameChecks {
    /// One verdict per name asked.
    pub names: Vec<NameCheck>,
}

impl NameChecks {
    /// The verdict on `name` (an A-label), when it was asked about.
    pub fn verdict(&self, name: &str) -> Option<&NameVerdict> {
        self.names
            .iter()
            .find(|c| c.name.eq_ignore_ascii_case(name))
            .map(|c| &c.verdict)
    }

    /// The names refused, each with the provider's reason.
    pub fn refused(&self) -> impl Iterator<Item = (&str, &str)> {
        self.names.iter().filter_map(|c| match &c.verdict {
            NameVerdict::Refused { reason } => Some((c.name.as_str(), reason.as_str())),
            NameVerdict::Accepted => None,
        })
    }

    /// Whether every name asked about was accepted.
    pub fn all_accepted(&self) -> bool {
        self.refused().next().is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Guards: a verdict is found by name whatever its case, and only refusals are listed.
    #[test]
    fn verdicts_by_name_and_refusals() {
        let checks = NameChecks {
            names: vec![
                NameCheck {
                    name: "example.com".into(),
                    verdict: NameVerdict::Accepted,
                },
                NameCheck {
                    name: "bad.example.com".into(),
                    verdict: NameVerdict::Refused {
                        reason: "not allowed".into(),
                    },
                },
            ],
        };
        assert_eq!(checks.verdict("EXAMPLE.com"), Some(&NameVerdict::Accepted));
        assert_eq!(checks.verdict("other.com"), None);
        assert_eq!(
            checks.refused().collect::<Vec<_>>(),
            vec![("bad.example.com", "not allowed")]
        );
        assert!(!checks.all_accepted());
        assert!(NameChecks::default().all_accepted());
    }
}
