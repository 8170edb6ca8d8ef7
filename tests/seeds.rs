//! The seed figures must not fall: the five sample articles scored against their hand annotation
//! (a copy of the shared gold in tests/data) with the same metrics as score.py.

use claimdiff::eval::{Gold, Scores, score};
use claimdiff::model::Report;

mod common;

fn run() -> (Report, Scores) {
    let (report, problems, _) = common::report_of_path("seeds");
    assert!(problems.is_empty(), "{problems:?}");
    let gold: Gold =
        serde_json::from_str(include_str!("data/seeds-gold.json")).expect("gold parses");
    let scores = score(&gold, &report);
    (report, scores)
}

#[test]
fn claim_extraction_meets_its_targets() {
    let (_, s) = run();
    assert!(s.claim_recall >= 0.95, "{s:?}");
    assert!(s.claim_precision >= 0.90, "{s:?}");
    assert!(s.attribution_accuracy.unwrap_or(0.0) >= 0.95, "{s:?}");
    assert!(s.stance_accuracy.unwrap_or(0.0) >= 0.90, "{s:?}");
}

#[test]
fn grouping_meets_its_target() {
    let (_, s) = run();
    assert!(s.grouping_f1 >= 0.90, "{s:?}");
}

#[test]
fn every_required_conflict_is_found_and_no_agreement_is_flagged() {
    let (_, s) = run();
    assert_eq!(s.conflict_recall, Some(1.0), "{s:?}");
    assert!(s.finding_precision.unwrap_or(0.0) >= 0.80, "{s:?}");
    assert_eq!(s.agreements_flagged, 0, "{s:?}");
}

/// The April defence ministers' meeting that seed 000 mentions in passing is seed 001's main
/// event. Seed 001's passing mention of a planned foreign ministers' meeting names only Turkey,
/// a level and a month: too little to join seed 000's main event, but never the April one.
#[test]
fn the_same_meetings_merge_across_articles() {
    let (r, _) = run();
    let event_of = |doc: &str, words: &str| {
        r.claims
            .iter()
            .find(|c| c.doc.starts_with(doc) && c.text.contains(words))
            .and_then(|c| c.event.clone())
            .unwrap_or_else(|| panic!("no claim with an event in {doc} containing {words}"))
    };
    let april = event_of("000", "ركزت على");
    assert_eq!(april, event_of("001", "لا صحة"));
    let may = event_of("000", "أصدقائنا");
    assert_ne!(april, may);
    assert_ne!(april, event_of("001", "من المحتمل عقد"));
    let moscow_2018 = event_of("004", "انتقدته");
    assert_ne!(moscow_2018, april);
    assert_ne!(moscow_2018, may);
}

#[test]
fn spans_slice_the_text_they_name() {
    let (r, _) = run();
    for c in &r.claims {
        let text = std::fs::read_to_string(format!("seeds/{}.txt", c.doc)).expect("seed file");
        let chars: Vec<char> = text.chars().collect();
        let slice = |s: claimdiff::model::Span| chars[s.start..s.end].iter().collect::<String>();
        assert_eq!(slice(c.span), c.text);
        assert_eq!(slice(c.cue.span), c.cue.text);
        assert_eq!(slice(c.content.span), c.content.text);
        if let Some(sp) = c.speaker.span {
            assert_eq!(slice(sp), c.speaker.text);
        }
    }
}
