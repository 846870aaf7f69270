//! When the figures were true, against the snapshot's period: tallies and results of the result
//! year, later observations of a later year, and a successor that came after the figures it
//! follows; sources dated no later than the version that cites them was published; and the days a
//! date may mean, for comparing dates written to the day, the month or the year.

use crate::format::parse_date;
use crate::snapshot::{AsOf, Snapshot};

use super::decode::{join_index, join_key};
use super::problem::{ProblemKind, Problems};
use super::snapshot::Checker;
use super::text::shown;

/// A day as `(year, month, day)`, compared in that order.
pub(super) type Day = (u32, u32, u32);

/// The first and the last day a date may mean: `2025` runs from 2025-01-01 to 2025-12-31,
/// `2025-06` from 2025-06-01 to 2025-06-31 (no real day of a month comes after its 31st, so 31
/// closes every month). `None` for what is not a date, which is reported as such.
pub(super) fn days(date: &str) -> Option<(Day, Day)> {
    let (y, m, d) = parse_date(date)?;
    Some(match (m, d) {
        (Some(m), Some(d)) => ((y, m, d), (y, m, d)),
        (Some(m), None) => ((y, m, 1), (y, m, 31)),
        (None, _) => ((y, 1, 1), (y, 12, 31)),
    })
}

/// The last month an as-of covers: its `months`, or the whole year where the source does not
/// say.
fn last_month(a: &AsOf) -> u32 {
    a.months.unwrap_or(12).min(12)
}

impl Checker<'_> {
    /// A reference at `path` to the as-of `id`, which must be of the result year.
    fn of_result_year(&mut self, s: &Snapshot, path: &str, id: &str) {
        let Some((i, a)) = s.as_of.iter().enumerate().find(|(_, a)| a.id == id) else {
            return; // A dangling id is reported as such.
        };
        if a.year != s.period.result_year {
            self.problems.push(
                path,
                ProblemKind::AsOfOutsideResultYear {
                    id: shown(id, 40),
                    year: a.year,
                    result_year: s.period.result_year,
                    path: path.into(),
                    as_of_path: join_key(&join_index("$.as_of", i), "year"),
                    result_year_path: "$.period.result_year".into(),
                },
            );
        }
    }

    /// A later observation's as-of at `path` (`id`), which must be of a year after the result
    /// year.
    pub(super) fn after_result_year(&mut self, s: &Snapshot, path: &str, id: &str) {
        let Some((i, a)) = s.as_of.iter().enumerate().find(|(_, a)| a.id == id) else {
            return; // A dangling id is reported as such.
        };
        if a.year <= s.period.result_year {
            self.problems.push(
                path,
                ProblemKind::ReportedNotLater {
                    id: shown(id, 40),
                    year: a.year,
                    result_year: s.period.result_year,
                    path: path.into(),
                    as_of_path: join_key(&join_index("$.as_of", i), "year"),
                    result_year_path: "$.period.result_year".into(),
                },
            );
        }
    }

    pub(super) fn time(&mut self, s: &Snapshot) {
        // Tallies and results are of the result year; context figures may be of any (the DTI
        // score of the year before is context), and so may a tally of a later year's indicator
        // set (`set`), which is never a continuation of the result year's.
        for (i, t) in s
            .tallies
            .iter()
            .enumerate()
            .filter(|(_, t)| t.set.is_none())
        {
            self.of_result_year(s, &join_key(&join_index("$.tallies", i), "as_of"), &t.as_of);
        }
        for (i, ind) in s.indicators.iter().enumerate() {
            if let Some(r) = &ind.result {
                let p = join_key(&join_key(&join_index("$.indicators", i), "result"), "as_of");
                self.of_result_year(s, &p, &r.as_of);
            }
        }

        // A unit is succeeded after the last period its figures cover, not before or during it.
        let Some(succ) = &s.unit.successor else {
            return;
        };
        let Some((since_year, since_month, _)) = parse_date(&succ.since) else {
            return; // A malformed date is reported as such.
        };
        let latest = s
            .as_of
            .iter()
            .enumerate()
            .max_by_key(|(i, a)| (a.year, last_month(a), std::cmp::Reverse(*i)));
        let Some((i, latest)) = latest else { return };
        // A date without its month may be as late as December.
        let since = (i64::from(since_year), since_month.unwrap_or(12));
        if since <= (i64::from(latest.year), last_month(latest)) {
            self.problems.push(
                "$.unit.successor.since",
                ProblemKind::SuccessorBeforeAsOf {
                    since: succ.since.clone(),
                    year: latest.year,
                    months: last_month(latest),
                    since_path: "$.unit.successor.since".into(),
                    as_of_path: join_index("$.as_of", i),
                },
            );
        }
    }
}

/// The problems of a snapshot against the day its version was published (`published`, from the
/// manifest's `versions[]`): a source dated after it, or a ranking published after it. A partial
/// date is taken at its earliest (`2026-12` is after `2026-11-27`, `2026-11` is not). Nothing is
/// said when `published` is not a date: the manifest's own check reports that.
pub fn check_published(s: &Snapshot, published: &str) -> Problems {
    let mut problems = Problems::default();
    let Some((py, pm, pd)) = parse_date(published) else {
        return problems;
    };
    let published_day = (py, pm.unwrap_or(12), pd.unwrap_or(31));
    // Every date a version cites: its sources' and its rankings' days of publication.
    let sources = (s.sources.iter().enumerate()).map(|(i, x)| ("$.sources", i, "date", &x.date));
    let rankings =
        (s.rankings.iter().enumerate()).map(|(i, x)| ("$.rankings", i, "published", &x.published));
    for (list, i, key, date) in sources.chain(rankings) {
        let Some(date) = date else { continue };
        let Some((y, m, d)) = parse_date(date) else {
            continue; // Reported by parse_snapshot.
        };
        if (y, m.unwrap_or(1), d.unwrap_or(1)) > published_day {
            let path = join_key(&join_index(list, i), key);
            problems.push(
                &path,
                ProblemKind::SourceAfterPublication {
                    date: date.clone(),
                    published: published.into(),
                    path: path.clone(),
                },
            );
        }
    }
    problems
}
