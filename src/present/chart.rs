//! Each chart as a whole: its title, as-of and source lines, its summary and its drawing, the same
//! on the page, in an embed and at build time.

use super::context::charted_context;
use super::followup::{
    followup_as_of_ids, followup_rows, followup_source_ids, followup_summary, followup_table,
};
use super::ranking::{
    moves_pair, moves_rows, moves_source_ids, moves_summary, moves_table, moves_ticks, ranking,
    ranking_as_of, ranking_chart, ranking_source_ids, ranking_summary, ranking_table,
};
use super::series::{averages, series_points, series_summary, series_table, series_ticks};
use super::{
    as_of_label, context_rows, context_summary, headline_rows, headline_summary, indicator_rows,
    indicator_summary, percent_ticks, pillar_rows, pillar_summary, results_when, source_line,
    tallies_latest_first, unique,
};
use super::{context_table, headline_table, indicator_table, pillar_table, SourceRef, Table};
use crate::chart::{
    bars_chart, dumbbell_chart, goals_chart, line_chart, ranking_chart as draw_ranking, Drawn,
    Options, Series,
};
use crate::chart_id::ChartId;
use crate::format;
use crate::i18n::{t, Key, Lang};
use crate::route::{in_build, View};
use crate::snapshot::Snapshot;

/// A `match` on the chart `$id` whose arm for a chart this build does not draw is compiled out
/// (see [`in_build`]: each page's WASM draws its own charts alone); such a chart gives `$other`.
/// Every chart still needs an arm, as in a `match`: a new chart without one does not compile.
/// (The guards are constants of the build, so the compiler drops them with their arms; a guard
/// asked of the chart at run time is not dropped.)
macro_rules! match_built {
    ($id:expr, $other:expr, { $($chart:ident)|+ => $arm:expr, $($($charts:ident)|+ => $arms:expr,)* }) => {{
        let _exhaustive = |c: ChartId| match c {
            $(ChartId::$chart)|+ => (),
            $($(ChartId::$charts)|+ => (),)*
        };
        match $id {
            $(ChartId::$chart)|+ if $(in_build(ChartId::$chart))||+ => $arm,
            $($(ChartId::$charts)|+ if $(in_build(ChartId::$charts))||+ => $arms,)*
            _ => $other,
        }
    }};
}

/// What the reader picked where a chart can show one of several things: which ranking.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pick {
    /// A ranking id; the default ranking where `None` (see [`super::ranking::ranking`]).
    pub ranking: Option<String>,
}

pub fn chart_source_ids(id: ChartId, s: &Snapshot, pick: &Pick) -> Vec<String> {
    match_built!(id, Vec::new(), {
        Headline => unique(s.result_tallies().flat_map(|t| t.sources.clone())),
        Pillars => s
            .pillar_tally()
            .map(|(t, _)| t.sources.clone())
            .unwrap_or_default(),
        Indicators => unique(s.indicators.iter().flat_map(|i| {
            let mut v = i.sources.clone();
            if let Some(r) = &i.result {
                v.extend(r.sources.clone());
            }
            if let Some(g) = &i.goal {
                v.extend(g.sources.clone());
            }
            v
        })),
        Context => unique(charted_context(s).flat_map(|c| c.sources.clone())),
        Followup => followup_source_ids(s),
        Ranking => ranking(s, pick.ranking.as_deref())
            .map(ranking_source_ids)
            .unwrap_or_default(),
        Moves => moves_source_ids(s),
        Averages => averages(s)
            .map(|a| unique(a.points.iter().flat_map(|p| p.sources.clone())))
            .unwrap_or_default(),
    })
}

/// The as-of ids a chart's figures refer to (the charts of rankings and series have years).
pub fn chart_as_of_ids(id: ChartId, s: &Snapshot) -> Vec<String> {
    match_built!(id, Vec::new(), {
        Headline => tallies_latest_first(s)
            .iter()
            .map(|t| t.as_of.clone())
            .collect(),
        Pillars => s
            .pillar_tally()
            .map(|(t, _)| vec![t.as_of.clone()])
            .unwrap_or_default(),
        Indicators => unique(
            s.indicators
                .iter()
                .filter_map(|i| i.result.as_ref().map(|r| r.as_of.clone())),
        ),
        Context => unique(charted_context(s).map(|c| c.as_of.clone())),
        Followup => followup_as_of_ids(s),
        Ranking | Moves | Averages => Vec::new(),
    })
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
            ChartId::Followup => Key::FollowupChartTitle,
            ChartId::Ranking => Key::RankingChartTitle,
            ChartId::Moves => Key::MovesChartTitle,
            ChartId::Averages => Key::AveragesChartTitle,
        },
    )
}

/// The `<title>` of the page (`chart` is `None`) or of the embed of one chart, the same in the
/// pre-rendered HTML and in the app: "Chỉ số · Số liệu chính thức, rõ nguồn",
/// "Indicators met out of assigned · Chỉ số".
pub fn document_title(lang: Lang, chart: Option<ChartId>) -> String {
    match chart {
        Some(id) => format!("{} · {}", chart_title(lang, id), t(lang, Key::AppName)),
        None => page_title(lang, View::Overview),
    }
}

/// The `<title>` of a page of the snapshot: the overview's is the site's.
pub fn page_title(lang: Lang, view: View) -> String {
    match view {
        View::Overview => format!("{} · {}", t(lang, Key::AppName), t(lang, Key::Tagline)),
        View::Ranking => format!("{} · {}", t(lang, Key::PageRanking), t(lang, Key::AppName)),
    }
}

/// The name of a page, in the links between them.
pub fn page_name(lang: Lang, view: View) -> &'static str {
    t(
        lang,
        match view {
            View::Overview => Key::PageOverview,
            View::Ranking => Key::PageRanking,
        },
    )
}

/// One entry of a chart's legend: the series it shows and hides, its label, and the CSS class of
/// its swatch.
#[derive(Debug, Clone, PartialEq)]
pub struct LegendItem {
    pub series: Series,
    pub label: String,
    pub swatch: &'static str,
}

/// The legend of chart `id`, its primary series first: met and assigned for the bar charts; the
/// result year and the goal year for the indicators; the earliest and latest year for the context.
pub fn legend(lang: Lang, id: ChartId, s: &Snapshot) -> Vec<LegendItem> {
    let item = |series, label: String, swatch| LegendItem {
        series,
        label,
        swatch,
    };
    let (primary, secondary, swatches) = match_built!(id, return Vec::new(), {
        Headline | Pillars => (
            t(lang, Key::Met).to_string(),
            t(lang, Key::Assigned).to_string(),
            ["swatch-fill", "swatch-track"],
        ),
        Indicators => {
            let (result, goal) = period_labels(lang, s);
            (result, goal, ["swatch-dot", "swatch-ring"])
        },
        Context => {
            let (first, last) = context_years(s);
            (first, last, ["swatch-dot", "swatch-ring"])
        },
        Followup => {
            let (result, goal) = period_labels(lang, s);
            return vec![
                item(Series::Primary, result, "swatch-dot"),
                item(Series::Secondary, goal, "swatch-ring"),
                item(
                    Series::Tertiary,
                    t(lang, Key::Reported).to_string(),
                    "swatch-square",
                ),
            ];
        },
        Moves => match moves_pair(s) {
            Some((a, b)) => (
                a.year.to_string(),
                b.year.to_string(),
                ["swatch-dot", "swatch-ring"],
            ),
            None => return Vec::new(),
        },
        // One series each: nothing to hide, so no legend.
        Ranking | Averages => return Vec::new(),
    });
    vec![
        LegendItem {
            series: Series::Primary,
            label: primary,
            swatch: swatches[0],
        },
        LegendItem {
            series: Series::Secondary,
            label: secondary,
            swatch: swatches[1],
        },
    ]
}

/// "Kết quả 11 tháng năm 2023", "Mục tiêu 2024" / "Result, first 11 months of 2023", "2024 goal":
/// a result is labelled with its as-of, never with the year alone when it covers part of it.
fn period_labels(lang: Lang, s: &Snapshot) -> (String, String) {
    let (when, gy) = (results_when(lang, s), s.period.goal_year);
    match lang {
        Lang::Vi => (format!("Kết quả {when}"), format!("Mục tiêu {gy}")),
        Lang::En => (format!("Result, {when}"), format!("{gy} goal")),
    }
}

/// The earliest and the latest year of the figures the context chart draws ("" if none).
fn context_years(s: &Snapshot) -> (String, String) {
    let mut years: Vec<i32> = charted_context(s)
        .filter_map(|c| s.as_of.iter().find(|a| a.id == c.as_of).map(|a| a.year))
        .collect();
    crate::order::sort_by_key(&mut years, |y| *y);
    let year = |y: Option<&i32>| y.map_or_else(String::new, |y| y.to_string());
    (year(years.first()), year(years.last()))
}

/// "Thời điểm: 11 tháng năm 2023; cả năm 2023".
pub fn chart_as_of(lang: Lang, id: ChartId, s: &Snapshot, pick: &Pick) -> String {
    match_built!(id, (), {
        Ranking => {
            if let Some(r) = ranking(s, pick.ranking.as_deref()) {
                return ranking_as_of(lang, r);
            }
        },
        Moves => {
            if let Some((a, b)) = moves_pair(s) {
                return format!("{}: {} → {}", t(lang, Key::AsOf), a.year, b.year);
            }
        },
        Averages => {
            if let Some(a) = averages(s) {
                let years: Vec<i32> = a.points.iter().map(|p| p.year).collect();
                if let (Some(f), Some(l)) = (years.first(), years.last()) {
                    return format!("{}: {f}–{l}", t(lang, Key::AsOf));
                }
            }
        },
        // Their as-of ids, as below.
        Headline | Pillars | Indicators | Followup | Context => (),
    });
    let labels: Vec<String> = chart_as_of_ids(id, s)
        .iter()
        .map(|a| as_of_label(lang, s, a))
        .collect();
    format!("{}: {}", t(lang, Key::AsOf), labels.join("; "))
}

/// "Nguồn: title; title".
pub fn chart_source(lang: Lang, id: ChartId, s: &Snapshot, pick: &Pick) -> String {
    source_line(lang, s, &chart_source_ids(id, s, pick))
}

/// The chart's sources as the page links them: title, publisher and date.
pub fn chart_source_refs(lang: Lang, id: ChartId, s: &Snapshot, pick: &Pick) -> Vec<SourceRef> {
    super::source_refs(lang, s, &chart_source_ids(id, s, pick))
}

pub fn chart_summary(lang: Lang, id: ChartId, s: &Snapshot, pick: &Pick) -> String {
    match_built!(id, String::new(), {
        Headline => headline_summary(lang, s),
        Pillars => pillar_summary(lang, s),
        Indicators => indicator_summary(lang, s),
        Context => context_summary(lang, s),
        Followup => followup_summary(lang, s),
        Ranking => ranking(s, pick.ranking.as_deref()).map_or_else(
            || t(lang, Key::NotPublished).to_string(),
            |r| ranking_summary(lang, s, r),
        ),
        Moves => moves_summary(lang, s),
        Averages => averages(s).map_or_else(
            || t(lang, Key::NotPublished).to_string(),
            |a| series_summary(lang, a),
        ),
    })
}

/// What a reader comparing the chart's figures must know, said under it: each year's method for
/// the averages.
pub fn chart_notes(lang: Lang, id: ChartId, s: &Snapshot) -> Vec<String> {
    match_built!(id, Vec::new(), {
        Averages => averages(s)
            .map(|a| super::series::series_notes(lang, a))
            .unwrap_or_default(),
        Headline | Pillars | Indicators | Followup | Context | Ranking | Moves => Vec::new(),
    })
}

/// A chart's numbers as a table, for the "view as table" switch and the CSV download.
pub fn chart_table(lang: Lang, id: ChartId, s: &Snapshot, pick: &Pick) -> Table {
    match_built!(id, Table::default(), {
        Headline => headline_table(lang, s),
        Pillars => pillar_table(lang, s),
        Indicators => indicator_table(lang, s),
        Context => context_table(lang, s),
        Followup => followup_table(lang, s),
        Ranking => ranking(s, pick.ranking.as_deref())
            .map(|r| ranking_table(lang, s, r))
            .unwrap_or_default(),
        Moves => moves_table(lang, s),
        Averages => averages(s)
            .map(|a| series_table(lang, s, a))
            .unwrap_or_default(),
    })
}

/// The chart `id` drawn at `width`, the same in the browser and at build time.
pub fn draw(id: ChartId, lang: Lang, s: &Snapshot, pick: &Pick, width: f64, o: &Options) -> Drawn {
    match_built!(id, bars_chart(&[], width, o), {
        Headline => bars_chart(&headline_rows(lang, s), width, o),
        Pillars => bars_chart(&pillar_rows(lang, s), width, o),
        Indicators => {
            dumbbell_chart(&indicator_rows(lang, s), &percent_ticks(lang), width, o)
        },
        Context => dumbbell_chart(&context_rows(lang, s), &[], width, o),
        Followup => goals_chart(&followup_rows(lang, s), &percent_ticks(lang), width, o),
        Ranking => match ranking(s, pick.ranking.as_deref()) {
            Some(r) => draw_ranking(&ranking_chart(lang, s, r), width, o),
            None => bars_chart(&[], width, o),
        },
        Moves => dumbbell_chart(&moves_rows(lang, s), &moves_ticks(s), width, o),
        Averages => match averages(s) {
            Some(a) => line_chart(
                &series_points(lang, s, a),
                (0.0, 1.0),
                &series_ticks(lang),
                width,
                o,
            ),
            None => bars_chart(&[], width, o),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::present::test_snapshot as snapshot;

    #[test]
    fn the_page_and_each_embed_have_their_title() {
        assert_eq!(
            document_title(Lang::Vi, None),
            "Chỉ số · Số liệu chính thức, rõ nguồn"
        );
        assert_eq!(
            document_title(Lang::En, None),
            "Chỉ số · Official figures, with their sources"
        );
        assert_eq!(
            document_title(Lang::Vi, Some(ChartId::Pillars)),
            "Chỉ tiêu đạt theo trụ cột · Chỉ số"
        );
        assert_eq!(
            document_title(Lang::En, Some(ChartId::Headline)),
            "Indicators met out of assigned · Chỉ số"
        );
        for lang in [Lang::Vi, Lang::En] {
            for id in ChartId::ALL {
                assert_eq!(
                    document_title(lang, Some(id)),
                    format!("{} · {}", chart_title(lang, id), t(lang, Key::AppName))
                );
            }
        }
    }

    /// Each legend as (series, label, swatch).
    fn entries(lang: Lang, id: ChartId) -> Vec<(Series, String, &'static str)> {
        legend(lang, id, &snapshot())
            .into_iter()
            .map(|i| (i.series, i.label, i.swatch))
            .collect()
    }

    fn pair(
        first: &str,
        second: &str,
        swatches: [&'static str; 2],
    ) -> Vec<(Series, String, &'static str)> {
        vec![
            (Series::Primary, first.to_string(), swatches[0]),
            (Series::Secondary, second.to_string(), swatches[1]),
        ]
    }

    #[test]
    fn the_bar_charts_legend_met_against_assigned() {
        let bars = ["swatch-fill", "swatch-track"];
        for id in [ChartId::Headline, ChartId::Pillars] {
            assert_eq!(entries(Lang::Vi, id), pair("Đạt", "Được giao", bars));
            assert_eq!(entries(Lang::En, id), pair("Met", "Assigned", bars));
        }
    }

    #[test]
    fn the_indicator_legend_names_the_result_and_goal_years() {
        let dots = ["swatch-dot", "swatch-ring"];
        assert_eq!(
            entries(Lang::Vi, ChartId::Indicators),
            pair("Kết quả 11 tháng năm 2023", "Mục tiêu 2024", dots)
        );
        assert_eq!(
            entries(Lang::En, ChartId::Indicators),
            pair("Result, first 11 months of 2023", "2024 goal", dots)
        );
    }

    #[test]
    fn the_context_legend_names_the_earliest_and_latest_years() {
        let dots = ["swatch-dot", "swatch-ring"];
        assert_eq!(
            entries(Lang::Vi, ChartId::Context),
            pair("2022", "2023", dots)
        );
        assert_eq!(
            entries(Lang::En, ChartId::Context),
            pair("2022", "2023", dots)
        );
        let mut s = snapshot();
        s.context.clear();
        let labels: Vec<String> = legend(Lang::Vi, ChartId::Context, &s)
            .into_iter()
            .map(|i| i.label)
            .collect();
        assert_eq!(labels, ["", ""]);
    }
}
