//! Every text a reader sees and every link, wherever it is in a snapshot or a manifest, is held
//! to the same rules: not empty, at most `MAX_TEXT_CHARS`, no hidden control or invisible format
//! character; a link is a plain http(s) link. Ids keep their own form.

use std::path::Path;

use chiso::i18n::Lang;
use chiso::validate::{parse_manifest, parse_snapshot, Problems, MAX_TEXT_CHARS};
use serde_json::{json, Value};

fn read(rel: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    serde_json::from_slice(&std::fs::read(&path).expect("readable")).expect("JSON")
}

/// What a string at a key is, by the key (and the key of the list it is in).
#[derive(Debug, PartialEq)]
enum Kind {
    /// A text a reader sees.
    Text,
    /// An id: of a part, a series, an administrative unit.
    Id,
    Link,
    Other,
}

fn kind(key: &str, in_list: Option<&str>) -> Kind {
    match (key, in_list) {
        (_, Some("services")) => Kind::Text,
        (_, Some(_)) => Kind::Other, // source ids cited, notes (objects)
        ("vi" | "en" | "title" | "publisher" | "level", None) => Kind::Text,
        // A unit's `code` is an administrative unit's id (`VN-43`).
        ("id" | "series" | "code", None) => Kind::Id,
        ("url", None) => Kind::Link,
        _ => Kind::Other,
    }
}

/// Every string in `v`: (JSON pointer, path as the validator writes it, kind).
fn strings(
    v: &Value,
    pointer: &str,
    path: &str,
    key: &str,
    list: Option<&str>,
    out: &mut Vec<(String, String, Kind)>,
) {
    match v {
        Value::String(_) => out.push((pointer.into(), path.into(), kind(key, list))),
        Value::Object(m) => {
            for (k, child) in m {
                strings(
                    child,
                    &format!("{pointer}/{k}"),
                    &format!("{path}.{k}"),
                    k,
                    None,
                    out,
                );
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                strings(
                    child,
                    &format!("{pointer}/{i}"),
                    &format!("{path}[{i}]"),
                    key,
                    Some(key),
                    out,
                );
            }
        }
        _ => {}
    }
}

/// (path, code) of each problem.
fn codes(r: Result<(), Problems>) -> Vec<(String, &'static str)> {
    match r {
        Ok(()) => Vec::new(),
        Err(p) => p.iter().map(|p| (p.path.clone(), p.kind.code())).collect(),
    }
}

/// A text broken in each way a reader could be misled or a page frozen, and the problem it gets.
fn broken_texts() -> Vec<(String, &'static str)> {
    let mut cases = vec![
        (String::new(), "empty_text"),
        ("   ".into(), "empty_text"),
        ("x".repeat(100_000), "text_too_long"),
        ("x".repeat(MAX_TEXT_CHARS + 1), "text_too_long"),
    ];
    for c in [
        '\u{0000}', '\u{0007}', '\u{007F}', '\u{0085}', '\u{202A}', '\u{202E}', '\u{2066}',
        '\u{2069}', '\u{061C}', '\u{200B}', '\u{200C}', '\u{200D}', '\u{200E}', '\u{200F}',
        '\u{2060}', '\u{2062}', '\u{2064}', '\u{FEFF}', '\u{00AD}',
    ] {
        cases.push((format!("Tỷ lệ{c} 33/39"), "control_character"));
    }
    cases
}

fn check_every_text(name: &str, base: &Value, parse: fn(&[u8]) -> Result<(), Problems>) -> usize {
    let mut all = Vec::new();
    strings(base, "", "$", "", None, &mut all);
    let texts: Vec<_> = all.iter().filter(|(_, _, k)| *k == Kind::Text).collect();
    assert!(!texts.is_empty(), "{name}: no texts found");
    let mut tried = 0;
    for (pointer, path, _) in &texts {
        for (text, code) in broken_texts() {
            let mut doc = base.clone();
            *doc.pointer_mut(pointer).expect("path") = json!(text);
            let got = codes(parse(doc.to_string().as_bytes()));
            assert_eq!(
                got,
                vec![(path.clone(), code)],
                "{name}: {path} := {:?}",
                shorten(&text)
            );
            tried += 1;
        }
    }
    // Ids keep their own, narrower form (and a file with a broken id is refused at that id).
    for (pointer, path, _) in all.iter().filter(|(_, _, k)| *k == Kind::Id) {
        for text in [
            String::new(),
            "x".repeat(100_000),
            "a\u{0}b".into(),
            "a\u{202E}b".into(),
            "a\u{200B}b".into(),
        ] {
            let mut doc = base.clone();
            *doc.pointer_mut(pointer).expect("path") = json!(text);
            let got = codes(parse(doc.to_string().as_bytes()));
            assert!(
                got.contains(&(path.clone(), "bad_id")),
                "{name}: {path} := {:?}: {got:?}",
                shorten(&text)
            );
            tried += 1;
        }
    }
    tried
}

fn shorten(s: &str) -> String {
    s.chars().take(20).collect()
}

#[test]
fn every_text_in_a_snapshot_is_held_to_the_same_rules() {
    let base = read("public/data/ba-ria-vung-tau-2023.json");
    let tried = check_every_text("snapshot", &base, |b| parse_snapshot(b).map(|_| ()));
    println!("{tried} broken texts and ids tried");
}

#[test]
fn every_text_in_a_manifest_is_held_to_the_same_rules() {
    let base = read("public/data/index.json");
    check_every_text("manifest", &base, |b| parse_manifest(b).map(|_| ()));
}

/// The fields that were never checked: the successor's id and name, a source's publisher, the
/// unit's level.
#[test]
fn the_fields_once_left_unchecked_are_checked() {
    let mut all = Vec::new();
    let base = read("public/data/ba-ria-vung-tau-2023.json");
    strings(&base, "", "$", "", None, &mut all);
    let kind_of = |path: &str| all.iter().find(|(_, p, _)| p == path).map(|(_, _, k)| k);
    assert_eq!(kind_of("$.unit.successor.id"), Some(&Kind::Id));
    assert_eq!(kind_of("$.unit.successor.name.vi"), Some(&Kind::Text));
    assert_eq!(kind_of("$.sources[1].publisher"), Some(&Kind::Text));
    assert_eq!(kind_of("$.unit.level"), Some(&Kind::Text));
    // And the messages say so in both languages.
    let mut doc = base.clone();
    doc["sources"][1]["publisher"] = json!("Báo\u{200B} Bà Rịa – Vũng Tàu");
    let Err(p) = parse_snapshot(doc.to_string().as_bytes()) else {
        panic!("a zero-width space in a publisher is accepted");
    };
    assert_eq!(p.0[0].path, "$.sources[1].publisher");
    assert!(p.0[0]
        .kind
        .message(Lang::En)
        .contains("invisible format character U+200B"));
    assert!(p.0[0]
        .kind
        .message(Lang::Vi)
        .contains("ký tự định dạng ẩn U+200B"));
}

#[test]
fn links_are_plain_http_links() {
    let base = read("public/data/ba-ria-vung-tau-2023.json");
    for (url, code) in [
        ("https://dti.gov.vn@evil.example/", "bad_url"),
        ("https://user:pass@dti.gov.vn/xep-hang-2022", "bad_url"),
        ("https://dti.gov.vn/xep\u{200B}-hang-2022", "bad_url"),
        ("https://dti.gov.vn/\u{202E}2202-gnah-pex", "bad_url"),
        ("", "bad_url"),
        ("javascript:alert(1)", "bad_url"),
    ] {
        let mut doc = base.clone();
        doc["sources"][7]["url"] = json!(url);
        let got = codes(parse_snapshot(doc.to_string().as_bytes()).map(|_| ()));
        assert_eq!(got, vec![("$.sources[7].url".to_string(), code)], "{url:?}");
    }
    let long = format!("https://dti.gov.vn/{}", "x".repeat(100_000));
    let mut doc = base.clone();
    doc["sources"][7]["url"] = json!(long);
    let got = codes(parse_snapshot(doc.to_string().as_bytes()).map(|_| ()));
    assert_eq!(got, vec![("$.sources[7].url".to_string(), "text_too_long")]);
    // An @ after the host is part of the path or query, not a user name.
    doc["sources"][7]["url"] = json!("https://dti.gov.vn/xep-hang-2022?by=@dti");
    assert!(parse_snapshot(doc.to_string().as_bytes()).is_ok());
    // The message shows a hidden character as its code, never the character itself.
    doc["sources"][7]["url"] = json!("https://dti.gov.vn/\u{202E}x");
    let Err(p) = parse_snapshot(doc.to_string().as_bytes()) else {
        panic!("a right-to-left override in a link is accepted");
    };
    let en = p.0[0].kind.message(Lang::En);
    assert!(en.contains("\\u{202E}") && !en.contains('\u{202E}'), "{en}");
}

/// The parts added for what came after the result year (later observations, the units, groupings
/// and rankings, figures over the years): every figure names a source and every source, as-of,
/// unit and grouping it names is listed; every date is a date; a unit's code is a unit's id. The
/// base is `tests/fixtures/later-parts.json`.
#[test]
fn every_later_part_names_its_sources_and_what_it_names_exists() {
    let base = read("tests/fixtures/later-parts.json");
    assert!(parse_snapshot(base.to_string().as_bytes()).is_ok());
    for (pointer, value, path, code) in [
        (
            "/indicators/0/reported/0/sources",
            json!([]),
            "$.indicators[0].reported[0].sources",
            "no_sources",
        ),
        (
            "/indicators/0/reported/0/sources/0",
            json!("dcs"),
            "$.indicators[0].reported[0].sources[0]",
            "unknown_source",
        ),
        (
            "/indicators/0/reported/0/as_of",
            json!("2024-10"),
            "$.indicators[0].reported[0].as_of",
            "unknown_as_of",
        ),
        (
            "/goals/0/reported/0/sources",
            json!([]),
            "$.goals[0].reported[0].sources",
            "no_sources",
        ),
        (
            "/rankings/0/sources",
            json!([]),
            "$.rankings[0].sources",
            "no_sources",
        ),
        (
            "/rankings/0/entries/0/sources/0",
            json!("dti-2021"),
            "$.rankings[0].entries[0].sources[0]",
            "unknown_source",
        ),
        (
            "/rankings/0/entries/0/sources",
            json!([]),
            "$.rankings[0].entries[0].sources",
            "no_sources",
        ),
        (
            "/rankings/0/mean/sources",
            json!([]),
            "$.rankings[0].mean.sources",
            "no_sources",
        ),
        (
            "/series/0/points/0/sources",
            json!([]),
            "$.series[0].points[0].sources",
            "no_sources",
        ),
        (
            "/rankings/1/grouping",
            json!("vn-35"),
            "$.rankings[1].grouping",
            "unknown_grouping",
        ),
        (
            "/rankings/1/entries/0/unit",
            json!("ha-noi"),
            "$.rankings[1].entries[0].unit",
            "unknown_unit",
        ),
        (
            "/units/3/successor",
            json!("VN-SG"),
            "$.units[3].successor",
            "unknown_unit",
        ),
        (
            "/units/4/since",
            json!("2025-7-1"),
            "$.units[4].since",
            "bad_date",
        ),
        (
            "/units/3/until",
            json!("30/6/2025"),
            "$.units[3].until",
            "bad_date",
        ),
        (
            "/groupings/1/as_of",
            json!("2025-02-29"),
            "$.groupings[1].as_of",
            "bad_date",
        ),
        (
            "/rankings/1/published",
            json!("tháng 10/2025"),
            "$.rankings[1].published",
            "bad_date",
        ),
        ("/units/3/code", json!("VN 43"), "$.units[3].code", "bad_id"),
        (
            "/rankings/0/id",
            json!("DTI-2022"),
            "$.rankings[0].id",
            "bad_id",
        ),
        ("/series/0/id", json!(""), "$.series[0].id", "bad_id"),
    ] {
        let mut doc = base.clone();
        *doc.pointer_mut(pointer).expect("path") = value.clone();
        let got = codes(parse_snapshot(doc.to_string().as_bytes()).map(|_| ()));
        assert_eq!(got, vec![(path.to_string(), code)], "{pointer} := {value}");
    }
}

/// The worked example of the README's format section is a snapshot the validator accepts.
#[test]
fn the_readme_example_is_valid() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(path).expect("README.md");
    let section = readme
        .split_once("### The snapshot format")
        .map(|(_, s)| s)
        .expect("the format section");
    let example = section
        .split_once("```json")
        .and_then(|(_, s)| s.split_once("```"))
        .map(|(json, _)| json)
        .expect("a JSON example");
    if let Err(p) = parse_snapshot(example.as_bytes()) {
        panic!("the README's example:\n{p}");
    }
}
