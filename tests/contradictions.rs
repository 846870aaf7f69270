//! Data that contradicts itself is refused: each fixture under `tests/fixtures/` is the bundled
//! snapshot with one contradiction, and yields its problem at its path, with a message that names
//! the paths on both sides, in Vietnamese and in English.

use std::path::Path;

use chiso::i18n::Lang;
use chiso::validate::{parse_snapshot, Problem};
use serde_json::{json, Value};

mod common;
use common::assert_named;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name),
    )
    .unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn bundled() -> Value {
    serde_json::from_slice(&fixture(
        "../../public/data/archive/ba-ria-vung-tau-2023.02478a74b21c.json",
    ))
    .expect("JSON")
}

/// The problems of `bytes`, which must be refused.
fn refused(name: &str, bytes: &[u8]) -> Vec<Problem> {
    match parse_snapshot(bytes) {
        Ok(_) => panic!("{name}: accepted"),
        Err(p) => p.0,
    }
}

fn check_fixture(name: &str, expected: &[(&str, &str, &[&str])]) -> Vec<Problem> {
    let problems = refused(name, &fixture(name));
    assert_named(name, &problems, expected);
    problems
}

/// The bundled snapshot with `change` made to it.
fn changed(change: impl FnOnce(&mut Value)) -> Vec<u8> {
    let mut s = bundled();
    change(&mut s);
    s.to_string().into_bytes()
}

#[test]
fn met_with_the_result_below_the_target() {
    let p = check_fixture(
        "status-met-below-target.json",
        &[(
            "$.indicators[4].status",
            "status_contradicts",
            &[
                "$.indicators[4].status",
                "$.indicators[4].result.value",
                "$.indicators[4].target.value",
            ],
        )],
    );
    assert_eq!(
        p[0].kind.message(Lang::En),
        "`$.indicators[4].status` says met, but `$.indicators[4].result.value` 98 is below `$.indicators[4].target.value` 100"
    );
    assert_eq!(
        p[0].kind.message(Lang::Vi),
        "`$.indicators[4].status` ghi là đạt, nhưng `$.indicators[4].result.value` 98 thấp hơn `$.indicators[4].target.value` 100"
    );
}

#[test]
fn not_met_with_the_result_at_the_target() {
    let p = check_fixture(
        "status-not-met-at-target.json",
        &[(
            "$.indicators[0].status",
            "status_contradicts",
            &[
                "$.indicators[0].status",
                "$.indicators[0].result.value",
                "$.indicators[0].target.value",
            ],
        )],
    );
    assert!(p[0].kind.message(Lang::En).contains("100 is at or above"));
}

#[test]
fn met_with_no_result() {
    check_fixture(
        "status-met-without-result.json",
        &[(
            "$.indicators[5].status",
            "met_without_result",
            &["$.indicators[5].status", "$.indicators[5].result"],
        )],
    );
}

#[test]
fn a_goal_to_maintain_what_was_not_reached() {
    let p = check_fixture(
        "goal-maintain-not-reached.json",
        &[(
            "$.indicators[4].goal",
            "cannot_maintain",
            &["$.indicators[4].goal", "$.indicators[4].result.value"],
        )],
    );
    assert!(p[0].kind.message(Lang::En).contains("cannot maintain"));
}

/// Each comparator: `equal` is met only at the value, `maintain` as `at_least`; what agrees
/// with its figures passes.
#[test]
fn each_comparator_reads_the_status_its_own_way() {
    let with = |value: f64, comparator: &str, status: &str| {
        changed(|s| {
            s["indicators"][4]["target"] =
                json!({ "value": value, "comparator": comparator, "sources": ["seed-vnpthcm"] });
            s["indicators"][4]["status"] = json!(status);
        })
    };
    // The result is 98.
    for (value, comparator, status) in [
        (98.0, "equal", "met"),
        (97.5, "equal", "not_met"),
        (98.0, "at_least", "met"),
        (99.0, "at_least", "not_met"),
        (98.0, "maintain", "met"),
        (100.0, "maintain", "unknown"),
    ] {
        let r = parse_snapshot(&with(value, comparator, status));
        assert!(r.is_ok(), "{value} {comparator} {status}: {:?}", r.err());
    }
    for (value, comparator, status, words) in [
        (97.0, "equal", "met", "98 is not"),
        (98.0, "equal", "not_met", "98 equals"),
        (99.0, "maintain", "met", "98 is below"),
        (97.0, "maintain", "not_met", "98 is at or above"),
    ] {
        let p = refused(comparator, &with(value, comparator, status));
        assert_eq!(p.len(), 1, "{value} {comparator} {status}");
        assert_eq!(p[0].kind.code(), "status_contradicts");
        assert!(p[0].kind.message(Lang::En).contains(words), "{}", p[0].kind);
    }
}

#[test]
fn some_pillars_only_still_cannot_exceed_the_overall_tally() {
    let p = check_fixture(
        "pillars-exceed-overall.json",
        &[(
            "$.tallies[1].pillars",
            "pillars_exceed_overall",
            &["$.tallies[1].pillars", "$.tallies[1].overall.met"],
        )],
    );
    assert_eq!(
        p[0].kind.message(Lang::En),
        "the pillars in `$.tallies[1].pillars` add up to 36 met, more than the 35 of `$.tallies[1].overall.met`"
    );
    // Not met, too: 35 of 39 leaves 4 not met, and one pillar alone cannot miss 6.
    let bytes = changed(|s| {
        s["tallies"][1]["pillars"] =
            json!([{ "pillar": "digital_government", "met": 10, "assigned": 16 }]);
    });
    assert_named(
        "not met",
        &refused("not met", &bytes),
        &[(
            "$.tallies[1].pillars",
            "pillars_exceed_overall",
            &["$.tallies[1].pillars", "$.tallies[1].overall"],
        )],
    );
    // Within the overall tally, a partial split passes.
    let bytes = changed(|s| {
        s["tallies"][1]["pillars"] =
            json!([{ "pillar": "digital_society", "met": 14, "assigned": 15 }]);
    });
    assert!(parse_snapshot(&bytes).is_ok());
}

#[test]
fn nothing_assigned() {
    check_fixture(
        "nothing-assigned.json",
        &[(
            "$.tallies[1].overall.assigned",
            "nothing_assigned",
            &["$.tallies[1].overall.assigned"],
        )],
    );
    let bytes = changed(|s| s["tallies"][0]["pillars"][1]["assigned"] = json!(0));
    let codes: Vec<_> = refused("pillar", &bytes)
        .iter()
        .map(|p| (p.path.clone(), p.kind.code()))
        .collect();
    assert!(codes.contains(&(
        "$.tallies[0].pillars[1].assigned".to_string(),
        "nothing_assigned"
    )));
}

/// No province is assigned 390 000 indicators: past `Count::MAX` (10 000) a count is a slip.
#[test]
fn counts_beyond_any_plausible_size() {
    let p = check_fixture(
        "count-implausible.json",
        &[("$.tallies[1].overall.assigned", "out_of_range", &[])],
    );
    assert_eq!(p[0].kind.message(Lang::En), "390000 is outside 1–10000");
}

#[test]
fn a_tally_of_another_year_than_the_results() {
    let p = check_fixture(
        "tally-of-another-year.json",
        &[(
            "$.tallies[1].as_of",
            "as_of_outside_result_year",
            &[
                "$.tallies[1].as_of",
                "$.as_of[2].year",
                "$.period.result_year",
            ],
        )],
    );
    assert_eq!(
        p[0].kind.message(Lang::En),
        "`$.tallies[1].as_of` is `2022-fy`, of the year 2022 (`$.as_of[2].year`), not of the result year 2023 (`$.period.result_year`)"
    );
    // A result, too; a context figure may be of any year (the DTI score of 2022 is context).
    let bytes = changed(|s| s["indicators"][0]["result"]["as_of"] = json!("2022-fy"));
    assert_named(
        "result",
        &refused("result", &bytes),
        &[(
            "$.indicators[0].result.as_of",
            "as_of_outside_result_year",
            &["$.indicators[0].result.as_of", "$.as_of[2].year"],
        )],
    );
}

#[test]
fn a_goal_year_not_after_the_result_year() {
    check_fixture(
        "goal-year-not-after.json",
        &[(
            "$.period.goal_year",
            "goal_year_not_after",
            &["$.period.goal_year", "$.period.result_year"],
        )],
    );
}

#[test]
fn years_and_months_out_of_range() {
    let p = check_fixture(
        "year-out-of-range.json",
        &[("$.as_of[2].year", "out_of_range", &[])],
    );
    assert_eq!(p[0].kind.message(Lang::En), "1900 is outside 2000–2100");
    for (pointer, value, path) in [
        ("/period/result_year", json!(2101), "$.period.result_year"),
        ("/as_of/0/months", json!(13), "$.as_of[0].months"),
        ("/as_of/0/months", json!(0), "$.as_of[0].months"),
    ] {
        let bytes = changed(|s| *s.pointer_mut(pointer).expect("path") = value);
        let got: Vec<_> = refused(path, &bytes)
            .iter()
            .map(|p| (p.path.clone(), p.kind.code()))
            .collect();
        assert!(
            got.contains(&(path.to_string(), "out_of_range")),
            "{path}: {got:?}"
        );
    }
}

#[test]
fn a_successor_since_a_date_within_the_figures_period() {
    let p = check_fixture(
        "successor-too-early.json",
        &[(
            "$.unit.successor.since",
            "successor_before_as_of",
            &["$.unit.successor.since", "$.as_of[1]"],
        )],
    );
    assert_eq!(
        p[0].kind.message(Lang::En),
        "`$.unit.successor.since` 2023-06-01 is not after the end of `$.as_of[1]` (12 months of 2023), the latest period the figures cover: the unit still existed then"
    );
    // The day after the period is fine; so is a year-only date after it.
    for since in ["2024-01-01", "2024"] {
        let bytes = changed(|s| s["unit"]["successor"]["since"] = json!(since));
        assert!(parse_snapshot(&bytes).is_ok(), "{since}");
    }
    let bytes = changed(|s| s["unit"]["successor"]["since"] = json!("2023"));
    assert_eq!(
        refused("2023", &bytes)[0].kind.code(),
        "successor_before_as_of"
    );
}

#[test]
fn two_figures_of_one_series_at_one_as_of() {
    check_fixture(
        "series-duplicate-as-of.json",
        &[(
            "$.context[3].as_of",
            "duplicate_series_point",
            &["$.context[3].as_of", "$.context[2].as_of"],
        )],
    );
}

#[test]
fn a_series_that_mixes_units() {
    let p = check_fixture(
        "series-mixes-units.json",
        &[(
            "$.context[1].unit",
            "series_mixes_units",
            &["$.context[1].unit", "$.context[0].unit"],
        )],
    );
    assert_eq!(
        p[0].kind.message(Lang::En),
        "`$.context[1].unit` is `percent`, but `$.context[0].unit` of the same series `dti-score` is `score`: a series has one unit"
    );
}

#[test]
fn counts_and_ranks_are_whole_numbers() {
    let p = check_fixture(
        "count-not-whole.json",
        &[("$.context[5].value", "not_whole", &[])],
    );
    assert_eq!(
        p[0].kind.message(Lang::En),
        "26.5 is not a whole number, as a count must be"
    );
    for (pointer, value, path) in [
        ("/context/2/value", json!(28.5), "$.context[2].value"),
        (
            "/context/2/requirement",
            json!(2.5),
            "$.context[2].requirement",
        ),
    ] {
        let bytes = changed(|s| *s.pointer_mut(pointer).expect("path") = value);
        let p = refused(path, &bytes);
        assert_eq!((p[0].path.as_str(), p[0].kind.code()), (path, "not_whole"));
        assert!(p[0]
            .kind
            .message(Lang::Vi)
            .contains("thứ hạng phải là số nguyên"));
    }
}

#[test]
fn a_rank_beyond_the_number_ranked() {
    let p = check_fixture(
        "rank-over-out-of.json",
        &[(
            "$.context[2].value",
            "rank_over_out_of",
            &["$.context[2].value", "$.context[2].out_of"],
        )],
    );
    assert_eq!(
        p[0].kind.message(Lang::En),
        "`$.context[2].value` is rank 70, but `$.context[2].out_of` says only 63 were ranked"
    );
}

#[test]
fn a_rank_that_does_not_say_out_of_how_many() {
    check_fixture(
        "rank-without-out-of.json",
        &[(
            "$.context[3].out_of",
            "rank_without_out_of",
            &["$.context[3].unit", "$.context[3].out_of"],
        )],
    );
}

/// The day a version was published is in the manifest, not the snapshot: `check_published` is
/// what the app, `chiso-check` and this test run once both are read.
#[test]
fn a_source_dated_after_the_publication() {
    use chiso::validate::check_published;
    let name = "site/data/source-after-publication.json";
    let s = parse_snapshot(&fixture(name)).expect("valid on its own");
    let problems = check_published(&s, "2026-11-27");
    assert_named(
        name,
        &problems.0,
        &[(
            "$.sources[6].date",
            "source_after_publication",
            &["$.sources[6].date", "versions[].published"],
        )],
    );
    assert_eq!(
        problems.0[0].kind.message(Lang::En),
        "`$.sources[6].date` 2027-01-15 is after 2026-11-27, the day this version was published (`versions[].published` in data/index.json): it cannot cite what was not yet published"
    );
    // Published that very day, or later, is fine; a month-only date is taken at its first day.
    assert!(check_published(&s, "2027-01-15").is_empty());
    assert!(check_published(&s, "2027-01").is_empty());
    let bundled = parse_snapshot(&fixture(
        "../../public/data/archive/ba-ria-vung-tau-2023.02478a74b21c.json",
    ))
    .expect("valid");
    // Its latest source is dated 2025-02-09.
    assert!(check_published(&bundled, "2025-02-09").is_empty());
    assert_eq!(check_published(&bundled, "2025-02-08").len(), 1);
    assert_eq!(check_published(&bundled, "2025-01").len(), 1);
}

#[test]
fn a_date_in_the_year_zero() {
    let p = check_fixture(
        "date-year-zero.json",
        &[("$.sources[7].date", "bad_date", &[])],
    );
    assert_eq!(
        p[0].kind.message(Lang::En),
        "`0000-07` is not a real date of the form YYYY, YYYY-MM or YYYY-MM-DD, of a year from 1900 to 2100"
    );
}
