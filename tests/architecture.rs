//! The floor plan, held by a test: data flows one way, and an import only ever points down.
//!
//! Each top-level module of `src/` has a floor. A module may name (`crate::x`, in code, not in
//! comments) only modules on lower floors, so no two modules import each other and nothing reaches
//! up the flow: the core never names the browser shell, the views never name the app.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Lowest first. The same floor may not import each other either.
const FLOORS: &[(&str, u8)] = &[
    ("snapshot", 0),
    // One sort for the whole program (a WASM-size matter, see the module).
    ("order", 0),
    ("i18n", 1),
    ("chart", 1),
    ("schema", 1),
    // What changed between two versions of a snapshot: typed, wordless, above the model alone.
    ("diff", 1),
    ("format", 2),
    ("chart_id", 2),
    ("validate", 3),
    ("route", 3),
    ("present", 4),
    ("load", 4),
    ("markup", 5),
    ("export", 5),
    // A spreadsheet into a snapshot: for the bins and the studio only (see below).
    ("import", 5),
    // The browser shell's own floor: page-wide state, hooks, the network.
    ("state", 5),
    ("hooks", 5),
    ("fetch", 5),
    ("views", 6),
    ("prerender", 6),
    ("app", 7),
    // The data editors' studio: its own page and WASM, above the reader's views it previews with.
    ("studio", 7),
    ("lib", 8),
    ("main", 8),
    ("bin", 8),
];

/// No file in `src/` is longer: past it, a file is doing several jobs.
const MAX_LINES: usize = 700;

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src/ is readable").flatten() {
        let p = entry.path();
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

fn src() -> (PathBuf, Vec<PathBuf>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&root, &mut all);
    all.sort();
    (root, all)
}

/// The top-level module a file belongs to (`views/dashboard.rs` → `views`).
fn module_of(root: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(root).expect("under src/");
    let first = rel.components().next().expect("a component");
    first
        .as_os_str()
        .to_string_lossy()
        .trim_end_matches(".rs")
        .to_string()
}

/// The modules a file's code names (comments are passed over).
fn named(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.lines() {
        let code = line.trim_start();
        if code.starts_with("//") {
            continue;
        }
        for prefix in ["crate::", "chiso::"] {
            let mut rest = code;
            while let Some(i) = rest.find(prefix) {
                rest = &rest[i + prefix.len()..];
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() {
                    out.push(name);
                }
            }
        }
        // `use crate::{a, b}` names several at once.
        if let Some(i) = code.find("crate::{") {
            let list = &code[i + "crate::{".len()..];
            let list = list.split('}').next().unwrap_or("");
            for part in list.split(',') {
                let name: String = part
                    .trim()
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() {
                    out.push(name);
                }
            }
        }
    }
    out
}

#[test]
fn every_import_points_down_the_flow() {
    let floors: BTreeMap<&str, u8> = FLOORS.iter().copied().collect();
    let (root, all) = src();
    let mut wrong = Vec::new();
    for file in &all {
        let module = module_of(&root, file);
        let Some(&own) = floors.get(module.as_str()) else {
            wrong.push(format!(
                "{}: module `{module}` has no floor in FLOORS",
                file.display()
            ));
            continue;
        };
        let text = std::fs::read_to_string(file).expect("readable");
        for other in named(&text) {
            if other == module {
                continue;
            }
            match floors.get(other.as_str()) {
                Some(&theirs) if theirs < own => {}
                Some(&theirs) => wrong.push(format!(
                    "{}: `{module}` (floor {own}) names `{other}` (floor {theirs})",
                    file.strip_prefix(&root).unwrap_or(file).display()
                )),
                None => {}
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports that do not point down:\n{}",
        wrong.join("\n")
    );
}

/// The importer (spreadsheets, zip, calamine) is for the command line and the data editors'
/// studio: the reader's app never names it, so none of it is in the reader's WASM.
#[test]
fn only_the_bins_and_the_studio_name_the_importer() {
    const MAY: &[&str] = &["import", "bin", "studio"];
    let (root, all) = src();
    let wrong: Vec<String> = all
        .iter()
        .filter(|f| !MAY.contains(&module_of(&root, f).as_str()))
        .filter(|f| {
            let text = std::fs::read_to_string(f).expect("readable");
            named(&text).iter().any(|m| m == "import")
        })
        .map(|f| f.strip_prefix(&root).unwrap_or(f).display().to_string())
        .collect();
    assert!(wrong.is_empty(), "these name `import`: {wrong:?}");
}

#[test]
fn no_file_in_src_does_several_jobs() {
    let (root, all) = src();
    let long: Vec<String> = all
        .iter()
        .filter_map(|f| {
            let n = std::fs::read_to_string(f)
                .expect("readable")
                .lines()
                .count();
            (n > MAX_LINES).then(|| {
                format!(
                    "{}: {n} lines",
                    f.strip_prefix(&root).unwrap_or(f).display()
                )
            })
        })
        .collect();
    assert!(long.is_empty(), "over {MAX_LINES} lines: {long:?}");
}

/// Interface words live in `i18n` (and sentences with numbers in `present`), so the views hold
/// no Vietnamese or English of their own: no letter outside ASCII in their code, and no
/// `Lang::Vi =>` branch.
#[test]
fn the_views_hold_no_inline_translations() {
    let (root, all) = src();
    let mut found = Vec::new();
    for file in all.iter().filter(|f| {
        let m = module_of(&root, f);
        m == "views" || m == "app" || m == "state" || m == "hooks"
            // The studio's components too: its words are in its own table, `studio/words.rs`.
            || (m == "studio"
                && std::fs::read_to_string(f).is_ok_and(|t| t.contains("use leptos::")))
    }) {
        let text = std::fs::read_to_string(file).expect("readable");
        for (n, line) in text.lines().enumerate() {
            let code = line.trim_start();
            if code.starts_with("//") {
                continue;
            }
            let accented = code.chars().any(|c| c.is_alphabetic() && !c.is_ascii());
            if accented || code.contains("Lang::Vi =>") || code.contains("Lang::En =>") {
                found.push(format!("{}:{}: {}", file.display(), n + 1, code));
            }
        }
    }
    assert!(
        found.is_empty(),
        "inline translations:\n{}",
        found.join("\n")
    );
}
