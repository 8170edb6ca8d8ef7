//! Text preparation (normalization, offsets, segmentation) on any UTF-8 text, with the rules of
//! each language: it must not panic, and every sentence span must lie within the text.
#![no_main]

use std::sync::LazyLock;

use claimdiff::rules::RuleSet;
use libfuzzer_sys::fuzz_target;

static RULES: LazyLock<RuleSet> =
    LazyLock::new(|| RuleSet::embedded().expect("the built-in rules load"));

fuzz_target!(|text: &str| {
    let chars = text.chars().count();
    for lang in &RULES.langs {
        let prepared = claimdiff::text::prepare(text, lang);
        for s in &prepared.sentences {
            assert!(s.span.start <= s.span.end && s.span.end <= chars);
            let _ = prepared.slice(s.span);
        }
    }
});
