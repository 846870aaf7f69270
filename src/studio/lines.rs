//! Where a JSON path is in the text the editor gave: the line each field and list item starts on,
//! so that choosing a problem (`$.indicators[3].goal.value`) shows that line of the file.
//!
//! A small scanner of its own, not serde_json: serde_json's values forget where they were. It
//! reads any text without failing (a broken file gives the lines of what came before the break)
//! and stops at [`MAX_DEPTH`], so a hostile file cannot exhaust the stack.

use std::collections::HashMap;

use crate::validate::join_key;

/// Deeper than the validator reads (serde_json stops at 128): nothing below is a field it names.
pub const MAX_DEPTH: usize = 130;

/// The line (from 1) each path starts on: a field at its name, a list item at its first
/// character, `$` at the first value.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PathLines {
    lines: HashMap<String, usize>,
}

impl PathLines {
    /// Reads `text` once.
    pub fn new(text: &str) -> PathLines {
        let mut s = Scanner {
            bytes: text.as_bytes(),
            text,
            at: 0,
            line: 1,
            out: HashMap::new(),
        };
        s.value("$".to_string(), 0);
        PathLines { lines: s.out }
    }

    /// The line of `path`, or of the nearest enclosing path the text has: a field that is
    /// missing is shown at the object it is missing from.
    pub fn line(&self, path: &str) -> Option<usize> {
        let mut p = Some(path);
        while let Some(at) = p {
            if let Some(&l) = self.lines.get(at) {
                return Some(l);
            }
            p = parent(at);
        }
        None
    }

    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }
}

/// The path one step up (`$.a["b.c"][2]` → `$.a["b.c"]` → `$.a` → `$`), a quoted key read as
/// one step whatever it holds.
pub fn parent(path: &str) -> Option<&str> {
    let b = path.as_bytes();
    let mut last = None;
    let mut i = 1;
    while i < b.len() {
        match b[i] {
            b'.' => {
                last = Some(i);
                i += 1;
            }
            b'[' => {
                last = Some(i);
                i += 1;
                if b.get(i) == Some(&b'"') {
                    // A quoted key: skip to its closing quote, past escaped ones.
                    i += 1;
                    while i < b.len() && b[i] != b'"' {
                        i += if b[i] == b'\\' { 2 } else { 1 };
                    }
                }
            }
            _ => i += 1,
        }
    }
    last.map(|i| &path[..i])
}

struct Scanner<'a> {
    bytes: &'a [u8],
    text: &'a str,
    at: usize,
    line: usize,
    out: HashMap<String, usize>,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn bump(&mut self) {
        if self.peek() == Some(b'\n') {
            self.line += 1;
        }
        self.at += 1;
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\r' | b'\n')) {
            self.bump();
        }
    }

    /// The first line a path is seen on wins: a field's name, not its value's.
    fn mark(&mut self, path: &str, line: usize) {
        if !self.out.contains_key(path) {
            self.out.insert(path.to_string(), line);
        }
    }

    /// One value at `path`. Returns false where the text ends or breaks, so the callers stop.
    fn value(&mut self, path: String, depth: usize) -> bool {
        if depth > MAX_DEPTH {
            return false;
        }
        self.skip_space();
        // A byte-order mark before the first value.
        if self.at == 0 && self.text.starts_with('\u{feff}') {
            self.at = '\u{feff}'.len_utf8();
            self.skip_space();
        }
        let Some(c) = self.peek() else { return false };
        let line = self.line;
        self.mark(&path, line);
        match c {
            b'{' => self.object(&path, depth),
            b'[' => self.list(&path, depth),
            b'"' => self.string().is_some(),
            _ => {
                // A number, true, false or null: up to the next delimiter.
                let start = self.at;
                while let Some(b) = self.peek() {
                    if matches!(b, b',' | b']' | b'}' | b' ' | b'\t' | b'\r' | b'\n') {
                        break;
                    }
                    self.bump();
                }
                self.at > start
            }
        }
    }

    fn object(&mut self, path: &str, depth: usize) -> bool {
        self.bump();
        loop {
            self.skip_space();
            match self.peek() {
                Some(b'}') => {
                    self.bump();
                    return true;
                }
                Some(b',') => self.bump(),
                Some(b'"') => {
                    let line = self.line;
                    let Some(key) = self.string() else {
                        return false;
                    };
                    let child = join_key(path, &key);
                    self.mark(&child, line);
                    self.skip_space();
                    if self.peek() != Some(b':') {
                        return false;
                    }
                    self.bump();
                    if !self.value(child, depth + 1) {
                        return false;
                    }
                }
                _ => return false,
            }
        }
    }

    fn list(&mut self, path: &str, depth: usize) -> bool {
        self.bump();
        let mut i = 0;
        loop {
            self.skip_space();
            match self.peek() {
                Some(b']') => {
                    self.bump();
                    return true;
                }
                Some(b',') => self.bump(),
                Some(_) => {
                    if !self.value(format!("{path}[{i}]"), depth + 1) {
                        return false;
                    }
                    i += 1;
                }
                None => return false,
            }
        }
    }

    /// A string from its opening quote, decoded as JSON decodes it; none where it never ends.
    fn string(&mut self) -> Option<String> {
        let start = self.at;
        self.bump();
        let mut escaped = false;
        loop {
            let b = self.peek()?;
            self.bump();
            match b {
                b'\\' => {
                    // Skip the escaped character (a quote or a backslash).
                    self.peek()?;
                    self.bump();
                    escaped = true;
                }
                b'"' => break,
                _ => {}
            }
        }
        let raw = self.text.get(start..self.at)?;
        if escaped {
            serde_json::from_str::<String>(raw).ok()
        } else {
            raw.get(1..raw.len() - 1).map(str::to_string)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = r#"{
  "id": "x",
  "tallies": [
    {
      "overall": { "met": 33, "assigned": 39 },
      "pillars": null
    }
  ],
  "a.b": { "c": [1,
    2] },
  "say \"hi\"": true
}
"#;

    #[test]
    fn each_field_and_item_is_found_at_its_line() {
        let l = PathLines::new(TEXT);
        assert_eq!(l.line("$"), Some(1));
        assert_eq!(l.line("$.id"), Some(2));
        assert_eq!(l.line("$.tallies"), Some(3));
        assert_eq!(l.line("$.tallies[0]"), Some(4));
        assert_eq!(l.line("$.tallies[0].overall.assigned"), Some(5));
        assert_eq!(l.line("$.tallies[0].pillars"), Some(6));
        assert_eq!(l.line("$[\"a.b\"].c[1]"), Some(10));
        assert_eq!(l.line("$[\"say \\\"hi\\\"\"]"), Some(11));
    }

    #[test]
    fn a_missing_field_is_shown_at_the_object_it_is_missing_from() {
        let l = PathLines::new(TEXT);
        assert_eq!(l.line("$.tallies[0].overall.met_by"), Some(5));
        assert_eq!(l.line("$.tallies[7].sources"), Some(3));
        assert_eq!(l.line("$.schema_version"), Some(1));
    }

    #[test]
    fn the_paths_are_the_validators() {
        // The validator's own path for a problem is found in the file it came from.
        let text = include_str!("../../public/data/ba-ria-vung-tau-2023.json");
        let mut s: serde_json::Value = serde_json::from_str(text).expect("json");
        s["indicators"][3]["goal"]["value"] = serde_json::json!("100%");
        let broken = serde_json::to_string_pretty(&s).expect("json");
        let problems = crate::validate::parse_snapshot(broken.as_bytes()).expect_err("invalid");
        let p = problems.iter().next().expect("a problem");
        assert_eq!(p.path, "$.indicators[3].goal.value");
        let line = PathLines::new(&broken).line(&p.path).expect("found");
        let shown = broken.lines().nth(line - 1).expect("a line");
        assert!(shown.contains("\"value\": \"100%\""), "{shown}");
    }

    #[test]
    fn a_parent_is_one_step_up_whatever_a_key_holds() {
        assert_eq!(parent("$.a[2].b"), Some("$.a[2]"));
        assert_eq!(parent("$.a[2]"), Some("$.a"));
        assert_eq!(parent("$.a"), Some("$"));
        assert_eq!(parent("$"), None);
        assert_eq!(parent("$[\"x.y[1]\"].z"), Some("$[\"x.y[1]\"]"));
        assert_eq!(parent("$[\"x.y[1]\"]"), Some("$"));
        assert_eq!(parent("$[\"a\\\"].b\"]"), Some("$"));
    }

    #[test]
    fn broken_or_hostile_text_gives_what_came_before_and_never_panics() {
        let l = PathLines::new("{\n \"id\": \"x\",\n \"title\": {\"vi\": ");
        assert_eq!(l.line("$.id"), Some(2));
        assert_eq!(l.line("$.title.vi"), Some(3));
        let deep = "[".repeat(20_000);
        assert!(PathLines::new(&deep).len() <= MAX_DEPTH + 2);
        for text in [
            "",
            "\"",
            "{\"a",
            "{\"a\"",
            "[1,,",
            "}",
            "\u{feff}{\"a\":1}",
            "{\"\\",
            "é\"ü",
        ] {
            let _ = PathLines::new(text);
        }
        assert_eq!(PathLines::new("\u{feff}{\"a\":1}").line("$.a"), Some(1));
    }
}
