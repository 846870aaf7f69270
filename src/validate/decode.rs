//! From a JSON value to typed parts, part by part, so that one wrong type does not hide the
//! others: JSON paths of fields, the top-level object and its version. Each part is read
//! strictly ([`FromJson`]): one JSON form for each shape, the schema's.

use serde_json::{Map, Value};

use crate::snapshot::SCHEMA_VERSION;

use super::problem::{Found, ProblemKind, Problems};
use super::read::{field, field_or_default, object, At, FromJson};

fn is_plain_key(k: &str) -> bool {
    !k.is_empty()
        && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !k.starts_with(|c: char| c.is_ascii_digit())
}

/// `s` quoted as JSON writes it (`"a\"b"`). Written from the `str` rather than from a
/// `Value::String`, so the WASM carries serde_json's string writer alone, not its whole writer
/// of values (numbers, maps) that nothing else in the reader uses.
pub(super) fn quoted(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

/// `base` + `.key` (or `['key']` when the key is not a plain name).
pub fn join_key(base: &str, key: &str) -> String {
    if is_plain_key(key) {
        format!("{base}.{key}")
    } else {
        format!("{base}[{}]", quoted(key))
    }
}

pub(super) fn join_index(base: &str, i: usize) -> String {
    format!("{base}[{i}]")
}

pub(super) fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max).collect();
        t.push('…');
        t
    }
}

/// The top-level object, with every unknown key reported.
pub(super) fn top_object<'a>(
    value: &'a Value,
    known: &[&str],
    problems: &mut Problems,
) -> Option<&'a Map<String, Value>> {
    object(value, &At::Root("$"), known, problems)
}

/// Reads `schema_version` first: a file of another version is not read further, since its fields
/// may mean something else.
pub(super) fn check_version(obj: &Map<String, Value>, problems: &mut Problems) -> bool {
    match obj.get("schema_version") {
        None => {
            problems.push(
                "$.schema_version",
                ProblemKind::Missing {
                    field: "schema_version".into(),
                },
            );
            false
        }
        Some(v) if v.as_u64() == Some(u64::from(SCHEMA_VERSION)) => true,
        Some(v) => {
            problems.push(
                "$.schema_version",
                ProblemKind::UnsupportedVersion {
                    found: Found::of(v),
                    supported: SCHEMA_VERSION,
                },
            );
            false
        }
    }
}

/// The top-level fields of a file, each decoded on its own: a missing or mistyped one is
/// reported to `problems` and comes back as `None`, and the others are still decoded.
pub(super) struct Fields<'a> {
    pub(super) obj: &'a Map<String, Value>,
    pub(super) problems: &'a mut Problems,
}

impl Fields<'_> {
    /// A field every file has.
    pub(super) fn one<T: FromJson>(&mut self, key: &str) -> Option<T> {
        field(self.obj, &At::Root("$"), key, self.problems)
    }

    /// A list every file has.
    pub(super) fn list<T: FromJson>(&mut self, key: &str) -> Option<Vec<T>> {
        field(self.obj, &At::Root("$"), key, self.problems)
    }

    /// A list a file may leave out (an empty list, then).
    pub(super) fn optional_list<T: FromJson>(&mut self, key: &str) -> Option<Vec<T>> {
        field_or_default(self.obj, &At::Root("$"), key, self.problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_that_are_not_names_are_bracketed_in_paths() {
        assert_eq!(join_key("$", "goal"), "$.goal");
        assert_eq!(join_key("$", "a b"), "$[\"a b\"]");
        assert_eq!(join_key("$", ""), "$[\"\"]");
    }
}
