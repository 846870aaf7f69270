//! Drawing laid-out charts through plotters' `DrawingBackend`, so the same code draws in the
//! browser and natively.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::pillars::{Label, PillarLayout, Rect};

/// Colours of one theme. Text ≥ 4.5:1 and marks ≥ 3:1 against the background (WCAG 2.1 AA).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    pub background: RGBColor,
    pub text: RGBColor,
    pub muted: RGBColor,
    pub fill: RGBColor,
    pub track: RGBColor,
    pub track_stroke: RGBColor,
}

impl Theme {
    pub const LIGHT: Theme = Theme {
        background: RGBColor(255, 255, 255),
        text: RGBColor(0x1b, 0x24, 0x2c),
        muted: RGBColor(0x4f, 0x5b, 0x66),
        fill: RGBColor(0x0b, 0x6a, 0x5a),
        track: RGBColor(0xe4, 0xea, 0xee),
        track_stroke: RGBColor(0x6b, 0x77, 0x85),
    };
    pub const DARK: Theme = Theme {
        background: RGBColor(0x12, 0x17, 0x1c),
        text: RGBColor(0xe8, 0xed, 0xf1),
        muted: RGBColor(0xa9, 0xb4, 0xbe),
        fill: RGBColor(0x4f, 0xd1, 0xb5),
        track: RGBColor(0x26, 0x2f, 0x37),
        track_stroke: RGBColor(0x8a, 0x97, 0xa3),
    };
}

type DrawResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

fn px(v: f64) -> i32 {
    v.round() as i32
}

fn rect<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    r: &Rect,
    style: ShapeStyle,
) -> DrawResult<DB> {
    area.draw(&Rectangle::new(
        [(px(r.x0), px(r.y0)), (px(r.x1), px(r.y1))],
        style,
    ))
}

fn text<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    l: &Label,
    color: &RGBColor,
) -> DrawResult<DB> {
    let h = if l.right_aligned {
        HPos::Right
    } else {
        HPos::Left
    };
    // plotters' SVG backend writes `font-size` as size / 1.24; undo that so 14 means 14 px.
    let font = FontDesc::new(
        FontFamily::SansSerif,
        l.size * 1.24,
        if l.bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        },
    );
    let style = font.color(color).pos(Pos::new(h, VPos::Top));
    area.draw(&Text::new(l.text.clone(), (px(l.x), px(l.y)), style))
}

/// Draws the pillar chart onto any plotters backend.
pub fn draw_pillars<DB: DrawingBackend>(
    backend: DB,
    l: &PillarLayout,
    theme: &Theme,
) -> DrawResult<DB> {
    let area = backend.into_drawing_area();
    area.fill(&theme.background)?;
    for bar in &l.bars {
        for lab in &bar.labels {
            text(&area, lab, &theme.text)?;
        }
        rect(&area, &bar.track, theme.track.filled())?;
        rect(&area, &bar.track, theme.track_stroke.stroke_width(1))?;
        if bar.fill.x1 > bar.fill.x0 {
            rect(&area, &bar.fill, theme.fill.filled())?;
        }
    }
    for (_, x, label) in &l.ticks {
        area.draw(&PathElement::new(
            vec![(px(*x), px(l.axis_y)), (px(*x), px(l.axis_y + 4.0))],
            theme.muted.stroke_width(1),
        ))?;
        let tick = Label {
            text: label.clone(),
            x: *x,
            y: l.axis_y + 6.0,
            size: PillarLayout::TICK_FONT,
            bold: false,
            right_aligned: false,
        };
        let font = FontDesc::new(FontFamily::SansSerif, tick.size * 1.24, FontStyle::Normal);
        area.draw(&Text::new(
            tick.text,
            (px(tick.x), px(tick.y)),
            font.color(&theme.muted)
                .pos(Pos::new(HPos::Center, VPos::Top)),
        ))?;
    }
    area.present()
}

/// The pillar chart as an SVG document.
pub fn render_svg(l: &PillarLayout, theme: &Theme) -> String {
    let mut out = String::new();
    let size = (px(l.width).max(1) as u32, px(l.height).max(1) as u32);
    // Drawing into a String cannot fail for I/O reasons; an error here would be a layout bug, and
    // a partial SVG is still better than a panic in front of a reader.
    let _ = draw_pillars(SVGBackend::with_string(&mut out, size), l, theme);
    out
}

#[cfg(test)]
mod tests {
    use super::super::pillars::{layout, PillarRow};
    use super::*;
    use crate::snapshot::Pillar;

    #[test]
    fn the_svg_has_a_bar_per_pillar_and_its_labels() {
        let rows = vec![
            PillarRow {
                pillar: Pillar::DigitalGovernment,
                name: "Chính quyền số".into(),
                met: 13,
                assigned: 16,
                value_label: "13/16 · 81,3%".into(),
            },
            PillarRow {
                pillar: Pillar::DigitalSociety,
                name: "Xã hội số <b>".into(),
                met: 14,
                assigned: 15,
                value_label: "14/15 · 93,3%".into(),
            },
        ];
        let svg = render_svg(&layout(&rows, 360.0), &Theme::LIGHT);
        assert!(svg.starts_with("<svg"));
        // background + per bar: track fill, track outline, met fill
        assert_eq!(svg.matches("<rect").count(), 1 + 2 * 3);
        assert!(svg.contains("Chính quyền số"));
        assert!(svg.contains("13/16 · 81,3%"));
        // Text from data is escaped, never markup.
        assert!(svg.contains("Xã hội số &lt;b&gt;"));
        assert!(!svg.contains("<b>"));
    }
}
