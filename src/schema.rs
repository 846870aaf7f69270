//! The published JSON Schemas, generated from the types in [`crate::snapshot`] (native only).

use crate::snapshot::{Manifest, Snapshot};

/// `(file name, pretty JSON)` for every schema under `public/schema/`.
pub fn all() -> Vec<(&'static str, String)> {
    vec![
        ("snapshot-v1.json", render::<Snapshot>("snapshot-v1.json")),
        ("manifest-v1.json", render::<Manifest>("manifest-v1.json")),
    ]
}

fn render<T: schemars::JsonSchema>(name: &str) -> String {
    let mut schema = schemars::schema_for!(T);
    schema.insert(
        "$id".into(),
        format!("https://chiso.invalid/schema/{name}").into(),
    );
    // Serialising a `serde_json::Value` cannot fail; fall back to an empty object rather than panic.
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_else(|_| "{}".into());
    text.push('\n');
    text
}
