//! The snapshot format, version 1: the typed model of one published set of indicator figures.
//!
//! A snapshot is one JSON file under `public/data/`. Everything the page shows comes from it, and
//! every figure in it names its sources and its as-of. Unknown is `null`, never `0`: the types use
//! `Option` wherever a source may be silent, so nothing downstream can mistake "not published" for
//! zero.
//!
//! These types are the single definition of the format: serde decodes them, and the JSON Schema in
//! `public/schema/snapshot-v1.json` is generated from them (`cargo run --bin chiso-schema`).

use serde::{Deserialize, Serialize};

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
    pub result_year: i32,
    pub goal_year: i32,
}

/// When a figure was true: "after 11 months of 2023", "full year 2023".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AsOf {
    pub id: String,
    pub label: Text,
    pub year: i32,
    /// Months of the year covered (1–12); null where the source does not say.
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
    pub met: u32,
    pub assigned: u32,
}

impl Count {
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
    pub met: u32,
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
    #[serde(default)]
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
    #[serde(default)]
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
    #[serde(default)]
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
    #[serde(default)]
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
#[serde(deny_unknown_fields)]
pub struct ContextFigure {
    pub id: String,
    /// Figures sharing a series id are one line over time (the DTI score, 2022 → 2023).
    pub series: String,
    pub name: Text,
    pub unit: Unit,
    pub value: Option<f64>,
    pub qualifier: Option<Qualifier>,
    /// For a rank: how many were ranked.
    pub out_of: Option<u32>,
    /// A requirement the figure is measured against, where the source gives one.
    pub requirement: Option<f64>,
    pub as_of: String,
    pub sources: Vec<String>,
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

/// `public/data/index.json`: every snapshot the app can show.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub schema_version: u32,
    /// The id of the snapshot shown when the URL names none.
    pub default: String,
    pub snapshots: Vec<ManifestEntry>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ManifestEntry {
    pub id: String,
    pub title: Text,
    pub period: Period,
    /// Newest first. Published versions are never edited or removed, so a view pinned to one
    /// keeps showing the same figures.
    pub versions: Vec<SnapshotVersion>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SnapshotVersion {
    /// Short, URL-safe: the first 12 hex digits of the file's SHA-256.
    pub version: String,
    /// Relative to the page: `data/ba-ria-vung-tau-2023.json`.
    pub path: String,
    /// Hex SHA-256 of the file's bytes.
    pub sha256: String,
    /// `YYYY-MM-DD`.
    pub published: String,
}

impl Manifest {
    pub fn entry(&self, id: &str) -> Option<&ManifestEntry> {
        self.snapshots.iter().find(|s| s.id == id)
    }
}

impl ManifestEntry {
    pub fn latest(&self) -> Option<&SnapshotVersion> {
        self.versions.first()
    }

    pub fn version(&self, v: &str) -> Option<&SnapshotVersion> {
        self.versions.iter().find(|x| x.version == v)
    }
}

/// A snapshot and where it came from: its manifest, its entry there and the version loaded.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub manifest: Manifest,
    pub entry: ManifestEntry,
    pub version: SnapshotVersion,
    pub snapshot: Snapshot,
}

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
    #[serde(default)]
    pub code: Option<String>,
    pub name: Text,
    /// The first day it existed, where it was formed by a merger (`YYYY-MM-DD`).
    #[serde(default)]
    pub since: Option<String>,
    /// The last day it existed, where it has since been merged (`YYYY-MM-DD`).
    #[serde(default)]
    pub until: Option<String>,
    /// The unit it became part of (an id in `units`).
    #[serde(default)]
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
    /// How many units it has: what a rank is out of.
    pub size: u32,
    /// The day its units are as of (`YYYY-MM-DD`): every unit it ranks existed then.
    pub as_of: String,
    /// Its units, where a source lists them all. A ranking shows the members it does not rank as
    /// unknown, never drops them.
    #[serde(default)]
    pub members: Vec<String>,
}

/// One published ranking: a year, a grouping, each unit's rank and score as far as sourced.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Ranking {
    pub id: String,
    /// "Xếp hạng DTI cấp tỉnh 2023".
    pub name: Text,
    /// The year the figures are about (DTI 2023 was published in 2025).
    pub year: i32,
    /// A grouping id.
    pub grouping: String,
    /// When the ranking was published (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), where known.
    #[serde(default)]
    pub published: Option<String>,
    /// Scores are DTI values, 0–1.
    pub entries: Vec<RankEntry>,
    /// The mean score of the grouping's units, where published.
    #[serde(default)]
    pub mean: Option<Stat>,
    #[serde(default)]
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
    pub rank: Option<u32>,
    /// Shares its rank with another unit, as the source has it (2022: two provinces 15th).
    #[serde(default)]
    pub tie: bool,
    pub score: Option<f64>,
    /// What a reader must know about this place ("one of the last three; the order is not given").
    #[serde(default)]
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
#[serde(deny_unknown_fields)]
pub struct YearSeries {
    pub id: String,
    pub name: Text,
    pub unit: Unit,
    pub points: Vec<SeriesPoint>,
    /// What a reader comparing the years must know.
    #[serde(default)]
    pub note: Option<Text>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SeriesPoint {
    pub year: i32,
    pub value: Option<f64>,
    /// What changed that year (the method), said on the chart.
    #[serde(default)]
    pub note: Option<Text>,
    pub sources: Vec<String>,
}
