//! What the validator's test files share: the small snapshot with every later part, a mutated
//! copy's problems, and the check that each problem names its paths in both languages.
// Each test binary compiles this module and uses only part of it.
#![allow(dead_code)]

use std::path::Path;

use chiso::i18n::Lang;
use chiso::validate::{parse_snapshot, Problem};
use serde_json::Value;

/// `tests/fixtures/later-parts.json`: a small valid snapshot with every later part.
pub fn later_parts() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/later-parts.json");
    serde_json::from_slice(&std::fs::read(path).expect("readable")).expect("JSON")
}

/// The problems of `base` with `change` made to it; none when it is accepted.
pub fn problems_of(mut base: Value, change: impl FnOnce(&mut Value)) -> Vec<Problem> {
    change(&mut base);
    parse_snapshot(base.to_string().as_bytes())
        .err()
        .map(|p| p.0)
        .unwrap_or_default()
}

/// `problems` are exactly `(path, code)` each, and each message names `names` in both languages.
pub fn assert_named(name: &str, problems: &[Problem], expected: &[(&str, &str, &[&str])]) {
    let got: Vec<(&str, &str)> = problems
        .iter()
        .map(|p| (p.path.as_str(), p.kind.code()))
        .collect();
    let want: Vec<(&str, &str)> = expected.iter().map(|(p, c, _)| (*p, *c)).collect();
    assert_eq!(got, want, "{name}");
    for (p, (_, _, names)) in problems.iter().zip(expected) {
        for lang in [Lang::Vi, Lang::En] {
            let msg = p.kind.message(lang);
            for n in *names {
                assert!(
                    msg.contains(&format!("`{n}`")),
                    "{name}: {msg} does not name {n}"
                );
            }
        }
    }
}
