//! The two languages of the app and the interface strings in both.
//!
//! Vietnamese comes first: it is the language of the citizens the page is for. The table is a plain
//! `match` rather than an i18n crate's runtime catalogue: with two languages and a few dozen strings,
//! the compiler checks that every string exists in both, and it costs no bytes of parser or
//! catalogue in the WASM.

use crate::snapshot::{Pillar, Status, Text};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    /// The BCP 47 tag for `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    pub fn from_tag(tag: &str) -> Option<Lang> {
        match tag {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Vi => Lang::En,
            Lang::En => Lang::Vi,
        }
    }

    /// Picks this language's half of a bilingual text from the data.
    pub fn pick(self, text: &Text) -> &str {
        match self {
            Lang::Vi => &text.vi,
            Lang::En => &text.en,
        }
    }
}

/// Every interface string. Data (names, labels) comes from the snapshot, never from here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    AppName,
    Tagline,
    Loading,
    LoadFailed,
    Retry,
    ProblemsIn,
    /// The label of the switch that leads to the other language, written in that language.
    SwitchLanguage,
    IndicatorsMet,
    FullYear,
    Source,
    Sources,
    AsOf,
    PillarChartTitle,
    NotPublished,
    Unknown,
    PanicTitle,
    PanicBody,
    Reload,
    FormerUnit,
    HeadlineChartTitle,
    IndicatorChartTitle,
    ContextChartTitle,
    Met,
    Assigned,
    Rate,
    Pillar,
    AllPillars,
    ChoosePillar,
    ViewTable,
    ViewChart,
    Indicator,
    Status,
    Goals,
    Initiatives,
    Methodology,
    MethodologyText,
    OtherFigures,
    WhatIsUnknown,
    NoFigure,
    NoGoal,
    Legend,
    NoIndicatorInPillar,
    Services,
    ChartHelp,
    SeeFullPage,
    NewerData,
}

pub fn t(lang: Lang, key: Key) -> &'static str {
    use Key::*;
    match (lang, key) {
        (Lang::Vi, AppName) => "Chỉ số",
        (Lang::En, AppName) => "Chỉ số",
        (Lang::Vi, Tagline) => "Số liệu chính thức, rõ nguồn",
        (Lang::En, Tagline) => "Official figures, with their sources",
        (Lang::Vi, Loading) => "Đang tải số liệu…",
        (Lang::En, Loading) => "Loading the figures…",
        (Lang::Vi, LoadFailed) => "Không tải được số liệu",
        (Lang::En, LoadFailed) => "The figures could not be loaded",
        (Lang::Vi, Retry) => "Thử lại",
        (Lang::En, Retry) => "Try again",
        (Lang::Vi, ProblemsIn) => "Lỗi trong tệp",
        (Lang::En, ProblemsIn) => "Problems in file",
        (Lang::Vi, SwitchLanguage) => "English",
        (Lang::En, SwitchLanguage) => "Tiếng Việt",
        (Lang::Vi, IndicatorsMet) => "chỉ tiêu đạt",
        (Lang::En, IndicatorsMet) => "indicators met",
        (Lang::Vi, FullYear) => "Cả năm",
        (Lang::En, FullYear) => "Full year",
        (Lang::Vi, Source) => "Nguồn",
        (Lang::En, Source) => "Source",
        (Lang::Vi, Sources) => "Nguồn số liệu",
        (Lang::En, Sources) => "Sources",
        (Lang::Vi, AsOf) => "Thời điểm",
        (Lang::En, AsOf) => "As of",
        (Lang::Vi, PillarChartTitle) => "Chỉ tiêu đạt theo trụ cột",
        (Lang::En, PillarChartTitle) => "Indicators met by pillar",
        (Lang::Vi, NotPublished) => "chưa công bố",
        (Lang::En, NotPublished) => "not published",
        (Lang::Vi, Unknown) => "chưa rõ",
        (Lang::En, Unknown) => "unknown",
        (Lang::Vi, PanicTitle) => "Ứng dụng gặp lỗi",
        (Lang::En, PanicTitle) => "The app stopped on an error",
        (Lang::Vi, PanicBody) => "Số liệu không bị thay đổi. Hãy tải lại trang.",
        (Lang::En, PanicBody) => "No figure was changed. Please reload the page.",
        (Lang::Vi, Reload) => "Tải lại",
        (Lang::En, Reload) => "Reload",
        (Lang::Vi, FormerUnit) => "Đơn vị cũ, nay thuộc",
        (Lang::En, FormerUnit) => "Former unit, now part of",
        (Lang::Vi, HeadlineChartTitle) => "Chỉ tiêu đạt trên số được giao",
        (Lang::En, HeadlineChartTitle) => "Indicators met out of assigned",
        (Lang::Vi, IndicatorChartTitle) => "Kết quả 2023 và mục tiêu 2024 của từng chỉ tiêu được nêu tên",
        (Lang::En, IndicatorChartTitle) => "Each named indicator: 2023 result and 2024 goal",
        (Lang::Vi, ContextChartTitle) => "Chỉ số chuyển đổi số cấp tỉnh (DTI)",
        (Lang::En, ContextChartTitle) => "Provincial digital transformation index (DTI)",
        (Lang::Vi, Met) => "Đạt",
        (Lang::En, Met) => "Met",
        (Lang::Vi, Assigned) => "Được giao",
        (Lang::En, Assigned) => "Assigned",
        (Lang::Vi, Rate) => "Tỷ lệ",
        (Lang::En, Rate) => "Rate",
        (Lang::Vi, Pillar) => "Trụ cột",
        (Lang::En, Pillar) => "Pillar",
        (Lang::Vi, AllPillars) => "Tất cả",
        (Lang::En, AllPillars) => "All",
        (Lang::Vi, ChoosePillar) => "Làm nổi bật trụ cột",
        (Lang::En, ChoosePillar) => "Highlight a pillar",
        (Lang::Vi, ViewTable) => "Xem dạng bảng",
        (Lang::En, ViewTable) => "View as table",
        (Lang::Vi, ViewChart) => "Xem biểu đồ",
        (Lang::En, ViewChart) => "View as chart",
        (Lang::Vi, Indicator) => "Chỉ tiêu",
        (Lang::En, Indicator) => "Indicator",
        (Lang::Vi, Status) => "Tình trạng",
        (Lang::En, Status) => "Status",
        (Lang::Vi, Goals) => "Mục tiêu năm 2024",
        (Lang::En, Goals) => "Goals for 2024",
        (Lang::Vi, Initiatives) => "Cách làm hay ở địa phương",
        (Lang::En, Initiatives) => "Local initiatives",
        (Lang::Vi, Methodology) => "Cách đọc số liệu",
        (Lang::En, Methodology) => "How to read these figures",
        (Lang::Vi, MethodologyText) => "Mọi con số trên trang này được lấy nguyên văn từ các nguồn công khai liệt kê bên dưới, kèm thời điểm của số liệu. Tỷ lệ phần trăm do trang tính từ số đạt và số được giao, làm tròn một chữ số thập phân. Điều gì nguồn không nói thì trang ghi là chưa công bố hoặc chưa rõ, không bao giờ ghi là 0 và không suy đoán.",
        (Lang::En, MethodologyText) => "Every figure on this page is taken as published from the public sources listed below, with the time it refers to. Rates are computed by this page from met and assigned, rounded to one decimal. What the sources do not say is marked not published or unknown, never shown as 0 and never guessed.",
        (Lang::Vi, OtherFigures) => "Các số liệu khác năm 2023",
        (Lang::En, OtherFigures) => "Other 2023 figures",
        (Lang::Vi, WhatIsUnknown) => "Điều chưa được công bố",
        (Lang::En, WhatIsUnknown) => "What has not been published",
        (Lang::Vi, NoFigure) => "chưa công bố",
        (Lang::En, NoFigure) => "not published",
        (Lang::Vi, NoGoal) => "không có mục tiêu riêng trong các nguồn",
        (Lang::En, NoGoal) => "no specific goal in the sources",
        (Lang::Vi, Legend) => "Chú giải (bấm để ẩn/hiện)",
        (Lang::En, Legend) => "Legend (press to hide/show)",
        (Lang::Vi, NoIndicatorInPillar) => "Nguồn không gắn chỉ tiêu nào trong biểu đồ này với trụ cột đã chọn.",
        (Lang::En, NoIndicatorInPillar) => "The sources tie no indicator in this chart to the chosen pillar.",
        (Lang::Vi, Services) => "Dịch vụ áp dụng",
        (Lang::En, Services) => "Services covered",
        (Lang::Vi, ChartHelp) => "Di chuột, chạm, hoặc dùng phím mũi tên để xem từng số liệu; Esc để đóng.",
        (Lang::En, ChartHelp) => "Hover, tap, or use the arrow keys to read each figure; Esc to close.",
        (Lang::Vi, SeeFullPage) => "Xem đầy đủ trên Chỉ số",
        (Lang::En, SeeFullPage) => "See the full page on Chỉ số",
        (Lang::Vi, NewerData) => "Đã có số liệu mới hơn.",
        (Lang::En, NewerData) => "Newer data exist.",
    }
}

pub fn pillar_name(lang: Lang, p: Pillar) -> &'static str {
    match (lang, p) {
        (Lang::Vi, Pillar::DigitalGovernment) => "Chính quyền số",
        (Lang::En, Pillar::DigitalGovernment) => "Digital government",
        (Lang::Vi, Pillar::DigitalEconomy) => "Kinh tế số",
        (Lang::En, Pillar::DigitalEconomy) => "Digital economy",
        (Lang::Vi, Pillar::DigitalSociety) => "Xã hội số",
        (Lang::En, Pillar::DigitalSociety) => "Digital society",
    }
}

pub fn status_name(lang: Lang, s: Status) -> &'static str {
    match (lang, s) {
        (Lang::Vi, Status::Met) => "Đạt",
        (Lang::En, Status::Met) => "Met",
        (Lang::Vi, Status::NotMet) => "Chưa đạt",
        (Lang::En, Status::NotMet) => "Not met",
        (Lang::Vi, Status::Unknown) => "Chưa rõ",
        (Lang::En, Status::Unknown) => "Unknown",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_switch_is_labelled_in_the_language_it_leads_to() {
        assert_eq!(t(Lang::Vi, Key::SwitchLanguage), "English");
        assert_eq!(t(Lang::En, Key::SwitchLanguage), "Tiếng Việt");
    }

    #[test]
    fn tags_round_trip() {
        for l in [Lang::Vi, Lang::En] {
            assert_eq!(Lang::from_tag(l.tag()), Some(l));
        }
        assert_eq!(Lang::from_tag("fr"), None);
    }
}
