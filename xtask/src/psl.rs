//! `cargo xtask psl`: regenerates `src/domain/suffix/icann.txt`, the ICANN section of the Public
//! Suffix List that the registrable-domain rule reads.
//!
//! The list comes as data from a registry package that ships it: PyPI's `publicsuffixlist`,
//! whose wheel carries `public_suffix_list.dat` as published (its version is the list's date).
//! Only the ICANN section is kept (Baseline Requirements §3.2.2.6); U-labels become A-labels, the
//! form names have everywhere else in the crate (by Python, which reads the wheel anyway: xtask
//! itself stays free of dependencies, so that `cargo xtask` builds in seconds). Rules are grouped by their parent, one line per
//! parent, `parent:label,label,…` (`*` a wildcard, `!label` an exception), parents and labels
//! sorted by byte value so that the crate can binary-search them. That is about 20 KB brotli in
//! the wasm, against several hundred for the whole list compiled to code.
//!
//! To move to a newer list, change [`VERSION`], run the command and review the diff.

use crate::run::{command, status};
use crate::{Result, root};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The PyPI package and version the list is taken from.
const PACKAGE: &str = "publicsuffixlist";
const VERSION: &str = "1.1.2.20261023";
/// The list's path inside the wheel.
const MEMBER: &str = "publicsuffixlist/public_suffix_list.dat";

const BEGIN_ICANN: &str = "// ===BEGIN ICANN DOMAINS===";
const END_ICANN: &str = "// ===END ICANN DOMAINS===";

/// Downloads the package, extracts the list and writes the table.
pub(crate) fn run() -> Result {
    let root = root();
    let scratch = root.join("target").join("psl");
    std::fs::create_dir_all(&scratch).map_err(|e| format!("cannot create target/psl: {e}"))?;
    let dat = download(&root, &scratch)?;
    let text =
        std::fs::read_to_string(&dat).map_err(|e| format!("cannot read {}: {e}", dat.display()))?;
    let table = table(&text)?;
    let out = root
        .join("src")
        .join("domain")
        .join("suffix")
        .join("icann.txt");
    std::fs::write(&out, table).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    eprintln!("wrote {}", out.display());
    Ok(())
}

/// Python, to read the wheel (a zip file) and to turn U-labels into A-labels: the list's
/// labels are valid U-labels already (NFC, lower case), so each A-label is `xn--` and the
/// label's Punycode (RFC 3492; RFC 5891 §4.4). The crate's tests parse every rule with its own
/// IDNA code to check the result.
const EXTRACT: &str = r#"
import sys, zipfile
dat = zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode("utf-8")
def a_label(label):
    if label.isascii():
        return label.lower()
    return "xn--" + label.encode("punycode").decode("ascii")
out = []
for line in dat.splitlines():
    words = line.split()
    if words and not words[0].startswith("//"):
        rule = words[0]
        bang = "!" if rule.startswith("!") else ""
        out.append(bang + ".".join(a_label(l) for l in rule.lstrip("!").split(".")))
    else:
        out.append(line)
sys.stdout.write("\n".join(out) + "\n")
"#;

/// `pip download` of the pinned wheel, then the list out of it with its rules in A-labels.
fn download(root: &Path, scratch: &Path) -> Result<PathBuf> {
    let tools: &[PathBuf] = &[];
    status(
        command("python3", root, tools)
            .args([
                "-m",
                "pip",
                "download",
                "--no-deps",
                "--only-binary",
                ":all:",
            ])
            .arg(format!("{PACKAGE}=={VERSION}"))
            .arg("--dest")
            .arg(scratch),
    )?;
    let wheel = scratch.join(format!("{PACKAGE}-{VERSION}-py3-none-any.whl"));
    let out = command("python3", root, tools)
        .args(["-c", EXTRACT])
        .arg(&wheel)
        .arg(MEMBER)
        .output()
        .map_err(|e| format!("cannot start python3: {e}"))?;
    if !out.status.success() {
        return Err(format!("cannot extract {MEMBER} from {}", wheel.display()));
    }
    let dat = scratch.join("public_suffix_list.a-labels.dat");
    std::fs::write(&dat, out.stdout).map_err(|e| format!("cannot write {}: {e}", dat.display()))?;
    Ok(dat)
}

/// The generated file: a header saying where it comes from, then one line per parent.
fn table(dat: &str) -> Result<String> {
    let header = |key: &str| {
        dat.lines()
            .find_map(|l| l.strip_prefix(&format!("// {key}: ")))
            .map_or_else(|| "unknown".to_owned(), |v| v.trim().to_owned())
    };
    let (list_version, commit) = (header("VERSION"), header("COMMIT"));
    let start = dat
        .find(BEGIN_ICANN)
        .ok_or("no ICANN section in the list")?;
    let end = dat
        .find(END_ICANN)
        .ok_or("the ICANN section does not end")?;
    let section = dat
        .get(start..end)
        .ok_or("the ICANN section is out of order")?;

    // parent → labels directly under it
    let mut groups: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut rules = 0;
    for line in section.lines() {
        // PSL format: a rule is the first whitespace-separated word of a line; `//` comments.
        let Some(rule) = line.split_whitespace().next() else {
            continue;
        };
        if rule.starts_with("//") {
            continue;
        }
        let (exception, rule) = match rule.strip_prefix('!') {
            Some(rest) => (true, rest),
            None => (false, rule),
        };
        let labels: Vec<String> = rule.split('.').map(str::to_owned).collect();
        let Some((first, rest)) = labels.split_first() else {
            continue;
        };
        let label = if exception {
            format!("!{first}")
        } else {
            first.clone()
        };
        groups.entry(rest.join(".")).or_default().push(label);
        rules += 1;
    }
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# The ICANN section of the Public Suffix List, in A-labels: one line per parent name,\n\
         # `parent:label,label,...` (`*` a wildcard, `!label` an exception), sorted bytewise.\n\
         # Generated by `cargo xtask psl`; do not edit. {rules} rules.\n\
         # Source: PyPI package {PACKAGE} {VERSION}, public_suffix_list.dat version \
         {list_version}, commit {commit}.\n\
         # The list is published at https://publicsuffix.org/ under the Mozilla Public License 2.0."
    );
    for (parent, mut labels) in groups {
        labels.sort();
        labels.dedup();
        let _ = writeln!(out, "{parent}:{}", labels.join(","));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_icann_section_is_kept_grouped_by_parent() {
        let dat = "// VERSION: v1\n// ===BEGIN ICANN DOMAINS===\n// uk\nuk\nco.uk\n*.ck\n!www.ck\n\
                   xn--55qx5d.cn\ncn\n// ===END ICANN DOMAINS===\n// ===BEGIN PRIVATE DOMAINS===\n\
                   github.io\n// ===END PRIVATE DOMAINS===\n";
        let table = table(dat).unwrap_or_default();
        let body: Vec<&str> = table.lines().filter(|l| !l.starts_with('#')).collect();
        assert_eq!(body, [":cn,uk", "ck:!www,*", "cn:xn--55qx5d", "uk:co"]);
        assert!(table.contains("version v1"));
    }
}
