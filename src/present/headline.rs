//! The headline chart: one bar per as-of, each the indicators met out of those assigned.

use super::{
    as_of_label, as_of_line, fraction, lower_first_parts, met_phrase, pillar_split, rate,
    source_line, source_titles, tallies_latest_first, Table,
};
use crate::chart::bars::BarRow;
use crate::chart::Tooltip;
use crate::format;
use crate::i18n::{t, Key, Lang};
use crate::snapshot::Snapshot;

/// One bar per tally, the latest first.
pub fn headline_rows(lang: Lang, s: &Snapshot) -> Vec<BarRow> {
    tallies_latest_first(s)
        .into_iter()
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

/// The latest tally, then each earlier one said to be an earlier report.
pub fn headline_summary(lang: Lang, s: &Snapshot) -> String {
    tallies_latest_first(s)
        .into_iter()
        .enumerate()
        .map(|(i, tally)| {
            let split = match &tally.pillars {
                Some(_) => lower_first_parts(&pillar_split(lang, tally)),
                None => pillar_split(lang, tally),
            };
            let met = met_phrase(lang, tally.overall);
            let met = if i == 0 {
                met
            } else {
                format!(
                    "{}: {}",
                    t(lang, Key::EarlierReport),
                    format::lower_first(&met)
                )
            };
            format!("{met}, {}; {}.", as_of_label(lang, s, &tally.as_of), split)
        })
        .collect::<Vec<_>>()
        .join(" ")
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
        rows: tallies_latest_first(s)
            .into_iter()
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::present::test_snapshot as snapshot;

    #[test]
    fn the_headline_summary_says_everything_in_one_breath() {
        let s = snapshot();
        assert_eq!(
            headline_summary(Lang::Vi, &s),
            "Đạt 35/39 chỉ tiêu (89,7%), cả năm 2023; theo trụ cột: chưa công bố. \
             Báo cáo trước đó: đạt 33/39 chỉ tiêu (84,6%), 11 tháng năm 2023; chính quyền số 13/16, kinh tế số 6/8, xã hội số 14/15."
        );
        assert_eq!(
            headline_summary(Lang::En, &s),
            "35 of 39 indicators met (89.7%), full year 2023; by pillar: not published. \
             Earlier report: 33 of 39 indicators met (84.6%), first 11 months of 2023; digital government 13/16, digital economy 6/8, digital society 14/15."
        );
    }

    #[test]
    fn the_headline_table_has_the_numbers_of_the_chart() {
        let s = snapshot();
        let h = headline_table(Lang::Vi, &s);
        assert_eq!(h.rows[0][..4], ["cả năm 2023", "35", "39", "89,7%"]);
    }
}
