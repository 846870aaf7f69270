//! Figures over the years that are not the unit's own (`series`, the provincial DTI average):
//! each year in range and once in its series, each value within the series' unit, counts and
//! ranks whole, every point with its sources.

use crate::snapshot::YearSeries;

use super::decode::{join_index, join_key};
use super::problem::ProblemKind;
use super::snapshot::Checker;
use super::text::shown;

impl Checker<'_> {
    pub(super) fn series(&mut self, series: &[YearSeries]) {
        self.unique("$.series", series.iter().map(|x| x.id.as_str()));
        for (i, ys) in series.iter().enumerate() {
            let p = join_index("$.series", i);
            self.id(&join_key(&p, "id"), &ys.id);
            self.text(&join_key(&p, "name"), &ys.name);
            let points = join_key(&p, "points");
            let mut seen: Vec<(i32, usize)> = Vec::new();
            for (j, point) in ys.points.iter().enumerate() {
                let pp = join_index(&points, j);
                let year_path = join_key(&pp, "year");
                self.year(&year_path, point.year);
                if let Some((_, first)) = seen.iter().find(|(y, _)| *y == point.year) {
                    self.problems.push(
                        &year_path,
                        ProblemKind::DuplicateSeriesPoint {
                            series: shown(&ys.id, 40),
                            as_of: point.year.to_string(),
                            path: year_path.clone(),
                            first_path: join_key(&join_index(&points, *first), "year"),
                        },
                    );
                } else {
                    seen.push((point.year, j));
                }
                if let Some(v) = point.value {
                    self.value(&join_key(&pp, "value"), ys.unit, v, None);
                }
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
