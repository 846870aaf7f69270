//! CSV into sheets of cells, in two layouts:
//!
//! - one file per sheet, named as the sheet's file (`chi-tieu.csv`) or as the sheet
//!   (`Chỉ tiêu.csv`);
//! - one file holding every sheet, each under a row whose first cell is `#` and the sheet's name
//!   (`# Chỉ tiêu`), its header row next: what a paste of the whole template gives.
//!
//! UTF-8 (a byte-order mark is skipped). The separator is the one the first line uses most of
//! comma, semicolon (what a spreadsheet in Vietnamese saves, the comma being its decimal mark)
//! and tab (what a copy from a spreadsheet gives). Every cell is text; a row's number is its
//! record's, as a spreadsheet opening the file numbers it.

use super::book::{Book, Cell, Grid};
use super::problem::{ImportKind, ImportProblem};
use super::{MAX_COLUMNS, MAX_ROWS};

/// A record: the row a spreadsheet shows it on, and its cells.
type Record = (u32, Vec<Cell>);

/// The separator the first line uses most, outside quotes.
fn separator(text: &str) -> u8 {
    let line = text.lines().next().unwrap_or("");
    let mut counts = [(b',', 0), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for b in line.bytes() {
        if b == b'"' {
            quoted = !quoted;
        } else if !quoted {
            for (sep, n) in counts.iter_mut() {
                if b == *sep {
                    *n += 1;
                }
            }
        }
    }
    counts
        .iter()
        .max_by_key(|(sep, n)| (*n, *sep == b','))
        .map_or(b',', |(sep, _)| *sep)
}

/// Every record of a CSV text, each with the number of the row a spreadsheet shows it on: its
/// first line's, less the line breaks inside the cells above it (a blank line is a row).
fn records(name: &str, text: &str) -> Result<Vec<Record>, Box<ImportProblem>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(separator(text))
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut inner_breaks: u64 = 0;
    for record in reader.records() {
        let record = record.map_err(|e| {
            Box::new(
                ImportProblem::file(ImportKind::Broken {
                    detail: e.to_string(),
                })
                .in_file(name),
            )
        })?;
        let line = record.position().map_or(1, |p| p.line());
        let row = u32::try_from(line.saturating_sub(inner_breaks)).unwrap_or(u32::MAX);
        inner_breaks += record
            .iter()
            .map(|f| f.matches('\n').count() as u64)
            .sum::<u64>();
        let cells = record
            .iter()
            .map(|s| {
                if s.is_empty() {
                    Cell::Empty
                } else {
                    Cell::Text(s.to_string())
                }
            })
            .collect();
        rows.push((row, cells));
    }
    Ok(rows)
}

/// A grid of records placed at their rows, the first of them at `first_row`.
fn grid_of(name: &str, shown: &str, first_row: u32, records: Vec<Record>) -> Grid {
    let mut grid = Grid::new(name, shown, first_row);
    for (row, cells) in records {
        let at = row.saturating_sub(first_row) as usize;
        if at >= MAX_ROWS as usize {
            // Past the limit: kept as one row past it, for `bounded` to report.
            grid.rows.resize(MAX_ROWS as usize + 1, Vec::new());
            break;
        }
        if grid.rows.len() <= at {
            grid.rows.resize(at + 1, Vec::new());
        }
        grid.rows[at] = cells;
    }
    grid
}

/// Keeps a grid within the limits, saying so when it was not.
fn bounded(mut grid: Grid, problems: &mut Vec<ImportProblem>) -> Grid {
    let too_many = grid.rows.len() > MAX_ROWS as usize
        || grid
            .rows
            .iter()
            .any(|r| r.iter().skip(MAX_COLUMNS as usize).any(|c| !c.is_empty()));
    if too_many {
        problems.push(ImportProblem::at(
            grid.at(0, 0),
            ImportKind::SheetTooLarge {
                rows: MAX_ROWS,
                columns: MAX_COLUMNS,
            },
        ));
        grid.rows.truncate(MAX_ROWS as usize);
        for r in &mut grid.rows {
            r.truncate(MAX_COLUMNS as usize);
        }
    }
    grid
}

/// The sheet a section row names (`# Chỉ tiêu`), if the row is one.
fn section(row: &[Cell]) -> Option<String> {
    let Some(Cell::Text(first)) = row.first() else {
        return None;
    };
    let name = first.trim().strip_prefix('#')?.trim();
    row[1..]
        .iter()
        .all(Cell::is_empty)
        .then(|| name.to_string())
}

/// The name of a file without its folder.
fn base(name: &str) -> &str {
    name.rsplit(['/', '\\']).next().unwrap_or(name)
}

/// One file: sections when its first row is a section row, else one sheet named by the file.
pub fn read_one(name: &str, text: &str) -> Result<Book, Vec<ImportProblem>> {
    let rows = records(name, text).map_err(|p| vec![*p])?;
    let shown = base(name);
    let mut book = Book::default();
    if rows.first().and_then(|(_, r)| section(r)).is_none() {
        let grid = grid_of(shown, shown, 1, rows);
        book.grids.push(bounded(grid, &mut book.problems));
        return Ok(book);
    }
    // Each section: its name, its section row, its records.
    let mut sections: Vec<(String, u32, Vec<Record>)> = Vec::new();
    for (row, cells) in rows {
        match section(&cells) {
            Some(sheet) => sections.push((sheet, row, Vec::new())),
            None => {
                if let Some((_, _, records)) = sections.last_mut() {
                    records.push((row, cells));
                }
            }
        }
    }
    for (sheet, row, records) in sections {
        // The header is the first record after the section row.
        let first = records.first().map_or(row + 1, |(r, _)| *r);
        let grid = grid_of(&sheet, shown, first, records);
        book.grids.push(bounded(grid, &mut book.problems));
    }
    Ok(book)
}

/// Several files, one sheet each, named by the file.
pub fn read_many(files: &[(&str, &str)]) -> Result<Book, Vec<ImportProblem>> {
    let mut book = Book::default();
    let mut problems = Vec::new();
    for (name, text) in files {
        match records(name, text) {
            Ok(rows) => {
                let shown = base(name);
                let grid = grid_of(shown, shown, 1, rows);
                book.grids.push(bounded(grid, &mut book.problems));
            }
            Err(p) => problems.push(*p),
        }
    }
    if problems.is_empty() {
        Ok(book)
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_separator_is_the_one_the_header_uses() {
        assert_eq!(separator("Mã / id,Tên\n"), b',');
        assert_eq!(separator("Mã / id;Tên;Số\n1,5;x;y"), b';');
        assert_eq!(separator("Mã / id\tTên\n"), b'\t');
        assert_eq!(separator("\"a,b\";c\n"), b';');
    }

    #[test]
    fn one_file_holds_every_sheet_under_its_section_row() {
        let text = "# Ghi chú\nTiếng Việt / vi,Tiếng Anh / en\nMột,One\n\n# Nhóm\nMã / id\n";
        let book = read_one("all.csv", text).expect("read");
        assert_eq!(book.grids.len(), 2);
        assert_eq!(book.grids[0].name, "Ghi chú");
        assert_eq!(book.grids[0].at(1, 1).to_string(), "all.csv!B3");
        assert_eq!(book.grids[1].name, "Nhóm");
        assert_eq!(book.grids[1].at(0, 0).to_string(), "all.csv!A6");
    }

    #[test]
    fn a_quoted_cell_keeps_its_commas_and_line_breaks_and_rows_count_as_a_spreadsheet_does() {
        let book = read_one("x.csv", "a,b\n\"1,5\",\"x\ny\"\nlast,z\n").expect("read");
        let grid = &book.grids[0];
        assert_eq!(grid.cell(1, 0), &Cell::Text("1,5".into()));
        assert_eq!(grid.cell(1, 1), &Cell::Text("x\ny".into()));
        // The third record starts on line 4 of the text, and is row 3 in a spreadsheet.
        assert_eq!(grid.cell(2, 0), &Cell::Text("last".into()));
        assert_eq!(grid.at(2, 0).to_string(), "x.csv!A3");
    }
}
