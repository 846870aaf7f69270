//! Generates the snapshots of `make bench`'s growth case, and times their validation natively.
//!
//! `chiso-gen DIST OUT` reads the bundled snapshot (the default of `DIST/data/index.json`, its
//! latest version) and writes, deterministically (a fixed seed: the same files on every machine),
//! the bundled snapshot under another id, for reference, and snapshots of just under ¼, ½ and all
//! of the 1 MiB limit: the bundled snapshot with its indicators repeated under new ids (each as
//! valid as its original: the same sources, as-ofs and values) and a generated grouping of 200,
//! 400 or 800 units ranked in three years. `OUT/site` is a copy of `DIST` whose `data/index.json`
//! lists them beside the bundled snapshot; `OUT/manifest.json` says what each holds and how long
//! `parse_snapshot` takes on it here, natively. Exits 1, writing no manifest, when a generated
//! file does not pass the validator (it never should).

// Native only: it writes files and reads the clock (the crate also builds for WASM).
#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::fmt::Write as _;
    use std::path::Path;
    use std::time::{Duration, Instant};

    use serde_json::{json, Value};
    use sha2::{Digest, Sha256};

    use chiso::present;
    use chiso::validate::{check_published, parse_manifest, parse_snapshot, MAX_BYTES};

    /// The bundled snapshot as it is (its id changed), for reference, then ¼, ½ and all of the
    /// limit (a divisor of [`MAX_BYTES`]) with the units of the generated grouping.
    const SIZES: [(&str, Option<(usize, usize)>); 4] = [
        ("bundled", None),
        ("25", Some((4, 200))),
        ("50", Some((2, 400))),
        ("100", Some((1, 800))),
    ];
    /// The years the generated grouping is ranked in (one ranking per year).
    const YEARS: [i32; 3] = [2022, 2023, 2024];
    /// The grouping's day: the bundled unit (`ba-ria-vung-tau`, until 2025-06-30) is among them.
    const GROUPING_AS_OF: &str = "2025-06-30";

    /// SplitMix64: a fixed seed gives the same files on every machine.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        }

        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
    }

    fn compact_len(v: &Value) -> usize {
        serde_json::to_vec(v).map_or(0, |b| b.len())
    }

    fn hex(bytes: &[u8]) -> String {
        bytes.iter().fold(String::new(), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
    }

    fn array_mut<'a>(v: &'a mut Value, key: &str) -> Result<&'a mut Vec<Value>, String> {
        v.get_mut(key)
            .and_then(Value::as_array_mut)
            .ok_or_else(|| format!("the bundled snapshot has no list `{key}`"))
    }

    /// The generated units, the grouping of them (the bundled unit first) and its rankings.
    fn among_others(snapshot: &mut Value, n: usize, rng: &mut Rng) -> Result<(), String> {
        let own = "ba-ria-vung-tau";
        let ids: Vec<String> = std::iter::once(own.to_string())
            .chain((1..n).map(|k| format!("bench-u{k:04}")))
            .collect();
        let units = array_mut(snapshot, "units")?;
        if !units.iter().any(|u| u["id"] == own) {
            return Err(format!("the bundled snapshot has no unit `{own}`"));
        }
        for (k, id) in ids.iter().enumerate().skip(1) {
            units.push(json!({
                "id": id,
                "name": { "vi": format!("Huyện thử nghiệm {k:04}"), "en": format!("Test district {k:04}") },
            }));
        }
        let grouping = format!("bench-{n}");
        array_mut(snapshot, "groupings")?.push(json!({
            "id": grouping,
            "name": {
                "vi": format!("{n} đơn vị (sinh cho phép đo hiệu năng)"),
                "en": format!("{n} units (generated for the benchmark)"),
            },
            "size": n,
            "as_of": GROUPING_AS_OF,
            "members": ids,
        }));
        let rankings = array_mut(snapshot, "rankings")?;
        for year in YEARS {
            // A shuffle gives each unit its place; one in twenty has no known rank, and a pair in
            // every fifty shares one (`tie`), as sources have it.
            let mut order: Vec<usize> = (0..n).collect();
            for i in (1..n).rev() {
                order.swap(i, rng.below(i + 1));
            }
            let mut entries = Vec::with_capacity(n);
            let mut rank = 0u32;
            let mut tied_with_previous = false;
            for (place, &unit) in order.iter().enumerate() {
                let unknown = place % 20 == 19;
                if unknown {
                    entries.push(json!({ "unit": ids[unit], "rank": null, "score": null, "sources": ["dti-2022"] }));
                    continue;
                }
                let tie = place % 50 == 11;
                if !tied_with_previous {
                    rank = place as u32 + 1;
                }
                let score = ((0.9 - 0.6 * f64::from(rank - 1) / n as f64) * 1e4).round() / 1e4;
                let mut e = json!({ "unit": ids[unit], "rank": rank, "score": score, "sources": ["dti-2022"] });
                if tie || tied_with_previous {
                    e["tie"] = json!(true);
                }
                entries.push(e);
                tied_with_previous = tie;
            }
            rankings.push(json!({
                "id": format!("bench-{n}-{year}"),
                "name": { "vi": format!("Xếp hạng thử nghiệm {year}, {n} đơn vị"), "en": format!("Test ranking {year}, {n} units") },
                "year": year,
                "grouping": grouping,
                "published": format!("{}-07-12", year + 1),
                "entries": entries,
                "mean": { "value": 0.6, "sources": ["dti-2022"] },
                "sources": ["dti-2022"],
            }));
        }
        Ok(())
    }

    /// The bundled snapshot grown to at most `limit` bytes: `n` ranked units, then its indicators
    /// repeated under new ids until the next would not fit.
    fn generate(bundled: &Value, id: &str, limit: usize, n: usize) -> Result<Vec<u8>, String> {
        let mut s = bundled.clone();
        s["id"] = json!(id);
        let mut rng = Rng(0x5EED_0000 + n as u64);
        among_others(&mut s, n, &mut rng)?;
        let originals = s["indicators"]
            .as_array()
            .cloned()
            .filter(|v| !v.is_empty())
            .ok_or("the bundled snapshot has no indicators")?;
        let mut size = compact_len(&s);
        let indicators = array_mut(&mut s, "indicators")?;
        for k in 1.. {
            let mut ind = originals[(k - 1) % originals.len()].clone();
            let original_id = ind["id"].as_str().unwrap_or("indicator").to_string();
            ind["id"] = json!(format!("{original_id}-{k}"));
            // Its original's words, shuffled: generated text that repeats itself word for word
            // would compress forty-fold, real names about ten-fold.
            for lang in ["vi", "en"] {
                if let Some(name) = ind["name"][lang].as_str() {
                    let mut words: Vec<&str> = name.split(' ').collect();
                    for i in (1..words.len()).rev() {
                        words.swap(i, rng.below(i + 1));
                    }
                    ind["name"][lang] = json!(format!("{} ({k})", words.join(" ")));
                }
            }
            let grown = size + compact_len(&ind) + 1; // and a comma
            if grown > limit {
                break;
            }
            size = grown;
            indicators.push(ind);
        }
        serde_json::to_vec(&s).map_err(|e| e.to_string())
    }

    /// How long something takes, in ms: the least and the median of at least 10 runs and 1 s, at
    /// most 200. The least is the one to compare: other work on the machine only ever adds.
    struct Timing {
        least: f64,
        median: f64,
        runs: usize,
    }

    /// `parse_snapshot` on `bytes`, and plain JSON alone (serde_json into a `Value`, the
    /// validator's first step).
    fn time_native(bytes: &[u8]) -> (Timing, Timing) {
        let run = |f: &dyn Fn()| {
            f(); // warm
            let mut times = Vec::new();
            let start = Instant::now();
            while times.len() < 200
                && (times.len() < 10 || start.elapsed() < Duration::from_secs(1))
            {
                let t = Instant::now();
                f();
                times.push(t.elapsed().as_secs_f64() * 1e3);
            }
            times.sort_by(f64::total_cmp);
            Timing {
                least: times[0],
                median: times[times.len() / 2],
                runs: times.len(),
            }
        };
        let parse = run(&|| {
            std::hint::black_box(parse_snapshot(std::hint::black_box(bytes)).is_ok());
        });
        let json = run(&|| {
            std::hint::black_box(
                serde_json::from_slice::<Value>(std::hint::black_box(bytes)).is_ok(),
            );
        });
        (parse, json)
    }

    fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
        std::fs::create_dir_all(to)?;
        for entry in std::fs::read_dir(from)? {
            let entry = entry?;
            let target = to.join(entry.file_name());
            if entry.file_type()?.is_dir() {
                copy_dir(&entry.path(), &target)?;
            } else {
                std::fs::copy(entry.path(), target)?;
            }
        }
        Ok(())
    }

    pub fn run(dist: &Path, out: &Path) -> Result<(), String> {
        let read = |p: &Path| std::fs::read(p).map_err(|e| format!("{}: {e}", p.display()));
        let manifest_bytes = read(&dist.join("data/index.json"))?;
        let manifest = parse_manifest(&manifest_bytes).map_err(|p| format!("index.json: {p}"))?;
        let entry = manifest
            .entry(&manifest.default)
            .ok_or("the manifest has no default snapshot")?
            .clone();
        let latest = entry
            .latest()
            .ok_or("the default snapshot has no version")?;
        let bundled_bytes = read(&dist.join(&latest.path))?;
        let bundled: Value = serde_json::from_slice(&bundled_bytes).map_err(|e| e.to_string())?;

        // A manifest is written last, once every file passed: none is left from an earlier run.
        let _ = std::fs::remove_file(out.join("manifest.json"));
        let site = out.join("site");
        if site.exists() {
            std::fs::remove_dir_all(&site).map_err(|e| e.to_string())?;
        }
        copy_dir(dist, &site).map_err(|e| format!("copying {}: {e}", dist.display()))?;

        let mut listed: Value =
            serde_json::from_slice(&manifest_bytes).map_err(|e| e.to_string())?;
        let mut facts = Vec::new();
        for (name, size) in SIZES {
            let id = format!("bench-scale-{name}");
            let bytes = match size {
                Some((divisor, units)) => generate(&bundled, &id, MAX_BYTES / divisor, units)?,
                None => {
                    let mut s = bundled.clone();
                    s["id"] = json!(id);
                    serde_json::to_vec(&s).map_err(|e| e.to_string())?
                }
            };
            let snapshot = parse_snapshot(&bytes).map_err(|p| format!("{id}: {p}"))?;
            let late = check_published(&snapshot, &latest.published);
            if !late.is_empty() {
                return Err(format!("{id}: {late}"));
            }
            let sha = hex(&Sha256::digest(&bytes));
            let path = format!("data/{id}.json");
            std::fs::write(site.join(&path), &bytes).map_err(|e| e.to_string())?;
            let (parse, json) = time_native(&bytes);
            // The ranking the page shows first, and how many units it has rows for.
            let shown = present::ranking(&snapshot, None).ok_or("no ranking")?;
            let units = snapshot
                .groupings
                .iter()
                .find(|g| g.id == shown.grouping)
                .map_or(0, |g| g.size);
            let entries: usize = snapshot.rankings.iter().map(|r| r.entries.len()).sum();
            println!(
                "{id}: {} bytes ({:.1}% of the limit), {} indicators, {units} units in the ranking shown ({} rankings, {entries} entries): parse_snapshot {:.2} ms native (least of {}, median {:.2}; JSON alone {:.2} ms)",
                bytes.len(),
                100.0 * bytes.len() as f64 / MAX_BYTES as f64,
                snapshot.indicators.len(),
                snapshot.rankings.len(),
                parse.least,
                parse.runs,
                parse.median,
                json.least,
            );
            facts.push(json!({
                "id": id,
                "fraction": bytes.len() as f64 / MAX_BYTES as f64,
                "version": &sha[..12],
                "path": path,
                "bytes": bytes.len(),
                "indicators": snapshot.indicators.len(),
                "units": units,
                "rankings": snapshot.rankings.len(),
                "ranking": shown.id,
                "entries": entries,
                "native": {
                    "parse_ms": parse.least, "parse_median_ms": parse.median, "runs": parse.runs,
                    "json_ms": json.least, "json_median_ms": json.median, "json_runs": json.runs,
                },
            }));
            if let Some(list) = listed["snapshots"].as_array_mut() {
                list.push(json!({
                    "id": id,
                    "title": {
                        "vi": format!("Đo hiệu năng: {name} (số liệu sinh ra)"),
                        "en": format!("Benchmark: {name} (generated data)"),
                    },
                    "period": bundled["period"],
                    "versions": [{ "version": &sha[..12], "path": format!("data/{id}.json"), "sha256": sha, "published": latest.published }],
                }));
            }
        }
        let listed = serde_json::to_vec_pretty(&listed).map_err(|e| e.to_string())?;
        parse_manifest(&listed).map_err(|p| format!("index.json: {p}"))?;
        std::fs::write(site.join("data/index.json"), listed).map_err(|e| e.to_string())?;
        let summary = json!({
            "limit": MAX_BYTES,
            "native_profile": if cfg!(debug_assertions) { "debug" } else { "release" },
            "snapshots": facts,
        });
        let summary = serde_json::to_vec_pretty(&summary).map_err(|e| e.to_string())?;
        std::fs::write(out.join("manifest.json"), summary).map_err(|e| e.to_string())?;
        println!(
            "written: {} (a copy of {} with the generated snapshots), {}",
            site.display(),
            dist.display(),
            out.join("manifest.json").display()
        );
        Ok(())
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use std::path::Path;
    use std::process::ExitCode;

    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dist, out] = args.as_slice() else {
        eprintln!("usage: chiso-gen DIST OUT\n  writes OUT/site (DIST with generated snapshots of ¼, ½ and 1 MiB) and OUT/manifest.json");
        return ExitCode::from(2);
    };
    match native::run(Path::new(dist), Path::new(out)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("chiso-gen: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
