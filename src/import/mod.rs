//! From a spreadsheet to a snapshot: a workbook laid out as the template (`public/templates/`),
//! as XLSX or CSV, or a snapshot JSON, read and checked by the same validator as the page and
//! `chiso-check`, every problem at once, each at its cell (`Chỉ tiêu!C7`) and its JSON path.
//!
//! The steps, one file each: what the bytes are, refused before any heavy work when they are not
//! what they should be (`sniff`); the cells (`xlsx`, `csv_file`) into a [`Book`](book::Book);
//! each cell read as its column says (`read`: numbers and dates as a Vietnamese editor writes
//! them; `convert`); the sheets into the snapshot's JSON with the cell of every path (`build`,
//! following `layout`); the validator; and what the editor takes away (`output`: the JSON as the
//! published files are written, the manifest entry, the archive step). `template` writes the
//! template from a snapshot, so that the two cannot drift apart.
//!
//! Pure: no file system and no browser, so the command line (`chiso-import`) and the studio call
//! the same functions on bytes.

mod book;
mod build;
mod convert;
mod csv_file;
pub mod layout;
mod output;
mod problem;
mod read;
mod sniff;
pub mod template;
mod xlsx;

use std::collections::HashMap;

use crate::snapshot::Snapshot;
use crate::validate::{check_published, join_key, parse_snapshot, ProblemKind, Problems};

pub use book::{Book, Cell, Grid};
pub use output::{
    day_from_unix_days, manifest_json, publish, sha256_hex, to_pretty_json, Archive, Publication,
    Unchanged,
};
pub use problem::{CellRef, ImportKind, ImportProblem, Step, What};
pub use read::{date as read_date, number as read_number, Written};
pub use sniff::{sniff, Format};

/// The largest file read (each file, and all of them together): the bundled snapshot's template
/// is about 40 KB as XLSX; five megabytes leave room for years of figures and refuse a file
/// that is something else.
pub const MAX_BYTES: u64 = 5 * 1024 * 1024;
/// The most an XLSX may declare its entries inflate to, all together.
pub const MAX_UNZIPPED_BYTES: u64 = 50 * 1024 * 1024;
/// The most an entry of over a megabyte may inflate, times its compressed size (a sheet's XML
/// inflates 5–20 times; a zip bomb thousands of times).
pub const MAX_INFLATE_RATIO: u64 = 100;
/// The most entries an XLSX may have (the template has about 25).
pub const MAX_ZIP_ENTRIES: usize = 1000;
/// Rows and columns read of a sheet; a value beyond is reported, not read.
pub const MAX_ROWS: u32 = 10_000;
pub const MAX_COLUMNS: u32 = 100;

/// A file given: its name (for its kind and its messages) and its bytes.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    pub name: &'a str,
    pub bytes: &'a [u8],
}

/// A snapshot read from a spreadsheet, and the cell each of its JSON paths came from (empty for
/// a JSON file).
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub snapshot: Snapshot,
    pub cells: HashMap<String, CellRef>,
}

/// Reads one workbook (an XLSX, a CSV file, or several CSV files, one per sheet) or one snapshot
/// JSON into a snapshot, checked as the page checks it; `published` is the day it is to be
/// published, where known (no source may be dated after it). Returns every problem found, file
/// problems first, then by sheet, row and column.
pub fn import(
    inputs: &[Input<'_>],
    published: Option<&str>,
) -> Result<Imported, Vec<ImportProblem>> {
    if inputs.is_empty() {
        return Err(vec![ImportProblem::file(ImportKind::NoFile)]);
    }
    let total: u64 = inputs.iter().map(|i| i.bytes.len() as u64).sum();
    if total > MAX_BYTES {
        return Err(vec![ImportProblem::file(ImportKind::TooLarge {
            bytes: total,
            limit: MAX_BYTES,
        })]);
    }
    let mut formats = Vec::new();
    let mut refused = Vec::new();
    for input in inputs {
        match sniff(input.name, input.bytes) {
            Ok(f) => formats.push(f),
            Err(kind) => refused.push(ImportProblem::file(kind).in_file(input.name)),
        }
    }
    if !refused.is_empty() {
        return Err(refused);
    }
    let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
    let book = match (inputs, formats.as_slice()) {
        ([input], [Format::Json]) => return from_json(input.bytes, published),
        ([input], [Format::Xlsx]) => xlsx::read(input.bytes)?,
        ([input], [Format::Csv]) => csv_file::read_one(input.name, &text(input.bytes))?,
        _ if formats.iter().all(|f| *f == Format::Csv) => {
            let texts: Vec<(&str, String)> =
                inputs.iter().map(|i| (i.name, text(i.bytes))).collect();
            let files: Vec<(&str, &str)> = texts.iter().map(|(n, t)| (*n, t.as_str())).collect();
            csv_file::read_many(&files)?
        }
        _ => return Err(vec![ImportProblem::file(ImportKind::MixedFiles)]),
    };
    from_book(&book, published)
}

/// The cells of one workbook file (XLSX, or CSV in either layout) as read, before they are
/// read as a snapshot: for a preview of the sheets, and to compare two workbooks cell by cell.
pub fn workbook(input: Input<'_>) -> Result<Book, Vec<ImportProblem>> {
    let refuse = |kind| vec![ImportProblem::file(kind).in_file(input.name)];
    match sniff(input.name, input.bytes).map_err(refuse)? {
        Format::Xlsx => xlsx::read(input.bytes),
        Format::Csv => csv_file::read_one(input.name, &String::from_utf8_lossy(input.bytes)),
        Format::Json => Err(refuse(ImportKind::NotASpreadsheet { what: What::Json })),
    }
}

/// The validator, and where the day of publication is known, the sources' dates against it.
fn validated(bytes: &[u8], published: Option<&str>) -> Result<Snapshot, Problems> {
    let snapshot = parse_snapshot(bytes)?;
    match published.map(|day| check_published(&snapshot, day)) {
        Some(p) if !p.is_empty() => Err(p),
        _ => Ok(snapshot),
    }
}

/// A snapshot JSON, checked as `chiso-check` checks it.
fn from_json(bytes: &[u8], published: Option<&str>) -> Result<Imported, Vec<ImportProblem>> {
    let checked = validated(bytes, published);
    checked
        .map(|snapshot| Imported {
            snapshot,
            cells: HashMap::new(),
        })
        .map_err(|p| located(p, &HashMap::new()))
}

/// The validator's problems, each at the cell its path came from.
fn located(problems: Problems, cells: &HashMap<String, CellRef>) -> Vec<ImportProblem> {
    problems
        .iter()
        .map(|p| ImportProblem {
            file: None,
            cell: cell_of(cells, &p.path, &p.kind),
            path: Some(p.path.clone()),
            kind: ImportKind::Invalid(Box::new(p.kind.clone())),
        })
        .collect()
}

/// The path one step up: `$.a[1].b` → `$.a[1]` → `$.a` → `$`.
fn parent(path: &str) -> Option<&str> {
    if path == "$" {
        return None;
    }
    let cut = if path.ends_with(']') {
        path.rfind('[')
    } else {
        path.rfind('.')
    }?;
    Some(&path[..cut])
}

/// The cell a problem at `path` is about: the missing field's own where the problem is a field
/// missing, else the path's, else the nearest enclosing one's (a row, a sheet).
fn cell_of(cells: &HashMap<String, CellRef>, path: &str, kind: &ProblemKind) -> Option<CellRef> {
    if let ProblemKind::Missing { field } = kind {
        if let Some(c) = cells.get(&join_key(path, field)) {
            return Some(c.clone());
        }
    }
    let mut p = Some(path);
    while let Some(at) = p {
        if let Some(c) = cells.get(at) {
            return Some(c.clone());
        }
        p = parent(at);
    }
    None
}

/// A workbook's sheets into a snapshot, through the validator.
fn from_book(book: &Book, published: Option<&str>) -> Result<Imported, Vec<ImportProblem>> {
    let order: HashMap<&str, usize> = book
        .grids
        .iter()
        .enumerate()
        .map(|(i, g)| (g.shown.as_str(), i))
        .collect();
    let sorted = |mut problems: Vec<ImportProblem>| {
        problems.sort_by_key(|p| {
            p.cell.as_ref().map(|c| {
                let sheet = order.get(c.sheet.as_str()).copied().unwrap_or(usize::MAX);
                (sheet, c.row, c.col)
            })
        });
        problems
    };
    let built = build::build(book).map_err(sorted)?;
    let json = serde_json::Value::Object(built.json);
    let bytes = serde_json::to_vec(&json).unwrap_or_default();
    let mut problems = built.problems;
    let checked = validated(&bytes, published);
    match checked {
        Ok(snapshot) if problems.is_empty() => Ok(Imported {
            snapshot,
            cells: built.cells,
        }),
        Ok(_) => Err(sorted(problems)),
        Err(invalid) => {
            problems.extend(
                located(invalid, &built.cells)
                    .into_iter()
                    .filter(|p| p.cell.as_ref().is_none_or(|c| !built.reported.contains(c))),
            );
            Err(sorted(problems))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_climbs_to_its_row_and_sheet() {
        assert_eq!(
            parent("$.indicators[3].goal.value"),
            Some("$.indicators[3].goal")
        );
        assert_eq!(parent("$.indicators[3]"), Some("$.indicators"));
        assert_eq!(parent("$.indicators"), Some("$"));
        assert_eq!(parent("$"), None);
    }
}
