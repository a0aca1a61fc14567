//! Files the status page offers: the validation file to upload, and once issued the
//! certificate, its chain and the full bundle, as PEM files named after the order's name.

use crate::order::Certificate;
use crate::text::status as text;

/// A file offered for download.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Download {
    /// What the link says.
    pub label: String,
    /// The file name saved.
    pub file_name: String,
    /// The media type.
    pub media_type: &'static str,
    /// The content.
    pub content: String,
}

/// The media type of PEM files (RFC 7468 §9 registers none; this is what servers send).
const PEM: &str = "application/x-pem-file";

/// A name as a file-name stem: a wildcard's `*` becomes `wildcard`, anything but letters,
/// digits, `.`, `-` and `_` becomes `_`, and nothing is empty.
pub fn file_stem(name: &str) -> String {
    let name = name.trim().trim_end_matches('.');
    let name = name
        .strip_prefix("*.")
        .map_or_else(|| name.to_owned(), |rest| format!("wildcard.{rest}"));
    let stem: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let stem = stem.trim_matches('.').to_owned();
    if stem.is_empty() {
        "certificate".to_owned()
    } else {
        stem
    }
}

/// The certificate (leaf), the chain (when the provider gave one) and the full bundle (leaf
/// then chain), named after `name`.
pub fn certificate_downloads(certificate: &Certificate, name: &str) -> Vec<Download> {
    let stem = file_stem(name);
    let leaf = ensure_newline(&certificate.pem);
    let chain: String = certificate
        .chain
        .iter()
        .map(|c| ensure_newline(c))
        .collect();
    let mut files = vec![Download {
        label: text::DOWNLOAD_CERTIFICATE.to_owned(),
        file_name: format!("{stem}.crt.pem"),
        media_type: PEM,
        content: leaf.clone(),
    }];
    if !chain.is_empty() {
        files.push(Download {
            label: text::DOWNLOAD_CHAIN.to_owned(),
            file_name: format!("{stem}.chain.pem"),
            media_type: PEM,
            content: chain.clone(),
        });
    }
    files.push(Download {
        label: text::DOWNLOAD_BUNDLE.to_owned(),
        file_name: format!("{stem}.fullchain.pem"),
        media_type: PEM,
        content: format!("{leaf}{chain}"),
    });
    files
}

/// The validation file for a URL the CA fetches: named as the URL's last segment.
pub fn validation_file(url: &str, content: &str) -> Download {
    let path = url.split(['?', '#']).next().unwrap_or_default();
    let last = path.rsplit('/').next().unwrap_or_default();
    let file_name: String = last
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
        .collect();
    let file_name = if file_name.trim_matches('.').is_empty() {
        "validation.txt".to_owned()
    } else {
        file_name
    };
    Download {
        label: text::download_validation_file(&file_name),
        file_name,
        media_type: "text/plain",
        content: content.to_owned(),
    }
}

fn ensure_newline(pem: &str) -> String {
    let trimmed = pem.trim();
    if trimmed.is_empty() {
        String::new()
    } else {
        format!("{trimmed}\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Guards: file names stay safe and say which name they are for.
    #[test]
    fn file_names() {
        assert_eq!(
            file_stem("shop.certorder-demo.net"),
            "shop.certorder-demo.net"
        );
        assert_eq!(
            file_stem("*.certorder-demo.net."),
            "wildcard.certorder-demo.net"
        );
        assert_eq!(file_stem("../../etc/passwd"), "_.._etc_passwd");
        assert_eq!(file_stem(""), "certificate");
        let file = validation_file(
            "http://shop.certorder-demo.net/.well-known/pki-validation/ABC123.txt?x=1",
            "line\n",
        );
        assert_eq!(file.file_name, "ABC123.txt");
        assert_eq!(
            validation_file("http://h/", "x").file_name,
            "validation.txt"
        );
        assert_eq!(
            validation_file("http://h/..", "x").file_name,
            "validation.txt"
        );
    }

    // Guards: the bundle is the leaf then the chain, each ending in one newline; no chain,
    // no chain file.
    #[test]
    fn certificate_files() {
        let leaf = "-----BEGIN CERTIFICATE-----\nAAA\n-----END CERTIFICATE-----";
        let inter = "-----BEGIN CERTIFICATE-----\nBBB\n-----END CERTIFICATE-----\n\n";
        let certificate = Certificate {
            pem: leaf.into(),
            chain: vec![inter.into()],
        };
        let files = certificate_downloads(&certificate, "*.certorder-demo.net");
        let names: Vec<&str> = files.iter().map(|f| f.file_name.as_str()).collect();
        assert_eq!(
            names,
            [
                "wildcard.certorder-demo.net.crt.pem",
                "wildcard.certorder-demo.net.chain.pem",
                "wildcard.certorder-demo.net.fullchain.pem"
            ]
        );
        assert_eq!(files[2].content, format!("{leaf}\n{}\n", inter.trim()));
        let alone = Certificate {
            pem: leaf.into(),
            chain: Vec::new(),
        };
        assert_eq!(
            certificate_downloads(&alone, "a.certorder-demo.net").len(),
            2
        );
    }
}
