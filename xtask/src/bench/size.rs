//! The size part of `cargo xtask bench`: what the browser downloads for the widget's page and
//! for the CSR checker alone, and which code and data make up their wasm.
//!
//! - pages ([`PAGES`]): `trunk build --release` of each entry page, then every file of its
//!   dist directory raw, `gzip -9` and `brotli -q 11` (what a static host serves), and their
//!   total. The whole widget (`index.html`, all the steps) has its own budget; the CSR checker
//!   alone (`csr.html`, the `certorder-csr` binary: the report page without the order steps)
//!   is what a site embedding only the checker serves, and the report page's own budget;
//! - contributors: `twiggy top` (from crates.io, installed on first use) on the wasm cargo
//!   built, before wasm-bindgen and wasm-opt, which still has its function names. Its items are
//!   added up by the crate their name starts with, so a budget decision sees whole crates.

use crate::Result;
use crate::run::{command, output, status};
use crate::setup;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Stdio;

/// The twiggy release that builds with the project's rustc.
const TWIGGY_VERSION: &str = "0.7.0";
/// How many contributors the report lists.
const TOP: usize = 15;

/// A page the size part measures.
#[derive(Debug, Clone, Copy)]
pub(super) struct Page {
    /// What it is, for the report's heading.
    pub(super) label: &'static str,
    /// Trunk's entry page.
    pub(super) entry: &'static str,
    /// Where trunk puts the build, relative to the workspace (`dist` is what the paste part and
    /// the demo serve).
    pub(super) dist: &'static str,
    /// The cargo binary the page loads.
    pub(super) bin: &'static str,
}

/// The whole widget, then the CSR checker alone.
pub(super) const PAGES: [Page; 2] = [
    Page {
        label: "The whole widget (`index.html`)",
        entry: "index.html",
        dist: "dist",
        bin: "certorder-widget",
    },
    Page {
        label: "The CSR checker alone (`csr.html`, the report page without the order steps)",
        entry: "csr.html",
        dist: "target/dist-csr",
        bin: "certorder-csr",
    },
];

/// One file of the page, in bytes.
#[derive(Debug)]
pub(super) struct Size {
    pub(super) name: String,
    pub(super) raw: u64,
    pub(super) gzip: u64,
    pub(super) brotli: u64,
}

/// Bytes of the pre-optimisation wasm by crate, and by single item, largest first.
#[derive(Debug)]
pub(super) struct Contributors {
    /// The wasm twiggy read and its size.
    pub(super) file: String,
    pub(super) total: u64,
    pub(super) crates: Vec<(String, u64)>,
    pub(super) items: Vec<(String, u64)>,
}

/// Builds a page for release and measures every file of its dist directory.
pub(super) fn page(root: &Path, path: &[PathBuf], page: &Page) -> Result<Vec<Size>> {
    eprintln!(
        "bench: the files of {} (trunk build --release {})",
        page.entry, page.entry
    );
    if output(command("brotli", root, path).arg("--version")).is_none() {
        setup::apt_install(&["brotli"])?;
    }
    status(command("trunk", root, path).args([
        "build",
        "--release",
        "--dist",
        page.dist,
        page.entry,
    ]))?;
    let dist = root.join(page.dist);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dist)
        .map_err(|e| format!("cannot read {}: {e}", page.dist))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        // The precompressed copies (Trunk.toml's hook) are the same files, not more of them.
        .filter(|p| !p.extension().is_some_and(|x| x == "br" || x == "gz"))
        .collect();
    files.sort();
    if !files
        .iter()
        .any(|p| p.extension().is_some_and(|x| x == "wasm"))
    {
        return Err(format!("trunk build left no .wasm in {}", page.dist));
    }
    let compressed = |program: &str, args: &[&str], file: &Path| -> Result<u64> {
        let out = command(program, root, path)
            .args(args)
            .arg(file)
            .stderr(Stdio::inherit())
            .output()
            .map_err(|e| format!("cannot run {program}: {e}"))?;
        if out.status.success() {
            Ok(out.stdout.len() as u64)
        } else {
            Err(format!("{program} failed ({})", out.status))
        }
    };
    files
        .iter()
        .map(|file| {
            let raw = std::fs::metadata(file)
                .map_err(|e| format!("cannot read {}: {e}", file.display()))?
                .len();
            Ok(Size {
                name: file
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                raw,
                gzip: compressed("gzip", &["-9", "-c"], file)?,
                brotli: compressed("brotli", &["-q", "11", "-c"], file)?,
            })
        })
        .collect()
}

/// Runs twiggy on a page's wasm as cargo left it (after [`page`] built it).
pub(super) fn contributors(
    root: &Path,
    target: &Path,
    path: &[PathBuf],
    page: &Page,
) -> Result<Contributors> {
    eprintln!("bench: what {}'s wasm is made of (twiggy top)", page.bin);
    let reported = output(command("twiggy", root, path).arg("--version")).unwrap_or_default();
    if !reported.contains(TWIGGY_VERSION) {
        status(command("cargo", root, path).args([
            "install",
            "twiggy",
            "--locked",
            "--version",
            TWIGGY_VERSION,
        ]))?;
    }
    let wasm = target
        .join("wasm32-unknown-unknown")
        .join("release")
        .join(format!("{}.wasm", page.bin));
    let total = std::fs::metadata(&wasm)
        .map_err(|e| format!("cannot read {}: {e}", wasm.display()))?
        .len();
    let out = command("twiggy", root, path)
        .args(["top", "--format", "csv", "-n", "1000000"])
        .arg(&wasm)
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot run twiggy: {e}"))?;
    if !out.status.success() {
        return Err(format!("twiggy failed ({})", out.status));
    }
    let items = parse_csv(&String::from_utf8_lossy(&out.stdout));
    let mut crates: BTreeMap<String, u64> = BTreeMap::new();
    for (name, bytes) in &items {
        *crates.entry(crate_of(name)).or_default() += bytes;
    }
    let mut crates: Vec<(String, u64)> = crates.into_iter().collect();
    crates.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    crates.truncate(TOP);
    let mut items = items;
    items.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    items.truncate(TOP);
    Ok(Contributors {
        file: format!("target/wasm32-unknown-unknown/release/{}.wasm", page.bin),
        total,
        crates,
        items,
    })
}

/// The page's files and their total, as a Markdown table.
pub(super) fn render_page(page: &Page, size: &Result<Vec<Size>>) -> String {
    let mut s = format!(
        "### {} (`trunk build --release {}`): everything the browser downloads\n\n",
        page.label, page.entry
    );
    match size {
        Ok(files) => {
            s.push_str("| file | raw | gzip -9 | brotli -q 11 |\n|---|---:|---:|---:|\n");
            for f in files {
                s.push_str(&format!(
                    "| {} | {} | {} | {} |\n",
                    unhashed(&f.name),
                    kib(f.raw),
                    kib(f.gzip),
                    kib(f.brotli)
                ));
            }
            let sum = |f: fn(&Size) -> u64| files.iter().map(f).sum::<u64>();
            s.push_str(&format!(
                "| **total** | **{}** | **{}** | **{}** |",
                kib(sum(|f| f.raw)),
                kib(sum(|f| f.gzip)),
                kib(sum(|f| f.brotli))
            ));
        }
        Err(e) => s.push_str(&format!("Not measured: {e}")),
    }
    s
}

/// The largest crates and items of the wasm, as two Markdown tables.
pub(super) fn render_contributors(page: &Page, c: &Result<Contributors>) -> String {
    let mut s = format!(
        "### What `{}`'s wasm is made of (`twiggy top`)\n\n",
        page.bin
    );
    let c = match c {
        Ok(c) => c,
        Err(e) => return format!("{s}Not measured: {e}"),
    };
    s.push_str(&format!(
        "Shallow sizes in `{}` ({}), before wasm-bindgen and `wasm-opt -Oz`, which shrink it \
         further; items added up by the crate their name starts with (generic code counts for \
         the crate that defines it, inlined code for its caller).\n\n",
        c.file,
        kib(c.total)
    ));
    let percent = |bytes: u64| 100.0 * bytes as f64 / c.total.max(1) as f64;
    s.push_str("| crate | bytes | share |\n|---|---:|---:|\n");
    for (name, bytes) in &c.crates {
        s.push_str(&format!(
            "| {name} | {bytes} | {:.1} % |\n",
            percent(*bytes)
        ));
    }
    s.push_str("\n| largest items | bytes | share |\n|---|---:|---:|\n");
    for (name, bytes) in &c.items {
        let name: String = name.chars().take(90).collect();
        let name = name.replace('|', "\\|");
        s.push_str(&format!(
            "| `{name}` | {bytes} | {:.1} % |\n",
            percent(*bytes)
        ));
    }
    s.trim_end().to_owned()
}

/// A dist/ file name without trunk's content hash (`app-0123abcd_bg.wasm` → `app-…_bg.wasm`).
fn unhashed(name: &str) -> String {
    match name.rsplit_once('-') {
        Some((stem, tail)) => {
            let rest = tail.trim_start_matches(|c: char| c.is_ascii_hexdigit());
            if rest.len() < tail.len() {
                format!("{stem}-…{rest}")
            } else {
                name.to_owned()
            }
        }
        None => name.to_owned(),
    }
}

fn kib(bytes: u64) -> String {
    format!("{bytes} B ({:.1} KiB)", bytes as f64 / 1024.0)
}

/// twiggy's CSV (`Name,ShallowSize,ShallowSizePercent,RetainedSize,RetainedSizePercent`): name
/// and shallow size per item.
fn parse_csv(csv: &str) -> Vec<(String, u64)> {
    csv.lines()
        .skip(1)
        .filter_map(|line| {
            // The name may be quoted and hold commas; the numbers after it never do.
            let mut fields = line.rsplitn(5, ',');
            let _retained = (fields.next()?, fields.next()?);
            let _percent = fields.next()?;
            let size = fields.next()?.trim().parse().ok()?;
            let name = fields
                .next()?
                .trim()
                .trim_matches('"')
                .replace("\"\"", "\"");
            Some((name, size))
        })
        .filter(|(name, _)| !name.starts_with('Σ'))
        .collect()
}

/// The crate an item belongs to, from its demangled name: the first path segment, looking
/// through `<`, `&`, `dyn` and `impl` (`<leptos::X as core::Y>::f` is leptos's). Data segments,
/// tables and custom sections are named for what they are.
fn crate_of(name: &str) -> String {
    if name.starts_with("data[") {
        return "(data segments: strings, tables, the suffix list)".to_owned();
    }
    // What wasm-bindgen takes out before the page ships: the names, its own custom section and
    // the exports it reads the bindings' descriptions from.
    if name.starts_with("custom section")
        || name.trim_start_matches('"').starts_with("function names")
        || name.starts_with("export \"__wbindgen_describe")
    {
        return "(names, descriptions, custom sections: not shipped)".to_owned();
    }
    let mut rest = name;
    loop {
        let trimmed = rest
            .trim_start_matches(['<', '&', '*', '(', '[', ' '])
            .trim_start_matches("mut ")
            .trim_start_matches("const ")
            .trim_start_matches("dyn ")
            .trim_start_matches("impl ");
        if trimmed.len() == rest.len() {
            break;
        }
        rest = trimmed;
    }
    // A blanket impl (`<T as tachys::view::Render>::build`, `<F as nom::Parser<I>>::parse`) is
    // the trait's crate's generic code.
    if let Some((ty, tail)) = rest.split_once(" as ")
        && ty.chars().all(|c| c.is_ascii_uppercase())
    {
        rest = tail;
    }
    let Some((head, _)) = rest.split_once("::") else {
        return "(other: unnamed functions, types, tables)".to_owned();
    };
    // The standard library's crates carry their disambiguator (`core[c5930c85a12de822]`).
    let head = head
        .split_once('[')
        .filter(|(_, hash)| {
            hash.trim_end_matches(']')
                .chars()
                .all(|c| c.is_ascii_hexdigit())
        })
        .map_or(head, |(name, _)| name);
    if head.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        head.to_owned()
    } else {
        "(other: unnamed functions, types, tables)".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_are_added_up_by_their_crate() {
        assert_eq!(crate_of("x509_parser::parse::h12"), "x509_parser");
        assert_eq!(
            crate_of("<leptos::Foo as core::fmt::Debug>::fmt::h1"),
            "leptos"
        );
        assert_eq!(crate_of("<&mut dyn core::Any as x::Y>::z"), "core");
        assert_eq!(
            crate_of("<T as tachys::view::any_view::IntoAny>::into_any::h1"),
            "tachys"
        );
        assert_eq!(crate_of("core[c5930c85a12de822]::fmt::float::f"), "core");
        assert_eq!(
            crate_of("<dlmalloc[e24a27700634d609]::Dlmalloc<A>>::malloc"),
            "dlmalloc"
        );
        assert!(crate_of("data[3]").starts_with("(data segments"));
        assert!(crate_of("code[17]").starts_with("(other"));
        assert!(crate_of("\"function names\" subsection").contains("not shipped"));
        assert!(crate_of("function names\" subsection").contains("not shipped"));
    }

    #[test]
    fn twiggy_csv_is_read_with_commas_in_names() {
        let csv = "Name,ShallowSize,ShallowSizePercent,RetainedSize,RetainedSizePercent\n\
                   \"<a::B<u8, u16> as c::D>::e\",120,1.5,,\n\
                   data[0],80,1.0,,\n\
                   Σ [2 Total Rows],200,2.5,,\n";
        assert_eq!(
            parse_csv(csv),
            [
                ("<a::B<u8, u16> as c::D>::e".to_owned(), 120),
                ("data[0]".to_owned(), 80)
            ]
        );
    }
}
