//! A page's static content in another language than the first, at an address of its own
//! (`View::file_in`: `index.en.html`, `xep-hang.en.html`): read there by readers without script
//! and by crawlers, and fetched by the first page's script for a reader in that language
//! (`boot_script`'s `other`), so that a Vietnamese reader's page does not carry it.

use super::harden::{js_str, meta_csp, style_hashes, with_boot_script, with_title, without_app};
use crate::i18n::Lang;
use crate::present;
use crate::route::{param, View};

/// The one inline script of a page's static content in another language than the first
/// (`View::file_in`): a reader with script is sent at once to the page itself, in that language
/// (`lang`, unless the link asks for the first), where the app runs; the page's script fetches
/// this file back for them. A reader without script, or a crawler, reads this page as it is.
pub fn to_app_script(view: View, lang: Lang) -> String {
    let page = match view.file() {
        "" => "./",
        file => file,
    };
    format!(
        "(function(){{var q=new URLSearchParams(location.search);if(q.get({l})!=={first})q.set({l},{lang});\
location.replace({page}+'?'+q+location.hash)}})();",
        l = js_str(param::LANG),
        first = js_str(Lang::default().tag()),
        lang = js_str(lang.tag()),
        page = js_str(page),
    )
}

/// Makes a finished page the static content of `view` in `lang`, another language than the first
/// (`View::file_in`): `<html lang>` says so, the title is the page's in that language, no app is
/// loaded, and its one inline script ([`to_app_script`]) sends a reader with script to the page
/// itself. It names the first language's page as its alternate.
pub fn other_language_head(html: &str, view: View, lang: Lang) -> Result<String, String> {
    let open = "<html lang=\"vi\">";
    if !html.contains(open) {
        return Err("index.html has no <html lang=\"vi\">".into());
    }
    let out = html.replacen(open, &format!("<html lang=\"{}\">", lang.tag()), 1);
    let title = present::page_title(lang, view);
    let first = match view.file() {
        "" => "./",
        file => file,
    };
    let out = with_alternate(
        &without_app(&with_title(&out, &title)),
        Lang::default(),
        first,
    )?;
    with_boot_script(&out, &to_app_script(view, lang))
}

/// Names, in the head, the same page in another language (`hreflang`), for crawlers.
pub fn with_alternate(html: &str, lang: Lang, href: &str) -> Result<String, String> {
    let at = html.find("</head>").ok_or("no </head>")?;
    let mut out = html.to_string();
    out.insert_str(
        at,
        &format!(
            "<link rel=\"alternate\" hreflang=\"{}\" href=\"{}\">\n",
            lang.tag(),
            super::attr(href)
        ),
    );
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
        let en = other_language_head(page, View::Ranking, Lang::En).expect("English page");
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
            "(function(){var q=new URLSearchParams(location.search);if(q.get(\"lang\")!==\"vi\")q.set(\"lang\",\"en\");location.replace(\"xep-hang.html\"+'?'+q+location.hash)})();"
        );
        assert!(en.contains(&format!("<script>{script}</script>")));
        assert!(to_app_script(View::Overview, Lang::En).contains("location.replace(\"./\"+"));

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
}
