//! The JSON line format: one object per event, `timestamp`, `level`, the event's fields
//! (`message` among them) and `target`, as tracing-subscriber's own JSON format with
//! `flatten_event(true)` writes them.
//!
//! Written here because the request line is on every request's path: the stock JSON
//! formatter gathers the fields into a map of `serde_json::Value`s and formats every `%`
//! field through a `String` first, about five times the work of writing them straight out
//! (measured with callgrind on the proxy route, see BENCHMARKS.md). Span context is not
//! written; the server's events carry everything in their own fields.

use std::fmt::{self, Write as _};

use tracing::field::{Field, Visit};
use tracing::{Event, Subscriber};
use tracing_subscriber::fmt::format::Writer;
use tracing_subscriber::fmt::time::{FormatTime, SystemTime};
use tracing_subscriber::fmt::{FmtContext, FormatEvent, FormatFields};
use tracing_subscriber::registry::LookupSpan;

/// The event formatter for JSON lines.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct JsonLines;

impl<S, N> FormatEvent<S, N> for JsonLines
where
    S: Subscriber + for<'a> LookupSpan<'a>,
    N: for<'a> FormatFields<'a> + 'static,
{
    fn format_event(
        &self,
        _ctx: &FmtContext<'_, S, N>,
        mut writer: Writer<'_>,
        event: &Event<'_>,
    ) -> fmt::Result {
        let meta = event.metadata();
        let mut line = String::with_capacity(256);
        line.push_str("{\"timestamp\":\"");
        SystemTime.format_time(&mut Writer::new(&mut line))?;
        line.push_str("\",\"level\":\"");
        line.push_str(meta.level().as_str());
        line.push('"');
        let mut fields = Fields {
            line: &mut line,
            result: Ok(()),
        };
        event.record(&mut fields);
        fields.result?;
        line.push_str(",\"target\":");
        push_str(&mut line, meta.target());
        line.push_str("}\n");
        writer.write_str(&line)
    }
}

/// Writes each field as `,"name":value`.
struct Fields<'a> {
    line: &'a mut String,
    result: fmt::Result,
}

impl Fields<'_> {
    fn key(&mut self, field: &Field) {
        self.line.push(',');
        push_str(self.line, field.name());
        self.line.push(':');
    }
}

impl Visit for Fields<'_> {
    fn record_str(&mut self, field: &Field, value: &str) {
        self.key(field);
        push_str(self.line, value);
    }

    fn record_u64(&mut self, field: &Field, value: u64) {
        self.key(field);
        if self.result.is_ok() {
            self.result = write!(self.line, "{value}");
        }
    }

    fn record_i64(&mut self, field: &Field, value: i64) {
        self.key(field);
        if self.result.is_ok() {
            self.result = write!(self.line, "{value}");
        }
    }

    fn record_bool(&mut self, field: &Field, value: bool) {
        self.key(field);
        self.line.push_str(if value { "true" } else { "false" });
    }

    fn record_f64(&mut self, field: &Field, value: f64) {
        self.key(field);
        if value.is_finite() {
            if self.result.is_ok() {
                self.result = write!(self.line, "{value}");
            }
        } else {
            self.line.push_str("null");
        }
    }

    fn record_debug(&mut self, field: &Field, value: &dyn fmt::Debug) {
        self.key(field);
        let mut text = String::new();
        if self.result.is_ok() {
            self.result = write!(text, "{value:?}");
        }
        push_str(self.line, &text);
    }
}

/// A JSON string literal: quotes, backslash and control characters escaped.
fn push_str(line: &mut String, value: &str) {
    line.push('"');
    let mut plain = 0;
    for (i, c) in value.char_indices() {
        let escaped = match c {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            c if u32::from(c) < 0x20 => "",
            _ => continue,
        };
        line.push_str(value.get(plain..i).unwrap_or_default());
        if escaped.is_empty() {
            let _ = write!(line, "\\u{:04x}", u32::from(c));
        } else {
            line.push_str(escaped);
        }
        plain = i + c.len_utf8();
    }
    line.push_str(value.get(plain..).unwrap_or_default());
    line.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    // Guards: every string comes out as valid JSON, whatever it holds.
    #[test]
    fn strings_are_escaped() {
        for text in [
            "plain",
            "",
            "a\"b\\c",
            "line\nbreak\ttab\r",
            "\u{1}\u{1f}é€😀",
        ] {
            let mut line = String::new();
            push_str(&mut line, text);
            let back: String = serde_json::from_str(&line).expect(&line);
            assert_eq!(back, text);
        }
    }

    // Guards: a line is one JSON object with the stock format's keys and the fields' types.
    #[test]
    fn a_line_is_one_json_object() {
        let capture = std::sync::Arc::new(std::sync::Mutex::new(Vec::<u8>::new()));
        let sink = capture.clone();
        let subscriber = tracing_subscriber::fmt()
            .event_format(JsonLines)
            .with_writer(move || Sink(sink.clone()))
            .finish();
        tracing::subscriber::with_default(subscriber, || {
            tracing::info!(
                target: "certorder::request",
                method = %"GET",
                status = 200_u16,
                ok = true,
                delta = -3_i64,
                duration_ms = 0.25,
                nan = f64::NAN,
                "request \"quoted\""
            );
        });
        let text = String::from_utf8(capture.lock().expect("lock").clone()).expect("utf-8");
        assert_eq!(text.lines().count(), 1, "{text}");
        let line: serde_json::Value = serde_json::from_str(&text).expect(&text);
        assert_eq!(line["level"], "INFO");
        assert_eq!(line["target"], "certorder::request");
        assert_eq!(line["message"], "request \"quoted\"");
        assert_eq!(line["method"], "GET");
        assert_eq!(line["status"], 200);
        assert_eq!(line["ok"], true);
        assert_eq!(line["delta"], -3);
        assert_eq!(line["duration_ms"], 0.25);
        assert!(line["nan"].is_null());
        assert!(line["timestamp"].as_str().is_some_and(|t| t.ends_with('Z')));
    }

    struct Sink(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

    impl std::io::Write for Sink {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.lock().expect("lock").extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
}
