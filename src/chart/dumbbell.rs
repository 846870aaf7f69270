//! Dumbbell rows: one value against another on the same scale, per row. The indicator chart puts
//! each 2023 result against its 2024 goal; the context chart puts the DTI 2022 against 2023.
//!
//! A value that is not known is not drawn at all (never at zero): its row says so in words, and
//! that statement is itself a mark the keyboard and the pointer reach, with its own tooltip.

use super::bars::{label, FONT, LINE, PAD, TICK_FONT};
use super::mark::{Label, Mark, MarkEnd, MarkKey, Rect, Series, Tooltip};
use super::scale::{Linear, Tick};
use super::text;
use crate::snapshot::Pillar;

/// One end of a dumbbell.
#[derive(Debug, Clone, PartialEq)]
pub enum End {
    Known {
        value: f64,
        tooltip: Tooltip,
    },
    /// Not published: said in the row's text and in this tooltip, never drawn as a position.
    Unknown {
        tooltip: Tooltip,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct DumbbellRow {
    pub key: String,
    pub pillar: Option<Pillar>,
    pub name: String,
    /// "? Chưa rõ" — status as an icon and a word, never as colour alone.
    pub status: Option<String>,
    /// "2023: 100% → 2024: ≥ 100%", or with "chưa công bố" for an unknown end.
    pub values: String,
    /// The earlier value (`Series::Primary`).
    pub from: End,
    /// The later value (`Series::Secondary`).
    pub to: End,
    /// Where the row's scale starts and ends; reversed for ranks (63 → 1), so right is better.
    pub domain: (f64, f64),
    /// Labels for the two ends of this row's own scale, when rows do not share one axis.
    pub ends: Option<(String, String)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Dot {
    pub x: f64,
    pub y: f64,
    pub series: Series,
}

/// The horizontal line a row's dots sit on: its scale, from `x0` to `x1`, at height `y`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Track {
    /// Where the row's domain starts (its first value), in px from the chart's left edge.
    pub x0: f64,
    /// Where the row's domain ends (its second value), in px from the chart's left edge.
    pub x1: f64,
    /// The line's height, in px from the chart's top: the dots' centre.
    pub y: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub key: String,
    pub pillar: Option<Pillar>,
    pub labels: Vec<Label>,
    pub track: Track,
    pub dots: Vec<Dot>,
    pub band: Rect,
    /// Where the values line sits, for marks of unknown ends.
    pub values_box: Rect,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DumbbellLayout {
    pub width: f64,
    pub height: f64,
    pub rows: Vec<Row>,
    /// Shared axis ticks when all rows share one scale; none otherwise.
    pub ticks: Vec<Tick>,
    pub axis_y: f64,
}

pub const DOT_R: f64 = 6.0;
pub const RING_R: f64 = 9.0;
const TRACK_H: f64 = 26.0;
const ROW_GAP: f64 = 20.0;

/// Lays out `rows` for a container `width` px wide. `shared_ticks` (value, label) draws one axis
/// under all rows, for rows that share a domain.
pub fn layout(rows: &[DumbbellRow], width: f64, shared_ticks: &[(f64, String)]) -> DumbbellLayout {
    let width = width.clamp(280.0, 1920.0).round();
    // Inset by the ring radius so a dot at either end of the scale is never cut off.
    let (left, right) = (PAD + RING_R, width - PAD - RING_R);
    let mut y = PAD;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let top = y;
        let Heading {
            mut labels,
            values_box,
        } = heading(&row.name, row.status.as_deref(), &row.values, width, &mut y);
        let scale = Linear::new(row.domain, (left, right));
        let cy = y + TRACK_H / 2.0;
        let mut dots = Vec::new();
        for (end, series) in [(&row.from, Series::Primary), (&row.to, Series::Secondary)] {
            if let End::Known { value, .. } = end {
                dots.push(Dot {
                    x: scale.map(*value).clamp(left, right),
                    y: cy,
                    series,
                });
            }
        }
        y += TRACK_H;
        if let Some((a, b)) = &row.ends {
            let small = |t: &str, x: f64, right_aligned: bool| Label {
                text: t.to_string(),
                x,
                y,
                size: TICK_FONT,
                bold: false,
                right_aligned,
            };
            labels.push(small(a, PAD, false));
            labels.push(small(b, width - PAD, true));
            y += TICK_FONT * 1.5;
        }
        out.push(Row {
            key: row.key.clone(),
            pillar: row.pillar,
            labels,
            track: Track {
                x0: left,
                x1: right,
                y: cy,
            },
            dots,
            band: Rect {
                x0: 0.0,
                y0: top - ROW_GAP / 2.0,
                x1: width,
                y1: y + ROW_GAP / 2.0,
            },
            values_box,
        });
        y += ROW_GAP;
    }
    let axis_y = y - ROW_GAP / 2.0;
    let ticks = shared_axis(rows.first().map(|r| r.domain), shared_ticks, (left, right));
    let height = if ticks.is_empty() {
        axis_y + PAD
    } else {
        axis_y + 6.0 + TICK_FONT * 1.4 + PAD
    };
    DumbbellLayout {
        width,
        height: height.ceil(),
        rows: out,
        ticks,
        axis_y,
    }
}

/// A row's words, laid out from `y` down (which it moves past them): the name in bold, wrapped,
/// then the status and the values on one line when both fit, else on lines of their own.
pub(crate) struct Heading {
    pub labels: Vec<Label>,
    /// Where the values are written: an unknown end's mark, since the words are what shows it.
    pub values_box: Rect,
}

pub(crate) fn heading(
    name: &str,
    status: Option<&str>,
    values: &str,
    width: f64,
    y: &mut f64,
) -> Heading {
    let text_w = width - 2.0 * PAD;
    let mut labels = Vec::new();
    for line in text::wrap_styled(name, FONT, true, text_w) {
        labels.push(label(&line, PAD, *y, true, false));
        *y += LINE;
    }
    let status_w = status.map_or(0.0, |s| text::width(s, FONT) + 12.0);
    let values_w = text::width(values, FONT);
    // The values go beside the status when both fit on one line, else on lines of their own.
    let own_lines = |labels: &mut Vec<Label>, y: &mut f64| {
        let start = *y;
        for line in text::wrap(values, FONT, text_w) {
            labels.push(label(&line, PAD, *y, false, false));
            *y += LINE;
        }
        Rect {
            x0: PAD,
            y0: start,
            x1: width - PAD,
            y1: *y,
        }
    };
    let values_box = match status {
        Some(status) if status_w + 16.0 + values_w <= text_w => {
            labels.push(label(status, PAD, *y, false, false));
            labels.push(label(values, width - PAD, *y, false, true));
            let r = Rect {
                x0: width - PAD - values_w,
                y0: *y,
                x1: width - PAD,
                y1: *y + LINE,
            };
            *y += LINE;
            r
        }
        Some(status) => {
            labels.push(label(status, PAD, *y, false, false));
            *y += LINE;
            own_lines(&mut labels, y)
        }
        None => own_lines(&mut labels, y),
    };
    Heading { labels, values_box }
}

/// One axis under all rows, on the first row's `domain` mapped onto `range`: the caller's ticks
/// (value, label), or none when there are no rows or no ticks.
pub(crate) fn shared_axis(
    domain: Option<(f64, f64)>,
    ticks: &[(f64, String)],
    (left, right): (f64, f64),
) -> Vec<Tick> {
    match domain {
        Some(domain) if !ticks.is_empty() => {
            let scale = Linear::new(domain, (left, right));
            ticks
                .iter()
                .map(|(v, l)| Tick {
                    value: *v,
                    x: scale.map(*v),
                    label: l.clone(),
                })
                .collect()
        }
        _ => Vec::new(),
    }
}

impl DumbbellLayout {
    /// One mark per end, known or not, in reading order: the earlier value, then the later.
    pub fn marks(&self, rows: &[DumbbellRow], hidden: &[Series]) -> Vec<Mark> {
        let mut marks = Vec::new();
        for (row, laid) in rows.iter().zip(&self.rows) {
            for (end, series) in [(&row.from, Series::Primary), (&row.to, Series::Secondary)] {
                if hidden.contains(&series) {
                    continue;
                }
                let (hit, focus, tooltip) = match end {
                    End::Known { tooltip, .. } => {
                        let Some(dot) = laid.dots.iter().find(|d| d.series == series) else {
                            continue;
                        };
                        let r = RING_R + 3.0;
                        let focus = Rect {
                            x0: dot.x - r,
                            y0: dot.y - r,
                            x1: dot.x + r,
                            y1: dot.y + r,
                        };
                        // A finger-sized target: 44 px square around the dot.
                        let hit = Rect {
                            x0: dot.x - 22.0,
                            y0: dot.y - 22.0,
                            x1: dot.x + 22.0,
                            y1: dot.y + 22.0,
                        };
                        (hit, focus, tooltip.clone())
                    }
                    End::Unknown { tooltip } => (laid.values_box, laid.values_box, tooltip.clone()),
                };
                marks.push(Mark {
                    key: MarkKey::end(row.key.clone(), MarkEnd::of(series)),
                    pillar: row.pillar,
                    series: Some(series),
                    hit,
                    focus,
                    tooltip,
                });
            }
        }
        marks
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::mark::hit;

    fn known(v: f64) -> End {
        End::Known {
            value: v,
            tooltip: Tooltip {
                title: format!("{v}"),
                lines: vec![],
            },
        }
    }

    fn unknown() -> End {
        End::Unknown {
            tooltip: Tooltip {
                title: "2023: chưa công bố".into(),
                lines: vec![],
            },
        }
    }

    fn rows() -> Vec<DumbbellRow> {
        vec![
            DumbbellRow {
                key: "a".into(),
                pillar: None,
                name: "Tỷ lệ cán bộ, công chức lãnh đạo sử dụng trợ lý ảo, khai thác dữ liệu từ Trung tâm giám sát, điều hành đô thị thông minh (IOC) tỉnh qua tài khoản được cấp".into(),
                status: Some("? Chưa rõ".into()),
                values: "2023: 98% → 2024: chưa công bố".into(),
                from: known(98.0),
                to: unknown(),
                domain: (0.0, 100.0),
                ends: None,
            },
            DumbbellRow {
                key: "b".into(),
                pillar: None,
                name: "Tỷ lệ kết quả giải quyết thủ tục hành chính được số hóa".into(),
                status: Some("? Chưa rõ".into()),
                values: "2023: chưa công bố → 2024: ≥ 100%".into(),
                from: unknown(),
                to: known(100.0),
                domain: (0.0, 100.0),
                ends: None,
            },
        ]
    }

    #[test]
    fn an_unknown_value_is_never_drawn_at_zero() {
        let l = layout(&rows(), 360.0, &[]);
        let b = &l.rows[1];
        assert_eq!(b.dots.len(), 1, "only the goal is drawn");
        assert_eq!(b.dots[0].series, Series::Secondary);
        assert!((b.dots[0].x - b.track.x1).abs() < 1e-9);
        assert!(b.dots.iter().all(|d| d.x > b.track.x0 + 1.0));
    }

    #[test]
    fn unknown_ends_are_still_marks_with_their_own_tooltip() {
        let r = rows();
        let l = layout(&r, 360.0, &[]);
        let marks = l.marks(&r, &[]);
        assert_eq!(marks.len(), 4);
        assert_eq!(marks[1].key.to_string(), "a:to");
        assert_eq!(marks[1].key, MarkKey::end("a", MarkEnd::To));
        assert_eq!(marks[1].tooltip.title, "2023: chưa công bố");
        assert_eq!(marks[2].key.to_string(), "b:from");
    }

    #[test]
    fn hidden_series_lose_their_marks() {
        let r = rows();
        let l = layout(&r, 360.0, &[]);
        let marks = l.marks(&r, &[Series::Secondary]);
        assert!(marks.iter().all(|m| m.series == Some(Series::Primary)));
        assert_eq!(marks.len(), 2);
    }

    #[test]
    fn long_names_wrap_inside_320px_and_rows_do_not_overlap() {
        let l = layout(
            &rows(),
            320.0,
            &[(0.0, "0%".into()), (100.0, "100%".into())],
        );
        for row in &l.rows {
            for lab in &row.labels {
                let w = text::width_styled(&lab.text, lab.size, lab.bold);
                let x0 = if lab.right_aligned { lab.x - w } else { lab.x };
                assert!(
                    x0 >= 0.0 && x0 + w <= l.width + 1e-9,
                    "`{}` is cut off",
                    lab.text
                );
            }
        }
        assert!(l.rows[0].band.y1 <= l.rows[1].band.y0 + 1e-9);
        assert!(l.rows[0].labels.len() > 3, "the long name wrapped");
        assert_eq!(l.ticks.len(), 2);
    }

    #[test]
    fn reversed_domains_put_better_ranks_to_the_right() {
        let row = DumbbellRow {
            key: "rank".into(),
            pillar: None,
            name: "Xếp hạng DTI".into(),
            status: None,
            values: "28 → 10".into(),
            from: known(28.0),
            to: known(10.0),
            domain: (63.0, 1.0),
            ends: Some(("63".into(), "1".into())),
        };
        let l = layout(std::slice::from_ref(&row), 400.0, &[]);
        let dots = &l.rows[0].dots;
        assert!(dots[1].x > dots[0].x);
    }

    #[test]
    fn the_pointer_finds_the_dot_it_is_on() {
        let r = rows();
        let l = layout(&r, 600.0, &[]);
        let marks = l.marks(&r, &[]);
        let dot = &l.rows[0].dots[0];
        assert_eq!(hit(&marks, dot.x, dot.y, 0.0), Some(0));
    }
}
