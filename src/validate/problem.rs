//! What can be wrong with a data file and where: the catalogue of problems, each with a stable
//! code and a message in Vietnamese and in English.

use std::fmt;

use crate::format::DATE_YEARS;
use crate::i18n::Lang;
use crate::snapshot::{Comparator, Status};

use super::found::expected_words;
pub use super::found::Found;
use super::json::syntax_words;

/// One thing wrong with a file, and where.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// JSON path (`$.indicators[3].goal.value`); `$` for the file as a whole.
    pub path: String,
    pub kind: ProblemKind,
}

/// What can be wrong. [`message`](Self::message) says it in Vietnamese or English; the `Display`
/// is the English.
#[derive(Debug, Clone, PartialEq)]
pub enum ProblemKind {
    Empty,
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    NotUtf8 {
        offset: usize,
    },
    /// `detail` is serde_json's name for the error, told in a data editor's words by
    /// `syntax_words`.
    Syntax {
        line: usize,
        column: usize,
        detail: String,
    },
    TooDeep {
        line: usize,
        column: usize,
    },
    /// `expected` is serde's name for what it expected (`u32`, `a sequence`, …) or the
    /// decoder's (`an object`, `one of "met", "not_met", "unknown"`).
    WrongType {
        expected: String,
        found: Found,
    },
    Missing {
        field: String,
    },
    UnknownField {
        field: String,
    },
    UnknownValue {
        found: String,
        allowed: String,
    },
    UnsupportedVersion {
        found: Found,
        supported: u32,
    },
    MetOverAssigned {
        met: u32,
        assigned: u32,
    },
    PillarsDoNotAddUp {
        pillars_met: u32,
        pillars_assigned: u32,
        met: u32,
        assigned: u32,
    },
    DuplicatePillar {
        pillar: String,
    },
    DuplicateId {
        id: String,
        first: String,
    },
    UnknownSource {
        id: String,
    },
    UnknownAsOf {
        id: String,
    },
    UnknownSnapshot {
        id: String,
    },
    NoSources,
    OutOfRange {
        value: f64,
        min: f64,
        max: f64,
    },
    BadDate {
        value: String,
    },
    BadUrl {
        value: String,
    },
    BadPath {
        value: String,
    },
    /// `what` is what the value should have been, `[vi, en]`: an id, a SHA-256 or a version.
    BadId {
        value: String,
        what: [&'static str; 2],
    },
    /// A rank greater than the number ranked.
    RankOverOutOf {
        rank: f64,
        out_of: u32,
        rank_path: String,
        out_of_path: String,
    },
    /// Goals set for a year that is not after the results' year.
    GoalYearNotAfter {
        goal_year: i32,
        result_year: i32,
        goal_path: String,
        result_path: String,
    },
    /// A status of met or not met that the result and the target say otherwise.
    StatusContradicts {
        status: Status,
        comparator: Comparator,
        result: f64,
        target: f64,
        status_path: String,
        result_path: String,
        target_path: String,
    },
    /// A status of met with no result published.
    MetWithoutResult {
        status_path: String,
        result_path: String,
    },
    /// A goal to maintain a value the result has not reached.
    CannotMaintain {
        goal: f64,
        result: f64,
        goal_path: String,
        result_path: String,
    },
    /// Some pillars only, whose sum of one part exceeds the overall tally's.
    PillarsExceedOverall {
        part: TallyPart,
        sum: u32,
        overall: u32,
        pillars_path: String,
        overall_path: String,
    },
    /// A tally of nothing assigned (`assigned: 0`).
    NothingAssigned {
        path: String,
    },
    /// A tally or a result whose as-of is not of the result year.
    AsOfOutsideResultYear {
        id: String,
        year: i32,
        result_year: i32,
        path: String,
        as_of_path: String,
        result_year_path: String,
    },
    /// A successor since a date before the end of the latest period the figures cover.
    SuccessorBeforeAsOf {
        since: String,
        year: i32,
        months: u32,
        since_path: String,
        as_of_path: String,
    },
    /// Two figures of one series at one as-of.
    DuplicateSeriesPoint {
        series: String,
        as_of: String,
        path: String,
        first_path: String,
    },
    /// A series whose figures are in more than one unit.
    SeriesMixesUnits {
        series: String,
        unit: &'static str,
        first_unit: &'static str,
        path: String,
        first_path: String,
    },
    /// A count or a rank that is not a whole number; `unit` is `count` or `rank`.
    NotWhole {
        value: f64,
        unit: &'static str,
    },
    /// A rank that does not say how many were ranked.
    RankWithoutOutOf {
        unit_path: String,
        out_of_path: String,
    },
    /// A source dated after the day the version that cites it was published.
    SourceAfterPublication {
        date: String,
        published: String,
        path: String,
    },
    EmptyText,
    TextTooLong {
        chars: usize,
        limit: usize,
    },
    EmptyList,
    /// `format` for an invisible format character (U+200B, U+00AD, …), else a control
    /// character (a bidirectional override, NUL, …).
    ControlCharacter {
        code: String,
        format: bool,
    },
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
            RankOverOutOf { .. } => "rank_over_out_of",
            GoalYearNotAfter { .. } => "goal_year_not_after",
            StatusContradicts { .. } => "status_contradicts",
            MetWithoutResult { .. } => "met_without_result",
            CannotMaintain { .. } => "cannot_maintain",
            PillarsExceedOverall { .. } => "pillars_exceed_overall",
            NothingAssigned { .. } => "nothing_assigned",
            AsOfOutsideResultYear { .. } => "as_of_outside_result_year",
            SuccessorBeforeAsOf { .. } => "successor_before_as_of",
            DuplicateSeriesPoint { .. } => "duplicate_series_point",
            SeriesMixesUnits { .. } => "series_mixes_units",
            NotWhole { .. } => "not_whole",
            RankWithoutOutOf { .. } => "rank_without_out_of",
            SourceAfterPublication { .. } => "source_after_publication",
            EmptyText => "empty_text",
            TextTooLong { .. } => "text_too_long",
            EmptyList => "empty_list",
            ControlCharacter { .. } => "control_character",
        }
    }

    /// The message in `lang`. Each arm says it in Vietnamese and in English, side by side.
    pub fn message(&self, lang: Lang) -> String {
        use ProblemKind::*;
        let [vi, en]: [String; 2] = match self {
            Empty => ["tệp rỗng".into(), "the file is empty".into()],
            TooLarge { bytes, limit } => [
                format!("tệp có {bytes} byte, vượt giới hạn {limit} byte"),
                format!("the file is {bytes} bytes, over the limit of {limit} bytes"),
            ],
            NotUtf8 { offset } => [
                format!("tệp không phải văn bản UTF-8 (byte sai ở vị trí {offset})"),
                format!("the file is not UTF-8 text (invalid byte at offset {offset})"),
            ],
            Syntax {
                line,
                column,
                detail,
            } => {
                let [vi, en] = syntax_words(detail);
                [
                    format!("JSON không hợp lệ ở dòng {line}, cột {column}: {vi}"),
                    format!("not valid JSON at line {line}, column {column}: {en}"),
                ]
            }
            TooDeep { line, column } => [
                format!("JSON lồng nhau quá sâu (dòng {line}, cột {column})"),
                format!("the JSON is nested too deeply (line {line}, column {column})"),
            ],
            WrongType { expected, found } => {
                let [vi, en] = expected_words(expected);
                let [found_vi, found_en] = found.words();
                [
                    format!("sai kiểu: cần {vi}, nhưng gặp {found_vi}"),
                    format!("expected {en}, found {found_en}"),
                ]
            }
            Missing { field } => [
                format!("thiếu trường bắt buộc `{field}`"),
                format!("required field `{field}` is missing"),
            ],
            UnknownField { field } => [
                format!("trường không được biết `{field}`"),
                format!("unknown field `{field}`"),
            ],
            UnknownValue { found, allowed } => [
                format!("giá trị không được biết {found}; chỉ nhận: {allowed}"),
                format!("unknown value {found}; allowed: {allowed}"),
            ],
            UnsupportedVersion { found, supported } => {
                let [found_vi, found_en] = found.words();
                [
                format!(
                    "phiên bản lược đồ {found_vi} không được hỗ trợ (ứng dụng đọc phiên bản {supported})"
                ),
                format!(
                    "schema version {found_en} is not supported (this app reads version {supported})"
                ),
            ]
            }
            MetOverAssigned { met, assigned } => [
                format!("số đạt ({met}) lớn hơn số được giao ({assigned})"),
                format!("met ({met}) is more than assigned ({assigned})"),
            ],
            PillarsDoNotAddUp {
                pillars_met,
                pillars_assigned,
                met,
                assigned,
            } => [
                format!(
                    "tổng các trụ cột là {pillars_met}/{pillars_assigned}, nhưng tổng chung là {met}/{assigned}"
                ),
                format!(
                    "the pillars add up to {pillars_met}/{pillars_assigned}, but the overall tally is {met}/{assigned}"
                ),
            ],
            DuplicatePillar { pillar } => [
                format!("trụ cột `{pillar}` xuất hiện hai lần"),
                format!("pillar `{pillar}` is listed twice"),
            ],
            DuplicateId { id, first } => [
                format!("mã `{id}` bị dùng hai lần (lần đầu ở {first})"),
                format!("id `{id}` is used twice (also at {first})"),
            ],
            UnknownSource { id } => [
                format!("nguồn `{id}` không có trong `sources`"),
                format!("source `{id}` is not in `sources`"),
            ],
            UnknownAsOf { id } => [
                format!("thời điểm `{id}` không có trong `as_of`"),
                format!("as-of `{id}` is not in `as_of`"),
            ],
            UnknownSnapshot { id } => [
                format!("bộ số liệu `{id}` không có trong `snapshots`"),
                format!("snapshot `{id}` is not in `snapshots`"),
            ],
            NoSources => [
                "mỗi số liệu phải ghi ít nhất một nguồn".into(),
                "a figure must name at least one source".into(),
            ],
            OutOfRange { value, min, max } => [
                format!("{value} nằm ngoài khoảng {min}–{max}"),
                format!("{value} is outside {min}–{max}"),
            ],
            BadDate { value } => {
                let (first, last) = (DATE_YEARS.start(), DATE_YEARS.end());
                [
                    format!("`{value}` không phải ngày có thật dạng YYYY, YYYY-MM hoặc YYYY-MM-DD, năm từ {first} đến {last}"),
                    format!("`{value}` is not a real date of the form YYYY, YYYY-MM or YYYY-MM-DD, of a year from {first} to {last}"),
                ]
            }
            BadUrl { value } => [
                format!("`{value}` không phải liên kết http(s) tới một máy chủ (không có tên người dùng trước máy chủ, khoảng trắng hay ký tự ẩn)"),
                format!("`{value}` is not an http(s) link to a host (with no user name before the host, no spaces and no invisible characters)"),
            ],
            BadPath { value } => [
                format!(
                    "`{value}` không phải đường dẫn tương đối an toàn tới tệp .json trong data/"
                ),
                format!("`{value}` is not a safe relative path to a .json file under data/"),
            ],
            BadId {
                value,
                what: [vi, en],
            } => [
                format!("`{value}` không phải {vi}"),
                format!("`{value}` is not {en}"),
            ],
            RankOverOutOf {
                rank,
                out_of,
                rank_path,
                out_of_path,
            } => [
                format!("`{rank_path}` xếp hạng {rank}, nhưng `{out_of_path}` nói chỉ có {out_of} đơn vị được xếp hạng"),
                format!("`{rank_path}` is rank {rank}, but `{out_of_path}` says only {out_of} were ranked"),
            ],
            GoalYearNotAfter {
                goal_year,
                result_year,
                goal_path,
                result_path,
            } => [
                format!("`{goal_path}` {goal_year} không sau `{result_path}` {result_year}: mục tiêu phải đặt cho năm sau năm của kết quả"),
                format!("`{goal_path}` {goal_year} is not after `{result_path}` {result_year}: goals are set for a year after the results"),
            ],
            StatusContradicts {
                status,
                comparator,
                result,
                target,
                status_path: s,
                result_path: r,
                target_path: t,
            } => match (status, comparator) {
                (Status::Met, Comparator::Equal) => [
                    format!("`{s}` ghi là đạt, nhưng `{r}` {result} khác `{t}` {target}"),
                    format!("`{s}` says met, but `{r}` {result} is not `{t}` {target}"),
                ],
                (Status::Met, _) => [
                    format!("`{s}` ghi là đạt, nhưng `{r}` {result} thấp hơn `{t}` {target}"),
                    format!("`{s}` says met, but `{r}` {result} is below `{t}` {target}"),
                ],
                (_, Comparator::Equal) => [
                    format!("`{s}` ghi là chưa đạt, nhưng `{r}` {result} bằng `{t}` {target}"),
                    format!("`{s}` says not met, but `{r}` {result} equals `{t}` {target}"),
                ],
                _ => [
                    format!("`{s}` ghi là chưa đạt, nhưng `{r}` {result} đã bằng hoặc vượt `{t}` {target}"),
                    format!("`{s}` says not met, but `{r}` {result} is at or above `{t}` {target}"),
                ],
            },
            MetWithoutResult {
                status_path: s,
                result_path: r,
            } => [
                format!("`{s}` ghi là đạt, nhưng không có kết quả nào được công bố (`{r}` là null)"),
                format!("`{s}` says met, but no result is published (`{r}` is null)"),
            ],
            CannotMaintain {
                goal,
                result,
                goal_path: g,
                result_path: r,
            } => [
                format!("`{g}` đặt mục tiêu duy trì {goal}, nhưng `{r}` mới là {result}: không thể duy trì điều chưa đạt được"),
                format!("`{g}` is to maintain {goal}, but `{r}` is {result}, below it: one cannot maintain what one does not have"),
            ],
            PillarsExceedOverall {
                part,
                sum,
                overall,
                pillars_path: p,
                overall_path: o,
            } => match part {
                TallyPart::Met => [
                    format!("các trụ cột trong `{p}` cộng lại có {sum} chỉ tiêu đạt, nhiều hơn {overall} ở `{o}`"),
                    format!("the pillars in `{p}` add up to {sum} met, more than the {overall} of `{o}`"),
                ],
                TallyPart::Assigned => [
                    format!("các trụ cột trong `{p}` cộng lại có {sum} chỉ tiêu được giao, nhiều hơn {overall} ở `{o}`"),
                    format!("the pillars in `{p}` add up to {sum} assigned, more than the {overall} of `{o}`"),
                ],
                TallyPart::NotMet => [
                    format!("các trụ cột trong `{p}` cộng lại có {sum} chỉ tiêu chưa đạt, nhiều hơn {overall} chỉ tiêu chưa đạt của `{o}`"),
                    format!("the pillars in `{p}` add up to {sum} not met, more than the {overall} not met of `{o}`"),
                ],
            },
            NothingAssigned { path } => [
                format!("`{path}` là 0: không có chỉ tiêu nào được giao thì không có gì để đếm; hãy bỏ số liệu này"),
                format!("`{path}` is 0: a tally of nothing assigned counts nothing; leave it out"),
            ],
            AsOfOutsideResultYear {
                id,
                year,
                result_year,
                path: p,
                as_of_path: a,
                result_year_path: r,
            } => [
                format!("`{p}` là `{id}`, thuộc năm {year} (`{a}`), không phải năm kết quả {result_year} (`{r}`)"),
                format!("`{p}` is `{id}`, of the year {year} (`{a}`), not of the result year {result_year} (`{r}`)"),
            ],
            SuccessorBeforeAsOf {
                since,
                year,
                months,
                since_path: s,
                as_of_path: a,
            } => [
                format!("`{s}` {since} không sau khi kỳ số liệu muộn nhất `{a}` ({months} tháng năm {year}) kết thúc: khi đó đơn vị vẫn còn"),
                format!("`{s}` {since} is not after the end of `{a}` ({months} months of {year}), the latest period the figures cover: the unit still existed then"),
            ],
            DuplicateSeriesPoint {
                series,
                as_of,
                path: p,
                first_path: f,
            } => [
                format!("`{p}` và `{f}` cùng cho chuỗi `{series}` một số liệu tại thời điểm `{as_of}`"),
                format!("`{p}` and `{f}` both give series `{series}` a figure at `{as_of}`"),
            ],
            SeriesMixesUnits {
                series,
                unit,
                first_unit,
                path: p,
                first_path: f,
            } => [
                format!("`{p}` là `{unit}`, nhưng `{f}` của cùng chuỗi `{series}` là `{first_unit}`: một chuỗi chỉ có một đơn vị"),
                format!("`{p}` is `{unit}`, but `{f}` of the same series `{series}` is `{first_unit}`: a series has one unit"),
            ],
            NotWhole { value, unit } => {
                let [vi, en] = if *unit == "rank" {
                    ["thứ hạng", "a rank"]
                } else {
                    ["số đếm", "a count"]
                };
                [
                    format!("{value} không phải số nguyên, mà {vi} phải là số nguyên"),
                    format!("{value} is not a whole number, as {en} must be"),
                ]
            }
            RankWithoutOutOf {
                unit_path: u,
                out_of_path: o,
            } => [
                format!("`{u}` là thứ hạng, nhưng `{o}` không cho biết có bao nhiêu đơn vị được xếp hạng"),
                format!("`{u}` is a rank, but `{o}` does not say how many were ranked"),
            ],
            SourceAfterPublication {
                date,
                published,
                path,
            } => [
                format!("`{path}` {date} muộn hơn {published}, ngày phiên bản này được công bố (`versions[].published` trong data/index.json): không thể dẫn một nguồn chưa có"),
                format!("`{path}` {date} is after {published}, the day this version was published (`versions[].published` in data/index.json): it cannot cite a source not yet written"),
            ],
            EmptyText => ["văn bản rỗng".into(), "the text is empty".into()],
            TextTooLong { chars, limit } => [
                format!("văn bản dài {chars} ký tự, vượt giới hạn {limit}"),
                format!("the text is {chars} characters long, over the limit of {limit}"),
            ],
            EmptyList => [
                "danh sách không được rỗng".into(),
                "a list that must not be empty is empty".into(),
            ],
            ControlCharacter { code, format: false } => [
                format!(
                    "văn bản chứa ký tự điều khiển ẩn {code}, có thể đảo thứ tự hoặc che nội dung người đọc thấy"
                ),
                format!(
                    "the text contains the invisible control character {code}, which can reorder or hide what a reader sees"
                ),
            ],
            ControlCharacter { code, format: true } => [
                format!(
                    "văn bản chứa ký tự định dạng ẩn {code} (khoảng trắng độ rộng 0, dấu nối mềm, …), có thể che nội dung người đọc thấy hoặc làm hỏng việc tìm kiếm"
                ),
                format!(
                    "the text contains the invisible format character {code} (a zero-width space, a soft hyphen, …), which can hide what a reader sees or break a search"
                ),
            ],
        };
        match lang {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }
}

impl fmt::Display for ProblemKind {
    /// English, for logs and `chiso-check`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for ProblemKind {}

/// What a malformed id should have been, `[vi, en]`.
pub(super) const ID_WHAT: [&str; 2] = [
    "mã hợp lệ (chữ thường, số, dấu gạch ngang)",
    "an id (lower-case letters, digits and hyphens)",
];
/// What a malformed hash should have been, `[vi, en]`.
pub(super) const SHA_WHAT: [&str; 2] =
    ["mã SHA-256 (64 chữ số hệ 16)", "a SHA-256 (64 hex digits)"];
/// What a malformed version should have been, `[vi, en]`.
pub(super) const VERSION_WHAT: [&str; 2] = [
    "phiên bản (12 chữ số hệ 16 đầu của SHA-256)",
    "a version (the first 12 hex digits of the SHA-256)",
];

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

/// Which part of a tally a sum is of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TallyPart {
    Met,
    Assigned,
    /// Assigned less met.
    NotMet,
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
