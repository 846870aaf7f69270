//! Loading the manifest and a snapshot over HTTP (browser only).
//!
//! Bytes, not text or JSON, are taken from the response so that the pure validator sees exactly
//! what the server sent (and can say "not UTF-8" or "line 3, column 7").

use gloo_net::http::Request;

use crate::load::LoadError;
use crate::snapshot::{Manifest, ManifestEntry, Snapshot, SnapshotVersion};
use crate::validate::{parse_manifest, parse_snapshot};

pub const MANIFEST_PATH: &str = "data/index.json";

async fn get(path: &str) -> Result<Vec<u8>, LoadError> {
    let resp = Request::get(path)
        .send()
        .await
        .map_err(|e| LoadError::Network {
            file: path.to_string(),
            detail: e.to_string(),
        })?;
    if !resp.ok() {
        return Err(LoadError::Http {
            file: path.to_string(),
            status: resp.status(),
        });
    }
    resp.binary().await.map_err(|e| LoadError::Network {
        file: path.to_string(),
        detail: e.to_string(),
    })
}

pub async fn load_manifest() -> Result<Manifest, LoadError> {
    let bytes = get(MANIFEST_PATH).await?;
    parse_manifest(&bytes).map_err(|problems| LoadError::Invalid {
        file: MANIFEST_PATH.to_string(),
        problems,
    })
}

/// A snapshot and where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub manifest: Manifest,
    pub entry: ManifestEntry,
    pub version: SnapshotVersion,
    pub snapshot: Snapshot,
}

/// Loads the snapshot `id` (else the manifest's default) at `version` (else the latest).
pub async fn load(id: Option<String>, version: Option<String>) -> Result<Loaded, LoadError> {
    let manifest = load_manifest().await?;
    let id = id.unwrap_or_else(|| manifest.default.clone());
    let entry = manifest
        .entry(&id)
        .cloned()
        .ok_or_else(|| LoadError::NoSuchSnapshot {
            file: MANIFEST_PATH.to_string(),
            id: id.clone(),
        })?;
    let v = match &version {
        Some(v) => entry.version(v),
        None => entry.latest(),
    }
    .cloned()
    .ok_or_else(|| LoadError::NoSuchVersion {
        file: MANIFEST_PATH.to_string(),
        id: id.clone(),
        version: version.clone().unwrap_or_default(),
    })?;
    let bytes = get(&v.path).await?;
    let snapshot = parse_snapshot(&bytes).map_err(|problems| LoadError::Invalid {
        file: v.path.clone(),
        problems,
    })?;
    Ok(Loaded {
        manifest,
        entry,
        version: v,
        snapshot,
    })
}
