//! What the data editor takes away: the snapshot JSON written as the published files are (two
//! spaces, the format's key order, whole numbers without `.0`, a final line break), so that a
//! review's diff shows only what changed; its SHA-256 and version; the manifest with the new
//! version first; and where the old version goes (`data/archive/ID.VERSION.json`: a published
//! version is never edited, so links pinned to it keep their figures).

use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter};
use sha2::{Digest, Sha256};

use crate::snapshot::{Manifest, ManifestEntry, Snapshot, SnapshotVersion};

/// serde_json's pretty form, but a whole `f64` written as an integer (`100`, not `100.0`), as the
/// published files and the README write them.
struct Published<'a>(PrettyFormatter<'a>);

impl Formatter for Published<'_> {
    fn write_f64<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        value: f64,
    ) -> std::io::Result<()> {
        if value.fract() == 0.0 && value.abs() < 9_007_199_254_740_992.0 {
            write!(w, "{}", value as i64)
        } else {
            self.0.write_f64(w, value)
        }
    }
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object_value(w)
    }
}

fn pretty<T: Serialize>(value: &T) -> String {
    let mut out = Vec::new();
    let mut ser =
        serde_json::Serializer::with_formatter(&mut out, Published(PrettyFormatter::new()));
    // Serialising these types cannot fail: every map key is a string and every number finite
    // (the validator refuses others before a snapshot exists).
    if value.serialize(&mut ser).is_err() {
        return String::new();
    }
    out.push(b'\n');
    String::from_utf8(out).unwrap_or_default()
}

/// The snapshot as a published file is written.
pub fn to_pretty_json(snapshot: &Snapshot) -> String {
    pretty(snapshot)
}

/// The manifest (`data/index.json`) as it is written.
pub fn manifest_json(manifest: &Manifest) -> String {
    pretty(manifest)
}

/// The hex SHA-256 of some bytes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Moving the version that was the latest to the archive (paths relative to the page, as the
/// manifest has them: `data/ID.json` → `data/archive/ID.VERSION.json`).
#[derive(Debug, Clone, PartialEq)]
pub struct Archive {
    pub from: String,
    pub to: String,
}

/// A new version, ready to publish.
#[derive(Debug, Clone, PartialEq)]
pub struct Publication {
    /// Its manifest entry: version, path, SHA-256, day published.
    pub version: SnapshotVersion,
    /// What to do with the version it replaces, where it replaces one at the same path.
    pub archive: Option<Archive>,
    /// The manifest with the new version first (and the old one at its archive path).
    pub manifest: Manifest,
}

/// The snapshot is the manifest's latest version already, byte for byte.
#[derive(Debug, Clone, PartialEq)]
pub struct Unchanged {
    pub version: String,
}

/// The manifest entry for `json` (the snapshot written by [`to_pretty_json`]), published on
/// `published` (`YYYY-MM-DD`), and what becomes of the version it replaces.
pub fn publish(
    manifest: &Manifest,
    snapshot: &Snapshot,
    json: &str,
    published: &str,
) -> Result<Publication, Unchanged> {
    let sha256 = sha256_hex(json.as_bytes());
    let version = SnapshotVersion {
        version: sha256[..12].to_string(),
        path: format!("data/{}.json", snapshot.id),
        sha256,
        published: published.to_string(),
    };
    let mut manifest = manifest.clone();
    let mut archive = None;
    match manifest.snapshots.iter_mut().find(|e| e.id == snapshot.id) {
        Some(entry) => {
            if let Some(latest) = entry.versions.first_mut() {
                if latest.sha256 == version.sha256 {
                    return Err(Unchanged {
                        version: latest.version.clone(),
                    });
                }
                if latest.path == version.path {
                    let to = format!("data/archive/{}.{}.json", snapshot.id, latest.version);
                    archive = Some(Archive {
                        from: latest.path.clone(),
                        to: to.clone(),
                    });
                    latest.path = to;
                }
            }
            entry.period = snapshot.period.clone();
            entry.versions.insert(0, version.clone());
        }
        None => manifest.snapshots.push(ManifestEntry {
            id: snapshot.id.clone(),
            title: snapshot.title.clone(),
            period: snapshot.period.clone(),
            versions: vec![version.clone()],
        }),
    }
    Ok(Publication {
        version,
        archive,
        manifest,
    })
}

/// The day it is, `YYYY-MM-DD`, from the days since 1970-01-01 (the proleptic Gregorian
/// calendar; Howard Hinnant's `civil_from_days`).
pub fn day_from_unix_days(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_figures_are_written_without_a_fraction() {
        let v = serde_json::json!({ "a": 100.0, "b": 0.7353, "c": [93.55, 1.0] });
        assert_eq!(
            pretty(&v),
            "{\n  \"a\": 100,\n  \"b\": 0.7353,\n  \"c\": [\n    93.55,\n    1\n  ]\n}\n"
        );
    }

    #[test]
    fn days_since_1970_are_calendar_days() {
        assert_eq!(day_from_unix_days(0), "1970-01-01");
        assert_eq!(day_from_unix_days(19_723), "2024-01-01");
        assert_eq!(day_from_unix_days(19_723 + 59), "2024-02-29");
        assert_eq!(day_from_unix_days(20_726), "2026-09-30");
    }
}
