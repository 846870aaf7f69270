//! A page's static content in one language, all of it, at an address of its own
//! (`View::file_in`: `index.vi.html`, `index.en.html`, `xep-hang.vi.html`, `xep-hang.en.html`):
//! read there by readers without script and by crawlers, and fetched by the page's own script for
//! a reader with script (`boot_script`), so that the page itself carries only what its first
//! chart needs: in the first language, the rest after its first chart ([`rest_from`]); in
//! another, none of it.

use super::harden::{js_str, meta_csp, style_hashes, with_boot_script, with_title, without_app};
use super::page::LATER;
use crate::i18n::Lang;
use crate::present;
use crate::route::{param, View};

/// The one inline script of a page's static content in one language (`View::file_in`): a reader
/// with script is sent at once to the page itself, where the app runs (in that language, by
/// `lang`, unless the link asks for the first; in the first, as the link asks), and the page's
/// script fetches this file back for them. A reader without script, or a crawler, reads this page
/// as it is.
pub fn to_app_script(view: View, lang: Lang) -> String {
    let page = match view.file() {
        "" => "./",
        file => file,
    };
    let first = js_str(Lang::default().tag());
    let l = js_str(param::LANG);
    let ask = if lang == Lang::default() {
        String::new()
    } else {
        format!("if(q.get({l})!=={first})q.set({l},{});", js_str(lang.tag()))
    };
    format!(
        "(function(){{var q=new URLSearchParams(location.search);{ask}\
location.replace({page}+(String(q)?'?'+q:'')+location.hash)}})();",
        page = js_str(page),
    )
}

/// Makes a finished page the static content of `view` in `lang` (`View::file_in`): `<html lang>`
/// says so, the title is the page's in that language, no app is loaded, and its one inline script
/// ([`to_app_script`]) sends a reader with script to the page itself. In the first language it
/// names the page itself as the canonical address of what it holds (a crawler that reads both
/// counts one page), and the page in the other language as its alternate; in another language, it
/// names the page itself as its first language's alternate.
pub fn language_page_head(html: &str, view: View, lang: Lang) -> Result<String, String> {
    let open = "<html lang=\"vi\">";
    if !html.contains(open) {
        return Err("index.html has no <html lang=\"vi\">".into());
    }
    let out = html.replacen(open, &format!("<html lang=\"{}\">", lang.tag()), 1);
    let title = present::page_title(lang, view);
    let page = match view.file() {
        "" => "./",
        file => file,
    };
    let out = without_app(&with_title(&out, &title));
    let out = if lang == Lang::default() {
        let other = lang.other();
        in_head(
            &with_alternate(&out, other, &view.file_in(other))?,
            &format!("<link rel=\"canonical\" href=\"{}\">\n", super::attr(page)),
        )?
    } else {
        with_alternate(&out, Lang::default(), page)?
    };
    with_boot_script(&out, &to_app_script(view, lang))
}

/// The page itself in the first language, from its finished static content (`whole`): the rest
/// after its first chart, the one `<noscript data-later>`, is left in the page of its own
/// (`file`, [`View::file_in`]). The page's script fetches it once the first chart is painted
/// (`data-src`); a reader without script is sent there at once (a refresh in a `<noscript>` of
/// the head, which a browser with script reads as text), and, should their browser not follow
/// it, is linked there.
pub fn rest_from(whole: &str, lang: Lang, file: &str, link: &str) -> Result<String, String> {
    let open = format!("<noscript {LATER}=\"{}\">", lang.tag());
    let start = whole
        .find(&open)
        .ok_or_else(|| format!("no {open} to leave in {file}"))?;
    if whole[start + open.len()..].contains(&open) {
        return Err(format!("more than one {open}"));
    }
    let end = whole[start..]
        .find("</noscript>")
        .ok_or_else(|| format!("{open} is not closed"))?
        + start;
    let file = super::attr(file);
    let mut out = format!(
        "{}<noscript {LATER}=\"{}\" data-src=\"{file}\"><p class=\"rest-link\"><a href=\"{file}\">{}</a></p>{}",
        &whole[..start],
        lang.tag(),
        super::text(link),
        &whole[end..]
    );
    let at = out
        .find("<meta charset=\"utf-8\">")
        .ok_or("no <meta charset> in the head")?
        + "<meta charset=\"utf-8\">".len();
    out.insert_str(
        at,
        &format!("<noscript><meta http-equiv=\"refresh\" content=\"0; url={file}\"></noscript>"),
    );
    Ok(out)
}

/// Puts into the page (`page`, in the first language) the start of its static content in another
/// language, from that language's finished page of its own (`other`, at `file`): its first chart
/// and what leads to it, the rest left in `file` as [`rest_from`] leaves it. It is a `<template>`
/// at the end of the body: parsed but never shown, styled or laid out, so a reader in the first
/// language pays only its bytes (they compress against the page's own: the same figures and
/// drawings in other words), and the page's script moves it into place for a reader in that
/// language, who then waits for no other file before their first chart.
pub fn with_first_part(
    page: &str,
    other: &str,
    lang: Lang,
    file: &str,
    link: &str,
) -> Result<String, String> {
    let lean = rest_from(other, lang, file, link)?;
    let open = format!("<div class=\"static-{}\"", lang.tag());
    let start = lean
        .find(&open)
        .ok_or_else(|| format!("{file}: no {open}"))?;
    let body_end = lean.rfind("</body>").ok_or("no </body>")?;
    // The content ends with the `</div>` of `#boot`, which the template must not carry.
    let end = lean[..body_end]
        .rfind("</div>")
        .filter(|&e| e > start)
        .ok_or_else(|| format!("{file}: no #boot around {open}"))?;
    let at = page.rfind("</body>").ok_or("no </body>")?;
    let mut out = page.to_string();
    out.insert_str(
        at,
        &format!(
            "<template data-first=\"{}\">{}</template>\n",
            lang.tag(),
            lean[start..end].trim_end()
        ),
    );
    Ok(out)
}

/// Names, in the head, the same page in another language (`hreflang`), for crawlers.
pub fn with_alternate(html: &str, lang: Lang, href: &str) -> Result<String, String> {
    in_head(
        html,
        &format!(
            "<link rel=\"alternate\" hreflang=\"{}\" href=\"{}\">\n",
            lang.tag(),
            super::attr(href)
        ),
    )
}

/// `tag` at the end of `html`'s head.
fn in_head(html: &str, tag: &str) -> Result<String, String> {
    let at = html.find("</head>").ok_or("no </head>")?;
    let mut out = html.to_string();
    out.insert_str(at, tag);
    Ok(out)
}

/// Allows in `html`'s CSP the inline stylesheets of `other` too: the page's script puts `other`'s
/// content (the page in another language, fetched) into it.
pub fn allow_styles_of(html: &str, other: &str) -> Result<String, String> {
    let csp = "style-src 'self'";
    let at = html
        .find(csp)
        .ok_or("no CSP to allow the styles (run harden first)")?
        + csp.len();
    let policy = meta_csp(html).unwrap_or("");
    let more = style_hashes(other)?;
    let missing: Vec<&str> = more
        .split(' ')
        .filter(|h| !h.is_empty() && !policy.contains(h))
        .collect();
    let mut out = html.to_string();
    for h in missing.iter().rev() {
        out.insert_str(at, &format!(" {h}"));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prerender::{base64, text};

    #[test]
    fn the_english_page_sends_a_reader_with_script_to_the_app_and_lends_it_its_styles() {
        let page = "<html lang=\"vi\"><head><meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'sha256-a'\">\n<meta name=\"viewport\" content=\"width=device-width\"><link rel=\"modulepreload\" href=\"./chiso-1.js\">\n<title>Chỉ số</title></head><body><script type=\"module\" src=\"./boot-1.js\"></script></body></html>";
        let en = language_page_head(page, View::Ranking, Lang::En).expect("English page");
        assert!(en.starts_with("<html lang=\"en\">"));
        assert!(en.contains(&format!(
            "<title>{}</title>",
            text(&present::page_title(Lang::En, View::Ranking))
        )));
        assert!(
            !en.contains("modulepreload") && !en.contains("boot-1.js"),
            "no app"
        );
        assert!(en.contains("<link rel=\"alternate\" hreflang=\"vi\" href=\"xep-hang.html\">"));
        let script = to_app_script(View::Ranking, Lang::En);
        assert_eq!(
            script,
            "(function(){var q=new URLSearchParams(location.search);if(q.get(\"lang\")!==\"vi\")q.set(\"lang\",\"en\");location.replace(\"xep-hang.html\"+(String(q)?'?'+q:'')+location.hash)})();"
        );
        assert!(en.contains(&format!("<script>{script}</script>")));
        assert!(to_app_script(View::Overview, Lang::En).contains("location.replace(\"./\"+"));
        assert!(!en.contains("rel=\"canonical\""));

        // The Vietnamese page: the link as it is, the page itself as its canonical address, the
        // English page as its alternate.
        let vi = language_page_head(page, View::Overview, Lang::Vi).expect("Vietnamese page");
        assert!(vi.starts_with("<html lang=\"vi\">"));
        let script = to_app_script(View::Overview, Lang::Vi);
        assert_eq!(
            script,
            "(function(){var q=new URLSearchParams(location.search);location.replace(\"./\"+(String(q)?'?'+q:'')+location.hash)})();"
        );
        assert!(vi.contains(&format!("<script>{script}</script>")));
        assert!(vi.contains("<link rel=\"canonical\" href=\"./\">"));
        assert!(vi.contains("<link rel=\"alternate\" hreflang=\"en\" href=\"index.en.html\">"));
        assert!(!vi.contains("boot-1.js"), "no app");

        // The first page allows the English page's styles, once each.
        let other = "<style>#b{}</style><style>#c{}</style><style>#b{}</style>";
        let out = allow_styles_of(page, other).expect("allowed");
        let policy = meta_csp(&out).expect("policy");
        for css in ["#b{}", "#c{}"] {
            use sha2::Digest;
            let h = format!("'sha256-{}'", base64(&sha2::Sha256::digest(css.as_bytes())));
            assert_eq!(policy.matches(&h).count(), 1, "{policy}");
        }
        assert!(policy.contains("style-src 'self' 'sha256-"));
        assert_eq!(allow_styles_of(&out, other).expect("again"), out);
    }

    #[test]
    fn the_page_leaves_the_rest_in_its_page_of_its_own_and_sends_a_reader_without_script_there() {
        let whole = "<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>t</title></head><body><figure id=\"a\"></figure><noscript data-later=\"vi\"><figure id=\"b\"></figure></noscript><footer>f</footer></body></html>";
        let page = rest_from(whole, Lang::Vi, "index.vi.html", "Đọc cả trang").expect("page");
        assert_eq!(
            page,
            "<html lang=\"vi\"><head><meta charset=\"utf-8\"><noscript><meta http-equiv=\"refresh\" content=\"0; url=index.vi.html\"></noscript><title>t</title></head><body><figure id=\"a\"></figure><noscript data-later=\"vi\" data-src=\"index.vi.html\"><p class=\"rest-link\"><a href=\"index.vi.html\">Đọc cả trang</a></p></noscript><footer>f</footer></body></html>"
        );
        // What the script takes from the fetched page: the markup between the same tag and its end.
        let taken = &whole[whole.find("<noscript data-later=\"vi\">").expect("tag") + 26
            ..whole.find("</noscript>").expect("end")];
        assert_eq!(taken, "<figure id=\"b\"></figure>");
        // Nothing to leave, or two, is refused: the page would lose or double its rest.
        assert!(rest_from("<head><meta charset=\"utf-8\"></head>", Lang::Vi, "x", "y").is_err());
        let twice = whole.replace(
            "<footer>",
            "<noscript data-later=\"vi\">x</noscript><footer>",
        );
        assert!(rest_from(&twice, Lang::Vi, "x", "y").is_err());
    }

    #[test]
    fn the_page_carries_the_start_of_its_other_language_in_a_template() {
        let page = "<html lang=\"vi\"><head><meta charset=\"utf-8\"></head><body><div id=\"boot\"><div class=\"static-vi\">v</div></div>\n</body></html>";
        let en = "<html lang=\"en\"><head><meta charset=\"utf-8\"></head><body><div id=\"boot\" class=\"prerendered\">\n<div class=\"static-en\" lang=\"en\"><figure id=\"a-en\"></figure><noscript data-later=\"en\"><figure id=\"b-en\"></figure></noscript></div></div>\n</body></html>";
        let out = with_first_part(page, en, Lang::En, "index.en.html", "Read the whole page")
            .expect("page");
        assert_eq!(
            out,
            "<html lang=\"vi\"><head><meta charset=\"utf-8\"></head><body><div id=\"boot\"><div class=\"static-vi\">v</div></div>\n<template data-first=\"en\"><div class=\"static-en\" lang=\"en\"><figure id=\"a-en\"></figure><noscript data-later=\"en\" data-src=\"index.en.html\"><p class=\"rest-link\"><a href=\"index.en.html\">Read the whole page</a></p></noscript></div></template>\n</body></html>"
        );
        assert!(with_first_part(page, page, Lang::En, "index.en.html", "x").is_err());
    }
}
