//! Reading and checking a snapshot or a manifest: one pure function each, used by the app, the
//! `chiso-check` command and the tests alike.
//!
//! Every problem is reported at once, each with the JSON path of the field it is about and a
//! message in Vietnamese and in English, so that a data editor fixes a file in one pass.
//! Decoding goes part by part (each top-level field, each element of each list) so that one
//! wrong type does not hide the others; the semantic checks then run on whatever decoded.

mod context;
mod decode;
mod figures;
mod found;
mod json;
mod manifest;
mod problem;
mod rankings;
mod read;
mod reported;
mod series;
mod snapshot;
mod tallies;
mod text;
mod time;

use crate::snapshot::*;

use decode::{check_version, top_object, Fields};
use json::parse_json;
use manifest::check_manifest;
use snapshot::check_snapshot;

pub use decode::join_key;
pub use problem::{Found, Problem, ProblemKind, Problems, TallyPart};
pub use text::is_http_url;
pub use time::check_published;

/// Larger files are refused before parsing: the bundled snapshot is ~15 KB, and a phone should
/// never be asked to parse megabytes of JSON.
pub const MAX_BYTES: usize = 1024 * 1024;

/// Names longer than this are refused: no real indicator name comes close, and a megabyte of
/// text would freeze a phone's layout.
pub const MAX_TEXT_CHARS: usize = 2000;

/// Reads a snapshot file: size, encoding, JSON, types, then meaning. Returns the snapshot only
/// when nothing at all is wrong, else every problem found.
pub fn parse_snapshot(bytes: &[u8]) -> Result<Snapshot, Problems> {
    read_snapshot::<true>(bytes)
}

/// Reads a snapshot file as [`parse_snapshot`] does, but for the parts that place the unit among
/// the others (`units`, `groupings`, `rankings`, and the figures over the years, `series`): these
/// are taken as absent, neither decoded nor checked. For a page that shows none of them (the
/// overview: `route::View::among_others`), whose WASM is then compiled without their reading.
/// Whatever it returns, or reports, of the other parts is what [`parse_snapshot`] would.
pub fn parse_snapshot_own(bytes: &[u8]) -> Result<Snapshot, Problems> {
    read_snapshot::<false>(bytes)
}

/// `AMONG_OTHERS`: whether the parts that place the unit among the others are read (a constant,
/// so that a reading without them is compiled without them).
fn read_snapshot<const AMONG_OTHERS: bool>(bytes: &[u8]) -> Result<Snapshot, Problems> {
    const FIELDS: &[&str] = &[
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
        "units",
        "groupings",
        "rankings",
        "series",
    ];
    read(
        bytes,
        FIELDS,
        |f| {
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
            let units = among_others::<AMONG_OTHERS, _>(|| f.optional_list::<RankedUnit>("units"));
            let groupings =
                among_others::<AMONG_OTHERS, _>(|| f.optional_list::<Grouping>("groupings"));
            let rankings =
                among_others::<AMONG_OTHERS, _>(|| f.optional_list::<Ranking>("rankings"));
            let series =
                among_others::<AMONG_OTHERS, _>(|| f.optional_list::<YearSeries>("series"));
            Some(Snapshot {
                schema_version: SCHEMA_VERSION,
                id: id?,
                title: title?,
                unit: unit?,
                period: period?,
                as_of: as_of?,
                sources: sources?,
                tallies: tallies?,
                indicators: indicators?,
                goals: goals?,
                initiatives: initiatives?,
                context: context?,
                notes: notes?,
                units: units?,
                groupings: groupings?,
                rankings: rankings?,
                series: series?,
            })
        },
        check_snapshot::<AMONG_OTHERS>,
    )
}

/// `read()` where the parts that place the unit among the others are read, else none of them.
fn among_others<const AMONG_OTHERS: bool, T>(
    read: impl FnOnce() -> Option<Vec<T>>,
) -> Option<Vec<T>> {
    if AMONG_OTHERS {
        read()
    } else {
        Some(Vec::new())
    }
}

/// Reads `data/index.json`, the same way as [`parse_snapshot`] reads a snapshot.
pub fn parse_manifest(bytes: &[u8]) -> Result<Manifest, Problems> {
    const FIELDS: &[&str] = &["schema_version", "default", "snapshots"];
    read(
        bytes,
        FIELDS,
        |f| {
            let default = f.one::<String>("default");
            let snapshots = f.list::<ManifestEntry>("snapshots");
            Some(Manifest {
                schema_version: SCHEMA_VERSION,
                default: default?,
                snapshots: snapshots?,
            })
        },
        check_manifest,
    )
}

/// The one path every file takes. Size, encoding and JSON syntax first (a file that fails there
/// has that one problem); then the top-level object, every key not in `known_fields` reported;
/// then `schema_version`, past which a file of another version is not read. `decode` turns the
/// fields into a `T`, decoding each before giving up on any so that all type errors are
/// reported together; `check` then looks at what the typed value means. The value is returned
/// only when nothing at all is wrong, else every problem found.
fn read<T>(
    bytes: &[u8],
    known_fields: &[&str],
    decode: impl FnOnce(&mut Fields<'_>) -> Option<T>,
    check: impl FnOnce(&T, &mut Problems),
) -> Result<T, Problems> {
    let value = parse_json(bytes)?;
    let mut problems = Problems::default();
    let Some(obj) = top_object(&value, known_fields, &mut problems) else {
        return Err(problems);
    };
    if !check_version(obj, &mut problems) {
        return Err(problems);
    }
    let Some(decoded) = decode(&mut Fields {
        obj,
        problems: &mut problems,
    }) else {
        return Err(problems);
    };
    check(&decoded, &mut problems);
    if problems.is_empty() {
        Ok(decoded)
    } else {
        Err(problems)
    }
}
