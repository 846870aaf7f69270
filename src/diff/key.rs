//! The name of a figure, or of one field of it, stable across versions, and its one formatter.

use std::fmt;

use crate::snapshot::Pillar;

/// One figure, or one field of it, named stably across versions, and written one way:
/// `indicators[so-hoa-ket-qua-tthc].goal.value`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureKey {
    pub figure: Figure,
    /// None: the figure as a whole (added or removed).
    pub field: Option<Field>,
}

/// A figure, by its stable key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Figure {
    /// The unit the snapshot's unit became part of.
    Successor,
    Source(String),
    /// A tally, by its set (its Vietnamese wording; none for the result year's) and its as-of.
    Tally {
        set: Option<String>,
        as_of: String,
    },
    Indicator(String),
    /// A later observation of an indicator, by its as-of.
    Reported {
        indicator: String,
        as_of: String,
    },
    Goal(String),
    Initiative(String),
    Context(String),
    Ranking(String),
    /// One unit's place in a ranking, by the unit's id.
    Entry {
        ranking: String,
        unit: String,
    },
    Series(String),
    /// A series' value in one year.
    Point {
        series: String,
        year: i32,
    },
}

/// A field of a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Id,
    Name,
    Since,
    Sources,
    Title,
    Url,
    Publisher,
    Date,
    /// A tally's set, its English half (the Vietnamese is the key).
    Set,
    Overall,
    Pillar(Pillar),
    /// An indicator's result, target or goal as a whole: published (set) or not.
    Result,
    ResultValue,
    ResultAsOf,
    Target,
    TargetValue,
    TargetComparator,
    Goal,
    GoalValue,
    GoalComparator,
    Status,
    Value,
    /// The value is the same; the source's word for it ("khoảng", "gần") is not.
    Qualifier,
    Requirement,
    AsOf,
    Text,
    By,
    Description,
    Services,
    Mean,
    /// A rank and whether it is shared.
    Rank,
    Score,
}

impl Field {
    fn path(self) -> &'static str {
        use Field::*;
        match self {
            Id => "id",
            Name => "name",
            Since => "since",
            Sources => "sources",
            Title => "title",
            Url => "url",
            Publisher => "publisher",
            Date => "date",
            Set => "set",
            Overall => "overall",
            Pillar(p) => match p {
                crate::snapshot::Pillar::DigitalGovernment => "pillars.digital_government",
                crate::snapshot::Pillar::DigitalEconomy => "pillars.digital_economy",
                crate::snapshot::Pillar::DigitalSociety => "pillars.digital_society",
            },
            Result => "result",
            ResultValue => "result.value",
            ResultAsOf => "result.as_of",
            Target => "target",
            TargetValue => "target.value",
            TargetComparator => "target.comparator",
            Goal => "goal",
            GoalValue => "goal.value",
            GoalComparator => "goal.comparator",
            Status => "status",
            Value => "value",
            Qualifier => "qualifier",
            Requirement => "requirement",
            AsOf => "as_of",
            Text => "text",
            By => "by",
            Description => "description",
            Services => "services",
            Mean => "mean",
            Rank => "rank",
            Score => "score",
        }
    }
}

impl fmt::Display for Figure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Figure::Successor => f.write_str("unit.successor"),
            Figure::Source(id) => write!(f, "sources[{id}]"),
            Figure::Tally { set: None, as_of } => write!(f, "tallies[{as_of}]"),
            Figure::Tally {
                set: Some(set),
                as_of,
            } => write!(f, "tallies[{set} @ {as_of}]"),
            Figure::Indicator(id) => write!(f, "indicators[{id}]"),
            Figure::Reported { indicator, as_of } => {
                write!(f, "indicators[{indicator}].reported[{as_of}]")
            }
            Figure::Goal(id) => write!(f, "goals[{id}]"),
            Figure::Initiative(id) => write!(f, "initiatives[{id}]"),
            Figure::Context(id) => write!(f, "context[{id}]"),
            Figure::Ranking(id) => write!(f, "rankings[{id}]"),
            Figure::Entry { ranking, unit } => write!(f, "rankings[{ranking}].entries[{unit}]"),
            Figure::Series(id) => write!(f, "series[{id}]"),
            Figure::Point { series, year } => write!(f, "series[{series}].points[{year}]"),
        }
    }
}

impl fmt::Display for FigureKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.field {
            Some(field) => write!(f, "{}.{}", self.figure, field.path()),
            None => write!(f, "{}", self.figure),
        }
    }
}

impl Figure {
    /// This figure as a whole.
    pub fn whole(self) -> FigureKey {
        FigureKey {
            figure: self,
            field: None,
        }
    }

    /// One field of this figure.
    pub fn field(self, field: Field) -> FigureKey {
        FigureKey {
            figure: self,
            field: Some(field),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_written_one_way() {
        let goal = Figure::Indicator("so-hoa-ket-qua-tthc".into()).field(Field::GoalValue);
        assert_eq!(
            goal.to_string(),
            "indicators[so-hoa-ket-qua-tthc].goal.value"
        );
        let set = Some("15 chỉ tiêu".into());
        let tally = Figure::Tally {
            set,
            as_of: "2024-10-15".into(),
        };
        assert_eq!(
            tally
                .field(Field::Pillar(Pillar::DigitalGovernment))
                .to_string(),
            "tallies[15 chỉ tiêu @ 2024-10-15].pillars.digital_government"
        );
        let point = Figure::Point {
            series: "dti".into(),
            year: 2024,
        };
        assert_eq!(point.whole().to_string(), "series[dti].points[2024]");
    }
}
