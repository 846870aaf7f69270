//! The provinces among each other: one ranking of a grouping's units in one year (the page's own
//! unit highlighted, unknown ranks shown as unknown, never dropped), how ranks moved between two
//! years of the same grouping (never across groupings), and a figure over the years with the note
//! each year carries.

use std::collections::{HashMap, HashSet};

use super::{source_line, source_titles, unique, Table};
use crate::chart::dumbbell::{DumbbellRow, End};
use crate::chart::ranking::{MeanLine, Ranking as RankingChart, RankingRow};
use crate::chart::Tooltip;
use crate::format;
use crate::i18n::{t, Key, Lang};
use crate::snapshot::{RankEntry, RankedUnit, Ranking, Snapshot};

/// The page's own unit among the ranked units: the one whose code (or id) is the snapshot's unit.
pub fn own_unit(s: &Snapshot) -> Option<&RankedUnit> {
    s.units
        .iter()
        .find(|u| u.code.as_deref() == Some(s.unit.id.as_str()) || u.id == s.unit.id)
}

/// The units' names by id, looked up once per chart rather than scanned for every row (a
/// ranking of hundreds of units stays linear).
struct Names<'a> {
    lang: Lang,
    by_id: HashMap<&'a str, &'a RankedUnit>,
}

impl<'a> Names<'a> {
    fn new(lang: Lang, s: &'a Snapshot) -> Self {
        Names {
            lang,
            by_id: s.units.iter().map(|u| (u.id.as_str(), u)).collect(),
        }
    }

    fn of(&self, id: &str) -> String {
        self.by_id
            .get(id)
            .map_or_else(|| id.to_string(), |u| self.lang.pick(&u.name).to_string())
    }
}

fn grouping_size(s: &Snapshot, r: &Ranking) -> u32 {
    s.groupings
        .iter()
        .find(|g| g.id == r.grouping)
        .map_or(0, |g| g.size)
}

/// The ranking asked for by id, else the default: the latest that ranks the page's own unit, else
/// the latest.
pub fn ranking<'a>(s: &'a Snapshot, id: Option<&str>) -> Option<&'a Ranking> {
    if let Some(r) = id.and_then(|id| s.rankings.iter().find(|r| r.id == id)) {
        return Some(r);
    }
    let own = own_unit(s).map(|u| u.id.as_str());
    let ranks_own = |r: &&Ranking| {
        r.entries
            .iter()
            .any(|e| Some(e.unit.as_str()) == own && e.rank.is_some())
    };
    s.rankings
        .iter()
        .filter(ranks_own)
        .max_by_key(|r| r.year)
        .or_else(|| s.rankings.iter().max_by_key(|r| r.year))
}

/// Every unit of the ranking in display order: known ranks first (ties side by side, as the
/// source lists them), then the entries whose rank is unknown, then the grouping's members the
/// ranking does not name at all. Each with its entry, where there is one.
fn ordered<'a>(s: &'a Snapshot, r: &'a Ranking) -> Vec<(&'a str, Option<&'a RankEntry>)> {
    let mut known: Vec<&RankEntry> = r.entries.iter().filter(|e| e.rank.is_some()).collect();
    crate::order::sort_by_key(&mut known, |e| e.rank);
    let mut out: Vec<(&str, Option<&RankEntry>)> = known
        .into_iter()
        .map(|e| (e.unit.as_str(), Some(e)))
        .collect();
    out.extend(
        r.entries
            .iter()
            .filter(|e| e.rank.is_none())
            .map(|e| (e.unit.as_str(), Some(e))),
    );
    if let Some(g) = s.groupings.iter().find(|g| g.id == r.grouping) {
        let ranked: HashSet<&str> = r.entries.iter().map(|e| e.unit.as_str()).collect();
        for m in &g.members {
            if !ranked.contains(m.as_str()) {
                out.push((m.as_str(), None));
            }
        }
    }
    out
}

/// A DTI value at the precision the ministry publishes it, four decimals ("0,8340"), or unknown.
pub(super) fn score_text(lang: Lang, v: Option<f64>) -> String {
    v.map_or_else(
        || t(lang, Key::Unknown).to_string(),
        |v| format::fixed(lang, v, 4),
    )
}

/// "10/63", "15=/63" for a tie, or "chưa rõ".
fn rank_text(lang: Lang, e: Option<&RankEntry>, size: u32) -> String {
    match e.and_then(|e| e.rank.map(|r| (r, e.tie))) {
        Some((r, tie)) => format!("{r}{}/{size}", if tie { "=" } else { "" }),
        None => t(lang, Key::Unknown).to_string(),
    }
}

/// 0, 0,25 … 1 on a DTI axis.
pub(super) fn score_ticks(lang: Lang) -> Vec<(f64, String)> {
    [0.0, 0.25, 0.5, 0.75, 1.0]
        .into_iter()
        .map(|v| (v, format::number(lang, v)))
        .collect()
}

/// "Trung bình cấp tỉnh 0,6783".
fn mean_label(lang: Lang, v: f64) -> String {
    format!(
        "{} {}",
        t(lang, Key::ProvincialMean),
        format::fixed(lang, v, 4)
    )
}

/// The ranking chart's rows, the page's own unit highlighted.
pub fn ranking_chart(lang: Lang, s: &Snapshot, r: &Ranking) -> RankingChart {
    let names = Names::new(lang, s);
    let own = own_unit(s).map(|u| u.id.as_str());
    let size = grouping_size(s, r);
    let rows = ordered(s, r)
        .into_iter()
        .map(|(unit, e)| {
            let name = names.of(unit);
            let mut lines = vec![
                format!("{}: {}", t(lang, Key::Rank), rank_text(lang, e, size)),
                format!(
                    "{}: {}",
                    t(lang, Key::DtiScore),
                    score_text(lang, e.and_then(|e| e.score))
                ),
            ];
            if Some(unit) == own {
                lines.push(t(lang, Key::ThisPagesUnit).to_string());
            }
            if let Some(n) = e.and_then(|e| e.note.as_ref()) {
                lines.push(lang.pick(n).to_string());
            }
            match e {
                Some(e) => lines.push(source_line(lang, s, &e.sources)),
                None => lines.push(t(lang, Key::NotInAnySource).to_string()),
            }
            RankingRow {
                key: unit.to_string(),
                name: name.clone(),
                rank: e.and_then(|e| e.rank),
                tie: e.is_some_and(|e| e.tie),
                score: e.and_then(|e| e.score),
                value_label: score_text(lang, e.and_then(|e| e.score)),
                highlight: Some(unit) == own,
                tooltip: Tooltip { title: name, lines },
            }
        })
        .collect();
    RankingChart {
        rows,
        score_domain: (0.0, 1.0),
        mean: r.mean.as_ref().map(|m| MeanLine {
            value: m.value,
            label: mean_label(lang, m.value),
        }),
        ticks: score_ticks(lang),
        unknown_label: "–".to_string(),
    }
}

/// "Năm 2023 (công bố 06/02/2025)".
pub fn ranking_as_of(lang: Lang, r: &Ranking) -> String {
    let year = match lang {
        Lang::Vi => format!("Năm {}", r.year),
        Lang::En => format!("Year {}", r.year),
    };
    match r.published.as_deref().and_then(|p| format::date(lang, p)) {
        Some(p) => format!(
            "{}: {year} ({} {p})",
            t(lang, Key::AsOf),
            t(lang, Key::PublishedOn)
        ),
        None => format!("{}: {year}", t(lang, Key::AsOf)),
    }
}

/// Every source the ranking cites: its own, its entries', its mean's.
pub fn ranking_source_ids(r: &Ranking) -> Vec<String> {
    unique(
        r.sources
            .iter()
            .chain(r.entries.iter().flat_map(|e| &e.sources))
            .chain(r.mean.iter().flat_map(|m| &m.sources))
            .cloned(),
    )
}

/// What the ranking says about the page's own unit, and how much of it is known.
pub fn ranking_summary(lang: Lang, s: &Snapshot, r: &Ranking) -> String {
    let size = grouping_size(s, r);
    let rows = ordered(s, r);
    let ranked = rows
        .iter()
        .filter(|(_, e)| e.is_some_and(|e| e.rank.is_some()))
        .count();
    let scored = r.entries.iter().filter(|e| e.score.is_some()).count();
    let unknown = (size as usize).saturating_sub(ranked);
    let name = lang.pick(&r.name);
    let own = own_unit(s);
    let own_name = lang.pick(&s.unit.name).to_string();
    let own_entry = own.and_then(|u| r.entries.iter().find(|e| e.unit == u.id));
    let own_member = own.is_some_and(|u| {
        own_entry.is_some()
            || s.groupings
                .iter()
                .any(|g| g.id == r.grouping && g.members.contains(&u.id))
    });
    let own_part = match (own_entry.and_then(|e| e.rank), own_member, lang) {
        (Some(rank), _, Lang::Vi) => format!(
            "{} đứng thứ {rank}/{size} (điểm {}).",
            format::upper_first(&own_name),
            score_text(lang, own_entry.and_then(|e| e.score))
        ),
        (Some(rank), _, Lang::En) => format!(
            "{} ranks {rank} of {size} (score {}).",
            format::upper_first(&own_name),
            score_text(lang, own_entry.and_then(|e| e.score))
        ),
        (None, true, Lang::Vi) => {
            format!("Thứ hạng của {own_name} chưa được công bố ở nguồn nào tìm thấy.")
        }
        (None, true, Lang::En) => {
            format!("No source found gives the rank of {own_name}.")
        }
        (None, false, Lang::Vi) => format!(
            "{} không phải là đơn vị trong nhóm này.",
            format::upper_first(&own_name)
        ),
        (None, false, Lang::En) => format!(
            "{} is not a unit of this grouping.",
            format::upper_first(&own_name)
        ),
    };
    let mean = r
        .mean
        .as_ref()
        .map(|m| format!(" {}.", mean_label(lang, m.value)))
        .unwrap_or_default();
    let known = match lang {
        Lang::Vi => format!(
            " Đã biết thứ hạng của {ranked}/{size} đơn vị và điểm của {scored}; {unknown} đơn vị chưa rõ thứ hạng."
        ),
        Lang::En => format!(
            " Ranks are known for {ranked} of {size} units and scores for {scored}; {unknown} ranks are unknown."
        ),
    };
    format!("{name}: {own_part}{mean}{known}")
}

pub fn ranking_table(lang: Lang, s: &Snapshot, r: &Ranking) -> Table {
    let names = Names::new(lang, s);
    let size = grouping_size(s, r);
    Table {
        head: vec![
            t(lang, Key::Rank).into(),
            t(lang, Key::ProvinceOrCity).into(),
            t(lang, Key::DtiScore).into(),
            t(lang, Key::Note).into(),
            t(lang, Key::Source).into(),
        ],
        rows: ordered(s, r)
            .into_iter()
            .map(|(unit, e)| {
                vec![
                    rank_text(lang, e, size),
                    names.of(unit),
                    score_text(lang, e.and_then(|e| e.score)),
                    e.and_then(|e| e.note.as_ref())
                        .map(|n| lang.pick(n).to_string())
                        .unwrap_or_default(),
                    e.map(|e| source_titles(s, &e.sources)).unwrap_or_default(),
                ]
            })
            .collect(),
    }
}

// ---------------------------------------------------------------------------------------------
// How ranks moved

/// Two consecutive rankings of one grouping, the earlier first: a move is only ever read within a
/// grouping (10th of 63 and 4th of 34 are different scales). The latest pair that ranks the
/// page's own unit in both years, else the latest pair with at least two units ranked in both.
pub fn moves_pair(s: &Snapshot) -> Option<(&Ranking, &Ranking)> {
    let own = own_unit(s).map(|u| u.id.as_str());
    let pairs: Vec<(&Ranking, &Ranking)> = s
        .rankings
        .iter()
        .filter_map(|later| {
            let earlier = s
                .rankings
                .iter()
                .filter(|r| r.grouping == later.grouping && r.year < later.year)
                .max_by_key(|r| r.year)?;
            (moved(earlier, later).len() >= 2).then_some((earlier, later))
        })
        .collect();
    let ranks_own =
        |p: &&(&Ranking, &Ranking)| moved(p.0, p.1).iter().any(|(u, _, _)| Some(*u) == own);
    pairs
        .iter()
        .filter(ranks_own)
        .max_by_key(|(_, l)| l.year)
        .or_else(|| pairs.iter().max_by_key(|(_, l)| l.year))
        .copied()
}

/// The units ranked in both, with their two ranks, in the order of the later ranking.
fn moved<'a>(earlier: &'a Ranking, later: &'a Ranking) -> Vec<(&'a str, u32, u32)> {
    let before: HashMap<&str, Option<u32>> = earlier
        .entries
        .iter()
        .map(|e| (e.unit.as_str(), e.rank))
        .collect();
    let mut out: Vec<(&str, u32, u32)> = later
        .entries
        .iter()
        .filter_map(|l| {
            let to = l.rank?;
            let from = (*before.get(l.unit.as_str())?)?;
            Some((l.unit.as_str(), from, to))
        })
        .collect();
    crate::order::sort_by_key(&mut out, |(_, _, to)| *to);
    out
}

/// "tăng 18 bậc" / "up 18 places", "giữ nguyên" / "unchanged".
fn move_words(lang: Lang, from: u32, to: u32) -> String {
    let d = i64::from(from) - i64::from(to);
    match (lang, d.signum()) {
        (Lang::Vi, 1) => format!("tăng {d} bậc"),
        (Lang::En, 1) => format!("up {d} places"),
        (Lang::Vi, -1) => format!("giảm {} bậc", -d),
        (Lang::En, -1) => format!("down {} places", -d),
        (Lang::Vi, _) => "giữ nguyên".to_string(),
        (Lang::En, _) => "unchanged".to_string(),
    }
}

/// One dumbbell per unit ranked in both years, on the grouping's rank scale (63 → 1, so right is
/// better); the page's own unit first.
pub fn moves_rows(lang: Lang, s: &Snapshot) -> Vec<DumbbellRow> {
    let names = Names::new(lang, s);
    let Some((earlier, later)) = moves_pair(s) else {
        return Vec::new();
    };
    let size = grouping_size(s, later);
    let own = own_unit(s).map(|u| u.id.as_str());
    let mut list = moved(earlier, later);
    crate::order::sort_by_key(&mut list, |(u, _, to)| (Some(*u) != own, *to));
    let sources = |r: &Ranking, unit: &str| {
        r.entries
            .iter()
            .find(|e| e.unit == unit)
            .map(|e| e.sources.clone())
            .unwrap_or_default()
    };
    list.into_iter()
        .map(|(unit, from, to)| {
            let name = names.of(unit);
            let end = |r: &Ranking, rank: u32| End::Known {
                value: f64::from(rank),
                tooltip: Tooltip {
                    title: format!("{}: {rank}/{size}", r.year),
                    lines: vec![name.clone(), source_line(lang, s, &sources(r, unit))],
                },
            };
            DumbbellRow {
                key: unit.to_string(),
                pillar: None,
                status: (Some(unit) == own).then(|| t(lang, Key::ThisPagesUnit).to_string()),
                values: format!(
                    "{}: {from}/{size} → {}: {to}/{size} ({})",
                    earlier.year,
                    later.year,
                    move_words(lang, from, to)
                ),
                from: end(earlier, from),
                to: end(later, to),
                name: name.clone(),
                domain: (f64::from(size), 1.0),
                ends: None,
            }
        })
        .collect()
}

/// The rank axis of the moves chart: the grouping's last place, its middle, and 1.
pub fn moves_ticks(s: &Snapshot) -> Vec<(f64, String)> {
    let Some((_, later)) = moves_pair(s) else {
        return Vec::new();
    };
    let size = grouping_size(s, later);
    let mid = size.div_ceil(2);
    [size, mid, 1]
        .into_iter()
        .map(|r| (f64::from(r), r.to_string()))
        .collect()
}

pub fn moves_summary(lang: Lang, s: &Snapshot) -> String {
    let Some((earlier, later)) = moves_pair(s) else {
        return t(lang, Key::NotPublished).to_string();
    };
    let list = moved(earlier, later);
    let size = grouping_size(s, later);
    let own = own_unit(s).map(|u| u.id.as_str());
    let own_part = list
        .iter()
        .find(|(u, _, _)| Some(*u) == own)
        .map(|(_, from, to)| {
            format!(
                " {}: {from} → {to} ({}).",
                format::upper_first(lang.pick(&s.unit.name)),
                move_words(lang, *from, *to)
            )
        })
        .unwrap_or_default();
    match lang {
        Lang::Vi => format!(
            "{} tỉnh, thành phố có thứ hạng cả năm {} và năm {} (cùng nhóm {size}).{own_part}",
            list.len(),
            earlier.year,
            later.year
        ),
        Lang::En => format!(
            "{} provinces and cities are ranked in both {} and {} (the same grouping of {size}).{own_part}",
            list.len(),
            earlier.year,
            later.year
        ),
    }
}

pub fn moves_table(lang: Lang, s: &Snapshot) -> Table {
    let names = Names::new(lang, s);
    let Some((earlier, later)) = moves_pair(s) else {
        return Table::default();
    };
    Table {
        head: vec![
            t(lang, Key::ProvinceOrCity).into(),
            earlier.year.to_string(),
            later.year.to_string(),
            t(lang, Key::Change).into(),
        ],
        rows: moved(earlier, later)
            .into_iter()
            .map(|(unit, from, to)| {
                vec![
                    names.of(unit),
                    from.to_string(),
                    to.to_string(),
                    move_words(lang, from, to),
                ]
            })
            .collect(),
    }
}

pub fn moves_source_ids(s: &Snapshot) -> Vec<String> {
    moves_pair(s)
        .map(|(a, b)| {
            let units: Vec<&str> = moved(a, b).into_iter().map(|(u, _, _)| u).collect();
            unique(
                [a, b]
                    .into_iter()
                    .flat_map(|r| r.entries.iter())
                    .filter(|e| units.contains(&e.unit.as_str()))
                    .flat_map(|e| e.sources.iter().cloned()),
            )
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::present::test_snapshot as snapshot;

    #[test]
    fn the_default_ranking_is_the_latest_that_ranks_the_page_s_own_unit() {
        let s = snapshot();
        assert_eq!(own_unit(&s).map(|u| u.id.as_str()), Some("ba-ria-vung-tau"));
        assert_eq!(ranking(&s, None).map(|r| r.id.as_str()), Some("dti-2023"));
        assert_eq!(
            ranking(&s, Some("dti-2024-34")).map(|r| r.id.as_str()),
            Some("dti-2024-34")
        );
        assert_eq!(
            ranking(&s, Some("nope")).map(|r| r.id.as_str()),
            Some("dti-2023")
        );
    }

    #[test]
    fn all_63_are_shown_and_the_unknown_ranks_say_so() {
        let s = snapshot();
        let r = ranking(&s, Some("dti-2023")).expect("2023");
        let chart = ranking_chart(Lang::Vi, &s, r);
        assert_eq!(chart.rows.len(), 63, "not dropped");
        assert_eq!(chart.rows.iter().filter(|x| x.rank.is_some()).count(), 13);
        assert_eq!(chart.rows[9].name, "Bà Rịa - Vũng Tàu");
        assert!(chart.rows[9].highlight);
        assert_eq!(chart.rows.iter().filter(|x| x.highlight).count(), 1);
        assert_eq!(chart.rows[62].value_label, "chưa rõ");
        assert_eq!(
            chart.rows[0].value_label, "0,8340",
            "the source's four decimals"
        );
        assert_eq!(
            chart.mean.as_ref().map(|m| m.label.as_str()),
            Some("Trung bình cấp tỉnh 0,6783")
        );
        assert_eq!(
            ranking_summary(Lang::Vi, &s, r),
            "Xếp hạng DTI cấp tỉnh 2023: Tỉnh Bà Rịa – Vũng Tàu đứng thứ 10/63 (điểm 0,7353). Trung bình cấp tỉnh 0,6783. Đã biết thứ hạng của 13/63 đơn vị và điểm của 4; 50 đơn vị chưa rõ thứ hạng."
        );
        // The tie at 15 in 2022, side by side.
        let r22 = ranking(&s, Some("dti-2022")).expect("2022");
        let t = ranking_table(Lang::En, &s, r22);
        assert_eq!(t.rows[14][0], "15=/63");
        assert_eq!(t.rows[15][0], "15=/63");
        assert_eq!(t.rows[16][0], "17/63");
    }

    #[test]
    fn the_merged_city_is_never_the_province() {
        let s = snapshot();
        let r = ranking(&s, Some("dti-2024-34")).expect("34");
        let chart = ranking_chart(Lang::En, &s, r);
        assert!(
            chart.rows.iter().all(|x| !x.highlight),
            "the province is not in the 34"
        );
        let summary = ranking_summary(Lang::En, &s, r);
        assert!(
            summary.contains("is not a unit of this grouping"),
            "{summary}"
        );
        let hcm = chart
            .rows
            .iter()
            .find(|x| x.key == "ho-chi-minh-2025")
            .expect("HCM");
        assert!(hcm
            .tooltip
            .lines
            .iter()
            .any(|l| l.contains("not Bà Rịa – Vũng Tàu's own value")));
    }

    #[test]
    fn moves_are_read_within_one_grouping_only() {
        let s = snapshot();
        let (a, b) = moves_pair(&s).expect("a pair");
        assert_eq!((a.id.as_str(), b.id.as_str()), ("dti-2022", "dti-2023"));
        let rows = moves_rows(Lang::Vi, &s);
        assert_eq!(rows.len(), 13);
        assert_eq!(rows[0].key, "ba-ria-vung-tau", "the page's own unit first");
        assert_eq!(rows[0].values, "2022: 28/63 → 2023: 10/63 (tăng 18 bậc)");
        assert_eq!(rows[0].domain, (63.0, 1.0));
        let hn = rows.iter().find(|r| r.key == "ha-noi").expect("Hà Nội");
        assert_eq!(hn.values, "2022: 24/63 → 2023: 6/63 (tăng 18 bậc)");
        // Nothing pairs a 63-unit rank with a 34-unit one.
        assert!(s
            .rankings
            .iter()
            .filter(|r| r.grouping == "vn-34")
            .all(|r| r.id != b.id && r.id != a.id));
    }
}
