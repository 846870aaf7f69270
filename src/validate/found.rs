//! What a value was found to be and what was expected instead, in both languages: the words of
//! a `wrong_type` problem.

use serde_json::Value;

use super::decode::{quoted, truncate};
use super::text::shown;

/// What a value was found to be, where another kind of value belongs.
#[derive(Debug, Clone, PartialEq)]
pub enum Found {
    Null,
    Bool(bool),
    /// As written in JSON (`33`, `-1`, `1.5`, `1e308`).
    Number(String),
    /// A whole number written with a decimal point or an exponent (`33.0`, `1E0`, `-0`), where
    /// a count or a year belongs; shown as serde_json writes it (`33.0`, `1.0`, `-0.0`).
    WholeFloat(String),
    /// The text, cut short and quoted as JSON.
    Text(String),
    List,
    Object,
    /// serde's own words, for what none of the above covers.
    Other(String),
}

impl Found {
    /// What a JSON value is.
    pub(super) fn of(v: &Value) -> Self {
        match v {
            Value::Null => Found::Null,
            Value::Bool(b) => Found::Bool(*b),
            Value::Number(n) => Found::Number(n.to_string()),
            Value::String(s) => Found::text(s),
            Value::Array(_) => Found::List,
            Value::Object(_) => Found::Object,
        }
    }

    fn text(s: &str) -> Self {
        // Quoted as JSON (which escapes line breaks and C0 controls), other hidden characters
        // as their codes.
        Found::Text(shown(&quoted(&truncate(s, 40)), 60))
    }

    /// `[vi, en]`. A text is shown as `string "…"` in both, as serde has always written it.
    pub fn words(&self) -> [String; 2] {
        match self {
            Found::Null => ["null".into(), "null".into()],
            Found::Bool(b) => [b.to_string(), b.to_string()],
            Found::Number(n) => [n.clone(), n.clone()],
            Found::WholeFloat(n) => [
                format!("{n} (số nguyên phải viết không có dấu thập phân, số mũ hay dấu trừ trước 0)"),
                format!("{n} (a whole number is written without a decimal point, an exponent or a minus before 0)"),
            ],
            Found::Text(t) => [format!("string {t}"), format!("string {t}")],
            Found::List => ["một danh sách".into(), "a list".into()],
            Found::Object => ["một đối tượng".into(), "an object".into()],
            Found::Other(s) => [s.clone(), s.clone()],
        }
    }
}

/// What was expected, `[vi, en]`. The English is serde's own name (`u32`, `a sequence`) or the
/// decoder's (`an object`, `one of "met", "not_met"`); the Vietnamese names the common ones in
/// its own words and keeps the English name for the rest.
pub(super) fn expected_words(expected: &str) -> [String; 2] {
    const WORDS: &[(&str, &str)] = &[
        ("u32", "số nguyên không âm"),
        ("i32", "số nguyên"),
        ("f64", "một số"),
        ("a string", "chuỗi văn bản"),
        ("a sequence", "danh sách (mảng JSON)"),
        ("a boolean", "true hoặc false"),
        ("a map", "đối tượng JSON"),
        ("an object", "đối tượng JSON"),
    ];
    let vi = if let Some(names) = expected.strip_prefix("one of ") {
        format!("một trong các giá trị {names}")
    } else if expected.starts_with("struct ") {
        "đối tượng JSON".into()
    } else {
        WORDS
            .iter()
            .find(|(serde, _)| *serde == expected)
            .map_or(expected, |(_, vi)| *vi)
            .into()
    };
    [vi, expected.into()]
}
