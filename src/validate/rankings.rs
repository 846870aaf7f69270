//! Units among others: the units a ranking names and the days each existed, the groupings they are
//! ranked in, and the rankings. Every reference resolves; a unit is ranked only in a grouping of
//! units of its day (the former province is not among the 34 after the merger, the merged city
//! not among the 63 before it); one ranking per grouping and year; a rank within the grouping's
//! size, unique unless the source gives a tie.

use std::collections::{HashMap, HashSet};

use crate::snapshot::{Count, Grouping, RankedUnit, Ranking, Snapshot, Unit};

use super::decode::{join_index, join_key};
use super::problem::ProblemKind;
use super::snapshot::Checker;
use super::text::shown;
use super::time::days;

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
        let mut seen: Vec<(i32, &str, usize)> = Vec::new();
        for (r, ranking) in s.rankings.iter().enumerate() {
            let p = join_index("$.rankings", r);
            let grouping = groupings
                .get(ranking.grouping.as_str())
                .map(|&g| (g, &s.groupings[g]));
            let key = (ranking.year, ranking.grouping.as_str());
            if let Some((.., first)) = seen.iter().find(|(y, g, _)| (*y, *g) == key) {
                self.problems.push(
                    &p,
                    ProblemKind::DuplicateRanking {
                        year: ranking.year,
                        grouping: shown(&ranking.grouping, 40),
                        path: p.clone(),
                        first_path: join_index("$.rankings", *first),
                    },
                );
            } else {
                seen.push((key.0, key.1, r));
            }
            self.ranking(&units, &p, ranking, grouping);
        }
    }

    fn units(&mut self, units: &Units<'_>) {
        self.unique("$.units", units.list.iter().map(|u| u.id.as_str()));
        // A code names one unit, as an id does: two units under one code would be read as one.
        let mut codes: HashMap<&str, usize> = HashMap::new();
        for (i, u) in units.list.iter().enumerate() {
            let Some(code) = u.code.as_deref() else {
                continue;
            };
            match codes.get(code) {
                Some(first) => self.problems.push(
                    format!("$.units[{i}].code"),
                    ProblemKind::DuplicateId {
                        id: shown(code, 40),
                        first: format!("$.units[{first}].code"),
                    },
                ),
                None => {
                    codes.insert(code, i);
                }
            }
        }
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
            // Dates to the month or the year are read in the unit's favour: a contradiction is
            // one whatever day they mean.
            let since = u.since.as_deref().and_then(days);
            let until = u.until.as_deref().and_then(days);
            if let (Some(since_days), Some(until_days), Some(s), Some(t)) =
                (since, until, &u.since, &u.until)
            {
                if until_days.1 < since_days.0 {
                    self.problems.push(
                        &until_path,
                        ProblemKind::UntilBeforeSince {
                            since: s.clone(),
                            until: t.clone(),
                            since_path: since_path.clone(),
                            until_path: until_path.clone(),
                        },
                    );
                }
            }
            let Some(successor) = &u.successor else {
                continue;
            };
            let path = join_key(&p, "successor");
            if *successor == u.id {
                self.problems.push(
                    &path,
                    ProblemKind::OwnSuccessor {
                        id: shown(successor, 40),
                        path: path.clone(),
                    },
                );
                continue;
            }
            let Some((k, next)) = units.get(successor) else {
                self.problems.push(
                    &path,
                    ProblemKind::UnknownUnit {
                        id: shown(successor, 40),
                    },
                );
                continue;
            };
            let next_since = next.since.as_deref().and_then(days);
            if let (Some(next_days), Some(until_days), Some(s), Some(t)) =
                (next_since, until, &next.since, &u.until)
            {
                if next_days.1 <= until_days.0 {
                    self.problems.push(
                        &path,
                        ProblemKind::SuccessorNotAfter {
                            successor: shown(successor, 40),
                            since: s.clone(),
                            until: t.clone(),
                            path: path.clone(),
                            since_path: join_key(&join_index("$.units", k), "since"),
                            until_path: until_path.clone(),
                        },
                    );
                }
            }
        }
    }

    /// Whether `unit` (listed at `$.units[k]`) existed on `day`, the day of the grouping at
    /// `day_path`; the problem, if not, at `path`. Dates to the month or the year are read in the
    /// unit's favour.
    fn existed_on(
        &mut self,
        path: &str,
        (k, unit): (usize, &RankedUnit),
        day: &str,
        day_path: &str,
    ) {
        let Some((first, last)) = days(day) else {
            return; // Not a date: reported as such.
        };
        let since = unit
            .since
            .as_deref()
            .filter(|d| days(d).is_some_and(|(since, _)| last < since));
        let until = unit
            .until
            .as_deref()
            .filter(|d| days(d).is_some_and(|(_, until)| first > until));
        let (limit, after_until) = match (since, until) {
            (Some(d), _) => (d, false),
            (None, Some(d)) => (d, true),
            (None, None) => return,
        };
        let key = if after_until { "until" } else { "since" };
        self.problems.push(
            path,
            ProblemKind::UnitNotValidOn {
                unit: shown(&unit.id, 40),
                day: day.into(),
                limit: limit.into(),
                after_until,
                path: path.into(),
                day_path: day_path.into(),
                limit_path: join_key(&join_index("$.units", k), key),
            },
        );
    }

    fn grouping(&mut self, units: &Units<'_>, g: usize, grouping: &Grouping) {
        let p = join_index("$.groupings", g);
        self.id(&join_key(&p, "id"), &grouping.id);
        self.text(&join_key(&p, "name"), &grouping.name);
        let size_path = join_key(&p, "size");
        if !(1..=Grouping::MAX_SIZE).contains(&grouping.size) {
            self.range(
                &size_path,
                f64::from(grouping.size),
                1.0,
                f64::from(Grouping::MAX_SIZE),
            );
        }
        let day_path = join_key(&p, "as_of");
        self.date(&day_path, &grouping.as_of);
        let members_path = join_key(&p, "members");
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (k, member) in grouping.members.iter().enumerate() {
            let path = join_index(&members_path, k);
            if let Some(first) = seen.get(member.as_str()) {
                self.problems.push(
                    &path,
                    ProblemKind::DuplicateId {
                        id: shown(member, 40),
                        first: join_index(&members_path, *first),
                    },
                );
                continue;
            }
            seen.insert(member, k);
            match units.get(member) {
                Some(unit) => self.existed_on(&path, unit, &grouping.as_of, &day_path),
                None => self.problems.push(
                    &path,
                    ProblemKind::UnknownUnit {
                        id: shown(member, 40),
                    },
                ),
            }
        }
        let listed = grouping.members.len();
        if listed > 0 && u32::try_from(listed).ok() != Some(grouping.size) {
            self.problems.push(
                &members_path,
                ProblemKind::MembersNotSize {
                    listed,
                    size: grouping.size,
                    members_path: members_path.clone(),
                    size_path,
                },
            );
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
        self.year(&join_key(p, "year"), ranking.year);
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
        let mut seen: HashMap<&str, usize> = HashMap::new();
        // Looked up once per entry: a set, so a grouping of hundreds of members stays linear.
        let members: HashSet<&str> = grouping
            .map(|(_, g)| g.members.iter().map(String::as_str).collect())
            .unwrap_or_default();
        for (j, entry) in ranking.entries.iter().enumerate() {
            let ep = join_index(&entries, j);
            let unit_path = join_key(&ep, "unit");
            if let Some(first) = seen.get(entry.unit.as_str()) {
                self.problems.push(
                    &unit_path,
                    ProblemKind::DuplicateId {
                        id: shown(&entry.unit, 40),
                        first: join_index(&entries, *first),
                    },
                );
            } else {
                seen.insert(&entry.unit, j);
            }
            match (units.get(&entry.unit), grouping) {
                (None, _) => self.problems.push(
                    &unit_path,
                    ProblemKind::UnknownUnit {
                        id: shown(&entry.unit, 40),
                    },
                ),
                (Some(_), Some((g, grouping))) if !grouping.members.is_empty() => {
                    // The members' own days are checked with the grouping.
                    if !members.contains(entry.unit.as_str()) {
                        self.problems.push(
                            &unit_path,
                            ProblemKind::NotAMember {
                                unit: shown(&entry.unit, 40),
                                path: unit_path.clone(),
                                members_path: join_key(&join_index("$.groupings", g), "members"),
                            },
                        );
                    }
                }
                (Some(unit), Some((g, grouping))) => {
                    let day_path = join_key(&join_index("$.groupings", g), "as_of");
                    self.existed_on(&unit_path, unit, &grouping.as_of, &day_path);
                }
                (Some(_), None) => {}
            }
            if let Some(rank) = entry.rank {
                let rank_path = join_key(&ep, "rank");
                if rank == 0 || rank > Count::MAX {
                    self.plausible(&rank_path, rank, 1);
                } else if let Some((g, grouping)) = grouping.filter(|(_, gr)| {
                    // A size out of range is reported as such; no rank is measured against it.
                    (1..=Grouping::MAX_SIZE).contains(&gr.size) && rank > gr.size
                }) {
                    self.problems.push(
                        &rank_path,
                        ProblemKind::RankOverOutOf {
                            rank: f64::from(rank),
                            out_of: grouping.size,
                            rank_path: rank_path.clone(),
                            out_of_path: join_key(&join_index("$.groupings", g), "size"),
                        },
                    );
                }
            }
            if let Some(score) = entry.score {
                self.value(&join_key(&ep, "score"), Unit::Score, score, None);
            }
            if let Some(n) = &entry.note {
                self.text(&join_key(&ep, "note"), n);
            }
            self.sources(&ep, &entry.sources);
        }
        self.ties(&entries, ranking);
        if let Some(mean) = &ranking.mean {
            let mp = join_key(p, "mean");
            self.value(&join_key(&mp, "value"), Unit::Score, mean.value, None);
            self.sources(&mp, &mean.sources);
        }
        if let Some(n) = &ranking.note {
            self.text(&join_key(p, "note"), n);
        }
        self.sources(p, &ranking.sources);
    }

    /// Ranks are unique within a ranking unless tied: entries sharing a rank all say `tie`, and
    /// an entry that says `tie` shares its rank with another. `entries` is their path.
    fn ties(&mut self, entries: &str, ranking: &Ranking) {
        // The entries of each rank, in order, found once (not a scan per entry).
        let mut by_rank: HashMap<u32, Vec<usize>> = HashMap::new();
        for (k, e) in ranking.entries.iter().enumerate() {
            if let Some(rank) = e.rank {
                by_rank.entry(rank).or_default().push(k);
            }
        }
        for (j, entry) in ranking.entries.iter().enumerate() {
            let ep = join_index(entries, j);
            let tie_path = join_key(&ep, "tie");
            let other = entry.rank.and_then(|rank| {
                by_rank
                    .get(&rank)?
                    .iter()
                    .find(|&&k| k != j)
                    .map(|&k| (rank, k))
            });
            match (other, entry.tie) {
                (Some((rank, k)), false) => {
                    let rank_path = join_key(&ep, "rank");
                    self.problems.push(
                        &rank_path,
                        ProblemKind::SharedRankWithoutTie {
                            rank,
                            path: rank_path.clone(),
                            other_path: join_key(&join_index(entries, k), "rank"),
                            tie_path,
                        },
                    );
                }
                (None, true) => self.problems.push(
                    &tie_path,
                    ProblemKind::TieAlone {
                        rank: entry.rank,
                        tie_path: tie_path.clone(),
                        entries_path: entries.into(),
                    },
                ),
                _ => {}
            }
        }
    }
}
