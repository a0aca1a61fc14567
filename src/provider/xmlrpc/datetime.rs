//! `dateTime.iso8601` values.

use std::fmt;
use std::str::FromStr;

use super::Error;

/// An XML-RPC `dateTime.iso8601` value.
///
/// The spec's example is `19980717T14:08:55`: basic-format date, extended-format time and no
/// zone. Servers also send `1998-07-17T14:08:55` and add a zone (`Z`, `+02:00`) or fraction;
/// both are accepted, and a suffix after the seconds is kept verbatim since the spec gives no
/// zone semantics (Gandi's times are in its own local time, Europe/Paris).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DateTime {
    /// Year.
    pub year: u16,
    /// Month, 1-12.
    pub month: u8,
    /// Day, 1-31.
    pub day: u8,
    /// Hour, 0-23.
    pub hour: u8,
    /// Minute, 0-59.
    pub minute: u8,
    /// Second, 0-60 (leap second).
    pub second: u8,
    /// Whatever followed the seconds (fraction, zone), verbatim; usually empty.
    pub suffix: String,
}

impl DateTime {
    /// The date and time in ISO 8601 extended form (`1998-07-17T14:08:55`), for display and
    /// for the neutral model.
    pub fn to_iso8601(&self) -> String {
        format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{}",
            self.year, self.month, self.day, self.hour, self.minute, self.second, self.suffix
        )
    }
}

impl fmt::Display for DateTime {
    /// The spec's form, `19980717T14:08:55`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:04}{:02}{:02}T{:02}:{:02}:{:02}{}",
            self.year, self.month, self.day, self.hour, self.minute, self.second, self.suffix
        )
    }
}

fn digits(s: &str) -> Option<u32> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

fn parse(s: &str) -> Option<DateTime> {
    let (date, time) = s.split_once('T')?;
    let date: String = match date.len() {
        8 => date.to_owned(),
        10 if date.as_bytes().get(4) == Some(&b'-') && date.as_bytes().get(7) == Some(&b'-') => {
            date.replace('-', "")
        }
        _ => return None,
    };
    let (hms, suffix) = if time.as_bytes().get(2) == Some(&b':') {
        (time.get(..8)?.replace(':', ""), time.get(8..)?)
    } else {
        (time.get(..6)?.to_owned(), time.get(6..)?)
    };
    if hms.len() != 6 || date.len() != 8 {
        return None;
    }
    let year = u16::try_from(digits(date.get(..4)?)?).ok()?;
    let month = u8::try_from(digits(date.get(4..6)?)?).ok()?;
    let day = u8::try_from(digits(date.get(6..8)?)?).ok()?;
    let hour = u8::try_from(digits(hms.get(..2)?)?).ok()?;
    let minute = u8::try_from(digits(hms.get(2..4)?)?).ok()?;
    let second = u8::try_from(digits(hms.get(4..6)?)?).ok()?;
    let in_range = (1..=12).contains(&month)
        && (1..=31).contains(&day)
        && hour <= 23
        && minute <= 59
        && second <= 60;
    let suffix_ok = suffix
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b',' | b'Z' | b'+' | b'-' | b':'));
    (in_range && suffix_ok).then(|| DateTime {
        year,
        month,
        day,
        hour,
        minute,
        second,
        suffix: suffix.to_owned(),
    })
}

impl FromStr for DateTime {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse(s.trim()).ok_or_else(|| Error::InvalidScalar {
            kind: "dateTime.iso8601",
            literal: s.chars().take(40).collect(),
        })
    }
}
