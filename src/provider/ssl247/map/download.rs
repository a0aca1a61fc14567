//! Certificate downloads: the text of a download and the leaf certificate in it.

use crate::order::Certificate;
use crate::provider::ProviderError;
use crate::provider::ssl247::certificate::Download;

use super::text;

/// The text of a download: the member named after the type, else the first text member.
pub(crate) fn download_text(download: &Download, kind: &str) -> Option<String> {
    download
        .iter()
        .find_map(|m| m.get(kind).and_then(|s| text(Some(s))))
        .or_else(|| {
            download
                .iter()
                .flat_map(|m| m.values())
                .find_map(|s| text(Some(s)))
        })
}

/// Splits PEM text into its certificates.
pub(crate) fn pem_blocks(text: &str) -> Vec<String> {
    const END: &str = "-----END CERTIFICATE-----";
    text.split_inclusive(END)
        .map(str::trim)
        .filter(|b| b.starts_with("-----BEGIN") && b.ends_with(END))
        .map(|b| format!("{b}\n"))
        .collect()
}

/// The leaf certificate from an `x509` download.
pub fn leaf(download: &Download) -> Result<Certificate, ProviderError> {
    download_text(download, "x509")
        .map(|t| Certificate::from_pem_or_base64(&t))
        .ok_or_else(|| ProviderError::UnexpectedResponse("no x509 certificate in Data".into()))
}
