//! The template from a snapshot: every part of it in the sheets and columns of `layout`, so that
//! importing the template gives the snapshot back exactly (a test holds this for the bundled
//! one). The cells are written as an editor would: words in Vietnamese (`đạt`, `chính quyền
//! số`), ids in lists separated by `, `, full dates as dates (`15/10/2024`), numbers as numbers
//! (in CSV with a decimal comma: `0,7353`).
//!
//! CSV comes in two forms: one file per sheet (`csv`), and all sheets in one file under their
//! section rows (`csv_single`). The XLSX form is written natively (`workbook`).

use serde_json::Value;

use super::layout::{Kind, Part, Sheet, Words, FIELD_HEADER, MEANING_HEADER, SHEETS, VALUE_HEADER};
use super::read;
use crate::snapshot::Snapshot;

#[cfg(not(target_arch = "wasm32"))]
mod workbook;
#[cfg(not(target_arch = "wasm32"))]
pub use workbook::xlsx;

/// One cell to write.
#[derive(Debug, Clone, PartialEq)]
pub enum Out {
    Empty,
    Text(String),
    Number(f64),
    Date { year: u16, month: u8, day: u8 },
}

/// One sheet to write: its header row, then its rows.
#[derive(Debug, Clone)]
pub struct SheetOut {
    pub sheet: &'static Sheet,
    pub header: Vec<String>,
    pub rows: Vec<Vec<Out>>,
}

/// The value at a dotted key (`result.value`) of an item, `null` where there is none.
fn at<'v>(item: &'v Value, key: &str) -> &'v Value {
    key.split('.')
        .try_fold(item, |v, k| v.get(k))
        .unwrap_or(&Value::Null)
}

/// One value as its column's kind writes it; an error names what cannot be written.
fn cell(value: &Value, kind: Kind) -> Result<Out, String> {
    let text = |v: &Value| v.as_str().map(str::to_string);
    Ok(match (value, kind) {
        (Value::Null, _) => Out::Empty,
        (Value::Bool(true), Kind::YesNo) => Out::Text("có".into()),
        (Value::Bool(false), Kind::YesNo) => Out::Empty,
        (Value::Number(n), _) => Out::Number(n.as_f64().ok_or("a number out of range")?),
        (Value::String(code), Kind::Word(words)) => Out::Text(
            words
                .word(code)
                .ok_or_else(|| format!("`{code}` is not one of {}", words.allowed()))?
                .into(),
        ),
        (Value::String(s), Kind::Date) => date(s),
        (Value::String(s), _) => Out::Text(s.clone()),
        (Value::Array(items), Kind::Ids) => {
            Out::Text(items.iter().filter_map(text).collect::<Vec<_>>().join(", "))
        }
        (Value::Array(items), Kind::Lines) => {
            let lines: Vec<String> = items.iter().filter_map(text).collect();
            if let Some(bad) = lines
                .iter()
                .find(|l| l.contains('\n') || l.trim().is_empty())
            {
                return Err(format!("{bad:?} cannot be one line of a cell"));
            }
            Out::Text(lines.join("\n"))
        }
        (other, _) => return Err(format!("{other} cannot be written in a {kind:?} column")),
    })
}

/// A date of the format as an editor writes it: a full date as a date; `2025-10` as `10/2025`.
fn date(iso: &str) -> Out {
    let parts: Vec<&str> = iso.split('-').collect();
    let num = |s: &str| s.parse::<u16>().ok();
    match parts.as_slice() {
        [y, m, d] => match (num(y), num(m), num(d)) {
            (Some(year), Some(month), Some(day)) => Out::Date {
                year,
                month: month as u8,
                day: day as u8,
            },
            _ => Out::Text(iso.into()),
        },
        [y, m] => Out::Text(format!("{m}/{y}")),
        _ => Out::Text(iso.into()),
    }
}

/// A row of a list sheet from one item; `owner` fills the columns naming the item it belongs to.
fn row(sheet: &Sheet, item: &Value, owner: &[(&str, &str)]) -> Result<Vec<Out>, String> {
    sheet
        .columns
        .iter()
        .map(|c| {
            if let Some((_, id)) = owner.iter().find(|(k, _)| *k == c.key) {
                return Ok(Out::Text((*id).into()));
            }
            if let Some(rest) = c.key.strip_prefix("pillars.") {
                // `pillars.digital_government.met`: from the list of pillars.
                let (pillar, part) = rest.split_once('.').unwrap_or((rest, ""));
                let found = item["pillars"]
                    .as_array()
                    .and_then(|ps| ps.iter().find(|p| p["pillar"] == pillar));
                return cell(found.map_or(&Value::Null, |p| &p[part]), c.kind);
            }
            cell(at(item, c.key), c.kind)
        })
        .collect()
}

/// Every sheet of the template, filled with the snapshot.
pub fn sheets(snapshot: &Snapshot) -> Result<Vec<SheetOut>, String> {
    let json = serde_json::to_value(snapshot).map_err(|e| e.to_string())?;
    let list = |key: &str| json[key].as_array().cloned().unwrap_or_default();
    let id_of = |v: &Value| v["id"].as_str().unwrap_or("").to_string();
    SHEETS
        .iter()
        .map(|sheet| {
            let columns = sheet.columns;
            let mut rows = Vec::new();
            let header = if sheet.part == Part::Snapshot {
                for c in columns {
                    rows.push(vec![
                        Out::Text(c.key.into()),
                        Out::Text(super::layout::meaning(c.key).into()),
                        cell(at(&json, c.key), c.kind)?,
                    ]);
                }
                vec![
                    FIELD_HEADER.into(),
                    MEANING_HEADER.into(),
                    VALUE_HEADER.into(),
                ]
            } else {
                let children: Vec<(&str, &str, &str)> = match sheet.part {
                    Part::Reported => vec![
                        ("indicators", "indicator", "reported"),
                        ("goals", "goal", "reported"),
                    ],
                    Part::Entries => vec![("rankings", "ranking", "entries")],
                    Part::Points => vec![("series", "series", "points")],
                    _ => vec![],
                };
                if children.is_empty() {
                    let key = super::build::list_key(sheet.part);
                    for item in list(key) {
                        rows.push(row(sheet, &item, &[])?);
                    }
                }
                for (parent_key, owner_key, child_key) in children {
                    for parent in list(parent_key) {
                        let id = id_of(&parent);
                        for item in parent[child_key].as_array().cloned().unwrap_or_default() {
                            rows.push(row(sheet, &item, &[(owner_key, &id)])?);
                        }
                    }
                }
                columns.iter().map(|c| c.header()).collect()
            };
            Ok(SheetOut {
                sheet,
                header,
                rows,
            })
        })
        .collect()
}

/// A number with a decimal comma, and where `1,234` would be ambiguous, a trailing zero
/// (`1,2340`: the same value, and only one reading).
pub fn decimal_comma(v: f64) -> String {
    let s = read::shortest(v).replace('.', ",");
    match read::number(&s) {
        Err(super::ImportKind::Ambiguous { .. }) => format!("{s}0"),
        _ => s,
    }
}

fn csv_text(out: &Out) -> String {
    match out {
        Out::Empty => String::new(),
        Out::Text(t) => t.clone(),
        Out::Number(v) => decimal_comma(*v),
        Out::Date { year, month, day } => format!("{day:02}/{month:02}/{year:04}"),
    }
}

fn csv_records(sheet: &SheetOut, w: &mut csv::Writer<Vec<u8>>) -> Result<(), String> {
    w.write_record(&sheet.header).map_err(|e| e.to_string())?;
    for r in &sheet.rows {
        w.write_record(r.iter().map(csv_text))
            .map_err(|e| e.to_string())?;
    }
    Ok(())
}

fn writer() -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .flexible(true)
        .from_writer(Vec::new())
}

fn finish(w: csv::Writer<Vec<u8>>) -> Result<String, String> {
    let bytes = w.into_inner().map_err(|e| e.to_string())?;
    // A byte-order mark, so that a spreadsheet opens the file as UTF-8.
    Ok(format!(
        "\u{feff}{}",
        String::from_utf8(bytes).map_err(|e| e.to_string())?
    ))
}

/// One sheet as its CSV file (`chi-tieu.csv`).
pub fn csv(sheet: &SheetOut) -> Result<String, String> {
    let mut w = writer();
    csv_records(sheet, &mut w)?;
    finish(w)
}

/// All sheets in one CSV file, each under its section row (`# Chỉ tiêu`).
pub fn csv_single(sheets: &[SheetOut]) -> Result<String, String> {
    let mut w = writer();
    for s in sheets {
        w.write_record([format!("# {}", s.sheet.name)])
            .map_err(|e| e.to_string())?;
        csv_records(s, &mut w)?;
    }
    finish(w)
}

/// The words of a closed list, for a data validation list in the workbook.
pub fn words(words: Words) -> Vec<&'static str> {
    words.table().iter().map(|(_, vi, _)| *vi).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_is_written_with_a_decimal_comma_and_never_ambiguously() {
        assert_eq!(decimal_comma(0.7353), "0,7353");
        assert_eq!(decimal_comma(93.55), "93,55");
        assert_eq!(decimal_comma(100.0), "100");
        assert_eq!(decimal_comma(12.345), "12,3450");
        assert_eq!(decimal_comma(0.777), "0,777");
        for v in [12.345, 1.5, 999.999, 0.001, 1234.567] {
            let back = read::number(&decimal_comma(v)).expect("reads");
            assert_eq!(back.decimal.parse::<f64>().ok(), Some(v));
        }
    }

    #[test]
    fn a_service_with_a_line_break_cannot_be_written_as_one_line() {
        let v = serde_json::json!(["a\nb"]);
        assert!(cell(&v, Kind::Lines).is_err());
    }
}
