//! An XLSX workbook (already sniffed: a zip within the limits) into sheets of cells, streamed
//! cell by cell (a stray value at row a million allocates nothing), with each number's format
//! (a percentage or not) and every formula refused at its cell.

use std::io::Cursor;

use calamine::{DataRef, Reader, Xlsx};

use super::book::{Book, Cell, Grid};
use super::problem::{ImportKind, ImportProblem};
use super::{MAX_COLUMNS, MAX_ROWS};

fn broken(e: impl std::fmt::Display) -> ImportProblem {
    ImportProblem::file(ImportKind::Broken {
        detail: e.to_string(),
    })
}

fn cell(value: DataRef<'_>, percent: bool) -> Cell {
    match value {
        DataRef::Empty => Cell::Empty,
        DataRef::String(s) => Cell::Text(s),
        DataRef::SharedString(s) => Cell::Text(s.to_string()),
        DataRef::Int(i) => Cell::Number {
            value: i as f64,
            percent,
        },
        DataRef::Float(f) => Cell::Number { value: f, percent },
        DataRef::Bool(b) => Cell::Bool(b),
        DataRef::DateTime(dt) if dt.is_datetime() => {
            let (year, month, day, h, m, s, ms) = dt.to_ymd_hms_milli();
            Cell::Date {
                year,
                month,
                day,
                time: (h, m, s, ms) != (0, 0, 0, 0),
            }
        }
        DataRef::DateTimeIso(s) => {
            // `2024-10-15` or `2024-10-15T00:00:00`: the date, and whether a time follows.
            let (day, time) = s.split_once('T').unwrap_or((&s, ""));
            let parts: Vec<u32> = day.split('-').filter_map(|p| p.parse().ok()).collect();
            match parts.as_slice() {
                [y, m, d] => Cell::Date {
                    year: *y as u16,
                    month: *m as u8,
                    day: *d as u8,
                    time: time.trim_start_matches(['0', ':', '.']).trim() != "",
                },
                _ => Cell::Text(s),
            }
        }
        DataRef::DateTime(_) | DataRef::DurationIso(_) => Cell::Error("duration".into()),
        DataRef::Error(e) => Cell::Error(e.to_string()),
    }
}

/// Reads every sheet: values with their number formats, then formulas.
pub fn read(bytes: &[u8]) -> Result<Book, Vec<ImportProblem>> {
    let mut workbook: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|e| vec![broken(e)])?;
    let mut book = Book::default();
    for name in workbook.sheet_names() {
        let mut grid = Grid::new(&name, &name, 1);
        let mut beyond = false;
        {
            let mut cells = workbook
                .worksheet_cells_reader(&name)
                .map_err(|e| vec![broken(e)])?;
            while let Some((c, style)) = cells
                .next_cell_with_style_id()
                .map_err(|e| vec![broken(e)])?
            {
                let (row, col) = c.get_position();
                if matches!(c.get_value(), DataRef::Empty) {
                    continue;
                }
                if row >= MAX_ROWS || col >= MAX_COLUMNS {
                    beyond = true;
                    continue;
                }
                let percent = cells
                    .styles()
                    .get(style)
                    .and_then(|s| s.number_format.as_ref())
                    .is_some_and(|f| f.format_code.contains('%'));
                grid.set(
                    row as usize,
                    col as usize,
                    cell(c.get_value().clone(), percent),
                );
            }
        }
        if beyond {
            book.problems.push(ImportProblem::at(
                grid.at(0, 0),
                ImportKind::SheetTooLarge {
                    rows: MAX_ROWS,
                    columns: MAX_COLUMNS,
                },
            ));
        }
        let mut formulas = workbook
            .worksheet_cells_reader(&name)
            .map_err(|e| vec![broken(e)])?;
        while let Some(f) = formulas.next_formula().map_err(|e| vec![broken(e)])? {
            let (row, col) = f.get_position();
            if f.get_value().is_empty() || row >= MAX_ROWS || col >= MAX_COLUMNS {
                continue;
            }
            let at = grid.at(row as usize, col as usize);
            // The value a formula last computed is not read: it changes when its inputs do.
            grid.set(row as usize, col as usize, Cell::Empty);
            book.problems.push(ImportProblem::at(
                at,
                ImportKind::Formula {
                    formula: f.get_value().clone(),
                },
            ));
        }
        book.grids.push(grid);
    }
    Ok(book)
}
