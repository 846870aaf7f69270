//! Writes the JSON Schema of the snapshot and manifest formats, generated from the Rust types.
//!
//! `cargo run --bin chiso-schema` rewrites `public/schema/`; a test fails when the committed files
//! and the types drift apart.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("public/schema");
    for (name, text) in chiso::schema::all() {
        let path = out.join(name);
        if let Err(e) = std::fs::write(&path, text) {
            eprintln!("{}: {e}", path.display());
            return std::process::ExitCode::FAILURE;
        }
        println!("wrote {}", path.display());
    }
    std::process::ExitCode::SUCCESS
}

#[cfg(target_arch = "wasm32")]
fn main() {}
