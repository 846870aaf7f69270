//! What changed between two versions of a snapshot, figure by figure, and, within one version, the
//! successive as-ofs of one figure.
//!
//! Pure and wordless: a change names its figure by a typed [`FigureKey`] and carries typed
//! [`Value`]s; `present::changes` says them in the reader's language. Figures are matched by a
//! stable key (an id, a tally's set and as-of, a ranking entry's unit, a point's year), never by
//! their place in a list, so a reordered file reads as unchanged. Unknown stays unknown: a value
//! that turns to null is [`ChangeKind::BecameUnknown`], never a change to 0.

mod align;
mod key;
mod revisions;

pub use key::{Field, Figure, FigureKey};
pub use revisions::{revisions, Revised, Revision, Step};

use crate::snapshot::{
    Comparator, ContextFigure, Count, Goal, Indicator, Initiative, Measured, PillarCount,
    Qualifier, RankEntry, Ranking, Reported, SeriesPoint, Snapshot, Source, Status, Successor,
    Tally, Target, Text, Unit, YearSeries,
};
use align::{align, none, Pair};

/// A value as the data has it, typed, for `present` to word. A value that is not known is not a
/// `Value`: it is `None` in a [`Change`] or a [`Step`].
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A figure in its unit, with the word the source gives it ("gần 99%") and, for a rank, how
    /// many were ranked ("10/63").
    Figure {
        value: f64,
        unit: Unit,
        qualifier: Option<Qualifier>,
        out_of: Option<u32>,
    },
    /// A result with its as-of (an as-of id of its own side's snapshot).
    Measured {
        value: f64,
        unit: Unit,
        as_of: String,
    },
    /// A target or goal: "≥ 80%", "duy trì 100%".
    Goal {
        value: f64,
        unit: Unit,
        comparator: Comparator,
    },
    /// Met out of assigned.
    Count(Count),
    Status(Status),
    /// An as-of id, read with the label its own side's snapshot gives it.
    AsOf(String),
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    Date(String),
    /// A text in both languages.
    Text(Text),
    /// A text as published, in its own language (a source's title, a link, an id).
    Plain(String),
    /// Names as published (an initiative's services).
    List(Vec<String>),
    /// Source ids, read with the titles their own side's snapshot gives them.
    Sources(Vec<String>),
    /// A place in a ranking, shared or not, out of the grouping's size where known.
    Rank {
        rank: u32,
        tie: bool,
        out_of: Option<u32>,
    },
    /// A ranking as a whole: how many units it lists.
    Units(usize),
    /// A series as a whole: the years it covers.
    Years {
        first: i32,
        last: i32,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    /// Only the new version has the figure.
    Added,
    /// Only the old version has the figure.
    Removed,
    /// Both have it, with different values.
    Changed,
    /// Known in the old version, null (or `unknown`) in the new.
    BecameUnknown,
    /// Null (or `unknown`) in the old version, known in the new.
    BecameKnown,
}

/// One figure (or part of one) that differs between two versions.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub key: FigureKey,
    pub kind: ChangeKind,
    pub old: Option<Value>,
    pub new: Option<Value>,
}

impl Change {
    /// A value disappears or turns unknown: what a reader relying on the old version must hear.
    pub fn loud(&self) -> bool {
        matches!(self.kind, ChangeKind::Removed | ChangeKind::BecameUnknown)
    }
}

/// What changed from `old` to `new`, figure by figure: in the new file's order, each removal
/// where it stood in the old.
pub fn diff(old: &Snapshot, new: &Snapshot) -> Vec<Change> {
    let mut out = Out(Vec::new());
    out.successor(old, new);
    out.sources(old, new);
    out.tallies(old, new);
    for pair in align(&old.indicators, &new.indicators, |i| i.id.clone(), none) {
        out.indicator(pair);
    }
    out.goals(old, new);
    out.initiatives(old, new);
    out.context(old, new);
    out.rankings(old, new);
    out.series(old, new);
    out.0
}

struct Out(Vec<Change>);

impl Out {
    fn push(&mut self, key: FigureKey, kind: ChangeKind, old: Option<Value>, new: Option<Value>) {
        self.0.push(Change {
            key,
            kind,
            old,
            new,
        });
    }

    /// A field both versions have a place for: null on one side is unknown, not absent.
    fn field(&mut self, key: FigureKey, old: Option<Value>, new: Option<Value>) {
        let kind = match (&old, &new) {
            (Some(a), Some(b)) if a == b => return,
            (Some(_), Some(_)) => ChangeKind::Changed,
            (Some(_), None) => ChangeKind::BecameUnknown,
            (None, Some(_)) => ChangeKind::BecameKnown,
            (None, None) => return,
        };
        self.push(key, kind, old, new);
    }

    /// Something one version has and the other has not (a goal set or withdrawn).
    fn presence(&mut self, key: FigureKey, old: Option<Value>, new: Option<Value>) {
        match (&old, &new) {
            (Some(_), None) => self.push(key, ChangeKind::Removed, old, None),
            (None, Some(_)) => self.push(key, ChangeKind::Added, None, new),
            _ => self.field(key, old, new),
        }
    }

    /// A figure only one version has, with what it says as a whole (none where unknown).
    fn whole<T>(&mut self, pair: Pair<'_, T>, figure: Figure, value: impl Fn(&T) -> Option<Value>) {
        match pair {
            Pair::Added(n) => self.push(figure.whole(), ChangeKind::Added, None, value(n)),
            Pair::Removed(o) => self.push(figure.whole(), ChangeKind::Removed, value(o), None),
            Pair::Both(..) => {}
        }
    }

    /// A status that turns `unknown` reads as turning unknown, and back.
    fn status(&mut self, key: FigureKey, old: Status, new: Status) {
        let kind = match (old, new) {
            (a, b) if a == b => return,
            (_, Status::Unknown) => ChangeKind::BecameUnknown,
            (Status::Unknown, _) => ChangeKind::BecameKnown,
            _ => ChangeKind::Changed,
        };
        self.push(
            key,
            kind,
            Some(Value::Status(old)),
            Some(Value::Status(new)),
        );
    }

    fn successor(&mut self, old: &Snapshot, new: &Snapshot) {
        let key = |field| Figure::Successor.field(field);
        let (a, b) = match (&old.unit.successor, &new.unit.successor) {
            (Some(a), Some(b)) => (a, b),
            (a, b) => {
                let name = |x: &Option<Successor>| x.as_ref().map(|x| Value::Text(x.name.clone()));
                return self.presence(Figure::Successor.whole(), name(a), name(b));
            }
        };
        let plain = |x: &String| Some(Value::Plain(x.clone()));
        self.field(key(Field::Id), plain(&a.id), plain(&b.id));
        let text = |x: &Text| Some(Value::Text(x.clone()));
        self.field(key(Field::Name), text(&a.name), text(&b.name));
        let date = |x: &String| Some(Value::Date(x.clone()));
        self.field(key(Field::Since), date(&a.since), date(&b.since));
        if !same_sources(old, &a.sources, new, &b.sources) {
            let (x, y) = (a.sources.clone(), b.sources.clone());
            let (x, y) = (Some(Value::Sources(x)), Some(Value::Sources(y)));
            self.push(key(Field::Sources), ChangeKind::Changed, x, y);
        }
    }

    /// Sources by id; a source whose id alone changed is the same source, by its link.
    fn sources(&mut self, old: &Snapshot, new: &Snapshot) {
        let url = |s: &Source| Some(s.url.clone());
        for pair in align(&old.sources, &new.sources, |s| s.id.clone(), url) {
            let figure = Figure::Source(pair.item().id.clone());
            let Pair::Both(a, b) = pair else {
                self.whole(pair, figure, |s| Some(Value::Plain(s.title.clone())));
                continue;
            };
            let key = |field| figure.clone().field(field);
            let plain = |x: &String| Some(Value::Plain(x.clone()));
            self.field(key(Field::Title), plain(&a.title), plain(&b.title));
            self.field(key(Field::Url), plain(&a.url), plain(&b.url));
            let publisher = |s: &Source| s.publisher.as_ref().and_then(plain);
            self.field(key(Field::Publisher), publisher(a), publisher(b));
            let date = |s: &Source| s.date.clone().map(Value::Date);
            self.field(key(Field::Date), date(a), date(b));
        }
    }

    fn tallies(&mut self, old: &Snapshot, new: &Snapshot) {
        let id = |t: &Tally| (t.set.as_ref().map(|s| s.vi.clone()), t.as_of.clone());
        for pair in align(&old.tallies, &new.tallies, id, none) {
            let (set, as_of) = id(pair.item());
            let figure = Figure::Tally { set, as_of };
            let Pair::Both(a, b) = pair else {
                self.whole(pair, figure, |t| Some(Value::Count(t.overall)));
                continue;
            };
            let key = |field| figure.clone().field(field);
            let set = |t: &Tally| t.set.clone().map(Value::Text);
            self.field(key(Field::Set), set(a), set(b));
            let overall = |t: &Tally| Some(Value::Count(t.overall));
            self.field(key(Field::Overall), overall(a), overall(b));
            // A split not published on one side: each pillar's count is unknown there.
            let (ps, qs) = (a.pillars.as_deref(), b.pillars.as_deref());
            let pairs = align(ps.unwrap_or(&[]), qs.unwrap_or(&[]), |p| p.pillar, none);
            for p in pairs {
                let count = |x: &PillarCount| Some(Value::Count(x.count()));
                let k = key(Field::Pillar(p.item().pillar));
                match p {
                    Pair::Both(x, y) => self.field(k, count(x), count(y)),
                    Pair::Added(y) if ps.is_none() => self.field(k, None, count(y)),
                    Pair::Removed(x) if qs.is_none() => self.field(k, count(x), None),
                    _ => self.presence(k, p.in_old().and_then(count), p.in_new().and_then(count)),
                }
            }
        }
    }

    fn indicator(&mut self, pair: Pair<'_, Indicator>) {
        let id = pair.item().id.clone();
        let Pair::Both(a, b) = pair else {
            let result = |i: &Indicator| i.result.as_ref().map(|r| number(r.value, i.unit));
            return self.whole(pair, Figure::Indicator(id), result);
        };
        let key = |field| Figure::Indicator(id.clone()).field(field);
        match (&a.result, &b.result) {
            (Some(x), Some(y)) => {
                let (vx, vy) = (number(x.value, a.unit), number(y.value, b.unit));
                self.field(key(Field::ResultValue), Some(vx), Some(vy));
                let (ax, ay) = (Value::AsOf(x.as_of.clone()), Value::AsOf(y.as_of.clone()));
                self.field(key(Field::ResultAsOf), Some(ax), Some(ay));
            }
            (x, y) => {
                let measured = |m: &Measured, unit| Value::Measured {
                    value: m.value,
                    unit,
                    as_of: m.as_of.clone(),
                };
                let (x, y) = (x.as_ref(), y.as_ref());
                let (x, y) = (
                    x.map(|m| measured(m, a.unit)),
                    y.map(|m| measured(m, b.unit)),
                );
                self.field(key(Field::Result), x, y);
            }
        }
        let fields = [
            (
                &a.target,
                &b.target,
                Field::Target,
                Field::TargetValue,
                Field::TargetComparator,
            ),
            (
                &a.goal,
                &b.goal,
                Field::Goal,
                Field::GoalValue,
                Field::GoalComparator,
            ),
        ];
        for (x, y, whole, value, comparator) in fields {
            let (vx, vy) = (
                x.as_ref().map(|g| goal(g, a.unit)),
                y.as_ref().map(|g| goal(g, b.unit)),
            );
            match (x, y) {
                (Some(gx), Some(gy)) if vx != vy => {
                    let only_the_comparator = gx.value == gy.value && a.unit == b.unit;
                    let field = if only_the_comparator {
                        comparator
                    } else {
                        value
                    };
                    self.push(key(field), ChangeKind::Changed, vx, vy);
                }
                (Some(_), Some(_)) => {}
                // A target not published is unknown; a goal not set is no goal.
                _ if whole == Field::Target => self.field(key(whole), vx, vy),
                _ => self.presence(key(whole), vx, vy),
            }
        }
        self.status(key(Field::Status), a.status, b.status);
        for r in align(&a.reported, &b.reported, |r| r.as_of.clone(), none) {
            let figure = Figure::Reported {
                indicator: id.clone(),
                as_of: r.item().as_of.clone(),
            };
            let value = |x: &Reported, unit| x.value.map(|v| number(v, unit));
            match r {
                Pair::Both(x, y) => {
                    let k = |field| figure.clone().field(field);
                    self.field(k(Field::Value), value(x, a.unit), value(y, b.unit));
                    self.status(k(Field::Status), x.status, y.status);
                }
                Pair::Added(_) => self.whole(r, figure, |x| value(x, b.unit)),
                Pair::Removed(_) => self.whole(r, figure, |x| value(x, a.unit)),
            }
        }
    }

    fn goals(&mut self, old: &Snapshot, new: &Snapshot) {
        let text = |g: &Goal| Some(Value::Text(g.text.clone()));
        for pair in align(&old.goals, &new.goals, |g| g.id.clone(), none) {
            let figure = Figure::Goal(pair.item().id.clone());
            match pair {
                Pair::Both(a, b) => self.field(figure.field(Field::Text), text(a), text(b)),
                _ => self.whole(pair, figure, text),
            }
        }
    }

    fn initiatives(&mut self, old: &Snapshot, new: &Snapshot) {
        for pair in align(&old.initiatives, &new.initiatives, |i| i.id.clone(), none) {
            let figure = Figure::Initiative(pair.item().id.clone());
            let Pair::Both(a, b) = pair else {
                self.whole(pair, figure, |i| Some(Value::Text(i.name.clone())));
                continue;
            };
            let key = |field| figure.clone().field(field);
            let text = |t: &Text| Some(Value::Text(t.clone()));
            self.field(key(Field::By), text(&a.by), text(&b.by));
            self.field(key(Field::Name), text(&a.name), text(&b.name));
            let (x, y) = (text(&a.description), text(&b.description));
            self.field(key(Field::Description), x, y);
            let list = |i: &Initiative| Some(Value::List(i.services.clone()));
            self.field(key(Field::Services), list(a), list(b));
        }
    }

    /// Context figures by id; one whose id changed (with its as-of) is paired by its series,
    /// where it is the only one of its series unpaired on each side.
    fn context(&mut self, old: &Snapshot, new: &Snapshot) {
        let series = |c: &ContextFigure| Some(c.series.clone());
        for pair in align(&old.context, &new.context, |c| c.id.clone(), series) {
            let figure = Figure::Context(pair.item().id.clone());
            let Pair::Both(a, b) = pair else {
                self.whole(pair, figure, context_value);
                continue;
            };
            let key = |field| figure.clone().field(field);
            let (va, vb) = (context_value(a), context_value(b));
            if va != vb {
                let only_the_word = a.value == b.value && a.unit == b.unit && a.out_of == b.out_of;
                let field = if only_the_word {
                    Field::Qualifier
                } else {
                    Field::Value
                };
                self.field(key(field), va, vb);
            }
            let requirement = |c: &ContextFigure| c.requirement.map(|r| number(r, c.unit));
            self.field(key(Field::Requirement), requirement(a), requirement(b));
            let as_of = |c: &ContextFigure| Some(Value::AsOf(c.as_of.clone()));
            self.field(key(Field::AsOf), as_of(a), as_of(b));
        }
    }

    fn rankings(&mut self, old: &Snapshot, new: &Snapshot) {
        for pair in align(&old.rankings, &new.rankings, |r| r.id.clone(), none) {
            let id = pair.item().id.clone();
            let Pair::Both(a, b) = pair else {
                let units = |r: &Ranking| Some(Value::Units(r.entries.len()));
                self.whole(pair, Figure::Ranking(id), units);
                continue;
            };
            let mean = |r: &Ranking| r.mean.as_ref().map(|m| number(m.value, Unit::Score));
            let key = Figure::Ranking(id.clone()).field(Field::Mean);
            self.field(key, mean(a), mean(b));
            let (na, nb) = (grouping_size(old, a), grouping_size(new, b));
            for e in align(&a.entries, &b.entries, |e| e.unit.clone(), none) {
                let figure = Figure::Entry {
                    ranking: id.clone(),
                    unit: e.item().unit.clone(),
                };
                match e {
                    Pair::Both(x, y) => {
                        let rank_key = figure.clone().field(Field::Rank);
                        self.field(rank_key, rank(x, na), rank(y, nb));
                        self.field(figure.field(Field::Score), score(x), score(y));
                    }
                    Pair::Added(_) => self.whole(e, figure, |x| entry(x, nb)),
                    Pair::Removed(_) => self.whole(e, figure, |x| entry(x, na)),
                }
            }
        }
    }

    fn series(&mut self, old: &Snapshot, new: &Snapshot) {
        for pair in align(&old.series, &new.series, |s| s.id.clone(), none) {
            let id = pair.item().id.clone();
            let Pair::Both(a, b) = pair else {
                self.whole(pair, Figure::Series(id), years);
                continue;
            };
            let value = |p: &SeriesPoint, unit| p.value.map(|v| number(v, unit));
            for p in align(&a.points, &b.points, |p| p.year, none) {
                let figure = Figure::Point {
                    series: id.clone(),
                    year: p.item().year,
                };
                match p {
                    Pair::Both(x, y) => {
                        self.field(figure.whole(), value(x, a.unit), value(y, b.unit))
                    }
                    Pair::Added(_) => self.whole(p, figure, |y| value(y, b.unit)),
                    Pair::Removed(_) => self.whole(p, figure, |x| value(x, a.unit)),
                }
            }
        }
    }
}

fn number(value: f64, unit: Unit) -> Value {
    Value::Figure {
        value,
        unit,
        qualifier: None,
        out_of: None,
    }
}

fn goal(g: &Target, unit: Unit) -> Value {
    Value::Goal {
        value: g.value,
        unit,
        comparator: g.comparator,
    }
}

fn context_value(c: &ContextFigure) -> Option<Value> {
    c.value.map(|value| Value::Figure {
        value,
        unit: c.unit,
        qualifier: c.qualifier,
        out_of: c.out_of,
    })
}

fn grouping_size(s: &Snapshot, r: &Ranking) -> Option<u32> {
    s.groupings
        .iter()
        .find(|g| g.id == r.grouping)
        .map(|g| g.size)
}

fn rank(e: &RankEntry, out_of: Option<u32>) -> Option<Value> {
    e.rank.map(|rank| Value::Rank {
        rank,
        tie: e.tie,
        out_of,
    })
}

fn score(e: &RankEntry) -> Option<Value> {
    e.score.map(|v| number(v, Unit::Score))
}

/// A unit's place as a whole: its rank where known, else its score.
fn entry(e: &RankEntry, out_of: Option<u32>) -> Option<Value> {
    rank(e, out_of).or_else(|| score(e))
}

fn years(s: &YearSeries) -> Option<Value> {
    let first = s.points.iter().map(|p| p.year).min()?;
    let last = s.points.iter().map(|p| p.year).max()?;
    Some(Value::Years { first, last })
}

/// The same sources on both sides, by their links (a source's id may change, its link does not).
fn same_sources(old: &Snapshot, a: &[String], new: &Snapshot, b: &[String]) -> bool {
    let links = |s: &Snapshot, ids: &[String]| -> Vec<String> {
        ids.iter()
            .map(|id| s.source(id).map_or_else(|| id.clone(), |x| x.url.clone()))
            .collect()
    };
    links(old, a) == links(new, b)
}
