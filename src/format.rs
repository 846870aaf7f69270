//! Numbers and dates written the way each language writes them (vi: 84,6% and 27/01/2024;
//! en: 84.6% and 27 Jan 2024).
//!
//! Figures keep the precision of their source: a value is printed with the shortest decimal form
//! that round-trips, so 0.7353 stays 0,7353 and is never padded or rounded.

use crate::i18n::Lang;

fn decimal_mark(lang: Lang) -> char {
    match lang {
        Lang::Vi => ',',
        Lang::En => '.',
    }
}

fn group_mark(lang: Lang) -> char {
    match lang {
        Lang::Vi => '.',
        Lang::En => ',',
    }
}

/// Groups the integer digits of a plain decimal string in threes and sets the decimal mark.
fn localise(lang: Lang, plain: &str) -> String {
    let (sign, rest) = match plain.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", plain),
    };
    let (int, frac) = match rest.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (rest, None),
    };
    let mut out = String::with_capacity(plain.len() + 4);
    out.push_str(sign);
    let digits = int.len();
    for (i, ch) in int.chars().enumerate() {
        // Four-digit numbers (years, small counts) stay ungrouped, as both languages' style guides do.
        if i > 0 && digits > 4 && (digits - i) % 3 == 0 {
            out.push(group_mark(lang));
        }
        out.push(ch);
    }
    if let Some(f) = frac {
        out.push(decimal_mark(lang));
        out.push_str(f);
    }
    out
}

/// Upper case, by Unicode's rules ("đạt" → "ĐẠT").
///
/// In the browser the JavaScript engine does it: it carries the Unicode case tables anyway, and
/// Rust's copy of them would add about 22 KB (before compression) to the WASM that every reader
/// downloads.
pub fn upper(s: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    return js_sys::JsString::from(s).to_upper_case().into();
    #[cfg(not(target_arch = "wasm32"))]
    return s.to_uppercase();
}

/// Lower case, by Unicode's rules ("Chính quyền số" → "chính quyền số"). See [`upper`].
pub fn lower(s: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    return js_sys::JsString::from(s).to_lower_case().into();
    #[cfg(not(target_arch = "wasm32"))]
    return s.to_lowercase();
}

/// First letter upper case, to start a sentence: "tỉnh …" → "Tỉnh …".
pub fn upper_first(s: &str) -> String {
    with_first(s, upper)
}

/// First letter lower case, mid-sentence: "Chính quyền số 13/16" → "chính quyền số 13/16".
pub fn lower_first(s: &str) -> String {
    with_first(s, lower)
}

fn with_first(s: &str, case: fn(&str) -> String) -> String {
    match s.char_indices().nth(1) {
        Some((i, _)) => case(&s[..i]) + &s[i..],
        None => case(s),
    }
}

/// A figure at the precision of its source.
pub fn number(lang: Lang, value: f64) -> String {
    if !value.is_finite() {
        return String::from("–");
    }
    // `{}` on f64 prints the shortest form that reads back to the same value.
    localise(lang, &format!("{value}"))
}

/// A figure with a fixed number of decimals (for computed rates).
pub fn fixed(lang: Lang, value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return String::from("–");
    }
    // Half away from zero, as people round (81.25 → 81.3); `format!` alone rounds half to even.
    // Written from whole numbers: `{:.N}` would bring a second float printer into the WASM
    // (about 5 KB) for what is a division and a remainder.
    let decimals = decimals.min(15);
    let unit = 10u64.pow(decimals as u32);
    let scaled = (value * unit as f64).round();
    if scaled.abs() >= 9.0e15 {
        // Past whole numbers a float holds exactly: no decimals to speak of.
        return localise(lang, &format!("{value}"));
    }
    let n = scaled as i64;
    let sign = if n < 0 { "-" } else { "" };
    let (whole, part) = (n.unsigned_abs() / unit, n.unsigned_abs() % unit);
    let plain = if decimals == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{part:0decimals$}")
    };
    localise(lang, &plain)
}

/// A share (0–1) as a percentage with one decimal: 84,6% / 84.6%.
pub fn rate(lang: Lang, share: f64) -> String {
    format!("{}%", fixed(lang, share * 100.0, 1))
}

/// A value already in percent (0–100), at its source's precision: 93,55%.
pub fn percent(lang: Lang, value: f64) -> String {
    format!("{}%", number(lang, value))
}

pub const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A date of the form `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, in the language's format.
/// Returns `None` for anything else (validation has refused such dates already).
pub fn date(lang: Lang, iso: &str) -> Option<String> {
    let parts = parse_date(iso)?;
    Some(match (lang, parts) {
        (_, (y, None, None)) => format!("{y}"),
        (Lang::Vi, (y, Some(m), None)) => format!("{m:02}/{y}"),
        (Lang::En, (y, Some(m), None)) => format!("{} {y}", MONTHS_EN[(m - 1) as usize]),
        (Lang::Vi, (y, Some(m), Some(d))) => format!("{d:02}/{m:02}/{y}"),
        (Lang::En, (y, Some(m), Some(d))) => format!("{d} {} {y}", MONTHS_EN[(m - 1) as usize]),
        (_, (_, None, Some(_))) => return None,
    })
}

/// The years a date may have: no source, plan or publication of these figures is from before
/// 1900, and `0000-01-01` or `9999-12-31` is a placeholder, not a date.
pub const DATE_YEARS: std::ops::RangeInclusive<u32> = 1900..=2100;

/// Splits `YYYY[-MM[-DD]]` and checks that the year is in [`DATE_YEARS`] and that the month and
/// day exist.
pub fn parse_date(iso: &str) -> Option<(u32, Option<u32>, Option<u32>)> {
    let mut it = iso.split('-');
    let y = digits(it.next()?, 4)?;
    if !DATE_YEARS.contains(&y) {
        return None;
    }
    let m = match it.next() {
        Some(s) => Some(digits(s, 2)?),
        None => None,
    };
    let d = match it.next() {
        Some(s) => Some(digits(s, 2)?),
        None => None,
    };
    if it.next().is_some() {
        return None;
    }
    if let Some(m) = m {
        if !(1..=12).contains(&m) {
            return None;
        }
        if let Some(d) = d {
            if d < 1 || d > days_in_month(y, m) {
                return None;
            }
        }
    }
    Some((y, m, d))
}

fn digits(s: &str, n: usize) -> Option<u32> {
    if s.len() == n && s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().ok()
    } else {
        None
    }
}

/// The days of a month of the proleptic Gregorian calendar.
pub fn days_in_month(y: u32, m: u32) -> u32 {
    match m {
        2 if (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_use_the_language_decimal_mark() {
        assert_eq!(rate(Lang::Vi, 33.0 / 39.0), "84,6%");
        assert_eq!(rate(Lang::En, 33.0 / 39.0), "84.6%");
        assert_eq!(rate(Lang::En, 35.0 / 39.0), "89.7%");
        assert_eq!(rate(Lang::Vi, 13.0 / 16.0), "81,3%");
    }

    #[test]
    fn figures_keep_the_source_precision() {
        assert_eq!(number(Lang::Vi, 0.7353), "0,7353");
        assert_eq!(number(Lang::En, 0.5878), "0.5878");
        assert_eq!(percent(Lang::Vi, 93.55), "93,55%");
        assert_eq!(percent(Lang::En, 100.0), "100%");
        assert_eq!(number(Lang::Vi, 28.0), "28");
    }

    #[test]
    fn large_numbers_are_grouped_per_language() {
        assert_eq!(number(Lang::Vi, 1234567.5), "1.234.567,5");
        assert_eq!(number(Lang::En, 1234567.0), "1,234,567");
        assert_eq!(number(Lang::En, 2024.0), "2024");
        assert_eq!(number(Lang::Vi, -12345.0), "-12.345");
    }

    #[test]
    fn dates_follow_the_language() {
        assert_eq!(date(Lang::Vi, "2024-01-27").as_deref(), Some("27/01/2024"));
        assert_eq!(date(Lang::En, "2024-01-27").as_deref(), Some("27 Jan 2024"));
        assert_eq!(date(Lang::Vi, "2023-07").as_deref(), Some("07/2023"));
        assert_eq!(date(Lang::En, "2023-07").as_deref(), Some("Jul 2023"));
        assert_eq!(date(Lang::En, "2023").as_deref(), Some("2023"));
    }

    #[test]
    fn impossible_dates_are_refused() {
        for bad in [
            "2023-02-29",
            "2023-13",
            "2023-00-10",
            "23-01-01",
            "2023/01/01",
            "2023-1-1",
            "",
            "0000",
            "0000-01-01",
            "1899-12-31",
            "2101-01-01",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
        assert!(parse_date("2024-02-29").is_some());
        assert!(parse_date("1900-01-01").is_some());
        assert!(parse_date("2100-12-31").is_some());
    }

    #[test]
    fn case_changes_only_the_first_letter_and_knows_vietnamese() {
        assert_eq!(upper_first("tỉnh Bà Rịa"), "Tỉnh Bà Rịa");
        assert_eq!(upper_first("đạt 33/39"), "Đạt 33/39");
        assert_eq!(lower_first("Ước tính"), "ước tính");
        assert_eq!(lower_first("Chính quyền số 13/16"), "chính quyền số 13/16");
        assert_eq!(lower("XÃ HỘI SỐ"), "xã hội số");
        assert_eq!(upper_first(""), "");
        assert_eq!(lower_first("É"), "é");
    }

    #[test]
    fn non_finite_values_never_print_as_numbers() {
        assert_eq!(number(Lang::Vi, f64::NAN), "–");
        assert_eq!(fixed(Lang::En, f64::INFINITY, 1), "–");
    }

    #[test]
    fn fixed_decimals_round_half_away_from_zero_and_pad() {
        assert_eq!(fixed(Lang::En, 81.25, 1), "81.3");
        assert_eq!(fixed(Lang::Vi, 84.615, 1), "84,6");
        assert_eq!(fixed(Lang::En, 100.0, 1), "100.0");
        assert_eq!(fixed(Lang::En, 0.05, 2), "0.05");
        assert_eq!(fixed(Lang::En, -2.35, 1), "-2.4");
        assert_eq!(fixed(Lang::En, -0.04, 1), "0.0");
        assert_eq!(fixed(Lang::En, 7.6, 0), "8");
        assert_eq!(fixed(Lang::En, 12345.678, 2), "12,345.68");
    }
}
