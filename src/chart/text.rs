//! Text measurement for layout, without a font file or a browser.
//!
//! Widths are estimated from character classes of a typical sans-serif face, on the generous
//! side, so that labels laid out here never overlap or get cut off in the browser. Vietnamese
//! letters with diacritics are as wide as their base letters.

/// Estimated width in px of `s` at `size` px, in bold when `bold`.
pub fn width_styled(s: &str, size: f64, bold: bool) -> f64 {
    // Bold faces run about an eighth wider.
    width(s, size) * if bold { 1.12 } else { 1.0 }
}

/// Estimated width in px of `s` at `size` px.
pub fn width(s: &str, size: f64) -> f64 {
    s.chars()
        .map(|c| {
            let em = match c {
                'i' | 'l' | 'j' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | 'ì' | 'í' | 'ị'
                | 'ỉ' | 'ĩ' => 0.32,
                ' ' | 'f' | 't' | 'r' | '(' | ')' | '/' | '-' => 0.4,
                'm' | 'w' | 'M' | 'W' | '%' | '—' | '–' | '→' => 0.95,
                c if c.is_ascii_digit() => 0.64,
                c if c.is_uppercase() => 0.75,
                _ => 0.62,
            };
            em * size
        })
        .sum()
}

/// Breaks `s` into lines no wider than `max` px (a single word wider than `max` stays whole).
pub fn wrap(s: &str, size: f64, max: f64) -> Vec<String> {
    wrap_styled(s, size, false, max)
}

/// [`wrap`] for bold text.
pub fn wrap_styled(s: &str, size: f64, bold: bool, max: f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in s.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if !line.is_empty() && width_styled(&candidate, size, bold) > max {
            lines.push(std::mem::take(&mut line));
            line = word.to_string();
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// `s` cut to fit in `max` px, ending in an ellipsis when anything was cut; whole when it fits.
/// Nothing when not even the ellipsis fits. For one-line labels that must not run into their
/// neighbours (a province's name beside its bar); the tooltip says the whole text.
pub fn truncate_styled(s: &str, size: f64, bold: bool, max: f64) -> String {
    if width_styled(s, size, bold) <= max {
        return s.to_string();
    }
    let budget = max - width_styled(ELLIPSIS, size, bold);
    if budget < 0.0 {
        return String::new();
    }
    let mut kept = String::new();
    let mut used = 0.0;
    let mut buf = [0u8; 4];
    for c in s.chars() {
        let w = width_styled(c.encode_utf8(&mut buf), size, bold);
        if used + w > budget {
            // A combining diacritic (a name in decomposed form) belongs to the letter before it:
            // cut before that letter too, never between a letter and its mark.
            if is_combining(c) {
                while let Some(p) = kept.pop() {
                    if !is_combining(p) {
                        break;
                    }
                }
            }
            break;
        }
        kept.push(c);
        used += w;
    }
    let mut out = kept.trim_end().to_string();
    out.push_str(ELLIPSIS);
    out
}

const ELLIPSIS: &str = "…";

/// A combining diacritical mark (U+0300–U+036F): drawn on the letter before it.
fn is_combining(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wider_text_measures_wider() {
        assert!(width("Chính quyền số", 14.0) > width("Xã hội số", 14.0));
        assert_eq!(width("", 14.0), 0.0);
    }

    #[test]
    fn wrapped_lines_fit() {
        let lines = wrap(
            "Tỷ lệ xã, phường, thị trấn có trang thông tin điện tử (hoặc chuyên mục riêng)",
            14.0,
            200.0,
        );
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| width(l, 14.0) <= 200.0));
    }

    #[test]
    fn truncated_text_fits_and_says_it_was_cut() {
        let name = "Thành phố Hồ Chí Minh";
        assert_eq!(truncate_styled(name, 14.0, false, 500.0), name);
        for max in [30.0, 60.0, 100.0, 150.0] {
            for bold in [false, true] {
                let t = truncate_styled(name, 14.0, bold, max);
                assert!(t.ends_with('…'), "{t}");
                assert!(width_styled(&t, 14.0, bold) <= max, "{t} in {max}");
                assert!(!t.contains(" …"), "no space before the ellipsis: {t}");
            }
        }
        assert_eq!(truncate_styled(name, 14.0, false, 3.0), "");
    }

    #[test]
    fn truncation_never_parts_a_letter_from_its_diacritics() {
        // "Hồ Chí Minh" with its accents as combining marks (NFD).
        let decomposed = "Ho\u{302}\u{300} Chi\u{301} Minh";
        for max in (10..80).map(f64::from) {
            let t = truncate_styled(decomposed, 14.0, false, max);
            let kept = t.trim_end_matches('…').trim_end();
            assert!(decomposed.starts_with(kept), "{t}");
            let next = decomposed[kept.len()..].chars().next();
            assert!(
                !next.is_some_and(is_combining),
                "`{t}` cut a mark from its letter"
            );
        }
    }
}
