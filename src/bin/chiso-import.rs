//! A spreadsheet laid out as the template (`public/templates/`) into a snapshot JSON, with its
//! manifest entry and the steps to publish it.
//!
//! `cargo run --bin chiso-import -- FILE.xlsx|FILE.csv|FILE.json|DIR [-o OUT.json]
//! [--manifest public/data/index.json] [--manifest-out FILE] [--published YYYY-MM-DD]
//! [--accept-removals]`
//!
//! A folder is read as one CSV file per sheet. Every problem is printed as `chiso-check` prints
//! one, with the cell first (`FILE: Chỉ tiêu!C7: $.indicators[3].goal.value: English /
//! Vietnamese`), and nothing is written (exit 1). Else the snapshot is written as the published
//! files are (default `ID.json` here), and its manifest entry and the steps to publish it are
//! printed. With a manifest (by default `public/data/index.json` where it exists) that lists the
//! snapshot, the new version is compared with the published one: a figure removed or turned
//! unknown is printed with a leading `!`, as `chiso-diff` prints it, and nothing is written
//! unless `--accept-removals` says it is meant. Exit 2 on bad usage.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chiso::diff::diff;
use chiso::i18n::Lang;
use chiso::import::{
    day_from_unix_days, import, manifest_json, publish, to_pretty_json, ImportKind, ImportProblem,
    Input, Step, MAX_BYTES,
};
use chiso::present::change_line;
use chiso::snapshot::{Manifest, Snapshot};
use chiso::validate::{parse_manifest, parse_snapshot};

const USAGE: &str = "usage: chiso-import FILE.xlsx|FILE.csv|FILE.json|DIR [-o OUT.json] [--manifest INDEX.json] [--manifest-out FILE] [--published YYYY-MM-DD] [--accept-removals]
  reads a spreadsheet laid out as the template (public/templates/) into a snapshot JSON;
  prints every problem with its cell and exits 1, or writes the JSON and prints its manifest entry and the steps to publish it";

#[derive(Default)]
struct Args {
    inputs: Vec<String>,
    out: Option<String>,
    manifest: Option<String>,
    manifest_out: Option<String>,
    published: Option<String>,
    accept_removals: bool,
}

fn args() -> Option<Args> {
    let mut a = Args::default();
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "-h" | "--help" => return None,
            "-o" => a.out = Some(it.next()?),
            "--manifest" => a.manifest = Some(it.next()?),
            "--manifest-out" => a.manifest_out = Some(it.next()?),
            "--published" => a.published = Some(it.next()?),
            "--accept-removals" => a.accept_removals = true,
            s if s.starts_with('-') => return None,
            _ => a.inputs.push(arg),
        }
    }
    (!a.inputs.is_empty()).then_some(a)
}

/// Both languages on one line, English first as `chiso-check` prints.
fn say(step: &Step) -> String {
    format!("{} / {}", step.message(Lang::En), step.message(Lang::Vi))
}

/// The files to read: each file named, and each folder's CSV files.
fn files(inputs: &[String]) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    for i in inputs {
        let p = PathBuf::from(i);
        if p.is_dir() {
            let mut csv: Vec<PathBuf> = std::fs::read_dir(&p)
                .map_err(|e| {
                    format!("{i}: $: cannot read the folder: {e} / không đọc được thư mục: {e}")
                })?
                .flatten()
                .map(|e| e.path())
                .filter(|f| f.extension().is_some_and(|x| x.eq_ignore_ascii_case("csv")))
                .collect();
            csv.sort();
            out.extend(csv);
        } else {
            out.push(p);
        }
    }
    Ok(out)
}

/// Reads each file, refusing one over the limit before reading it.
fn read(paths: &[PathBuf]) -> Result<Vec<(String, Vec<u8>)>, Vec<String>> {
    let mut out = Vec::new();
    let mut refused = Vec::new();
    for p in paths {
        let shown = p.display().to_string();
        let size = std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
        if size > MAX_BYTES {
            let kind = ImportKind::TooLarge {
                bytes: size,
                limit: MAX_BYTES,
            };
            refused.push(ImportProblem::file(kind).line(&shown));
            continue;
        }
        match std::fs::read(p) {
            Ok(b) => out.push((shown, b)),
            Err(e) => refused.push(format!(
                "{shown}: $: cannot read the file: {e} / không đọc được tệp: {e}"
            )),
        }
    }
    if refused.is_empty() {
        Ok(out)
    } else {
        Err(refused)
    }
}

fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    day_from_unix_days((secs / 86_400) as i64)
}

/// The manifest, and the folder its paths are relative to (the one above `data/`).
fn manifest(path: &str) -> Result<(Manifest, PathBuf), String> {
    let bytes = std::fs::read(path)
        .map_err(|e| format!("{path}: $: cannot read the file: {e} / không đọc được tệp: {e}"))?;
    let m = parse_manifest(&bytes).map_err(|p| {
        p.iter()
            .map(|p| p.line(path))
            .collect::<Vec<_>>()
            .join("\n")
    })?;
    let root = Path::new(path)
        .parent()
        .and_then(Path::parent)
        .unwrap_or(Path::new(""))
        .to_path_buf();
    Ok((m, root))
}

fn run(a: Args) -> Result<(), String> {
    let paths = files(&a.inputs)?;
    let files = read(&paths).map_err(|lines| lines.join("\n"))?;
    let shown = a.inputs.join(" ");
    let inputs: Vec<Input> = files
        .iter()
        .map(|(name, bytes)| Input { name, bytes })
        .collect();
    let published = a.published.clone().unwrap_or_else(today);
    let imported = import(&inputs, Some(&published)).map_err(|problems| {
        let mut lines: Vec<String> = problems.iter().map(|p| p.line(&shown)).collect();
        lines.push(format!(
            "{} problem(s) / {} lỗi",
            problems.len(),
            problems.len()
        ));
        lines.join("\n")
    })?;
    let snapshot = imported.snapshot;
    let json = to_pretty_json(&snapshot);

    let default_manifest = "public/data/index.json";
    let manifest_path = a.manifest.clone().or_else(|| {
        Path::new(default_manifest)
            .exists()
            .then(|| default_manifest.into())
    });
    let (mut manifest_now, root) = match &manifest_path {
        Some(p) => {
            let (m, root) = manifest(p)?;
            (Some(m), root)
        }
        None => (None, PathBuf::new()),
    };
    let manifest_now = manifest_now.take().unwrap_or(Manifest {
        schema_version: 1,
        default: snapshot.id.clone(),
        snapshots: Vec::new(),
    });

    // The version published now, to compare with.
    let latest = manifest_now
        .entry(&snapshot.id)
        .and_then(|e| e.latest())
        .map(|v| root.join(&v.path));
    if let Some(old_path) = &latest {
        let old_shown = old_path.display().to_string();
        let old: Option<Snapshot> = std::fs::read(old_path)
            .ok()
            .and_then(|b| parse_snapshot(&b).ok());
        if let Some(old) = old {
            let changes = diff(&old, &snapshot);
            let loud: Vec<_> = changes.iter().filter(|c| c.loud()).collect();
            for c in &loud {
                let [vi, en] = [Lang::Vi, Lang::En].map(|lang| {
                    let line = change_line(lang, &old, &snapshot, c);
                    format!("{}: {} → {}", line.what, line.old, line.new)
                });
                println!("! {vi} / {en}");
            }
            if !loud.is_empty() && !a.accept_removals {
                return Err(say(&Step::Removed {
                    count: loud.len(),
                    old: old_shown,
                }));
            }
            if !changes.is_empty() {
                println!(
                    "{}",
                    say(&Step::Changes {
                        count: changes.len(),
                        old: old_shown,
                    })
                );
            }
        }
    }

    let publication = match publish(&manifest_now, &snapshot, &json, &published) {
        Ok(p) => p,
        Err(unchanged) => {
            println!(
                "{}",
                say(&Step::Unchanged {
                    version: unchanged.version
                })
            );
            return Ok(());
        }
    };
    let out = a
        .out
        .clone()
        .unwrap_or_else(|| format!("{}.json", snapshot.id));
    std::fs::write(&out, &json).map_err(|e| format!("{out}: {e}"))?;
    let v = &publication.version;
    println!(
        "{}",
        say(&Step::Written {
            path: out.clone(),
            version: v.version.clone(),
        })
    );
    println!("{}", say(&Step::Entry));
    print!(
        "{}",
        serde_json::to_string_pretty(v)
            .map(|s| s + "\n")
            .unwrap_or_default()
    );
    let manifest_shown = manifest_path.unwrap_or_else(|| default_manifest.into());
    println!("{}", say(&Step::ToPublish));
    let mut n = 0;
    let mut step = |s: Step| {
        n += 1;
        println!("{n}. {}", say(&s));
    };
    if let Some(archive) = &publication.archive {
        step(Step::Archive {
            from: root.join(&archive.from).display().to_string(),
            to: root.join(&archive.to).display().to_string(),
        });
    }
    step(Step::Copy {
        from: out.clone(),
        to: root.join(&v.path).display().to_string(),
    });
    match &a.manifest_out {
        Some(path) => {
            std::fs::write(path, manifest_json(&publication.manifest))
                .map_err(|e| format!("{path}: {e}"))?;
            step(Step::ManifestWritten { path: path.clone() });
        }
        None => step(Step::EditManifest {
            manifest: manifest_shown.clone(),
            archived: publication.archive.as_ref().map(|x| x.to.clone()),
        }),
    }
    step(Step::Check {
        manifest: manifest_shown,
    });
    Ok(())
}

fn main() -> ExitCode {
    let Some(a) = args() else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    match run(a) {
        Ok(()) => ExitCode::SUCCESS,
        Err(lines) => {
            println!("{lines}");
            ExitCode::FAILURE
        }
    }
}
