//! The embed view: one chart alone, with its title, as-of, source, data version and a link back
//! to the full page. (The page's inline script tells the host page its height, from the first
//! paint on; nothing listens to messages.)

use leptos::prelude::*;

use crate::chart_id::ChartId;
use crate::i18n::{t, Key, Lang};
use crate::snapshot::Loaded;
use crate::state::{mark_ready, route, SnapshotMeta};
use crate::views::chart_figure::ChartFigure;
use crate::views::charts;
use crate::views::dashboard::VersionNote;

#[component]
pub fn EmbedView(loaded: Loaded, chart: ChartId, lang: RwSignal<Lang>) -> impl IntoView {
    let m = SnapshotMeta::new(&loaded, &route());
    let full_page = m.page_link(lang.get_untracked(), chart, m.pinned);
    provide_context(m);
    let s = StoredValue::new(loaded.snapshot);
    let ranking = expect_context::<crate::state::ChartContext>().ranking;
    let spec = charts::spec(chart, s, lang, ranking);
    mark_ready();
    view! {
        <div class="embed" data-testid="embed">
            <ChartFigure spec=spec />
            <footer class="embed-footer">
                <VersionNote lang=lang />
                <a href=full_page target="_blank" rel="noopener" data-testid="full-page-link">
                    {move || t(lang.get(), Key::SeeFullPage)}
                </a>
            </footer>
        </div>
    }
}
