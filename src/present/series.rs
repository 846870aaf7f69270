//! A figure over the years (the provincial DTI average): its points with the note each year
//! carries, the notes under the chart, its summary and table.

use super::ranking::{score_text, score_ticks};
use super::{source_line, source_titles, Table};
use crate::chart::line::LinePoint;
use crate::chart::Tooltip;
use crate::i18n::{t, Key, Lang};
use crate::snapshot::{Snapshot, YearSeries};

/// The series the averages chart draws: the first.
pub fn averages(s: &Snapshot) -> Option<&YearSeries> {
    s.series.first()
}

/// Each year a point, the note marker ("1", "2", …) where the year carries a note.
pub fn series_points(lang: Lang, s: &Snapshot, series: &YearSeries) -> Vec<LinePoint> {
    let mut n = 0;
    series
        .points
        .iter()
        .map(|p| {
            let note = p.note.as_ref().map(|_| {
                n += 1;
                n.to_string()
            });
            let value = score_text(lang, p.value);
            let mut lines = vec![lang.pick(&series.name).to_string()];
            if let Some(text) = &p.note {
                lines.push(lang.pick(text).to_string());
            }
            lines.push(source_line(lang, s, &p.sources));
            LinePoint {
                key: p.year.to_string(),
                x_label: p.year.to_string(),
                value: p.value,
                label: value.clone(),
                note,
                tooltip: Tooltip {
                    title: format!("{}: {value}", p.year),
                    lines,
                },
            }
        })
        .collect()
}

/// The notes under the chart, numbered as their markers: "1. 2020: …", and the series' own note.
pub fn series_notes(lang: Lang, series: &YearSeries) -> Vec<String> {
    let mut out: Vec<String> = series
        .points
        .iter()
        .filter_map(|p| p.note.as_ref())
        .enumerate()
        .map(|(i, n)| format!("{}. {}", i + 1, lang.pick(n)))
        .collect();
    if let Some(n) = &series.note {
        out.push(lang.pick(n).to_string());
    }
    out
}

pub fn series_ticks(lang: Lang) -> Vec<(f64, String)> {
    score_ticks(lang)
}

pub fn series_summary(lang: Lang, series: &YearSeries) -> String {
    let points: Vec<String> = series
        .points
        .iter()
        .map(|p| format!("{}: {}", p.year, score_text(lang, p.value)))
        .collect();
    let caveat = series
        .note
        .as_ref()
        .map(|n| format!(" {}", lang.pick(n)))
        .unwrap_or_default();
    format!(
        "{}: {}.{caveat}",
        lang.pick(&series.name),
        points.join("; ")
    )
}

pub fn series_table(lang: Lang, s: &Snapshot, series: &YearSeries) -> Table {
    Table {
        head: vec![
            t(lang, Key::Year).into(),
            lang.pick(&series.name).to_string(),
            t(lang, Key::Note).into(),
            t(lang, Key::Source).into(),
        ],
        rows: series
            .points
            .iter()
            .map(|p| {
                vec![
                    p.year.to_string(),
                    score_text(lang, p.value),
                    p.note
                        .as_ref()
                        .map(|n| lang.pick(n).to_string())
                        .unwrap_or_default(),
                    source_titles(s, &p.sources),
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
    fn the_averages_carry_each_year_s_note() {
        let s = snapshot();
        let series = averages(&s).expect("averages");
        let points = series_points(Lang::Vi, &s, series);
        assert_eq!(points.len(), 5);
        assert_eq!(points[0].note.as_deref(), Some("1"));
        assert_eq!(points[4].label, "0,6961");
        let notes = series_notes(Lang::En, series);
        assert_eq!(notes.len(), 6);
        assert!(notes[0].starts_with("1. 2020 framework"));
        assert!(series_summary(Lang::En, series)
            .ends_with("The method changed almost every year: compare the years with care."));
    }
}
