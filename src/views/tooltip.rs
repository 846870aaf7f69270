//! The open mark's outline and tooltip, written straight into the chart's overlay, and the line
//! that says it to screen readers.
//!
//! A pointer going down a chart opens another mark every few pixels. Rebuilt as a view each time,
//! the two boxes cost a slow phone more than a frame (issue #14), so they are made once when a
//! mark opens, and the next mark only rewrites their place and their words. They live in the
//! overlay, a box the stylesheet lays out on its own (`.chart-overlay`), each its own compositor
//! layer placed by a transform: showing, moving or rewriting them lays out nothing around them,
//! and rasterizes neither the drawing nor the page again.

use std::time::Duration;

use leptos::prelude::{document, set_timeout};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, Node};

use crate::chart::mark::{tooltip_box, Mark};

/// The outline and the tooltip: the title's text, each line's span, text node and words, whether
/// they are in the overlay, and the sizes last written (the outline's, the tooltip's width).
pub struct Tip {
    focus: HtmlElement,
    tip: HtmlElement,
    title: Node,
    lines: Vec<(Element, Node, String)>,
    shown: bool,
    sizes: Option<(f64, f64, f64)>,
}

/// Shows `mark` (or nothing) in `overlay`, on a chart `chart_width` px wide, in the boxes `old`
/// when there are some, and says it in the live region `live` (in the overlay); returns the
/// boxes, on screen or kept for the next mark. `id` is the tooltip's, which the chart names.
pub fn update(
    overlay: &Element,
    live: &Element,
    old: Option<Tip>,
    mark: Option<&Mark>,
    chart_width: f64,
    id: &str,
) -> Option<Tip> {
    say_after_frame(live, mark.map(|m| m.tooltip.text()).unwrap_or_default());
    let Some(mark) = mark else {
        // Taken out of the page (a closed tooltip is not there for anyone), kept to be put back.
        let mut t = old?;
        if t.shown {
            t.focus.remove();
            t.tip.remove();
            t.shown = false;
        }
        return Some(t);
    };
    let mut t = match old {
        Some(t) => t,
        None => build(id)?,
    };
    // Through the CSSOM, which the page's Content-Security-Policy allows (a `style` attribute it
    // would refuse). A transform, not `left`/`top`: the next mark moves a layer, nothing is laid
    // out again. The sizes are those of the last mark more often than not (every row of a
    // ranking): then the transforms alone are written.
    let (f, b) = (mark.focus, tooltip_box(mark.focus, chart_width));
    let sizes = (f.width(), f.height(), b.width);
    let focus_at = format!("translate({}px,{}px)", f.x0, f.y0);
    let tip_at = format!("translate({}px,{}px)", b.left, b.top);
    if t.sizes == Some(sizes) {
        let _ = t.focus.style().set_property("transform", &focus_at);
        let _ = t.tip.style().set_property("transform", &tip_at);
    } else {
        let (w, h, tw) = sizes;
        let focus = format!("transform:{focus_at};width:{w}px;height:{h}px");
        t.focus.style().set_css_text(&focus);
        t.tip
            .style()
            .set_css_text(&format!("transform:{tip_at};width:{tw}px"));
        t.sizes = Some(sizes);
    }
    let _ = t.tip.set_attribute("data-key", &mark.key.to_string());
    // New words in the text nodes already there: a text node replaced (`textContent`) would need
    // its style worked out again, in the very frame the tooltip should be on screen.
    t.title.set_node_value(Some(&mark.tooltip.title));
    // The lines in the spans already there, as many added or taken away as the count differs;
    // a line the last mark had too (a rank or a source unknown on many rows) is left as it is.
    let lines = &mark.tooltip.lines;
    for (i, line) in lines.iter().enumerate() {
        match t.lines.get_mut(i) {
            Some((_, text, was)) => {
                if was != line {
                    text.set_node_value(Some(line));
                    was.clone_from(line);
                }
            }
            None => {
                let Some(span) = child(&t.tip, "span") else {
                    break;
                };
                let text = text_in(&span, line);
                t.lines.push((span, text, line.clone()));
            }
        }
    }
    for (span, _, _) in t.lines.drain(lines.len().min(t.lines.len())..) {
        span.remove();
    }
    // Put in (back) once they are written, so that they come in with their place and words;
    // before the live region, which is read after the tooltip.
    if !t.shown {
        let _ = overlay.insert_before(&t.focus, Some(live));
        let _ = overlay.insert_before(&t.tip, Some(live));
        t.shown = true;
    }
    Some(t)
}

/// `words` in the live region, in the one text node it keeps (none said: empty), in a task of
/// its own: the frame that shows the mark does not wait for the sentence to be laid out, and a
/// screen reader hears it as soon (it reads a live region's changes after they are made, not in
/// the frame that makes them). New words go in the node already there, as for the tooltip.
fn say_after_frame(live: &Element, words: String) {
    let live = live.clone();
    set_timeout(
        move || match live.first_child() {
            Some(text) => text.set_node_value(Some(&words)),
            None => {
                text_in(&live, &words);
            }
        },
        Duration::ZERO,
    );
}

/// The two boxes, not yet in the page: the outline, and the tooltip with its title, empty.
fn build(id: &str) -> Option<Tip> {
    let focus = document().create_element("div").ok()?;
    for (name, value) in [("class", "mark-focus"), ("aria-hidden", "true")] {
        let _ = focus.set_attribute(name, value);
    }
    let tip = document().create_element("div").ok()?;
    for (name, value) in [
        ("class", "tooltip"),
        ("role", "tooltip"),
        ("id", id),
        ("data-testid", "tooltip"),
    ] {
        let _ = tip.set_attribute(name, value);
    }
    let title = text_in(&child(&tip, "strong")?, "");
    Some(Tip {
        focus: focus.unchecked_into(),
        tip: tip.unchecked_into(),
        title,
        lines: Vec::new(),
        shown: false,
        sizes: None,
    })
}

/// A new `tag` element, put at the end of `parent`.
fn child(parent: &Element, tag: &str) -> Option<Element> {
    let el = document().create_element(tag).ok()?;
    parent.append_child(&el).ok()?;
    Some(el)
}

/// A text node of `words`, put in `parent`.
fn text_in(parent: &Element, words: &str) -> Node {
    let text: Node = document().create_text_node(words).into();
    let _ = parent.append_child(&text);
    text
}
