//! The meaning of a snapshot, once its types are right: ids, dates, ranges, and references
//! between its parts (sources, as-of dates), part by part. Texts and links (`text.rs`), tallies,
//! indicators' claims (`figures.rs`), later observations (`reported.rs`), context figures,
//! units, groupings and rankings (`rankings.rs`), figures over the years (`series.rs`) and time
//! have their own files.

use std::collections::HashSet;

use crate::snapshot::*;

use super::decode::{join_index, join_key};
use super::problem::{ProblemKind, Problems, ID_WHAT};
use super::text::shown;

fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 80
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.')
        && !s.starts_with(['-', '.'])
}

/// The ISO 3166-2 style ids of administrative units also allow upper case (`VN-43`).
fn is_unit_id(s: &str) -> bool {
    !s.is_empty() && s.len() <= 40 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// Collects the problems of meaning, knowing which source and as-of ids exist.
pub(super) struct Checker<'a> {
    pub(super) problems: &'a mut Problems,
    pub(super) sources: HashSet<&'a str>,
    pub(super) as_of: HashSet<&'a str>,
}

impl<'a> Checker<'a> {
    /// A figure's sources: at least one, each listed in `sources`.
    pub(super) fn sources(&mut self, path: &str, ids: &[String]) {
        if ids.is_empty() {
            self.problems
                .push(join_key(path, "sources"), ProblemKind::NoSources);
        }
        self.source_refs(path, ids);
    }

    /// Source ids that must resolve, where none is required (facts that are not figures).
    fn source_refs(&mut self, path: &str, ids: &[String]) {
        let path = join_key(path, "sources");
        for (i, id) in ids.iter().enumerate() {
            if !self.sources.contains(id.as_str()) {
                self.problems.push(
                    join_index(&path, i),
                    ProblemKind::UnknownSource { id: shown(id, 40) },
                );
            }
        }
    }

    pub(super) fn as_of(&mut self, path: &str, id: &str) {
        if !self.as_of.contains(id) {
            self.problems.push(
                join_key(path, "as_of"),
                ProblemKind::UnknownAsOf { id: shown(id, 40) },
            );
        }
    }

    pub(super) fn range(&mut self, path: &str, value: f64, min: f64, max: f64) {
        if !value.is_finite() || value < min || value > max {
            self.problems
                .push(path, ProblemKind::OutOfRange { value, min, max });
        }
    }

    /// A figure within its unit's bounds; a rank also within its `out_of`, given as
    /// `(path, out_of)`.
    pub(super) fn value(
        &mut self,
        path: &str,
        unit: Unit,
        value: f64,
        out_of: Option<(&str, u32)>,
    ) {
        let (min, max) = unit.bounds();
        if !value.is_finite() || value < min || value > max {
            self.range(path, value, min, max);
        } else if unit.is_whole() && value.fract() != 0.0 {
            self.problems.push(
                path,
                ProblemKind::NotWhole {
                    value,
                    unit: unit.as_str(),
                },
            );
        } else if let (Unit::Rank, Some((out_of_path, n))) = (unit, out_of) {
            if value > f64::from(n) {
                self.problems.push(
                    path,
                    ProblemKind::RankOverOutOf {
                        rank: value,
                        out_of: n,
                        rank_path: path.into(),
                        out_of_path: out_of_path.into(),
                    },
                );
            }
        }
    }

    /// A count of indicators (met, assigned) or of ranked places (`out_of`), at most
    /// [`Count::MAX`].
    pub(super) fn plausible(&mut self, path: &str, n: u32, min: u32) {
        if n < min || n > Count::MAX {
            self.range(path, f64::from(n), f64::from(min), f64::from(Count::MAX));
        }
    }

    /// A year the figures or goals may belong to.
    pub(super) fn year(&mut self, path: &str, y: i32) {
        if !(Period::FIRST_YEAR..=Period::LAST_YEAR).contains(&y) {
            self.range(
                path,
                f64::from(y),
                f64::from(Period::FIRST_YEAR),
                f64::from(Period::LAST_YEAR),
            );
        }
    }

    /// The period's years, each in range and the goals' after the results'. `path` is where the
    /// period is (`$.period`, `$.snapshots[0].period`).
    pub(super) fn period(&mut self, path: &str, p: &Period) {
        let result_path = join_key(path, "result_year");
        let goal_path = join_key(path, "goal_year");
        self.year(&result_path, p.result_year);
        self.year(&goal_path, p.goal_year);
        if p.goal_year <= p.result_year {
            self.problems.push(
                &goal_path,
                ProblemKind::GoalYearNotAfter {
                    goal_year: p.goal_year,
                    result_year: p.result_year,
                    goal_path: goal_path.clone(),
                    result_path,
                },
            );
        }
    }

    pub(super) fn date(&mut self, path: &str, d: &str) {
        if crate::format::parse_date(d).is_none() {
            self.problems.push(
                path,
                ProblemKind::BadDate {
                    value: shown(d, 40),
                },
            );
        }
    }

    pub(super) fn id(&mut self, path: &str, id: &str) {
        if !is_id(id) {
            self.problems.push(
                path,
                ProblemKind::BadId {
                    value: shown(id, 40),
                    what: ID_WHAT,
                },
            );
        }
    }

    /// The id of an administrative unit (`VN-43`).
    pub(super) fn unit_id(&mut self, path: &str, id: &str) {
        if !is_unit_id(id) {
            self.problems.push(
                path,
                ProblemKind::BadId {
                    value: shown(id, 40),
                    what: ID_WHAT,
                },
            );
        }
    }

    /// Ids unique within one list.
    pub(super) fn unique<'b>(&mut self, list: &str, ids: impl Iterator<Item = &'b str>) {
        // A map, not a list: a file at the size limit has thousands of ids (linear, not n²).
        let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for (i, id) in ids.enumerate() {
            if let Some(first) = seen.get(id) {
                self.problems.push(
                    format!("{list}[{i}].id"),
                    ProblemKind::DuplicateId {
                        id: shown(id, 40),
                        first: format!("{list}[{first}]"),
                    },
                );
            } else {
                seen.insert(id, i);
            }
        }
    }
}

/// Every check of meaning on a snapshot whose parts all decoded.
/// `AMONG_OTHERS`: whether the parts that place the unit among the others were read (see
/// `parse_snapshot_own`); when not, they are empty and their checks are not compiled in.
pub(super) fn check_snapshot<const AMONG_OTHERS: bool>(s: &Snapshot, problems: &mut Problems) {
    let mut c = Checker {
        problems,
        sources: s.sources.iter().map(|x| x.id.as_str()).collect(),
        as_of: s.as_of.iter().map(|x| x.id.as_str()).collect(),
    };
    c.id("$.id", &s.id);
    c.text("$.title", &s.title);

    c.unit_id("$.unit.id", &s.unit.id);
    c.text("$.unit.name", &s.unit.name);
    c.string("$.unit.level", &s.unit.level);
    if let Some(succ) = &s.unit.successor {
        c.unit_id("$.unit.successor.id", &succ.id);
        c.text("$.unit.successor.name", &succ.name);
        c.date("$.unit.successor.since", &succ.since);
        c.source_refs("$.unit.successor", &succ.sources);
    }
    c.period("$.period", &s.period);

    c.unique("$.as_of", s.as_of.iter().map(|a| a.id.as_str()));
    for (i, a) in s.as_of.iter().enumerate() {
        let p = join_index("$.as_of", i);
        c.id(&join_key(&p, "id"), &a.id);
        c.text(&join_key(&p, "label"), &a.label);
        c.year(&join_key(&p, "year"), a.year);
        if let Some(m) = a.months {
            c.range(&join_key(&p, "months"), f64::from(m), 1.0, 12.0);
        }
    }

    if s.sources.is_empty() {
        c.problems.push("$.sources", ProblemKind::EmptyList);
    }
    c.unique("$.sources", s.sources.iter().map(|x| x.id.as_str()));
    for (i, src) in s.sources.iter().enumerate() {
        let p = join_index("$.sources", i);
        c.id(&join_key(&p, "id"), &src.id);
        c.string(&join_key(&p, "title"), &src.title);
        if let Some(publisher) = &src.publisher {
            c.string(&join_key(&p, "publisher"), publisher);
        }
        c.link(&join_key(&p, "url"), &src.url);
        if let Some(d) = &src.date {
            c.date(&join_key(&p, "date"), d);
        }
        if let Some(n) = &src.note {
            c.text(&join_key(&p, "note"), n);
        }
    }

    if s.tallies.is_empty() {
        c.problems.push("$.tallies", ProblemKind::EmptyList);
    }
    let mut tally_as_of: Vec<(&str, usize)> = Vec::new();
    for (i, t) in s.tallies.iter().enumerate() {
        let p = join_index("$.tallies", i);
        if let Some((_, first)) = tally_as_of.iter().find(|(a, _)| *a == t.as_of) {
            c.problems.push(
                join_key(&p, "as_of"),
                ProblemKind::DuplicateId {
                    id: shown(&t.as_of, 40),
                    first: join_index("$.tallies", *first),
                },
            );
        } else {
            tally_as_of.push((&t.as_of, i));
        }
        c.as_of(&p, &t.as_of);
        if let Some(set) = &t.set {
            c.text(&join_key(&p, "set"), set);
        }
        c.sources(&p, &t.sources);
        c.tally(&p, t);
    }

    c.unique("$.indicators", s.indicators.iter().map(|x| x.id.as_str()));
    for (i, ind) in s.indicators.iter().enumerate() {
        let p = join_index("$.indicators", i);
        c.id(&join_key(&p, "id"), &ind.id);
        c.text(&join_key(&p, "name"), &ind.name);
        c.sources(&p, &ind.sources);
        c.indicator_claims(&p, ind);
        if let Some(r) = &ind.result {
            let rp = join_key(&p, "result");
            c.value(&join_key(&rp, "value"), ind.unit, r.value, None);
            c.as_of(&rp, &r.as_of);
            c.sources(&rp, &r.sources);
        }
        for (key, t) in [("target", &ind.target), ("goal", &ind.goal)] {
            if let Some(t) = t {
                let tp = join_key(&p, key);
                c.value(&join_key(&tp, "value"), ind.unit, t.value, None);
                c.sources(&tp, &t.sources);
            }
        }
        c.indicator_reported(s, &p, ind);
    }

    c.unique("$.goals", s.goals.iter().map(|x| x.id.as_str()));
    for (i, g) in s.goals.iter().enumerate() {
        let p = join_index("$.goals", i);
        c.id(&join_key(&p, "id"), &g.id);
        c.text(&join_key(&p, "text"), &g.text);
        c.sources(&p, &g.sources);
        c.goal_reported(s, &p, g);
    }

    c.unique("$.initiatives", s.initiatives.iter().map(|x| x.id.as_str()));
    for (i, ini) in s.initiatives.iter().enumerate() {
        let p = join_index("$.initiatives", i);
        c.id(&join_key(&p, "id"), &ini.id);
        c.text(&join_key(&p, "by"), &ini.by);
        c.text(&join_key(&p, "name"), &ini.name);
        c.text(&join_key(&p, "description"), &ini.description);
        for (j, svc) in ini.services.iter().enumerate() {
            c.string(&join_index(&join_key(&p, "services"), j), svc);
        }
        c.sources(&p, &ini.sources);
    }

    c.context(&s.context);

    for (i, n) in s.notes.iter().enumerate() {
        c.text(&join_index("$.notes", i), n);
    }

    if AMONG_OTHERS {
        c.among_others(s);
        c.series(&s.series);
    }

    c.time(s);
}
