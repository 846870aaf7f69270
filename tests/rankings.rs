//! Units among others: units and the days they existed, the groupings they are ranked in, and
//! the rankings. A rank always belongs to its grouping: the former province is never among the 34
//! after the merger, the merged city never among the 63 before it, and a rank is never beyond the
//! grouping's size. The base is `tests/fixtures/later-parts.json`, a small valid snapshot with
//! every later part: units 0–3 until 2025-06-30 (Đà Nẵng, Thanh Hóa, Yên Bái, Bà Rịa – Vũng Tàu),
//! 4–7 since 2025-07-01; groupings `vn-63` (as of 2025-06-30) and `vn-34` (as of 2025-07-01);
//! rankings DTI 2022 among the 63 (with the tie at 15) and DTI 2024 among the 34 (with an unknown
//! rank).

use std::path::Path;

use chiso::i18n::Lang;
use chiso::validate::parse_snapshot;
use serde_json::{json, Value};

mod common;
use common::{assert_named, later_parts, problems_of};

/// The problems of the later-parts snapshot with `change` made to it; none when it is accepted.
fn problems(change: impl FnOnce(&mut Value)) -> Vec<chiso::validate::Problem> {
    problems_of(later_parts(), change)
}

/// The grouping of the 63 with all its members listed: the four units of the base (units 0–3,
/// members 0–3) and 59 more, `tinh-4` to `tinh-62` (units 8–66).
fn listed(s: &mut Value) {
    let mut members = vec![
        json!("da-nang"),
        json!("thanh-hoa"),
        json!("yen-bai"),
        json!("ba-ria-vung-tau"),
    ];
    for i in 4..63 {
        let id = format!("tinh-{i}");
        let name = json!({ "vi": format!("Tỉnh {i}"), "en": format!("Province {i}") });
        let unit = json!({ "id": id, "name": name, "until": "2025-06-30" });
        s["units"].as_array_mut().expect("units").push(unit);
        members.push(json!(id));
    }
    s["groupings"][0]["members"] = Value::Array(members);
}

#[test]
fn the_base_is_valid_and_so_is_the_bundled_snapshot() {
    assert_eq!(problems(|_| {}), []);
    assert_eq!(problems(listed), []);
    let bundled =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("public/data/ba-ria-vung-tau-2023.json");
    let s = parse_snapshot(&std::fs::read(bundled).expect("readable")).expect("valid");
    assert!(s.rankings.iter().any(|r| r.entries.iter().any(|e| e.tie)));
    assert!(s.groupings.iter().any(|g| !g.members.is_empty()));
}

#[test]
fn units_end_after_they_begin_and_are_succeeded_by_another_after_they_end() {
    // Yên Bái is no longer listed, so its rank is a dangling reference too.
    assert_named(
        "twice",
        &problems(|s| s["units"][2]["id"] = json!("thanh-hoa")),
        &[
            ("$.units[2].id", "duplicate_id", &[]),
            ("$.rankings[0].entries[2].unit", "unknown_unit", &["units"]),
        ],
    );
    let p = problems(|s| s["units"][6]["until"] = json!("2025-06-30"));
    assert_named(
        "until before since",
        &p,
        &[(
            "$.units[6].until",
            "until_before_since",
            &["$.units[6].until", "$.units[6].since"],
        )],
    );
    assert_eq!(
        p[0].kind.message(Lang::En),
        "`$.units[6].until` 2025-06-30 is before `$.units[6].since` 2025-07-01: a unit cannot end before it begins"
    );
    // A unit of one day begins and ends on it.
    assert_eq!(
        problems(|s| s["units"][6]["until"] = json!("2025-07-01")),
        []
    );
    assert_named(
        "itself",
        &problems(|s| s["units"][0]["successor"] = json!("da-nang")),
        &[(
            "$.units[0].successor",
            "own_successor",
            &["$.units[0].successor"],
        )],
    );
    assert_named(
        "dangling",
        &problems(|s| s["units"][0]["successor"] = json!("quang-nam-2025")),
        &[("$.units[0].successor", "unknown_unit", &["units"])],
    );
    let p = problems(|s| s["units"][6]["since"] = json!("2025-06-30"));
    assert_named(
        "successor too early",
        &p,
        &[(
            "$.units[0].successor",
            "successor_not_after",
            &[
                "$.units[0].successor",
                "$.units[6].since",
                "$.units[0].until",
            ],
        )],
    );
    assert_eq!(
        p[0].kind.message(Lang::En),
        "`$.units[0].successor` is `da-nang-2025`, which exists since 2025-06-30 (`$.units[6].since`), not after this unit's last day 2025-06-30 (`$.units[0].until`): a successor cannot exist before its predecessor ends"
    );
    // Dates to the month or the year are read in the unit's favour; a day that is no date is
    // refused as such; a unit code is an administrative unit's id.
    for (pointer, value) in [
        ("/units/0/until", "2025-06"),
        ("/units/6/since", "2025"),
        ("/units/6/since", "2025-06"),
    ] {
        let p = problems(|s| *s.pointer_mut(pointer).expect("path") = json!(value));
        assert_eq!(p, [], "{pointer} := {value}");
    }
    let p = problems(|s| s["units"][4]["since"] = json!("2025-07-32"));
    assert_named("no day", &p, &[("$.units[4].since", "bad_date", &[])]);
    let p = problems(|s| s["units"][3]["code"] = json!("VN 43"));
    assert_named("code", &p, &[("$.units[3].code", "bad_id", &[])]);
}

#[test]
fn a_grouping_has_a_plausible_size_and_lists_all_its_members_or_none() {
    for size in [0, 1001] {
        let p = problems(|s| s["groupings"][1]["size"] = json!(size));
        assert_named("size", &p, &[("$.groupings[1].size", "out_of_range", &[])]);
        assert_eq!(
            p[0].kind.message(Lang::En),
            format!("{size} is outside 1–1000")
        );
    }
    let p = problems(|s| {
        listed(s);
        s["groupings"][0]["size"] = json!(64);
    });
    assert_named(
        "not all",
        &p,
        &[(
            "$.groupings[0].members",
            "members_not_size",
            &["$.groupings[0].members", "$.groupings[0].size"],
        )],
    );
    assert_eq!(
        p[0].kind.message(Lang::En),
        "`$.groupings[0].members` lists 63 units, but `$.groupings[0].size` is 64: listed members are all of them"
    );
    let p = problems(|s| {
        listed(s);
        s["groupings"][0]["members"][3] = json!("yen-bai");
    });
    assert_named(
        "twice",
        &p,
        &[
            ("$.groupings[0].members[3]", "duplicate_id", &[]),
            // Bà Rịa – Vũng Tàu is ranked, and no longer listed.
            (
                "$.rankings[0].entries[3].unit",
                "not_a_member",
                &["$.rankings[0].entries[3].unit", "$.groupings[0].members"],
            ),
        ],
    );
    let p = problems(|s| {
        listed(s);
        s["groupings"][0]["members"][3] = json!("vung-tau");
        s["rankings"][0]["entries"]
            .as_array_mut()
            .expect("entries")
            .pop();
    });
    assert_named(
        "dangling",
        &p,
        &[("$.groupings[0].members[3]", "unknown_unit", &[])],
    );
    // A member is a unit of the grouping's day.
    let p = problems(|s| {
        listed(s);
        s["groupings"][0]["members"][3] = json!("ho-chi-minh-2025");
        s["rankings"][0]["entries"]
            .as_array_mut()
            .expect("entries")
            .pop();
    });
    assert_named(
        "not of its day",
        &p,
        &[(
            "$.groupings[0].members[3]",
            "unit_not_valid_on",
            &[
                "$.groupings[0].members[3]",
                "$.groupings[0].as_of",
                "$.units[5].since",
            ],
        )],
    );
}

/// FACTS-NEXT.md, "How to model it": a rank carries its grouping, and a unit's figures stay
/// within its validity.
#[test]
fn a_unit_is_ranked_only_among_the_units_of_its_day() {
    let p = problems(|s| {
        s["rankings"][1]["entries"][1] = json!({ "unit": "ba-ria-vung-tau", "rank": 4, "score": 0.777, "sources": ["dantri-2025-10-21"] });
    });
    assert_named(
        "the former province among the 34",
        &p,
        &[(
            "$.rankings[1].entries[1].unit",
            "unit_not_valid_on",
            &[
                "$.rankings[1].entries[1].unit",
                "$.groupings[1].as_of",
                "$.units[3].until",
            ],
        )],
    );
    assert_eq!(
        p[0].kind.message(Lang::En),
        "`$.rankings[1].entries[1].unit` is `ba-ria-vung-tau`, which no longer existed on the grouping's day 2025-07-01 (`$.groupings[1].as_of`): it existed until 2025-06-30 (`$.units[3].until`)"
    );
    let p = problems(|s| s["rankings"][0]["entries"][3]["unit"] = json!("ho-chi-minh-2025"));
    assert_named(
        "the merged city among the 63",
        &p,
        &[(
            "$.rankings[0].entries[3].unit",
            "unit_not_valid_on",
            &[
                "$.rankings[0].entries[3].unit",
                "$.groupings[0].as_of",
                "$.units[5].since",
            ],
        )],
    );
    assert!(p[0]
        .kind
        .message(Lang::Vi)
        .contains("chưa có vào ngày 2025-06-30 của nhóm"));
    // Where the grouping lists its members, an entry is one of them.
    let p = problems(|s| {
        listed(s);
        s["groupings"][0]["members"][2] = json!("tinh-63");
        let name = json!({ "vi": "Tỉnh 63", "en": "Province 63" });
        let unit = json!({ "id": "tinh-63", "name": name, "until": "2025-06-30" });
        s["units"].as_array_mut().expect("units").push(unit);
    });
    assert_named(
        "not a member",
        &p,
        &[(
            "$.rankings[0].entries[2].unit",
            "not_a_member",
            &["$.rankings[0].entries[2].unit", "$.groupings[0].members"],
        )],
    );
    // Every unit ranked is listed in `units`, once per ranking.
    let p = problems(|s| s["rankings"][0]["entries"][3]["unit"] = json!("vung-tau"));
    assert_named(
        "dangling",
        &p,
        &[("$.rankings[0].entries[3].unit", "unknown_unit", &[])],
    );
    let p = problems(|s| {
        s["rankings"][0]["entries"][3]["unit"] = json!("da-nang");
        s["rankings"][0]["entries"][3]["rank"] = json!(2);
    });
    assert_named(
        "twice",
        &p,
        &[("$.rankings[0].entries[3].unit", "duplicate_id", &[])],
    );
}

#[test]
fn one_ranking_per_grouping_and_year() {
    let p = problems(|s| {
        let mut again = s["rankings"][0].clone();
        again["id"] = json!("dti-2022-lai");
        s["rankings"].as_array_mut().expect("rankings").push(again);
    });
    assert_named(
        "again",
        &p,
        &[(
            "$.rankings[2]",
            "duplicate_ranking",
            &["$.rankings[2]", "$.rankings[0]", "vn-63"],
        )],
    );
    assert_eq!(
        p[0].kind.message(Lang::En),
        "`$.rankings[2]` and `$.rankings[0]` both rank the grouping `vn-63` for 2022: one score per unit and year"
    );
    // The same year in another grouping is another ranking (DTI 2024: the 63 and the 34).
    let p = problems(|s| s["rankings"][0]["year"] = json!(2024));
    assert_eq!(p, []);
    // A grouping that does not exist; a year out of range; a published date that is none.
    let p = problems(|s| {
        s["rankings"][1]["grouping"] = json!("vn-35");
        s["rankings"][0]["year"] = json!(1999);
        s["rankings"][0]["published"] = json!("2023-13");
    });
    let got: Vec<_> = p.iter().map(|p| (p.path.as_str(), p.kind.code())).collect();
    assert_eq!(
        got,
        [
            ("$.rankings[0].year", "out_of_range"),
            ("$.rankings[0].published", "bad_date"),
            ("$.rankings[1].grouping", "unknown_grouping"),
        ]
    );
}

#[test]
fn a_rank_is_within_the_grouping() {
    let p = problems(|s| s["rankings"][1]["entries"][1]["rank"] = json!(35));
    assert_named(
        "35 of 34",
        &p,
        &[(
            "$.rankings[1].entries[1].rank",
            "rank_over_out_of",
            &["$.rankings[1].entries[1].rank", "$.groupings[1].size"],
        )],
    );
    assert_eq!(
        p[0].kind.message(Lang::En),
        "`$.rankings[1].entries[1].rank` is rank 35, but `$.groupings[1].size` says only 34 were ranked"
    );
    let p = problems(|s| s["rankings"][1]["entries"][1]["rank"] = json!(0));
    assert_named(
        "0",
        &p,
        &[("$.rankings[1].entries[1].rank", "out_of_range", &[])],
    );
    let p = problems(|s| s["rankings"][1]["entries"][1]["rank"] = json!(34));
    assert_eq!(p, []);
}

#[test]
fn ranks_are_unique_unless_tied() {
    // DTI 2022: Thanh Hóa and Yên Bái both 15th, as the source has it.
    let p = problems(|s| s["rankings"][0]["entries"][2]["tie"] = json!(false));
    assert_named(
        "one says tie",
        &p,
        &[(
            "$.rankings[0].entries[2].rank",
            "shared_rank_without_tie",
            &[
                "$.rankings[0].entries[2].rank",
                "$.rankings[0].entries[1].rank",
                "$.rankings[0].entries[2].tie",
            ],
        )],
    );
    assert_eq!(
        p[0].kind.message(Lang::En),
        "`$.rankings[0].entries[2].rank` and `$.rankings[0].entries[1].rank` are both rank 15, but `$.rankings[0].entries[2].tie` does not say tie: ranks are unique unless the source gives a tie"
    );
    let p = problems(|s| {
        s["rankings"][0]["entries"][3]["rank"] = json!(1);
    });
    let got: Vec<_> = p.iter().map(|p| (p.path.as_str(), p.kind.code())).collect();
    assert_eq!(
        got,
        [
            ("$.rankings[0].entries[0].rank", "shared_rank_without_tie"),
            ("$.rankings[0].entries[3].rank", "shared_rank_without_tie"),
        ]
    );
    // A tie with no partner, or with no rank at all.
    let p = problems(|s| s["rankings"][0]["entries"][3]["tie"] = json!(true));
    assert_named(
        "alone",
        &p,
        &[(
            "$.rankings[0].entries[3].tie",
            "tie_alone",
            &["$.rankings[0].entries[3].tie", "$.rankings[0].entries"],
        )],
    );
    assert_eq!(
        p[0].kind.message(Lang::En),
        "`$.rankings[0].entries[3].tie` says tie, but no other entry of `$.rankings[0].entries` has rank 28"
    );
    let p = problems(|s| s["rankings"][1]["entries"][2]["tie"] = json!(true));
    assert_named(
        "unknown rank",
        &p,
        &[(
            "$.rankings[1].entries[2].tie",
            "tie_alone",
            &["$.rankings[1].entries[2].tie"],
        )],
    );
    assert!(p[0].kind.message(Lang::En).contains("the rank is unknown"));
    // Unknown ranks are many and tie with nothing (the last three of 2024, order not given).
    let p = problems(|s| {
        s["rankings"][1]["entries"][1]["rank"] = Value::Null;
    });
    assert_eq!(p, []);
}

#[test]
fn scores_and_means_are_scores() {
    let p = problems(|s| {
        s["rankings"][0]["entries"][0]["score"] = json!(80.02);
        s["rankings"][0]["mean"]["value"] = json!(-0.1);
    });
    let got: Vec<_> = p.iter().map(|p| (p.path.as_str(), p.kind.code())).collect();
    assert_eq!(
        got,
        [
            ("$.rankings[0].entries[0].score", "out_of_range"),
            ("$.rankings[0].mean.value", "out_of_range"),
        ]
    );
    assert_eq!(p[0].kind.message(Lang::En), "80.02 is outside 0–1");
}

/// A unit's code names one unit, as its id does.
#[test]
fn a_code_names_one_unit() {
    let p = problems(|s| s["units"][0]["code"] = json!("VN-43"));
    assert_named(
        "one code, two units",
        &p,
        &[("$.units[3].code", "duplicate_id", &["VN-43"])],
    );
    assert!(p[0].kind.message(Lang::Vi).contains("$.units[0].code"));
    // Units without a code are not said to share one.
    assert!(problems(|s| {
        for u in s["units"].as_array_mut().expect("units") {
            u.as_object_mut().expect("unit").remove("code");
        }
    })
    .is_empty());
}

/// A version cannot report a ranking published after the version itself.
#[test]
fn a_ranking_is_published_before_the_version_that_reports_it() {
    use chiso::validate::check_published;
    let s = parse_snapshot(&serde_json::to_vec(&later_parts()).expect("JSON")).expect("valid");
    let latest = s
        .rankings
        .iter()
        .filter_map(|r| r.published.clone())
        .max()
        .expect("a ranking with its publication day");
    assert!(check_published(&s, "2099-01-01").is_empty());
    let early = check_published(&s, "2024-01-01");
    let paths: Vec<&str> = early.iter().map(|p| p.path.as_str()).collect();
    assert!(
        paths
            .iter()
            .any(|p| p.starts_with("$.rankings[") && p.ends_with("].published")),
        "{paths:?} (latest ranking published {latest})"
    );
    for lang in [Lang::Vi, Lang::En] {
        let m = early.iter().last().expect("one").kind.message(lang);
        assert!(m.contains("2024-01-01"), "{m}");
    }
}
