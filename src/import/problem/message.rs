//! What each import problem and each publishing step says, in Vietnamese and in English side by
//! side: the importer's one table of words.

use crate::i18n::Lang;

use super::{ImportKind, What};

impl What {
    /// `[vi, en]`.
    pub fn words(self) -> [&'static str; 2] {
        match self {
            What::Png => ["ảnh PNG", "a PNG image"],
            What::Jpeg => ["ảnh JPEG", "a JPEG image"],
            What::Gif => ["ảnh GIF", "a GIF image"],
            What::Pdf => ["tệp PDF", "a PDF document"],
            What::OldExcel => [
                "bảng tính Excel cũ (.xls) hoặc có mật khẩu",
                "an old Excel workbook (.xls) or one protected by a password",
            ],
            What::OpenDocument => [
                "bảng tính OpenDocument (.ods)",
                "an OpenDocument spreadsheet (.ods)",
            ],
            What::OtherZip => [
                "tệp nén zip không phải bảng tính XLSX",
                "a zip archive that is not an XLSX workbook",
            ],
            What::Binary => [
                "tệp nhị phân, không phải văn bản",
                "a binary file, not text",
            ],
            What::Xlsx => ["bảng tính XLSX", "an XLSX workbook"],
            What::Csv => ["văn bản CSV", "CSV text"],
            What::Json => ["JSON", "JSON"],
            What::Number => ["một số", "a number"],
            What::Date => ["một ngày", "a date"],
            What::YesNo => ["đúng/sai", "TRUE/FALSE"],
            What::Duration => ["một khoảng thời gian", "a duration"],
        }
    }
}

impl ImportKind {
    /// The message in `lang`. Each arm says it in Vietnamese and in English, side by side.
    pub fn message(&self, lang: Lang) -> String {
        use ImportKind::*;
        let [vi, en]: [String; 2] = match self {
            NoFile => ["chưa có tệp nào".into(), "no file was given".into()],
            Empty => ["tệp rỗng".into(), "the file is empty".into()],
            TooLarge { bytes, limit } => [
                format!("tệp có {bytes} byte, vượt giới hạn {limit} byte; không đọc tiếp"),
                format!("the file is {bytes} bytes, over the limit of {limit} bytes; it was not read"),
            ],
            NotASpreadsheet { what } => {
                let [vi, en] = what.words();
                let [hint_vi, hint_en] = match what {
                    What::OldExcel | What::OpenDocument => [
                        "hãy lưu lại dạng Excel (.xlsx), không đặt mật khẩu",
                        "save it as an Excel workbook (.xlsx), with no password",
                    ],
                    _ => [
                        "hãy chọn bảng tính .xlsx, tệp .csv hoặc tệp .json",
                        "choose an .xlsx workbook, a .csv file or a .json file",
                    ],
                };
                [
                    format!("tệp là {vi}, không phải bảng tính theo mẫu: {hint_vi}"),
                    format!("the file is {en}, not a spreadsheet of the template: {hint_en}"),
                ]
            }
            NotWhatItClaims { claimed, found } => {
                let ([c_vi, c_en], [f_vi, f_en]) = (claimed.words(), found.words());
                [
                    format!("tên tệp nói là {c_vi}, nhưng nội dung là {f_vi}; không đọc tiếp"),
                    format!("the file is named as {c_en}, but its content is {f_en}; it was not read"),
                ]
            }
            NotUtf8 { offset } => [
                format!("tệp không phải văn bản UTF-8 (byte sai ở vị trí {offset}): hãy lưu dạng \"CSV UTF-8\""),
                format!("the file is not UTF-8 text (invalid byte at offset {offset}): save it as \"CSV UTF-8\""),
            ],
            ZipTooLarge { bytes, limit } => [
                format!("khi giải nén, bảng tính sẽ chiếm {bytes} byte, vượt giới hạn {limit} byte; không giải nén"),
                format!("the workbook would inflate to {bytes} bytes, over the limit of {limit} bytes; it was not inflated"),
            ],
            ZipRatio {
                entry,
                ratio,
                limit,
            } => [
                format!("phần `{entry}` của bảng tính giải nén ra gấp {ratio} lần, quá {limit} lần: có thể là tệp nén độc hại; không giải nén"),
                format!("the workbook's part `{entry}` inflates {ratio} times, more than {limit} times: it may be a zip bomb; it was not inflated"),
            ],
            ZipTooManyEntries { entries, limit } => [
                format!("bảng tính có {entries} phần, vượt giới hạn {limit}; không đọc tiếp"),
                format!("the workbook has {entries} parts, over the limit of {limit}; it was not read"),
            ],
            Broken { detail } => [
                format!("không đọc được bảng tính (tệp hỏng hoặc bị cắt cụt): {detail}"),
                format!("the spreadsheet cannot be read (damaged or cut short): {detail}"),
            ],
            MixedFiles => [
                "khi chọn nhiều tệp, mọi tệp phải là CSV (mỗi trang một tệp)".into(),
                "when several files are given, all must be CSV (one file per sheet)".into(),
            ],
            UnknownSheet { name } => [
                format!("trang `{name}` không có trong mẫu: hãy đặt lại đúng tên trang của mẫu"),
                format!("the sheet `{name}` is not one of the template's: give it the template's name"),
            ],
            MissingSheet { name } => [
                format!("thiếu trang `{name}` của mẫu (để trống thì giữ hàng tiêu đề)"),
                format!("the template's sheet `{name}` is missing (keep its header row when it has no rows)"),
            ],
            DuplicateSheet { name } => [
                format!("trang `{name}` có hai lần"),
                format!("the sheet `{name}` is given twice"),
            ],
            MissingColumn { header } => [
                format!("thiếu cột `{header}` trong hàng tiêu đề"),
                format!("the header row has no column `{header}`"),
            ],
            UnknownColumn { header } => [
                format!("cột `{header}` không có trong mẫu"),
                format!("the column `{header}` is not one of the template's"),
            ],
            DuplicateColumn { header } => [
                format!("cột `{header}` có hai lần"),
                format!("the column `{header}` is given twice"),
            ],
            SheetTooLarge { rows, columns } => [
                format!("có dữ liệu ngoài {rows} hàng, {columns} cột đầu: phần đó không được đọc"),
                format!("there are values beyond the first {rows} rows and {columns} columns: those were not read"),
            ],
            MissingField { key } => [
                format!("thiếu hàng của trường `{key}`"),
                format!("there is no row for the field `{key}`"),
            ],
            UnknownField { key } => [
                format!("trường `{key}` không có trong mẫu"),
                format!("the field `{key}` is not one of the template's"),
            ],
            DuplicateField { key } => [
                format!("trường `{key}` có hai hàng"),
                format!("the field `{key}` has two rows"),
            ],
            Formula { formula } => [
                format!("ô chứa công thức ={formula}: hãy dán giá trị (Dán đặc biệt → Giá trị), không dán công thức"),
                format!("the cell holds a formula ={formula}: paste its value (Paste Special → Values), not the formula"),
            ],
            ErrorValue { code } => [
                format!("ô báo lỗi {code}"),
                format!("the cell shows the error {code}"),
            ],
            NotANumber { text } => [
                format!("\"{text}\" không phải là một số (viết như 93,55 hoặc 0,7353)"),
                format!("\"{text}\" is not a number (write it as 93,55 or 0,7353)"),
            ],
            Ambiguous {
                text,
                thousands,
                decimal,
            } => {
                let decimal_vi = decimal.replace('.', ",");
                [
                format!("\"{text}\" có thể hiểu hai cách: {thousands} (dấu phân cách hàng nghìn) hoặc {decimal_vi} (dấu thập phân); hãy nhập dạng số, hoặc viết không có dấu phân cách hàng nghìn"),
                format!("\"{text}\" can be read two ways: {thousands} (a thousands separator) or {decimal} (a decimal mark); enter it as a number cell, or write it with no thousands separator"),
            ]
            }
            PercentNotPercent { text } => [
                format!("\"{text}\" là tỷ lệ phần trăm, nhưng số liệu này không tính bằng phần trăm: hãy viết đúng đơn vị (điểm như 0,7353)"),
                format!("\"{text}\" is a percentage, but this figure is not in percent: write it in its unit (a score as 0,7353)"),
            ],
            NotADate { text } => [
                format!("\"{text}\" không phải là ngày: viết dd/mm/yyyy, mm/yyyy hoặc yyyy"),
                format!("\"{text}\" is not a date: write dd/mm/yyyy, mm/yyyy or yyyy"),
            ],
            ImpossibleDate { text } => [
                format!("\"{text}\" không phải ngày có thật (đọc là ngày/tháng/năm)"),
                format!("\"{text}\" is not a real date (read as day/month/year)"),
            ],
            DateWithTime => [
                "ô ngày có cả giờ: chỉ ghi ngày".into(),
                "the date cell has a time of day: give the date alone".into(),
            ],
            NotText { found } => {
                let [vi, en] = found.words();
                [
                    format!("ô chứa {vi}, ở chỗ cần văn bản: hãy định dạng ô là Văn bản (Text)"),
                    format!("the cell holds {en} where text is expected: format the cell as Text"),
                ]
            }
            NotYesNo { text } => [
                format!("\"{text}\" không phải có/không"),
                format!("\"{text}\" is not yes/no (có/không)"),
            ],
            UnknownWord { text, allowed } => [
                format!("\"{text}\" không phải một giá trị được nhận; chỉ nhận: {allowed}"),
                format!("\"{text}\" is not one of the values allowed: {allowed}"),
            ],
            NoOwner { sheet } => [
                format!("hàng này không nêu mã của mục trong trang `{sheet}` mà nó thuộc về"),
                format!("the row does not name the item of the sheet `{sheet}` it belongs to"),
            ],
            TwoOwners => [
                "hàng này nêu cả chỉ tiêu lẫn mục tiêu chung: chỉ nêu một".into(),
                "the row names both an indicator and a general goal: name one".into(),
            ],
            UnknownOwner { id, sheet } => [
                format!("mã `{id}` không có trong trang `{sheet}`"),
                format!("the id `{id}` is not on the sheet `{sheet}`"),
            ],
            Invalid(kind) => [kind.message(Lang::Vi), kind.message(Lang::En)],
        };
        match lang {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }
}

/// What `chiso-import` (and the studio) tell the editor once a workbook is read: what was
/// written and the steps to publish it.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// The snapshot written to `path`, as version `version`.
    Written { path: String, version: String },
    /// The heading above the manifest entry.
    Entry,
    /// The heading above the steps.
    ToPublish,
    /// Move the version it replaces to the archive (paths on disk).
    Archive { from: String, to: String },
    /// Put the new file where the page reads it.
    Copy { from: String, to: String },
    /// Edit the manifest: the old version's path, the new entry first.
    EditManifest {
        manifest: String,
        archived: Option<String>,
    },
    /// The manifest written, with the new version first.
    ManifestWritten { path: String },
    /// Check it all as the page will.
    Check { manifest: String },
    /// The workbook is the latest version already.
    Unchanged { version: String },
    /// Values of the published version removed or turned unknown: refused unless accepted.
    Removed { count: usize, old: String },
    /// How many figures changed since the published version.
    Changes { count: usize, old: String },
}

impl Step {
    /// The words in `lang`, Vietnamese beside English.
    pub fn message(&self, lang: Lang) -> String {
        let [vi, en]: [String; 2] = match self {
            Step::Written { path, version } => [
                format!("đã ghi {path} (phiên bản {version})"),
                format!("wrote {path} (version {version})"),
            ],
            Step::Entry => [
                "mục của phiên bản này trong danh mục (data/index.json):".into(),
                "this version's entry in the manifest (data/index.json):".into(),
            ],
            Step::ToPublish => ["để công bố:".into(), "to publish:".into()],
            Step::Archive { from, to } => [
                format!("chuyển bản đang công bố vào lưu trữ (không sửa nó: các liên kết đã ghim phiên bản cũ vẫn cần nó): git mv {from} {to}"),
                format!("move the published version to the archive (never edit it: links pinned to it still need it): git mv {from} {to}"),
            ],
            Step::Copy { from, to } => [
                format!("đặt bản mới vào chỗ trang đọc: cp {from} {to}"),
                format!("put the new version where the page reads it: cp {from} {to}"),
            ],
            Step::EditManifest {
                manifest,
                archived: Some(archived),
            } => [
                format!("trong {manifest}: đổi `path` của phiên bản cũ thành \"{archived}\", rồi thêm mục trên vào đầu `versions`"),
                format!("in {manifest}: change the old version's `path` to \"{archived}\", then add the entry above first in `versions`"),
            ],
            Step::EditManifest {
                manifest,
                archived: None,
            } => [
                format!("trong {manifest}: thêm mục trên vào đầu `versions` của bộ số liệu (hoặc một bộ số liệu mới)"),
                format!("in {manifest}: add the entry above first in the snapshot's `versions` (or as a new snapshot)"),
            ],
            Step::ManifestWritten { path } => [
                format!("đã ghi danh mục mới vào {path}"),
                format!("wrote the new manifest to {path}"),
            ],
            Step::Check { manifest } => [
                format!("kiểm tra: cargo run --bin chiso-check -- {manifest}"),
                format!("check: cargo run --bin chiso-check -- {manifest}"),
            ],
            Step::Unchanged { version } => [
                format!("không có gì thay đổi: đây đúng là phiên bản {version} đang công bố"),
                format!("nothing changed: this is the published version {version}, byte for byte"),
            ],
            Step::Removed { count, old } => [
                format!("{count} số liệu của bản đang công bố ({old}) bị xóa hoặc thành chưa rõ (dòng có dấu !): không ghi gì; nếu đúng là vậy, chạy lại với --accept-removals"),
                format!("{count} figure(s) of the published version ({old}) are removed or turned unknown (the lines marked !): nothing was written; if that is meant, run again with --accept-removals"),
            ],
            Step::Changes { count, old } => [
                format!("{count} thay đổi so với bản đang công bố; xem từng thay đổi: cargo run --bin chiso-diff -- {old} <tệp mới>"),
                format!("{count} change(s) from the published version; see each: cargo run --bin chiso-diff -- {old} <new file>"),
            ],
        };
        match lang {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }
}
