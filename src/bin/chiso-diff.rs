//! What changed between two versions of a snapshot, figure by figure.
//!
//! `cargo run --bin chiso-diff -- OLD.json NEW.json` reads both files as the app does and prints
//! each change on one line, in Vietnamese then in English (`what: old → new / what: old → new`),
//! a value removed or turned unknown marked with a leading `!`, then a count line. Exits with 0
//! when it compared the two (changes or not), 1 when a file is invalid (every problem printed as
//! `chiso-check` prints it), 2 on bad usage.

use std::process::ExitCode;

use chiso::diff::diff;
use chiso::i18n::Lang;
use chiso::present::{change_line, changes_summary};
use chiso::snapshot::Snapshot;
use chiso::validate::parse_snapshot;

/// Reads one snapshot, or prints why not, as `chiso-check` does: `FILE: $.path: English /
/// Vietnamese`.
fn read(path: &str) -> Option<Snapshot> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            println!("{path}: $: cannot read the file: {e} / không đọc được tệp: {e}");
            return None;
        }
    };
    match parse_snapshot(&bytes) {
        Ok(s) => Some(s),
        Err(problems) => {
            for p in problems.iter() {
                println!("{}", p.line(path));
            }
            None
        }
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [old_path, new_path] = args.as_slice() else {
        eprintln!("usage: chiso-diff OLD.json NEW.json\n  prints what changed between two versions of a snapshot, figure by figure");
        return ExitCode::from(2);
    };
    if args.iter().any(|a| a == "-h" || a == "--help") {
        eprintln!("usage: chiso-diff OLD.json NEW.json");
        return ExitCode::from(2);
    }
    let (old, new) = (read(old_path), read(new_path));
    let (Some(old), Some(new)) = (old, new) else {
        eprintln!("not compared: a file is invalid");
        return ExitCode::FAILURE;
    };
    if old.id != new.id {
        eprintln!(
            "note: comparing two different snapshots ({} and {})",
            old.id, new.id
        );
    }
    let changes = diff(&old, &new);
    for c in &changes {
        let [vi, en] = [Lang::Vi, Lang::En].map(|lang| {
            let line = change_line(lang, &old, &new, c);
            format!("{}: {} → {}", line.what, line.old, line.new)
        });
        let mark = if c.loud() { "! " } else { "" };
        println!("{mark}{vi} / {en}");
    }
    println!(
        "{} / {}",
        changes_summary(Lang::Vi, &changes),
        changes_summary(Lang::En, &changes)
    );
    ExitCode::SUCCESS
}
