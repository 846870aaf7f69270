//! From the snapshot to what the page says, in the reader's language: chart rows with their
//! tooltips, summary sentences, tables, source lines. Pure, so the wording is tested natively.

use crate::chart::bars::BarRow;
use crate::chart::dumbbell::{DumbbellRow, End};
use crate::chart::{bars_chart, dumbbell_chart, Drawn, Options, Tooltip};
use crate::chart_id::ChartId;
use crate::format;
use crate::i18n::{pillar_name, status_name, t, Key, Lang};
use crate::snapshot::{
    Comparator, ContextFigure, Count, Indicator, Qualifier, Snapshot, Source, Status, Tally,
    Target, Unit,
};

/// "33/39".
pub fn fraction(c: Count) -> String {
    format!("{}/{}", c.met, c.assigned)
}

/// "84,6%", or "–" when nothing was assigned.
pub fn rate(lang: Lang, c: Count) -> String {
    c.rate()
        .map_or_else(|| "–".to_string(), |r| format::rate(lang, r))
}

fn as_of_label(lang: Lang, s: &Snapshot, id: &str) -> String {
    s.as_of_label(id)
        .map_or_else(|| id.to_string(), |l| lang.pick(l).to_string())
}

fn as_of_line(lang: Lang, s: &Snapshot, id: &str) -> String {
    format!("{}: {}", t(lang, Key::AsOf), as_of_label(lang, s, id))
}

/// "Nguồn: title; title".
fn source_line(lang: Lang, s: &Snapshot, ids: &[String]) -> String {
    let titles: Vec<&str> = ids
        .iter()
        .filter_map(|id| s.source(id))
        .map(|src| src.title.as_str())
        .collect();
    format!("{}: {}", t(lang, Key::Source), titles.join("; "))
}

/// One tally as the page states it.
#[derive(Debug, Clone, PartialEq)]
pub struct TallyLine {
    pub fraction: String,
    pub rate: String,
    pub as_of: String,
    /// "Chính quyền số 13/16, …" or "not published".
    pub pillars: String,
    pub sources: Vec<SourceRef>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SourceRef {
    pub id: String,
    pub title: String,
    pub url: String,
    /// Publisher and date, as far as known.
    pub detail: String,
}

pub fn source_ref(lang: Lang, s: &Source) -> SourceRef {
    let mut detail = Vec::new();
    if let Some(p) = &s.publisher {
        detail.push(p.clone());
    }
    match s.date.as_deref().and_then(|d| format::date(lang, d)) {
        Some(d) => detail.push(d),
        None => detail.push(format!(
            "{}: {}",
            match lang {
                Lang::Vi => "ngày đăng",
                Lang::En => "date",
            },
            t(lang, Key::Unknown)
        )),
    }
    SourceRef {
        id: s.id.clone(),
        title: s.title.clone(),
        url: s.url.clone(),
        detail: detail.join(" · "),
    }
}

fn pillar_split(lang: Lang, tally: &Tally) -> String {
    match &tally.pillars {
        Some(ps) => ps
            .iter()
            .map(|p| format!("{} {}", pillar_name(lang, p.pillar), fraction(p.count())))
            .collect::<Vec<_>>()
            .join(", "),
        None => format!(
            "{}: {}",
            match lang {
                Lang::Vi => "theo trụ cột",
                Lang::En => "by pillar",
            },
            t(lang, Key::NotPublished)
        ),
    }
}

pub fn tally_line(lang: Lang, s: &Snapshot, tally: &Tally) -> TallyLine {
    TallyLine {
        fraction: fraction(tally.overall),
        rate: rate(lang, tally.overall),
        as_of: as_of_label(lang, s, &tally.as_of),
        pillars: pillar_split(lang, tally),
        sources: tally
            .sources
            .iter()
            .filter_map(|id| s.source(id))
            .map(|src| source_ref(lang, src))
            .collect(),
    }
}

/// "Đạt 33/39 chỉ tiêu (84,6%)" / "33 of 39 indicators met (84.6%)".
fn met_phrase(lang: Lang, c: Count) -> String {
    match lang {
        Lang::Vi => format!("Đạt {} chỉ tiêu ({})", fraction(c), rate(lang, c)),
        Lang::En => format!(
            "{} of {} indicators met ({})",
            c.met,
            c.assigned,
            rate(lang, c)
        ),
    }
}

// ---------------------------------------------------------------------------------------------
// The headline chart: one bar per as-of

pub fn headline_rows(lang: Lang, s: &Snapshot) -> Vec<BarRow> {
    s.tallies
        .iter()
        .map(|tally| BarRow {
            key: tally.as_of.clone(),
            pillar: None,
            name: format::upper_first(&as_of_label(lang, s, &tally.as_of)),
            met: tally.overall.met,
            assigned: tally.overall.assigned,
            value_label: format!(
                "{} · {}",
                fraction(tally.overall),
                rate(lang, tally.overall)
            ),
            tooltip: Tooltip {
                title: met_phrase(lang, tally.overall),
                lines: vec![
                    as_of_line(lang, s, &tally.as_of),
                    pillar_split(lang, tally),
                    source_line(lang, s, &tally.sources),
                ],
            },
        })
        .collect()
}

pub fn headline_summary(lang: Lang, s: &Snapshot) -> String {
    s.tallies
        .iter()
        .map(|tally| {
            let split = match &tally.pillars {
                Some(_) => lower_first_parts(&pillar_split(lang, tally)),
                None => pillar_split(lang, tally),
            };
            format!(
                "{}, {}; {}.",
                met_phrase(lang, tally.overall),
                as_of_label(lang, s, &tally.as_of),
                split
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Each comma-separated part lower-cased at its start, to go mid-sentence:
/// "Chính quyền số 13/16, Kinh tế số 6/8" → "chính quyền số 13/16, kinh tế số 6/8".
fn lower_first_parts(s: &str) -> String {
    s.split(", ")
        .map(format::lower_first)
        .collect::<Vec<String>>()
        .join(", ")
}

pub fn headline_table(lang: Lang, s: &Snapshot) -> Table {
    Table {
        head: vec![
            t(lang, Key::AsOf).into(),
            t(lang, Key::Met).into(),
            t(lang, Key::Assigned).into(),
            t(lang, Key::Rate).into(),
            t(lang, Key::Pillar).into(),
            t(lang, Key::Source).into(),
        ],
        rows: s
            .tallies
            .iter()
            .map(|tally| {
                vec![
                    as_of_label(lang, s, &tally.as_of),
                    tally.overall.met.to_string(),
                    tally.overall.assigned.to_string(),
                    rate(lang, tally.overall),
                    pillar_split(lang, tally),
                    source_titles(s, &tally.sources),
                ]
            })
            .collect(),
    }
}

fn source_titles(s: &Snapshot, ids: &[String]) -> String {
    ids.iter()
        .filter_map(|id| s.source(id))
        .map(|src| src.title.as_str())
        .collect::<Vec<_>>()
        .join("; ")
}

// ---------------------------------------------------------------------------------------------
// The pillar chart

/// The rows of the pillar chart, from the first tally that has a split by pillar.
pub fn pillar_rows(lang: Lang, s: &Snapshot) -> Vec<BarRow> {
    let Some((tally, pillars)) = s.pillar_tally() else {
        return Vec::new();
    };
    pillars
        .iter()
        .map(|p| BarRow {
            key: p.pillar.as_str().to_string(),
            pillar: Some(p.pillar),
            name: pillar_name(lang, p.pillar).to_string(),
            met: p.met,
            assigned: p.assigned,
            value_label: format!("{} · {}", fraction(p.count()), rate(lang, p.count())),
            tooltip: Tooltip {
                title: format!(
                    "{}: {}",
                    pillar_name(lang, p.pillar),
                    lower_first_parts(&met_phrase(lang, p.count()))
                ),
                lines: vec![
                    as_of_line(lang, s, &tally.as_of),
                    source_line(lang, s, &tally.sources),
                ],
            },
        })
        .collect()
}

pub fn pillar_summary(lang: Lang, s: &Snapshot) -> String {
    let Some((tally, pillars)) = s.pillar_tally() else {
        return t(lang, Key::NotPublished).to_string();
    };
    let parts: Vec<String> = pillars
        .iter()
        .map(|p| {
            format!(
                "{} {} ({})",
                pillar_name(lang, p.pillar),
                fraction(p.count()),
                rate(lang, p.count())
            )
        })
        .collect();
    let best = pillars
        .iter()
        .filter_map(|p| p.count().rate().map(|r| (p.pillar, r)))
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(p, _)| format::lower(pillar_name(lang, p)));
    let when = format::upper_first(&as_of_label(lang, s, &tally.as_of));
    match (lang, best) {
        (Lang::Vi, Some(b)) => format!("{when}: {}; cao nhất là {b}.", parts.join(", ")),
        (Lang::En, Some(b)) => format!("{when}: {}; highest: {b}.", parts.join(", ")),
        (_, None) => format!("{when}: {}.", parts.join(", ")),
    }
}

pub fn pillar_table(lang: Lang, s: &Snapshot) -> Table {
    let rows = s
        .pillar_tally()
        .map(|(_, ps)| {
            ps.iter()
                .map(|p| {
                    vec![
                        pillar_name(lang, p.pillar).to_string(),
                        p.met.to_string(),
                        p.assigned.to_string(),
                        rate(lang, p.count()),
                    ]
                })
                .collect()
        })
        .unwrap_or_default();
    Table {
        head: vec![
            t(lang, Key::Pillar).into(),
            t(lang, Key::Met).into(),
            t(lang, Key::Assigned).into(),
            t(lang, Key::Rate).into(),
        ],
        rows,
    }
}

// ---------------------------------------------------------------------------------------------
// The indicator chart

/// A value in its unit and language: "100%", "0,7353", "10/63".
pub fn value(lang: Lang, unit: Unit, v: f64, out_of: Option<u32>) -> String {
    match (unit, out_of) {
        (Unit::Percent, _) => format::percent(lang, v),
        (Unit::Rank, Some(n)) => format!("{}/{n}", format::number(lang, v)),
        _ => format::number(lang, v),
    }
}

fn goal_text(lang: Lang, unit: Unit, g: &Target) -> String {
    let v = value(lang, unit, g.value, None);
    match (g.comparator, lang) {
        (Comparator::AtLeast, _) => format!("≥ {v}"),
        (Comparator::Equal, _) => format!("= {v}"),
        (Comparator::Maintain, Lang::Vi) => format!("duy trì {v}"),
        (Comparator::Maintain, Lang::En) => format!("maintain {v}"),
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

/// Percent indicators on one 0–100 scale; indicators in other units are in the table only.
pub fn indicator_rows(lang: Lang, s: &Snapshot) -> Vec<DumbbellRow> {
    let (ry, gy) = (s.period.result_year, s.period.goal_year);
    s.indicators
        .iter()
        .filter(|i| i.unit == Unit::Percent)
        .map(|i| {
            let name = lang.pick(&i.name).to_string();
            let from = match &i.result {
                Some(r) => End::Known {
                    value: r.value,
                    tooltip: Tooltip {
                        title: format!("{ry}: {}", value(lang, i.unit, r.value, None)),
                        lines: vec![
                            name.clone(),
                            as_of_line(lang, s, &r.as_of),
                            source_line(lang, s, &r.sources),
                        ],
                    },
                },
                None => End::Unknown {
                    tooltip: Tooltip {
                        title: format!("{ry}: {}", t(lang, Key::NoFigure)),
                        lines: vec![name.clone(), source_line(lang, s, &i.sources)],
                    },
                },
            };
            let to = match &i.goal {
                Some(g) => End::Known {
                    value: g.value,
                    tooltip: Tooltip {
                        title: format!("{} {gy}: {}", goal_word(lang), goal_text(lang, i.unit, g)),
                        lines: vec![name.clone(), source_line(lang, s, &g.sources)],
                    },
                },
                None => End::Unknown {
                    tooltip: Tooltip {
                        title: format!("{} {gy}: {}", goal_word(lang), t(lang, Key::NoGoal)),
                        lines: vec![name.clone(), source_line(lang, s, &i.sources)],
                    },
                },
            };
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

fn goal_word(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "Mục tiêu",
        Lang::En => "Goal",
    }
}

/// "2023: 100% → 2024: ≥ 100%".
fn indicator_values(lang: Lang, s: &Snapshot, i: &Indicator) -> String {
    let (ry, gy) = (s.period.result_year, s.period.goal_year);
    let result = i.result.as_ref().map_or_else(
        || t(lang, Key::NoFigure).to_string(),
        |r| value(lang, i.unit, r.value, None),
    );
    let goal = i.goal.as_ref().map_or_else(
        || t(lang, Key::NoFigure).to_string(),
        |g| goal_text(lang, i.unit, g),
    );
    format!("{ry}: {result} → {gy}: {goal}")
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
    let (ry, gy) = (s.period.result_year, s.period.goal_year);
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
            "Nguồn nêu tên {n} chỉ tiêu. {} chỉ tiêu có số liệu {ry} ({range}); {goals} chỉ tiêu có mục tiêu {gy}, trong đó {goal_only} chỉ tiêu chưa có số liệu {ry}. Tình trạng: {} đạt, {} chưa đạt, {} chưa rõ.",
            known.len(),
            count(Status::Met),
            count(Status::NotMet),
            count(Status::Unknown)
        ),
        Lang::En => format!(
            "The sources name {n} indicators. {} have a {ry} figure ({range}); {goals} have a {gy} goal, {goal_only} of them without a {ry} figure. Status: {} met, {} not met, {} unknown.",
            known.len(),
            count(Status::Met),
            count(Status::NotMet),
            count(Status::Unknown)
        ),
    }
}

pub fn indicator_table(lang: Lang, s: &Snapshot) -> Table {
    let (ry, gy) = (s.period.result_year, s.period.goal_year);
    Table {
        head: vec![
            t(lang, Key::Indicator).into(),
            t(lang, Key::Pillar).into(),
            ry.to_string(),
            t(lang, Key::AsOf).into(),
            format!("{} {gy}", goal_word(lang)),
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

// ---------------------------------------------------------------------------------------------
// The context chart: series with two or more points (DTI score and rank, 2022 → 2023)

/// Context figures grouped by series, in order of first appearance.
fn series(s: &Snapshot) -> Vec<Vec<&ContextFigure>> {
    let mut out: Vec<Vec<&ContextFigure>> = Vec::new();
    for c in &s.context {
        match out.iter_mut().find(|g| g[0].series == c.series) {
            Some(g) => g.push(c),
            None => out.push(vec![c]),
        }
    }
    out
}

fn year_of(s: &Snapshot, c: &ContextFigure) -> i32 {
    s.as_of
        .iter()
        .find(|a| a.id == c.as_of)
        .map_or(s.period.result_year, |a| a.year)
}

fn context_end(lang: Lang, s: &Snapshot, c: &ContextFigure) -> End {
    let year = year_of(s, c);
    match c.value {
        Some(v) => End::Known {
            value: v,
            tooltip: Tooltip {
                title: format!("{year}: {}", value(lang, c.unit, v, c.out_of)),
                lines: vec![
                    lang.pick(&c.name).to_string(),
                    as_of_line(lang, s, &c.as_of),
                    source_line(lang, s, &c.sources),
                ],
            },
        },
        None => End::Unknown {
            tooltip: Tooltip {
                title: format!("{year}: {}", t(lang, Key::NoFigure)),
                lines: vec![lang.pick(&c.name).to_string()],
            },
        },
    }
}

/// The series of two or more points, earliest against latest.
pub fn context_rows(lang: Lang, s: &Snapshot) -> Vec<DumbbellRow> {
    series(s)
        .into_iter()
        .filter(|g| g.len() >= 2)
        .filter_map(|mut g| {
            g.sort_by_key(|c| year_of(s, c));
            let (first, last) = (*g.first()?, *g.last()?);
            let show = |c: &ContextFigure| {
                c.value.map_or_else(
                    || t(lang, Key::NoFigure).to_string(),
                    |v| value(lang, c.unit, v, c.out_of),
                )
            };
            let (domain, ends) = match (last.unit, last.out_of) {
                (Unit::Rank, Some(n)) => ((f64::from(n), 1.0), (n.to_string(), "1".to_string())),
                (Unit::Score, _) => ((0.0, 1.0), ("0".to_string(), "1".to_string())),
                (Unit::Percent, _) => ((0.0, 100.0), ("0%".to_string(), "100%".to_string())),
                _ => {
                    let max = g.iter().filter_map(|c| c.value).fold(0.0, f64::max);
                    ((0.0, max), ("0".to_string(), format::number(lang, max)))
                }
            };
            Some(DumbbellRow {
                key: first.series.clone(),
                pillar: None,
                name: lang.pick(&last.name).to_string(),
                status: None,
                values: format!(
                    "{}: {} → {}: {}",
                    year_of(s, first),
                    show(first),
                    year_of(s, last),
                    show(last)
                ),
                from: context_end(lang, s, first),
                to: context_end(lang, s, last),
                domain,
                ends: Some(ends),
            })
        })
        .collect()
}

pub fn context_summary(lang: Lang, s: &Snapshot) -> String {
    context_rows(lang, s)
        .iter()
        .map(|r| format!("{}: {}.", r.name, r.values))
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn context_table(lang: Lang, s: &Snapshot) -> Table {
    let mut years: Vec<i32> = s.context.iter().map(|c| year_of(s, c)).collect();
    years.sort_unstable();
    years.dedup();
    let mut head = vec![t(lang, Key::Indicator).to_string()];
    head.extend(years.iter().map(|y| y.to_string()));
    head.push(t(lang, Key::Source).into());
    let rows = series(s)
        .into_iter()
        .map(|g| {
            let mut row = vec![lang.pick(&g[0].name).to_string()];
            for y in &years {
                row.push(
                    g.iter()
                        .find(|c| year_of(s, c) == *y)
                        .map_or_else(String::new, |c| figure_text(lang, c)),
                );
            }
            let ids: Vec<String> = g.iter().flat_map(|c| c.sources.clone()).collect();
            let mut uniq = ids.clone();
            uniq.dedup();
            row.push(source_titles(s, &uniq));
            row
        })
        .collect();
    Table { head, rows }
}

/// A context figure with its qualifier: "khoảng 79%", "trên 87%", "93,55% (yêu cầu 80%)".
pub fn figure_text(lang: Lang, c: &ContextFigure) -> String {
    let Some(v) = c.value else {
        return t(lang, Key::NoFigure).to_string();
    };
    let mut out = match (c.qualifier, lang) {
        (Some(Qualifier::About), Lang::Vi) => "khoảng ".to_string(),
        (Some(Qualifier::About), Lang::En) => "about ".to_string(),
        (Some(Qualifier::Over), Lang::Vi) => "trên ".to_string(),
        (Some(Qualifier::Over), Lang::En) => "over ".to_string(),
        (None, _) => String::new(),
    };
    out.push_str(&value(lang, c.unit, v, c.out_of));
    if let Some(r) = c.requirement {
        out.push_str(&match lang {
            Lang::Vi => format!(" (yêu cầu {})", value(lang, c.unit, r, None)),
            Lang::En => format!(" (required {})", value(lang, c.unit, r, None)),
        });
    }
    out
}

/// Context figures that stand alone (one point in their series), for the "other figures" list.
pub fn single_figures(s: &Snapshot) -> Vec<&ContextFigure> {
    series(s)
        .into_iter()
        .filter(|g| g.len() == 1)
        .map(|g| g[0])
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Each chart as a whole: its title, as-of and source lines, and its drawing

fn unique(ids: impl Iterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for id in ids {
        if !out.contains(&id) {
            out.push(id);
        }
    }
    out
}

pub fn chart_source_ids(id: ChartId, s: &Snapshot) -> Vec<String> {
    match id {
        ChartId::Headline => unique(s.tallies.iter().flat_map(|t| t.sources.clone())),
        ChartId::Pillars => s
            .pillar_tally()
            .map(|(t, _)| t.sources.clone())
            .unwrap_or_default(),
        ChartId::Indicators => unique(s.indicators.iter().flat_map(|i| {
            let mut v = i.sources.clone();
            if let Some(r) = &i.result {
                v.extend(r.sources.clone());
            }
            if let Some(g) = &i.goal {
                v.extend(g.sources.clone());
            }
            v
        })),
        ChartId::Context => unique(charted_context(s).flat_map(|c| c.sources.clone())),
    }
}

/// The context figures the context chart draws: those of series with two or more years.
fn charted_context(s: &Snapshot) -> impl Iterator<Item = &ContextFigure> {
    let rows = context_rows(Lang::Vi, s);
    s.context
        .iter()
        .filter(move |c| rows.iter().any(|r| r.key == c.series))
}

pub fn chart_as_of_ids(id: ChartId, s: &Snapshot) -> Vec<String> {
    match id {
        ChartId::Headline => s.tallies.iter().map(|t| t.as_of.clone()).collect(),
        ChartId::Pillars => s
            .pillar_tally()
            .map(|(t, _)| vec![t.as_of.clone()])
            .unwrap_or_default(),
        ChartId::Indicators => unique(
            s.indicators
                .iter()
                .filter_map(|i| i.result.as_ref().map(|r| r.as_of.clone())),
        ),
        ChartId::Context => unique(charted_context(s).map(|c| c.as_of.clone())),
    }
}

/// Which data version a chart shows: pinned to it, or following the latest.
pub fn version_note(lang: Lang, version: &str, published: &str, pinned: bool) -> String {
    let date = format::date(lang, published).unwrap_or_else(|| published.to_string());
    match (lang, pinned) {
        (Lang::Vi, true) => format!("Số liệu ghim ở phiên bản {version} (công bố {date})."),
        (Lang::En, true) => format!("Data pinned to version {version} (published {date})."),
        (Lang::Vi, false) => {
            format!("Luôn theo số liệu mới nhất: phiên bản {version} (công bố {date}).")
        }
        (Lang::En, false) => {
            format!("Following the latest data: version {version} (published {date}).")
        }
    }
}

pub fn chart_title(lang: Lang, id: ChartId) -> &'static str {
    t(
        lang,
        match id {
            ChartId::Headline => Key::HeadlineChartTitle,
            ChartId::Pillars => Key::PillarChartTitle,
            ChartId::Indicators => Key::IndicatorChartTitle,
            ChartId::Context => Key::ContextChartTitle,
        },
    )
}

/// "Thời điểm: 11 tháng năm 2023; cả năm 2023".
pub fn chart_as_of(lang: Lang, id: ChartId, s: &Snapshot) -> String {
    let labels: Vec<String> = chart_as_of_ids(id, s)
        .iter()
        .map(|a| as_of_label(lang, s, a))
        .collect();
    format!("{}: {}", t(lang, Key::AsOf), labels.join("; "))
}

/// "Nguồn: title; title".
pub fn chart_source(lang: Lang, id: ChartId, s: &Snapshot) -> String {
    source_line(lang, s, &chart_source_ids(id, s))
}

pub fn chart_summary(lang: Lang, id: ChartId, s: &Snapshot) -> String {
    match id {
        ChartId::Headline => headline_summary(lang, s),
        ChartId::Pillars => pillar_summary(lang, s),
        ChartId::Indicators => indicator_summary(lang, s),
        ChartId::Context => context_summary(lang, s),
    }
}

/// The chart `id` drawn at `width`, the same in the browser and at build time.
pub fn draw(id: ChartId, lang: Lang, s: &Snapshot, width: f64, o: &Options) -> Drawn {
    match id {
        ChartId::Headline => bars_chart(&headline_rows(lang, s), width, o),
        ChartId::Pillars => bars_chart(&pillar_rows(lang, s), width, o),
        ChartId::Indicators => {
            dumbbell_chart(&indicator_rows(lang, s), &percent_ticks(lang), width, o)
        }
        ChartId::Context => dumbbell_chart(&context_rows(lang, s), &[], width, o),
    }
}

/// A chart's numbers as a table, for the "view as table" switch and the CSV download.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    pub head: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::parse_snapshot;

    fn snapshot() -> Snapshot {
        parse_snapshot(include_bytes!("../public/data/ba-ria-vung-tau-2023.json")).expect("valid")
    }

    #[test]
    fn the_headline_reads_33_of_39_after_11_months() {
        let s = snapshot();
        let vi = tally_line(Lang::Vi, &s, &s.tallies[0]);
        assert_eq!(vi.fraction, "33/39");
        assert_eq!(vi.rate, "84,6%");
        assert_eq!(vi.as_of, "11 tháng năm 2023");
        assert_eq!(
            vi.pillars,
            "Chính quyền số 13/16, Kinh tế số 6/8, Xã hội số 14/15"
        );
        assert_eq!(vi.sources[0].id, "seed-vnpthcm");
        let en = tally_line(Lang::En, &s, &s.tallies[1]);
        assert_eq!((en.fraction.as_str(), en.rate.as_str()), ("35/39", "89.7%"));
        assert_eq!(en.pillars, "by pillar: not published");
    }

    #[test]
    fn the_headline_summary_says_everything_in_one_breath() {
        let s = snapshot();
        assert_eq!(
            headline_summary(Lang::Vi, &s),
            "Đạt 33/39 chỉ tiêu (84,6%), 11 tháng năm 2023; chính quyền số 13/16, kinh tế số 6/8, xã hội số 14/15. \
             Đạt 35/39 chỉ tiêu (89,7%), cả năm 2023; theo trụ cột: chưa công bố."
        );
        assert_eq!(
            headline_summary(Lang::En, &s),
            "33 of 39 indicators met (84.6%), first 11 months of 2023; digital government 13/16, digital economy 6/8, digital society 14/15. \
             35 of 39 indicators met (89.7%), full year 2023; by pillar: not published."
        );
    }

    #[test]
    fn unknown_dates_are_said_to_be_unknown() {
        let s = snapshot();
        let seed = source_ref(Lang::Vi, s.source("seed-vnpthcm").expect("seed"));
        assert_eq!(seed.detail, "ngày đăng: chưa rõ");
        let vtc = source_ref(Lang::En, s.source("vtc-2024-01-27").expect("vtc"));
        assert_eq!(vtc.detail, "VTC News · 27 Jan 2024");
    }

    #[test]
    fn pillar_rows_carry_fraction_rate_and_a_sourced_tooltip() {
        let s = snapshot();
        let rows = pillar_rows(Lang::Vi, &s);
        let labels: Vec<_> = rows.iter().map(|r| r.value_label.as_str()).collect();
        assert_eq!(labels, ["13/16 · 81,3%", "6/8 · 75,0%", "14/15 · 93,3%"]);
        assert_eq!(
            rows[0].tooltip.title,
            "Chính quyền số: đạt 13/16 chỉ tiêu (81,3%)"
        );
        assert_eq!(rows[0].tooltip.lines[0], "Thời điểm: 11 tháng năm 2023");
        assert!(rows[0].tooltip.lines[1].starts_with("Nguồn: Bà Rịa – Vũng Tàu hoàn thành"));
        assert_eq!(
            pillar_summary(Lang::Vi, &s),
            "11 tháng năm 2023: Chính quyền số 13/16 (81,3%), Kinh tế số 6/8 (75,0%), Xã hội số 14/15 (93,3%); cao nhất là xã hội số."
        );
    }

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
        assert_eq!(digitised.values, "2023: chưa công bố → 2024: ≥ 100%");
        assert_eq!(digitised.status.as_deref(), Some("? Chưa rõ"));
        let integrated = rows
            .iter()
            .find(|r| r.key == "dvctt-tich-hop-cong-dvcqg")
            .expect("row");
        assert_eq!(integrated.values, "2023: 100% → 2024: duy trì 100%");
        let ioc = &rows[4];
        assert_eq!(ioc.values, "2023: 98% → 2024: chưa công bố");
        let End::Known { tooltip, .. } = &ioc.from else {
            panic!("98% is known")
        };
        assert_eq!(tooltip.title, "2023: 98%");
        assert!(tooltip
            .lines
            .contains(&"Thời điểm: 11 tháng năm 2023".to_string()));
    }

    #[test]
    fn the_indicator_summary_counts_what_is_known() {
        let s = snapshot();
        assert_eq!(
            indicator_summary(Lang::En, &s),
            "The sources name 7 indicators. 5 have a 2023 figure (98%–100%); 4 have a 2024 goal, 2 of them without a 2023 figure. Status: 0 met, 0 not met, 7 unknown."
        );
    }

    #[test]
    fn dti_keeps_the_source_precision() {
        let s = snapshot();
        let rows = context_rows(Lang::Vi, &s);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].values, "2022: 0,5878 → 2023: 0,7353");
        assert_eq!(rows[1].values, "2022: 28/63 → 2023: 10/63");
        assert_eq!(rows[1].domain, (63.0, 1.0));
        assert_eq!(
            context_summary(Lang::En, &s),
            "Provincial digital transformation index (DTI) score: 2022: 0.5878 → 2023: 0.7353. Provincial DTI rank: 2022: 28/63 → 2023: 10/63."
        );
    }

    #[test]
    fn other_figures_keep_their_qualifiers() {
        let s = snapshot();
        let texts: Vec<String> = single_figures(&s)
            .iter()
            .map(|c| figure_text(Lang::Vi, c))
            .collect();
        assert_eq!(
            texts,
            [
                "93,55% (yêu cầu 80%)",
                "26",
                "95,5%",
                "khoảng 79%",
                "khoảng 99%",
                "trên 87%"
            ]
        );
    }

    #[test]
    fn tables_have_the_same_numbers_as_the_charts() {
        let s = snapshot();
        let t = pillar_table(Lang::En, &s);
        assert_eq!(t.rows[0], ["Digital government", "13", "16", "81.3%"]);
        let h = headline_table(Lang::Vi, &s);
        assert_eq!(h.rows[1][..4], ["cả năm 2023", "35", "39", "89,7%"]);
        let c = context_table(Lang::Vi, &s);
        assert_eq!(c.head[1..3], ["2022", "2023"]);
        assert_eq!(c.rows[0][1..3], ["0,5878", "0,7353"]);
        let i = indicator_table(Lang::Vi, &s);
        assert_eq!(i.rows.len(), 7);
        assert_eq!(i.rows[5][2], "chưa công bố");
    }
}
