//! What the sentence tests share: the built-in rules, compiled once per test binary, and the
//! analysis of one text as a one-document corpus.

use std::sync::LazyLock;

use claimdiff::corpus::Input;
use claimdiff::model::{Document, Report};
use claimdiff::rules::RuleSet;

/// The built-in rules.
pub static RULES: LazyLock<RuleSet> =
    LazyLock::new(|| RuleSet::embedded().expect("built-in rules load"));

/// Analyses `text` as document `t`, in `language` when given (else detected).
pub fn analyze_in(text: &str, language: Option<&str>) -> Report {
    let doc = Document {
        id: "t".into(),
        path: "t".into(),
        language: language.map(str::to_string),
        ..Default::default()
    };
    claimdiff::analyze(
        &[Input {
            doc,
            text: text.into(),
        }],
        &RULES,
    )
}
