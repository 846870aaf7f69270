//! Later observations of a goal (`reported`): each of a year after the result year, with its
//! sources; an indicator's in its unit and with a status that agrees with its goal, as the
//! result-year status agrees with the target; a general goal's with no value, having no unit.

use crate::snapshot::{Goal, Indicator, Reported, Snapshot, Status};

use super::decode::{join_index, join_key};
use super::figures::meets;
use super::problem::ProblemKind;
use super::snapshot::Checker;

impl Checker<'_> {
    /// What every later observation at `rp` needs: an as-of of a later year, sources, and a note
    /// held to the rules of every text.
    fn reported(&mut self, s: &Snapshot, rp: &str, r: &Reported) {
        self.as_of(rp, &r.as_of);
        self.after_result_year(s, &join_key(rp, "as_of"), &r.as_of);
        if let Some(n) = &r.note {
            self.text(&join_key(rp, "note"), n);
        }
        self.sources(rp, &r.sources);
    }

    /// `p` is the indicator's path (`$.indicators[4]`).
    pub(super) fn indicator_reported(&mut self, s: &Snapshot, p: &str, ind: &Indicator) {
        let list = join_key(p, "reported");
        let goal_path = join_key(p, "goal");
        for (j, r) in ind.reported.iter().enumerate() {
            let rp = join_index(&list, j);
            self.reported(s, &rp, r);
            let value_path = join_key(&rp, "value");
            if let Some(v) = r.value {
                self.value(&value_path, ind.unit, v, None);
            }
            let status_path = join_key(&rp, "status");
            match (r.status, r.value, &ind.goal) {
                (Status::Unknown, _, _) => {}
                (status, _, None) => self.problems.push(
                    &status_path,
                    ProblemKind::StatusWithoutGoal {
                        status,
                        status_path: status_path.clone(),
                        goal_path: goal_path.clone(),
                    },
                ),
                (Status::Met, None, Some(_)) => self.problems.push(
                    &status_path,
                    ProblemKind::MetWithoutResult {
                        status_path: status_path.clone(),
                        result_path: value_path,
                    },
                ),
                (status, Some(v), Some(goal))
                    if meets(v, goal.value, goal.comparator) != (status == Status::Met) =>
                {
                    self.problems.push(
                        &status_path,
                        ProblemKind::StatusContradicts {
                            status,
                            comparator: goal.comparator,
                            result: v,
                            target: goal.value,
                            status_path: status_path.clone(),
                            result_path: value_path,
                            target_path: join_key(&goal_path, "value"),
                        },
                    );
                }
                _ => {}
            }
        }
    }

    /// `p` is the general goal's path (`$.goals[1]`).
    pub(super) fn goal_reported(&mut self, s: &Snapshot, p: &str, goal: &Goal) {
        let list = join_key(p, "reported");
        for (j, r) in goal.reported.iter().enumerate() {
            let rp = join_index(&list, j);
            self.reported(s, &rp, r);
            if let Some(value) = r.value {
                let path = join_key(&rp, "value");
                self.problems.push(
                    &path,
                    ProblemKind::ValueWithoutUnit {
                        value,
                        path: path.clone(),
                        goal_path: p.into(),
                    },
                );
            }
        }
    }
}
