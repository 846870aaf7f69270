//! The published JSON Schemas and the validator agree on the shape of a file.
//!
//! A real JSON Schema validator (the `jsonschema` crate) reads `public/schema/*.json`, and the
//! bundled files are mutated at every JSON path in every way a hand edit can go wrong: another
//! type, a list of the value's parts, a one-key object, numbers at and past every bound, a key
//! deleted, an unknown key added, another name of an enum. For each mutation "the schema accepts"
//! must equal "the validator accepts the shape" (it reports none of the problems the schema can
//! also state: a wrong type, a missing or unknown field, an unknown value, a number out of its
//! range, …). The validator's other checks (ids, links, dates, references, sums, contradictions)
//! say more than a schema can, and are not compared.
//!
//! One exception, by the JSON Schema specification itself: a number with a zero fraction is an
//! integer there, so `33.0`, `1E0` and `-0` are integers to the schema, while the validator reads
//! counts, years and months as written and refuses them (`wrong_type`). No schema can refuse them;
//! the test allows exactly that case, and checks that it happens.

use std::path::Path;

use chiso::validate::{parse_manifest, parse_snapshot, Problems};
use serde_json::{json, Map, Value};

/// The problems a schema can state too. A mutation the schema refuses must bring one of these,
/// and one it accepts must bring none.
const SHAPE: &[&str] = &[
    "wrong_type",
    "missing",
    "unknown_field",
    "unknown_value",
    "unsupported_version",
    "out_of_range",
    "nothing_assigned",
    "not_whole",
    "rank_without_out_of",
];

/// Whole numbers written as floats: integers to JSON Schema, not to the validator.
const WHOLE_FLOATS: &[&str] = &["33.0", "1E0", "-0"];

/// Every value is replaced by each of these, as JSON text.
const EVERYWHERE: &[&str] = &[
    "\"33\"",
    "33",
    "null",
    "true",
    "33.0",
    "1E0",
    "-0",
    "4294967296",
    "-1",
    "99999",
    "[]",
    "{}",
];

/// Numbers and nulls are also replaced by each of these: at and past every bound the format has.
const AT_THE_BOUNDS: &[&str] = &[
    "0",
    "1",
    "0.5",
    "1.5",
    "12",
    "13",
    "63",
    "64",
    "100",
    "100.5",
    "101",
    "1999",
    "2000",
    "2100",
    "2101",
    "10000",
    "10001",
    "4294967295",
    "1e308",
    "-1e308",
];

/// The names of every enum of the format: a string that is one of them is also replaced by each
/// of the others.
const NAMES: &[&str] = &[
    "digital_government",
    "digital_economy",
    "digital_society",
    "percent",
    "count",
    "score",
    "rank",
    "met",
    "not_met",
    "unknown",
    "at_least",
    "equal",
    "maintain",
    "about",
    "over",
    "nearly",
];

/// Stands for the new value while the document is written out, then is replaced by its text, so
/// that `1E0` and `-0` reach both validators exactly as written.
const HOLE: &str = "\u{1}mutation\u{1}";

#[derive(Clone)]
enum Step {
    Key(String),
    Index(usize),
}

fn show(path: &[Step]) -> String {
    let mut s = String::from("$");
    for step in path {
        match step {
            Step::Key(k) => {
                s.push('.');
                s.push_str(k);
            }
            Step::Index(i) => s.push_str(&format!("[{i}]")),
        }
    }
    s
}

enum Change {
    /// The value at the path becomes this JSON text.
    Replace(String),
    /// The key at the end of the path is removed from its object.
    Delete,
    /// The object at the path gains a key the format does not have.
    AddKey,
}

struct Mutation {
    path: Vec<Step>,
    change: Change,
}

impl Mutation {
    fn describe(&self) -> String {
        let at = show(&self.path);
        match &self.change {
            Change::Replace(text) => format!("{at} := {}", shorten(text)),
            Change::Delete => format!("delete {at}"),
            Change::AddKey => format!("add {at}.zz_unknown"),
        }
    }
}

/// The JSON pointer of a path, for `Value::pointer_mut`.
fn pointer(steps: &[Step]) -> String {
    steps
        .iter()
        .map(|s| match s {
            Step::Key(k) => format!("/{}", k.replace('~', "~0").replace('/', "~1")),
            Step::Index(i) => format!("/{i}"),
        })
        .collect()
}

/// Writes out the mutations of one document. Mutations come path by path, so the document with a
/// hole where the value goes is written once per path, and each new value costs a string
/// replacement; the schema reads a working copy with the one value swapped in and back.
struct Writer<'a> {
    base: &'a Value,
    work: Value,
    hole_at: Option<String>,
    with_hole: String,
}

impl<'a> Writer<'a> {
    fn new(base: &'a Value) -> Self {
        Writer {
            base,
            work: base.clone(),
            hole_at: None,
            with_hole: String::new(),
        }
    }

    /// The mutated text, and whether `check` accepts the mutated document.
    fn run(&mut self, m: &Mutation, check: impl Fn(&Value) -> bool) -> (String, bool) {
        let at = pointer(&m.path);
        match &m.change {
            Change::Replace(raw) => {
                if self.hole_at.as_deref() != Some(at.as_str()) {
                    let mut doc = self.base.clone();
                    if let Some(v) = doc.pointer_mut(&at) {
                        *v = Value::String(HOLE.into());
                    }
                    self.with_hole = doc.to_string();
                    self.hole_at = Some(at.clone());
                }
                let hole = Value::String(HOLE.into()).to_string();
                let text = self.with_hole.replace(&hole, raw);
                let new: Value = serde_json::from_str(raw)
                    .unwrap_or_else(|e| panic!("{}: not JSON: {e}", m.describe()));
                let Some(slot) = self.work.pointer_mut(&at) else {
                    panic!("{}: no such path", m.describe());
                };
                let old = std::mem::replace(slot, new);
                let ok = check(&self.work);
                if let Some(slot) = self.work.pointer_mut(&at) {
                    *slot = old;
                }
                (text, ok)
            }
            Change::AddKey | Change::Delete => {
                let mut doc = self.base.clone();
                match (&m.change, m.path.split_last()) {
                    (Change::Delete, Some((Step::Key(k), parent))) => {
                        if let Some(Value::Object(o)) = doc.pointer_mut(&pointer(parent)) {
                            o.remove(k);
                        }
                    }
                    _ => {
                        if let Some(Value::Object(o)) = doc.pointer_mut(&at) {
                            o.insert("zz_unknown".into(), json!(1));
                        }
                    }
                }
                (doc.to_string(), check(&doc))
            }
        }
    }
}

fn shorten(s: &str) -> String {
    if s.chars().count() > 60 {
        format!("{}…", s.chars().take(60).collect::<String>())
    } else {
        s.to_string()
    }
}

/// "A list of its parts" and "a one-key object" of a value.
fn reshaped(v: &Value) -> [String; 2] {
    let parts = match v {
        Value::Object(m) => Value::Array(m.values().cloned().collect()),
        other => Value::Array(vec![other.clone()]),
    };
    let one_key = match v {
        Value::String(s) => {
            let mut m = Map::new();
            m.insert(s.clone(), Value::Null);
            Value::Object(m)
        }
        other => json!({ "x": other }),
    };
    [parts.to_string(), one_key.to_string()]
}

/// Every mutation of every value in `v`, found at `path`.
fn mutations(v: &Value, path: &mut Vec<Step>, out: &mut Vec<Mutation>) {
    let replace = |out: &mut Vec<Mutation>, path: &[Step], text: String| {
        out.push(Mutation {
            path: path.to_vec(),
            change: Change::Replace(text),
        })
    };
    for text in reshaped(v) {
        replace(out, path, text);
    }
    for text in EVERYWHERE {
        replace(out, path, (*text).to_string());
    }
    match v {
        Value::Number(_) | Value::Null => {
            for text in AT_THE_BOUNDS {
                replace(out, path, (*text).to_string());
            }
        }
        Value::String(s) if NAMES.contains(&s.as_str()) => {
            for name in NAMES.iter().filter(|n| **n != s) {
                replace(out, path, format!("\"{name}\""));
            }
        }
        Value::Object(m) => {
            out.push(Mutation {
                path: path.clone(),
                change: Change::AddKey,
            });
            for (k, child) in m {
                path.push(Step::Key(k.clone()));
                out.push(Mutation {
                    path: path.clone(),
                    change: Change::Delete,
                });
                mutations(child, path, out);
                path.pop();
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                path.push(Step::Index(i));
                mutations(child, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

fn read(rel: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{rel}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// What one comparison found.
#[derive(Default)]
struct Tally {
    tried: usize,
    refused_by_both: usize,
    whole_floats: Vec<String>,
    disagreements: Vec<String>,
}

/// Runs every mutation of `base` through the schema and through `parse`.
fn compare(schema: &str, data: &str, parse: fn(&[u8]) -> Result<(), Problems>) -> Tally {
    let schema_value = read(schema);
    let validator = jsonschema::draft202012::new(&schema_value)
        .unwrap_or_else(|e| panic!("{schema} is not a valid JSON Schema: {e}"));
    let base = read(data);
    assert!(validator.is_valid(&base), "{data} fails {schema}");
    assert!(
        parse(base.to_string().as_bytes()).is_ok(),
        "{data} fails the validator"
    );

    let mut all = Vec::new();
    mutations(&base, &mut Vec::new(), &mut all);
    // Two halves side by side: a debug build reads a snapshot in about a millisecond.
    let (first, second) = all.split_at(all.len() / 2);
    let run = |part: &[Mutation]| {
        let mut writer = Writer::new(&base);
        let mut tally = Tally::default();
        for m in part {
            let (text, schema_ok) = writer.run(m, |doc| validator.is_valid(doc));
            let problems = parse(text.as_bytes()).err().unwrap_or_default();
            judge(m, schema_ok, &problems, &mut tally, || {
                let doc: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
                validator
                    .iter_errors(&doc)
                    .take(2)
                    .map(|e| format!("{} {e}", e.instance_path()))
                    .collect::<Vec<_>>()
                    .join("; ")
            });
        }
        tally
    };
    let (a, b) = std::thread::scope(|s| {
        let a = s.spawn(|| run(first));
        let b = run(second);
        (a.join().unwrap_or_else(|_| panic!("a thread failed")), b)
    });
    Tally {
        tried: a.tried + b.tried,
        refused_by_both: a.refused_by_both + b.refused_by_both,
        whole_floats: [a.whole_floats, b.whole_floats].concat(),
        disagreements: [a.disagreements, b.disagreements].concat(),
    }
}

/// Compares the two verdicts on one mutation.
fn judge(
    m: &Mutation,
    schema_ok: bool,
    problems: &Problems,
    tally: &mut Tally,
    schema_errors: impl Fn() -> String,
) {
    let shape: Vec<String> = problems
        .iter()
        .filter(|p| SHAPE.contains(&p.kind.code()))
        .map(|p| format!("{} {} ({})", p.path, p.kind.code(), p.kind))
        .collect();
    let ours_ok = shape.is_empty();
    tally.tried += 1;
    if !schema_ok && !ours_ok {
        tally.refused_by_both += 1;
    }
    if schema_ok == ours_ok {
        return;
    }
    let at = show(&m.path);
    let whole_float = matches!(&m.change, Change::Replace(t) if WHOLE_FLOATS.contains(&t.as_str()))
        && schema_ok
        && problems
            .iter()
            .all(|p| p.path == at && matches!(p.kind.code(), "wrong_type" | "unsupported_version"));
    if whole_float {
        tally.whole_floats.push(m.describe());
        return;
    }
    let schema_says = if schema_ok {
        "the schema accepts".to_string()
    } else {
        format!("the schema refuses: {}", shorten(&schema_errors()))
    };
    let ours_says = if ours_ok {
        "the validator accepts the shape".to_string()
    } else {
        format!("the validator refuses: {}", shape.join("; "))
    };
    tally
        .disagreements
        .push(format!("{}: {schema_says}, {ours_says}", m.describe()));
}

fn report(name: &str, t: &Tally) {
    println!(
        "{name}: {} mutations tried, {} refused by both, {} whole numbers written as floats \
         (accepted by the schema as the specification requires, refused by the validator), \
         {} disagreements",
        t.tried,
        t.refused_by_both,
        t.whole_floats.len(),
        t.disagreements.len()
    );
    for d in &t.disagreements {
        println!("  DISAGREE {d}");
    }
}

#[test]
fn the_snapshot_schema_and_the_validator_agree_on_shape() {
    let t = compare(
        "public/schema/snapshot-v1.json",
        "public/data/ba-ria-vung-tau-2023.json",
        |b| parse_snapshot(b).map(|_| ()),
    );
    report("snapshot", &t);
    assert!(t.tried > 1000, "only {} mutations", t.tried);
    assert!(
        t.disagreements.is_empty(),
        "{} disagreements between public/schema/snapshot-v1.json and the validator (see above)",
        t.disagreements.len()
    );
    // The exception is real and is what it says: a count written `33.0` is an integer to the
    // schema and refused by the validator, at its own path.
    for m in [
        "$.tallies[0].overall.met := 33.0",
        "$.tallies[0].pillars[1].assigned := 1E0",
        "$.tallies[0].overall.met := -0",
        "$.as_of[0].months := 1E0",
    ] {
        assert!(t.whole_floats.iter().any(|w| w == m), "{m} not found");
    }
}

#[test]
fn the_manifest_schema_and_the_validator_agree_on_shape() {
    let t = compare(
        "public/schema/manifest-v1.json",
        "public/data/index.json",
        |b| parse_manifest(b).map(|_| ()),
    );
    report("manifest", &t);
    assert!(t.tried > 100, "only {} mutations", t.tried);
    assert!(
        t.disagreements.is_empty(),
        "{} disagreements between public/schema/manifest-v1.json and the validator (see above)",
        t.disagreements.len()
    );
}
