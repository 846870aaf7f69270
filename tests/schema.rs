//! The committed JSON Schemas are exactly what the Rust types generate.

#[test]
fn committed_schemas_match_the_types() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("public/schema");
    for (name, generated) in chiso::schema::all() {
        let committed = std::fs::read_to_string(dir.join(name)).unwrap_or_default();
        assert!(
            committed == generated,
            "public/schema/{name} is out of date with src/snapshot.rs: run `cargo run --bin chiso-schema` and commit the result"
        );
    }
}

#[test]
fn the_schema_describes_the_required_parts() {
    let (_, text) = chiso::schema::all().remove(0);
    let v: serde_json::Value = serde_json::from_str(&text).expect("schema is JSON");
    let required: Vec<&str> = v["required"]
        .as_array()
        .expect("required")
        .iter()
        .filter_map(|x| x.as_str())
        .collect();
    for part in [
        "schema_version",
        "unit",
        "period",
        "sources",
        "tallies",
        "indicators",
        "goals",
        "initiatives",
        "context",
    ] {
        assert!(required.contains(&part), "{part} not required");
    }
}
