//! Importing a spreadsheet laid out as the template: the committed template (XLSX, CSV files,
//! one CSV file) gives back the bundled snapshot exactly, and what an editor can get wrong in a
//! cell, a sheet or a file is refused with its place and words in both languages.

use std::path::{Path, PathBuf};

use chiso::i18n::Lang;
use chiso::import::{import, template, to_pretty_json, workbook, ImportKind, ImportProblem, Input};
use chiso::snapshot::Snapshot;
use chiso::validate::parse_snapshot;

const BUNDLED: &str = "public/data/ba-ria-vung-tau-2023.json";
const XLSX: &str = "public/templates/ba-ria-vung-tau-2023.xlsx";
const CSV_DIR: &str = "public/templates/ba-ria-vung-tau-2023";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(rel: &str) -> Vec<u8> {
    std::fs::read(root().join(rel)).expect("readable")
}

fn bundled() -> Snapshot {
    parse_snapshot(&read(BUNDLED)).expect("the bundled snapshot is valid")
}

/// The template's CSV files, in the layout's order.
fn csv_files() -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join(CSV_DIR))
        .expect("the CSV template")
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned());
            (
                name.unwrap_or_default(),
                std::fs::read(&p).expect("readable"),
            )
        })
        .collect()
}

fn import_one(name: &str, bytes: &[u8]) -> Result<Snapshot, Vec<ImportProblem>> {
    import(&[Input { name, bytes }], None).map(|i| i.snapshot)
}

fn lines(problems: &[ImportProblem]) -> String {
    problems
        .iter()
        .map(|p| p.line("x"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_bundled_file_is_written_as_the_importer_writes_a_snapshot() {
    let bytes = read(BUNDLED);
    assert_eq!(
        to_pretty_json(&bundled()),
        String::from_utf8(bytes).expect("UTF-8"),
        "public/data/ba-ria-vung-tau-2023.json is not in the form to_pretty_json writes"
    );
}

#[test]
fn the_xlsx_template_gives_back_the_bundled_snapshot_exactly() {
    let got = import_one("ba-ria-vung-tau-2023.xlsx", &read(XLSX))
        .unwrap_or_else(|p| panic!("{}", lines(&p)));
    assert_eq!(got, bundled());
    assert_eq!(to_pretty_json(&got).as_bytes(), read(BUNDLED).as_slice());
}

#[test]
fn the_csv_template_gives_back_the_bundled_snapshot_exactly() {
    let files = csv_files();
    let inputs: Vec<Input> = files
        .iter()
        .map(|(name, bytes)| Input { name, bytes })
        .collect();
    let got = import(&inputs, None)
        .unwrap_or_else(|p| panic!("{}", lines(&p)))
        .snapshot;
    assert_eq!(got, bundled());
    assert_eq!(to_pretty_json(&got).as_bytes(), read(BUNDLED).as_slice());
}

#[test]
fn all_sheets_in_one_csv_file_give_back_the_bundled_snapshot() {
    let sheets = template::sheets(&bundled()).expect("writable");
    let one = template::csv_single(&sheets).expect("writable");
    let got = import_one("mau.csv", one.as_bytes()).unwrap_or_else(|p| panic!("{}", lines(&p)));
    assert_eq!(got, bundled());
}

#[test]
fn the_committed_template_is_what_the_generator_writes() {
    // CSV: byte for byte.
    let sheets = template::sheets(&bundled()).expect("writable");
    let committed = csv_files();
    assert_eq!(committed.len(), sheets.len(), "one CSV file per sheet");
    for sheet in &sheets {
        let name = format!("{}.csv", sheet.sheet.file);
        let file = committed
            .iter()
            .find(|(n, _)| *n == name)
            .unwrap_or_else(|| panic!("{name} is missing"));
        assert_eq!(
            String::from_utf8_lossy(&file.1),
            template::csv(sheet).expect("writable"),
            "{name} differs from what `chiso-template` writes"
        );
    }
    // XLSX: cell for cell (the zip's bytes may differ with the compressor's version).
    let generated = template::xlsx(&bundled()).expect("writable");
    let read_cells = |bytes: &[u8]| {
        workbook(Input {
            name: "t.xlsx",
            bytes,
        })
        .unwrap_or_else(|p| panic!("{}", lines(&p)))
    };
    assert_eq!(
        read_cells(&read(XLSX)),
        read_cells(&generated),
        "{XLSX} differs from what `chiso-template` writes: run it again"
    );
}

/// Each kind of import problem's place in `every_kind`: no wildcard, so a new kind does not
/// compile until it is listed there.
fn index(k: &ImportKind) -> usize {
    use ImportKind::*;
    match k {
        NoFile => 0,
        Empty => 1,
        TooLarge { .. } => 2,
        NotASpreadsheet { .. } => 3,
        NotWhatItClaims { .. } => 4,
        NotUtf8 { .. } => 5,
        ZipTooLarge { .. } => 6,
        ZipRatio { .. } => 7,
        ZipTooManyEntries { .. } => 8,
        Broken { .. } => 9,
        MixedFiles => 10,
        UnknownSheet { .. } => 11,
        MissingSheet { .. } => 12,
        DuplicateSheet { .. } => 13,
        MissingColumn { .. } => 14,
        UnknownColumn { .. } => 15,
        DuplicateColumn { .. } => 16,
        SheetTooLarge { .. } => 17,
        MissingField { .. } => 18,
        UnknownField { .. } => 19,
        DuplicateField { .. } => 20,
        Formula { .. } => 21,
        ErrorValue { .. } => 22,
        NotANumber { .. } => 23,
        Ambiguous { .. } => 24,
        PercentNotPercent { .. } => 25,
        NotADate { .. } => 26,
        ImpossibleDate { .. } => 27,
        DateWithTime => 28,
        NotText { .. } => 29,
        NotYesNo { .. } => 30,
        UnknownWord { .. } => 31,
        NoOwner { .. } => 32,
        TwoOwners => 33,
        UnknownOwner { .. } => 34,
        Invalid(_) => 35,
    }
}

fn every_kind() -> Vec<ImportKind> {
    use chiso::import::What;
    use ImportKind::*;
    let s = || "x".to_string();
    let mut all = vec![
        NoFile,
        Empty,
        TooLarge { bytes: 9, limit: 5 },
        NotWhatItClaims {
            claimed: What::Xlsx,
            found: What::Csv,
        },
        NotUtf8 { offset: 1 },
        ZipTooLarge { bytes: 9, limit: 5 },
        ZipRatio {
            entry: s(),
            ratio: 900,
            limit: 100,
        },
        ZipTooManyEntries {
            entries: 9,
            limit: 5,
        },
        Broken { detail: s() },
        MixedFiles,
        UnknownSheet { name: s() },
        MissingSheet { name: "Nguồn" },
        DuplicateSheet { name: "Nguồn" },
        MissingColumn { header: s() },
        UnknownColumn { header: s() },
        DuplicateColumn { header: s() },
        SheetTooLarge {
            rows: 1,
            columns: 1,
        },
        MissingField { key: "id" },
        UnknownField { key: s() },
        DuplicateField { key: s() },
        Formula { formula: s() },
        ErrorValue { code: s() },
        NotANumber { text: s() },
        Ambiguous {
            text: "1.234".into(),
            thousands: "1234".into(),
            decimal: "1.234".into(),
        },
        PercentNotPercent { text: s() },
        NotADate { text: s() },
        ImpossibleDate { text: s() },
        DateWithTime,
        NotYesNo { text: s() },
        UnknownWord {
            text: s(),
            allowed: s(),
        },
        NoOwner {
            sheet: "Xếp hạng"
        },
        TwoOwners,
        UnknownOwner {
            id: s(),
            sheet: "Xếp hạng",
        },
        Invalid(Box::new(chiso::validate::ProblemKind::NoSources)),
    ];
    for what in [
        What::Png,
        What::Jpeg,
        What::Gif,
        What::Pdf,
        What::OldExcel,
        What::OpenDocument,
        What::OtherZip,
        What::Binary,
        What::Xlsx,
        What::Csv,
        What::Json,
    ] {
        all.push(NotASpreadsheet { what });
    }
    for found in [What::Number, What::Date, What::YesNo, What::Duration] {
        all.push(NotText { found });
    }
    all
}

#[test]
fn every_message_is_said_in_both_languages() {
    let all = every_kind();
    let mut seen = [false; 36];
    for k in &all {
        seen[index(k)] = true;
        let (vi, en) = (k.message(Lang::Vi), k.message(Lang::En));
        assert!(!vi.is_empty() && !en.is_empty(), "{k:?}");
        assert_ne!(vi, en, "{k:?} says the same in both languages");
        // Vietnamese has its diacritics; English has none of them.
        assert!(!vi.is_ascii(), "{k:?}: {vi}");
    }
    let missing: Vec<usize> = (0..seen.len()).filter(|&i| !seen[i]).collect();
    assert!(missing.is_empty(), "kinds not listed: {missing:?}");
}

// ---- Changing one cell of the CSV template. ----

/// The CSV template with one cell changed: in `file`, on the `row`-th row under the header
/// (from 1), in the column whose key is `key`.
fn csv_with(file: &str, row: usize, key: &str, value: &str) -> Vec<(String, Vec<u8>)> {
    let mut files = csv_files();
    let (_, bytes) = files
        .iter_mut()
        .find(|(n, _)| n == file)
        .unwrap_or_else(|| panic!("{file}"));
    let text = String::from_utf8(bytes.clone()).expect("UTF-8");
    let mut records: Vec<Vec<String>> = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes())
        .records()
        .map(|r| r.expect("a record").iter().map(str::to_string).collect())
        .collect();
    let col = records[0]
        .iter()
        .position(|h| h.ends_with(&format!(" / {key}")))
        .unwrap_or_else(|| panic!("{key}"));
    records[row][col] = value.to_string();
    let mut w = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Vec::new());
    for r in &records {
        w.write_record(r).expect("writes");
    }
    *bytes = w.into_inner().expect("written");
    files
}

fn import_files(files: &[(String, Vec<u8>)]) -> Result<Snapshot, Vec<ImportProblem>> {
    let inputs: Vec<Input> = files
        .iter()
        .map(|(name, bytes)| Input { name, bytes })
        .collect();
    import(&inputs, None).map(|i| i.snapshot)
}

/// The one problem an import has, as (place, code).
fn only_problem(result: Result<Snapshot, Vec<ImportProblem>>) -> ImportProblem {
    let problems = result.expect_err("refused");
    assert_eq!(problems.len(), 1, "{}", lines(&problems));
    problems.into_iter().next().expect("one")
}

#[test]
fn a_decimal_comma_and_a_percent_sign_are_read_exactly() {
    let files = csv_with("chi-tieu.csv", 1, "result.value", "93,55%");
    let got = import_files(&files).unwrap_or_else(|p| panic!("{}", lines(&p)));
    let result = got.indicators[0].result.as_ref().expect("a result");
    assert_eq!(result.value, 93.55);
    let files = csv_with("so-lieu-khac.csv", 1, "value", "0,6");
    let got = import_files(&files).unwrap_or_else(|p| panic!("{}", lines(&p)));
    assert_eq!(got.context[0].value, Some(0.6));
}

#[test]
fn a_number_that_reads_two_ways_is_flagged_at_its_cell_never_guessed() {
    let p = only_problem(import_files(&csv_with(
        "ket-qua.csv",
        1,
        "overall.assigned",
        "1.234",
    )));
    assert_eq!(p.kind.code(), "ambiguous");
    assert_eq!(p.place(), "ket-qua.csv!E2: $.tallies[0].overall.assigned");
    assert!(p.kind.message(Lang::Vi).contains("1,234 (dấu thập phân)"));
    assert!(p.kind.message(Lang::En).contains("1.234 (a decimal mark)"));
}

#[test]
fn a_percentage_for_a_score_is_refused() {
    let p = only_problem(import_files(&csv_with(
        "so-lieu-khac.csv",
        1,
        "value",
        "73,53%",
    )));
    assert_eq!(p.kind.code(), "percent_not_percent");
    assert_eq!(p.place(), "so-lieu-khac.csv!F2: $.context[0].value");
}

#[test]
fn a_vietnamese_date_is_day_first() {
    let files = csv_with("nguon.csv", 2, "date", "05/06/2024");
    let got = import_files(&files).unwrap_or_else(|p| panic!("{}", lines(&p)));
    assert_eq!(got.sources[1].date.as_deref(), Some("2024-06-05"));
}

#[test]
fn an_impossible_date_is_an_error_naming_the_cell() {
    let p = only_problem(import_files(&csv_with(
        "nguon.csv",
        2,
        "date",
        "31/02/2024",
    )));
    assert_eq!(p.kind.code(), "impossible_date");
    assert_eq!(p.place(), "nguon.csv!E3: $.sources[1].date");
}

#[test]
fn a_deleted_value_is_named_at_its_cell() {
    // A count left empty: the validator's "missing", shown where the count was.
    let p = only_problem(import_files(&csv_with("ket-qua.csv", 1, "overall.met", "")));
    assert_eq!(p.kind.code(), "missing");
    assert_eq!(p.place(), "ket-qua.csv!D2: $.tallies[0].overall.met");
    // A result's value left empty while its as-of and sources stay.
    let p = only_problem(import_files(&csv_with(
        "chi-tieu.csv",
        1,
        "result.value",
        "",
    )));
    assert_eq!(p.kind.code(), "missing");
    assert_eq!(p.place(), "chi-tieu.csv!F2: $.indicators[0].result.value");
    assert!(p.line("x").contains("required field `value` is missing"));
}

#[test]
fn what_the_validator_says_of_a_field_is_shown_at_its_cell() {
    // The full-year tally, which has no split by pillar.
    let p = only_problem(import_files(&csv_with(
        "ket-qua.csv",
        2,
        "overall.met",
        "40",
    )));
    assert_eq!(p.kind.code(), "met_over_assigned");
    assert_eq!(p.cell.expect("a cell").to_string(), "ket-qua.csv!D3");
    let p = only_problem(import_files(&csv_with(
        "chi-tieu.csv",
        1,
        "result.sources",
        "vnpthcm-33-39-2023, khong-co",
    )));
    assert_eq!(p.kind.code(), "unknown_source");
    assert_eq!(p.cell.expect("a cell").to_string(), "chi-tieu.csv!H2");
}

#[test]
fn a_row_naming_an_unknown_item_is_refused_at_its_cell() {
    let p = only_problem(import_files(&csv_with(
        "thu-hang.csv",
        3,
        "ranking",
        "dti-2021",
    )));
    assert_eq!(p.kind.code(), "unknown_owner");
    assert_eq!(p.place(), "thu-hang.csv!A4");
}

#[test]
fn an_unknown_word_lists_the_words_allowed() {
    let p = only_problem(import_files(&csv_with("chi-tieu.csv", 1, "status", "xong")));
    assert_eq!(p.kind.code(), "unknown_word");
    assert!(p.kind.message(Lang::Vi).contains("\"đạt\" (met)"));
}

#[test]
fn a_renamed_sheet_or_column_stops_the_import_with_what_is_missing() {
    let mut files = csv_files();
    for (name, _) in files.iter_mut() {
        if name == "chi-tieu.csv" {
            *name = "chi-tieu-moi.csv".into();
        }
    }
    let problems = import_files(&files).expect_err("refused");
    let codes: Vec<&str> = problems.iter().map(|p| p.kind.code()).collect();
    assert_eq!(
        codes,
        ["missing_sheet", "unknown_sheet"],
        "{}",
        lines(&problems)
    );
    assert!(problems[0].line("x").contains("Chỉ tiêu"));

    let files = csv_with("chi-tieu.csv", 0, "unit", "Đơn vị");
    let problems = import_files(&files).expect_err("refused");
    let codes: Vec<&str> = problems.iter().map(|p| p.kind.code()).collect();
    assert_eq!(
        codes,
        ["unknown_column", "missing_column"],
        "{}",
        lines(&problems)
    );
    assert_eq!(problems[0].place(), "chi-tieu.csv!E1");
}

// ---- Workbooks written here. ----

/// The XLSX template of the bundled snapshot with `edit` applied to its sheets.
fn xlsx_with(edit: impl Fn(&str, &mut rust_xlsxwriter::Worksheet)) -> Vec<u8> {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    let day = Format::new().set_num_format("dd/mm/yyyy");
    for s in template::sheets(&bundled()).expect("writable") {
        let ws = book.add_worksheet();
        ws.set_name(s.sheet.name).expect("a name");
        for (c, h) in s.header.iter().enumerate() {
            ws.write_string(0, c as u16, h).expect("written");
        }
        for (r, row) in s.rows.iter().enumerate() {
            for (c, out) in row.iter().enumerate() {
                let (r, c) = (r as u32 + 1, c as u16);
                match out {
                    template::Out::Empty => {}
                    template::Out::Text(t) => {
                        ws.write_string(r, c, t).expect("written");
                    }
                    template::Out::Number(v) => {
                        ws.write_number(r, c, *v).expect("written");
                    }
                    template::Out::Date {
                        year,
                        month,
                        day: d,
                    } => {
                        let date = ExcelDateTime::from_ymd(*year, *month, *d).expect("a date");
                        ws.write_datetime_with_format(r, c, &date, &day)
                            .expect("written");
                    }
                }
            }
        }
        edit(s.sheet.name, ws);
    }
    book.save_to_buffer().expect("saved")
}

#[test]
fn a_cell_formatted_as_a_percentage_is_read_as_the_percentage() {
    let bytes = xlsx_with(|sheet, ws| {
        if sheet == "Chỉ tiêu" {
            let pct = rust_xlsxwriter::Format::new().set_num_format("0.00%");
            ws.write_number_with_format(1, 5, 0.9355, &pct)
                .expect("written");
        }
    });
    let got = import_one("t.xlsx", &bytes).unwrap_or_else(|p| panic!("{}", lines(&p)));
    assert_eq!(
        got.indicators[0].result.as_ref().map(|r| r.value),
        Some(93.55)
    );
}

#[test]
fn a_formula_is_refused_at_its_cell_with_the_words_to_paste_values() {
    let bytes = xlsx_with(|sheet, ws| {
        if sheet == "Kết quả" {
            ws.write_formula(1, 3, "=30+3").expect("written");
        }
    });
    let p = only_problem(import_one("t.xlsx", &bytes));
    assert_eq!(p.kind.code(), "formula");
    assert_eq!(p.place(), "Kết quả!D2");
    assert!(p.kind.message(Lang::Vi).contains("Dán đặc biệt"));
    assert!(p.kind.message(Lang::En).contains("Paste Special → Values"));
}

#[test]
fn a_date_cell_in_an_id_column_is_read_as_the_iso_day() {
    let bytes = xlsx_with(|sheet, ws| {
        if sheet == "Thời điểm" {
            let day = rust_xlsxwriter::Format::new().set_num_format("dd/mm/yyyy");
            let date = rust_xlsxwriter::ExcelDateTime::from_ymd(2024, 10, 15).expect("a date");
            // `2024-10-15`, the fifth as-of's id, typed into a spreadsheet that made it a date.
            ws.write_datetime_with_format(5, 0, &date, &day)
                .expect("written");
        }
    });
    let got = import_one("t.xlsx", &bytes).unwrap_or_else(|p| panic!("{}", lines(&p)));
    assert_eq!(got, bundled());
}

#[test]
fn a_png_is_refused_by_its_bytes() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01";
    let p = only_problem(import_one("bang.xlsx", png));
    assert_eq!(p.kind.code(), "not_a_spreadsheet");
    assert!(p.kind.message(Lang::En).contains("a PNG image"));
    assert!(p.kind.message(Lang::Vi).contains("ảnh PNG"));
}

#[test]
fn an_oversized_file_is_refused_before_it_is_read() {
    let big = vec![b'a'; 5 * 1024 * 1024 + 1];
    let p = only_problem(import_one("big.csv", &big));
    assert_eq!(p.kind.code(), "too_large");
    assert!(p
        .kind
        .message(Lang::En)
        .contains("over the limit of 5242880 bytes"));
}

/// A zip with a workbook's entry and `sheet` bytes of zeros as a sheet.
fn zip_of(sheet: usize) -> Vec<u8> {
    use std::io::Write;
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let deflated = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(false);
    out.start_file("xl/workbook.xml", deflated).expect("entry");
    out.write_all(b"<workbook/>").expect("written");
    out.start_file("xl/worksheets/sheet1.xml", deflated)
        .expect("entry");
    let zeros = vec![0u8; 1024 * 1024];
    for _ in 0..sheet / zeros.len() {
        out.write_all(&zeros).expect("written");
    }
    out.finish().expect("finished").into_inner()
}

#[test]
fn a_zip_bomb_is_refused_from_its_central_directory() {
    let bomb = zip_of(60 * 1024 * 1024);
    assert!(bomb.len() < 200 * 1024, "{} bytes", bomb.len());
    let p = only_problem(import_one("bomb.xlsx", &bomb));
    assert_eq!(p.kind.code(), "zip_too_large");
    assert!(p
        .kind
        .message(Lang::En)
        .contains("would inflate to 62914571 bytes"));
    // Under the total but inflating a thousand times.
    let p = only_problem(import_one("bomb.xlsx", &zip_of(8 * 1024 * 1024)));
    assert_eq!(p.kind.code(), "zip_ratio");
    assert!(p
        .kind
        .message(Lang::Vi)
        .contains("xl/worksheets/sheet1.xml"));
}

#[test]
fn a_broken_spreadsheet_is_named_as_such() {
    let whole = read(XLSX);
    let p = only_problem(import_one("cut.xlsx", &whole[..whole.len() / 2]));
    assert_eq!(p.kind.code(), "broken");
    assert!(p
        .kind
        .message(Lang::Vi)
        .starts_with("không đọc được bảng tính"));
}

#[test]
fn a_snapshot_json_is_checked_as_chiso_check_checks_it() {
    let got = import_one("x.json", &read(BUNDLED)).unwrap_or_else(|p| panic!("{}", lines(&p)));
    assert_eq!(got, bundled());
    let p = only_problem(import_one("x.json", b"{\"schema_version\": 1"));
    assert_eq!(p.kind.code(), "syntax");
}

#[test]
fn the_first_sheet_names_each_field_once() {
    let files = csv_with("bo-so-lieu.csv", 15, "field", "period.goal_yaer");
    let problems = import_files(&files).expect_err("refused");
    let got: Vec<(String, &str)> = problems
        .iter()
        .map(|p| (p.place(), p.kind.code()))
        .collect();
    assert_eq!(
        got,
        [
            ("bo-so-lieu.csv!A16".to_string(), "unknown_field"),
            ("bo-so-lieu.csv!A17".to_string(), "missing_field"),
        ],
        "{}",
        lines(&problems)
    );
    assert!(problems[1].line("x").contains("`period.goal_year`"));
}
