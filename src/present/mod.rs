//! From the snapshot to what the page says, in the reader's language: chart rows with their
//! tooltips, summary sentences, tables, source lines. Pure, so the wording is tested natively.
//!
//! This file holds what every chart shares (fractions, rates, as-of and source lines, tallies,
//! tables); each chart's rows, summary and table are in their own file, and `chart.rs` says each
//! chart as a whole.

mod cards;
mod changes;
mod chart;
mod context;
mod followup;
mod headline;
mod indicators;
mod pillars;
mod ranking;
mod series;

pub use cards::{figure_cards, goal_cards, initiative_cards, FigureCard, GoalCard, InitiativeCard};
pub use changes::{
    change_line, changes_summary, revision_line, ChangeLine, RevisionLine, StepLine,
};
pub use chart::{
    chart_as_of, chart_as_of_ids, chart_notes, chart_source, chart_source_ids, chart_source_refs,
    chart_summary, chart_table, chart_title, document_title, draw, legend, page_name, page_title,
    version_note, LegendItem, Pick,
};
pub use context::{context_rows, context_summary, context_table, figure_text, single_figures};
pub use followup::{set_tallies, SetTally};
pub use headline::{headline_rows, headline_summary, headline_table};
pub use indicators::{
    indicator_rows, indicator_summary, indicator_table, percent_ticks, status_badge,
};
pub use pillars::{pillar_rows, pillar_summary, pillar_table};
pub use ranking::{moves_pair, own_unit, ranking, ranking_chart};
pub use series::{averages, series_notes};

use crate::format;
use crate::i18n::{pillar_name, t, Key, Lang};
use crate::snapshot::{Count, Snapshot, Source, Tally, Unit};

/// The line above the title: the unit's name, and the unit it has become part of, since when:
/// "tỉnh Bà Rịa – Vũng Tàu · Đơn vị cũ, nay thuộc Thành phố Hồ Chí Minh từ 01/07/2025". The
/// sources that say so are [`unit_sources`].
pub fn unit_line(lang: Lang, s: &Snapshot) -> String {
    let name = lang.pick(&s.unit.name);
    match &s.unit.successor {
        Some(succ) => {
            let since = format::date(lang, &succ.since).unwrap_or_else(|| succ.since.clone());
            format!(
                "{name} · {} {} {} {since}",
                t(lang, Key::FormerUnit),
                lang.pick(&succ.name),
                t(lang, Key::Since)
            )
        }
        None => name.to_string(),
    }
}

/// The sources of the unit line: those that say the unit was merged, and when.
pub fn unit_sources(lang: Lang, s: &Snapshot) -> Vec<SourceRef> {
    s.unit
        .successor
        .as_ref()
        .map(|succ| source_refs(lang, s, &succ.sources))
        .unwrap_or_default()
}

/// The sources named by `ids`, as the page links them.
pub fn source_refs(lang: Lang, s: &Snapshot, ids: &[String]) -> Vec<SourceRef> {
    ids.iter()
        .filter_map(|id| s.source(id))
        .map(|src| source_ref(lang, src))
        .collect()
}

/// The sources something on the page cites, in the order of the snapshot's list: the sources
/// list names no source that no figure, goal, initiative or unit line cites.
pub fn cited_sources(s: &Snapshot) -> Vec<&Source> {
    fn add<'a>(cited: &mut Vec<&'a str>, ids: &'a [String]) {
        cited.extend(ids.iter().map(String::as_str));
    }
    let mut cited: Vec<&str> = Vec::new();
    let mut cite = |ids| add(&mut cited, ids);
    if let Some(succ) = &s.unit.successor {
        cite(&succ.sources);
    }
    for t in &s.tallies {
        cite(&t.sources);
    }
    for i in &s.indicators {
        cite(&i.sources);
        for ids in [
            i.result.as_ref().map(|r| &r.sources),
            i.target.as_ref().map(|x| &x.sources),
            i.goal.as_ref().map(|x| &x.sources),
        ]
        .into_iter()
        .flatten()
        {
            cite(ids);
        }
    }
    for g in &s.goals {
        cite(&g.sources);
    }
    for i in &s.initiatives {
        cite(&i.sources);
    }
    for c in &s.context {
        cite(&c.sources);
    }
    for i in &s.indicators {
        for r in &i.reported {
            cite(&r.sources);
        }
    }
    s.sources
        .iter()
        .filter(|src| cited.contains(&src.id.as_str()))
        .collect()
}

/// The sources the ranking page cites: the rankings', their means' and the series'.
pub fn ranking_page_sources(s: &Snapshot) -> Vec<&Source> {
    let mut cited: Vec<&str> = Vec::new();
    for r in &s.rankings {
        cited.extend(r.sources.iter().map(String::as_str));
        for e in &r.entries {
            cited.extend(e.sources.iter().map(String::as_str));
        }
        if let Some(m) = &r.mean {
            cited.extend(m.sources.iter().map(String::as_str));
        }
    }
    for x in &s.series {
        for p in &x.points {
            cited.extend(p.sources.iter().map(String::as_str));
        }
    }
    s.sources
        .iter()
        .filter(|src| cited.contains(&src.id.as_str()))
        .collect()
}

/// The tallies of the result year's set, the latest as-of first: the page, the embed and the link
/// preview lead with the latest report, and show the earlier ones as earlier reports. Equal as-ofs
/// keep the file's order. (A later year's set is the follow-up's, never a continuation of these.)
pub fn tallies_latest_first(s: &Snapshot) -> Vec<&Tally> {
    let when = |t: &Tally| {
        s.as_of
            .iter()
            .find(|a| a.id == t.as_of)
            .map_or((i32::MIN, 0), |a| (a.year, a.months.unwrap_or(0)))
    };
    let mut out: Vec<&Tally> = s.result_tallies().collect();
    crate::order::sort_by_key(&mut out, |t| std::cmp::Reverse(when(t)));
    out
}

/// "Mục tiêu năm 2024" / "Goals for 2024": the heading of the general goals.
pub fn goals_heading(lang: Lang, s: &Snapshot) -> String {
    let gy = s.period.goal_year;
    match lang {
        Lang::Vi => format!("Mục tiêu năm {gy}"),
        Lang::En => format!("Goals for {gy}"),
    }
}

/// When the indicators' results are as of: the as-of's own words where they share one ("11
/// tháng năm 2023"), else the result year. A value is never labelled with the year alone when the
/// source gives it for part of the year.
pub fn results_when(lang: Lang, s: &Snapshot) -> String {
    let mut ids = s
        .indicators
        .iter()
        .filter_map(|i| i.result.as_ref().map(|r| r.as_of.as_str()));
    match ids.next() {
        Some(first) if ids.all(|id| id == first) => as_of_label(lang, s, first),
        _ => s.period.result_year.to_string(),
    }
}

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
            t(lang, Key::DatePosted),
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
        None => format!("{}: {}", t(lang, Key::ByPillar), t(lang, Key::NotPublished)),
    }
}

pub fn tally_line(lang: Lang, s: &Snapshot, tally: &Tally) -> TallyLine {
    TallyLine {
        fraction: fraction(tally.overall),
        rate: rate(lang, tally.overall),
        as_of: as_of_label(lang, s, &tally.as_of),
        pillars: pillar_split(lang, tally),
        sources: source_refs(lang, s, &tally.sources),
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

/// Each comma-separated part lower-cased at its start, to go mid-sentence:
/// "Chính quyền số 13/16, Kinh tế số 6/8" → "chính quyền số 13/16, kinh tế số 6/8".
fn lower_first_parts(s: &str) -> String {
    s.split(", ")
        .map(format::lower_first)
        .collect::<Vec<String>>()
        .join(", ")
}

fn source_titles(s: &Snapshot, ids: &[String]) -> String {
    ids.iter()
        .filter_map(|id| s.source(id))
        .map(|src| src.title.as_str())
        .collect::<Vec<_>>()
        .join("; ")
}

/// A value in its unit and language: "100%", "0,7353", "10/63".
pub fn value(lang: Lang, unit: Unit, v: f64, out_of: Option<u32>) -> String {
    match (unit, out_of) {
        (Unit::Percent, _) => format::percent(lang, v),
        (Unit::Rank, Some(n)) => format!("{}/{n}", format::number(lang, v)),
        _ => format::number(lang, v),
    }
}

fn unique(ids: impl Iterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for id in ids {
        if !out.contains(&id) {
            out.push(id);
        }
    }
    out
}

/// A chart's numbers as a table, for the "view as table" switch and the CSV download.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    pub head: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// The snapshot the tests of every chart read.
/// What a reader waiting on a slow network is told: how long, against the deadline after which
/// the request is given up. `interactive`: the pre-rendered page is already on screen, and only
/// the interactive charts are awaited.
pub fn slow_network(lang: Lang, waited: u32, max: u32, interactive: bool) -> String {
    match (lang, interactive) {
        (Lang::Vi, true) => {
            format!("Mạng chậm: đã chờ {waited} giây (tối đa {max} giây) để tải phần tương tác.")
        }
        (Lang::En, true) => {
            format!("Slow network: waited {waited} s (at most {max} s) for the interactive charts.")
        }
        (Lang::Vi, false) => format!("Mạng chậm: đã chờ {waited} giây (tối đa {max} giây)."),
        (Lang::En, false) => format!("Slow network: waited {waited} s (at most {max} s)."),
    }
}

#[cfg(test)]
fn test_snapshot() -> Snapshot {
    crate::validate::parse_snapshot(include_bytes!(
        "../../public/data/ba-ria-vung-tau-2023.json"
    ))
    .expect("valid")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::present::test_snapshot as snapshot;

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
        assert_eq!(vi.sources[0].id, "vnpthcm-33-39-2023");
        let en = tally_line(Lang::En, &s, &s.tallies[1]);
        assert_eq!((en.fraction.as_str(), en.rate.as_str()), ("35/39", "89.7%"));
        assert_eq!(en.pillars, "by pillar: not published");
    }

    #[test]
    fn the_unit_line_names_the_unit_it_has_become_part_of() {
        let mut s = snapshot();
        assert_eq!(
            unit_line(Lang::Vi, &s),
            "tỉnh Bà Rịa – Vũng Tàu · Đơn vị cũ, nay thuộc Thành phố Hồ Chí Minh từ 01/07/2025"
        );
        assert_eq!(
            unit_line(Lang::En, &s),
            "Bà Rịa – Vũng Tàu province · Former unit, now part of Ho Chi Minh City since 1 Jul 2025"
        );
        s.unit.successor = None;
        assert_eq!(unit_line(Lang::Vi, &s), "tỉnh Bà Rịa – Vũng Tàu");
        assert_eq!(unit_line(Lang::En, &s), "Bà Rịa – Vũng Tàu province");
    }

    #[test]
    fn unknown_dates_are_said_to_be_unknown() {
        let s = snapshot();
        let vnpt = source_ref(Lang::Vi, s.source("vnpthcm-33-39-2023").expect("vnpt"));
        assert_eq!(vnpt.detail, "ngày đăng: chưa rõ");
        let vtc = source_ref(Lang::En, s.source("vtc-2024-01-27").expect("vtc"));
        assert_eq!(vtc.detail, "VTC News · 27 Jan 2024");
    }

    #[test]
    fn the_page_leads_with_the_latest_tally_and_cites_only_what_it_shows() {
        let mut s = snapshot();
        let order = |s: &Snapshot| -> Vec<String> {
            tallies_latest_first(s)
                .iter()
                .map(|t| t.as_of.clone())
                .collect()
        };
        assert_eq!(order(&s), ["2023-fy", "2023-11m"]);
        // The rule holds whatever the file's order.
        s.tallies.reverse();
        assert_eq!(order(&s), ["2023-fy", "2023-11m"]);
        let cited: Vec<&str> = cited_sources(&s).iter().map(|x| x.id.as_str()).collect();
        assert!(cited.contains(&"tvpl-qd-759-2025"), "the merger is cited");
        assert!(
            !cited.contains(&"ubqg-2023-plan"),
            "nothing on the page cites the national plan"
        );
        let merger: Vec<String> = unit_sources(Lang::Vi, &s)
            .into_iter()
            .map(|r| r.title)
            .collect();
        assert_eq!(merger.len(), 2);
        assert!(merger[0].starts_with("Thành phố Hồ Chí Minh sáp nhập"));
    }

    #[test]
    fn values_are_labelled_with_their_as_of_and_headings_with_the_snapshot_s_years() {
        let s = snapshot();
        assert_eq!(results_when(Lang::Vi, &s), "11 tháng năm 2023");
        assert_eq!(results_when(Lang::En, &s), "first 11 months of 2023");
        assert_eq!(goals_heading(Lang::Vi, &s), "Mục tiêu năm 2024");
        assert_eq!(goals_heading(Lang::En, &s), "Goals for 2024");
    }
}
