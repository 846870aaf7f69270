//! From a JSON value to the typed model, strictly: one JSON form for each shape, the form the
//! JSON Schema states (a struct only from an object, an enum only from a string naming it, a
//! count only from a whole number written without a decimal point).
//!
//! Written by hand rather than derived with serde: serde's derived decoders, with a path
//! tracker around them, were the largest part of the reader's WASM (about 90 KB before
//! compression) for what is, field by field, a lookup and a type check. Here each struct is one
//! plain function made by [`read_struct!`] from its list of fields, which also names every field
//! the struct must be built from, so a field added to the model and not to its reader does not
//! compile. The JSON path of a value is built only when something is wrong with it.
//!
//! Every problem of a value is reported, not only the first: each unknown key, each missing
//! field, each mistyped one.

use serde_json::{Map, Value};

use crate::snapshot::*;

use super::decode::{join_index, join_key, quoted, truncate};
use super::found::Found;
use super::problem::{Problem, ProblemKind, Problems};
use super::text::shown;

/// Where a value is, as a chain back to the root; written out as a JSON path only for a problem.
#[derive(Clone, Copy)]
pub(super) enum At<'a> {
    Root(&'a str),
    Key(&'a At<'a>, &'a str),
    Index(&'a At<'a>, usize),
}

impl At<'_> {
    pub(super) fn path(&self) -> String {
        match self {
            At::Root(p) => (*p).to_string(),
            At::Key(up, key) => join_key(&up.path(), key),
            At::Index(up, i) => join_index(&up.path(), *i),
        }
    }
}

fn wrong(v: &Value, at: &At, expected: &str, p: &mut Problems) {
    p.0.push(Problem::new(
        at.path(),
        ProblemKind::WrongType {
            expected: expected.into(),
            found: Found::of(v),
        },
    ));
}

/// A typed part of a file, read from its JSON value.
pub(super) trait FromJson: Sized {
    /// The value, or `None` with every problem with it pushed to `p`.
    fn read(v: &Value, at: &At, p: &mut Problems) -> Option<Self>;

    /// What a field of this type is when its key is absent: `None` for a required field.
    fn absent() -> Option<Self> {
        None
    }
}

impl FromJson for String {
    fn read(v: &Value, at: &At, p: &mut Problems) -> Option<Self> {
        match v {
            Value::String(s) => Some(s.clone()),
            _ => {
                wrong(v, at, "a string", p);
                None
            }
        }
    }
}

impl FromJson for bool {
    fn read(v: &Value, at: &At, p: &mut Problems) -> Option<Self> {
        match v {
            Value::Bool(b) => Some(*b),
            _ => {
                wrong(v, at, "a boolean", p);
                None
            }
        }
    }
}

impl FromJson for f64 {
    fn read(v: &Value, at: &At, p: &mut Problems) -> Option<Self> {
        match v.as_f64() {
            Some(x) => Some(x),
            None => {
                wrong(v, at, "f64", p);
                None
            }
        }
    }
}

/// A whole number in `lo..=hi`, written as one: `33`, never `33.0` (which JSON Schema would
/// take for an integer, but which is a float to every JSON reader that types its numbers).
fn whole(v: &Value, at: &At, expected: &str, lo: i64, hi: i64, p: &mut Problems) -> Option<i64> {
    let n = match v {
        Value::Number(n) => n,
        _ => {
            wrong(v, at, expected, p);
            return None;
        }
    };
    let found = if let Some(i) = n.as_i64() {
        if (lo..=hi).contains(&i) {
            return Some(i);
        }
        Found::Number(i.to_string())
    } else if let Some(u) = n.as_u64() {
        Found::Number(u.to_string())
    } else {
        let f = n.as_f64().unwrap_or(f64::NAN);
        if f.fract() == 0.0 && f.abs() < 1e15 {
            Found::WholeFloat(n.to_string())
        } else {
            Found::Number(n.to_string())
        }
    };
    p.0.push(Problem::new(
        at.path(),
        ProblemKind::WrongType {
            expected: expected.into(),
            found,
        },
    ));
    None
}

impl FromJson for u32 {
    fn read(v: &Value, at: &At, p: &mut Problems) -> Option<Self> {
        let n = whole(v, at, "u32", 0, i64::from(u32::MAX), p)?;
        u32::try_from(n).ok()
    }
}

impl FromJson for i32 {
    fn read(v: &Value, at: &At, p: &mut Problems) -> Option<Self> {
        let n = whole(v, at, "i32", i64::from(i32::MIN), i64::from(i32::MAX), p)?;
        i32::try_from(n).ok()
    }
}

/// `null` or absent is `None`.
impl<T: FromJson> FromJson for Option<T> {
    fn read(v: &Value, at: &At, p: &mut Problems) -> Option<Self> {
        match v {
            Value::Null => Some(None),
            _ => T::read(v, at, p).map(Some),
        }
    }

    fn absent() -> Option<Self> {
        Some(None)
    }
}

/// Every element is read, so that every bad one is reported.
impl<T: FromJson> FromJson for Vec<T> {
    fn read(v: &Value, at: &At, p: &mut Problems) -> Option<Self> {
        let Value::Array(items) = v else {
            wrong(v, at, "a sequence", p);
            return None;
        };
        let mut out = Vec::with_capacity(items.len());
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            match T::read(item, &At::Index(at, i), p) {
                Some(x) => out.push(x),
                None => ok = false,
            }
        }
        ok.then_some(out)
    }
}

/// The object a struct is read from, with every key it does not know reported.
pub(super) fn object<'v>(
    v: &'v Value,
    at: &At,
    known: &[&str],
    p: &mut Problems,
) -> Option<&'v Map<String, Value>> {
    let Value::Object(obj) = v else {
        wrong(v, at, "an object", p);
        return None;
    };
    for key in obj.keys() {
        if !known.contains(&key.as_str()) {
            p.0.push(Problem::new(
                join_key(&at.path(), key),
                ProblemKind::UnknownField { field: key.clone() },
            ));
        }
    }
    Some(obj)
}

/// One field of an object: absent is [`FromJson::absent`], or a `missing` problem.
pub(super) fn field<T: FromJson>(
    obj: &Map<String, Value>,
    at: &At,
    key: &str,
    p: &mut Problems,
) -> Option<T> {
    match obj.get(key) {
        Some(v) => T::read(v, &At::Key(at, key), p),
        None => {
            let absent = T::absent();
            if absent.is_none() {
                p.0.push(Problem::new(
                    join_key(&at.path(), key),
                    ProblemKind::Missing { field: key.into() },
                ));
            }
            absent
        }
    }
}

/// A field that may be left out and then reads as its type's default (`[]`, `false`); `null`
/// is still not a list.
pub(super) fn field_or_default<T: FromJson + Default>(
    obj: &Map<String, Value>,
    at: &At,
    key: &str,
    p: &mut Problems,
) -> Option<T> {
    match obj.get(key) {
        Some(v) => T::read(v, &At::Key(at, key), p),
        None => Some(T::default()),
    }
}

/// A name among `names`, as `"met"`; anything else is told with the names allowed.
fn one_of(v: &Value, at: &At, names: &'static [&'static str], p: &mut Problems) -> Option<usize> {
    let Value::String(s) = v else {
        let quoted: Vec<String> = names.iter().map(|n| format!("\"{n}\"")).collect();
        wrong(v, at, &format!("one of {}", quoted.join(", ")), p);
        return None;
    };
    let found = names.iter().position(|n| n == s);
    if found.is_none() {
        p.0.push(Problem::new(
            at.path(),
            ProblemKind::UnknownValue {
                found: shown(&quoted(&truncate(s, 40)), 60),
                allowed: names
                    .iter()
                    .map(|n| format!("\"{n}\""))
                    .collect::<Vec<_>>()
                    .join(", "),
            },
        ));
    }
    found
}

/// An enum of unit variants, each read from its name in the file.
macro_rules! read_enum {
    ($ty:ident { $($variant:ident = $name:literal),+ $(,)? }) => {
        impl FromJson for $ty {
            fn read(v: &Value, at: &At, p: &mut Problems) -> Option<Self> {
                const NAMES: &[&str] = &[$($name),+];
                const VALUES: &[$ty] = &[$($ty::$variant),+];
                one_of(v, at, NAMES, p).and_then(|i| VALUES.get(i).copied())
            }
        }
    };
}

/// A struct read from an object with exactly its fields: `name` for a field that must be there
/// (or may be left out when it is an `Option`), `name = default` for one that reads as `[]` or
/// `false` when left out. Every field is read before any is given up on.
macro_rules! read_struct {
    ($ty:ident { $($field:ident $(= $default:ident)?),+ $(,)? }) => {
        impl FromJson for $ty {
            fn read(v: &Value, at: &At, p: &mut Problems) -> Option<Self> {
                const FIELDS: &[&str] = &[$(stringify!($field)),+];
                let obj = object(v, at, FIELDS, p)?;
                $(let $field = read_struct!(@field obj, at, p, $field $(, $default)?);)+
                Some($ty { $($field: $field?),+ })
            }
        }
    };
    (@field $obj:ident, $at:ident, $p:ident, $field:ident) => {
        field($obj, $at, stringify!($field), $p)
    };
    (@field $obj:ident, $at:ident, $p:ident, $field:ident, default) => {
        field_or_default($obj, $at, stringify!($field), $p)
    };
}

read_enum!(Pillar {
    DigitalGovernment = "digital_government",
    DigitalEconomy = "digital_economy",
    DigitalSociety = "digital_society",
});
read_enum!(Unit {
    Percent = "percent",
    Count = "count",
    Score = "score",
    Rank = "rank",
});
read_enum!(Status {
    Met = "met",
    NotMet = "not_met",
    Unknown = "unknown",
});
read_enum!(Comparator {
    AtLeast = "at_least",
    Equal = "equal",
    Maintain = "maintain",
});
read_enum!(Qualifier {
    About = "about",
    Over = "over",
    Nearly = "nearly",
});

read_struct!(Text { vi, en });
read_struct!(AdminUnit {
    id,
    name,
    level,
    successor
});
read_struct!(Successor {
    id,
    name,
    since,
    sources
});
read_struct!(Period {
    result_year,
    goal_year
});
read_struct!(AsOf {
    id,
    label,
    year,
    months
});
read_struct!(Source {
    id,
    title,
    publisher,
    url,
    date,
    note
});
read_struct!(Count { met, assigned });
read_struct!(PillarCount {
    pillar,
    met,
    assigned
});
read_struct!(Tally {
    as_of,
    set,
    overall,
    pillars,
    sources
});
read_struct!(Measured {
    value,
    as_of,
    sources
});
read_struct!(Target {
    value,
    comparator,
    sources
});
read_struct!(Indicator {
    id,
    pillar,
    name,
    unit,
    result,
    target,
    goal,
    status,
    sources,
    reported = default,
});
read_struct!(Reported {
    value,
    as_of,
    status,
    note,
    sources
});
read_struct!(Goal {
    id,
    text,
    sources,
    reported = default,
});
read_struct!(Initiative {
    id,
    by,
    name,
    description,
    services,
    sources
});
read_struct!(ContextFigure {
    id,
    series,
    name,
    unit,
    value,
    qualifier,
    out_of,
    requirement,
    as_of,
    sources
});
read_struct!(RankedUnit {
    id,
    code,
    name,
    since,
    until,
    successor
});
read_struct!(Grouping {
    id,
    name,
    size,
    as_of,
    members = default,
});
read_struct!(Ranking {
    id,
    name,
    year,
    grouping,
    published,
    entries,
    mean,
    note,
    sources
});
read_struct!(RankEntry {
    unit,
    rank,
    tie = default,
    score,
    note,
    sources
});
read_struct!(Stat { value, sources });
read_struct!(YearSeries {
    id,
    name,
    unit,
    points,
    note
});
read_struct!(SeriesPoint {
    year,
    value,
    note,
    sources
});
read_struct!(ManifestEntry {
    id,
    title,
    period,
    versions
});
read_struct!(SnapshotVersion {
    version,
    path,
    sha256,
    published
});

#[cfg(test)]
mod tests {
    use super::*;

    fn read<T: FromJson>(text: &str) -> Result<T, Vec<(String, String)>> {
        let v: Value = serde_json::from_str(text).expect("JSON");
        let mut p = Problems::default();
        match T::read(&v, &At::Root("$"), &mut p) {
            Some(x) if p.is_empty() => Ok(x),
            _ => Err(p
                .iter()
                .map(|p| (p.path.clone(), p.kind.to_string()))
                .collect()),
        }
    }

    #[test]
    fn every_problem_of_an_object_is_told_at_its_path() {
        let err = read::<Count>(r#"{"met": "33", "extra": 1}"#).expect_err("three problems");
        let paths: Vec<&str> = err.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(paths, ["$.extra", "$.met", "$.assigned"]);
    }

    #[test]
    fn counts_are_whole_numbers_in_range() {
        assert_eq!(read::<u32>("33").ok(), Some(33));
        for bad in ["33.0", "-1", "4294967296", "1e0", "\"33\"", "null"] {
            assert!(read::<u32>(bad).is_err(), "{bad}");
        }
        assert_eq!(read::<i32>("-5").ok(), Some(-5));
        assert!(read::<i32>("2147483648").is_err());
    }

    #[test]
    fn an_optional_field_may_be_absent_or_null_but_a_defaulted_list_not_null() {
        let g = read::<Grouping>(r#"{"id":"g","name":{"vi":"a","en":"b"},"size":63,"as_of":"x"}"#);
        assert_eq!(g.map(|g| g.members), Ok(Vec::new()));
        let e = read::<RankEntry>(r#"{"unit":"u","rank":null,"sources":[]}"#).expect("entry");
        assert_eq!((e.rank, e.tie, e.score), (None, false, None));
        assert!(read::<Goal>(
            r#"{"id":"g","text":{"vi":"a","en":"b"},"sources":[],"reported":null}"#
        )
        .is_err());
    }

    #[test]
    fn an_enum_reads_from_its_name_only() {
        assert_eq!(read::<Status>("\"not_met\"").ok(), Some(Status::NotMet));
        let err = read::<Status>("\"done\"").expect_err("unknown");
        assert!(
            err[0].1.contains("\"met\", \"not_met\", \"unknown\""),
            "{err:?}"
        );
        assert!(read::<Status>(r#"{"met": null}"#).is_err());
    }
}
