//! A tally against itself: met within assigned, something assigned, counts of a plausible size,
//! and the pillars within the overall tally, summed whether all three are given or only some.

use crate::snapshot::{Count, Pillar, Tally};

use super::decode::{join_index, join_key};
use super::problem::{ProblemKind, TallyPart};
use super::snapshot::Checker;

impl Checker<'_> {
    /// One met-out-of-assigned at `path` (`$.tallies[0].overall`, `$.tallies[0].pillars[1]`).
    fn count(&mut self, path: &str, met: u32, assigned: u32) {
        let assigned_path = join_key(path, "assigned");
        self.plausible(&join_key(path, "met"), met, 0);
        if assigned == 0 {
            self.problems.push(
                &assigned_path,
                ProblemKind::NothingAssigned {
                    path: assigned_path.clone(),
                },
            );
        } else {
            self.plausible(&assigned_path, assigned, 1);
        }
        if met > assigned {
            self.problems.push(
                join_key(path, "met"),
                ProblemKind::MetOverAssigned { met, assigned },
            );
        }
    }

    /// `p` is the tally's path (`$.tallies[0]`).
    pub(super) fn tally(&mut self, p: &str, t: &Tally) {
        let overall_path = join_key(p, "overall");
        self.count(&overall_path, t.overall.met, t.overall.assigned);
        let Some(pillars) = &t.pillars else { return };
        let pillars_path = join_key(p, "pillars");
        let mut seen = Vec::new();
        let (mut met, mut assigned, mut not_met) = (0u64, 0u64, 0u64);
        for (j, pc) in pillars.iter().enumerate() {
            let pp = join_index(&pillars_path, j);
            if seen.contains(&pc.pillar) {
                self.problems.push(
                    join_key(&pp, "pillar"),
                    ProblemKind::DuplicatePillar {
                        pillar: pc.pillar.as_str().into(),
                    },
                );
            } else {
                seen.push(pc.pillar);
            }
            self.count(&pp, pc.met, pc.assigned);
            met += u64::from(pc.met);
            assigned += u64::from(pc.assigned);
            not_met += u64::from(pc.assigned.saturating_sub(pc.met));
        }
        if seen.len() < pillars.len() {
            // A pillar listed twice is reported as such; its sums would say nothing more.
            return;
        }
        let to_u32 = |n: u64| u32::try_from(n).unwrap_or(u32::MAX);
        if seen.len() == Pillar::ALL.len() {
            // A full split adds up to the overall tally exactly.
            if met != u64::from(t.overall.met) || assigned != u64::from(t.overall.assigned) {
                self.problems.push(
                    &pillars_path,
                    ProblemKind::PillarsDoNotAddUp {
                        pillars_met: to_u32(met),
                        pillars_assigned: to_u32(assigned),
                        met: t.overall.met,
                        assigned: t.overall.assigned,
                    },
                );
            }
            return;
        }
        // Some pillars only: those not given add to each sum, never take away, so none of the
        // given pillars' sums can exceed the overall's, met, assigned or not met alike.
        let Count {
            met: o_met,
            assigned: o_assigned,
        } = t.overall;
        for (part, sum, overall, at) in [
            (TallyPart::Met, met, o_met, join_key(&overall_path, "met")),
            (
                TallyPart::Assigned,
                assigned,
                o_assigned,
                join_key(&overall_path, "assigned"),
            ),
            (
                TallyPart::NotMet,
                not_met,
                o_assigned.saturating_sub(o_met),
                overall_path.clone(),
            ),
        ] {
            if sum > u64::from(overall) {
                self.problems.push(
                    &pillars_path,
                    ProblemKind::PillarsExceedOverall {
                        part,
                        sum: to_u32(sum),
                        overall,
                        pillars_path: pillars_path.clone(),
                        overall_path: at,
                    },
                );
            }
        }
    }
}
