//! The stylesheet as it is inlined in every page (`harden::inline_css`).

/// The stylesheet without its comments and the blank lines they leave: they explain the rules to
/// whoever edits `style/main.css`, and inlined in every page they were a third of its stylesheet's
/// bytes (1.8 of 4.8 KB brotli) before the first chart (issue #16 §6). A comment cannot nest, and
/// `/*` inside a quoted string is not one.
pub fn without_comments(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut quote: Option<char> = None;
    while let Some(c) = chars.next() {
        match quote {
            Some(q) => {
                out.push(c);
                if c == '\\' {
                    if let Some(n) = chars.next() {
                        out.push(n);
                    }
                } else if c == q {
                    quote = None;
                }
            }
            None if c == '/' && chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for n in chars.by_ref() {
                    if last == '*' && n == '/' {
                        break;
                    }
                    last = n;
                }
            }
            None => {
                if c == '"' || c == '\'' {
                    quote = Some(c);
                }
                out.push(c);
            }
        }
    }
    out.lines()
        .filter(|l| !l.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_the_lines_they_leave_go_and_nothing_else() {
        let css = "/* Chỉ số */\n:root {\n  --bg: #fff; /* white */\n}\n\n/* print */\na::after { content: \" (/* not a comment */)\"; }\nb { content: '\\'/*'; }\n";
        assert_eq!(
            without_comments(css),
            ":root {\n  --bg: #fff; \n}\na::after { content: \" (/* not a comment */)\"; }\nb { content: '\\'/*'; }"
        );
        assert_eq!(without_comments("body{color:red}"), "body{color:red}");
        // An unclosed comment ends the sheet, as in a browser.
        assert_eq!(without_comments("a{}/* b{}"), "a{}");
    }
}
