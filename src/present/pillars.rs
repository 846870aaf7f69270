//! The pillar chart: the indicators met out of those assigned in each pillar, from the first tally
//! that splits them by pillar.

use super::{
    as_of_label, as_of_line, fraction, lower_first_parts, met_phrase, rate, source_line, Table,
};
use crate::chart::bars::BarRow;
use crate::chart::Tooltip;
use crate::format;
use crate::i18n::{pillar_name, t, Key, Lang};
use crate::snapshot::Snapshot;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::present::test_snapshot as snapshot;

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
    fn the_pillar_table_has_the_numbers_of_the_chart() {
        let s = snapshot();
        let t = pillar_table(Lang::En, &s);
        assert_eq!(t.rows[0], ["Digital government", "13", "16", "81.3%"]);
    }
}
