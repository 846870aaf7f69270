//! What each problem says, in Vietnamese and in English side by side.

use crate::format::DATE_YEARS;
use crate::i18n::Lang;
use crate::snapshot::{Comparator, Status};

use super::super::found::expected_words;
use super::super::json::syntax_words;
use super::{ProblemKind, TallyPart};

impl ProblemKind {
    /// The message in `lang`. Each arm says it in Vietnamese and in English, side by side.
    pub fn message(&self, lang: Lang) -> String {
        use ProblemKind::*;
        let [vi, en]: [String; 2] = match self {
            Empty => ["tệp rỗng".into(), "the file is empty".into()],
            TooLarge { bytes, limit } => [
                format!("tệp có {bytes} byte, vượt giới hạn {limit} byte"),
                format!("the file is {bytes} bytes, over the limit of {limit} bytes"),
            ],
            NotUtf8 { offset } => [
                format!("tệp không phải văn bản UTF-8 (byte sai ở vị trí {offset})"),
                format!("the file is not UTF-8 text (invalid byte at offset {offset})"),
            ],
            Syntax {
                line,
                column,
                detail,
            } => {
                let [vi, en] = syntax_words(detail);
                [
                    format!("JSON không hợp lệ ở dòng {line}, cột {column}: {vi}"),
                    format!("not valid JSON at line {line}, column {column}: {en}"),
                ]
            }
            TooDeep { line, column } => [
                format!("JSON lồng nhau quá sâu (dòng {line}, cột {column})"),
                format!("the JSON is nested too deeply (line {line}, column {column})"),
            ],
            WrongType { expected, found } => {
                let [vi, en] = expected_words(expected);
                let [found_vi, found_en] = found.words();
                [
                    format!("sai kiểu: cần {vi}, nhưng gặp {found_vi}"),
                    format!("expected {en}, found {found_en}"),
                ]
            }
            Missing { field } => [
                format!("thiếu trường bắt buộc `{field}`"),
                format!("required field `{field}` is missing"),
            ],
            UnknownField { field } => [
                format!("trường không được biết `{field}`"),
                format!("unknown field `{field}`"),
            ],
            UnknownValue { found, allowed } => [
                format!("giá trị không được biết {found}; chỉ nhận: {allowed}"),
                format!("unknown value {found}; allowed: {allowed}"),
            ],
            UnsupportedVersion { found, supported } => {
                let [found_vi, found_en] = found.words();
                [
                format!(
                    "phiên bản lược đồ {found_vi} không được hỗ trợ (ứng dụng đọc phiên bản {supported})"
                ),
                format!(
                    "schema version {found_en} is not supported (this app reads version {supported})"
                ),
            ]
            }
            MetOverAssigned { met, assigned } => [
                format!("số đạt ({met}) lớn hơn số được giao ({assigned})"),
                format!("met ({met}) is more than assigned ({assigned})"),
            ],
            PillarsDoNotAddUp {
                pillars_met,
                pillars_assigned,
                met,
                assigned,
            } => [
                format!(
                    "tổng các trụ cột là {pillars_met}/{pillars_assigned}, nhưng tổng chung là {met}/{assigned}"
                ),
                format!(
                    "the pillars add up to {pillars_met}/{pillars_assigned}, but the overall tally is {met}/{assigned}"
                ),
            ],
            DuplicatePillar { pillar } => [
                format!("trụ cột `{pillar}` xuất hiện hai lần"),
                format!("pillar `{pillar}` is listed twice"),
            ],
            DuplicateId { id, first } => [
                format!("mã `{id}` bị dùng hai lần (lần đầu ở {first})"),
                format!("id `{id}` is used twice (also at {first})"),
            ],
            UnknownSource { id } => [
                format!("nguồn `{id}` không có trong `sources`"),
                format!("source `{id}` is not in `sources`"),
            ],
            UnknownAsOf { id } => [
                format!("thời điểm `{id}` không có trong `as_of`"),
                format!("as-of `{id}` is not in `as_of`"),
            ],
            UnknownSnapshot { id } => [
                format!("bộ số liệu `{id}` không có trong `snapshots`"),
                format!("snapshot `{id}` is not in `snapshots`"),
            ],
            NoSources => [
                "mỗi số liệu phải ghi ít nhất một nguồn".into(),
                "a figure must name at least one source".into(),
            ],
            OutOfRange { value, min, max } => [
                format!("{value} nằm ngoài khoảng {min}–{max}"),
                format!("{value} is outside {min}–{max}"),
            ],
            BadDate { value } => {
                let (first, last) = (DATE_YEARS.start(), DATE_YEARS.end());
                [
                    format!("`{value}` không phải ngày có thật dạng YYYY, YYYY-MM hoặc YYYY-MM-DD, năm từ {first} đến {last}"),
                    format!("`{value}` is not a real date of the form YYYY, YYYY-MM or YYYY-MM-DD, of a year from {first} to {last}"),
                ]
            }
            BadUrl { value } => [
                format!("`{value}` không phải liên kết http(s) tới một máy chủ (không có tên người dùng trước máy chủ, khoảng trắng hay ký tự ẩn)"),
                format!("`{value}` is not an http(s) link to a host (with no user name before the host, no spaces and no invisible characters)"),
            ],
            BadPath { value } => [
                format!(
                    "`{value}` không phải đường dẫn tương đối an toàn tới tệp .json trong data/"
                ),
                format!("`{value}` is not a safe relative path to a .json file under data/"),
            ],
            BadId {
                value,
                what: [vi, en],
            } => [
                format!("`{value}` không phải {vi}"),
                format!("`{value}` is not {en}"),
            ],
            RankOverOutOf {
                rank,
                out_of,
                rank_path,
                out_of_path,
            } => [
                format!("`{rank_path}` xếp hạng {rank}, nhưng `{out_of_path}` nói chỉ có {out_of} đơn vị được xếp hạng"),
                format!("`{rank_path}` is rank {rank}, but `{out_of_path}` says only {out_of} were ranked"),
            ],
            GoalYearNotAfter {
                goal_year,
                result_year,
                goal_path,
                result_path,
            } => [
                format!("`{goal_path}` {goal_year} không sau `{result_path}` {result_year}: mục tiêu phải đặt cho năm sau năm của kết quả"),
                format!("`{goal_path}` {goal_year} is not after `{result_path}` {result_year}: goals are set for a year after the results"),
            ],
            StatusContradicts {
                status,
                comparator,
                result,
                target,
                status_path: s,
                result_path: r,
                target_path: t,
            } => match (status, comparator) {
                (Status::Met, Comparator::Equal) => [
                    format!("`{s}` ghi là đạt, nhưng `{r}` {result} khác `{t}` {target}"),
                    format!("`{s}` says met, but `{r}` {result} is not `{t}` {target}"),
                ],
                (Status::Met, _) => [
                    format!("`{s}` ghi là đạt, nhưng `{r}` {result} thấp hơn `{t}` {target}"),
                    format!("`{s}` says met, but `{r}` {result} is below `{t}` {target}"),
                ],
                (_, Comparator::Equal) => [
                    format!("`{s}` ghi là chưa đạt, nhưng `{r}` {result} bằng `{t}` {target}"),
                    format!("`{s}` says not met, but `{r}` {result} equals `{t}` {target}"),
                ],
                _ => [
                    format!("`{s}` ghi là chưa đạt, nhưng `{r}` {result} đã bằng hoặc vượt `{t}` {target}"),
                    format!("`{s}` says not met, but `{r}` {result} is at or above `{t}` {target}"),
                ],
            },
            MetWithoutResult {
                status_path: s,
                result_path: r,
            } => [
                format!("`{s}` ghi là đạt, nhưng không có kết quả nào được công bố (`{r}` là null)"),
                format!("`{s}` says met, but no result is published (`{r}` is null)"),
            ],
            CannotMaintain {
                goal,
                result,
                goal_path: g,
                result_path: r,
            } => [
                format!("`{g}` đặt mục tiêu duy trì {goal}, nhưng `{r}` mới là {result}: không thể duy trì điều chưa đạt được"),
                format!("`{g}` is to maintain {goal}, but `{r}` is {result}, below it: one cannot maintain what one does not have"),
            ],
            PillarsExceedOverall {
                part,
                sum,
                overall,
                pillars_path: p,
                overall_path: o,
            } => match part {
                TallyPart::Met => [
                    format!("các trụ cột trong `{p}` cộng lại có {sum} chỉ tiêu đạt, nhiều hơn {overall} ở `{o}`"),
                    format!("the pillars in `{p}` add up to {sum} met, more than the {overall} of `{o}`"),
                ],
                TallyPart::Assigned => [
                    format!("các trụ cột trong `{p}` cộng lại có {sum} chỉ tiêu được giao, nhiều hơn {overall} ở `{o}`"),
                    format!("the pillars in `{p}` add up to {sum} assigned, more than the {overall} of `{o}`"),
                ],
                TallyPart::NotMet => [
                    format!("các trụ cột trong `{p}` cộng lại có {sum} chỉ tiêu chưa đạt, nhiều hơn {overall} chỉ tiêu chưa đạt của `{o}`"),
                    format!("the pillars in `{p}` add up to {sum} not met, more than the {overall} not met of `{o}`"),
                ],
            },
            NothingAssigned { path } => [
                format!("`{path}` là 0: không có chỉ tiêu nào được giao thì không có gì để đếm; hãy bỏ số liệu này"),
                format!("`{path}` is 0: a tally of nothing assigned counts nothing; leave it out"),
            ],
            AsOfOutsideResultYear {
                id,
                year,
                result_year,
                path: p,
                as_of_path: a,
                result_year_path: r,
            } => [
                format!("`{p}` là `{id}`, thuộc năm {year} (`{a}`), không phải năm kết quả {result_year} (`{r}`)"),
                format!("`{p}` is `{id}`, of the year {year} (`{a}`), not of the result year {result_year} (`{r}`)"),
            ],
            SuccessorBeforeAsOf {
                since,
                year,
                months,
                since_path: s,
                as_of_path: a,
            } => [
                format!("`{s}` {since} không sau khi kỳ số liệu muộn nhất `{a}` ({months} tháng năm {year}) kết thúc: khi đó đơn vị vẫn còn"),
                format!("`{s}` {since} is not after the end of `{a}` ({months} months of {year}), the latest period the figures cover: the unit still existed then"),
            ],
            DuplicateSeriesPoint {
                series,
                as_of,
                path: p,
                first_path: f,
            } => [
                format!("`{p}` và `{f}` cùng cho chuỗi `{series}` một số liệu tại thời điểm `{as_of}`"),
                format!("`{p}` and `{f}` both give series `{series}` a figure at `{as_of}`"),
            ],
            SeriesMixesUnits {
                series,
                unit,
                first_unit,
                path: p,
                first_path: f,
            } => [
                format!("`{p}` là `{unit}`, nhưng `{f}` của cùng chuỗi `{series}` là `{first_unit}`: một chuỗi chỉ có một đơn vị"),
                format!("`{p}` is `{unit}`, but `{f}` of the same series `{series}` is `{first_unit}`: a series has one unit"),
            ],
            NotWhole { value, unit } => {
                let [vi, en] = if *unit == "rank" {
                    ["thứ hạng", "a rank"]
                } else {
                    ["số đếm", "a count"]
                };
                [
                    format!("{value} không phải số nguyên, mà {vi} phải là số nguyên"),
                    format!("{value} is not a whole number, as {en} must be"),
                ]
            }
            RankWithoutOutOf {
                unit_path: u,
                out_of_path: o,
            } => [
                format!("`{u}` là thứ hạng, nhưng `{o}` không cho biết có bao nhiêu đơn vị được xếp hạng"),
                format!("`{u}` is a rank, but `{o}` does not say how many were ranked"),
            ],
            SourceAfterPublication {
                date,
                published,
                path,
            } => [
                format!("`{path}` {date} muộn hơn {published}, ngày phiên bản này được công bố (`versions[].published` trong data/index.json): không thể dẫn điều chưa được công bố"),
                format!("`{path}` {date} is after {published}, the day this version was published (`versions[].published` in data/index.json): it cannot cite what was not yet published"),
            ],
            ReportedNotLater {
                id,
                year,
                result_year,
                path: p,
                as_of_path: a,
                result_year_path: r,
            } => [
                format!("`{p}` là `{id}`, thuộc năm {year} (`{a}`): một lần báo cáo sau phải thuộc năm sau năm kết quả {result_year} (`{r}`)"),
                format!("`{p}` is `{id}`, of the year {year} (`{a}`): a later observation is of a year after the result year {result_year} (`{r}`)"),
            ],
            StatusWithoutGoal {
                status,
                status_path: s,
                goal_path: g,
            } => {
                let [vi, en] = if *status == Status::Met {
                    ["đạt", "met"]
                } else {
                    ["chưa đạt", "not met"]
                };
                [
                    format!("`{s}` ghi là {vi}, nhưng chỉ tiêu không có mục tiêu nào (`{g}` là null) để so"),
                    format!("`{s}` says {en}, but there is no goal to meet (`{g}` is null)"),
                ]
            }
            ValueWithoutUnit {
                value,
                path: p,
                goal_path: g,
            } => [
                format!("`{p}` là {value}, nhưng `{g}` là mục tiêu chung, không có đơn vị để hiểu một giá trị: hãy ghi điều đã biết trong `note`"),
                format!("`{p}` is {value}, but `{g}` is a general goal, with no unit to read a value in: say what is known in `note`"),
            ],
            UnknownUnit { id } => [
                format!("đơn vị `{id}` không có trong `units`"),
                format!("unit `{id}` is not in `units`"),
            ],
            UnknownGrouping { id } => [
                format!("nhóm `{id}` không có trong `groupings`"),
                format!("grouping `{id}` is not in `groupings`"),
            ],
            UntilBeforeSince {
                since,
                until,
                since_path: s,
                until_path: u,
            } => [
                format!("`{u}` {until} trước `{s}` {since}: một đơn vị không thể kết thúc trước khi có"),
                format!("`{u}` {until} is before `{s}` {since}: a unit cannot end before it begins"),
            ],
            OwnSuccessor { id, path: p } => [
                format!("`{p}` là `{id}`, chính đơn vị này: đơn vị kế tục phải là một đơn vị khác"),
                format!("`{p}` is `{id}`, the unit itself: a successor is another unit"),
            ],
            SuccessorNotAfter {
                successor,
                since,
                until,
                path: p,
                since_path: s,
                until_path: u,
            } => [
                format!("`{p}` là `{successor}`, có từ {since} (`{s}`), không sau ngày cuối {until} của đơn vị này (`{u}`): đơn vị kế tục không thể có trước khi đơn vị cũ kết thúc"),
                format!("`{p}` is `{successor}`, which exists since {since} (`{s}`), not after this unit's last day {until} (`{u}`): a successor cannot exist before its predecessor ends"),
            ],
            MembersNotSize {
                listed,
                size,
                members_path: m,
                size_path: z,
            } => [
                format!("`{m}` liệt kê {listed} đơn vị, nhưng `{z}` là {size}: khi liệt kê, phải đủ mọi thành viên"),
                format!("`{m}` lists {listed} units, but `{z}` is {size}: listed members are all of them"),
            ],
            NotAMember {
                unit,
                path: p,
                members_path: m,
            } => [
                format!("`{p}` là `{unit}`, không có trong các thành viên của nhóm ở `{m}`"),
                format!("`{p}` is `{unit}`, which is not among the grouping's members at `{m}`"),
            ],
            UnitNotValidOn {
                unit,
                day,
                limit,
                after_until: false,
                path: p,
                day_path: d,
                limit_path: l,
            } => [
                format!("`{p}` là `{unit}`, đơn vị chưa có vào ngày {day} của nhóm (`{d}`): nó chỉ có từ {limit} (`{l}`)"),
                format!("`{p}` is `{unit}`, which did not exist yet on the grouping's day {day} (`{d}`): it exists since {limit} (`{l}`)"),
            ],
            UnitNotValidOn {
                unit,
                day,
                limit,
                after_until: true,
                path: p,
                day_path: d,
                limit_path: l,
            } => [
                format!("`{p}` là `{unit}`, đơn vị đã không còn vào ngày {day} của nhóm (`{d}`): nó chỉ tồn tại đến {limit} (`{l}`)"),
                format!("`{p}` is `{unit}`, which no longer existed on the grouping's day {day} (`{d}`): it existed until {limit} (`{l}`)"),
            ],
            DuplicateRanking {
                year,
                grouping,
                path: p,
                first_path: f,
            } => [
                format!("`{p}` và `{f}` cùng xếp hạng nhóm `{grouping}` cho năm {year}: mỗi đơn vị chỉ có một điểm cho mỗi năm"),
                format!("`{p}` and `{f}` both rank the grouping `{grouping}` for {year}: one score per unit and year"),
            ],
            SharedRankWithoutTie {
                rank,
                path: p,
                other_path: o,
                tie_path: t,
            } => [
                format!("`{p}` và `{o}` cùng là hạng {rank}, nhưng `{t}` không ghi là đồng hạng: thứ hạng là duy nhất trừ khi nguồn nói đồng hạng"),
                format!("`{p}` and `{o}` are both rank {rank}, but `{t}` does not say tie: ranks are unique unless the source gives a tie"),
            ],
            TieAlone {
                rank: Some(rank),
                tie_path: t,
                entries_path: e,
            } => [
                format!("`{t}` ghi là đồng hạng, nhưng không mục nào khác trong `{e}` có hạng {rank}"),
                format!("`{t}` says tie, but no other entry of `{e}` has rank {rank}"),
            ],
            TieAlone {
                rank: None,
                tie_path: t,
                entries_path: e,
            } => [
                format!("`{t}` ghi là đồng hạng, nhưng thứ hạng chưa rõ: không thể đồng hạng với mục nào trong `{e}`"),
                format!("`{t}` says tie, but the rank is unknown: it ties with no entry of `{e}`"),
            ],
            EmptyText => ["văn bản rỗng".into(), "the text is empty".into()],
            TextTooLong { chars, limit } => [
                format!("văn bản dài {chars} ký tự, vượt giới hạn {limit}"),
                format!("the text is {chars} characters long, over the limit of {limit}"),
            ],
            EmptyList => [
                "danh sách không được rỗng".into(),
                "a list that must not be empty is empty".into(),
            ],
            ControlCharacter { code, format: false } => [
                format!(
                    "văn bản chứa ký tự điều khiển ẩn {code}, có thể đảo thứ tự hoặc che nội dung người đọc thấy"
                ),
                format!(
                    "the text contains the invisible control character {code}, which can reorder or hide what a reader sees"
                ),
            ],
            ControlCharacter { code, format: true } => [
                format!(
                    "văn bản chứa ký tự định dạng ẩn {code} (khoảng trắng độ rộng 0, dấu nối mềm, …), có thể che nội dung người đọc thấy hoặc làm hỏng việc tìm kiếm"
                ),
                format!(
                    "the text contains the invisible format character {code} (a zero-width space, a soft hyphen, …), which can hide what a reader sees or break a search"
                ),
            ],
        };
        match lang {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }
}
