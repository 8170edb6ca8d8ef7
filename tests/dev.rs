//! The development-set figures must not fall: the 33 dev articles (a copy of the shared dev set
//! in tests/data/dev, written in the project's own words from real reports) scored against their
//! hand annotation with the same metrics as score.py. The floors sit just under the figures in
//! the README, so a change that loses a claim, a party, a grouping or a conflict fails here.

use claimdiff::eval::{Gold, Scores, score};

mod common;

fn run() -> Scores {
    let (report, problems, _) = common::report_of_path("tests/data/dev/docs");
    assert!(problems.is_empty(), "{problems:?}");
    let gold: Gold = serde_json::from_str(include_str!("data/dev/gold.json")).expect("gold parses");
    score(&gold, &report)
}

#[test]
fn dev_claims_keep_their_floor() {
    let s = run();
    assert!(s.claim_recall >= 0.94, "{s:?}");
    assert!(s.claim_precision >= 0.95, "{s:?}");
    assert!(s.strict_f1 >= 0.87, "{s:?}");
    assert!(s.attribution_accuracy.unwrap_or(0.0) >= 0.97, "{s:?}");
    assert!(s.stance_accuracy.unwrap_or(0.0) >= 0.91, "{s:?}");
    assert!(s.grouping_f1 >= 0.87, "{s:?}");
}

#[test]
fn dev_conflicts_keep_their_floor_and_flag_no_agreement() {
    let s = run();
    assert!(s.conflict_recall.unwrap_or(0.0) >= 0.80, "{s:?}");
    assert!(s.finding_precision.unwrap_or(0.0) >= 0.85, "{s:?}");
    assert_eq!(s.agreements_flagged, 0, "{s:?}");
}
