//! `chiso-check`, as a data editor runs it.

use std::process::Command;

fn run(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_chiso-check"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn valid_files_pass() {
    let (code, out) = run(&[
        "public/data/index.json",
        "public/data/ba-ria-vung-tau-2023.json",
    ]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("public/data/ba-ria-vung-tau-2023.json: ok"));
    // The manifest alone checks every version it lists.
    let (code, out) = run(&["public/data/index.json"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("public/data/ba-ria-vung-tau-2023.json: ok"),
        "{out}"
    );
}

#[test]
fn each_problem_is_printed_as_file_path_message() {
    let (code, out) = run(&[
        "tests/fixtures/wrong-types.json",
        "public/data/ba-ria-vung-tau-2023.json",
    ]);
    assert_eq!(code, 1);
    assert!(
        out.contains("tests/fixtures/wrong-types.json: $.tallies[0].overall.met: expected u32, found string \"33\""),
        "{out}"
    );
    assert!(
        out.contains("tests/fixtures/wrong-types.json: $.indicators[0].result.value: "),
        "{out}"
    );
}

#[test]
fn empty_and_missing_files_fail() {
    let (code, out) = run(&["tests/fixtures/empty.json"]);
    assert_eq!(code, 1);
    assert!(
        out.contains("tests/fixtures/empty.json: $: the file is empty / tệp rỗng"),
        "{out}"
    );
    let (code, out) = run(&["no-such-file.json"]);
    assert_eq!(code, 1);
    assert!(
        out.starts_with("no-such-file.json: $: cannot read the file"),
        "{out}"
    );
}

/// A manifest's versions are checked too, each against the day it was published.
#[test]
fn a_manifest_brings_its_versions_and_their_publication_day() {
    let (code, out) = run(&["tests/fixtures/site/data/index.json"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("tests/fixtures/site/data/index.json: ok"),
        "{out}"
    );
    assert!(
        out.contains("tests/fixtures/site/data/source-after-publication.json: $.sources[6].date: `$.sources[6].date` 2027-01-15 is after 2026-11-27, the day this version was published"),
        "{out}"
    );
    assert!(out.contains(" / `$.sources[6].date` 2027-01-15 muộn hơn 2026-11-27, ngày phiên bản này được công bố"), "{out}");
    // The same file, named alone, is a valid snapshot: only the manifest knows the day.
    let (code, out) = run(&["tests/fixtures/site/data/source-after-publication.json"]);
    assert_eq!(code, 0, "{out}");
    // Named with its manifest, it is checked once, against that day.
    let (code, out) = run(&[
        "tests/fixtures/site/data/source-after-publication.json",
        "tests/fixtures/site/data/index.json",
    ]);
    assert_eq!(code, 1, "{out}");
    assert_eq!(
        out.matches("source-after-publication.json: ").count(),
        1,
        "{out}"
    );
}

#[test]
fn a_contradiction_is_printed_in_both_languages() {
    let (code, out) = run(&["tests/fixtures/status-met-below-target.json"]);
    assert_eq!(code, 1);
    assert!(
        out.contains("tests/fixtures/status-met-below-target.json: $.indicators[4].status: `$.indicators[4].status` says met, but `$.indicators[4].result.value` 98 is below `$.indicators[4].target.value` 100 / `$.indicators[4].status` ghi là đạt, nhưng"),
        "{out}"
    );
}

#[test]
fn no_arguments_is_a_usage_error() {
    assert_eq!(run(&[]).0, 2);
}
