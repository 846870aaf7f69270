//! Link previews: OpenGraph and Twitter tags with the headline, and the preview image.

use super::attr;
use crate::chart_id::ChartId;
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
    /// The language of its texts (and of the page it is for).
    pub lang: Lang,
}

/// The preview of the page in `lang` (the English page, `index.en.html`, has its own).
pub fn preview(lang: Lang, s: &Snapshot, image: String) -> Preview {
    Preview {
        lang,
        title: format!("{} · {}", lang.pick(&s.title), t(lang, Key::AppName)),
        description: present::headline_summary(lang, s),
        image,
        image_alt: format!(
            "{}: {}",
            present::chart_title(lang, ChartId::Headline),
            present::headline_summary(lang, s)
        ),
    }
}

/// OpenGraph's name for a language's locale.
fn locale(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "vi_VN",
        Lang::En => "en_US",
    }
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
        ("property", "og:locale", locale(p.lang).to_string()),
        (
            "property",
            "og:locale:alternate",
            locale(p.lang.other()).to_string(),
        ),
        (
            "property",
            "og:site_name",
            t(p.lang, Key::AppName).to_string(),
        ),
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

/// The image for link previews: the headline chart (the latest tally first, the earlier reports
/// below it) with its caption, as SVG (rasterised by the caller). 600 px wide, drawn at 2× into a
/// 1200 px PNG.
pub fn preview_svg(s: &Snapshot) -> String {
    let lang = Lang::Vi;
    let id = ChartId::Headline;
    let pick = present::Pick::default();
    let drawn = present::draw(id, lang, s, &pick, 568.0, &crate::chart::Options::default());
    let Some(latest) = present::tallies_latest_first(s).into_iter().next() else {
        return String::new();
    };
    let line = present::tally_line(lang, s, latest);
    let caption = Caption {
        title: format!(
            "{}: {} {} ({}), {}",
            crate::format::upper_first(lang.pick(&s.unit.name)),
            line.fraction,
            t(lang, Key::IndicatorsMet),
            line.rate,
            line.as_of
        ),
        as_of: present::chart_as_of(lang, id, s, &pick),
        source: present::chart_source(lang, id, s, &pick),
        summary: present::headline_summary(lang, s),
    };
    svg_document(&drawn, &caption, &crate::chart::Theme::LIGHT)
}
