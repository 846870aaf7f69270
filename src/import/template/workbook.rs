//! The template as an XLSX workbook (natively: the writer is not needed in the browser). The
//! header row is bold and frozen; text columns are formatted as text, so that an id typed as
//! `2024-10-15` stays text; full dates are date cells shown `dd/mm/yyyy`; the columns of a
//! closed list offer its Vietnamese words. The document's dates are fixed, so the same snapshot
//! gives the same workbook.

use rust_xlsxwriter::{DataValidation, DocProperties, ExcelDateTime, Format, Workbook, XlsxError};

use super::{sheets, words, Out};
use crate::import::layout::Kind;
use crate::snapshot::Snapshot;

fn width(kind: Kind) -> f64 {
    match kind {
        Kind::Text | Kind::Lines => 48.0,
        Kind::Id | Kind::Ids => 24.0,
        Kind::Date => 12.0,
        _ => 14.0,
    }
}

/// The workbook's bytes.
pub fn xlsx(snapshot: &Snapshot) -> Result<Vec<u8>, String> {
    let sheets = sheets(snapshot)?;
    let e = |e: XlsxError| e.to_string();
    let mut book = Workbook::new();
    let created = ExcelDateTime::from_ymd(2024, 1, 1).map_err(e)?;
    book.set_properties(
        &DocProperties::new()
            .set_title("Chỉ số: mẫu nhập số liệu / data template")
            .set_creation_datetime(&created),
    );
    let header = Format::new().set_bold().set_text_wrap();
    let text = Format::new().set_num_format("@").set_text_wrap();
    let day = Format::new().set_num_format("dd/mm/yyyy");
    for s in &sheets {
        let ws = book.add_worksheet();
        ws.set_name(s.sheet.name).map_err(e)?;
        ws.set_freeze_panes(1, 0).map_err(e)?;
        // The first sheet's columns: field, meaning, value; the others' as in the layout.
        let kinds: Vec<Kind> = if s.header.len() == s.sheet.columns.len() {
            s.sheet.columns.iter().map(|c| c.kind).collect()
        } else {
            vec![Kind::Id, Kind::Text, Kind::Text]
        };
        let last_row = (s.rows.len() as u32).max(1) + 200;
        for (c, head) in s.header.iter().enumerate() {
            let col = c as u16;
            ws.write_string_with_format(0, col, head, &header)
                .map_err(e)?;
            let kind = kinds.get(c).copied().unwrap_or(Kind::Text);
            ws.set_column_width(col, width(kind)).map_err(e)?;
            if matches!(kind, Kind::Text | Kind::Id | Kind::Ids | Kind::Lines) {
                ws.set_column_format(col, &text).map_err(e)?;
            }
            if let Kind::Word(list) = kind {
                let v = DataValidation::new()
                    .allow_list_strings(&words(list))
                    .map_err(e)?;
                ws.add_data_validation(1, col, last_row, col, &v)
                    .map_err(e)?;
            }
        }
        for (r, row) in s.rows.iter().enumerate() {
            let r = r as u32 + 1;
            for (c, out) in row.iter().enumerate() {
                let col = c as u16;
                let is_text = matches!(
                    kinds.get(c),
                    Some(Kind::Text | Kind::Id | Kind::Ids | Kind::Lines)
                );
                match out {
                    Out::Empty => {}
                    Out::Text(t) if is_text => {
                        ws.write_string_with_format(r, col, t, &text).map_err(e)?;
                    }
                    Out::Text(t) => {
                        ws.write_string(r, col, t).map_err(e)?;
                    }
                    Out::Number(v) => {
                        ws.write_number(r, col, *v).map_err(e)?;
                    }
                    Out::Date {
                        year,
                        month,
                        day: d,
                    } => {
                        let date = ExcelDateTime::from_ymd(*year, *month, *d).map_err(e)?;
                        ws.write_datetime_with_format(r, col, &date, &day)
                            .map_err(e)?;
                    }
                }
            }
        }
    }
    book.save_to_buffer().map_err(e)
}
