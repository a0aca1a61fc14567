//! A lenient scalar: SSL247 documents most fields as `"string"` but types some as
//! `"integer"`, `"boolean"` or `"integer (int32)"` (the SSL247 API v3 reference, e.g.
//! "Order - Place order", "Order - Details"), and its examples write every value as a string.
//! [`Scalar`] accepts a JSON string, number or boolean and keeps its text, so a response
//! parses whichever form the server sends; typed readings are methods.

use std::fmt;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

use crate::product::Money;

/// A JSON string, number or boolean, kept as text.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(transparent)]
pub struct Scalar(pub String);

impl Scalar {
    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// A boolean reading: `true`/`1`/`yes` or `false`/`0`/`no` (any case); `None` otherwise,
    /// so a placeholder such as the document's `"boolean"` is neither.
    pub fn as_bool(&self) -> Option<bool> {
        match self.0.trim().to_ascii_lowercase().as_str() {
            "true" | "1" | "yes" => Some(true),
            "false" | "0" | "no" => Some(false),
            _ => None,
        }
    }

    /// A whole-number reading.
    pub(crate) fn as_u32(&self) -> Option<u32> {
        self.0.trim().parse().ok()
    }

    /// A decimal amount (`"12.5"`, `12`, `"1,200.00"`) in minor units; `None` when it is not
    /// a number. Amounts have two decimals at most in every currency SSL247 bills in.
    pub(crate) fn as_money(&self, currency: Option<&str>) -> Option<Money> {
        parse_minor(&self.0).map(|minor| Money::new(minor, currency))
    }
}

/// Parses a decimal amount into hundredths, rounding half away from zero past two decimals.
fn parse_minor(text: &str) -> Option<i64> {
    let cleaned: String = text.trim().chars().filter(|c| *c != ',').collect();
    let (negative, digits) = match cleaned.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, cleaned.as_str()),
    };
    let (whole, frac) = digits.split_once('.').unwrap_or((digits, ""));
    if whole.is_empty() && frac.is_empty() {
        return None;
    }
    if !whole
        .chars()
        .chain(frac.chars())
        .all(|c| c.is_ascii_digit())
    {
        return None;
    }
    let whole: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().ok()?
    };
    let mut cents = frac.chars().take(2).collect::<String>();
    while cents.len() < 2 {
        cents.push('0');
    }
    let mut minor = whole
        .checked_mul(100)?
        .checked_add(cents.parse::<i64>().ok()?)?;
    if frac.chars().nth(2).is_some_and(|c| c >= '5') {
        minor = minor.checked_add(1)?;
    }
    Some(if negative { -minor } else { minor })
}

impl fmt::Display for Scalar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for Scalar {
    fn from(value: &str) -> Self {
        Self(value.to_owned())
    }
}

impl From<String> for Scalar {
    fn from(value: String) -> Self {
        Self(value)
    }
}

struct ScalarVisitor;

impl Visitor<'_> for ScalarVisitor {
    type Value = Scalar;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string, number or boolean")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Scalar, E> {
        Ok(Scalar(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Scalar, E> {
        Ok(Scalar(v))
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Scalar, E> {
        Ok(Scalar(v.to_string()))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Scalar, E> {
        Ok(Scalar(v.to_string()))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Scalar, E> {
        Ok(Scalar(v.to_string()))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Scalar, E> {
        Ok(Scalar(v.to_string()))
    }
}

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ScalarVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts() {
        assert_eq!(parse_minor("12"), Some(1200));
        assert_eq!(parse_minor("12.5"), Some(1250));
        assert_eq!(parse_minor("1,200.00"), Some(120_000));
        assert_eq!(parse_minor("0.125"), Some(13));
        assert_eq!(parse_minor("-3.10"), Some(-310));
        assert_eq!(parse_minor("integer"), None);
        assert_eq!(parse_minor(""), None);
    }
}
