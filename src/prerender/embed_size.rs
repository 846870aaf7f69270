//! How tall a fixed-size embed must be: for a host that strips scripts, the iframe keeps the
//! height written in the snippet, and the chart must show whole in it at any width an article's
//! column may have (a reader on a phone and one on a desktop read the same article).
//!
//! Computed from the layout, without a browser: the drawing's height at each width (the same
//! chart code as the page), and the lines of every text block around it, estimated by
//! [`crate::chart::text`] (generous: wider than the real fonts, so lines are never fewer than a
//! browser's) with the stylesheet's sizes, line heights and margins (`style/main.css`). The embed
//! is measured in real browsers against these heights (`tests/e2e/embed-size.test.mjs`): nothing
//! may be cut at any of [`COLUMNS`].

use crate::chart::text;
use crate::chart_id::ChartId;
use crate::i18n::{t, Key, Lang};
use crate::present::{self, Pick};
use crate::snapshot::Snapshot;

use super::page::BOOT_WIDTHS;

/// The article columns a fixed-size embed is sized for, in CSS px: phones (320, 360, 414 wide)
/// to a newspaper's desktop column (600–740).
pub const COLUMNS: [u32; 6] = [320, 360, 414, 600, 680, 740];

/// The narrowest and the widest column a fixed height covers: every width between them.
pub const NARROWEST: u32 = COLUMNS[0];
pub const WIDEST: u32 = COLUMNS[COLUMNS.len() - 1];

/// The stylesheet's breakpoints (`34rem`, `50rem`), where the pre-rendered chart switches from
/// the phone's drawing to the tablet's, then the desktop's ([`BOOT_WIDTHS`]).
const BREAKPOINTS: [f64; 2] = [544.0, 800.0];

/// The width a scrollbar may take inside the iframe: `html.embedded` keeps its gutter
/// (`scrollbar-gutter: stable`), 0 where scrollbars overlay (phones, macOS), up to 17 px
/// elsewhere.
const GUTTERS: [f64; 2] = [0.0, 17.0];

/// `.embed-main`'s padding, on each side.
const PADDING: f64 = 8.0;

/// A block of text: its lines at `size` px (bold or not) in `width` px, each `size × 1.5` tall
/// (the body's line height), words wider than the line broken anywhere (`overflow-wrap`).
fn lines(s: &str, size: f64, bold: bool, width: f64) -> f64 {
    let width = width.max(1.0);
    let mut n = 0.0;
    for line in text::wrap_styled(s, size, bold, width) {
        n += (text::width_styled(&line, size, bold) / width)
            .ceil()
            .max(1.0);
    }
    n * size * 1.5
}

/// Rows of flex items of the given widths, `gap` apart, in `width` px: how many.
fn rows(items: &[f64], gap: f64, width: f64) -> usize {
    let (mut n, mut used) = (0, f64::INFINITY);
    for &w in items {
        if used + gap + w > width {
            n += 1;
            used = w;
        } else {
            used += gap + w;
        }
    }
    n
}

/// How the embed shows its chart: pre-rendered (the reader has not touched it, or the frame runs
/// no script), or drawn by the app at the exact width, with its table switch and help line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shown {
    Static,
    App,
}

/// The height of the embed page's content, in px, for `chart` in `lang` in a frame `frame` px
/// wide whose scrollbar gutter takes `gutter`: an upper bound, as the browser lays it out.
fn content_height(
    s: &Snapshot,
    chart: ChartId,
    lang: Lang,
    frame: f64,
    gutter: f64,
    shown: Shown,
) -> f64 {
    const REM: f64 = 16.0;
    let pick = Pick::default();
    let w = frame - gutter - 2.0 * PADDING;
    let mut h = 2.0 * PADDING;
    // The caption: title (1.1rem bold), as-of and sources (0.9rem, margins 0.2rem and 0.5rem).
    h += lines(present::chart_title(lang, chart), 1.1 * REM, true, w);
    let sources: Vec<String> = present::chart_source_refs(lang, chart, s, &pick)
        .iter()
        .map(|r| format!("{} ({})", r.title, r.detail))
        .collect();
    for p in [
        present::chart_as_of(lang, chart, s, &pick),
        format!("{}: {}", t(lang, Key::Source), sources.join("; ")),
    ] {
        h += 0.2 * REM + lines(&p, 0.9 * REM, false, w) + 0.5 * REM;
    }
    // The tools: the legend's entries (padding 0.9rem, a 14 px swatch 0.4rem from its label, a
    // border), then in the app the table switch, each at least 44 px tall, 0.5rem apart.
    let entry = |label: &str, swatch: f64| 2.0 * 0.9 * REM + 2.0 + swatch + text::width(label, REM);
    let legend: Vec<f64> = present::legend(lang, chart, s)
        .iter()
        .map(|i| entry(&i.label, 14.0 + 0.4 * REM))
        .collect();
    let mut tools = rows(&legend, 0.5 * REM, w);
    if shown == Shown::App {
        let switch = entry(t(lang, Key::ViewTable), 0.0).max(entry(t(lang, Key::ViewChart), 0.0));
        let one_row: f64 = legend.iter().sum::<f64>() + 0.5 * REM * legend.len() as f64;
        if tools != 1 || one_row + switch > w {
            tools += 1;
        }
    }
    h += tools as f64 * 44.0 + tools.saturating_sub(1) as f64 * 0.5 * REM + 0.5 * REM;
    // The drawing: the app's at the exact width; the pre-rendered one, drawn at the width of the
    // screens it is shown on, scaled to the column.
    let drawn_at = match shown {
        Shown::App => w,
        Shown::Static => {
            let i = BREAKPOINTS.iter().filter(|&&b| frame >= b).count();
            BOOT_WIDTHS[i].0
        }
    };
    let drawn = present::draw(chart, lang, s, &pick, drawn_at, &Default::default());
    h += drawn.height * w / drawn.width.max(1.0);
    if shown == Shown::App {
        h += 0.4 * REM + lines(t(lang, Key::ChartHelp), 0.85 * REM, false, w);
    }
    // The notes (0.9rem, indented 1.4rem, margins 0.5rem), the summary (1rem, 0.5rem above).
    let notes = present::chart_notes(lang, chart, s);
    if !notes.is_empty() {
        h += REM;
        for n in &notes {
            h += lines(n, 0.9 * REM, false, w - 1.4 * REM);
        }
    }
    h += 0.5 * REM
        + lines(
            &present::chart_summary(lang, chart, s, &pick),
            REM,
            false,
            w,
        );
    // The footer: the version note (0.9rem, margins 0.5rem and 0.25rem), pinned or following,
    // then the link back (0.85rem).
    let version = "0123456789ab";
    let note = [true, false]
        .map(|pinned| {
            lines(
                &present::version_note(lang, version, "2099-12-31", pinned),
                0.9 * REM,
                false,
                w,
            )
        })
        .into_iter()
        .fold(0.0, f64::max);
    h += 0.75 * REM + note + lines(t(lang, Key::SeeFullPage), 0.85 * REM, false, w);
    h
}

/// The height a fixed-size embed of `chart` needs to show it whole in a column `frame` px wide:
/// in either language, pre-rendered or drawn by the app, with or without a scrollbar gutter.
pub fn height_at(s: &Snapshot, chart: ChartId, frame: u32) -> u32 {
    let mut h: f64 = 0.0;
    for lang in [Lang::Vi, Lang::En] {
        for gutter in GUTTERS {
            for shown in [Shown::Static, Shown::App] {
                h = h.max(content_height(
                    s,
                    chart,
                    lang,
                    f64::from(frame),
                    gutter,
                    shown,
                ));
            }
        }
    }
    h.ceil() as u32
}

/// The height a fixed-size embed of `chart` needs to show it whole in every column from
/// [`NARROWEST`] to [`WIDEST`] px wide: the tallest of them, to the next 10 px.
pub fn fixed_height(s: &Snapshot, chart: ChartId) -> u32 {
    let h = (NARROWEST..=WIDEST)
        .step_by(4)
        .chain([WIDEST])
        .map(|w| height_at(s, chart, w))
        .max()
        .unwrap_or(0);
    h.div_ceil(10) * 10
}

/// The page with each chart's fixed height in a `<meta>` of its head, where the embed dialog
/// reads it (see [`crate::export::height_in`]). Idempotent.
pub fn with_heights_meta(html: &str, heights: &[(ChartId, u32)]) -> Result<String, String> {
    let open = format!("<meta name=\"{}\"", crate::export::HEIGHTS_META);
    let mut out = html.to_string();
    if let Some(i) = out.find(&open) {
        let end = out[i..].find('>').ok_or("unclosed heights meta")? + i + 1;
        out.replace_range(i..end, "");
    }
    let at = out.find("</head>").ok_or("no </head>")?;
    out.insert_str(
        at,
        &format!(
            "{open} content=\"{}\">",
            crate::export::heights_content(heights)
        ),
    );
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{t, Key, Lang};

    fn snapshot() -> Snapshot {
        crate::validate::parse_snapshot(include_bytes!(
            "../../public/data/ba-ria-vung-tau-2023.json"
        ))
        .expect("valid")
    }

    #[test]
    fn text_blocks_count_every_line_and_break_long_words() {
        // One line of 16 px text is 24 px tall (the body's line height).
        assert_eq!(lines("Nguồn", 16.0, false, 300.0), 24.0);
        let long = "Tỷ lệ xã, phường, thị trấn có trang thông tin điện tử (hoặc chuyên mục riêng)";
        assert!(lines(long, 16.0, false, 200.0) >= 3.0 * 24.0);
        // A URL with no space is broken anywhere, as `overflow-wrap: anywhere` does.
        let url = "https://example.org/".repeat(10);
        assert!(lines(&url, 16.0, false, 100.0) >= 10.0 * 24.0);
        assert_eq!(rows(&[100.0, 100.0, 100.0], 8.0, 208.0), 2);
        assert_eq!(rows(&[100.0, 100.0], 8.0, 208.0), 1);
        assert_eq!(rows(&[], 8.0, 208.0), 0);
    }

    #[test]
    fn a_fixed_height_covers_every_column_in_every_way_the_chart_shows() {
        let s = snapshot();
        for chart in [ChartId::Pillars, ChartId::Indicators] {
            let fixed = fixed_height(&s, chart);
            assert_eq!(fixed % 10, 0);
            for w in COLUMNS {
                let h = height_at(&s, chart, w);
                assert!(h <= fixed, "{chart:?} at {w}: {h} > {fixed}");
                // The taller of the two ways it shows: the pre-rendered drawing (scaled up to
                // the column, in a wide one) or the app's (with its table switch and help line).
                for lang in [Lang::Vi, Lang::En] {
                    for shown in [Shown::Static, Shown::App] {
                        let c = content_height(&s, chart, lang, f64::from(w), 0.0, shown);
                        assert!(c <= f64::from(h), "{chart:?} {lang:?} {shown:?} at {w}");
                    }
                }
            }
            // A narrow phone's column needs more height than a desktop's: more lines of text.
            assert!(height_at(&s, chart, 320) > height_at(&s, chart, 740));
        }
    }

    /// The README's table of fixed heights is the build's, for the bundled snapshot.
    #[test]
    fn the_readme_gives_the_heights_the_build_computes() {
        let s = snapshot();
        let readme = include_str!("../../README.md");
        let table: Vec<(String, u32)> = readme
            .lines()
            .map(str::trim)
            .skip_while(|l| *l != "| chart | fixed height |")
            .skip(2)
            .take_while(|l| l.starts_with('|'))
            .filter_map(|l| {
                let mut cells = l.split('|').map(str::trim).filter(|c| !c.is_empty());
                let chart = cells.next()?.trim_matches('`').to_string();
                let px = cells.next()?.trim_end_matches(" px").parse().ok()?;
                Some((chart, px))
            })
            .collect();
        let computed: Vec<(String, u32)> = ChartId::ALL
            .iter()
            .map(|&c| (c.as_str().to_string(), fixed_height(&s, c)))
            .collect();
        assert_eq!(table, computed);
    }

    #[test]
    fn the_dialog_says_the_columns_the_height_was_computed_for() {
        for lang in [Lang::Vi, Lang::En] {
            assert!(t(lang, Key::FixedCode).contains(&format!("{NARROWEST}–{WIDEST} px")));
        }
    }

    #[test]
    fn the_heights_meta_is_written_once() {
        let html = "<html><head><title>x</title></head><body></body></html>";
        let h = [(ChartId::Pillars, 770)];
        let once = with_heights_meta(html, &h).expect("head");
        assert!(once.contains("<meta name=\"chiso-embed-heights\" content=\"pillars:770\"></head>"));
        let twice = with_heights_meta(&once, &[(ChartId::Pillars, 780)]).expect("head");
        assert_eq!(twice.matches("chiso-embed-heights").count(), 1);
        assert!(twice.contains("pillars:780"));
        assert!(with_heights_meta("<body>", &h).is_err());
    }
}
