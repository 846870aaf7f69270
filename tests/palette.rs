//! The charts' colours are written twice: in `chart::Theme` (what plotters draws with) and in
//! `style/main.css` (what the page around the charts — legend swatches, text, background — is
//! painted with), where the dark theme is itself written twice (the reader's setting, and
//! `?theme=dark`). These tests hold them together: changing a colour on one side only fails here.
//!
//! Custom properties ↔ `Theme` fields: `--bg` ↔ `background`, `--fg` ↔ `text`, `--muted` ↔
//! `muted`, `--fill` ↔ `fill`, `--goal` ↔ `goal`, `--track` ↔ `track`, `--track-stroke` ↔
//! `track_stroke`. `Theme::dim` has no property (only the drawing dims bars); `--accent`,
//! `--line`, `--panel`, `--error-bg`, `--error-fg` and `--focus` have no `Theme` field (the
//! drawing never uses them), so they are checked only for the two dark blocks agreeing.

use chiso::chart::Theme;
use plotters::style::RGBColor;

const CSS: &str = include_str!("../style/main.css");

/// The light theme: the page's first rules.
const LIGHT: &str = ":root {";
/// The dark theme when the reader's system asks for it (inside `@media (prefers-color-scheme: dark)`).
const DARK_BY_SETTING: &str = ":root:not([data-theme=light]) {";
/// The dark theme when the link asks for it (`?theme=dark`).
const DARK_BY_LINK: &str = ":root[data-theme=dark] {";

/// The declarations of the one rule whose selector and opening brace are `opening`, in order, as
/// (property, value) with the whitespace around each trimmed.
fn declarations(opening: &str) -> Vec<(String, String)> {
    assert_eq!(
        CSS.matches(opening).count(),
        1,
        "style/main.css should have exactly one `{opening}`"
    );
    let start = CSS.find(opening).expect("counted above") + opening.len();
    let body = &CSS[start..];
    let end = body
        .find('}')
        .unwrap_or_else(|| panic!("`{opening}` is never closed"));
    body[..end]
        .split(';')
        .map(str::trim)
        .filter(|d| !d.is_empty())
        .map(|d| {
            let (p, v) = d
                .split_once(':')
                .unwrap_or_else(|| panic!("`{d}` in `{opening}` is not a declaration"));
            (p.trim().to_string(), v.trim().to_string())
        })
        .collect()
}

/// `#rrggbb`, in either case.
fn hex(value: &str) -> RGBColor {
    let digits = value
        .strip_prefix('#')
        .filter(|d| d.len() == 6 && d.chars().all(|c| c.is_ascii_hexdigit()))
        .unwrap_or_else(|| panic!("`{value}` is not a #rrggbb colour"));
    let byte = |i: usize| u8::from_str_radix(&digits[i..i + 2], 16).expect("hex digits");
    RGBColor(byte(0), byte(2), byte(4))
}

/// Each custom property that stands for a `Theme` colour, with that colour.
fn mapped(t: &Theme) -> [(&'static str, RGBColor); 7] {
    [
        ("--bg", t.background),
        ("--fg", t.text),
        ("--muted", t.muted),
        ("--fill", t.fill),
        ("--goal", t.goal),
        ("--track", t.track),
        ("--track-stroke", t.track_stroke),
    ]
}

fn assert_block_is_theme(opening: &str, theme: &Theme, name: &str) {
    let decls = declarations(opening);
    for (prop, colour) in mapped(theme) {
        let values: Vec<&str> = decls
            .iter()
            .filter(|(p, _)| p == prop)
            .map(|(_, v)| v.as_str())
            .collect();
        assert_eq!(
            values.len(),
            1,
            "`{opening}` should set {prop} once, to {name}'s colour"
        );
        assert_eq!(
            hex(values[0]),
            colour,
            "{prop} in `{opening}` is {}, but {name} draws with {colour:?}",
            values[0]
        );
    }
}

#[test]
fn the_two_dark_blocks_of_the_stylesheet_are_the_same() {
    let by_setting = declarations(DARK_BY_SETTING);
    assert!(
        CSS.find("@media (prefers-color-scheme: dark)")
            .is_some_and(|media| CSS[media..].starts_with(&format!(
                "@media (prefers-color-scheme: dark) {{\n  {DARK_BY_SETTING}"
            ))),
        "`{DARK_BY_SETTING}` should be the first rule of `@media (prefers-color-scheme: dark)`"
    );
    assert!(by_setting.len() >= mapped(&Theme::DARK).len());
    assert_eq!(
        by_setting,
        declarations(DARK_BY_LINK),
        "the dark theme by the reader's setting and by `?theme=dark` differ"
    );
}

#[test]
fn the_stylesheets_dark_colours_are_the_charts() {
    assert_block_is_theme(DARK_BY_SETTING, &Theme::DARK, "Theme::DARK");
    assert_block_is_theme(DARK_BY_LINK, &Theme::DARK, "Theme::DARK");
}

#[test]
fn the_stylesheets_light_colours_are_the_charts() {
    assert_block_is_theme(LIGHT, &Theme::LIGHT, "Theme::LIGHT");
}
