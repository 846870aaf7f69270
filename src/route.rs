//! The page's link: every URL parameter the app, the static page and the embeds read or write,
//! parsed and written in this one place.
//!
//! The view state lives in the query string (`?lang=en&pillar=digital_economy`), so a copied link
//! opens the same view on any static host, with no rewrite rules. Values the app does not know
//! (`lang=fr`, `theme=pink`, `pillar=x`) are kept out: they read as absent, never as a guess.
//! Parameters the app does not read at all (a newspaper's tracking tag) are kept as they came, so
//! rewriting the link never drops them.
//!
//! Pure: the browser shell hands it `location.search`; the build writes the embed and share links
//! with it; the page's inline script ([`crate::prerender::boot_script`]) is generated from the same
//! names and values.

use crate::chart_id::{ChartId, FigureId};
use crate::i18n::Lang;
use crate::snapshot::Pillar;

/// The names of the parameters, for every reader and writer of the link.
pub mod param {
    pub const LANG: &str = "lang";
    pub const THEME: &str = "theme";
    pub const SNAPSHOT: &str = "snapshot";
    pub const VERSION: &str = "v";
    pub const PILLAR: &str = "pillar";
    pub const INDICATOR: &str = "indicator";
    pub const EMBED: &str = "embed";
    /// Makes the app panic on purpose, so the browser tests can see the panic panel.
    pub const PANIC_TEST: &str = "panic-test";
    /// Which page of a snapshot: the overview (absent) or the ranking among the provinces.
    pub const VIEW: &str = "view";
    /// Which ranking the ranking page shows (a ranking id: `dti-2023`).
    pub const RANKING: &str = "ranking";
    /// A unit the reader looked for in a ranking (a unit id: `VN-43`).
    pub const UNIT: &str = "unit";
}

/// The pages of a snapshot. Each is a file of its own on the static host, pre-rendered, and a
/// `?view=` on the page for the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    /// The results against the goals, and whether the goals were reached.
    #[default]
    Overview,
    /// Where the unit stands among the others, and how it got there.
    Ranking,
}

impl View {
    pub const ALL: [View; 2] = [View::Overview, View::Ranking];

    pub fn as_str(self) -> &'static str {
        match self {
            View::Overview => "overview",
            View::Ranking => "ranking",
        }
    }

    pub fn parse(s: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.as_str() == s)
    }

    /// The charts the page shows, in its order.
    pub const fn charts(self) -> &'static [ChartId] {
        match self {
            View::Overview => &[
                ChartId::Headline,
                ChartId::Pillars,
                ChartId::Indicators,
                ChartId::Followup,
                ChartId::Context,
            ],
            View::Ranking => &[ChartId::Ranking, ChartId::Moves, ChartId::Averages],
        }
    }

    /// The page a chart is on.
    pub const fn of(chart: ChartId) -> View {
        let mut v = 0;
        while v < View::ALL.len() {
            let charts = View::ALL[v].charts();
            let mut c = 0;
            while c < charts.len() {
                if charts[c] as usize == chart as usize {
                    return View::ALL[v];
                }
                c += 1;
            }
            v += 1;
        }
        View::Overview
    }

    /// Whether this build of the app has the page. Each page of the reader has a WASM of its own
    /// that draws its own charts alone (`--features overview`, `--features ranking`: see the
    /// Makefile's `dist`), so a reader of one page never downloads the other's. Without either
    /// feature (the studio's preview, `trunk serve`, native code) every page is there.
    pub const fn in_build(self) -> bool {
        let one_page = cfg!(all(
            target_arch = "wasm32",
            any(feature = "overview", feature = "ranking")
        ));
        !one_page
            || match self {
                View::Overview => cfg!(feature = "overview"),
                View::Ranking => cfg!(feature = "ranking"),
            }
    }

    /// Whether the page shows where the unit stands among the others: the units, groupings and
    /// rankings, and the figures over the years. The overview shows none of them.
    pub const fn among_others(self) -> bool {
        matches!(self, View::Ranking)
    }

    /// The page's file on the static host: the overview is the folder's index.
    pub fn file(self) -> &'static str {
        match self {
            View::Overview => "",
            View::Ranking => "xep-hang.html",
        }
    }

    /// The page's static content in one language, all of it, at an address of its own
    /// (`index.vi.html`, `index.en.html`, `xep-hang.vi.html`, `xep-hang.en.html`): what readers
    /// without script and crawlers read, and what the page's own script fetches for a reader with
    /// script, so that the page itself carries only what its first chart needs (issue #16 §5, §6):
    /// in the first language, the rest after its first chart; in another, all of it.
    pub fn file_in(self, lang: Lang) -> String {
        let stem = match self.file() {
            "" => "index",
            file => file.trim_end_matches(".html"),
        };
        format!("{stem}.{}.html", lang.tag())
    }
}

/// Whether a page of this build shows where the unit stands among the others: a WASM whose pages
/// do not (the overview's) reads a snapshot without those parts (`validate::parse_snapshot_own`).
pub const AMONG_OTHERS_IN_BUILD: bool = {
    let mut v = 0;
    let mut any = false;
    while v < View::ALL.len() {
        any |= View::ALL[v].in_build() && View::ALL[v].among_others();
        v += 1;
    }
    any
};

/// Whether this build draws `chart` (its page is [in the build](View::in_build)). A table made at
/// compile time from [`View::charts`], so that every `match` on a chart that first asks this
/// compiles without the other page's charts.
#[inline(always)]
pub fn in_build(chart: ChartId) -> bool {
    const IN_BUILD: [bool; ChartId::ALL.len()] = {
        let mut t = [false; ChartId::ALL.len()];
        let mut c = 0;
        while c < t.len() {
            t[c] = View::of(ChartId::ALL[c]).in_build();
            c += 1;
        }
        t
    };
    IN_BUILD[chart as usize]
}

/// The theme a link asks for: a host page of either colour forces one; `auto` follows the
/// reader's system setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeChoice {
    #[default]
    Auto,
    Light,
    Dark,
}

impl ThemeChoice {
    pub const ALL: [ThemeChoice; 3] = [ThemeChoice::Auto, ThemeChoice::Light, ThemeChoice::Dark];

    pub fn as_str(self) -> &'static str {
        match self {
            ThemeChoice::Auto => "auto",
            ThemeChoice::Light => "light",
            ThemeChoice::Dark => "dark",
        }
    }

    pub fn parse(s: &str) -> Option<ThemeChoice> {
        ThemeChoice::ALL.into_iter().find(|t| t.as_str() == s)
    }

    /// `Some(dark?)` when the link forces a theme, `None` when the reader's setting decides.
    pub fn forced_dark(self) -> Option<bool> {
        match self {
            ThemeChoice::Auto => None,
            ThemeChoice::Light => Some(false),
            ThemeChoice::Dark => Some(true),
        }
    }
}

/// What a link says. `None` is "not in the link" (the default applies), and so is a value the
/// app does not know.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Route {
    pub lang: Option<Lang>,
    pub theme: Option<ThemeChoice>,
    /// A snapshot id; the manifest's default when absent.
    pub snapshot: Option<String>,
    /// A data version: the link is pinned to it; the newest when absent.
    pub version: Option<String>,
    pub pillar: Option<Pillar>,
    /// The indicator whose figures are open (an indicator id).
    pub indicator: Option<String>,
    /// `?embed=CHART` on the page: the chart alone, as first published.
    pub embed: Option<ChartId>,
    pub panic_test: bool,
    /// `?view=ranking` on the page (the ranking's own file says so by itself).
    pub view: Option<View>,
    pub ranking: Option<String>,
    pub unit: Option<String>,
    /// Parameters the app does not read, in their order, kept for the next rewrite.
    pub other: Vec<(String, String)>,
}

/// Longer values are not ids or versions of ours; they read as absent.
const MAX_VALUE: usize = 200;

impl Route {
    /// Reads a query string (`location.search`, with or without its `?`) as the browser's
    /// `URLSearchParams` does: `+` is a space, `%XX` an escaped byte, the first of two equal names
    /// wins, an empty value is no value.
    pub fn parse(query: &str) -> Route {
        let mut r = Route::default();
        let mut seen: Vec<String> = Vec::new();
        for pair in query.strip_prefix('?').unwrap_or(query).split('&') {
            if pair.is_empty() {
                continue;
            }
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            let (name, value) = (decode(name), decode(value));
            if seen.contains(&name) {
                continue;
            }
            seen.push(name.clone());
            let text = || {
                (!value.is_empty()
                    && value.chars().count() <= MAX_VALUE
                    && !value.chars().any(char::is_control))
                .then(|| value.clone())
            };
            match name.as_str() {
                param::LANG => r.lang = Lang::from_tag(&value),
                param::THEME => r.theme = ThemeChoice::parse(&value),
                param::SNAPSHOT => r.snapshot = text(),
                param::VERSION => r.version = text(),
                param::PILLAR => r.pillar = Pillar::ALL.into_iter().find(|p| p.as_str() == value),
                param::INDICATOR => r.indicator = text(),
                param::EMBED => r.embed = ChartId::parse(&value),
                param::PANIC_TEST => r.panic_test = true,
                param::VIEW => r.view = View::parse(&value),
                param::RANKING => r.ranking = text(),
                param::UNIT => r.unit = text(),
                _ => r.other.push((name, value)),
            }
        }
        r
    }

    /// The reader's language: the link's, else Vietnamese.
    pub fn lang(&self) -> Lang {
        self.lang.unwrap_or_default()
    }

    /// Whether the link names the data version, so its figures never change under it.
    pub fn pinned(&self) -> bool {
        self.version.is_some()
    }

    /// The query string, `?…` (empty when there is nothing to say), in one stable order: `lang`,
    /// `theme`, `snapshot`, `v`, `pillar`, `indicator`, `embed`, `view`, `ranking`, `unit`, then the
    /// others as they came.
    pub fn query(&self) -> String {
        let mut pairs: Vec<(&str, &str)> = Vec::new();
        if let Some(l) = self.lang {
            pairs.push((param::LANG, l.tag()));
        }
        if let Some(t) = self.theme {
            pairs.push((param::THEME, t.as_str()));
        }
        if let Some(s) = &self.snapshot {
            pairs.push((param::SNAPSHOT, s));
        }
        if let Some(v) = &self.version {
            pairs.push((param::VERSION, v));
        }
        if let Some(p) = self.pillar {
            pairs.push((param::PILLAR, p.as_str()));
        }
        if let Some(i) = &self.indicator {
            pairs.push((param::INDICATOR, i));
        }
        if let Some(e) = self.embed {
            pairs.push((param::EMBED, e.as_str()));
        }
        if let Some(v) = self.view {
            pairs.push((param::VIEW, v.as_str()));
        }
        if let Some(r) = &self.ranking {
            pairs.push((param::RANKING, r));
        }
        if let Some(u) = &self.unit {
            pairs.push((param::UNIT, u));
        }
        if self.panic_test {
            pairs.push((param::PANIC_TEST, ""));
        }
        for (n, v) in &self.other {
            pairs.push((n, v));
        }
        let mut out = String::new();
        for (i, (n, v)) in pairs.iter().enumerate() {
            out.push(if i == 0 { '?' } else { '&' });
            out.push_str(&encode(n));
            if !v.is_empty() {
                out.push('=');
                out.push_str(&encode(v));
            }
        }
        out
    }

    /// The link to the page that shows one chart, in `lang`, at that chart, pinned to `pin`
    /// (snapshot id, version) or following the latest: `BASE?lang=vi&snapshot=…&v=…#chart-indicators`,
    /// `BASE/xep-hang.html?lang=vi#chart-ranking`.
    pub fn page_link(base: &str, lang: Lang, pin: Option<(&str, &str)>, chart: ChartId) -> String {
        let route = Route {
            lang: Some(lang),
            snapshot: pin.map(|(s, _)| s.to_string()),
            version: pin.map(|(_, v)| v.to_string()),
            ..Route::default()
        };
        format!(
            "{base}{}{}#{}",
            View::of(chart).file(),
            route.query(),
            FigureId::page(chart)
        )
    }

    /// An embed page's link: `BASE/embed-pillars.html?lang=vi&theme=auto[&snapshot=…&v=…]`.
    pub fn embed_link(
        base: &str,
        chart: ChartId,
        lang: Lang,
        theme: ThemeChoice,
        pin: Option<(&str, &str)>,
    ) -> String {
        let route = Route {
            lang: Some(lang),
            theme: Some(theme),
            snapshot: pin.map(|(s, _)| s.to_string()),
            version: pin.map(|(_, v)| v.to_string()),
            ..Route::default()
        };
        format!("{base}{}{}", embed_file(chart), route.query())
    }
}

/// The change log's file (built from every published version; it needs no app).
pub const CHANGES_FILE: &str = "thay-doi.html";

/// `embed-pillars.html`: the file of a chart's embed page, beside the page.
pub fn embed_file(chart: ChartId) -> String {
    format!("embed-{}.html", chart.as_str())
}

/// `oembed-pillars.json`: the static oEmbed answer for a chart's embed page, beside it (written
/// only by a build that knows the site's address: see `chiso-prerender`).
pub fn oembed_file(chart: ChartId) -> String {
    format!("oembed-{}.json", chart.as_str())
}

/// `application/x-www-form-urlencoded` decoding, as `URLSearchParams` reads a query: bytes that
/// are not UTF-8 become U+FFFD, a `%` not followed by two hex digits stays as it is.
fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => match (
                bytes.get(i + 1).and_then(|b| hex(*b)),
                bytes.get(i + 2).and_then(|b| hex(*b)),
            ) {
                (Some(h), Some(l)) => {
                    out.push(h * 16 + l);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Escapes all but the characters a query value never needs escaped (letters, digits, `-._~`).
fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_page_has_its_static_content_in_each_language_at_an_address_of_its_own() {
        assert_eq!(View::Overview.file_in(Lang::Vi), "index.vi.html");
        assert_eq!(View::Ranking.file_in(Lang::Vi), "xep-hang.vi.html");
        assert_eq!(View::Overview.file_in(Lang::En), "index.en.html");
        assert_eq!(View::Ranking.file_in(Lang::En), "xep-hang.en.html");
    }

    #[test]
    fn every_parameter_is_read_into_its_type() {
        let r = Route::parse("?lang=en&theme=dark&snapshot=ba-ria-vung-tau-2023&v=02478a74b21c&pillar=digital_economy&indicator=so-hoa-ket-qua-tthc&embed=pillars&panic-test");
        assert_eq!(r.lang, Some(Lang::En));
        assert_eq!(r.theme, Some(ThemeChoice::Dark));
        assert_eq!(r.snapshot.as_deref(), Some("ba-ria-vung-tau-2023"));
        assert_eq!(r.version.as_deref(), Some("02478a74b21c"));
        assert!(r.pinned());
        assert_eq!(r.pillar, Some(Pillar::DigitalEconomy));
        assert_eq!(r.indicator.as_deref(), Some("so-hoa-ket-qua-tthc"));
        assert_eq!(r.embed, Some(ChartId::Pillars));
        assert!(r.panic_test);
        assert!(r.other.is_empty());
    }

    #[test]
    fn unknown_values_read_as_absent_never_as_a_guess() {
        let r = Route::parse(
            "lang=fr&theme=pink&pillar=x&embed=pie&v=&snapshot=&view=map&ranking=&unit=",
        );
        assert_eq!(r, Route::default());
        assert_eq!(r.lang(), Lang::Vi);
        assert!(!r.pinned());
        // Case matters, as it does for the page's inline script.
        assert_eq!(Route::parse("lang=EN").lang, None);
        assert_eq!(Route::parse("theme=Dark").theme, None);
        // Control characters and overlong values are not ids of ours.
        assert_eq!(Route::parse("snapshot=a%0Ab").snapshot, None);
        assert_eq!(
            Route::parse(&format!("v={}", "a".repeat(201))).version,
            None
        );
    }

    #[test]
    fn it_reads_as_url_search_params_does() {
        let r = Route::parse("?indicator=a%2Db+c&lang=en&lang=vi&utm_source=b%C3%A1o&x=%zz&flag");
        assert_eq!(r.indicator.as_deref(), Some("a-b c"));
        assert_eq!(r.lang, Some(Lang::En), "the first of two wins");
        assert_eq!(
            r.other,
            [
                ("utm_source".to_string(), "báo".to_string()),
                ("x".to_string(), "%zz".to_string()),
                ("flag".to_string(), String::new()),
            ]
        );
        assert_eq!(Route::parse("").query(), "");
        assert_eq!(Route::parse("?").query(), "");
    }

    #[test]
    fn writing_and_reading_back_gives_the_same_route() {
        let r = Route {
            lang: Some(Lang::En),
            theme: Some(ThemeChoice::Auto),
            snapshot: Some("s-1".into()),
            version: Some("0123456789ab".into()),
            pillar: Some(Pillar::DigitalSociety),
            indicator: Some("a b&c=d".into()),
            embed: None,
            panic_test: false,
            view: Some(View::Ranking),
            ranking: Some("dti-2023".into()),
            unit: Some("VN-43".into()),
            other: vec![("utm_source".into(), "báo".into())],
        };
        let q = r.query();
        assert_eq!(q, "?lang=en&theme=auto&snapshot=s-1&v=0123456789ab&pillar=digital_society&indicator=a%20b%26c%3Dd&view=ranking&ranking=dti-2023&unit=VN-43&utm_source=b%C3%A1o");
        assert_eq!(Route::parse(&q), r);
    }

    #[test]
    fn every_chart_is_on_exactly_one_page() {
        for c in ChartId::ALL {
            let pages = View::ALL.iter().filter(|v| v.charts().contains(&c)).count();
            assert_eq!(pages, 1, "{c:?}");
        }
        assert_eq!(View::of(ChartId::Moves), View::Ranking);
        // `in_build`'s table is indexed by the chart's place in `ChartId::ALL`.
        for (i, c) in ChartId::ALL.into_iter().enumerate() {
            assert_eq!(c as usize, i);
            assert!(in_build(c), "natively every chart is there");
        }
        assert_eq!(View::Ranking.file(), "xep-hang.html");
    }

    #[test]
    fn share_and_embed_links_pin_a_version_or_follow_the_latest() {
        let pin = Some(("ba-ria-vung-tau-2023", "02478a74b21c"));
        assert_eq!(
            Route::page_link("https://x/vn/", Lang::Vi, pin, ChartId::Indicators),
            "https://x/vn/?lang=vi&snapshot=ba-ria-vung-tau-2023&v=02478a74b21c#chart-indicators"
        );
        assert_eq!(
            Route::page_link("./", Lang::En, None, ChartId::Pillars),
            "./?lang=en#chart-pillars"
        );
        assert_eq!(
            Route::embed_link("https://x/", ChartId::Pillars, Lang::Vi, ThemeChoice::Auto, pin),
            "https://x/embed-pillars.html?lang=vi&theme=auto&snapshot=ba-ria-vung-tau-2023&v=02478a74b21c"
        );
        assert_eq!(
            Route::embed_link(
                "https://x/",
                ChartId::Context,
                Lang::En,
                ThemeChoice::Dark,
                None
            ),
            "https://x/embed-context.html?lang=en&theme=dark"
        );
    }
}
