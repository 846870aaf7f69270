//! oEmbed, for a host that only takes a link (WordPress for trusted users, Discourse, Ghost,
//! Iframely): each embed page names, in its head, a static JSON file that says how to embed it.
//!
//! oEmbed's `html` and the discovery link must be absolute URLs, and the site is built with
//! relative ones (it works from any folder of any host). So the build writes them only when told
//! the site's address (`CHISO_SITE_URL`, `make dist SITE_URL=…`); without it there is no oEmbed
//! file and no link, never a guessed address.

use crate::chart_id::ChartId;
use crate::export::EmbedSpec;
use crate::i18n::{t, Key, Lang};
use crate::present;
use crate::route::ThemeChoice;

/// The site's public address, as `https://host/folder/`: absolute, `http` or `https`, ending in
/// `/`, with no query or fragment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteUrl(String);

impl SiteUrl {
    /// Reads the address the build was given. A missing final `/` is added (`https://x/chiso` is
    /// the folder `chiso`); anything that is not an absolute web address is an error, so no build
    /// writes a link that cannot work.
    pub fn parse(s: &str) -> Result<SiteUrl, String> {
        let s = s.trim();
        let rest = s
            .strip_prefix("https://")
            .or_else(|| s.strip_prefix("http://"))
            .ok_or_else(|| format!("site URL {s:?}: not an absolute http(s) address"))?;
        let host = rest.split('/').next().unwrap_or("");
        if host.is_empty()
            || s.contains(['?', '#', '"', '<', '>', '\'', '\\'])
            || s.chars().any(char::is_whitespace)
        {
            return Err(format!(
                "site URL {s:?}: needs a host, and no query, fragment, quote or space"
            ));
        }
        let mut url = s.to_string();
        if !url.ends_with('/') {
            url.push('/');
        }
        Ok(SiteUrl(url))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// How an embed page is embedded from its link: the fixed-size iframe (no script: every
/// consumer keeps an iframe, few keep a script) in Vietnamese, the page's language, following
/// the latest data, at the height that shows the chart whole in columns up to `width` px.
pub fn oembed_spec(site: &SiteUrl, chart: ChartId, height: u32) -> EmbedSpec {
    EmbedSpec {
        base: site.as_str().to_string(),
        chart,
        lang: Lang::Vi,
        theme: ThemeChoice::Auto,
        pin: None,
        title: oembed_title(chart),
        height,
    }
}

/// The iframe's and the oEmbed answer's title: the chart's, then the site's name.
fn oembed_title(chart: ChartId) -> String {
    format!(
        "{} — {}",
        present::chart_title(Lang::Vi, chart),
        t(Lang::Vi, Key::AppName)
    )
}

/// The oEmbed answer (`type: rich`, version 1.0) for a chart's embed page: its title in the
/// page's language, the site as provider, the iframe as `html`, and the size it fits (`width`,
/// the widest column the `height` was computed for).
pub fn oembed_json(site: &SiteUrl, chart: ChartId, width: u32, height: u32) -> String {
    let spec = oembed_spec(site, chart, height);
    let json = serde_json::json!({
        "version": "1.0",
        "type": "rich",
        "title": present::chart_title(Lang::Vi, chart),
        "provider_name": t(Lang::Vi, Key::AppName),
        "provider_url": site.as_str(),
        "html": spec.fixed_snippet(),
        "width": width,
        "height": height,
    });
    let mut out = serde_json::to_string_pretty(&json).unwrap_or_default();
    out.push('\n');
    out
}

/// The embed page with its oEmbed discovery link in the head, pointing at `href` (absolute).
/// Idempotent: a second run replaces the link.
pub fn with_oembed_link(html: &str, href: &str, chart: ChartId) -> Result<String, String> {
    let open = "<link rel=\"alternate\" type=\"application/json+oembed\"";
    let mut out = html.to_string();
    if let Some(i) = out.find(open) {
        let end = out[i..].find('>').ok_or("unclosed oEmbed link")? + i + 1;
        let end = if out[end..].starts_with('\n') {
            end + 1
        } else {
            end
        };
        out.replace_range(i..end, "");
    }
    let at = out.find("</head>").ok_or("no </head>")?;
    out.insert_str(
        at,
        &format!(
            "{open} href=\"{}\" title=\"{}\">\n",
            super::attr(href),
            super::attr(&oembed_title(chart))
        ),
    );
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_site_url_is_an_absolute_web_address_of_a_folder() {
        let ok = |s: &str| SiteUrl::parse(s).map(|u| u.as_str().to_string());
        assert_eq!(
            ok("https://example.org/chiso/").as_deref(),
            Ok("https://example.org/chiso/")
        );
        assert_eq!(
            ok(" https://example.org/chiso ").as_deref(),
            Ok("https://example.org/chiso/")
        );
        assert_eq!(
            ok("http://127.0.0.1:8080").as_deref(),
            Ok("http://127.0.0.1:8080/")
        );
        for bad in [
            "",
            "chiso/",
            "//example.org/",
            "ftp://example.org/",
            "https:///x/",
            "https://example.org/?a=1",
            "https://example.org/#x",
            "https://example.org/\"x",
            "https://exa mple.org/",
        ] {
            assert!(SiteUrl::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn the_oembed_answer_is_rich_with_an_absolute_iframe() {
        let site = SiteUrl::parse("https://example.org/chiso/").expect("url");
        let json = oembed_json(&site, ChartId::Pillars, 740, 770);
        let v: serde_json::Value = serde_json::from_str(&json).expect("JSON");
        assert_eq!(v["version"], "1.0");
        assert_eq!(v["type"], "rich");
        assert_eq!(v["title"], "Chỉ tiêu đạt theo trụ cột");
        assert_eq!(v["provider_name"], "Chỉ số");
        assert_eq!(v["provider_url"], "https://example.org/chiso/");
        assert_eq!(v["width"], 740);
        assert_eq!(v["height"], 770);
        assert_eq!(
            v["html"],
            "<iframe src=\"https://example.org/chiso/embed-pillars.html?lang=vi&amp;theme=auto\" title=\"Chỉ tiêu đạt theo trụ cột — Chỉ số\" width=\"100%\" height=\"770\" loading=\"lazy\" style=\"border:0;width:100%\" data-chiso-embed></iframe>"
        );
        assert!(!json.contains("thumbnail"), "no image is made up");
    }

    #[test]
    fn the_discovery_link_goes_in_the_head_once() {
        let html = "<html><head>\n<title>t</title></head><body></body></html>";
        let href = "https://example.org/chiso/oembed-pillars.json";
        let once = with_oembed_link(html, href, ChartId::Pillars).expect("head");
        assert!(once.contains("<link rel=\"alternate\" type=\"application/json+oembed\" href=\"https://example.org/chiso/oembed-pillars.json\" title=\"Chỉ tiêu đạt theo trụ cột — Chỉ số\">\n</head>"));
        let twice = with_oembed_link(&once, href, ChartId::Pillars).expect("head");
        assert_eq!(twice, once);
        assert!(with_oembed_link("<body>", href, ChartId::Pillars).is_err());
    }
}
