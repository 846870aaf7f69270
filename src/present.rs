//! From the snapshot to what the page says, in the reader's language: the headline, the rows of
//! the pillar chart, source lines. Pure, so the wording is tested natively.

use crate::chart::pillars::PillarRow;
use crate::format;
use crate::i18n::{pillar_name, t, Key, Lang};
use crate::snapshot::{Count, Snapshot, Source, Tally};

/// "33/39".
pub fn fraction(c: Count) -> String {
    format!("{}/{}", c.met, c.assigned)
}

/// "84,6%", or "–" when nothing was assigned.
pub fn rate(lang: Lang, c: Count) -> String {
    c.rate()
        .map_or_else(|| "–".to_string(), |r| format::rate(lang, r))
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

pub fn tally_line(lang: Lang, s: &Snapshot, tally: &Tally) -> TallyLine {
    let pillars = match &tally.pillars {
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
    };
    TallyLine {
        fraction: fraction(tally.overall),
        rate: rate(lang, tally.overall),
        as_of: s
            .as_of_label(&tally.as_of)
            .map_or_else(|| tally.as_of.clone(), |l| lang.pick(l).to_string()),
        pillars,
        sources: tally
            .sources
            .iter()
            .filter_map(|id| s.source(id))
            .map(|src| source_ref(lang, src))
            .collect(),
    }
}

/// The rows of the pillar chart, from the most recent tally that has a split by pillar.
pub fn pillar_rows(lang: Lang, s: &Snapshot) -> Vec<PillarRow> {
    let Some((_, pillars)) = s.pillar_tally() else {
        return Vec::new();
    };
    pillars
        .iter()
        .map(|p| PillarRow {
            pillar: p.pillar,
            name: pillar_name(lang, p.pillar).to_string(),
            met: p.met,
            assigned: p.assigned,
            value_label: format!("{} · {}", fraction(p.count()), rate(lang, p.count())),
        })
        .collect()
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
    fn unknown_dates_are_said_to_be_unknown() {
        let s = snapshot();
        let seed = source_ref(Lang::Vi, s.source("seed-vnpthcm").expect("seed"));
        assert_eq!(seed.detail, "ngày đăng: chưa rõ");
        let vtc = source_ref(Lang::En, s.source("vtc-2024-01-27").expect("vtc"));
        assert_eq!(vtc.detail, "VTC News · 27 Jan 2024");
    }

    #[test]
    fn pillar_rows_carry_fraction_and_rate() {
        let rows = pillar_rows(Lang::Vi, &snapshot());
        let labels: Vec<_> = rows.iter().map(|r| r.value_label.as_str()).collect();
        assert_eq!(labels, ["13/16 · 81,3%", "6/8 · 75,0%", "14/15 · 93,3%"]);
    }
}
