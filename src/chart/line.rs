//! A series over years, with notes: the provincial DTI average 2020–2024, whose method changed
//! almost every year.
//!
//! Points are evenly spaced, one column each, with the year under the point and the value over
//! its dot, so each figure is read as written rather than from a slope. The line joins only
//! consecutive known points: where a value is not known the line stops (a gap, never a dip to
//! zero), no dot is drawn, and the words for it ("chưa rõ") stand under the year. Every point,
//! known or not, is a mark with its tooltip, and the column under a pointer is arithmetic
//! ([`point_at`]).
//!
//! A point's note is a small raised marker beside its year; the caller writes the notes
//! themselves under the chart, as text.

use super::bars::{FONT, LINE, PAD, TICK_FONT};
use super::dumbbell::DOT_R;
use super::mark::{
    thin_labels, CentredLabel, Label, Mark, MarkKey, Rect, Series, Tooltip, TEXT_HEIGHT,
};
use super::scale::Linear;
use super::text;

/// One point of the series, with the texts that go with it (in the reader's language).
#[derive(Debug, Clone, PartialEq)]
pub struct LinePoint {
    pub key: String,
    /// "2020".
    pub x_label: String,
    /// `None` when not published: no dot, a gap in the line, and `label` under the year.
    pub value: Option<f64>,
    /// "0,3026", or "chưa rõ" for an unknown value.
    pub label: String,
    /// The marker of a note about this point ("1"); the caller writes the note under the chart.
    pub note: Option<String>,
    pub tooltip: Tooltip,
}

/// A place on the chart, in px from its top-left corner.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Position {
    pub x: f64,
    pub y: f64,
}

/// One point laid out.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedPoint {
    pub key: String,
    /// The point's column, top to bottom: what a pointer or a tap selects.
    pub column: Rect,
    /// The column's centre, where the dot and the labels are.
    pub x: f64,
    /// `None` when the value is not known.
    pub dot: Option<Position>,
    /// The value over its dot; `None` when not known, or when labels are thinned for room.
    pub value: Option<CentredLabel>,
    /// The year under the axis; `None` when labels are thinned for room.
    pub x_label: Option<CentredLabel>,
    /// The note's marker, raised beside the year.
    pub note: Option<Label>,
    /// For an unknown value, its words under the year (wrapped to the column).
    pub unknown: Vec<CentredLabel>,
}

/// Consecutive known points, joined by one line.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub points: Vec<Position>,
}

/// A value of the y axis: a line across the plot, its label at the left.
#[derive(Debug, Clone, PartialEq)]
pub struct Gridline {
    pub value: f64,
    pub y: f64,
    pub label: Label,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LineLayout {
    pub width: f64,
    pub height: f64,
    /// Where values go: `y0` is the domain's top, `y1` its bottom (the axis).
    pub plot: Rect,
    /// Values to heights.
    pub scale: Linear,
    /// The width of one point's column.
    pub column_width: f64,
    pub points: Vec<PlacedPoint>,
    /// Only runs of two or more known points; a lone known point is a dot alone.
    pub runs: Vec<Run>,
    pub grid: Vec<Gridline>,
}

/// A note's marker: the smallest text drawn anywhere.
pub const NOTE_FONT: f64 = 11.0;
/// The least room between two labels side by side.
const LABEL_GAP: f64 = 6.0;

/// Lays out `points` (in order) for a container `width` px wide (clamped to 280–1920), values on
/// `domain` (bottom, top), with the caller's y ticks (value, label).
pub fn layout(
    points: &[LinePoint],
    domain: (f64, f64),
    ticks: &[(f64, String)],
    width: f64,
) -> LineLayout {
    let width = width.clamp(280.0, 1920.0).round();
    let tick_w = ticks
        .iter()
        .map(|(_, l)| text::width(l, TICK_FONT))
        .fold(0.0, f64::max);
    let x0 = if ticks.is_empty() {
        PAD
    } else {
        PAD + tick_w + 6.0
    };
    // Room over the top value for its label, so a dot at the top of the domain keeps its words.
    let y0 = PAD + FONT * TEXT_HEIGHT + 4.0 + DOT_R;
    let plot = Rect {
        x0,
        y0,
        x1: width - PAD,
        y1: y0 + (width * 0.45).clamp(140.0, 240.0),
    };
    let scale = Linear::new(domain, (plot.y1, plot.y0));
    let column_width = plot.width() / points.len().max(1) as f64;
    let x_label_y = plot.y1 + DOT_R + 6.0;

    let mut placed: Vec<PlacedPoint> = points
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let x = plot.x0 + column_width * (i as f64 + 0.5);
            // A value that cannot be placed is said, like an unknown one, never put on the axis.
            let known = p.value.filter(|v| v.is_finite());
            let dot = known.map(|v| Position {
                x,
                y: scale.map(v).clamp(plot.y0, plot.y1),
            });
            let value = dot.map(|d| CentredLabel {
                text: p.label.clone(),
                x,
                y: d.y - DOT_R - 4.0 - FONT * TEXT_HEIGHT,
                size: FONT,
                bold: false,
            });
            let x_label = CentredLabel {
                text: p.x_label.clone(),
                x,
                y: x_label_y,
                size: FONT,
                bold: false,
            };
            let note = p.note.as_ref().map(|n| Label {
                text: n.clone(),
                x: x_label.bounds().x1 + 1.0,
                // Raised, as a footnote's marker is.
                y: x_label_y - 3.0,
                size: NOTE_FONT,
                bold: false,
                right_aligned: false,
            });
            let unknown = if known.is_none() {
                text::wrap(&p.label, FONT, column_width - LABEL_GAP)
                    .into_iter()
                    .enumerate()
                    .map(|(k, line)| CentredLabel {
                        text: line,
                        x,
                        y: x_label_y + LINE * (k as f64 + 1.0),
                        size: FONT,
                        bold: false,
                    })
                    .collect()
            } else {
                Vec::new()
            };
            PlacedPoint {
                key: p.key.clone(),
                column: Rect {
                    x0: x - column_width / 2.0,
                    y0: 0.0,
                    x1: x + column_width / 2.0,
                    y1: 0.0, // set once the height is known
                },
                x,
                dot,
                value,
                x_label: Some(x_label),
                note,
                unknown,
            }
        })
        .collect();

    // Where the columns are too narrow for every label, write every second (third…) one; each
    // point's tooltip still says everything.
    let value_boxes: Vec<Option<Rect>> = placed
        .iter()
        .map(|p| p.value.as_ref().map(CentredLabel::bounds))
        .collect();
    let under_boxes: Vec<Option<Rect>> = placed.iter().map(under_bounds).collect();
    let keep_values = thin_labels(&value_boxes, plot.x0, width, LABEL_GAP);
    let keep_under = thin_labels(&under_boxes, plot.x0, width, LABEL_GAP);
    for ((p, kv), ku) in placed.iter_mut().zip(keep_values).zip(keep_under) {
        if !kv {
            p.value = None;
        }
        if !ku {
            p.x_label = None;
            p.note = None;
            p.unknown.clear();
        }
    }

    let lines_under = placed
        .iter()
        .map(|p| 1 + p.unknown.len())
        .max()
        .unwrap_or(1);
    let height = (x_label_y + LINE * lines_under as f64 + PAD).ceil();
    for p in &mut placed {
        p.column.y1 = height;
    }
    LineLayout {
        width,
        height,
        plot,
        scale,
        column_width,
        runs: runs(&placed),
        grid: gridlines(ticks, &scale, &plot),
        points: placed,
    }
}

/// What is written under a point: the year, its note's marker, the words for an unknown value.
fn under_bounds(p: &PlacedPoint) -> Option<Rect> {
    let year = p.x_label.as_ref()?.bounds();
    let others = p
        .note
        .iter()
        .map(Label::bounds)
        .chain(p.unknown.iter().map(CentredLabel::bounds));
    Some(others.fold(year, |a, b| Rect {
        x0: a.x0.min(b.x0),
        y0: a.y0.min(b.y0),
        x1: a.x1.max(b.x1),
        y1: a.y1.max(b.y1),
    }))
}

/// Runs of consecutive known points; an unknown point ends one.
fn runs(points: &[PlacedPoint]) -> Vec<Run> {
    points
        .split(|p| p.dot.is_none())
        .map(|run| Run {
            points: run.iter().filter_map(|p| p.dot).collect(),
        })
        .filter(|r| r.points.len() >= 2)
        .collect()
}

/// The caller's ticks on `scale`, skipping evenly any whose labels would touch.
fn gridlines(ticks: &[(f64, String)], scale: &Linear, plot: &Rect) -> Vec<Gridline> {
    let all: Vec<Gridline> = ticks
        .iter()
        .map(|(value, text)| {
            let y = scale.map(*value);
            Gridline {
                value: *value,
                y,
                label: Label {
                    text: text.clone(),
                    x: plot.x0 - 6.0,
                    y: y - TICK_FONT * TEXT_HEIGHT / 2.0,
                    size: TICK_FONT,
                    bold: false,
                    right_aligned: true,
                },
            }
        })
        .collect();
    let boxes: Vec<Option<Rect>> = all.iter().map(|g| Some(g.label.bounds())).collect();
    let keep = thin_labels(&boxes, 0.0, plot.x1 + PAD, LABEL_GAP);
    all.into_iter()
        .zip(keep)
        .filter_map(|(g, k)| k.then_some(g))
        .collect()
}

/// The point whose column holds `x`, or `None` left or right of the plot. Arithmetic on the equal
/// columns, never a scan: the mark at the same index is that point's.
pub fn point_at(layout: &LineLayout, x: f64) -> Option<usize> {
    let n = layout.points.len();
    let (x0, x1) = (layout.plot.x0, layout.plot.x1);
    if n == 0 || !(x >= x0 && x <= x1) || layout.column_width <= 0.0 {
        return None;
    }
    Some((((x - x0) / layout.column_width).floor() as usize).min(n - 1))
}

impl LineLayout {
    /// One mark per point, known or not, left to right; the whole column answers a pointer.
    pub fn marks(&self, points: &[LinePoint]) -> Vec<Mark> {
        self.points
            .iter()
            .zip(points)
            .map(|(laid, p)| {
                let focus = match laid.dot {
                    Some(d) => Rect {
                        x0: d.x,
                        y0: d.y,
                        x1: d.x,
                        y1: d.y,
                    }
                    .grow(DOT_R + 4.0),
                    // The words that say it is unknown (or, thinned away, the foot of the column).
                    None => under_bounds(laid).unwrap_or(Rect {
                        y0: self.plot.y1,
                        ..laid.column
                    }),
                };
                Mark {
                    key: MarkKey::row(laid.key.clone()),
                    pillar: None,
                    series: Some(Series::Primary),
                    hit: laid.column,
                    focus,
                    tooltip: p.tooltip.clone(),
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::mark::hit;

    fn point(year: u32, value: Option<f64>, note: Option<&str>) -> LinePoint {
        LinePoint {
            key: year.to_string(),
            x_label: year.to_string(),
            value,
            label: value.map_or("chưa rõ".into(), |v| format!("{v:.4}").replace('.', ",")),
            note: note.map(String::from),
            tooltip: Tooltip {
                title: format!("DTI {year}"),
                lines: vec![],
            },
        }
    }

    /// The provincial DTI average, 2020–2024, with 2022 unknown and notes on two years.
    fn series() -> Vec<LinePoint> {
        vec![
            point(2020, Some(0.3026), None),
            point(2021, Some(0.4051), Some("1")),
            point(2022, None, Some("2")),
            point(2023, Some(0.5581), None),
            point(2024, Some(0.6783), None),
        ]
    }

    fn ticks() -> Vec<(f64, String)> {
        (0..=4)
            .map(|i| {
                let v = f64::from(i) * 0.25;
                (v, format!("{v}").replace('.', ","))
            })
            .collect()
    }

    #[test]
    fn points_are_evenly_spaced_and_values_on_the_scale() {
        let l = layout(&series(), (0.0, 1.0), &ticks(), 360.0);
        let xs: Vec<f64> = l.points.iter().map(|p| p.x).collect();
        for w in xs.windows(2) {
            assert!((w[1] - w[0] - l.column_width).abs() < 1e-9);
        }
        assert!((xs[0] - (l.plot.x0 + l.column_width / 2.0)).abs() < 1e-9);
        assert!((xs[4] - (l.plot.x1 - l.column_width / 2.0)).abs() < 1e-9);
        // Corners and centre of the value scale, both ways.
        for (v, y) in [
            (0.0, l.plot.y1),
            (1.0, l.plot.y0),
            (0.5, (l.plot.y0 + l.plot.y1) / 2.0),
        ] {
            assert!((l.scale.map(v) - y).abs() < 1e-9);
            assert!((l.scale.invert(y) - v).abs() < 1e-9);
        }
        let d = l.points[0].dot.expect("known");
        assert!((d.y - l.scale.map(0.3026)).abs() < 1e-9);
        assert_eq!(l.grid.len(), 5);
        assert_eq!(l.grid[4].y, l.plot.y0);
    }

    #[test]
    fn an_unknown_value_is_a_gap_and_words_never_a_position() {
        let l = layout(&series(), (0.0, 1.0), &ticks(), 360.0);
        let gap = &l.points[2];
        assert_eq!(gap.dot, None);
        assert_eq!(gap.value, None);
        assert_eq!(gap.unknown.len(), 1);
        assert_eq!(gap.unknown[0].text, "chưa rõ");
        assert!(
            gap.unknown[0].y > l.plot.y1,
            "under the axis, not on the plot"
        );
        // The line stops at the gap: 2020–2021, then 2023–2024.
        assert_eq!(l.runs.len(), 2);
        assert_eq!(l.runs[0].points.len(), 2);
        assert_eq!(l.runs[1].points[0].x, l.points[3].x);
        let on_line = |y: f64| l.runs.iter().flat_map(|r| &r.points).any(|p| p.y == y);
        assert!(!on_line(l.plot.y1), "nothing drawn at zero");
    }

    #[test]
    fn a_value_that_cannot_be_placed_is_treated_as_unknown() {
        let mut pts = series();
        pts[1].value = Some(f64::INFINITY);
        let l = layout(&pts, (0.0, 1.0), &ticks(), 360.0);
        assert_eq!(l.points[1].dot, None);
        assert_eq!(l.points[1].unknown.len(), 1);
        assert_eq!(
            l.runs.len(),
            1,
            "2020 stands alone; only 2023–2024 are joined"
        );
        assert_eq!(l.points.iter().filter(|p| p.dot.is_some()).count(), 3);
    }

    #[test]
    fn a_lone_known_point_is_a_dot_without_a_line() {
        let pts = vec![
            point(2020, None, None),
            point(2021, Some(0.4), None),
            point(2022, None, None),
        ];
        let l = layout(&pts, (0.0, 1.0), &[], 360.0);
        assert!(l.runs.is_empty());
        assert!(l.points[1].dot.is_some());
    }

    #[test]
    fn notes_are_raised_markers_beside_their_years() {
        let l = layout(&series(), (0.0, 1.0), &ticks(), 360.0);
        let p = &l.points[1];
        let (year, note) = (
            p.x_label.as_ref().expect("year"),
            p.note.as_ref().expect("note"),
        );
        assert_eq!(note.text, "1");
        assert!(note.size >= 11.0 && note.size < year.size);
        assert!(note.y < year.y, "raised");
        assert!(note.x >= year.bounds().x1, "after the year");
        assert!(l.points[0].note.is_none());
        assert_eq!(
            l.points[2].note.as_ref().map(|n| n.text.as_str()),
            Some("2")
        );
    }

    fn all_boxes(l: &LineLayout) -> Vec<(String, Rect, f64)> {
        let mut out = Vec::new();
        for g in &l.grid {
            out.push((g.label.text.clone(), g.label.bounds(), g.label.size));
        }
        for p in &l.points {
            let centred = p.value.iter().chain(&p.x_label).chain(&p.unknown);
            for c in centred {
                out.push((c.text.clone(), c.bounds(), c.size));
            }
            if let Some(n) = &p.note {
                out.push((n.text.clone(), n.bounds(), n.size));
            }
        }
        out
    }

    #[test]
    fn no_label_overlaps_another_or_leaves_the_chart() {
        let many: Vec<LinePoint> = (2005..2025)
            .map(|y| point(y, (y != 2010).then_some(0.3), (y % 4 == 0).then_some("3")))
            .collect();
        for (pts, width) in [
            (series(), 360.0),
            (series(), 928.0),
            (series(), 280.0),
            (many.clone(), 360.0),
            (many, 928.0),
        ] {
            let l = layout(&pts, (0.0, 1.0), &ticks(), width);
            let boxes = all_boxes(&l);
            for (i, (a, ra, size)) in boxes.iter().enumerate() {
                assert!(*size >= 11.0, "`{a}` too small");
                assert!(ra.x0 >= 0.0 && ra.x1 <= l.width, "`{a}` leaves {width}");
                assert!(ra.y0 >= 0.0 && ra.y1 <= l.height, "`{a}` leaves {width}");
                for (b, rb, _) in &boxes[i + 1..] {
                    assert!(!ra.overlaps(rb), "`{a}` overlaps `{b}` at {width}");
                }
            }
        }
    }

    #[test]
    fn at_360px_every_year_value_and_note_is_written() {
        let l = layout(&series(), (0.0, 1.0), &ticks(), 360.0);
        assert!(l.points.iter().all(|p| p.x_label.is_some()));
        assert_eq!(l.points.iter().filter(|p| p.value.is_some()).count(), 4);
        assert_eq!(l.points.iter().filter(|p| p.note.is_some()).count(), 2);
    }

    #[test]
    fn every_point_is_a_mark_left_to_right_and_its_column_answers() {
        let pts = series();
        let l = layout(&pts, (0.0, 1.0), &ticks(), 360.0);
        let marks = l.marks(&pts);
        assert_eq!(marks.len(), 5);
        let keys: Vec<String> = marks.iter().map(|m| m.key.to_string()).collect();
        assert_eq!(keys, ["2020", "2021", "2022", "2023", "2024"]);
        assert_eq!(marks[2].tooltip.title, "DTI 2022");
        for (i, (m, p)) in marks.iter().zip(&l.points).enumerate() {
            let c = m.hit;
            assert!(c.width() >= 44.0);
            for (x, y) in [
                (c.x0 + 0.5, c.y0 + 0.5),
                (c.x1 - 0.5, c.y0 + 0.5),
                (c.x0 + 0.5, c.y1 - 0.5),
                (c.x1 - 0.5, c.y1 - 0.5),
                (p.x, l.height / 2.0),
            ] {
                assert_eq!(hit(&marks, x, y, 0.0), Some(i));
                assert_eq!(point_at(&l, x), Some(i));
            }
        }
        // The unknown point's focus is its words, under the axis.
        assert!(marks[2].focus.y0 > l.plot.y1);
        assert_eq!(point_at(&l, l.plot.x0 - 1.0), None);
        assert_eq!(point_at(&l, l.plot.x1 + 1.0), None);
        assert_eq!(point_at(&l, l.plot.x1), Some(4));
    }

    #[test]
    fn the_svg_draws_known_points_only_and_every_word() {
        use crate::chart::draw::{line_chart, Options};
        let mut pts = series();
        pts[4].label = "<i>".into();
        let d = line_chart(&pts, (0.0, 1.0), &ticks(), 360.0, &Options::default());
        assert!(d.svg.starts_with("<svg"));
        assert_eq!(d.svg.matches("<circle").count(), 4, "a dot per known value");
        // Four gridlines (the one at 0 is the axis), the axis, two runs.
        assert_eq!(d.svg.matches("<polyline").count(), 4 + 1 + 2);
        // Tick labels, four values, five years, two notes, one unknown.
        assert_eq!(d.svg.matches("<text").count(), 5 + 4 + 5 + 2 + 1);
        for t in ["2020", "2024", "0,3026", "chưa rõ", ">\n1\n<", ">\n2\n<"] {
            assert!(d.svg.contains(t), "{t}");
        }
        assert!(d.svg.contains("&lt;i&gt;") && !d.svg.contains("<i>"));
        assert_eq!(d.marks.len(), 5);
        assert_eq!((d.width, d.height), (360.0, d.height.ceil()));
    }
}
