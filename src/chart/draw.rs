//! Drawing laid-out charts through plotters' `DrawingBackend`, so the same code draws in the
//! browser and natively (tests; charts pre-rendered at build time).

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::bars::{self, BarRow, BarsLayout};
use super::dumbbell::{self, DumbbellLayout, DumbbellRow};
use super::goals::{self, GoalRow, GoalsLayout};
use super::line::{self, LineLayout, LinePoint};
use super::mark::{CentredLabel, Drawn, Label, Rect, Series};
use super::ranking::{self, Ranking, RankingLayout};
use super::scale::Tick;
use crate::snapshot::Pillar;

/// Colours of one theme. Text ≥ 4.5:1 and marks ≥ 3:1 against the background (WCAG 2.1 AA).
///
/// `style/main.css` repeats them as custom properties for the page around the charts (`--bg`,
/// `--fg`, `--muted`, `--fill`, `--goal`, `--track`, `--track-stroke`); `tests/palette.rs` fails
/// when the two disagree.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    pub background: RGBColor,
    /// Also a ranking's mean rule and the diamond of a value reported against a goal.
    pub text: RGBColor,
    pub muted: RGBColor,
    /// Met; the earlier value of a dumbbell or a goal row; a ranking's bars; a series' line.
    pub fill: RGBColor,
    /// The later value (goal) of a dumbbell; a goal's tick; the bar of a ranking's own unit.
    pub goal: RGBColor,
    /// Also a ranking's gridlines and the band behind its own unit.
    pub track: RGBColor,
    pub track_stroke: RGBColor,
    /// Bars of pillars that are not the chosen one.
    pub dim: RGBColor,
}

impl Theme {
    pub const LIGHT: Theme = Theme {
        background: RGBColor(255, 255, 255),
        text: RGBColor(0x1b, 0x24, 0x2c),
        muted: RGBColor(0x4f, 0x5b, 0x66),
        fill: RGBColor(0x0b, 0x6a, 0x5a),
        goal: RGBColor(0x6b, 0x3f, 0xa0),
        track: RGBColor(0xe4, 0xea, 0xee),
        track_stroke: RGBColor(0x6b, 0x77, 0x85),
        dim: RGBColor(0x5b, 0x97, 0x8b),
    };
    pub const DARK: Theme = Theme {
        background: RGBColor(0x12, 0x17, 0x1c),
        text: RGBColor(0xe8, 0xed, 0xf1),
        muted: RGBColor(0xa9, 0xb4, 0xbe),
        fill: RGBColor(0x4f, 0xd1, 0xb5),
        goal: RGBColor(0xc9, 0xa7, 0xff),
        track: RGBColor(0x26, 0x2f, 0x37),
        track_stroke: RGBColor(0x8a, 0x97, 0xa3),
        dim: RGBColor(0x3f, 0x8f, 0x80),
    };
}

/// What the reader chose: theme, a pillar to highlight, series hidden through the legend.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    pub theme: Theme,
    pub highlight: Option<Pillar>,
    pub hidden: Vec<Series>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            theme: Theme::LIGHT,
            highlight: None,
            hidden: Vec::new(),
        }
    }
}

impl Options {
    fn shows(&self, s: Series) -> bool {
        !self.hidden.contains(&s)
    }

    /// Dimmed: a pillar is chosen and this is not it.
    fn dims(&self, pillar: Option<Pillar>) -> bool {
        self.highlight.is_some() && self.highlight != pillar
    }
}

type DrawResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;
type Area<DB> = DrawingArea<DB, plotters::coord::Shift>;

fn px(v: f64) -> i32 {
    v.round() as i32
}

fn rect<DB: DrawingBackend>(area: &Area<DB>, r: &Rect, style: ShapeStyle) -> DrawResult<DB> {
    area.draw(&Rectangle::new(
        [(px(r.x0), px(r.y0)), (px(r.x1), px(r.y1))],
        style,
    ))
}

fn text<DB: DrawingBackend>(area: &Area<DB>, l: &Label, color: &RGBColor) -> DrawResult<DB> {
    let h = if l.right_aligned {
        HPos::Right
    } else {
        HPos::Left
    };
    let style = font(l.size, l.bold)
        .color(color)
        .pos(Pos::new(h, VPos::Top));
    area.draw(&Text::new(l.text.clone(), (px(l.x), px(l.y)), style))
}

fn font(size: f64, bold: bool) -> FontDesc<'static> {
    // plotters' SVG backend writes `font-size` as size / 1.24; undo that so 14 means 14 px.
    FontDesc::new(
        FontFamily::SansSerif,
        size * 1.24,
        if bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        },
    )
}

/// Text centred on its `x` by the renderer, so it stays centred in whatever font the reader has.
fn centred<DB: DrawingBackend>(
    area: &Area<DB>,
    l: &CentredLabel,
    color: &RGBColor,
) -> DrawResult<DB> {
    let style = font(l.size, l.bold)
        .color(color)
        .pos(Pos::new(HPos::Center, VPos::Top));
    area.draw(&Text::new(l.text.clone(), (px(l.x), px(l.y)), style))
}

/// A straight line from (`x0`, `y0`) to (`x1`, `y1`).
fn segment<DB: DrawingBackend>(
    area: &Area<DB>,
    (x0, y0): (f64, f64),
    (x1, y1): (f64, f64),
    style: ShapeStyle,
) -> DrawResult<DB> {
    area.draw(&PathElement::new(
        vec![(px(x0), px(y0)), (px(x1), px(y1))],
        style,
    ))
}

/// A tick of the value axis at `axis_y`: a short stroke down, and its label under it.
fn tick<DB: DrawingBackend>(
    area: &Area<DB>,
    tick: &Tick,
    axis_y: f64,
    theme: &Theme,
) -> DrawResult<DB> {
    let (x, y) = (tick.x, axis_y);
    area.draw(&PathElement::new(
        vec![(px(x), px(y)), (px(x), px(y + 4.0))],
        theme.muted.stroke_width(1),
    ))?;
    let font = FontDesc::new(
        FontFamily::SansSerif,
        bars::TICK_FONT * 1.24,
        FontStyle::Normal,
    );
    area.draw(&Text::new(
        tick.label.clone(),
        (px(x), px(y + 6.0)),
        font.color(&theme.muted)
            .pos(Pos::new(HPos::Center, VPos::Top)),
    ))
}

/// Draws met-against-assigned bars onto any plotters backend.
pub fn draw_bars<DB: DrawingBackend>(backend: DB, l: &BarsLayout, o: &Options) -> DrawResult<DB> {
    let t = &o.theme;
    let area = backend.into_drawing_area();
    area.fill(&t.background)?;
    for bar in &l.bars {
        for lab in &bar.labels {
            text(&area, lab, &t.text)?;
        }
        let dim = o.dims(bar.pillar);
        if o.shows(Series::Secondary) {
            rect(&area, &bar.track, t.track.filled())?;
            rect(&area, &bar.track, t.track_stroke.stroke_width(1))?;
        }
        if o.shows(Series::Primary) && bar.fill.x1 > bar.fill.x0 {
            let color = if dim { t.dim } else { t.fill };
            rect(&area, &bar.fill, color.filled())?;
        }
        if o.highlight.is_some() && o.highlight == bar.pillar {
            let r = Rect {
                x0: bar.track.x0 - 2.0,
                y0: bar.track.y0 - 2.0,
                x1: bar.track.x1 + 2.0,
                y1: bar.track.y1 + 2.0,
            };
            rect(&area, &r, t.text.stroke_width(2))?;
        }
    }
    for tk in &l.ticks {
        tick(&area, tk, l.axis_y, t)?;
    }
    area.present()
}

/// Draws dumbbell rows onto any plotters backend.
pub fn draw_dumbbell<DB: DrawingBackend>(
    backend: DB,
    l: &DumbbellLayout,
    o: &Options,
) -> DrawResult<DB> {
    let t = &o.theme;
    let area = backend.into_drawing_area();
    area.fill(&t.background)?;
    for row in &l.rows {
        for lab in &row.labels {
            let color = if lab.size < bars::FONT {
                &t.muted
            } else {
                &t.text
            };
            text(&area, lab, color)?;
        }
        let track = row.track;
        area.draw(&PathElement::new(
            vec![(px(track.x0), px(track.y)), (px(track.x1), px(track.y))],
            t.track_stroke.stroke_width(1),
        ))?;
        let dim = o.dims(row.pillar);
        let shown: Vec<_> = row.dots.iter().filter(|d| o.shows(d.series)).collect();
        if let [a, b] = shown.as_slice() {
            area.draw(&PathElement::new(
                vec![(px(a.x), px(a.y)), (px(b.x), px(b.y))],
                t.muted.stroke_width(3),
            ))?;
        }
        for d in shown {
            match d.series {
                Series::Primary => area.draw(&Circle::new(
                    (px(d.x), px(d.y)),
                    px(dumbbell::DOT_R),
                    if dim { t.dim } else { t.fill }.filled(),
                ))?,
                Series::Secondary => area.draw(&Circle::new(
                    (px(d.x), px(d.y)),
                    px(dumbbell::RING_R),
                    t.goal.stroke_width(3),
                ))?,
                // Dumbbells have two ends; should one ever carry a third value, it is drawn as
                // the goals chart draws it.
                Series::Tertiary => diamond(&area, d.x, d.y, t.text)?,
            }
        }
        if o.highlight.is_some() && o.highlight == row.pillar {
            area.draw(&PathElement::new(
                vec![
                    (px(2.0), px(row.band.y0 + 6.0)),
                    (px(2.0), px(row.band.y1 - 6.0)),
                ],
                t.text.stroke_width(3),
            ))?;
        }
    }
    for tk in &l.ticks {
        tick(&area, tk, l.axis_y, t)?;
    }
    area.present()
}

/// Draws a ranking onto any plotters backend. One series, so `o.hidden` does not apply; the rows'
/// own `highlight` marks the page's unit, where `o.highlight` (a pillar) has nothing to choose.
pub fn draw_ranking<DB: DrawingBackend>(
    backend: DB,
    l: &RankingLayout,
    o: &Options,
) -> DrawResult<DB> {
    let t = &o.theme;
    let area = backend.into_drawing_area();
    area.fill(&t.background)?;
    // The page's own unit: a band behind its row and a rule at its left edge, beside its bold
    // text and its accent bar, so it stands out without resting on colour.
    for row in l.rows.iter().filter(|r| r.highlight) {
        rect(&area, &row.band, t.track.filled())?;
        let (y0, y1) = (row.band.y0 + 2.0, row.band.y1 - 2.0);
        segment(&area, (2.0, y0), (2.0, y1), t.text.stroke_width(3))?;
    }
    let (top, bottom) = (l.grid.top, l.grid.bottom());
    for g in &l.ticks {
        segment(&area, (g.x, top), (g.x, bottom), t.track.stroke_width(1))?;
        centred(&area, &g.label, &t.muted)?;
    }
    for row in &l.rows {
        if let Some(bar) = &row.bar {
            let color = if row.highlight { t.goal } else { t.fill };
            rect(&area, bar, color.filled())?;
        }
    }
    if let Some(m) = &l.mean {
        // On a halo of the background: the text colour alone is too close to the bars' to show
        // where it crosses them.
        let (top, bottom) = ((m.x, m.y0), (m.x, m.y1));
        segment(&area, top, bottom, t.background.stroke_width(4))?;
        segment(&area, top, bottom, t.text.stroke_width(2))?;
        for lab in &m.labels {
            text(&area, lab, &t.text)?;
        }
    }
    for row in &l.rows {
        // Unknowns in the muted colour; their words already say they are unknown.
        let rank = if row.rank_known { &t.text } else { &t.muted };
        let value = if row.bar.is_some() { &t.text } else { &t.muted };
        text(&area, &row.rank, rank)?;
        text(&area, &row.name, &t.text)?;
        text(&area, &row.value, value)?;
    }
    area.present()
}

/// Draws a series over years onto any plotters backend. One series, so `o.hidden` and
/// `o.highlight` do not apply.
pub fn draw_line<DB: DrawingBackend>(backend: DB, l: &LineLayout, o: &Options) -> DrawResult<DB> {
    let t = &o.theme;
    let area = backend.into_drawing_area();
    area.fill(&t.background)?;
    let (x0, x1, axis) = (l.plot.x0, l.plot.x1, l.plot.y1);
    for g in &l.grid {
        // The axis is drawn on its own, darker.
        if (g.y - axis).abs() >= 0.5 {
            segment(&area, (x0, g.y), (x1, g.y), t.track.stroke_width(1))?;
        }
        text(&area, &g.label, &t.muted)?;
    }
    segment(
        &area,
        (x0, axis),
        (x1, axis),
        t.track_stroke.stroke_width(1),
    )?;
    for run in &l.runs {
        let points: Vec<_> = run.points.iter().map(|p| (px(p.x), px(p.y))).collect();
        area.draw(&PathElement::new(points, t.fill.stroke_width(2)))?;
    }
    for p in &l.points {
        if let Some(d) = p.dot {
            let r = px(dumbbell::DOT_R);
            area.draw(&Circle::new((px(d.x), px(d.y)), r, t.fill.filled()))?;
        }
        for lab in p.value.iter().chain(&p.x_label) {
            centred(&area, lab, &t.text)?;
        }
        if let Some(n) = &p.note {
            text(&area, n, &t.text)?;
        }
        // In the muted colour; the words themselves say the value is unknown.
        for lab in &p.unknown {
            centred(&area, lab, &t.muted)?;
        }
    }
    area.present()
}

/// A filled diamond centred on (`x`, `y`): the value reported against a goal.
fn diamond<DB: DrawingBackend>(area: &Area<DB>, x: f64, y: f64, color: RGBColor) -> DrawResult<DB> {
    let r = goals::DIAMOND_R;
    let corners = [(x, y - r), (x + r, y), (x, y + r), (x - r, y)];
    let points: Vec<_> = corners.iter().map(|&(x, y)| (px(x), px(y))).collect();
    area.draw(&Polygon::new(points, color.filled()))
}

/// Draws goal rows onto any plotters backend: per row the goal's tick first, then the result's
/// dot and the reported value's diamond over it, in their lanes. `o.hidden` removes a series;
/// `o.highlight` (a pillar) does not apply.
pub fn draw_goals<DB: DrawingBackend>(backend: DB, l: &GoalsLayout, o: &Options) -> DrawResult<DB> {
    let t = &o.theme;
    let area = backend.into_drawing_area();
    area.fill(&t.background)?;
    for row in &l.rows {
        for lab in &row.labels {
            text(&area, lab, &t.text)?;
        }
        let track = row.track;
        let line = ((track.x0, track.y), (track.x1, track.y));
        segment(&area, line.0, line.1, t.track_stroke.stroke_width(1))?;
        for series in [Series::Secondary, Series::Primary, Series::Tertiary] {
            let Some(m) = row.markers.iter().find(|m| m.series == series) else {
                continue;
            };
            if !o.shows(series) {
                continue;
            }
            match series {
                Series::Primary => {
                    let r = px(dumbbell::DOT_R);
                    area.draw(&Circle::new((px(m.x), px(m.y)), r, t.fill.filled()))?;
                }
                Series::Secondary => {
                    let (y0, y1) = (track.y - goals::GOAL_TICK_R, track.y + goals::GOAL_TICK_R);
                    segment(&area, (m.x, y0), (m.x, y1), t.goal.stroke_width(3))?;
                }
                Series::Tertiary => diamond(&area, m.x, m.y, t.text)?,
            }
        }
    }
    for tk in &l.ticks {
        tick(&area, tk, l.axis_y, t)?;
    }
    area.present()
}

fn size(w: f64, h: f64) -> (u32, u32) {
    (px(w).max(1) as u32, px(h).max(1) as u32)
}

/// Bars as SVG with their marks, at `width`.
pub fn bars_chart(rows: &[BarRow], width: f64, o: &Options) -> Drawn {
    let l = bars::layout(rows, width);
    let mut svg = String::new();
    // Drawing into a String cannot fail for I/O reasons; should plotters report anything, a partial
    // SVG is still better than a panic in front of a reader.
    let _ = draw_bars(
        SVGBackend::with_string(&mut svg, size(l.width, l.height)),
        &l,
        o,
    );
    Drawn {
        marks: l.marks(rows),
        svg,
        width: l.width,
        height: l.height,
    }
}

/// Dumbbells as SVG with their marks, at `width`.
pub fn dumbbell_chart(
    rows: &[DumbbellRow],
    ticks: &[(f64, String)],
    width: f64,
    o: &Options,
) -> Drawn {
    let l = dumbbell::layout(rows, width, ticks);
    let mut svg = String::new();
    let _ = draw_dumbbell(
        SVGBackend::with_string(&mut svg, size(l.width, l.height)),
        &l,
        o,
    );
    Drawn {
        marks: l.marks(rows, &o.hidden),
        svg,
        width: l.width,
        height: l.height,
    }
}

/// A ranking as SVG with its marks (one per row, in display order), at `width`. For pointer moves,
/// keep [`ranking::layout`] of the same ranking and width and ask [`ranking::row_at`]: the mark at
/// that index is the row's, found without a scan.
pub fn ranking_chart(r: &Ranking, width: f64, o: &Options) -> Drawn {
    let l = ranking::layout(r, width);
    let mut svg = String::new();
    let _ = draw_ranking(
        SVGBackend::with_string(&mut svg, size(l.width, l.height)),
        &l,
        o,
    );
    Drawn {
        marks: l.marks(&r.rows),
        svg,
        width: l.width,
        height: l.height,
    }
}

/// A series over years as SVG with its marks (one per point, left to right), at `width`: values
/// on `domain`, y ticks (value, label) from the caller. For pointer moves, keep
/// [`line::layout`] and ask [`line::point_at`].
pub fn line_chart(
    points: &[LinePoint],
    domain: (f64, f64),
    ticks: &[(f64, String)],
    width: f64,
    o: &Options,
) -> Drawn {
    let l = line::layout(points, domain, ticks, width);
    let mut svg = String::new();
    let _ = draw_line(
        SVGBackend::with_string(&mut svg, size(l.width, l.height)),
        &l,
        o,
    );
    Drawn {
        marks: l.marks(points),
        svg,
        width: l.width,
        height: l.height,
    }
}

/// Goal rows as SVG with their marks (three per row, result, goal, reported), at `width`, with
/// `ticks` (value, label) as one axis under all rows.
pub fn goals_chart(rows: &[GoalRow], ticks: &[(f64, String)], width: f64, o: &Options) -> Drawn {
    let l = goals::layout(rows, width, ticks);
    let mut svg = String::new();
    let _ = draw_goals(
        SVGBackend::with_string(&mut svg, size(l.width, l.height)),
        &l,
        o,
    );
    Drawn {
        marks: l.marks(rows, &o.hidden),
        svg,
        width: l.width,
        height: l.height,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::dumbbell::End;
    use crate::chart::mark::Tooltip;

    fn bar_rows() -> Vec<BarRow> {
        vec![
            BarRow {
                key: "digital_government".into(),
                pillar: Some(Pillar::DigitalGovernment),
                name: "Chính quyền số".into(),
                met: 13,
                assigned: 16,
                value_label: "13/16 · 81,3%".into(),
                tooltip: Tooltip::default(),
            },
            BarRow {
                key: "digital_society".into(),
                pillar: Some(Pillar::DigitalSociety),
                name: "Xã hội số <b>".into(),
                met: 14,
                assigned: 15,
                value_label: "14/15 · 93,3%".into(),
                tooltip: Tooltip::default(),
            },
        ]
    }

    #[test]
    fn the_svg_has_a_bar_per_row_and_its_labels() {
        let d = bars_chart(&bar_rows(), 360.0, &Options::default());
        assert!(d.svg.starts_with("<svg"));
        // background + per bar: track fill, track outline, met fill
        assert_eq!(d.svg.matches("<rect").count(), 1 + 2 * 3);
        assert!(d.svg.contains("Chính quyền số"));
        assert!(d.svg.contains("13/16 · 81,3%"));
        assert_eq!(d.marks.len(), 2);
        // Text from data is escaped, never markup.
        assert!(d.svg.contains("Xã hội số &lt;b&gt;"));
        assert!(!d.svg.contains("<b>"));
    }

    /// WCAG 2.1 contrast ratio.
    fn contrast(a: RGBColor, b: RGBColor) -> f64 {
        let lum = |c: RGBColor| {
            let f = |v: u8| {
                let x = f64::from(v) / 255.0;
                if x <= 0.03928 {
                    x / 12.92
                } else {
                    ((x + 0.055) / 1.055).powf(2.4)
                }
            };
            0.2126 * f(c.0) + 0.7152 * f(c.1) + 0.0722 * f(c.2)
        };
        let (x, y) = (lum(a), lum(b));
        (x.max(y) + 0.05) / (x.min(y) + 0.05)
    }

    #[test]
    fn themes_meet_wcag_aa_text_and_mark_contrast() {
        for t in [Theme::LIGHT, Theme::DARK] {
            for text in [t.text, t.muted] {
                assert!(
                    contrast(text, t.background) >= 4.5,
                    "{text:?} on {:?}",
                    t.background
                );
            }
            for mark in [t.fill, t.goal, t.dim, t.track_stroke] {
                assert!(
                    contrast(mark, t.background) >= 3.0,
                    "{mark:?} on {:?}",
                    t.background
                );
            }
        }
    }

    #[test]
    fn the_ranking_highlight_band_keeps_words_and_bars_readable() {
        for t in [Theme::LIGHT, Theme::DARK] {
            for text in [t.text, t.muted] {
                assert!(contrast(text, t.track) >= 4.5, "{text:?} on {:?}", t.track);
            }
            for mark in [t.goal, t.text] {
                assert!(contrast(mark, t.track) >= 3.0, "{mark:?} on {:?}", t.track);
            }
            // The mean's rule crosses the bars on a halo of the background.
            for bar in [t.fill, t.goal] {
                assert!(contrast(t.background, bar) >= 3.0, "the halo on {bar:?}");
            }
        }
    }

    #[test]
    fn legend_toggles_remove_a_series_from_the_drawing() {
        let o = Options {
            hidden: vec![Series::Secondary],
            ..Options::default()
        };
        let d = bars_chart(&bar_rows(), 360.0, &o);
        assert_eq!(d.svg.matches("<rect").count(), 1 + 2);
    }

    #[test]
    fn the_chosen_pillar_is_outlined_and_the_others_dimmed() {
        let o = Options {
            highlight: Some(Pillar::DigitalSociety),
            ..Options::default()
        };
        let d = bars_chart(&bar_rows(), 360.0, &o);
        // one extra outline rectangle, and one bar in the dimmed colour
        assert_eq!(d.svg.matches("<rect").count(), 1 + 2 * 3 + 1);
        assert!(d.svg.to_uppercase().contains("#5B978B"));
    }

    #[test]
    fn dumbbells_draw_dots_only_for_known_values() {
        let tip = Tooltip::default();
        let rows = vec![DumbbellRow {
            key: "x".into(),
            pillar: None,
            name: "Tỷ lệ kết quả giải quyết thủ tục hành chính được số hóa".into(),
            status: Some("? Chưa rõ".into()),
            values: "2023: chưa công bố → 2024: ≥ 100%".into(),
            from: End::Unknown {
                tooltip: tip.clone(),
            },
            to: End::Known {
                value: 100.0,
                tooltip: tip,
            },
            domain: (0.0, 100.0),
            ends: None,
        }];
        let d = dumbbell_chart(
            &rows,
            &[(0.0, "0%".into()), (100.0, "100%".into())],
            320.0,
            &Options::default(),
        );
        assert_eq!(d.svg.matches("<circle").count(), 1);
        assert!(d.svg.contains("2023: chưa công bố"));
        assert_eq!(d.marks.len(), 2);
    }
}
