//! What can be wrong with a spreadsheet and where: the file, a sheet, a cell, or (through the
//! validator) a field of the snapshot it makes, shown at the cell it came from. What each says,
//! in Vietnamese and in English, is in `problem/message.rs`.

use std::fmt;

use crate::i18n::Lang;
use crate::validate::ProblemKind;

mod message;

pub use message::Step;

/// A cell as the data editor sees it: `Chỉ tiêu!C7` (the sheet's name, or the CSV file's).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CellRef {
    pub sheet: String,
    /// From 1, as the spreadsheet numbers its rows.
    pub row: u32,
    /// From 0 (column A).
    pub col: u32,
}

impl CellRef {
    /// The column's letters: 0 → `A`, 25 → `Z`, 26 → `AA`.
    pub fn column(&self) -> String {
        let mut n = self.col + 1;
        let mut out = Vec::new();
        while n > 0 {
            let d = (n - 1) % 26;
            out.push(char::from(b'A' + d as u8));
            n = (n - 1) / 26;
        }
        out.iter().rev().collect()
    }
}

impl fmt::Display for CellRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}!{}{}", self.sheet, self.column(), self.row)
    }
}

/// One thing wrong, and where: the file (where several were given), the cell, and the JSON path
/// of the field it makes (`$.indicators[3].goal.value`), each where known.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportProblem {
    pub file: Option<String>,
    pub cell: Option<CellRef>,
    pub path: Option<String>,
    pub kind: ImportKind,
}

/// A kind of thing a file, a sheet or a cell can be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum What {
    Png,
    Jpeg,
    Gif,
    Pdf,
    /// An Excel 97–2003 `.xls`, or a password-protected workbook (both are OLE files).
    OldExcel,
    OpenDocument,
    /// A zip that is not a workbook (a Word document, an archive).
    OtherZip,
    /// Bytes that are not text.
    Binary,
    Xlsx,
    Csv,
    Json,
    /// In a cell: a number, a date, yes/no.
    Number,
    Date,
    YesNo,
    Duration,
}

/// What can be wrong. [`message`](Self::message) says it in Vietnamese or English.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportKind {
    // The file.
    NoFile,
    Empty,
    TooLarge {
        bytes: u64,
        limit: u64,
    },
    NotASpreadsheet {
        what: What,
    },
    /// Named `.xlsx` (`claimed`) but its bytes are another kind (`found`).
    NotWhatItClaims {
        claimed: What,
        found: What,
    },
    NotUtf8 {
        offset: usize,
    },
    /// The entries of an XLSX declare more bytes, once inflated, than the limit.
    ZipTooLarge {
        bytes: u64,
        limit: u64,
    },
    /// An entry inflates to more than `limit` times its compressed size.
    ZipRatio {
        entry: String,
        ratio: u64,
        limit: u64,
    },
    ZipTooManyEntries {
        entries: usize,
        limit: usize,
    },
    /// A spreadsheet that cannot be read (a truncated file); `detail` is the reader's words.
    Broken {
        detail: String,
    },
    /// Several files given, not all of them CSV.
    MixedFiles,
    // Sheets and columns.
    UnknownSheet {
        name: String,
    },
    MissingSheet {
        name: &'static str,
    },
    /// Two sheets (or CSV files) for one part.
    DuplicateSheet {
        name: &'static str,
    },
    MissingColumn {
        header: String,
    },
    UnknownColumn {
        header: String,
    },
    DuplicateColumn {
        header: String,
    },
    /// A value beyond the last row or column read.
    SheetTooLarge {
        rows: u32,
        columns: u32,
    },
    /// On the first sheet, a field with no row, a row of no field, a field twice.
    MissingField {
        key: &'static str,
    },
    UnknownField {
        key: String,
    },
    DuplicateField {
        key: String,
    },
    // Cells.
    Formula {
        formula: String,
    },
    ErrorValue {
        code: String,
    },
    NotANumber {
        text: String,
    },
    /// `1.234` or `1,234`: a thousands separator or a decimal one. Both readings are written
    /// plainly (`1234`, `1.234`); the Vietnamese message writes the decimal one with a comma.
    Ambiguous {
        text: String,
        thousands: String,
        decimal: String,
    },
    /// A percentage (`93,55%`, or a cell formatted as one) for a figure not in percent.
    PercentNotPercent {
        text: String,
    },
    NotADate {
        text: String,
    },
    /// A date of the right form that does not exist (`31/02/2024`).
    ImpossibleDate {
        text: String,
    },
    /// A date cell with a time of day.
    DateWithTime,
    /// A number, a date or yes/no where text is expected.
    NotText {
        found: What,
    },
    NotYesNo {
        text: String,
    },
    UnknownWord {
        text: String,
        allowed: String,
    },
    /// A row of a sheet that lists another's items (a ranking's entries) that names none.
    NoOwner {
        sheet: &'static str,
    },
    /// A later observation that names both an indicator and a general goal.
    TwoOwners,
    /// A row that names an item (`id`) not listed on `sheet`.
    UnknownOwner {
        id: String,
        sheet: &'static str,
    },
    /// What the validator says of the snapshot the sheets make.
    Invalid(Box<ProblemKind>),
}

impl ImportKind {
    /// A stable name for the kind of problem, for tests and tools.
    pub fn code(&self) -> &'static str {
        use ImportKind::*;
        match self {
            NoFile => "no_file",
            Empty => "empty",
            TooLarge { .. } => "too_large",
            NotASpreadsheet { .. } => "not_a_spreadsheet",
            NotWhatItClaims { .. } => "not_what_it_claims",
            NotUtf8 { .. } => "not_utf8",
            ZipTooLarge { .. } => "zip_too_large",
            ZipRatio { .. } => "zip_ratio",
            ZipTooManyEntries { .. } => "zip_too_many_entries",
            Broken { .. } => "broken",
            MixedFiles => "mixed_files",
            UnknownSheet { .. } => "unknown_sheet",
            MissingSheet { .. } => "missing_sheet",
            DuplicateSheet { .. } => "duplicate_sheet",
            MissingColumn { .. } => "missing_column",
            UnknownColumn { .. } => "unknown_column",
            DuplicateColumn { .. } => "duplicate_column",
            SheetTooLarge { .. } => "sheet_too_large",
            MissingField { .. } => "missing_field",
            UnknownField { .. } => "unknown_field",
            DuplicateField { .. } => "duplicate_field",
            Formula { .. } => "formula",
            ErrorValue { .. } => "error_value",
            NotANumber { .. } => "not_a_number",
            Ambiguous { .. } => "ambiguous",
            PercentNotPercent { .. } => "percent_not_percent",
            NotADate { .. } => "not_a_date",
            ImpossibleDate { .. } => "impossible_date",
            DateWithTime => "date_with_time",
            NotText { .. } => "not_text",
            NotYesNo { .. } => "not_yes_no",
            UnknownWord { .. } => "unknown_word",
            NoOwner { .. } => "no_owner",
            TwoOwners => "two_owners",
            UnknownOwner { .. } => "unknown_owner",
            Invalid(k) => k.code(),
        }
    }
}

impl ImportProblem {
    pub fn file(kind: ImportKind) -> Self {
        ImportProblem {
            file: None,
            cell: None,
            path: None,
            kind,
        }
    }

    pub fn at(cell: CellRef, kind: ImportKind) -> Self {
        ImportProblem {
            file: None,
            cell: Some(cell),
            path: None,
            kind,
        }
    }

    pub fn in_file(mut self, name: &str) -> Self {
        self.file = Some(name.to_string());
        self
    }

    /// Where, as the editor reads it: `Chỉ tiêu!C7: $.indicators[3].goal.value`, the cell or
    /// the path alone where only one is known, `$` for the file as a whole.
    pub fn place(&self) -> String {
        match (&self.cell, &self.path) {
            (Some(c), Some(p)) => format!("{c}: {p}"),
            (Some(c), None) => c.to_string(),
            (None, Some(p)) => p.clone(),
            (None, None) => "$".into(),
        }
    }

    /// The one line a command-line tool prints for this problem in `file`, as `chiso-check`
    /// prints a problem: the place, then the message in English and in Vietnamese.
    pub fn line(&self, file: &str) -> String {
        let file = self.file.as_deref().unwrap_or(file);
        format!(
            "{file}: {}: {} / {}",
            self.place(),
            self.kind.message(Lang::En),
            self.kind.message(Lang::Vi)
        )
    }
}

impl fmt::Display for ImportProblem {
    /// English, for logs.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.place(), self.kind.message(Lang::En))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_is_named_as_the_spreadsheet_names_it() {
        let c = |col| CellRef {
            sheet: "Chỉ tiêu".into(),
            row: 7,
            col,
        };
        assert_eq!(c(2).to_string(), "Chỉ tiêu!C7");
        assert_eq!(c(25).column(), "Z");
        assert_eq!(c(26).column(), "AA");
        assert_eq!(c(701).column(), "ZZ");
        assert_eq!(c(702).column(), "AAA");
    }
}
