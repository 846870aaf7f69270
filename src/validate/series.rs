//! Figures over the years that are not the unit's own (`series`, the provincial DTI average):
//! ids, texts, and every point with its sources.

use crate::snapshot::YearSeries;

use super::decode::{join_index, join_key};
use super::snapshot::Checker;

impl Checker<'_> {
    pub(super) fn series(&mut self, series: &[YearSeries]) {
        self.unique("$.series", series.iter().map(|x| x.id.as_str()));
        for (i, ys) in series.iter().enumerate() {
            let p = join_index("$.series", i);
            self.id(&join_key(&p, "id"), &ys.id);
            self.text(&join_key(&p, "name"), &ys.name);
            let points = join_key(&p, "points");
            for (j, point) in ys.points.iter().enumerate() {
                let pp = join_index(&points, j);
                if let Some(n) = &point.note {
                    self.text(&join_key(&pp, "note"), n);
                }
                self.sources(&pp, &point.sources);
            }
            if let Some(n) = &ys.note {
                self.text(&join_key(&p, "note"), n);
            }
        }
    }
}
