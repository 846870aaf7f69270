//! Met-against-assigned bars: the headline chart (one bar per as-of) and the pillar chart (one bar
//! per pillar).
//!
//! Horizontal bars keep names readable at 320 px, where vertical bars would need rotated or cut
//! labels. The outlined track is the number assigned, the solid bar the number met, and the
//! numbers are written beside each bar, so nothing rests on colour or length alone.

use super::mark::{Label, Mark, MarkKey, Rect, Series, Tooltip};
use super::scale::{Linear, Tick};
use super::text;
use crate::snapshot::Pillar;

/// One bar's figures and the texts that go with them (already in the reader's language).
#[derive(Debug, Clone, PartialEq)]
pub struct BarRow {
    pub key: String,
    pub pillar: Option<Pillar>,
    pub name: String,
    pub met: u32,
    pub assigned: u32,
    /// "13/16 · 81,3%".
    pub value_label: String,
    pub tooltip: Tooltip,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub key: String,
    pub pillar: Option<Pillar>,
    pub labels: Vec<Label>,
    /// The number assigned.
    pub track: Rect,
    /// The number met.
    pub fill: Rect,
    /// The whole row (labels and bar): what a pointer or a tap selects.
    pub band: Rect,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BarsLayout {
    pub width: f64,
    pub height: f64,
    pub scale: Linear,
    pub bars: Vec<Bar>,
    /// The value axis's ticks, under the last bar.
    pub ticks: Vec<Tick>,
    pub axis_y: f64,
}

pub const PAD: f64 = 8.0;
pub const FONT: f64 = 14.0;
pub const LINE: f64 = 20.0;
const BAR_H: f64 = 22.0;
const ROW_GAP: f64 = 18.0;
pub const TICK_FONT: f64 = 12.0;

/// Lays the chart out for a container `width` px wide (clamped to 280–1920).
pub fn layout(rows: &[BarRow], width: f64) -> BarsLayout {
    let width = width.clamp(280.0, 1920.0).round();
    let (left, right) = (PAD, width - PAD);
    let plot_w = right - left;
    let max = rows.iter().map(|r| r.assigned).max().unwrap_or(1).max(1);
    let scale = Linear::new((0.0, f64::from(max)), (left, right));

    let mut y = PAD;
    let mut bars = Vec::with_capacity(rows.len());
    for row in rows {
        let top = y;
        let mut labels = Vec::new();
        let value_w = text::width_styled(&row.value_label, FONT, true);
        let name_w = text::width(&row.name, FONT);
        if name_w + 16.0 + value_w <= plot_w {
            labels.push(label(&row.name, left, y, false, false));
            labels.push(label(&row.value_label, right, y, true, true));
            y += LINE;
        } else {
            for line in text::wrap(&row.name, FONT, plot_w) {
                labels.push(label(&line, left, y, false, false));
                y += LINE;
            }
            labels.push(label(&row.value_label, left, y, true, false));
            y += LINE;
        }
        y += 4.0;
        let track = Rect {
            x0: scale.map(0.0),
            y0: y,
            x1: scale.map(f64::from(row.assigned)),
            y1: y + BAR_H,
        };
        let fill = Rect {
            x1: scale.map(f64::from(row.met.min(row.assigned))),
            ..track
        };
        y += BAR_H;
        bars.push(Bar {
            key: row.key.clone(),
            pillar: row.pillar,
            labels,
            track,
            fill,
            band: Rect {
                x0: 0.0,
                y0: top - ROW_GAP / 2.0,
                x1: width,
                y1: y + ROW_GAP / 2.0,
            },
        });
        y += ROW_GAP;
    }

    let axis_y = y - ROW_GAP / 2.0;
    // About one tick per 70 px, so tick labels never touch.
    let count = ((plot_w / 70.0).floor() as usize).clamp(2, 10);
    let ticks = scale
        .ticks(count)
        .into_iter()
        .map(|v| Tick {
            value: v,
            x: scale.map(v),
            label: format!("{v}"),
        })
        .collect();
    BarsLayout {
        width,
        height: (axis_y + 6.0 + TICK_FONT * 1.4 + PAD).ceil(),
        scale,
        bars,
        ticks,
        axis_y,
    }
}

pub(crate) fn label(t: &str, x: f64, y: f64, bold: bool, right_aligned: bool) -> Label {
    Label {
        text: t.to_string(),
        x,
        y,
        size: FONT,
        bold,
        right_aligned,
    }
}

impl BarsLayout {
    /// One mark per bar; the whole row answers, not only the bar, so a finger on a phone does not
    /// have to hit a 22 px strip.
    pub fn marks(&self, rows: &[BarRow]) -> Vec<Mark> {
        self.bars
            .iter()
            .zip(rows)
            .map(|(bar, row)| Mark {
                key: MarkKey::row(bar.key.clone()),
                pillar: bar.pillar,
                series: Some(Series::Primary),
                hit: bar.band,
                focus: Rect {
                    x0: bar.track.x0 - 3.0,
                    y0: bar.band.y0 + 4.0,
                    x1: bar.track.x1.max(bar.fill.x1) + 3.0,
                    y1: bar.track.y1 + 3.0,
                },
                tooltip: row.tooltip.clone(),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::mark::hit;

    fn rows() -> Vec<BarRow> {
        [
            (Pillar::DigitalGovernment, "Chính quyền số", 13, 16),
            (Pillar::DigitalEconomy, "Kinh tế số", 6, 8),
            (Pillar::DigitalSociety, "Xã hội số", 14, 15),
        ]
        .into_iter()
        .map(|(pillar, name, met, assigned)| BarRow {
            key: pillar.as_str().into(),
            pillar: Some(pillar),
            name: name.into(),
            met,
            assigned,
            value_label: format!("{met}/{assigned}"),
            tooltip: Tooltip::default(),
        })
        .collect()
    }

    #[test]
    fn bars_are_proportional_to_met_and_assigned() {
        let l = layout(&rows(), 336.0);
        let unit = (l.width - 16.0) / 16.0;
        let b = &l.bars[0];
        assert!((b.track.x1 - b.track.x0 - 16.0 * unit).abs() < 1e-6);
        assert!((b.fill.x1 - b.fill.x0 - 13.0 * unit).abs() < 1e-6);
        let e = &l.bars[1];
        assert!((e.track.x1 - e.track.x0 - 8.0 * unit).abs() < 1e-6);
    }

    #[test]
    fn rows_do_not_overlap_and_fit_at_320px() {
        let l = layout(&rows(), 320.0);
        for pair in l.bars.windows(2) {
            assert!(pair[0].band.y1 <= pair[1].band.y0 + 1e-9);
        }
        for b in &l.bars {
            assert!(b.track.x1 <= l.width && b.track.x0 >= 0.0);
            for lab in &b.labels {
                let w = text::width_styled(&lab.text, lab.size, lab.bold);
                let (x0, x1) = if lab.right_aligned {
                    (lab.x - w, lab.x)
                } else {
                    (lab.x, lab.x + w)
                };
                assert!(x0 >= 0.0 && x1 <= l.width, "{} cut off", lab.text);
            }
        }
        assert!(l.height > l.axis_y);
    }

    #[test]
    fn a_long_name_wraps_instead_of_running_into_the_numbers() {
        let mut r = rows();
        r[0].name = "Chính quyền số và các chỉ tiêu liên quan đến dịch vụ công trực tuyến".into();
        let l = layout(&r, 320.0);
        assert!(l.bars[0].labels.len() > 2);
    }

    #[test]
    fn hit_testing_finds_the_row_under_the_pointer() {
        let r = rows();
        let l = layout(&r, 600.0);
        let marks = l.marks(&r);
        for (i, b) in l.bars.iter().enumerate() {
            let cy = (b.track.y0 + b.track.y1) / 2.0;
            assert_eq!(hit(&marks, b.track.x0 + 1.0, cy, 0.0), Some(i));
            assert_eq!(
                hit(&marks, l.width - 1.0, b.labels[0].y + 2.0, 0.0),
                Some(i)
            );
        }
        assert_eq!(hit(&marks, 10.0, l.height + 50.0, 0.0), None);
    }

    #[test]
    fn ticks_sit_on_the_scale_and_say_their_value() {
        let l = layout(&rows(), 640.0);
        assert!(l.ticks.len() >= 2);
        assert_eq!(l.ticks[0].value, 0.0);
        assert_eq!(l.ticks[0].x, PAD);
        for t in &l.ticks {
            assert_eq!(t.x, l.scale.map(t.value));
            assert_eq!(t.label, format!("{}", t.value));
        }
    }

    #[test]
    fn empty_data_lays_out_without_bars() {
        let l = layout(&[], 320.0);
        assert!(l.bars.is_empty());
        assert!(l.height > 0.0);
    }
}
