//! DCV values computed as the CA computes them (docs/providers.md §5): the MD5 and SHA-256 of
//! the request's DER and a unique value per order give the Sectigo CNAME record, the HTTP file
//! and its lines; e-mail goes to the approver chosen from the constructed mailboxes.

use certorder::domain::DomainName;

/// The hashes of one request and the order's unique value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DcvValues {
    /// MD5 of the DER request, upper-case hex.
    pub md5: String,
    /// SHA-256 of the DER request, upper-case hex.
    pub sha256: String,
    /// The order's unique value.
    pub unique: String,
}

/// The name DCV is done at: a wildcard's base name (an Authorization Domain Name never holds
/// `*`, docs/providers.md §6).
pub fn base_name(name: &str) -> &str {
    name.strip_prefix("*.").unwrap_or(name)
}

impl DcvValues {
    /// The CNAME record's owner: `_<MD5>.<name>`.
    pub fn cname_name(&self, name: &str) -> String {
        format!("_{}.{}", self.md5, base_name(name))
    }

    /// The CNAME record's target: `<SHA-256 first 32>.<SHA-256 last 32>.<unique>.sectigo.com`.
    pub fn cname_value(&self) -> String {
        let (first, last) = self.sha256.split_at(self.sha256.len().min(32));
        format!("{first}.{last}.{}.sectigo.com", self.unique)
    }

    /// The validation file's path on the name's web server.
    pub fn file_path(&self) -> String {
        format!("/.well-known/pki-validation/{}.txt", self.md5)
    }

    /// The validation file's URL on `name` (HTTP; the CA also accepts HTTPS).
    pub fn file_url(&self, name: &str) -> String {
        format!("http://{}{}", base_name(name), self.file_path())
    }

    /// The validation file's exact lines: the SHA-256, `sectigo.com`, the unique value.
    pub fn file_content(&self) -> String {
        format!("{}\nsectigo.com\n{}", self.sha256, self.unique)
    }
}

/// The approver mailboxes the CA accepts for `name`: the constructed addresses at the name and
/// each parent down to the registrable domain, a wildcard at its base name.
pub fn approver_emails(name: &str) -> Vec<String> {
    DomainName::parse(name)
        .map(|n| n.approver_candidates())
        .unwrap_or_default()
}

/// Whether `email` is one of the mailboxes accepted for `name`.
pub fn is_approver(name: &str, email: &str) -> bool {
    approver_emails(name)
        .iter()
        .any(|e| e.eq_ignore_ascii_case(email))
}

/// A fresh unique value: `len` random letters and digits.
pub fn unique_value(len: usize) -> String {
    const ALPHABET: &[u8; 62] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    let mut bytes = vec![0u8; len];
    // Without an entropy source the value is still well-formed; uniqueness per order then
    // comes from the order id the callers mix in.
    let _ = getrandom::getrandom(&mut bytes);
    bytes
        .iter()
        .map(|b| char::from(ALPHABET[usize::from(*b) % ALPHABET.len()]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    // Guards: the record and file formats of docs/providers.md §5, wildcards at the base name.
    #[test]
    fn sectigo_formats() {
        let v = DcvValues {
            md5: "44209B1F7CD578B245E3A6F462DFADD4".into(),
            sha256: "DE92A0F7E4C0C1D2B3A4958677685940312B1C2D3E4F5A6B7C8D9E0F1A234712".into(),
            unique: "aHXEOOEh".into(),
        };
        assert_eq!(
            v.cname_name("*.thessllock.com"),
            "_44209B1F7CD578B245E3A6F462DFADD4.thessllock.com"
        );
        assert_eq!(
            v.cname_value(),
            "DE92A0F7E4C0C1D2B3A4958677685940.312B1C2D3E4F5A6B7C8D9E0F1A234712.aHXEOOEh.sectigo.com"
        );
        assert_eq!(
            v.file_url("www.example.com"),
            "http://www.example.com/.well-known/pki-validation/44209B1F7CD578B245E3A6F462DFADD4.txt"
        );
        assert_eq!(
            v.file_content().lines().collect::<Vec<_>>(),
            vec![v.sha256.as_str(), "sectigo.com", "aHXEOOEh"]
        );
        let a = unique_value(10);
        assert_eq!(a.len(), 10);
        assert!(a.chars().all(|c| c.is_ascii_alphanumeric()));
        assert_ne!(a, unique_value(10));
    }

    // Guards: approver mailboxes down to the registrable domain, wildcard at its base.
    #[test]
    fn approvers_walk_up_to_the_registrable_domain() {
        let emails = approver_emails("*.shop.example.co.uk");
        assert_eq!(
            emails.first().map(String::as_str),
            Some("admin@shop.example.co.uk")
        );
        assert!(emails.contains(&"webmaster@example.co.uk".to_owned()));
        assert!(!emails.iter().any(|e| e.ends_with("@co.uk")));
        assert!(is_approver("www.example.com", "ADMIN@example.com"));
        assert!(!is_approver("www.example.com", "root@example.com"));
    }
}
