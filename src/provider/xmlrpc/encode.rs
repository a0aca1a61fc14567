//! Encoding calls, responses and faults.

use std::fmt::Write as _;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use quick_xml::escape::partial_escape;

use super::{Fault, MethodCall, Value};

const DECLARATION: &str = "<?xml version=\"1.0\"?>\n";

/// The `<methodCall>` document for a call.
pub(super) fn encode_call(call: &MethodCall) -> String {
    let mut out = String::from(DECLARATION);
    out.push_str("<methodCall><methodName>");
    out.push_str(&escape_text(&call.method));
    out.push_str("</methodName><params>");
    for param in &call.params {
        out.push_str("<param>");
        write_value(&mut out, param);
        out.push_str("</param>");
    }
    out.push_str("</params></methodCall>\n");
    out
}

/// A `<methodResponse>` carrying one value (the sandbox server answers with these).
pub fn encode_response(value: &Value) -> String {
    let mut out = String::from(DECLARATION);
    out.push_str("<methodResponse><params><param>");
    write_value(&mut out, value);
    out.push_str("</param></params></methodResponse>\n");
    out
}

/// A `<methodResponse>` carrying a fault.
pub fn encode_fault(fault: &Fault) -> String {
    let mut out = String::from(DECLARATION);
    out.push_str("<methodResponse><fault>");
    write_value(
        &mut out,
        &Value::structure([
            ("faultCode", Value::Int(fault.code)),
            ("faultString", Value::String(fault.string.clone())),
        ]),
    );
    out.push_str("</fault></methodResponse>\n");
    out
}

/// Escapes text content. A carriage return is written as a character reference because XML
/// end-of-line handling would otherwise turn it into a line feed on the other side.
fn escape_text(s: &str) -> String {
    partial_escape(s).replace('\r', "&#13;")
}

/// Writes `<value>…</value>`. Recursion follows the value's own nesting, which the caller
/// built (or the decoder bounded).
fn write_value(out: &mut String, value: &Value) {
    out.push_str("<value>");
    match value {
        Value::Int(n) => {
            let _ = write!(out, "<int>{n}</int>");
        }
        Value::Boolean(b) => {
            let _ = write!(out, "<boolean>{}</boolean>", u8::from(*b));
        }
        Value::String(s) => {
            out.push_str("<string>");
            out.push_str(&escape_text(s));
            out.push_str("</string>");
        }
        Value::Double(x) => {
            // The spec's grammar has no exponent, and `Display` never writes one; a decimal
            // point is added to whole numbers. Non-finite numbers have no XML-RPC form.
            let x = if x.is_finite() { *x } else { 0.0 };
            let text = x.to_string();
            let point = if text.contains('.') { "" } else { ".0" };
            let _ = write!(out, "<double>{text}{point}</double>");
        }
        Value::DateTime(d) => {
            let _ = write!(out, "<dateTime.iso8601>{d}</dateTime.iso8601>");
        }
        Value::Base64(bytes) => {
            out.push_str("<base64>");
            out.push_str(&STANDARD.encode(bytes));
            out.push_str("</base64>");
        }
        Value::Struct(members) => {
            out.push_str("<struct>");
            for (name, member) in members {
                out.push_str("<member><name>");
                out.push_str(&escape_text(name));
                out.push_str("</name>");
                write_value(out, member);
                out.push_str("</member>");
            }
            out.push_str("</struct>");
        }
        Value::Array(items) => {
            out.push_str("<array><data>");
            for item in items {
                write_value(out, item);
            }
            out.push_str("</data></array>");
        }
        Value::Nil => out.push_str("<nil/>"),
    }
    out.push_str("</value>");
}
