//! The snapshot format, version 1: the typed model of one published set of indicator figures.
//!
//! A snapshot is one JSON file under `public/data/`. Everything the page shows comes from it, and
//! every figure in it names its sources and its as-of. Unknown is `null`, never `0`: the types use
//! `Option` wherever a source may be silent, so nothing downstream can mistake "not published" for
//! zero.
//!
//! These types are the single definition of the format: serde decodes them, and the JSON Schema in
//! `public/schema/snapshot-v1.json` is generated from them (`cargo run --bin chiso-schema`).
//!
//! Written back (`import::to_pretty_json`), they give the published files' form: a field that may
//! be left out (`#[serde(default)]`) is written only when it says something (a tally's `set`, an
//! entry's `tie: true`), every other field always, `null` included. The schema keeps each such
//! field's default (`schemars(extend("default" = …))`), which schemars would otherwise drop.

use serde::{Deserialize, Serialize};

mod manifest;
mod ranking;

pub use manifest::{Loaded, Manifest, ManifestEntry, SnapshotVersion};
pub use ranking::{Grouping, RankEntry, RankedUnit, Ranking, SeriesPoint, Stat, YearSeries};

/// The one schema version this build reads.
pub const SCHEMA_VERSION: u32 = 1;

/// A text in both languages of the app.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub vi: String,
    pub en: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Snapshot {
    /// Must be 1 for this format.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("const" = SCHEMA_VERSION)))]
    pub schema_version: u32,
    /// Stable id, used in URLs and file names (`ba-ria-vung-tau-2023`).
    pub id: String,
    pub title: Text,
    pub unit: AdminUnit,
    pub period: Period,
    /// The as-of labels that tallies and values refer to by id.
    pub as_of: Vec<AsOf>,
    pub sources: Vec<Source>,
    /// Indicators met out of assigned, for one or more as-ofs.
    pub tallies: Vec<Tally>,
    pub indicators: Vec<Indicator>,
    /// General goals for the goal year that are not a single indicator.
    pub goals: Vec<Goal>,
    /// Local initiatives named by the sources.
    pub initiatives: Vec<Initiative>,
    /// Other figures that give context (index scores, ranks, rates).
    pub context: Vec<ContextFigure>,
    /// What the sources do not say, stated plainly for the reader.
    #[serde(default)]
    pub notes: Vec<Text>,
    /// The units the rankings name (the snapshot's own unit among them, by its `code`).
    #[serde(default)]
    pub units: Vec<RankedUnit>,
    /// The sets of units a ranking ranks (the 63 provinces before the 2025 merger, the 34 after).
    #[serde(default)]
    pub groupings: Vec<Grouping>,
    /// Where the units stood among the others, year by year.
    #[serde(default)]
    pub rankings: Vec<Ranking>,
    /// Figures over the years that are not the unit's own (the provincial DTI average).
    #[serde(default)]
    pub series: Vec<YearSeries>,
}

/// The administrative unit the figures belong to, named as it was at the time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AdminUnit {
    /// Stable id (ISO 3166-2 where one exists: `VN-43`).
    pub id: String,
    pub name: Text,
    /// `province`, `city`, …
    pub level: String,
    /// Where the unit no longer exists: what it became part of, and since when.
    pub successor: Option<Successor>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Successor {
    pub id: String,
    pub name: Text,
    /// `YYYY-MM-DD`.
    pub since: String,
    pub sources: Vec<String>,
}

/// The year the results belong to and the year the goals are set for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Period {
    /// 2000–2100.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = Period::FIRST_YEAR, max = Period::LAST_YEAR)))]
    pub result_year: i32,
    /// 2000–2100, after `result_year`.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = Period::FIRST_YEAR, max = Period::LAST_YEAR)))]
    pub goal_year: i32,
}

impl Period {
    /// The first year a snapshot's figures and goals may belong to (`result_year`, `goal_year`,
    /// every as-of's `year`). The programmes these figures come from began in the 2000s; a year
    /// before is a slip of the keyboard (`203`, `1023`).
    pub const FIRST_YEAR: i32 = 2000;
    /// The last such year: a goal set beyond it is no goal, and `20233` is a slip.
    pub const LAST_YEAR: i32 = 2100;
}

/// When a figure was true: "after 11 months of 2023", "full year 2023".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AsOf {
    pub id: String,
    pub label: Text,
    /// 2000–2100.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = Period::FIRST_YEAR, max = Period::LAST_YEAR)))]
    pub year: i32,
    /// Months of the year covered (1–12); null where the source does not say.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = 1, max = 12)))]
    pub months: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    /// The title as published, in its own language.
    pub title: String,
    /// Null where the original publisher is not known.
    pub publisher: Option<String>,
    /// Only `http:` and `https:` links are accepted.
    pub url: String,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; null where unknown.
    pub date: Option<String>,
    pub note: Option<Text>,
}

/// The three pillars of the national digital-transformation programme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Pillar {
    /// Chính quyền số.
    DigitalGovernment,
    /// Kinh tế số.
    DigitalEconomy,
    /// Xã hội số.
    DigitalSociety,
}

impl Pillar {
    pub const ALL: [Pillar; 3] = [
        Pillar::DigitalGovernment,
        Pillar::DigitalEconomy,
        Pillar::DigitalSociety,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Pillar::DigitalGovernment => "digital_government",
            Pillar::DigitalEconomy => "digital_economy",
            Pillar::DigitalSociety => "digital_society",
        }
    }
}

/// Met out of assigned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Count {
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(max = Count::MAX)))]
    pub met: u32,
    /// At least 1: a tally of nothing assigned counts nothing.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = 1, max = Count::MAX)))]
    pub assigned: u32,
}

impl Count {
    /// The most indicators a tally may count, and the most places a ranking may have (`out_of`).
    /// A province is assigned tens of indicators (39 in 2023) and ranked among 63 provinces (34
    /// since 2025): ten thousand leaves room for any plan or ranking, and refuses a slip such as
    /// `390000` or a stray `4294967295` that would otherwise be drawn as a bar.
    pub const MAX: u32 = 10_000;

    /// Share met, 0–1; `None` when nothing was assigned.
    pub fn rate(self) -> Option<f64> {
        (self.assigned > 0).then(|| f64::from(self.met) / f64::from(self.assigned))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PillarCount {
    pub pillar: Pillar,
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(max = Count::MAX)))]
    pub met: u32,
    /// At least 1: a tally of nothing assigned counts nothing.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = 1, max = Count::MAX)))]
    pub assigned: u32,
}

impl PillarCount {
    pub fn count(self) -> Count {
        Count {
            met: self.met,
            assigned: self.assigned,
        }
    }
}

/// How many indicators were met, at one as-of.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Tally {
    pub as_of: String,
    /// The set of indicators counted, where it is not the set of the result year (the National
    /// Committee's 39 of 2023): "15 chỉ tiêu chính quyền số năm 2024". A tally of another set is
    /// never drawn as a continuation of the result year's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("default" = null)))]
    pub set: Option<Text>,
    /// Met out of assigned, within the set.
    pub overall: Count,
    /// Null where no split by pillar was published.
    pub pillars: Option<Vec<PillarCount>>,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// 0–100.
    Percent,
    Count,
    /// An index score, 0–1.
    Score,
    /// A place in a ranking (see `out_of`).
    Rank,
}

impl Unit {
    pub const ALL: [Unit; 4] = [Unit::Percent, Unit::Count, Unit::Score, Unit::Rank];

    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Percent => "percent",
            Unit::Count => "count",
            Unit::Score => "score",
            Unit::Rank => "rank",
        }
    }

    /// The least and the greatest value a figure in this unit may take, whatever its source says:
    /// a percentage 0–100, a score 0–1, a count 0–4294967295 (figures such as dossiers filed run
    /// to millions), a rank 1–[`Count::MAX`] (and no more than its `out_of`).
    pub fn bounds(self) -> (f64, f64) {
        match self {
            Unit::Percent => (0.0, 100.0),
            Unit::Score => (0.0, 1.0),
            Unit::Count => (0.0, f64::from(u32::MAX)),
            Unit::Rank => (1.0, f64::from(Count::MAX)),
        }
    }

    /// Whether a figure in this unit is a whole number: a count or a rank.
    pub fn is_whole(self) -> bool {
        matches!(self, Unit::Count | Unit::Rank)
    }

    /// For the JSON Schema: on an object that has a `unit`, one `if`/`then` rule per unit that
    /// bounds the figures at `figures` (each a path of property names, `*` for every item of a
    /// list) as [`Unit::bounds`] does, whole numbers for [`Unit::is_whole`] units, and where
    /// `rank_out_of` names a property, a rank requires it (how many were ranked).
    #[cfg(not(target_arch = "wasm32"))]
    fn bound_figures(
        schema: &mut schemars::Schema,
        figures: &[&[&str]],
        rank_out_of: Option<&str>,
    ) {
        use serde_json::{json, Map, Value};
        // Whole bounds are written as integers (`100`, not `100.0`).
        let number = |x: f64| -> Value {
            if x.fract() == 0.0 {
                json!(x as i64)
            } else {
                json!(x)
            }
        };
        let rules: Vec<Value> = Unit::ALL
            .iter()
            .map(|unit| {
                let (min, max) = unit.bounds();
                let mut bound = json!({ "minimum": number(min), "maximum": number(max) });
                if unit.is_whole() {
                    // Not `"type": "integer"`, which would refuse a null value; `multipleOf`
                    // constrains numbers only.
                    bound["multipleOf"] = json!(1);
                }
                let mut then = Map::new();
                if let (Unit::Rank, Some(out_of)) = (unit, rank_out_of) {
                    then.insert("required".into(), json!([out_of]));
                    then.insert(
                        "properties".into(),
                        json!({ out_of: { "type": "integer" } }),
                    );
                }
                for path in figures {
                    let mut at = &mut then;
                    for (i, key) in path.iter().enumerate() {
                        // `*` steps into every item of a list.
                        let slot = if *key == "*" {
                            at.entry("items")
                        } else {
                            let properties = at
                                .entry("properties")
                                .or_insert_with(|| json!({}))
                                .as_object_mut();
                            let Some(properties) = properties else {
                                return json!({});
                            };
                            properties.entry(*key)
                        };
                        let next = slot.or_insert_with(|| {
                            if i + 1 == path.len() {
                                bound.clone()
                            } else {
                                json!({})
                            }
                        });
                        let Some(next) = next.as_object_mut() else {
                            return json!({});
                        };
                        at = next;
                    }
                }
                json!({
                    "if": { "properties": { "unit": { "const": unit.as_str() } } },
                    "then": then,
                })
            })
            .collect();
        schema.insert("allOf".into(), rules.into());
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Met,
    NotMet,
    Unknown,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::NotMet => "not_met",
            Status::Unknown => "unknown",
        }
    }
}

/// How a goal is to be read against its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Comparator {
    /// At least the value (≥).
    AtLeast,
    /// Exactly the value (=).
    Equal,
    /// Keep the value already reached.
    Maintain,
}

/// A measured value, with when it was true and who said so.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Measured {
    pub value: f64,
    pub as_of: String,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Target {
    pub value: f64,
    pub comparator: Comparator,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), schemars(transform = Indicator::bound_figures))]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    pub id: String,
    /// Null where the sources do not say which pillar it belongs to.
    pub pillar: Option<Pillar>,
    pub name: Text,
    pub unit: Unit,
    /// The value in the result year; null where not published.
    pub result: Option<Measured>,
    /// The target set for the result year; null where not published.
    pub target: Option<Target>,
    /// The goal for the goal year; null where none was set.
    pub goal: Option<Target>,
    /// Whether the result-year target was met, as the sources say.
    pub status: Status,
    pub sources: Vec<String>,
    /// Later observations against the goal: was it reached?
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("default" = [])))]
    pub reported: Vec<Reported>,
}

/// A later observation of a goal: what was reported, as of when, and the status against the goal
/// as of then ("100% as of 15/10/2024: met").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Reported {
    /// In the indicator's unit; null where no value for the unit itself is published (the note
    /// then says what is known, such as a city's figure that is not the province's).
    pub value: Option<f64>,
    pub as_of: String,
    /// Against the goal, as of `as_of`; unknown where there is no goal or no value.
    pub status: Status,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("default" = null)))]
    pub note: Option<Text>,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Goal {
    pub id: String,
    pub text: Text,
    pub sources: Vec<String>,
    /// Later observations: was it reached?
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("default" = [])))]
    pub reported: Vec<Reported>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Initiative {
    pub id: String,
    /// Who runs it (a district or commune People's Committee).
    pub by: Text,
    pub name: Text,
    pub description: Text,
    /// The services it covers, as named in the source.
    pub services: Vec<String>,
    pub sources: Vec<String>,
}

/// Whether a published figure is exact or rounded in the source's own words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// "khoảng", about.
    About,
    /// "trên", over.
    Over,
    /// "gần", nearly: just under the value, not about it.
    Nearly,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), schemars(transform = ContextFigure::bound_figures))]
#[serde(deny_unknown_fields)]
pub struct ContextFigure {
    pub id: String,
    /// Figures sharing a series id are one line over time (the DTI score, 2022 → 2023).
    pub series: String,
    pub name: Text,
    pub unit: Unit,
    pub value: Option<f64>,
    pub qualifier: Option<Qualifier>,
    /// For a rank: how many were ranked (1–10000).
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = 1, max = Count::MAX)))]
    pub out_of: Option<u32>,
    /// A requirement the figure is measured against, where the source gives one.
    pub requirement: Option<f64>,
    pub as_of: String,
    pub sources: Vec<String>,
}

impl Indicator {
    /// For the JSON Schema: `result`, `target`, `goal` and `reported` values within their unit's
    /// bounds.
    #[cfg(not(target_arch = "wasm32"))]
    fn bound_figures(schema: &mut schemars::Schema) {
        Unit::bound_figures(
            schema,
            &[
                &["result", "value"],
                &["target", "value"],
                &["goal", "value"],
                &["reported", "*", "value"],
            ],
            None,
        );
    }
}

impl ContextFigure {
    /// For the JSON Schema: `value` and `requirement` within their unit's bounds, and a rank's
    /// `out_of` given.
    #[cfg(not(target_arch = "wasm32"))]
    fn bound_figures(schema: &mut schemars::Schema) {
        Unit::bound_figures(schema, &[&["value"], &["requirement"]], Some("out_of"));
    }
}

impl Snapshot {
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    pub fn as_of_label(&self, id: &str) -> Option<&Text> {
        self.as_of.iter().find(|a| a.id == id).map(|a| &a.label)
    }

    /// The tally shown first: the first one listed.
    pub fn headline(&self) -> Option<&Tally> {
        self.tallies.first()
    }

    /// The most recent tally with a split by pillar.
    pub fn pillar_tally(&self) -> Option<(&Tally, &[PillarCount])> {
        self.result_tallies()
            .find_map(|t| t.pillars.as_deref().map(|p| (t, p)))
    }

    /// The tallies of the result year's indicator set; a later set's (`set`) are not among them.
    pub fn result_tallies(&self) -> impl Iterator<Item = &Tally> {
        self.tallies.iter().filter(|t| t.set.is_none())
    }
}
