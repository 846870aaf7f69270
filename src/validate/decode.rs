//! From a JSON value to typed parts, part by part, so that one wrong type does not hide the
//! others: JSON paths of fields, and decoding errors turned into problems at those paths. Each
//! part is decoded strictly ([`Strict`]): one JSON form for each shape, the schema's.

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::snapshot::SCHEMA_VERSION;

use super::problem::{Found, Problem, ProblemKind, Problems};
use super::strict::{DeError, Strict};
use super::text::shown;

fn is_plain_key(k: &str) -> bool {
    !k.is_empty()
        && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !k.starts_with(|c: char| c.is_ascii_digit())
}

/// `base` + `.key` (or `['key']` when the key is not a plain name).
pub fn join_key(base: &str, key: &str) -> String {
    if is_plain_key(key) {
        format!("{base}.{key}")
    } else {
        format!("{base}[{}]", serde_json::Value::String(key.to_string()))
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

/// Turns one decoding error into a problem at the right path.
fn problem_from_de(base: &str, err: serde_path_to_error::Error<DeError>) -> Problem {
    use serde_path_to_error::Segment;
    let mut path = base.to_string();
    // The path ends at an unknown key already when serde saw the key before refusing it.
    let at_key = match err.path().iter().next_back() {
        Some(Segment::Map { key }) => Some(key.clone()),
        _ => None,
    };
    for seg in err.path().iter() {
        path = match seg {
            Segment::Seq { index } => join_index(&path, *index),
            Segment::Map { key } => join_key(&path, key),
            Segment::Enum { variant } => join_key(&path, variant),
            Segment::Unknown => path,
        };
    }
    let kind = match err.into_inner() {
        DeError::Missing(field) => {
            path = join_key(&path, field);
            ProblemKind::Missing {
                field: field.to_string(),
            }
        }
        DeError::UnknownField(field) => {
            if at_key.as_deref() != Some(field.as_str()) {
                path = join_key(&path, &field);
            }
            ProblemKind::UnknownField { field }
        }
        DeError::UnknownValue { found, allowed } => ProblemKind::UnknownValue {
            found: shown(&Value::String(truncate(&found, 40)).to_string(), 60),
            allowed: allowed
                .iter()
                .map(|n| format!("\"{n}\""))
                .collect::<Vec<_>>()
                .join(", "),
        },
        DeError::WrongType { expected, found } => ProblemKind::WrongType { expected, found },
        DeError::Other(msg) => ProblemKind::WrongType {
            expected: "?".into(),
            found: Found::Other(truncate(&msg, 80)),
        },
    };
    Problem::new(path, kind)
}

/// Decodes one JSON value into `T`, strictly (see [`Strict`]), or reports where and why not.
fn decode<T: DeserializeOwned>(value: &Value, path: &str, problems: &mut Problems) -> Option<T> {
    match serde_path_to_error::deserialize::<_, T>(Strict(value)) {
        Ok(v) => Some(v),
        Err(e) => {
            problems.0.push(problem_from_de(path, e));
            None
        }
    }
}

/// Decodes a list element by element, so that every bad element is reported.
fn decode_list<T: DeserializeOwned>(
    value: &Value,
    path: &str,
    problems: &mut Problems,
) -> Option<Vec<T>> {
    let Value::Array(items) = value else {
        problems.push(
            path,
            ProblemKind::WrongType {
                expected: "a sequence".into(),
                found: Found::of(value),
            },
        );
        return None;
    };
    let mut out = Vec::with_capacity(items.len());
    let mut ok = true;
    for (i, item) in items.iter().enumerate() {
        match decode::<T>(item, &join_index(path, i), problems) {
            Some(v) => out.push(v),
            None => ok = false,
        }
    }
    ok.then_some(out)
}

/// The top-level object, with every unknown key reported.
pub(super) fn top_object<'a>(
    value: &'a Value,
    known: &[&str],
    problems: &mut Problems,
) -> Option<&'a Map<String, Value>> {
    let Value::Object(obj) = value else {
        problems.push(
            "$",
            ProblemKind::WrongType {
                expected: "an object".into(),
                found: Found::of(value),
            },
        );
        return None;
    };
    for key in obj.keys() {
        if !known.contains(&key.as_str()) {
            problems.push(
                join_key("$", key),
                ProblemKind::UnknownField { field: key.clone() },
            );
        }
    }
    Some(obj)
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

impl<'a> Fields<'a> {
    fn get(&mut self, key: &str) -> Option<&'a Value> {
        let v = self.obj.get(key);
        if v.is_none() {
            self.problems.push(
                join_key("$", key),
                ProblemKind::Missing { field: key.into() },
            );
        }
        v
    }

    pub(super) fn one<T: DeserializeOwned>(&mut self, key: &str) -> Option<T> {
        let v = self.get(key)?;
        decode(v, &join_key("$", key), self.problems)
    }

    pub(super) fn list<T: DeserializeOwned>(&mut self, key: &str) -> Option<Vec<T>> {
        let v = self.get(key)?;
        decode_list(v, &join_key("$", key), self.problems)
    }

    pub(super) fn optional_list<T: DeserializeOwned>(&mut self, key: &str) -> Option<Vec<T>> {
        match self.obj.get(key) {
            None => Some(Vec::new()),
            Some(v) => decode_list(v, &join_key("$", key), self.problems),
        }
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
