//! Finishes a release build in `dist/`: OpenGraph and Twitter tags with the headline figure in
//! `index.html` and a PNG of the main chart for link previews; and the hardening: Trunk's inline
//! loader moved to a file with subresource integrity (which also checks the WASM), and a strict
//! Content-Security-Policy with no inline script, also written as the nginx map of each page's
//! header policy (`csp.conf`, with `frame-ancestors`, which only a header can carry); the same
//! hardening for the data editors' studio (`studio.html`, built by `make dist` beside the pages);
//! and the service worker (`sw.js`) that keeps a page a reader opened readable offline.
//!
//! `chiso-prerender DIST` (the Makefile runs it after `trunk build --release`). With
//! `CHISO_SITE_URL=https://host/path/` the image URL is absolute, as most crawlers want.

/// The nginx map of each page's Content-Security-Policy header, beside the pages
/// (`deploy/nginx.conf` includes it and does not serve it).
#[cfg(not(target_arch = "wasm32"))]
const CSP_MAP: &str = "csp.conf";

#[cfg(not(target_arch = "wasm32"))]
fn run(dist: &std::path::Path) -> Result<String, String> {
    use chiso::chart_id::ChartId;
    use chiso::i18n::Lang;
    use chiso::prerender::{
        boot_markup, boot_script, changes_markup, embed_head, embed_markup, harden, inject_boot,
        inject_preview, nginx_csp_map, preview, preview_svg, ranking_markup, view_head,
        with_boot_script, with_title, without_app, Published, Served, Warm,
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

    let base = std::env::var("CHISO_SITE_URL").unwrap_or_default();
    let p = preview(&snapshot, format!("{base}{image_name}"));
    // Trunk's page is the template of the page and of the embed pages.
    let trunk_html = read("index.html")?;
    let trunk_html = String::from_utf8(trunk_html).map_err(|e| format!("index.html: {e}"))?;
    let finish = |boot| -> Result<(String, (String, String)), String> {
        let (html, boot_css) = inject_boot(&trunk_html, boot)?;
        let warm = Warm {
            snapshot: &snapshot.id,
            version: &version.version,
            path: &version.path,
        };
        let (html, loader) = harden(&html, &boot_css, warm, |f| std::fs::read(dist.join(f)).ok())?;
        Ok((inject_preview(&html, &p), loader))
    };
    let (html, (loader_name, loader)) =
        finish(boot_markup(&snapshot, &version.version, &version.published))?;
    std::fs::write(dist.join(&loader_name), loader).map_err(|e| format!("{loader_name}: {e}"))?;
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
    write_page("index.html", with_boot_script(&html, &script)?, Served::App)?;
    for chart in ChartId::ALL {
        let (html, _) = finish(embed_markup(
            &snapshot,
            chart,
            &version.version,
            &version.published,
        ))?;
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
    let (html, _) = finish(changes_markup(&published))?;
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
    let (html, _) = finish(ranking_markup(
        &snapshot,
        &version.version,
        &version.published,
    ))?;
    let script = boot_script(
        &snapshot.id,
        &version.version,
        &present::page_title(Lang::En, View::Ranking),
        &ranking,
    );
    let name = View::Ranking.file();
    write_page(name, view_head(&html, View::Ranking, &script)?, Served::App)?;
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
    let [glue, wasm] = chiso::prerender::app_files(&trunk_html)?;
    let reader_pages: Vec<&str> = pages
        .iter()
        .filter(|(_, _, s)| *s == Served::App)
        .map(|(f, _, _)| f.as_str())
        .collect();
    let icon: Vec<&str> = chiso::prerender::icon(&trunk_html).into_iter().collect();
    let sw = chiso::prerender::service_worker(&reader_pages, &[&loader_name, &glue, &wasm], &icon);
    let sw_file = chiso::prerender::SW_FILE;
    std::fs::write(dist.join(sw_file), sw).map_err(|e| format!("{sw_file}: {e}"))?;

    // The same policies as HTTP headers, with `frame-ancestors`, for the server (deploy/).
    let listed: Vec<(&str, &str, Served)> = pages
        .iter()
        .map(|(f, h, s)| (f.as_str(), h.as_str(), *s))
        .collect();
    std::fs::write(dist.join(CSP_MAP), nginx_csp_map(&listed)?)
        .map_err(|e| format!("{CSP_MAP}: {e}"))?;
    Ok(format!(
        "{image_name} ({}×{}), preview tags, the static page, the ranking page, the change log, {} embed pages, {loader_name}, {sw_file}, the CSP and {CSP_MAP}{studio}",
        pixmap.width(),
        pixmap.height(),
        ChartId::ALL.len()
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
    let Some(dist) = args.first() else {
        eprintln!(
            "usage: chiso-prerender DIST | chiso-prerender --static-page SNAPSHOT.json OUT.html"
        );
        return std::process::ExitCode::from(2);
    };
    match run(std::path::Path::new(&dist)) {
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

/// `make bench`'s floor: the two charts as inline SVG in a page without script.
#[cfg(not(target_arch = "wasm32"))]
fn static_page(data: &str, out: &str) -> std::process::ExitCode {
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
    match std::fs::write(out, chiso::prerender::static_page(&snapshot)) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{out}: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
