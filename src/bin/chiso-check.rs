//! Checks snapshot and manifest files the way the app reads them.
//!
//! `cargo run --bin chiso-check -- FILE...` prints every problem as `FILE: $.path: message` (in
//! English, then in Vietnamese) and exits with 1 when any file is invalid, 2 on bad usage.
//! A file named `index.json` is read as a manifest, any other as a snapshot. A manifest's
//! versions are checked too, each file (found relative to the folder above the manifest's, as the
//! page finds it) against the day it was published: a source dated later is refused, as the app
//! refuses it. A file given on the command line and listed in a manifest is checked once.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chiso::validate::{check_published, parse_manifest, parse_snapshot, Problems};

fn is_manifest(path: &Path) -> bool {
    path.file_name() == Some("index.json".as_ref())
}

/// The file's bytes, or the problem of not reading them (printed here).
fn read(shown: &str, path: &Path) -> Option<Vec<u8>> {
    match std::fs::read(path) {
        Ok(b) => Some(b),
        Err(e) => {
            println!("{shown}: $: cannot read the file: {e} / không đọc được tệp: {e}");
            None
        }
    }
}

/// Where a file is, to tell whether two names are the same file.
fn key(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

/// Checks one snapshot; `published` is the day its version was published, where a manifest
/// lists it.
fn check_snapshot(bytes: &[u8], published: Option<&str>) -> Result<(), Problems> {
    let snapshot = parse_snapshot(bytes)?;
    let problems = published.map(|day| check_published(&snapshot, day));
    match problems {
        Some(p) if !p.is_empty() => Err(p),
        _ => Ok(()),
    }
}

/// Prints the outcome for one file; true when it is valid.
fn report(shown: &str, result: Result<(), Problems>) -> bool {
    match result {
        Ok(()) => {
            println!("{shown}: ok");
            true
        }
        Err(problems) => {
            for p in problems.iter() {
                println!("{}", p.line(shown));
            }
            false
        }
    }
}

fn main() -> ExitCode {
    let files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() || files.iter().any(|f| f == "-h" || f == "--help") {
        eprintln!("usage: chiso-check FILE...\n  checks snapshot files (and data/index.json manifests, with every version they list); exits 1 if any is invalid");
        return ExitCode::from(2);
    }
    let mut checked = 0;
    let mut bad = 0;
    // Every version the manifests list: where it is → (name to show, day published).
    let mut listed: HashMap<PathBuf, (String, String)> = HashMap::new();
    let mut manifests_ok = Vec::new();
    for f in files.iter().filter(|f| is_manifest(Path::new(f))) {
        checked += 1;
        let Some(bytes) = read(f, Path::new(f)) else {
            bad += 1;
            continue;
        };
        match parse_manifest(&bytes) {
            Ok(manifest) => {
                manifests_ok.push(f.clone());
                // `path` is relative to the page, which is the folder above `data/`.
                let root = Path::new(f)
                    .parent()
                    .and_then(Path::parent)
                    .unwrap_or(Path::new(""));
                for v in manifest.snapshots.iter().flat_map(|e| &e.versions) {
                    let path = root.join(&v.path);
                    let shown = path.display().to_string();
                    listed
                        .entry(key(&path))
                        .or_insert((shown, v.published.clone()));
                }
            }
            Err(problems) => {
                bad += 1;
                report(f, Err(problems));
            }
        }
    }
    for f in &manifests_ok {
        println!("{f}: ok");
    }
    for f in files.iter().filter(|f| !is_manifest(Path::new(f))) {
        checked += 1;
        let published = listed.remove(&key(Path::new(f))).map(|(_, day)| day);
        let ok = read(f, Path::new(f))
            .is_some_and(|bytes| report(f, check_snapshot(&bytes, published.as_deref())));
        bad += usize::from(!ok);
    }
    // The versions listed that were not named on the command line.
    let mut rest: Vec<(String, String)> = listed.into_values().collect();
    rest.sort();
    for (shown, published) in rest {
        checked += 1;
        let ok = read(&shown, Path::new(&shown))
            .is_some_and(|bytes| report(&shown, check_snapshot(&bytes, Some(&published))));
        bad += usize::from(!ok);
    }
    if bad > 0 {
        eprintln!("{bad} of {checked} file(s) invalid");
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
