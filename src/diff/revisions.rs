//! Within one snapshot, the successive as-ofs of one figure.

use super::{context_value, number, Value};
use crate::snapshot::{Snapshot, Text};

/// The figure whose as-ofs a [`Revision`] follows.
#[derive(Debug, Clone, PartialEq)]
pub enum Revised {
    /// The tallies of one set (none: the result year's).
    Tallies { set: Option<Text> },
    /// An indicator's result, then its later reports.
    Indicator { id: String },
    /// The context figures of one series.
    Context { series: String },
}

/// One as-of of a figure: its value then (none where unknown), and who said so.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub value: Option<Value>,
    pub as_of: String,
    pub sources: Vec<String>,
}

/// Within one snapshot, the successive as-ofs of one figure: 33/39 after 11 months, 35/39 for the
/// year. Two or more steps, earliest first.
#[derive(Debug, Clone, PartialEq)]
pub struct Revision {
    pub of: Revised,
    pub steps: Vec<Step>,
}

/// Every figure of `s` given at more than one as-of: the tallies of each set ordered by as-of (a
/// tally of another set is never a step of the result year's), each indicator's result then its
/// reports, each context series with several figures.
pub fn revisions(s: &Snapshot) -> Vec<Revision> {
    let mut out = Vec::new();
    let mut sets: Vec<Option<&Text>> = Vec::new();
    for t in &s.tallies {
        if !sets.contains(&t.set.as_ref()) {
            sets.push(t.set.as_ref());
        }
    }
    for set in sets {
        let steps = s
            .tallies
            .iter()
            .filter(|t| t.set.as_ref() == set)
            .map(|t| Step {
                value: Some(Value::Count(t.overall)),
                as_of: t.as_of.clone(),
                sources: t.sources.clone(),
            });
        push(
            &mut out,
            s,
            Revised::Tallies { set: set.cloned() },
            steps.collect(),
        );
    }
    for i in &s.indicators {
        let result = i.result.iter().map(|r| Step {
            value: Some(number(r.value, i.unit)),
            as_of: r.as_of.clone(),
            sources: r.sources.clone(),
        });
        let mut reported: Vec<Step> = i
            .reported
            .iter()
            .map(|r| Step {
                value: r.value.map(|v| number(v, i.unit)),
                as_of: r.as_of.clone(),
                sources: r.sources.clone(),
            })
            .collect();
        reported.sort_by_key(|step| when(s, &step.as_of));
        let steps = result.chain(reported).collect::<Vec<_>>();
        if steps.len() >= 2 {
            out.push(Revision {
                of: Revised::Indicator { id: i.id.clone() },
                steps,
            });
        }
    }
    let mut series: Vec<&str> = Vec::new();
    for c in &s.context {
        if !series.contains(&c.series.as_str()) {
            series.push(&c.series);
        }
    }
    for id in series {
        let steps = s.context.iter().filter(|c| c.series == id).map(|c| Step {
            value: context_value(c),
            as_of: c.as_of.clone(),
            sources: c.sources.clone(),
        });
        let of = Revised::Context {
            series: id.to_string(),
        };
        push(&mut out, s, of, steps.collect());
    }
    out
}

/// Keeps a figure with two or more steps, ordered by as-of (equal as-ofs keep the file's order).
fn push(out: &mut Vec<Revision>, s: &Snapshot, of: Revised, mut steps: Vec<Step>) {
    if steps.len() >= 2 {
        steps.sort_by_key(|step| when(s, &step.as_of));
        out.push(Revision { of, steps });
    }
}

/// When an as-of ends: the end of its last month where its months are given, its day where its id
/// is a date, else the start of its year.
fn when(s: &Snapshot, id: &str) -> (i32, u32, u32) {
    let Some(a) = s.as_of.iter().find(|a| a.id == id) else {
        return (i32::MIN, 0, 0);
    };
    if let Some(m) = a.months {
        return (a.year, m, 31);
    }
    let mut parts = id.split('-');
    let day = match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some(y), Some(m), Some(d), None) if y.len() == 4 && m.len() == 2 && d.len() == 2 => y
            .parse::<i32>()
            .ok()
            .zip(m.parse().ok())
            .zip(d.parse().ok()),
        _ => None,
    };
    match day {
        Some(((y, m), d)) if y == a.year => (y, m, d),
        _ => (a.year, 0, 0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn as_ofs_are_ordered_by_when_they_end() {
        // Decoded without the validator, which stands above this floor.
        let bytes = include_bytes!("../../public/data/ba-ria-vung-tau-2023.json");
        let s: Snapshot = serde_json::from_slice(bytes).expect("decodes");
        assert!(when(&s, "2023-11m") < when(&s, "2023-fy"));
        assert!(when(&s, "2023-fy") < when(&s, "2024-01-29"));
        assert!(when(&s, "2024-01-29") < when(&s, "2024-10-15"));
        assert_eq!(when(&s, "no-such-as-of").0, i32::MIN);
    }
}
