//! `chiso-import`, as a data editor runs it: problems printed as `chiso-check` prints them, with
//! the cell; a good workbook written as the published files are, with its manifest entry, the
//! archive step, and a removed value refused unless accepted.

use std::path::{Path, PathBuf};
use std::process::Command;

fn run(dir: &Path, args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_chiso-import"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fresh folder holding a copy of `public/data` and of the CSV template.
fn workspace(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("chiso-import-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    let copy = |from: &Path, to: &Path| {
        std::fs::create_dir_all(to).expect("a folder");
        for e in std::fs::read_dir(from).expect("readable").flatten() {
            if e.path().is_file() {
                std::fs::copy(e.path(), to.join(e.file_name())).expect("copied");
            }
        }
    };
    copy(&root().join("public/data"), &dir.join("public/data"));
    copy(
        &root().join("public/data/archive"),
        &dir.join("public/data/archive"),
    );
    copy(
        &root().join("public/templates/ba-ria-vung-tau-2023"),
        &dir.join("mau"),
    );
    dir
}

/// The version the manifest lists as the latest of the bundled snapshot.
fn published_version() -> String {
    let bytes = std::fs::read(root().join("public/data/index.json")).expect("readable");
    let m = chiso::validate::parse_manifest(&bytes).expect("valid");
    let latest = m.entry("ba-ria-vung-tau-2023").and_then(|e| e.latest());
    latest.expect("listed").version.clone()
}

/// Replaces `from` by `to` once in one of the workspace's CSV files.
fn edit(dir: &Path, file: &str, from: &str, to: &str) {
    let path = dir.join("mau").join(file);
    let text = std::fs::read_to_string(&path).expect("readable");
    assert!(text.contains(from), "{from}");
    std::fs::write(&path, text.replacen(from, to, 1)).expect("written");
}

#[test]
fn problems_are_printed_with_their_cell_and_nothing_is_written() {
    let dir = workspace("problems");
    edit(&dir, "ket-qua.csv", ",33,39,", ",\"1.234\",39,");
    let (code, out) = run(&dir, &["mau", "-o", "out.json"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains(
            "mau: ket-qua.csv!D2: $.tallies[0].overall.met: \"1.234\" can be read two ways"
        ),
        "{out}"
    );
    assert!(out.contains(" / \"1.234\" có thể hiểu hai cách"), "{out}");
    assert!(!dir.join("out.json").exists());
}

#[test]
fn a_workbook_is_written_as_published_with_its_entry_and_the_archive_step() {
    let dir = workspace("publish");
    edit(&dir, "so-lieu-khac.csv", "0,7353", "0,7354");
    let (code, out) = run(
        &dir,
        &[
            "mau",
            "-o",
            "new.json",
            "--published",
            "2026-12-01",
            "--manifest-out",
            "index.json",
        ],
    );
    assert_eq!(code, 0, "{out}");
    let json = std::fs::read_to_string(dir.join("new.json")).expect("written");
    assert!(json.contains("\"value\": 0.7354"));
    assert!(json.ends_with("}\n"));
    let sha = chiso::import::sha256_hex(json.as_bytes());
    assert!(out.contains(&format!("\"sha256\": \"{sha}\"")), "{out}");
    let old = published_version();
    assert!(
        out.contains(&format!("git mv public/data/ba-ria-vung-tau-2023.json public/data/archive/ba-ria-vung-tau-2023.{old}.json")),
        "{out}"
    );
    let manifest = std::fs::read_to_string(dir.join("index.json")).expect("written");
    let m = chiso::validate::parse_manifest(manifest.as_bytes()).expect("a valid manifest");
    let versions = &m.snapshots[0].versions;
    assert_eq!(versions[0].version, &sha[..12]);
    assert_eq!(versions[0].published, "2026-12-01");
    assert_eq!(
        versions[1].path,
        format!("data/archive/ba-ria-vung-tau-2023.{old}.json")
    );
}

#[test]
fn a_removed_value_is_refused_unless_accepted() {
    let dir = workspace("removed");
    // The first indicator's result (100% after 11 months) cleared.
    edit(
        &dir,
        "chi-tieu.csv",
        ",100,2023-11m,vnpthcm-33-39-2023,",
        ",,,,",
    );
    let (code, out) = run(&dir, &["mau", "-o", "new.json"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.starts_with("! "), "{out}");
    assert!(out.contains("→ not published"), "{out}");
    assert!(!dir.join("new.json").exists());
    let (code, out) = run(&dir, &["mau", "-o", "new.json", "--accept-removals"]);
    assert_eq!(code, 0, "{out}");
    assert!(dir.join("new.json").exists());
}

#[test]
fn the_published_version_itself_changes_nothing() {
    let dir = workspace("same");
    let xlsx = root().join("public/templates/ba-ria-vung-tau-2023.xlsx");
    let (code, out) = run(&dir, &[xlsx.to_str().expect("a path")]);
    assert_eq!(code, 0, "{out}");
    let old = published_version();
    assert!(out.contains(&format!(
        "nothing changed: this is the published version {old}"
    )));
}
