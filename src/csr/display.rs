//! How report values read to a person: the widget and `certorder inspect` print these.

use super::{ExtensionValue, RequestedExtension, San, SignatureCheck};
use std::fmt;

impl fmt::Display for San {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Dns(name) => write!(f, "DNS:{name}"),
            Self::Ip(ip) => write!(f, "IP:{ip}"),
            Self::Email(mail) => write!(f, "email:{mail}"),
            Self::Uri(uri) => write!(f, "URI:{uri}"),
            Self::Other(text) => f.write_str(text),
        }
    }
}

impl fmt::Display for SignatureCheck {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Valid => f.write_str("valid"),
            Self::Invalid { reason } => write!(f, "invalid: {reason}"),
            Self::CannotCheck { algorithm } => write!(f, "cannot check: {algorithm}"),
            Self::Checking => f.write_str("checking…"),
        }
    }
}

impl fmt::Display for RequestedExtension {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name.as_deref().unwrap_or(&self.oid))?;
        if self.critical {
            f.write_str(" (critical)")?;
        }
        match &self.value {
            ExtensionValue::SubjectAltName => Ok(()),
            ExtensionValue::KeyUsage { usages } => write!(f, ": {}", usages.join(", ")),
            ExtensionValue::ExtendedKeyUsage { purposes } => write!(f, ": {}", purposes.join(", ")),
            ExtensionValue::BasicConstraints { ca, path_len } => {
                write!(f, ": CA:{}", if *ca { "TRUE" } else { "FALSE" })?;
                match path_len {
                    Some(n) => write!(f, ", pathlen:{n}"),
                    None => Ok(()),
                }
            }
            ExtensionValue::Unknown { length } => write!(f, ": {length} bytes"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn basic_constraints_read_like_openssl() {
        let ext = RequestedExtension {
            oid: "2.5.29.19".into(),
            name: Some("basicConstraints".into()),
            critical: true,
            value: ExtensionValue::BasicConstraints {
                ca: false,
                path_len: None,
            },
        };
        assert_eq!(ext.to_string(), "basicConstraints (critical): CA:FALSE");
    }

    #[test]
    fn a_signature_that_cannot_be_checked_says_which_algorithm() {
        let check = SignatureCheck::CannotCheck {
            algorithm: "md2WithRSAEncryption".into(),
        };
        assert_eq!(check.to_string(), "cannot check: md2WithRSAEncryption");
    }

    #[test]
    fn sans_carry_their_type() {
        assert_eq!(
            San::Dns("example.com".into()).to_string(),
            "DNS:example.com"
        );
        assert_eq!(
            San::Ip("192.0.2.1".parse().unwrap()).to_string(),
            "IP:192.0.2.1"
        );
    }
}
