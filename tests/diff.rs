//! What changed between the published versions of the bundled snapshot, and `chiso-diff`.

use std::process::Command;

use chiso::diff::{diff, revisions, Change, ChangeKind, Field, Figure, Revised, Value};
use chiso::snapshot::{Count, Snapshot};
use chiso::validate::parse_snapshot;

const FIRST: &str = "public/data/archive/ba-ria-vung-tau-2023.02478a74b21c.json";
const CURRENT: &str = "public/data/ba-ria-vung-tau-2023.json";

fn bytes(path: &str) -> Vec<u8> {
    std::fs::read(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).expect(path)
}

fn read(path: &str) -> Snapshot {
    parse_snapshot(&bytes(path)).expect(path)
}

/// The current file with `edit` applied to its JSON, read back through the validator.
fn mutated(edit: impl FnOnce(&mut serde_json::Value)) -> Snapshot {
    let mut json: serde_json::Value = serde_json::from_slice(&bytes(CURRENT)).expect("JSON");
    edit(&mut json);
    parse_snapshot(&serde_json::to_vec(&json).expect("writes")).expect("still valid")
}

fn keys(changes: &[Change]) -> Vec<String> {
    changes.iter().map(|c| c.key.to_string()).collect()
}

fn find<'a>(changes: &'a [Change], key: &str) -> &'a Change {
    changes
        .iter()
        .find(|c| c.key.to_string() == key)
        .unwrap_or_else(|| panic!("no change at {key} in {:#?}", keys(changes)))
}

#[test]
fn the_first_version_against_the_current_one() {
    let changes = diff(&read(FIRST), &read(CURRENT));
    let all = keys(&changes);

    let nearly = find(&changes, "context[tthc-dung-han-2023].qualifier");
    assert_eq!(nearly.kind, ChangeKind::Changed);

    // The IOC count's as-of was corrected: one figure whose as-of changed, not a removal and an
    // addition.
    let ioc: Vec<&String> = all.iter().filter(|k| k.contains("[ioc-")).collect();
    assert_eq!(ioc, ["context[ioc-co-quan-tich-hop-2024-01-29].as_of"]);
    let ioc = find(&changes, "context[ioc-co-quan-tich-hop-2024-01-29].as_of");
    assert_eq!(ioc.kind, ChangeKind::Changed);
    assert_eq!(ioc.old, Some(Value::AsOf("2023-fy".into())));
    assert_eq!(ioc.new, Some(Value::AsOf("2024-01-29".into())));

    let vung_tau = find(
        &changes,
        "initiatives[vung-tau-thu-6-ngay-truc-tuyen].description",
    );
    assert!(matches!(&vung_tau.new, Some(Value::Text(t)) if t.en.contains("drawn up a plan")));

    // The new sources, and the merger now cited.
    for key in [
        "sources[tvpl-qd-759-2025]",
        "sources[muabannhasaigon-sap-nhap-2025]",
        "sources[dcs-brvt-chinh-quyen-so]",
    ] {
        assert_eq!(find(&changes, key).kind, ChangeKind::Added, "{key}");
    }
    assert_eq!(
        find(&changes, "unit.successor.sources").kind,
        ChangeKind::Changed
    );
    // The first report's source only changed its id: the same source, by its link.
    assert!(!all.iter().any(|k| k.contains("seed-vnpthcm")), "{all:#?}");

    // The 2024 follow-up and the rankings are additions.
    for key in [
        "tallies[15 chỉ tiêu chính quyền số năm 2024 @ 2024-10-15]",
        "indicators[lanh-dao-dung-tro-ly-ao-ioc].reported[2024-10-15]",
        "indicators[dinh-danh-xac-thuc-thong-suot].reported[2024-10-15]",
        "context[httt-duoc-phe-duyet-cap-do-2024-10-15]",
        "rankings[dti-2022]",
        "rankings[dti-2024-34]",
        "series[dti-trung-binh-cap-tinh]",
    ] {
        assert_eq!(find(&changes, key).kind, ChangeKind::Added, "{key}");
    }
    // A report whose value is not published is added as unknown, never as 0.
    let city = find(
        &changes,
        "indicators[dinh-danh-xac-thuc-thong-suot].reported[2024-10-15]",
    );
    assert_eq!(city.new, None);

    assert!(
        changes.iter().all(|c| !c.loud()),
        "{:#?}",
        changes.iter().filter(|c| c.loud()).collect::<Vec<_>>()
    );

    // In the new file's order: the unit, the sources, the tallies, the indicators, the
    // initiatives, the context, the rankings, the series.
    let at = |key: &str| all.iter().position(|k| k == key).expect(key);
    assert!(at("unit.successor.sources") < at("sources[tvpl-qd-759-2025]"));
    assert!(
        at("sources[tvpl-qd-759-2025]")
            < at("tallies[15 chỉ tiêu chính quyền số năm 2024 @ 2024-10-15]")
    );
    assert!(
        at("initiatives[vung-tau-thu-6-ngay-truc-tuyen].description")
            < at("context[tthc-dung-han-2023].qualifier")
    );
    assert!(at("rankings[dti-2024-34]") < at("series[dti-trung-binh-cap-tinh]"));
}

#[test]
fn the_same_file_has_no_change() {
    assert!(diff(&read(CURRENT), &read(CURRENT)).is_empty());
    assert!(diff(&read(FIRST), &read(FIRST)).is_empty());
}

#[test]
fn a_value_deleted_or_set_to_null_is_a_loud_change_at_its_key() {
    let current = read(CURRENT);
    type Edit = fn(&mut serde_json::Value);
    let cases: [(&str, ChangeKind, Edit); 7] = [
        (
            "context[dti-score-2023].value",
            ChangeKind::BecameUnknown,
            |j| j["context"][1]["value"] = serde_json::Value::Null,
        ),
        ("context[dti-score-2023]", ChangeKind::Removed, |j| {
            j["context"].as_array_mut().expect("list").remove(1);
        }),
        (
            "indicators[so-hoa-ket-qua-tthc].goal",
            ChangeKind::Removed,
            |j| j["indicators"][6]["goal"] = serde_json::Value::Null,
        ),
        (
            "indicators[lanh-dao-dung-tro-ly-ao-ioc].result",
            ChangeKind::BecameUnknown,
            |j| j["indicators"][4]["result"] = serde_json::Value::Null,
        ),
        (
            "indicators[tthc-dvctt-toan-trinh].reported[2024-10-15].value",
            ChangeKind::BecameUnknown,
            |j| {
                let r = &mut j["indicators"][0]["reported"][0];
                r["value"] = serde_json::Value::Null;
                r["status"] = "unknown".into();
            },
        ),
        ("rankings[dti-2023].mean", ChangeKind::BecameUnknown, |j| {
            j["rankings"][1]["mean"] = serde_json::Value::Null
        }),
        (
            "series[dti-trung-binh-cap-tinh].points[2022]",
            ChangeKind::BecameUnknown,
            |j| j["series"][0]["points"][2]["value"] = serde_json::Value::Null,
        ),
    ];
    for (key, kind, edit) in cases {
        let changes = diff(&current, &mutated(edit));
        let c = find(&changes, key);
        assert_eq!(c.kind, kind, "{key}");
        assert!(c.loud(), "{key}");
        assert!(c.old.is_some() && c.new.is_none(), "{key}: {c:?}");
        assert_eq!(keys(&changes)[0], key, "the first change is the one made");
    }
    // A ranking entry's score turned unknown, and a tally's split withdrawn.
    let changes = diff(
        &current,
        &mutated(|j| {
            for e in j["rankings"][0]["entries"].as_array_mut().expect("list") {
                if e["unit"] == "ba-ria-vung-tau" {
                    e["score"] = serde_json::Value::Null;
                }
            }
            j["tallies"][0]["pillars"] = serde_json::Value::Null;
        }),
    );
    assert!(changes.iter().all(Change::loud), "{changes:#?}");
    assert_eq!(
        keys(&changes),
        [
            "tallies[2023-11m].pillars.digital_government",
            "tallies[2023-11m].pillars.digital_economy",
            "tallies[2023-11m].pillars.digital_society",
            "rankings[dti-2022].entries[ba-ria-vung-tau].score",
        ]
    );
}

#[test]
fn a_removal_stands_where_it_stood_in_the_old_version() {
    let old = read(CURRENT);
    let new = mutated(|j| {
        j["indicators"].as_array_mut().expect("list").remove(2);
        j["indicators"][3]["status"] = "met".into();
    });
    assert_eq!(
        keys(&diff(&old, &new)),
        [
            "indicators[cong-ttdt-nhan-tin-nhiem-mang]",
            "indicators[lanh-dao-dung-tro-ly-ao-ioc].status",
        ]
    );
}

#[test]
fn a_figure_s_as_ofs_within_the_current_version() {
    let s = read(CURRENT);
    let all = revisions(&s);
    let counts = |of: &Revised| -> Vec<Option<Value>> {
        all.iter()
            .find(|r| &r.of == of)
            .map(|r| r.steps.iter().map(|x| x.value.clone()).collect())
            .unwrap_or_default()
    };
    let count = |met, assigned| Some(Value::Count(Count { met, assigned }));
    assert_eq!(
        counts(&Revised::Tallies { set: None }),
        [count(33, 39), count(35, 39)]
    );
    let ioc = all
        .iter()
        .find(|r| {
            r.of == Revised::Indicator {
                id: "lanh-dao-dung-tro-ly-ao-ioc".into(),
            }
        })
        .expect("the IOC indicator");
    let steps: Vec<(Option<f64>, &str)> = ioc
        .steps
        .iter()
        .map(|x| match &x.value {
            Some(Value::Figure { value, .. }) => (Some(*value), x.as_of.as_str()),
            _ => (None, x.as_of.as_str()),
        })
        .collect();
    assert_eq!(
        steps,
        [(Some(98.0), "2023-11m"), (Some(100.0), "2024-10-15")]
    );
    // A tally of another set never continues the result year's: 12/15 of 2024 is not a step
    // after 13/16 of 2023, nor after 35/39.
    for r in &all {
        let has = |c: Count| r.steps.iter().any(|x| x.value == Some(Value::Count(c)));
        let new_set = has(Count {
            met: 12,
            assigned: 15,
        });
        let old_set = has(Count {
            met: 35,
            assigned: 39,
        }) || has(Count {
            met: 13,
            assigned: 16,
        });
        assert!(!(new_set && old_set), "{r:?}");
    }
    assert!(!all
        .iter()
        .any(|r| matches!(&r.of, Revised::Tallies { set: Some(_) })));
    // Context series of several years read as one figure over time.
    assert_eq!(
        counts(&Revised::Context {
            series: "dti-rank".into()
        })
        .len(),
        2
    );
}

#[test]
fn a_later_set_s_tallies_are_revisions_of_their_own() {
    let s = mutated(|j| {
        let mut earlier = j["tallies"][2].clone();
        earlier["as_of"] = "2024-01-29".into();
        earlier["overall"]["met"] = 10.into();
        earlier["pillars"][0]["met"] = 10.into();
        j["tallies"].as_array_mut().expect("list").push(earlier);
    });
    let later = revisions(&s)
        .into_iter()
        .find(|r| matches!(&r.of, Revised::Tallies { set: Some(_) }))
        .expect("the 2024 set");
    let as_ofs: Vec<&str> = later.steps.iter().map(|x| x.as_of.as_str()).collect();
    assert_eq!(as_ofs, ["2024-01-29", "2024-10-15"], "ordered by as-of");
}

#[test]
fn keys_name_the_figure_and_its_field() {
    let key = Figure::Indicator("so-hoa-ket-qua-tthc".into()).field(Field::GoalValue);
    assert_eq!(
        key.to_string(),
        "indicators[so-hoa-ket-qua-tthc].goal.value"
    );
}

fn run(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_chiso-diff"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn the_cli_prints_each_change_in_both_languages() {
    let (code, out) = run(&[FIRST, CURRENT]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains(
            "Thủ tục hành chính được giải quyết đúng hạn: khoảng 99% → gần 99% / \
             Administrative procedures resolved on time: about 99% → nearly 99%"
        ),
        "{out}"
    );
    assert!(
        out.contains("· thời điểm: cả năm 2023 → ngày 29/1/2024 / "),
        "{out}"
    );
    assert!(
        out.contains("· as of: full year 2023 → 29 January 2024"),
        "{out}"
    );
    assert!(
        !out.lines().any(|l| l.starts_with('!')),
        "nothing loud: {out}"
    );
    let last = out.lines().last().expect("a count line");
    assert!(
        last.ends_with(
            "0 giá trị bị bỏ hoặc thành chưa rõ. / 40 changes, 0 values removed or turned unknown."
        ),
        "{last}"
    );
    assert_eq!(out.lines().count(), 41);

    let (code, out) = run(&[CURRENT, CURRENT]);
    assert_eq!(
        (code, out.as_str()),
        (0, "Không có thay đổi. / No change.\n")
    );
}

#[test]
fn the_cli_marks_a_value_turned_unknown() {
    let path = std::env::temp_dir().join(format!("chiso-diff-{}.json", std::process::id()));
    let mut json: serde_json::Value = serde_json::from_slice(&bytes(CURRENT)).expect("JSON");
    json["context"][1]["value"] = serde_json::Value::Null;
    std::fs::write(&path, serde_json::to_vec(&json).expect("writes")).expect("written");
    let (code, out) = run(&[CURRENT, path.to_str().expect("UTF-8 path")]);
    let _ = std::fs::remove_file(&path);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.starts_with(
            "! Điểm chỉ số chuyển đổi số cấp tỉnh (DTI): 0,7353 → chưa công bố / \
             Provincial digital transformation index (DTI) score: 0.7353 → not published\n"
        ),
        "{out}"
    );
}

#[test]
fn the_cli_refuses_a_broken_file_as_chiso_check_does() {
    let (code, out) = run(&[FIRST, "tests/fixtures/wrong-types.json"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("tests/fixtures/wrong-types.json: $.tallies[0].overall.met: expected u32, found string \"33\" / "),
        "{out}"
    );
    let (code, out) = run(&["tests/fixtures/empty.json", CURRENT]);
    assert_eq!(code, 1);
    assert!(
        out.contains("tests/fixtures/empty.json: $: the file is empty / tệp rỗng"),
        "{out}"
    );
    let (code, out) = run(&["no-such-file.json", CURRENT]);
    assert_eq!(code, 1);
    assert!(
        out.starts_with("no-such-file.json: $: cannot read the file"),
        "{out}"
    );
    assert_eq!(run(&[CURRENT]).0, 2);
    assert_eq!(run(&[]).0, 2);
    assert_eq!(run(&[CURRENT, CURRENT, CURRENT]).0, 2);
}
