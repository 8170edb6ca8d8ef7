//! The whole pipeline on one document of any UTF-8 text: no panic, and every claim's spans slice
//! the text to the claim's own strings.
#![no_main]

use std::sync::LazyLock;

use claimdiff::corpus::Input;
use claimdiff::model::{Document, Span};
use claimdiff::rules::RuleSet;
use libfuzzer_sys::fuzz_target;

static RULES: LazyLock<RuleSet> =
    LazyLock::new(|| RuleSet::embedded().expect("the built-in rules load"));

fuzz_target!(|text: &str| {
    let input = Input {
        doc: Document {
            id: "fuzz".into(),
            path: "fuzz.txt".into(),
            ..Default::default()
        },
        text: text.to_string(),
    };
    let report = claimdiff::analyze(vec![input], &RULES, &mut |_| {});
    let chars: Vec<char> = text.chars().collect();
    let slice = |s: Span| -> String {
        assert!(
            s.start <= s.end && s.end <= chars.len(),
            "span {s:?} outside the text"
        );
        chars[s.start..s.end].iter().collect()
    };
    for c in &report.claims {
        assert_eq!(slice(c.span), c.text);
        assert_eq!(slice(c.cue.span), c.cue.text);
        assert_eq!(slice(c.content.span), c.content.text);
        if let Some(s) = c.speaker.span {
            let _ = slice(s);
        }
    }
    let json = serde_json::to_string(&report).expect("the report serializes");
    let _: claimdiff::model::Report = serde_json::from_str(&json).expect("and reads back");
});
