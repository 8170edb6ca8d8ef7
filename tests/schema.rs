//! The published JSON Schema of the `claimdiff/1` export (`schema/claimdiff-1.schema.json`):
//! every format's JSON validates against it (the export of every command, and each JSON Lines
//! view), and the README's field list is the one generated from it. The validator below covers
//! the keywords the schema uses (`type`, `properties`, `required`, `additionalProperties`,
//! `items`, `enum`, `const`, `anyOf`, `minimum`, `maximum`, local `$ref`) and fails on any other,
//! so that the schema cannot use a keyword the test silently ignores.
//!
//! Regenerate the README list with `UPDATE_README=1 cargo test --test schema`.

use serde_json::Value;

mod common;

use common::claimdiff;

const SCHEMA: &str = include_str!("../schema/claimdiff-1.schema.json");

fn schema() -> Value {
    serde_json::from_str(SCHEMA).expect("the schema is JSON")
}

/// Every violation of `schema` by `v`, as `path: message`.
fn validate(root: &Value, schema: &Value, v: &Value, path: &str, errors: &mut Vec<String>) {
    let obj = schema.as_object().expect("a schema is an object");
    for (k, s) in obj {
        match k.as_str() {
            "$schema" | "$id" | "title" | "description" | "$defs" => {}
            "$ref" => {
                let name = s
                    .as_str()
                    .and_then(|r| r.strip_prefix("#/$defs/"))
                    .expect("a local $ref");
                validate(root, &root["$defs"][name], v, path, errors);
            }
            "type" => {
                let types: Vec<&str> = match s {
                    Value::String(t) => vec![t.as_str()],
                    Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
                    _ => panic!("bad type"),
                };
                if !types.iter().any(|t| is_type(v, t)) {
                    errors.push(format!("{path}: expected {types:?}, found {v}"));
                }
            }
            "enum" => {
                if !s.as_array().expect("enum list").contains(v) {
                    errors.push(format!("{path}: {v} is not one of {s}"));
                }
            }
            "const" if v != s => errors.push(format!("{path}: expected {s}, found {v}")),
            "const" => {}
            "minimum" | "maximum" => {
                let (Some(n), Some(bound)) = (v.as_f64(), s.as_f64()) else {
                    continue;
                };
                if (k == "minimum" && n < bound) || (k == "maximum" && n > bound) {
                    errors.push(format!("{path}: {n} is outside the {k} {bound}"));
                }
            }
            "anyOf" => {
                let ok = s.as_array().expect("anyOf list").iter().any(|alt| {
                    let mut e = Vec::new();
                    validate(root, alt, v, path, &mut e);
                    e.is_empty()
                });
                if !ok {
                    errors.push(format!("{path}: matches none of anyOf"));
                }
            }
            "required" => {
                if let Some(o) = v.as_object() {
                    for r in s.as_array().expect("required list") {
                        let r = r.as_str().expect("a field name");
                        if !o.contains_key(r) {
                            errors.push(format!("{path}: lacks required {r}"));
                        }
                    }
                }
            }
            "properties" => {
                if let Some(o) = v.as_object() {
                    for (name, sub) in s.as_object().expect("properties") {
                        if let Some(x) = o.get(name) {
                            validate(root, sub, x, &format!("{path}.{name}"), errors);
                        }
                    }
                }
            }
            "additionalProperties" => {
                let props = obj.get("properties").and_then(Value::as_object);
                if let (Some(o), Some(false)) = (v.as_object(), s.as_bool()) {
                    for name in o.keys() {
                        if props.is_none_or(|p| !p.contains_key(name)) {
                            errors.push(format!("{path}: {name} is not in the schema"));
                        }
                    }
                }
            }
            "items" => {
                if let Some(a) = v.as_array() {
                    for (i, x) in a.iter().enumerate() {
                        validate(root, s, x, &format!("{path}[{i}]"), errors);
                    }
                }
            }
            other => panic!("the schema uses {other}, which this validator does not check"),
        }
    }
}

fn is_type(v: &Value, t: &str) -> bool {
    match t {
        "object" => v.is_object(),
        "array" => v.is_array(),
        "string" => v.is_string(),
        "boolean" => v.is_boolean(),
        "null" => v.is_null(),
        "number" => v.is_number(),
        "integer" => v.is_u64() || v.is_i64(),
        _ => panic!("unknown type {t}"),
    }
}

fn assert_valid(schema_at: &str, v: &Value, what: &str) {
    let root = schema();
    let s = if schema_at.is_empty() {
        root.clone()
    } else {
        root["$defs"][schema_at].clone()
    };
    assert!(!s.is_null(), "no $defs/{schema_at}");
    let mut errors = Vec::new();
    validate(&root, &s, v, what, &mut errors);
    assert!(errors.is_empty(), "{what}:\n{}", errors.join("\n"));
}

fn stdout(args: &[&str]) -> String {
    let out = claimdiff().args(args).output().expect("runs");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn the_json_export_of_every_command_validates() {
    for cmd in ["claims", "events", "report"] {
        let text = stdout(&[cmd, "seeds", "tests/data/bilingual", "--format", "json"]);
        let v: Value = serde_json::from_str(&text).expect("JSON");
        assert!(!v["findings"].as_array().expect("findings").is_empty());
        assert_valid("", &v, cmd);
    }
}

#[test]
fn every_json_lines_view_validates() {
    for (cmd, def) in [
        ("claims", "claim"),
        ("events", "event"),
        ("report", "finding_line"),
    ] {
        let text = stdout(&[cmd, "seeds", "--format", "jsonl"]);
        assert!(text.lines().count() > 0, "{cmd} wrote no line");
        for (i, line) in text.lines().enumerate() {
            let v: Value = serde_json::from_str(line).expect("a JSON line");
            assert_valid(def, &v, &format!("{cmd} line {}", i + 1));
        }
    }
}

/// `claims --records`: claim lines as `claims --format jsonl` writes them, each document's
/// claims followed by its document record.
#[test]
fn the_per_document_records_validate() {
    let text = stdout(&[
        "claims",
        "seeds",
        "tests/data/bilingual",
        "--format",
        "jsonl",
        "--records",
    ]);
    let (mut claims, mut documents) = (0, 0);
    for (i, line) in text.lines().enumerate() {
        let v: Value = serde_json::from_str(line).expect("a JSON line");
        let def = if v.get("record").is_some() {
            documents += 1;
            "document_record"
        } else {
            claims += 1;
            "claim"
        };
        assert_valid(def, &v, &format!("claims --records line {}", i + 1));
    }
    assert_eq!(documents, 7);
    assert!(claims > 0);
}

#[test]
fn the_schema_rejects_what_the_scorer_could_not_read() {
    let text = stdout(&["report", "seeds", "--format", "json"]);
    let mut v: Value = serde_json::from_str(&text).expect("JSON");
    v["claims"][0]["span"]
        .as_object_mut()
        .expect("span")
        .remove("start");
    v["findings"][0]["kind"] = "disagreement".into();
    let (root, mut errors) = (schema(), Vec::new());
    validate(&root, &root, &v, "export", &mut errors);
    assert_eq!(errors.len(), 2, "{errors:#?}");
    // the date source another stage may write is allowed, and only its own values
    let mut doc = v["documents"][0].clone();
    doc["published_from"] = "dateline".into();
    assert_valid("document", &doc, "published_from");
    doc["published_from"] = "guess".into();
    let mut errors = Vec::new();
    validate(&root, &root["$defs"]["document"], &doc, "doc", &mut errors);
    assert_eq!(errors.len(), 1);
}

/// The README's field list, generated from the schema: one line per top-level array, optional
/// fields marked `?`, nested objects in braces.
fn field_list() -> String {
    let root = schema();
    let mut out = String::from("format: \"claimdiff/1\"\n");
    for (name, def) in [
        ("documents", "document"),
        ("claims", "claim"),
        ("events", "event"),
        ("findings", "finding"),
    ] {
        out.push_str(&format!(
            "{name}[]: {}\n",
            fields(&root, &root["$defs"][def])
        ));
    }
    out
}

fn fields(root: &Value, s: &Value) -> String {
    let required: Vec<&str> = s["required"]
        .as_array()
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let props = s["properties"].as_object().expect("an object schema");
    let parts: Vec<String> = props
        .iter()
        .map(|(name, sub)| {
            let mark = if required.contains(&name.as_str()) {
                ""
            } else {
                "?"
            };
            let sub = match sub["$ref"].as_str() {
                Some(r) if r != "#/$defs/span" => &root["$defs"][r.trim_start_matches("#/$defs/")],
                _ => sub,
            };
            let inner = if sub["type"] == "object" {
                format!("{{{}}}", fields(root, sub))
            } else if sub["type"] == "array" && sub["items"]["$ref"].is_string() {
                let r = sub["items"]["$ref"].as_str().unwrap_or_default();
                format!(
                    "[{{{}}}]",
                    fields(root, &root["$defs"][r.trim_start_matches("#/$defs/")])
                )
            } else if sub["type"] == "array" {
                "[]".to_string()
            } else {
                String::new()
            };
            format!("{name}{mark}{inner}")
        })
        .collect();
    parts.join(", ")
}

#[test]
fn the_readme_field_list_is_the_schema() {
    let readme = std::fs::read_to_string("README.md").expect("README");
    let (begin, end) = ("<!-- fields: begin -->\n```\n", "```\n<!-- fields: end -->");
    let start = readme.find(begin).expect("README marks the field list") + begin.len();
    let stop = readme[start..].find(end).expect("the list ends") + start;
    let want = field_list();
    if readme[start..stop] != want && std::env::var_os("UPDATE_README").is_some() {
        let updated = format!("{}{want}{}", &readme[..start], &readme[stop..]);
        std::fs::write("README.md", updated).expect("write README");
        return;
    }
    assert_eq!(
        readme[start..stop],
        want,
        "the README's field list differs from the schema; regenerate with UPDATE_README=1"
    );
}

/// With `--review-db`, findings carry their `review`, and both JSON formats still validate.
#[cfg(feature = "serve")]
#[test]
fn the_export_with_reviews_validates() {
    use claimdiff::model::Stance;
    use claimdiff::render::review::{Correction, Status};
    use claimdiff::serve::{Change, Store, store::About};

    let text = stdout(&["report", "seeds", "--format", "json"]);
    let v: Value = serde_json::from_str(&text).expect("JSON");
    let f = &v["findings"][0];
    let dir = tempfile::tempdir().expect("a temp dir");
    let db = dir.path().join("review.sqlite");
    let mut store = Store::open(&db).expect("a new database");
    let change = Change {
        status: Some(Status::NeedsCheck),
        note: Some("call the ministry".into()),
        reviewer: Some("Mona".into()),
        corrections: Some(vec![Correction {
            claim: f["a"]["claims"][0].as_str().expect("a claim").into(),
            speaker: Some("Sergei Shoigu".into()),
            parties: Some(vec!["RU".into()]),
            stance: Some(Stance::Deny),
        }]),
        version: Some(0),
    };
    let about = About {
        kind: "denial",
        event: None,
        summary: "",
    };
    let id = f["id"].as_str().expect("an id");
    store
        .apply(id, &change, &about, "2025-01-22T10:00:00Z")
        .expect("stored");
    drop(store);
    let db = db.to_str().expect("a UTF-8 path");
    let text = stdout(&["report", "seeds", "--review-db", db, "--format", "json"]);
    let v: Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(v["findings"][0]["review"]["status"], "needs_check");
    assert_valid("", &v, "report --review-db");
    let text = stdout(&["report", "seeds", "--review-db", db, "--format", "jsonl"]);
    let first: Value = serde_json::from_str(text.lines().next().expect("a line")).expect("JSON");
    assert_eq!(first["review"]["corrections"][0]["stance"], "deny");
    for line in text.lines() {
        let v: Value = serde_json::from_str(line).expect("a JSON line");
        assert_valid("finding_line", &v, "report --review-db --format jsonl");
    }
}
