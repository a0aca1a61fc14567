//! Constructed approver mailboxes for email domain-control validation.

use super::suffix;

/// The local parts a CA may write to without looking the domain up (BR §3.2.2.4.4,
/// "Constructed Email to Domain Contact"), in the order they are offered.
const LOCAL_PARTS: [&str; 5] = [
    "admin",
    "administrator",
    "hostmaster",
    "postmaster",
    "webmaster",
];

/// Mailboxes at the name and at each parent down to its registrable domain (each an
/// "Authorization Domain Name", BR §1.6.1), name first. Empty without a registrable domain.
pub(super) fn candidates(name: &str) -> Vec<String> {
    let Some(registrable) = suffix::registrable_domain(name) else {
        return Vec::new();
    };
    let mut out: Vec<String> = Vec::new();
    let mut domain = name;
    loop {
        for local in LOCAL_PARTS {
            let mailbox = format!("{local}@{domain}");
            if !out.contains(&mailbox) {
                out.push(mailbox);
            }
        }
        if domain.len() <= registrable.len() {
            break;
        }
        match domain.split_once('.') {
            Some((_, parent)) => domain = parent,
            None => break,
        }
    }
    out
}
