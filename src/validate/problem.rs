//! What can be wrong with a data file and where: the catalogue of problems, each with a stable
//! code; what each says, in Vietnamese and in English, is in `problem/message.rs`.

use std::fmt;

use crate::i18n::Lang;
use crate::snapshot::{Comparator, Status};

pub use super::found::Found;

mod message;

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
    /// A later observation (`reported`) whose as-of is not of a year after the result year.
    ReportedNotLater {
        id: String,
        year: i32,
        result_year: i32,
        path: String,
        as_of_path: String,
        result_year_path: String,
    },
    /// A later observation that says met or not met, of an indicator with no goal to meet.
    StatusWithoutGoal {
        status: Status,
        status_path: String,
        goal_path: String,
    },
    /// A value reported against a general goal, which has no unit to read a value in.
    ValueWithoutUnit {
        value: f64,
        path: String,
        goal_path: String,
    },
    UnknownUnit {
        id: String,
    },
    UnknownGrouping {
        id: String,
    },
    /// A unit whose last day (`until`) comes before its first (`since`).
    UntilBeforeSince {
        since: String,
        until: String,
        since_path: String,
        until_path: String,
    },
    /// A unit named as its own successor.
    OwnSuccessor {
        id: String,
        path: String,
    },
    /// A successor that existed before the unit it succeeds had ended.
    SuccessorNotAfter {
        successor: String,
        since: String,
        until: String,
        path: String,
        since_path: String,
        until_path: String,
    },
    /// A grouping whose listed members are not as many as its size.
    MembersNotSize {
        listed: usize,
        size: u32,
        members_path: String,
        size_path: String,
    },
    /// A ranking entry for a unit that is not among its grouping's listed members.
    NotAMember {
        unit: String,
        path: String,
        members_path: String,
    },
    /// A unit ranked in (or listed as a member of) a grouping as of a day it did not exist:
    /// before its `since` or, when `after_until`, after its `until`.
    UnitNotValidOn {
        unit: String,
        day: String,
        limit: String,
        after_until: bool,
        path: String,
        day_path: String,
        limit_path: String,
    },
    /// Two rankings of one grouping for one year: one score per unit and year.
    DuplicateRanking {
        year: i32,
        grouping: String,
        path: String,
        first_path: String,
    },
    /// An entry sharing its rank with another without saying `tie`.
    SharedRankWithoutTie {
        rank: u32,
        path: String,
        other_path: String,
        tie_path: String,
    },
    /// An entry that says `tie` with no other entry of its rank (`None`: its rank is unknown).
    TieAlone {
        rank: Option<u32>,
        tie_path: String,
        entries_path: String,
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
            ReportedNotLater { .. } => "reported_not_later",
            StatusWithoutGoal { .. } => "status_without_goal",
            ValueWithoutUnit { .. } => "value_without_unit",
            UnknownUnit { .. } => "unknown_unit",
            UnknownGrouping { .. } => "unknown_grouping",
            UntilBeforeSince { .. } => "until_before_since",
            OwnSuccessor { .. } => "own_successor",
            SuccessorNotAfter { .. } => "successor_not_after",
            MembersNotSize { .. } => "members_not_size",
            NotAMember { .. } => "not_a_member",
            UnitNotValidOn { .. } => "unit_not_valid_on",
            DuplicateRanking { .. } => "duplicate_ranking",
            SharedRankWithoutTie { .. } => "shared_rank_without_tie",
            TieAlone { .. } => "tie_alone",
            EmptyText => "empty_text",
            TextTooLong { .. } => "text_too_long",
            EmptyList => "empty_list",
            ControlCharacter { .. } => "control_character",
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
    /// The one line a command-line tool prints for this problem in `file`: the path, then the
    /// message in English and in Vietnamese (`chiso-check`, `chiso-diff` alike).
    pub fn line(&self, file: &str) -> String {
        format!(
            "{file}: {}: {} / {}",
            self.path,
            self.kind.message(crate::i18n::Lang::En),
            self.kind.message(crate::i18n::Lang::Vi)
        )
    }

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
