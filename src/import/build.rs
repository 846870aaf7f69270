//! Sheets of cells into the snapshot's JSON, following the layout, keeping for every field the
//! cell it came from (so that what the validator then says of a JSON path is shown at a cell).
//!
//! A sheet or column that is missing or unknown stops the import there: every row would
//! otherwise be reported for it. A cell that cannot be read is reported and left out, and what
//! the validator then says of that field is not said again.

use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value};

use super::book::{Book, Cell, Grid};
use super::convert::{convert, shown};
use super::layout::{Empty, Kind, Part, Sheet, Words, SHEETS};
use super::problem::{CellRef, ImportKind, ImportProblem};

/// The JSON the sheets make, where each of its paths came from, and what could not be read.
#[derive(Debug, Default)]
pub struct Built {
    pub json: Map<String, Value>,
    pub cells: HashMap<String, CellRef>,
    pub problems: Vec<ImportProblem>,
    /// The cells already reported: the validator's words on them are not repeated.
    pub reported: HashSet<CellRef>,
}

/// The key of a part's list in the snapshot, and for an item of another's list, the part and
/// the key of that list in its items.
pub(super) fn list_key(part: Part) -> &'static str {
    match part {
        Part::Snapshot => "",
        Part::AsOf => "as_of",
        Part::Sources => "sources",
        Part::Tallies => "tallies",
        Part::Indicators => "indicators",
        Part::Reported => "reported",
        Part::Goals => "goals",
        Part::Initiatives => "initiatives",
        Part::Context => "context",
        Part::Notes => "notes",
        Part::Units => "units",
        Part::Groupings => "groupings",
        Part::Rankings => "rankings",
        Part::Entries => "entries",
        Part::Series => "series",
        Part::Points => "points",
    }
}

/// One row: each of its sheet's columns, where the cell is and what it holds.
type Row<'g> = Vec<(CellRef, &'g Cell)>;

/// A grid with each column of its sheet found in the header row.
struct Table<'g> {
    sheet: &'static Sheet,
    grid: &'g Grid,
    /// For each of the sheet's columns, the grid's column.
    columns: Vec<usize>,
}

impl<'g> Table<'g> {
    /// The rows below the header with any value, each with its index in the grid.
    fn rows(&self) -> Vec<(usize, Row<'g>)> {
        (1..self.grid.rows.len())
            .filter(|&r| !self.grid.rows[r].iter().all(Cell::is_empty))
            .map(|r| {
                let row = self
                    .columns
                    .iter()
                    .map(|&c| (self.grid.at(r, c), self.grid.cell(r, c)))
                    .collect();
                (r, row)
            })
            .collect()
    }

    fn index(&self, key: &str) -> Option<usize> {
        self.sheet.columns.iter().position(|c| c.key == key)
    }
}

/// Finds each column of `sheet` in the header row of `grid`.
fn table<'g>(
    sheet: &'static Sheet,
    grid: &'g Grid,
    problems: &mut Vec<ImportProblem>,
) -> Option<Table<'g>> {
    let header = grid.rows.first().map(Vec::as_slice).unwrap_or(&[]);
    let mut columns: Vec<Option<usize>> = vec![None; sheet.columns.len()];
    let before = problems.len();
    for (c, cell) in header.iter().enumerate() {
        let text = match cell {
            Cell::Empty => continue,
            Cell::Text(t) if t.trim().is_empty() => continue,
            other => shown(other),
        };
        match sheet.columns.iter().position(|col| col.is_named(&text)) {
            Some(i) if columns[i].is_some() => problems.push(ImportProblem::at(
                grid.at(0, c),
                ImportKind::DuplicateColumn { header: text },
            )),
            Some(i) => columns[i] = Some(c),
            None => problems.push(ImportProblem::at(
                grid.at(0, c),
                ImportKind::UnknownColumn { header: text },
            )),
        }
    }
    for (i, col) in sheet.columns.iter().enumerate() {
        if columns[i].is_none() {
            problems.push(ImportProblem::at(
                grid.at(0, header.len()),
                ImportKind::MissingColumn {
                    header: col.header(),
                },
            ));
        }
    }
    (problems.len() == before).then(|| Table {
        sheet,
        grid,
        columns: columns.into_iter().flatten().collect(),
    })
}

/// The first sheet: one field a row, by key.
fn fields<'g>(
    sheet: &'static Sheet,
    grid: &'g Grid,
    problems: &mut Vec<ImportProblem>,
) -> Option<Row<'g>> {
    let header = grid.rows.first().map(Vec::as_slice).unwrap_or(&[]);
    let find = |key: &str| {
        header
            .iter()
            .position(|c| matches!(c, Cell::Text(t) if t.trim().rsplit(" / ").next().is_some_and(|k| k.trim().eq_ignore_ascii_case(key))))
    };
    let (Some(key_col), Some(value_col)) = (find("field"), find("value")) else {
        for (key, header_text) in [
            ("field", super::layout::FIELD_HEADER),
            ("value", super::layout::VALUE_HEADER),
        ] {
            if find(key).is_none() {
                problems.push(ImportProblem::at(
                    grid.at(0, header.len()),
                    ImportKind::MissingColumn {
                        header: header_text.into(),
                    },
                ));
            }
        }
        return None;
    };
    let mut found: Vec<Option<(CellRef, &Cell)>> = vec![None; sheet.columns.len()];
    let before = problems.len();
    for r in 1..grid.rows.len() {
        let key = match grid.cell(r, key_col) {
            c if c.is_empty() => continue,
            other => shown(other),
        };
        match sheet.columns.iter().position(|c| c.key == key) {
            Some(i) if found[i].is_some() => problems.push(ImportProblem::at(
                grid.at(r, key_col),
                ImportKind::DuplicateField { key },
            )),
            Some(i) => found[i] = Some((grid.at(r, value_col), grid.cell(r, value_col))),
            None => problems.push(ImportProblem::at(
                grid.at(r, key_col),
                ImportKind::UnknownField { key },
            )),
        }
    }
    for (i, col) in sheet.columns.iter().enumerate() {
        if found[i].is_none() {
            problems.push(ImportProblem::at(
                grid.at(grid.rows.len(), key_col),
                ImportKind::MissingField { key: col.key },
            ));
        }
    }
    (problems.len() == before).then(|| found.into_iter().flatten().collect())
}

/// Puts `value` at the dotted `key` within `map`, making the objects on the way.
fn insert(map: &mut Map<String, Value>, key: &str, value: Value) {
    match key.split_once('.') {
        None => {
            map.insert(key.into(), value);
        }
        Some((head, rest)) => {
            let inner = map
                .entry(head.to_string())
                .or_insert_with(|| Value::Object(Map::new()));
            if let Value::Object(inner) = inner {
                insert(inner, rest, value);
            }
        }
    }
}

impl Built {
    /// Notes where `path` came from, unless noted already (a group takes its first cell).
    fn note(&mut self, path: String, cell: &CellRef) {
        self.cells.entry(path).or_insert_with(|| cell.clone());
    }

    /// A cell that cannot be read (at `path`, the field it was for, where there is one).
    fn report(&mut self, cell: &CellRef, path: Option<String>, kind: ImportKind) {
        self.reported.insert(cell.clone());
        let mut problem = ImportProblem::at(cell.clone(), kind);
        problem.path = path;
        self.problems.push(problem);
    }

    /// One row into an object at `path`; `unit` is the unit code of its figures; columns whose
    /// key is in `skip` are the caller's.
    fn object(
        &mut self,
        sheet: &Sheet,
        row: &Row<'_>,
        path: &str,
        unit: Option<&str>,
        skip: &[&str],
    ) -> Map<String, Value> {
        let mut out = Map::new();
        // The optional groups with no value at all are null.
        let empty_groups: Vec<&str> =
            sheet
                .nullable
                .iter()
                .copied()
                .filter(|g| {
                    sheet.columns.iter().zip(row).all(|(c, (_, cell))| {
                        !c.key.starts_with(&format!("{g}.")) || cell.is_empty()
                    })
                })
                .collect();
        for (col, (at, cell)) in sheet.columns.iter().zip(row) {
            if skip
                .iter()
                .any(|s| col.key == *s || col.key.starts_with(&format!("{s}.")))
            {
                continue;
            }
            // Each enclosing object (`result` of `result.value`) is at its first cell.
            let mut prefix = String::new();
            for part in col.key.split('.') {
                if !prefix.is_empty() {
                    self.note(format!("{path}.{prefix}"), at);
                    prefix.push('.');
                }
                prefix.push_str(part);
            }
            self.note(format!("{path}.{}", col.key), at);
            if let Some(g) = empty_groups
                .iter()
                .find(|g| col.key.starts_with(&format!("{g}.")))
            {
                insert(&mut out, g, Value::Null);
                continue;
            }
            match convert(cell, col.kind, unit) {
                Err(kind) => self.report(at, Some(format!("{path}.{}", col.key)), kind),
                Ok(Some(v)) => insert(&mut out, col.key, v),
                Ok(None) => match (col.empty, col.kind) {
                    (Empty::Null, _) => insert(&mut out, col.key, Value::Null),
                    (Empty::Required, Kind::Ids) => insert(&mut out, col.key, Value::Array(vec![])),
                    _ => {}
                },
            }
        }
        out
    }

    /// A tally's pillars, from two columns each (met, assigned): those with a value, in the
    /// order of the format; `null` when none has.
    fn pillars(&mut self, sheet: &Sheet, row: &Row<'_>, path: &str) -> Value {
        let mut list = Vec::new();
        for pillar in crate::snapshot::Pillar::ALL {
            let cell_of = |part: &str| {
                let key = format!("pillars.{}.{part}", pillar.as_str());
                sheet
                    .columns
                    .iter()
                    .position(|c| c.key == key)
                    .and_then(|i| row.get(i))
            };
            let (Some((met_at, met)), Some((assigned_at, assigned))) =
                (cell_of("met"), cell_of("assigned"))
            else {
                continue;
            };
            if met.is_empty() && assigned.is_empty() {
                continue;
            }
            let at = format!("{path}.pillars[{}]", list.len());
            self.note(format!("{path}.pillars"), met_at);
            self.note(at.clone(), met_at);
            self.note(format!("{at}.pillar"), met_at);
            let mut item = Map::new();
            item.insert("pillar".into(), Value::String(pillar.as_str().into()));
            for (key, cell_at, cell) in [("met", met_at, met), ("assigned", assigned_at, assigned)]
            {
                self.note(format!("{at}.{key}"), cell_at);
                match convert(cell, Kind::Whole, None) {
                    Ok(Some(v)) => {
                        item.insert(key.into(), v);
                    }
                    Ok(None) => {}
                    Err(kind) => self.report(cell_at, Some(format!("{at}.{key}")), kind),
                }
            }
            list.push(Value::Object(item));
        }
        if list.is_empty() {
            Value::Null
        } else {
            Value::Array(list)
        }
    }
}

/// The unit code a row's `unit` column names, where it is one.
fn unit_of(table: &Table<'_>, row: &Row<'_>) -> Option<&'static str> {
    let (_, cell) = row.get(table.index("unit")?)?;
    match cell {
        Cell::Text(t) => Words::Unit.code(t),
        _ => None,
    }
}

/// The items of another part's list, by id: where each is in `lists`.
fn ids(items: &[Map<String, Value>]) -> HashMap<String, usize> {
    let mut out = HashMap::new();
    for (i, item) in items.iter().enumerate() {
        if let Some(Value::String(id)) = item.get("id") {
            out.entry(id.clone()).or_insert(i);
        }
    }
    out
}

/// Builds the snapshot's JSON from a workbook, or says why its sheets cannot be read at all.
pub fn build(book: &Book) -> Result<Built, Vec<ImportProblem>> {
    let mut problems = book.problems.clone();
    let mut grids: HashMap<Part, &Grid> = HashMap::new();
    let mut structure = Vec::new();
    for grid in &book.grids {
        match Sheet::named(&grid.name) {
            Some(sheet) if grids.contains_key(&sheet.part) => structure.push(ImportProblem::at(
                grid.at(0, 0),
                ImportKind::DuplicateSheet { name: sheet.name },
            )),
            Some(sheet) => {
                grids.insert(sheet.part, grid);
            }
            None => structure.push(ImportProblem::at(
                grid.at(0, 0),
                ImportKind::UnknownSheet {
                    name: grid.name.clone(),
                },
            )),
        }
    }
    for sheet in SHEETS {
        if !grids.contains_key(&sheet.part) {
            structure.push(ImportProblem::file(ImportKind::MissingSheet {
                name: sheet.name,
            }));
        }
    }
    let mut top = None;
    let mut tables = HashMap::new();
    for sheet in SHEETS {
        let Some(grid) = grids.get(&sheet.part) else {
            continue;
        };
        if sheet.part == Part::Snapshot {
            top = fields(sheet, grid, &mut structure);
        } else if let Some(t) = table(sheet, grid, &mut structure) {
            tables.insert(sheet.part, t);
        }
    }
    let Some(top) = top.filter(|_| structure.is_empty()) else {
        problems.extend(structure);
        return Err(problems);
    };
    let mut built = Built {
        reported: problems.iter().filter_map(|p| p.cell.clone()).collect(),
        problems,
        ..Built::default()
    };
    built.json = built.object(Sheet::of(Part::Snapshot), &top, "$", None, &[]);

    // Each part's items, in the order of its rows.
    let mut lists: HashMap<Part, Vec<Map<String, Value>>> = HashMap::new();
    for part in [
        Part::AsOf,
        Part::Sources,
        Part::Tallies,
        Part::Indicators,
        Part::Goals,
        Part::Initiatives,
        Part::Context,
        Part::Notes,
        Part::Units,
        Part::Groupings,
        Part::Rankings,
        Part::Series,
    ] {
        let Some(t) = tables.get(&part) else { continue };
        let key = list_key(part);
        built.note(format!("$.{key}"), &t.grid.at(0, 0));
        let mut items = Vec::new();
        for (r, row) in t.rows() {
            let path = format!("$.{key}[{}]", items.len());
            built.note(path.clone(), &t.grid.at(r, 0));
            let unit = match part {
                Part::Rankings => Some("score"),
                _ => unit_of(t, &row),
            };
            let skip: &[&str] = if part == Part::Tallies {
                &["pillars"]
            } else {
                &[]
            };
            let mut item = built.object(t.sheet, &row, &path, unit, skip);
            if part == Part::Tallies {
                let pillars = built.pillars(t.sheet, &row, &path);
                item.insert("pillars".into(), pillars);
            }
            if part == Part::Rankings {
                item.insert("entries".into(), Value::Array(vec![]));
            }
            if part == Part::Series {
                item.insert("points".into(), Value::Array(vec![]));
            }
            items.push(item);
        }
        lists.insert(part, items);
    }

    // The items of other parts' lists: later observations, ranking entries, series points.
    for (part, owners) in [
        (
            Part::Reported,
            &[("indicator", Part::Indicators), ("goal", Part::Goals)][..],
        ),
        (Part::Entries, &[("ranking", Part::Rankings)][..]),
        (Part::Points, &[("series", Part::Series)][..]),
    ] {
        let Some(t) = tables.get(&part) else { continue };
        let by_id: Vec<HashMap<String, usize>> = owners
            .iter()
            .map(|(_, p)| ids(lists.get(p).map_or(&[][..], Vec::as_slice)))
            .collect();
        let skip: Vec<&str> = owners.iter().map(|(k, _)| *k).collect();
        for (r, row) in t.rows() {
            let named: Vec<(usize, CellRef, String)> = owners
                .iter()
                .enumerate()
                .filter_map(|(o, (key, _))| {
                    let (at, cell) = row.get(t.index(key)?)?;
                    match convert(cell, Kind::Id, None) {
                        Ok(Some(Value::String(id))) => Some((o, at.clone(), id)),
                        _ => None,
                    }
                })
                .collect();
            let (o, at, id) = match named.as_slice() {
                [one] => one.clone(),
                [] => {
                    let owner = Sheet::of(owners[0].1).name;
                    built.report(&t.grid.at(r, 0), None, ImportKind::NoOwner { sheet: owner });
                    continue;
                }
                _ => {
                    built.report(&named[1].1, None, ImportKind::TwoOwners);
                    continue;
                }
            };
            let owner_part = owners[o].1;
            let Some(&i) = by_id[o].get(&id) else {
                let sheet = Sheet::of(owner_part).name;
                built.report(&at, None, ImportKind::UnknownOwner { id, sheet });
                continue;
            };
            let Some(parent) = lists.get_mut(&owner_part).and_then(|l| l.get_mut(i)) else {
                continue;
            };
            let unit = match part {
                Part::Entries => Some("score"),
                _ => match parent.get("unit") {
                    Some(Value::String(u)) => Some(u.clone()),
                    _ => None,
                }
                .and_then(|u| Words::Unit.code(&u)),
            };
            let list = parent
                .entry(list_key(part))
                .or_insert_with(|| Value::Array(vec![]));
            let k = list.as_array().map_or(0, Vec::len);
            let path = format!("$.{}[{i}].{}[{k}]", list_key(owner_part), list_key(part));
            built.note(path.clone(), &t.grid.at(r, 0));
            let item = built.object(t.sheet, &row, &path, unit, &skip);
            if let Some(Value::Array(list)) = lists
                .get_mut(&owner_part)
                .and_then(|l| l.get_mut(i))
                .and_then(|p| p.get_mut(list_key(part)))
            {
                list.push(Value::Object(item));
            }
        }
    }
    for (part, items) in lists {
        built.json.insert(
            list_key(part).into(),
            Value::Array(items.into_iter().map(Value::Object).collect()),
        );
    }
    Ok(built)
}
