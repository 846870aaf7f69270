//! Reading and checking a snapshot or a manifest: one pure function each, used by the app, the
//! `chiso-check` command and the tests alike.
//!
//! Every problem is reported at once, each with the JSON path of the field it is about and a
//! message in Vietnamese and in English, so that a data editor fixes a file in one pass.
//! Decoding goes part by part (each top-level field, each element of each list) so that one
//! wrong type does not hide the others; the semantic checks then run on whatever decoded.

mod decode;
mod json;
mod manifest;
mod problem;
mod snapshot;

use crate::snapshot::*;

use decode::{check_version, top_object, Fields};
use json::parse_json;
use manifest::check_manifest;
use snapshot::check_snapshot;

pub use decode::join_key;
pub use problem::{Problem, ProblemKind, Problems};
pub use snapshot::is_http_url;

/// Larger files are refused before parsing: the bundled snapshot is ~15 KB, and a phone should
/// never be asked to parse megabytes of JSON.
pub const MAX_BYTES: usize = 1024 * 1024;

/// Names longer than this are refused: no real indicator name comes close, and a megabyte of
/// text would freeze a phone's layout.
pub const MAX_TEXT_CHARS: usize = 2000;

const SNAPSHOT_FIELDS: &[&str] = &[
    "schema_version",
    "id",
    "title",
    "unit",
    "period",
    "as_of",
    "sources",
    "tallies",
    "indicators",
    "goals",
    "initiatives",
    "context",
    "notes",
];

/// Reads a snapshot file: size, encoding, JSON, types, then meaning. Returns the snapshot only
/// when nothing at all is wrong, else every problem found.
pub fn parse_snapshot(bytes: &[u8]) -> Result<Snapshot, Problems> {
    let value = parse_json(bytes).map_err(|p| Problems(vec![p]))?;
    let mut problems = Problems::default();
    let Some(obj) = top_object(&value, SNAPSHOT_FIELDS, &mut problems) else {
        return Err(problems);
    };
    if !check_version(obj, &mut problems) {
        return Err(problems);
    }
    let mut f = Fields { obj, problems };
    // Every part is decoded before any is used, so all type errors are reported together.
    let id = f.one::<String>("id");
    let title = f.one::<Text>("title");
    let unit = f.one::<AdminUnit>("unit");
    let period = f.one::<Period>("period");
    let as_of = f.list::<AsOf>("as_of");
    let sources = f.list::<Source>("sources");
    let tallies = f.list::<Tally>("tallies");
    let indicators = f.list::<Indicator>("indicators");
    let goals = f.list::<Goal>("goals");
    let initiatives = f.list::<Initiative>("initiatives");
    let context = f.list::<ContextFigure>("context");
    let notes = f.optional_list::<Text>("notes");
    let mut problems = f.problems;

    let snapshot = match (
        id,
        title,
        unit,
        period,
        as_of,
        sources,
        tallies,
        indicators,
        goals,
        initiatives,
        context,
        notes,
    ) {
        (
            Some(id),
            Some(title),
            Some(unit),
            Some(period),
            Some(as_of),
            Some(sources),
            Some(tallies),
            Some(indicators),
            Some(goals),
            Some(initiatives),
            Some(context),
            Some(notes),
        ) => Snapshot {
            schema_version: SCHEMA_VERSION,
            id,
            title,
            unit,
            period,
            as_of,
            sources,
            tallies,
            indicators,
            goals,
            initiatives,
            context,
            notes,
        },
        _ => return Err(problems),
    };
    check_snapshot(&snapshot, &mut problems);
    if problems.is_empty() {
        Ok(snapshot)
    } else {
        Err(problems)
    }
}

const MANIFEST_FIELDS: &[&str] = &["schema_version", "default", "snapshots"];

/// Reads `data/index.json`.
pub fn parse_manifest(bytes: &[u8]) -> Result<Manifest, Problems> {
    let value = parse_json(bytes).map_err(|p| Problems(vec![p]))?;
    let mut problems = Problems::default();
    let Some(obj) = top_object(&value, MANIFEST_FIELDS, &mut problems) else {
        return Err(problems);
    };
    if !check_version(obj, &mut problems) {
        return Err(problems);
    }
    let mut f = Fields { obj, problems };
    let default = f.one::<String>("default");
    let snapshots = f.list::<ManifestEntry>("snapshots");
    let mut problems = f.problems;
    let (Some(default), Some(snapshots)) = (default, snapshots) else {
        return Err(problems);
    };
    let m = Manifest {
        schema_version: SCHEMA_VERSION,
        default,
        snapshots,
    };
    check_manifest(&m, &mut problems);
    if problems.is_empty() {
        Ok(m)
    } else {
        Err(problems)
    }
}
