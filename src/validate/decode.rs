//! From a JSON value to typed parts, part by part, so that one wrong type does not hide the
//! others: JSON paths of fields, and serde's errors turned into problems at those paths.

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::snapshot::SCHEMA_VERSION;

use super::problem::{Problem, ProblemKind, Problems};

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

fn describe(v: &Value) -> String {
    let s = match v {
        Value::Null => "null".to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => format!("the string {}", Value::String(truncate(s, 40))),
        Value::Array(_) => "a list".to_string(),
        Value::Object(_) => "an object".to_string(),
    };
    truncate(&s, 60)
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

/// Backticked names in serde's messages: "unknown field `x`, expected one of `a`, `b`".
fn backticked(msg: &str) -> Vec<&str> {
    msg.split('`').skip(1).step_by(2).collect()
}

/// Turns one serde error into a problem at the right path.
fn problem_from_serde(base: &str, err: serde_path_to_error::Error<serde_json::Error>) -> Problem {
    use serde_path_to_error::Segment;
    let mut path = base.to_string();
    for seg in err.path().iter() {
        path = match seg {
            Segment::Seq { index } => join_index(&path, *index),
            Segment::Map { key } => join_key(&path, key),
            Segment::Enum { variant } => join_key(&path, variant),
            Segment::Unknown => path,
        };
    }
    let msg = err.inner().to_string();
    let msg = msg
        .rsplit_once(" at line ")
        .map_or(msg.as_str(), |(m, _)| m);
    let names = backticked(msg);
    let kind = if let Some(field) = msg.strip_prefix("missing field ").and(names.first()) {
        let field = (*field).to_string();
        path = join_key(&path, &field);
        ProblemKind::Missing { field }
    } else if msg.starts_with("unknown field ") {
        let field = names.first().map_or("?", |s| s).to_string();
        path = join_key(&path, &field);
        ProblemKind::UnknownField { field }
    } else if msg.starts_with("unknown variant ") {
        ProblemKind::UnknownValue {
            found: format!("\"{}\"", names.first().map_or("?", |s| s)),
            allowed: names[1..]
                .iter()
                .map(|n| format!("\"{n}\""))
                .collect::<Vec<_>>()
                .join(", "),
        }
    } else if let Some(rest) = msg
        .strip_prefix("invalid type: ")
        .or_else(|| msg.strip_prefix("invalid value: "))
    {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, "?"));
        let found = found
            .replace("integer ", "")
            .replace("floating point ", "")
            .replace('`', "");
        ProblemKind::WrongType {
            expected: expected.to_string(),
            found: truncate(&found, 60),
        }
    } else {
        ProblemKind::WrongType {
            expected: "?".into(),
            found: truncate(msg, 80),
        }
    };
    Problem::new(path, kind)
}

/// Decodes one JSON value into `T`, or reports where and why not.
fn decode<T: DeserializeOwned>(value: &Value, path: &str, problems: &mut Problems) -> Option<T> {
    match serde_path_to_error::deserialize::<_, T>(value) {
        Ok(v) => Some(v),
        Err(e) => {
            problems.0.push(problem_from_serde(path, e));
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
                found: describe(value),
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
                found: describe(value),
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
                    found: describe(v),
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
