//! schema/matrix.schema.json and the Rust types agree: the shipped matrices
//! pass both, every schema-invalid fixture fails both, and mutating any field
//! of a matrix that uses every field never makes the schema stricter than
//! the engine or the engine's parser stricter than the schema.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::{json, Value};
use stack_advisor::json::parse_matrix;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn schema() -> Value {
    read_json(&root().join("schema/matrix.schema.json"))
}

fn validator() -> jsonschema::Validator {
    jsonschema::draft202012::new(&schema()).expect("the schema compiles")
}

fn json_files(dir: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join(dir))
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

/// Whether the engine accepts the document: parsed, then validated.
fn engine_accepts(doc: &Value) -> Result<(), String> {
    let matrix = parse_matrix(&doc.to_string()).map_err(|e| e.to_string())?;
    stack_advisor::validate(&matrix).map_err(|e| e.to_string())
}

fn schema_errors(v: &jsonschema::Validator, doc: &Value) -> Vec<String> {
    v.iter_errors(doc)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

#[test]
fn the_schema_is_valid_draft_2020_12() {
    let s = schema();
    assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
    jsonschema::draft202012::meta::validate(&s).expect("a valid 2020-12 schema");
}

#[test]
fn the_default_and_example_matrices_pass_schema_and_engine() {
    let v = validator();
    let mut files = vec![root().join("data/node-vs-python.json")];
    files.extend(json_files("data/examples"));
    files.push(root().join("tests/fixtures/schema/every-field.json"));
    assert!(files.len() >= 3, "{files:?}");
    for path in files {
        let doc = read_json(&path);
        let errors = schema_errors(&v, &doc);
        assert!(
            errors.is_empty(),
            "{}: schema says {errors:#?}",
            path.display()
        );
        engine_accepts(&doc).unwrap_or_else(|e| panic!("{}: engine says {e}", path.display()));
    }
}

#[test]
fn every_schema_invalid_fixture_is_rejected_by_the_engine_too() {
    let v = validator();
    let files = json_files("tests/fixtures/invalid");
    assert!(files.len() >= 30, "{} fixtures", files.len());
    for path in files {
        let doc = read_json(&path);
        assert!(
            !v.is_valid(&doc),
            "{}: the schema accepts a fixture meant to be invalid",
            path.display()
        );
        let verdict = engine_accepts(&doc);
        assert!(
            verdict.is_err(),
            "{}: the schema rejects it ({:?}) but the engine accepts it",
            path.display(),
            schema_errors(&v, &doc)
        );
    }
}

/// Every property the schema defines is used by every-field.json, so the
/// mutation test below reaches all of them.
#[test]
fn the_every_field_fixture_uses_every_schema_property() {
    fn schema_properties(node: &Value, out: &mut BTreeSet<String>) {
        match node {
            Value::Object(map) => {
                if let Some(Value::Object(props)) = map.get("properties") {
                    out.extend(props.keys().cloned());
                }
                map.values().for_each(|v| schema_properties(v, out));
            }
            Value::Array(items) => items.iter().for_each(|v| schema_properties(v, out)),
            _ => {}
        }
    }
    fn used_keys(node: &Value, out: &mut BTreeSet<String>) {
        match node {
            Value::Object(map) => {
                out.extend(map.keys().cloned());
                map.values().for_each(|v| used_keys(v, out));
            }
            Value::Array(items) => items.iter().for_each(|v| used_keys(v, out)),
            _ => {}
        }
    }
    let (mut defined, mut used) = (BTreeSet::new(), BTreeSet::new());
    schema_properties(&schema(), &mut defined);
    used_keys(
        &read_json(&root().join("tests/fixtures/schema/every-field.json")),
        &mut used,
    );
    // Object keys that are data, not field names (ids in weight maps).
    for data_key in ["speed", "cost"] {
        used.remove(data_key);
    }
    let missing: Vec<&String> = defined.difference(&used).collect();
    assert!(
        missing.is_empty(),
        "every-field.json does not use {missing:?}"
    );
}

/// JSON pointers of every object member in `doc`.
fn members(doc: &Value, at: String, out: &mut Vec<(String, String)>) {
    match doc {
        Value::Object(map) => {
            for (k, v) in map {
                out.push((at.clone(), k.clone()));
                members(
                    v,
                    format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")),
                    out,
                );
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                members(v, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

fn wrong_type(value: &Value) -> Value {
    match value {
        Value::String(_) => json!(7),
        Value::Number(_) => json!("7"),
        Value::Bool(_) => json!("yes"),
        Value::Array(_) => json!("list"),
        Value::Object(_) => json!(7),
        Value::Null => json!("none"),
    }
}

/// For each mutation: if the engine's parser refuses it, the schema must
/// too (the schema is never looser about shape); if the schema refuses it,
/// the engine must too (the schema is never stricter than the engine).
#[test]
fn schema_and_rust_types_agree_on_every_field() {
    let v = validator();
    let base = read_json(&root().join("tests/fixtures/schema/every-field.json"));
    let mut all = Vec::new();
    members(&base, String::new(), &mut all);
    assert!(all.len() > 100, "{} members", all.len());
    let mut checked = 0;
    for (parent, key) in &all {
        let mut mutations: Vec<(String, Value)> = Vec::new();
        let mut removed = base.clone();
        if let Some(Value::Object(map)) = removed.pointer_mut(parent) {
            map.remove(key);
        }
        mutations.push((format!("remove {parent}/{key}"), removed));
        let mut retyped = base.clone();
        if let Some(Value::Object(map)) = retyped.pointer_mut(parent) {
            let old = map[key].clone();
            map.insert(key.clone(), wrong_type(&old));
        }
        mutations.push((format!("retype {parent}/{key}"), retyped));
        let mut extra = base.clone();
        if let Some(Value::Object(map)) = extra.pointer_mut(parent) {
            map.insert("x-unknown".into(), json!(1));
        }
        mutations.push((format!("add x-unknown to {parent}"), extra));

        for (what, doc) in mutations {
            let schema_ok = v.is_valid(&doc);
            let parsed = parse_matrix(&doc.to_string());
            if let Err(e) = parsed {
                assert!(
                    !schema_ok,
                    "{what}: the engine cannot parse it ({e}) but the schema accepts it"
                );
            }
            if !schema_ok {
                assert!(
                    engine_accepts(&doc).is_err(),
                    "{what}: the schema rejects it ({:?}) but the engine accepts it",
                    schema_errors(&v, &doc)
                );
            }
            checked += 1;
        }
    }
    assert!(checked > 300, "{checked}");
}

/// What the engine writes back (serde fills in defaults) is schema-valid:
/// a Rust field the schema does not know would fail here.
#[test]
fn serialized_matrices_are_schema_valid() {
    let v = validator();
    for path in [
        root().join("tests/fixtures/schema/every-field.json"),
        root().join("data/node-vs-python.json"),
    ] {
        let matrix = parse_matrix(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let doc = serde_json::to_value(&matrix).unwrap();
        let errors = schema_errors(&v, &doc);
        assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
    }
}

/// The JSON blocks of docs/matrix-format.md, in order.
fn doc_json_blocks() -> Vec<Value> {
    let text = std::fs::read_to_string(root().join("docs/matrix-format.md")).unwrap();
    text.split("```json\n")
        .skip(1)
        .map(|rest| {
            let block = rest.split("\n```").next().unwrap();
            serde_json::from_str(block)
                .unwrap_or_else(|e| panic!("a JSON block does not parse: {e}\n{block}"))
        })
        .collect()
}

#[test]
fn the_worked_example_in_the_docs_is_valid_and_scores_as_stated() {
    let blocks = doc_json_blocks();
    assert_eq!(
        blocks.len(),
        3,
        "the worked example, answers to the default matrix and the numeric form"
    );
    let example = &blocks[0];
    let errors = schema_errors(&validator(), example);
    assert!(errors.is_empty(), "{errors:#?}");
    let matrix = parse_matrix(&example.to_string()).unwrap();
    let answers = stack_advisor::json::parse_answers("{}").unwrap();
    let r = stack_advisor::recommend(&matrix, &answers).unwrap();
    assert!((r.scores["rabbitmq"] - 62.0).abs() < 1e-9, "{:?}", r.scores);
    assert!((r.scores["kafka"] - 48.0).abs() < 1e-9, "{:?}", r.scores);

    let answers = stack_advisor::json::parse_answers(&blocks[1].to_string()).unwrap();
    let default = stack_advisor::default_matrix();
    stack_advisor::recommend(&default, &answers).unwrap();

    let numeric: stack_advisor::rank::RankInput =
        serde_json::from_value(blocks[2].clone()).unwrap();
    let ranked =
        stack_advisor::rank::rank(&numeric, stack_advisor::rank::Method::Topsis, None).unwrap();
    assert_eq!(ranked.ranking.len(), 3);
    assert!(
        stack_advisor::rank::rank(&numeric, stack_advisor::rank::Method::Wsm, None).is_err(),
        "prices are off the 0–10 scale"
    );
}
