//! An indicator's figures against what it claims: a status the result and target contradict, a
//! status of met with no result, a goal to maintain what the result has not reached.

use crate::snapshot::{Comparator, Indicator, Status};

use super::decode::join_key;
use super::problem::ProblemKind;
use super::snapshot::Checker;

/// Whether `result` meets `target` as `comparator` reads it: at least (≥), exactly (=), or kept
/// (≥: the value is still reached).
pub(super) fn meets(result: f64, target: f64, comparator: Comparator) -> bool {
    match comparator {
        Comparator::AtLeast | Comparator::Maintain => result >= target,
        Comparator::Equal => result == target,
    }
}

impl Checker<'_> {
    /// `p` is the indicator's path (`$.indicators[4]`).
    pub(super) fn indicator_claims(&mut self, p: &str, ind: &Indicator) {
        let status_path = join_key(p, "status");
        let result_path = join_key(p, "result");
        match (ind.status, &ind.result, &ind.target) {
            (Status::Met, None, _) => self.problems.push(
                &status_path,
                ProblemKind::MetWithoutResult {
                    status_path: status_path.clone(),
                    result_path: result_path.clone(),
                },
            ),
            (status @ (Status::Met | Status::NotMet), Some(r), Some(t))
                if meets(r.value, t.value, t.comparator) != (status == Status::Met) =>
            {
                self.problems.push(
                    &status_path,
                    ProblemKind::StatusContradicts {
                        status,
                        comparator: t.comparator,
                        result: r.value,
                        target: t.value,
                        status_path: status_path.clone(),
                        result_path: join_key(&result_path, "value"),
                        target_path: join_key(&join_key(p, "target"), "value"),
                    },
                );
            }
            _ => {}
        }
        if let (Some(goal), Some(r)) = (&ind.goal, &ind.result) {
            if goal.comparator == Comparator::Maintain && r.value < goal.value {
                let goal_path = join_key(p, "goal");
                self.problems.push(
                    &goal_path,
                    ProblemKind::CannotMaintain {
                        goal: goal.value,
                        result: r.value,
                        goal_path: goal_path.clone(),
                        result_path: join_key(&result_path, "value"),
                    },
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_comparator_reads_the_result_its_own_way() {
        assert!(meets(100.0, 100.0, Comparator::AtLeast));
        assert!(!meets(98.0, 100.0, Comparator::AtLeast));
        assert!(meets(100.0, 100.0, Comparator::Equal));
        assert!(!meets(100.5, 100.0, Comparator::Equal));
        assert!(meets(100.0, 100.0, Comparator::Maintain));
        assert!(!meets(98.0, 100.0, Comparator::Maintain));
    }
}
