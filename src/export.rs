//! What a journalist takes away: CSV and standalone SVG of a chart, file names that say what they
//! are, and the iframe snippets that embed a chart. Pure, so every byte is tested natively.

use crate::chart::{Drawn, Theme};
use crate::chart_id::ChartId;
use crate::i18n::Lang;
use crate::present::Table;
use crate::route::{Route, ThemeChoice};

/// `ba-ria-vung-tau-2023-tru-cot.png`.
pub fn file_name(snapshot_id: &str, chart: ChartId, ext: &str) -> String {
    format!("{snapshot_id}-{}.{ext}", chart.slug())
}

/// One CSV field, quoted when it must be (RFC 4180). Fields that a spreadsheet would run as a
/// formula get a leading apostrophe: figures come from data files, and data are not code.
fn csv_field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '@']) || (s.starts_with('-') && !is_negative_figure(s)) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// `-12` or `-3.5`, as this module writes negative figures: a spreadsheet reads them as numbers,
/// so they need no guard. (Deliberately not `str::parse::<f64>`, whose tables would cost the WASM
/// several KB for this one check.)
fn is_negative_figure(s: &str) -> bool {
    let Some(rest) = s.strip_prefix('-') else {
        return false;
    };
    let (int, frac) = rest.split_once('.').unwrap_or((rest, "0"));
    !int.is_empty()
        && !frac.is_empty()
        && int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit())
}

fn csv_line(fields: &[String]) -> String {
    let mut line = fields
        .iter()
        .map(|f| csv_field(f))
        .collect::<Vec<_>>()
        .join(",");
    line.push_str("\r\n");
    line
}

/// A chart's numbers as CSV: UTF-8 with a byte-order mark (so Excel reads Vietnamese correctly), a
/// header row, the rows, then a blank line and the source and as-of lines.
pub fn csv(table: &Table, source_line: &str, as_of_line: &str) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(&csv_line(&table.head));
    for row in &table.rows {
        out.push_str(&csv_line(row));
    }
    out.push_str("\r\n");
    out.push_str(&csv_line(&[source_line.to_string()]));
    out.push_str(&csv_line(&[as_of_line.to_string()]));
    out
}

fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Control characters are not allowed in XML 1.0; they carry nothing a reader needs.
            c if c.is_control() && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// The texts drawn around a chart in a download.
#[derive(Debug, Clone, PartialEq)]
pub struct Caption {
    pub title: String,
    pub as_of: String,
    pub source: String,
    /// What the chart shows, in words (the figure's summary): the SVG's `<desc>`.
    pub summary: String,
}

const HEAD: f64 = 64.0;
const FOOT: f64 = 56.0;
const MARGIN: f64 = 16.0;

fn hex(c: plotters::style::RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

/// A standalone SVG: the chart with its title, as-of and source drawn in, and `<title>` and
/// `<desc>` for screen readers and search engines.
pub fn svg_document(drawn: &Drawn, caption: &Caption, theme: &Theme) -> String {
    let w = drawn.width + 2.0 * MARGIN;
    let h = drawn.height + HEAD + FOOT;
    // The chart's own <svg> nests as is; only its outer size attributes are replaced by x/y.
    let inner = drawn
        .svg
        .replacen("<svg ", &format!("<svg x=\"{MARGIN}\" y=\"{HEAD}\" "), 1);
    let font = "font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif\"";
    let wrap = |s: &str, size: f64| crate::chart::text::wrap(s, size, w - 2.0 * MARGIN);
    let mut foot = String::new();
    for (i, line) in wrap(&caption.source, 12.0)
        .into_iter()
        .chain(wrap(&caption.as_of, 12.0))
        .take(3)
        .enumerate()
    {
        foot.push_str(&format!(
            "<text x=\"{MARGIN}\" y=\"{}\" font-size=\"12\" fill=\"{}\" {font}>{}</text>\n",
            drawn.height + HEAD + 18.0 + 15.0 * i as f64,
            hex(theme.muted),
            xml_escape(&line)
        ));
    }
    let mut head = String::new();
    for (i, line) in wrap(&caption.title, 17.0).into_iter().take(2).enumerate() {
        head.push_str(&format!(
            "<text x=\"{MARGIN}\" y=\"{}\" font-size=\"17\" font-weight=\"bold\" fill=\"{}\" {font}>{}</text>\n",
            26.0 + 21.0 * i as f64,
            hex(theme.text),
            xml_escape(&line)
        ));
    }
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-labelledby=\"t d\">\n\
         <title id=\"t\">{}</title>\n<desc id=\"d\">{}</desc>\n\
         <rect width=\"100%\" height=\"100%\" fill=\"{}\"/>\n{head}{inner}\n{foot}</svg>\n",
        xml_escape(&caption.title),
        xml_escape(&format!("{} {} {}", caption.summary, caption.as_of, caption.source)),
        hex(theme.background),
    )
}

/// How an embed should look.
#[derive(Debug, Clone, PartialEq)]
pub struct EmbedSpec {
    /// The site's folder: `https://chiso.example/`. Each chart's embed is a file in it.
    pub base: String,
    pub chart: ChartId,
    pub lang: Lang,
    pub theme: ThemeChoice,
    /// A snapshot id and version to pin to; `None` follows the latest data.
    pub pin: Option<(String, String)>,
    pub title: String,
    /// The height to start from, before the embed reports its own.
    pub height: u32,
}

impl EmbedSpec {
    /// `embed-CHART.html`, a page of its own with the chart pre-rendered into it, so it appears
    /// before any script runs. (`index.html?embed=CHART` still works, without pre-rendering.)
    pub fn url(&self) -> String {
        let pin = self.pin.as_ref().map(|(id, v)| (id.as_str(), v.as_str()));
        Route::embed_link(&self.base, self.chart, self.lang, self.theme, pin)
    }

    fn origin(&self) -> &str {
        // scheme://host[:port] — everything before the first '/' after "//".
        let after = self.base.find("//").map_or(0, |i| i + 2);
        let end = self.base[after..]
            .find('/')
            .map_or(self.base.len(), |i| after + i);
        &self.base[..end]
    }

    fn iframe(&self) -> String {
        format!(
            "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"{}\" loading=\"lazy\" style=\"border:0;width:100%\" data-chiso-embed></iframe>",
            xml_escape(&self.url()),
            xml_escape(&self.title),
            self.height
        )
    }

    /// The iframe and the few lines of script that size it from the embed's `postMessage`.
    pub fn snippet(&self) -> String {
        format!(
            "{}\n<script>addEventListener(\"message\",function(e){{if(e.origin!==\"{}\")return;var d=e.data;if(!d||d.type!==\"chiso:height\"||typeof d.height!==\"number\")return;document.querySelectorAll(\"iframe[data-chiso-embed]\").forEach(function(f){{if(f.contentWindow===e.source)f.style.height=Math.ceil(d.height)+\"px\"}})}});</script>",
            self.iframe(),
            self.origin()
        )
    }

    /// The iframe alone, at a fixed height, for CMSs that strip scripts.
    pub fn fixed_snippet(&self) -> String {
        self.iframe()
    }
}

/// The name of the `<meta>` by which a built page gives the embed dialog each chart's fixed
/// height (computed at build time: `prerender::fixed_height`).
macro_rules! heights_meta {
    () => {
        "chiso-embed-heights"
    };
}
pub const HEIGHTS_META: &str = heights_meta!();
/// The dialog finds it by this selector (a literal: no formatting code in the reader's WASM).
pub const HEIGHTS_SELECTOR: &str = concat!("meta[name=", heights_meta!(), "]");

/// The meta's content: `headline:960 pillars:770 …`.
pub fn heights_content(heights: &[(ChartId, u32)]) -> String {
    heights
        .iter()
        .map(|(c, h)| format!("{}:{h}", c.as_str()))
        .collect::<Vec<_>>()
        .join(" ")
}

/// `chart`'s fixed height in the meta's content, if the build wrote one.
pub fn height_in(content: &str, chart: ChartId) -> Option<u32> {
    content.split(' ').find_map(|e| {
        let (c, h) = e.split_once(':')?;
        if c == chart.as_str() {
            h.parse().ok()
        } else {
            None
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_say_what_they_are() {
        assert_eq!(
            file_name("ba-ria-vung-tau-2023", ChartId::Pillars, "png"),
            "ba-ria-vung-tau-2023-tru-cot.png"
        );
    }

    #[test]
    fn csv_has_a_bom_a_header_rows_then_source_and_as_of() {
        let table = Table {
            head: vec!["Trụ cột".into(), "Đạt".into(), "Tỷ lệ".into()],
            rows: vec![vec!["Chính quyền số".into(), "13".into(), "81,3%".into()]],
        };
        let out = csv(&table, "Nguồn: \"A\", B", "Thời điểm: 11 tháng năm 2023");
        assert!(out.starts_with('\u{feff}'));
        let lines: Vec<&str> = out.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert_eq!(lines[0], "Trụ cột,Đạt,Tỷ lệ");
        assert_eq!(lines[1], "Chính quyền số,13,\"81,3%\"");
        assert_eq!(lines[2], "");
        assert_eq!(lines[3], "\"Nguồn: \"\"A\"\", B\"");
        assert_eq!(lines[4], "Thời điểm: 11 tháng năm 2023");
    }

    #[test]
    fn csv_never_hands_a_spreadsheet_a_formula() {
        assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_field("-12"), "-12");
        assert_eq!(csv_field("-cmd"), "'-cmd");
        assert_eq!(csv_field("-3.5"), "-3.5");
        assert_eq!(csv_field("-2+3"), "'-2+3");
        assert_eq!(csv_field("-1."), "'-1.");
        assert_eq!(csv_field("-"), "'-");
    }

    #[test]
    fn the_svg_download_has_title_desc_and_the_caption() {
        let drawn = Drawn {
            svg: "<svg width=\"300\" height=\"100\" viewBox=\"0 0 300 100\" xmlns=\"http://www.w3.org/2000/svg\">\n<text>13/16</text></svg>".into(),
            width: 300.0,
            height: 100.0,
            marks: vec![],
        };
        let cap = Caption {
            title: "Chỉ tiêu đạt theo trụ cột".into(),
            as_of: "Thời điểm: 11 tháng năm 2023".into(),
            source: "Nguồn: <Báo> & co".into(),
            summary: "Chính quyền số 13/16.".into(),
        };
        let svg = svg_document(&drawn, &cap, &Theme::LIGHT);
        assert!(svg.contains("<title id=\"t\">Chỉ tiêu đạt theo trụ cột</title>"));
        assert!(svg.contains("<desc id=\"d\">Chính quyền số 13/16."));
        assert!(svg.contains("<svg x=\"16\" y=\"64\" width=\"300\""));
        assert!(svg.contains("Nguồn: &lt;Báo&gt; &amp; co"));
        assert!(svg.contains("width=\"332\" height=\"220\""));
    }

    fn spec(pin: bool) -> EmbedSpec {
        EmbedSpec {
            base: "https://chiso.example/vn/".into(),
            chart: ChartId::Pillars,
            lang: Lang::Vi,
            theme: ThemeChoice::Auto,
            pin: pin.then(|| ("ba-ria-vung-tau-2023".into(), "02478a74b21c".into())),
            title: "Chỉ tiêu đạt theo trụ cột \"2023\"".into(),
            height: 420,
        }
    }

    #[test]
    fn embed_urls_pin_a_version_or_follow_the_latest() {
        assert_eq!(
            spec(true).url(),
            "https://chiso.example/vn/embed-pillars.html?lang=vi&theme=auto&snapshot=ba-ria-vung-tau-2023&v=02478a74b21c"
        );
        assert_eq!(
            spec(false).url(),
            "https://chiso.example/vn/embed-pillars.html?lang=vi&theme=auto"
        );
    }

    #[test]
    fn the_snippet_is_a_titled_lazy_borderless_iframe_sized_by_messages_from_our_origin_only() {
        let s = spec(true).snippet();
        assert!(s.starts_with(
            "<iframe src=\"https://chiso.example/vn/embed-pillars.html?lang=vi&amp;theme=auto"
        ));
        assert!(s.contains("title=\"Chỉ tiêu đạt theo trụ cột &quot;2023&quot;\""));
        assert!(s.contains("width=\"100%\""));
        assert!(s.contains("loading=\"lazy\""));
        assert!(s.contains("style=\"border:0;width:100%\""));
        assert!(s.contains("e.origin!==\"https://chiso.example\""));
        assert!(s.contains("d.type!==\"chiso:height\""));
        let fixed = spec(false).fixed_snippet();
        assert!(!fixed.contains("<script"));
        assert!(fixed.contains("height=\"420\""));
    }

    #[test]
    fn the_heights_meta_reads_back_what_the_build_wrote() {
        let content = heights_content(&[(ChartId::Headline, 960), (ChartId::Pillars, 770)]);
        assert_eq!(content, "headline:960 pillars:770");
        assert_eq!(height_in(&content, ChartId::Pillars), Some(770));
        assert_eq!(height_in(&content, ChartId::Headline), Some(960));
        assert_eq!(height_in(&content, ChartId::Moves), None);
        assert_eq!(height_in("pillars:x", ChartId::Pillars), None);
        assert_eq!(HEIGHTS_SELECTOR, "meta[name=chiso-embed-heights]");
    }
}
