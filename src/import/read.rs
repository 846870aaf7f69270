//! Numbers, dates and yes/no as a Vietnamese data editor writes them, read exactly or refused,
//! never guessed.
//!
//! - Numbers: a decimal comma (`0,7353`) or point (`93.55`); thousands separated by points
//!   (`1.234.567`, Vietnamese) or commas (`1,234,567`); both (`1.234,5`, `1,234.5`: the last is
//!   the decimal mark); a trailing `%`. A single separator followed by exactly three digits after
//!   one to three digits (`1.234`, `1,234`) reads either way and is refused as ambiguous; `0,735`
//!   is not (no number is written `0` thousand).
//! - Dates: `dd/mm/yyyy` (day first, as in Vietnamese: `05/06/2024` is 5 June), `mm/yyyy`,
//!   `yyyy`, with `/`, `.` or `-` between; and the format's own `YYYY-MM-DD`, `YYYY-MM`.

use super::problem::ImportKind;
use crate::format::days_in_month;

/// Spaces a spreadsheet leaves around a value (no-break spaces too).
fn trim(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}')
}

/// A number read from text: its value written plainly (`1234.5`, no thousands separator), and
/// whether it ended with `%`.
#[derive(Debug, Clone, PartialEq)]
pub struct Written {
    pub decimal: String,
    pub percent: bool,
}

/// Thousands groups: the first of 1–3 digits, the others of 3.
fn grouped(s: &str, sep: char) -> Option<String> {
    let groups: Vec<&str> = s.split(sep).collect();
    let (first, rest) = groups.split_first()?;
    let ok = (1..=3).contains(&first.len())
        && !rest.is_empty()
        && rest.iter().all(|g| g.len() == 3)
        && groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()));
    ok.then(|| groups.concat())
}

/// Reads a number as written in a cell's text.
pub fn number(text: &str) -> Result<Written, ImportKind> {
    let not = || ImportKind::NotANumber {
        text: trim(text).to_string(),
    };
    let t = trim(text);
    let (t, percent) = match t.strip_suffix('%') {
        Some(rest) => (trim(rest), true),
        None => (t, false),
    };
    let (sign, body) = match t.chars().next() {
        Some('-') | Some('−') => ("-", &t[t.chars().next().map_or(0, char::len_utf8)..]),
        Some('+') => ("", &t[1..]),
        _ => ("", t),
    };
    let digits_only = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !body
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
        || !body.starts_with(|c: char| c.is_ascii_digit())
        || !body.ends_with(|c: char| c.is_ascii_digit())
    {
        return Err(not());
    }
    let (dots, commas) = (body.matches('.').count(), body.matches(',').count());
    let plain = match (dots, commas) {
        (0, 0) => body.to_string(),
        (_, 0) | (0, _) => {
            let sep = if dots > 0 { '.' } else { ',' };
            if dots + commas > 1 {
                // Only thousands separators can repeat.
                grouped(body, sep).ok_or_else(not)?
            } else {
                let (int, frac) = body.split_once(sep).ok_or_else(not)?;
                if frac.len() == 3 && (1..=3).contains(&int.len()) && !int.starts_with('0') {
                    return Err(ImportKind::Ambiguous {
                        text: trim(text).to_string(),
                        thousands: format!("{sign}{int}{frac}"),
                        decimal: format!("{sign}{int}.{frac}"),
                    });
                }
                format!("{int}.{frac}")
            }
        }
        _ => {
            // Both: the last one is the decimal mark, once; the other separates thousands.
            let last = body.rfind(['.', ',']).ok_or_else(not)?;
            let mark = char::from(body.as_bytes()[last]);
            let sep = if mark == '.' { ',' } else { '.' };
            let (int, frac) = (&body[..last], &body[last + 1..]);
            if int.contains(mark) || !digits_only(frac) {
                return Err(not());
            }
            format!("{}.{frac}", grouped(int, sep).ok_or_else(not)?)
        }
    };
    Ok(Written {
        decimal: format!("{sign}{plain}"),
        percent,
    })
}

/// A value written plainly, shortest (as the published files write it): `0.7353`, `100`.
pub fn shortest(v: f64) -> String {
    format!("{v}")
}

/// A share written plainly as the percentage it is, exactly: `0.9355` → `93.55` (the decimal
/// point moved, not multiplied in binary, which would give `93.55000000000001`).
pub fn percent_of_share(share: &str) -> String {
    let (sign, s) = match share.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", share),
    };
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    let mut frac = frac.to_string();
    while frac.len() < 2 {
        frac.push('0');
    }
    let (moved, rest) = frac.split_at(2);
    let int = format!("{int}{moved}");
    let int = int.trim_start_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    if rest.is_empty() {
        format!("{sign}{int}")
    } else {
        format!("{sign}{int}.{rest}")
    }
}

/// A day that exists, as `YYYY-MM-DD`.
pub fn iso_day(y: u32, m: u32, d: u32) -> Option<String> {
    ((1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m))
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// Reads a date as written in a cell's text, into the format's `YYYY`, `YYYY-MM` or
/// `YYYY-MM-DD`. The format's own forms pass as they are (the validator checks them).
pub fn date(text: &str) -> Result<String, ImportKind> {
    let t = trim(text);
    let is_digits = |s: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    let iso: Vec<&str> = t.split('-').collect();
    if is_digits(iso[0], 4..=4) && iso[1..].iter().all(|p| is_digits(p, 2..=2)) && iso.len() <= 3 {
        return Ok(t.to_string());
    }
    let parts: Vec<&str> = t.split(['/', '.', '-']).collect();
    let num = |s: &str| s.parse::<u32>().ok();
    let impossible = || ImportKind::ImpossibleDate {
        text: t.to_string(),
    };
    match parts.as_slice() {
        [d, m, y] if is_digits(d, 1..=2) && is_digits(m, 1..=2) && is_digits(y, 4..=4) => {
            let (Some(d), Some(m), Some(y)) = (num(d), num(m), num(y)) else {
                return Err(impossible());
            };
            iso_day(y, m, d).ok_or_else(impossible)
        }
        [m, y] if is_digits(m, 1..=2) && is_digits(y, 4..=4) => match (num(m), num(y)) {
            (Some(m), Some(y)) if (1..=12).contains(&m) => Ok(format!("{y:04}-{m:02}")),
            _ => Err(impossible()),
        },
        _ => Err(ImportKind::NotADate {
            text: t.to_string(),
        }),
    }
}

/// Yes or no as written: `có`/`không`, `x`, `true`/`false`, `yes`/`no`, `đúng`/`sai`.
pub fn yes_no(text: &str) -> Option<bool> {
    match trim(text).to_lowercase().as_str() {
        "có" | "x" | "true" | "yes" | "đúng" | "1" => Some(true),
        "không" | "false" | "no" | "sai" | "0" | "" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> (String, bool) {
        let w = number(s).expect("a number");
        (w.decimal, w.percent)
    }

    #[test]
    fn decimal_commas_and_points_read_the_same() {
        assert_eq!(n("0,7353"), ("0.7353".into(), false));
        assert_eq!(n("0.7353"), ("0.7353".into(), false));
        assert_eq!(n(" 93,55 "), ("93.55".into(), false));
        assert_eq!(n("100"), ("100".into(), false));
        assert_eq!(n("0,735"), ("0.735".into(), false));
        assert_eq!(n("-0,5"), ("-0.5".into(), false));
    }

    #[test]
    fn a_percent_sign_is_kept_apart() {
        assert_eq!(n("93,55%"), ("93.55".into(), true));
        assert_eq!(n("93,55 %"), ("93.55".into(), true));
        assert_eq!(n("100%"), ("100".into(), true));
    }

    #[test]
    fn thousands_separators_read_where_only_one_reading_exists() {
        assert_eq!(n("1.234.567"), ("1234567".into(), false));
        assert_eq!(n("1,234,567"), ("1234567".into(), false));
        assert_eq!(n("1.234,5"), ("1234.5".into(), false));
        assert_eq!(n("1,234.5"), ("1234.5".into(), false));
        assert_eq!(n("12.3456"), ("12.3456".into(), false));
        assert_eq!(n("1234,567"), ("1234.567".into(), false));
    }

    #[test]
    fn one_separator_before_three_digits_is_ambiguous_never_guessed() {
        for (text, thousands, decimal) in [
            ("1.234", "1234", "1.234"),
            ("1,234", "1234", "1.234"),
            ("12,345%", "12345", "12.345"),
            ("-999.000", "-999000", "-999.000"),
        ] {
            assert_eq!(
                number(text),
                Err(ImportKind::Ambiguous {
                    text: text.into(),
                    thousands: thousands.into(),
                    decimal: decimal.into()
                }),
                "{text}"
            );
        }
    }

    #[test]
    fn what_is_not_a_number_is_refused() {
        for text in [
            "",
            "abc",
            "1e3",
            "1.2.3,4,5",
            "1,23,456",
            ",5",
            "5,",
            "1.2,3.4",
            "12 345",
            "0x10",
        ] {
            assert!(
                matches!(number(text), Err(ImportKind::NotANumber { .. })),
                "{text}"
            );
        }
    }

    #[test]
    fn a_share_becomes_its_percentage_exactly() {
        assert_eq!(percent_of_share("0.9355"), "93.55");
        assert_eq!(percent_of_share("1"), "100");
        assert_eq!(percent_of_share("0.5"), "50");
        assert_eq!(percent_of_share("0.001"), "0.1");
        assert_eq!(percent_of_share("12.3456"), "1234.56");
        assert_eq!(percent_of_share("-0.25"), "-25");
        assert_eq!(percent_of_share("0"), "0");
    }

    #[test]
    fn dates_are_day_first() {
        assert_eq!(date("15/10/2024"), Ok("2024-10-15".into()));
        assert_eq!(date("05/06/2024"), Ok("2024-06-05".into()));
        assert_eq!(date("5.6.2024"), Ok("2024-06-05".into()));
        assert_eq!(date("29-02-2024"), Ok("2024-02-29".into()));
        assert_eq!(date("10/2025"), Ok("2025-10".into()));
        assert_eq!(date("2025"), Ok("2025".into()));
        assert_eq!(date("2024-10-15"), Ok("2024-10-15".into()));
        assert_eq!(date("2025-10"), Ok("2025-10".into()));
    }

    #[test]
    fn an_impossible_date_is_refused() {
        for text in [
            "31/02/2024",
            "29/02/2023",
            "00/01/2024",
            "15/13/2024",
            "13/2025",
        ] {
            assert_eq!(
                date(text),
                Err(ImportKind::ImpossibleDate { text: text.into() }),
                "{text}"
            );
        }
        for text in ["15 tháng 10", "2024/10/15", "15/10/24", "hôm qua"] {
            assert!(
                matches!(date(text), Err(ImportKind::NotADate { .. })),
                "{text}"
            );
        }
    }

    #[test]
    fn yes_and_no_in_both_languages() {
        assert_eq!(yes_no("Có"), Some(true));
        assert_eq!(yes_no("x"), Some(true));
        assert_eq!(yes_no("không"), Some(false));
        assert_eq!(yes_no("maybe"), None);
    }
}
