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
    /// The link, for a reader without script whose browser did not follow the page's refresh, to
    /// the page of its own that holds all of the static page (`View::file_in`).
    WholePage,
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
    /// Before "unknown" where a source's date is not known: "ngày đăng: chưa rõ".
    DatePosted,
    /// Before "not published" where a tally is not split by pillar.
    ByPillar,
    /// Before the goal year: "Mục tiêu 2024", "Goal 2024".
    Goal,
    /// A goal of keeping a value: "duy trì 100%".
    Maintain,
    /// A figure's qualifier: "khoảng 79%".
    About,
    /// A figure's qualifier: "trên 87%".
    Over,
    /// A figure's qualifier: "gần 99%", just under it.
    Nearly,
    /// The level a figure had to reach: "93,55% (yêu cầu 80%)".
    Required,
    // The journalist's tools
    Embed,
    CopyLink,
    Share,
    LinkCopied,
    LinkNotCopied,
    Copied,
    CopyByHand,
    EmbedChart,
    PinVersion,
    Theme,
    ThemeAuto,
    ThemeLight,
    ThemeDark,
    EmbedCode,
    CopyEmbedCode,
    /// The fixed-size snippet's label: the columns its height was computed for
    /// (`prerender::NARROWEST`–`WIDEST`, checked by a test).
    FixedCode,
    CopyFixedCode,
    Close,
    /// What a chart is, for screen readers (`aria-roledescription`).
    Chart,
    Dataset,
    /// Before the date a unit joined its successor: "từ 01/07/2025".
    Since,
    /// Over a tally that is not the latest: the page leads with the latest report.
    EarlierReport,
    /// The mean of the provinces' scores, as the sources publish it.
    ProvincialMean,
    Rank,
    DtiScore,
    /// Said of the highlighted row, for readers who do not see the highlight.
    ThisPagesUnit,
    NotInAnySource,
    PublishedOn,
    ProvinceOrCity,
    Note,
    Change,
    Year,
    /// A goal no later report speaks of.
    NoReport,
    Reported,
    Values,
    NewSetCaveat,
    FollowupChartTitle,
    RankingChartTitle,
    MovesChartTitle,
    AveragesChartTitle,
    PageOverview,
    PageRanking,
    Pages,
    ChooseRanking,
    FindUnit,
    FollowupHeading,
    PageChanges,
    ChangesIntro,
    OverTime,
    SeeChanges,
    // What changed between two versions, and a figure's successive as-ofs (chiso-diff)
    /// Before a tally's as-of: "Số chỉ tiêu đạt, cả năm 2023".
    Tally,
    /// The set a tally counts, where it is not the result year's.
    IndicatorSet,
    /// An indicator's value in the result year.
    Result,
    /// Before a later observation's as-of, mid-sentence: "báo cáo đến 15/10/2024".
    ReportedAsOf,
    RunBy,
    Name,
    Description,
    Title,
    Link,
    Publisher,
    /// What the snapshot's unit became part of.
    MergedInto,
    Code,
    MergedSince,
    /// A ranking's mean score.
    Mean,
    /// Mid-sentence: "thứ hạng 10/63".
    RankWord,
    Score,
    /// A rank shared with another unit.
    Tied,
    /// The old side of a figure the new version adds.
    NewFigure,
    /// The new side of a figure the new version no longer has.
    DroppedFigure,
    /// Where a figure names no source.
    NoSource,
    /// The count line of `chiso-diff` when nothing changed.
    NoChange,
}

/// A word or sentence of the interface in the reader's language.
pub fn t(lang: Lang, key: Key) -> &'static str {
    let [vi, en] = words(key);
    match lang {
        Lang::Vi => vi,
        Lang::En => en,
    }
}

/// The one home of every interface string: Vietnamese beside English, `[vi, en]`.
fn words(key: Key) -> [&'static str; 2] {
    use Key::*;
    match key {
        AppName => ["Chỉ số", "Chỉ số"],
        Tagline => ["Số liệu chính thức, rõ nguồn", "Official figures, with their sources"],
        Loading => ["Đang tải số liệu…", "Loading the figures…"],
        LoadFailed => ["Không tải được số liệu", "The figures could not be loaded"],
        Retry => ["Thử lại", "Try again"],
        ProblemsIn => ["Lỗi trong tệp", "Problems in file"],
        SwitchLanguage => ["English", "Tiếng Việt"],
        WholePage => ["Đọc cả trang", "Read the whole page"],
        IndicatorsMet => ["chỉ tiêu đạt", "indicators met"],
        FullYear => ["Cả năm", "Full year"],
        Source => ["Nguồn", "Source"],
        Sources => ["Nguồn số liệu", "Sources"],
        AsOf => ["Thời điểm", "As of"],
        PillarChartTitle => ["Chỉ tiêu đạt theo trụ cột", "Indicators met by pillar"],
        NotPublished => ["chưa công bố", "not published"],
        Unknown => ["chưa rõ", "unknown"],
        PanicTitle => ["Ứng dụng gặp lỗi", "The app stopped on an error"],
        PanicBody => ["Số liệu không bị thay đổi. Hãy tải lại trang.", "No figure was changed. Please reload the page."],
        Reload => ["Tải lại", "Reload"],
        FormerUnit => ["Đơn vị cũ, nay thuộc", "Former unit, now part of"],
        HeadlineChartTitle => ["Chỉ tiêu đạt trên số được giao", "Indicators met out of assigned"],
        IndicatorChartTitle => ["Kết quả và mục tiêu của từng chỉ tiêu được nêu tên", "Each named indicator: result and goal"],
        ContextChartTitle => ["Chỉ số chuyển đổi số cấp tỉnh (DTI)", "Provincial digital transformation index (DTI)"],
        Met => ["Đạt", "Met"],
        Assigned => ["Được giao", "Assigned"],
        Rate => ["Tỷ lệ", "Rate"],
        Pillar => ["Trụ cột", "Pillar"],
        AllPillars => ["Tất cả", "All"],
        ChoosePillar => ["Làm nổi bật trụ cột", "Highlight a pillar"],
        ViewTable => ["Xem dạng bảng", "View as table"],
        ViewChart => ["Xem biểu đồ", "View as chart"],
        Indicator => ["Chỉ tiêu", "Indicator"],
        Status => ["Tình trạng", "Status"],
        Initiatives => ["Cách làm hay ở địa phương", "Local initiatives"],
        Methodology => ["Cách đọc số liệu", "How to read these figures"],
        MethodologyText => ["Mọi con số trên trang này được lấy nguyên văn từ các nguồn công khai liệt kê bên dưới, kèm thời điểm của số liệu. Tỷ lệ phần trăm do trang tính từ số đạt và số được giao, làm tròn một chữ số thập phân. Điều gì nguồn không nói thì trang ghi là chưa công bố hoặc chưa rõ, không bao giờ ghi là 0 và không suy đoán.", "Every figure on this page is taken as published from the public sources listed below, with the time it refers to. Rates are computed by this page from met and assigned, rounded to one decimal. What the sources do not say is marked not published or unknown, never shown as 0 and never guessed."],
        OtherFigures => ["Các số liệu khác", "Other figures"],
        WhatIsUnknown => ["Điều chưa được công bố", "What has not been published"],
        NoFigure => ["chưa công bố", "not published"],
        NoGoal => ["không có mục tiêu riêng trong các nguồn", "no specific goal in the sources"],
        Legend => ["Chú giải (bấm để ẩn/hiện)", "Legend (press to hide/show)"],
        NoIndicatorInPillar => ["Nguồn không gắn chỉ tiêu nào trong biểu đồ này với trụ cột đã chọn.", "The sources tie no indicator in this chart to the chosen pillar."],
        Services => ["Dịch vụ áp dụng", "Services covered"],
        ChartHelp => ["Di chuột, chạm, hoặc dùng phím mũi tên để xem từng số liệu; Esc để đóng.", "Hover, tap, or use the arrow keys to read each figure; Esc to close."],
        SeeFullPage => ["Xem đầy đủ trên Chỉ số", "See the full page on Chỉ số"],
        NewerData => ["Đã có số liệu mới hơn.", "Newer data exist."],
        DatePosted => ["ngày đăng", "date"],
        ByPillar => ["theo trụ cột", "by pillar"],
        Goal => ["Mục tiêu", "Goal"],
        Maintain => ["duy trì", "maintain"],
        About => ["khoảng", "about"],
        Over => ["trên", "over"],
        Nearly => ["gần", "nearly"],
        Required => ["yêu cầu", "required"],
        // The journalist's tools
        LinkCopied => ["Đã chép liên kết.", "Link copied."],
        LinkNotCopied => ["Không chép được; hãy chép từ thanh địa chỉ.", "Could not copy; copy it from the address bar."],
        Embed => ["Nhúng", "Embed"],
        CopyLink => ["Chép liên kết", "Copy link"],
        Share => ["Chia sẻ", "Share"],
        Copied => ["Đã chép.", "Copied."],
        CopyByHand => ["Hãy chọn và chép thủ công.", "Select and copy it by hand."],
        EmbedChart => ["Nhúng biểu đồ", "Embed this chart"],
        PinVersion => ["Ghim phiên bản số liệu hiện tại (bài đã đăng không tự thay đổi)", "Pin the current data version (a published article never changes by itself)"],
        Theme => ["Giao diện", "Theme"],
        ThemeAuto => ["Theo trang nhúng", "Follow the reader's setting"],
        ThemeLight => ["Sáng", "Light"],
        ThemeDark => ["Tối", "Dark"],
        EmbedCode => ["Mã nhúng, tự chỉnh chiều cao:", "Embed code, sizes itself:"],
        CopyEmbedCode => ["Chép mã nhúng", "Copy embed code"],
        FixedCode => ["Cho CMS không cho phép script: chiều cao cố định, đủ hiện cả biểu đồ trong cột bài rộng 320–740 px:", "For a CMS that strips scripts: a fixed height that shows the whole chart in article columns 320–740 px wide:"],
        CopyFixedCode => ["Chép mã cố định", "Copy fixed code"],
        Close => ["Đóng", "Close"],
        Chart => ["biểu đồ", "chart"],
        Dataset => ["Bộ số liệu", "Dataset"],
        Since => ["từ", "since"],
        EarlierReport => ["Báo cáo trước đó", "Earlier report"],
        ProvincialMean => ["Trung bình cấp tỉnh", "Provincial average"],
        Rank => ["Thứ hạng", "Rank"],
        DtiScore => ["Điểm DTI", "DTI score"],
        ThisPagesUnit => ["Đơn vị của trang này", "The unit this page is about"],
        NotInAnySource => ["Không nguồn nào tìm thấy nêu thứ hạng này", "No source found gives this rank"],
        PublishedOn => ["công bố", "published"],
        ProvinceOrCity => ["Tỉnh, thành phố", "Province or city"],
        Note => ["Ghi chú", "Note"],
        Change => ["Thay đổi", "Change"],
        Year => ["Năm", "Year"],
        NoReport => ["chưa có báo cáo", "no report yet"],
        Reported => ["Đã báo cáo", "Reported"],
        Values => ["Số liệu", "Figures"],
        NewSetCaveat => ["Bộ chỉ tiêu mới: không so sánh được với kết quả năm trước.", "A new set of indicators: not comparable with the year before."],
        FollowupChartTitle => ["Mục tiêu đã đạt chưa: kết quả, mục tiêu và số liệu báo cáo sau đó", "Were the goals reached? Result, goal and what was reported later"],
        RankingChartTitle => ["Thứ hạng DTI giữa các tỉnh, thành phố", "DTI rank among the provinces and cities"],
        MovesChartTitle => ["Thứ hạng DTI thay đổi thế nào giữa hai năm", "How DTI ranks moved between two years"],
        AveragesChartTitle => ["Giá trị DTI trung bình cấp tỉnh qua các năm", "The average provincial DTI over the years"],
        PageOverview => ["Kết quả và mục tiêu", "Results and goals"],
        PageRanking => ["Xếp hạng giữa các tỉnh, thành phố", "Among the provinces and cities"],
        Pages => ["Các trang", "Pages"],
        ChooseRanking => ["Bảng xếp hạng", "Ranking"],
        FindUnit => ["Tìm một tỉnh, thành phố", "Find a province or city"],
        FollowupHeading => ["Sau đó: các mục tiêu đã đạt chưa?", "What happened next: were the goals reached?"],
        PageChanges => ["Số liệu đã thay đổi", "What changed"],
        ChangesIntro => ["Mỗi phiên bản đã công bố vẫn giữ nguyên; bản sửa là một phiên bản mới. Dưới đây là từng số liệu đã đổi giữa hai phiên bản, và các số liệu qua các thời điểm báo cáo.", "Every published version stays as it was; a revision is a new version. Below, each figure that changed between two versions, and the figures as each later report gave them."],
        OverTime => ["Số liệu qua các thời điểm", "Figures over the reports"],
        SeeChanges => ["Xem số liệu đã thay đổi.", "See what changed."],
        // What changed between two versions (chiso-diff)
        Tally => ["Số chỉ tiêu đạt", "Tally"],
        IndicatorSet => ["bộ chỉ tiêu", "indicator set"],
        Result => ["kết quả", "result"],
        ReportedAsOf => ["báo cáo", "reported"],
        RunBy => ["đơn vị thực hiện", "run by"],
        Name => ["tên", "name"],
        Description => ["mô tả", "description"],
        Title => ["tiêu đề", "title"],
        Link => ["liên kết", "link"],
        Publisher => ["nơi đăng", "publisher"],
        MergedInto => ["nay thuộc", "now part of"],
        Code => ["mã", "code"],
        MergedSince => ["ngày sáp nhập", "merged on"],
        Mean => ["điểm trung bình", "mean score"],
        RankWord => ["thứ hạng", "rank"],
        Score => ["điểm", "score"],
        Tied => ["đồng hạng", "tied"],
        NewFigure => ["(mới)", "(new)"],
        DroppedFigure => ["(đã bỏ)", "(removed)"],
        NoSource => ["không nêu nguồn", "no source named"],
        NoChange => ["Không có thay đổi.", "No change."],
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

/// What the page's loader says before the app runs (or where the app cannot say it): written into
/// the loader script at build time by the prerender, so the reader's WASM carries none of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoaderKey {
    /// A reader whose browser asks to save data: the app waits for a touch. In the loading bar.
    SaveData,
    /// A page or a data file answered by the service worker's copy, the network having failed;
    /// `{date}` is the day that copy was fetched.
    OfflineCopy,
    /// The WASM could not start (tampered, blocked, an old browser).
    CannotStart,
}

/// A sentence of the loader in `lang` (see [`LoaderKey`]).
pub fn loader_t(lang: Lang, key: LoaderKey) -> &'static str {
    let [vi, en] = match key {
        LoaderKey::SaveData => [
            "Chế độ tiết kiệm dữ liệu: biểu đồ tương tác chỉ tải khi bạn chạm vào một biểu đồ.",
            "Data saver: the interactive charts load only when you touch a chart.",
        ],
        LoaderKey::OfflineCopy => [
            "Bản lưu ngoại tuyến, {date}: không có mạng, số liệu có thể không phải mới nhất.",
            "Offline copy, {date}: no connection, the figures may not be the latest.",
        ],
        LoaderKey::CannotStart => [
            "Không khởi động được ứng dụng. Hãy tải lại trang.",
            "The app could not start. Please reload the page.",
        ],
    };
    match lang {
        Lang::Vi => vi,
        Lang::En => en,
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
