//! The studio's one way in: the files the editor gave (or the text pasted), read and checked
//! through the importer, the same path `chiso-import` takes (a snapshot JSON through the same
//! validator as the page and `chiso-check`). What comes out is the snapshot written as the
//! published files are, or every problem with where it is: the file, the sheet and cell, the JSON
//! path, and for a JSON file the line of the text.

use crate::i18n::Lang;
use crate::import::{
    import, sniff, to_pretty_json, workbook, CellRef, Format, Grid, ImportKind, ImportProblem,
    Input, MAX_BYTES,
};
use crate::snapshot::Snapshot;
use crate::validate::{ProblemKind, MAX_BYTES as MAX_JSON_BYTES};

use super::lines::PathLines;

/// One thing wrong, where it is and what it says in both languages.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// The file, where several were given.
    pub file: Option<String>,
    pub cell: Option<CellRef>,
    pub path: Option<String>,
    /// The line of the JSON text given, where the file was JSON.
    pub line: Option<usize>,
    /// A stable name for the kind of problem (`syntax`, `ambiguous`, …).
    pub code: &'static str,
    /// `[vi, en]`.
    pub words: [String; 2],
}

impl Found {
    fn new(p: &ImportProblem, lines: Option<&(PathLines, &[u8])>) -> Found {
        let line = lines.and_then(|(l, bytes)| line_of(p, l, bytes));
        Found {
            file: p.file.clone(),
            cell: p.cell.clone(),
            path: p.path.clone(),
            line,
            code: p.kind.code(),
            words: [p.kind.message(Lang::Vi), p.kind.message(Lang::En)],
        }
    }

    /// Where, as the editor reads it: `Chỉ tiêu!C7: $.indicators[3].goal.value`, `$` for the
    /// file as a whole.
    pub fn place(&self) -> String {
        let at = match (&self.cell, &self.path) {
            (Some(c), Some(p)) => format!("{c}: {p}"),
            (Some(c), None) => c.to_string(),
            (None, Some(p)) => p.clone(),
            (None, None) => "$".into(),
        };
        match &self.file {
            Some(f) => format!("{f}: {at}"),
            None => at,
        }
    }
}

/// What the editor gave, kept to show where a problem is.
#[derive(Debug, Clone, PartialEq)]
pub enum Given {
    /// A JSON file's text (with any byte that is not UTF-8 replaced) and its number of lines.
    Json { text: String, lines: usize },
    /// The sheets of the spreadsheet as read, to show a cell among its neighbours.
    Sheets { grids: Vec<Grid> },
    /// Nothing worth showing (a file refused, or too large to show).
    Nothing,
}

/// A snapshot ready to publish: checked, and written as the published files are.
#[derive(Debug, Clone, PartialEq)]
pub struct Ready {
    pub snapshot: Snapshot,
    /// Two spaces, the format's key order, a final line break: a review's diff shows only what
    /// changed.
    pub json: String,
}

/// The result of checking what the editor gave.
#[derive(Debug, Clone, PartialEq)]
pub struct Checked {
    pub given: Given,
    pub outcome: Result<Ready, Vec<Found>>,
}

impl Checked {
    /// The file was refused as a whole (not a spreadsheet or JSON, too large, a zip bomb): no
    /// problem has a place in it.
    pub fn refused(&self) -> bool {
        matches!(&self.outcome, Err(found) if found.iter().all(|f| {
            f.cell.is_none() && f.path.is_none() && f.line.is_none()
        }))
    }

    pub fn ready(&self) -> Option<&Ready> {
        self.outcome.as_ref().ok()
    }

    pub fn problems(&self) -> &[Found] {
        match &self.outcome {
            Ok(_) => &[],
            Err(f) => f,
        }
    }
}

/// Files the browser knows the sizes of, refused before a byte is read when together they are
/// over the importer's limit.
pub fn refuse_unread(sizes: &[u64]) -> Option<Checked> {
    let total: u64 = sizes.iter().sum();
    if total <= MAX_BYTES {
        return None;
    }
    let kind = ImportKind::TooLarge {
        bytes: total,
        limit: MAX_BYTES,
    };
    Some(Checked {
        given: Given::Nothing,
        outcome: Err(vec![Found::new(&ImportProblem::file(kind), None)]),
    })
}

/// Reads and checks the files (`today`, `YYYY-MM-DD`, is the day it would be published: no
/// source may be dated after it).
pub fn check(inputs: &[Input<'_>], today: &str) -> Checked {
    let formats: Vec<Option<Format>> = inputs.iter().map(|i| sniff(i.name, i.bytes).ok()).collect();
    let json = match (inputs, formats.as_slice()) {
        ([input], [Some(Format::Json)]) if input.bytes.len() <= MAX_JSON_BYTES => Some(input.bytes),
        _ => None,
    };
    let outcome = import(inputs, Some(today));
    let problems = match outcome {
        Ok(imported) => {
            let json_out = to_pretty_json(&imported.snapshot);
            return Checked {
                given: Given::Nothing,
                outcome: Ok(Ready {
                    snapshot: imported.snapshot,
                    json: json_out,
                }),
            };
        }
        Err(problems) => problems,
    };
    let given = match json {
        Some(bytes) => {
            let text = String::from_utf8_lossy(bytes).into_owned();
            let lines = text.lines().count().max(1);
            Given::Json { text, lines }
        }
        None if problems.iter().any(|p| p.cell.is_some()) => Given::Sheets {
            grids: inputs
                .iter()
                .zip(&formats)
                .filter(|(_, f)| matches!(f, Some(Format::Xlsx | Format::Csv)))
                .filter_map(|(i, _)| workbook(*i).ok())
                .flat_map(|b| b.grids)
                .collect(),
        },
        None => Given::Nothing,
    };
    let found = match (&given, json) {
        (Given::Json { text, .. }, Some(bytes)) => {
            let lines = (PathLines::new(text), bytes);
            problems
                .iter()
                .map(|p| Found::new(p, Some(&lines)))
                .collect()
        }
        _ => problems.iter().map(|p| Found::new(p, None)).collect(),
    };
    Checked {
        given,
        outcome: Err(found),
    }
}

/// The line of the JSON text a problem is on: where the parser stopped, where the bytes stop
/// being UTF-8, or where its path is.
fn line_of(p: &ImportProblem, lines: &PathLines, bytes: &[u8]) -> Option<usize> {
    let at_offset = |offset: usize| {
        let before = bytes.get(..offset).unwrap_or(bytes);
        Some(1 + before.iter().filter(|&&b| b == b'\n').count())
    };
    match &p.kind {
        ImportKind::Invalid(kind) => match kind.as_ref() {
            ProblemKind::Syntax { line, .. } | ProblemKind::TooDeep { line, .. } => Some(*line),
            ProblemKind::NotUtf8 { offset } => at_offset(*offset),
            ProblemKind::TooLarge { .. } | ProblemKind::Empty => None,
            _ => lines.line(p.path.as_deref()?),
        },
        ImportKind::NotUtf8 { offset } => at_offset(*offset),
        _ => None,
    }
}

/// The rows around a cell, for showing it among its neighbours: the sheet's header row, then up
/// to `around` rows either side of the cell's, each with its spreadsheet row number; a few
/// columns either side of the cell's.
pub fn neighbourhood(grids: &[Grid], cell: &CellRef, around: u32) -> Option<Window> {
    let grid = grids.iter().find(|g| g.shown == cell.sheet)?;
    let last_row = grid.first_row + grid.rows.len().saturating_sub(1) as u32;
    let from = cell.row.saturating_sub(around).max(grid.first_row);
    let to = (cell.row + around).min(last_row.max(cell.row));
    let widest = grid.rows.iter().map(Vec::len).max().unwrap_or(0) as u32;
    let first_col = cell.col.saturating_sub(3);
    let last_col = (cell.col + 2).min(widest.saturating_sub(1).max(cell.col));
    let mut rows = Vec::new();
    let mut push = |row: u32| {
        let i = (row - grid.first_row) as usize;
        let cells = (first_col..=last_col)
            .map(|c| shown(grid.cell(i, c as usize)))
            .collect();
        rows.push((row, cells));
    };
    if from > grid.first_row {
        push(grid.first_row);
    }
    for row in from..=to {
        push(row);
    }
    let letters = |col| {
        CellRef {
            sheet: String::new(),
            row: 0,
            col,
        }
        .column()
    };
    Some(Window {
        columns: (first_col..=last_col).map(letters).collect(),
        first_col,
        rows,
    })
}

/// A few rows of a sheet as the editor sees them.
#[derive(Debug, Clone, PartialEq)]
pub struct Window {
    /// The columns' letters.
    pub columns: Vec<String>,
    /// The first column shown (0 for A).
    pub first_col: u32,
    /// Each row's number and its cells as text.
    pub rows: Vec<(u32, Vec<String>)>,
}

/// A cell's content as text, as a spreadsheet would show it (a date day first).
fn shown(cell: &crate::import::Cell) -> String {
    use crate::import::Cell;
    match cell {
        Cell::Empty => String::new(),
        Cell::Text(t) => t.clone(),
        Cell::Number { value, percent } if *percent => {
            format!("{}%", (value * 100.0 * 1e9).round() / 1e9)
        }
        Cell::Number { value, .. } => value.to_string(),
        Cell::Date {
            year, month, day, ..
        } => format!("{day:02}/{month:02}/{year}"),
        Cell::Bool(b) => if *b { "TRUE" } else { "FALSE" }.into(),
        Cell::Error(e) => e.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &[u8] = include_bytes!("../../public/data/ba-ria-vung-tau-2023.json");
    const TODAY: &str = "2026-11-29";

    fn one(name: &str, bytes: &[u8]) -> Checked {
        check(&[Input { name, bytes }], TODAY)
    }

    #[test]
    fn the_bundled_snapshot_is_ready_and_written_as_published() {
        let c = one("x.json", GOOD);
        let ready = c.ready().expect("ready");
        assert_eq!(ready.json.as_bytes(), GOOD);
        assert!(!c.refused());
    }

    #[test]
    fn a_syntax_error_is_at_its_line_in_both_languages() {
        let text = String::from_utf8_lossy(GOOD).replacen("\"met\": 33,", "\"met\": 33", 1);
        let c = one("x.json", text.as_bytes());
        let [f] = c.problems() else {
            panic!("one problem: {:?}", c.problems())
        };
        assert_eq!(f.code, "syntax");
        // The parser stops at the next field, where the comma was expected.
        let line = f.line.expect("a line");
        assert!(text
            .lines()
            .nth(line - 1)
            .expect("line")
            .contains("\"assigned\": 39"));
        assert!(text
            .lines()
            .nth(line - 2)
            .expect("line")
            .contains("\"met\": 33"));
        assert!(f.words[0].contains("dòng"), "{}", f.words[0]);
        assert!(f.words[1].contains("line"), "{}", f.words[1]);
        assert!(matches!(c.given, Given::Json { .. }));
        assert!(!c.refused());
    }

    #[test]
    fn a_wrong_value_is_at_the_line_of_its_path() {
        let text = String::from_utf8_lossy(GOOD).replacen("\"met\": 33,", "\"met\": \"33\",", 1);
        let c = one("x.json", text.as_bytes());
        let f = &c.problems()[0];
        assert_eq!(f.path.as_deref(), Some("$.tallies[0].overall.met"));
        let line = f.line.expect("a line");
        assert!(text
            .lines()
            .nth(line - 1)
            .expect("line")
            .contains("\"met\": \"33\""));
    }

    #[test]
    fn an_image_is_refused_whole_and_nothing_is_kept() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        let c = one("figures.xlsx", png);
        assert!(c.refused());
        assert_eq!(c.given, Given::Nothing);
        assert!(c.problems()[0].words[1].contains("PNG"));
    }

    #[test]
    fn files_over_the_limit_are_refused_before_reading() {
        assert!(refuse_unread(&[1000, MAX_BYTES - 1000]).is_none());
        let c = refuse_unread(&[100 * 1024 * 1024]).expect("refused");
        assert!(c.refused());
        assert_eq!(c.problems()[0].code, "too_large");
    }

    #[test]
    fn a_cell_is_shown_among_its_neighbours_with_the_header_row() {
        let mut g = Grid::new("chi-tieu", "Chỉ tiêu", 1);
        for r in 0..20 {
            for c in 0..6 {
                g.set(r, c, crate::import::Cell::Text(format!("r{r}c{c}")));
            }
        }
        let cell = CellRef {
            sheet: "Chỉ tiêu".into(),
            row: 10,
            col: 1,
        };
        let w = neighbourhood(&[g], &cell, 2).expect("found");
        assert_eq!(w.columns, ["A", "B", "C", "D"]);
        let numbers: Vec<u32> = w.rows.iter().map(|r| r.0).collect();
        assert_eq!(numbers, [1, 8, 9, 10, 11, 12]);
        assert_eq!(w.rows[3].1[1], "r9c1");
        let elsewhere = CellRef {
            sheet: "Nguồn".into(),
            ..cell
        };
        assert!(neighbourhood(&[], &elsewhere, 2).is_none());
    }
}
