//! The context chart: series with two or more points (DTI score and rank, 2022 → 2023), earliest
//! against latest; the figures that stand alone, with their qualifiers, for the other-figures list.

use super::{as_of_line, source_line, source_titles, value, Table};
use crate::chart::dumbbell::{DumbbellRow, End};
use crate::chart::Tooltip;
use crate::format;
use crate::i18n::{t, Key, Lang};
use crate::snapshot::{ContextFigure, Qualifier, Snapshot, Unit};

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
            crate::order::sort_by_key(&mut g, |c| year_of(s, c));
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
    crate::order::sort_by_key(&mut years, |y| *y);
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

/// The context figures the context chart draws: those of series with two or more years.
pub(super) fn charted_context(s: &Snapshot) -> impl Iterator<Item = &ContextFigure> {
    let rows = context_rows(Lang::Vi, s);
    s.context
        .iter()
        .filter(move |c| rows.iter().any(|r| r.key == c.series))
}

/// A context figure with its qualifier: "khoảng 79%", "trên 87%", "93,55% (yêu cầu 80%)".
pub fn figure_text(lang: Lang, c: &ContextFigure) -> String {
    let Some(v) = c.value else {
        return t(lang, Key::NoFigure).to_string();
    };
    let mut out = match c.qualifier {
        Some(Qualifier::About) => format!("{} ", t(lang, Key::About)),
        Some(Qualifier::Over) => format!("{} ", t(lang, Key::Over)),
        Some(Qualifier::Nearly) => format!("{} ", t(lang, Key::Nearly)),
        None => String::new(),
    };
    out.push_str(&value(lang, c.unit, v, c.out_of));
    if let Some(r) = c.requirement {
        out.push_str(&format!(
            " ({} {})",
            t(lang, Key::Required),
            value(lang, c.unit, r, None)
        ));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::present::test_snapshot as snapshot;

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
                "gần 99%",
                "trên 87%",
                "100%"
            ]
        );
    }

    #[test]
    fn qualifiers_are_said_in_the_reader_s_language() {
        let s = snapshot();
        let texts: Vec<String> = single_figures(&s)
            .iter()
            .map(|c| figure_text(Lang::En, c))
            .collect();
        assert_eq!(
            texts,
            [
                "93.55% (required 80%)",
                "26",
                "95.5%",
                "about 79%",
                "nearly 99%",
                "over 87%",
                "100%"
            ]
        );
    }

    #[test]
    fn the_context_table_has_the_numbers_of_the_chart() {
        let s = snapshot();
        let c = context_table(Lang::Vi, &s);
        assert_eq!(c.head[1..3], ["2022", "2023"]);
        assert_eq!(c.rows[0][1..3], ["0,5878", "0,7353"]);
    }
}
