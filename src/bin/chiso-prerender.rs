//! Finishes a release build in `dist/`: OpenGraph and Twitter tags with the headline figure in
//! `index.html` and a PNG of the main chart for link previews; and the hardening: Trunk's inline
//! loader moved to a file with subresource integrity (which also checks the WASM), and a strict
//! Content-Security-Policy with no inline script, also written as the nginx map of each page's
//! header policy (`csp.conf`, with `frame-ancestors`, which only a header can carry); the same
//! hardening for the data editors' studio (`studio.html`, built by `make dist` beside the pages);
//! and the service worker (`sw.js`) that keeps a page a reader opened readable offline.
//!
//! `chiso-prerender DIST` (the Makefile runs it after `trunk build --release`). With
//! `CHISO_SITE_URL=https://host/path/` (`make dist SITE_URL=…`) the image URL is absolute, as most
//! crawlers want, and each embed page gets its oEmbed file and discovery link (they need absolute
//! URLs: without the site's address, there are none). `chiso-prerender --oembed DIST` writes
//! only those, into a finished build, for the address in `CHISO_SITE_URL`.

/// The nginx map of each page's Content-Security-Policy header, beside the pages
/// (`deploy/nginx.conf` includes it and does not serve it).
#[cfg(not(target_arch = "wasm32"))]
const CSP_MAP: &str = "csp.conf";

#[cfg(not(target_arch = "wasm32"))]
fn run(dist: &std::path::Path) -> Result<String, String> {
    use chiso::chart_id::ChartId;
    use chiso::i18n::Lang;
    use chiso::prerender::{
        allow_styles_of, boot_markup, boot_script, changes_markup, embed_head, embed_markup,
        fixed_height, harden, inject_boot, inject_preview, language_page_head, nginx_csp_map,
        preview, preview_svg, ranking_markup, rest_from, view_head, with_alternate,
        with_boot_script, with_first_part, with_heights_meta, with_title, without_app, Published,
        Served, Warm,
    };
    use chiso::present;
    use chiso::route::{View, CHANGES_FILE};
    use chiso::validate::{parse_manifest, parse_snapshot};

    let read = |rel: &str| std::fs::read(dist.join(rel)).map_err(|e| format!("{rel}: {e}"));
    // Every page written, as the server's header policy needs it (see `nginx_csp_map`).
    let mut pages: Vec<(String, String, Served)> = Vec::new();
    let mut write_page = |name: &str, html: String, served: Served| -> Result<(), String> {
        std::fs::write(dist.join(name), &html).map_err(|e| format!("{name}: {e}"))?;
        pages.push((name.to_string(), html, served));
        Ok(())
    };
    let manifest =
        parse_manifest(&read("data/index.json")?).map_err(|p| format!("data/index.json: {p}"))?;
    let entry = manifest
        .entry(&manifest.default)
        .ok_or("data/index.json: no default snapshot")?;
    let version = entry.latest().ok_or("data/index.json: no version")?;
    let snapshot =
        parse_snapshot(&read(&version.path)?).map_err(|p| format!("{}: {p}", version.path))?;

    let image_name = format!("og-{}.png", snapshot.id);
    let svg = preview_svg(&snapshot);
    let mut options = resvg::usvg::Options::default();
    options.fontdb_mut().load_system_fonts();
    options.fontdb_mut().set_sans_serif_family("DejaVu Sans");
    if options.fontdb.is_empty() {
        return Err("no system fonts: install fonts-dejavu-core (make dist does)".into());
    }
    let tree =
        resvg::usvg::Tree::from_str(&svg, &options).map_err(|e| format!("preview SVG: {e}"))?;
    let scale = 2.0;
    let size = tree.size();
    let mut pixmap = resvg::tiny_skia::Pixmap::new(
        (size.width() * scale).ceil() as u32,
        (size.height() * scale).ceil() as u32,
    )
    .ok_or("preview image has no size")?;
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    let png = pixmap.encode_png().map_err(|e| format!("PNG: {e}"))?;
    std::fs::write(dist.join(&image_name), png).map_err(|e| format!("{image_name}: {e}"))?;

    let site = site_url()?;
    let base = site.as_ref().map_or("", |s| s.as_str());
    let p = preview(Lang::Vi, &snapshot, format!("{base}{image_name}"));
    // The height each chart's fixed-size embed needs, for the embed dialog (in the pages' heads)
    // and the oEmbed answers.
    let heights: Vec<(ChartId, u32)> = ChartId::ALL
        .iter()
        .map(|&c| (c, fixed_height(&snapshot, c)))
        .collect();
    // Each page has its own Trunk page, loading its own WASM (`make dist` builds index.html and
    // xep-hang.html): the template of the page and of the embed pages of its charts.
    let template = |view: View| -> Result<String, String> {
        let name = match view.file() {
            "" => "index.html",
            file => file,
        };
        String::from_utf8(read(name)?).map_err(|e| format!("{name}: {e}"))
    };
    let templates: Vec<(View, String)> = View::ALL
        .into_iter()
        .map(|v| template(v).map(|t| (v, t)))
        .collect::<Result<_, _>>()?;
    // Each page's loader, written once.
    let mut loaders: Vec<String> = Vec::new();
    let mut finish = |view: View, boot| -> Result<String, String> {
        let trunk_html = templates
            .iter()
            .find(|(v, _)| *v == view)
            .map(|(_, t)| t)
            .ok_or("no template")?;
        let (html, boot_css) = inject_boot(trunk_html, boot)?;
        let warm = Warm {
            snapshot: &snapshot.id,
            version: &version.version,
            path: &version.path,
        };
        let (html, (name, loader)) = harden(&html, &boot_css, warm, view, |f| {
            std::fs::read(dist.join(f)).ok()
        })?;
        if !loaders.contains(&name) {
            std::fs::write(dist.join(&name), loader).map_err(|e| format!("{name}: {e}"))?;
            loaders.push(name);
        }
        Ok(inject_preview(&html, &p))
    };
    // Each page's static content in each language, a page of its own (`View::file_in`): readers
    // without script read it there, and the page's script fetches it for a reader with script (in
    // the first language the rest after the first chart, in another all of it). Written first, so
    // that the page's policy can allow its styles.
    let mut others: Vec<(View, String, String)> = Vec::new();
    // In the first language, with the page as `finish` made it: the page itself is made from it.
    let mut firsts: Vec<(View, String, String)> = Vec::new();
    for view in View::ALL {
        for lang in [Lang::default(), Lang::default().other()] {
            let boot = match view {
                View::Overview => {
                    boot_markup(lang, &snapshot, &version.version, &version.published)
                }
                View::Ranking => {
                    ranking_markup(lang, &snapshot, &version.version, &version.published)
                }
            };
            let name = view.file_in(lang);
            let own = preview(lang, &snapshot, format!("{base}{image_name}"));
            let finished = finish(view, boot)?;
            let html = inject_preview(&language_page_head(&finished, view, lang)?, &own);
            write_page(&name, html.clone(), Served::Static)?;
            if lang == Lang::default() {
                firsts.push((view, name, finished));
            } else {
                others.push((view, name, html));
            }
        }
    }
    // A page, from its static content in the first language as `finish` made it (drawn once): its
    // first chart and what leads to it; the rest is left in its page of its own in that language. It carries the start of the other language's (a template its script moves
    // into place for a reader in it, the rest fetched), its policy allows that page's styles, and
    // its head names it for crawlers.
    let whole = chiso::i18n::t(Lang::default(), chiso::i18n::Key::WholePage);
    let with_other = |view: View| -> Result<String, String> {
        let (_, name, finished) = firsts
            .iter()
            .find(|(v, _, _)| *v == view)
            .ok_or("no page in the first language")?;
        let html = rest_from(finished, Lang::default(), name, whole)?;
        match others.iter().find(|(v, _, _)| *v == view) {
            Some((_, name, other)) => {
                let lang = Lang::default().other();
                let html = with_first_part(
                    &html,
                    other,
                    lang,
                    name,
                    chiso::i18n::t(lang, chiso::i18n::Key::WholePage),
                )?;
                with_alternate(&allow_styles_of(&html, other)?, lang, name)
            }
            None => Ok(html),
        }
    };
    let html = with_other(View::Overview)?;
    // The ranking a link without `?ranking=` shows: the static drawings are of it.
    let ranking = present::ranking(&snapshot, None)
        .map(|r| r.id.clone())
        .unwrap_or_default();
    let script = boot_script(
        &snapshot.id,
        &version.version,
        &present::document_title(Lang::En, None),
        &ranking,
    );
    let html = with_title(&html, &present::document_title(Lang::Vi, None));
    let html = with_heights_meta(&with_boot_script(&html, &script)?, &heights)?;
    write_page("index.html", html, Served::App)?;
    for chart in ChartId::ALL {
        let html = finish(
            View::of(chart),
            embed_markup(&snapshot, chart, &version.version, &version.published),
        )?;
        let name = chiso::route::embed_file(chart);
        let title_en = present::document_title(Lang::En, Some(chart));
        let script = boot_script(&snapshot.id, &version.version, &title_en, &ranking);
        write_page(&name, embed_head(&html, chart, &script)?, Served::Embed)?;
    }
    // The change log: every published version against the one before it, computed here, so the
    // page needs no app (and fetches no WASM).
    let mut files = Vec::new();
    for v in &entry.versions {
        let s = parse_snapshot(&read(&v.path)?).map_err(|p| format!("{}: {p}", v.path))?;
        files.push((v, s));
    }
    let published: Vec<Published> = files
        .iter()
        .map(|(v, s)| Published {
            version: &v.version,
            published: &v.published,
            snapshot: s,
        })
        .collect();
    let html = finish(View::Overview, changes_markup(&published))?;
    let changes_title = |l: Lang| {
        format!(
            "{} · {}",
            chiso::i18n::t(l, chiso::i18n::Key::PageChanges),
            chiso::i18n::t(l, chiso::i18n::Key::AppName)
        )
    };
    let script = boot_script(
        &snapshot.id,
        &version.version,
        &changes_title(Lang::En),
        &ranking,
    );
    let html = with_title(&without_app(&html), &changes_title(Lang::Vi));
    write_page(
        CHANGES_FILE,
        with_boot_script(&html, &script)?,
        Served::Static,
    )?;

    // The ranking page, its own file: a static host needs no rewrite rule for it.
    let html = with_other(View::Ranking)?;
    let script = boot_script(
        &snapshot.id,
        &version.version,
        &present::page_title(Lang::En, View::Ranking),
        &ranking,
    );
    let name = View::Ranking.file();
    let html = with_heights_meta(&view_head(&html, View::Ranking, &script)?, &heights)?;
    write_page(name, html, Served::App)?;
    // The data editors' studio, its own Trunk build copied in beside the pages (`make dist`).
    let studio = match read("studio.html") {
        Ok(bytes) => {
            let html = String::from_utf8(bytes).map_err(|e| format!("studio.html: {e}"))?;
            let (html, (name, loader)) =
                chiso::prerender::harden_studio(&html, |f| std::fs::read(dist.join(f)).ok())
                    .map_err(|e| format!("studio.html: {e}"))?;
            std::fs::write(dist.join(&name), loader).map_err(|e| format!("{name}: {e}"))?;
            write_page("studio.html", html, Served::Static)?;
            format!(", the studio with {name}")
        }
        Err(_) => ", no studio (studio.html not built)".into(),
    };

    // The service worker: the reader's pages, the files their app is made of (this build's, in
    // dist/) and their icon, kept for offline reading.
    // Each page's loader, JS glue and WASM.
    let mut kept: Vec<String> = loaders.clone();
    for (_, template) in &templates {
        kept.extend(chiso::prerender::app_files(template)?);
    }
    let kept: Vec<&str> = kept.iter().map(String::as_str).collect();
    let reader_pages: Vec<&str> = pages
        .iter()
        .filter(|(_, _, s)| *s == Served::App)
        .map(|(f, _, _)| f.as_str())
        .collect();
    let icon: Vec<&str> = templates
        .first()
        .and_then(|(_, t)| chiso::prerender::icon(t))
        .into_iter()
        .collect();
    let fetched: Vec<&str> = firsts
        .iter()
        .chain(&others)
        .map(|(_, name, _)| name.as_str())
        .collect();
    let sw = chiso::prerender::service_worker(&reader_pages, &kept, &icon, &fetched);
    let sw_file = chiso::prerender::SW_FILE;
    std::fs::write(dist.join(sw_file), sw).map_err(|e| format!("{sw_file}: {e}"))?;

    // The same policies as HTTP headers, with `frame-ancestors`, for the server (deploy/).
    let listed: Vec<(&str, &str, Served)> = pages
        .iter()
        .map(|(f, h, s)| (f.as_str(), h.as_str(), *s))
        .collect();
    std::fs::write(dist.join(CSP_MAP), nginx_csp_map(&listed)?)
        .map_err(|e| format!("{CSP_MAP}: {e}"))?;
    // oEmbed, last: it adds a link to the finished embed pages (their policy is unchanged).
    let oembed = match &site {
        Some(site) => oembed(dist, site)?,
        None => "no oEmbed files or links (they need the site's absolute address: `make dist SITE_URL=https://…/`)".into(),
    };
    let fixed: Vec<String> = heights
        .iter()
        .map(|(c, h)| format!("{} {h}", c.as_str()))
        .collect();
    Ok(format!(
        "{image_name} ({}×{}), preview tags, the static page, the ranking page, the change log, {} embed pages (fixed heights, px: {}), {}, {sw_file}, the CSP and {CSP_MAP}{studio}; {oembed}",
        pixmap.width(),
        pixmap.height(),
        ChartId::ALL.len(),
        fixed.join(", "),
        loaders.join(" and ")
    ))
}

/// The site's address from `CHISO_SITE_URL`, if the build was given one (an address that is not
/// absolute is an error, never a wrong link).
#[cfg(not(target_arch = "wasm32"))]
fn site_url() -> Result<Option<chiso::prerender::SiteUrl>, String> {
    match std::env::var("CHISO_SITE_URL") {
        Ok(s) if !s.trim().is_empty() => chiso::prerender::SiteUrl::parse(&s).map(Some),
        _ => Ok(None),
    }
}

/// Each embed page's oEmbed answer (`oembed-CHART.json`, beside it) and its discovery link, for
/// the site at `site`: the fixed-size iframe at the height the build computed (read back from
/// `index.html`, where the embed dialog reads it too).
#[cfg(not(target_arch = "wasm32"))]
fn oembed(dist: &std::path::Path, site: &chiso::prerender::SiteUrl) -> Result<String, String> {
    use chiso::chart_id::ChartId;
    use chiso::export::{height_in, HEIGHTS_META};
    use chiso::prerender::{oembed_json, with_oembed_link, WIDEST};
    use chiso::route::{embed_file, oembed_file};
    let read =
        |rel: &str| std::fs::read_to_string(dist.join(rel)).map_err(|e| format!("{rel}: {e}"));
    let index = read("index.html")?;
    let open = format!("<meta name=\"{HEIGHTS_META}\" content=\"");
    let heights = index
        .find(&open)
        .map(|i| &index[i + open.len()..])
        .and_then(|rest| rest.split('"').next())
        .ok_or("index.html: no embed heights (run chiso-prerender DIST first)")?;
    for chart in ChartId::ALL {
        let height = height_in(heights, chart)
            .ok_or_else(|| format!("index.html: no fixed height for {}", chart.as_str()))?;
        let json = oembed_file(chart);
        std::fs::write(dist.join(&json), oembed_json(site, chart, WIDEST, height))
            .map_err(|e| format!("{json}: {e}"))?;
        let page = embed_file(chart);
        let html = with_oembed_link(&read(&page)?, &format!("{}{json}", site.as_str()), chart)?;
        std::fs::write(dist.join(&page), html).map_err(|e| format!("{page}: {e}"))?;
    }
    Ok(format!(
        "{} oEmbed files and links for {}",
        ChartId::ALL.len(),
        site.as_str()
    ))
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, data, out] = args.as_slice() {
        if flag == "--static-page" {
            return static_page(data, out);
        }
    }
    if let [flag, dist] = args.as_slice() {
        if flag == "--oembed" {
            let done = site_url().and_then(|site| {
                let site = site.ok_or("--oembed needs CHISO_SITE_URL=https://…/")?;
                oembed(std::path::Path::new(dist), &site)
            });
            return report(done);
        }
    }
    let Some(dist) = args.first() else {
        eprintln!(
            "usage: chiso-prerender DIST | chiso-prerender --oembed DIST | chiso-prerender --static-page SNAPSHOT.json OUT_DIR"
        );
        return std::process::ExitCode::from(2);
    };
    report(run(std::path::Path::new(&dist)))
}

/// What a run wrote, or why it stopped, and the exit code that says which.
#[cfg(not(target_arch = "wasm32"))]
fn report(done: Result<String, String>) -> std::process::ExitCode {
    match done {
        Ok(done) => {
            println!("chiso-prerender: wrote {done}");
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("chiso-prerender: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// `make bench`'s floors: the two charts as inline SVG in a page without script (`OUT/index.html`),
/// and each chart alone, in each language (`OUT/CHART.LANG.html`), the floor of a page whose first
/// chart it is.
#[cfg(not(target_arch = "wasm32"))]
fn static_page(data: &str, out: &str) -> std::process::ExitCode {
    use chiso::i18n::Lang;
    let snapshot = match std::fs::read(data)
        .map_err(|e| e.to_string())
        .and_then(|b| chiso::validate::parse_snapshot(&b).map_err(|p| p.to_string()))
    {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{data}: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    let dir = std::path::Path::new(out);
    let mut pages = vec![(
        "index.html".to_string(),
        chiso::prerender::static_page(&snapshot),
    )];
    for chart in chiso::chart_id::ChartId::ALL {
        for lang in [Lang::Vi, Lang::En] {
            pages.push((
                format!("{}.{}.html", chart.as_str(), lang.tag()),
                chiso::prerender::static_chart_page(&snapshot, chart, lang),
            ));
        }
    }
    for (name, html) in pages {
        if let Err(e) = std::fs::write(dir.join(&name), html) {
            eprintln!("{}: {e}", dir.join(&name).display());
            return std::process::ExitCode::FAILURE;
        }
    }
    std::process::ExitCode::SUCCESS
}

#[cfg(target_arch = "wasm32")]
fn main() {}
