//! The names of the charts, for everyone: URLs (`?embed=pillars`, `#chart-pillars`), file names
//! (`…-tru-cot.png`), the figures of the static page and of the app.
//!
//! Pure and below every module that names a chart, so that `present`, `export`, `prerender` and the
//! views all take the name from here rather than from each other.

use crate::i18n::Lang;

/// The charts of the page, each with a stable id (URLs) and a Vietnamese slug (file names).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChartId {
    Headline,
    Pillars,
    Indicators,
    /// Each goal beside its earlier result and what was reported later: were the goals reached?
    Followup,
    Context,
    /// Where the unit stands among the others in one ranking.
    Ranking,
    /// How ranks moved between two years of one grouping.
    Moves,
    /// A figure over the years (the provincial DTI average), with each year's note.
    Averages,
}

impl ChartId {
    pub const ALL: [ChartId; 8] = [
        ChartId::Headline,
        ChartId::Pillars,
        ChartId::Indicators,
        ChartId::Followup,
        ChartId::Context,
        ChartId::Ranking,
        ChartId::Moves,
        ChartId::Averages,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ChartId::Headline => "headline",
            ChartId::Pillars => "pillars",
            ChartId::Indicators => "indicators",
            ChartId::Followup => "followup",
            ChartId::Context => "context",
            ChartId::Ranking => "ranking",
            ChartId::Moves => "moves",
            ChartId::Averages => "averages",
        }
    }

    pub fn parse(s: &str) -> Option<ChartId> {
        ChartId::ALL.into_iter().find(|c| c.as_str() == s)
    }

    /// Vietnamese, unaccented, as Vietnamese newsrooms name files.
    pub fn slug(self) -> &'static str {
        match self {
            ChartId::Headline => "tong-quan",
            ChartId::Pillars => "tru-cot",
            ChartId::Indicators => "chi-tieu",
            ChartId::Followup => "muc-tieu-da-dat-chua",
            ChartId::Context => "dti",
            ChartId::Ranking => "xep-hang-dti",
            ChartId::Moves => "thay-doi-thu-hang",
            ChartId::Averages => "dti-trung-binh",
        }
    }
}

/// The `id` of a chart's `<figure>`: what a link's fragment (`#chart-pillars`) lands on.
///
/// - the app's figure, and the Vietnamese figure of the static page: `chart-pillars`;
/// - the English figure of the static page: `chart-pillars-en`;
/// - an embed page's figures, one per language: `chart-pillars-vi`, `chart-pillars-en`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FigureId {
    pub chart: ChartId,
    /// The language suffix, where a page holds the chart in both languages.
    pub lang: Option<Lang>,
}

impl FigureId {
    const PREFIX: &'static str = "chart-";

    /// The figure a link's `#chart-ID` lands on: the app's, and the static page's Vietnamese one.
    pub fn page(chart: ChartId) -> FigureId {
        FigureId { chart, lang: None }
    }

    /// The static page's figures: the Vietnamese one keeps the app's id, so links land on it.
    pub fn static_page(chart: ChartId, lang: Lang) -> FigureId {
        FigureId {
            chart,
            lang: (lang != Lang::Vi).then_some(lang),
        }
    }

    /// An embed page's figure in `lang`.
    pub fn embed(chart: ChartId, lang: Lang) -> FigureId {
        FigureId {
            chart,
            lang: Some(lang),
        }
    }

    /// `chart-ID`, or `chart-ID-LANG`.
    pub fn parse(s: &str) -> Option<FigureId> {
        let rest = s.strip_prefix(Self::PREFIX)?;
        let (chart, lang) = match rest.split_once('-') {
            Some((c, l)) => (c, Some(Lang::from_tag(l)?)),
            None => (rest, None),
        };
        Some(FigureId {
            chart: ChartId::parse(chart)?,
            lang,
        })
    }
}

impl std::fmt::Display for FigureId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}{}", Self::PREFIX, self.chart.as_str())?;
        if let Some(l) = self.lang {
            write!(f, "-{}", l.tag())?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chart_ids_and_slugs() {
        assert_eq!(ChartId::parse("context"), Some(ChartId::Context));
        assert_eq!(ChartId::parse("nope"), None);
        assert_eq!(ChartId::Pillars.slug(), "tru-cot");
    }

    #[test]
    fn figure_ids_round_trip_and_refuse_what_they_do_not_name() {
        for chart in ChartId::ALL {
            for id in [
                FigureId::page(chart),
                FigureId::static_page(chart, Lang::En),
                FigureId::embed(chart, Lang::Vi),
                FigureId::embed(chart, Lang::En),
            ] {
                assert_eq!(FigureId::parse(&id.to_string()), Some(id));
            }
        }
        assert_eq!(
            FigureId::static_page(ChartId::Pillars, Lang::Vi).to_string(),
            "chart-pillars"
        );
        assert_eq!(
            FigureId::static_page(ChartId::Pillars, Lang::En).to_string(),
            "chart-pillars-en"
        );
        assert_eq!(
            FigureId::embed(ChartId::Context, Lang::Vi).to_string(),
            "chart-context-vi"
        );
        for bad in [
            "pillars",
            "chart-",
            "chart-nope",
            "chart-pillars-fr",
            "chart-pillars-",
        ] {
            assert_eq!(FigureId::parse(bad), None, "{bad}");
        }
    }
}
