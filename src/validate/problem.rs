//! What can be wrong with a data file and where: the catalogue of problems, each with a stable
//! code and a message in Vietnamese and in English.

use std::fmt;

use crate::i18n::Lang;

use super::json::syntax_words;

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

fn what_vi(what: &str) -> &'static str {
    match what {
        ID_WHAT => "mã hợp lệ (chữ thường, số, dấu gạch ngang)",
        SHA_WHAT => "mã SHA-256 (64 chữ số hệ 16)",
        VERSION_WHAT => "phiên bản (12 chữ số hệ 16 đầu của SHA-256)",
        _ => "giá trị hợp lệ",
    }
}

pub(super) const ID_WHAT: &str = "an id (lower-case letters, digits and hyphens)";
pub(super) const SHA_WHAT: &str = "a SHA-256 (64 hex digits)";
pub(super) const VERSION_WHAT: &str = "a version (the first 12 hex digits of the SHA-256)";

impl fmt::Display for Problem {
    /// English, for logs and `chiso-check`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.kind)
    }
}

impl Problem {
    pub(super) fn new(path: impl Into<String>, kind: ProblemKind) -> Self {
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
    pub(super) fn push(&mut self, path: impl Into<String>, kind: ProblemKind) {
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

#[cfg(test)]
mod tests {
    use super::*;

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
