//! Context figures: each within its unit's bounds, a rank within its `out_of`, and a series that
//! is one line over time: one unit throughout, one figure per as-of.

use crate::snapshot::{ContextFigure, Unit};

use super::decode::{join_index, join_key};
use super::problem::ProblemKind;
use super::snapshot::Checker;
use super::text::shown;

impl Checker<'_> {
    pub(super) fn context(&mut self, figures: &[ContextFigure]) {
        self.unique("$.context", figures.iter().map(|x| x.id.as_str()));
        for (i, cf) in figures.iter().enumerate() {
            let p = join_index("$.context", i);
            self.id(&join_key(&p, "id"), &cf.id);
            self.id(&join_key(&p, "series"), &cf.series);
            self.text(&join_key(&p, "name"), &cf.name);
            let out_of_path = join_key(&p, "out_of");
            match (cf.unit, cf.out_of) {
                (_, Some(n)) => self.plausible(&out_of_path, n, 1),
                (Unit::Rank, None) => self.problems.push(
                    &out_of_path,
                    ProblemKind::RankWithoutOutOf {
                        unit_path: join_key(&p, "unit"),
                        out_of_path: out_of_path.clone(),
                    },
                ),
                _ => {}
            }
            let out_of = cf.out_of.map(|n| (out_of_path.as_str(), n));
            if let Some(v) = cf.value {
                self.value(&join_key(&p, "value"), cf.unit, v, out_of);
            }
            if let Some(r) = cf.requirement {
                self.value(&join_key(&p, "requirement"), cf.unit, r, out_of);
            }
            self.as_of(&p, &cf.as_of);
            self.sources(&p, &cf.sources);

            // The figures of a series before this one: one unit, one figure per as-of.
            let earlier = figures[..i].iter().enumerate();
            let same_series: Vec<_> = earlier.filter(|(_, e)| e.series == cf.series).collect();
            if let Some((j, first)) = same_series.iter().find(|(_, e)| e.unit != cf.unit) {
                self.problems.push(
                    join_key(&p, "unit"),
                    ProblemKind::SeriesMixesUnits {
                        series: shown(&cf.series, 40),
                        unit: cf.unit.as_str(),
                        first_unit: first.unit.as_str(),
                        path: join_key(&p, "unit"),
                        first_path: join_key(&join_index("$.context", *j), "unit"),
                    },
                );
            }
            if let Some((j, _)) = same_series.iter().find(|(_, e)| e.as_of == cf.as_of) {
                self.problems.push(
                    join_key(&p, "as_of"),
                    ProblemKind::DuplicateSeriesPoint {
                        series: shown(&cf.series, 40),
                        as_of: shown(&cf.as_of, 40),
                        path: join_key(&p, "as_of"),
                        first_path: join_key(&join_index("$.context", *j), "as_of"),
                    },
                );
            }
        }
    }
}
