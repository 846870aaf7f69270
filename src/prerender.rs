//! Build-time work on the built page (native only): what crawlers and link previews read, since
//! they run no WASM.

use crate::export::{svg_document, Caption};
use crate::i18n::{t, Key, Lang};
use crate::present;
use crate::snapshot::Snapshot;

/// The texts of a link preview.
#[derive(Debug, Clone, PartialEq)]
pub struct Preview {
    pub title: String,
    pub description: String,
    /// Absolute where the site's URL is known, else relative to the page.
    pub image: String,
    pub image_alt: String,
}

pub fn preview(s: &Snapshot, image: String) -> Preview {
    let lang = Lang::Vi;
    Preview {
        title: format!("{} · {}", lang.pick(&s.title), t(lang, Key::AppName)),
        description: present::headline_summary(lang, s),
        image,
        image_alt: format!(
            "{}: {}",
            t(lang, Key::PillarChartTitle),
            present::pillar_summary(lang, s)
        ),
    }
}

fn attr(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

const BEGIN: &str = "<!-- chiso:preview -->";
const END: &str = "<!-- /chiso:preview -->";

/// Puts OpenGraph and Twitter tags (and the description) into `html`'s head; running it again
/// replaces what it wrote before.
pub fn inject_preview(html: &str, p: &Preview) -> String {
    let html = match (html.find(BEGIN), html.find(END)) {
        (Some(a), Some(b)) if b > a => {
            let rest = &html[b + END.len()..];
            format!("{}{}", &html[..a], rest.strip_prefix('\n').unwrap_or(rest))
        }
        _ => html.to_string(),
    };
    let tags = [
        ("property", "og:type", "website".to_string()),
        ("property", "og:locale", "vi_VN".to_string()),
        ("property", "og:locale:alternate", "en_US".to_string()),
        ("property", "og:site_name", "Chỉ số".to_string()),
        ("property", "og:title", p.title.clone()),
        ("property", "og:description", p.description.clone()),
        ("property", "og:image", p.image.clone()),
        ("property", "og:image:alt", p.image_alt.clone()),
        ("name", "twitter:card", "summary_large_image".to_string()),
        ("name", "twitter:title", p.title.clone()),
        ("name", "twitter:description", p.description.clone()),
        ("name", "twitter:image", p.image.clone()),
        ("name", "twitter:image:alt", p.image_alt.clone()),
    ];
    let mut block = String::from(BEGIN);
    block.push('\n');
    for (kind, name, content) in tags {
        block.push_str(&format!(
            "  <meta {kind}=\"{name}\" content=\"{}\">\n",
            attr(&content)
        ));
    }
    block.push_str(END);
    // The static description says the headline too (search results show it).
    let mut out = replace_meta_description(&html, &p.description);
    if let Some(i) = out.find("</head>") {
        out.insert_str(i, &format!("{block}\n"));
    }
    out
}

fn replace_meta_description(html: &str, text: &str) -> String {
    let key = "<meta name=\"description\" content=\"";
    let Some(a) = html.find(key) else {
        return html.to_string();
    };
    let start = a + key.len();
    let Some(len) = html[start..].find('"') else {
        return html.to_string();
    };
    format!("{}{}{}", &html[..start], attr(text), &html[start + len..])
}

/// The image for link previews: the pillar chart with its caption, as SVG (rasterised by the
/// caller). 600 px wide, drawn at 2× into a 1200 px PNG.
pub fn preview_svg(s: &Snapshot) -> String {
    let lang = Lang::Vi;
    let rows = present::pillar_rows(lang, s);
    let drawn = crate::chart::bars_chart(&rows, 568.0, &crate::chart::Options::default());
    let (tally, _) = match s.pillar_tally() {
        Some(x) => x,
        None => return String::new(),
    };
    let line = present::tally_line(lang, s, tally);
    let caption = Caption {
        title: format!(
            "{}: {} {} ({})",
            present::capitalise(lang.pick(&s.unit.name)),
            line.fraction,
            t(lang, Key::IndicatorsMet),
            line.rate
        ),
        as_of: format!("{}: {}", t(lang, Key::AsOf), line.as_of),
        source: format!(
            "{}: {}",
            t(lang, Key::Source),
            line.sources
                .iter()
                .map(|r| r.title.as_str())
                .collect::<Vec<_>>()
                .join("; ")
        ),
        summary: present::pillar_summary(lang, s),
    };
    svg_document(&drawn, &caption, &crate::chart::Theme::LIGHT)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::parse_snapshot;

    fn snapshot() -> Snapshot {
        parse_snapshot(include_bytes!("../public/data/ba-ria-vung-tau-2023.json")).expect("valid")
    }

    #[test]
    fn the_preview_carries_the_headline_figure() {
        let p = preview(&snapshot(), "og.png".into());
        assert!(p
            .description
            .starts_with("Đạt 33/39 chỉ tiêu (84,6%), 11 tháng năm 2023"));
        let html =
            "<html><head><meta name=\"description\" content=\"old\">\n</head><body></body></html>";
        let out = inject_preview(html, &p);
        assert!(
            out.contains("<meta property=\"og:description\" content=\"Đạt 33/39 chỉ tiêu (84,6%)")
        );
        assert!(out.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">"));
        assert!(out.contains("<meta property=\"og:image\" content=\"og.png\">"));
        assert!(out.contains("<meta name=\"description\" content=\"Đạt 33/39"));
        // Idempotent: a second run replaces, never duplicates.
        let again = inject_preview(&out, &p);
        assert_eq!(again.matches("og:title").count(), 1);
        assert_eq!(again, out);
    }

    #[test]
    fn quotes_in_data_cannot_break_out_of_the_attribute() {
        let mut p = preview(&snapshot(), "og.png".into());
        p.title = "\"><script>alert(1)</script>".into();
        let out = inject_preview("<head></head>", &p);
        assert!(!out.contains("<script>"));
        assert!(out.contains("&quot;&gt;&lt;script&gt;"));
    }

    #[test]
    fn the_preview_image_shows_the_pillars() {
        let svg = preview_svg(&snapshot());
        assert!(svg.contains("Tỉnh Bà Rịa – Vũng Tàu: 33/39 chỉ tiêu đạt (84,6%)"));
        assert!(svg.contains("13/16 · 81,3%"));
    }
}
