//! The binary as a user runs it: commands, formats, filters, exit codes and messages.

use predicates::prelude::*;

mod common;

use common::claimdiff;

fn json(args: &[&str]) -> serde_json::Value {
    let out = claimdiff().args(args).output().expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON output")
}

#[test]
fn help_shows_examples_and_every_command() {
    claimdiff()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("claimdiff report seeds/"))
        .stdout(
            predicate::str::contains("claims")
                .and(predicate::str::contains("events"))
                .and(predicate::str::contains("pairs")),
        );
}

#[test]
fn report_json_is_the_whole_export() {
    let r = json(&["report", "seeds", "--format", "json", "--quiet"]);
    assert_eq!(r["format"], "claimdiff/1");
    assert_eq!(r["documents"].as_array().map(Vec::len), Some(5));
    assert!(r["claims"].as_array().is_some_and(|c| c.len() > 40));
    assert!(r["events"].as_array().is_some_and(|e| !e.is_empty()));
    assert!(r["findings"].as_array().is_some_and(|f| !f.is_empty()));
    let claim = &r["claims"][0];
    for field in [
        "id", "doc", "span", "text", "speaker", "cue", "content", "stance", "topics", "event",
        "rule",
    ] {
        assert!(claim.get(field).is_some(), "claims[0] lacks {field}");
    }
}

#[test]
fn claim_ids_are_stable_across_runs() {
    let ids = |r: serde_json::Value| {
        r["claims"]
            .as_array()
            .expect("claims")
            .iter()
            .map(|c| c["id"].to_string())
            .collect::<Vec<_>>()
    };
    let a = ids(json(&["claims", "seeds", "--format", "json"]));
    let b = ids(json(&["claims", "seeds", "--format", "json"]));
    assert_eq!(a, b);
}

#[test]
fn jsonl_streams_one_claim_per_line() {
    let out = claimdiff()
        .args(["claims", "seeds", "--format", "jsonl"])
        .output()
        .expect("runs");
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    let all = json(&["claims", "seeds", "--format", "json"]);
    assert_eq!(
        text.lines().count(),
        all["claims"].as_array().expect("claims").len()
    );
    for line in text.lines() {
        let c: serde_json::Value = serde_json::from_str(line).expect("each line is JSON");
        assert!(c["speaker"]["parties"].is_array());
    }
}

#[test]
fn filters_keep_only_what_was_asked() {
    let all = json(&["report", "seeds", "--format", "json"]);
    let denials = json(&["report", "seeds", "--format", "json", "--kind", "denial"]);
    let n = |r: &serde_json::Value| r["findings"].as_array().expect("findings").len();
    assert!(n(&denials) > 0 && n(&denials) < n(&all));
    assert!(
        denials["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .all(|f| f["kind"] == "denial")
    );
    let strict = json(&["report", "seeds", "--format", "json", "--min-score", "0.85"]);
    assert!(
        strict["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .all(|f| f["score"].as_f64().unwrap_or(0.0) >= 0.85)
    );
    let event = all["findings"][0]["event"]
        .as_str()
        .expect("an event")
        .to_string();
    let one = json(&["report", "seeds", "--format", "json", "--event", &event]);
    assert!(
        one["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .all(|f| f["event"] == event.as_str())
    );
}

#[test]
fn fail_on_findings_sets_the_exit_status() {
    claimdiff()
        .args(["report", "seeds", "--fail-on-findings", "--quiet"])
        .assert()
        .code(3);
    claimdiff()
        .args([
            "report",
            "seeds/003_e29d59dd00f27b6d.txt",
            "--fail-on-findings",
            "--quiet",
        ])
        .assert()
        .code(0);
}

#[test]
fn terminal_report_has_event_headers_tables_and_a_summary() {
    claimdiff()
        .args(["report", "seeds"])
        .env("COLUMNS", "120")
        .assert()
        .success()
        .stdout(predicate::str::contains("Moscow"))
        .stdout(predicate::str::contains("denial"))
        .stdout(predicate::str::contains("opposing_evaluation"))
        .stdout(predicate::str::is_match(r"\d+ finding\(s\) in \d+ event\(s\)").expect("regex"));
}

#[test]
fn markdown_report_is_a_document_with_tables() {
    claimdiff()
        .args(["report", "seeds", "--format", "md"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("# claimdiff report"))
        .stdout(predicate::str::contains(
            "| kind | side A | side B | score | why |",
        ));
}

#[test]
fn eval_prints_the_score_py_figures() {
    claimdiff()
        .args(["eval", "--gold", "tests/data/seeds-gold.json", "seeds"])
        .assert()
        .success()
        .stdout(predicate::str::contains("claim_recall"))
        .stdout(predicate::str::contains("conflicts_missed         []"));
}

#[test]
fn rules_check_validates_the_built_in_rules() {
    claimdiff()
        .args(["rules", "check"])
        .assert()
        .success()
        .stdout(predicate::str::contains("ok"));
}

#[test]
fn pair_labels_a_contradiction() {
    claimdiff()
        .args([
            "pair",
            "الحكومة تقرر رفع أسعار الوقود",
            "الحكومة تقرر خفض أسعار الوقود",
        ])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("disagree"));
}

#[test]
fn pair_disagrees_with_an_english_negation_or_denial() {
    for (s1, s2) in [
        (
            "The talks were constructive",
            "The talks were not constructive",
        ),
        (
            "The army said it withdrew from the town",
            "The army denied it withdrew from the town",
        ),
    ] {
        claimdiff()
            .args(["pair", s1, s2])
            .assert()
            .success()
            .stdout(predicate::str::starts_with("disagree"));
    }
}

#[test]
fn pairs_adds_predicted_and_why_columns() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = dir.path().join("in.csv");
    std::fs::write(&input, "id,s1,s2\n1,ارتفاع أسعار الذهب,انخفاض أسعار الذهب\n2,ارتفاع أسعار الذهب,ارتفاع أسعار الذهب\n").expect("write");
    let out = dir.path().join("out.csv");
    claimdiff()
        .args([
            "pairs",
            input.to_str().expect("path"),
            "-o",
            out.to_str().expect("path"),
        ])
        .assert()
        .success();
    let text = std::fs::read_to_string(out).expect("output");
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("id,s1,s2,predicted,why"));
    assert!(lines.next().expect("row 1").contains(",disagree,"));
    assert!(lines.next().expect("row 2").contains(",agree,"));
}

#[test]
fn standard_input_is_a_document() {
    claimdiff()
        .args(["claims", "-", "--format", "json"])
        .write_stdin("وقال وزير الخارجية المغربي إن الرباط تدعم الحل السياسي.")
        .assert()
        .success()
        .stdout(predicate::str::contains("\"MA\""));
}
