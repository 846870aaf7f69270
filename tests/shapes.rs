//! One JSON form for each shape: an object only from a JSON object, an enum value only from a
//! string, a count only from a number written as a whole number. Each refusal is a `wrong_type` at
//! the value's own path, in both languages.

use chiso::i18n::Lang;
use chiso::validate::parse_snapshot;
use serde_json::{json, Value};

fn bundled() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/public/data/ba-ria-vung-tau-2023.json"
    );
    serde_json::from_slice(&std::fs::read(path).expect("bundled snapshot")).expect("JSON")
}

/// The one problem `text` has: (path, code, English, Vietnamese).
fn one_problem(text: &str) -> (String, &'static str, String, String) {
    let problems = parse_snapshot(text.as_bytes()).expect_err("refused");
    assert_eq!(problems.len(), 1, "{problems}");
    let p = &problems.0[0];
    (
        p.path.clone(),
        p.kind.code(),
        p.kind.message(Lang::En),
        p.kind.message(Lang::Vi),
    )
}

#[test]
fn an_object_is_never_read_from_a_list() {
    let cases: [(&str, Value, &str); 3] = [
        (
            "/tallies/0/overall",
            json!([33, 39]),
            "$.tallies[0].overall",
        ),
        (
            "/title",
            json!(["Chuyển đổi số", "Digital transformation"]),
            "$.title",
        ),
        ("/period", json!([2023, 2024]), "$.period"),
    ];
    for (pointer, value, path) in cases {
        let mut s = bundled();
        *s.pointer_mut(pointer).expect("path") = value;
        let (at, code, en, vi) = one_problem(&s.to_string());
        assert_eq!((at.as_str(), code), (path, "wrong_type"));
        assert_eq!(en, "expected an object, found a list");
        assert_eq!(vi, "sai kiểu: cần đối tượng JSON, nhưng gặp một danh sách");
    }
}

#[test]
fn an_enum_value_is_never_read_from_a_one_key_object() {
    let mut s = bundled();
    s["indicators"][0]["status"] = json!({ "met": null });
    let (at, code, en, vi) = one_problem(&s.to_string());
    assert_eq!(
        (at.as_str(), code),
        ("$.indicators[0].status", "wrong_type")
    );
    assert_eq!(
        en,
        r#"expected one of "met", "not_met", "unknown", found an object"#
    );
    assert!(vi.contains(r#"cần một trong các giá trị "met", "not_met", "unknown""#));
    assert!(vi.contains("một đối tượng"), "{vi}");
}

/// The one place where the schema cannot follow: JSON Schema counts `33.0` as an integer.
#[test]
fn a_count_written_as_a_float_is_refused_and_told_why() {
    let text = bundled()
        .to_string()
        .replacen(r#""met":33"#, r#""met":33.0"#, 1);
    let (at, code, en, vi) = one_problem(&text);
    assert_eq!(
        (at.as_str(), code),
        ("$.tallies[0].overall.met", "wrong_type")
    );
    assert_eq!(
        en,
        "expected u32, found 33.0 (a whole number is written without a decimal point, an exponent or a minus before 0)"
    );
    assert!(vi.starts_with("sai kiểu: cần số nguyên không âm, nhưng gặp 33.0 (số nguyên phải viết"));
}
