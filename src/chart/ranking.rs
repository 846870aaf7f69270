//! A ranking of many units on one score: the 63 provinces by DTI rank and score, one compact row
//! each.
//!
//! Sixty-three rows must stay scannable on a phone, so a row is one line ([`ROW_H`] px): the rank
//! in a fixed column, the name (cut with an ellipsis rather than wrapped or run into the bar), a
//! bar on the shared score scale, and the value in words at the right. Rows are all the same
//! height and touch, so the row under a pointer is arithmetic ([`row_at`]), not a search: it
//! answers within a frame however many rows there are.
//!
//! Like the dumbbells, an unknown score is never drawn as a bar (not even an empty one at the
//! scale's start): the value column says so in words, and the row is still a mark with its
//! tooltip. An unknown rank is written with the caller's word for it.

use super::bars::{label, FONT, LINE, PAD, TICK_FONT};
use super::mark::{thin_labels, CentredLabel, Label, Mark, MarkKey, Rect, Series, Tooltip};
use super::scale::Linear;
use super::text;

/// One unit's rank and score, with the texts that go with them (in the reader's language).
#[derive(Debug, Clone, PartialEq)]
pub struct RankingRow {
    pub key: String,
    pub name: String,
    /// `None` when not published: written as [`Ranking::unknown_label`].
    pub rank: Option<u32>,
    /// Shares its rank with another unit: written "15=".
    pub tie: bool,
    /// `None` when not published: no bar, and `value_label` says so.
    pub score: Option<f64>,
    /// "0,7353", or "chưa rõ" for an unknown score.
    pub value_label: String,
    /// The page's own unit: drawn bold on a band with an accent bar. The caller says it in words
    /// in `tooltip` too, for readers who do not see the drawing.
    pub highlight: bool,
    pub tooltip: Tooltip,
}

/// A reference value drawn across all rows (the national mean).
#[derive(Debug, Clone, PartialEq)]
pub struct MeanLine {
    pub value: f64,
    /// "Trung bình cả nước 0,6783".
    pub label: String,
}

/// Everything a ranking shows. Rows come in display order: the caller sorts (known ranks
/// ascending, ties adjacent, unknown ranks last).
#[derive(Debug, Clone, PartialEq)]
pub struct Ranking {
    pub rows: Vec<RankingRow>,
    /// The score scale shared by all bars; bars start at its first value.
    pub score_domain: (f64, f64),
    pub mean: Option<MeanLine>,
    /// The score axis's ticks (value, label), labels in the reader's language ("0,5").
    pub ticks: Vec<(f64, String)>,
    /// How an unknown rank is written ("–").
    pub unknown_label: String,
}

/// One row laid out.
#[derive(Debug, Clone, PartialEq)]
pub struct RankedRow {
    pub key: String,
    /// Right-aligned in the rank column.
    pub rank: Label,
    pub rank_known: bool,
    /// Cut to its column when too long; the tooltip says it whole.
    pub name: Label,
    /// Whether `name` was cut.
    pub truncated: bool,
    /// Right-aligned at the chart's right edge.
    pub value: Label,
    /// The score's bar; `None` when the score is not known.
    pub bar: Option<Rect>,
    /// The whole row, edge to edge: what a pointer or a tap selects.
    pub band: Rect,
    pub highlight: bool,
}

/// A tick of the score axis: its label at the top, and a gridline down through the rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Gridline {
    pub value: f64,
    pub x: f64,
    pub label: CentredLabel,
}

/// The mean drawn as a vertical rule from its label down through every row.
#[derive(Debug, Clone, PartialEq)]
pub struct MeanRule {
    pub x: f64,
    /// Where the rule starts and ends, in px from the chart's top.
    pub y0: f64,
    pub y1: f64,
    /// The label, beside the rule's top (wrapped on a narrow chart, then above the rule).
    pub labels: Vec<Label>,
}

/// Rows of equal height, touching, from `top` down: what makes [`row_at`] arithmetic.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RowGrid {
    /// The first row's top, in px from the chart's top.
    pub top: f64,
    pub row_height: f64,
    pub count: usize,
}

impl RowGrid {
    /// Where the last row ends.
    pub fn bottom(&self) -> f64 {
        self.top + self.row_height * self.count as f64
    }

    /// The row at height `y`: a boundary belongs to the row below it, the last row's bottom edge
    /// to the last row.
    pub fn index(&self, y: f64) -> Option<usize> {
        if self.count == 0 || !(y >= self.top && y <= self.bottom()) || self.row_height <= 0.0 {
            return None;
        }
        let i = ((y - self.top) / self.row_height).floor() as usize;
        Some(i.min(self.count - 1))
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct RankingLayout {
    pub width: f64,
    pub height: f64,
    pub scale: Linear,
    pub rows: Vec<RankedRow>,
    pub grid: RowGrid,
    /// Labelled ticks, at most as many as fit side by side.
    pub ticks: Vec<Gridline>,
    pub mean: Option<MeanRule>,
}

/// A row's height: 63 rows and the header make about 1.6 screens on a phone.
pub const ROW_H: f64 = 24.0;
const BAR_H: f64 = 12.0;
/// Between columns.
const GAP: f64 = 8.0;
/// A line of [`TICK_FONT`] text.
const TICK_LINE: f64 = 16.0;
/// The most of the room between the rank and value columns that names may take; bars get the rest.
const NAME_SHARE: f64 = 0.55;
/// The least room between two tick labels.
const TICK_GAP: f64 = 6.0;

fn rank_text(row: &RankingRow, unknown: &str) -> String {
    match row.rank {
        Some(r) if row.tie => format!("{r}="),
        Some(r) => r.to_string(),
        None => unknown.to_string(),
    }
}

/// The widest of `texts` at [`FONT`] in bold: columns are measured in bold so that the
/// highlighted row fits them too.
fn widest<'a>(texts: impl Iterator<Item = &'a str>) -> f64 {
    texts
        .map(|t| text::width_styled(t, FONT, true))
        .fold(0.0, f64::max)
}

/// Lays the ranking out for a container `width` px wide (clamped to 280–1920).
pub fn layout(r: &Ranking, width: f64) -> RankingLayout {
    let width = width.clamp(280.0, 1920.0).round();
    let ranks: Vec<String> = r
        .rows
        .iter()
        .map(|row| rank_text(row, &r.unknown_label))
        .collect();
    let rank_w = widest(ranks.iter().map(String::as_str));
    let value_w = widest(r.rows.iter().map(|row| row.value_label.as_str()));
    let name_room = (width - 2.0 * PAD - rank_w - value_w - 3.0 * GAP).max(0.0);
    let name_w = widest(r.rows.iter().map(|row| row.name.as_str())).min(name_room * NAME_SHARE);
    let name_x = PAD + rank_w + GAP;
    let bar_x0 = name_x + name_w + GAP;
    let bar_x1 = (width - PAD - value_w - GAP).max(bar_x0);
    let scale = Linear::new(r.score_domain, (bar_x0, bar_x1));

    let mut y = PAD;
    let ticks = if r.ticks.is_empty() {
        Vec::new()
    } else {
        let ticks = gridlines(&r.ticks, &scale, y, width);
        y += TICK_LINE;
        ticks
    };
    let mean = r.mean.as_ref().map(|m| {
        let x = scale.map(m.value).clamp(bar_x0, bar_x1);
        let lines = text::wrap(&m.label, TICK_FONT, width - 2.0 * PAD);
        let w = lines
            .iter()
            .map(|l| text::width(l, TICK_FONT))
            .fold(0.0, f64::max);
        // Beside the rule, on the side with room; when neither side has room, above the rule's
        // start, so the rule never crosses its own words.
        let (lx, right_aligned, beside) = if x + 4.0 + w <= width - PAD {
            (x + 4.0, false, true)
        } else if x - 4.0 - w >= PAD {
            (x - 4.0, true, true)
        } else {
            (PAD, false, false)
        };
        let top = y;
        let labels: Vec<Label> = lines
            .iter()
            .map(|l| {
                let lab = Label {
                    text: l.clone(),
                    x: lx,
                    y,
                    size: TICK_FONT,
                    bold: false,
                    right_aligned,
                };
                y += TICK_LINE;
                lab
            })
            .collect();
        MeanRule {
            x,
            y0: if beside { top } else { y },
            y1: 0.0, // set once the rows are laid out
            labels,
        }
    });
    if !r.ticks.is_empty() || r.mean.is_some() {
        y += 4.0;
    }

    let grid = RowGrid {
        top: y,
        row_height: ROW_H,
        count: r.rows.len(),
    };
    let rows = r
        .rows
        .iter()
        .zip(ranks)
        .enumerate()
        .map(|(i, (row, rank))| {
            let top = grid.top + i as f64 * ROW_H;
            let text_y = top + (ROW_H - LINE) / 2.0;
            let bold = row.highlight;
            let name = text::truncate_styled(&row.name, FONT, bold, name_w);
            // A score that cannot be placed gets no bar either; its words are the caller's.
            let bar = row.score.filter(|s| s.is_finite()).map(|s| Rect {
                x0: bar_x0,
                y0: top + (ROW_H - BAR_H) / 2.0,
                x1: scale.map(s).clamp(bar_x0, bar_x1),
                y1: top + (ROW_H + BAR_H) / 2.0,
            });
            RankedRow {
                key: row.key.clone(),
                rank: label(&rank, PAD + rank_w, text_y, bold, true),
                rank_known: row.rank.is_some(),
                truncated: name != row.name,
                name: label(&name, name_x, text_y, bold, false),
                value: label(&row.value_label, width - PAD, text_y, bold, true),
                bar,
                band: Rect {
                    x0: 0.0,
                    y0: top,
                    x1: width,
                    y1: top + ROW_H,
                },
                highlight: row.highlight,
            }
        })
        .collect();
    let mean = mean.map(|m| MeanRule {
        y1: grid.bottom(),
        ..m
    });
    RankingLayout {
        width,
        height: (grid.bottom() + PAD).ceil(),
        scale,
        rows,
        grid,
        ticks,
        mean,
    }
}

/// The caller's ticks placed on `scale`: every one when their labels fit side by side, else every
/// second, third… (evenly, so the gridlines stay evenly spaced).
fn gridlines(ticks: &[(f64, String)], scale: &Linear, y: f64, width: f64) -> Vec<Gridline> {
    let all: Vec<Gridline> = ticks
        .iter()
        .map(|(value, text)| Gridline {
            value: *value,
            x: scale.map(*value),
            label: CentredLabel {
                text: text.clone(),
                x: scale.map(*value),
                y,
                size: TICK_FONT,
                bold: false,
            },
        })
        .collect();
    let boxes: Vec<Option<Rect>> = all.iter().map(|g| Some(g.label.bounds())).collect();
    let keep = thin_labels(&boxes, 0.0, width, TICK_GAP);
    all.into_iter()
        .zip(keep)
        .filter_map(|(g, k)| k.then_some(g))
        .collect()
}

/// The row under height `y`, or `None` above the first row and below the last. Arithmetic on the
/// equal row heights, never a scan: the mark at the same index is that row's.
pub fn row_at(layout: &RankingLayout, y: f64) -> Option<usize> {
    layout.grid.index(y)
}

impl RankingLayout {
    /// One mark per row, in display order; the whole row answers a pointer or a tap.
    pub fn marks(&self, rows: &[RankingRow]) -> Vec<Mark> {
        self.rows
            .iter()
            .zip(rows)
            .map(|(laid, row)| Mark {
                key: MarkKey::row(laid.key.clone()),
                pillar: None,
                series: Some(Series::Primary),
                hit: laid.band,
                focus: Rect {
                    x0: 1.0,
                    y0: laid.band.y0 + 1.0,
                    x1: self.width - 1.0,
                    y1: laid.band.y1 - 1.0,
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

    pub(crate) fn row(i: u32, name: &str, score: Option<f64>) -> RankingRow {
        RankingRow {
            key: format!("p{i}"),
            name: name.into(),
            rank: score.map(|_| i),
            tie: false,
            score,
            value_label: score.map_or("chưa rõ".into(), |s| format!("{s:.4}").replace('.', ",")),
            highlight: false,
            tooltip: Tooltip {
                title: format!("{name}: hạng {i}"),
                lines: vec![],
            },
        }
    }

    /// 63 provinces: scores falling from 0.80, two tied at 15, the last unknown.
    pub(crate) fn provinces() -> Ranking {
        let names = [
            "Hà Nội",
            "Thành phố Hồ Chí Minh",
            "Bà Rịa - Vũng Tàu",
            "Thừa Thiên Huế",
            "Quảng Ninh",
        ];
        let mut rows: Vec<RankingRow> = (1..=63)
            .map(|i| {
                let name = names[(i as usize - 1) % names.len()];
                row(i, name, (i < 63).then(|| 0.80 - f64::from(i) * 0.005))
            })
            .collect();
        rows[14].tie = true;
        rows[15].tie = true;
        rows[15].rank = Some(15);
        rows[15].score = rows[14].score;
        rows[2].highlight = true;
        Ranking {
            rows,
            score_domain: (0.0, 1.0),
            mean: Some(MeanLine {
                value: 0.6783,
                label: "Trung bình cả nước 0,6783".into(),
            }),
            ticks: (0..=4)
                .map(|i| {
                    let v = f64::from(i) * 0.25;
                    (v, format!("{v}").replace('.', ","))
                })
                .collect(),
            unknown_label: "–".into(),
        }
    }

    #[test]
    fn sixty_three_rows_at_360px_are_compact_and_in_order() {
        let l = layout(&provinces(), 360.0);
        assert_eq!(l.rows.len(), 63);
        assert_eq!(l.grid.row_height, ROW_H);
        // Header: tick labels, the mean's label, a 4 px gap.
        assert_eq!(l.grid.top, PAD + 16.0 + 16.0 + 4.0);
        assert_eq!(l.height, l.grid.top + 63.0 * ROW_H + PAD);
        assert_eq!(l.height, 1564.0);
        for (i, pair) in l.rows.windows(2).enumerate() {
            assert_eq!(
                pair[0].band.y1,
                pair[1].band.y0,
                "rows {i} and {} touch",
                i + 1
            );
        }
    }

    #[test]
    fn bars_sit_on_the_shared_scale() {
        let r = provinces();
        let l = layout(&r, 640.0);
        for (laid, row) in l.rows.iter().zip(&r.rows) {
            if let (Some(bar), Some(s)) = (laid.bar, row.score) {
                assert_eq!(bar.x0, l.scale.map(0.0));
                assert!((bar.x1 - l.scale.map(s)).abs() < 1e-9);
                assert!(bar.y0 > laid.band.y0 && bar.y1 < laid.band.y1);
            }
        }
        let (x0, x1) = l.scale.range;
        assert!((l.scale.invert((x0 + x1) / 2.0) - 0.5).abs() < 1e-9);
        let mean = l.mean.as_ref().expect("a mean");
        assert!((mean.x - l.scale.map(0.6783)).abs() < 1e-9);
        assert_eq!(mean.y1, l.grid.bottom());
    }

    #[test]
    fn an_unknown_score_has_no_bar_but_says_so_and_an_unknown_rank_its_word() {
        let l = layout(&provinces(), 360.0);
        let last = &l.rows[62];
        assert_eq!(last.bar, None);
        assert_eq!(last.value.text, "chưa rõ");
        assert_eq!(last.rank.text, "–");
        assert!(!last.rank_known);
        assert!(l.rows[..62].iter().all(|r| r.bar.is_some() && r.rank_known));
        // Nor does a score that cannot be placed.
        let mut r = provinces();
        r.rows[0].score = Some(f64::NAN);
        assert_eq!(layout(&r, 360.0).rows[0].bar, None);
    }

    #[test]
    fn ties_read_with_an_equals_sign() {
        let l = layout(&provinces(), 360.0);
        assert_eq!(l.rows[14].rank.text, "15=");
        assert_eq!(l.rows[15].rank.text, "15=");
        assert_eq!(l.rows[16].rank.text, "17");
    }

    #[test]
    fn the_highlighted_row_is_bold() {
        let l = layout(&provinces(), 360.0);
        let own = &l.rows[2];
        assert!(own.highlight && own.rank.bold && own.name.bold && own.value.bold);
        assert!(!l.rows[3].name.bold);
    }

    #[test]
    fn no_label_overlaps_another_or_leaves_the_chart() {
        for width in [280.0, 360.0, 928.0] {
            let l = layout(&provinces(), width);
            let mut boxes: Vec<(String, Rect)> = Vec::new();
            for t in &l.ticks {
                boxes.push((t.label.text.clone(), t.label.bounds()));
                assert!(t.label.size >= 11.0);
            }
            for lab in l.mean.iter().flat_map(|m| &m.labels) {
                boxes.push((lab.text.clone(), lab.bounds()));
            }
            for row in &l.rows {
                for lab in [&row.rank, &row.name, &row.value] {
                    assert!(lab.size >= 11.0);
                    boxes.push((lab.text.clone(), lab.bounds()));
                }
                if let Some(bar) = row.bar {
                    for lab in [&row.rank, &row.name, &row.value] {
                        assert!(!lab.bounds().overlaps(&bar), "{} on its bar", lab.text);
                    }
                }
                assert!(row.band.height() <= 26.0 && row.band.height() >= 22.0);
            }
            for (i, (a, ra)) in boxes.iter().enumerate() {
                assert!(ra.x0 >= 0.0 && ra.x1 <= l.width, "`{a}` leaves {width}");
                for (b, rb) in &boxes[i + 1..] {
                    assert!(!ra.overlaps(rb), "`{a}` overlaps `{b}` at {width}");
                }
            }
            if let Some(m) = &l.mean {
                for lab in &m.labels {
                    let b = lab.bounds();
                    let crosses = b.x0 < m.x && m.x < b.x1 && b.y1 > m.y0;
                    assert!(!crosses, "the mean's rule crosses its own label at {width}");
                }
            }
        }
    }

    #[test]
    fn long_names_are_cut_at_360px_and_whole_at_928px() {
        let narrow = layout(&provinces(), 360.0);
        let hcm = &narrow.rows[1];
        assert!(
            hcm.truncated && hcm.name.text.ends_with('…'),
            "{}",
            hcm.name.text
        );
        let wide = layout(&provinces(), 928.0);
        assert!(wide.rows.iter().all(|r| !r.truncated));
        assert_eq!(wide.rows[1].name.text, "Thành phố Hồ Chí Minh");
    }

    #[test]
    fn crowded_tick_labels_are_thinned_evenly_not_overlapped() {
        let l = layout(&provinces(), 360.0);
        let kept: Vec<f64> = l.ticks.iter().map(|t| t.value).collect();
        assert_eq!(kept, vec![0.0, 0.5, 1.0]);
        let wide = layout(&provinces(), 928.0);
        assert_eq!(wide.ticks.len(), 5);
    }

    #[test]
    fn row_at_answers_the_first_the_last_and_between_rows() {
        let l = layout(&provinces(), 360.0);
        let g = l.grid;
        assert_eq!(row_at(&l, g.top), Some(0));
        assert_eq!(row_at(&l, g.top + ROW_H / 2.0), Some(0));
        assert_eq!(row_at(&l, g.top - 0.5), None);
        // A boundary belongs to the row below it.
        assert_eq!(row_at(&l, g.top + ROW_H), Some(1));
        assert_eq!(row_at(&l, g.top + ROW_H - 0.01), Some(0));
        assert_eq!(row_at(&l, g.top + 30.5 * ROW_H), Some(30));
        assert_eq!(row_at(&l, g.bottom() - 1.0), Some(62));
        assert_eq!(row_at(&l, g.bottom()), Some(62));
        assert_eq!(row_at(&l, g.bottom() + 0.5), None);
        assert_eq!(row_at(&l, f64::NAN), None);
        let empty = layout(
            &Ranking {
                rows: vec![],
                ..provinces()
            },
            360.0,
        );
        assert_eq!(row_at(&empty, empty.grid.top), None);
    }

    #[test]
    fn row_at_agrees_with_hit_testing_at_corners_and_centres() {
        let r = provinces();
        let l = layout(&r, 360.0);
        let marks = l.marks(&r.rows);
        for (i, laid) in l.rows.iter().enumerate() {
            let b = laid.band;
            let cy = (b.y0 + b.y1) / 2.0;
            for (x, y) in [
                (b.x0, b.y0 + 0.5),
                (b.x1, b.y0 + 0.5),
                (b.x0, b.y1 - 0.5),
                (b.x1, b.y1 - 0.5),
                ((b.x0 + b.x1) / 2.0, cy),
            ] {
                assert_eq!(row_at(&l, y), Some(i));
                assert_eq!(hit(&marks, x, y, 0.0), Some(i));
            }
        }
    }

    #[test]
    fn row_at_is_arithmetic_not_a_search() {
        // Ten thousand rows: every row answers from the grid's three numbers.
        let many = Ranking {
            rows: (1..=10_000).map(|i| row(i, "Tỉnh", Some(0.5))).collect(),
            ..provinces()
        };
        let mut l = layout(&many, 360.0);
        let g = l.grid;
        for i in [0, 1, 4_999, 9_998, 9_999] {
            let y = g.top + (i as f64 + 0.5) * ROW_H;
            assert_eq!(row_at(&l, y), Some(i));
        }
        // It never looks at the rows themselves: scrambled or gone, the answer is the same.
        l.rows.reverse();
        l.rows.truncate(1);
        assert_eq!(row_at(&l, g.top + 9_999.5 * ROW_H), Some(9_999));
        assert_eq!(row_at(&l, g.top + 0.5 * ROW_H), Some(0));
    }

    #[test]
    fn every_row_is_a_mark_in_display_order_with_its_tooltip() {
        let r = provinces();
        let l = layout(&r, 360.0);
        let marks = l.marks(&r.rows);
        assert_eq!(marks.len(), 63);
        for (m, row) in marks.iter().zip(&r.rows) {
            assert_eq!(m.key, MarkKey::row(row.key.clone()));
            assert_eq!(m.tooltip, row.tooltip);
            assert!(m.hit.width() >= 44.0 && m.focus.x1 <= l.width);
        }
        assert_eq!(marks[62].key.to_string(), "p63");
    }

    #[test]
    fn the_svg_has_a_bar_per_known_score_and_every_rows_words() {
        use crate::chart::draw::{ranking_chart, Options};
        let mut r = provinces();
        r.rows[4].name = "<b> & \"M\"".into();
        let d = ranking_chart(&r, 360.0, &Options::default());
        assert!(d.svg.starts_with("<svg"));
        assert!(d.svg.contains(r#"width="360" height="1564""#));
        assert_eq!((d.width, d.height), (360.0, 1564.0));
        // The background, the highlighted row's band, and a bar per known score (62).
        assert_eq!(d.svg.matches("<rect").count(), 1 + 1 + 62);
        // A gridline per kept tick, the mean's rule on its halo, the highlighted row's left rule.
        let l = layout(&r, 360.0);
        assert_eq!(d.svg.matches("<polyline").count(), l.ticks.len() + 2 + 1);
        // Three words per row, a label per kept tick, the mean's label.
        assert_eq!(d.svg.matches("<text").count(), 3 * 63 + l.ticks.len() + 1);
        for t in [
            "15=",
            "–",
            "chưa rõ",
            "0,7950",
            "Trung bình cả nước 0,6783",
            "Hà Nội",
        ] {
            assert!(d.svg.contains(t), "{t}");
        }
        assert!(d.svg.contains("&lt;b&gt; &amp; &quot;M&quot;"));
        assert!(!d.svg.contains("<b>"));
        assert_eq!(d.marks.len(), 63);
        // The page's own unit: bold, on a band, with its bar in the accent colour.
        assert!(d.svg.contains(r#"font-weight="bold""#));
        assert_eq!(d.svg.matches("#6B3FA0").count(), 1, "one accent bar");
    }
}
