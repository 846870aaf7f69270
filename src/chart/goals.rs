//! Goals against their results: each goal beside the earlier result and the value reported
//! later, with a status in words (were the 2024 goals reached?).
//!
//! Rows read like the dumbbells (the name above, the status and the values in words, a track on
//! the row's scale), but with three values on the track, each in a look of its own and not only
//! a colour of its own: the earlier result a dot, the goal a vertical target tick, the reported
//! value a diamond. The dot and the diamond sit in lanes above and below the track and the tick
//! crosses both, so equal values never hide one another.
//!
//! A value that is not known is not drawn (never at zero): the values line says so in words, and
//! that statement is itself a mark with its own tooltip, as in the dumbbells.

use super::bars::{PAD, TICK_FONT};
use super::dumbbell::{heading, shared_axis, End, Heading, Track, DOT_R};
use super::mark::{Label, Mark, MarkEnd, MarkKey, Rect, Series};
use super::scale::{Linear, Tick};

/// One goal with the texts that go with it (already in the reader's language).
#[derive(Debug, Clone, PartialEq)]
pub struct GoalRow {
    pub key: String,
    pub name: String,
    /// "✓ Đạt (15/10/2024)": an icon and words, never a colour alone.
    pub status: String,
    /// One line summing up the three values, with "chưa công bố" for an unknown one.
    pub values: String,
    /// The earlier result ([`Series::Primary`], a dot).
    pub result: End,
    /// The goal ([`Series::Secondary`], a vertical tick).
    pub goal: End,
    /// The value reported against the goal ([`Series::Tertiary`], a diamond).
    pub reported: End,
    /// Where the row's scale starts and ends.
    pub domain: (f64, f64),
}

/// A known value on its row's track.
#[derive(Debug, Clone, PartialEq)]
pub struct Marker {
    pub series: Series,
    pub x: f64,
    /// The centre of the marker's lane: above the track for the result, on it for the goal,
    /// below it for the reported value.
    pub y: f64,
}

/// The three lanes across a row's track, top to bottom: result, goal, reported.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Lanes {
    pub top: f64,
    pub lane_height: f64,
}

impl Lanes {
    fn index(series: Series) -> usize {
        match series {
            Series::Primary => 0,
            Series::Secondary => 1,
            Series::Tertiary => 2,
        }
    }

    /// The centre of `series`' lane.
    pub fn centre(&self, series: Series) -> f64 {
        self.top + self.lane_height * (Self::index(series) as f64 + 0.5)
    }

    pub fn bottom(&self) -> f64 {
        self.top + 3.0 * self.lane_height
    }
}

/// One goal row laid out.
#[derive(Debug, Clone, PartialEq)]
pub struct GoalRowLayout {
    pub key: String,
    pub labels: Vec<Label>,
    /// The line at the goal lane's centre, across the row's scale.
    pub track: Track,
    pub lanes: Lanes,
    /// The known values, in the order result, goal, reported.
    pub markers: Vec<Marker>,
    pub band: Rect,
    /// Where the values line is written, for marks of unknown values.
    pub values_box: Rect,
}

#[derive(Debug, Clone, PartialEq)]
pub struct GoalsLayout {
    pub width: f64,
    pub height: f64,
    pub rows: Vec<GoalRowLayout>,
    /// Shared axis ticks, on the first row's domain; none when the caller gives none.
    pub ticks: Vec<Tick>,
    pub axis_y: f64,
}

/// Half the diamond's diagonal.
pub const DIAMOND_R: f64 = 7.0;
/// Half the goal tick's length: it crosses all three lanes, past the dot's and the diamond's
/// outer edges, so it shows beyond them at an equal value.
pub const GOAL_TICK_R: f64 = 1.5 * LANE_H;
const LANE_H: f64 = 16.0;
/// Between the text's edge and the scale's ends: room for a marker at either end, and for a
/// centred tick label as wide as "100%".
const INSET: f64 = 12.0;
const ROW_GAP: f64 = 20.0;
/// A finger's width, for the hit area around each marker.
const FINGER: f64 = 44.0;

/// Lays out `rows` for a container `width` px wide (clamped to 280–1920). `shared_ticks` (value,
/// label) draws one axis under all rows, on the first row's domain.
pub fn layout(rows: &[GoalRow], width: f64, shared_ticks: &[(f64, String)]) -> GoalsLayout {
    let width = width.clamp(280.0, 1920.0).round();
    let (left, right) = (PAD + INSET, width - PAD - INSET);
    let mut y = PAD;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let top = y;
        let Heading { labels, values_box } =
            heading(&row.name, Some(&row.status), &row.values, width, &mut y);
        y += 4.0;
        let lanes = Lanes {
            top: y,
            lane_height: LANE_H,
        };
        let scale = Linear::new(row.domain, (left, right));
        let markers = ends(row)
            .into_iter()
            .filter_map(|(end, series)| match end {
                // A value that cannot be placed is said, like an unknown one, never put at an end.
                End::Known { value, .. } if value.is_finite() => Some(Marker {
                    series,
                    x: scale.map(*value).clamp(left, right),
                    y: lanes.centre(series),
                }),
                _ => None,
            })
            .collect();
        y = lanes.bottom();
        out.push(GoalRowLayout {
            key: row.key.clone(),
            labels,
            track: Track {
                x0: left,
                x1: right,
                y: lanes.centre(Series::Secondary),
            },
            lanes,
            markers,
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
    GoalsLayout {
        width,
        height: height.ceil(),
        rows: out,
        ticks,
        axis_y,
    }
}

/// A row's three values in reading order, each with its series.
fn ends(row: &GoalRow) -> [(&End, Series); 3] {
    [
        (&row.result, Series::Primary),
        (&row.goal, Series::Secondary),
        (&row.reported, Series::Tertiary),
    ]
}

impl GoalRowLayout {
    /// Where `m` answers a pointer: a finger wide, and the whole track high, except that where
    /// another marker is within a finger's width the two share the height at the line between
    /// their lanes, so each stays reachable even at the same value.
    pub fn hit_area(&self, m: &Marker) -> Rect {
        let mut y0 = self.lanes.top - 4.0;
        let mut y1 = self.lanes.bottom() + 4.0;
        for other in self.markers.iter().filter(|o| o.series != m.series) {
            if (other.x - m.x).abs() < FINGER {
                let between = (other.y + m.y) / 2.0;
                if other.y < m.y {
                    y0 = y0.max(between);
                } else {
                    y1 = y1.min(between);
                }
            }
        }
        Rect {
            x0: m.x - FINGER / 2.0,
            y0,
            x1: m.x + FINGER / 2.0,
            y1,
        }
    }

    /// The outline around `m` when it is active: its shape, with room.
    pub fn focus_area(&self, m: &Marker) -> Rect {
        let (rx, ry) = match m.series {
            Series::Primary => (DOT_R, DOT_R),
            Series::Secondary => (3.0, GOAL_TICK_R),
            Series::Tertiary => (DIAMOND_R, DIAMOND_R),
        };
        Rect {
            x0: m.x - rx - 3.0,
            y0: m.y - ry - 3.0,
            x1: m.x + rx + 3.0,
            y1: m.y + ry + 3.0,
        }
    }
}

impl GoalsLayout {
    /// Three marks per row, known or not, in reading order: the result, the goal, the reported
    /// value. Hidden series lose theirs.
    pub fn marks(&self, rows: &[GoalRow], hidden: &[Series]) -> Vec<Mark> {
        let mut marks = Vec::new();
        for (row, laid) in rows.iter().zip(&self.rows) {
            for (end, series) in ends(row) {
                if hidden.contains(&series) {
                    continue;
                }
                let (End::Known { tooltip, .. } | End::Unknown { tooltip }) = end;
                // Unknown (or unplaceable) values answer where the words say them.
                let (hit, focus) = match laid.markers.iter().find(|m| m.series == series) {
                    Some(m) => (laid.hit_area(m), laid.focus_area(m)),
                    None => (laid.values_box, laid.values_box),
                };
                marks.push(Mark {
                    key: MarkKey::end(row.key.clone(), MarkEnd::of(series)),
                    pillar: None,
                    series: Some(series),
                    hit,
                    focus,
                    tooltip: tooltip.clone(),
                });
            }
        }
        marks
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::mark::{hit, Tooltip};

    fn known(v: f64, what: &str) -> End {
        End::Known {
            value: v,
            tooltip: Tooltip {
                title: format!("{what}: {v}%"),
                lines: vec![],
            },
        }
    }

    fn unknown(what: &str) -> End {
        End::Unknown {
            tooltip: Tooltip {
                title: format!("{what}: chưa công bố"),
                lines: vec![],
            },
        }
    }

    fn rows() -> Vec<GoalRow> {
        vec![
            GoalRow {
                key: "dvc-toan-trinh".into(),
                name: "Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình".into(),
                status: "✓ Đạt (15/10/2024)".into(),
                values: "2023: 40% · mục tiêu: 60% · báo cáo: 72%".into(),
                result: known(40.0, "2023"),
                goal: known(60.0, "mục tiêu"),
                reported: known(72.0, "báo cáo"),
                domain: (0.0, 100.0),
            },
            GoalRow {
                key: "ioc-tro-ly-ao".into(),
                name: "Tỷ lệ cán bộ lãnh đạo sử dụng trợ lý ảo".into(),
                status: "? Chưa rõ".into(),
                values: "2023: chưa công bố · mục tiêu: 100% · báo cáo: chưa công bố".into(),
                result: unknown("2023"),
                goal: known(100.0, "mục tiêu"),
                reported: unknown("báo cáo"),
                domain: (0.0, 100.0),
            },
            GoalRow {
                key: "so-hoa-ket-qua".into(),
                name: "Tỷ lệ kết quả giải quyết thủ tục hành chính được số hóa".into(),
                status: "✓ Đạt".into(),
                values: "2023: 100% · mục tiêu: 100% · báo cáo: 100%".into(),
                result: known(100.0, "2023"),
                goal: known(100.0, "mục tiêu"),
                reported: known(100.0, "báo cáo"),
                domain: (0.0, 100.0),
            },
        ]
    }

    fn ticks() -> Vec<(f64, String)> {
        vec![
            (0.0, "0%".into()),
            (50.0, "50%".into()),
            (100.0, "100%".into()),
        ]
    }

    #[test]
    fn values_sit_on_the_rows_scale_each_in_its_lane() {
        let l = layout(&rows(), 360.0, &ticks());
        let r = &l.rows[0];
        let scale = Linear::new((0.0, 100.0), (r.track.x0, r.track.x1));
        let xs: Vec<(Series, f64)> = r.markers.iter().map(|m| (m.series, m.x)).collect();
        assert_eq!(
            xs,
            [
                (Series::Primary, scale.map(40.0)),
                (Series::Secondary, scale.map(60.0)),
                (Series::Tertiary, scale.map(72.0)),
            ]
        );
        let ys: Vec<f64> = r.markers.iter().map(|m| m.y).collect();
        assert!(
            ys[0] < ys[1] && ys[1] < ys[2],
            "result above, reported below"
        );
        assert_eq!(ys[1], r.track.y);
        assert!((l.ticks[1].x - scale.map(50.0)).abs() < 1e-9);
        let half = crate::chart::text::width("100%", TICK_FONT) / 2.0;
        assert!(
            l.ticks[2].x + half <= l.width,
            "the 100% tick's label stays inside"
        );
    }

    #[test]
    fn unknown_values_are_never_positioned_but_are_marks() {
        let r = rows();
        let l = layout(&r, 360.0, &ticks());
        let row = &l.rows[1];
        assert_eq!(row.markers.len(), 1, "only the goal is drawn");
        assert_eq!(row.markers[0].series, Series::Secondary);
        let marks = l.marks(&r, &[]);
        assert_eq!(marks.len(), 9, "three per row, known or not");
        let unknown_result = &marks[3];
        assert_eq!(unknown_result.key.to_string(), "ioc-tro-ly-ao:from");
        assert_eq!(unknown_result.hit, row.values_box);
        assert_eq!(unknown_result.tooltip.title, "2023: chưa công bố");
        assert_eq!(marks[5].key.to_string(), "ioc-tro-ly-ao:reported");
        assert_eq!(marks[5].tooltip.title, "báo cáo: chưa công bố");
    }

    #[test]
    fn marks_walk_each_row_result_goal_reported() {
        let r = rows();
        let marks = layout(&r, 360.0, &ticks()).marks(&r, &[]);
        let keys: Vec<String> = marks.iter().take(3).map(|m| m.key.to_string()).collect();
        assert_eq!(
            keys,
            [
                "dvc-toan-trinh:from",
                "dvc-toan-trinh:to",
                "dvc-toan-trinh:reported"
            ]
        );
        let series: Vec<Option<Series>> = marks.iter().take(3).map(|m| m.series).collect();
        assert_eq!(
            series,
            [
                Some(Series::Primary),
                Some(Series::Secondary),
                Some(Series::Tertiary)
            ]
        );
        for m in &marks {
            assert_eq!(MarkKey::parse(&m.key.to_string()), m.key);
        }
    }

    #[test]
    fn equal_values_stay_visible_and_reachable() {
        let r = rows();
        let l = layout(&r, 360.0, &ticks());
        let row = &l.rows[2];
        let [dot, tick, diamond] = [0, 1, 2].map(|i| row.focus_area(&row.markers[i]));
        assert!(row.markers.iter().all(|m| m.x == row.markers[0].x));
        // The dot and the diamond do not cover each other, and the tick shows between them.
        assert!(!dot.overlaps(&diamond));
        let visible_tick = (diamond.y0 + 3.0) - (dot.y1 - 3.0);
        assert!(
            visible_tick >= 10.0,
            "{visible_tick} px of the tick between the shapes"
        );
        assert!(
            tick.y0 < dot.y0 && tick.y1 > diamond.y1,
            "the tick crosses both lanes"
        );
        // Each answers a finger at its own centre, and their hit areas do not overlap.
        let marks = l.marks(&r, &[]);
        let hits: Vec<Rect> = marks[6..9].iter().map(|m| m.hit).collect();
        for (i, m) in row.markers.iter().enumerate() {
            assert_eq!(hit(&marks, m.x, m.y, 0.0), Some(6 + i));
            for j in i + 1..3 {
                assert!(!hits[i].overlaps(&hits[j]));
            }
        }
    }

    #[test]
    fn far_apart_values_answer_the_whole_track_and_corners_hit() {
        let r = rows();
        let l = layout(&r, 360.0, &ticks());
        let marks = l.marks(&r, &[]);
        let row = &l.rows[0];
        for (i, m) in row.markers.iter().enumerate() {
            let h = marks[i].hit;
            let close = row
                .markers
                .iter()
                .any(|o| o.series != m.series && (o.x - m.x).abs() < FINGER);
            if !close {
                assert_eq!(h.y0, row.lanes.top - 4.0);
                assert_eq!(h.y1, row.lanes.bottom() + 4.0);
            }
            assert!(h.width() >= 44.0);
            let cx = (h.x0 + h.x1) / 2.0;
            for (x, y) in [
                (h.x0 + 0.5, h.y0 + 0.5),
                (h.x1 - 0.5, h.y1 - 0.5),
                (cx, (h.y0 + h.y1) / 2.0),
            ] {
                let found = hit(&marks, x, y, 0.0).expect("a mark");
                assert!(found == i || marks[found].hit.contains(x, y));
            }
        }
    }

    #[test]
    fn a_value_that_cannot_be_placed_is_treated_as_unknown() {
        let mut r = rows();
        r[0].reported = known(f64::NAN, "báo cáo");
        let l = layout(&r, 360.0, &ticks());
        assert_eq!(l.rows[0].markers.len(), 2);
        let marks = l.marks(&r, &[]);
        assert_eq!(marks.len(), 9);
        assert_eq!(marks[2].hit, l.rows[0].values_box);
    }

    #[test]
    fn hidden_series_lose_their_marks() {
        let r = rows();
        let l = layout(&r, 360.0, &ticks());
        let marks = l.marks(&r, &[Series::Tertiary]);
        assert_eq!(marks.len(), 6);
        assert!(marks.iter().all(|m| m.series != Some(Series::Tertiary)));
    }

    #[test]
    fn no_label_overlaps_another_or_leaves_the_chart() {
        for width in [280.0, 360.0, 928.0] {
            let l = layout(&rows(), width, &ticks());
            for (k, row) in l.rows.iter().enumerate() {
                for (i, a) in row.labels.iter().enumerate() {
                    let ra = a.bounds();
                    assert!(a.size >= 11.0);
                    assert!(
                        ra.x0 >= 0.0 && ra.x1 <= l.width,
                        "`{}` leaves {width}",
                        a.text
                    );
                    assert!(ra.y1 <= row.lanes.top, "`{}` runs into the track", a.text);
                    for b in &row.labels[i + 1..] {
                        assert!(!ra.overlaps(&b.bounds()), "`{}` / `{}`", a.text, b.text);
                    }
                }
                for m in &row.markers {
                    let f = row.focus_area(m);
                    assert!(f.x0 >= 0.0 && f.x1 <= l.width);
                }
                if let Some(next) = l.rows.get(k + 1) {
                    assert!(row.band.y1 <= next.band.y0 + 1e-9);
                }
            }
        }
    }

    #[test]
    fn the_svg_draws_each_value_in_its_own_shape() {
        use crate::chart::draw::{goals_chart, Options};
        let mut r = rows();
        r[0].status = "✓ Đạt <script>".into();
        let d = goals_chart(&r, &ticks(), 360.0, &Options::default());
        assert!(d.svg.starts_with("<svg"));
        // Dots for the two known results, diamonds for the two known reported values.
        assert_eq!(d.svg.matches("<circle").count(), 2);
        assert_eq!(d.svg.matches("<polygon").count(), 2);
        // A track per row, a tick per known goal, a stroke per axis tick.
        assert_eq!(d.svg.matches("<polyline").count(), 3 + 3 + 3);
        for t in ["chưa công bố", "100%", "Tỷ lệ kết quả", "✓ Đạt"] {
            assert!(d.svg.contains(t), "{t}");
        }
        assert!(d.svg.contains("✓ Đạt &lt;script&gt;") && !d.svg.contains("<script>"));
        assert_eq!(d.marks.len(), 9);
        let hidden = Options {
            hidden: vec![Series::Primary, Series::Tertiary],
            ..Options::default()
        };
        let d = goals_chart(&r, &ticks(), 360.0, &hidden);
        assert_eq!(d.svg.matches("<circle").count(), 0);
        assert_eq!(d.svg.matches("<polygon").count(), 0);
        assert_eq!(d.marks.len(), 3);
    }
}
