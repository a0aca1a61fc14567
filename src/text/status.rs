//! Strings of step 7, the status page, and of the list of orders placed in this browser.

/// The status page's heading.
pub const HEADING: &str = "Your order";
/// The orders page's heading.
pub const ORDERS_HEADING: &str = "Orders placed in this browser";
/// No orders yet.
pub const ORDERS_EMPTY: &str = "No order has been placed in this browser yet.";
/// Why the list exists.
pub const ORDERS_HINT: &str = "This list is kept in this browser only. Open an order to see its status and download its certificate.";
/// The order is not in this browser's book.
pub const UNKNOWN_ORDER: &str = "This browser has no order with that number. Orders are listed \
     only in the browser that placed them.";
/// Label of the order id.
pub const ORDER_ID: &str = "Order number";
/// Label of the provider.
pub const PROVIDER: &str = "Provider";
/// Label of the product.
pub const PRODUCT: &str = "Product";
/// Label of the names.
pub const NAMES: &str = "Names";
/// Label of the placement time.
pub const PLACED: &str = "Placed";
/// Label of the status.
pub const STATUS: &str = "Status";
/// Label of the chosen validation.
pub const CHOSEN_VALIDATION: &str = "Validation chosen";
/// Label of the approver.
pub const APPROVER: &str = "Approver";
/// All names.
pub const ALL_NAMES: &str = "all names";
/// Heading of the DCV section.
pub const DCV_HEADING: &str = "Prove you control each name";
/// Name of the group of validation actions (resend, change, mark done): a landmark of its own,
/// so its name differs from the DCV section's.
pub const DCV_ACTIONS: &str = "Validation actions";
/// Heading of the downloads section.
pub const DOWNLOADS_HEADING: &str = "Download your certificate";
/// Button: check the status now.
pub const CHECK_NOW: &str = "Check now";
/// Shown while the status is read.
pub const CHECKING: &str = "Checking the order's status…";
/// Never read yet.
pub const NOT_CHECKED_YET: &str = "Not checked yet";
/// Button: copy one name's values.
pub fn copy_for(name: &str) -> String {
    format!("Copy the values for {name}")
}
/// Button: copy all.
pub const COPY_ALL: &str = "Copy all";
/// After a copy.
pub const COPIED: &str = "Copied to the clipboard.";
/// When the clipboard is not available.
pub const COPY_FAILED: &str = "Copying failed: select the text and copy it yourself.";
/// Button: resend DCV.
pub const RESEND: &str = "Send the validation again";
/// After a resend.
pub const RESENT: &str = "The validation was sent again.";
/// Button: change the DCV method.
pub const CHANGE_DCV: &str = "Change the validation method";
/// Label of the method picker.
pub const NEW_METHOD: &str = "New validation method";
/// Button: apply the change.
pub const APPLY_CHANGE: &str = "Change method";
/// After a change.
pub const CHANGED: &str = "The validation method was changed.";
/// Button of the sandbox control.
pub const MARK_DCV_DONE: &str = "Mark validation done (sandbox)";
/// What the sandbox control does.
pub const MARK_DCV_HINT: &str = "Sandbox only: tells the simulated provider that every name is validated, so the certificate is issued.";
/// After the sandbox control.
pub const MARKED: &str = "Validation marked done. Checking the status…";
/// Shown while the certificate downloads.
pub const DOWNLOADING: &str = "Fetching the certificate…";
/// Link text: the certificate.
pub const DOWNLOAD_CERTIFICATE: &str = "Certificate (PEM)";
/// Link text: the chain.
pub const DOWNLOAD_CHAIN: &str = "Intermediate chain (PEM)";
/// Link text: the full bundle.
pub const DOWNLOAD_BUNDLE: &str = "Full bundle: certificate and chain (PEM)";
/// Link text: the validation file.
pub fn download_validation_file(file_name: &str) -> String {
    format!("Download the validation file {file_name}")
}
/// The in-doubt heading.
pub const IN_DOUBT_HEADING: &str = "We could not confirm your order";
/// The in-doubt explanation.
pub const IN_DOUBT: &str = "Your order was sent to the provider but no answer came back, so it \
     may or may not have been placed. Do not order again: ask the site's support to look it up \
     with the reference below before ordering anything else.";
/// Label of the in-doubt reference.
pub const IN_DOUBT_REFERENCE: &str = "Reference";
/// "Last checked …".
pub fn last_checked(seconds: u64) -> String {
    match seconds {
        0..=4 => "Last checked just now".to_owned(),
        5..=59 => format!("Last checked {seconds} seconds ago"),
        60..=119 => "Last checked 1 minute ago".to_owned(),
        _ => format!("Last checked {} minutes ago", seconds / 60),
    }
}

/// Method: e-mail.
pub const METHOD_EMAIL: &str = "E-mail to an approver";
/// Method: DNS.
pub const METHOD_DNS: &str = "DNS record";
/// Method: HTTP file.
pub const METHOD_HTTP: &str = "File on the web site (HTTP)";
/// Method: HTTPS file.
pub const METHOD_HTTPS: &str = "File on the web site (HTTPS)";
/// Method: automatic.
pub const METHOD_AUTOMATIC: &str = "Automatic (the provider publishes it)";
/// Method: another.
pub const METHOD_OTHER: &str = "The provider's method";

/// Order status words.
pub const ORDER_PENDING: &str = "Waiting for domain validation";
/// Order status words.
pub const ORDER_PROCESSING: &str = "Being issued by the certificate authority";
/// Order status words.
pub const ORDER_ISSUED: &str = "Issued: your certificate is ready";
/// Order status words.
pub const ORDER_REJECTED: &str = "Refused by the certificate authority";
/// Order status words.
pub const ORDER_CANCELLED: &str = "Cancelled";
/// Order status words.
pub const ORDER_REVOKED: &str = "Revoked";
/// Order status words.
pub const ORDER_EXPIRED: &str = "Expired";
/// Order status words.
pub const ORDER_REPLACED: &str = "Replaced by a reissue or renewal";
/// Order status words.
pub const ORDER_FAILED: &str = "Failed";
/// Order status words.
pub const ORDER_UNKNOWN: &str = "In a state the provider names in its own words";

/// DCV status words.
pub const DCV_PENDING: &str = "Waiting";
/// DCV status words.
pub const DCV_ATTENTION: &str = "Needs your attention";
/// DCV status words.
pub const DCV_VALID: &str = "Validated";
/// DCV status words.
pub const DCV_INVALID: &str = "Failed";
/// DCV status words.
pub const DCV_NOT_REPORTED: &str = "Not reported yet";

/// Field labels.
pub const FIELD_RECORD_NAME: &str = "Record name";
/// Field labels.
pub const FIELD_RECORD_TYPE: &str = "Type";
/// Field labels.
pub const FIELD_RECORD_VALUE: &str = "Value";
/// Field labels.
pub const FIELD_FILE_URL: &str = "File address";
/// Field labels.
pub const FIELD_FILE_CONTENT: &str = "File content";
/// Field labels.
pub const FIELD_APPROVER: &str = "Approver";

/// What to do: DNS.
pub fn do_dns(name: &str) -> String {
    format!("Add this DNS record in the zone of {name}, exactly as shown.")
}
/// What to do: file.
pub fn do_file(name: &str) -> String {
    format!(
        "Put this file on the web site of {name} at the address shown, with exactly this content."
    )
}
/// What to do: e-mail.
pub fn do_email(approver: &str) -> String {
    format!("Open the e-mail sent to {approver} and follow its link to approve the certificate.")
}
/// What to do: nothing yet.
pub const DO_WAIT: &str = "The provider has not given instructions for this name yet.";
