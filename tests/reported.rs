//! Later observations of a goal (`reported`) and tallies of a later year's set: each of a year
//! after the result year, an indicator's value in its unit and its status agreeing with its goal,
//! and no value for a general goal, which has no unit. The base is
//! `tests/fixtures/later-parts.json`, a small valid snapshot with every later part.

use chiso::i18n::Lang;
use serde_json::{json, Value};

mod common;
use common::{assert_named, later_parts, problems_of};

/// The problems of the later-parts snapshot with `change` made to it; none when it is accepted.
fn problems(change: impl FnOnce(&mut Value)) -> Vec<chiso::validate::Problem> {
    problems_of(later_parts(), change)
}

#[test]
fn the_base_is_valid() {
    assert_eq!(problems(|_| {}), []);
}

#[test]
fn a_later_observation_is_of_a_year_after_the_result_year() {
    let p = problems(|s| s["indicators"][0]["reported"][0]["as_of"] = json!("2023-fy"));
    assert_named(
        "indicator",
        &p,
        &[(
            "$.indicators[0].reported[0].as_of",
            "reported_not_later",
            &[
                "$.indicators[0].reported[0].as_of",
                "$.as_of[0].year",
                "$.period.result_year",
            ],
        )],
    );
    assert_eq!(
        p[0].kind.message(Lang::En),
        "`$.indicators[0].reported[0].as_of` is `2023-fy`, of the year 2023 (`$.as_of[0].year`): a later observation is of a year after the result year 2023 (`$.period.result_year`)"
    );
    // A general goal's, too; and an as-of that is not listed is reported as such.
    let p = problems(|s| s["goals"][0]["reported"][0]["as_of"] = json!("2023-fy"));
    assert_named(
        "goal",
        &p,
        &[(
            "$.goals[0].reported[0].as_of",
            "reported_not_later",
            &["$.goals[0].reported[0].as_of", "$.as_of[0].year"],
        )],
    );
    let p = problems(|s| s["goals"][0]["reported"][0]["as_of"] = json!("2024-fy"));
    assert_named(
        "dangling",
        &p,
        &[("$.goals[0].reported[0].as_of", "unknown_as_of", &[])],
    );
}

#[test]
fn a_reported_value_is_in_the_indicators_unit() {
    let p = problems(|s| {
        s["indicators"][0]["reported"][0]["value"] = json!(100.5);
        s["indicators"][0]["reported"][0]["status"] = json!("unknown");
    });
    assert_named(
        "percent",
        &p,
        &[("$.indicators[0].reported[0].value", "out_of_range", &[])],
    );
    assert_eq!(p[0].kind.message(Lang::En), "100.5 is outside 0–100");
    let p = problems(|s| {
        s["indicators"][1]["unit"] = json!("count");
        s["indicators"][1]["result"]["value"] = json!(98);
        s["indicators"][1]["reported"][0]["value"] = json!(2.5);
    });
    assert_named(
        "count",
        &p,
        &[("$.indicators[1].reported[0].value", "not_whole", &[])],
    );
}

/// The goal is 100% (at least); the status a source gives as of then must agree with it, as the
/// result year's status agrees with the target.
#[test]
fn a_reported_status_agrees_with_the_goal() {
    let with = |value: Value, status: &str| {
        problems(|s| {
            s["indicators"][0]["reported"][0]["value"] = value;
            s["indicators"][0]["reported"][0]["status"] = json!(status);
        })
    };
    let status = "$.indicators[0].reported[0].status";
    let value = "$.indicators[0].reported[0].value";
    let goal = "$.indicators[0].goal.value";
    let p = with(json!(98), "met");
    assert_named(
        "met below",
        &p,
        &[(status, "status_contradicts", &[status, value, goal])],
    );
    assert_eq!(
        p[0].kind.message(Lang::En),
        "`$.indicators[0].reported[0].status` says met, but `$.indicators[0].reported[0].value` 98 is below `$.indicators[0].goal.value` 100"
    );
    let p = with(json!(100), "not_met");
    assert_named(
        "not met at",
        &p,
        &[(status, "status_contradicts", &[status, value, goal])],
    );
    assert!(p[0].kind.message(Lang::En).contains("100 is at or above"));
    assert_named(
        "met, no value",
        &with(Value::Null, "met"),
        &[(status, "met_without_result", &[status, value])],
    );
    // What agrees passes: not met below the goal, not met or unknown with no value.
    for (v, st) in [
        (json!(98), "not_met"),
        (Value::Null, "not_met"),
        (Value::Null, "unknown"),
        (json!(98), "unknown"),
    ] {
        assert_eq!(with(v.clone(), st), [], "{v} {st}");
    }
    // Against a goal to maintain a value, as against at least it.
    let p = problems(|s| {
        s["indicators"][0]["goal"]["comparator"] = json!("maintain");
        s["indicators"][0]["reported"][0]["value"] = json!(99);
    });
    assert_eq!(p[0].kind.code(), "status_contradicts");
}

#[test]
fn met_or_not_met_needs_a_goal() {
    for (status, en) in [("met", "says met"), ("not_met", "says not met")] {
        let p = problems(|s| s["indicators"][1]["reported"][0]["status"] = json!(status));
        assert_named(
            status,
            &p,
            &[(
                "$.indicators[1].reported[0].status",
                "status_without_goal",
                &["$.indicators[1].reported[0].status", "$.indicators[1].goal"],
            )],
        );
        assert!(p[0].kind.message(Lang::En).contains(en));
    }
}

#[test]
fn a_general_goal_reports_no_value() {
    let p = problems(|s| s["goals"][0]["reported"][0]["value"] = json!(15));
    assert_named(
        "value",
        &p,
        &[(
            "$.goals[0].reported[0].value",
            "value_without_unit",
            &["$.goals[0].reported[0].value", "$.goals[0]", "note"],
        )],
    );
    assert_eq!(
        p[0].kind.message(Lang::En),
        "`$.goals[0].reported[0].value` is 15, but `$.goals[0]` is a general goal, with no unit to read a value in: say what is known in `note`"
    );
    // A status from the sources is fine without a value.
    assert_eq!(
        problems(|s| s["goals"][0]["reported"][0]["status"] = json!("not_met")),
        []
    );
}

/// 12/15 (October 2024) counts the 15 digital-government indicators of 2024: a set of its own,
/// which is what lets it be of 2024. Without `set` it would claim to be of the result year's 39.
#[test]
fn a_tally_of_a_later_set_names_its_set() {
    let p = problems(|s| {
        s["tallies"][1]
            .as_object_mut()
            .expect("a tally")
            .remove("set");
    });
    assert_named(
        "no set",
        &p,
        &[(
            "$.tallies[1].as_of",
            "as_of_outside_result_year",
            &["$.tallies[1].as_of", "$.as_of[1].year"],
        )],
    );
    let p = problems(|s| s["tallies"][1]["set"]["en"] = json!(" "));
    assert_named("blank", &p, &[("$.tallies[1].set.en", "empty_text", &[])]);
}
