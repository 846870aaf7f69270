//! What the pointer, the keyboard and a finger interact with: marks, their hit areas and their
//! tooltips, shared by every chart.

use super::text;
use crate::snapshot::Pillar;

#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Rect {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Rect {
    pub fn contains(&self, x: f64, y: f64) -> bool {
        x >= self.x0 && x <= self.x1 && y >= self.y0 && y <= self.y1
    }

    pub fn width(&self) -> f64 {
        self.x1 - self.x0
    }

    pub fn height(&self) -> f64 {
        self.y1 - self.y0
    }

    /// Whether the two share any area (touching edges do not count).
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x0 < other.x1 && other.x0 < self.x1 && self.y0 < other.y1 && other.y0 < self.y1
    }

    /// The rectangle grown by `d` px on every side.
    pub fn grow(&self, d: f64) -> Rect {
        Rect {
            x0: self.x0 - d,
            y0: self.y0 - d,
            x1: self.x1 + d,
            y1: self.y1 + d,
        }
    }

    /// Squared distance from a point to the rectangle (0 inside).
    pub fn distance2(&self, x: f64, y: f64) -> f64 {
        let dx = (self.x0 - x).max(0.0).max(x - self.x1);
        let dy = (self.y0 - y).max(0.0).max(y - self.y1);
        dx * dx + dy * dy
    }
}

/// A line of text placed at its top-left (or top-right when `right_aligned`).
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub text: String,
    pub x: f64,
    pub y: f64,
    pub size: f64,
    pub bold: bool,
    pub right_aligned: bool,
}

/// How tall a line of text is taken to be, in ems, from its top: the glyphs with their accents
/// above and descenders below, on the generous side like [`text::width`].
pub const TEXT_HEIGHT: f64 = 1.25;

impl Label {
    /// The box the text covers, as estimated by [`text::width_styled`]: for checking that labels
    /// neither overlap nor leave the chart.
    pub fn bounds(&self) -> Rect {
        let w = text::width_styled(&self.text, self.size, self.bold);
        let x0 = if self.right_aligned {
            self.x - w
        } else {
            self.x
        };
        Rect {
            x0,
            y0: self.y,
            x1: x0 + w,
            y1: self.y + self.size * TEXT_HEIGHT,
        }
    }
}

/// A line of text centred on `x`, its top at `y`: a tick's value over its gridline, a year under
/// its point. Drawn centred by the renderer itself, so it stays centred whatever the font.
#[derive(Debug, Clone, PartialEq)]
pub struct CentredLabel {
    pub text: String,
    pub x: f64,
    pub y: f64,
    pub size: f64,
    pub bold: bool,
}

impl CentredLabel {
    /// The box the text covers, as estimated by [`text::width_styled`].
    pub fn bounds(&self) -> Rect {
        let w = text::width_styled(&self.text, self.size, self.bold);
        Rect {
            x0: self.x - w / 2.0,
            y0: self.y,
            x1: self.x + w / 2.0,
            y1: self.y + self.size * TEXT_HEIGHT,
        }
    }
}

/// Which of a row of labels to write so that none touches another (at least `gap` px apart) or
/// leaves `left..right`: those inside the chart, at the smallest even step (every one, every
/// second, every third…, counted from the first place) at which they clear each other. Skipping
/// evenly keeps the labels evenly spaced, as their ticks are. `None` is a place with nothing to
/// write.
pub fn thin_labels(boxes: &[Option<Rect>], left: f64, right: f64, gap: f64) -> Vec<bool> {
    let inside: Vec<bool> = boxes
        .iter()
        .map(|b| b.is_some_and(|b| b.x0 >= left && b.x1 <= right))
        .collect();
    let keep = |k: usize| -> Vec<bool> {
        inside
            .iter()
            .enumerate()
            .map(|(i, &ok)| ok && i % k == 0)
            .collect()
    };
    let clear = |mask: &[bool]| {
        let kept: Vec<Rect> = boxes
            .iter()
            .zip(mask)
            .filter_map(|(b, &k)| b.filter(|_| k))
            .collect();
        // Every pair, not only neighbours: labels at different heights may pass each other.
        kept.iter().enumerate().all(|(i, a)| {
            kept[i + 1..]
                .iter()
                .all(|b| !a.grow(gap / 2.0).overlaps(&b.grow(gap / 2.0)))
        })
    };
    (1..=boxes.len().max(1))
        .map(keep)
        .find(|mask| clear(mask))
        .unwrap_or_default()
}

/// What a tooltip says about a mark: the value, its as-of and its source, in the reader's language.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Tooltip {
    pub title: String,
    pub lines: Vec<String>,
}

impl Tooltip {
    /// The tooltip as one sentence, for screen readers.
    pub fn text(&self) -> String {
        let mut s = self.title.clone();
        for l in &self.lines {
            s.push_str(". ");
            s.push_str(l);
        }
        s
    }
}

/// The widest a tooltip gets, in px; on a chart narrower than this it is as wide as the chart.
/// The app places it with [`tooltip_box`]; the static page's stylesheet says the same in CSS
/// (`crate::prerender::static_marks`).
pub const TOOLTIP_MAX_WIDTH: f64 = 260.0;

/// How far below its mark's focus outline a tooltip sits, in px.
pub const TOOLTIP_GAP: f64 = 6.0;

/// Where a mark's tooltip goes, in px from the chart's top-left corner.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TooltipBox {
    /// The tooltip's left edge: centred on the mark, but never past either side of the chart.
    pub left: f64,
    /// The tooltip's top edge: [`TOOLTIP_GAP`] below the mark's focus outline.
    pub top: f64,
    /// [`TOOLTIP_MAX_WIDTH`], or the chart's width when that is less.
    pub width: f64,
}

/// Places the tooltip of the mark outlined by `focus` on a chart `chart_width` px wide: under the
/// mark, centred on it, and inside the chart.
pub fn tooltip_box(focus: Rect, chart_width: f64) -> TooltipBox {
    let width = TOOLTIP_MAX_WIDTH.min(chart_width);
    let centre = (focus.x0 + focus.x1) / 2.0;
    TooltipBox {
        left: (centre - width / 2.0).clamp(0.0, (chart_width - width).max(0.0)),
        top: focus.y1 + TOOLTIP_GAP,
        width,
    }
}

/// The series a chart can show; the legend toggles each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Series {
    /// Bars: met. Dumbbells: the earlier value (2023 result; DTI 2022). Goals: the earlier result.
    Primary,
    /// Bars: assigned. Dumbbells: the later value (2024 goal; DTI 2023). Goals: the goal.
    Secondary,
    /// Goals only: the value reported later against the goal.
    Tertiary,
}

impl Series {
    /// The name a legend entry carries (`data-series`), on the static page and in the app.
    pub fn as_str(self) -> &'static str {
        match self {
            Series::Primary => "primary",
            Series::Secondary => "secondary",
            Series::Tertiary => "tertiary",
        }
    }
}

/// Which end of a dumbbell row (or which value of a goal row) a mark is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MarkEnd {
    /// The earlier value ([`Series::Primary`]).
    From,
    /// The later value, or the goal ([`Series::Secondary`]).
    To,
    /// The value reported against a goal ([`Series::Tertiary`]).
    Reported,
}

impl MarkEnd {
    /// The end that shows `series`.
    pub fn of(series: Series) -> MarkEnd {
        match series {
            Series::Primary => MarkEnd::From,
            Series::Secondary => MarkEnd::To,
            Series::Tertiary => MarkEnd::Reported,
        }
    }

    /// The word a key ends with: `from`, `to` or `reported`.
    pub fn as_str(self) -> &'static str {
        match self {
            MarkEnd::From => "from",
            MarkEnd::To => "to",
            MarkEnd::Reported => "reported",
        }
    }
}

/// What names a mark within its chart, for the URL, the page's `data-key` and tests: its row's key
/// (indicator id, pillar id, as-of id), and for a dumbbell which end.
///
/// Written (its `Display`) as the row key alone for a bar (`digital_government`) and as
/// `row:from` or `row:to` for a dumbbell's end (`tthc-dvctt-toan-trinh:from`), `row:reported` for
/// the value reported against a goal; [`MarkKey::parse`] reads that back.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct MarkKey {
    /// The key of the row the mark belongs to.
    pub row: String,
    /// The end of a dumbbell row; `None` for a bar, the whole row.
    pub end: Option<MarkEnd>,
}

impl MarkKey {
    /// The key of a mark that is a whole row (a bar).
    pub fn row(key: impl Into<String>) -> MarkKey {
        MarkKey {
            row: key.into(),
            end: None,
        }
    }

    /// The key of one end of a dumbbell row.
    pub fn end(key: impl Into<String>, end: MarkEnd) -> MarkKey {
        MarkKey {
            row: key.into(),
            end: Some(end),
        }
    }

    /// Reads a key as [`MarkKey`]'s `Display` writes it. Only a last `:from`, `:to` or `:reported`
    /// names an end; anything else is a row key, whole (row keys are ids of `[a-z0-9.-]`, without
    /// `:`).
    pub fn parse(s: &str) -> MarkKey {
        let end = s.rsplit_once(':').and_then(|(row, suffix)| {
            [MarkEnd::From, MarkEnd::To, MarkEnd::Reported]
                .into_iter()
                .find(|e| e.as_str() == suffix)
                .map(|e| (row, e))
        });
        match end {
            Some((row, e)) => MarkKey::end(row, e),
            None => MarkKey::row(s),
        }
    }
}

impl std::fmt::Display for MarkKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.end {
            Some(end) => write!(f, "{}:{}", self.row, end.as_str()),
            None => f.write_str(&self.row),
        }
    }
}

/// One thing on a chart that can be pointed at, focused and explained.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    /// Stable within its chart, for the URL and tests.
    pub key: MarkKey,
    pub pillar: Option<Pillar>,
    pub series: Option<Series>,
    /// The area that answers a pointer or a tap (generous, for fingers).
    pub hit: Rect,
    /// The outline drawn around the mark when it is active.
    pub focus: Rect,
    pub tooltip: Tooltip,
}

/// The mark under (`x`, `y`): inside a hit area, else the nearest within `slop` px (a finger is
/// not a mouse pointer). Ties go to the first mark, in reading order.
pub fn hit(marks: &[Mark], x: f64, y: f64, slop: f64) -> Option<usize> {
    // One pass for every pointer move: a hit area's distance is 0 inside it, and none is nearer.
    let mut best: Option<(usize, f64)> = None;
    for (i, m) in marks.iter().enumerate() {
        let d = m.hit.distance2(x, y);
        if d <= slop * slop && best.is_none_or(|(_, b)| d < b) {
            best = Some((i, d));
            if d == 0.0 {
                break;
            }
        }
    }
    best.map(|(i, _)| i)
}

/// The next mark for an arrow key, wrapping at neither end.
pub fn step(len: usize, current: Option<usize>, forward: bool) -> Option<usize> {
    if len == 0 {
        return None;
    }
    Some(match (current, forward) {
        (None, true) => 0,
        (None, false) => len - 1,
        (Some(i), true) => (i + 1).min(len - 1),
        (Some(i), false) => i.saturating_sub(1),
    })
}

/// A chart drawn at one width: the SVG and the marks laid out on it.
#[derive(Debug, Clone, PartialEq)]
pub struct Drawn {
    pub svg: String,
    pub width: f64,
    pub height: f64,
    pub marks: Vec<Mark>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(key: &str, x0: f64, y0: f64, x1: f64, y1: f64) -> Mark {
        let r = Rect { x0, y0, x1, y1 };
        Mark {
            key: MarkKey::row(key),
            pillar: None,
            series: None,
            hit: r,
            focus: r,
            tooltip: Tooltip::default(),
        }
    }

    #[test]
    fn a_point_inside_a_mark_hits_it() {
        let marks = [
            mark("a", 0.0, 0.0, 10.0, 10.0),
            mark("b", 20.0, 0.0, 30.0, 10.0),
        ];
        assert_eq!(hit(&marks, 5.0, 5.0, 0.0), Some(0));
        assert_eq!(hit(&marks, 25.0, 5.0, 0.0), Some(1));
    }

    #[test]
    fn a_near_miss_hits_the_nearest_within_slop() {
        let marks = [
            mark("a", 0.0, 0.0, 10.0, 10.0),
            mark("b", 20.0, 0.0, 30.0, 10.0),
        ];
        assert_eq!(hit(&marks, 17.0, 5.0, 8.0), Some(1));
        assert_eq!(hit(&marks, 13.0, 5.0, 8.0), Some(0));
        assert_eq!(hit(&marks, 15.0, 50.0, 8.0), None);
    }

    #[test]
    fn the_mark_under_the_point_beats_a_nearer_miss_and_overlaps_go_to_the_first() {
        let marks = [
            mark("a", 0.0, 0.0, 10.0, 10.0),
            mark("b", 12.0, 0.0, 20.0, 10.0),
            mark("c", 15.0, 0.0, 30.0, 10.0),
        ];
        // 2 px past a's edge, but inside b.
        assert_eq!(hit(&marks, 12.0, 5.0, 8.0), Some(1));
        // Inside b and c: b comes first.
        assert_eq!(hit(&marks, 16.0, 5.0, 8.0), Some(1));
        // On a's edge: inside.
        assert_eq!(hit(&marks, 10.0, 5.0, 0.0), Some(0));
    }

    #[test]
    fn ties_go_to_the_first_mark() {
        let marks = [
            mark("a", 0.0, 0.0, 10.0, 10.0),
            mark("b", 20.0, 0.0, 30.0, 10.0),
        ];
        assert_eq!(hit(&marks, 15.0, 5.0, 8.0), Some(0));
    }

    #[test]
    fn no_marks_no_hit() {
        assert_eq!(hit(&[], 1.0, 1.0, 100.0), None);
        assert_eq!(step(0, None, true), None);
    }

    fn focus(x0: f64, x1: f64, y1: f64) -> Rect {
        Rect {
            x0,
            y0: y1 - 20.0,
            x1,
            y1,
        }
    }

    #[test]
    fn a_tooltip_is_centred_under_its_mark() {
        let b = tooltip_box(focus(290.0, 310.0, 100.0), 640.0);
        assert_eq!(b.width, TOOLTIP_MAX_WIDTH);
        assert_eq!(b.left, 300.0 - TOOLTIP_MAX_WIDTH / 2.0);
        assert_eq!(b.top, 100.0 + TOOLTIP_GAP);
        assert_eq!((b.width, b.left, b.top), (260.0, 170.0, 106.0));
    }

    #[test]
    fn a_tooltip_stays_inside_the_chart_at_both_edges() {
        let left = tooltip_box(focus(0.0, 20.0, 50.0), 640.0);
        assert_eq!(left.left, 0.0);
        let right = tooltip_box(focus(620.0, 640.0, 50.0), 640.0);
        assert_eq!(right.left, 640.0 - TOOLTIP_MAX_WIDTH);
        assert_eq!(right.left + right.width, 640.0);
    }

    #[test]
    fn a_chart_narrower_than_a_tooltip_gets_one_as_wide_as_itself() {
        for x in [0.0, 100.0, 230.0] {
            let b = tooltip_box(focus(x, x + 10.0, 30.0), 240.0);
            assert_eq!((b.left, b.width, b.top), (0.0, 240.0, 30.0 + TOOLTIP_GAP));
        }
    }

    #[test]
    fn mark_keys_are_written_as_before() {
        assert_eq!(
            MarkKey::row("digital_government").to_string(),
            "digital_government"
        );
        assert_eq!(
            MarkKey::end("tthc-dvctt-toan-trinh", MarkEnd::From).to_string(),
            "tthc-dvctt-toan-trinh:from"
        );
        assert_eq!(
            MarkKey::end("dti.rank", MarkEnd::To).to_string(),
            "dti.rank:to"
        );
        assert_eq!(MarkEnd::of(Series::Primary), MarkEnd::From);
        assert_eq!(MarkEnd::of(Series::Secondary), MarkEnd::To);
        // Goals add a third value under a new word; the two old words are unchanged.
        assert_eq!(
            MarkKey::end("ioc-tro-ly-ao", MarkEnd::Reported).to_string(),
            "ioc-tro-ly-ao:reported"
        );
        assert_eq!(MarkEnd::of(Series::Tertiary), MarkEnd::Reported);
        assert_eq!(Series::Tertiary.as_str(), "tertiary");
    }

    #[test]
    fn mark_keys_read_back_what_they_write() {
        for key in [
            MarkKey::row("digital_government"),
            MarkKey::row("2023-11"),
            MarkKey::end("tthc-dvctt-toan-trinh", MarkEnd::From),
            MarkKey::end("dti.rank", MarkEnd::To),
            MarkKey::end("dti.rank", MarkEnd::Reported),
            // Not an id, but an end after a colon still reads back: only the last `:` counts.
            MarkKey::end("a:b", MarkEnd::To),
            MarkKey::end("a:from", MarkEnd::To),
            MarkKey::end("", MarkEnd::From),
        ] {
            assert_eq!(MarkKey::parse(&key.to_string()), key, "{key}");
        }
    }

    #[test]
    fn only_a_last_from_to_or_reported_names_an_end() {
        assert_eq!(MarkKey::parse("a:b"), MarkKey::row("a:b"));
        assert_eq!(MarkKey::parse("a:from:b"), MarkKey::row("a:from:b"));
        assert_eq!(MarkKey::parse("a:From"), MarkKey::row("a:From"));
        assert_eq!(MarkKey::parse("a:"), MarkKey::row("a:"));
        assert_eq!(MarkKey::parse("from"), MarkKey::row("from"));
        assert_eq!(MarkKey::parse(""), MarkKey::row(""));
        assert_eq!(MarkKey::parse("a:b:to"), MarkKey::end("a:b", MarkEnd::To));
        assert_eq!(
            MarkKey::parse("a:reported"),
            MarkKey::end("a", MarkEnd::Reported)
        );
        assert_eq!(MarkKey::parse("a:Reported"), MarkKey::row("a:Reported"));
    }

    #[test]
    fn crowded_labels_are_skipped_evenly_and_none_leaves_the_chart() {
        let at = |x: f64| {
            Some(Rect {
                x0: x,
                y0: 0.0,
                x1: x + 20.0,
                y1: 10.0,
            })
        };
        let (t, f) = (true, false);
        // 30 px apart: all fit with a 6 px gap; 22 px apart: every second.
        assert_eq!(
            thin_labels(&[at(0.0), at(30.0), at(60.0)], 0.0, 100.0, 6.0),
            [t, t, t]
        );
        assert_eq!(
            thin_labels(&[at(0.0), at(22.0), at(44.0)], 0.0, 100.0, 6.0),
            [t, f, t]
        );
        // A place without a label takes no room.
        assert_eq!(
            thin_labels(&[at(0.0), None, at(30.0)], 0.0, 100.0, 6.0),
            [t, f, t]
        );
        assert_eq!(
            thin_labels(&[at(0.0), None, at(22.0)], 0.0, 100.0, 6.0),
            [t, f, f]
        );
        // A label past the chart's edge is left out, and the others are not thinned for it.
        assert_eq!(
            thin_labels(&[at(0.0), at(40.0), at(85.0)], 0.0, 100.0, 6.0),
            [t, t, f]
        );
        assert_eq!(thin_labels(&[at(-5.0)], 0.0, 100.0, 6.0), [f]);
        assert!(thin_labels(&[], 0.0, 100.0, 6.0).is_empty());
    }

    #[test]
    fn arrow_keys_step_and_stop_at_the_ends() {
        assert_eq!(step(3, None, true), Some(0));
        assert_eq!(step(3, None, false), Some(2));
        assert_eq!(step(3, Some(2), true), Some(2));
        assert_eq!(step(3, Some(0), false), Some(0));
        assert_eq!(step(3, Some(1), true), Some(2));
    }
}
