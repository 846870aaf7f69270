//! Were the goals reached? Each goal beside the earlier result and what was reported later, with
//! the status as of then; and the tallies of a later year's indicator set, which are never a
//! continuation of the result year's.

use super::{as_of_label, source_line, source_refs, unique, value, SourceRef, Table};
use crate::chart::dumbbell::End;
use crate::chart::goals::GoalRow;
use crate::chart::Tooltip;
use crate::i18n::{status_name, t, Key, Lang};
use crate::snapshot::{Indicator, Reported, Snapshot, Status, Tally, Unit};

use super::indicators::{goal_end, goal_label, goal_text, result_end, status_badge};

/// The indicators the follow-up shows: those with a goal or a later report, on the 0–100 scale.
fn followed(s: &Snapshot) -> impl Iterator<Item = &Indicator> {
    s.indicators
        .iter()
        .filter(|i| i.unit == Unit::Percent && (i.goal.is_some() || !i.reported.is_empty()))
}

/// The latest report of an indicator, if any.
fn latest(i: &Indicator) -> Option<&Reported> {
    i.reported.last()
}

/// "✓ Đạt (đến 15/10/2024)", "? Chưa rõ": the status against the goal, as of the report.
pub fn followup_status(lang: Lang, s: &Snapshot, i: &Indicator) -> String {
    match latest(i) {
        Some(r) => format!(
            "{} ({})",
            status_badge(lang, r.status),
            as_of_label(lang, s, &r.as_of)
        ),
        None => format!(
            "{} ({})",
            status_badge(lang, Status::Unknown),
            t(lang, Key::NoReport)
        ),
    }
}

/// The three values in one line: "11 tháng năm 2023: 100% → mục tiêu 2024: 100% → đến 15/10/2024:
/// 100%".
fn values_line(lang: Lang, s: &Snapshot, i: &Indicator) -> String {
    let gy = s.period.goal_year;
    let result = match &i.result {
        Some(r) => format!(
            "{}: {}",
            as_of_label(lang, s, &r.as_of),
            value(lang, i.unit, r.value, None)
        ),
        None => format!("{}: {}", s.period.result_year, t(lang, Key::NoFigure)),
    };
    let goal = i.goal.as_ref().map_or_else(
        || t(lang, Key::NoGoal).to_string(),
        |g| goal_text(lang, i.unit, g),
    );
    let reported = match latest(i) {
        Some(r) => format!(
            "{}: {}",
            as_of_label(lang, s, &r.as_of),
            r.value.map_or_else(
                || t(lang, Key::NoFigure).to_string(),
                |v| value(lang, i.unit, v, None)
            )
        ),
        None => format!("{}: {}", t(lang, Key::Reported), t(lang, Key::NoReport)),
    };
    format!("{result} → {}: {goal} → {reported}", goal_label(lang, gy))
}

pub fn followup_rows(lang: Lang, s: &Snapshot) -> Vec<GoalRow> {
    followed(s)
        .map(|i| {
            let name = lang.pick(&i.name).to_string();
            let result = result_end(lang, s, i);
            let goal = goal_end(lang, s, i);
            let reported = match latest(i) {
                Some(r) => {
                    let mut lines = vec![
                        name.clone(),
                        format!("{}: {}", t(lang, Key::Status), status_name(lang, r.status)),
                    ];
                    if let Some(n) = &r.note {
                        lines.push(lang.pick(n).to_string());
                    }
                    lines.push(source_line(lang, s, &r.sources));
                    let title = format!(
                        "{} ({}): {}",
                        t(lang, Key::Reported),
                        as_of_label(lang, s, &r.as_of),
                        r.value.map_or_else(
                            || t(lang, Key::NoFigure).to_string(),
                            |v| value(lang, i.unit, v, None)
                        )
                    );
                    let tooltip = Tooltip { title, lines };
                    match r.value {
                        Some(v) => End::Known { value: v, tooltip },
                        None => End::Unknown { tooltip },
                    }
                }
                None => End::Unknown {
                    tooltip: Tooltip {
                        title: format!("{}: {}", t(lang, Key::Reported), t(lang, Key::NoReport)),
                        lines: vec![name.clone()],
                    },
                },
            };
            GoalRow {
                key: i.id.clone(),
                status: followup_status(lang, s, i),
                values: values_line(lang, s, i),
                name,
                result,
                goal,
                reported,
                domain: (0.0, 100.0),
            }
        })
        .collect()
}

/// How many goals a later report says were met, not met, or says nothing of.
pub fn followup_summary(lang: Lang, s: &Snapshot) -> String {
    let list: Vec<&Indicator> = followed(s).collect();
    let with_goal = list.iter().filter(|i| i.goal.is_some()).count();
    let count = |st: Status| {
        list.iter()
            .filter(|i| i.goal.is_some() && latest(i).is_some_and(|r| r.status == st))
            .count()
    };
    let (met, not_met) = (count(Status::Met), count(Status::NotMet));
    let unknown = with_goal - met - not_met;
    let gy = s.period.goal_year;
    let when = unique(
        list.iter()
            .filter_map(|i| latest(i).map(|r| as_of_label(lang, s, &r.as_of))),
    )
    .join(", ");
    match lang {
        Lang::Vi => format!(
            "{with_goal} chỉ tiêu có mục tiêu năm {gy}. Theo báo cáo sau đó ({when}): {met} đạt, {not_met} chưa đạt, {unknown} chưa rõ."
        ),
        Lang::En => format!(
            "{with_goal} indicators have a {gy} goal. As reported later ({when}): {met} met, {not_met} not met, {unknown} unknown."
        ),
    }
}

pub fn followup_table(lang: Lang, s: &Snapshot) -> Table {
    Table {
        head: vec![
            t(lang, Key::Indicator).into(),
            t(lang, Key::Status).into(),
            t(lang, Key::Values).into(),
            t(lang, Key::Source).into(),
        ],
        rows: followed(s)
            .map(|i| {
                let ids: Vec<String> = i
                    .result
                    .iter()
                    .flat_map(|r| r.sources.clone())
                    .chain(i.goal.iter().flat_map(|g| g.sources.clone()))
                    .chain(i.reported.iter().flat_map(|r| r.sources.clone()))
                    .collect();
                vec![
                    lang.pick(&i.name).to_string(),
                    followup_status(lang, s, i),
                    values_line(lang, s, i),
                    super::source_titles(s, &unique(ids.into_iter())),
                ]
            })
            .collect(),
    }
}

pub fn followup_source_ids(s: &Snapshot) -> Vec<String> {
    unique(followed(s).flat_map(|i| {
        i.result
            .iter()
            .flat_map(|r| r.sources.clone())
            .chain(i.goal.iter().flat_map(|g| g.sources.clone()))
            .chain(i.reported.iter().flat_map(|r| r.sources.clone()))
            .collect::<Vec<_>>()
    }))
}

pub fn followup_as_of_ids(s: &Snapshot) -> Vec<String> {
    unique(followed(s).flat_map(|i| {
        i.result
            .iter()
            .map(|r| r.as_of.clone())
            .chain(i.reported.iter().map(|r| r.as_of.clone()))
            .collect::<Vec<_>>()
    }))
}

/// A tally of a later year's set, said as such: "12/15 — 15 chỉ tiêu chính quyền số năm 2024, đến
/// 15/10/2024", with its sources.
#[derive(Debug, Clone, PartialEq)]
pub struct SetTally {
    pub fraction: String,
    pub set: String,
    pub as_of: String,
    /// "Không so sánh với …": a new set, not a continuation.
    pub caveat: String,
    pub sources: Vec<SourceRef>,
}

pub fn set_tallies(lang: Lang, s: &Snapshot) -> Vec<SetTally> {
    s.tallies
        .iter()
        .filter_map(|t: &Tally| {
            let set = t.set.as_ref()?;
            Some(SetTally {
                fraction: super::fraction(t.overall),
                set: lang.pick(set).to_string(),
                as_of: as_of_label(lang, s, &t.as_of),
                caveat: crate::i18n::t(lang, Key::NewSetCaveat).to_string(),
                sources: source_refs(lang, s, &t.sources),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::present::test_snapshot as snapshot;

    #[test]
    fn each_goal_is_followed_up_with_its_status_as_of_the_report() {
        let s = snapshot();
        let rows = followup_rows(Lang::Vi, &s);
        let keys: Vec<&str> = rows.iter().map(|r| r.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "tthc-dvctt-toan-trinh",
                "dvctt-tich-hop-cong-dvcqg",
                "lanh-dao-dung-tro-ly-ao-ioc",
                "dinh-danh-xac-thuc-thong-suot",
                "so-hoa-ket-qua-tthc"
            ]
        );
        assert_eq!(rows[0].status, "✓ Đạt (đến 15/10/2024)");
        assert_eq!(
            rows[0].values,
            "11 tháng năm 2023: 100% → mục tiêu 2024: 100% → đến 15/10/2024: 100%"
        );
        assert!(matches!(rows[0].reported, End::Known { value, .. } if value == 100.0));
        // The city's 86.16% is said, never drawn as the province's value.
        assert!(matches!(rows[3].reported, End::Unknown { .. }));
        let End::Unknown { tooltip } = &rows[3].reported else {
            panic!("unknown")
        };
        assert!(tooltip.lines.iter().any(|l| l.contains("86,16%")));
        assert_eq!(
            followup_summary(Lang::En, &s),
            "4 indicators have a 2024 goal. As reported later (as of 15 October 2024): 1 met, 0 not met, 3 unknown."
        );
    }

    #[test]
    fn a_later_set_is_said_to_be_a_new_set() {
        let s = snapshot();
        let t = set_tallies(Lang::Vi, &s);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].fraction, "12/15");
        assert_eq!(t[0].set, "15 chỉ tiêu chính quyền số năm 2024");
        assert_eq!(t[0].as_of, "đến 15/10/2024");
    }
}
