//! The data editors' studio (`studio.html`): its own WASM, so that nothing of it, nor of the
//! spreadsheet reader, weighs on a reader's page.

#[cfg(target_arch = "wasm32")]
fn main() {
    chiso::studio::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("chiso-studio is the studio's browser entry: run `make serve` and open http://127.0.0.1:8080/studio.html. On the command line: `cargo run --bin chiso-import -- FILE.xlsx`.");
    std::process::exit(2);
}
