//! Whole-corpus snapshots of the seed reports (terminal, Markdown, JSON): any change in what
//! claimdiff finds shows as a readable diff to review. The JSON snapshot also pins the export
//! schema. Update with `INSTA_UPDATE=always cargo test --test snapshots` and review the diff.

use claimdiff::model::Report;
use claimdiff::render::{self, Format, View};
use claimdiff::rules::RuleSet;

fn seeds() -> Report {
    let rules = RuleSet::embedded().expect("built-in rules load");
    let loaded = claimdiff::corpus::load(&["seeds".into()], Default::default());
    claimdiff::analyze(&loaded.inputs, &rules)
}

#[test]
fn terminal_report() {
    insta::assert_snapshot!(render::render(&seeds(), Format::Table, View::Findings, 140));
}

#[test]
fn terminal_claims() {
    insta::assert_snapshot!(render::render(&seeds(), Format::Table, View::Claims, 140));
}

#[test]
fn markdown_report() {
    insta::assert_snapshot!(render::render(
        &seeds(),
        Format::Markdown,
        View::Findings,
        140
    ));
}

#[test]
fn json_export() {
    insta::assert_snapshot!(render::render(&seeds(), Format::Json, View::Findings, 140));
}
