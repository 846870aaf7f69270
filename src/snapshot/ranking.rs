//! Units among others: the units a ranking names with their validity, the groupings they are
//! ranked in, the rankings year by year, and figures over the years.

use serde::{Deserialize, Serialize};

use super::{Text, Unit};

/// A unit a ranking names, as it was: its name then, when it ceased to exist and what it became
/// part of. Units of the two groupings (before and after the 2025 merger) are different units, even
/// where the name is the same, so no figure is ever compared across them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RankedUnit {
    /// Stable id (`ba-ria-vung-tau`).
    pub id: String,
    /// The ISO 3166-2 code where one is known (`VN-43`): how the snapshot's own unit is found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("default" = null)))]
    pub code: Option<String>,
    pub name: Text,
    /// The first day it existed, where it was formed by a merger (`YYYY-MM-DD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("default" = null)))]
    pub since: Option<String>,
    /// The last day it existed, where it has since been merged (`YYYY-MM-DD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("default" = null)))]
    pub until: Option<String>,
    /// The unit it became part of (an id in `units`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("default" = null)))]
    pub successor: Option<String>,
}

/// The set of units a ranking ranks, as they were on one day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Grouping {
    pub id: String,
    /// "63 tỉnh, thành phố (trước sáp nhập 2025)".
    pub name: Text,
    /// How many units it has (1–1000): what a rank is out of.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = 1, max = Grouping::MAX_SIZE)))]
    pub size: u32,
    /// The day its units are as of (`YYYY-MM-DD`): every unit it ranks existed then.
    pub as_of: String,
    /// Its units, where a source lists them all. A ranking shows the members it does not rank as
    /// unknown, never drops them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("default" = [])))]
    pub members: Vec<String>,
}

impl Grouping {
    /// The most units a grouping may have: Vietnam has 63 provinces (34 since 2025) and some
    /// seven hundred districts; a thousand leaves room for any of these and refuses a slip such as
    /// `6300`.
    pub const MAX_SIZE: u32 = 1000;
}

/// One published ranking: a year, a grouping, each unit's rank and score as far as sourced.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), schemars(transform = Ranking::bound_mean))]
#[serde(deny_unknown_fields)]
pub struct Ranking {
    pub id: String,
    /// "Xếp hạng DTI cấp tỉnh 2023".
    pub name: Text,
    /// The year the figures are about (DTI 2023 was published in 2025), 2000–2100.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = super::Period::FIRST_YEAR, max = super::Period::LAST_YEAR)))]
    pub year: i32,
    /// A grouping id.
    pub grouping: String,
    /// When the ranking was published (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("default" = null)))]
    pub published: Option<String>,
    /// Scores are DTI values, 0–1.
    pub entries: Vec<RankEntry>,
    /// The mean score of the grouping's units (0–1), where published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("default" = null)))]
    pub mean: Option<Stat>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("default" = null)))]
    pub note: Option<Text>,
    pub sources: Vec<String>,
}

/// One unit's place in a ranking. Either figure may be unknown (null), never 0.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RankEntry {
    /// A unit id.
    pub unit: String,
    /// 1 to the grouping's `size`.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = 1, max = super::Count::MAX)))]
    pub rank: Option<u32>,
    /// Shares its rank with another unit, as the source has it (2022: two provinces 15th).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("default" = false)))]
    pub tie: bool,
    /// A DTI value, 0–1.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = 0, max = 1)))]
    pub score: Option<f64>,
    /// What a reader must know about this place ("one of the last three; the order is not given").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("default" = null)))]
    pub note: Option<Text>,
    pub sources: Vec<String>,
}

/// A single published value with its sources.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Stat {
    pub value: f64,
    pub sources: Vec<String>,
}

/// A figure over the years (the provincial DTI average, 2020–2024).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), schemars(transform = YearSeries::bound_figures))]
#[serde(deny_unknown_fields)]
pub struct YearSeries {
    pub id: String,
    pub name: Text,
    pub unit: Unit,
    pub points: Vec<SeriesPoint>,
    /// What a reader comparing the years must know.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("default" = null)))]
    pub note: Option<Text>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SeriesPoint {
    /// 2000–2100, once in a series.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = super::Period::FIRST_YEAR, max = super::Period::LAST_YEAR)))]
    pub year: i32,
    /// In the series' unit.
    pub value: Option<f64>,
    /// What changed that year (the method), said on the chart.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("default" = null)))]
    pub note: Option<Text>,
    pub sources: Vec<String>,
}

impl Ranking {
    /// For the JSON Schema: the mean, a score, within a score's bounds (0–1).
    #[cfg(not(target_arch = "wasm32"))]
    fn bound_mean(schema: &mut schemars::Schema) {
        let (min, max) = Unit::Score.bounds();
        let bound = serde_json::json!({ "minimum": min as i64, "maximum": max as i64 });
        schema.insert(
            "allOf".into(),
            serde_json::json!([{ "properties": { "mean": { "properties": { "value": bound } } } }]),
        );
    }
}

impl YearSeries {
    /// For the JSON Schema: every point's value within the series unit's bounds.
    #[cfg(not(target_arch = "wasm32"))]
    fn bound_figures(schema: &mut schemars::Schema) {
        Unit::bound_figures(schema, &[&["points", "*", "value"]], None);
    }
}
