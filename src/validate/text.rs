//! What a reader sees: every text and every link from a data file, checked by the same rules (not
//! empty, not oversized, nothing hidden), and any of it echoed in a message made harmless first.

use crate::snapshot::Text;

use super::decode::{join_key, truncate};
use super::problem::ProblemKind;
use super::snapshot::Checker;
use super::MAX_TEXT_CHARS;

/// Characters a reader cannot see that change what they read: bidirectional overrides, isolates
/// and marks (which can make "33/39" read as "93/33"), zero-width spaces and joiners, word
/// joiners and invisible operators, a byte-order mark inside the text, the soft hyphen (which
/// hides inside a word and breaks a search for it), and control characters. Line breaks and tabs
/// are ordinary text.
pub(super) fn is_hidden(c: char) -> bool {
    is_invisible_format(c)
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{061C}')
        || (c.is_control() && c != '\n' && c != '\t')
}

/// The hidden characters that are format characters, not controls: zero-width (U+200B–U+200D),
/// marks (U+200E, U+200F), word joiners and invisible operators (U+2060–U+2064), U+FEFF and the
/// soft hyphen (U+00AD).
fn is_invisible_format(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{00AD}')
}

/// A text from the file as a message may show it: at most `max` characters, and every hidden
/// character written as its code (`\u{202E}`), so that a message cannot itself hide or reorder
/// what the reader sees.
pub(super) fn shown(s: &str, max: usize) -> String {
    truncate(s, max)
        .chars()
        .map(|c| {
            if is_hidden(c) {
                format!("\\u{{{:04X}}}", u32::from(c))
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// Only plain http(s) links reach the page: not `javascript:` or `data:`, not a user name before
/// the host (`https://bao.gov.vn@evil.example/` goes to evil.example), and no spaces or hidden
/// characters anywhere (U+202E can make a link read as another).
pub fn is_http_url(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    let Some(rest) = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
    else {
        return false;
    };
    // The host and port: up to the first `/`, `?` or `#` (or `\`, which browsers read as `/`).
    let authority = rest.split(['/', '?', '#', '\\']).next().unwrap_or("");
    !authority.is_empty()
        && !authority.contains('@')
        && !s.chars().any(|c| c.is_whitespace() || is_hidden(c))
}

impl Checker<'_> {
    /// A text in both languages.
    pub(super) fn text(&mut self, path: &str, t: &Text) {
        for (lang, s) in [("vi", &t.vi), ("en", &t.en)] {
            self.string(&join_key(path, lang), s);
        }
    }

    /// One text a reader sees: not empty, at most [`MAX_TEXT_CHARS`], nothing hidden.
    pub(super) fn string(&mut self, path: &str, s: &str) {
        if let Some(c) = s.chars().find(|c| is_hidden(*c)) {
            self.problems.push(
                path,
                ProblemKind::ControlCharacter {
                    code: format!("U+{:04X}", u32::from(c)),
                    format: is_invisible_format(c),
                },
            );
        }
        if s.trim().is_empty() {
            self.problems.push(path, ProblemKind::EmptyText);
        } else {
            self.length(path, s);
        }
    }

    fn length(&mut self, path: &str, s: &str) {
        let chars = s.chars().count();
        if chars > MAX_TEXT_CHARS {
            self.problems.push(
                path,
                ProblemKind::TextTooLong {
                    chars,
                    limit: MAX_TEXT_CHARS,
                },
            );
        }
    }

    /// A link a reader follows: a plain http(s) link, at most [`MAX_TEXT_CHARS`].
    pub(super) fn link(&mut self, path: &str, url: &str) {
        if is_http_url(url) {
            self.length(path, url);
        } else {
            self.problems.push(
                path,
                ProblemKind::BadUrl {
                    value: shown(url, 60),
                },
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_http_links_are_accepted() {
        assert!(is_http_url("https://dti.gov.vn/xep-hang-2022"));
        assert!(is_http_url("http://example.org"));
        assert!(is_http_url("https://example.org:8080/a?b=c@d#e@f"));
        assert!(is_http_url("https://example.org/@user"));
        assert!(is_http_url("https://example.org?to=a@b"));
        for bad in [
            "javascript:alert(1)",
            "JAVASCRIPT:alert(1)",
            "data:text/html,<script>",
            "//evil.example",
            "https://",
            "https:///x",
            "https://a b",
            "ftp://x",
            " https://x\n",
            " https://x",
            // A user name before the host: the link goes to evil.example.
            "https://dti.gov.vn@evil.example/",
            "https://user:pass@example.org",
            "https://@example.org",
            "HTTPS://BAO.VN@EVIL.EXAMPLE",
            // Invisible characters anywhere.
            "https://dti.gov.vn/\u{200B}xep-hang",
            "https://dti.gov.vn/\u{202E}gnah-pex",
            "https://dti\u{00AD}.gov.vn/",
            "https://dti.gov.vn/\u{FEFF}",
        ] {
            assert!(!is_http_url(bad), "{bad:?}");
        }
    }

    #[test]
    fn hidden_characters_include_invisible_format_characters() {
        for c in [
            '\u{200B}', '\u{200C}', '\u{200D}', '\u{200E}', '\u{200F}', '\u{2060}', '\u{2064}',
            '\u{FEFF}', '\u{00AD}', '\u{202E}', '\u{2066}', '\u{061C}', '\u{0000}', '\u{007F}',
        ] {
            assert!(is_hidden(c), "U+{:04X}", u32::from(c));
        }
        for c in ['\n', '\t', 'a', 'ữ', '–', '→', ' ', '\u{00A0}'] {
            assert!(!is_hidden(c), "U+{:04X}", u32::from(c));
        }
    }

    #[test]
    fn a_message_shows_hidden_characters_as_their_codes() {
        assert_eq!(shown("a\u{202E}b", 10), "a\\u{202E}b");
        assert_eq!(shown("abcdef", 3), "abc…");
    }
}
