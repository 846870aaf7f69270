//! What the editor takes away once a snapshot is ready: the snapshot JSON, its manifest entry
//! (version, path, SHA-256, the day published), the manifest with the new version first, and the
//! steps to publish it in the same words `chiso-import` prints (`import::Step`). And the snapshot
//! as the page would load it once published, for the preview.

use crate::import::{publish, Archive, Step};
use crate::snapshot::{Loaded, Manifest, ManifestEntry, Snapshot, SnapshotVersion, SCHEMA_VERSION};

/// Where the site's files are in the repository: the manifest's paths are relative to it.
pub const SITE_ROOT: &str = "public/";
/// The manifest, in the repository.
pub const MANIFEST: &str = "public/data/index.json";

/// The files and the steps.
#[derive(Debug, Clone, PartialEq)]
pub struct TakeAway {
    /// The snapshot's file name (`ba-ria-vung-tau-2023.json`).
    pub file_name: String,
    pub json: String,
    /// The new version's entry in the manifest, and its file name
    /// (`ba-ria-vung-tau-2023.229ead0303af.entry.json`).
    pub entry: SnapshotVersion,
    pub entry_file_name: String,
    pub entry_json: String,
    /// The whole manifest with the new version first (and the old one at its archive path); none
    /// where the published manifest could not be loaded: a manifest of this snapshot alone would
    /// drop every other one.
    pub manifest_json: Option<String>,
    /// Where the version it replaces goes, where it replaces one.
    pub archive: Option<Archive>,
    /// In order, each said in both languages by [`Step::message`].
    pub steps: Vec<Step>,
}

/// The manifest as published (none when it could not be loaded: then no manifest is offered,
/// and the steps add the entry by hand), the snapshot ready and its JSON, and the day it would
/// be published. `Err`
/// with the published version's name when it is that version already, byte for byte.
pub fn take_away(
    published: Option<&Manifest>,
    snapshot: &Snapshot,
    json: &str,
    today: &str,
) -> Result<TakeAway, String> {
    let empty = empty_manifest(snapshot);
    let manifest = published.unwrap_or(&empty);
    let publication = publish(manifest, snapshot, json, today).map_err(|u| u.version)?;
    let v = &publication.version;
    let file_name = format!("{}.json", snapshot.id);
    let in_repo = |p: &str| format!("{SITE_ROOT}{p}");
    let mut steps = Vec::new();
    if let Some(a) = &publication.archive {
        steps.push(Step::Archive {
            from: in_repo(&a.from),
            to: in_repo(&a.to),
        });
    }
    steps.push(Step::Copy {
        from: file_name.clone(),
        to: in_repo(&v.path),
    });
    steps.push(Step::EditManifest {
        manifest: MANIFEST.into(),
        archived: publication.archive.as_ref().map(|a| a.to.clone()),
    });
    steps.push(Step::Check {
        manifest: MANIFEST.into(),
    });
    Ok(TakeAway {
        file_name,
        json: json.to_string(),
        entry: v.clone(),
        entry_file_name: format!("{}.{}.entry.json", snapshot.id, v.version),
        entry_json: pretty(v),
        manifest_json: published.map(|_| crate::import::manifest_json(&publication.manifest)),
        archive: publication.archive.clone(),
        steps,
    })
}

/// The snapshot as the page will load it once published: the manifest with its new version
/// first (or as published, when it is that version already).
pub fn as_published(
    published: Option<&Manifest>,
    snapshot: &Snapshot,
    json: &str,
    today: &str,
) -> Loaded {
    let empty = empty_manifest(snapshot);
    let manifest = published.unwrap_or(&empty);
    let (manifest, version) = match publish(manifest, snapshot, json, today) {
        Ok(p) => (p.manifest, Some(p.version)),
        Err(_) => (manifest.clone(), None),
    };
    let entry = manifest
        .entry(&snapshot.id)
        .cloned()
        .unwrap_or_else(|| ManifestEntry {
            id: snapshot.id.clone(),
            title: snapshot.title.clone(),
            period: snapshot.period.clone(),
            versions: Vec::new(),
        });
    let version = version
        .or_else(|| entry.latest().cloned())
        .unwrap_or_else(|| SnapshotVersion {
            version: String::new(),
            path: format!("data/{}.json", snapshot.id),
            sha256: String::new(),
            published: today.to_string(),
        });
    Loaded {
        manifest,
        entry,
        version,
        snapshot: snapshot.clone(),
    }
}

fn empty_manifest(snapshot: &Snapshot) -> Manifest {
    Manifest {
        schema_version: SCHEMA_VERSION,
        default: snapshot.id.clone(),
        snapshots: Vec::new(),
    }
}

/// An entry as `chiso-import` prints it.
fn pretty(v: &SnapshotVersion) -> String {
    serde_json::to_string_pretty(v)
        .map(|s| s + "\n")
        .unwrap_or_default()
}

/// Today as `YYYY-MM-DD` from a calendar date (the browser's, in the editor's time zone).
pub fn day(year: u32, month: u32, day: u32) -> String {
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::import::{sha256_hex, to_pretty_json};
    use crate::validate::{parse_manifest, parse_snapshot};

    const TODAY: &str = "2026-11-29";

    fn published() -> (Manifest, Snapshot) {
        let m = parse_manifest(include_bytes!("../../public/data/index.json")).expect("manifest");
        let s = parse_snapshot(include_bytes!(
            "../../public/data/ba-ria-vung-tau-2023.json"
        ))
        .expect("snapshot");
        (m, s)
    }

    #[test]
    fn a_revision_gets_its_hash_and_the_old_version_is_archived() {
        let (m, mut s) = published();
        s.tallies[1].overall.met = 36;
        let json = to_pretty_json(&s);
        let t = take_away(Some(&m), &s, &json, TODAY).expect("changed");
        let sha = sha256_hex(json.as_bytes());
        assert_eq!(t.entry.sha256, sha);
        assert_eq!(t.entry.version, sha[..12]);
        assert_eq!(t.entry.path, "data/ba-ria-vung-tau-2023.json");
        assert_eq!(t.entry.published, TODAY);
        assert_eq!(t.file_name, "ba-ria-vung-tau-2023.json");
        assert_eq!(
            t.entry_file_name,
            format!("ba-ria-vung-tau-2023.{}.entry.json", &sha[..12])
        );
        let old = m.entry(&s.id).and_then(|e| e.latest()).expect("latest");
        let archived = format!("data/archive/ba-ria-vung-tau-2023.{}.json", old.version);
        assert_eq!(
            t.archive.as_ref().map(|a| a.to.as_str()),
            Some(archived.as_str())
        );
        assert!(
            matches!(&t.steps[0], Step::Archive { to, .. } if *to == format!("public/{archived}"))
        );
        // The manifest downloaded is valid, lists the new version first and keeps the old one.
        let new_m = parse_manifest(t.manifest_json.as_deref().unwrap_or_default().as_bytes())
            .expect("valid manifest");
        let e = new_m.entry(&s.id).expect("entry");
        assert_eq!(e.versions[0], t.entry);
        assert_eq!(e.versions[1].path, archived);
        assert!(t.steps.iter().all(|s| !s.message(Lang::Vi).is_empty()));
        let entry: SnapshotVersion = serde_json::from_str(&t.entry_json).expect("entry json");
        assert_eq!(entry, t.entry);
    }

    #[test]
    fn the_published_version_itself_has_nothing_to_take_away() {
        let (m, s) = published();
        let json = to_pretty_json(&s);
        let latest = m.entry(&s.id).and_then(|e| e.latest()).expect("latest");
        assert_eq!(
            take_away(Some(&m), &s, &json, TODAY),
            Err(latest.version.clone())
        );
        let loaded = as_published(Some(&m), &s, &json, TODAY);
        assert_eq!(&loaded.version, latest);
    }

    #[test]
    fn a_new_snapshot_is_added_without_an_archive_step() {
        let (m, mut s) = published();
        s.id = "mot-tinh-khac-2023".into();
        let json = to_pretty_json(&s);
        let t = take_away(Some(&m), &s, &json, TODAY).expect("new");
        assert!(t.archive.is_none());
        assert!(matches!(t.steps[0], Step::Copy { .. }));
        let loaded = as_published(None, &s, &json, TODAY);
        assert_eq!(loaded.entry.versions, std::slice::from_ref(&t.entry));
        assert_eq!(loaded.version, t.entry);
        assert_eq!(loaded.entry.latest(), Some(&loaded.version));
    }

    #[test]
    fn without_the_published_manifest_no_manifest_is_offered() {
        let (_, mut s) = published();
        s.tallies[1].overall.met = 36;
        let json = to_pretty_json(&s);
        let t = take_away(None, &s, &json, TODAY).expect("ready");
        assert_eq!(t.manifest_json, None);
        assert_eq!(t.entry.sha256, sha256_hex(json.as_bytes()));
        assert!(matches!(
            t.steps.as_slice(),
            [
                Step::Copy { .. },
                Step::EditManifest { archived: None, .. },
                Step::Check { .. }
            ]
        ));
    }

    #[test]
    fn a_day_is_written_with_leading_zeros() {
        assert_eq!(day(2026, 3, 7), "2026-03-07");
    }
}
