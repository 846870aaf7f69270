//! The problems of what the editor gave, each with its place and its words in both languages;
//! choosing one shows where it is: the line of the JSON text, or the cell among its neighbours
//! in the sheet.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::check::{neighbourhood, Checked, Found, Given};
use super::page::{Both, BothText};
use super::words::{line_of, problems_found, sheet_cell, W};
use crate::i18n::Lang;
use crate::markup;

/// Past this many, problems are counted, not listed: a sheet pasted in the wrong place can make
/// hundreds, and the first ones tell what happened.
const SHOWN: usize = 200;
/// Rows shown either side of a cell.
const AROUND: u32 = 3;

#[component]
pub fn Problems(checked: Arc<Checked>) -> impl IntoView {
    if checked.ready().is_some() {
        return view! { <p class="studio-ok" role="status" data-testid="studio-ok"><Both w=W::NoProblem /></p> }
            .into_any();
    }
    let found: Vec<Found> = checked.problems().to_vec();
    let n = found.len();
    let refused = checked.refused();
    let selected = RwSignal::new(None::<usize>);
    let hidden = n.saturating_sub(SHOWN);
    let list = found
        .iter()
        .take(SHOWN)
        .enumerate()
        .map(|(i, f)| {
            let [vi, en] = f.words.clone();
            let place = f.place();
            let can_show = f.line.is_some() || f.cell.is_some();
            view! {
                <li data-testid="studio-problem" data-code=f.code data-line=f.line.map(|l| l.to_string())>
                    {if can_show {
                        view! {
                            <button type="button" class="place" data-testid="studio-problem-show"
                                aria-pressed=move || (selected.get() == Some(i)).to_string()
                                on:click=move |_| selected.set(Some(i))>
                                <code>{place}</code>
                            </button>
                        }.into_any()
                    } else {
                        view! { <code class="place">{place}</code> }.into_any()
                    }}
                    " "
                    <span lang="vi">{vi}</span>
                    " "
                    <span class="other-lang" lang="en">{en}</span>
                </li>
            }
        })
        .collect_view();
    let head = if refused {
        view! { <p><strong><Both w=W::Refused /></strong></p> }.into_any()
    } else {
        view! { <p><BothText vi=problems_found(Lang::Vi, n) en=problems_found(Lang::En, n) /></p> }
            .into_any()
    };
    let found = StoredValue::new(found);
    let given = StoredValue::new(checked.given.clone());
    view! {
        <div class="load-error studio-problems" role="alert" data-testid=if refused { "studio-refused" } else { "studio-problems" }>
            {head}
            <ul class="problems">{list}</ul>
            {(hidden > 0).then(|| view! { <p>"+" {hidden} " …"</p> })}
            {(!refused).then(|| view! { <p><Both w=W::FixFirst /></p> })}
        </div>
        {move || {
            let f = found.with_value(|f| selected.get().and_then(|i| f.get(i).cloned()))?;
            Some(given.with_value(|g| view! { <Where found=f given=g.clone() /> }))
        }}
    }
    .into_any()
}

/// Where a problem is: its line in the JSON text, or its cell in the sheet.
#[component]
fn Where(found: Found, given: Given) -> impl IntoView {
    let body = match (&given, found.line, &found.cell) {
        (Given::Json { text, lines }, Some(line), _) => {
            view! { <JsonText text=text.clone() line=line total=*lines /> }.into_any()
        }
        (Given::Sheets { grids }, _, Some(cell)) => match neighbourhood(grids, cell, AROUND) {
            Some(w) => {
                let at = cell.clone();
                let first = w.first_col;
                let head = w
                    .columns
                    .into_iter()
                    .map(|c| view! { <th scope="col">{c}</th> })
                    .collect_view();
                let rows = w
                    .rows
                    .into_iter()
                    .map(|(row, cells)| {
                        let cells = cells
                            .into_iter()
                            .enumerate()
                            .map(|(i, v)| {
                                if row == at.row && first + i as u32 == at.col {
                                    view! { <td class="current" data-testid="studio-cell" aria-current="true"><mark>{v}</mark></td> }.into_any()
                                } else {
                                    view! { <td>{v}</td> }.into_any()
                                }
                            })
                            .collect_view();
                        view! { <tr><th scope="row">{row}</th>{cells}</tr> }
                    })
                    .collect_view();
                let cell_name = format!("{}{}", at.column(), at.row);
                view! {
                    <p><BothText vi=sheet_cell(Lang::Vi, &at.sheet, &cell_name) en=sheet_cell(Lang::En, &at.sheet, &cell_name) /></p>
                    <div class="table-scroll" tabindex="0" role="region" aria-label=at.to_string()>
                        <table class="sheet" data-testid="studio-sheet">
                            <thead><tr><th></th>{head}</tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                }
                .into_any()
            }
            None => view! { <p><Both w=W::NoGrid /></p> }.into_any(),
        },
        _ => ().into_any(),
    };
    view! {
        <section class="studio-where" data-testid="studio-where" aria-labelledby="studio-where-title">
            <h3 id="studio-where-title"><Both w=W::Where /> ": " <code>{found.place()}</code></h3>
            {body}
        </section>
    }
}

/// The JSON text as given, read-only, each line numbered; the problem's line marked and
/// scrolled to. Written once as escaped HTML: a file of a megabyte has tens of thousands of
/// lines, too many to build one component each.
#[component]
fn JsonText(text: String, line: usize, total: usize) -> impl IntoView {
    let mut html = String::with_capacity(text.len() + total * 48);
    for (i, l) in text.lines().enumerate() {
        let n = i + 1;
        let class = if n == line { "line current" } else { "line" };
        html.push_str(&format!(
            "<span class=\"{class}\" data-line=\"{n}\">{}</span>",
            markup::text(l)
        ));
    }
    let pre = NodeRef::<leptos::html::Pre>::new();
    Effect::new(move |_| {
        let Some(pre) = pre.get() else { return };
        let current = pre.query_selector(".line.current").ok().flatten();
        if let Some(el) = current.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            // Only the text scrolls: the page stays where the editor is.
            let top = el.offset_top() - pre.client_height() / 2;
            pre.set_scroll_top(top.max(0));
        }
    });
    view! {
        <p data-testid="studio-line"><BothText vi=line_of(Lang::Vi, line, total) en=line_of(Lang::En, line, total) /></p>
        <pre class="json-text" node_ref=pre tabindex="0" data-testid="studio-source" data-current=line.to_string() inner_html=html></pre>
    }
}
