//! The studio's words, in Vietnamese and in English. A table of its own rather than rows in
//! `i18n`: the reader's table is compiled whole into the reader's WASM, and none of these words
//! belongs there. Data (names, figures) comes from the snapshot; the importer's and the
//! validator's problems and the steps to publish say themselves (`import`, `validate`).

use crate::i18n::Lang;

/// Every fixed phrase of the studio.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum W {
    Title,
    Intro,
    Private,
    Template,
    TemplateCsv,
    StepFile,
    DropHint,
    ChooseFile,
    PasteLabel,
    CheckPasted,
    Reading,
    StepCheck,
    NoProblem,
    Refused,
    Where,
    ShowWhere,
    StepPreview,
    PreviewIntro,
    PageLanguage,
    Width,
    Phone,
    Desktop,
    Page,
    StepCompare,
    LoadingPublished,
    PublishedUnavailable,
    Changed,
    Added,
    Removed,
    BecameUnknown,
    BecameKnown,
    Before,
    After,
    StepTakeAway,
    ConfirmRemovals,
    FixFirst,
    DownloadJson,
    DownloadEntry,
    DownloadManifest,
    ReplaceManifest,
    Downloads,
    Steps,
    Notice,
    Cell,
    Line,
    Panic,
    Reload,
    /// A language's name in that language, as a language switch names it.
    Vietnamese,
    English,
    Entry,
    NoGrid,
    ManifestUnknown,
}

impl W {
    /// `[vi, en]`.
    pub fn words(self) -> [&'static str; 2] {
        match self {
            W::Title => ["Xưởng số liệu", "Data studio"],
            W::Intro => [
                "Kiểm tra, xem trước và so sánh một bộ số liệu trước khi công bố.",
                "Check, preview and compare a snapshot before publishing it.",
            ],
            W::Private => [
                "Mọi việc diễn ra trong trình duyệt này: tệp của bạn không được gửi đi đâu cả.",
                "Everything happens in this browser: your file is sent nowhere.",
            ],
            W::Template => ["Tải bảng tính mẫu (XLSX)", "Download the template spreadsheet (XLSX)"],
            W::TemplateCsv => [
                "Mẫu cũng có dạng CSV, mỗi trang một tệp: chọn tất cả các tệp cùng lúc.",
                "The template also comes as CSV, one file per sheet: choose all the files at once.",
            ],
            W::StepFile => ["1. Chọn tệp", "1. Choose a file"],
            W::DropHint => [
                "Kéo thả tệp vào đây: bảng tính theo mẫu (.xlsx hoặc các tệp .csv) hay tệp số liệu JSON.",
                "Drop a file here: a spreadsheet laid out as the template (.xlsx or its .csv files) or a snapshot JSON.",
            ],
            W::ChooseFile => ["Chọn tệp", "Choose a file"],
            W::PasteLabel => ["Hoặc dán nội dung tệp JSON", "Or paste a snapshot JSON"],
            W::CheckPasted => ["Kiểm tra nội dung đã dán", "Check the pasted text"],
            W::Reading => ["Đang đọc và kiểm tra…", "Reading and checking…"],
            W::StepCheck => ["2. Kiểm tra", "2. Check"],
            W::NoProblem => [
                "Không có lỗi: tệp đạt mọi yêu cầu của trang.",
                "No problems: the file meets every rule of the page.",
            ],
            W::Refused => [
                "Tệp này không được đọc, và không có gì khác được làm với nó.",
                "This file was not read, and nothing else was done with it.",
            ],
            W::Where => ["Chỗ cần sửa", "Where to fix it"],
            W::ShowWhere => ["Xem chỗ này", "Show where"],
            W::StepPreview => ["4. Xem trước", "4. Preview"],
            W::PreviewIntro => [
                "Trang như người đọc sẽ thấy, dựng bằng chính các thành phần của trang.",
                "The page as readers will see it, built from the page's own components.",
            ],
            W::PageLanguage => ["Ngôn ngữ của trang", "Language of the page"],
            W::Width => ["Bề rộng", "Width"],
            W::Phone => ["Điện thoại (360 px)", "Phone (360 px)"],
            W::Desktop => ["Máy tính", "Desktop"],
            W::Page => ["Trang", "Page"],
            W::StepCompare => [
                "3. So sánh với bản đang công bố",
                "3. Compare with the published version",
            ],
            W::LoadingPublished => ["Đang tải bản đang công bố…", "Loading the published version…"],
            W::PublishedUnavailable => [
                "Không tải được bản đang công bố, nên chưa so sánh được.",
                "The published version could not be loaded, so nothing was compared.",
            ],
            W::Changed => ["Thay đổi", "Changed"],
            W::Added => ["Mới", "New"],
            W::Removed => ["Bị xóa", "Removed"],
            W::BecameUnknown => ["Thành chưa rõ", "Now unknown"],
            W::BecameKnown => ["Đã có số liệu", "Now known"],
            W::Before => ["trước", "before"],
            W::After => ["sau", "after"],
            W::StepTakeAway => ["5. Tải về và công bố", "5. Download and publish"],
            W::ConfirmRemovals => [
                "Tôi đã xem từng dòng ⚠: các số liệu bị xóa hoặc thành chưa rõ là đúng ý.",
                "I have read each ⚠ line: the figures removed or turned unknown are meant to be.",
            ],
            W::FixFirst => [
                "Hãy sửa các lỗi ở bước 2; tệp để công bố chỉ có khi không còn lỗi nào.",
                "Fix the problems of step 2 first: the files to publish come once there are none.",
            ],
            W::DownloadJson => ["Tải tệp số liệu", "Download the snapshot"],
            W::DownloadEntry => ["Tải mục danh mục", "Download the manifest entry"],
            W::DownloadManifest => ["Tải danh mục mới", "Download the new manifest"],
            W::ReplaceManifest => [
                "hoặc thay public/data/index.json bằng tệp index.json đã tải về, trong đó đã làm sẵn việc này",
                "or replace public/data/index.json with the downloaded index.json, which has this done",
            ],
            W::Downloads => ["Tệp tải về", "Downloads"],
            W::Steps => ["Các bước công bố", "Steps to publish"],
            W::Notice => ["Cảnh báo", "Warning"],
            W::Cell => ["ô", "cell"],
            W::Line => ["dòng", "line"],
            W::Panic => [
                "Xưởng số liệu gặp lỗi và đã dừng; tệp của bạn không bị thay đổi. Hãy tải lại trang.",
                "The studio hit an error and stopped; your file is unchanged. Please reload the page.",
            ],
            W::Reload => ["Tải lại trang", "Reload the page"],
            W::Vietnamese => ["Tiếng Việt", "Tiếng Việt"],
            W::English => ["English", "English"],
            W::Entry => [
                "Mục của phiên bản này trong danh mục (data/index.json)",
                "This version's entry in the manifest (data/index.json)",
            ],
            W::ManifestUnknown => [
                "Không tải được danh mục đang công bố (data/index.json), nên không có danh mục mới để tải về, và không biết bản nào đang được công bố: trước khi đặt tệp mới vào public/data/, hãy chuyển bản đang công bố (nếu có) vào public/data/archive/ID.PHIÊN-BẢN.json, rồi sửa danh mục như README hướng dẫn.",
                "The published manifest (data/index.json) could not be loaded, so there is no new manifest to download and the version published now is not known: before putting the new file in public/data/, move the published version (if any) to public/data/archive/ID.VERSION.json, then edit the manifest as the README says.",
            ],
            W::NoGrid => [
                "Không hiện được trang tính này; hãy mở bảng tính ở chỗ ghi trên.",
                "This sheet cannot be shown here; open the spreadsheet at the place above.",
            ],
        }
    }

    pub fn say(self, lang: Lang) -> &'static str {
        let [vi, en] = self.words();
        match lang {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }
}

fn pick(lang: Lang, vi: String, en: String) -> String {
    match lang {
        Lang::Vi => vi,
        Lang::En => en,
    }
}

/// "3 lỗi: chưa công bố được." — how many problems stand between the file and publishing.
pub fn problems_found(lang: Lang, n: usize) -> String {
    pick(
        lang,
        format!("{n} lỗi: chưa công bố được. Chọn một lỗi để xem chỗ cần sửa."),
        format!(
            "{n} problem{}: not ready to publish. Choose one to see where to fix it.",
            if n == 1 { "" } else { "s" }
        ),
    )
}

/// "Dòng 12 / 1 480" of the file as given.
pub fn line_of(lang: Lang, line: usize, total: usize) -> String {
    pick(
        lang,
        format!("dòng {line} trên {total}"),
        format!("line {line} of {total}"),
    )
}

/// The comparison's reference: the published version and its day.
pub fn against(lang: Lang, version: &str, published: &str) -> String {
    pick(
        lang,
        format!("So với phiên bản {version}, công bố ngày {published}."),
        format!("Against version {version}, published {published}."),
    )
}

/// A snapshot that has never been published.
pub fn first_version(lang: Lang, id: &str) -> String {
    pick(
        lang,
        format!("Chưa có bộ số liệu `{id}` nào được công bố: đây sẽ là phiên bản đầu tiên của nó, nên không có gì để so sánh."),
        format!("No snapshot `{id}` is published yet: this will be its first version, so there is nothing to compare."),
    )
}

/// The loud line above a comparison that removes published values.
pub fn loud_warning(lang: Lang, n: usize) -> String {
    pick(
        lang,
        format!("{n} số liệu đang công bố sẽ bị xóa hoặc thành chưa rõ. Hãy xem kỹ từng dòng ⚠ dưới đây."),
        format!(
            "{n} published figure{} will be removed or turn unknown. Read each ⚠ line below.",
            if n == 1 { "" } else { "s" }
        ),
    )
}

/// The new version's name and hash, above the downloads.
pub fn version_line(lang: Lang, version: &str, published: &str) -> String {
    pick(
        lang,
        format!("Phiên bản mới: {version}, công bố ngày {published}."),
        format!("New version: {version}, published {published}."),
    )
}

/// The sheet and cell a problem is at, spelled out.
pub fn sheet_cell(lang: Lang, sheet: &str, cell: &str) -> String {
    pick(
        lang,
        format!("trang “{sheet}”, ô {cell}"),
        format!("sheet “{sheet}”, cell {cell}"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_agree_in_english() {
        assert!(problems_found(Lang::En, 1).starts_with("1 problem:"));
        assert!(problems_found(Lang::En, 3).starts_with("3 problems:"));
        assert!(problems_found(Lang::Vi, 3).starts_with("3 lỗi"));
        assert!(loud_warning(Lang::En, 1).starts_with("1 published figure will"));
    }
}
