//! The crate's modules depend on each other in one direction only.
//!
//! From the bottom up:
//!
//! 0. foundations: `http`, `domain`, `csr`;
//! 1. the model: `product` (provider kind, capabilities, products) and `order` (drafts,
//!    handles, states, DCV, certificates and the draft check);
//! 2. the provider layer: the `Provider` trait, flows, the common error, the XML-RPC codec and
//!    the neutral "not issued yet" reading (`provider`, `provider::flow`, `provider::error`,
//!    `provider::xmlrpc`, `provider::not_issued`);
//! 3. what the two Gandi adapters share (`provider::gandi`);
//! 4. the adapters (`provider::gandi_v3`, `provider::gandi_v5`, `provider::gjirafa`,
//!    `provider::realtimeregister`, `provider::ssl247`, and any new child of `provider`), none
//!    of which uses another;
//! 5. the widget's rules in plain Rust: the string catalog and the order wizard (`text`,
//!    `wizard`), which use the model and never the provider layer;
//! 6. the widget (`ui`).
//!
//! A module may name its own layer or a lower one, never a higher one. The test reads every
//! source file, resolves each `crate::…` and `super::…` path outside comments, and names the
//! file and line of every path that points up.

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

/// The layers, bottom first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Layer {
    Foundation,
    Model,
    Provider,
    GandiShared,
    Adapter,
    Wizard,
    Ui,
}

impl fmt::Display for Layer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Foundation => "foundation (http, domain, csr)",
            Self::Model => "model (product, order)",
            Self::Provider => "provider layer (trait, flow, error, xmlrpc, not_issued)",
            Self::GandiShared => "shared Gandi module",
            Self::Adapter => "adapter",
            Self::Wizard => "widget rules (text, wizard)",
            Self::Ui => "widget",
        })
    }
}

/// The children of `provider` that belong to the provider layer itself.
const PROVIDER_COMMON: [&str; 5] = ["flow", "error", "xmlrpc", "capabilities", "not_issued"];

/// The one upward edge the design has: the common error keeps each adapter's own error as a
/// sub-error, so `provider::error` names those types and their variants (nothing else of them).
const ALLOWED: [(&str, &[&str]); 1] = [(
    "provider/error.rs",
    &[
        "provider::gandi_v3::Error",
        "provider::gandi_v5::Error",
        "provider::gjirafa::GjirafaError",
        "provider::ssl247::Ssl247Error",
        "provider::realtimeregister::RtrError",
    ],
)];

/// Where a module path sits: its layer, and for an adapter which one.
fn place(path: &[String]) -> Option<(Layer, Option<&str>)> {
    let first = path.first()?.as_str();
    let layer = match first {
        "http" | "domain" | "csr" => Layer::Foundation,
        "product" | "order" => Layer::Model,
        "text" | "wizard" => Layer::Wizard,
        "ui" => Layer::Ui,
        "provider" => match path.get(1).map(String::as_str) {
            // The module itself or a type or trait at its root (`crate::provider::Provider`):
            // the provider layer. Any other lower-case child is an adapter module.
            None => Layer::Provider,
            Some(child) if PROVIDER_COMMON.contains(&child) => Layer::Provider,
            Some("gandi") => Layer::GandiShared,
            Some(child) if is_module_name(child) => {
                return Some((Layer::Adapter, Some(path[1].as_str())));
            }
            Some(_) => Layer::Provider,
        },
        _ => return None,
    };
    Some((layer, None))
}

fn is_module_name(name: &str) -> bool {
    name.chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// The module path of a source file below `src/` (`provider/gandi_v3/calls.rs` →
/// `provider::gandi_v3::calls`); `None` for the crate roots.
fn module_of(relative: &Path) -> Option<Vec<String>> {
    let mut parts: Vec<String> = relative
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let last = parts.pop()?;
    let stem = last.strip_suffix(".rs")?;
    if parts.is_empty() && (stem == "lib" || stem == "main") {
        return None;
    }
    parts.push(stem.to_owned());
    Some(parts)
}

/// Source with comments blanked out (line structure kept), so doc links and prose do not count.
/// String, raw-string and char literals are kept as they are, so a `//` inside one is no comment.
fn strip_comments(source: &str) -> String {
    let chars: Vec<char> = source.chars().collect();
    let mut out = String::with_capacity(source.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        let after_ident = i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_');
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0usize;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    if chars[i] == '\n' {
                        out.push('\n');
                    }
                    i += 1;
                }
            }
        } else if c == 'r' && !after_ident_except_b(&chars, i) && matches!(next, Some('#' | '"')) {
            // A raw string: r"…", r#"…"#, br"…".
            let mut hashes = 0;
            let mut j = i + 1;
            while chars.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if chars.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            j += 1;
            while j < chars.len() {
                if chars[j] == '"' && (1..=hashes).all(|k| chars.get(j + k) == Some(&'#')) {
                    j += 1 + hashes;
                    break;
                }
                j += 1;
            }
            out.extend(&chars[i..j.min(chars.len())]);
            i = j;
        } else if c == '"' {
            let mut j = i + 1;
            while j < chars.len() && chars[j] != '"' {
                j += if chars[j] == '\\' { 2 } else { 1 };
            }
            let end = (j + 1).min(chars.len());
            out.extend(&chars[i..end]);
            i = end;
        } else if c == '\'' && !after_ident {
            // A char literal ('"', '\'') or a lifetime ('a).
            let end = if next == Some('\\') {
                (i + 2..chars.len())
                    .find(|&j| chars[j] == '\'')
                    .map(|j| j + 1)
            } else if chars.get(i + 2) == Some(&'\'') {
                Some(i + 3)
            } else {
                None
            };
            let end = end.unwrap_or(i + 1).min(chars.len());
            out.extend(&chars[i..end]);
            i = end;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// Whether the character before `i` continues an identifier, a lone `b` (of `br"…"`) aside.
fn after_ident_except_b(chars: &[char], i: usize) -> bool {
    let Some(before) = i.checked_sub(1).map(|j| chars[j]) else {
        return false;
    };
    if before == 'b' {
        return i >= 2 && (chars[i - 2].is_alphanumeric() || chars[i - 2] == '_');
    }
    before.is_alphanumeric() || before == '_'
}

/// Every path that starts with `crate::` or `super::` in `code`, each with its 1-based line,
/// use-groups (`crate::{a, b::{c, d}}`) expanded, `super` resolved against `module`.
fn paths_in(code: &str, module: &[String]) -> Vec<(usize, Vec<String>)> {
    let bytes = code.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let rest = &bytes[i..];
        let starts_word = i == 0 || !is_ident_byte(bytes[i - 1]) && bytes[i - 1] != b'$';
        let prefix = if rest.starts_with(b"crate::") {
            Some((Vec::new(), "crate::".len()))
        } else if rest.starts_with(b"super::") {
            let parent = module[..module.len().saturating_sub(1)].to_vec();
            Some((parent, "super::".len()))
        } else {
            None
        };
        match prefix {
            Some((base, skip)) if starts_word => {
                let line = code[..i].matches('\n').count() + 1;
                let (tree, used) = parse_tree(&code[i + skip..], base);
                for path in tree {
                    found.push((line, path));
                }
                i += skip + used.max(1);
            }
            _ => i += 1,
        }
    }
    found
}

fn is_ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Parses the rest of a path after `prefix::` (`a::b`, `a::{b, c::d}`, `*`), returning the full
/// paths and how many bytes were read. `super` segments inside are resolved.
fn parse_tree(text: &str, prefix: Vec<String>) -> (Vec<Vec<String>>, usize) {
    let bytes = text.as_bytes();
    let mut path = prefix;
    let mut i = 0;
    loop {
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        if i < bytes.len() && bytes[i] == b'{' {
            let mut paths = Vec::new();
            i += 1;
            loop {
                while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b',') {
                    i += 1;
                }
                if i >= bytes.len() {
                    return (paths, i);
                }
                if bytes[i] == b'}' {
                    return (paths, i + 1);
                }
                let (inner, used) = parse_tree(&text[i..], path.clone());
                paths.extend(inner);
                i += used.max(1);
            }
        }
        let start = i;
        while i < bytes.len() && is_ident_byte(bytes[i]) {
            i += 1;
        }
        if start == i {
            // `*`, or the end of the path.
            if i < bytes.len() && bytes[i] == b'*' {
                i += 1;
            }
            return (vec![path], i);
        }
        let segment = &text[start..i];
        if segment == "super" {
            path.pop();
        } else if segment != "self" {
            path.push(segment.to_owned());
        }
        if text[i..].starts_with("::") {
            i += 2;
        } else {
            return (vec![path], i);
        }
    }
}

/// One path that points up a layer.
#[derive(Debug, PartialEq, Eq)]
struct Violation {
    file: String,
    line: usize,
    path: String,
    why: String,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "src/{}:{}: crate::{} ({})",
            self.file, self.line, self.path, self.why
        )
    }
}

/// The upward paths in one file's source.
fn check_file(file: &str, source: &str) -> Vec<Violation> {
    let Some(module) = module_of(Path::new(file)) else {
        return Vec::new();
    };
    let Some((own_layer, own_adapter)) = place(&module) else {
        return Vec::new();
    };
    let allowed: &[&str] = ALLOWED
        .iter()
        .find(|(f, _)| *f == file)
        .map_or(&[], |(_, paths)| paths);
    let mut violations = Vec::new();
    for (line, path) in paths_in(&strip_comments(source), &module) {
        let Some((layer, adapter)) = place(&path) else {
            continue;
        };
        let joined = path.join("::");
        if allowed
            .iter()
            .any(|a| joined == *a || joined.starts_with(&format!("{a}::")))
        {
            continue;
        }
        let why = if layer > own_layer {
            format!("the {own_layer} uses the {layer} above it")
        } else if layer == Layer::Adapter && adapter != own_adapter {
            format!(
                "adapter {} uses adapter {}",
                own_adapter.unwrap_or("?"),
                adapter.unwrap_or("?")
            )
        } else {
            continue;
        };
        violations.push(Violation {
            file: file.to_owned(),
            line,
            path: joined,
            why,
        });
    }
    violations
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

// Guards: no module of a lower layer (http, domain, csr, the model) names a module of a
// higher one (provider, adapters, widget), and no adapter names another.
#[test]
fn lower_layers_never_import_upper_ones() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    assert!(files.len() > 100, "found only {} source files", files.len());
    let mut violations = Vec::new();
    for file in &files {
        let relative = file.strip_prefix(&src).unwrap_or(file);
        let name = relative.to_string_lossy().replace('\\', "/");
        let source = fs::read_to_string(file).unwrap_or_default();
        violations.extend(check_file(&name, &source));
    }
    let report: Vec<String> = violations.iter().map(ToString::to_string).collect();
    assert!(
        report.is_empty(),
        "{} upward dependencies:\n{}",
        report.len(),
        report.join("\n")
    );
}

// Guards: the check sees upward paths in every form they are written, and ignores comments.
#[test]
fn upward_paths_are_found_in_every_form() {
    let source = "\
//! A doc link to [`crate::provider::Provider`] is prose.
use crate::domain::DomainName;
use crate::provider::ProviderKind;
use crate::{
    http::HttpRequest,
    provider::{Provider, gandi_v3::Error},
};
fn f() -> crate::provider::ssl247::Ssl247Error { todo!() } // crate::ui
";
    let found: Vec<(usize, String)> = check_file("order/check.rs", source)
        .into_iter()
        .map(|v| (v.line, v.path))
        .collect();
    assert_eq!(
        found,
        [
            (3, "provider::ProviderKind".to_owned()),
            (4, "provider::Provider".to_owned()),
            (4, "provider::gandi_v3::Error".to_owned()),
            (8, "provider::ssl247::Ssl247Error".to_owned()),
        ]
    );

    let adapter = "use super::super::gjirafa::GjirafaError;\nuse super::wire::Order;\n";
    let found = check_file("provider/ssl247/map.rs", adapter);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].path, "provider::gjirafa::GjirafaError");

    let shared = "use crate::provider::gandi_v3::Package;\n";
    assert_eq!(check_file("provider/gandi.rs", shared).len(), 1);
    assert!(
        check_file(
            "provider/gandi_v5.rs",
            "use crate::provider::gandi::Package;"
        )
        .is_empty()
    );
    assert!(
        check_file(
            "provider/error.rs",
            "GandiV3(crate::provider::gandi_v3::Error)"
        )
        .is_empty()
    );
    assert_eq!(
        check_file("provider/error.rs", "use crate::provider::gandi_v3::calls;").len(),
        1
    );
}
