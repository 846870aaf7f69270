//! The bundled data: every file under `public/data` reads without a single problem, the manifest
//! points at real files whose hashes match, and the figures are those of the sources.

use std::path::Path;

use chiso::snapshot::{Pillar, Status};
use chiso::validate::{check_published, parse_manifest, parse_snapshot};
use sha2::{Digest, Sha256};

fn data_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/public/data"))
}

fn json_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("public/data is readable") {
        let path = entry.expect("dir entry").path();
        if path.is_dir() {
            json_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
}

#[test]
fn every_bundled_file_validates() {
    let mut files = Vec::new();
    json_files(data_dir(), &mut files);
    assert!(files.len() >= 2, "expected the manifest and a snapshot");
    for f in files {
        let bytes = std::fs::read(&f).expect("readable");
        let result = if f.file_name().is_some_and(|n| n == "index.json") {
            parse_manifest(&bytes).map(|_| ())
        } else {
            parse_snapshot(&bytes).map(|_| ())
        };
        if let Err(p) = result {
            panic!("{}:\n{p}", f.display());
        }
    }
}

#[test]
fn the_manifest_lists_real_files_with_matching_hashes() {
    let manifest = parse_manifest(&std::fs::read(data_dir().join("index.json")).expect("manifest"))
        .expect("valid");
    let public = data_dir().parent().expect("public/");
    for entry in &manifest.snapshots {
        for v in &entry.versions {
            let bytes =
                std::fs::read(public.join(&v.path)).unwrap_or_else(|e| panic!("{}: {e}", v.path));
            let hash = format!("{:x}", Sha256::digest(&bytes));
            assert_eq!(hash, v.sha256, "{}: sha256 in index.json is stale", v.path);
            let snap = parse_snapshot(&bytes).expect("valid snapshot");
            assert_eq!(
                snap.id, entry.id,
                "{}: id differs from the manifest",
                v.path
            );
            assert_eq!(snap.period, entry.period, "{}: period differs", v.path);
            let late = check_published(&snap, &v.published);
            assert!(late.is_empty(), "{}:\n{late}", v.path);
        }
    }
}

#[test]
fn the_ba_ria_vung_tau_figures_are_the_sources_figures() {
    let bytes = std::fs::read(data_dir().join("ba-ria-vung-tau-2023.json")).expect("snapshot");
    let s = parse_snapshot(&bytes).expect("valid");
    assert_eq!(
        s.unit.successor.as_ref().map(|x| x.since.as_str()),
        Some("2025-07-01")
    );

    let eleven = &s.tallies[0];
    assert_eq!(eleven.as_of, "2023-11m");
    assert_eq!((eleven.overall.met, eleven.overall.assigned), (33, 39));
    assert_eq!(eleven.sources, vec!["vnpthcm-33-39-2023"]);
    let pillars: Vec<_> = eleven
        .pillars
        .as_ref()
        .expect("11-month split published")
        .iter()
        .map(|p| (p.pillar, p.met, p.assigned))
        .collect();
    assert_eq!(
        pillars,
        vec![
            (Pillar::DigitalGovernment, 13, 16),
            (Pillar::DigitalEconomy, 6, 8),
            (Pillar::DigitalSociety, 14, 15)
        ]
    );

    let year = &s.tallies[1];
    assert_eq!(
        (year.as_of.as_str(), year.overall.met, year.overall.assigned),
        ("2023-fy", 35, 39)
    );
    assert_eq!(year.pillars, None, "the full-year split was not published");

    // Only five indicators are named with a 2023 figure; none is claimed met or missed.
    let with_values: Vec<f64> = s
        .indicators
        .iter()
        .filter_map(|i| i.result.as_ref().map(|r| r.value))
        .collect();
    assert_eq!(with_values, vec![100.0, 100.0, 100.0, 100.0, 98.0]);
    assert!(s
        .indicators
        .iter()
        .all(|i| i.status == Status::Unknown && i.pillar.is_none()));
    // Two 2024 goals have no 2023 value: unknown, not zero.
    assert_eq!(
        s.indicators
            .iter()
            .filter(|i| i.result.is_none() && i.goal.is_some())
            .count(),
        2
    );

    let ctx = |id: &str| s.context.iter().find(|c| c.id == id).and_then(|c| c.value);
    assert_eq!(ctx("dti-score-2022"), Some(0.5878));
    assert_eq!(ctx("dti-score-2023"), Some(0.7353));
    assert_eq!(ctx("dti-rank-2022"), Some(28.0));
    assert_eq!(ctx("dti-rank-2023"), Some(10.0));
    assert_eq!(ctx("httt-duoc-phe-duyet-cap-do-2023"), Some(93.55));

    // The corrections of the second version (FACTS-NEXT.md): "gần 99%" is nearly, not about;
    // the 26 agencies are a count at the 29/1/2024 conference; the merger is cited.
    use chiso::snapshot::Qualifier;
    let fig = |id: &str| s.context.iter().find(|c| c.id == id).expect(id);
    assert_eq!(fig("tthc-dung-han-2023").qualifier, Some(Qualifier::Nearly));
    assert_eq!(fig("ioc-co-quan-tich-hop-2024-01-29").as_of, "2024-01-29");
    let succ = s.unit.successor.as_ref().expect("merged");
    assert_eq!(
        succ.sources,
        ["tvpl-qd-759-2025", "muabannhasaigon-sap-nhap-2025"]
    );
    let plan = s
        .initiatives
        .iter()
        .find(|i| i.id == "vung-tau-thu-6-ngay-truc-tuyen")
        .expect("Vũng Tàu");
    assert!(plan
        .description
        .vi
        .contains("đã xây dựng kế hoạch triển khai"));
    assert!(plan.description.en.contains("does not say it is running"));
    let pilot = s
        .initiatives
        .iter()
        .find(|i| i.id == "toc-tien-thu-hai-thu-nam")
        .expect("Tóc Tiên");
    assert!(pilot.description.vi.contains("vào thứ Hai và thứ Năm"));
    assert!(pilot.description.en.contains("on Mondays and Thursdays"));
    // No id names how the project was made.
    assert!(s.sources.iter().all(|x| !x.id.starts_with("seed")));

    // What happened next (FACTS-NEXT.md): the 2024 follow-up, and the DTI among the provinces.
    let fy = |id: &str| s.indicators.iter().find(|i| i.id == id).expect(id);
    let tthc = &fy("tthc-dvctt-toan-trinh").reported[0];
    assert_eq!(
        (tthc.value, tthc.as_of.as_str()),
        (Some(100.0), "2024-10-15")
    );
    assert_eq!(tthc.status, Status::Met);
    // Vũng Tàu City's 86.16% is the city's, never the province's value.
    let id = &fy("dinh-danh-xac-thuc-thong-suot").reported[0];
    assert_eq!((id.value, id.status), (None, Status::Unknown));
    let twelve = s.tallies.iter().find(|t| t.set.is_some()).expect("12/15");
    assert_eq!((twelve.overall.met, twelve.overall.assigned), (12, 15));
    let rank = |r: &str| s.rankings.iter().find(|x| x.id == r).expect(r);
    let d2022 = rank("dti-2022");
    assert_eq!(d2022.entries.len(), 63);
    assert_eq!(
        d2022.entries.iter().filter(|e| e.tie).count(),
        2,
        "two provinces 15th"
    );
    let d2023 = rank("dti-2023");
    assert_eq!(
        d2023.entries.iter().filter(|e| e.rank.is_some()).count(),
        13
    );
    assert_eq!(
        d2023.entries.iter().filter(|e| e.score.is_some()).count(),
        4
    );
    let brvt = d2023
        .entries
        .iter()
        .find(|e| e.unit == "ba-ria-vung-tau")
        .expect("BR-VT");
    assert_eq!((brvt.rank, brvt.score), (Some(10), Some(0.7353)));
    // The merged city's 2024 figure is not Bà Rịa – Vũng Tàu's own: it is another unit's, in
    // another grouping, and the province has no entry there.
    let d34 = rank("dti-2024-34");
    assert_eq!(d34.grouping, "vn-34");
    assert!(d34.entries.iter().all(|e| e.unit != "ba-ria-vung-tau"));
    let hcm = d34
        .entries
        .iter()
        .find(|e| e.unit == "ho-chi-minh-2025")
        .expect("HCM");
    assert_eq!((hcm.rank, hcm.score), (Some(4), Some(0.7770)));
    let avg = &s.series[0];
    let years: Vec<i32> = avg.points.iter().map(|p| p.year).collect();
    assert_eq!(years, [2020, 2021, 2022, 2023, 2024]);
    assert!(
        avg.points.iter().all(|p| p.note.is_some()),
        "each year's method is said"
    );
}

/// A published version is never edited: the first version lives on in the archive, and the
/// manifest still lists it, so links pinned to it keep their figures.
#[test]
fn the_first_version_is_archived_and_still_listed() {
    let manifest = parse_manifest(&std::fs::read(data_dir().join("index.json")).expect("manifest"))
        .expect("valid");
    let entry = manifest.entry("ba-ria-vung-tau-2023").expect("entry");
    let first = entry
        .version("02478a74b21c")
        .expect("the first version is listed");
    assert_eq!(
        first.path,
        "data/archive/ba-ria-vung-tau-2023.02478a74b21c.json"
    );
    let latest = entry.latest().expect("a latest version");
    assert_eq!(latest.path, "data/ba-ria-vung-tau-2023.json");
    assert_ne!(latest.version, first.version);
}

/// The first published version of the Bà Rịa – Vũng Tàu snapshot, as its hash names it. It stays
/// listed (published versions are never removed, only moved under `data/archive/`), and every
/// rule the validator has, now or later, must let it through: a rule it fails is a wrong rule.
#[test]
fn the_first_published_version_passes_every_rule() {
    const FIRST: &str = "02478a74b21cb3895d60af2bd97ad5a8fc1a1dea30825fb03ff3660ff36831ef";
    let manifest = parse_manifest(&std::fs::read(data_dir().join("index.json")).expect("manifest"))
        .expect("valid");
    let v = manifest
        .snapshots
        .iter()
        .flat_map(|e| &e.versions)
        .find(|v| v.sha256 == FIRST)
        .expect("the first version is still listed in index.json");
    let path = data_dir().parent().expect("public/").join(&v.path);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert_eq!(format!("{:x}", Sha256::digest(&bytes)), FIRST, "{}", v.path);
    let s = parse_snapshot(&bytes).unwrap_or_else(|p| panic!("{}:\n{p}", v.path));
    let late = check_published(&s, &v.published);
    assert!(late.is_empty(), "{}:\n{late}", v.path);
}
