//! Reading and checking a snapshot or a manifest: one pure function each, used by the app, the
//! `chiso-check` command and the tests alike.
//!
//! Every problem is reported at once, each with the JSON path of the field it is about and a
//! message in Vietnamese and in English, so that a data editor fixes a file in one pass.
//! Decoding goes part by part (each top-level field, each element of each list) so that one
//! wrong type does not hide the others; the semantic checks then run on whatever decoded.

use std::collections::HashSet;
use std::fmt;

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::i18n::Lang;
use crate::snapshot::*;

/// Larger files are refused before parsing: the bundled snapshot is ~15 KB, and a phone should
/// never be asked to parse megabytes of JSON.
pub const MAX_BYTES: usize = 1024 * 1024;

/// One thing wrong with a file, and where.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// JSON path (`$.indicators[3].goal.value`); `$` for the file as a whole.
    pub path: String,
    pub kind: ProblemKind,
}

/// What can be wrong. The English message is the `Display`; `message(Lang::Vi)` gives Vietnamese.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ProblemKind {
    #[error("the file is empty")]
    Empty,
    #[error("the file is {bytes} bytes, over the limit of {limit} bytes")]
    TooLarge { bytes: usize, limit: usize },
    #[error("the file is not UTF-8 text (invalid byte at offset {offset})")]
    NotUtf8 { offset: usize },
    #[error("not valid JSON at line {line}, column {column}: {}", syntax_words(Lang::En, .detail))]
    Syntax {
        line: usize,
        column: usize,
        detail: String,
    },
    #[error("the JSON is nested too deeply (line {line}, column {column})")]
    TooDeep { line: usize, column: usize },
    #[error("expected {expected}, found {found}")]
    WrongType { expected: String, found: String },
    #[error("required field `{field}` is missing")]
    Missing { field: String },
    #[error("unknown field `{field}`")]
    UnknownField { field: String },
    #[error("unknown value {found}; allowed: {allowed}")]
    UnknownValue { found: String, allowed: String },
    #[error("schema version {found} is not supported (this app reads version {supported})")]
    UnsupportedVersion { found: String, supported: u32 },
    #[error("met ({met}) is more than assigned ({assigned})")]
    MetOverAssigned { met: u32, assigned: u32 },
    #[error("the pillars add up to {pillars_met}/{pillars_assigned}, but the overall tally is {met}/{assigned}")]
    PillarsDoNotAddUp {
        pillars_met: u32,
        pillars_assigned: u32,
        met: u32,
        assigned: u32,
    },
    #[error("pillar `{pillar}` is listed twice")]
    DuplicatePillar { pillar: String },
    #[error("id `{id}` is used twice (also at {first})")]
    DuplicateId { id: String, first: String },
    #[error("source `{id}` is not in `sources`")]
    UnknownSource { id: String },
    #[error("as-of `{id}` is not in `as_of`")]
    UnknownAsOf { id: String },
    #[error("snapshot `{id}` is not in `snapshots`")]
    UnknownSnapshot { id: String },
    #[error("a figure must name at least one source")]
    NoSources,
    #[error("{value} is outside {min}–{max}")]
    OutOfRange { value: f64, min: f64, max: f64 },
    #[error("`{value}` is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")]
    BadDate { value: String },
    #[error("`{value}` is not an http(s) link")]
    BadUrl { value: String },
    #[error("`{value}` is not a safe relative path to a .json file under data/")]
    BadPath { value: String },
    #[error("`{value}` is not {what}")]
    BadId { value: String, what: &'static str },
    #[error("the text is empty")]
    EmptyText,
    #[error("the text is {chars} characters long, over the limit of {limit}")]
    TextTooLong { chars: usize, limit: usize },
    #[error("a list that must not be empty is empty")]
    EmptyList,
    #[error("the text contains the invisible control character {code}, which can reorder or hide what a reader sees")]
    ControlCharacter { code: String },
}

impl ProblemKind {
    /// A stable name for the kind of problem, for tests and tools.
    pub fn code(&self) -> &'static str {
        use ProblemKind::*;
        match self {
            Empty => "empty",
            TooLarge { .. } => "too_large",
            NotUtf8 { .. } => "not_utf8",
            Syntax { .. } => "syntax",
            TooDeep { .. } => "too_deep",
            WrongType { .. } => "wrong_type",
            Missing { .. } => "missing",
            UnknownField { .. } => "unknown_field",
            UnknownValue { .. } => "unknown_value",
            UnsupportedVersion { .. } => "unsupported_version",
            MetOverAssigned { .. } => "met_over_assigned",
            PillarsDoNotAddUp { .. } => "pillars_do_not_add_up",
            DuplicatePillar { .. } => "duplicate_pillar",
            DuplicateId { .. } => "duplicate_id",
            UnknownSource { .. } => "unknown_source",
            UnknownAsOf { .. } => "unknown_as_of",
            UnknownSnapshot { .. } => "unknown_snapshot",
            NoSources => "no_sources",
            OutOfRange { .. } => "out_of_range",
            BadDate { .. } => "bad_date",
            BadUrl { .. } => "bad_url",
            BadPath { .. } => "bad_path",
            BadId { .. } => "bad_id",
            EmptyText => "empty_text",
            TextTooLong { .. } => "text_too_long",
            EmptyList => "empty_list",
            ControlCharacter { .. } => "control_character",
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.to_string(),
            Lang::Vi => self.message_vi(),
        }
    }

    fn message_vi(&self) -> String {
        use ProblemKind::*;
        match self {
            Empty => "tệp rỗng".into(),
            TooLarge { bytes, limit } => {
                format!("tệp có {bytes} byte, vượt giới hạn {limit} byte")
            }
            NotUtf8 { offset } => {
                format!("tệp không phải văn bản UTF-8 (byte sai ở vị trí {offset})")
            }
            Syntax {
                line,
                column,
                detail,
            } => format!(
                "JSON không hợp lệ ở dòng {line}, cột {column}: {}",
                syntax_words(Lang::Vi, detail)
            ),
            TooDeep { line, column } => {
                format!("JSON lồng nhau quá sâu (dòng {line}, cột {column})")
            }
            WrongType { expected, found } => format!(
                "sai kiểu: cần {}, nhưng gặp {found}",
                expected_vi(expected)
            ),
            Missing { field } => format!("thiếu trường bắt buộc `{field}`"),
            UnknownField { field } => format!("trường không được biết `{field}`"),
            UnknownValue { found, allowed } => {
                format!("giá trị không được biết {found}; chỉ nhận: {allowed}")
            }
            UnsupportedVersion { found, supported } => format!(
                "phiên bản lược đồ {found} không được hỗ trợ (ứng dụng đọc phiên bản {supported})"
            ),
            MetOverAssigned { met, assigned } => {
                format!("số đạt ({met}) lớn hơn số được giao ({assigned})")
            }
            PillarsDoNotAddUp {
                pillars_met,
                pillars_assigned,
                met,
                assigned,
            } => format!(
                "tổng các trụ cột là {pillars_met}/{pillars_assigned}, nhưng tổng chung là {met}/{assigned}"
            ),
            DuplicatePillar { pillar } => format!("trụ cột `{pillar}` xuất hiện hai lần"),
            DuplicateId { id, first } => {
                format!("mã `{id}` bị dùng hai lần (lần đầu ở {first})")
            }
            UnknownSource { id } => format!("nguồn `{id}` không có trong `sources`"),
            UnknownAsOf { id } => format!("thời điểm `{id}` không có trong `as_of`"),
            UnknownSnapshot { id } => format!("bộ số liệu `{id}` không có trong `snapshots`"),
            NoSources => "mỗi số liệu phải ghi ít nhất một nguồn".into(),
            OutOfRange { value, min, max } => {
                format!("{value} nằm ngoài khoảng {min}–{max}")
            }
            BadDate { value } => {
                format!("`{value}` không phải ngày dạng YYYY, YYYY-MM hoặc YYYY-MM-DD")
            }
            BadUrl { value } => format!("`{value}` không phải liên kết http(s)"),
            BadPath { value } => format!(
                "`{value}` không phải đường dẫn tương đối an toàn tới tệp .json trong data/"
            ),
            BadId { value, what } => format!("`{value}` không phải {}", what_vi(what)),
            EmptyText => "văn bản rỗng".into(),
            TextTooLong { chars, limit } => {
                format!("văn bản dài {chars} ký tự, vượt giới hạn {limit}")
            }
            EmptyList => "danh sách không được rỗng".into(),
            ControlCharacter { code } => format!(
                "văn bản chứa ký tự điều khiển ẩn {code}, có thể đảo thứ tự hoặc che nội dung người đọc thấy"
            ),
        }
    }
}

/// serde's names for what it expected, in Vietnamese.
fn expected_vi(expected: &str) -> String {
    match expected {
        "u32" => "số nguyên không âm".into(),
        "i32" => "số nguyên".into(),
        "f64" => "một số".into(),
        "a string" => "chuỗi văn bản".into(),
        "a sequence" => "danh sách (mảng JSON)".into(),
        "a boolean" => "true hoặc false".into(),
        e if e.starts_with("struct ") || e == "a map" || e == "an object" => {
            "đối tượng JSON".into()
        }
        other => other.into(),
    }
}

/// serde_json's name for a syntax error, in words a data editor can act on, in either language.
/// A name this table does not know (a newer serde_json) is shown as serde_json wrote it.
fn syntax_words(lang: Lang, detail: &str) -> String {
    const WORDS: &[(&str, &str, &str)] = &[
        (
            "EOF while parsing a list",
            "the file ends inside a list (a `]` is missing)",
            "tệp kết thúc khi danh sách chưa đóng (thiếu `]`)",
        ),
        (
            "EOF while parsing an object",
            "the file ends inside an object (a `}` is missing)",
            "tệp kết thúc khi đối tượng chưa đóng (thiếu `}`)",
        ),
        (
            "EOF while parsing a string",
            "the file ends inside a text (a closing `\"` is missing)",
            "tệp kết thúc khi chuỗi văn bản chưa đóng (thiếu `\"`)",
        ),
        (
            "EOF while parsing a value",
            "the file ends where a value was expected",
            "tệp kết thúc ở chỗ cần một giá trị",
        ),
        ("expected `:`", "a `:` is expected after the field name", "cần dấu `:` sau tên trường"),
        (
            "expected `,` or `]`",
            "a `,` or `]` is expected here",
            "ở đây cần dấu `,` hoặc `]`",
        ),
        (
            "expected `,` or `}`",
            "a `,` or `}` is expected here",
            "ở đây cần dấu `,` hoặc `}`",
        ),
        (
            "expected ident",
            "only true, false and null may be written without quotes",
            "chỉ true, false và null được viết không có dấu ngoặc kép",
        ),
        (
            "expected value",
            "a JSON value is expected here (an object, list, text in quotes, number, true, false or null; NaN, Infinity and comments are not JSON)",
            "ở đây cần một giá trị JSON (đối tượng, danh sách, chuỗi trong ngoặc kép, số, true, false hoặc null; NaN, Infinity và chú thích không phải JSON)",
        ),
        (
            "expected `\"`",
            "a text in double quotes is expected here",
            "ở đây cần một chuỗi trong dấu ngoặc kép",
        ),
        (
            "invalid escape",
            "a `\\` in a text starts an escape that JSON does not know",
            "dấu `\\` trong chuỗi mở đầu một mã thoát mà JSON không có",
        ),
        (
            "invalid number",
            "the number is not written as JSON allows (as in `01` or `1.`)",
            "số không được viết theo cách JSON cho phép (như `01` hoặc `1.`)",
        ),
        ("number out of range", "the number is too large", "số quá lớn"),
        (
            "invalid unicode code point",
            "a `\\u` escape names no Unicode character",
            "mã thoát `\\u` không ứng với ký tự Unicode nào",
        ),
        (
            "control character (\\u0000-\\u001F) found while parsing a string",
            "a text contains a line break or another control character; write it as `\\n`",
            "chuỗi chứa dấu xuống dòng hoặc ký tự điều khiển khác; hãy viết là `\\n`",
        ),
        (
            "key must be a string",
            "a field name must be in double quotes",
            "tên trường phải nằm trong dấu ngoặc kép",
        ),
        (
            "lone leading surrogate in hex escape",
            "a `\\u` escape is half of a character",
            "mã thoát `\\u` chỉ là một nửa ký tự",
        ),
        (
            "unexpected end of hex escape",
            "a `\\u` escape is cut short",
            "mã thoát `\\u` bị cắt ngắn",
        ),
        (
            "trailing comma",
            "a comma before `]` or `}` is one too many",
            "thừa dấu phẩy trước `]` hoặc `}`",
        ),
        (
            "trailing characters",
            "there is more text after the end of the JSON",
            "còn ký tự thừa sau khi JSON đã kết thúc",
        ),
    ];
    match WORDS.iter().find(|(serde, _, _)| *serde == detail) {
        Some((_, en, vi)) => match lang {
            Lang::En => en.to_string(),
            Lang::Vi => vi.to_string(),
        },
        None => detail.to_string(),
    }
}

fn what_vi(what: &str) -> &'static str {
    match what {
        ID_WHAT => "mã hợp lệ (chữ thường, số, dấu gạch ngang)",
        SHA_WHAT => "mã SHA-256 (64 chữ số hệ 16)",
        VERSION_WHAT => "phiên bản (12 chữ số hệ 16 đầu của SHA-256)",
        _ => "giá trị hợp lệ",
    }
}

const ID_WHAT: &str = "an id (lower-case letters, digits and hyphens)";
const SHA_WHAT: &str = "a SHA-256 (64 hex digits)";
const VERSION_WHAT: &str = "a version (the first 12 hex digits of the SHA-256)";

impl fmt::Display for Problem {
    /// English, for logs and `chiso-check`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.kind)
    }
}

impl Problem {
    fn new(path: impl Into<String>, kind: ProblemKind) -> Self {
        Problem {
            path: path.into(),
            kind,
        }
    }
}

/// All problems found in one file, in document order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Problems(pub Vec<Problem>);

impl Problems {
    fn push(&mut self, path: impl Into<String>, kind: ProblemKind) {
        self.0.push(Problem::new(path, kind));
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Problem> {
        self.0.iter()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }
}

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{p}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Problems {}

// ---------------------------------------------------------------------------------------------
// From bytes to a JSON value

/// Checks size and encoding and parses JSON, reporting the position of any syntax error.
fn parse_json(bytes: &[u8]) -> Result<Value, Problem> {
    if bytes.len() > MAX_BYTES {
        return Err(Problem::new(
            "$",
            ProblemKind::TooLarge {
                bytes: bytes.len(),
                limit: MAX_BYTES,
            },
        ));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        Problem::new(
            "$",
            ProblemKind::NotUtf8 {
                offset: e.valid_up_to(),
            },
        )
    })?;
    // A byte-order mark is what Windows editors write; it is not an error in the data.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(Problem::new("$", ProblemKind::Empty));
    }
    // serde_json stops at 128 levels of nesting, so a hostile file cannot exhaust the stack.
    serde_json::from_str::<Value>(text).map_err(|e| {
        let (line, column) = (e.line(), e.column());
        let detail = e.to_string();
        let kind = if detail.starts_with("recursion limit exceeded") {
            ProblemKind::TooDeep { line, column }
        } else {
            ProblemKind::Syntax {
                line,
                column,
                // serde appends " at line L column C"; the position is already in the message.
                detail: detail
                    .rsplit_once(" at line ")
                    .map_or(detail.as_str(), |(d, _)| d)
                    .to_string(),
            }
        };
        Problem::new("$", kind)
    })
}

// ---------------------------------------------------------------------------------------------
// From a JSON value to typed parts, part by part

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

fn join_index(base: &str, i: usize) -> String {
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

fn truncate(s: &str, max: usize) -> String {
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
fn top_object<'a>(
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
fn check_version(obj: &Map<String, Value>, problems: &mut Problems) -> bool {
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

struct Fields<'a> {
    obj: &'a Map<String, Value>,
    problems: Problems,
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

    fn one<T: DeserializeOwned>(&mut self, key: &str) -> Option<T> {
        let v = self.get(key)?;
        decode(v, &join_key("$", key), &mut self.problems)
    }

    fn list<T: DeserializeOwned>(&mut self, key: &str) -> Option<Vec<T>> {
        let v = self.get(key)?;
        decode_list(v, &join_key("$", key), &mut self.problems)
    }

    fn optional_list<T: DeserializeOwned>(&mut self, key: &str) -> Option<Vec<T>> {
        match self.obj.get(key) {
            None => Some(Vec::new()),
            Some(v) => decode_list(v, &join_key("$", key), &mut self.problems),
        }
    }
}

const SNAPSHOT_FIELDS: &[&str] = &[
    "schema_version",
    "id",
    "title",
    "unit",
    "period",
    "as_of",
    "sources",
    "tallies",
    "indicators",
    "goals",
    "initiatives",
    "context",
    "notes",
];

/// Reads a snapshot file: size, encoding, JSON, types, then meaning. Returns the snapshot only
/// when nothing at all is wrong, else every problem found.
pub fn parse_snapshot(bytes: &[u8]) -> Result<Snapshot, Problems> {
    let value = parse_json(bytes).map_err(|p| Problems(vec![p]))?;
    let mut problems = Problems::default();
    let Some(obj) = top_object(&value, SNAPSHOT_FIELDS, &mut problems) else {
        return Err(problems);
    };
    if !check_version(obj, &mut problems) {
        return Err(problems);
    }
    let mut f = Fields { obj, problems };
    // Every part is decoded before any is used, so all type errors are reported together.
    let id = f.one::<String>("id");
    let title = f.one::<Text>("title");
    let unit = f.one::<AdminUnit>("unit");
    let period = f.one::<Period>("period");
    let as_of = f.list::<AsOf>("as_of");
    let sources = f.list::<Source>("sources");
    let tallies = f.list::<Tally>("tallies");
    let indicators = f.list::<Indicator>("indicators");
    let goals = f.list::<Goal>("goals");
    let initiatives = f.list::<Initiative>("initiatives");
    let context = f.list::<ContextFigure>("context");
    let notes = f.optional_list::<Text>("notes");
    let mut problems = f.problems;

    let snapshot = match (
        id,
        title,
        unit,
        period,
        as_of,
        sources,
        tallies,
        indicators,
        goals,
        initiatives,
        context,
        notes,
    ) {
        (
            Some(id),
            Some(title),
            Some(unit),
            Some(period),
            Some(as_of),
            Some(sources),
            Some(tallies),
            Some(indicators),
            Some(goals),
            Some(initiatives),
            Some(context),
            Some(notes),
        ) => Snapshot {
            schema_version: SCHEMA_VERSION,
            id,
            title,
            unit,
            period,
            as_of,
            sources,
            tallies,
            indicators,
            goals,
            initiatives,
            context,
            notes,
        },
        _ => return Err(problems),
    };
    check_snapshot(&snapshot, &mut problems);
    if problems.is_empty() {
        Ok(snapshot)
    } else {
        Err(problems)
    }
}

// ---------------------------------------------------------------------------------------------
// Meaning

/// Names longer than this are refused: no real indicator name comes close, and a megabyte of
/// text would freeze a phone's layout.
pub const MAX_TEXT_CHARS: usize = 2000;

fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 80
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.')
        && !s.starts_with(['-', '.'])
}

/// The ISO 3166-2 style ids of administrative units also allow upper case (`VN-43`).
fn is_unit_id(s: &str) -> bool {
    !s.is_empty() && s.len() <= 40 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// Bidirectional overrides and isolates (which can make "33/39" read as "93/33") and other
/// invisible controls. Line breaks and tabs are ordinary text.
fn is_hidden_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
        || (c.is_control() && c != '\n' && c != '\t')
}

/// Only http(s) links reach the page: `javascript:` or `data:` from a data file must not.
pub fn is_http_url(s: &str) -> bool {
    let lower = s.trim_start().to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    matches!(rest, Some(r) if !r.is_empty() && !r.starts_with('/'))
        && !s.chars().any(|c| c.is_control() || c.is_whitespace())
}

struct Checker<'a> {
    problems: &'a mut Problems,
    sources: HashSet<&'a str>,
    as_of: HashSet<&'a str>,
}

impl<'a> Checker<'a> {
    fn text(&mut self, path: &str, t: &Text) {
        for (lang, s) in [("vi", &t.vi), ("en", &t.en)] {
            self.string(&join_key(path, lang), s);
        }
    }

    fn string(&mut self, path: &str, s: &str) {
        if let Some(c) = s.chars().find(|c| is_hidden_control(*c)) {
            self.problems.push(
                path,
                ProblemKind::ControlCharacter {
                    code: format!("U+{:04X}", u32::from(c)),
                },
            );
        }
        if s.trim().is_empty() {
            self.problems.push(path, ProblemKind::EmptyText);
        } else {
            let chars = s.chars().count();
            if chars > MAX_TEXT_CHARS {
                self.problems.push(
                    path,
                    ProblemKind::TextTooLong {
                        chars,
                        limit: MAX_TEXT_CHARS,
                    },
                );
            }
        }
    }

    /// A figure's sources: at least one, each listed in `sources`.
    fn sources(&mut self, path: &str, ids: &[String]) {
        if ids.is_empty() {
            self.problems
                .push(join_key(path, "sources"), ProblemKind::NoSources);
        }
        self.source_refs(path, ids);
    }

    /// Source ids that must resolve, where none is required (facts that are not figures).
    fn source_refs(&mut self, path: &str, ids: &[String]) {
        let path = join_key(path, "sources");
        for (i, id) in ids.iter().enumerate() {
            if !self.sources.contains(id.as_str()) {
                self.problems.push(
                    join_index(&path, i),
                    ProblemKind::UnknownSource { id: id.clone() },
                );
            }
        }
    }

    fn as_of(&mut self, path: &str, id: &str) {
        if !self.as_of.contains(id) {
            self.problems.push(
                join_key(path, "as_of"),
                ProblemKind::UnknownAsOf { id: id.into() },
            );
        }
    }

    fn range(&mut self, path: &str, value: f64, min: f64, max: f64) {
        if !value.is_finite() || value < min || value > max {
            self.problems
                .push(path, ProblemKind::OutOfRange { value, min, max });
        }
    }

    fn value(&mut self, path: &str, unit: Unit, value: f64, out_of: Option<u32>) {
        match unit {
            Unit::Percent => self.range(path, value, 0.0, 100.0),
            Unit::Score => self.range(path, value, 0.0, 1.0),
            Unit::Count => self.range(path, value, 0.0, f64::from(u32::MAX)),
            Unit::Rank => self.range(
                path,
                value,
                1.0,
                out_of.map_or(f64::from(u32::MAX), f64::from),
            ),
        }
    }

    fn date(&mut self, path: &str, d: &str) {
        if crate::format::parse_date(d).is_none() {
            self.problems
                .push(path, ProblemKind::BadDate { value: d.into() });
        }
    }

    fn id(&mut self, path: &str, id: &str) {
        if !is_id(id) {
            self.problems.push(
                path,
                ProblemKind::BadId {
                    value: truncate(id, 40),
                    what: ID_WHAT,
                },
            );
        }
    }

    /// Ids unique within one list.
    fn unique<'b>(&mut self, list: &str, ids: impl Iterator<Item = &'b str>) {
        let mut seen: Vec<(&str, usize)> = Vec::new();
        for (i, id) in ids.enumerate() {
            if let Some((_, first)) = seen.iter().find(|(s, _)| *s == id) {
                self.problems.push(
                    format!("{list}[{i}].id"),
                    ProblemKind::DuplicateId {
                        id: id.into(),
                        first: format!("{list}[{first}]"),
                    },
                );
            } else {
                seen.push((id, i));
            }
        }
    }

    fn count(&mut self, path: &str, met: u32, assigned: u32) {
        if met > assigned {
            self.problems.push(
                join_key(path, "met"),
                ProblemKind::MetOverAssigned { met, assigned },
            );
        }
    }
}

fn check_snapshot(s: &Snapshot, problems: &mut Problems) {
    let mut c = Checker {
        problems,
        sources: s.sources.iter().map(|x| x.id.as_str()).collect(),
        as_of: s.as_of.iter().map(|x| x.id.as_str()).collect(),
    };
    c.id("$.id", &s.id);
    c.text("$.title", &s.title);

    if !is_unit_id(&s.unit.id) {
        c.problems.push(
            "$.unit.id",
            ProblemKind::BadId {
                value: truncate(&s.unit.id, 40),
                what: ID_WHAT,
            },
        );
    }
    c.text("$.unit.name", &s.unit.name);
    c.string("$.unit.level", &s.unit.level);
    if let Some(succ) = &s.unit.successor {
        c.text("$.unit.successor.name", &succ.name);
        c.date("$.unit.successor.since", &succ.since);
        c.source_refs("$.unit.successor", &succ.sources);
    }
    if s.period.goal_year < s.period.result_year {
        c.problems.push(
            "$.period.goal_year",
            ProblemKind::OutOfRange {
                value: f64::from(s.period.goal_year),
                min: f64::from(s.period.result_year),
                max: f64::from(s.period.result_year + 10),
            },
        );
    }

    c.unique("$.as_of", s.as_of.iter().map(|a| a.id.as_str()));
    for (i, a) in s.as_of.iter().enumerate() {
        let p = join_index("$.as_of", i);
        c.id(&join_key(&p, "id"), &a.id);
        c.text(&join_key(&p, "label"), &a.label);
        if let Some(m) = a.months {
            c.range(&join_key(&p, "months"), f64::from(m), 1.0, 12.0);
        }
    }

    if s.sources.is_empty() {
        c.problems.push("$.sources", ProblemKind::EmptyList);
    }
    c.unique("$.sources", s.sources.iter().map(|x| x.id.as_str()));
    for (i, src) in s.sources.iter().enumerate() {
        let p = join_index("$.sources", i);
        c.id(&join_key(&p, "id"), &src.id);
        c.string(&join_key(&p, "title"), &src.title);
        if !is_http_url(&src.url) {
            c.problems.push(
                join_key(&p, "url"),
                ProblemKind::BadUrl {
                    value: truncate(&src.url, 60),
                },
            );
        }
        if let Some(d) = &src.date {
            c.date(&join_key(&p, "date"), d);
        }
        if let Some(n) = &src.note {
            c.text(&join_key(&p, "note"), n);
        }
    }

    if s.tallies.is_empty() {
        c.problems.push("$.tallies", ProblemKind::EmptyList);
    }
    let mut tally_as_of: Vec<(&str, usize)> = Vec::new();
    for (i, t) in s.tallies.iter().enumerate() {
        let p = join_index("$.tallies", i);
        if let Some((_, first)) = tally_as_of.iter().find(|(a, _)| *a == t.as_of) {
            c.problems.push(
                join_key(&p, "as_of"),
                ProblemKind::DuplicateId {
                    id: t.as_of.clone(),
                    first: join_index("$.tallies", *first),
                },
            );
        } else {
            tally_as_of.push((&t.as_of, i));
        }
        c.as_of(&p, &t.as_of);
        c.sources(&p, &t.sources);
        c.count(&join_key(&p, "overall"), t.overall.met, t.overall.assigned);
        if let Some(pillars) = &t.pillars {
            let mut seen = Vec::new();
            let (mut met, mut assigned) = (0u64, 0u64);
            for (j, pc) in pillars.iter().enumerate() {
                let pp = join_index(&join_key(&p, "pillars"), j);
                if seen.contains(&pc.pillar) {
                    c.problems.push(
                        join_key(&pp, "pillar"),
                        ProblemKind::DuplicatePillar {
                            pillar: pc.pillar.as_str().into(),
                        },
                    );
                }
                seen.push(pc.pillar);
                c.count(&pp, pc.met, pc.assigned);
                met += u64::from(pc.met);
                assigned += u64::from(pc.assigned);
            }
            // Only a full split can be summed: a partial one (some pillars unpublished) says
            // nothing about the total.
            if seen.len() == Pillar::ALL.len()
                && (met != u64::from(t.overall.met) || assigned != u64::from(t.overall.assigned))
            {
                c.problems.push(
                    join_key(&p, "pillars"),
                    ProblemKind::PillarsDoNotAddUp {
                        pillars_met: u32::try_from(met).unwrap_or(u32::MAX),
                        pillars_assigned: u32::try_from(assigned).unwrap_or(u32::MAX),
                        met: t.overall.met,
                        assigned: t.overall.assigned,
                    },
                );
            }
        }
    }

    c.unique("$.indicators", s.indicators.iter().map(|x| x.id.as_str()));
    for (i, ind) in s.indicators.iter().enumerate() {
        let p = join_index("$.indicators", i);
        c.id(&join_key(&p, "id"), &ind.id);
        c.text(&join_key(&p, "name"), &ind.name);
        c.sources(&p, &ind.sources);
        if let Some(r) = &ind.result {
            let rp = join_key(&p, "result");
            c.value(&join_key(&rp, "value"), ind.unit, r.value, None);
            c.as_of(&rp, &r.as_of);
            c.sources(&rp, &r.sources);
        }
        for (key, t) in [("target", &ind.target), ("goal", &ind.goal)] {
            if let Some(t) = t {
                let tp = join_key(&p, key);
                c.value(&join_key(&tp, "value"), ind.unit, t.value, None);
                c.sources(&tp, &t.sources);
            }
        }
    }

    c.unique("$.goals", s.goals.iter().map(|x| x.id.as_str()));
    for (i, g) in s.goals.iter().enumerate() {
        let p = join_index("$.goals", i);
        c.id(&join_key(&p, "id"), &g.id);
        c.text(&join_key(&p, "text"), &g.text);
        c.sources(&p, &g.sources);
    }

    c.unique("$.initiatives", s.initiatives.iter().map(|x| x.id.as_str()));
    for (i, ini) in s.initiatives.iter().enumerate() {
        let p = join_index("$.initiatives", i);
        c.id(&join_key(&p, "id"), &ini.id);
        c.text(&join_key(&p, "by"), &ini.by);
        c.text(&join_key(&p, "name"), &ini.name);
        c.text(&join_key(&p, "description"), &ini.description);
        for (j, svc) in ini.services.iter().enumerate() {
            c.string(&join_index(&join_key(&p, "services"), j), svc);
        }
        c.sources(&p, &ini.sources);
    }

    c.unique("$.context", s.context.iter().map(|x| x.id.as_str()));
    for (i, cf) in s.context.iter().enumerate() {
        let p = join_index("$.context", i);
        c.id(&join_key(&p, "id"), &cf.id);
        c.id(&join_key(&p, "series"), &cf.series);
        c.text(&join_key(&p, "name"), &cf.name);
        if let Some(v) = cf.value {
            c.value(&join_key(&p, "value"), cf.unit, v, cf.out_of);
        }
        if let Some(r) = cf.requirement {
            c.value(&join_key(&p, "requirement"), cf.unit, r, cf.out_of);
        }
        c.as_of(&p, &cf.as_of);
        c.sources(&p, &cf.sources);
    }

    for (i, n) in s.notes.iter().enumerate() {
        c.text(&join_index("$.notes", i), n);
    }
}

// ---------------------------------------------------------------------------------------------
// The manifest

const MANIFEST_FIELDS: &[&str] = &["schema_version", "default", "snapshots"];

/// A relative path under `data/` to a `.json` file, with nothing that could leave that folder or
/// reach another host.
fn is_data_path(p: &str) -> bool {
    p.starts_with("data/")
        && p.ends_with(".json")
        && p.len() <= 200
        && !p.contains("..")
        && !p.contains("//")
        && p.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-_./".contains(&b))
}

fn is_hex(s: &str, len: usize) -> bool {
    s.len() == len
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// Reads `data/index.json`.
pub fn parse_manifest(bytes: &[u8]) -> Result<Manifest, Problems> {
    let value = parse_json(bytes).map_err(|p| Problems(vec![p]))?;
    let mut problems = Problems::default();
    let Some(obj) = top_object(&value, MANIFEST_FIELDS, &mut problems) else {
        return Err(problems);
    };
    if !check_version(obj, &mut problems) {
        return Err(problems);
    }
    let mut f = Fields { obj, problems };
    let default = f.one::<String>("default");
    let snapshots = f.list::<ManifestEntry>("snapshots");
    let mut problems = f.problems;
    let (Some(default), Some(snapshots)) = (default, snapshots) else {
        return Err(problems);
    };
    let m = Manifest {
        schema_version: SCHEMA_VERSION,
        default,
        snapshots,
    };
    if m.entry(&m.default).is_none() {
        problems.push(
            "$.default",
            ProblemKind::UnknownSnapshot {
                id: m.default.clone(),
            },
        );
    }
    let mut c = Checker {
        problems: &mut problems,
        sources: HashSet::new(),
        as_of: HashSet::new(),
    };
    if m.snapshots.is_empty() {
        c.problems.push("$.snapshots", ProblemKind::EmptyList);
    }
    c.unique("$.snapshots", m.snapshots.iter().map(|s| s.id.as_str()));
    for (i, e) in m.snapshots.iter().enumerate() {
        let p = join_index("$.snapshots", i);
        c.id(&join_key(&p, "id"), &e.id);
        c.text(&join_key(&p, "title"), &e.title);
        if e.versions.is_empty() {
            c.problems
                .push(join_key(&p, "versions"), ProblemKind::EmptyList);
        }
        let vp = join_key(&p, "versions");
        c.unique(&vp, e.versions.iter().map(|v| v.version.as_str()));
        for (j, v) in e.versions.iter().enumerate() {
            let pp = join_index(&vp, j);
            if !is_hex(&v.version, 12) {
                c.problems.push(
                    join_key(&pp, "version"),
                    ProblemKind::BadId {
                        value: truncate(&v.version, 40),
                        what: VERSION_WHAT,
                    },
                );
            }
            if !is_hex(&v.sha256, 64) {
                c.problems.push(
                    join_key(&pp, "sha256"),
                    ProblemKind::BadId {
                        value: truncate(&v.sha256, 70),
                        what: SHA_WHAT,
                    },
                );
            } else if !v.sha256.starts_with(&v.version) {
                c.problems.push(
                    join_key(&pp, "version"),
                    ProblemKind::BadId {
                        value: v.version.clone(),
                        what: VERSION_WHAT,
                    },
                );
            }
            if !is_data_path(&v.path) {
                c.problems.push(
                    join_key(&pp, "path"),
                    ProblemKind::BadPath {
                        value: truncate(&v.path, 60),
                    },
                );
            }
            c.date(&join_key(&pp, "published"), &v.published);
        }
    }
    if problems.is_empty() {
        Ok(m)
    } else {
        Err(problems)
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

    #[test]
    fn only_http_links_are_accepted() {
        assert!(is_http_url("https://dti.gov.vn/xep-hang-2022"));
        assert!(is_http_url("http://example.org"));
        for bad in [
            "javascript:alert(1)",
            "JAVASCRIPT:alert(1)",
            "data:text/html,<script>",
            "//evil.example",
            "https://",
            "https:///x",
            "https://a b",
            "ftp://x",
            " https://x\n",
        ] {
            assert!(!is_http_url(bad), "{bad}");
        }
    }

    #[test]
    fn data_paths_stay_under_data() {
        assert!(is_data_path("data/ba-ria-vung-tau-2023.json"));
        for bad in [
            "../secret.json",
            "data/../x.json",
            "/data/x.json",
            "https://x/data/a.json",
            "data/x.js",
            "data//x.json",
        ] {
            assert!(!is_data_path(bad), "{bad}");
        }
    }

    #[test]
    fn every_problem_has_both_languages() {
        let p = ProblemKind::MetOverAssigned {
            met: 40,
            assigned: 39,
        };
        assert_eq!(p.message(Lang::En), "met (40) is more than assigned (39)");
        assert_eq!(p.message(Lang::Vi), "số đạt (40) lớn hơn số được giao (39)");
    }
}
