//! The meaning of a manifest (`data/index.json`), once its types are right: a default that
//! exists, unique ids, and versions, hashes and paths of the expected form.

use std::collections::HashSet;

use crate::snapshot::Manifest;

use super::decode::{join_index, join_key};
use super::problem::{ProblemKind, Problems, SHA_WHAT, VERSION_WHAT};
use super::snapshot::Checker;
use super::text::shown;

/// A relative path under `data/` to a `.json` file, with nothing that could leave that folder or
/// reach another host.
fn is_data_path(p: &str) -> bool {
    p.starts_with("data/")
        && p.ends_with(".json")
        && p.len() <= 200
        && !p.contains("..")
        && !p.contains("//")
        && p.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-_./".contains(&b))
}

fn is_hex(s: &str, len: usize) -> bool {
    s.len() == len
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// Every check of meaning on a manifest whose parts all decoded.
pub(super) fn check_manifest(m: &Manifest, problems: &mut Problems) {
    if m.entry(&m.default).is_none() {
        problems.push(
            "$.default",
            ProblemKind::UnknownSnapshot {
                id: shown(&m.default, 40),
            },
        );
    }
    let mut c = Checker {
        problems,
        sources: HashSet::new(),
        as_of: HashSet::new(),
    };
    if m.snapshots.is_empty() {
        c.problems.push("$.snapshots", ProblemKind::EmptyList);
    }
    c.unique("$.snapshots", m.snapshots.iter().map(|s| s.id.as_str()));
    for (i, e) in m.snapshots.iter().enumerate() {
        let p = join_index("$.snapshots", i);
        c.id(&join_key(&p, "id"), &e.id);
        c.text(&join_key(&p, "title"), &e.title);
        c.period(&join_key(&p, "period"), &e.period);
        if e.versions.is_empty() {
            c.problems
                .push(join_key(&p, "versions"), ProblemKind::EmptyList);
        }
        let vp = join_key(&p, "versions");
        c.unique(&vp, e.versions.iter().map(|v| v.version.as_str()));
        for (j, v) in e.versions.iter().enumerate() {
            let pp = join_index(&vp, j);
            if !is_hex(&v.version, 12) {
                c.problems.push(
                    join_key(&pp, "version"),
                    ProblemKind::BadId {
                        value: shown(&v.version, 40),
                        what: VERSION_WHAT,
                    },
                );
            }
            if !is_hex(&v.sha256, 64) {
                c.problems.push(
                    join_key(&pp, "sha256"),
                    ProblemKind::BadId {
                        value: shown(&v.sha256, 70),
                        what: SHA_WHAT,
                    },
                );
            } else if !v.sha256.starts_with(&v.version) {
                c.problems.push(
                    join_key(&pp, "version"),
                    ProblemKind::BadId {
                        value: shown(&v.version, 40),
                        what: VERSION_WHAT,
                    },
                );
            }
            if !is_data_path(&v.path) {
                c.problems.push(
                    join_key(&pp, "path"),
                    ProblemKind::BadPath {
                        value: shown(&v.path, 60),
                    },
                );
            }
            c.date(&join_key(&pp, "published"), &v.published);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn data_paths_stay_under_data() {
        assert!(is_data_path("data/ba-ria-vung-tau-2023.json"));
        for bad in [
            "../secret.json",
            "data/../x.json",
            "/data/x.json",
            "https://x/data/a.json",
            "data/x.js",
            "data//x.json",
        ] {
            assert!(!is_data_path(bad), "{bad}");
        }
    }
}
