//! What changed between two versions of a snapshot, and a figure's successive as-ofs within one,
//! in the reader's language: the words for `diff`'s typed changes. Values are written as the page
//! writes them (`value`, `format::date`, "gần 99%"); what is unknown reads as the page says it,
//! never as 0.

use super::indicators::goal_label;
use super::{as_of_label, fraction, source_refs, unique, value, SourceRef};
use crate::diff::{Change, ChangeKind, Field, Figure, Revised, Revision, Value};
use crate::format;
use crate::i18n::{pillar_name, status_name, t, Key, Lang};
use crate::snapshot::{Comparator, Qualifier, Snapshot, Tally, Unit};

/// One change as a reader reads it: what, from what, to what, and who says so now.
#[derive(Debug, Clone, PartialEq)]
pub struct ChangeLine {
    /// "Số chỉ tiêu đạt, cả năm 2023", an indicator's name, "… · mục tiêu 2024".
    pub what: String,
    pub old: String,
    pub new: String,
    /// A value removed or turned unknown.
    pub loud: bool,
    /// The sources the new version cites for it (the old version's, for a removal).
    pub source: Vec<SourceRef>,
}

/// `c` in `lang`: names and as-of labels from the version that has them, the new one first.
pub fn change_line(lang: Lang, old: &Snapshot, new: &Snapshot, c: &Change) -> ChangeLine {
    let side = if c.kind == ChangeKind::Removed {
        old
    } else {
        new
    };
    let absent = |key| t(lang, key).to_string();
    let say = |s: &Snapshot, v: &Option<Value>, none: String| {
        v.as_ref().map_or(none, |v| value_text(lang, s, v))
    };
    let unknown = || t(lang, Key::NoFigure).to_string();
    let (old_none, new_none) = match c.kind {
        ChangeKind::Added => (absent(Key::NewFigure), unknown()),
        ChangeKind::Removed => (unknown(), absent(Key::DroppedFigure)),
        _ => (unknown(), unknown()),
    };
    let mut what = match (&c.key.figure, c.key.field) {
        // A source added, removed or retitled: its titles are the values.
        (Figure::Source(_), None | Some(Field::Title)) => t(lang, Key::Source).to_string(),
        (f, _) => figure_name(lang, old, new, f),
    };
    if let Some(field) = c.key.field.and_then(|f| field_label(lang, new, f)) {
        what = format!("{what} · {field}");
    }
    ChangeLine {
        what,
        old: say(old, &c.old, old_none),
        new: say(new, &c.new, new_none),
        loud: c.loud(),
        source: source_refs(lang, side, &cited(side, &c.key.figure, c.key.field)),
    }
}

/// "12 thay đổi, 1 giá trị bị bỏ hoặc thành chưa rõ" / "12 changes, 1 value removed or turned
/// unknown": the count line under the changes.
pub fn changes_summary(lang: Lang, changes: &[Change]) -> String {
    let n = changes.len();
    let loud = changes.iter().filter(|c| c.loud()).count();
    match (lang, n) {
        (_, 0) => t(lang, Key::NoChange).to_string(),
        (Lang::Vi, _) => format!("{n} thay đổi, {loud} giá trị bị bỏ hoặc thành chưa rõ."),
        (Lang::En, _) => format!(
            "{n} change{}, {loud} value{} removed or turned unknown.",
            if n == 1 { "" } else { "s" },
            if loud == 1 { "" } else { "s" }
        ),
    }
}

/// One as-of of a figure as the reader reads it.
#[derive(Debug, Clone, PartialEq)]
pub struct StepLine {
    pub value: String,
    pub as_of: String,
    pub sources: Vec<SourceRef>,
}

/// A figure's successive as-ofs: "33/39 (11 tháng năm 2023) → 35/39 (cả năm 2023)".
#[derive(Debug, Clone, PartialEq)]
pub struct RevisionLine {
    /// "Số chỉ tiêu đạt", an indicator's or a series' name.
    pub what: String,
    /// Every step, "value (as-of)", joined by arrows.
    pub values: String,
    pub steps: Vec<StepLine>,
}

pub fn revision_line(lang: Lang, s: &Snapshot, r: &Revision) -> RevisionLine {
    let what = match &r.of {
        Revised::Tallies { set: None } => t(lang, Key::Tally).to_string(),
        Revised::Tallies { set: Some(set) } => {
            format!("{} ({})", t(lang, Key::Tally), lang.pick(set))
        }
        Revised::Indicator { id } => name_of(lang, s, &Figure::Indicator(id.clone())),
        Revised::Context { series } => s
            .context
            .iter()
            .rev()
            .find(|c| &c.series == series)
            .map_or_else(|| series.clone(), |c| lang.pick(&c.name).to_string()),
    };
    let steps: Vec<StepLine> = r
        .steps
        .iter()
        .map(|step| StepLine {
            value: step.value.as_ref().map_or_else(
                || t(lang, Key::NoFigure).to_string(),
                |v| value_text(lang, s, v),
            ),
            as_of: as_of_label(lang, s, &step.as_of),
            sources: source_refs(lang, s, &step.sources),
        })
        .collect();
    let values = steps
        .iter()
        .map(|step| format!("{} ({})", step.value, step.as_of))
        .collect::<Vec<_>>()
        .join(" → ");
    RevisionLine {
        what,
        values,
        steps,
    }
}

/// A value as the page writes it; as-of labels and source titles from `s`, its own version.
fn value_text(lang: Lang, s: &Snapshot, v: &Value) -> String {
    match v {
        Value::Figure {
            value: x,
            unit,
            qualifier,
            out_of,
        } => {
            let word = match qualifier {
                Some(Qualifier::About) => Some(Key::About),
                Some(Qualifier::Over) => Some(Key::Over),
                Some(Qualifier::Nearly) => Some(Key::Nearly),
                None => None,
            };
            let figure = value(lang, *unit, *x, *out_of);
            word.map_or(figure.clone(), |w| format!("{} {figure}", t(lang, w)))
        }
        Value::Measured {
            value: x,
            unit,
            as_of,
        } => format!(
            "{} ({})",
            value(lang, *unit, *x, None),
            as_of_label(lang, s, as_of)
        ),
        Value::Goal {
            value: x,
            unit,
            comparator,
        } => goal_text(lang, *unit, *x, *comparator),
        Value::Count(c) => fraction(*c),
        Value::Status(st) => status_name(lang, *st).to_string(),
        Value::AsOf(id) => as_of_label(lang, s, id),
        Value::Date(d) => format::date(lang, d).unwrap_or_else(|| d.clone()),
        Value::Text(text) => lang.pick(text).to_string(),
        Value::Plain(p) => p.clone(),
        Value::List(items) if items.is_empty() => "–".to_string(),
        Value::List(items) => items.join(", "),
        Value::Sources(ids) => {
            let titles: Vec<&str> = ids
                .iter()
                .map(|id| s.source(id).map_or(id.as_str(), |src| src.title.as_str()))
                .collect();
            if titles.is_empty() {
                t(lang, Key::NoSource).to_string()
            } else {
                titles.join("; ")
            }
        }
        Value::Rank { rank, tie, out_of } => {
            let place = out_of.map_or(rank.to_string(), |n| format!("{rank}/{n}"));
            if *tie {
                format!("{place} ({})", t(lang, Key::Tied))
            } else {
                place
            }
        }
        Value::Units(n) => match lang {
            Lang::Vi => format!("{n} đơn vị"),
            Lang::En if *n == 1 => "1 unit".to_string(),
            Lang::En => format!("{n} units"),
        },
        Value::Years { first, last } if first == last => first.to_string(),
        Value::Years { first, last } => format!("{first}–{last}"),
    }
}

/// A goal as the indicator chart writes it (`indicators::goal_text`): "100%" (at the top of its
/// scale), "≥ 80%", "= 5", "duy trì 100%".
fn goal_text(lang: Lang, unit: Unit, x: f64, comparator: Comparator) -> String {
    let v = value(lang, unit, x, None);
    let top = match unit {
        Unit::Percent => Some(100.0),
        Unit::Score => Some(1.0),
        Unit::Count | Unit::Rank => None,
    };
    match comparator {
        Comparator::AtLeast if top.is_some_and(|t| x >= t) => v,
        Comparator::AtLeast => format!("≥ {v}"),
        Comparator::Equal => format!("= {v}"),
        Comparator::Maintain => format!("{} {v}", t(lang, Key::Maintain)),
    }
}

/// What a figure is called, from the new version where it has it, else from the old.
fn figure_name(lang: Lang, old: &Snapshot, new: &Snapshot, f: &Figure) -> String {
    let in_new = name_in(lang, new, f);
    in_new
        .or_else(|| name_in(lang, old, f))
        .unwrap_or_else(|| f.to_string())
}

fn name_of(lang: Lang, s: &Snapshot, f: &Figure) -> String {
    name_in(lang, s, f).unwrap_or_else(|| f.to_string())
}

/// The figure's name in `s`, if `s` has it.
fn name_in(lang: Lang, s: &Snapshot, f: &Figure) -> Option<String> {
    let pick = |text| lang.pick(text).to_string();
    Some(match f {
        Figure::Successor => format!("{} · {}", lang.pick(&s.unit.name), t(lang, Key::MergedInto)),
        Figure::Source(id) => {
            let src = s.source(id)?;
            format!("{} “{}”", t(lang, Key::Source), src.title)
        }
        Figure::Tally { set, as_of } => {
            let tally = tally(s, set, as_of)?;
            let when = as_of_label(lang, s, as_of);
            match &tally.set {
                Some(set) => format!("{} ({}), {when}", t(lang, Key::Tally), lang.pick(set)),
                None => format!("{}, {when}", t(lang, Key::Tally)),
            }
        }
        Figure::Indicator(id) => pick(&s.indicators.iter().find(|i| &i.id == id)?.name),
        Figure::Reported { indicator, as_of } => {
            let i = s.indicators.iter().find(|i| &i.id == indicator)?;
            i.reported.iter().find(|r| &r.as_of == as_of)?;
            format!(
                "{} · {} {}",
                pick(&i.name),
                t(lang, Key::ReportedAsOf),
                as_of_label(lang, s, as_of)
            )
        }
        Figure::Goal(id) => {
            s.goals.iter().find(|g| &g.id == id)?;
            format::upper_first(&goal_label(lang, s.period.goal_year))
        }
        Figure::Initiative(id) => pick(&s.initiatives.iter().find(|i| &i.id == id)?.name),
        Figure::Context(id) => pick(&s.context.iter().find(|c| &c.id == id)?.name),
        Figure::Ranking(id) => pick(&s.rankings.iter().find(|r| &r.id == id)?.name),
        Figure::Entry { ranking, unit } => {
            let r = s.rankings.iter().find(|r| &r.id == ranking)?;
            r.entries.iter().find(|e| &e.unit == unit)?;
            let unit = s
                .units
                .iter()
                .find(|u| &u.id == unit)
                .map_or_else(|| unit.clone(), |u| pick(&u.name));
            format!("{} · {unit}", pick(&r.name))
        }
        Figure::Series(id) => pick(&s.series.iter().find(|x| &x.id == id)?.name),
        Figure::Point { series, year } => {
            let x = s.series.iter().find(|x| &x.id == series)?;
            format!("{} · {year}", pick(&x.name))
        }
    })
}

/// The field after the figure's name ("· mục tiêu 2024"); none where the value says it all.
fn field_label(lang: Lang, s: &Snapshot, field: Field) -> Option<String> {
    let word = |key| t(lang, key).to_string();
    let (ry, gy) = (s.period.result_year, s.period.goal_year);
    Some(match field {
        Field::Overall | Field::Value | Field::Qualifier | Field::Text => return None,
        Field::Id => word(Key::Code),
        Field::Name => word(Key::Name),
        Field::Since => word(Key::MergedSince),
        Field::Sources => format::lower_first(t(lang, Key::Sources)),
        Field::Title => word(Key::Title),
        Field::Url => word(Key::Link),
        Field::Publisher => word(Key::Publisher),
        Field::Date => word(Key::DatePosted),
        Field::Set => word(Key::IndicatorSet),
        Field::Pillar(p) => format::lower_first(pillar_name(lang, p)),
        Field::Result | Field::ResultValue => word(Key::Result),
        Field::ResultAsOf => format!(
            "{} · {}",
            word(Key::Result),
            format::lower_first(t(lang, Key::AsOf))
        ),
        Field::Target | Field::TargetValue | Field::TargetComparator => goal_label(lang, ry),
        Field::Goal | Field::GoalValue | Field::GoalComparator => goal_label(lang, gy),
        Field::Status => format::lower_first(t(lang, Key::Status)),
        Field::Requirement => word(Key::Required),
        Field::AsOf => format::lower_first(t(lang, Key::AsOf)),
        Field::By => word(Key::RunBy),
        Field::Description => word(Key::Description),
        Field::Services => format::lower_first(t(lang, Key::Services)),
        Field::Mean => word(Key::Mean),
        Field::Rank => word(Key::RankWord),
        Field::Score => word(Key::Score),
    })
}

/// The sources `s` cites for a figure (for a field of a result, target or goal, that part's).
fn cited(s: &Snapshot, f: &Figure, field: Option<Field>) -> Vec<String> {
    let ids = match f {
        Figure::Successor => s.unit.successor.as_ref().map(|x| &x.sources),
        Figure::Source(id) => return s.source(id).map(|x| x.id.clone()).into_iter().collect(),
        Figure::Tally { set, as_of } => tally(s, set, as_of).map(|x| &x.sources),
        Figure::Indicator(id) => s.indicators.iter().find(|i| &i.id == id).map(|i| {
            let part = match field {
                Some(Field::Result | Field::ResultValue | Field::ResultAsOf) => {
                    i.result.as_ref().map(|r| &r.sources)
                }
                Some(Field::Target | Field::TargetValue | Field::TargetComparator) => {
                    i.target.as_ref().map(|x| &x.sources)
                }
                Some(Field::Goal | Field::GoalValue | Field::GoalComparator) => {
                    i.goal.as_ref().map(|x| &x.sources)
                }
                _ => None,
            };
            part.unwrap_or(&i.sources)
        }),
        Figure::Reported { indicator, as_of } => s
            .indicators
            .iter()
            .find(|i| &i.id == indicator)
            .and_then(|i| i.reported.iter().find(|r| &r.as_of == as_of))
            .map(|r| &r.sources),
        Figure::Goal(id) => s.goals.iter().find(|g| &g.id == id).map(|g| &g.sources),
        Figure::Initiative(id) => s
            .initiatives
            .iter()
            .find(|i| &i.id == id)
            .map(|i| &i.sources),
        Figure::Context(id) => s.context.iter().find(|c| &c.id == id).map(|c| &c.sources),
        Figure::Ranking(id) => {
            s.rankings
                .iter()
                .find(|r| &r.id == id)
                .map(|r| match (field, &r.mean) {
                    (Some(Field::Mean), Some(m)) => &m.sources,
                    _ => &r.sources,
                })
        }
        Figure::Entry { ranking, unit } => s
            .rankings
            .iter()
            .find(|r| &r.id == ranking)
            .and_then(|r| r.entries.iter().find(|e| &e.unit == unit))
            .map(|e| &e.sources),
        Figure::Series(id) => {
            let points = s
                .series
                .iter()
                .filter(|x| &x.id == id)
                .flat_map(|x| &x.points);
            return unique(points.flat_map(|p| p.sources.iter().cloned()));
        }
        Figure::Point { series, year } => s
            .series
            .iter()
            .find(|x| &x.id == series)
            .and_then(|x| x.points.iter().find(|p| p.year == *year))
            .map(|p| &p.sources),
    };
    ids.cloned().unwrap_or_default()
}

/// A tally by its key: its set's Vietnamese wording (none for the result year's) and its as-of.
fn tally<'a>(s: &'a Snapshot, set: &Option<String>, as_of: &str) -> Option<&'a Tally> {
    s.tallies
        .iter()
        .find(|x| x.as_of == as_of && x.set.as_ref().map(|t| &t.vi) == set.as_ref())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::{diff, revisions};
    use crate::present::test_snapshot as snapshot;

    fn archived() -> Snapshot {
        crate::validate::parse_snapshot(include_bytes!(
            "../../public/data/archive/ba-ria-vung-tau-2023.02478a74b21c.json"
        ))
        .expect("valid")
    }

    fn line(lang: Lang, old: &Snapshot, new: &Snapshot, key: &str) -> ChangeLine {
        let changes = diff(old, new);
        let c = changes
            .iter()
            .find(|c| c.key.to_string() == key)
            .expect(key);
        change_line(lang, old, new, c)
    }

    #[test]
    fn a_qualifier_corrected_reads_as_the_page_writes_the_figure() {
        let (old, new) = (archived(), snapshot());
        let key = "context[tthc-dung-han-2023].qualifier";
        let vi = line(Lang::Vi, &old, &new, key);
        assert_eq!(vi.what, "Thủ tục hành chính được giải quyết đúng hạn");
        assert_eq!(
            (vi.old.as_str(), vi.new.as_str()),
            ("khoảng 99%", "gần 99%")
        );
        assert!(!vi.loud);
        assert_eq!(vi.source[0].id, "vtc-2024-01-27");
        let en = line(Lang::En, &old, &new, key);
        assert_eq!(
            (en.old.as_str(), en.new.as_str()),
            ("about 99%", "nearly 99%")
        );
    }

    #[test]
    fn an_as_of_corrected_reads_with_each_version_s_labels() {
        let (old, new) = (archived(), snapshot());
        let en = line(
            Lang::En,
            &old,
            &new,
            "context[ioc-co-quan-tich-hop-2024-01-29].as_of",
        );
        assert_eq!(
            en.what,
            "Agencies whose data the provincial IOC integrates · as of"
        );
        assert_eq!(
            (en.old.as_str(), en.new.as_str()),
            ("full year 2023", "29 January 2024")
        );
        let vi = line(
            Lang::Vi,
            &old,
            &new,
            "tallies[15 chỉ tiêu chính quyền số năm 2024 @ 2024-10-15]",
        );
        assert_eq!(
            vi.what,
            "Số chỉ tiêu đạt (15 chỉ tiêu chính quyền số năm 2024), đến 15/10/2024"
        );
        assert_eq!((vi.old.as_str(), vi.new.as_str()), ("(mới)", "12/15"));
    }

    #[test]
    fn a_value_removed_or_unknown_is_loud_and_never_0() {
        let old = snapshot();
        let mut new = old.clone();
        new.context.retain(|c| c.id != "dti-rank-2023");
        new.indicators[4].result = None;
        let changes = diff(&old, &new);
        let lines: Vec<ChangeLine> = changes
            .iter()
            .map(|c| change_line(Lang::Vi, &old, &new, c))
            .collect();
        assert!(lines.iter().all(|l| l.loud), "{lines:?}");
        let result = &lines[0];
        assert!(result.what.ends_with(" · kết quả"), "{}", result.what);
        assert_eq!(result.old, "98% (11 tháng năm 2023)");
        assert_eq!(result.new, "chưa công bố");
        let rank = &lines[1];
        assert_eq!((rank.old.as_str(), rank.new.as_str()), ("10/63", "(đã bỏ)"));
        assert_eq!(
            rank.source[0].id, "bbrvt-dti-2023",
            "the old version's source"
        );
        assert_eq!(
            changes_summary(Lang::En, &changes),
            "2 changes, 2 values removed or turned unknown."
        );
        assert_eq!(changes_summary(Lang::Vi, &[]), "Không có thay đổi.");
    }

    #[test]
    fn a_figure_s_as_ofs_read_one_after_the_other_with_their_sources() {
        let s = snapshot();
        let all = revisions(&s);
        let vi = revision_line(Lang::Vi, &s, &all[0]);
        assert_eq!(vi.what, "Số chỉ tiêu đạt");
        assert_eq!(vi.values, "33/39 (11 tháng năm 2023) → 35/39 (cả năm 2023)");
        assert_eq!(vi.steps[1].sources.len(), s.tallies[1].sources.len());
        let ioc = all
            .iter()
            .find(|r| {
                r.of == Revised::Indicator {
                    id: "lanh-dao-dung-tro-ly-ao-ioc".into(),
                }
            })
            .expect("the IOC indicator");
        let en = revision_line(Lang::En, &s, ioc);
        assert_eq!(
            en.values,
            "98% (first 11 months of 2023) → 100% (as of 15 October 2024)"
        );
        assert_eq!(en.steps[1].sources[0].id, "dcs-brvt-chinh-quyen-so");
    }
}
