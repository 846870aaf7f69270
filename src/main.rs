//! The browser entry point: a panic hook that shows an error panel, then the app.

#[cfg(target_arch = "wasm32")]
fn main() {
    chiso::app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("chiso is the browser app: run `make serve`. For data files, run `cargo run --bin chiso-check -- FILE...`.");
    std::process::exit(2);
}
