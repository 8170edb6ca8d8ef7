//! Whole-corpus snapshots of the seed reports (terminal, Markdown, JSON): any change in what
//! claimdiff finds shows as a readable diff to review. The JSON snapshot also pins the export
//! schema. Update with `INSTA_UPDATE=always cargo test --test snapshots` and review the diff.

use claimdiff::model::Report;
use claimdiff::render::{Format, View};

mod common;

use common::rendered;

fn seeds() -> Report {
    common::report_of_path("seeds").0
}

#[test]
fn terminal_report() {
    insta::assert_snapshot!(rendered(&seeds(), Format::Table, View::Findings, 140));
}

#[test]
fn terminal_claims() {
    insta::assert_snapshot!(rendered(&seeds(), Format::Table, View::Claims, 140));
}

#[test]
fn markdown_report() {
    insta::assert_snapshot!(rendered(&seeds(), Format::Markdown, View::Findings, 140));
}

#[test]
fn json_export() {
    insta::assert_snapshot!(rendered(&seeds(), Format::Json, View::Findings, 140));
}
