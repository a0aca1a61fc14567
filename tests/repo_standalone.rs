//! The repository stands alone: no text in it cites a document that is not in it. Provider
//! facts are cited from `docs/providers.md`, the architecture and security model from
//! `docs/design.md`, and provider APIs by their public URLs; a name of a document kept
//! elsewhere, or a path outside the repository, fails this test with its file and line.

// A failed step is a failed test.
#![allow(clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// What must not appear. Each needle is assembled from pieces so that this file does not
/// contain it and flag itself.
fn needles() -> Vec<String> {
    let md = ".md";
    vec![
        ["PROVIDERS", md].concat(),
        ["DESIGN", md].concat(),
        ["STYLE", md].concat(),
        ["TOOLCHAIN", md].concat(),
        ["UX", md].concat(),
        ["seeds", "/"].concat(),
        ["..", "/shared"].concat(),
        ["/wo", "rk/"].concat(),
    ]
}

/// The needles found in one line. Matching is case-sensitive, so `docs/providers.md` and
/// `docs/design.md` (the repository's own documents) pass.
fn offences<'n>(line: &str, needles: &'n [String]) -> Vec<&'n str> {
    needles
        .iter()
        .filter(|needle| line.contains(needle.as_str()))
        .map(String::as_str)
        .collect()
}

/// Folders that hold build output, installed packages or git's own data (in a worktree `.git`
/// is a file), never the project's own text.
const SKIPPED_DIRS: [&str; 7] = [
    ".git",
    "target",
    "node_modules",
    "dist",
    "corpus",
    "artifacts",
    "test-results",
];

/// The repository's files: those git tracks plus new ones it does not ignore, or, where git
/// is not available (an unpacked source archive), every file below the root outside
/// [`SKIPPED_DIRS`].
fn repository_files(root: &Path) -> Vec<PathBuf> {
    let listed = Command::new("git")
        .args([
            "ls-files",
            "-z",
            "--cached",
            "--others",
            "--exclude-standard",
        ])
        .current_dir(root)
        .output()
        .ok()
        .filter(|out| out.status.success());
    match listed {
        Some(out) => out
            .stdout
            .split(|b| *b == 0)
            .filter(|name| !name.is_empty())
            .map(|name| root.join(String::from_utf8_lossy(name).as_ref()))
            .collect(),
        None => {
            let mut files = Vec::new();
            walk(root, &mut files);
            files
        }
    }
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(dir).expect("a folder of the repository is readable");
    for entry in entries {
        let path = entry.expect("a folder entry is readable").path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if SKIPPED_DIRS.contains(&name) {
            continue;
        }
        if path.is_dir() {
            walk(&path, files);
        } else {
            files.push(path);
        }
    }
}

/// The text of a file, or `None` for a binary (a NUL byte, or not UTF-8) or a file listed
/// but deleted from the work tree.
fn text_of(path: &Path) -> Option<String> {
    let bytes = std::fs::read(path).ok()?;
    if bytes.contains(&0) {
        return None;
    }
    String::from_utf8(bytes).ok()
}

// Guards: the rule itself, so a broken matcher cannot pass the repository by finding nothing.
#[test]
fn the_matcher_flags_outside_names_and_accepts_the_repository_documents() {
    let needles = needles();
    let outside = format!("see {}{} §2.3", "PROVIDERS", ".md");
    assert_eq!(offences(&outside, &needles), [needles[0].as_str()]);
    let copy = format!("as {}{}gandi.txt says", "seeds", "/");
    assert_eq!(offences(&copy, &needles), [needles[5].as_str()]);
    let up = format!("read {}{}", "../", "shared/notes");
    assert_eq!(offences(&up, &needles), [needles[6].as_str()]);
    for own in [
        "see docs/providers.md §2.3",
        "docs/design.md, security model item 4",
        "the Gandi v3 certificate reference, <https://doc.rpc.gandi.net/cert/reference.html>",
        "fuzz targets and the fixture folders that seed each one",
    ] {
        assert!(offences(own, &needles).is_empty(), "{own:?} is flagged");
    }
}

// Guards: nothing in the repository refers to a document or path outside it.
#[test]
fn no_file_refers_to_a_document_outside_the_repository() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let needles = needles();
    let files = repository_files(root);
    assert!(
        files.iter().any(|f| f.ends_with("docs/providers.md")),
        "the file list includes docs/providers.md"
    );
    let mut found = Vec::new();
    let mut read = 0;
    for path in &files {
        let Some(text) = text_of(path) else { continue };
        read += 1;
        let shown = path
            .strip_prefix(root)
            .unwrap_or(path)
            .display()
            .to_string();
        for (index, line) in text.lines().enumerate() {
            for needle in offences(line, &needles) {
                found.push(format!("{shown}:{}: {needle}", index + 1));
            }
        }
    }
    assert!(read > 100, "only {read} text files were read");
    assert!(
        found.is_empty(),
        "these lines refer to documents outside the repository (cite docs/providers.md, \
         docs/design.md or the provider's public URL instead):\n{}",
        found.join("\n")
    );
}
