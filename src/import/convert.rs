//! One cell into the JSON value of its field, as its column's kind says, or the problem of
//! reading it. Empty is `None`: what that means is the column's to say.

use serde_json::{Number, Value};

use super::book::Cell;
use super::layout::Kind;
use super::problem::{ImportKind, What};
use super::read;

/// Below this a whole `f64` is written as a JSON integer (`33`, never `33.0`): the validator
/// reads counts and years only in that form.
const EXACT_INTEGERS: f64 = 9_007_199_254_740_992.0;

fn json_number(v: f64, text: &str) -> Result<Value, ImportKind> {
    if v.fract() == 0.0 && v.abs() < EXACT_INTEGERS {
        return Ok(Value::Number(Number::from(v as i64)));
    }
    Number::from_f64(v)
        .map(Value::Number)
        .ok_or_else(|| ImportKind::NotANumber { text: text.into() })
}

/// A cell's content as its text, for a message.
pub fn shown(cell: &Cell) -> String {
    match cell {
        Cell::Empty => String::new(),
        Cell::Text(t) => t.trim().to_string(),
        Cell::Number {
            value,
            percent: false,
        } => read::shortest(*value),
        Cell::Number {
            value,
            percent: true,
        } => format!("{}%", read::percent_of_share(&read::shortest(*value))),
        Cell::Date {
            year, month, day, ..
        } => format!("{day:02}/{month:02}/{year:04}"),
        Cell::Bool(b) => if *b { "TRUE" } else { "FALSE" }.into(),
        Cell::Error(e) => e.clone(),
    }
}

/// A whole number cell's digits (`2023`), if it is one.
fn digits(cell: &Cell) -> Option<String> {
    match cell {
        Cell::Number {
            value,
            percent: false,
        } if value.fract() == 0.0 && value.abs() < EXACT_INTEGERS => {
            Some(format!("{}", *value as i64))
        }
        _ => None,
    }
}

/// A date cell as `YYYY-MM-DD`.
fn iso(cell: &Cell) -> Option<Result<String, ImportKind>> {
    match cell {
        Cell::Date { time: true, .. } => Some(Err(ImportKind::DateWithTime)),
        Cell::Date {
            year, month, day, ..
        } => Some(
            read::iso_day(u32::from(*year), u32::from(*month), u32::from(*day))
                .ok_or_else(|| ImportKind::ImpossibleDate { text: shown(cell) }),
        ),
        _ => None,
    }
}

/// What kind of thing a cell that is not text holds.
fn what(cell: &Cell) -> What {
    match cell {
        Cell::Date { .. } => What::Date,
        Cell::Bool(_) => What::YesNo,
        _ => What::Number,
    }
}

/// A figure or a whole number. `unit` is the figure's unit code (`percent`…), where known: only
/// a percentage may be written with `%` or in a cell formatted as one.
fn number(cell: &Cell, unit: Option<&str>) -> Result<Value, ImportKind> {
    let percent_ok = unit == Some("percent");
    match cell {
        Cell::Number {
            value,
            percent: false,
        } => json_number(*value, &shown(cell)),
        Cell::Number {
            value,
            percent: true,
        } => {
            if !percent_ok {
                return Err(ImportKind::PercentNotPercent { text: shown(cell) });
            }
            let plain = read::percent_of_share(&read::shortest(*value));
            let v: f64 = plain
                .parse()
                .map_err(|_| ImportKind::NotANumber { text: shown(cell) })?;
            json_number(v, &plain)
        }
        Cell::Text(t) => {
            let written = read::number(t)?;
            if written.percent && !percent_ok {
                return Err(ImportKind::PercentNotPercent {
                    text: t.trim().into(),
                });
            }
            let v: f64 = written
                .decimal
                .parse()
                .map_err(|_| ImportKind::NotANumber {
                    text: t.trim().into(),
                })?;
            json_number(v, t)
        }
        _ => Err(ImportKind::NotANumber { text: shown(cell) }),
    }
}

/// Reads one cell as `kind`; `None` when it is empty.
pub fn convert(cell: &Cell, kind: Kind, unit: Option<&str>) -> Result<Option<Value>, ImportKind> {
    if cell.is_empty() {
        return Ok(None);
    }
    if let Cell::Error(code) = cell {
        return Err(ImportKind::ErrorValue { code: code.clone() });
    }
    let not_text = || ImportKind::NotText { found: what(cell) };
    let value = match kind {
        Kind::Id => match cell {
            Cell::Text(t) => Value::String(t.trim().into()),
            _ => match (digits(cell), iso(cell)) {
                (Some(d), _) => Value::String(d),
                (None, Some(day)) => Value::String(day?),
                _ => return Err(not_text()),
            },
        },
        Kind::Text => match cell {
            Cell::Text(t) => Value::String(t.clone()),
            _ => Value::String(digits(cell).ok_or_else(not_text)?),
        },
        Kind::Ids => {
            let one = match cell {
                Cell::Text(t) => t.clone(),
                _ => match (digits(cell), iso(cell)) {
                    (Some(d), _) => d,
                    (None, Some(day)) => day?,
                    _ => return Err(not_text()),
                },
            };
            Value::Array(
                one.split([',', ';', '\n'])
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(|s| Value::String(s.into()))
                    .collect(),
            )
        }
        Kind::Lines => match cell {
            Cell::Text(t) => Value::Array(
                t.lines()
                    .filter(|l| !l.trim().is_empty())
                    .map(|l| Value::String(l.into()))
                    .collect(),
            ),
            _ => return Err(not_text()),
        },
        Kind::Whole => number(cell, None)?,
        Kind::Figure => number(cell, unit)?,
        Kind::Date => match cell {
            Cell::Text(t) => Value::String(read::date(t)?),
            Cell::Number {
                value,
                percent: false,
            } if value.fract() == 0.0 && (1000.0..=9999.0).contains(value) => {
                // A year typed as a number.
                Value::String(format!("{}", *value as i64))
            }
            _ => match iso(cell) {
                Some(day) => Value::String(day?),
                None => return Err(ImportKind::NotADate { text: shown(cell) }),
            },
        },
        Kind::YesNo => match cell {
            Cell::Bool(b) => Value::Bool(*b),
            Cell::Text(t) => Value::Bool(read::yes_no(t).ok_or_else(|| ImportKind::NotYesNo {
                text: t.trim().into(),
            })?),
            _ => return Err(ImportKind::NotYesNo { text: shown(cell) }),
        },
        Kind::Word(words) => {
            let text = shown(cell);
            match words.code(&text) {
                Some(code) => Value::String(code.into()),
                None => {
                    return Err(ImportKind::UnknownWord {
                        text,
                        allowed: words.allowed(),
                    })
                }
            }
        }
    };
    Ok(Some(value))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn num(value: f64, percent: bool) -> Cell {
        Cell::Number { value, percent }
    }

    #[test]
    fn a_percent_formatted_cell_is_its_percentage_exactly() {
        assert_eq!(
            convert(&num(0.9355, true), Kind::Figure, Some("percent")),
            Ok(Some(json!(93.55)))
        );
        assert_eq!(
            convert(&num(1.0, true), Kind::Figure, Some("percent")),
            Ok(Some(json!(100)))
        );
    }

    #[test]
    fn a_percentage_for_a_figure_in_another_unit_is_refused() {
        assert_eq!(
            convert(&num(0.7353, true), Kind::Figure, Some("score")),
            Err(ImportKind::PercentNotPercent {
                text: "73.53%".into()
            })
        );
        assert_eq!(
            convert(&Cell::Text("73,53%".into()), Kind::Figure, Some("score")),
            Err(ImportKind::PercentNotPercent {
                text: "73,53%".into()
            })
        );
        assert_eq!(
            convert(&Cell::Text("33%".into()), Kind::Whole, None),
            Err(ImportKind::PercentNotPercent { text: "33%".into() })
        );
    }

    #[test]
    fn whole_numbers_are_written_as_integers() {
        assert_eq!(
            convert(&num(33.0, false), Kind::Whole, None),
            Ok(Some(json!(33)))
        );
        assert_eq!(
            convert(&Cell::Text("1.234.567".into()), Kind::Whole, None),
            Ok(Some(json!(1234567)))
        );
        assert_eq!(
            convert(&Cell::Text("93,55%".into()), Kind::Figure, Some("percent")),
            Ok(Some(json!(93.55)))
        );
    }

    #[test]
    fn ids_read_from_numbers_dates_and_lists() {
        let date = Cell::Date {
            year: 2024,
            month: 10,
            day: 15,
            time: false,
        };
        assert_eq!(
            convert(&date, Kind::Id, None),
            Ok(Some(json!("2024-10-15")))
        );
        assert_eq!(
            convert(&num(2023.0, false), Kind::Id, None),
            Ok(Some(json!("2023")))
        );
        assert_eq!(
            convert(&Cell::Text(" a, b;c\nd ,".into()), Kind::Ids, None),
            Ok(Some(json!(["a", "b", "c", "d"])))
        );
        assert_eq!(
            convert(&num(0.5, false), Kind::Text, None),
            Err(ImportKind::NotText {
                found: What::Number
            })
        );
    }

    #[test]
    fn dates_from_text_numbers_and_date_cells() {
        assert_eq!(
            convert(&Cell::Text("15/10/2024".into()), Kind::Date, None),
            Ok(Some(json!("2024-10-15")))
        );
        assert_eq!(
            convert(&num(2025.0, false), Kind::Date, None),
            Ok(Some(json!("2025")))
        );
        let with_time = Cell::Date {
            year: 2024,
            month: 10,
            day: 15,
            time: true,
        };
        assert_eq!(
            convert(&with_time, Kind::Date, None),
            Err(ImportKind::DateWithTime)
        );
        assert_eq!(
            convert(&num(45580.0, false), Kind::Date, None),
            Err(ImportKind::NotADate {
                text: "45580".into()
            })
        );
    }

    #[test]
    fn error_values_and_unknown_words_are_named() {
        assert_eq!(
            convert(&Cell::Error("#N/A".into()), Kind::Figure, None),
            Err(ImportKind::ErrorValue {
                code: "#N/A".into()
            })
        );
        assert!(matches!(
            convert(
                &Cell::Text("đạt được".into()),
                Kind::Word(super::super::layout::Words::Status),
                None
            ),
            Err(ImportKind::UnknownWord { .. })
        ));
        assert_eq!(
            convert(&Cell::Text("  ".into()), Kind::Text, None),
            Ok(None)
        );
    }
}
