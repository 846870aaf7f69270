//! Writes the spreadsheet template from a snapshot: `chiso-template SNAPSHOT.json OUT_DIR` writes
//! `OUT_DIR/ID.xlsx` and `OUT_DIR/ID/*.csv` (one file per sheet). The committed template
//! (`public/templates/`) is regenerated with
//! `cargo run --bin chiso-template -- public/data/ba-ria-vung-tau-2023.json public/templates`;
//! a test fails when it drifts from the bundled snapshot.

#[cfg(not(target_arch = "wasm32"))]
use std::path::Path;
#[cfg(not(target_arch = "wasm32"))]
use std::process::ExitCode;

#[cfg(not(target_arch = "wasm32"))]
use chiso::import::template;
#[cfg(not(target_arch = "wasm32"))]
use chiso::validate::parse_snapshot;

#[cfg(not(target_arch = "wasm32"))]
fn run(snapshot: &Path, out: &Path) -> Result<(), String> {
    let bytes = std::fs::read(snapshot).map_err(|e| format!("{}: {e}", snapshot.display()))?;
    let snapshot = parse_snapshot(&bytes).map_err(|p| p.to_string())?;
    let xlsx = template::xlsx(&snapshot)?;
    let dir = out.join(&snapshot.id);
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let file = out.join(format!("{}.xlsx", snapshot.id));
    std::fs::write(&file, xlsx).map_err(|e| format!("{}: {e}", file.display()))?;
    println!("{}", file.display());
    for sheet in template::sheets(&snapshot)? {
        let file = dir.join(format!("{}.csv", sheet.sheet.file));
        std::fs::write(&file, template::csv(&sheet)?)
            .map_err(|e| format!("{}: {e}", file.display()))?;
        println!("{}", file.display());
    }
    Ok(())
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [snapshot, out] = args.as_slice() else {
        eprintln!("usage: chiso-template SNAPSHOT.json OUT_DIR\n  writes OUT_DIR/ID.xlsx and OUT_DIR/ID/*.csv, the template filled with the snapshot");
        return ExitCode::from(2);
    };
    match run(Path::new(snapshot), Path::new(out)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
