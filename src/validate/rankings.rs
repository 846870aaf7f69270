//! Units among others: the units a ranking names, the groupings they are ranked in, and the
//! rankings. Every id is of the form of ids and unique, every text and date held to the rules
//! of all, every figure sourced, and every unit and grouping named is listed.

use std::collections::HashMap;

use crate::snapshot::{Grouping, RankedUnit, Ranking, Snapshot};

use super::decode::{join_index, join_key};
use super::problem::ProblemKind;
use super::snapshot::Checker;
use super::text::shown;

/// Where each id is first listed.
fn index<'a>(ids: impl Iterator<Item = &'a str>) -> HashMap<&'a str, usize> {
    let mut out = HashMap::new();
    for (i, id) in ids.enumerate() {
        out.entry(id).or_insert(i);
    }
    out
}

/// The units of a snapshot with where each is listed (`$.units[k]`).
struct Units<'a> {
    list: &'a [RankedUnit],
    at: HashMap<&'a str, usize>,
}

impl<'a> Units<'a> {
    fn get(&self, id: &str) -> Option<(usize, &'a RankedUnit)> {
        self.at.get(id).map(|&k| (k, &self.list[k]))
    }
}

impl Checker<'_> {
    /// Units, groupings and rankings, in that order.
    pub(super) fn among_others(&mut self, s: &Snapshot) {
        let units = Units {
            list: &s.units,
            at: index(s.units.iter().map(|u| u.id.as_str())),
        };
        self.units(&units);
        self.unique("$.groupings", s.groupings.iter().map(|g| g.id.as_str()));
        for (g, grouping) in s.groupings.iter().enumerate() {
            self.grouping(&units, g, grouping);
        }
        let groupings = index(s.groupings.iter().map(|g| g.id.as_str()));
        self.unique("$.rankings", s.rankings.iter().map(|r| r.id.as_str()));
        for (r, ranking) in s.rankings.iter().enumerate() {
            let p = join_index("$.rankings", r);
            let grouping = groupings
                .get(ranking.grouping.as_str())
                .map(|&g| (g, &s.groupings[g]));
            self.ranking(&units, &p, ranking, grouping);
        }
    }

    fn units(&mut self, units: &Units<'_>) {
        self.unique("$.units", units.list.iter().map(|u| u.id.as_str()));
        for (i, u) in units.list.iter().enumerate() {
            let p = join_index("$.units", i);
            self.id(&join_key(&p, "id"), &u.id);
            if let Some(code) = &u.code {
                self.unit_id(&join_key(&p, "code"), code);
            }
            self.text(&join_key(&p, "name"), &u.name);
            let since_path = join_key(&p, "since");
            let until_path = join_key(&p, "until");
            if let Some(d) = &u.since {
                self.date(&since_path, d);
            }
            if let Some(d) = &u.until {
                self.date(&until_path, d);
            }
            let Some(successor) = &u.successor else {
                continue;
            };
            let path = join_key(&p, "successor");
            if units.get(successor).is_none() {
                self.problems.push(
                    &path,
                    ProblemKind::UnknownUnit {
                        id: shown(successor, 40),
                    },
                );
            }
        }
    }

    fn grouping(&mut self, units: &Units<'_>, g: usize, grouping: &Grouping) {
        let p = join_index("$.groupings", g);
        self.id(&join_key(&p, "id"), &grouping.id);
        self.text(&join_key(&p, "name"), &grouping.name);
        let day_path = join_key(&p, "as_of");
        self.date(&day_path, &grouping.as_of);
        let members_path = join_key(&p, "members");
        for (k, member) in grouping.members.iter().enumerate() {
            let path = join_index(&members_path, k);
            if units.get(member).is_none() {
                self.problems.push(
                    &path,
                    ProblemKind::UnknownUnit {
                        id: shown(member, 40),
                    },
                );
            }
        }
    }

    /// The ranking at `p`, of the grouping listed at `$.groupings[g]` where it resolves.
    fn ranking(
        &mut self,
        units: &Units<'_>,
        p: &str,
        ranking: &Ranking,
        grouping: Option<(usize, &Grouping)>,
    ) {
        self.id(&join_key(p, "id"), &ranking.id);
        self.text(&join_key(p, "name"), &ranking.name);
        if grouping.is_none() {
            self.problems.push(
                join_key(p, "grouping"),
                ProblemKind::UnknownGrouping {
                    id: shown(&ranking.grouping, 40),
                },
            );
        }
        if let Some(d) = &ranking.published {
            self.date(&join_key(p, "published"), d);
        }
        let entries = join_key(p, "entries");
        for (j, entry) in ranking.entries.iter().enumerate() {
            let ep = join_index(&entries, j);
            let unit_path = join_key(&ep, "unit");
            if units.get(&entry.unit).is_none() {
                self.problems.push(
                    &unit_path,
                    ProblemKind::UnknownUnit {
                        id: shown(&entry.unit, 40),
                    },
                );
            }
            if let Some(n) = &entry.note {
                self.text(&join_key(&ep, "note"), n);
            }
            self.sources(&ep, &entry.sources);
        }
        if let Some(mean) = &ranking.mean {
            self.sources(&join_key(p, "mean"), &mean.sources);
        }
        if let Some(n) = &ranking.note {
            self.text(&join_key(p, "note"), n);
        }
        self.sources(p, &ranking.sources);
    }
}
