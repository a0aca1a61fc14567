//! Reading the flat JSON objects the benchmark runners print, one per line.
//!
//! The runners are ours (examples/inspect_throughput.rs, bench/browser/bench.mjs) and print only
//! flat objects of strings, numbers and booleans, so a few lines of scanning do instead of a
//! JSON dependency for every `cargo xtask` build.

/// One flat JSON object: its fields in order, values still as JSON text.
#[derive(Debug, Default)]
pub(crate) struct Object {
    fields: Vec<(String, String)>,
}

impl Object {
    /// Parses `{"name": value, …}`; None when the line is not such an object.
    pub(crate) fn parse(line: &str) -> Option<Self> {
        let mut rest = line.trim().strip_prefix('{')?.trim_start();
        let mut fields = Vec::new();
        loop {
            if let Some(after) = rest.strip_prefix('}') {
                return after.trim().is_empty().then_some(Self { fields });
            }
            let (name, after) = string(rest)?;
            rest = after.trim_start().strip_prefix(':')?.trim_start();
            let end = if rest.starts_with('"') {
                let (_, after) = string(rest)?;
                rest.len() - after.len()
            } else {
                rest.find([',', '}'])?
            };
            fields.push((name, rest[..end].trim().to_owned()));
            rest = rest[end..].trim_start();
            rest = rest.strip_prefix(',').unwrap_or(rest).trim_start();
        }
    }

    fn raw(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// A string field.
    pub(crate) fn str(&self, name: &str) -> Option<String> {
        string(self.raw(name)?).map(|(s, _)| s)
    }

    /// A number field.
    pub(crate) fn num(&self, name: &str) -> Option<f64> {
        self.raw(name)?.parse().ok()
    }
}

/// Reads a JSON string at the start of `s`: its value and what follows it.
fn string(s: &str) -> Option<(String, &str)> {
    let mut chars = s.strip_prefix('"')?.char_indices();
    let mut out = String::new();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Some((out, &s[i + 2..])),
            '\\' => match chars.next()?.1 {
                'n' => out.push('\n'),
                't' => out.push('\t'),
                'r' => out.push('\r'),
                'u' => {
                    let hex: String = (0..4).filter_map(|_| chars.next().map(|c| c.1)).collect();
                    let code = u32::from_str_radix(&hex, 16).ok()?;
                    out.push(char::from_u32(code).unwrap_or('\u{fffd}'));
                }
                other => out.push(other),
            },
            c => out.push(c),
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::Object;

    #[test]
    fn reads_flat_objects() {
        let o = Object::parse(r#"{"key":"p256","ops":12,"ops_per_sec":1.5e3,"valid":true}"#)
            .unwrap_or_default();
        assert_eq!(o.str("key").as_deref(), Some("p256"));
        assert_eq!(o.num("ops"), Some(12.0));
        assert_eq!(o.num("ops_per_sec"), Some(1500.0));
        assert_eq!(o.raw("valid"), Some("true"));
        let e = Object::parse(r#"{"key":"x","error":"a \"b\", c}\n"}"#).unwrap_or_default();
        assert_eq!(e.str("error").as_deref(), Some("a \"b\", c}\n"));
        assert!(Object::parse("not json").is_none());
    }
}
