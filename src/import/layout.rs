//! The template's layout, in one place: its sheets, in order, and each sheet's columns, with the
//! header a data editor sees (Vietnamese, then the field's key: "Mã / id") and how a cell of the
//! column is read. The reader (`build`) and the writer (`template`) both follow this table, so the
//! template and the importer cannot disagree.

/// How a column's cells are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// An id, or a reference to one (`2023-fy`): text; a whole number is read as its digits and a
    /// date cell as `YYYY-MM-DD` (a spreadsheet turns a typed `2024-10-15` into a date).
    Id,
    /// Text as written (a name, a title, a link, a note).
    Text,
    /// Ids, separated by commas, semicolons or line breaks (`dti-2022, dti-2023`).
    Ids,
    /// Texts, one per line of the cell (an initiative's services).
    Lines,
    /// A whole number (a count, a year, a rank).
    Whole,
    /// A figure in the unit of its row (a percentage as `93,55`, `93,55%` or a cell formatted as a
    /// percentage; a score as `0,7353`).
    Figure,
    /// A date: `dd/mm/yyyy`, `mm/yyyy`, `yyyy`, the ISO forms, or a date cell.
    Date,
    /// Yes or no (`có`/`không`, `x`, a TRUE/FALSE cell); empty is no.
    YesNo,
    /// One word of a closed list, in Vietnamese or as the format's code.
    Word(Words),
}

/// The closed lists of words, each word with its code in the format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Words {
    Pillar,
    Unit,
    Comparator,
    Status,
    Qualifier,
}

impl Words {
    /// `(code, the Vietnamese word the template writes, other words read as the code)`.
    pub fn table(self) -> &'static [(&'static str, &'static str, &'static [&'static str])] {
        match self {
            Words::Pillar => &[
                ("digital_government", "chính quyền số", &["cqs"]),
                ("digital_economy", "kinh tế số", &["kts"]),
                ("digital_society", "xã hội số", &["xhs"]),
            ],
            Words::Unit => &[
                ("percent", "phần trăm", &["%", "tỷ lệ", "tỉ lệ"]),
                ("count", "số đếm", &["số"]),
                ("score", "điểm", &["chỉ số"]),
                ("rank", "thứ hạng", &["hạng"]),
            ],
            Words::Comparator => &[
                ("at_least", "ít nhất", &["≥", ">=", "tối thiểu"]),
                ("equal", "bằng", &["="]),
                ("maintain", "duy trì", &[]),
            ],
            Words::Status => &[
                ("met", "đạt", &[]),
                ("not_met", "chưa đạt", &["không đạt"]),
                ("unknown", "chưa rõ", &["không rõ"]),
            ],
            Words::Qualifier => &[
                ("about", "khoảng", &[]),
                ("over", "trên", &[]),
                ("nearly", "gần", &[]),
            ],
        }
    }

    /// The code for a word as written (any case, spaces around it ignored), if it is one.
    pub fn code(self, word: &str) -> Option<&'static str> {
        let w = word.trim().to_lowercase();
        self.table().iter().find_map(|(code, vi, others)| {
            (w == *code || w == *vi || others.contains(&w.as_str())).then_some(*code)
        })
    }

    /// The Vietnamese word for a code.
    pub fn word(self, code: &str) -> Option<&'static str> {
        self.table()
            .iter()
            .find_map(|(c, vi, _)| (*c == code).then_some(*vi))
    }

    /// Every word with its code, for a message: `"đạt" (met), …`.
    pub fn allowed(self) -> String {
        self.table()
            .iter()
            .map(|(code, vi, _)| format!("\"{vi}\" ({code})"))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// What an empty cell means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Empty {
    /// The field is required: left out, so the validator names it missing.
    Required,
    /// Unknown: `null`.
    Null,
    /// Not given: the field is left out (a list left empty, `tie` false).
    Omit,
}

/// One column: its key (the field's name in the format, dotted for a nested field:
/// `result.value`), its Vietnamese header, how it is read, and what an empty cell means.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub key: &'static str,
    pub vi: &'static str,
    pub kind: Kind,
    pub empty: Empty,
}

impl Column {
    /// The header the template writes: `Mã / id`.
    pub fn header(&self) -> String {
        format!("{} / {}", self.vi, self.key)
    }

    /// Whether a header cell names this column: the full header, or the key alone (the part
    /// after the last ` / `), in any case.
    pub fn is_named(&self, header: &str) -> bool {
        let h = header.trim();
        let key = h.rsplit(" / ").next().unwrap_or(h).trim();
        key.eq_ignore_ascii_case(self.key) || h.eq_ignore_ascii_case(&self.header())
    }
}

/// The parts of a snapshot, one sheet each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Part {
    Snapshot,
    AsOf,
    Sources,
    Tallies,
    Indicators,
    Reported,
    Goals,
    Initiatives,
    Context,
    Notes,
    Units,
    Groupings,
    Rankings,
    Entries,
    Series,
    Points,
}

/// One sheet: the part it holds, its name in the workbook, its CSV file's name (without
/// `.csv`), its columns, and the groups of columns that stand for one optional object (all
/// empty: `null`).
#[derive(Debug, Clone, Copy)]
pub struct Sheet {
    pub part: Part,
    pub name: &'static str,
    pub file: &'static str,
    pub columns: &'static [Column],
    pub nullable: &'static [&'static str],
}

impl Sheet {
    pub fn of(part: Part) -> &'static Sheet {
        SHEETS.iter().find(|s| s.part == part).unwrap_or(&SHEETS[0])
    }

    /// The sheet a name stands for: its name in the workbook or its file's name, with or
    /// without `.csv`, in any case.
    pub fn named(name: &str) -> Option<&'static Sheet> {
        let n = name.trim();
        let n = n
            .strip_suffix(".csv")
            .or_else(|| n.strip_suffix(".CSV"))
            .unwrap_or(n)
            .to_lowercase();
        SHEETS
            .iter()
            .find(|s| n == s.name.to_lowercase() || n == s.file)
    }
}

const fn col(key: &'static str, vi: &'static str, kind: Kind, empty: Empty) -> Column {
    Column {
        key,
        vi,
        kind,
        empty,
    }
}

use Empty::{Null, Omit, Required as Req};
use Kind::*;

/// The first sheet lists the snapshot's own fields, one a row: the key, what it means, its
/// value. These are its headers.
pub const FIELD_HEADER: &str = "Trường / field";
pub const MEANING_HEADER: &str = "Ý nghĩa / meaning";
pub const VALUE_HEADER: &str = "Giá trị / value";

/// The other sheets have one header row and one row per item; these sheets hold an item of
/// another sheet's list and name it in their first column.
pub static SHEETS: &[Sheet] = &[
    Sheet {
        part: Part::Snapshot,
        name: "Bộ số liệu",
        file: "bo-so-lieu",
        columns: &[
            col("schema_version", "Phiên bản định dạng (1)", Whole, Req),
            col("id", "Mã bộ số liệu", Id, Req),
            col("title.vi", "Tiêu đề (tiếng Việt)", Text, Req),
            col("title.en", "Tiêu đề (tiếng Anh)", Text, Req),
            col("unit.id", "Mã đơn vị hành chính (VN-43)", Id, Req),
            col("unit.name.vi", "Tên đơn vị (tiếng Việt)", Text, Req),
            col("unit.name.en", "Tên đơn vị (tiếng Anh)", Text, Req),
            col("unit.level", "Cấp (province, city)", Text, Req),
            col("unit.successor.id", "Đơn vị kế tục: mã", Id, Req),
            col(
                "unit.successor.name.vi",
                "Đơn vị kế tục: tên (tiếng Việt)",
                Text,
                Req,
            ),
            col(
                "unit.successor.name.en",
                "Đơn vị kế tục: tên (tiếng Anh)",
                Text,
                Req,
            ),
            col("unit.successor.since", "Đơn vị kế tục: từ ngày", Date, Req),
            col("unit.successor.sources", "Đơn vị kế tục: nguồn", Ids, Req),
            col("period.result_year", "Năm của kết quả", Whole, Req),
            col("period.goal_year", "Năm của mục tiêu", Whole, Req),
        ],
        nullable: &["unit.successor"],
    },
    Sheet {
        part: Part::AsOf,
        name: "Thời điểm",
        file: "thoi-diem",
        columns: &[
            col("id", "Mã", Id, Req),
            col("label.vi", "Nhãn (tiếng Việt)", Text, Req),
            col("label.en", "Nhãn (tiếng Anh)", Text, Req),
            col("year", "Năm", Whole, Req),
            col("months", "Số tháng", Whole, Null),
        ],
        nullable: &[],
    },
    Sheet {
        part: Part::Sources,
        name: "Nguồn",
        file: "nguon",
        columns: &[
            col("id", "Mã", Id, Req),
            col("title", "Tiêu đề bài", Text, Req),
            col("publisher", "Nơi đăng", Text, Null),
            col("url", "Liên kết", Text, Req),
            col("date", "Ngày đăng", Date, Null),
            col("note.vi", "Ghi chú (tiếng Việt)", Text, Req),
            col("note.en", "Ghi chú (tiếng Anh)", Text, Req),
        ],
        nullable: &["note"],
    },
    Sheet {
        part: Part::Tallies,
        name: "Kết quả",
        file: "ket-qua",
        columns: &[
            col("as_of", "Thời điểm", Id, Req),
            col("set.vi", "Bộ chỉ tiêu khác (tiếng Việt)", Text, Req),
            col("set.en", "Bộ chỉ tiêu khác (tiếng Anh)", Text, Req),
            col("overall.met", "Số chỉ tiêu đạt", Whole, Req),
            col("overall.assigned", "Số chỉ tiêu được giao", Whole, Req),
            col(
                "pillars.digital_government.met",
                "Chính quyền số: đạt",
                Whole,
                Req,
            ),
            col(
                "pillars.digital_government.assigned",
                "Chính quyền số: được giao",
                Whole,
                Req,
            ),
            col("pillars.digital_economy.met", "Kinh tế số: đạt", Whole, Req),
            col(
                "pillars.digital_economy.assigned",
                "Kinh tế số: được giao",
                Whole,
                Req,
            ),
            col("pillars.digital_society.met", "Xã hội số: đạt", Whole, Req),
            col(
                "pillars.digital_society.assigned",
                "Xã hội số: được giao",
                Whole,
                Req,
            ),
            col("sources", "Nguồn", Ids, Req),
        ],
        nullable: &["set"],
    },
    Sheet {
        part: Part::Indicators,
        name: "Chỉ tiêu",
        file: "chi-tieu",
        columns: &[
            col("id", "Mã", Id, Req),
            col("pillar", "Trụ cột", Word(Words::Pillar), Null),
            col("name.vi", "Tên (tiếng Việt)", Text, Req),
            col("name.en", "Tên (tiếng Anh)", Text, Req),
            col("unit", "Đơn vị tính", Word(Words::Unit), Req),
            col("result.value", "Kết quả", Figure, Req),
            col("result.as_of", "Kết quả: thời điểm", Id, Req),
            col("result.sources", "Kết quả: nguồn", Ids, Req),
            col("target.value", "Chỉ tiêu năm", Figure, Req),
            col(
                "target.comparator",
                "Chỉ tiêu năm: so sánh",
                Word(Words::Comparator),
                Req,
            ),
            col("target.sources", "Chỉ tiêu năm: nguồn", Ids, Req),
            col("goal.value", "Mục tiêu", Figure, Req),
            col(
                "goal.comparator",
                "Mục tiêu: so sánh",
                Word(Words::Comparator),
                Req,
            ),
            col("goal.sources", "Mục tiêu: nguồn", Ids, Req),
            col("status", "Tình trạng", Word(Words::Status), Req),
            col("sources", "Nguồn", Ids, Req),
        ],
        nullable: &["result", "target", "goal"],
    },
    Sheet {
        part: Part::Reported,
        name: "Báo cáo sau",
        file: "bao-cao-sau",
        columns: &[
            col("indicator", "Của chỉ tiêu (mã)", Id, Omit),
            col("goal", "Của mục tiêu chung (mã)", Id, Omit),
            col("value", "Giá trị", Figure, Null),
            col("as_of", "Thời điểm", Id, Req),
            col("status", "Tình trạng", Word(Words::Status), Req),
            col("note.vi", "Ghi chú (tiếng Việt)", Text, Req),
            col("note.en", "Ghi chú (tiếng Anh)", Text, Req),
            col("sources", "Nguồn", Ids, Req),
        ],
        nullable: &["note"],
    },
    Sheet {
        part: Part::Goals,
        name: "Mục tiêu chung",
        file: "muc-tieu-chung",
        columns: &[
            col("id", "Mã", Id, Req),
            col("text.vi", "Nội dung (tiếng Việt)", Text, Req),
            col("text.en", "Nội dung (tiếng Anh)", Text, Req),
            col("sources", "Nguồn", Ids, Req),
        ],
        nullable: &[],
    },
    Sheet {
        part: Part::Initiatives,
        name: "Sáng kiến",
        file: "sang-kien",
        columns: &[
            col("id", "Mã", Id, Req),
            col("by.vi", "Đơn vị thực hiện (tiếng Việt)", Text, Req),
            col("by.en", "Đơn vị thực hiện (tiếng Anh)", Text, Req),
            col("name.vi", "Tên (tiếng Việt)", Text, Req),
            col("name.en", "Tên (tiếng Anh)", Text, Req),
            col("description.vi", "Mô tả (tiếng Việt)", Text, Req),
            col("description.en", "Mô tả (tiếng Anh)", Text, Req),
            col("services", "Dịch vụ (mỗi dòng một dịch vụ)", Lines, Req),
            col("sources", "Nguồn", Ids, Req),
        ],
        nullable: &[],
    },
    Sheet {
        part: Part::Context,
        name: "Số liệu khác",
        file: "so-lieu-khac",
        columns: &[
            col("id", "Mã", Id, Req),
            col("series", "Chuỗi", Id, Req),
            col("name.vi", "Tên (tiếng Việt)", Text, Req),
            col("name.en", "Tên (tiếng Anh)", Text, Req),
            col("unit", "Đơn vị tính", Word(Words::Unit), Req),
            col("value", "Giá trị", Figure, Null),
            col("qualifier", "Mức", Word(Words::Qualifier), Null),
            col("out_of", "Trên tổng số", Whole, Null),
            col("requirement", "Yêu cầu", Figure, Null),
            col("as_of", "Thời điểm", Id, Req),
            col("sources", "Nguồn", Ids, Req),
        ],
        nullable: &[],
    },
    Sheet {
        part: Part::Notes,
        name: "Ghi chú",
        file: "ghi-chu",
        columns: &[
            col("vi", "Tiếng Việt", Text, Req),
            col("en", "Tiếng Anh", Text, Req),
        ],
        nullable: &[],
    },
    Sheet {
        part: Part::Units,
        name: "Đơn vị",
        file: "don-vi",
        columns: &[
            col("id", "Mã", Id, Req),
            col("code", "Mã ISO", Id, Omit),
            col("name.vi", "Tên (tiếng Việt)", Text, Req),
            col("name.en", "Tên (tiếng Anh)", Text, Req),
            col("since", "Từ ngày", Date, Omit),
            col("until", "Đến ngày", Date, Omit),
            col("successor", "Đơn vị kế tục", Id, Omit),
        ],
        nullable: &[],
    },
    Sheet {
        part: Part::Groupings,
        name: "Nhóm",
        file: "nhom",
        columns: &[
            col("id", "Mã", Id, Req),
            col("name.vi", "Tên (tiếng Việt)", Text, Req),
            col("name.en", "Tên (tiếng Anh)", Text, Req),
            col("size", "Số đơn vị", Whole, Req),
            col("as_of", "Tính đến ngày", Date, Req),
            col("members", "Thành viên", Ids, Omit),
        ],
        nullable: &[],
    },
    Sheet {
        part: Part::Rankings,
        name: "Xếp hạng",
        file: "xep-hang",
        columns: &[
            col("id", "Mã", Id, Req),
            col("name.vi", "Tên (tiếng Việt)", Text, Req),
            col("name.en", "Tên (tiếng Anh)", Text, Req),
            col("year", "Năm", Whole, Req),
            col("grouping", "Nhóm", Id, Req),
            col("published", "Ngày công bố", Date, Omit),
            col("mean.value", "Trung bình", Figure, Req),
            col("mean.sources", "Trung bình: nguồn", Ids, Req),
            col("note.vi", "Ghi chú (tiếng Việt)", Text, Req),
            col("note.en", "Ghi chú (tiếng Anh)", Text, Req),
            col("sources", "Nguồn", Ids, Req),
        ],
        nullable: &["mean", "note"],
    },
    Sheet {
        part: Part::Entries,
        name: "Thứ hạng",
        file: "thu-hang",
        columns: &[
            col("ranking", "Bảng xếp hạng (mã)", Id, Req),
            col("unit", "Đơn vị", Id, Req),
            col("rank", "Hạng", Whole, Null),
            col("tie", "Đồng hạng", YesNo, Omit),
            col("score", "Điểm", Figure, Null),
            col("note.vi", "Ghi chú (tiếng Việt)", Text, Req),
            col("note.en", "Ghi chú (tiếng Anh)", Text, Req),
            col("sources", "Nguồn", Ids, Req),
        ],
        nullable: &["note"],
    },
    Sheet {
        part: Part::Series,
        name: "Chuỗi theo năm",
        file: "chuoi-theo-nam",
        columns: &[
            col("id", "Mã", Id, Req),
            col("name.vi", "Tên (tiếng Việt)", Text, Req),
            col("name.en", "Tên (tiếng Anh)", Text, Req),
            col("unit", "Đơn vị tính", Word(Words::Unit), Req),
            col("note.vi", "Ghi chú (tiếng Việt)", Text, Req),
            col("note.en", "Ghi chú (tiếng Anh)", Text, Req),
        ],
        nullable: &["note"],
    },
    Sheet {
        part: Part::Points,
        name: "Điểm của chuỗi",
        file: "diem-cua-chuoi",
        columns: &[
            col("series", "Chuỗi (mã)", Id, Req),
            col("year", "Năm", Whole, Req),
            col("value", "Giá trị", Figure, Null),
            col("note.vi", "Ghi chú (tiếng Việt)", Text, Req),
            col("note.en", "Ghi chú (tiếng Anh)", Text, Req),
            col("sources", "Nguồn", Ids, Req),
        ],
        nullable: &["note"],
    },
];

/// What each of the snapshot's own fields means, for the first sheet's middle column.
pub fn meaning(key: &str) -> &'static str {
    match key {
        "schema_version" => "luôn là 1 / always 1",
        "id" => "dùng trong đường dẫn và tên tệp / used in links and file names",
        "unit.level" => "province, city, …",
        "unit.successor.id" => {
            "để trống cả nhóm nếu đơn vị vẫn còn / leave the group empty while the unit exists"
        }
        "unit.successor.sources" => {
            "mã nguồn, cách nhau bởi dấu phẩy / source ids, comma-separated"
        }
        "period.goal_year" => "sau năm của kết quả / after the result year",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_fit_a_workbook_and_files_are_plain() {
        for s in SHEETS {
            assert!(s.name.chars().count() <= 31, "{}", s.name);
            assert!(!s.name.contains(['/', '\\', '?', '*', '[', ']', ':']));
            assert!(s.file.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'));
            assert!(std::ptr::eq(Sheet::of(s.part), s));
            assert!(std::ptr::eq(Sheet::named(s.name).expect("named"), s));
            let file = format!("{}.csv", s.file);
            assert!(std::ptr::eq(Sheet::named(&file).expect("file"), s));
        }
    }

    #[test]
    fn a_header_names_its_column_by_the_whole_header_or_the_key() {
        let c = col("result.value", "Kết quả", Figure, Req);
        assert!(c.is_named("Kết quả / result.value"));
        assert!(c.is_named(" RESULT.VALUE "));
        assert!(!c.is_named("Kết quả"));
        assert!(!c.is_named("result"));
    }

    #[test]
    fn words_are_read_in_vietnamese_or_as_codes() {
        assert_eq!(Words::Status.code(" Chưa đạt "), Some("not_met"));
        assert_eq!(Words::Status.code("not_met"), Some("not_met"));
        assert_eq!(Words::Unit.code("%"), Some("percent"));
        assert_eq!(Words::Comparator.code("≥"), Some("at_least"));
        assert_eq!(Words::Pillar.code("chính phủ số"), None);
        assert_eq!(Words::Qualifier.word("nearly"), Some("gần"));
    }
}
