//! What the customer must do for each name, in words, with the exact values to copy.

use crate::order::{DcvInstruction, DcvMethod, DcvStatus, NameValidation, OrderStatus};
use crate::text::status as text;

use super::downloads::{Download, validation_file};

/// One name's validation, ready to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameInstructions {
    /// The name.
    pub name: String,
    /// The method, in words.
    pub method: &'static str,
    /// How far it has got, in words.
    pub status: &'static str,
    /// Whether it is validated.
    pub done: bool,
    /// What to do, in one sentence.
    pub what_to_do: String,
    /// The values to enter, each with its label.
    pub fields: Vec<(&'static str, String)>,
    /// What this name's copy button copies.
    pub copy_text: String,
    /// The validation file to upload, for file methods.
    pub file: Option<Download>,
}

/// The method in words.
pub fn method_words(method: &DcvMethod) -> &'static str {
    match method {
        DcvMethod::Email => text::METHOD_EMAIL,
        DcvMethod::Dns => text::METHOD_DNS,
        DcvMethod::Http => text::METHOD_HTTP,
        DcvMethod::Https => text::METHOD_HTTPS,
        DcvMethod::Automatic => text::METHOD_AUTOMATIC,
        _ => text::METHOD_OTHER,
    }
}

/// An order's status in words.
pub fn status_words(status: &OrderStatus) -> &'static str {
    match status {
        OrderStatus::Pending => text::ORDER_PENDING,
        OrderStatus::Processing => text::ORDER_PROCESSING,
        OrderStatus::Issued => text::ORDER_ISSUED,
        OrderStatus::Rejected => text::ORDER_REJECTED,
        OrderStatus::Cancelled => text::ORDER_CANCELLED,
        OrderStatus::Revoked => text::ORDER_REVOKED,
        OrderStatus::Expired => text::ORDER_EXPIRED,
        OrderStatus::Replaced => text::ORDER_REPLACED,
        OrderStatus::Failed => text::ORDER_FAILED,
        _ => text::ORDER_UNKNOWN,
    }
}

fn dcv_status_words(status: &DcvStatus) -> &'static str {
    match status {
        DcvStatus::Pending => text::DCV_PENDING,
        DcvStatus::Attention => text::DCV_ATTENTION,
        DcvStatus::Valid => text::DCV_VALID,
        DcvStatus::Invalid => text::DCV_INVALID,
        _ => text::DCV_NOT_REPORTED,
    }
}

/// Every name's instructions, in the provider's order.
pub fn instructions(validations: &[NameValidation]) -> Vec<NameInstructions> {
    validations.iter().map(one).collect()
}

fn one(validation: &NameValidation) -> NameInstructions {
    let name = validation.name.clone();
    let (what_to_do, fields, file) = match &validation.instruction {
        Some(DcvInstruction::Dns(record)) => {
            let record_type = match &record.record_type {
                crate::order::DnsRecordType::Cname => "CNAME".to_owned(),
                crate::order::DnsRecordType::Txt => "TXT".to_owned(),
                crate::order::DnsRecordType::Caa => "CAA".to_owned(),
                crate::order::DnsRecordType::Other(word) => word.clone(),
            };
            (
                text::do_dns(&name),
                vec![
                    (text::FIELD_RECORD_NAME, record.name.clone()),
                    (text::FIELD_RECORD_TYPE, record_type),
                    (text::FIELD_RECORD_VALUE, record.value.clone()),
                ],
                None,
            )
        }
        Some(DcvInstruction::File { url, content }) => (
            text::do_file(&name),
            vec![
                (text::FIELD_FILE_URL, url.clone()),
                (text::FIELD_FILE_CONTENT, content.clone()),
            ],
            Some(validation_file(url, content)),
        ),
        Some(DcvInstruction::Email { approver }) => (
            text::do_email(approver),
            vec![(text::FIELD_APPROVER, approver.clone())],
            None,
        ),
        Some(DcvInstruction::Text { message }) => (message.clone(), Vec::new(), None),
        None => (text::DO_WAIT.to_owned(), Vec::new(), None),
    };
    let copy_text = copy_text(&name, &fields);
    NameInstructions {
        method: method_words(&validation.method),
        status: dcv_status_words(&validation.status),
        done: validation.status == DcvStatus::Valid,
        name,
        what_to_do,
        fields,
        copy_text,
        file,
    }
}

fn copy_text(name: &str, fields: &[(&'static str, String)]) -> String {
    let mut out = format!("{name}\n");
    for (label, value) in fields {
        out.push_str(label);
        out.push_str(": ");
        out.push_str(value);
        out.push('\n');
    }
    out
}

/// What "copy all" copies: every name still to validate, one block each.
pub fn copy_all(items: &[NameInstructions]) -> String {
    items
        .iter()
        .filter(|i| !i.done && !i.fields.is_empty())
        .map(|i| i.copy_text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::order::{DnsRecord, DnsRecordType};

    fn dns(name: &str, status: DcvStatus) -> NameValidation {
        NameValidation {
            name: name.into(),
            method: DcvMethod::Dns,
            status,
            instruction: Some(DcvInstruction::Dns(DnsRecord {
                name: format!("_abc.{name}."),
                record_type: DnsRecordType::Cname,
                value: "xyz.sectigo.com.".into(),
                ttl: None,
            })),
        }
    }

    // Guards: a DNS name gets its record's exact values, and its copy text holds them all.
    #[test]
    fn dns_instructions_carry_the_exact_record() {
        let items = instructions(&[dns("shop.certorder-demo.net", DcvStatus::Pending)]);
        let item = &items[0];
        assert_eq!(item.method, text::METHOD_DNS);
        assert!(!item.done);
        assert_eq!(
            item.fields,
            [
                (
                    text::FIELD_RECORD_NAME,
                    "_abc.shop.certorder-demo.net.".to_owned()
                ),
                (text::FIELD_RECORD_TYPE, "CNAME".to_owned()),
                (text::FIELD_RECORD_VALUE, "xyz.sectigo.com.".to_owned()),
            ]
        );
        assert!(
            item.copy_text.contains("_abc.shop.certorder-demo.net.")
                && item.copy_text.contains("xyz.sectigo.com.")
        );
    }

    // Guards: a file method offers the file under the URL's name with the exact content.
    #[test]
    fn file_instructions_offer_the_file() {
        let items = instructions(&[NameValidation {
            name: "shop.certorder-demo.net".into(),
            method: DcvMethod::Http,
            status: DcvStatus::Pending,
            instruction: Some(DcvInstruction::File {
                url: "http://shop.certorder-demo.net/.well-known/pki-validation/F00.txt".into(),
                content: "hash\nsectigo.com\n".into(),
            }),
        }]);
        let file = items[0].file.clone();
        assert_eq!(file.as_ref().map(|f| f.file_name.as_str()), Some("F00.txt"));
        assert_eq!(
            file.map(|f| f.content),
            Some("hash\nsectigo.com\n".to_owned())
        );
    }

    // Guards: "copy all" has every name still to validate, and nothing of validated ones.
    #[test]
    fn copy_all_skips_validated_names() {
        let items = instructions(&[
            dns("a.certorder-demo.net", DcvStatus::Pending),
            dns("b.certorder-demo.net", DcvStatus::Valid),
            dns("c.certorder-demo.net", DcvStatus::Attention),
        ]);
        let all = copy_all(&items);
        assert!(
            all.contains("_abc.a.certorder-demo.net.")
                && all.contains("_abc.c.certorder-demo.net.")
        );
        assert!(!all.contains("_abc.b.certorder-demo.net."), "{all}");
        assert!(items[1].done);
    }

    // Guards: every status has words, an unknown one too; an e-mail method names the mailbox.
    #[test]
    fn words() {
        assert_eq!(status_words(&OrderStatus::Issued), text::ORDER_ISSUED);
        assert_eq!(
            status_words(&OrderStatus::Unknown("weird".into())),
            text::ORDER_UNKNOWN
        );
        let items = instructions(&[NameValidation {
            name: "shop.certorder-demo.net".into(),
            method: DcvMethod::Email,
            status: DcvStatus::NotReported,
            instruction: Some(DcvInstruction::Email {
                approver: "admin@certorder-demo.net".into(),
            }),
        }]);
        assert!(items[0].what_to_do.contains("admin@certorder-demo.net"));
        assert_eq!(items[0].status, text::DCV_NOT_REPORTED);
    }
}
