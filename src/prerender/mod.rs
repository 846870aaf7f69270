//! Build-time work on the built page (native only): what readers without WASM see (the
//! pre-rendered page and embed pages), what crawlers and link previews read, and the hardening
//! (CSP, subresource integrity, the loader).
//!
//! - `page`: the static page and embed pages, drawn by the same chart code as the app, with marks
//!   that answer without script;
//! - `harden`: the CSP (in the page, and as the server's header with `frame-ancestors`), the
//!   loader that replaces Trunk's inline script, the inlined stylesheet and the one small inline
//!   script allowed by its hash;
//! - `preview`: OpenGraph and Twitter tags and the preview image;
//! - `language`: the static page in each language, a page of its own that readers without script
//!   read and that the page's script fetches for a reader with script (in the first language the
//!   rest after the first chart, in another all of it);
//! - `offline`: the service worker that keeps an opened page readable offline, and the loader's
//!   part that registers it and says when the page shows a kept copy;
//! - `studio`: the same hardening for the data editors' studio (`studio.html`);
//! - `stylesheet`: the stylesheet as every page inlines it, without its comments.

mod embed_size;
mod harden;
mod language;
mod oembed;
mod offline;
mod page;
mod preview;
mod studio;
mod stylesheet;

pub use embed_size::{fixed_height, height_at, with_heights_meta, COLUMNS, NARROWEST, WIDEST};
pub use harden::{
    app_files, boot_script, embed_head, harden, header_csp, icon, inline_css, meta_csp,
    nginx_csp_map, sri, style_hashes, view_head, with_boot_script, with_title, without_app,
    without_eager_preloads, Framing, Served, Warm, CSP,
};
pub use language::{
    allow_styles_of, language_page_head, rest_from, with_alternate, with_first_part,
};
pub use oembed::{oembed_json, oembed_spec, with_oembed_link, SiteUrl};
pub use offline::{service_worker, OFFLINE_ATTR, STAMP, SW_CSP, SW_FILE};
pub use page::{
    boot_markup, changes_markup, embed_markup, fluid_svg, inject_boot, ranking_markup,
    static_chart_page, static_css, static_dark_css, static_marks, static_page, Boot, Published,
};
pub use preview::{inject_preview, preview, preview_svg, Preview};
pub use studio::harden_studio;

pub(crate) use crate::markup::{attr, text};

pub(crate) fn base64(bytes: &[u8]) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(T[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::page::BOOT_WIDTHS;
    use super::*;
    use crate::i18n::Lang;
    use crate::present;
    use crate::route::View;
    use crate::snapshot::Snapshot;
    use crate::validate::parse_snapshot;

    const WARM: Warm = Warm {
        snapshot: "s",
        version: "0123456789ab",
        path: "data/s.json",
    };

    fn snapshot() -> Snapshot {
        parse_snapshot(include_bytes!(
            "../../public/data/ba-ria-vung-tau-2023.json"
        ))
        .expect("valid")
    }

    #[test]
    fn the_preview_carries_the_headline_figure() {
        let p = preview(Lang::Vi, &snapshot(), "og.png".into());
        assert!(p
            .description
            .starts_with("Đạt 35/39 chỉ tiêu (89,7%), cả năm 2023"));
        let html =
            "<html><head><meta name=\"description\" content=\"old\">\n</head><body></body></html>";
        let out = inject_preview(html, &p);
        assert!(
            out.contains("<meta property=\"og:description\" content=\"Đạt 35/39 chỉ tiêu (89,7%)")
        );
        assert!(out.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">"));
        assert!(out.contains("<meta property=\"og:image\" content=\"og.png\">"));
        assert!(out.contains("<meta name=\"description\" content=\"Đạt 35/39"));
        // Idempotent: a second run replaces, never duplicates.
        let again = inject_preview(&out, &p);
        assert_eq!(again.matches("og:title").count(), 1);
        assert_eq!(again, out);
        // The English page's own, in English.
        let en = inject_preview(&out, &preview(Lang::En, &snapshot(), "og.png".into()));
        assert!(en.contains("<meta property=\"og:locale\" content=\"en_US\">"));
        assert!(en.contains("<meta property=\"og:locale:alternate\" content=\"vi_VN\">"));
        assert!(en.contains("<meta name=\"description\" content=\"35 of 39 indicators met (89.7%)"));
        assert_eq!(en.matches("og:title").count(), 1);
    }

    #[test]
    fn quotes_in_data_cannot_break_out_of_the_attribute() {
        let mut p = preview(Lang::Vi, &snapshot(), "og.png".into());
        p.title = "\"><script>alert(1)</script>".into();
        let out = inject_preview("<head></head>", &p);
        assert!(!out.contains("<script>"));
        assert!(out.contains("&quot;&gt;&lt;script&gt;"));
    }

    #[test]
    fn fluid_svgs_keep_the_view_box_and_lose_the_fixed_size() {
        let svg = "<svg width=\"640\" height=\"230\" viewBox=\"0 0 640 230\" xmlns=\"http://www.w3.org/2000/svg\">\n<rect/></svg>";
        assert_eq!(
            fluid_svg(svg),
            "<svg viewBox=\"0 0 640 230\" xmlns=\"http://www.w3.org/2000/svg\">\n<rect/></svg>"
        );
        let page = static_page(&snapshot());
        assert!(!page.contains("<script"));
        assert_eq!(page.matches("<svg").count(), 2);
        assert!(page.contains("13/16 · 81,3%"));
        // One chart's floor: that chart alone, in the language asked for.
        let page = static_chart_page(&snapshot(), crate::chart_id::ChartId::Pillars, Lang::En);
        assert!(!page.contains("<script") && page.contains("<html lang=\"en\">"));
        assert_eq!(page.matches("<svg").count(), 1);
        assert!(page.contains("13/16 · 81.3%"));
    }

    #[test]
    fn the_static_page_has_the_figures_the_charts_and_the_sources() {
        let html = "<html><body>\n<div id=\"boot\"><p>old</p></div>\n</body></html>";
        let (out, _) = inject_boot(
            html,
            boot_markup(Lang::Vi, &snapshot(), "02478a74b21c", "2026-11-27"),
        )
        .expect("injected");
        assert!(!out.contains("<p>old</p>"));
        assert!(out.contains("<span class=\"fraction\">33/39</span>"));
        assert!(out.contains(
            "<p class=\"version-note following\">Luôn theo số liệu mới nhất: phiên bản 02478a74b21c (công bố 27/11/2026).</p>"
        ));
        assert!(out.contains("<span class=\"rate\">84,6%</span>"));
        // The English page is a page of its own, which this one links to.
        assert!(!out.contains("static-en"));
        assert!(out.contains("<a class=\"lang-switch\" href=\"index.en.html\" hreflang=\"en\" lang=\"en\">English</a>"));
        assert_eq!(
            out.matches("<svg").count(),
            crate::route::View::Overview.charts().len() * BOOT_WIDTHS.len(),
            "the overview's charts, each at every width"
        );
        assert!(out.contains("0,5878 → 2023: 0,7353"));
        assert!(out.contains("https://dti.gov.vn/xep-hang-2022"));
        assert!(!out.contains("<script"));
        assert!(out.ends_with("</body></html>"));

        let (en, _) = inject_boot(
            html,
            boot_markup(Lang::En, &snapshot(), "02478a74b21c", "2026-11-27"),
        )
        .expect("injected");
        assert!(en.contains(
            "<div id=\"boot\" class=\"prerendered\">\n<div class=\"static-en\" lang=\"en\">"
        ));
        assert!(en.contains("<p class=\"version-note pinned\">Data pinned to version 02478a74b21c (published 27 Nov 2026).</p>"));
        assert!(en.contains("<span class=\"rate\">84.6%</span>"));
        assert!(en.contains("id=\"chart-pillars-en\""));
        assert!(en.contains(
            "<a class=\"lang-switch\" href=\"index.vi.html\" hreflang=\"vi\" lang=\"vi\">Tiếng Việt</a>"
        ));
        // Held back as the Vietnamese page is: the first page's script parses it as a page would.
        let live = parsed_with_script(&en);
        assert_eq!(live.matches("<figure").count(), 1);
        assert_eq!(by_width_in(&en, "en").len(), BOOT_WIDTHS.len());
        assert_eq!(
            held_back(&en)
                .iter()
                .map(|(l, _)| l.as_str())
                .collect::<Vec<_>>(),
            ["en"]
        );
        assert!(!en.contains("static-vi") && !en.contains("class=\"loading\""));
        assert_eq!(
            en.matches("<svg").count(),
            crate::route::View::Overview.charts().len() * BOOT_WIDTHS.len()
        );
    }

    /// The markup of `html` that a browser with scripting on parses as markup: everything outside
    /// `<noscript>` (whose contents it reads as plain text).
    fn parsed_with_script(html: &str) -> String {
        let mut out = String::new();
        let mut rest = html;
        while let Some(i) = rest.find("<noscript") {
            out.push_str(&rest[..i]);
            let end = rest[i..].find("</noscript>").expect("closed") + i;
            rest = &rest[end + "</noscript>".len()..];
        }
        out.push_str(rest);
        out
    }

    /// The bounds of each drawing held back until the width is known, each holding one drawing.
    fn by_width(html: &str) -> Vec<String> {
        by_width_in(html, "vi")
    }

    fn by_width_in(html: &str, lang: &str) -> Vec<String> {
        html.split(&format!("<noscript data-width=\"{lang}\""))
            .skip(1)
            .map(|part| {
                let (bounds, rest) = part.split_once('>').expect("an open tag");
                let body = &rest[..rest.find("</noscript>").expect("closed")];
                assert_eq!(body.matches("<svg").count(), 1);
                bounds.to_string()
            })
            .collect()
    }

    #[test]
    fn the_stylesheet_shows_the_drawing_of_the_width_the_script_puts_first() {
        let css = static_css();
        assert!(css.starts_with(".chart-area.static.w-medium{display:none}.chart-area.static.w-wide{display:none}\n\
            @media (min-width:34rem){.chart-area.static.w-narrow{display:none}.chart-area.static.w-medium{display:block}}\n\
            @media (min-width:50rem){.chart-area.static.w-medium{display:none}.chart-area.static.w-wide{display:block}}\n"));
        assert!(css.ends_with(&static_dark_css()));
    }

    /// Each held-back part, with its language; no part holds another.
    fn held_back(html: &str) -> Vec<(String, String)> {
        html.split("<noscript data-later=\"")
            .skip(1)
            .map(|part| {
                let (lang, rest) = part.split_once("\">").expect("a language");
                let body = &rest[..rest.find("</noscript>").expect("closed")];
                assert!(!body.contains("<noscript"));
                (lang.to_string(), body.to_string())
            })
            .collect()
    }

    #[test]
    fn before_the_first_chart_a_reader_with_script_parses_only_what_it_needs() {
        use crate::chart_id::FigureId;
        use crate::route::View;
        let tags = |h: &str, t: &str| {
            (
                h.matches(&format!("<{t}")).count(),
                h.matches(&format!("</{t}>")).count(),
            )
        };
        let s = snapshot();
        let pages = [
            (
                boot_markup(Lang::Vi, &s, "02478a74b21c", "2026-11-27").html,
                View::Overview.charts()[0],
                5,
            ),
            (
                ranking_markup(Lang::Vi, &s, "02478a74b21c", "2026-11-27").html,
                View::Ranking.charts()[0],
                3,
            ),
        ];
        for (html, first, charts) in pages {
            let live = parsed_with_script(&html);
            // The first chart at each width, with its rules, and no other.
            assert_eq!(live.matches("<figure").count(), 1, "{first:?}");
            assert!(live.contains(&format!(
                "id=\"{}\"",
                FigureId::static_page(first, Lang::Vi)
            )));
            // Its drawings, one a width: the phone's is markup; a tablet's and a desktop's are
            // put in place as the parser reads them if the screen shows that width.
            assert_eq!(live.matches("<svg").count(), 1);
            assert!(live.contains("<div class=\"chart-area static w-narrow\">"));
            assert_eq!(
                by_width(&html),
                [
                    " data-from=\"34rem\" data-to=\"50rem\"",
                    " data-from=\"50rem\""
                ]
            );
            assert!(live.contains(&format!(
                "#{} .w-narrow .m0{{",
                FigureId::static_page(first, Lang::Vi)
            )));
            assert!(
                !live.contains("static-en"),
                "no English page before the first paint"
            );
            // What is held back is the rest of the page, whole: its elements closed within it.
            let parts = held_back(&html);
            assert_eq!(
                parts.iter().map(|(l, _)| l.as_str()).collect::<Vec<_>>(),
                ["vi"]
            );
            let vi = &parts[0].1;
            assert_eq!(vi.matches("<figure").count(), charts - 1);
            for t in [
                "figure", "section", "div", "style", "svg", "main", "article",
            ] {
                let (o, c) = tags(vi, t);
                assert_eq!(o, c, "<{t}> in the held-back Vietnamese");
            }
            // Without script the page is all there, as before.
            assert_eq!(html.matches("<svg").count(), charts * BOOT_WIDTHS.len());
        }
        // An embed page's one chart is its first: only the English one waits.
        let embed = embed_markup(
            &s,
            crate::chart_id::ChartId::Ranking,
            "02478a74b21c",
            "2026-11-27",
        )
        .html;
        assert_eq!(by_width(&embed).len(), BOOT_WIDTHS.len() - 1);
        assert_eq!(parsed_with_script(&embed).matches("<svg").count(), 1);
        assert_eq!(parsed_with_script(&embed).matches("<figure").count(), 1);
        assert_eq!(
            held_back(&embed)
                .iter()
                .map(|(l, _)| l.as_str())
                .collect::<Vec<_>>(),
            ["en"]
        );
        // The page's script puts back the reader's language's part, after the first paint.
        let script = boot_script("x", "y", "z", "w");
        assert!(script.contains("noscript[data-later="));
        assert!(script.contains("painted(function(){later(had)})"));
        assert!(script.contains("first-contentful-paint"));
        // The rest, where the page left it: fetched from its page of its own, its markup taken.
        assert!(script.contains("querySelectorAll(sel+'[data-src]')"));
        assert!(script.contains("fetch(n.getAttribute('data-src'))"));
        // A reader in the other language: the start of theirs moved out of its template.
        assert!(script.contains("tf='template[data-first=\"'+h.lang+'\"]'"));
        assert!(script.contains("b.appendChild(t.content);t.remove()"));
        assert!(
            script.contains("if(t&&t.nextSibling)lead(t)"),
            "as soon as it is parsed"
        );
        // Looked for only by a reader in another language, and only until it is moved; a
        // Vietnamese reader's parser is watched only on a screen wider than a phone's.
        assert!(script.contains("var t=own||h.lang===\"vi\"?null:document.querySelector(tf)"));
        assert!(script.contains("if(h.lang!==\"vi\"||mq(\"34rem\"))mo.observe(h,"));
        assert!(
            !script.contains("createContextualFragment(x"),
            "no page fetched before the first chart"
        );
    }

    /// The head of a Trunk build, and its files as [`built`] reads them.
    const TRUNK_HEAD: &str = "<head><meta charset=\"utf-8\"><link rel=\"stylesheet\" href=\"./main-1.css\" integrity=\"x\"/>\n<script type=\"module\">\nimport init, * as b from './c.js';\nawait init({ module_or_path: './c_bg.wasm' });\n</script></head>";

    fn built(f: &str) -> Option<Vec<u8>> {
        match f {
            "main-1.css" => Some(b"body{color:red}".to_vec()),
            "c_bg.wasm" => Some(b"w".to_vec()),
            "c.js" => Some(b"export default 1".to_vec()),
            _ => None,
        }
    }

    #[test]
    fn the_stylesheet_is_inlined_and_allowed_by_its_hash_alone() {
        use sha2::Digest;
        let (out, _) = harden(TRUNK_HEAD, "", WARM, View::Overview, built).expect("hardened");
        assert!(out.contains("<style>body{color:red}</style>"));
        assert!(!out.contains("main-1.css"));
        let hash = base64(&sha2::Sha256::digest(b"body{color:red}"));
        assert!(out.contains(&format!("style-src 'self' 'sha256-{hash}';")));
        assert!(
            !out.contains("rel=\"preload\""),
            "nothing is fetched before the first paint"
        );
    }

    #[test]
    fn each_figure_brings_its_own_rules_each_allowed_by_its_hash() {
        use sha2::Digest;
        let html = format!("{TRUNK_HEAD}\n<body><figure></figure>\n<style>#a .m0{{left:1%}}</style><figure></figure>\n<style>#b .m0{{left:2%}}</style><style>#b .m0{{left:2%}}</style></body>");
        let (out, _) = harden(&html, "", WARM, View::Overview, built).expect("hardened");
        let hash =
            |css: &str| format!("'sha256-{}'", base64(&sha2::Sha256::digest(css.as_bytes())));
        assert!(out.contains(&format!(
            "style-src 'self' {} {} {};",
            hash("body{color:red}"),
            hash("#a .m0{left:1%}"),
            hash("#b .m0{left:2%}")
        )));
        assert_eq!(
            style_hashes("<style>x").expect_err("unclosed"),
            "unclosed <style>"
        );

        // The real page: a figure's rules come after the figure, none in the head.
        let boot = boot_markup(Lang::Vi, &snapshot(), "02478a74b21c", "2026-11-27");
        assert!(!boot.css.contains(" .m0{"));
        let first = boot
            .html
            .find("id=\"chart-headline\"")
            .expect("headline chart");
        let rules = boot
            .html
            .find("#chart-headline .w-narrow .m0{")
            .expect("its rules");
        assert!(first < rules);
    }

    #[test]
    fn every_pre_rendered_mark_has_a_hit_area_a_tooltip_and_a_rule() {
        let s = snapshot();
        let drawn = present::draw(
            crate::chart_id::ChartId::Pillars,
            Lang::Vi,
            &s,
            &present::Pick::default(),
            BOOT_WIDTHS[0].0,
            &crate::chart::Options::default(),
        );
        let (html, css) = static_marks("#chart-pillars", &drawn);
        let n = drawn.marks.len();
        assert!(n >= 3);
        assert_eq!(html.matches("tabindex=\"0\"").count(), n);
        assert_eq!(html.matches("class=\"tooltip\"").count(), n);
        assert_eq!(css.lines().count(), n);
        assert!(html.contains("aria-label=\"Chính quyền số: đạt 13/16 chỉ tiêu (81,3%). Thời điểm: 11 tháng năm 2023. Nguồn:"));
        assert!(css.starts_with("#chart-pillars .m0{left:"));
        // Every position is a percentage of the chart, inside it.
        for v in css
            .split([':', ';', '}'])
            .filter_map(|p| p.strip_suffix('%'))
        {
            if let Ok(x) = v.parse::<f64>() {
                assert!((0.0..=100.0).contains(&x), "{x}% in {css}");
            }
        }
        let mut hostile = drawn.clone();
        hostile.marks[0].tooltip.title = "<img src=x onerror=alert(1)>\"".into();
        let (html, _) = static_marks("#chart-pillars", &hostile);
        assert!(!html.contains("<img"));
    }

    #[test]
    fn an_embed_page_carries_both_languages_both_notes_and_one_hashed_script() {
        use crate::chart_id::ChartId;
        let s = snapshot();
        let boot = embed_markup(&s, ChartId::Pillars, "02478a74b21c", "2026-11-27");
        assert!(boot
            .html
            .contains("<main class=\"embed-main static-vi\" lang=\"vi\">"));
        assert!(boot
            .html
            .contains("<main class=\"embed-main static-en\" lang=\"en\">"));
        assert!(
            boot.html.contains("id=\"chart-pillars-vi\"")
                && boot.html.contains("id=\"chart-pillars-en\"")
        );
        assert!(boot
            .html
            .contains("Số liệu ghim ở phiên bản 02478a74b21c (công bố 27/11/2026)."));
        assert!(boot
            .html
            .contains("Following the latest data: version 02478a74b21c (published 27 Nov 2026)."));
        assert!(boot.html.contains("href=\"./?lang=en&amp;snapshot=ba-ria-vung-tau-2023&amp;v=02478a74b21c#chart-pillars\""));
        assert!(boot.html.contains("#chart-pillars-en .w-narrow .m0{"));
        assert!(boot.html.contains("#chart-pillars-vi .w-wide .m0{"));
        // Each language's chart drawn at each of the widths a screen may show it at.
        assert_eq!(boot.html.matches("<svg").count(), 2 * BOOT_WIDTHS.len());

        let script = boot_script(
            "x</script><script>alert(1)//",
            "02478a74b21c",
            "</title>",
            "</script>",
        );
        assert!(
            !script.contains("</script>"),
            "data cannot close the script"
        );
        assert!(!script.contains("message'"), "it listens to no message");
        let page = "<html lang=\"vi\"><head><meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'\">\n<meta name=\"viewport\" content=\"width=device-width\"><link rel=\"modulepreload\" href=\"./chiso-1.js\" integrity=\"sha384-x\" crossorigin=\"anonymous\">\n<title>Chỉ số</title></head><body></body></html>";
        let out = embed_head(page, ChartId::Pillars, &script).expect("embed page");
        // The glue waits for the reader: the loader asks for it, with its integrity.
        assert!(!out.contains("modulepreload"), "{out}");
        assert!(out.contains("<html lang=\"vi\" data-embed=\"pillars\" class=\"embedded\">"));
        assert!(out.contains("<title>Chỉ tiêu đạt theo trụ cột · Chỉ số</title>"));
        use sha2::Digest;
        let hash = base64(&sha2::Sha256::digest(script.as_bytes()));
        assert!(out.contains(&format!(
            "script-src 'self' 'wasm-unsafe-eval' 'sha256-{hash}';"
        )));
        assert_eq!(out.matches("<script>").count(), 1);
        assert!(embed_head("<html>", ChartId::Pillars, &script).is_err());
    }

    #[test]
    fn an_embed_page_preloads_neither_the_wasm_nor_the_data() {
        let html = "<head><link rel=\"modulepreload\" href=\"./c.js\" integrity=\"x\"><link rel=\"preload\" href=\"./c_bg.wasm\" as=\"fetch\" type=\"application/wasm\"><link rel=\"preload\" href=\"data/index.json\" as=\"fetch\" crossorigin=\"anonymous\">\n<link rel=\"preload\" href=\"data/x.json\" as=\"fetch\" crossorigin=\"anonymous\">\n<title>t</title></head>";
        assert_eq!(
            without_eager_preloads(html),
            "<head><link rel=\"modulepreload\" href=\"./c.js\" integrity=\"x\"><title>t</title></head>"
        );
    }

    #[test]
    fn every_light_colour_of_a_static_chart_has_its_dark_rule() {
        let css = static_dark_css();
        for (light, dark) in [
            ("#FFFFFF", "#12171C"),
            ("#0B6A5A", "#4FD1B5"),
            ("#6B3FA0", "#C9A7FF"),
        ] {
            assert!(css.contains(&format!("[fill=\"{light}\"]{{fill:{dark}}}")));
            assert!(css.contains(&format!("[stroke=\"{light}\"]{{stroke:{dark}}}")));
        }
        assert!(css.starts_with("@media (prefers-color-scheme: dark){:root:not([data-theme=light]) .chart-area.static svg"));
        assert!(css.contains(":root[data-theme=dark] .chart-area.static svg [fill="));
    }

    #[test]
    fn the_icon_is_read_from_the_page() {
        assert_eq!(
            icon("<link rel=\"icon\" href=\"favicon.svg\" type=\"image/svg+xml\">"),
            Some("favicon.svg")
        );
        assert_eq!(icon("<head></head>"), None);
        let [glue, wasm] = app_files(TRUNK_HEAD).expect("a Trunk page");
        assert_eq!((glue.as_str(), wasm.as_str()), ("c.js", "c_bg.wasm"));
    }

    #[test]
    fn base64_matches_the_standard() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    }

    #[test]
    fn harden_moves_the_loader_out_of_line_and_adds_the_csp() {
        let html = "<html><head>\n<meta charset=\"utf-8\">\n<script type=\"module\">\nimport init, * as bindings from './chiso-abc.js';\nconst wasm = await init({ module_or_path: './chiso-abc_bg.wasm' });\n</script>\n</head></html>";
        let (out, (name, loader)) = harden(html, "", WARM, View::Overview, |f| match f {
            "chiso-abc_bg.wasm" => Some(b"wasm".to_vec()),
            "chiso-abc.js" => Some(b"glue".to_vec()),
            _ => None,
        })
        .expect("hardened");
        assert!(
            !out.contains("<script type=\"module\">"),
            "no inline script is left"
        );
        assert!(out.contains(&format!(
            "<script type=\"module\" src=\"./{name}\" integrity=\"sha384-"
        )));
        assert!(out.contains("script-src 'self' 'wasm-unsafe-eval';"));
        assert!(
            out.contains("style-src 'self';"),
            "no stylesheet, no style hash"
        );
        assert!(!CSP.contains("unsafe-inline") && !CSP.contains("'unsafe-eval'"));
        // WebKit logs "Unrecognized Content-Security-Policy directive" for any other.
        let known = [
            "default-src",
            "script-src",
            "style-src",
            "img-src",
            "connect-src",
            "base-uri",
            "form-action",
        ];
        for directive in CSP.split(';').filter_map(|d| d.split_whitespace().next()) {
            assert!(
                known.contains(&directive),
                "{directive} is not known to every engine"
            );
        }
        assert!(loader.contains(&format!("integrity: '{}'", sri(b"wasm"))));
        assert!(loader.contains("await import('./chiso-abc.js');"));
        // The glue asked for with its integrity where the page does not preload it (an embed).
        assert!(loader.contains(&format!("m.integrity = '{}'", sri(b"glue"))));
        // After the first paint, the data is fetched beside the WASM; an embed page waits for
        // its reader.
        assert!(loader.contains("requestAnimationFrame(() => setTimeout(go))"));
        // The data is fetched by the loader and left where the app takes it, never preloaded (a
        // preload WebKit does not hand to fetch(), so it asked twice).
        assert!(loader.contains("const early = window[\"__chisoData\"] = {};"));
        assert!(loader.contains("start(\"data/index.json\");"));
        assert!(loader.contains(
            "if ((!snapshot || snapshot === \"s\") && (!version || version === \"0123456789ab\")) start(\"data/s.json\");"
        ));
        assert!(!loader.contains("rel = 'preload'"), "no data preload");
        assert!(loader.contains("['pointerdown', 'keydown', 'focusin']"));
        // Each page's loader sends a link to another page's app to that page's file, before
        // anything is fetched (the browser tests follow such links).
        let redirect = loader.find("location.replace(").expect("a redirect");
        assert!(redirect < loader.find("fetch(").expect("a fetch"));
        assert!(loader.contains(
            "const pages = new Map([[\"overview\",\"./\"],[\"ranking\",\"xep-hang.html\"]])"
        ));
        assert!(loader.contains("[\"headline\",\"overview\"]"));
        assert!(loader.contains("[\"moves\",\"ranking\"]"));
        assert!(loader.contains("if (view !== \"overview\") {"));
        let (_, (ranking_name, ranking_loader)) =
            harden(html, "", WARM, View::Ranking, |f| match f {
                "chiso-abc_bg.wasm" => Some(b"wasm".to_vec()),
                "chiso-abc.js" => Some(b"glue".to_vec()),
                _ => None,
            })
            .expect("hardened");
        assert!(ranking_loader.contains("if (view !== \"ranking\") {"));
        assert_ne!(
            ranking_name, name,
            "each page's loader is a file of its own"
        );
        // A reader who saves data waits for a touch on a chart or a control, as an embed's does,
        // told so in the loading line in both languages.
        assert!(loader.contains(
            "const quiet = !root.dataset.embed && navigator.connection?.saveData === true;"
        ));
        assert!(loader.contains(
            "if ((root.dataset.embed || quiet) && !root.hasAttribute('data-other') && boot) {"
        ));
        assert!(loader.contains("\"Chế độ tiết kiệm dữ liệu: biểu đồ tương tác chỉ tải khi bạn chạm vào một biểu đồ.\" + ' ', span('en', \"Data saver:"));
        // The worker registered once the app runs (and by a quiet page before it waits), never
        // by an embed page; the offline note from the worker's mark or message.
        assert!(loader.ends_with("keep();\n"));
        assert!(loader.contains("offline(Number(root.getAttribute(\"data-offline\")));"));
        assert!(loader.contains("\"Không khởi động được ứng dụng. Hãy tải lại trang.\" + ' ', span('en', \"The app could not start."));
        assert!(
            harden(html, "", WARM, View::Overview, |_| None).is_err(),
            "a missing WASM is an error"
        );
    }

    #[test]
    fn the_header_policy_is_the_pages_own_plus_who_may_frame_it() {
        let page = "<head><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'self' 'sha256-AB+/=='\">";
        assert_eq!(
            meta_csp(page),
            Some("default-src 'none'; script-src 'self' 'sha256-AB+/=='")
        );
        assert_eq!(
            header_csp(page, Framing::Nowhere).as_deref(),
            Ok("default-src 'none'; script-src 'self' 'sha256-AB+/=='; frame-ancestors 'none'")
        );
        assert!(header_csp("<head></head>", Framing::Anywhere).is_err());

        let map = nginx_csp_map(&[
            ("index.html", page, Served::App),
            ("embed-pillars.html", page, Served::Embed),
            ("thay-doi.html", page, Served::Static),
        ])
        .expect("map");
        let entries: Vec<&str> = map.lines().filter(|l| !l.starts_with('#')).collect();
        let p = "default-src 'none'; script-src 'self' 'sha256-AB+/=='";
        assert_eq!(
            entries,
            [
                format!("\"~(?:^|/)index\\.html\\?embed=(?:headline|pillars|indicators|followup|context|ranking|moves|averages)$\" \"{p}; frame-ancestors *\";"),
                format!("\"~(?:^|/)index\\.html\\?embed=\" \"{p}; frame-ancestors 'none'\";"),
                format!("\"~(?:^|/)embed-pillars\\.html\\?embed=\" \"{p}; frame-ancestors *\";"),
                format!("\"~(?:^|/)thay-doi\\.html\\?embed=\" \"{p}; frame-ancestors 'none'\";"),
                // The service worker may fetch from this site, and nothing else.
                "\"~(?:^|/)sw\\.js\\?embed=\" \"default-src 'none'; connect-src 'self'\";".to_string(),
            ]
        );
        // Nothing that nginx would read as a variable or the end of the value.
        let dollar = page.replace("AB+/==", "$host");
        assert!(nginx_csp_map(&[("index.html", &dollar, Served::App)]).is_err());
        assert!(nginx_csp_map(&[("a b.html", page, Served::App)]).is_err());
    }

    #[test]
    fn the_preview_image_shows_the_pillars() {
        let svg = preview_svg(&snapshot());
        assert!(svg.contains("Tỉnh Bà Rịa – Vũng Tàu: 35/39 chỉ tiêu đạt (89,7%), cả năm 2023"));
        // The latest bar first, the earlier report below it.
        let (full, eleven) = (svg.find("35/39 · 89,7%"), svg.find("33/39 · 84,6%"));
        assert!(full.is_some() && eleven.is_some() && full < eleven, "{svg}");
    }
}
