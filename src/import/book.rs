//! A workbook as read, whatever the file was: sheets of cells, each cell what the spreadsheet
//! holds (text, a number and whether it is shown as a percentage, a date), and where it is.

use super::problem::{CellRef, ImportProblem};

/// One cell's content.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    /// A number cell; `percent` where the cell is formatted as a percentage (`0.9355` shown as
    /// `93,55%`).
    Number {
        value: f64,
        percent: bool,
    },
    /// A date cell; `time` where it has a time of day.
    Date {
        year: u16,
        month: u8,
        day: u8,
        time: bool,
    },
    Bool(bool),
    /// An error value (`#N/A`), or what has no place in the template (a duration).
    Error(String),
}

impl Cell {
    /// Empty, or text of spaces only.
    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }
}

/// One sheet (or CSV file, or section of one): its name as the template knows it, the name a
/// cell reference shows (the sheet's, or the CSV file's), and its rows from the first.
#[derive(Debug, Clone, PartialEq)]
pub struct Grid {
    pub name: String,
    pub shown: String,
    /// The spreadsheet's number of `rows[0]` (1 for a sheet; a section's first row in a single
    /// CSV file).
    pub first_row: u32,
    pub rows: Vec<Vec<Cell>>,
}

impl Grid {
    pub fn new(name: &str, shown: &str, first_row: u32) -> Self {
        Grid {
            name: name.to_string(),
            shown: shown.to_string(),
            first_row,
            rows: Vec::new(),
        }
    }

    pub fn cell(&self, row: usize, col: usize) -> &Cell {
        self.rows
            .get(row)
            .and_then(|r| r.get(col))
            .unwrap_or(&Cell::Empty)
    }

    pub fn at(&self, row: usize, col: usize) -> CellRef {
        CellRef {
            sheet: self.shown.clone(),
            row: self.first_row + row as u32,
            col: col as u32,
        }
    }

    /// Puts a value at `(row, col)`, growing the rows as needed.
    pub fn set(&mut self, row: usize, col: usize, cell: Cell) {
        if self.rows.len() <= row {
            self.rows.resize(row + 1, Vec::new());
        }
        let r = &mut self.rows[row];
        if r.len() <= col {
            r.resize(col + 1, Cell::Empty);
        }
        r[col] = cell;
    }
}

/// The sheets in the workbook's order, and what went wrong reading their cells (a formula).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Book {
    pub grids: Vec<Grid>,
    pub problems: Vec<ImportProblem>,
}
