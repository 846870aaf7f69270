//! The open mark's outline and tooltip, written straight into the chart area.
//!
//! A pointer going down a chart opens another mark every few pixels. Rebuilt as a view each time,
//! the two boxes cost a slow phone more than a frame (issue #14), so they are made once when a
//! mark opens, and the next mark only rewrites their place and their words.

use leptos::prelude::document;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use crate::chart::mark::{tooltip_box, Mark};

/// The outline and the tooltip on screen.
pub struct Tip {
    focus: HtmlElement,
    tip: HtmlElement,
    title: Element,
    lines: Vec<Element>,
}

/// Shows `mark` (or nothing) in `area`, `chart_width` px wide, in the boxes `old` when there are
/// some; returns the boxes now on screen. `id` is the tooltip's, which the chart names.
pub fn update(
    area: &Element,
    old: Option<Tip>,
    mark: Option<&Mark>,
    chart_width: f64,
    id: &str,
) -> Option<Tip> {
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
    t.title.set_text_content(Some(&mark.tooltip.title));
    // The lines in the spans already there, as many added or taken away as the count differs.
    let lines = &mark.tooltip.lines;
    for (i, line) in lines.iter().enumerate() {
        match t.lines.get(i) {
            Some(el) => el.set_text_content(Some(line)),
            None => {
                let Ok(el) = document().create_element("span") else {
                    break;
                };
                el.set_text_content(Some(line));
                let _ = t.tip.append_child(&el);
                t.lines.push(el);
            }
        }
    }
    for el in t.lines.drain(lines.len().min(t.lines.len())..) {
        el.remove();
    }
    Some(t)
}

/// The two boxes, empty, at the end of `area`: the outline, then the tooltip over the drawing.
fn build(area: &Element, id: &str) -> Option<Tip> {
    let doc = document();
    let element = |tag: &str| doc.create_element(tag).ok();
    let html = |tag: &str| element(tag).map(JsCast::unchecked_into::<HtmlElement>);
    let focus = html("div")?;
    for (name, value) in [("class", "mark-focus"), ("aria-hidden", "true")] {
        let _ = focus.set_attribute(name, value);
    }
    let tip = html("div")?;
    for (name, value) in [
        ("class", "tooltip"),
        ("role", "tooltip"),
        ("id", id),
        ("data-testid", "tooltip"),
    ] {
        let _ = tip.set_attribute(name, value);
    }
    let title = element("strong")?;
    let _ = tip.append_child(&title);
    let _ = area.append_child(&focus);
    let _ = area.append_child(&tip);
    Some(Tip {
        focus,
        tip,
        title,
        lines: Vec::new(),
    })
}
