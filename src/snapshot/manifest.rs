//! The manifest (`public/data/index.json`): every snapshot the app can show, each version with
//! its path and hash; and a snapshot as loaded, with where it came from.

use serde::{Deserialize, Serialize};

use super::{Period, Snapshot, Text};

/// `public/data/index.json`: every snapshot the app can show.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// Must be 1 for this format.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("const" = super::SCHEMA_VERSION)))]
    pub schema_version: u32,
    /// The id of the snapshot shown when the URL names none.
    pub default: String,
    pub snapshots: Vec<ManifestEntry>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ManifestEntry {
    pub id: String,
    pub title: Text,
    pub period: Period,
    /// Newest first. Published versions are never edited or removed, so a view pinned to one
    /// keeps showing the same figures.
    pub versions: Vec<SnapshotVersion>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SnapshotVersion {
    /// Short, URL-safe: the first 12 hex digits of the file's SHA-256.
    pub version: String,
    /// Relative to the page: `data/ba-ria-vung-tau-2023.json`.
    pub path: String,
    /// Hex SHA-256 of the file's bytes.
    pub sha256: String,
    /// `YYYY-MM-DD`.
    pub published: String,
}

impl Manifest {
    pub fn entry(&self, id: &str) -> Option<&ManifestEntry> {
        self.snapshots.iter().find(|s| s.id == id)
    }
}

impl ManifestEntry {
    pub fn latest(&self) -> Option<&SnapshotVersion> {
        self.versions.first()
    }

    pub fn version(&self, v: &str) -> Option<&SnapshotVersion> {
        self.versions.iter().find(|x| x.version == v)
    }
}

/// A snapshot and where it came from: its manifest, its entry there and the version loaded.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub manifest: Manifest,
    pub entry: ManifestEntry,
    pub version: SnapshotVersion,
    pub snapshot: Snapshot,
}
