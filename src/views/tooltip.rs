//! The open mark's outline and tooltip, written straight into the chart area, and the line that
//! says it to screen readers.
//!
//! A pointer going down a chart opens another mark every few pixels. Rebuilt as a view each time,
//! the two boxes cost a slow phone more than a frame (issue #14), so they are made once when a
//! mark opens, and the next mark only rewrites their place and their words.

use leptos::prelude::document;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, Node};

use crate::chart::mark::{tooltip_box, Mark};

/// The outline and the tooltip on screen: the title's text, each line's span and text.
pub struct Tip {
    focus: HtmlElement,
    tip: HtmlElement,
    title: Node,
    lines: Vec<(Element, Node)>,
}

/// Shows `mark` (or nothing) in `area`, `chart_width` px wide, in the boxes `old` when there are
/// some, and says it in the live region that follows the area; returns the boxes now on screen.
/// `id` is the tooltip's, which the chart names.
pub fn update(
    area: &Element,
    old: Option<Tip>,
    mark: Option<&Mark>,
    chart_width: f64,
    id: &str,
) -> Option<Tip> {
    if let Some(live) = area.next_element_sibling() {
        live.set_text_content(mark.map(|m| m.tooltip.text()).as_deref());
    }
    let Some(mark) = mark else {
        if let Some(t) = old {
            t.focus.remove();
            t.tip.remove();
        }
        return None;
    };
    let mut t = match old {
        Some(t) => t,
        None => build(area, id)?,
    };
    // Through the CSSOM, which the page's Content-Security-Policy allows (a `style` attribute it
    // would refuse).
    let (f, b) = (mark.focus, tooltip_box(mark.focus, chart_width));
    let (w, h) = (f.width(), f.height());
    let focus = format!("left:{}px;top:{}px;width:{w}px;height:{h}px", f.x0, f.y0);
    t.focus.style().set_css_text(&focus);
    let tip = format!("left:{}px;top:{}px;width:{}px", b.left, b.top, b.width);
    t.tip.style().set_css_text(&tip);
    let _ = t.tip.set_attribute("data-key", &mark.key.to_string());
    // New words in the text nodes already there: a text node replaced (`textContent`) would need
    // its style worked out again, in the very frame the tooltip should be on screen.
    t.title.set_node_value(Some(&mark.tooltip.title));
    // The lines in the spans already there, as many added or taken away as the count differs.
    let lines = &mark.tooltip.lines;
    for (i, line) in lines.iter().enumerate() {
        match t.lines.get(i) {
            Some((_, text)) => text.set_node_value(Some(line)),
            None => {
                let Some(span) = child(&t.tip, "span") else {
                    break;
                };
                let text = text_in(&span, line);
                t.lines.push((span, text));
            }
        }
    }
    for (span, _) in t.lines.drain(lines.len().min(t.lines.len())..) {
        span.remove();
    }
    Some(t)
}

/// The two boxes at the end of `area`: the outline, then the tooltip (over the drawing) with its
/// title, empty.
fn build(area: &Element, id: &str) -> Option<Tip> {
    let focus = child(area, "div")?;
    for (name, value) in [("class", "mark-focus"), ("aria-hidden", "true")] {
        let _ = focus.set_attribute(name, value);
    }
    let tip = child(area, "div")?;
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
