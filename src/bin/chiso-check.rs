//! Checks snapshot and manifest files the way the app reads them.
//!
//! `cargo run --bin chiso-check -- FILE...` prints every problem as `FILE: $.path: message` (in
//! English, then in Vietnamese) and exits with 1 when any file is invalid, 2 on bad usage.
//! A file named `index.json` is read as a manifest, any other as a snapshot.

use std::process::ExitCode;

use chiso::i18n::Lang;
use chiso::validate::{parse_manifest, parse_snapshot, Problems};

fn check(path: &str) -> Result<(), Problems> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            println!("{path}: $: cannot read the file: {e} / không đọc được tệp: {e}");
            return Err(Problems::default());
        }
    };
    if std::path::Path::new(path).file_name() == Some("index.json".as_ref()) {
        parse_manifest(&bytes).map(|_| ())
    } else {
        parse_snapshot(&bytes).map(|_| ())
    }
}

fn main() -> ExitCode {
    let files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() || files.iter().any(|f| f == "-h" || f == "--help") {
        eprintln!("usage: chiso-check FILE...\n  checks snapshot files (and data/index.json manifests); exits 1 if any is invalid");
        return ExitCode::from(2);
    }
    let mut bad = 0;
    for f in &files {
        match check(f) {
            Ok(()) => println!("{f}: ok"),
            Err(problems) => {
                bad += 1;
                for p in problems.iter() {
                    println!(
                        "{f}: {}: {} / {}",
                        p.path,
                        p.kind.message(Lang::En),
                        p.kind.message(Lang::Vi)
                    );
                }
            }
        }
    }
    if bad > 0 {
        eprintln!("{bad} of {} file(s) invalid", files.len());
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
