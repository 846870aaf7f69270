//! Broken snapshots: each fixture under `tests/fixtures/` yields its named problem at its path,
//! and nothing panics on any input.

use std::path::Path;

use chiso::validate::{parse_manifest, parse_snapshot, MAX_BYTES};
use proptest::prelude::*;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name),
    )
    .unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// (path, code) of every problem the validator reports for `bytes`.
fn problems(bytes: &[u8]) -> Vec<(String, &'static str)> {
    match parse_snapshot(bytes) {
        Ok(_) => Vec::new(),
        Err(p) => p.iter().map(|p| (p.path.clone(), p.kind.code())).collect(),
    }
}

fn assert_problems(name: &str, expected: &[(&str, &str)]) {
    let got = problems(&fixture(name));
    let want: Vec<(String, &str)> = expected.iter().map(|(p, c)| (p.to_string(), *c)).collect();
    assert_eq!(got, want, "{name}");
}

#[test]
fn malformed_json_names_line_and_column() {
    let err = parse_snapshot(&fixture("malformed.json")).expect_err("truncated");
    let p = &err.0[0];
    assert_eq!((p.path.as_str(), p.kind.code()), ("$", "syntax"));
    assert!(p.kind.to_string().contains("line "), "{}", p.kind);
}

/// The slips a person makes in a hand-edited file, each told in words they can act on, in both
/// languages, at its line and column (serde_json's own terse names never reach the reader).
#[test]
fn syntax_slips_are_told_in_both_languages() {
    use chiso::i18n::Lang;
    let cases: &[(&str, &str, &str)] = &[
        ("{\"a\": [1, 2", "a `]` is missing", "thiếu `]`"),
        ("{\"a\": 1", "a `}` is missing", "thiếu `}`"),
        (
            "{\"a\": 1,}",
            "line 1, column 9: a comma before `]` or `}`",
            "thừa dấu phẩy",
        ),
        (
            "{\"a\": NaN}",
            "NaN, Infinity and comments are not JSON",
            "NaN, Infinity và chú thích",
        ),
        (
            "<!DOCTYPE html>",
            "line 1, column 1: a JSON value is expected",
            "dòng 1, cột 1",
        ),
        (
            "{a: 1}",
            "a field name must be in double quotes",
            "tên trường phải nằm trong dấu ngoặc kép",
        ),
        ("{\"a\" 1}", "a `:` is expected", "cần dấu `:`"),
        (
            "{\"a\": [1 2]}",
            "a `,` or `]` is expected",
            "cần dấu `,` hoặc `]`",
        ),
        (
            "{\"a\": \"x\ny\"}",
            "write it as `\\n`",
            "hãy viết là `\\n`",
        ),
        (
            "{\"a\": tru}",
            "only true, false and null",
            "chỉ true, false và null",
        ),
        ("{\"a\": 01}", "as in `01`", "như `01`"),
        ("{} {}", "more text after the end of the JSON", "ký tự thừa"),
    ];
    for (text, en, vi) in cases {
        let err = parse_snapshot(text.as_bytes()).expect_err(text);
        let p = &err.0[0];
        assert_eq!((p.path.as_str(), p.kind.code()), ("$", "syntax"), "{text}");
        let (got_en, got_vi) = (p.kind.message(Lang::En), p.kind.message(Lang::Vi));
        assert!(got_en.contains(en), "{text}: {got_en}");
        assert!(got_vi.contains(vi), "{text}: {got_vi}");
        assert!(
            !got_vi.contains("EOF") && !got_vi.contains("expected"),
            "{text}: {got_vi}"
        );
    }
}

#[test]
fn empty_file() {
    assert_problems("empty.json", &[("$", "empty")]);
}

#[test]
fn invalid_utf8() {
    assert_problems("not-utf8.json", &[("$", "not_utf8")]);
}

#[test]
fn top_level_array() {
    assert_problems("top-level-array.json", &[("$", "wrong_type")]);
    assert_eq!(problems(b"null"), vec![("$".to_string(), "wrong_type")]);
}

#[test]
fn wrong_types_are_all_reported_at_once() {
    assert_problems(
        "wrong-types.json",
        &[
            ("$.tallies[0].overall.met", "wrong_type"),
            ("$.indicators[0].result.value", "wrong_type"),
        ],
    );
}

#[test]
fn missing_fields() {
    assert_problems(
        "missing-fields.json",
        &[
            ("$.sources", "missing"),
            ("$.indicators[3].name", "missing"),
        ],
    );
}

#[test]
fn pillar_tallies_must_add_up() {
    assert_problems(
        "inconsistent-tallies.json",
        &[("$.tallies[0].pillars", "pillars_do_not_add_up")],
    );
}

#[test]
fn met_cannot_exceed_assigned() {
    assert_problems(
        "met-over-assigned.json",
        &[("$.tallies[1].overall.met", "met_over_assigned")],
    );
}

#[test]
fn source_ids_must_resolve() {
    assert_problems(
        "dangling-source.json",
        &[("$.indicators[2].sources[0]", "unknown_source")],
    );
}

#[test]
fn percentages_and_scores_stay_in_range() {
    assert_problems(
        "out-of-range.json",
        &[
            ("$.indicators[4].result.value", "out_of_range"),
            ("$.context[1].value", "out_of_range"),
        ],
    );
}

#[test]
fn unknown_schema_version_stops_reading() {
    assert_problems(
        "unknown-version.json",
        &[("$.schema_version", "unsupported_version")],
    );
}

#[test]
fn unknown_pillar() {
    assert_problems(
        "unknown-pillar.json",
        &[("$.tallies[0].pillars[0].pillar", "unknown_value")],
    );
}

#[test]
fn duplicate_ids() {
    assert_problems(
        "duplicate-ids.json",
        &[("$.indicators[1].id", "duplicate_id")],
    );
}

#[test]
fn only_http_links() {
    assert_problems("bad-url.json", &[("$.sources[0].url", "bad_url")]);
}

#[test]
fn negative_counts() {
    assert_problems(
        "negative-count.json",
        &[("$.tallies[0].overall.assigned", "wrong_type")],
    );
}

#[test]
fn a_5_mb_file_is_refused_before_parsing() {
    // Generated rather than committed: 5 MB of valid JSON whitespace around a real snapshot.
    let mut big = fixture("../../public/data/ba-ria-vung-tau-2023.json");
    big.extend(std::iter::repeat_n(b' ', 5 * 1024 * 1024));
    assert!(big.len() > MAX_BYTES);
    assert_eq!(problems(&big), vec![("$".to_string(), "too_large")]);
}

#[test]
fn deep_nesting_is_refused_without_overflowing_the_stack() {
    let deep = format!("{}{}", "[".repeat(20_000), "]".repeat(20_000));
    assert_eq!(
        problems(deep.as_bytes()),
        vec![("$".to_string(), "too_deep")]
    );
}

#[test]
fn messages_come_in_both_languages() {
    let err = parse_snapshot(&fixture("dangling-source.json")).expect_err("invalid");
    let kind = &err.0[0].kind;
    assert_eq!(
        kind.message(chiso::i18n::Lang::En),
        "source `bao-khong-ton-tai` is not in `sources`"
    );
    assert_eq!(
        kind.message(chiso::i18n::Lang::Vi),
        "nguồn `bao-khong-ton-tai` không có trong `sources`"
    );
}

fn arb_json() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        "[a-z_]{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(5, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::hash_map(
                prop_oneof![
                    Just("schema_version".to_string()),
                    Just("tallies".to_string()),
                    Just("sources".to_string()),
                    Just("id".to_string()),
                    "[a-z_]{1,10}"
                ],
                inner,
                0..8
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let _ = parse_snapshot(&bytes);
        let _ = parse_manifest(&bytes);
    }

    #[test]
    fn arbitrary_json_never_panics_and_always_explains(value in arb_json()) {
        let text = serde_json::to_vec(&value).expect("serialisable");
        if let Err(p) = parse_snapshot(&text) {
            prop_assert!(!p.is_empty());
            for problem in p.iter() {
                prop_assert!(problem.path.starts_with('$'));
                prop_assert!(!problem.kind.message(chiso::i18n::Lang::Vi).is_empty());
            }
        }
        let _ = parse_manifest(&text);
    }

    #[test]
    fn mutated_real_snapshots_never_panic(pos in 0usize..20_000, byte in any::<u8>()) {
        let mut bytes = fixture("../../public/data/ba-ria-vung-tau-2023.json");
        let i = pos % bytes.len();
        bytes[i] = byte;
        let _ = parse_snapshot(&bytes);
    }
}

#[test]
fn bidi_controls_in_text_are_refused() {
    assert_problems(
        "bidi-control.json",
        &[("$.indicators[0].name.vi", "control_character")],
    );
}

/// The overview's reading (`parse_snapshot_own`, without the parts that place the unit among the
/// others) of every fixture and every published snapshot: exactly the full reading's problems
/// outside those parts, and for a valid file the same snapshot but for those parts (left empty).
#[test]
fn the_reading_without_the_rankings_is_the_full_reading_outside_them() {
    use chiso::validate::parse_snapshot_own;
    const PARTS: [&str; 4] = ["$.units", "$.groupings", "$.rankings", "$.series"];
    let outside = |path: &str| {
        !PARTS.iter().any(|p| {
            path == *p || path.starts_with(&format!("{p}[")) || path.starts_with(&format!("{p}."))
        })
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["tests/fixtures", "public/data", "public/data/archive"] {
        for entry in std::fs::read_dir(root.join(dir))
            .expect("readable")
            .flatten()
        {
            let p = entry.path();
            if p.extension().is_some_and(|e| e == "json") && !p.ends_with("index.json") {
                files.push(p);
            }
        }
    }
    assert!(files.len() > 30, "{files:?}");
    let (mut valid, mut ranked) = (0, 0);
    for f in &files {
        let bytes = std::fs::read(f).expect("readable");
        match (parse_snapshot(&bytes), parse_snapshot_own(&bytes)) {
            (Ok(mut full), Ok(own)) => {
                ranked += usize::from(!full.rankings.is_empty());
                full.units.clear();
                full.groupings.clear();
                full.rankings.clear();
                full.series.clear();
                assert_eq!(own, full, "{f:?}");
                valid += 1;
            }
            (Err(full), own) => {
                let want: Vec<_> = full.iter().filter(|p| outside(&p.path)).cloned().collect();
                let got = own.err().map(|p| p.0).unwrap_or_default();
                assert_eq!(got, want, "{f:?}");
            }
            (Ok(_), Err(own)) => panic!("{f:?}: valid, but not without the rankings: {own:?}"),
        }
    }
    assert!(valid >= 2, "the published snapshots are valid");
    assert!(
        ranked >= 1,
        "a published snapshot has rankings, left out of the overview's reading"
    );
}
