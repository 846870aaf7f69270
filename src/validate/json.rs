//! From bytes to a JSON value: size, encoding and byte-order mark are checked first, and a
//! syntax error is reported at its line and column in words a data editor can act on.

use serde_json::Value;

use super::problem::{Problem, ProblemKind, Problems};
use super::MAX_BYTES;

/// A problem with the file as a whole, the only one reported: past it, nothing can be read.
fn whole_file(kind: ProblemKind) -> Problems {
    Problems(vec![Problem::new("$", kind)])
}

/// Checks size and encoding and parses JSON, reporting the position of any syntax error.
pub(super) fn parse_json(bytes: &[u8]) -> Result<Value, Problems> {
    if bytes.len() > MAX_BYTES {
        return Err(whole_file(ProblemKind::TooLarge {
            bytes: bytes.len(),
            limit: MAX_BYTES,
        }));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        whole_file(ProblemKind::NotUtf8 {
            offset: e.valid_up_to(),
        })
    })?;
    // A byte-order mark is what Windows editors write; it is not an error in the data.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(whole_file(ProblemKind::Empty));
    }
    // serde_json stops at 128 levels of nesting, so a hostile file cannot exhaust the stack.
    serde_json::from_str::<Value>(text).map_err(|e| {
        let (line, column) = (e.line(), e.column());
        let detail = e.to_string();
        let kind = if detail.starts_with("recursion limit exceeded") {
            ProblemKind::TooDeep { line, column }
        } else {
            ProblemKind::Syntax {
                line,
                column,
                // serde appends " at line L column C"; the position is already in the message.
                detail: detail
                    .rsplit_once(" at line ")
                    .map_or(detail.as_str(), |(d, _)| d)
                    .to_string(),
            }
        };
        whole_file(kind)
    })
}

/// serde_json's name for a syntax error, in words a data editor can act on, `[vi, en]`. A name
/// this table does not know (a newer serde_json) is shown as serde_json wrote it.
pub(super) fn syntax_words(detail: &str) -> [&str; 2] {
    // serde_json's name, then the Vietnamese, then the English.
    const WORDS: &[(&str, &str, &str)] = &[
        (
            "EOF while parsing a list",
            "tệp kết thúc khi danh sách chưa đóng (thiếu `]`)",
            "the file ends inside a list (a `]` is missing)",
        ),
        (
            "EOF while parsing an object",
            "tệp kết thúc khi đối tượng chưa đóng (thiếu `}`)",
            "the file ends inside an object (a `}` is missing)",
        ),
        (
            "EOF while parsing a string",
            "tệp kết thúc khi chuỗi văn bản chưa đóng (thiếu `\"`)",
            "the file ends inside a text (a closing `\"` is missing)",
        ),
        (
            "EOF while parsing a value",
            "tệp kết thúc ở chỗ cần một giá trị",
            "the file ends where a value was expected",
        ),
        ("expected `:`", "cần dấu `:` sau tên trường", "a `:` is expected after the field name"),
        ("expected `,` or `]`", "ở đây cần dấu `,` hoặc `]`", "a `,` or `]` is expected here"),
        ("expected `,` or `}`", "ở đây cần dấu `,` hoặc `}`", "a `,` or `}` is expected here"),
        (
            "expected ident",
            "chỉ true, false và null được viết không có dấu ngoặc kép",
            "only true, false and null may be written without quotes",
        ),
        (
            "expected value",
            "ở đây cần một giá trị JSON (đối tượng, danh sách, chuỗi trong ngoặc kép, số, true, false hoặc null; NaN, Infinity và chú thích không phải JSON)",
            "a JSON value is expected here (an object, list, text in quotes, number, true, false or null; NaN, Infinity and comments are not JSON)",
        ),
        (
            "expected `\"`",
            "ở đây cần một chuỗi trong dấu ngoặc kép",
            "a text in double quotes is expected here",
        ),
        (
            "invalid escape",
            "dấu `\\` trong chuỗi mở đầu một mã thoát mà JSON không có",
            "a `\\` in a text starts an escape that JSON does not know",
        ),
        (
            "invalid number",
            "số không được viết theo cách JSON cho phép (như `01` hoặc `1.`)",
            "the number is not written as JSON allows (as in `01` or `1.`)",
        ),
        ("number out of range", "số quá lớn", "the number is too large"),
        (
            "invalid unicode code point",
            "mã thoát `\\u` không ứng với ký tự Unicode nào",
            "a `\\u` escape names no Unicode character",
        ),
        (
            "control character (\\u0000-\\u001F) found while parsing a string",
            "chuỗi chứa dấu xuống dòng hoặc ký tự điều khiển khác; hãy viết là `\\n`",
            "a text contains a line break or another control character; write it as `\\n`",
        ),
        (
            "key must be a string",
            "tên trường phải nằm trong dấu ngoặc kép",
            "a field name must be in double quotes",
        ),
        (
            "lone leading surrogate in hex escape",
            "mã thoát `\\u` chỉ là một nửa ký tự",
            "a `\\u` escape is half of a character",
        ),
        (
            "unexpected end of hex escape",
            "mã thoát `\\u` bị cắt ngắn",
            "a `\\u` escape is cut short",
        ),
        (
            "trailing comma",
            "thừa dấu phẩy trước `]` hoặc `}`",
            "a comma before `]` or `}` is one too many",
        ),
        (
            "trailing characters",
            "còn ký tự thừa sau khi JSON đã kết thúc",
            "there is more text after the end of the JSON",
        ),
    ];
    WORDS
        .iter()
        .find(|(serde, _, _)| *serde == detail)
        .map_or([detail, detail], |(_, vi, en)| [*vi, *en])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_names_are_told_in_both_languages_or_kept_as_serde_wrote_them() {
        assert_eq!(
            syntax_words("trailing comma"),
            [
                "thừa dấu phẩy trước `]` hoặc `}`",
                "a comma before `]` or `}` is one too many"
            ]
        );
        assert_eq!(syntax_words("something new"), ["something new"; 2]);
    }
}
