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

#[test]
fn no_arguments_is_a_usage_error() {
    assert_eq!(run(&[]).0, 2);
}
