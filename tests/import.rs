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

#[test]
fn every_message_is_said_in_both_languages() {
    let kinds = [
        ImportKind::NoFile,
        ImportKind::Ambiguous {
            text: "1.234".into(),
            thousands: "1234".into(),
            decimal: "1.234".into(),
        },
    ];
    for k in kinds {
        let (vi, en) = (k.message(Lang::Vi), k.message(Lang::En));
        assert!(!vi.is_empty() && !en.is_empty() && vi != en, "{k:?}");
    }
}
