//! Figures over the years (`series`, the provincial DTI average): each year in range and once in
//! its series, each value within the series' unit, counts and ranks whole. The base is
//! `tests/fixtures/later-parts.json`, whose one series is a score for 2022, 2023 and 2024.

use chiso::i18n::Lang;
use chiso::validate::Problem;
use serde_json::{json, Value};

mod common;
use common::{later_parts, problems_of};

/// The problems of the later-parts snapshot with `change` made to it; none when it is accepted.
fn problems(change: impl FnOnce(&mut Value)) -> Vec<Problem> {
    problems_of(later_parts(), change)
}

/// (path, code) of each problem.
fn codes(problems: &[Problem]) -> Vec<(&str, &'static str)> {
    problems
        .iter()
        .map(|p| (p.path.as_str(), p.kind.code()))
        .collect()
}

#[test]
fn one_point_per_year() {
    let p = problems(|s| s["series"][0]["points"][2]["year"] = json!(2022));
    assert_eq!(
        codes(&p),
        [("$.series[0].points[2].year", "duplicate_series_point")]
    );
    assert_eq!(
        p[0].kind.message(Lang::En),
        "`$.series[0].points[2].year` and `$.series[0].points[0].year` both give series `dti-trung-binh-cap-tinh` a figure at `2022`"
    );
    for lang in [Lang::Vi, Lang::En] {
        let msg = p[0].kind.message(lang);
        for path in ["$.series[0].points[2].year", "$.series[0].points[0].year"] {
            assert!(msg.contains(&format!("`{path}`")), "{msg}");
        }
    }
    // Ids are unique among series.
    let p = problems(|s| {
        let again = s["series"][0].clone();
        s["series"].as_array_mut().expect("series").push(again);
    });
    assert_eq!(codes(&p), [("$.series[1].id", "duplicate_id")]);
}

#[test]
fn years_are_in_range() {
    for year in [1999, 2101] {
        let p = problems(|s| s["series"][0]["points"][0]["year"] = json!(year));
        assert_eq!(codes(&p), [("$.series[0].points[0].year", "out_of_range")]);
        assert_eq!(
            p[0].kind.message(Lang::En),
            format!("{year} is outside 2000–2100")
        );
    }
}

#[test]
fn values_are_in_the_series_unit() {
    let p = problems(|s| s["series"][0]["points"][1]["value"] = json!(67.83));
    assert_eq!(codes(&p), [("$.series[0].points[1].value", "out_of_range")]);
    assert_eq!(p[0].kind.message(Lang::En), "67.83 is outside 0–1");
    // Counts and ranks are whole numbers, in the words of the context figures' rule.
    let p = problems(|s| {
        s["series"][0]["unit"] = json!("count");
        s["series"][0]["points"] = json!([
            { "year": 2023, "value": 26, "sources": ["vneconomy-dti-2023"] },
            { "year": 2024, "value": 26.5, "sources": ["dantri-2025-10-21"] }
        ]);
    });
    assert_eq!(codes(&p), [("$.series[0].points[1].value", "not_whole")]);
    assert_eq!(
        p[0].kind.message(Lang::En),
        "26.5 is not a whole number, as a count must be"
    );
    let p = problems(|s| {
        s["series"][0]["unit"] = json!("rank");
        s["series"][0]["points"] =
            json!([{ "year": 2023, "value": 10.5, "sources": ["vneconomy-dti-2023"] }]);
    });
    assert_eq!(codes(&p), [("$.series[0].points[0].value", "not_whole")]);
    assert!(p[0]
        .kind
        .message(Lang::Vi)
        .contains("thứ hạng phải là số nguyên"));
    // Unknown is null, never 0, and is fine.
    assert_eq!(
        problems(|s| s["series"][0]["points"][1]["value"] = Value::Null),
        []
    );
}
