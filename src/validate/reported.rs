//! Later observations of a goal (`reported`): each with its sources and an as-of that is
//! listed.

use crate::snapshot::{Goal, Indicator, Reported};

use super::decode::{join_index, join_key};
use super::snapshot::Checker;

impl Checker<'_> {
    /// What every later observation at `rp` needs: a listed as-of, sources, and a note held to
    /// the rules of every text.
    fn reported(&mut self, rp: &str, r: &Reported) {
        self.as_of(rp, &r.as_of);
        if let Some(n) = &r.note {
            self.text(&join_key(rp, "note"), n);
        }
        self.sources(rp, &r.sources);
    }

    /// `p` is the indicator's path (`$.indicators[4]`).
    pub(super) fn indicator_reported(&mut self, p: &str, ind: &Indicator) {
        let list = join_key(p, "reported");
        for (j, r) in ind.reported.iter().enumerate() {
            self.reported(&join_index(&list, j), r);
        }
    }

    /// `p` is the general goal's path (`$.goals[1]`).
    pub(super) fn goal_reported(&mut self, p: &str, goal: &Goal) {
        let list = join_key(p, "reported");
        for (j, r) in goal.reported.iter().enumerate() {
            self.reported(&join_index(&list, j), r);
        }
    }
}
