//! The indicator chart: each named indicator's result against its goal, percent indicators on one
//! 0–100 scale, and every indicator in the table.

use super::{as_of_label, as_of_line, results_when, source_line, source_titles, value, Table};
use crate::chart::dumbbell::{DumbbellRow, End};
use crate::chart::Tooltip;
use crate::format;
use crate::i18n::{pillar_name, status_name, t, Key, Lang};
use crate::snapshot::{Comparator, Indicator, Snapshot, Status, Target, Unit};

/// A goal in the source's words: "100%" (at the top of its scale, "at least" says nothing more),
/// "≥ 80%", "= 5", "duy trì 100%".
pub(super) fn goal_text(lang: Lang, unit: Unit, g: &Target) -> String {
    let v = value(lang, unit, g.value, None);
    let top = match unit {
        Unit::Percent => Some(100.0),
        Unit::Score => Some(1.0),
        Unit::Count | Unit::Rank => None,
    };
    match g.comparator {
        Comparator::AtLeast if top.is_some_and(|t| g.value >= t) => v,
        Comparator::AtLeast => format!("≥ {v}"),
        Comparator::Equal => format!("= {v}"),
        Comparator::Maintain => format!("{} {v}", t(lang, Key::Maintain)),
    }
}

pub fn status_badge(lang: Lang, st: Status) -> String {
    let icon = match st {
        Status::Met => "✓",
        Status::NotMet => "✗",
        Status::Unknown => "?",
    };
    format!("{icon} {}", status_name(lang, st))
}

/// An indicator's result as a mark: where it is and what its tooltip says, or said to be unknown.
pub(super) fn result_end(lang: Lang, s: &Snapshot, i: &Indicator) -> End {
    let name = lang.pick(&i.name).to_string();
    match &i.result {
        Some(r) => End::Known {
            value: r.value,
            tooltip: Tooltip {
                title: format!(
                    "{}: {}",
                    format::upper_first(&as_of_label(lang, s, &r.as_of)),
                    value(lang, i.unit, r.value, None)
                ),
                lines: vec![
                    name,
                    as_of_line(lang, s, &r.as_of),
                    source_line(lang, s, &r.sources),
                ],
            },
        },
        None => End::Unknown {
            tooltip: Tooltip {
                title: format!("{}: {}", s.period.result_year, t(lang, Key::NoFigure)),
                lines: vec![name, source_line(lang, s, &i.sources)],
            },
        },
    }
}

/// An indicator's goal as a mark, or said to be none.
pub(super) fn goal_end(lang: Lang, s: &Snapshot, i: &Indicator) -> End {
    let name = lang.pick(&i.name).to_string();
    let gy = s.period.goal_year;
    match &i.goal {
        Some(g) => End::Known {
            value: g.value,
            tooltip: Tooltip {
                title: format!(
                    "{} {gy}: {}",
                    t(lang, Key::Goal),
                    goal_text(lang, i.unit, g)
                ),
                lines: vec![name, source_line(lang, s, &g.sources)],
            },
        },
        None => End::Unknown {
            tooltip: Tooltip {
                title: format!("{} {gy}: {}", t(lang, Key::Goal), t(lang, Key::NoGoal)),
                lines: vec![name, source_line(lang, s, &i.sources)],
            },
        },
    }
}

/// Percent indicators on one 0–100 scale; indicators in other units are in the table only.
pub fn indicator_rows(lang: Lang, s: &Snapshot) -> Vec<DumbbellRow> {
    s.indicators
        .iter()
        .filter(|i| i.unit == Unit::Percent)
        .map(|i| {
            let name = lang.pick(&i.name).to_string();
            let from = result_end(lang, s, i);
            let to = goal_end(lang, s, i);
            DumbbellRow {
                key: i.id.clone(),
                pillar: i.pillar,
                status: Some(status_badge(lang, i.status)),
                values: indicator_values(lang, s, i),
                name,
                from,
                to,
                domain: (0.0, 100.0),
                ends: None,
            }
        })
        .collect()
}

/// "11 tháng năm 2023: 100% → mục tiêu 2024: 100%": a value is labelled with its own as-of.
fn indicator_values(lang: Lang, s: &Snapshot, i: &Indicator) -> String {
    let (ry, gy) = (s.period.result_year, s.period.goal_year);
    let result = i.result.as_ref().map_or_else(
        || format!("{ry}: {}", t(lang, Key::NoFigure)),
        |r| {
            format!(
                "{}: {}",
                as_of_label(lang, s, &r.as_of),
                value(lang, i.unit, r.value, None)
            )
        },
    );
    let goal = i.goal.as_ref().map_or_else(
        || t(lang, Key::NoFigure).to_string(),
        |g| goal_text(lang, i.unit, g),
    );
    format!("{result} → {}: {goal}", goal_label(lang, gy))
}

/// "mục tiêu 2024" / "2024 goal", mid-sentence.
pub(super) fn goal_label(lang: Lang, goal_year: i32) -> String {
    match lang {
        Lang::Vi => format!("mục tiêu {goal_year}"),
        Lang::En => format!("{goal_year} goal"),
    }
}

/// 0%, 25%, … 100% in the reader's format.
pub fn percent_ticks(lang: Lang) -> Vec<(f64, String)> {
    [0.0, 25.0, 50.0, 75.0, 100.0]
        .into_iter()
        .map(|v| (v, format::percent(lang, v)))
        .collect()
}

pub fn indicator_summary(lang: Lang, s: &Snapshot) -> String {
    let n = s.indicators.len();
    let known: Vec<f64> = s
        .indicators
        .iter()
        .filter_map(|i| i.result.as_ref().map(|r| r.value))
        .collect();
    let goals = s.indicators.iter().filter(|i| i.goal.is_some()).count();
    let goal_only = s
        .indicators
        .iter()
        .filter(|i| i.result.is_none() && i.goal.is_some())
        .count();
    let count = |st: Status| s.indicators.iter().filter(|i| i.status == st).count();
    let (when, gy) = (results_when(lang, s), s.period.goal_year);
    // "for the first 11 months of 2023", but "for 2023".
    let the = if when.parse::<i32>().is_ok() {
        ""
    } else {
        "the "
    };
    let range = match (
        known.iter().copied().reduce(f64::min),
        known.iter().copied().reduce(f64::max),
    ) {
        (Some(lo), Some(hi)) if lo < hi => format!(
            "{}–{}",
            format::percent(lang, lo),
            format::percent(lang, hi)
        ),
        (Some(v), _) => format::percent(lang, v),
        _ => String::from("–"),
    };
    match lang {
        Lang::Vi => format!(
            "Nguồn nêu tên {n} chỉ tiêu. {} chỉ tiêu có số liệu {when} ({range}); {goals} chỉ tiêu có mục tiêu {gy}, trong đó {goal_only} chỉ tiêu chưa có số liệu {when}. Tình trạng: {} đạt, {} chưa đạt, {} chưa rõ.",
            known.len(),
            count(Status::Met),
            count(Status::NotMet),
            count(Status::Unknown)
        ),
        Lang::En => format!(
            "The sources name {n} indicators. {} have a figure for {the}{when} ({range}); {goals} have a {gy} goal, {goal_only} of them without a figure for {the}{when}. Status: {} met, {} not met, {} unknown.",
            known.len(),
            count(Status::Met),
            count(Status::NotMet),
            count(Status::Unknown)
        ),
    }
}

pub fn indicator_table(lang: Lang, s: &Snapshot) -> Table {
    let gy = s.period.goal_year;
    Table {
        head: vec![
            t(lang, Key::Indicator).into(),
            t(lang, Key::Pillar).into(),
            format::upper_first(&results_when(lang, s)),
            t(lang, Key::AsOf).into(),
            format!("{} {gy}", t(lang, Key::Goal)),
            t(lang, Key::Status).into(),
            t(lang, Key::Source).into(),
        ],
        rows: s
            .indicators
            .iter()
            .map(|i| {
                vec![
                    lang.pick(&i.name).to_string(),
                    i.pillar.map_or_else(
                        || t(lang, Key::Unknown).to_string(),
                        |p| pillar_name(lang, p).to_string(),
                    ),
                    i.result.as_ref().map_or_else(
                        || t(lang, Key::NoFigure).to_string(),
                        |r| value(lang, i.unit, r.value, None),
                    ),
                    i.result
                        .as_ref()
                        .map_or_else(String::new, |r| as_of_label(lang, s, &r.as_of)),
                    i.goal.as_ref().map_or_else(
                        || t(lang, Key::NoFigure).to_string(),
                        |g| goal_text(lang, i.unit, g),
                    ),
                    status_badge(lang, i.status),
                    source_titles(s, &i.sources),
                ]
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::present::test_snapshot as snapshot;

    #[test]
    fn indicators_without_a_2023_value_say_so_and_are_not_zero() {
        let s = snapshot();
        let rows = indicator_rows(Lang::Vi, &s);
        assert_eq!(rows.len(), 7);
        let digitised = rows
            .iter()
            .find(|r| r.key == "so-hoa-ket-qua-tthc")
            .expect("row");
        assert!(matches!(digitised.from, End::Unknown { .. }));
        assert_eq!(digitised.values, "2023: chưa công bố → mục tiêu 2024: 100%");
        assert_eq!(digitised.status.as_deref(), Some("? Chưa rõ"));
        let integrated = rows
            .iter()
            .find(|r| r.key == "dvctt-tich-hop-cong-dvcqg")
            .expect("row");
        assert_eq!(
            integrated.values,
            "11 tháng năm 2023: 100% → mục tiêu 2024: duy trì 100%"
        );
        let ioc = &rows[4];
        assert_eq!(
            ioc.values,
            "11 tháng năm 2023: 98% → mục tiêu 2024: chưa công bố"
        );
        let End::Known { tooltip, .. } = &ioc.from else {
            panic!("98% is known")
        };
        assert_eq!(tooltip.title, "11 tháng năm 2023: 98%");
        assert!(tooltip
            .lines
            .contains(&"Thời điểm: 11 tháng năm 2023".to_string()));
    }

    #[test]
    fn the_indicator_summary_counts_what_is_known() {
        let s = snapshot();
        assert_eq!(
            indicator_summary(Lang::En, &s),
            "The sources name 7 indicators. 5 have a figure for the first 11 months of 2023 (98%–100%); 4 have a 2024 goal, 2 of them without a figure for the first 11 months of 2023. Status: 0 met, 0 not met, 7 unknown."
        );
    }

    #[test]
    fn goals_are_named_in_the_reader_s_language() {
        let s = snapshot();
        for (lang, goal, maintain) in [
            (
                Lang::Vi,
                "Mục tiêu 2024",
                "11 tháng năm 2023: 100% → mục tiêu 2024: duy trì 100%",
            ),
            (
                Lang::En,
                "Goal 2024",
                "first 11 months of 2023: 100% → 2024 goal: maintain 100%",
            ),
        ] {
            let rows = indicator_rows(lang, &s);
            let digitised = rows
                .iter()
                .find(|r| r.key == "so-hoa-ket-qua-tthc")
                .expect("row");
            let End::Known { tooltip, .. } = &digitised.to else {
                panic!("the goal is known")
            };
            // "100%" as the source says it: at the top of the scale, "at least" says nothing more.
            assert_eq!(tooltip.title, format!("{goal}: 100%"));
            let integrated = rows
                .iter()
                .find(|r| r.key == "dvctt-tich-hop-cong-dvcqg")
                .expect("row");
            assert_eq!(integrated.values, maintain);
            assert_eq!(indicator_table(lang, &s).head[4], goal);
        }
    }

    #[test]
    fn the_indicator_table_has_the_numbers_of_the_chart() {
        let s = snapshot();
        let i = indicator_table(Lang::Vi, &s);
        assert_eq!(i.rows.len(), 7);
        assert_eq!(i.rows[5][2], "chưa công bố");
    }
}
