//! The two halves of a run apart (issue 17): `claims --format jsonl --records` writes each
//! document's result, `report --from-claims` finishes the run from those records alone, and every
//! report format is byte for byte the direct `claimdiff report`'s.

use std::path::Path;
use std::process::Output;

mod common;

use common::claimdiff;

const CORPUS: &str = "tests/data/spark/corpus.jsonl";

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut cmd = claimdiff();
    cmd.args(args);
    if let Some(bytes) = stdin {
        cmd.write_stdin(bytes.to_vec());
    }
    cmd.output().expect("runs")
}

fn records(input: &str) -> Vec<u8> {
    let out = run(&["claims", input, "--format", "jsonl", "--records"], None);
    assert!(out.status.code().is_some_and(|c| c <= 1), "{out:?}");
    out.stdout
}

fn assert_same_reports(input: &str) {
    let dir = tempfile::tempdir().expect("temp dir");
    let recs = dir.path().join("records.jsonl");
    std::fs::write(&recs, records(input)).expect("write records");
    let recs = recs.to_str().expect("UTF-8 path");
    for format in ["json", "jsonl", "md", "html", "table"] {
        let direct = run(&["report", input, "--format", format], None);
        let from_file = run(&["report", "--from-claims", recs, "--format", format], None);
        assert!(from_file.status.success(), "{from_file:?}");
        assert!(
            direct.stdout == from_file.stdout,
            "{input} --format {format}: report --from-claims differs from the direct run"
        );
        let from_stdin = run(
            &["report", "--from-claims", "-", "--format", format],
            Some(&records(input)),
        );
        assert!(
            direct.stdout == from_stdin.stdout,
            "{input} {format}: stdin"
        );
    }
}

#[test]
fn the_report_from_records_is_the_direct_report_on_the_seeds() {
    assert_same_reports("seeds");
}

#[test]
fn the_report_from_records_is_the_direct_report_on_seeds_and_dev_docs() {
    assert!(Path::new(CORPUS).is_file());
    let direct = run(&["report", CORPUS, "--format", "json"], None);
    let v: serde_json::Value = serde_json::from_slice(&direct.stdout).expect("JSON");
    assert_eq!(v["documents"].as_array().map(Vec::len), Some(38));
    assert!(!v["findings"].as_array().expect("findings").is_empty());
    assert_same_reports(CORPUS);
}

#[test]
fn claim_lines_keep_their_shape_with_records() {
    let plain = run(&["claims", CORPUS, "--format", "jsonl"], None).stdout;
    let with = records(CORPUS);
    let claims: Vec<&[u8]> = with
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty() && !l.starts_with(br#"{"record":"document""#))
        .collect();
    let plain: Vec<&[u8]> = plain
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .collect();
    assert!(!plain.is_empty());
    assert!(claims == plain, "the claim lines changed under --records");
}

#[test]
fn records_need_json_lines_and_the_report_needs_records() {
    let out = run(&["claims", "seeds", "--records"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--format jsonl"));
    // articles are not records
    let out = run(&["report", "--from-claims", CORPUS], None);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&format!("{CORPUS}:1: ")), "{err}");
    // claims without their document line: a truncated file
    let recs = records("seeds");
    let text = String::from_utf8(recs).expect("UTF-8");
    let cut = text.rfind(r#"{"record":"document""#).expect("a record");
    let out = run(
        &["report", "--from-claims", "-"],
        Some(&text.as_bytes()[..cut]),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("truncated"));
    // nothing at all
    let out = run(&["report", "--from-claims", "-"], Some(b""));
    assert_eq!(out.status.code(), Some(2));
    // inputs and --from-claims together
    let out = run(&["report", "seeds", "--from-claims", "-"], None);
    assert_eq!(out.status.code(), Some(2));
}
